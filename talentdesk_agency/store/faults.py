"""The faults table: a test instrument, outside the versioned schema.

Written by ``talentdesk-agency fault`` (or a test, from another process) and read only by
a server in test mode (:mod:`talentdesk_agency.faults`). The table is created the first
time a fault is written or a test-mode server starts; a production database never has
one.
"""

from __future__ import annotations

from typing import Final

from talentdesk_agency.problems import AgencyError
from talentdesk_agency.store.engine import Database, Tx
from talentdesk_agency.store.records import Fault, iso, now_utc

__all__ = ["FAULT_KINDS", "Faults"]

FAULT_KINDS: Final = ("status", "malformed_json", "oversize", "delay")

_TABLE: Final = """CREATE TABLE IF NOT EXISTS faults (
    id {rowid},
    path_prefix TEXT NOT NULL,
    method TEXT,
    kind TEXT NOT NULL,
    status {int} NOT NULL,
    retry_after {int},
    delay_seconds {float} NOT NULL,
    remaining {int} NOT NULL,
    created_at TEXT NOT NULL
)"""


def _ensure_table(tx: Tx) -> None:
    if not tx.dialect.table_exists(tx, "faults"):
        tx.execute(tx.dialect.ddl(_TABLE))


class Faults:
    """Pending injected faults."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def ensure_table(self) -> None:
        """Create the table if this database has none (a test-mode server starting)."""
        with self._db.write() as tx:
            _ensure_table(tx)

    def add(
        self,
        *,
        path_prefix: str,
        kind: str,
        status: int = 500,
        retry_after: int | None = None,
        delay_seconds: float = 5.0,
        times: int = 1,
        method: str | None = None,
    ) -> int:
        """Arrange for the next ``times`` matching requests to fail (see the CLI's ``fault``).

        Returns:
            The fault's id.

        Raises:
            AgencyError: If a value is out of range.
        """
        if kind not in FAULT_KINDS:
            raise AgencyError(f"unknown fault kind {kind!r} (one of {', '.join(FAULT_KINDS)})")
        if not path_prefix.startswith("/"):
            raise AgencyError("the path prefix must start with '/', e.g. /v1/feed")
        if not 100 <= status <= 599:
            raise AgencyError("the status must be an HTTP status from 100 to 599")
        if retry_after is not None and not 0 <= retry_after <= 86_400:
            raise AgencyError("--retry-after must be 0 to 86400 seconds")
        if not 0 <= delay_seconds <= 600:
            raise AgencyError("--delay must be 0 to 600 seconds")
        if not 1 <= times <= 1_000_000:
            raise AgencyError("--times must be at least 1")
        with self._db.write() as tx:
            _ensure_table(tx)
            (fault_id,) = tx.returning(
                "INSERT INTO faults(path_prefix, method, kind, status, retry_after, "
                "delay_seconds, remaining, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "RETURNING id",
                (
                    path_prefix,
                    None if method is None else method.upper(),
                    kind,
                    status,
                    retry_after,
                    delay_seconds,
                    times,
                    iso(now_utc()),
                ),
            )
        return int(fault_id)

    def pending(self) -> list[Fault]:
        """Faults that still have requests to fail, oldest first."""
        with self._db.read() as tx:
            if not tx.dialect.table_exists(tx, "faults"):
                return []
            rows = tx.all(
                "SELECT id, path_prefix, method, kind, status, retry_after, delay_seconds, "
                "remaining FROM faults WHERE remaining > 0 ORDER BY id"
            )
        return [Fault(*row) for row in rows]

    def clear(self) -> int:
        """Drop every pending fault. Returns how many."""
        with self._db.write() as tx:
            if not tx.dialect.table_exists(tx, "faults"):
                return 0
            return tx.run("DELETE FROM faults WHERE remaining > 0")

    def take(self, method: str, path: str) -> Fault | None:
        """Consume one use of the oldest fault matching a request, if any."""
        # A cheap read first: almost always there is no fault, and a write transaction
        # (with its fsync) on every request would be wasteful.
        with self._db.read() as tx:
            if tx.one("SELECT 1 FROM faults WHERE remaining > 0 LIMIT 1") is None:
                return None
        with self._db.write() as tx:
            rows = tx.all_locked(
                "SELECT id, path_prefix, method, kind, status, retry_after, delay_seconds, "
                "remaining FROM faults WHERE remaining > 0 AND (method IS NULL OR method = ?) "
                "ORDER BY id",
                (method.upper(),),
            )
            for row in rows:
                fault = Fault(*row)
                if path.startswith(fault.path_prefix):
                    tx.execute(
                        "UPDATE faults SET remaining = remaining - 1 WHERE id = ?", (fault.id,)
                    )
                    return fault
        return None
