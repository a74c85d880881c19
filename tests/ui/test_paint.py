"""after_first_paint: work that waits for the window's first paint, or runs anyway."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from talentdesk.ui.paint import FALLBACK_MS, after_first_paint


def test_runs_once_after_the_first_paint(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    calls: list[bool] = []
    after_first_paint(window, lambda: calls.append(window.isVisible()))
    assert calls == []  # never inside the caller
    window.show()
    qtbot.waitUntil(lambda: calls == [True], timeout=FALLBACK_MS - 50)
    window.update()
    window.repaint()
    qtbot.wait(FALLBACK_MS + 100)
    assert calls == [True]  # once, not again for later paints nor at the fallback


def test_a_window_never_painted_runs_it_after_the_fallback(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    calls: list[str] = []
    after_first_paint(window, lambda: calls.append("ran"))
    qtbot.wait(FALLBACK_MS // 2)
    assert calls == []
    qtbot.waitUntil(lambda: calls == ["ran"], timeout=FALLBACK_MS * 3)


def test_nothing_runs_for_a_deleted_window(qtbot: QtBot) -> None:
    window = QWidget()
    calls: list[str] = []
    after_first_paint(window, lambda: calls.append("ran"))
    window.deleteLater()
    qtbot.wait(FALLBACK_MS + 150)
    assert calls == []
