"""Python's cycle collector runs on the GUI thread only.

Why: CPython collects reference cycles in whichever thread happens to allocate when a
generation's count passes its threshold: often the sync thread inside httpx, or an
operation's worker. A Qt object that Python owns and that sits in a cycle is then
destroyed on that thread. Its ``~QObject`` takes Qt's signal-slot lock and waits for
the GIL, while the GUI thread, holding the GIL, waits for that lock to connect a
signal: the desk hangs (seen in CI, with both native stacks, in a safety test).

So automatic collection is switched off for the whole process, and a timer on the GUI
thread collects the generation that automatic collection would have collected, from
the same counts and thresholds (calibre's ``GarbageCollector`` does the same), and with
CPython's rule for the oldest one: a full collection only once the oldest generation
grew by a quarter since the last (one takes 10–20 ms in a desk with a live session, on
the GUI thread). Memory freed by reference counting, which is nearly all of it, is
unaffected; cycles wait at most one interval.
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
        self._oldest_after_full = 0  # objects in the oldest generation after a full one
        self._full_put_off_at = -1  # its count when a full collection was last put off
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
        full_worth_it = False
        if counts[2] > self.thresholds[2] and counts[2] != self._full_put_off_at:
            # Counting the oldest generation takes ~2 ms: once per younger collection.
            oldest = len(gc.get_objects(generation=2))
            full_worth_it = oldest - self._oldest_after_full > self._oldest_after_full // 4
            if not full_worth_it:
                self._full_put_off_at = counts[2]
        generation = due_generation(counts, self.thresholds, full_worth_it=full_worth_it)
        if generation is None:
            return None
        gc.collect(generation)
        self.collections[generation] += 1
        if generation == 2:
            self._oldest_after_full = len(gc.get_objects(generation=2))
            self._full_put_off_at = -1
        return generation


def due_generation(
    counts: tuple[int, int, int], thresholds: tuple[int, int, int], *, full_worth_it: bool
) -> int | None:
    """The generation CPython's automatic collection would collect at these counts.

    The oldest one whose count passed its threshold; the oldest of all only when
    ``full_worth_it`` (it grew by a quarter since the last full collection), else the
    younger ones are looked at, as CPython does. None when none is due.
    """
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            if generation == 2 and not full_worth_it:
                continue
            return generation
    return None


def installed_collector(app: QCoreApplication) -> GuiThreadCollector | None:
    """``app``'s collector, if :func:`collect_on_gui_thread` installed one."""
    found = app.findChild(GuiThreadCollector, _OBJECT_NAME)
    return found if isinstance(found, GuiThreadCollector) else None


def collect_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """Switch automatic collection off and collect on ``app``'s thread; idempotent."""
    return installed_collector(app) or GuiThreadCollector(app)
