"""What the lock screen keeps while a session is live or an escalation is open.

The lock locks data, never the panic button. Locked during a live session, the lock
screen still shows the session's clock, the escalate button (and Ctrl+Shift+E anywhere
on the screen), where the latest escalation is (queued, delivered, taken by a named
supervisor, and for how long it has waited), the lone-worker check's "Are you OK?", and
whether the agency can be reached. Nothing of the customer, the replies or what the
talent typed: the workspace behind it is guarded (:meth:`Workspace.guard`).

The escalate click writes the escalation on the GUI thread, as everywhere: durable when
the click returns. The clock and the check's poll are timers that only decide when to
look; the times come from the session runner's monotonic clock.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from talentdesk.safety import EscalationState
from talentdesk.safety.lone_worker import LoneWorkerEventKind
from talentdesk.sessions.terms import SessionPhase
from talentdesk.ui.safety.messages import SafetyMessages
from talentdesk.ui.safety.shortcut import make_escalate_shortcut
from talentdesk.ui.safety.waits import EscalationWaits
from talentdesk.ui.session.controller import next_tick_ms
from talentdesk.ui.session.messages import clock_text
from talentdesk.ui.sync_chip import SyncChip
from talentdesk.ui.widgets import Callout, TranslatedWidget, make_button, make_label, set_role
from talentdesk.workspace import HelpNumbers

if TYPE_CHECKING:
    from talentdesk.safety import EscalationView, LoneWorkerEvent
    from talentdesk.sessions.runner import SessionTick
    from talentdesk.ui.agency_link import AgencyLink
    from talentdesk.ui.bridge import WorkspaceBridge
    from talentdesk.workspace import Changes, Workspace

log = logging.getLogger(__name__)

#: While nothing ticks (no session), the escalation's wait still counts up once a second.
WAIT_TICK_MS = 1000


class GuardPanel(TranslatedWidget):
    """The live session's clock and the escalate button, on the lock screen.

    Args:
        view: The guarded workspace on the GUI thread (its change event).
        agency: The agency link (the sync state).

    Attributes:
        last_escalation: The escalation on show (the newest open one), if any.

    Signals:
        nothing_to_guard(): The session is over and no escalation is open: the app can
            lock fully.
        warning_due(int): Minutes left at a warning mark (for the tray).
        overrun_started(): The booked time is up.
        escalated(object): The ``EscalationView`` of an escalation made here.
    """

    nothing_to_guard = Signal()
    warning_due = Signal(int)
    overrun_started = Signal()
    escalated = Signal(object)

    def __init__(
        self, view: WorkspaceBridge, agency: AgencyLink, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("guardPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.view = view
        self.workspace: Workspace = view.workspace
        self._words = SafetyMessages(self)
        self._tick: SessionTick | None = None
        self._stopped = False
        self.last_escalation: EscalationView | None = None
        self.waits = EscalationWaits(self.workspace.clocks.wall)
        self._asking: str | None = None  # the booking "Are you OK?" asks about
        self.title = make_label("sectionTitle", name="guardTitle")
        self.clock = make_label("countdown", wrap=False, name="guardClock")
        self.caption = make_label("muted", wrap=False, name="guardCaption")
        self.sync = SyncChip(agency)
        self.escalate_button = make_button("escalate", name="guardEscalate")
        self.escalate_button.setAutoDefault(False)
        self.state = make_label("body", name="guardEscalationState")
        self.instruction = Callout("error", name="guardUnanswered")
        self.error = Callout("error", name="guardError")
        self._numbers: HelpNumbers | None = None
        self.question = QFrame()
        self.question.setObjectName("guardQuestion")
        self.question_text = make_label("promptTitle", name="guardQuestionText")
        self.ok_button = make_button("primary", name="guardOk")
        self.help_button = make_button("danger", name="guardNeedHelp")
        self.note = make_label("small", name="guardNote")
        self._tick_timer = QTimer(self)
        self._tick_timer.setSingleShot(True)
        self._tick_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(self.workspace.safety_tuning.poll_ms)
        self._build_layout()
        self.shortcut = make_escalate_shortcut(self, self.escalate)
        self._connect_signals()
        self.retranslate()

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.sync, 0, Qt.AlignmentFlag.AlignTop)
        asking = QVBoxLayout(self.question)
        asking.setContentsMargins(12, 10, 12, 10)
        asking.setSpacing(8)
        asking.addWidget(self.question_text)
        answers = QHBoxLayout()
        answers.addWidget(self.ok_button)
        answers.addWidget(self.help_button)
        asking.addLayout(answers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.clock)
        layout.addWidget(self.caption)
        layout.addWidget(self.question)
        layout.addWidget(self.escalate_button)
        layout.addWidget(self.state)
        layout.addWidget(self.instruction)
        layout.addWidget(self.error)
        layout.addWidget(self.note)
        self.question.hide()
        self.error.hide()
        self.state.hide()
        self.instruction.hide()

    def _connect_signals(self) -> None:
        self.view.changed.connect(self._changed)
        self._tick_timer.timeout.connect(self.tick_now)
        self._poll_timer.timeout.connect(self.poll_now)
        self.escalate_button.clicked.connect(self.escalate)
        self.ok_button.clicked.connect(self._answer_ok)
        self.help_button.clicked.connect(self._answer_need_help)

    # ------------------------------------------------------------------ running

    def start(self) -> None:
        """Show the session and the escalation now, and keep them current."""
        self._stopped = False
        live = self.workspace.runner.live if self.workspace.built else None
        watched = self.workspace.watched
        if watched is not None and live is not None:
            status = self.workspace.safety.lone_worker.status(watched.booking_id)
            if status is not None and status.phase.value == "asking":
                self._ask(watched.booking_id)
        self._poll_timer.start()
        self.tick_now()
        self.refresh()
        self._load_numbers()

    def _load_numbers(self) -> None:
        """Read whom to call if nobody takes an escalation (on the bridge)."""

        def loaded(numbers: HelpNumbers) -> None:
            self._numbers = numbers
            self._show_escalation()

        self.view.run(self.workspace.help_numbers, loaded, receiver=self)

    def stop(self) -> None:
        """Stop every timer (the talent unlocked, or the app locks fully or quits)."""
        self._stopped = True
        self._tick_timer.stop()
        self._poll_timer.stop()

    def _changed(self, changes: Changes) -> None:
        if self._stopped:
            return
        for event in changes.lone_worker:
            self._lone_worker(event)
        if changes.safety or changes.outbox or changes.sync_status or changes.session:
            self.refresh()
        if changes.settings:  # a new agency config: another supervisor phone, perhaps
            self._load_numbers()

    def tick_now(self) -> SessionTick | None:
        """Read the session's clock and schedule the next look."""
        if self._stopped:
            return None
        live = self.workspace.runner.live if self.workspace.built else None
        tick = live.tick() if live is not None else None
        self._tick = tick
        if tick is not None:
            if tick.warnings:
                self.warning_due.emit(min(tick.warnings))
            if tick.overrun_started:
                self.overrun_started.emit()
        self._show_clock()
        self._show_escalation()
        wait = next_tick_ms(tick) if tick is not None else WAIT_TICK_MS
        self._tick_timer.start(wait)
        return tick

    def poll_now(self) -> None:
        """Let the lone-worker check look at the clock (its events arrive as changes)."""
        if self._stopped:
            return
        try:
            self.workspace.poll_lone_worker()
        except Exception:  # a failed poll is tried again on the next tick
            log.exception("lone-worker poll failed while locked")

    def refresh(self) -> None:
        """Read the newest open escalation again; say so when nothing is left to guard."""
        if self._stopped:
            return
        opened = self.workspace.open_escalations()
        self.last_escalation = opened[0] if opened else self._latest_closed()
        self._show_escalation()
        live = self.workspace.runner.live if self.workspace.built else None
        if live is None and not opened:
            self.nothing_to_guard.emit()

    def _latest_closed(self) -> EscalationView | None:
        """The escalation shown before, as it is now (resolved: shown until a full lock)."""
        shown = self.last_escalation
        if shown is None:
            return None
        return self.workspace.safety.escalations.get(shown.id)

    # ------------------------------------------------------------------ escalating

    def escalate(self) -> EscalationView | None:
        """Ask a supervisor for help now (the button, Ctrl+Shift+E): durable on return."""
        self.error.hide()
        try:
            view = self.workspace.escalate()
        except Exception:  # the talent must hear of it, whatever it was
            log.exception("escalation from the lock screen could not be saved")
            self.error.setText(
                self.tr(
                    "The escalation could not be saved on this device. Call your agency now, "
                    "or 112 in an emergency."
                )
            )
            self.error.show()
            return None
        self.waits.raised_now(view.id)
        self.last_escalation = view
        self._show_escalation()
        self.escalated.emit(view)
        return view

    # ------------------------------------------------------------------ "Are you OK?"

    def _lone_worker(self, event: LoneWorkerEvent) -> None:
        if event.kind is LoneWorkerEventKind.ASK:
            self._ask(event.booking_id)
        else:
            self._asking = None
            self.question.hide()
        if event.escalation_id is not None:
            self.refresh()

    def _ask(self, booking_id: str) -> None:
        self._asking = booking_id
        self.question.show()

    def _answer_ok(self) -> None:
        booking = self._asking
        if booking is not None:
            self.workspace.safety.lone_worker.answer_ok(booking)
        self._asking = None
        self.question.hide()

    def _answer_need_help(self) -> None:
        booking = self._asking
        self._asking = None
        self.question.hide()
        if booking is None:
            self.escalate()
            return
        try:
            view = self.workspace.safety.lone_worker.answer_need_help(booking)
        except Exception:
            log.exception("escalation after 'I need help' could not be saved")
            self.escalate()
            return
        self.last_escalation = view
        self._show_escalation()
        self.escalated.emit(view)

    # ------------------------------------------------------------------ texts

    def _show_clock(self) -> None:
        tick = self._tick
        self.clock.setVisible(tick is not None)
        self.caption.setVisible(tick is not None)
        if tick is None:
            return
        if tick.phase is SessionPhase.RUNNING:
            self.clock.setText(clock_text(tick.time_left))
            phase, caption = "normal", self.tr("time left")
        elif tick.phase is SessionPhase.OVERRUN:
            self.clock.setText("+" + clock_text(tick.overrun, round_up=False))
            phase, caption = "overrun", self.tr("over time · end it politely after unlocking")
        else:
            self.clock.setText(clock_text(tick.elapsed, round_up=False))
            phase, caption = "closing", self.tr("session ended · finish it after unlocking")
        self.caption.setText(caption)
        if self.clock.property("phase") != phase:
            self.clock.setProperty("phase", phase)
            set_role(self.clock, "countdown")

    def _show_escalation(self) -> None:
        view = self.last_escalation
        self.state.setVisible(view is not None)
        unanswered = view is not None and view.unanswered
        self.instruction.setVisible(unanswered)
        if unanswered:
            numbers = self._numbers or HelpNumbers()
            self.instruction.setText(
                self._words.unanswered(numbers.supervisor_phone, numbers.contacts)
            )
        if view is None:
            return
        text = self._words.state_line(view)
        if view.state in (EscalationState.QUEUED, EscalationState.DELIVERED):
            text += " · " + self.tr("waiting %1").replace(
                "%1", clock_text(self.waits.waited(view), round_up=False)
            )
        self.state.setText(text)

    def retranslate(self) -> None:
        session = self.workspace.built and self.workspace.runner.live is not None
        self.title.setText(
            self.tr("Your session goes on while TalentDesk is locked")
            if session
            else self.tr("Your escalation stays open while TalentDesk is locked")
        )
        self.escalate_button.setText(self.tr("Escalate — ask a supervisor for help"))
        self.escalate_button.setToolTip(
            self.tr("One click asks your supervisor for help at once (Ctrl+Shift+E).")
        )
        self.question_text.setText(self.tr("Are you OK?"))
        self.ok_button.setText(self.tr("I'm OK"))
        self.help_button.setText(self.tr("I need help"))
        self.note.setText(
            self.tr(
                "Unlock to see the session, your replies and the customer's contact. Sync and "
                "the safety check go on meanwhile."
            )
        )
        self._show_clock()
        self._show_escalation()
