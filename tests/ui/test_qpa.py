"""The Qt platform name reported to the doctor command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from talentdesk.ui import qt_platform_name
from talentdesk.ui.qpa import (
    check_platform,
    missing_libraries_message,
    missing_platform_libraries,
    platform_plugin,
    probe_platform_name,
    would_use_xcb,
)


def test_inside_the_gui_it_is_the_running_platform(qtbot: QtBot) -> None:
    assert qt_platform_name() == "offscreen"


def test_probe_starts_qt_in_a_child_process() -> None:
    assert probe_platform_name() == "offscreen"


def test_probe_reports_a_platform_that_cannot_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "no-such-platform")
    name = probe_platform_name()
    assert name.startswith("unavailable: ")
    assert 'Could not find the Qt platform plugin "no-such-platform"' in name


def test_the_platform_plugin_here_has_every_library_it_needs() -> None:
    plugin = platform_plugin("xcb", {})
    assert plugin is not None and plugin.name == "libqxcb.so"
    assert missing_platform_libraries(plugin) == []
    assert check_platform({"QT_QPA_PLATFORM": "offscreen"}) is None  # not X11: not checked


def test_which_platform_qt_would_use() -> None:
    assert would_use_xcb({})
    assert would_use_xcb({"QT_QPA_PLATFORM": "xcb"})
    assert not would_use_xcb({"QT_QPA_PLATFORM": "offscreen:configfile=x.json"})
    assert not would_use_xcb({"WAYLAND_DISPLAY": "wayland-0"})
    assert would_use_xcb({"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"})


def test_the_message_names_the_libraries_and_the_packages() -> None:
    text = missing_libraries_message(["libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libfoo.so.1"])
    assert "libxcb-cursor.so.0, libxkbcommon-x11.so.0, libfoo.so.1" in text
    assert "sudo apt install libxcb-cursor0 libxkbcommon-x11-0" in text
    assert text.startswith("TalentDesk tidak bisa membuka jendelanya")  # Indonesian first


def test_a_missing_system_library_is_named_instead_of_qts_abort(tmp_path: Path) -> None:
    """A copy of Qt's X11 plugin that needs a library no machine has, in a child process."""
    real = platform_plugin("xcb", {})
    assert real is not None
    platforms = tmp_path / "platforms"
    platforms.mkdir()
    content = real.read_bytes()
    assert b"libxcb-cursor.so.0" in content
    (platforms / "libqxcb.so").write_bytes(
        content.replace(b"libxcb-cursor.so.0", b"libxcb-cursoX.so.0")  # same length
    )
    qt_libs = real.parents[2] / "lib"  # the plugin's own RUNPATH points there from its home
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_PLUGIN_PATH")
    }
    env.update(
        QT_QPA_PLATFORM="xcb",
        QT_QPA_PLATFORM_PLUGIN_PATH=str(platforms),
        LD_LIBRARY_PATH=str(qt_libs),
    )
    result = subprocess.run(
        [sys.executable, "-m", "talentdesk", "--data-dir", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "cannot open its window" in result.stderr
    assert "libxcb-cursoX.so.0" in result.stderr
    assert "qt.qpa" not in result.stderr  # Qt never got to abort
    assert not (tmp_path / "data").exists()  # nothing was started
