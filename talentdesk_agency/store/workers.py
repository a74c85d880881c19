"""Server processes: a heartbeat row each, read by ``doctor`` and the timer leader.

Each serving process has a random instance id and writes its row every few seconds
(:meth:`Workers.beat`): host, pid, version, when it started, when it was last seen, and
whether it leads the timers. A row is only a report; whether a process still lives, for
taking over its idempotency reservations, is asked of the database itself
(:meth:`.Dialect.process_alive`), which knows at once when a process dies.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from talentdesk_agency.store.engine import Database

__all__ = ["WorkerRow", "Workers"]


@dataclass(frozen=True, slots=True)
class WorkerRow:
    """One server process's last heartbeat."""

    id: str
    host: str
    pid: int
    version: str
    started_at: float
    seen_at: float
    leader: bool


class Workers:
    """Heartbeat rows of the server processes."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def beat(
        self,
        instance: str,
        *,
        host: str,
        pid: int,
        version: str,
        started_at: float,
        leader: bool,
        now: float | None = None,
    ) -> None:
        """Record that ``instance`` is alive now (and whether it leads the timers)."""
        seen = time.time() if now is None else now
        with self._db.write() as tx:
            tx.execute(
                "INSERT INTO agency_workers(id, host, pid, version, started_at, seen_at, leader) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "seen_at = excluded.seen_at, leader = excluded.leader",
                (instance, host, pid, version, started_at, seen, int(leader)),
            )
            if leader:
                # A leader that died cannot say it stopped: the new one says it for it.
                tx.execute(
                    "UPDATE agency_workers SET leader = 0 WHERE id <> ? AND leader <> 0",
                    (instance,),
                )

    def gone(self, instance: str) -> None:
        """Remove a process's row as it stops cleanly."""
        with self._db.write() as tx:
            tx.execute("DELETE FROM agency_workers WHERE id = ?", (instance,))

    def rows(self) -> list[WorkerRow]:
        """Every recorded process, most recently seen first."""
        with self._db.read() as tx:
            rows = tx.all(
                "SELECT id, host, pid, version, started_at, seen_at, leader "
                "FROM agency_workers ORDER BY seen_at DESC, id"
            )
        return [
            WorkerRow(
                id=str(r[0]),
                host=str(r[1]),
                pid=int(r[2]),
                version=str(r[3]),
                started_at=float(r[4]),
                seen_at=float(r[5]),
                leader=bool(r[6]),
            )
            for r in rows
        ]

    def forget(self, older_than_seconds: float, *, now: float | None = None) -> int:
        """Delete rows not seen for ``older_than_seconds``. Returns how many."""
        limit = (time.time() if now is None else now) - older_than_seconds
        with self._db.write() as tx:
            return tx.run("DELETE FROM agency_workers WHERE seen_at < ?", (limit,))
