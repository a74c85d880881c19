"""Wake-ups: parked long-polls and live streams wait per topic; a change wakes only its topic.

A *topic* names what a waiter waits for: a talent's feed (:func:`.feed.talent_topic`,
ordered by the feed's sequence numbers) or the supervisors' view of escalations
(:data:`.feed.ESCALATIONS_TOPIC`). A write transaction says which topics it changed
(:meth:`.Tx.notify`); once it commits, those topics' waiters wake, in this process and in
every other one serving the same database:

* **In this process**: the database calls the runtime's commit listener right after the
  commit, which hands the notices to the event loop in one call (the hub wakes the
  topics' waiters, the relay queues what it sends), so a write through this worker wakes
  at once.
* **From other processes, PostgreSQL**: the commit carries a ``NOTIFY`` with
  ``"<topic> <seq>"`` only; :class:`PostgresListener` holds one dedicated connection per
  process, ``LISTEN``\\ s and fans each notification out in memory. After a lost
  connection it reconnects and catches up by sequence number: one read of the newest
  sequence number of each feed waited on or known, and of the devices revoked meanwhile;
  only the topics that changed wake (their polls re-read from the table, the truth), so
  nothing committed meanwhile is missed and the feeds that did not change cost nothing.
  PostgreSQL serialises the commits of notifying transactions (a lock held through the
  commit's WAL flush), so a busy topic (escalations, written by every call for help) is
  not notified inside its commits but *relayed* just after them by :class:`Relay`,
  batched (at most one ``NOTIFY`` each :data:`RELAY_INTERVAL`), on a connection of its
  own; a relayed wake-up lost in a crash costs its waiters one heartbeat.
* **From other processes, SQLite** (the staff commands): :class:`SQLitePoller`, one task
  per process, reads the newest sequence numbers of the feeds and of the timeline every
  interval, and on growth asks which feeds grew.

A waiter takes a :meth:`~WakeupHub.token` *before* reading, then :meth:`~WakeupHub.wait`\\ s
on it; a notice of a sequence number a topic already had is dropped (the same commit is
seen by its commit listener and by ``LISTEN``), so a feed read happens once per change.
No database connection is held while anyone waits.

**What the hub knows.** While the hub *hears* every change (the listener connected since
its last catch-up, or the SQLite poller running), it keeps, per talent topic, the newest
sequence number it knows (:meth:`~WakeupHub.newest`): from the notices, and from reads
that found nothing newer (:meth:`~WakeupHub.learn`, accepted only if no notice of the
topic and no catch-up came between the read's token and its answer). Anything committed
later is still to be heard. So a renewed long-poll whose cursor is that number can park
at once, without a database call. A lost listener forgets everything it knew (it cannot
know what it missed) until its catch-up shows which feeds did not change; an unordered
notice (``seq`` 0: a device of the talent revoked) forgets the topic, so the next poll of
its talent reads, and checks its token.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Collection, Iterable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Final

from talentdesk_agency.store.dialect import NOTIFY_CHANNEL, notice_payloads
from talentdesk_agency.store.engine import Notice, database_errors
from talentdesk_agency.store.feed import ESCALATIONS_TOPIC, talent_topic
from talentdesk_agency.store.records import ChangeMarks, iso

if TYPE_CHECKING:
    import psycopg

__all__ = [
    "RELAY_INTERVAL",
    "REVOKED_MARGIN",
    "CatchUp",
    "PostgresListener",
    "Relay",
    "SQLitePoller",
    "Token",
    "WakeupHub",
]

log = logging.getLogger("talentdesk.agency")

#: A catch-up after a lost listener wakes the talents with a device revoked this long
#: (seconds) before the loss too: the revocation's time is the revoking process's clock.
REVOKED_MARGIN: Final = 300.0
#: Reads, for a catch-up: the newest sequence number of each topic given that has any,
#: and the topics with a device revoked at or after a time (ISO 8601, UTC).
CatchUp = Callable[[list[str], str], Awaitable[tuple[dict[str, int], list[str]]]]
#: Seconds between reconnection attempts of the listener, growing up to the last.
_RECONNECT_DELAYS: Final = (0.05, 0.2, 0.5, 1.0, 2.0)
#: The relay sends at most one ``NOTIFY`` this often (seconds): under load, what gathered
#: meanwhile goes out together; a quiet moment's wake-up goes out at once.
RELAY_INTERVAL: Final = 0.05


class Token:
    """What a waiter holds for one topic: set by the topic's next change."""

    __slots__ = ("event", "topic", "waiters")

    def __init__(self, topic: str) -> None:
        self.topic = topic
        self.event = asyncio.Event()
        self.waiters = 0


class WakeupHub:
    """Waiters per topic, woken in memory; lives on the server's event loop.

    Attributes:
        woken: How many waiters each topic's changes woke (for tests and the bench).
        notices: How many changes reached each topic (duplicates dropped).
    """

    def __init__(self) -> None:
        self._tokens: dict[str, Token] = {}
        self._latest: dict[str, int] = {}
        # Topic -> the newest sequence number known to be committed (while hearing).
        self._known: dict[str, int] = {}
        # What was known when the hearing was lost: a catch-up keeps what still holds.
        self._before: dict[str, int] = {}
        self._hearing = False
        self._waiting = 0
        self._closed = False
        self.woken: Counter[str] = Counter()
        self.notices: Counter[str] = Counter()

    @property
    def closed(self) -> bool:
        """Whether the server is shutting down (waiters should answer now)."""
        return self._closed

    @property
    def hearing(self) -> bool:
        """Whether every change committed from now on will be heard (the listener is
        connected and has caught up; on SQLite, the poller runs)."""
        return self._hearing

    def start_hearing(self) -> None:
        """Every change is heard from now on: wake every waiter once (they re-read what
        was committed before) and start knowing afresh."""
        self.wake_all()
        self._before.clear()
        self._hearing = True

    def stop_hearing(self) -> None:
        """Changes may go unheard (the listener lost its connection): know nothing until
        :meth:`start_hearing` or :meth:`resume_hearing`."""
        # Nothing is learnt while not hearing: what was known stays as it was at the loss.
        if self._hearing:
            self._before, self._known = self._known, {}
        self._hearing = False

    def topics_to_check(self) -> list[str]:
        """The topics a catch-up reads the newest sequence numbers of: the ones waited on
        and the ones known when the hearing was lost."""
        return sorted(set(self._tokens) | set(self._before))

    def resume_hearing(
        self, checked: Collection[str], newest: Mapping[str, int], revoked: Iterable[str]
    ) -> None:
        """Every change is heard again, and a catch-up read after that moment looked at
        ``checked`` (:meth:`topics_to_check`, taken before it) and found ``newest`` (the
        newest sequence number of each of them that has any) and ``revoked`` (topics with
        a device revoked while unheard, or shortly before).

        Wakes only the topics that may have changed unheard, instead of every waiter
        (:meth:`start_hearing`): each woken poll reads, and after a lost connection with
        thousands parked that is thousands of reads at once. A topic known before the loss
        whose newest is still that number changed not at all: its waiters stay parked and
        it stays known. Every other topic is woken: one not known then, one that grew or
        had a device revoked, one a notice reached meanwhile, and the escalations.
        """
        before, self._before = self._before, {}
        gone = set(revoked)
        self._hearing = True
        for topic, seq in before.items():
            unchanged = newest.get(topic, 0) <= seq and self._latest.get(topic, 0) <= seq
            if unchanged and topic in checked and topic not in gone:
                self._known[topic] = seq
        for topic in list(self._tokens):
            if topic not in self._known:
                self._wake(topic)

    def newest(self, topic: str) -> int | None:
        """The newest sequence number of ``topic`` committed, as far as this hub knows for
        sure (anything later will be heard), or None when it does not know."""
        return self._known.get(topic) if self._hearing else None

    def learn(self, token: Token, seq: int) -> None:
        """A read taken after ``token`` found nothing of its topic beyond ``seq``: know it,
        unless a notice of the topic or a catch-up came meanwhile (then the read may be
        stale, and the next one tells)."""
        topic = token.topic
        if self._hearing and not token.event.is_set() and self._tokens.get(topic) is token:
            self._known[topic] = max(seq, self._known.get(topic, 0))

    @property
    def waiting(self) -> int:
        """How many waiters are parked right now."""
        return self._waiting

    def token(self, topic: str) -> Token:
        """Take before reading; it is set by any change of ``topic`` committed after this
        moment (and only by those, or by a catch-up that wakes everyone)."""
        token = self._tokens.get(topic)
        if token is None:
            token = self._tokens[topic] = Token(topic)
        return token

    async def wait(self, token: Token, timeout: float) -> bool:
        """Wait until ``token`` is set, the hub closes, or ``timeout`` seconds pass.

        Returns:
            Whether the token was set (or the hub closed) rather than timed out.
        """
        if self._closed or token.event.is_set():
            return True
        token.waiters += 1
        self._waiting += 1
        try:
            async with asyncio.timeout(timeout):
                await token.event.wait()
            return True
        except TimeoutError:
            return False
        finally:
            token.waiters -= 1
            self._waiting -= 1

    async def watch(self, topic: str, heartbeat: float) -> AsyncIterator[bool]:
        """For live streams: yields at once, then after each change of ``topic``
        (``True``) or every ``heartbeat`` seconds without one (``False``), until the hub
        closes. Read what you show while the iterator is suspended at a yield."""
        woke = True
        while not self.closed:
            token = self.token(topic)
            yield woke
            woke = await self.wait(token, heartbeat)  # at once if the hub closed

    def notify(self, topic: str, seq: int = 0) -> None:
        """A change of ``topic`` committed: wake its waiters (on the event loop).

        ``seq`` orders a topic's changes: a notice not newer than one already seen is the
        same commit seen twice and wakes no one. ``0`` always wakes, and forgets what the
        hub knew of the topic (a change outside its order, such as a revoked device).
        """
        if seq:
            if seq <= self._latest.get(topic, 0):
                return
            self._latest[topic] = seq
            if self._hearing:  # unheard changes may lie between: not known for sure
                self._known[topic] = seq
        else:
            self._known.pop(topic, None)
        self.notices[topic] += 1
        self._wake(topic)

    def _wake(self, topic: str) -> None:
        token = self._tokens.pop(topic, None)
        if token is not None:
            self.woken[topic] += token.waiters
            token.event.set()

    def notify_many(self, notices: Iterable[tuple[str, int]]) -> None:
        """:meth:`notify` each (topic, seq)."""
        for topic, seq in notices:
            self.notify(topic, seq)

    def wake_all(self) -> None:
        """Wake every waiter once: they re-read from the table (a catch-up after a gap in
        what this process could hear). What the hub knew is forgotten too."""
        self._known.clear()
        tokens, self._tokens = self._tokens, {}
        for token in tokens.values():
            self.woken[token.topic] += token.waiters
            token.event.set()

    def close(self) -> None:
        """Release every waiter; later waits return at once."""
        self._closed = True
        self.wake_all()


class SQLitePoller:
    """Notices writes of other processes to a SQLite database, for the whole process.

    One task: it reads the newest sequence numbers of the feeds and of the timeline, and
    the revoked devices' count and latest time, every ``interval`` seconds (one small
    read); when the feeds grew, it asks which ones and wakes only those talents; when the
    timeline grew (a change supervisors see, from a staff command), it wakes the
    escalations topic; when a device was revoked, it wakes its talent unordered (its
    polls check their tokens again). A failed read (the file busy past its timeout) is
    tried again at the next interval: nothing is missed meanwhile, so the hub hears every
    change from the first read on.

    Args:
        hub: The hub to wake.
        marks: Reads the :class:`.ChangeMarks` (on a database thread).
        grown: ``(talent id, newest seq)`` of the feeds that grew past a number.
        revoked: The talents with a device revoked at or after a time (any if None).
        interval: Seconds between reads.
    """

    def __init__(
        self,
        hub: WakeupHub,
        marks: Callable[[], Awaitable[ChangeMarks]],
        grown: Callable[[int], Awaitable[list[tuple[str, int]]]],
        revoked: Callable[[str | None], Awaitable[list[str]]],
        interval: float = 0.05,
    ) -> None:
        self._hub = hub
        self._marks = marks
        self._grown = grown
        self._revoked = revoked
        self._interval = interval
        self.reads = 0

    async def run(self) -> None:
        """Poll until the hub closes."""
        last: ChangeMarks | None = None
        try:
            while not self._hub.closed:
                try:
                    last = await self._step(last)
                except database_errors() as exc:
                    log.warning("wake-up poller: %s; trying again", type(exc).__name__)
                # Polling on while nobody waits too keeps ``last`` current, so the first
                # waiter after a quiet spell is not woken by news it has already read.
                await asyncio.sleep(self._interval)
        finally:
            self._hub.stop_hearing()

    async def _step(self, last: ChangeMarks | None) -> ChangeMarks:
        newest = await self._marks()
        self.reads += 1
        if last is None:
            # Whatever commits after this read is heard by the next ones.
            self._hub.start_hearing()
            return newest
        if (
            newest.feeds < last.feeds
            or newest.moments < last.moments
            or newest.revoked < last.revoked
        ):
            # The database was reset under us: everyone re-reads.
            self._hub.wake_all()
            return newest
        if newest.feeds > last.feeds:
            grown = await self._grown(last.feeds)
            self._hub.notify_many((talent_topic(t), seq) for t, seq in grown)
        if newest.revoked > last.revoked or newest.revoked_at != last.revoked_at:
            for talent_id in await self._revoked(last.revoked_at):
                self._hub.notify(talent_topic(talent_id))
        if newest.moments > last.moments:
            self._hub.notify(ESCALATIONS_TOPIC)
        return newest


class PostgresListener:
    """One dedicated ``LISTEN`` connection per process, fanned out to the hub.

    Holds no pooled connection. Reconnects after any failure (with a growing pause), then
    catches up: it reads the newest sequence number of every topic waited on or known
    before (one read, ``catch_up``) and wakes only those that changed while it was away
    (:meth:`WakeupHub.resume_hearing`), so whatever committed meanwhile is read from the
    table by the polls it concerns. Without ``catch_up``, or if that read fails, it wakes
    every waiter once.

    Args:
        hub: The hub to wake.
        url: The database's libpq URI.
        catch_up: The catch-up's read (on a database thread).
        clock: Wall-clock seconds (for the revocations' margin).
    """

    def __init__(
        self,
        hub: WakeupHub,
        url: str,
        catch_up: CatchUp | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._hub = hub
        self._url = url
        self._catch_up = catch_up
        self._clock = clock
        self._lost_at: float | None = None
        self.connected = asyncio.Event()
        self.connections = 0
        self.catch_ups = 0
        self._conn: psycopg.AsyncConnection[object] | None = None

    async def run(self) -> None:
        """Listen until cancelled."""
        import psycopg

        failures = 0
        while not self._hub.closed:
            try:
                conn = await psycopg.AsyncConnection.connect(
                    self._url,
                    autocommit=True,
                    application_name="talentdesk-agency listener",
                    connect_timeout=10,
                    keepalives=1,
                    keepalives_idle=10,
                    keepalives_interval=5,
                    keepalives_count=3,
                )
            except (psycopg.Error, OSError) as exc:
                failures += 1
                if failures == 1:
                    log.warning("wake-up listener cannot connect: %s", type(exc).__name__)
                await asyncio.sleep(_RECONNECT_DELAYS[min(failures, len(_RECONNECT_DELAYS)) - 1])
                continue
            self._conn = conn
            try:
                async with conn:
                    await conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
                    self.connections += 1
                    if failures or self.connections > 1:
                        log.info("wake-up listener connected again; waiters re-read")
                    failures = 0
                    # Anything committed before LISTEN took effect was not heard: catch up.
                    await self._hear_again()
                    self.connected.set()
                    async for notice in conn.notifies():
                        topic, _, seq = notice.payload.rpartition(" ")
                        self._hub.notify(topic, int(seq) if seq.isdigit() else 0)
            except (psycopg.Error, OSError) as exc:
                self._hub.stop_hearing()
                self.connected.clear()
                failures += 1
                log.warning("wake-up listener lost its connection: %s", type(exc).__name__)
                await asyncio.sleep(_RECONNECT_DELAYS[0])
            finally:
                self._hub.stop_hearing()
                if self._lost_at is None and self.connections:
                    self._lost_at = self._clock()
                self._conn = None
                self.connected.clear()

    async def _hear_again(self) -> None:
        hub = self._hub
        lost_at, self._lost_at = self._lost_at, None
        if self._catch_up is None or lost_at is None:
            hub.start_hearing()  # the first connection, or no way to tell what changed
            return
        checked = hub.topics_to_check()
        since = datetime.fromtimestamp(lost_at - REVOKED_MARGIN, UTC)
        try:
            newest, revoked = await self._catch_up(checked, iso(since))
        except database_errors() as exc:
            log.warning("wake-up catch-up failed (%s); every waiter re-reads", type(exc).__name__)
            hub.start_hearing()
            return
        hub.resume_hearing(checked, newest, revoked)
        self.catch_ups += 1

    async def drop_connection(self) -> None:
        """Close the listening connection as a failure would (tests of the catch-up)."""
        conn = self._conn
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.pgconn.finish()


class Relay:
    """Sends the wake-ups of this process's commits that were not sent inside them
    (:meth:`.Tx.notify` with ``in_commit=False``), batched, on one dedicated connection.

    Whatever gathered while a ``NOTIFY`` was on its way, or in the last
    :data:`RELAY_INTERVAL`, goes out in the next one, so under load one notifying
    transaction carries many wake-ups and commits do not queue behind each other.

    Args:
        url: The database's libpq URI.
    """

    def __init__(self, url: str) -> None:
        self._url = url
        self._pending: list[Notice] = []
        self._ready = asyncio.Event()
        self.sent = 0

    def queue(self, notices: Iterable[Notice]) -> None:
        """On the event loop: queue what a commit did not send itself."""
        relayed = [n for n in notices if not n.in_commit]
        if relayed:
            self._pending.extend(relayed)
            self._ready.set()

    async def run(self) -> None:
        """Relay until cancelled (reconnecting after failures)."""
        import psycopg

        failures = 0
        while True:
            try:
                async with await psycopg.AsyncConnection.connect(
                    self._url,
                    autocommit=True,
                    application_name="talentdesk-agency relay",
                    connect_timeout=10,
                ) as conn:
                    failures = 0
                    loop = asyncio.get_running_loop()
                    sent_at = -RELAY_INTERVAL
                    while True:
                        await self._ready.wait()
                        pause = sent_at + RELAY_INTERVAL - loop.time()
                        if pause > 0:
                            await asyncio.sleep(pause)
                        self._ready.clear()
                        sent_at = loop.time()
                        batch, self._pending = self._pending, []
                        await conn.execute(
                            "SELECT pg_notify(%s, payload) FROM unnest(%s::text[]) AS payload",
                            (NOTIFY_CHANNEL, notice_payloads(batch)),
                        )
                        self.sent += 1
            except (psycopg.Error, OSError) as exc:
                failures += 1
                log.warning("wake-up relay lost its connection: %s", type(exc).__name__)
                await asyncio.sleep(_RECONNECT_DELAYS[min(failures, len(_RECONNECT_DELAYS)) - 1])
