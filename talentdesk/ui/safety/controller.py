"""The safety controller: the safety services of one unlocked vault, for the windows.

:class:`SafetyController` is made when the vault is unlocked and released before the vault
closes. It holds no rules of its own (they are the workspace's: which session an
escalation is about, the 24-hour report window, the live session as the lone-worker check
sees it); it runs the steps at the right place, keeps what the lists show, and says what
changed with signals, always on the GUI thread.

**Where each step runs.** Escalating is the one vault write made on the GUI thread on
purpose: :meth:`SafetyController.escalate` returns only once the escalation and its urgent
outbox item are committed (a few milliseconds; see ``bench/escalation.py``), so the
click itself is the durable moment and no form, dialog or thread hop comes before it.
Everything else (follow-ups, false alarms, reports, loading the lists, after-care
counts) runs on the bridge.

**News.** The workspace's change event (safety, sync status, a session, lone-worker and
after-care events) arrives on the GUI thread through the workspace bridge; the lists are
loaded again then, the latest request winning.

**The lone-worker check** is polled by a ``QTimer`` on the GUI thread while a session is
watched. Its clock is the session runner's monotonic clock, so the booked end and the
over-run are durations on one clock.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from talentdesk.ui.bridge import LatestOnly, RunsOnTheBridge, WorkspaceBridge
from talentdesk.ui.safety.waits import EscalationWaits
from talentdesk.workspace import SafetySnapshot

if TYPE_CHECKING:
    from talentdesk.domain import IncidentCategory
    from talentdesk.safety import (
        DebriefRoute,
        EscalationView,
        LoneWorkerEvent,
        ReportView,
        SafetyService,
    )
    from talentdesk.workspace import Changes, SessionChoice, SessionWatch, Workspace
    from talentdesk_contract import wire

log = logging.getLogger(__name__)


class SafetyController(RunsOnTheBridge):
    """The safety side of one unlocked vault: escalations, reports, playbook, check-ins.

    Args:
        view: The workspace on the GUI thread (its change event, its runner).
        paired: Whether the app is paired with an agency now (the agency link knows).
        load_now: Load the lists at once; the app loads them after the first paint
            instead (:meth:`refresh`), so the safety services are not built meanwhile.

    Attributes:
        workspace: The workspace.
        snapshot: What the lists show, as last loaded (or just escalated).
        last_escalate_seconds: How long the last escalate call took, click to durable.
        waits: How long each escalation has waited (on the monotonic clock).

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
        view: WorkspaceBridge,
        *,
        paired: Callable[[], bool],
        load_now: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.workspace: Workspace = view.workspace
        self._paired = paired
        self._closed = False
        self._live_booking: str | None = None
        self.snapshot = SafetySnapshot()
        self.last_escalate_seconds: float | None = None
        workspace = self.workspace
        self.waits = EscalationWaits(workspace.clocks.wall)
        self._loader: LatestOnly[SafetySnapshot] = LatestOnly(
            self.run,
            workspace.safety_snapshot,
            self._loaded,
            lambda exc: self._failed("load", exc),
            again_after_failure=True,
        )
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(workspace.safety_tuning.poll_ms)
        self._connect_signals()
        if load_now:
            self.refresh()

    def _connect_signals(self) -> None:
        self._poll_timer.timeout.connect(self.poll_now)
        self.view.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if self._closed:
            return
        if changes.session:
            self._follow_watched()
        for event in changes.lone_worker:
            self._lone_worker_event(event)
        for offer in changes.after_care:
            self.after_care_offered.emit(offer)
        # A failed delivery attempt changes no escalation, but the sync status says so:
        # "queued · retrying" comes from the outbox item's attempts, read again here.
        if changes.safety or changes.sync_status or changes.after_care:
            self.refresh()

    # ------------------------------------------------------------------ state

    @property
    def service(self) -> SafetyService:
        """The safety service."""
        return self.workspace.safety

    @property
    def closed(self) -> bool:
        """True once released."""
        return self._closed

    @property
    def live(self) -> SessionWatch | None:
        """The live session the check watches, if any."""
        return self.workspace.watched

    @property
    def live_booking_id(self) -> str | None:
        """The booking of the live session, if any."""
        return self._live_booking

    @property
    def paired(self) -> bool:
        """Whether the app is paired with an agency (escalations can leave this device)."""
        return self._paired()

    def clock(self) -> float:
        """The lone-worker check's monotonic clock."""
        return self.workspace.clocks.monotonic()

    def now(self) -> datetime:
        """The wall clock (UTC)."""
        return self.workspace.clocks.wall()

    def _failed(self, step: str, exc: Exception) -> None:
        log.warning("safety step %s failed: %s", step, type(exc).__name__)
        if not self._closed:
            self.failed.emit(step, exc)

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:
        """Load the escalations, reports, counts and contacts again (on the bridge)."""
        if not self._closed:
            self._loader.request()

    def _loaded(self, snapshot: SafetySnapshot) -> None:
        if self._closed:
            return
        self.snapshot = snapshot
        self.changed.emit()

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
        started = time.perf_counter()
        try:
            view = self.workspace.escalate(booking_id)
        except Exception as exc:  # the talent must hear of it, whatever it was
            log.exception("escalation could not be saved")
            self._failed("escalate", exc)
            return None
        self.last_escalate_seconds = time.perf_counter() - started
        log.info("escalation durable in %.1f ms", self.last_escalate_seconds * 1000)
        self.waits.raised_now(view.id)
        self._raised(view)
        return view

    def escalate_with_sign(
        self, sign: wire.CrisisSign, booking_id: str | None = None
    ) -> EscalationView | None:
        """Escalate from the playbook with the sign filled in (a follow-up if one is open)."""
        if self._closed:
            return None
        try:
            view = self.workspace.escalate_with_sign(sign, booking_id)
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
        return self.workspace.recent_sessions()

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
        workspace = self.workspace

        def succeeded(view: ReportView) -> None:
            self.refresh()
            done(view)

        def failed(exc: Exception) -> None:
            self._failed("report", exc)
            failure(exc)

        self.run(lambda: workspace.file_report(choice, category, description), succeeded, failed)

    # ------------------------------------------------------------------ sessions

    def _follow_watched(self) -> None:
        """The workspace started, resumed or finished a session: watch it, or stop."""
        watched = self.workspace.watched
        booking = watched.booking_id if watched is not None else None
        if booking == self._live_booking:
            return
        self._live_booking = booking
        if watched is None:
            self._poll_timer.stop()
        else:
            self._poll_timer.start()
        self.live_changed.emit(booking)

    # ------------------------------------------------------------------ lone-worker check

    def poll_now(self) -> list[LoneWorkerEvent]:
        """Let the lone-worker check look at the clock now (the timer calls this)."""
        if self._closed:
            return []
        try:
            return self.workspace.poll_lone_worker()
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
        """The talent takes the break offered: it runs from now, and new sessions wait."""
        from talentdesk.safety.aftercare import BREAK_MINUTES

        care = self.service.after_care
        care.pause.start(BREAK_MINUTES)  # in memory, at once: the countdown shows it now
        self._count(lambda: care.break_taken(booking_id))

    def break_left(self) -> float | None:
        """Seconds left of the talent's break; None when none runs."""
        return self.workspace.break_left()

    def end_break(self) -> None:
        """End the break now: the talent is ready for the next session."""
        self.workspace.end_break()

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

    def not_ok(self, booking_id: str) -> EscalationView | None:
        """The talent answered "not OK" at the after-care check-in: a supervisor is told
        at once (a ``wellbeing`` escalation, durable before this returns)."""
        if self._closed:
            return None
        try:
            view = self.workspace.not_ok(booking_id)
        except Exception as exc:
            log.exception("escalation after 'not OK' could not be saved")
            self._failed("escalate", exc)
            return None
        self.waits.raised_now(view.id)
        self._raised(view)
        return view

    def _count(self, work: Callable[[], None]) -> None:
        self.run(work, lambda _none: self.refresh(), lambda exc: self._failed("after_care", exc))

    # ------------------------------------------------------------------ release

    def release(self) -> None:
        """Let go before the vault closes: stop the check's timer; nothing more is emitted."""
        if self._closed:
            return
        self._closed = True
        self._poll_timer.stop()
        self._live_booking = None
