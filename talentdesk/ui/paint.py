"""Run something once a window has been painted for the first time.

What the talent needs to see goes first; work that can wait a moment (starting sync,
resuming a session's clock, reminders) follows the first paint instead of delaying it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

#: Run anyway after this long: a window that is minimized or hidden is never painted.
FALLBACK_MS = 300


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, then: Callable[[], object]) -> None:
        super().__init__(window)
        self._window = window
        self._then: Callable[[], object] | None = then
        # Timers that are children of this object die with it (and with the window).
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self._run)
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.timeout.connect(self._run)
        window.installEventFilter(self)
        self._fallback.start(FALLBACK_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._soon.start()  # after this paint has been delivered, not inside it
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is None:
            return
        self._soon.stop()
        self._fallback.stop()
        self._window.removeEventFilter(self)
        # Not deleteLater(): it goes with the window. (Deleting it here raced the
        # window's own deletion in PySide 6.8 and crashed in ~QObject.)
        then()


def after_first_paint(window: QWidget, then: Callable[[], object]) -> None:
    """Call ``then`` once, on the GUI thread, right after ``window`` is first painted.

    If the window is not painted within :data:`FALLBACK_MS` (minimized, hidden), ``then``
    runs anyway. Nothing runs if the window is deleted first.
    """
    _FirstPaint(window, then)
