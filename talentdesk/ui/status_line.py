"""The status line's word on the agency: connected, retrying in N s and why, offline, not paired.

While a retry waits, the line counts down. The timer only decides *when to
look*; the seconds always come from the monotonic clock the sync service
stamped ``retry_at`` with, so a late or skipped tick never shows a wrong number.
Beside it, "Retry now" (:class:`RetryNowButton`) shows whenever asking again sooner
would do something: during any wait, and after the agency refused the feed.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget

from talentdesk.sync.status import SyncStatus
from talentdesk.ui.agency_link import AgencyLink
from talentdesk.ui.sync_messages import SyncMessages
from talentdesk.ui.widgets import restyle

#: How often the countdown looks at the clock (its text changes once a second).
TICK_MS = 250


class SyncStatusLabel(QLabel):
    """A label that says how the link to the agency stands, in a tone, and counts down while
    a retry waits. :class:`SyncStatusLine` says it in a sentence,
    :class:`~talentdesk.ui.sync_chip.SyncChip` in a few words.

    A subclass words and fits the text (:meth:`_show`) and ends its constructor with
    ``self.set_status(self.status)``, once what :meth:`_show` reads is set.

    Args:
        agency: the unlocked vault's agency link (its status, clock and changes); None
            shows "not paired".
    """

    def __init__(self, agency: AgencyLink | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._words = SyncMessages(self)
        self._full = ""
        self._clock: Callable[[], float] = agency.clock if agency is not None else time.monotonic
        self._status = agency.status if agency is not None else SyncStatus()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._render)
        if agency is not None:
            agency.status_changed.connect(self.set_status)

    @property
    def status(self) -> SyncStatus:
        """The status on show."""
        return self._status

    @property
    def full_text(self) -> str:
        """The whole text, as it reads before it is cut to the room it has."""
        return self._full

    def set_status(self, status: SyncStatus) -> None:
        """Show ``status``; count down while it waits for a retry."""
        self._status = status
        if status.retry_at is not None:
            self._timer.start()
        else:
            self._timer.stop()
        self._render()

    def _show(self, status: SyncStatus, now: float) -> None:
        """Set the text, :attr:`full_text` and the tooltip for ``status`` at ``now``."""
        raise NotImplementedError

    def _tone(self, status: SyncStatus) -> str:
        """The style sheet's ``tone`` for ``status``."""
        return self._words.tone(status)

    def _render(self) -> None:
        status = self._status
        now = self._clock()
        self._show(status, now)
        tone = self._tone(status)
        if self.property("tone") != tone:
            self.setProperty("tone", tone)
            restyle(self)
        if status.retry_in(now) == 0:
            self._timer.stop()  # nothing left to count; the next status comes soon

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)


class SyncStatusLine(SyncStatusLabel):
    """The sync state in plain words, always in the window's status bar.

    Args:
        agency: the unlocked vault's agency link; None shows "not paired".
    """

    def __init__(self, agency: AgencyLink | None = None, parent: QWidget | None = None) -> None:
        super().__init__(agency, parent)
        self.setObjectName("agencyLine")
        # One line that fits: cut short with "…" where the window is narrow (a long agency
        # name, a long reason); the whole line is its tooltip.
        self.setMinimumWidth(120)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.set_status(self.status)

    def _show(self, status: SyncStatus, now: float) -> None:
        text = self._words.status(status, now)
        if text != self._full:
            self._full = text
            self.setToolTip(text)
            self._fit()

    def _fit(self) -> None:
        room = max(10, self.contentsRect().width())
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        if shown != self.text():
            self.setText(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


class RetryNowButton(QPushButton):
    """ "Retry now" beside the status line, while a wait or a refusal could be cut short.

    Args:
        agency: the unlocked vault's agency link; None keeps the button hidden.
    """

    def __init__(self, agency: AgencyLink | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retryNowButton")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._words = SyncMessages(self)
        self._agency = agency
        self.setVisible(False)
        self._connect_signals()
        self._retranslate()
        if agency is not None:
            self._status_changed(agency.status)

    def _connect_signals(self) -> None:
        agency = self._agency
        if agency is not None:
            self.clicked.connect(agency.retry_now)
            agency.status_changed.connect(self._status_changed)

    def _status_changed(self, status: SyncStatus) -> None:
        self.setVisible(status.can_retry_now)

    def _retranslate(self) -> None:
        self.setText(self._words.retry_now())
        self.setToolTip(self._words.retry_now_tip())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
