"""Python's cycle collector runs on the GUI thread only.

Why: CPython collects reference cycles in whichever thread happens to allocate when a
generation's count passes its threshold: often the sync thread inside httpx, or an
operation's worker. A Qt object that Python owns and that sits in a cycle is then
destroyed on that thread. Its ``~QObject`` takes Qt's signal-slot lock and waits for
the GIL, while the GUI thread, holding the GIL, waits for that lock to connect a
signal: the desk hangs (seen in CI, with both native stacks, in a safety test).

So automatic collection is switched off for the whole process, and a timer on the GUI
thread collects the generation that automatic collection would have collected, from
the same counts and thresholds (calibre's ``GarbageCollector`` does the same). Memory
freed by reference counting, which is nearly all of it, is unaffected; cycles wait at
most one interval.
"""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QCoreApplication, QObject, QTimer

#: How often the GUI thread looks at the collector's counts.
INTERVAL_MS = 1_000

_OBJECT_NAME = "talentdesk-gui-thread-collector"


class GuiThreadCollector(QObject):
    """Collects reference cycles from a timer on the GUI thread; automatic collection is off.

    Create it with :func:`collect_on_gui_thread`, once per process, on the GUI thread.

    Attributes:
        thresholds: the collector's thresholds when automatic collection was switched
            off (CPython's defaults unless someone changed them): what ``collect_due``
            compares the counts with.
        collections: how many collections this collector ran, per generation.
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName(_OBJECT_NAME)
        self.thresholds = gc.get_threshold()
        self.collections = [0, 0, 0]
        self._gui_thread = threading.get_ident()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int | None:
        """Collect the oldest generation whose count passed its threshold; return it.

        Returns None when no generation is due (nothing was collected). Only on the
        GUI thread.
        """
        if threading.get_ident() != self._gui_thread:
            raise RuntimeError("the cycle collector runs on the GUI thread only")
        counts = gc.get_count()
        due = [gen for gen in (2, 1, 0) if counts[gen] > self.thresholds[gen]]
        if not due:
            return None
        generation = due[0]
        gc.collect(generation)
        self.collections[generation] += 1
        return generation

    def stop(self) -> None:
        """Give collection back to CPython (automatic, on any thread)."""
        self._timer.stop()
        gc.enable()


def collect_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """Switch automatic collection off and collect on ``app``'s thread; idempotent."""
    existing = app.findChild(GuiThreadCollector, _OBJECT_NAME)
    if isinstance(existing, GuiThreadCollector):
        return existing
    return GuiThreadCollector(app)
