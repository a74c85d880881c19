"""The main window: pages in a side list, forwarding of the Settings requests, the status line."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from talentdesk.domain import Booking
from talentdesk.ui.language import LanguageSwitcher
from talentdesk.ui.main_window import MainWindow, Page
from talentdesk.ui.pages import VaultSummary
from talentdesk.ui.pages.bookings_model import Column
from talentdesk.vault import Protection
from talentdesk.workspace import BookingRow, TonightView
from tests.samples import CHAT_AND_CALL, CURHAT
from tests.ui.conftest import click

pytestmark = pytest.mark.usefixtures("english")


def make_window(qtbot: QtBot, *, demo: bool = False) -> MainWindow:
    window = MainWindow(
        vault=VaultSummary(Protection.KEYRING, "keyring.backends.SecretService.Keyring", 1),
        language="en",
        idle_lock_minutes=5,
        data_dir=Path("/data"),
        demo=demo,
    )
    qtbot.addWidget(window)
    window.show()
    return window


def test_title_pages_and_status(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    assert window.windowTitle() == "TalentDesk"
    names = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert names == ["Today", "Night summary", "Boundaries", "Replies", "Safety", "Settings"]
    assert window.current_page() is Page.TODAY
    assert window.status_line.text() == "Vault unlocked · protected by your system keyring"
    assert window.agency_line.full_text == "Not paired with an agency"
    assert not window.demo_banner.isVisible()


def test_side_list_switches_pages(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    for page in Page:
        window.navigation.setCurrentRow(int(page))
        assert window.current_page() is page
    assert window.settings.isVisible()
    assert not window.today.isVisible()


def test_open_settings_from_today(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    click(window.today.action_button)
    assert window.current_page() is Page.SETTINGS
    assert window.navigation.currentRow() == int(Page.SETTINGS)


def test_settings_requests_are_forwarded(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    with qtbot.waitSignal(window.lock_requested, timeout=1000):
        window.settings.lock_button.click()
    with qtbot.waitSignal(window.language_changed, timeout=1000) as language:
        picker = window.settings.language_picker
        picker.setCurrentIndex(picker.findData("id"))
    assert language.args == ["id"]
    with qtbot.waitSignal(window.idle_lock_minutes_changed, timeout=1000) as minutes:
        window.settings.idle_minutes.setCurrentIndex(0)
    assert minutes.args == [0]


def test_ctrl_l_locks(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    with qtbot.waitSignal(window.lock_requested, timeout=1000):
        window.lock_action.trigger()


def test_demo_mode_is_said_plainly(qtbot: QtBot) -> None:
    window = make_window(qtbot, demo=True)
    assert window.windowTitle() == "DEMO"  # Qt adds " — TalentDesk" itself
    assert window.demo_banner.isVisible()
    assert window.demo_banner.text() == "DEMO — sample agency on this computer, sample bookings"


def test_only_today_is_built_until_a_page_is_shown(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    assert window.is_built(Page.TODAY)
    assert not any(window.is_built(page) for page in Page if page is not Page.TODAY)
    window.navigation.setCurrentRow(int(Page.REPLIES))
    assert window.is_built(Page.REPLIES)
    assert window.current_page() is Page.REPLIES
    assert window.replies.isVisible()
    assert not window.is_built(Page.BOUNDARIES)
    # Asked for without being shown (Ctrl+Shift+E uses the Safety page's box): built in
    # place, the page on show stays.
    safety = window.safety
    assert window.is_built(Page.SAFETY)
    assert window.current_page() is Page.REPLIES
    assert window.page(Page.SAFETY) is safety
    window.show_page(Page.SAFETY)
    assert safety.isVisible()


def test_a_late_settings_page_has_the_language_picked_meanwhile(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.set_language("id")
    assert not window.is_built(Page.SETTINGS)
    assert window.settings.language_picker.currentData() == "id"


@pytest.mark.parametrize("language", ["id", "en"])
def test_at_its_first_size_tonight_shows_every_column_and_the_price_whole(
    qtbot: QtBot, english: LanguageSwitcher, language: str
) -> None:
    """The window opens at 1120×700: the package's name gives way (elided, whole in its
    tooltip); the price never scrolls out of view."""
    english.set_language(language)
    window = make_window(qtbot)
    window.resize(1120, 700)
    today = window.today
    start = datetime.now().astimezone().replace(hour=23, minute=30, second=0, microsecond=0)
    rows = tuple(
        BookingRow(
            Booking(
                id=f"bk-{n}",
                start=start + timedelta(minutes=45 * n),
                package=package,
                returning_customer=n == 2,
                needs_unblock=n == 2,
            )
        )
        for n, package in enumerate((CHAT_AND_CALL, CURHAT, CHAT_AND_CALL, CURHAT))
    )
    today._loaded(TonightView(rows=rows))
    qtbot.waitUntil(lambda: today.list_card.isVisible())
    QApplication.processEvents()
    view = today.view
    assert view.horizontalScrollBar().maximum() == 0
    header = view.header()
    price_end = header.sectionViewportPosition(Column.PRICE) + header.sectionSize(Column.PRICE)
    assert price_end <= view.viewport().width()
    price = today.model.index(0, Column.PRICE)
    wanted = view.fontMetrics().horizontalAdvance(str(price.data()))
    assert header.sectionSize(Column.PRICE) >= wanted
    package = today.model.index(0, Column.PACKAGE)
    assert package.data(Qt.ItemDataRole.ToolTipRole) == CHAT_AND_CALL.name
