"""After a hard session: a short check-in, a break, a debrief. Offered, never pushed.

Shown when a session that was escalated, reported or ended early is finished. Each
choice is one click; what the talent answers in the check-in is never kept, only that
a check-in, a break or a debrief happened (counted per night).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from talentdesk.safety import AfterCareOffer, CareOffer, DebriefRoute
from talentdesk.ui.safety.controller import SafetyController
from talentdesk.ui.safety.messages import SafetyMessages
from talentdesk.ui.widgets import Callout, keep_tall_enough, make_button, make_label

#: The break the dialog suggests, in minutes.
BREAK_MINUTES = 10


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
        self.privacy = make_label("small", name="afterCarePrivacy")
        self.close_button = make_button("primary", name="closeAfterCare")
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
        layout.addStretch(1)
        layout.addLayout(close_row)
        self.check_in.hide()
        self.reply.hide()

    def _connect_signals(self) -> None:
        self.check_in_button.clicked.connect(self.start_check_in)
        self.break_button.clicked.connect(self.take_break)
        self.debrief_button.clicked.connect(self.ask_debrief)
        self.fine_button.clicked.connect(lambda: self._felt("fine"))
        self.shaken_button.clicked.connect(lambda: self._felt("shaken"))
        self.not_ok_button.clicked.connect(lambda: self._felt("not_ok"))
        self.close_button.clicked.connect(self.close)

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

    def take_break(self) -> None:
        """Take the break offered (counted)."""
        if CareOffer.BREAK not in self.completed:
            self.completed.add(CareOffer.BREAK)
            self._safety.break_taken(self.offer.booking_id)
        self._feeling = "break"
        self.check_in.hide()
        self.retranslate()
        self.reply.show()

    def ask_debrief(self) -> None:
        """Ask the agency for a debrief (counted; sent with the escalation if one is open)."""
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
        self.setWindowTitle(self.tr("After the session — TalentDesk"))
        self.title.setText(self.tr("That was a hard session"))
        reasons = ", ".join(words.hard_reason(r) for r in self.offer.reasons)
        self.body.setText(
            self.tr(
                "This session was hard: %1. Take a moment for yourself before the next one."
            ).replace("%1", reasons)
        )
        self.check_in_button.setText(words.offer(CareOffer.CHECK_IN))
        self.break_button.setText(
            words.offer(CareOffer.BREAK) + " · " + self.tr("%n min", "", BREAK_MINUTES)
        )
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
                "Please don't carry this alone: ask for a debrief, or call your supervisor. "
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
