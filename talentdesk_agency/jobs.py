"""Periodic jobs: the work only the timer leader does (see :mod:`.leader`).

A job is a name, a period and ``tick(store, now)``. The leader runs each tick inside one
write transaction that first checks, under a lock, that this process still leads (the
fence in :mod:`.leader`), so a tick's writes commit only from the one leader, and a new
leader's tick sees everything the old one committed. A tick therefore records its work in
the database (what was sent, to whom) in that transaction, and decides what to do from
what is recorded, never from memory: then a leader that dies mid-tick loses nothing (its
transaction rolls back and the next leader does the work) and nothing is done twice.

What must wait on the network (the escalation policy's webhooks) is a job's ``after``:
run by the leader once the tick committed, outside any transaction, one at a time, and
safe to repeat (it works from what the ticks recorded).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Final

from talentdesk_agency import policy
from talentdesk_agency.store import IDEMPOTENCY_RETENTION_SECONDS
from talentdesk_agency.store.records import iso

if TYPE_CHECKING:
    from talentdesk_agency.store import AgencyStore

__all__ = [
    "DEFAULT_JOBS",
    "POLICY_JOB",
    "WORKER_ROW_RETENTION_SECONDS",
    "Job",
    "TestReminders",
    "policy_job",
]

#: Heartbeat rows of processes not seen for this long are dropped.
WORKER_ROW_RETENTION_SECONDS: Final = 24 * 3600


@dataclass(frozen=True, slots=True)
class Job:
    """A periodic job.

    Attributes:
        name: Named in logs.
        every: Seconds between ticks.
        tick: The work: ``tick(store, now)`` (runs on a database thread, inside the
            fenced transaction).
        after: Work that waits on the network, ``after(store, now)``: run after a tick
            committed, outside any transaction; it must be safe to run again.
    """

    name: str
    every: float
    tick: Callable[[AgencyStore, datetime], object]
    after: Callable[[AgencyStore, datetime], object] | None = None


def _purge_idempotency(store: AgencyStore, now: datetime) -> object:
    del now
    return store.purge_idempotency(IDEMPOTENCY_RETENTION_SECONDS)


def _forget_workers(store: AgencyStore, now: datetime) -> object:
    return store.workers.forget(WORKER_ROW_RETENTION_SECONDS, now=now.timestamp())


def policy_job(every: float = 1.0, notifier: policy.Notifier | None = None) -> Job:
    """The escalation policy as a job: its rounds, notices and feed events recorded in the
    tick's fenced transaction (:func:`.policy.record_due`), its webhooks sent after
    (:func:`.policy.deliver`, with ``notifier``; default: HTTP POSTs)."""

    def tick(store: AgencyStore, now: datetime) -> object:
        return policy.record_due(store, now)

    def after(store: AgencyStore, now: datetime) -> object:
        return policy.deliver(store, notifier, now.timestamp())

    return Job("escalation policy", every, tick, after)


#: The escalation policy as the server runs it by default (every second).
POLICY_JOB: Final = policy_job()

#: What every leader runs.
DEFAULT_JOBS: Final[tuple[Job, ...]] = (
    POLICY_JOB,
    Job("idempotency purge", 3600.0, _purge_idempotency),
    Job("worker rows purge", 600.0, _forget_workers),
)


class TestReminders:
    """A test instrument (``serve --test-jobs``): "remind" each open escalation once.

    Each tick finds open escalations older than ``after`` seconds with no reminder yet and
    records one reminder each, naming the process that sent it, in a table of its own with
    no uniqueness at all: only the leader fence keeps a reminder from being sent twice,
    and only recording it in the tick's transaction keeps one from being lost. Tests count
    the rows.
    """

    __test__ = False  # not a pytest class

    def __init__(self, instance: str, after: float = 0.2) -> None:
        self._instance = instance
        self._after = after

    def job(self) -> Job:
        """This instrument as a job ticking five times a second."""
        return Job("test reminders", 0.2, self.tick)

    @classmethod
    def ensure_table(cls, store: AgencyStore) -> None:
        """Create the instrument's table (never part of the schema)."""
        with store.db.write() as tx:
            # Workers start together; PostgreSQL's IF NOT EXISTS is no guard against
            # another transaction creating the table at the same moment (a duplicate
            # pg_type row), so the schema's own lock serialises this as migrations are.
            tx.dialect.lock_migrations(tx)
            tx.execute(
                tx.dialect.ddl(
                    "CREATE TABLE IF NOT EXISTS test_reminders (id {rowid}, "
                    "escalation_id TEXT NOT NULL, sent_by TEXT NOT NULL, sent_at TEXT NOT NULL)"
                )
            )

    def tick(self, store: AgencyStore, now: datetime) -> int:
        """Send the reminders due. Returns how many."""
        cutoff = iso(now.fromtimestamp(now.timestamp() - self._after, now.tzinfo))
        with store.db.write() as tx:
            due = tx.all(
                "SELECT id FROM escalations e WHERE status = 'open' AND created_at <= ? "
                "AND NOT EXISTS (SELECT 1 FROM test_reminders r WHERE r.escalation_id = e.id) "
                "ORDER BY id",
                (cutoff,),
            )
            for (escalation_id,) in due:
                tx.execute(
                    "INSERT INTO test_reminders(escalation_id, sent_by, sent_at) VALUES (?, ?, ?)",
                    (escalation_id, self._instance, iso(now)),
                )
        return len(due)
