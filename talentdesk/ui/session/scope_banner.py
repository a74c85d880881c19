"""The scope banner at the top of the session window: what the package covers.

Where its whole line ("Chat only — no calls") fits, it reads as one line. Where it
does not (the window at its smallest, beside the escalate button), it takes two: the
scope in two words, and under it the rest; its least width is that of the wider of
the two, so the header's other parts give way before it is cut. The whole line is
then its tooltip. It never takes a third line, so the cards under
the header stay where they are.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

#: The banner's lines at most.
MOST_LINES = 2


class ScopeBanner(QLabel):
    """The package's scope, on one line where it fits and on two at most."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scopeBanner")
        self.setProperty("role", "scopeBanner")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        # The style sheet's padding is its whole inset: without this, the frame the style
        # sheet's border gives it adds Qt's indent (half an "x") that its sizes leave out.
        self.setIndent(0)
        self._whole = ""
        self._short = ""
        self._rest = ""

    @property
    def whole(self) -> str:
        """The whole line, whatever shows."""
        return self._whole

    def set_scope(self, whole: str, short: str, rest: str) -> None:
        """Show ``whole`` ("Chat only — no calls"), or where it does not fit ``short``
        ("Chat only") over ``rest`` ("no calls")."""
        self._whole, self._short, self._rest = whole, short, rest
        self.setAccessibleName(whole)
        self.updateGeometry()
        self._fit()

    def sizeHint(self) -> QSize:
        return self._size(self.fontMetrics().horizontalAdvance(self._whole), 1)

    def minimumSizeHint(self) -> QSize:
        # Room for both of its two lines whole: the header's other parts (the sync chip)
        # give way before the scope is cut.
        # Measured unrounded: "…" cuts a line a fraction of a pixel too wide.
        metrics = QFontMetricsF(self.font())
        widest = max(metrics.horizontalAdvance(self._short), metrics.horizontalAdvance(self._rest))
        return self._size(math.ceil(widest), 1)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        margins = self.contentsMargins()
        room = width - margins.left() - margins.right()
        fits = self.fontMetrics().horizontalAdvance(self._whole) <= room
        return self._size(0, 1 if fits else MOST_LINES).height()

    def _size(self, text_width: int, lines: int) -> QSize:
        margins = self.contentsMargins()
        return QSize(
            text_width + margins.left() + margins.right(),
            lines * self.fontMetrics().height() + margins.top() + margins.bottom(),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()  # the style sheet's font is the banner's (its scope's)
            self._fit()

    def _fit(self) -> None:
        metrics = self.fontMetrics()
        room = self.contentsRect().width()
        if metrics.horizontalAdvance(self._whole) <= room:
            shown, tip = self._whole, ""
        else:
            rest = metrics.elidedText(self._rest, Qt.TextElideMode.ElideRight, room)
            shown = f"{self._short}\n{rest}" if rest else self._short
            tip = self._whole
        if shown != self.text():
            self.setText(shown)
        self.setToolTip(tip)
