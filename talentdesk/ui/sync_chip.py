"""The link to the agency in a few words, where the talent looks during a session.

The main window's status line says it in a sentence; the session window, the compact
window and the lock screen have no room for one, and the talent rarely looks at the main
window while chatting. :class:`SyncChip` says "Connected", "Offline · retry in 8 s · 1
waiting" and so on, coloured by how it stands, and counts down while a retry waits (the
timer decides only when to look: the seconds come from the sync service's clock).

Beside the scope banner at the session window's smallest, the whole text would squeeze
the scope, which the talent must read. There the chip gives way: it drops the countdown
first ("Offline · 1 waiting"), then the count ("Offline"), and its tooltip keeps the
whole text. The word for the link itself always shows.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

from talentdesk.sync.status import SyncPhase, SyncStatus
from talentdesk.ui.agency_link import AgencyLink
from talentdesk.ui.status_line import SyncStatusLabel

#: Between the chip's parts ("Offline · retry in 8 s · 1 waiting"), in both languages.
SEPARATOR = " · "


def _shape(text: str) -> str:
    """``text`` with each number as two zeros at least: its width stays while a retry
    counts down from 30 to 1, so the header is not laid out again every second."""
    return re.sub(r"\d+", lambda number: "0" * max(2, len(number[0])), text)


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
        # Its style sheet's padding is its whole inset: without this, the frame the style
        # sheet gives it would add Qt's indent (half an "x") that its hints leave out.
        self.setIndent(0)
        self._elide_to = elide_to
        self.set_status(self.status)

    @property
    def offline(self) -> bool:
        """Whether the chip says the agency cannot be reached now."""
        return self._status.phase in (SyncPhase.OFFLINE, SyncPhase.RETRYING)

    def forms(self) -> list[str]:
        """The chip's words, whole first, then shorter: the countdown goes before the
        count of what waits to be sent, which the talent acts on; the link's word stays."""
        parts = self._full.split(SEPARATOR)
        forms = [self._full]
        if len(parts) > 2:
            forms.append(SEPARATOR.join((parts[0], parts[-1])))
        if len(parts) > 1:
            forms.append(parts[0])
        return forms

    def sizeHint(self) -> QSize:
        if self._elide_to > 0:
            return super().sizeHint()  # cut to its fixed width: as its text is
        return QSize(self._width_of(_shape(self._full)), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        if self._elide_to > 0:
            return super().minimumSizeHint()
        return QSize(self._width_of(self.forms()[-1]), super().minimumSizeHint().height())

    def _width_of(self, text: str) -> int:
        margins = self.contentsMargins()
        extra = margins.left() + margins.right() + 2 * self.margin()
        return self.fontMetrics().horizontalAdvance(text) + extra

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._render()

    def _show(self, status: SyncStatus, now: float) -> None:
        full = self._words.short(status, now)
        if _shape(full) != _shape(self._full):
            self.updateGeometry()  # its hints follow its words, not each second counted
        self._full = full
        if self._elide_to > 0:
            text = self.fontMetrics().elidedText(full, Qt.TextElideMode.ElideRight, self._elide_to)
        else:
            room = self.contentsRect().width() - 2 * self.margin()
            forms = self.forms()
            metrics = self.fontMetrics()
            text = next((f for f in forms if metrics.horizontalAdvance(f) <= room), forms[-1])
        if text != self.text():
            self.setText(text)
        sentence = self._words.status(status, now)
        # Shortened, the tooltip says what the chip left out, then the sentence.
        self.setToolTip(sentence if text == full else f"{full}\n{sentence}")

    def _tone(self, status: SyncStatus) -> str:
        tone = super()._tone(status)
        return "idle" if tone == "busy" else tone
