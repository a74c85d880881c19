"""Versioned schema migrations, the same steps on SQLite and PostgreSQL.

``MIGRATIONS[n]`` brings schema ``n`` to ``n + 1``. Its steps are DDL templates (type
names filled in by the dialect, see :mod:`.dialect`) or functions of a transaction.
Pending steps and the new version run in one transaction behind the migration lock, so
an interrupted or failed upgrade leaves the database as it was and two processes
starting at once migrate it once. A new database runs every step from the first, so it
is built exactly as an upgraded one.

Steps are history: never edit a released one, add a migration.

* 1: the first schema (the reference server's single SQLite file, ``user_version`` 1).
* 2: a counter for report ticket numbers (taken under a row lock, safe with concurrent
  writers, where ``max(number) + 1`` is not); the faults table leaves the schema (it is
  a test instrument, created only where one is used, see :mod:`.faults`).
* 3: ``agency_workers``, the heartbeat of each server process (who is alive, who leads
  the timers), read by ``doctor`` and by the idempotency takeover (see :mod:`.workers`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from talentdesk_agency.defaults import DEFAULT_AGENCY_NAME, default_config
from talentdesk_agency.problems import AgencyError
from talentdesk_agency.store.engine import Database, Tx
from talentdesk_contract import wire

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Migration", "migrate", "schema_version"]

Step = str | Callable[[Tx], None]


@dataclass(frozen=True, slots=True)
class Migration:
    """The steps from schema ``version - 1`` to ``version``."""

    version: int
    summary: str
    steps: tuple[Step, ...]


def _seed_settings(tx: Tx) -> None:
    for key, value in (
        ("agency_name", DEFAULT_AGENCY_NAME),
        ("config", wire.encode(default_config()).decode()),
    ):
        tx.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING",
            (key, value),
        )


_SCHEMA_1: Final[tuple[Step, ...]] = (
    """CREATE TABLE IF NOT EXISTS settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS talents (
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    available {int} NOT NULL DEFAULT 0,
    available_until TEXT
)""",
    """CREATE TABLE IF NOT EXISTS pairing_codes (
    code_hash TEXT PRIMARY KEY,
    talent_id TEXT NOT NULL REFERENCES talents(id),
    created_at TEXT NOT NULL,
    expires_at {float} NOT NULL,
    used_at TEXT
)""",
    """CREATE TABLE IF NOT EXISTS tokens (
    token_hash TEXT PRIMARY KEY,
    talent_id TEXT NOT NULL REFERENCES talents(id),
    device_name TEXT NOT NULL,
    created_at TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS events (
    seq {autoincrement},
    talent_id TEXT NOT NULL REFERENCES talents(id),
    type TEXT NOT NULL,
    at TEXT NOT NULL,
    data TEXT NOT NULL,
    booking_id TEXT
)""",
    "CREATE INDEX IF NOT EXISTS events_by_talent ON events(talent_id, seq)",
    "CREATE INDEX IF NOT EXISTS events_by_booking ON events(booking_id) "
    "WHERE booking_id IS NOT NULL",
    """CREATE TABLE IF NOT EXISTS bookings (
    id TEXT PRIMARY KEY,
    talent_id TEXT NOT NULL REFERENCES talents(id),
    start TEXT NOT NULL,
    package TEXT NOT NULL,
    alias TEXT,
    handle TEXT,
    returning_customer {int} NOT NULL,
    status TEXT NOT NULL DEFAULT 'booked',
    cancel_reason TEXT,
    answer TEXT,
    answer_reason TEXT,
    answered_at TEXT,
    created_at TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS session_events (
    booking_id TEXT NOT NULL REFERENCES bookings(id),
    type TEXT NOT NULL,
    at TEXT NOT NULL,
    planned_seconds {int} NOT NULL,
    actual_seconds {int},
    outcome TEXT,
    received_at TEXT NOT NULL,
    PRIMARY KEY (booking_id, type)
)""",
    """CREATE TABLE IF NOT EXISTS escalations (
    id TEXT PRIMARY KEY,
    talent_id TEXT NOT NULL REFERENCES talents(id),
    booking_id TEXT,
    level TEXT NOT NULL,
    at TEXT NOT NULL,
    crisis_sign TEXT,
    note TEXT,
    status TEXT NOT NULL,
    follow_ups {int} NOT NULL DEFAULT 0,
    supervisor TEXT,
    supervisor_note TEXT,
    acknowledged_at TEXT,
    resolved_at TEXT,
    cancelled_at TEXT,
    created_at TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS escalation_follow_ups (
    id {rowid},
    escalation_id TEXT NOT NULL REFERENCES escalations(id),
    crisis_sign TEXT,
    note TEXT,
    received_at TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS reports (
    id TEXT PRIMARY KEY,
    number {int} NOT NULL UNIQUE,
    talent_id TEXT NOT NULL REFERENCES talents(id),
    session_id TEXT NOT NULL,
    booking_id TEXT NOT NULL,
    category TEXT NOT NULL,
    description TEXT NOT NULL,
    at TEXT NOT NULL,
    level TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS idempotency (
    talent_id TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    state TEXT NOT NULL,
    owner TEXT NOT NULL,
    started_at {float} NOT NULL,
    status {int},
    content_type TEXT,
    body {blob},
    PRIMARY KEY (talent_id, key)
)""",
    """CREATE TABLE IF NOT EXISTS faults (
    id {rowid},
    path_prefix TEXT NOT NULL,
    method TEXT,
    kind TEXT NOT NULL,
    status {int} NOT NULL,
    retry_after {int},
    delay_seconds {float} NOT NULL,
    remaining {int} NOT NULL,
    created_at TEXT NOT NULL
)""",
    _seed_settings,
)

_SCHEMA_2: Final[tuple[Step, ...]] = (
    "DROP TABLE IF EXISTS faults",
    """CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value {int} NOT NULL
)""",
    "INSERT INTO counters(name, value) "
    "SELECT 'report_number', coalesce(max(number), 0) FROM reports",
)

_SCHEMA_3: Final[tuple[Step, ...]] = (
    """CREATE TABLE agency_workers (
    id TEXT PRIMARY KEY,
    host TEXT NOT NULL,
    pid {int} NOT NULL,
    version TEXT NOT NULL,
    started_at {float} NOT NULL,
    seen_at {float} NOT NULL,
    leader {int} NOT NULL DEFAULT 0
)""",
)

MIGRATIONS: Final[tuple[Migration, ...]] = (
    Migration(1, "the first schema", _SCHEMA_1),
    Migration(2, "report numbers from a counter; faults leave the schema", _SCHEMA_2),
    Migration(3, "a heartbeat row per server process", _SCHEMA_3),
)
#: The schema this code writes.
SCHEMA_VERSION: Final = MIGRATIONS[-1].version


def schema_version(db: Database) -> int:
    """The database's schema version (0 for an empty one)."""
    with db.read() as tx:
        return db.dialect.read_version(tx)


def migrate(db: Database, *, target: int | None = None, create: bool = True) -> tuple[int, int]:
    """Bring the schema up to ``target`` (default: :data:`SCHEMA_VERSION`).

    Args:
        db: The database.
        target: The version to reach (tests stop at earlier ones).
        create: Whether an empty database may be given the schema.

    Returns:
        The versions before and after.

    Raises:
        AgencyError: If the database is empty and ``create`` is false, or was written by
            a newer talentdesk-agency.
    """
    goal = SCHEMA_VERSION if target is None else target
    if not 0 <= goal <= SCHEMA_VERSION:
        raise ValueError(f"no schema version {goal}")
    version = schema_version(db)
    _check(db, version, create)
    if version >= goal:
        return version, version
    with db.write() as tx:
        db.dialect.lock_migrations(tx)
        version = db.dialect.read_version(tx)  # another process may have just migrated
        _check(db, version, create)
        for migration in MIGRATIONS:
            if version < migration.version <= goal:
                for step in migration.steps:
                    if isinstance(step, str):
                        tx.execute(db.dialect.ddl(step))
                    else:
                        step(tx)
        if goal > version:
            db.dialect.write_version(tx, goal)
    return version, max(version, goal)


def _check(db: Database, version: int, create: bool) -> None:
    if version > SCHEMA_VERSION:
        raise AgencyError(
            f"{db.target} was written by a newer talentdesk-agency "
            f"(schema {version}, this one knows {SCHEMA_VERSION})"
        )
    if version == 0 and not create:
        raise AgencyError(
            f"no agency database at {db.target} (create one with `serve`, `pair` or `migrate`)"
        )
