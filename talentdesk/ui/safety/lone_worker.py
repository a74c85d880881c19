"""The lone-worker prompt: "Are you OK?", prominent but never in the way.

Shown when a session runs well past its booked end. It is its own window, raised and
(where the platform allows) kept on top, and it is not modal: the talent can go on
typing in their chat app. "I'm OK" puts it away until the next check; "I need help"
escalates at once. With no answer in time the safety service escalates on its own,
and the prompt says so plainly, with a way to cancel it if all is well after all.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QHBoxLayout, QVBoxLayout, QWidget

from talentdesk.safety import EscalationView, LoneWorkerEvent, LoneWorkerEventKind
from talentdesk.ui.safety.controller import SafetyController
from talentdesk.ui.safety.escalate import repolish
from talentdesk.ui.session.messages import clock_text
from talentdesk.ui.widgets import (
    Callout,
    TranslatedWidget,
    keep_tall_enough,
    make_button,
    make_label,
)

#: Qt platforms on which a window may ask to stay on top.
ON_TOP_PLATFORMS = frozenset({"xcb", "windows", "cocoa"})


class AreYouOkPrompt(TranslatedWidget):
    """The question "Kamu baik-baik saja?" with "I'm OK" and "I need help", and what next.

    Args:
        safety: The safety controller (answers go to its lone-worker check).
        platform: The Qt platform name (tests pretend another); None asks Qt.

    Signals:
        answered(str): "ok", "help" or "false_alarm".
    """

    answered = Signal(str)

    def __init__(
        self,
        safety: SafetyController,
        parent: QWidget | None = None,
        *,
        platform: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("areYouOkPrompt")
        self.setProperty("phase", "asking")
        self.setWindowFlag(Qt.WindowType.Window, True)
        name = platform if platform is not None else QGuiApplication.platformName()
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, name in ON_TOP_PLATFORMS)
        self._safety = safety
        self._event: LoneWorkerEvent | None = None
        self._escalation: EscalationView | None = None
        self.title = make_label("promptTitle", name="promptTitle")
        self.body = make_label("body", name="promptBody")
        self.countdown = make_label("promptTime", name="promptCountdown")
        self.ok_button = make_button("primary", name="imOk")
        self.help_button = make_button("danger", name="needHelp")
        self.cancel_button = make_button("quiet", name="cancelAutomatic")
        self.close_button = make_button(name="closePrompt")
        self.error = Callout("error", name="promptError")
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._update_countdown)
        self._build_layout()
        self._connect_signals()
        keep_tall_enough(self, min_width=460)
        self.resize(QSize(520, 320))
        self.retranslate()

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        buttons.addWidget(self.ok_button, 1)
        buttons.addWidget(self.help_button, 1)
        after = QVBoxLayout()
        after.setSpacing(8)
        after.addWidget(self.cancel_button)
        after.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(26, 22, 26, 22)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addWidget(self.countdown)
        layout.addStretch(1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addLayout(after)
        self.error.hide()
        for button in (self.ok_button, self.help_button):
            button.setMinimumHeight(44)

    def _connect_signals(self) -> None:
        self.ok_button.clicked.connect(self.answer_ok)
        self.help_button.clicked.connect(self.answer_need_help)
        self.cancel_button.clicked.connect(self.cancel_automatic)
        self.close_button.clicked.connect(self.hide)
        self._safety.changed.connect(self._escalation_changed)

    # ------------------------------------------------------------------ state

    @property
    def phase(self) -> str:
        """Where the prompt is: asking, escalated (no answer: sent on its own) or helping."""
        return str(self.property("phase"))

    @property
    def booking_id(self) -> str | None:
        """The session the question is about."""
        return self._event.booking_id if self._event is not None else None

    def _set_phase(self, phase: str) -> None:
        if self.property("phase") != phase:
            self.setProperty("phase", phase)
            repolish(self)
        asking = phase == "asking"
        self.ok_button.setVisible(asking)
        self.help_button.setVisible(asking)
        self.countdown.setVisible(asking)
        self.cancel_button.setVisible(phase == "escalated")
        self.close_button.setVisible(not asking)
        if asking:
            self._timer.start()
        else:
            self._timer.stop()

    def handle(self, event: LoneWorkerEvent) -> None:
        """Follow the lone-worker check: ask, clear, or say it escalated."""
        kind = event.kind
        if kind is LoneWorkerEventKind.ASK:
            self._event = event
            self._escalation = None
            self.error.hide()
            self._set_phase("asking")
            self.retranslate()
            self._update_countdown()
            self.bring_forward()
        elif kind is LoneWorkerEventKind.ESCALATED:
            self._event = event
            self._escalation = (
                self._safety.snapshot.escalation(event.escalation_id)
                if event.escalation_id is not None
                else None
            )
            self._set_phase("escalated")
            self.retranslate()
            self.bring_forward()
        elif (
            kind is LoneWorkerEventKind.CLEARED
            and self.phase == "asking"
            and (self._event is None or self._event.booking_id == event.booking_id)
        ):
            self._timer.stop()
            self.hide()

    def bring_forward(self) -> None:
        """Show, raise and ask for attention (a taskbar flash where there is one)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        QApplication.alert(self, 0)

    def seconds_left(self) -> float | None:
        """Seconds until the automatic escalation, while asking."""
        event = self._event
        if event is None or event.answer_by is None or self.phase != "asking":
            return None
        return max(0.0, event.answer_by - self._safety.clock())

    def _update_countdown(self) -> None:
        left = self.seconds_left()
        if left is None:
            return
        self.countdown.setText(
            self.tr("Your supervisor is told automatically in %1").replace("%1", clock_text(left))
        )

    # ------------------------------------------------------------------ answers

    def answer_ok(self) -> None:
        """The talent is OK: put the question away until the next check."""
        booking = self.booking_id
        if booking is not None:
            self._safety.answer_ok(booking)
        self._timer.stop()
        self.hide()
        self.answered.emit("ok")

    def answer_need_help(self) -> None:
        """The talent needs help: escalate now (durable before this returns)."""
        booking = self.booking_id
        if booking is None:
            return
        view = self._safety.answer_need_help(booking)
        if view is None:
            self.error.setText(
                self.tr(
                    "The escalation could not be saved. Call your agency now, or 112 in an "
                    "emergency."
                )
            )
            self.error.show()
            return
        self._escalation = view
        self._set_phase("helping")
        self.retranslate()
        self.answered.emit("help")

    def cancel_automatic(self) -> None:
        """All is well after all: cancel the automatic escalation as a false alarm."""
        view = self._escalation
        if view is None and self._event is not None and self._event.escalation_id is not None:
            view = self._safety.snapshot.escalation(self._event.escalation_id)
        if view is None:
            self.hide()
            return
        self._safety.false_alarm(view.id)
        self._timer.stop()
        self.hide()
        self.answered.emit("false_alarm")

    def _escalation_changed(self) -> None:
        view = self._escalation
        if view is None:
            return
        fresh = self._safety.snapshot.escalation(view.id)
        if fresh is not None and fresh != view:
            self._escalation = fresh
            self.retranslate()

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing it is no answer: the check goes on and escalates if nobody answers.
        self._timer.stop()
        self.hide()
        event.accept()

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Are you OK?"))
        phase = self.phase
        minutes = round(self._safety.service.lone_worker.minutes_over)
        answer = round(self._safety.service.lone_worker.answer_minutes)
        if phase == "asking":
            self.title.setText(self.tr("Are you OK?"))
            self.body.setText(
                self.tr("Your session is more than %n minute(s) over its booked time.", "", minutes)
                + " "
                + self.tr(
                    "If you don't answer within %n minute(s), your supervisor is asked to "
                    "check on you.",
                    "",
                    answer,
                )
            )
        elif phase == "escalated":
            self.title.setText(self.tr("Your supervisor has been told"))
            self.body.setText(
                self.tr(
                    "You did not answer “Are you OK?”, so TalentDesk asked your supervisor to "
                    "check on you. If you are fine, you can cancel it."
                )
            )
        else:
            self.title.setText(self.tr("Help is on its way"))
            self.body.setText(
                self.tr(
                    "Your supervisor was asked for help. Follow it in the session window; if "
                    "you are in danger, call an emergency number now."
                )
            )
        self.ok_button.setText(self.tr("I'm OK"))
        self.help_button.setText(self.tr("I need help"))
        self.cancel_button.setText(self.tr("I'm OK — cancel it (false alarm)"))
        self.close_button.setText(self.tr("Close"))
        self._update_countdown()
