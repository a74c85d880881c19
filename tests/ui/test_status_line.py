"""The status line: the link to the agency in one line, cut short with "…" when narrow."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from talentdesk.ui.status_line import SyncStatusLine

pytestmark = pytest.mark.usefixtures("english")


def test_a_narrow_window_cuts_the_line_and_keeps_it_whole_in_the_tooltip(qtbot: QtBot) -> None:
    line = SyncStatusLine(None)
    qtbot.addWidget(line)
    line.resize(600, 24)
    line.show()
    assert line.full_text == "Not paired with an agency"
    assert line.text() == line.full_text
    line.resize(120, 24)
    qtbot.waitUntil(lambda: line.text() != line.full_text)
    assert line.text().endswith("…")
    assert line.fontMetrics().horizontalAdvance(line.text()) <= line.contentsRect().width()
    assert line.toolTip() == "Not paired with an agency"
    line.resize(600, 24)
    qtbot.waitUntil(lambda: line.text() == line.full_text)
