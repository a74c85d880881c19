"""The link to the agency in a few words, where the talent looks during a session.

The main window's status line says it in a sentence; the session window, the compact
window and the lock screen have no room for one, and the talent rarely looks at the main
window while chatting. :class:`SyncChip` says "Connected", "Offline · retry in 8 s · 1
waiting" and so on, coloured by how it stands, and counts down while a retry waits (the
timer decides only when to look: the seconds come from the sync service's clock).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from talentdesk.sync.status import SyncPhase, SyncStatus
from talentdesk.ui.agency_link import AgencyLink
from talentdesk.ui.status_line import SyncStatusLabel


class SyncChip(SyncStatusLabel):
    """The sync state in a few words, with a tone (``ok``, ``warning``, ``error``, ``idle``).

    Args:
        agency: The agency link of the unlocked vault (its status and clock).
        elide_to: Cut the text to this many pixels (a fixed-size window); 0 never cuts.
    """

    def __init__(
        self, agency: AgencyLink | None, parent: QWidget | None = None, *, elide_to: int = 0
    ) -> None:
        super().__init__(agency, parent)
        self.setObjectName("syncChip")
        self.setProperty("role", "syncChip")
        self._elide_to = elide_to
        self.set_status(self.status)

    @property
    def offline(self) -> bool:
        """Whether the chip says the agency cannot be reached now."""
        return self._status.phase in (SyncPhase.OFFLINE, SyncPhase.RETRYING)

    def _show(self, status: SyncStatus, now: float) -> None:
        self._full = self._words.short(status, now)
        text = self._full
        if self._elide_to > 0:
            text = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, self._elide_to)
        if text != self.text():
            self.setText(text)
        self.setToolTip(self._words.status(status, now))

    def _tone(self, status: SyncStatus) -> str:
        tone = super()._tone(status)
        return "idle" if tone == "busy" else tone
