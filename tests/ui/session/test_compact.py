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


def test_the_compact_window_shows_timer_scope_and_replies(
    qtbot: QtBot, desk: Desk, live: SessionWindows
) -> None:
    desk.session.replies.pin("agency-id-polite")
    desk.session.replies.pin("agency-id-closing")
    desk.session.changed_replies()
    live.show_compact()
    compact = live.compact
    assert compact is not None
    settle(qtbot, desk)
    assert compact.scope.full_text == "Chat only"
    assert compact.scope.toolTip() == "Chat only — no calls"
    assert compact.time.full_text == "30:00"
    # Nothing typed: every reply, pinned first.
    pinned = desk.session.replies.pinned("id")
    full = [compact.result_text(n, reply) for n, reply in enumerate(pinned, start=1)]
    assert full == [
        "1   /sopan · Maaf ya, untuk hal itu aku nggak bisa.",
        "2   /tutup · Sesi kita sudah selesai ya. Makasih, salam dari {talent}!",
    ]
    for button, text in zip(compact.result_buttons, full, strict=False):
        shown = button.text()
        assert shown == text or (shown.endswith("…") and text.startswith(shown[:-1]))
    assert all(b.isEnabled() for b in compact.result_buttons)  # 4 of the 5 Indonesian replies
    assert compact.escalate is None  # no safety controller here: tests/ui/safety has it
    with qtbot.waitSignal(desk.session.reply_copied, timeout=5000):
        click(compact.result_buttons[0])
    assert QGuiApplication.clipboard().text() == "Maaf ya, untuk hal itu aku nggak bisa."
    assert compact.note.full_text == "Copied /sopan"

    # The search finds any reply, not only the pinned ones.
    compact.search.setText("ketemu")
    settle(qtbot, desk)
    assert compact.result_buttons[0].text().startswith("1   /ketemu · Makasih")
    assert not compact.result_buttons[1].isEnabled()
    with qtbot.waitSignal(desk.session.reply_copied, timeout=5000):
        compact.search.returnPressed.emit()
    assert QGuiApplication.clipboard().text() == "Makasih, tapi aku nggak bisa ketemuan."
    compact.search.setText("zzzz-nothing")
    settle(qtbot, desk)
    assert compact.result_buttons[0].text() == "No reply found"
    assert not compact.copy_result(1)
    assert compact.note.full_text == "No reply at Ctrl+1 in this list."  # not silence

    desk.clock.advance(25 * 60)
    desk.session.tick_now()
    assert compact.time.full_text == "05:00"
    assert compact.caption.full_text == "time left · wrap up"
    assert compact.time.property("phase") == "warning"
    desk.clock.advance(6 * 60)
    desk.session.tick_now()
    assert compact.time.full_text == "+01:00"
    assert compact.caption.full_text == "over time · to extend, ask the agency"


def test_message_in_and_replied_say_the_same_in_both_session_windows(
    qtbot: QtBot, desk: Desk, live: SessionWindows
) -> None:
    window = live.window
    assert window is not None
    live.show_compact()
    compact = live.compact
    assert compact is not None
    settle(qtbot, desk)
    pace = window.pace
    # The same words; under them the system-wide hotkey (Ctrl+Alt+M by default), which
    # works while the talent types in the chat app; the window's own key in the tooltip.
    for buttons in (
        (pace.wrote_button, pace.answered_button),
        (compact.wrote_button, compact.answered_button),
    ):
        assert buttons[0].text() == "Message in\nCtrl+Alt+M"
        assert buttons[1].text() == "Replied\nCtrl+Alt+R"
        assert "F8" in buttons[0].toolTip() and "F9" in buttons[1].toolTip()
    desk.session.workspace.save_session_keys("", "", pace_sound=False)
    qtbot.waitUntil(lambda: compact.wrote_button.text() == "Message in\nF8")
    assert compact.answered_button.text() == "Replied\nF9"  # no hotkey: this window's key
    qtbot.waitUntil(lambda: pace.wrote_button.text() == "Message in\nF8")
    assert pace.answered_button.text() == "Replied\nF9"
