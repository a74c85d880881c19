"""The Qt platform name reported to the doctor command."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from talentdesk.ui import qt_platform_name
from talentdesk.ui.qpa import probe_platform_name


def test_inside_the_gui_it_is_the_running_platform(qtbot: QtBot) -> None:
    assert qt_platform_name() == "offscreen"


def test_probe_starts_qt_in_a_child_process() -> None:
    assert probe_platform_name() == "offscreen"


def test_probe_reports_a_platform_that_cannot_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "no-such-platform")
    name = probe_platform_name()
    assert name.startswith("unavailable: ")
    assert 'Could not find the Qt platform plugin "no-such-platform"' in name
