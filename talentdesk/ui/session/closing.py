"""The closing routine: the closing reply, the block-the-customer checklist, the wrap-up timer.

Shown once the talent ends the session (the clock has stopped). "Finish session" is
offered when every step is ticked off; finishing keeps the session's record, tells
the agency and destroys the customer's details.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from talentdesk.sessions.runner import ClosingRoutine, SessionError, SessionTick
from talentdesk.ui.session.controller import SessionController
from talentdesk.ui.session.messages import SessionMessages, clock_text
from talentdesk.ui.session.reply_search import ReplyCopier
from talentdesk.ui.widgets import (
    CARD_GAP,
    Callout,
    Card,
    TranslatedWidget,
    WrappedCheckBox,
    make_button,
    make_label,
)


class ClosingPanel(TranslatedWidget):
    """What to do between ending and finishing a session.

    Args:
        session: The session controller.

    Attributes:
        finish_bar: The hint and "Finish session", for the window to place where they
            stay in view (they are not in this panel's own layout).
        steps_card: The checklist's card, the last in the panel.
    """

    def __init__(self, session: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closingPanel")
        self._session = session
        self._words = SessionMessages(self)
        self._routine: ClosingRoutine | None = None
        self._tick: SessionTick | None = None
        self.steps: dict[str, WrappedCheckBox] = {}
        self.copier = ReplyCopier(session, self)
        self.title = make_label("title", wrap=False, name="closingTitle")
        self.summary = make_label("muted", name="closingSummary")
        self.reply_title = make_label("heading", wrap=False, name="closingReplyTitle")
        self.reply_text = make_label("closingText", name="closingReplyText")
        self.copy_button = make_button(name="copyClosingReply")
        self.copied_note = make_label("small", name="closingCopiedNote")
        self.steps_title = make_label("heading", wrap=False, name="stepsTitle")
        self.steps_box = QVBoxLayout()
        self.steps_box.setSpacing(2)
        self.wrap_up = make_label("body", name="wrapUp")
        self.wrap_up_bar = QProgressBar()
        self.wrap_up_bar.setObjectName("wrapUpBar")
        self.wrap_up_bar.setTextVisible(False)
        self.finish_button = make_button("primary", name="finishSession")
        self.finish_hint = make_label("small", name="finishHint")
        self.steps_card = Card(margins=20)
        self.steps_card.setObjectName("closingStepsCard")
        self.finish_bar = QWidget()
        self.finish_bar.setObjectName("finishBar")
        self.error = Callout("error", name="closingError")
        self._build_layout()
        self._connect_signals()
        self.retranslate()

    def _build_layout(self) -> None:
        reply_card = Card(margins=20)
        reply_card.body.addWidget(self.reply_title)
        reply_card.body.addWidget(self.reply_text)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_button)
        copy_row.addWidget(self.copied_note, 1)
        reply_card.body.addLayout(copy_row)
        steps_card = self.steps_card
        steps_card.body.addWidget(self.steps_title)
        steps_card.body.addLayout(self.steps_box)
        steps_card.body.addSpacing(6)
        steps_card.body.addWidget(self.wrap_up)
        steps_card.body.addWidget(self.wrap_up_bar)
        # Not in this panel's layout: the window puts it in its bottom bar, where "End
        # session" was, so it never scrolls out of view.
        finish_row = QHBoxLayout(self.finish_bar)
        finish_row.setContentsMargins(0, 0, 0, 0)
        finish_row.setSpacing(12)
        finish_row.addWidget(self.finish_hint, 1)
        finish_row.addWidget(self.finish_button)
        layout = QVBoxLayout(self)
        # Scrolled to its end (a short screen, an escalation's panel above), the last card
        # ends the window's gap between cards above the edge, not on it (it read as cut).
        layout.setContentsMargins(0, 0, 0, CARD_GAP)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(reply_card)
        layout.addWidget(steps_card)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.error.hide()
        self.copied_note.hide()

    def _connect_signals(self) -> None:
        session = self._session
        self.copy_button.clicked.connect(self.copy_reply)
        self.finish_button.clicked.connect(self._finish_clicked)
        session.closing_started.connect(self.set_routine)
        session.checklist_changed.connect(self._update)
        session.ticked.connect(self.set_tick)
        session.reply_copied.connect(self._copied)
        session.busy_changed.connect(self._busy_changed)
        session.failed.connect(self._failed)

    # ------------------------------------------------------------------ state

    def set_routine(self, routine: ClosingRoutine) -> None:
        """Show a closing routine (its steps as check boxes)."""
        self._routine = routine
        for box in self.steps.values():
            self.steps_box.removeWidget(box)
            box.deleteLater()
        self.steps = {}
        for key in routine.checklist:
            box = WrappedCheckBox()
            box.setObjectName(f"step_{key}")
            box.box.setProperty("role", "step")
            box.setChecked(key in routine.done)
            box.toggled.connect(lambda on, key=key: self._session.set_step_done(key, on))
            self.steps[key] = box
            self.steps_box.addWidget(box)
        self.retranslate()

    def set_tick(self, tick: SessionTick) -> None:
        """Show the wrap-up timer of ``tick``."""
        self._tick = tick
        self._update_wrap_up()

    def ready(self) -> bool:
        """Whether every step is ticked off."""
        routine = self._routine
        return routine is not None and not routine.remaining

    # ------------------------------------------------------------------ actions

    def copy_reply(self) -> None:
        """Copy the closing reply, asking for its blanks first if it has any."""
        routine = self._routine
        if routine is not None and routine.reply is not None:
            self.copier.copy(routine.reply)

    def _copied(self, reply: object, _text: str) -> None:
        routine = self._routine
        if routine is not None and routine.reply is not None and reply == routine.reply:
            self.copied_note.setText(self.tr("Copied — paste it into your chat, then tick it off."))
            self.copied_note.show()

    def _finish_clicked(self) -> None:
        if self.ready():
            self.error.hide()
            self._session.finish()

    def _failed(self, step: str, exc: Exception) -> None:
        if step != "finish":
            return
        if isinstance(exc, SessionError):
            self.error.setText(self._words.session_error(exc.key))
        else:
            self.error.setText(
                self.tr("The session could not be finished. Check the vault and try again.")
            )
        self.error.show()

    # ------------------------------------------------------------------ texts

    def _busy_changed(self, _busy: bool) -> None:
        self._update()

    def _update(self) -> None:
        routine = self._routine
        for key, box in self.steps.items():
            done = routine is not None and key in routine.done
            if box.isChecked() != done:
                box.blockSignals(True)
                box.setChecked(done)
                box.blockSignals(False)
        ready = self.ready()
        self.finish_button.setEnabled(ready and not self._session.busy)
        if ready:
            self.finish_hint.setText(
                self.tr("Finishing keeps the session's record and destroys the customer's details.")
            )
        else:
            self.finish_hint.setText(self.tr("Tick off every step to finish the session."))

    def _update_wrap_up(self) -> None:
        routine = self._routine
        timer = routine.wrap_up if routine is not None else None
        self.wrap_up.setVisible(timer is not None)
        self.wrap_up_bar.setVisible(timer is not None)
        if timer is None:
            return
        tick = self._tick
        left = tick.wrap_up_left if tick is not None and tick.wrap_up_left is not None else 0.0
        if tick is None:
            left = timer.left()
        if left > 0:
            self.wrap_up.setText(
                self.tr("Wrap-up time: %1 left to close and block.").replace("%1", clock_text(left))
            )
        else:
            self.wrap_up.setText(self.tr("Wrap-up time is over. Finish when you are done."))
        total = max(1, round(timer.seconds))
        self.wrap_up_bar.setRange(0, total)
        self.wrap_up_bar.setValue(max(0, min(total, round(total - left))))

    def retranslate(self) -> None:
        routine = self._routine
        session = self._session
        self.title.setText(self.tr("Session ended"))
        live = session.live
        if live is not None:
            tick = self._tick
            elapsed = tick.elapsed if tick is not None else live.elapsed()
            text = (
                self.tr("The session lasted %1 of the %2 booked.")
                .replace("%1", clock_text(elapsed, round_up=False))
                .replace("%2", self._words.minutes(live.planned_seconds // 60))
            )
            over = elapsed - live.planned_seconds
            if over >= 1:
                text += " " + self.tr("%1 over time.").replace(
                    "%1", clock_text(over, round_up=False)
                )
            self.summary.setText(text)
        self.reply_title.setText(self.tr("Closing reply"))
        if routine is not None and routine.reply is not None:
            shown = routine.text if routine.text is not None else routine.reply.text
            self.reply_text.setText(shown)
            self.copy_button.setEnabled(True)
        else:
            self.reply_text.setText(
                self.tr(
                    "There is no closing reply in your language yet. Write one on the Replies "
                    "page; for now, thank the customer in your own words."
                )
            )
            self.copy_button.setEnabled(False)
        self.copy_button.setText(self.tr("Copy closing reply"))
        self.steps_title.setText(self.tr("Before you finish"))
        for key, box in self.steps.items():
            box.setText(self._words.checklist_item(key))
        self.finish_button.setText(self.tr("Finish session"))
        self._update()
        self._update_wrap_up()
