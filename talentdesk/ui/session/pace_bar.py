"""The reply-pace meter of a chat session: two keys and one line of advice.

F8 (or the button) when the customer writes, F9 (or copying a ready reply) when the
talent answers. The line says how long the customer has waited, how many replies
were slow, and warns while there is still time: one slow reply before the agency's
rule would be broken, and while a wait is about to count as slow.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from talentdesk.domain import PaceThreshold
from talentdesk.sessions.pace import PaceAnswer, PaceMessage, PaceStatus
from talentdesk.ui.hotkeys import hotkey_text
from talentdesk.ui.session.controller import SessionController
from talentdesk.ui.session.messages import SessionMessages, clock_text
from talentdesk.ui.widgets import Callout, TranslatedWidget, make_button, make_label

_SERIOUS = frozenset({PaceMessage.RULE_BROKEN, PaceMessage.BREAKING_NOW})


class ReplyPaceBar(TranslatedWidget):
    """Customer wrote / I answered, the wait, slow replies, and the warning.

    Args:
        session: The session controller (its meter, its signals).
    """

    def __init__(self, session: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paceMeter")
        self._session = session
        self._words = SessionMessages(self)
        self._status: PaceStatus | None = None
        self._last: PaceAnswer | None = None
        self.title = make_label("heading", wrap=False, name="paceTitle")
        self.wrote_button = make_button(name="customerWrote")
        self.answered_button = make_button(name="talentAnswered")
        self.waiting = make_label("body", name="paceWaiting")
        self.counts = make_label("muted", name="paceCounts")
        self.rule = make_label("small", name="paceRule")
        self.warning = Callout("warning", name="paceWarning")
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.wrote_button, 1)
        buttons.addWidget(self.answered_button, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)  # tight enough that the card shows whole on a 1280×720 screen
        layout.addWidget(self.title)
        layout.addLayout(buttons)
        layout.addWidget(self.waiting)
        layout.addWidget(self.counts)
        layout.addWidget(self.warning)
        layout.addWidget(self.rule)
        self.warning.hide()
        self._connect_signals()
        self.retranslate()

    def _connect_signals(self) -> None:
        session = self._session
        self.wrote_button.clicked.connect(session.customer_wrote)
        self.answered_button.clicked.connect(session.talent_answered)
        session.pace_changed.connect(self.set_status)
        session.pace_answered.connect(self._answered)
        session.context_changed.connect(self.retranslate)  # the hotkeys may have changed

    @property
    def status(self) -> PaceStatus | None:
        """The status on show."""
        return self._status

    def set_status(self, status: PaceStatus) -> None:
        """Show ``status``."""
        self._status = status
        self._render()

    def _answered(self, answer: PaceAnswer) -> None:
        self._last = answer
        self._render()

    def rule_text(self, thresholds: tuple[PaceThreshold, ...]) -> str:
        """The agency's rule in one line."""
        parts = [
            self.tr("%1 replies slower than %2")
            .replace("%1", str(t.times))
            .replace("%2", self._minutes_text(t.slower_than_seconds))
            for t in thresholds
        ]
        if not parts:
            return ""
        return self.tr("The agency refunds the customer after %1 in one session.").replace(
            "%1", self.tr(" or ").join(parts)
        )

    def _minutes_text(self, seconds: int) -> str:
        if seconds % 60 == 0:
            return self._words.minutes(seconds // 60)
        return self.tr("%n s", "", seconds)

    def _render(self) -> None:
        status = self._status
        if status is None or status.waiting_seconds is None:
            self.waiting.setText(self.tr("Nobody is waiting for your answer."))
        else:
            self.waiting.setText(
                self.tr("The customer has waited %1.").replace(
                    "%1", clock_text(status.waiting_seconds, round_up=False)
                )
            )
        slow = status.slow_replies if status is not None else 0
        self.counts.setText(self.tr("Slow replies this session: %n", "", slow))
        pace = self._session.pace
        self.rule.setText(self.rule_text(pace.thresholds) if pace is not None else "")
        message = status.message if status is not None else None
        self.warning.setVisible(message is not None)
        if message is not None:
            self.warning.set_role("error" if message in _SERIOUS else "warning")
            self.warning.setText(self._words.pace_message(message))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Reply pace"))
        # The compact window's words and keys: the system-wide hotkey, which works while
        # the talent types in the chat app; F8 and F9 (this window's own) where there is
        # none (Wayland, turned off), and in the tooltip.
        context = self._session.context
        wrote_key = hotkey_text(context.hotkey_message_in) or "F8"
        replied_key = hotkey_text(context.hotkey_replied) or "F9"
        self.wrote_button.setText(f"{self._words.message_in_button()}\n{wrote_key}")
        self.answered_button.setText(f"{self._words.replied_button()}\n{replied_key}")
        self.wrote_button.setToolTip(
            self.tr(
                "Press when a message from the customer arrives: the wait starts. In this "
                "window, F8 does it too."
            )
        )
        self.answered_button.setToolTip(
            self.tr(
                "Press when you answered. Copying a ready reply counts as an answer. In this "
                "window, F9 does it too."
            )
        )
        self._render()
