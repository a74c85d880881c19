"""Each page says honestly what will appear there, and how."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from talentdesk.ui.pages import BoundariesPage, RepliesPage, SafetyPage, TodayPage
from talentdesk.ui.pages.empty_state import EmptyStatePage
from tests.ui.conftest import click

pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize(
    ("page_type", "title", "heading", "mentions"),
    [
        (TodayPage, "Today", "No bookings yet", ["agency sends them", "Settings"]),
        (BoundariesPage, "Boundaries", "No boundaries set yet", ["what is OK", "pair"]),
        (RepliesPage, "Replies", "No ready replies yet", ["polite decline", "pair"]),
        (SafetyPage, "Safety", "No escalations or reports", ["ticket number", "supervisor"]),
    ],
)
def test_empty_state_says_what_and_how(
    qtbot: QtBot,
    page_type: type[EmptyStatePage],
    title: str,
    heading: str,
    mentions: list[str],
) -> None:
    page = page_type()
    qtbot.addWidget(page)
    assert page.page_title.text() == title
    assert page.heading.text() == heading
    said = page.body.text() + " " + page.hint.text()
    for words in mentions:
        assert words in said


@pytest.mark.parametrize("page_type", [TodayPage, SafetyPage])
def test_pages_that_need_pairing_lead_to_settings(
    qtbot: QtBot, page_type: type[TodayPage] | type[SafetyPage]
) -> None:
    page = page_type()
    qtbot.addWidget(page)
    page.show()
    assert page.action_button.isVisible()
    with qtbot.waitSignal(page.settings_requested, timeout=1000):
        click(page.action_button)


@pytest.mark.parametrize("page_type", [BoundariesPage, RepliesPage])
def test_pages_without_an_action_show_no_button(
    qtbot: QtBot, page_type: type[EmptyStatePage]
) -> None:
    page = page_type()
    qtbot.addWidget(page)
    page.show()
    assert not page.action_button.isVisible()
