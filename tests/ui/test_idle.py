"""The idle watcher: measured on the injected monotonic clock, never by counting ticks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from talentdesk.ui.idle import IdleWatcher, idle_clock
from tests.ui.conftest import FakeClock


@pytest.fixture
def watcher(qtbot: QtBot, clock: FakeClock) -> Iterator[IdleWatcher]:
    w = IdleWatcher(clock=clock, check_interval_ms=10)
    w.set_limit_minutes(5)
    w.start()
    yield w
    w.stop()


def test_requests_a_lock_once_the_limit_has_passed(
    qtbot: QtBot, watcher: IdleWatcher, clock: FakeClock
) -> None:
    requests: list[None] = []
    watcher.lock_requested.connect(lambda: requests.append(None))
    clock.advance(299.5)
    watcher.check()
    qtbot.wait(50)  # several timer ticks: ticks are not time
    assert requests == []
    clock.advance(0.5)
    qtbot.waitUntil(lambda: len(requests) == 1)
    assert not watcher.active  # stops itself: one request per idle spell
    clock.advance(3600)
    watcher.check()
    qtbot.wait(30)
    assert len(requests) == 1


def test_input_anywhere_counts_as_activity(
    qtbot: QtBot, watcher: IdleWatcher, clock: FakeClock
) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    clock.advance(200)
    QCoreApplication.sendEvent(
        field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    )
    assert watcher.idle_seconds() == 0
    clock.advance(299)
    with qtbot.assertNotEmitted(watcher.lock_requested, wait=40):
        watcher.check()


def test_zero_minutes_never_locks(qtbot: QtBot, watcher: IdleWatcher, clock: FakeClock) -> None:
    watcher.set_limit_minutes(0)
    clock.advance(10 * 24 * 3600)
    with qtbot.assertNotEmitted(watcher.lock_requested, wait=40):
        watcher.check()


def test_new_limit_applies_to_the_current_idle_spell(
    qtbot: QtBot, watcher: IdleWatcher, clock: FakeClock
) -> None:
    clock.advance(90)
    with qtbot.waitSignal(watcher.lock_requested, timeout=2000):
        watcher.set_limit_minutes(1)


def test_restart_counts_from_now(qtbot: QtBot, watcher: IdleWatcher, clock: FakeClock) -> None:
    watcher.stop()
    clock.advance(1000)
    watcher.start()
    assert watcher.idle_seconds() == 0


def test_default_clock_is_monotonic() -> None:
    readings = [idle_clock() for _ in range(1000)]
    assert readings == sorted(readings)


def test_a_hold_waits_and_the_lock_comes_once_it_lets_go(
    qtbot: QtBot, watcher: IdleWatcher, clock: FakeClock
) -> None:
    """A live session holds the lock off however long the talent is away; once it ends,
    the next check asks for the lock (the idle time still counts from the last input)."""
    live = [True]
    watcher.set_hold(lambda: live[0])
    clock.advance(3600)
    with qtbot.assertNotEmitted(watcher.lock_requested, wait=50):  # several timer ticks
        watcher.check()
    assert watcher.held
    live[0] = False
    assert watcher.idle_seconds() == 3600  # the same idle spell: no input since
    with qtbot.waitSignal(watcher.lock_requested, timeout=2000):
        assert watcher.active  # still watching: the timer's next look asks for the lock
    qtbot.waitUntil(lambda: not watcher.active)
