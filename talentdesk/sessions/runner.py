"""The session runner: start, time, warn, close and finish one session.

What happens, in the talent's words:

* **Start** an accepted booking: the booking becomes LIVE, a "started" event is queued
  for the agency, and a small live-session record (booking id, start time, which
  warnings fired; nothing about the customer) is sealed in the vault, all in one vault
  transaction. A returning customer the talent blocked last time must be unblocked
  first (``customer_unblocked=True`` confirms it).
* **Time**: the countdown comes from the monotonic clock (never from counting ticks),
  so a late or missed tick cannot make it drift. :meth:`LiveSession.tick` says the time
  left, the time over, and which warnings (5 and 1 minutes left by default) are due;
  each warning fires once, also across a restart. Extending a session is the
  agency's business: the screen only says so (:data:`MSG_EXTEND_VIA_AGENCY`).
* **End**: :meth:`LiveSession.end` stops the clock and returns the closing routine (the
  suggested closing reply, the block-the-customer checklist, an optional wrap-up timer).
* **Finish**: :meth:`LiveSession.finish` keeps a :class:`SessionRecord` (times, money,
  outcome, flags; no customer field exists in it), marks the booking DONE and queues
  the "ended" event in one transaction, then destroys the customer's data
  (:meth:`Vault.shred_booking`, which cannot run inside a transaction).

The customer's contact stays visible from the contact window's opening until the
session is *finished*, also past the booked end (overrun) and during the closing
routine: the domain's :func:`contact_window` closes at the booked end, so the runner
shows the contact of the live session itself. The same holds if the agency cancels
the booking mid-session: pass :meth:`SessionRunner.keeps_customer_data` to
:meth:`SyncService.keep_customer_data_while` (:meth:`SessionRunner.attach` does) and to
every other :func:`sweep_customer_data` call, so the feed's sweep leaves a live
session's customer data alone until it is finished.

Crash and restart: :meth:`SessionRunner.resume` picks the live session up from its
sealed record. The monotonic clock's base does not survive the process, so the time
already elapsed is recovered from the stored wall-clock start (``now - started_at``)
and the monotonic clock takes over from there; the record is flagged ``resumed``.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Final

import msgspec

from talentdesk.domain import (
    DEFAULT_CONTACT_WINDOW_MINUTES,
    AgencyConfig,
    Booking,
    BookingStatus,
    CustomerContact,
    DeclineReply,
    Package,
    SessionOutcome,
    SessionRecord,
    contact_visible,
    contact_window,
)
from talentdesk.sessions._common import (
    MonotonicClock,
    WallClock,
    system_monotonic,
    system_wall,
)
from talentdesk.sessions.replies import (
    Blank,
    MissingBlanksError,
    ReplyBook,
    ReplyValues,
    fill,
)
from talentdesk.sessions.replies import blanks as reply_blanks
from talentdesk.sessions.settings import load_settings
from talentdesk.sessions.terms import (
    CHECK_BLOCK_IN_CALLS,
    CHECK_BLOCK_IN_CHAT,
    CHECK_REMOVE_FROM_RECENTS,
    CHECK_SEND_CLOSING_REPLY,
    FLAG_CANCELLED_BY_AGENCY,
    FLAG_OVERTIME,
    FLAG_RESUMED,
    SessionError,
    SessionPhase,
    SessionScope,
    closing_checklist,
    scope_of,
)
from talentdesk.sync.outbox import Outbox, OutboxItem
from talentdesk.sync.requests import SendSessionEvent
from talentdesk.vault import RecordIntegrityError, Vault, VaultError
from talentdesk.vault.records import RecordStore
from talentdesk_contract import wire
from talentdesk_contract.values import SessionEventType

if TYPE_CHECKING:
    from talentdesk.sync.service import SyncService

__all__ = [
    "CHECK_BLOCK_IN_CALLS",
    "CHECK_BLOCK_IN_CHAT",
    "CHECK_REMOVE_FROM_RECENTS",
    "CHECK_SEND_CLOSING_REPLY",
    "DEFAULT_WARNING_MINUTES",
    "EARLY_TOLERANCE_SECONDS",
    "FLAG_CANCELLED_BY_AGENCY",
    "FLAG_OVERTIME",
    "FLAG_RESUMED",
    "KIND",
    "MSG_EXTEND_VIA_AGENCY",
    "OVERTIME_AFTER_SECONDS",
    "ClosingRoutine",
    "FinishedSession",
    "LiveSession",
    "LiveSessionState",
    "SessionError",
    "SessionPhase",
    "SessionRunner",
    "SessionScope",
    "SessionTick",
    "WrapUpTimer",
    "closing_checklist",
    "scope_of",
]

log = logging.getLogger(__name__)

#: Vault kind of the live-session record.
KIND: Final = "live_session"
DEFAULT_WARNING_MINUTES: Final = (5, 1)
#: The message key for "extending is arranged by the agency" (the app never extends).
MSG_EXTEND_VIA_AGENCY: Final = "extend_via_agency"


#: Ended more than this before the booked length: "ended early" unless told otherwise.
EARLY_TOLERANCE_SECONDS: Final = 60.0
#: Over the booked length by at least this much: flagged "overtime" (not rounding noise).
OVERTIME_AFTER_SECONDS: Final = 1.0

#: The longest session event the Agency API accepts (a day).
_MAX_EVENT_SECONDS: Final = 86_400


class LiveSessionState(msgspec.Struct, kw_only=True):
    """The sealed live-session record: enough to resume after a crash, nothing about the
    customer.

    Attributes:
        started_at: Wall-clock start (UTC): the base for recovering elapsed time.
        warnings_fired: Minute marks already warned about.
        overrun_noted: The "time is up" moment was reported.
        ended_at: When the talent ended it (start + measured duration), in closing.
        actual_seconds: The measured duration, once ended.
        resumed: Picked up after a restart at least once.
    """

    booking_id: str
    session_id: str
    started_at: datetime
    planned_seconds: int
    warnings_fired: tuple[int, ...] = ()
    overrun_noted: bool = False
    ended_at: datetime | None = None
    actual_seconds: float | None = None
    resumed: bool = False


class SessionTick(msgspec.Struct, frozen=True):
    """The session's clock at one moment.

    Attributes:
        phase: Running, overrun or closing.
        elapsed: Seconds since the start (frozen once ended).
        time_left: Seconds left of the booked length, never below 0.
        overrun: Seconds past the booked length, 0 before it.
        warnings: Minute marks newly due on this tick, largest first (each mark is
            reported on exactly one tick; if the app was closed across several, all of
            them come at once and the UI shows the smallest).
        overrun_started: True on the one tick that first sees the time up.
        wrap_up_left: Seconds left of the wrap-up timer while closing, else None.
    """

    phase: SessionPhase
    elapsed: float
    time_left: float
    overrun: float
    warnings: tuple[int, ...] = ()
    overrun_started: bool = False
    wrap_up_left: float | None = None

    @property
    def minutes_left(self) -> int:
        """Whole minutes left, rounded up (for ``{minutes_left}`` in replies)."""
        return math.ceil(self.time_left / 60)


@dataclass
class WrapUpTimer:
    """A short countdown after the session for closing and blocking; it only informs."""

    seconds: float
    started: float
    clock: MonotonicClock

    def left(self) -> float:
        """Seconds left, never below 0."""
        return max(0.0, self.seconds - (self.clock() - self.started))

    @property
    def done(self) -> bool:
        """Whether the wrap-up time is over."""
        return self.left() <= 0


@dataclass
class ClosingRoutine:
    """What the talent does between ending and finishing a session.

    Attributes:
        reply: The suggested closing reply in the talent's language (their own before
            the agency's), or None if there is none.
        text: The reply filled in (talent, package, 0 minutes left), or None when it has
            blanks without a fallback: fill them with :func:`replies.fill`.
        blanks: The blanks the reply has.
        checklist: Machine keys of the steps (see :func:`closing_checklist`).
        wrap_up: The wrap-up timer, if the talent uses one.
        done: Steps ticked off so far.
    """

    reply: DeclineReply | None
    text: str | None
    blanks: tuple[Blank, ...]
    checklist: tuple[str, ...]
    wrap_up: WrapUpTimer | None
    done: set[str] = field(default_factory=set)

    def tick_off(self, key: str) -> None:
        """Mark a step done.

        Raises:
            KeyError: Not a step of this checklist.
        """
        if key not in self.checklist:
            raise KeyError(key)
        self.done.add(key)

    @property
    def remaining(self) -> tuple[str, ...]:
        """Steps not done yet, in order."""
        return tuple(k for k in self.checklist if k not in self.done)


class FinishedSession(msgspec.Struct, frozen=True):
    """The outcome of :meth:`LiveSession.finish`.

    Attributes:
        record: What is kept of the session.
        event: The queued "ended" event.
        customer_data_destroyed: False only if the shred failed (the keyring did not
            answer); the booking is DONE, so the next sweep destroys it.
    """

    record: SessionRecord
    event: OutboxItem
    customer_data_destroyed: bool


def _event_seconds(seconds: float) -> int:
    return min(round(seconds), _MAX_EVENT_SECONDS)


class LiveSession:
    """One running session. Made by :class:`SessionRunner`, never directly.

    Thread-safe: the GUI timer ticks it while the feed thread may ask whether its
    customer data must be kept.
    """

    def __init__(
        self,
        runner: SessionRunner,
        booking: Booking,
        state: LiveSessionState,
        mono_start: float,
    ) -> None:
        self._runner = runner
        self.booking = booking
        self._state = state
        self._mono_start = mono_start
        self._mono_end: float | None = None
        self._lock = threading.RLock()
        self._routine: ClosingRoutine | None = None
        self._finished: FinishedSession | None = None
        planned = state.planned_seconds
        self._marks = tuple(
            sorted({m for m in runner.warning_minutes if 0 < m * 60 < planned}, reverse=True)
        )

    # ----------------------------------------------------------------- facts

    @property
    def booking_id(self) -> str:
        """The booking this session is for."""
        return self.booking.id

    @property
    def session_id(self) -> str:
        """The id its SessionRecord will have."""
        return self._state.session_id

    @property
    def package(self) -> Package:
        """The package booked (as it was at the start)."""
        return self.booking.package

    @property
    def scope(self) -> SessionScope:
        """What the package covers, for "Chat only — no calls"."""
        return scope_of(self.booking.package)

    @property
    def started_at(self) -> datetime:
        """Wall-clock start, UTC."""
        return self._state.started_at

    @property
    def planned_seconds(self) -> int:
        """The booked length in seconds."""
        return self._state.planned_seconds

    @property
    def resumed(self) -> bool:
        """Picked up after a restart (elapsed time partly from the wall clock)."""
        return self._state.resumed

    @property
    def can_extend(self) -> bool:
        """Always False: a longer session is booked through the agency."""
        return False

    @property
    def extend_message_key(self) -> str:
        """What to show when the talent or customer wants more time."""
        return MSG_EXTEND_VIA_AGENCY

    @property
    def phase(self) -> SessionPhase:
        """Running, overrun, closing or finished."""
        with self._lock:
            if self._finished is not None:
                return SessionPhase.FINISHED
            if self._state.actual_seconds is not None:
                return SessionPhase.CLOSING
            elapsed = self._runner.monotonic() - self._mono_start
            return SessionPhase.OVERRUN if elapsed >= self.planned_seconds else SessionPhase.RUNNING

    @property
    def closing_routine(self) -> ClosingRoutine | None:
        """The routine once :meth:`end` was called."""
        return self._routine

    # ----------------------------------------------------------------- the clock

    def elapsed(self) -> float:
        """Seconds since the start, from the monotonic clock; frozen once ended."""
        with self._lock:
            if self._state.actual_seconds is not None:
                return self._state.actual_seconds
            return max(0.0, self._runner.monotonic() - self._mono_start)

    def tick(self) -> SessionTick:
        """The clock now, and which warnings are due (each reported once).

        Call it as often as the UI likes; nothing depends on how often.
        """
        with self._lock:
            elapsed = self.elapsed()
            left = self.planned_seconds - elapsed
            if self._state.actual_seconds is not None or self._finished is not None:
                wrap = self._routine.wrap_up if self._routine is not None else None
                phase = SessionPhase.FINISHED if self._finished else SessionPhase.CLOSING
                return SessionTick(
                    phase=phase,
                    elapsed=elapsed,
                    time_left=max(0.0, left),
                    overrun=max(0.0, -left),
                    wrap_up_left=wrap.left() if wrap is not None else None,
                )
            fired = set(self._state.warnings_fired)
            due = tuple(m for m in self._marks if m not in fired and left <= m * 60)
            overrun_started = left <= 0 and not self._state.overrun_noted
            if due or overrun_started:
                self._state.warnings_fired = tuple(sorted(fired | set(due), reverse=True))
                self._state.overrun_noted = self._state.overrun_noted or overrun_started
                # Persisted so a restart does not warn twice. A timer tick must not fail
                # because the vault is locked or busy: the warning still shows now.
                # (is_open first: Vault.put on a closed vault fails on its wiped key with a
                # ValueError before it could say VaultLocked.)
                try:
                    if self._runner.vault.is_open:
                        self._runner._save_state(self._state)
                except VaultError as exc:
                    log.warning("live session %s not saved: %s", self.booking_id, exc)
            return SessionTick(
                phase=SessionPhase.OVERRUN if left <= 0 else SessionPhase.RUNNING,
                elapsed=elapsed,
                time_left=max(0.0, left),
                overrun=max(0.0, -left),
                warnings=due,
                overrun_started=overrun_started,
            )

    # ----------------------------------------------------------------- the customer

    def contact(self) -> CustomerContact | None:
        """The customer's alias and handle, until the session is finished (also in overrun
        and while closing, when the booked contact window has already closed)."""
        with self._lock:
            if self._finished is not None:
                return None
        try:
            return self._runner.store.load(CustomerContact, self.booking_id)
        except RecordIntegrityError:
            return None

    def cancelled_by_agency(self) -> bool:
        """Whether the agency cancelled the booking while the session runs.

        The session goes on until the talent ends it; its customer data is kept until
        then (see the module docstring).
        """
        try:
            booking = self._runner.store.load(Booking, self.booking_id)
        except RecordIntegrityError:
            return False
        return booking is None or booking.status is BookingStatus.CANCELLED

    # ----------------------------------------------------------------- ending

    def end(self, language: str, *, wrap_up_seconds: int | None = None) -> ClosingRoutine:
        """Stop the clock and start the closing routine. Calling it again returns the same.

        Args:
            language: The talent's language, for the closing reply.
            wrap_up_seconds: Length of the wrap-up timer; None takes the talent's setting
                (``DeskSettings.wrap_up_seconds``), 0 means none.

        Raises:
            SessionError: ``finished``.
        """
        with self._lock:
            if self._finished is not None:
                raise SessionError("finished", self.booking_id)
            if self._routine is not None:
                return self._routine
            _, ended_at = self._stop_clock()
            settings = load_settings(self._runner.vault)
            seconds = settings.wrap_up_seconds if wrap_up_seconds is None else wrap_up_seconds
            wrap_up = None
            if seconds > 0:
                started = self._mono_end
                if started is None:
                    # Ended before a restart: counted from the stored end, by the wall clock.
                    since_end = max(0.0, (self._runner.wall() - ended_at).total_seconds())
                    started = self._runner.monotonic() - since_end
                wrap_up = WrapUpTimer(float(seconds), started, self._runner.monotonic)
            reply = self._runner.replies.closing_reply(language)
            text: str | None = None
            blanks: tuple[Blank, ...] = ()
            if reply is not None:
                values = ReplyValues(
                    talent=settings.talent_name, minutes_left=0, package=self.package.name
                )
                blanks = reply_blanks(reply.text)
                try:
                    text = fill(reply.text, values)
                except MissingBlanksError:
                    text = None
            self._routine = ClosingRoutine(
                reply=reply,
                text=text,
                blanks=blanks,
                checklist=closing_checklist(self.package),
                wrap_up=wrap_up,
            )
            return self._routine

    def _stop_clock(self) -> tuple[float, datetime]:
        """Stop the clock (once); returns the measured duration and the end."""
        state = self._state
        if state.actual_seconds is not None and state.ended_at is not None:
            return state.actual_seconds, state.ended_at
        now = self._runner.monotonic()
        self._mono_end = now
        actual = max(0.0, now - self._mono_start)
        # The end is the start plus the measured duration, not the wall clock's "now":
        # a wall clock set back mid-session cannot make a session end before it began.
        ended_at = state.started_at + timedelta(seconds=actual)
        state.actual_seconds, state.ended_at = actual, ended_at
        self._runner._save_state(state)
        return actual, ended_at

    def finish(
        self,
        outcome: SessionOutcome | None = None,
        *,
        slow_replies: int = 0,
        flags: Iterable[str] = (),
    ) -> FinishedSession:
        """Keep the session's record, mark the booking DONE, tell the agency, and destroy
        the customer's data.

        Args:
            outcome: How it ended; None works it out: ``cancelled`` if the agency cancelled
                the booking meanwhile, ``ended_early`` if it was ended more than a minute
                before the booked length, else ``completed``.
            slow_replies: From the reply-pace meter (chat sessions).
            flags: Extra machine tags (e.g. the pace meter's ``record_flags()``).

        Raises:
            SessionError: ``finished`` if it was already finished.
        """
        runner = self._runner
        with self._lock:
            if self._finished is not None:
                raise SessionError("finished", self.booking_id)
            actual, ended_at = self._stop_clock()
            state = self._state
            planned = state.planned_seconds
            with runner.vault.transaction():
                try:
                    booking = runner.store.load(Booking, self.booking_id)
                except RecordIntegrityError:
                    booking = None
                cancelled = booking is None or booking.status is BookingStatus.CANCELLED
                if outcome is None:
                    if cancelled:
                        outcome = SessionOutcome.CANCELLED
                    elif actual < planned - EARLY_TOLERANCE_SECONDS:
                        outcome = SessionOutcome.ENDED_EARLY
                    else:
                        outcome = SessionOutcome.COMPLETED
                tags: list[str] = []
                if actual - planned >= OVERTIME_AFTER_SECONDS:
                    tags.append(FLAG_OVERTIME)
                if state.resumed:
                    tags.append(FLAG_RESUMED)
                if cancelled:
                    tags.append(FLAG_CANCELLED_BY_AGENCY)
                tags.extend(flags)
                record = SessionRecord(
                    id=state.session_id,
                    booking_id=self.booking_id,
                    package=self.package,
                    started_at=state.started_at,
                    ended_at=ended_at,
                    planned_seconds=planned,
                    actual_seconds=actual,
                    price_idr=self.package.price_idr,
                    outcome=outcome,
                    flags=tuple(dict.fromkeys(tags)),
                    slow_replies=slow_replies,
                )
                runner.store.save(record)
                if booking is not None and booking.status is BookingStatus.LIVE:
                    runner.store.save(msgspec.structs.replace(booking, status=BookingStatus.DONE))
                runner.vault.delete(KIND, self.booking_id)
                event = runner.outbox.enqueue(
                    SendSessionEvent(
                        booking_id=self.booking_id,
                        body=wire.SessionEventRequest(
                            type=SessionEventType.ENDED,
                            at=ended_at,
                            planned_seconds=_event_seconds(planned),
                            actual_seconds=_event_seconds(actual),
                            outcome=outcome,
                        ),
                    ),
                    ref=self.booking_id,
                )
            destroyed = runner._shred(self.booking_id)
            self._finished = FinishedSession(record, event, destroyed)
            runner._forget(self)
            return self._finished


class SessionRunner:
    """Starts and resumes sessions; one live session at a time.

    Args:
        vault: The open vault.
        outbox: Where session events go.
        monotonic: Seconds that never jump (``time.monotonic``); durations come only
            from it.
        wall: Timezone-aware now (UTC); only for timestamps, the contact window and
            recovering elapsed time after a restart.
        replies: For the closing reply (a fresh :class:`ReplyBook` if omitted).
        warning_minutes: Minute marks to warn at; None takes the talent's setting
            (``DeskSettings.warning_minutes``, 5 and 1 by default).
    """

    def __init__(
        self,
        vault: Vault,
        outbox: Outbox,
        *,
        monotonic: MonotonicClock = system_monotonic,
        wall: WallClock = system_wall,
        replies: ReplyBook | None = None,
        warning_minutes: Iterable[int] | None = None,
    ) -> None:
        self.vault = vault
        self.store = RecordStore(vault)
        self.outbox = outbox
        self.monotonic = monotonic
        self.wall = wall
        self.replies = replies or ReplyBook(vault)
        marks = load_settings(vault).warning_minutes if warning_minutes is None else warning_minutes
        self.warning_minutes: tuple[int, ...] = tuple(sorted({m for m in marks if m > 0}))[::-1]
        self._live: LiveSession | None = None
        self._lock = threading.Lock()

    @property
    def live(self) -> LiveSession | None:
        """The live session, if any (after :meth:`start` or :meth:`resume`)."""
        return self._live

    def attach(self, sync: SyncService) -> None:
        """Keep a live session's customer data through the feed's sweeps (see the module
        docstring)."""
        sync.keep_customer_data_while(self.keeps_customer_data)

    def keeps_customer_data(self, booking: object) -> bool:
        """Veto for :func:`sweep_customer_data`: True while ``booking``'s session is live.

        Reads the vault (no decryption), so it holds from the moment the start commits,
        also before :meth:`resume` ran after a restart, and from any thread.
        """
        booking_id = getattr(booking, "id", None)
        return isinstance(booking_id, str) and booking_id in self.vault.ids(KIND)

    def contact_window_minutes(self) -> int:
        """The agency's contact window, or the default until its config arrives."""
        try:
            config = self.store.load(AgencyConfig, "current")
        except RecordIntegrityError:
            config = None
        return DEFAULT_CONTACT_WINDOW_MINUTES if config is None else config.contact_window_minutes

    def contact(self, booking: Booking) -> CustomerContact | None:
        """The customer's contact if it may be shown now: inside the contact window, or
        for as long as the booking's session is live."""
        live = self._live
        if live is not None and live.booking_id == booking.id:
            return live.contact()
        visible = self.keeps_customer_data(booking) or contact_visible(
            booking, self.wall(), self.contact_window_minutes()
        )
        if not visible:
            return None
        try:
            return self.store.load(CustomerContact, booking.id)
        except RecordIntegrityError:
            return None

    # ----------------------------------------------------------------- start / resume

    def start(self, booking_id: str, *, customer_unblocked: bool = False) -> LiveSession:
        """Start the session of an accepted booking.

        Args:
            booking_id: The booking.
            customer_unblocked: The talent confirms they unblocked a returning customer
                (required when the booking says ``needs_unblock``).

        Raises:
            SessionError: ``booking_not_found``, ``not_accepted``, ``session_live``,
                ``needs_unblock``, ``too_early`` or ``too_late``.
        """
        with self._lock:
            now = self.wall()
            mono = self.monotonic()
            with self.vault.transaction():
                if self.vault.ids(KIND):
                    raise SessionError("session_live")
                try:
                    booking = self.store.load(Booking, booking_id)
                except RecordIntegrityError:
                    booking = None
                if booking is None:
                    raise SessionError("booking_not_found", booking_id)
                if booking.status is not BookingStatus.ACCEPTED:
                    raise SessionError("not_accepted", booking.status.value)
                if booking.needs_unblock and not customer_unblocked:
                    raise SessionError("needs_unblock", booking_id)
                opens, _ = contact_window(booking, self.contact_window_minutes())
                if now < opens:
                    raise SessionError("too_early", opens.isoformat())
                if now >= booking.end:
                    raise SessionError("too_late", booking.end.isoformat())
                booking = msgspec.structs.replace(
                    booking, status=BookingStatus.LIVE, needs_unblock=False
                )
                planned = booking.package.duration_minutes * 60
                state = LiveSessionState(
                    booking_id=booking.id,
                    session_id=f"session-{booking.id}",
                    started_at=now,
                    planned_seconds=planned,
                )
                self.store.save(booking)
                self._save_state(state)
                self.outbox.enqueue(
                    SendSessionEvent(
                        booking_id=booking.id,
                        body=wire.SessionEventRequest(
                            type=SessionEventType.STARTED,
                            at=now,
                            planned_seconds=_event_seconds(planned),
                        ),
                    ),
                    ref=booking.id,
                )
            self._live = LiveSession(self, booking, state, mono)
            log.info("session of booking %s started", booking.id)
            return self._live

    def resume(self) -> LiveSession | None:
        """Pick up the session that was live when the app stopped, if any.

        Elapsed time is recovered from the stored wall-clock start, since the monotonic
        clock's base died with the old process; from here on the monotonic clock counts.
        A session that was already ended resumes in its closing routine's phase (call
        :meth:`LiveSession.end` again for the routine).
        """
        with self._lock:
            if self._live is not None:
                return self._live
            for booking_id in self.vault.ids(KIND):
                try:
                    booking = self.store.load(Booking, booking_id)
                except RecordIntegrityError:
                    booking = None
                if booking is None:
                    log.warning("live session of booking %s has no booking record", booking_id)
                    continue
                state = self._load_state(booking)
                state.resumed = True
                now_wall, now_mono = self.wall(), self.monotonic()
                elapsed = max(0.0, (now_wall - state.started_at).total_seconds())
                self._save_state(state)
                self._live = LiveSession(self, booking, state, now_mono - elapsed)
                log.info("session of booking %s resumed after %.0f s", booking_id, elapsed)
                return self._live
            return None

    # ----------------------------------------------------------------- internals

    def _load_state(self, booking: Booking) -> LiveSessionState:
        try:
            payload = self.vault.get(KIND, booking.id)
            if payload is not None:
                return msgspec.json.decode(payload, type=LiveSessionState)
        except (RecordIntegrityError, msgspec.DecodeError):
            log.warning("live session record of booking %s is damaged", booking.id)
        # Without its record the best guess of the start is the booked one.
        return LiveSessionState(
            booking_id=booking.id,
            session_id=f"session-{booking.id}",
            started_at=booking.start,
            planned_seconds=booking.package.duration_minutes * 60,
        )

    def _save_state(self, state: LiveSessionState) -> None:
        self.vault.put(KIND, state.booking_id, msgspec.json.encode(state))

    def _shred(self, booking_id: str) -> bool:
        """Destroy a booking's customer data (after the caller's transaction)."""
        try:
            if booking_id in self.vault.customer_bookings():
                self.vault.shred_booking(booking_id)
        except VaultError as exc:
            # The booking is DONE already: the next sweep (next feed page, next unlock)
            # finishes this. Said in the log by booking id only.
            log.warning("customer data of booking %s not shredded yet: %s", booking_id, exc)
            return False
        return True

    def _forget(self, session: LiveSession) -> None:
        with self._lock:
            if self._live is session:
                self._live = None
