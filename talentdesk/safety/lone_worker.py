"""The lone-worker check: "Are you OK?" when a session runs well past its booked end.

A talent works alone, often at night. A session still running :attr:`minutes_over`
minutes (default 10) after its booked end makes the check ask "Are you OK?"
(:attr:`LoneWorkerEventKind.ASK`); no answer within :attr:`answer_minutes` (default 2)
sends an escalation on the talent's behalf, with a note saying it was automatic. That
alarm is always a new escalation of its own kind (``lone_worker``), never a follow-up to
one already open or taken: a supervisor who acknowledged an earlier one must see it.

Time comes from a monotonic clock passed in (``time.monotonic`` in the app, a fake one in
tests), so an over-run is a measured duration and a wall-clock change cannot fire or
silence the check. The check does nothing on its own: :meth:`LoneWorkerCheck.poll` is
called by a timer, either the UI's or the small thread :meth:`LoneWorkerCheck.start`
runs.
"""

from __future__ import annotations

import enum
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

import msgspec

from talentdesk.listeners import Listeners
from talentdesk.safety.escalation import AUTOMATIC_NOTE, Escalations, EscalationView
from talentdesk.safety.live import WatchedSession
from talentdesk.vault import VaultError
from talentdesk_contract.values import EscalationKind

__all__ = [
    "DEFAULT_ANSWER_MINUTES",
    "DEFAULT_MINUTES_OVER",
    "LoneWorkerCheck",
    "LoneWorkerEvent",
    "LoneWorkerEventKind",
    "LoneWorkerPhase",
    "LoneWorkerStatus",
]

log = logging.getLogger(__name__)

DEFAULT_MINUTES_OVER: Final = 10.0
DEFAULT_ANSWER_MINUTES: Final = 2.0


class LoneWorkerPhase(enum.StrEnum):
    """Where the check is for one session (the values are the UI's keys)."""

    WATCHING = "watching"
    ASKING = "asking"  # "Are you OK?" is on screen
    ESCALATED = "escalated"  # no answer: the agency has been told


class LoneWorkerEventKind(enum.StrEnum):
    """What the UI should do (the values are the UI's keys)."""

    ASK = "are_you_ok"  # show "Kamu baik-baik saja?" with "I'm OK" / "I need help"
    CLEARED = "lone_worker_cleared"  # hide the question: answered, or the session ended
    ESCALATED = "lone_worker_escalated"  # no answer in time: an escalation went out


class LoneWorkerEvent(msgspec.Struct, frozen=True):
    """Something the lone-worker check did.

    Attributes:
        at: Monotonic time of the event.
        answer_by: For :attr:`~LoneWorkerEventKind.ASK`, when it escalates (monotonic).
        escalation_id: For :attr:`~LoneWorkerEventKind.ESCALATED`, the escalation sent.
    """

    kind: LoneWorkerEventKind
    booking_id: str
    at: float
    answer_by: float | None = None
    escalation_id: str | None = None


class LoneWorkerStatus(msgspec.Struct, frozen=True):
    """The check's state for one watched session (monotonic times)."""

    booking_id: str
    phase: LoneWorkerPhase
    ask_at: float
    answer_by: float | None
    escalation_id: str | None


@dataclass
class _Watch:
    session: WatchedSession
    phase: LoneWorkerPhase = LoneWorkerPhase.WATCHING
    snooze_until: float | None = None  # after "I'm OK": ask again from here
    answer_by: float | None = None
    escalation_id: str | None = None


EventListener = Callable[[LoneWorkerEvent], None]


class LoneWorkerCheck:
    """Watches live sessions and asks, then escalates, when one runs far over.

    Thread-safe; listeners are called outside the lock, on the polling thread.

    Args:
        escalations: Where the automatic escalation goes.
        clock: Monotonic seconds (the clock of ``WatchedSession.booked_end``).
        minutes_over: How far past the booked end the check asks.
        answer_minutes: How long the talent has to answer.

    Raises:
        ValueError: If a duration is not positive.
    """

    def __init__(
        self,
        escalations: Escalations,
        *,
        clock: Callable[[], float] = time.monotonic,
        minutes_over: float = DEFAULT_MINUTES_OVER,
        answer_minutes: float = DEFAULT_ANSWER_MINUTES,
    ) -> None:
        self.escalations = escalations
        self._clock = clock
        self._lock = threading.RLock()
        self._watches: dict[str, _Watch] = {}
        self._listeners: Listeners[[LoneWorkerEvent]] = Listeners("lone-worker")
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._minutes_over = _positive("minutes_over", minutes_over)
        self._answer_minutes = _positive("answer_minutes", answer_minutes)

    # ------------------------------------------------------------------ settings

    @property
    def minutes_over(self) -> float:
        """Minutes past the booked end before the check asks (configurable)."""
        return self._minutes_over

    @minutes_over.setter
    def minutes_over(self, value: float) -> None:
        with self._lock:
            self._minutes_over = _positive("minutes_over", value)

    @property
    def answer_minutes(self) -> float:
        """Minutes the talent has to answer before the check escalates."""
        return self._answer_minutes

    @answer_minutes.setter
    def answer_minutes(self, value: float) -> None:
        with self._lock:
            self._answer_minutes = _positive("answer_minutes", value)

    def subscribe(self, listener: EventListener) -> None:
        """Call ``listener(event)`` for every event, on the thread that polled."""
        self._listeners.add(listener)

    # ------------------------------------------------------------------ sessions

    def watch(self, session: WatchedSession) -> None:
        """Start watching a live session (again: a second call replaces the first)."""
        with self._lock:
            self._watches[session.booking_id] = _Watch(session)

    def forget(self, booking_id: str) -> None:
        """Stop watching a session (it ended). Polling notices an ended session too."""
        with self._lock:
            watch = self._watches.pop(booking_id, None)
        if watch is not None and watch.phase is LoneWorkerPhase.ASKING:
            self._emit([LoneWorkerEvent(LoneWorkerEventKind.CLEARED, booking_id, self._clock())])

    def status(self, booking_id: str) -> LoneWorkerStatus | None:
        """The check's state for one session, or None if it is not watched."""
        with self._lock:
            watch = self._watches.get(booking_id)
            return None if watch is None else self._status(booking_id, watch)

    def statuses(self) -> list[LoneWorkerStatus]:
        """The check's state for every watched session."""
        with self._lock:
            return [self._status(b, w) for b, w in self._watches.items()]

    # ------------------------------------------------------------------ answers

    def answer_ok(self, booking_id: str) -> bool:
        """The talent answered "I'm OK": ask again after another :attr:`minutes_over`.

        Returns:
            Whether a question was pending.
        """
        now = self._clock()
        with self._lock:
            watch = self._watches.get(booking_id)
            if watch is None or watch.phase is not LoneWorkerPhase.ASKING:
                return False
            watch.phase = LoneWorkerPhase.WATCHING
            watch.answer_by = None
            watch.snooze_until = now + self._minutes_over * 60
        log.info("lone-worker check answered for booking %s", booking_id)
        self._emit([LoneWorkerEvent(LoneWorkerEventKind.CLEARED, booking_id, now)])
        return True

    def answer_need_help(self, booking_id: str) -> EscalationView:
        """The talent answered "I need help": escalate now, as the talent's own request."""
        with self._lock:
            view = self._escalate(booking_id, automatic=False)
            watch = self._watches.get(booking_id)
            if watch is not None:
                watch.phase = LoneWorkerPhase.ESCALATED
                watch.answer_by = None
                watch.escalation_id = view.id
        self._emit(
            [
                LoneWorkerEvent(
                    LoneWorkerEventKind.CLEARED, booking_id, self._clock(), escalation_id=view.id
                )
            ]
        )
        return view

    # ------------------------------------------------------------------ polling

    def poll(self) -> list[LoneWorkerEvent]:
        """Check every watched session against the clock; ask or escalate as due.

        Returns:
            The events of this poll (listeners have heard of them too).

        Raises:
            VaultError: An automatic escalation could not be written (the vault is
                locked); the question stays pending and the next poll tries again.
        """
        events: list[LoneWorkerEvent] = []
        try:
            # One lock for the whole poll, escalation included: two timers polling at once
            # must never send two automatic escalations for one session.
            with self._lock:
                now = self._clock()
                for booking_id, watch in list(self._watches.items()):
                    event = self._step(booking_id, watch, now)
                    if event is not None:
                        events.append(event)
        finally:
            self._emit(events)
        return events

    def _step(self, booking_id: str, watch: _Watch, now: float) -> LoneWorkerEvent | None:
        if watch.session.ended:
            del self._watches[booking_id]
            if watch.phase is LoneWorkerPhase.ASKING:
                return LoneWorkerEvent(LoneWorkerEventKind.CLEARED, booking_id, now)
            return None
        if watch.phase is LoneWorkerPhase.WATCHING and now >= self._ask_at(watch):
            watch.phase = LoneWorkerPhase.ASKING
            # The full answer time counts from the moment the question is shown, even if
            # this poll comes late (a laptop waking from sleep).
            watch.answer_by = now + self._answer_minutes * 60
            log.info("lone-worker check: asking for booking %s", booking_id)
            return LoneWorkerEvent(
                LoneWorkerEventKind.ASK, booking_id, now, answer_by=watch.answer_by
            )
        if (
            watch.phase is LoneWorkerPhase.ASKING
            and watch.answer_by is not None
            and now >= watch.answer_by
        ):
            view = self._escalate(booking_id, automatic=True)
            watch.phase = LoneWorkerPhase.ESCALATED
            watch.answer_by = None
            watch.escalation_id = view.id
            log.warning("lone-worker check: no answer for booking %s; escalated", booking_id)
            return LoneWorkerEvent(
                LoneWorkerEventKind.ESCALATED, booking_id, now, escalation_id=view.id
            )
        return None

    def _escalate(self, booking_id: str, *, automatic: bool) -> EscalationView:
        """A new escalation about ``booking_id``: every alarm is its own.

        The check's own alarm is of kind ``lone_worker`` with a note saying so; "I need
        help" is the talent's own call (``button``).
        """
        if automatic:
            return self.escalations.escalate(
                booking_id, note=AUTOMATIC_NOTE, kind=EscalationKind.LONE_WORKER
            )
        return self.escalations.escalate(booking_id, kind=EscalationKind.BUTTON)

    def _ask_at(self, watch: _Watch) -> float:
        ask_at = watch.session.booked_end + self._minutes_over * 60
        if watch.snooze_until is not None:
            ask_at = max(ask_at, watch.snooze_until)
        return ask_at

    def _status(self, booking_id: str, watch: _Watch) -> LoneWorkerStatus:
        return LoneWorkerStatus(
            booking_id=booking_id,
            phase=watch.phase,
            ask_at=self._ask_at(watch),
            answer_by=watch.answer_by,
            escalation_id=watch.escalation_id,
        )

    def _emit(self, events: list[LoneWorkerEvent]) -> None:
        if not events:
            return
        for event in events:  # a broken listener is logged: it must not stop the check
            self._listeners(event)

    # ------------------------------------------------------------------ timer thread

    def start(self, interval: float = 1.0) -> None:
        """Poll every ``interval`` seconds on a daemon thread, until :meth:`stop`.

        For a composition without a UI timer; the UI may call :meth:`poll` itself
        instead. The thread stops by itself when the vault is locked.
        """
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._run, args=(interval,), name="lone-worker", daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the polling thread."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)

    def _run(self, interval: float) -> None:
        while not self._stop.wait(interval):
            try:
                self.poll()
            except VaultError:
                log.info("vault locked; the lone-worker check stops")
                return
            except Exception:  # keep watching: a failed poll is retried on the next tick
                log.exception("lone-worker poll failed")


def _positive(name: str, value: float) -> float:
    if not value > 0:
        raise ValueError(f"{name} must be > 0, got {value}")
    return float(value)
