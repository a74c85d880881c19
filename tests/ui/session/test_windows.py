"""The session windows' notices: the "session finished" banner follows the language."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from talentdesk.ui.language import LanguageSwitcher
from talentdesk.ui.session.notifications import Notifier, ReminderBanner
from talentdesk.ui.session.windows import SessionWindows
from tests.ui.session.conftest import ALIAS, HANDLE, Desk, end_with_every_step_done, settle

pytestmark = pytest.mark.usefixtures("english")


def test_the_session_finished_banner_says_itself_again_in_the_new_language(
    qtbot: QtBot, desk: Desk, english: LanguageSwitcher
) -> None:
    """Finished where there is no tray, the banner shows; switched to Indonesian while it
    shows, it reads in Indonesian (and never names the customer), then in English again."""
    notifier = Notifier(tray_available=lambda: False)
    banner = ReminderBanner(notifier)
    qtbot.addWidget(banner)
    screens = SessionWindows(desk.session, notifier, platform="offscreen")
    booking = desk.book()
    session = desk.session
    try:
        session.start(booking.id)
        qtbot.waitUntil(lambda: screens.window is not None)
        settle(qtbot, desk)
        end_with_every_step_done(qtbot, session)
        with qtbot.waitSignal(session.finished, timeout=10_000):
            session.finish()
        settle(qtbot, desk)
        finished = (
            "Session finished — The session is saved and the customer's details were destroyed."
        )
        assert banner.notice is not None and banner.callout.text() == finished
        english.set_language("id")
        qtbot.waitUntil(lambda: banner.callout.text() != finished)
        text = banner.callout.text()
        assert text == "Sesi selesai — Sesi sudah disimpan dan data pelanggan sudah dihapus."
        assert ALIAS not in text and HANDLE not in text
        english.set_language("en")
        qtbot.waitUntil(lambda: banner.callout.text() == finished)
    finally:
        screens.discard()
