"""The link to the agency in a few words, where the talent looks during a session.

The main window's status line says it in a sentence; the session window, the compact
window and the lock screen have no room for one, and the talent rarely looks at the main
window while chatting. :class:`SyncChip` says "Online", "Offline · retry in 8 s · 1
waiting" and so on, coloured by how it stands, and counts down while a retry waits (the
timer decides only when to look: the seconds come from the sync service's clock).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from talentdesk.sync.status import SyncPhase, SyncStatus
from talentdesk.ui.agency_link import AgencyLink
from talentdesk.ui.sync_messages import SyncMessages
from talentdesk.ui.widgets import restyle

#: How often a retry's countdown looks at the clock.
TICK_MS = 250


class SyncChip(QLabel):
    """The sync state in a few words, with a tone (``ok``, ``warning``, ``error``, ``idle``).

    Args:
        agency: The agency link of the unlocked vault (its status and clock).
        elide_to: Cut the text to this many pixels (a fixed-size window); 0 never cuts.
    """

    def __init__(
        self, agency: AgencyLink | None, parent: QWidget | None = None, *, elide_to: int = 0
    ) -> None:
        super().__init__(parent)
        self.setObjectName("syncChip")
        self.setProperty("role", "syncChip")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._words = SyncMessages(self)
        self._elide_to = elide_to
        self._clock: Callable[[], float] = agency.clock if agency is not None else time.monotonic
        self._status = agency.status if agency is not None else SyncStatus()
        self._full = ""
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._render)
        if agency is not None:
            agency.status_changed.connect(self.set_status)
        self.set_status(self._status)

    @property
    def status(self) -> SyncStatus:
        """The status on show."""
        return self._status

    @property
    def full_text(self) -> str:
        """The whole text (the label may show it cut to its room)."""
        return self._full

    @property
    def offline(self) -> bool:
        """Whether the chip says the agency cannot be reached now."""
        return self._status.phase in (SyncPhase.OFFLINE, SyncPhase.RETRYING)

    def set_status(self, status: SyncStatus) -> None:
        """Show ``status``; count down while it waits for a retry."""
        self._status = status
        if status.retry_at is not None:
            self._timer.start()
        else:
            self._timer.stop()
        self._render()

    def _render(self) -> None:
        status = self._status
        self._full = self._words.short(status, self._clock())
        text = self._full
        if self._elide_to > 0:
            text = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, self._elide_to)
        if text != self.text():
            self.setText(text)
        self.setToolTip(self._words.status(status, self._clock()))
        tone = self._words.tone(status)
        if tone == "busy":
            tone = "idle"
        if self.property("tone") != tone:
            self.setProperty("tone", tone)
            restyle(self)
        if status.retry_in(self._clock()) == 0:
            self._timer.stop()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)
