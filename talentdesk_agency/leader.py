"""Presence and the timer leader: which server process runs the periodic jobs.

Exactly one process leads; the others stand by and try again every ``poll`` seconds.

* **PostgreSQL**: each process keeps one dedicated connection (not from the pool) for its
  whole life. On it, it holds its *presence* lock (so other processes can tell it lives,
  see :meth:`.Dialect.process_alive`) and tries the *leader* lock
  (``pg_try_advisory_lock``). Both are session locks: when the process dies, its
  connection closes and PostgreSQL releases them at once, and the next try of a standby
  takes over (within ``poll`` seconds).
* **SQLite**: one server process per file; it leads if it holds an ``flock`` on
  ``<database>.leader`` (so a second server started on the same file by mistake stands
  by). Where there is no ``flock`` (Windows: the desk's embedded demo agency), the one
  process leads.

**The fence.** A leader may lose its lock without noticing at once (its connection cut).
So each tick runs in one write transaction that first takes a transaction lock shared by
every tick of every process and then checks that this process's connection still holds
the leader lock; if not, the tick does nothing. A new leader's tick waits for an old
tick still running and then sees what it committed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from talentdesk_agency.jobs import Job
from talentdesk_agency.store.dialect import lock_key
from talentdesk_agency.store.records import now_utc

if TYPE_CHECKING:
    import psycopg

    from talentdesk_agency.store import AgencyStore
    from talentdesk_agency.store.engine import Tx

__all__ = ["FlockPresence", "LeaderLoop", "PostgresPresence", "Presence"]

log = logging.getLogger("talentdesk.agency")

_LEADER_LOCK: Final = lock_key("timer-leader")
_TICK_LOCK: Final = lock_key("timer-tick")


class Presence:
    """How this process says it lives and learns whether it leads.

    Attributes:
        leading: Whether this process leads the timers right now.
        ready: Set once the process's presence is established (it may serve writes).
    """

    def __init__(self) -> None:
        self.leading = False
        self.ready = asyncio.Event()
        self.changes = 0

    async def run(self) -> None:
        """Keep presence (and try to lead) until cancelled."""
        raise NotImplementedError

    def fence(self, tx: Tx) -> bool:
        """Inside a tick's transaction: whether this process still leads (see module)."""
        raise NotImplementedError

    def _set_leading(self, leading: bool) -> None:
        if leading != self.leading:
            self.leading = leading
            self.changes += 1
            log.info("this process %s the timers", "leads" if leading else "no longer leads")


class PostgresPresence(Presence):
    """Presence and leadership on a dedicated PostgreSQL connection.

    Args:
        url: The database's libpq URI.
        presence_lock: The statement and parameters that take this process's presence lock.
        poll: Seconds between tries for the leader lock (and checks of the connection).
    """

    def __init__(self, url: str, presence_lock: tuple[str, tuple[int, int]], poll: float) -> None:
        super().__init__()
        self._url = url
        self._presence_lock = presence_lock
        self._poll = poll
        self._backend_pid: int | None = None

    async def run(self) -> None:
        import psycopg

        delay = 0.05
        while True:
            try:
                conn = await psycopg.AsyncConnection.connect(
                    self._url,
                    autocommit=True,
                    application_name="talentdesk-agency presence",
                    connect_timeout=10,
                    keepalives=1,
                    keepalives_idle=5,
                    keepalives_interval=2,
                    keepalives_count=3,
                )
            except (psycopg.Error, OSError) as exc:
                log.warning("presence connection failed: %s", type(exc).__name__)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 2.0)
                continue
            delay = 0.05
            try:
                async with conn:
                    await self._hold(conn)
            except (psycopg.Error, OSError) as exc:
                log.warning("presence connection lost: %s", type(exc).__name__)
            finally:
                self._backend_pid = None
                self._set_leading(False)
                self.ready.clear()

    async def _hold(self, conn: psycopg.AsyncConnection[Any]) -> None:
        sql, params = self._presence_lock
        await conn.execute(sql, params)
        self._backend_pid = conn.info.backend_pid
        self.ready.set()
        while True:
            if self.leading:
                await conn.execute("SELECT 1")  # still connected, so still the leader
            else:
                cursor = await conn.execute("SELECT pg_try_advisory_lock(%s)", (_LEADER_LOCK,))
                row = await cursor.fetchone()
                self._set_leading(bool(row and row[0]))
            await asyncio.sleep(self._poll)

    def fence(self, tx: Tx) -> bool:
        pid = self._backend_pid
        if pid is None or not self.leading:
            return False
        tx.execute("SELECT pg_advisory_xact_lock(?)", (_TICK_LOCK,))
        key = _LEADER_LOCK & 0xFFFFFFFFFFFFFFFF
        row = tx.one(
            "SELECT 1 FROM pg_catalog.pg_locks WHERE locktype = 'advisory' AND granted "
            "AND pid = ? AND objsubid = 1 AND classid::bigint = ? AND objid::bigint = ? "
            "AND database = (SELECT oid FROM pg_catalog.pg_database "
            "WHERE datname = current_database())",
            (pid, key >> 32, key & 0xFFFFFFFF),
        )
        return row is not None


class FlockPresence(Presence):
    """SQLite: lead while holding an ``flock`` on ``<database>.leader``.

    Args:
        path: The database file.
        poll: Seconds between tries while another process holds the lock.
    """

    def __init__(self, path: Path, poll: float) -> None:
        super().__init__()
        self._path = path.with_name(path.name + ".leader")
        self._poll = poll
        self._fd: int | None = None

    async def run(self) -> None:
        self.ready.set()
        try:
            import fcntl
        except ImportError:  # no flock here: the one process leads
            self._set_leading(True)
            await asyncio.Event().wait()
            return
        try:
            while not self.leading:
                if self._try(fcntl):
                    self._set_leading(True)
                    break
                await asyncio.sleep(self._poll)
            await asyncio.Event().wait()
        finally:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None

    def _try(self, fcntl: Any) -> bool:
        fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def fence(self, tx: Tx) -> bool:
        # The write transaction holds SQLite's one write lock; the flock is ours for life.
        del tx
        return self.leading


class LeaderLoop:
    """Runs the jobs while this process leads.

    Args:
        store: The open store.
        presence: Says whether this process leads, and fences each tick.
        jobs: The periodic jobs.
        db: Runs a function on a database thread.
        clock: The wall clock the jobs get as ``now`` (a test clock in tests).
    """

    def __init__(
        self,
        store: AgencyStore,
        presence: Presence,
        jobs: Sequence[Job],
        db: Callable[[Callable[[], Any]], Awaitable[Any]],
        clock: Callable[[], datetime] = now_utc,
    ) -> None:
        self._store = store
        self._presence = presence
        self._jobs = list(jobs)
        self._db = db
        self._clock = clock
        self._after: dict[str, asyncio.Task[None]] = {}
        self.ticks: dict[str, int] = {job.name: 0 for job in jobs}

    async def stop(self) -> None:
        """Wait for the ``after`` work still running (call once :meth:`run` is cancelled)."""
        for task in list(self._after.values()):
            task.cancel()
        for task in list(self._after.values()):
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._after.clear()

    async def run(self) -> None:
        """Tick each job when due, while leading, until cancelled."""
        loop = asyncio.get_running_loop()
        due = dict.fromkeys(range(len(self._jobs)), 0.0)
        while True:
            if not self._presence.leading or not self._jobs:
                due = dict.fromkeys(due, 0.0)  # a new leader ticks everything at once
                await asyncio.sleep(0.05)
                continue
            now = loop.time()
            for index, job in enumerate(self._jobs):
                if due[index] <= now:
                    due[index] = now + job.every
                    await self._tick(job)
            await asyncio.sleep(max(0.01, min(due.values()) - loop.time()))

    async def _tick(self, job: Job) -> None:
        store, presence = self._store, self._presence
        now = self._clock()

        def fenced() -> bool:
            with store.db.write() as tx:
                if not presence.fence(tx):
                    return False
                job.tick(store, now)
                return True

        try:
            if not await self._db(fenced):
                return
        except Exception as exc:
            # Type only: an exception's message could quote stored data.
            log.error("job %r failed: %s", job.name, type(exc).__name__)
            return
        self.ticks[job.name] += 1
        running = self._after.get(job.name)
        if job.after is not None and (running is None or running.done()):
            # Not awaited: a slow webhook must not hold up the next ticks. One at a time;
            # what it did not get to, the next one sends.
            self._after[job.name] = asyncio.create_task(self._run_after(job, now))

    async def _run_after(self, job: Job, now: datetime) -> None:
        assert job.after is not None
        try:
            await asyncio.to_thread(job.after, self._store, now)
        except Exception as exc:
            log.error("job %r failed after its tick: %s", job.name, type(exc).__name__)
