"""Auto-lock: notice when the talent has stopped using the app.

Idle time is the distance on a monotonic clock between now and the last
keyboard, mouse or touch input anywhere in the app. The timer only decides
*when to look*; it never counts time, so a late or skipped tick cannot make
the app lock early or late, and tests replace the clock.

During a session the talent types in another app, so TalentDesk sees no input: a
*hold* (the app's: a session is live or an escalation is open) keeps the watcher from
asking for a lock until it lets go; the idle time then counts from the last input as
always.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

Clock = Callable[[], float]

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.InputMethod,
    }
)


def idle_clock() -> float:
    """Seconds on a monotonic clock that keeps running while the computer sleeps.

    A laptop closed for an hour must count as an hour idle: Linux's
    ``CLOCK_BOOTTIME`` and macOS's ``CLOCK_MONOTONIC`` include suspend, while
    ``time.monotonic`` does not there. Elsewhere ``time.monotonic`` is used.
    """
    if sys.platform.startswith("linux") and hasattr(time, "CLOCK_BOOTTIME"):
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    if sys.platform == "darwin":
        return time.clock_gettime(time.CLOCK_MONOTONIC)
    return time.monotonic()


class IdleWatcher(QObject):
    """Asks for a lock after a number of minutes without input.

    Args:
        clock: monotonic seconds; tests pass a fake one.
        check_interval_ms: how often to compare the clock with the last input.
        hold: while it answers True, no lock is asked for (see :meth:`set_hold`).

    Signals:
        lock_requested(): the idle limit has passed; the watcher stops itself
            until :meth:`start` is called again (after the next unlock).
    """

    lock_requested = Signal()

    def __init__(
        self,
        *,
        clock: Clock = idle_clock,
        check_interval_ms: int = 5000,
        hold: Callable[[], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._hold = hold
        self._limit_minutes = 0
        self._last_input = clock()
        self._active = False
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self.check)

    @property
    def limit_minutes(self) -> int:
        """Minutes of idleness before a lock; 0 never locks."""
        return self._limit_minutes

    @property
    def active(self) -> bool:
        """True while watching (between :meth:`start` and :meth:`stop` or a lock)."""
        return self._active

    def set_limit_minutes(self, minutes: int) -> None:
        """Change the idle limit; 0 turns auto-lock off. Takes effect at the next check."""
        self._limit_minutes = max(0, minutes)

    def set_hold(self, hold: Callable[[], bool] | None) -> None:
        """Ask ``hold()`` before each lock; while it answers True, the app stays unlocked."""
        self._hold = hold

    @property
    def held(self) -> bool:
        """Whether the hold keeps the app unlocked now."""
        return self._hold is not None and self._hold()

    def idle_seconds(self) -> float:
        """Seconds since the last input."""
        return max(0.0, self._clock() - self._last_input)

    def start(self) -> None:
        """Start watching, counting from now."""
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("IdleWatcher needs a QApplication")
        self._last_input = self._clock()
        if not self._active:
            app.installEventFilter(self)
            if isinstance(app, QGuiApplication):
                # Coming back from sleep or another app: look at once, don't wait for a tick.
                app.applicationStateChanged.connect(self._on_state_changed)
            self._active = True
        self._timer.start()

    def stop(self) -> None:
        """Stop watching."""
        if not self._active:
            return
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
            if isinstance(app, QGuiApplication):
                app.applicationStateChanged.disconnect(self._on_state_changed)
        self._active = False

    def check(self) -> None:
        """Request a lock if the limit has passed since the last input."""
        if not self._active or self._limit_minutes <= 0:
            return
        if self.idle_seconds() >= self._limit_minutes * 60:
            if self.held:
                return  # a live session or an open escalation: looked at again next tick
            self.stop()
            self.lock_requested.emit()

    def _on_state_changed(self, _state: Qt.ApplicationState) -> None:
        self.check()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Note the time of every input event; never consumes an event."""
        if event.type() in _INPUT_EVENTS:
            self._last_input = self._clock()
        return False
