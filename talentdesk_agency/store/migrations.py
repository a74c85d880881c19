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
* 3: the supervisors' side (issue 13): escalations gain kind, priority, the policy's
  rounds and a resolution reason (CHECK constraints built from the contract's enums);
  debriefs; the policy's rounds and alert notices; a timeline per escalation, debrief and
  report; staff accounts, console sessions, failed log-ins and the audit log; device
  tokens gain revocation and a last-seen time.
* 4: ``agency_workers``, the heartbeat of each server process (who is alive, who leads
  the timers), read by ``doctor`` and by the idempotency takeover (see :mod:`.workers`).
* 5: failed log-ins keep the account's id (never the name typed: a password typed into
  the name field must not be stored) and the client's address, for a throttle per account
  and address; failed log-ins already in the audit log under a name no account has lose
  that name.

Value lists in CHECK constraints are built from :mod:`talentdesk_contract.values` (and the
store's own enums), never spelled out by hand.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from talentdesk_agency.defaults import DEFAULT_AGENCY_NAME, default_config
from talentdesk_agency.problems import AgencyError
from talentdesk_agency.store.engine import Database, Tx
from talentdesk_agency.store.records import (
    AlertChannel,
    AlertKind,
    NoticeStatus,
    StaffRole,
)
from talentdesk_contract import wire
from talentdesk_contract.values import (
    EscalationKind,
    EscalationPriority,
    EscalationStatus,
    Language,
    ResolutionReason,
)

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


def one_of(column: str, values: type[enum.StrEnum], *, nullable: bool = False) -> str:
    """A CHECK constraint: ``column`` holds one of ``values`` (or NULL if ``nullable``)."""
    listed = ", ".join("'" + member.value.replace("'", "''") + "'" for member in values)
    check = f"{column} IN ({listed})"
    return f"CHECK ({column} IS NULL OR {check})" if nullable else f"CHECK ({check})"


_SCHEMA_3: Final[tuple[Step, ...]] = (
    "ALTER TABLE escalations ADD COLUMN kind TEXT NOT NULL DEFAULT "
    f"'{EscalationKind.BUTTON.value}' " + one_of("kind", EscalationKind),
    "ALTER TABLE escalations ADD COLUMN priority TEXT NOT NULL DEFAULT "
    f"'{EscalationPriority.URGENT.value}' " + one_of("priority", EscalationPriority),
    "ALTER TABLE escalations ADD COLUMN alerted_rounds {int} NOT NULL DEFAULT 0",
    "ALTER TABLE escalations ADD COLUMN reminded_rounds {int} NOT NULL DEFAULT 0",
    "ALTER TABLE escalations ADD COLUMN unanswered {int} NOT NULL DEFAULT 0",
    "ALTER TABLE escalations ADD COLUMN resolution_reason TEXT "
    + one_of("resolution_reason", ResolutionReason, nullable=True),
    "ALTER TABLE escalations ADD COLUMN owner_id TEXT",
    "CREATE INDEX escalations_by_status ON escalations(status, created_at)",
    """CREATE TABLE debriefs (
    id TEXT PRIMARY KEY,
    talent_id TEXT NOT NULL REFERENCES talents(id),
    session_id TEXT,
    booking_id TEXT,
    at TEXT NOT NULL,
    note TEXT,
    status TEXT NOT NULL """
    + one_of("status", EscalationStatus)
    + """,
    priority TEXT NOT NULL """
    + one_of("priority", EscalationPriority)
    + """,
    supervisor TEXT,
    owner_id TEXT,
    supervisor_note TEXT,
    resolution_reason TEXT """
    + one_of("resolution_reason", ResolutionReason, nullable=True)
    + """,
    acknowledged_at TEXT,
    resolved_at TEXT,
    created_at TEXT NOT NULL
)""",
    """CREATE TABLE escalation_rounds (
    escalation_id TEXT NOT NULL REFERENCES escalations(id),
    kind TEXT NOT NULL """
    + one_of("kind", AlertKind)
    + """,
    round {int} NOT NULL,
    at TEXT NOT NULL,
    supervisors_alerted {int} NOT NULL,
    PRIMARY KEY (escalation_id, kind, round)
)""",
    """CREATE TABLE alert_notices (
    id {rowid},
    escalation_id TEXT NOT NULL REFERENCES escalations(id),
    kind TEXT NOT NULL """
    + one_of("kind", AlertKind)
    + """,
    round {int} NOT NULL,
    recipient TEXT NOT NULL,
    channel TEXT NOT NULL """
    + one_of("channel", AlertChannel)
    + """,
    address TEXT,
    status TEXT NOT NULL """
    + one_of("status", NoticeStatus)
    + """,
    attempts {int} NOT NULL DEFAULT 0,
    claimed_at {float},
    created_at TEXT NOT NULL,
    sent_at TEXT,
    error TEXT
)""",
    "CREATE INDEX alert_notices_by_status ON alert_notices(status)",
    """CREATE TABLE timeline (
    seq {autoincrement},
    at TEXT NOT NULL,
    subject TEXT NOT NULL,
    what TEXT NOT NULL,
    who TEXT,
    detail TEXT
)""",
    "CREATE INDEX timeline_by_subject ON timeline(subject, seq)",
    """CREATE TABLE staff (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL """
    + one_of("role", StaffRole)
    + """,
    password_hash TEXT NOT NULL,
    disabled {int} NOT NULL DEFAULT 0,
    on_duty {int} NOT NULL DEFAULT 0,
    language TEXT NOT NULL DEFAULT """
    + f"'{Language.ID.value}' "
    + one_of("language", Language)
    + """,
    created_at TEXT NOT NULL
)""",
    """CREATE TABLE staff_sessions (
    token_hash TEXT PRIMARY KEY,
    staff_id TEXT NOT NULL REFERENCES staff(id),
    csrf TEXT NOT NULL,
    created_at {float} NOT NULL,
    expires_at {float} NOT NULL
)""",
    """CREATE TABLE login_failures (
    id {rowid},
    name TEXT NOT NULL,
    at {float} NOT NULL
)""",
    "CREATE INDEX login_failures_by_name ON login_failures(name, at)",
    """CREATE TABLE audit_log (
    seq {autoincrement},
    at TEXT NOT NULL,
    staff_id TEXT,
    staff_name TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    detail TEXT
)""",
    "ALTER TABLE reports ADD COLUMN owner_id TEXT",
    "ALTER TABLE reports ADD COLUMN owner TEXT",
    "ALTER TABLE reports ADD COLUMN first_response_at TEXT",
    "ALTER TABLE reports ADD COLUMN staff_updated_at TEXT",
    "ALTER TABLE tokens ADD COLUMN revoked_at TEXT",
    "ALTER TABLE tokens ADD COLUMN last_seen_at TEXT",
)

_SCHEMA_4: Final[tuple[Step, ...]] = (
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

_SCHEMA_5: Final[tuple[Step, ...]] = (
    # Throttle rows are short-lived; the old ones hold whatever was typed as the name.
    "DELETE FROM login_failures",
    "DROP INDEX login_failures_by_name",
    "ALTER TABLE login_failures RENAME COLUMN name TO staff_id",
    "ALTER TABLE login_failures ADD COLUMN address TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX login_failures_by_staff ON login_failures(staff_id, at)",
    "CREATE INDEX login_failures_by_address ON login_failures(address, at)",
    "UPDATE audit_log SET staff_name = '', target = NULL WHERE action = 'login.failed' "
    "AND (target IS NULL OR target NOT IN (SELECT name FROM staff))",
)

MIGRATIONS: Final[tuple[Migration, ...]] = (
    Migration(1, "the first schema", _SCHEMA_1),
    Migration(2, "report numbers from a counter; faults leave the schema", _SCHEMA_2),
    Migration(3, "supervisors: escalation policy, debriefs, timeline, staff, audit", _SCHEMA_3),
    Migration(4, "a heartbeat row per server process", _SCHEMA_4),
    Migration(5, "failed log-ins by account and address, never the name typed", _SCHEMA_5),
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
