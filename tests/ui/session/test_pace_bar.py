"""The reply-pace bar of a chat session's window: it warns one slow reply before the
agency's rule would break; a call has none."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from talentdesk.domain import Channel, PaceThreshold
from talentdesk.ui.session.notifications import Notifier
from talentdesk.ui.session.window import SessionWindow
from talentdesk.ui.session.windows import SessionWindows
from tests.ui.conftest import click
from tests.ui.session.conftest import Desk, package, settle


def test_one_slow_reply_before_the_rule_breaks_the_meter_warns(qtbot: QtBot, desk: Desk) -> None:
    desk.config(pace_thresholds=(PaceThreshold(slower_than_seconds=120, times=3),))
    screens = SessionWindows(desk.session, Notifier(tray_available=lambda: False))
    desk.session.start(desk.book().id)
    qtbot.waitUntil(lambda: screens.window is not None)
    settle(qtbot, desk)
    window = screens.window
    assert isinstance(window, SessionWindow)
    pace, session = window.pace, desk.session
    assert pace.rule.text() == (
        "The agency refunds the customer after 3 replies slower than 2 min in one session."
    )

    def exchange(wait: float) -> None:
        click(pace.wrote_button)
        desk.clock.advance(wait)
        session.tick_now()
        click(pace.answered_button)

    exchange(100)  # quick: not counted
    session.customer_wrote()
    desk.clock.advance(95)
    session.tick_now()
    assert pace.warning.text() == "Reply soon: this wait is about to count as slow."
    session.talent_answered()
    assert not pace.warning.isVisible()
    exchange(130)
    assert pace.counts.text() == "Slow replies this session: 1"
    assert not pace.warning.isVisible()
    exchange(125)
    assert pace.counts.text() == "Slow replies this session: 2"
    assert pace.warning.isVisible()
    assert pace.warning.text() == (
        "Careful: one more slow reply breaks the agency's reply-pace rule."
    )
    click(pace.wrote_button)
    desk.clock.advance(121)
    session.tick_now()
    assert pace.warning.text() == (
        "Answer now: this wait already breaks the agency's reply-pace rule."
    )
    assert pace.warning.property("role") == "error"
    click(pace.answered_button)
    assert pace.warning.text() == "The agency's reply-pace rule was broken in this session."
    screens.discard()


def test_a_call_only_session_has_no_pace_meter(qtbot: QtBot, desk: Desk) -> None:
    screens = SessionWindows(desk.session, Notifier(tray_available=lambda: False))
    desk.session.start(desk.book(pkg=package(Channel.CALL, 60, 75_000)).id)
    qtbot.waitUntil(lambda: screens.window is not None)
    settle(qtbot, desk)
    assert desk.session.pace is None
    assert desk.session.talent_answered() is None
    screens.show_compact()
    assert screens.compact is not None
    assert not screens.compact.wrote_button.isVisibleTo(screens.compact)
    screens.discard()
