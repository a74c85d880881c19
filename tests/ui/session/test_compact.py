"""The compact window: timer, scope, pins, on top where possible (its escalate button is
tested with the safety windows in tests/ui/safety; the pace bar in test_pace_bar.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from talentdesk.domain import Channel
from talentdesk.ui.session.compact import CompactWindow, on_top_supported
from talentdesk.ui.session.notifications import Notifier
from talentdesk.ui.session.windows import SessionWindows
from tests.ui.conftest import click
from tests.ui.session.conftest import Desk, package, settle

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def live(qtbot: QtBot, desk: Desk) -> Iterator[SessionWindows]:
    desk.agency_replies()
    desk.session.set_reply_language("id")
    screens = SessionWindows(desk.session, Notifier(tray_available=lambda: False))
    desk.session.start(desk.book(pkg=package(Channel.CHAT, 30, 25_000)).id)
    qtbot.waitUntil(lambda: screens.window is not None)
    settle(qtbot, desk)
    yield screens
    screens.discard()


def test_on_top_is_offered_only_where_the_platform_honours_it(qapp: object) -> None:
    assert QGuiApplication.platformName() == "offscreen"
    assert not on_top_supported()
    assert not on_top_supported("wayland")
    assert on_top_supported("xcb") and on_top_supported("windows") and on_top_supported("cocoa")


def test_the_toggle_is_hidden_offscreen_and_works_on_x11(
    qtbot: QtBot, desk: Desk, live: SessionWindows
) -> None:
    hidden = CompactWindow(desk.session)
    qtbot.addWidget(hidden)
    hidden.show()
    assert not hidden.on_top_available
    assert not hidden.on_top.isVisible()
    assert not hidden.is_on_top()
    hidden.set_on_top(True)  # ignored where it cannot work
    assert not hidden.is_on_top()

    x11 = CompactWindow(desk.session, platform="xcb")
    qtbot.addWidget(x11)
    x11.show()
    assert x11.on_top.isVisible() and x11.on_top.isChecked()
    assert x11.is_on_top()
    assert bool(x11.windowFlags() & Qt.WindowType.WindowStaysOnTopHint)
    x11.on_top.setChecked(False)
    assert not x11.is_on_top()
    assert x11.isVisible()  # shown again after the flag changed
    x11.on_top.setChecked(True)
    assert x11.is_on_top()


def test_the_compact_window_shows_timer_scope_and_pins(
    qtbot: QtBot, desk: Desk, live: SessionWindows
) -> None:
    desk.session.replies.pin("agency-id-polite")
    desk.session.replies.pin("agency-id-closing")
    desk.session.changed_replies()
    live.show_compact()
    compact = live.compact
    assert compact is not None
    settle(qtbot, desk)
    assert compact.scope.text() == "Chat only"
    assert compact.scope.toolTip() == "Chat only — no calls"
    assert compact.time.text() == "30:00"
    pinned = desk.session.replies.pinned("id")
    full = [compact.pin_text(n, reply) for n, reply in enumerate(pinned, start=1)]
    assert full == [
        "1   /sopan · Maaf ya, untuk hal itu aku nggak bisa.",
        "2   /tutup · Sesi kita sudah selesai ya. Makasih, salam dari {talent}!",
    ]
    for button, text in zip(compact.pin_buttons, full, strict=True):
        shown = button.text()
        assert shown == text or (shown.endswith("…") and text.startswith(shown[:-1]))
    assert compact.escalate is None  # no safety controller here: tests/ui/safety has it
    with qtbot.waitSignal(desk.session.reply_copied, timeout=5000):
        click(compact.pin_buttons[0])
    assert QGuiApplication.clipboard().text() == "Maaf ya, untuk hal itu aku nggak bisa."
    assert compact.note.text() == "Copied /sopan"

    desk.clock.advance(25 * 60)
    desk.session.tick_now()
    assert compact.time.text() == "05:00"
    assert compact.caption.text() == "time left · wrap up"
    assert compact.time.property("phase") == "warning"
    desk.clock.advance(6 * 60)
    desk.session.tick_now()
    assert compact.time.text() == "+01:00"
    assert compact.caption.text() == "over time · to extend, ask the agency"
