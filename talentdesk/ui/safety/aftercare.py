"""After a hard session: a short check-in, a break, a debrief. Offered, never pushed.

Shown when a session that was escalated, reported or ended early is finished. Each
choice is one click; what the talent answers in the check-in is never kept, only that
a check-in, a break or a debrief happened (counted per night). A break runs on a timer
shown here: new sessions wait until it ends, or until the talent ends it.

"Not OK" in the check-in reaches the agency at once: a wellbeing escalation of its own
(:meth:`AfterCareDialog.not_ok`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from talentdesk.safety import AfterCareOffer, CareOffer, DebriefRoute, EscalationView
from talentdesk.safety.aftercare import BREAK_MINUTES
from talentdesk.ui.safety.controller import SafetyController
from talentdesk.ui.safety.messages import SafetyMessages
from talentdesk.ui.session.messages import clock_text
from talentdesk.ui.widgets import Callout, keep_tall_enough, make_button, make_label

#: How often the break's countdown looks at the clock.
TICK_MS = 500


class AfterCareDialog(QDialog):
    """Check-in, break and debrief after a hard session (non-modal).

    Args:
        safety: The safety controller (it keeps the counts and sends the debrief request).
        offer: What the safety service offers, and why.
    """

    def __init__(
        self, safety: SafetyController, offer: AfterCareOffer, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("afterCareDialog")
        self.setModal(False)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self._safety = safety
        self._words = SafetyMessages(self)
        self.offer = offer
        self.completed: set[CareOffer] = set()
        self._feeling: str | None = None
        self._route: DebriefRoute | None = None
        self.escalation: EscalationView | None = None
        self.title = make_label("title", name="afterCareTitle")
        self.body = make_label("body", name="afterCareBody")
        self.check_in_button = make_button(name="checkIn")
        self.break_button = make_button(name="takeBreak")
        self.debrief_button = make_button(name="askDebrief")
        self.check_in = QWidget()
        self.check_in.setObjectName("checkInArea")
        self.question = make_label("fieldLabel", name="checkInQuestion")
        self.fine_button = make_button(name="feelFine")
        self.shaken_button = make_button(name="feelShaken")
        self.not_ok_button = make_button(name="feelNotOk")
        self.reply = Callout("note", name="afterCareReply")
        self.break_area = QWidget()
        self.break_area.setObjectName("breakArea")
        self.break_time = make_label("promptTime", wrap=False, name="breakTime")
        self.break_text = make_label("body", name="breakText")
        self.end_break_button = make_button(name="endBreak")
        self.privacy = make_label("small", name="afterCarePrivacy")
        self.close_button = make_button("primary", name="closeAfterCare")
        self._break_timer = QTimer(self)
        self._break_timer.setInterval(TICK_MS)
        self._build_layout()
        self._connect_signals()
        keep_tall_enough(self, min_width=420)
        self.resize(QSize(580, 440))
        self.retranslate()

    def _build_layout(self) -> None:
        offers = QVBoxLayout()
        offers.setSpacing(8)
        buttons = {
            CareOffer.CHECK_IN: self.check_in_button,
            CareOffer.BREAK: self.break_button,
            CareOffer.DEBRIEF: self.debrief_button,
        }
        for offer, button in buttons.items():
            button.setVisible(offer in self.offer.offers)
            button.setMinimumHeight(40)
            offers.addWidget(button)
        feelings = QHBoxLayout()
        feelings.setSpacing(8)
        for button in (self.fine_button, self.shaken_button, self.not_ok_button):
            feelings.addWidget(button)
        feelings.addStretch(1)
        area = QVBoxLayout(self.check_in)
        area.setContentsMargins(0, 4, 0, 0)
        area.setSpacing(8)
        area.addWidget(self.question)
        area.addLayout(feelings)
        pause = QHBoxLayout(self.break_area)
        pause.setContentsMargins(0, 0, 0, 0)
        pause.setSpacing(12)
        pause.addWidget(self.break_time)
        pause.addWidget(self.break_text, 1)
        pause.addWidget(self.end_break_button, 0, Qt.AlignmentFlag.AlignVCenter)
        close_row = QHBoxLayout()
        close_row.addWidget(self.privacy, 1)
        close_row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(26, 22, 26, 20)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addLayout(offers)
        layout.addWidget(self.check_in)
        layout.addWidget(self.reply)
        layout.addWidget(self.break_area)
        layout.addStretch(1)
        layout.addLayout(close_row)
        self.check_in.hide()
        self.reply.hide()
        self.break_area.hide()

    def _connect_signals(self) -> None:
        self.check_in_button.clicked.connect(self.start_check_in)
        self.break_button.clicked.connect(self.take_break)
        self.debrief_button.clicked.connect(self.ask_debrief)
        self.fine_button.clicked.connect(lambda: self._felt("fine"))
        self.shaken_button.clicked.connect(lambda: self._felt("shaken"))
        self.not_ok_button.clicked.connect(self.not_ok)
        self.close_button.clicked.connect(self.close)
        self.end_break_button.clicked.connect(self.end_break)
        self._break_timer.timeout.connect(self._show_break)

    # ------------------------------------------------------------------ choices

    def start_check_in(self) -> None:
        """Ask how the talent feels (the answer is not kept)."""
        self.check_in.show()
        self.reply.hide()

    def _felt(self, feeling: str) -> None:
        self._feeling = feeling
        self.check_in.hide()
        if CareOffer.CHECK_IN not in self.completed:
            self.completed.add(CareOffer.CHECK_IN)
            self._safety.check_in_done(self.offer.booking_id)
        self.retranslate()
        self.reply.show()

    def not_ok(self) -> None:
        """ "Not OK": a supervisor is told at once (an escalation of its own), then the
        advice. The check-in is counted with it."""
        self._feeling = "not_ok"
        self.check_in.hide()
        if CareOffer.CHECK_IN not in self.completed:
            self.completed.add(CareOffer.CHECK_IN)
            self.escalation = self._safety.not_ok(self.offer.booking_id)
        self.retranslate()
        self.reply.show()

    def take_break(self) -> None:
        """Take the break offered (counted): it runs on a timer, new sessions wait."""
        if CareOffer.BREAK not in self.completed:
            self.completed.add(CareOffer.BREAK)
            self._safety.break_taken(self.offer.booking_id)
        self._feeling = "break"
        self.check_in.hide()
        self.retranslate()
        self.reply.show()
        self._break_timer.start()
        self._show_break()

    def end_break(self) -> None:
        """End the break now: the talent is ready for the next session."""
        self._safety.end_break()
        self._show_break()

    def _show_break(self) -> None:
        left = self._safety.break_left()
        taken = CareOffer.BREAK in self.completed
        self.break_area.setVisible(taken)
        if left is None:
            self._break_timer.stop()
            self.break_time.setText("")
            self.break_time.hide()
            self.end_break_button.hide()
            self.break_text.setText(self.tr("Your break is over. Go on when you are ready."))
            return
        self.break_time.show()
        self.end_break_button.show()
        self.break_time.setText(clock_text(left))
        self.break_text.setText(
            self.tr("New sessions wait until your break is over, or until you end it.")
        )

    def ask_debrief(self) -> None:
        """Ask the agency for a debrief (sent to its supervisors' queue; counted)."""
        if CareOffer.DEBRIEF in self.completed:
            return
        self.completed.add(CareOffer.DEBRIEF)
        self.debrief_button.setEnabled(False)
        self._safety.request_debrief(self.offer.booking_id, self._debriefed)

    def _debriefed(self, route: DebriefRoute) -> None:
        self._route = route
        self._feeling = "debrief"
        self.check_in.hide()
        self.retranslate()
        self.reply.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._safety.dismiss_after_care(self.offer.booking_id)
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        words = self._words
        self.setWindowTitle(self.tr("After the session"))
        self.title.setText(self.tr("That was a hard session"))
        # "a, b and c" in the language in use (QLocale's default follows it).
        reasons = QLocale().createSeparatedList([words.hard_reason(r) for r in self.offer.reasons])
        self.body.setText(
            self.tr(
                "This session was hard: %1. Take a moment for yourself before the next one."
            ).replace("%1", reasons)
        )
        self.check_in_button.setText(words.offer(CareOffer.CHECK_IN))
        self.break_button.setText(
            words.offer(CareOffer.BREAK) + " · " + self.tr("%n min", "", BREAK_MINUTES)
        )
        self.end_break_button.setText(self.tr("End break"))
        if CareOffer.BREAK in self.completed:
            self._show_break()
        self.debrief_button.setText(words.offer(CareOffer.DEBRIEF))
        self.question.setText(self.tr("How are you feeling right now?"))
        self.fine_button.setText(self.tr("I'm OK"))
        self.shaken_button.setText(self.tr("A bit shaken"))
        self.not_ok_button.setText(self.tr("Not OK"))
        replies = {
            "fine": self.tr("Good. Stretch, drink some water, and go on when you are ready."),
            "shaken": self.tr(
                "That is normal after a hard session. A short break helps; so does talking "
                "it through in a debrief."
            ),
            "not_ok": self.tr(
                "Your supervisor has been told you are not OK and will contact you. Please "
                "don't carry this alone: you don't have to take the next booking right away."
            )
            if self.escalation is not None
            else self.tr(
                "Please don't carry this alone: ask your supervisor for a talk, or call them. "
                "You don't have to take the next booking right away."
            ),
            "break": self.tr(
                "Take %n minute(s): stand up, drink some water, breathe slowly. Nothing "
                "here needs you meanwhile.",
                "",
                BREAK_MINUTES,
            ),
        }
        if self._feeling == "debrief" and self._route is not None:
            self.reply.setText(words.debrief(self._route))
        elif self._feeling in replies:
            self.reply.setText(replies[self._feeling])
        self.privacy.setText(
            self.tr("Only counts are kept (check-ins, breaks, debriefs), never what you answered.")
        )
        self.close_button.setText(self.tr("Close"))
