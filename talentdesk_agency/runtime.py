"""One server process's runtime: how it waits, wakes, says it lives and leads.

:class:`ServerRuntime` is what :class:`~talentdesk_agency.app.AgencyApp` starts with the
store and stops at shutdown:

* the :class:`~.wakeups.WakeupHub` (parked long-polls and live streams, per topic), fed
  by this process's commits and by :class:`~.wakeups.PostgresListener` (PostgreSQL) or
  :class:`~.wakeups.SQLitePoller` (SQLite);
* presence and the timer leader (:mod:`.leader`), running the periodic jobs
  (:mod:`.jobs`) in exactly one process;
* the heartbeat row (``agency_workers``) every few seconds, read by ``doctor``.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import os
import socket
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Final, TypeVar

from talentdesk_agency import __version__
from talentdesk_agency.jobs import Job
from talentdesk_agency.leader import FlockPresence, LeaderLoop, PostgresPresence, Presence
from talentdesk_agency.store import (
    AgencyStore,
    DbTarget,
    database_errors,
    is_postgres_url,
    now_utc,
)
from talentdesk_agency.store.engine import Notice
from talentdesk_agency.wakeups import PostgresListener, Relay, SQLitePoller, WakeupHub

__all__ = ["HEARTBEAT_SECONDS", "ServerRuntime"]

log = logging.getLogger("talentdesk.agency")

_T = TypeVar("_T")

#: Seconds between heartbeat rows; ``doctor`` calls a process gone after a few missed.
HEARTBEAT_SECONDS: Final = 2.0
#: Seconds to wait at start for the dedicated connections.
_START_TIMEOUT: Final = 15.0


class ServerRuntime:
    """The wake-ups, presence, timer leader and heartbeat of one server process.

    Args:
        store: The open store.
        target: The database (a SQLite path or a ``postgresql://`` URI).
        db: Runs a function with arguments on a database thread.
        jobs: The periodic jobs the leader runs.
        poll_interval: SQLite: seconds between checks for other processes' writes.
        leader_poll: Seconds between tries for the leader lock.
        heartbeat: Seconds between heartbeat rows.
        instance: This process's id (default: a new one).
        clock: The wall clock of the jobs (a test clock in tests).

    Attributes:
        instance: This process's id (heartbeat rows, idempotency owners).
        hub: The wake-up hub.
        presence: Presence and leadership.
        leader: The job loop.
    """

    def __init__(
        self,
        store: AgencyStore,
        target: DbTarget,
        db: Callable[..., Awaitable[Any]],
        *,
        jobs: Sequence[Job],
        poll_interval: float = 0.05,
        leader_poll: float = 0.5,
        heartbeat: float = HEARTBEAT_SECONDS,
        instance: str | None = None,
        clock: Callable[[], datetime] = now_utc,
    ) -> None:
        self.instance = instance or uuid.uuid4().hex
        self.hub = WakeupHub()
        self._store = store
        self._db = db
        self._heartbeat = heartbeat
        self._started_at = time.time()
        self._tasks: list[asyncio.Task[None]] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self.listener: PostgresListener | None = None
        self.relay: Relay | None = None
        self.poller: SQLitePoller | None = None
        self.presence: Presence
        if is_postgres_url(target):
            assert isinstance(target, str)
            self.listener = PostgresListener(
                self.hub,
                target,
                lambda topics, since: db(store.feed_log.catch_up, topics, since),
            )
            self.relay = Relay(target)
            lock = store.db.dialect.presence_lock(self.instance)
            self.presence = PostgresPresence(target, lock, leader_poll)
        else:
            self.poller = SQLitePoller(
                self.hub,
                lambda: db(store.change_marks),
                lambda after: db(store.feed_log.newest_by_talent, after),
                lambda since: db(store.revoked_talents, since),
                interval=poll_interval,
            )
            self.presence = FlockPresence(Path(target), leader_poll)
        self.leader = LeaderLoop(store, self.presence, jobs, db, clock)

    @property
    def leading(self) -> bool:
        """Whether this process leads the timers now."""
        return self.presence.leading

    async def start(self) -> None:
        """Start everything; returns once this process may serve.

        Raises:
            TimeoutError: If the dedicated database connections do not come up in time.
        """
        self._loop = asyncio.get_running_loop()
        self._store.db.add_commit_listener(self._committed)
        self._spawn(self.presence.run(), "presence")
        if self.listener is not None:
            self._spawn(self.listener.run(), "wake-up listener")
        if self.relay is not None:
            self._spawn(self.relay.run(), "wake-up relay")
        if self.poller is not None:
            self._spawn(self.poller.run(), "wake-up poller")
        async with asyncio.timeout(_START_TIMEOUT):
            await self.presence.ready.wait()
            if self.listener is not None:
                await self.listener.connected.wait()
        await self._beat()
        self._spawn(self._heartbeats(), "heartbeat")
        self._spawn(self.leader.run(), "timer leader")

    def begin_shutdown(self) -> None:
        """Release every waiter now (call on the event loop)."""
        self.hub.close()

    async def stop(self) -> None:
        """Stop every task, and remove this process's heartbeat row."""
        self.hub.close()
        self._store.db.remove_commit_listener(self._committed)
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks.clear()
        await self.leader.stop()
        with contextlib.suppress(*database_errors()):
            await self._db(self._store.workers.gone, self.instance)

    def _committed(self, notices: Sequence[Notice]) -> None:
        # A commit listener (on the database thread that committed): one hand-over to the
        # event loop per commit, for the hub and the relay both.
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):  # the loop is just closing
            loop.call_soon_threadsafe(self._deliver, list(notices))

    def _deliver(self, notices: list[Notice]) -> None:
        self.hub.notify_many((n.topic, n.seq) for n in notices)
        if self.relay is not None:
            self.relay.queue(notices)

    def _spawn(self, work: Awaitable[None], name: str) -> None:
        async def guarded() -> None:
            try:
                await work
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.error("%s stopped: %s", name, type(exc).__name__)

        self._tasks.append(asyncio.create_task(guarded(), name=name))

    async def _beat(self) -> None:
        await self._db(
            functools.partial(
                self._store.workers.beat,
                self.instance,
                host=socket.gethostname(),
                pid=os.getpid(),
                version=__version__,
                started_at=self._started_at,
                leader=self.presence.leading,
            )
        )

    async def _heartbeats(self) -> None:
        leading = self.presence.leading
        while True:
            # Beat at once when leadership changes, so doctor shows the new leader.
            for _ in range(max(1, round(self._heartbeat / 0.1))):
                await asyncio.sleep(0.1)
                if self.presence.leading != leading:
                    break
            leading = self.presence.leading
            try:
                await self._beat()
            except database_errors() as exc:
                log.warning("heartbeat failed: %s", type(exc).__name__)
