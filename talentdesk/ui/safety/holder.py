"""The safety desk: the safety services of one unlocked vault, for the windows.

:class:`SafetyDesk` is made when the vault is unlocked (beside the agency desk, whose
sync service it shares) and released before the vault closes. It holds no rules of its
own; it runs the services' steps at the right place and says what changed with
signals, always on the GUI thread.

**Where each step runs.** Escalating is the one vault write made on the GUI thread on
purpose: :meth:`SafetyDesk.escalate` returns only once the escalation and its urgent
outbox item are committed (a few milliseconds; see ``bench/escalation.py``), so the
click itself is the durable moment and no form, dialog or thread hop comes before it.
Everything else (follow-ups, false alarms, reports, loading the lists, after-care
counts) runs on the bridge through the agency desk.

**Threads.** The services call their listeners on whichever thread changed something
(the sender's, the feed's, a bridge worker's); the desk only hands the news to the GUI
thread with :meth:`Bridge.post`, where the lists are loaded again.

**The lone-worker check** is polled by a ``QTimer`` on the GUI thread while a session is
watched. Its clock is the session runner's monotonic clock (the tuning's ``clock``), so
the booked end and the over-run are durations on one clock.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from talentdesk.domain import (
    DEFAULT_EMERGENCY_CONTACTS,
    EmergencyContact,
    IncidentCategory,
    Package,
    SessionRecord,
)
from talentdesk.safety import (
    FILING_WINDOW,
    AfterCareOffer,
    DebriefRoute,
    EscalationView,
    LoneWorkerEvent,
    NightCounts,
    ReportView,
    SafetyService,
)
from talentdesk.safety.lone_worker import DEFAULT_ANSWER_MINUTES, DEFAULT_MINUTES_OVER
from talentdesk.sessions.runner import SessionPhase
from talentdesk.sync.apply import PageResult
from talentdesk.ui.bridge import Bridge
from talentdesk.ui.desk import AgencyDesk
from talentdesk.vault.records import RecordStore
from talentdesk_contract import wire

if TYPE_CHECKING:
    from talentdesk.sessions.runner import FinishedSession
    from talentdesk.sessions.runner import LiveSession as RunnerSession
    from talentdesk.ui.session.controller import SessionDesk

log = logging.getLogger(__name__)

T = TypeVar("T")

#: How far back the report dialog lists sessions (the older ones say they are too late).
RECENT_SESSIONS = timedelta(days=3)
#: How many ended sessions the report dialog lists at most.
RECENT_SESSIONS_MAX = 12


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class SafetyTuning:
    """The clocks and limits of the safety desk (fake clocks in tests).

    Attributes:
        now: The wall clock (UTC): escalation and report times, the 24-hour window.
        clock: Monotonic seconds of the lone-worker check; the session runner's clock.
        minutes_over: Minutes past the booked end before "Are you OK?".
        answer_minutes: Minutes to answer before the automatic escalation.
        poll_ms: How often the lone-worker check looks (it only decides when to look).
        tz: The talent's time zone for the night's counts (None: this computer's).
    """

    now: Callable[[], datetime] = _utc_now
    clock: Callable[[], float] = time.monotonic
    minutes_over: float = DEFAULT_MINUTES_OVER
    answer_minutes: float = DEFAULT_ANSWER_MINUTES
    poll_ms: int = 1000
    tz: tzinfo | None = None


class _Session(Protocol):
    """What the desk needs of the session runner's live session."""

    @property
    def booking_id(self) -> str: ...

    @property
    def session_id(self) -> str: ...

    @property
    def package(self) -> Package: ...

    @property
    def started_at(self) -> datetime: ...

    @property
    def planned_seconds(self) -> int: ...

    @property
    def phase(self) -> SessionPhase: ...

    def elapsed(self) -> float: ...


class WatchedSession:
    """The session runner's live session as the safety services see it.

    Satisfies :class:`talentdesk.safety.LiveSession`: the booked end in monotonic seconds
    on the check's clock (worked out from the time already elapsed, so it is right after a
    resume too), and whether the talent has ended it.
    """

    def __init__(self, live: _Session, clock: Callable[[], float]) -> None:
        self._live = live
        self._booking_id = live.booking_id
        self._booked_end = clock() - live.elapsed() + live.planned_seconds

    @property
    def booking_id(self) -> str:
        """The booking of the session."""
        return self._booking_id

    @property
    def booked_end(self) -> float:
        """When the booked time is up, in monotonic seconds."""
        return self._booked_end

    @property
    def ended(self) -> bool:
        """Whether the talent has ended the session (closing or finished)."""
        return self._live.phase in (SessionPhase.CLOSING, SessionPhase.FINISHED)

    @property
    def session(self) -> _Session:
        """The runner's live session."""
        return self._live


@dataclass(frozen=True)
class SafetySnapshot:
    """Everything the safety screens list, as last loaded.

    Attributes:
        escalations: Newest first.
        reports: Newest first.
        counts: Tonight's after-care counts (None before the first load).
        contacts: The emergency contacts (the agency's, else the public lines).
    """

    escalations: tuple[EscalationView, ...] = ()
    reports: tuple[ReportView, ...] = ()
    counts: NightCounts | None = None
    contacts: tuple[EmergencyContact, ...] = DEFAULT_EMERGENCY_CONTACTS

    def escalation(self, escalation_id: str) -> EscalationView | None:
        """One escalation by id."""
        return next((v for v in self.escalations if v.id == escalation_id), None)

    def report(self, report_id: str) -> ReportView | None:
        """One report by id."""
        return next((v for v in self.reports if v.id == report_id), None)

    def latest_for(self, booking_id: str | None) -> EscalationView | None:
        """The newest escalation about ``booking_id``."""
        return next((v for v in self.escalations if v.booking_id == booking_id), None)

    def with_escalation(self, view: EscalationView) -> SafetySnapshot:
        """This snapshot with ``view`` added or replaced (newest first)."""
        others = tuple(v for v in self.escalations if v.id != view.id)
        merged = sorted((view, *others), key=lambda v: (v.raised_at, v.id), reverse=True)
        return SafetySnapshot(tuple(merged), self.reports, self.counts, self.contacts)


@dataclass(frozen=True)
class SessionChoice:
    """A session a report can be about: the live one, or one that ended recently.

    Attributes:
        record: The ended session's record; None for the live session.
        deadline: Until when a report is accepted (None while live).
        too_late: The 24-hour window has closed.
    """

    booking_id: str
    session_id: str
    package_name: str
    started_at: datetime
    ended_at: datetime | None = None
    deadline: datetime | None = None
    too_late: bool = False
    record: SessionRecord | None = field(default=None, compare=False)

    @property
    def live(self) -> bool:
        """Whether this is the session running now."""
        return self.ended_at is None


class _Coalescer:
    """Hands "something changed" from any thread to the GUI thread, once per burst."""

    def __init__(self, bridge: Bridge, receive: Callable[[], None]) -> None:
        self._bridge = bridge
        self._receive = receive
        self._lock = threading.Lock()
        self._posted = False

    def poke(self) -> None:
        with self._lock:
            if self._posted:
                return
            self._posted = True
        self._bridge.post(self._deliver)

    def _deliver(self) -> None:
        with self._lock:
            self._posted = False
        self._receive()


class SafetyDesk(QObject):
    """The safety side of one unlocked vault: escalations, reports, playbook, check-ins.

    Args:
        desk: The agency desk of the same vault (its sync service, its bridge runner).
        bridge: The app's bridge (worker-thread news comes through it).
        tuning: Clocks and limits.

    Attributes:
        service: The safety service.
        snapshot: What the lists show, as last loaded (or just escalated).
        last_escalate_seconds: How long the last escalate call took, click to durable.

    Signals:
        changed(): ``snapshot`` changed.
        escalation_raised(object): The ``EscalationView`` of an escalation just made
            (by the button, the shortcut, the playbook, or "I need help").
        lone_worker_event(object): A ``LoneWorkerEvent`` (ask, cleared, escalated).
        after_care_offered(object): An ``AfterCareOffer`` after a hard session.
        live_changed(object): The booking id of the session now watched, or None.
        failed(str, object): A step failed: its name (``escalate``, ``follow_up``,
            ``false_alarm``, ``report``, ``after_care``, ``load``) and the exception.
    """

    changed = Signal()
    escalation_raised = Signal(object)
    lone_worker_event = Signal(object)
    after_care_offered = Signal(object)
    live_changed = Signal(object)
    failed = Signal(str, object)

    def __init__(
        self,
        desk: AgencyDesk,
        bridge: Bridge,
        *,
        tuning: SafetyTuning | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tuning = tuning or SafetyTuning()
        self._bridge = bridge
        self._closed = False
        self._loading = False
        self._load_again = False
        self._live: WatchedSession | None = None
        self.snapshot = SafetySnapshot()
        self.last_escalate_seconds: float | None = None
        tune = self.tuning
        self.service = SafetyService(
            desk.vault,
            desk.sync,
            now=tune.now,
            clock=tune.clock,
            minutes_over=tune.minutes_over,
            answer_minutes=tune.answer_minutes,
            tz=tune.tz,
        )
        self._news = _Coalescer(bridge, self.refresh)
        # Called on worker threads (and on this one): only hand over, never touch widgets.
        self.service.subscribe(self._news.poke)
        self.service.lone_worker.subscribe(
            lambda event: bridge.post(lambda: self._lone_worker_event(event))
        )
        desk.sync.add_page_listener(self._page_applied)
        # A failed delivery attempt changes no escalation, but the sync status says so:
        # "queued · retrying" comes from the outbox item's attempts, read again here.
        desk.status_changed.connect(lambda _status: self.refresh())
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(tune.poll_ms)
        self._poll_timer.timeout.connect(self.poll_now)
        self.refresh()

    # ------------------------------------------------------------------ state

    @property
    def closed(self) -> bool:
        """True once released."""
        return self._closed

    @property
    def live(self) -> WatchedSession | None:
        """The live session the check watches, if any."""
        return self._live

    @property
    def live_booking_id(self) -> str | None:
        """The booking of the live session, if any."""
        return self._live.booking_id if self._live is not None else None

    @property
    def paired(self) -> bool:
        """Whether the app is paired with an agency (escalations can leave this device)."""
        return self.desk.pairing is not None

    def clock(self) -> float:
        """The lone-worker check's monotonic clock."""
        return self.tuning.clock()

    def now(self) -> datetime:
        """The wall clock (UTC)."""
        return self.tuning.now()

    def run(
        self,
        work: Callable[[], T],
        success: Callable[[T], None],
        failure: Callable[[Exception], None] | None = None,
        *,
        receiver: QObject | None = None,
    ) -> None:
        """Run vault-bound work on the bridge (see :meth:`AgencyDesk.run`)."""
        if self._closed:
            return
        self.desk.run(work, success, failure, receiver=receiver)

    def _failed(self, step: str, exc: Exception) -> None:
        log.warning("safety step %s failed: %s", step, type(exc).__name__)
        if not self._closed:
            self.failed.emit(step, exc)

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:
        """Load the escalations, reports, counts and contacts again (on the bridge)."""
        if self._closed:
            return
        if self._loading:
            self._load_again = True
            return
        self._loading = True
        self.run(self._read_snapshot, self._loaded, self._load_failed)

    def _read_snapshot(self) -> SafetySnapshot:
        """Blocking: runs on the bridge."""
        service = self.service
        return SafetySnapshot(
            escalations=tuple(service.escalations.escalations()),
            reports=tuple(service.reports.reports()),
            counts=service.after_care.night_counts(),
            contacts=service.playbook.contacts(),
        )

    def _loaded(self, snapshot: SafetySnapshot) -> None:
        self._loading = False
        self.snapshot = snapshot
        self.changed.emit()
        if self._load_again:
            self._load_again = False
            self.refresh()

    def _load_failed(self, exc: Exception) -> None:
        self._loading = False
        self._failed("load", exc)
        if self._load_again:
            self._load_again = False
            self.refresh()

    def _page_applied(self, result: PageResult) -> None:
        # On the feed thread: new emergency contacts come with the agency's config.
        if result.config_changed:
            self._news.poke()

    # ------------------------------------------------------------------ escalating

    def escalate(self, booking_id: str | None = None) -> EscalationView | None:
        """Ask a supervisor for help now; durable before this returns. GUI thread on purpose.

        Args:
            booking_id: The booking it is about; None takes the live session's, if any.

        Returns:
            The escalation (queued), or None if it could not be written (``failed``
            says why; the screens then point to the emergency numbers).
        """
        if self._closed:
            return None
        about = booking_id if booking_id is not None else self.live_booking_id
        started = time.perf_counter()
        try:
            view = self.service.escalations.escalate(about)
        except Exception as exc:  # the talent must hear of it, whatever it was
            log.exception("escalation could not be saved")
            self._failed("escalate", exc)
            return None
        self.last_escalate_seconds = time.perf_counter() - started
        log.info("escalation durable in %.1f ms", self.last_escalate_seconds * 1000)
        self._raised(view)
        return view

    def escalate_with_sign(
        self, sign: wire.CrisisSign, booking_id: str | None = None
    ) -> EscalationView | None:
        """Escalate from the playbook with the sign filled in (a follow-up if one is open)."""
        if self._closed:
            return None
        about = booking_id if booking_id is not None else self.live_booking_id
        try:
            view = self.service.playbook.escalate(sign, about)
        except Exception as exc:
            log.exception("escalation with a crisis sign could not be saved")
            self._failed("escalate", exc)
            return None
        self._raised(view)
        return view

    def _raised(self, view: EscalationView) -> None:
        self.snapshot = self.snapshot.with_escalation(view)
        self.changed.emit()
        self.escalation_raised.emit(view)

    def follow_up(
        self,
        escalation_id: str,
        *,
        crisis_sign: wire.CrisisSign | None = None,
        note: str | None = None,
        done: Callable[[EscalationView], None] | None = None,
        failure: Callable[[Exception], None] | None = None,
    ) -> None:
        """Add a crisis sign and/or a note to an escalation (on the bridge)."""
        escalations = self.service.escalations

        def work() -> EscalationView:
            return escalations.follow_up(escalation_id, crisis_sign=crisis_sign, note=note)

        def succeeded(view: EscalationView) -> None:
            self._updated(view)
            if done is not None:
                done(view)

        def failed(exc: Exception) -> None:
            self._failed("follow_up", exc)
            if failure is not None:
                failure(exc)

        self.run(work, succeeded, failed)

    def false_alarm(
        self,
        escalation_id: str,
        *,
        done: Callable[[EscalationView], None] | None = None,
        failure: Callable[[Exception], None] | None = None,
    ) -> None:
        """Withdraw an escalation pressed by mistake (on the bridge)."""
        escalations = self.service.escalations

        def succeeded(view: EscalationView) -> None:
            self._updated(view)
            if done is not None:
                done(view)

        def failed(exc: Exception) -> None:
            self._failed("false_alarm", exc)
            if failure is not None:
                failure(exc)

        self.run(lambda: escalations.false_alarm(escalation_id), succeeded, failed)

    def _updated(self, view: EscalationView) -> None:
        self.snapshot = self.snapshot.with_escalation(view)
        self.changed.emit()

    # ------------------------------------------------------------------ reports

    def recent_sessions(self) -> list[SessionChoice]:
        """The live session and the sessions that ended lately, newest first. Blocking."""
        now = self.now()
        choices: list[SessionChoice] = []
        live = self._live
        if live is not None and not live.ended:
            session = live.session
            choices.append(
                SessionChoice(
                    booking_id=live.booking_id,
                    session_id=session.session_id,
                    package_name=session.package.name,
                    started_at=session.started_at,
                )
            )
        loaded = RecordStore(self.desk.vault).load_all(SessionRecord)
        records = [r for r in loaded.items if now - r.ended_at <= RECENT_SESSIONS]
        records.sort(key=lambda r: r.ended_at, reverse=True)
        for record in records[:RECENT_SESSIONS_MAX]:
            deadline = record.ended_at + FILING_WINDOW
            choices.append(
                SessionChoice(
                    booking_id=record.booking_id,
                    session_id=record.id,
                    package_name=record.package.name,
                    started_at=record.started_at,
                    ended_at=record.ended_at,
                    deadline=deadline,
                    too_late=now > deadline,
                    record=record,
                )
            )
        return choices

    def file_report(
        self,
        choice: SessionChoice,
        category: IncidentCategory,
        description: str,
        *,
        done: Callable[[ReportView], None],
        failure: Callable[[Exception], None],
    ) -> None:
        """File an incident report about ``choice`` (on the bridge)."""
        reports = self.service.reports
        live = self._live

        def work() -> ReportView:
            if choice.record is not None:
                return reports.file(choice.record, category, description)
            if live is None or live.booking_id != choice.booking_id:
                # The session ended while the dialog was open: report from its record.
                record = RecordStore(self.desk.vault).load(SessionRecord, choice.session_id)
                if record is None:
                    return reports.file(_Ended(choice.booking_id), category, description)
                return reports.file(record, category, description)
            return reports.file(live, category, description)

        def succeeded(view: ReportView) -> None:
            self.refresh()
            done(view)

        def failed(exc: Exception) -> None:
            self._failed("report", exc)
            failure(exc)

        self.run(work, succeeded, failed)

    # ------------------------------------------------------------------ sessions

    def attach_session(self, session: SessionDesk) -> None:
        """Follow a session desk: watch each live session, and offer after-care when it ends."""
        session.session_changed.connect(self._session_changed)
        session.finished.connect(self._session_finished)
        if session.live is not None:
            self.session_started(session.live)

    def _session_changed(self, live: RunnerSession | None) -> None:
        if live is not None:
            self.session_started(live)
        elif self._live is not None:
            # Released (locking) or finished: the finished signal did the rest.
            self._forget_live()

    def _session_finished(self, result: FinishedSession) -> None:
        self.session_ended(result.record)

    def session_started(self, live: _Session) -> None:
        """A session went live (or was resumed): the lone-worker check watches it."""
        if self._closed:
            return
        watched = WatchedSession(live, self.tuning.clock)
        self._live = watched
        self.service.session_started(watched)
        self._poll_timer.start()
        self.live_changed.emit(watched.booking_id)

    def session_ended(self, record: SessionRecord) -> None:
        """A session ended and its record is saved: tidy, and offer after-care if it was hard."""
        if self._closed:
            return
        if self._live is not None and self._live.booking_id == record.booking_id:
            self._forget_live()
        service = self.service

        def offered(offer: AfterCareOffer | None) -> None:
            self.refresh()
            if offer is not None:
                self.after_care_offered.emit(offer)

        self.run(
            lambda: service.session_ended(record),
            offered,
            lambda exc: self._failed("after_care", exc),
        )

    def _forget_live(self) -> None:
        live, self._live = self._live, None
        if live is not None:
            self.service.lone_worker.forget(live.booking_id)
        self._poll_timer.stop()
        self.live_changed.emit(None)

    # ------------------------------------------------------------------ lone-worker check

    def poll_now(self) -> list[LoneWorkerEvent]:
        """Let the lone-worker check look at the clock now (the timer calls this)."""
        if self._closed:
            return []
        try:
            return self.service.lone_worker.poll()
        except Exception:  # a failed poll is tried again on the next tick
            log.exception("lone-worker poll failed")
            return []

    def _lone_worker_event(self, event: LoneWorkerEvent) -> None:
        if self._closed:
            return
        if event.escalation_id is not None:
            view = self.service.escalations.get(event.escalation_id)
            if view is not None:
                self._raised(view)
        self.lone_worker_event.emit(event)

    def answer_ok(self, booking_id: str) -> bool:
        """The talent answered "I'm OK"."""
        return self.service.lone_worker.answer_ok(booking_id)

    def answer_need_help(self, booking_id: str) -> EscalationView | None:
        """The talent answered "I need help": escalate now (durable before this returns)."""
        if self._closed:
            return None
        try:
            view = self.service.lone_worker.answer_need_help(booking_id)
        except Exception as exc:
            log.exception("escalation after 'I need help' could not be saved")
            self._failed("escalate", exc)
            return None
        self._raised(view)
        return view

    # ------------------------------------------------------------------ after-care

    def check_in_done(self, booking_id: str) -> None:
        """The talent did the check-in (only the count is kept)."""
        care = self.service.after_care
        self._count(lambda: care.check_in_done(booking_id))

    def break_taken(self, booking_id: str) -> None:
        """The talent takes the break offered."""
        care = self.service.after_care
        self._count(lambda: care.break_taken(booking_id))

    def dismiss_after_care(self, booking_id: str) -> None:
        """The talent closed the offer."""
        self.service.after_care.dismiss(booking_id)

    def request_debrief(self, booking_id: str, done: Callable[[DebriefRoute], None]) -> None:
        """Ask the agency for a debrief (on the bridge); ``done`` gets where it went."""
        care = self.service.after_care

        def finished(route: DebriefRoute) -> None:
            self.refresh()
            done(route)

        self.run(
            lambda: care.request_debrief(booking_id),
            finished,
            lambda exc: self._failed("after_care", exc),
        )

    def _count(self, work: Callable[[], None]) -> None:
        self.run(work, lambda _none: self.refresh(), lambda exc: self._failed("after_care", exc))

    # ------------------------------------------------------------------ release

    def release(self) -> None:
        """Let go before the vault closes: stop the check's timer; nothing more is emitted."""
        if self._closed:
            return
        self._closed = True
        self._poll_timer.stop()
        self.service.lone_worker.stop()
        self._live = None


@dataclass(frozen=True)
class _Ended:
    """A session reference by booking id, for a live session that ended mid-dialog."""

    booking_id: str
    booked_end: float = 0.0
    ended: bool = True
