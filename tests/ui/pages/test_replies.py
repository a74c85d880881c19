"""The Replies page: kind, language, shortcode and text; search as you type; agency and own
replies apart; an edit of an agency reply survives the agency's next update; pins."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

from talentdesk.domain import AGENCY_PREFIX, DeclineReply, ReplyStyle, Source
from talentdesk.sessions.replies import EDIT_PREFIX
from talentdesk.ui.language import LanguageSwitcher
from talentdesk.ui.main_window import Page
from talentdesk.ui.pages.replies import RepliesPage
from talentdesk.ui.session.reply_list import OWNER_ROLE
from tests.ui.conftest import (
    PASSPHRASE,
    AppFactory,
    click,
    unlock_with,
    wait_for_main_window,
    wait_for_step,
)
from tests.ui.session.conftest import Desk, settle

pytestmark = pytest.mark.usefixtures("english")


def make_page(qtbot: QtBot, desk: Desk, *, replies: bool = True) -> RepliesPage:
    if replies:
        desk.agency_replies()
    page = RepliesPage(desk.session)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    settle(qtbot, desk)
    return page


def ids(page: RepliesPage) -> list[str]:
    return [r.id for r in page.model.replies()]


def test_without_a_vault_the_page_keeps_its_empty_state(qtbot: QtBot) -> None:
    page = RepliesPage()
    qtbot.addWidget(page)
    page.show()
    assert page.empty_card.isVisible() and not page.content.isVisible()
    assert not page.action_button.isVisible()


def test_no_replies_yet_offers_a_new_one(qtbot: QtBot, desk: Desk) -> None:
    page = make_page(qtbot, desk, replies=False)
    assert page.empty_card.isVisible()
    assert page.action_button.isVisible() and page.action_button.text() == "New reply"
    click(page.action_button)
    assert page.content.isVisible()
    assert page.editor_title.text() == "New reply of your own"


def test_search_language_and_kind_filters(qtbot: QtBot, desk: Desk) -> None:
    page = make_page(qtbot, desk)
    assert len(ids(page)) == 7
    assert page.list_summary.text() == "7 replies"
    page.language_filter.setCurrentIndex(page.language_filter.findData("en"))
    settle(qtbot, desk)
    assert sorted(ids(page)) == ["agency-en-closing", "agency-en-polite"]
    page.language_filter.setCurrentIndex(0)
    page.style_filter.setCurrentIndex(page.style_filter.findData(ReplyStyle.CLOSING.value))
    settle(qtbot, desk)
    assert sorted(ids(page)) == ["agency-en-closing", "agency-id-closing"]
    page.style_filter.setCurrentIndex(0)
    QTest.keyClicks(page.search, "/ca")
    settle(qtbot, desk)
    assert ids(page) == [h.reply.id for h in desk.session.replies.search("/ca", None, None)]
    assert ids(page)[0] == "agency-id-humour"


def test_a_new_reply_of_ones_own(qtbot: QtBot, desk: Desk) -> None:
    page = make_page(qtbot, desk)
    click(page.new_button)
    page.style_box.setCurrentIndex(page.style_box.findData(ReplyStyle.HUMOUR.value))
    page.language_box.setCurrentIndex(page.language_box.findData("id"))
    page.shortcode.setText("/Hehe")
    page.text.setPlainText("Hehe, itu rahasia {talnet} dong.")
    assert page.text_problem.text() == "TalentDesk cannot fill in: {talnet}"
    page.text.setPlainText("Hehe, itu rahasia dong.")
    assert not page.text_problem.isVisible()
    click(page.save_button)
    settle(qtbot, desk)
    own = [r for r in desk.session.replies.own_replies() if r.shortcode == "hehe"]
    assert len(own) == 1 and own[0].source is Source.PERSONAL
    assert page.saved.text() == "Saved."
    selected = page.selected_reply()
    assert selected is not None and selected.id == own[0].id
    row = page.model.row_of(own[0].id)
    assert row is not None
    assert page.model.data(page.model.index(row, 0), OWNER_ROLE) == "own"
    assert page.delete_button.isVisible() and not page.revert_button.isVisible()


def test_mistakes_are_said_plainly(qtbot: QtBot, desk: Desk) -> None:
    page = make_page(qtbot, desk)
    click(page.new_button)
    page.language_box.setCurrentIndex(page.language_box.findData("id"))
    page.shortcode.setText("sopan")  # the agency's polite reply has it
    page.text.setPlainText("Maaf ya.")
    click(page.save_button)
    settle(qtbot, desk)
    assert page.error.text() == "Another reply in this language already has this shortcode."
    page.shortcode.setText("bad code!")
    click(page.save_button)
    settle(qtbot, desk)
    assert page.error.text() == (
        "A shortcode uses only small letters, digits, - and _ (at most 32)."
    )
    page.shortcode.clear()
    page.text.setPlainText("   ")
    click(page.save_button)
    settle(qtbot, desk)
    assert page.error.text() == "Write the reply's text first."


def test_an_edited_agency_reply_survives_the_agencys_update_and_can_be_reverted(
    qtbot: QtBot, desk: Desk
) -> None:
    page = make_page(qtbot, desk)
    assert page.select_reply("agency-id-polite")
    assert page.source_note.isVisible()
    assert page.source_note.text().startswith("Your agency's reply.")
    assert not page.delete_button.isVisible()
    page.text.setPlainText("Maaf ya, yang itu aku nggak bisa.")
    click(page.save_button)
    settle(qtbot, desk)
    edit_id = EDIT_PREFIX + "agency-id-polite"
    selected = page.selected_reply()
    assert selected is not None and selected.id == edit_id
    assert page.revert_button.isVisible()
    assert page.source_note.text().startswith("Your version of an agency reply,")

    # The agency pushes new wording for its replies: the feed applier replaces them.
    desk.store.save(
        DeclineReply(
            id=AGENCY_PREFIX + "id-polite",
            style=ReplyStyle.POLITE,
            language="id",
            text="Maaf, itu di luar layanan.",
            shortcode="sopan",
            source=Source.AGENCY,
        )
    )
    desk.session.changed_replies()
    settle(qtbot, desk)
    assert "agency-id-polite" not in ids(page)
    reply = desk.session.replies.get("agency-id-polite")
    assert reply is not None and reply.text == "Maaf ya, yang itu aku nggak bisa."

    page.select_reply(edit_id)
    click(page.revert_button)
    settle(qtbot, desk)
    assert "agency-id-polite" in ids(page)
    assert edit_id not in ids(page)
    assert page.saved.text() == "Back to the agency's wording."


def test_pin_copy_and_delete(qtbot: QtBot, desk: Desk) -> None:
    page = make_page(qtbot, desk)
    page.select_reply("agency-id-humour")
    assert page.pin_button.text() == "Pin"
    click(page.pin_button)
    settle(qtbot, desk)
    assert [r.id for r in desk.session.replies.pinned()] == ["agency-id-humour"]
    assert ids(page)[0] == "agency-id-humour"  # pinned first
    assert page.pin_button.text() == "Unpin"
    with qtbot.waitSignal(desk.session.reply_copied, timeout=5000):
        click(page.copy_button)
    assert QGuiApplication.clipboard().text() == "Wah, itu di luar kemampuan super aku."
    click(page.pin_button)
    settle(qtbot, desk)
    assert desk.session.replies.pinned() == []

    own = desk.session.replies.create(style=ReplyStyle.POLITE, language="en", text="No thanks.")
    desk.session.changed_replies()
    settle(qtbot, desk)
    page.select_reply(own.id)
    click(page.delete_button)
    dialog = page.confirm_dialog
    assert dialog is not None
    delete = next(b for b in dialog.buttons() if b.text() == "Delete")
    click(delete)
    settle(qtbot, desk)
    assert desk.session.replies.get(own.id) is None
    assert own.id not in ids(page)


def test_a_refused_save_says_it_once(qtbot: QtBot, desk: Desk) -> None:
    page = make_page(qtbot, desk)
    click(page.new_button)
    page.text.setPlainText("x" * 1_001)
    assert page.text_problem.isVisible()
    assert page.text_problem.text() == "Too long: 1001 of at most 1,000 characters."
    assert not page.save_button.isEnabled()  # nothing to refuse: it cannot be saved
    page.text.setPlainText("Maaf ya.")
    page.shortcode.setText("bad code!")
    click(page.save_button)
    settle(qtbot, desk)
    assert page.error.isVisible() and not page.text_problem.isVisible()
    page.text.setPlainText("Maaf ya, {talnet}.")  # typing again: the refusal is old news
    assert not page.error.isVisible()
    assert page.text_problem.isVisible()


@pytest.mark.usefixtures("no_keyring", "passphrase_vault")
def test_a_new_reply_is_in_the_language_of_the_app(qtbot: QtBot, make_app: AppFactory) -> None:
    app = make_app("id")
    app.start()
    wait_for_step(qtbot, app, "passphrase")
    unlock_with(qtbot, app, PASSPHRASE)
    window = wait_for_main_window(qtbot, app)
    page = window.replies
    window.show_page(Page.REPLIES)
    qtbot.waitUntil(lambda: page._loaded)
    assert page.language_box.currentData() == "id"  # the idle editor, as a new reply starts
    page.new_reply()
    assert page.language_box.currentData() == "id"
    page._cancel_clicked()
    app.set_language("en")
    qtbot.waitUntil(lambda: page.language_box.currentData() == "en")  # the idle editor follows
    page.new_reply()
    assert page.language_box.currentData() == "en"


@pytest.mark.parametrize("language", ["id", "en"])
def test_new_and_save_stay_in_view_with_both_banners_on_a_1366x768_screen(
    qtbot: QtBot, desk: Desk, english: LanguageSwitcher, language: str
) -> None:
    """The page's share of a maximized window on 1366×768 (1366×704) under the demo banner,
    a reminder banner and the status bar: 1146×580. Nothing to scroll to reach the buttons.
    """
    english.set_language(language)
    page = make_page(qtbot, desk)
    page.select_reply(ids(page)[0])
    page.resize(1146, 580)
    settle(qtbot, desk)
    area = page.findChild(QScrollArea, "repliesScroll")
    assert area is not None
    assert area.verticalScrollBar().maximum() == 0, area.viewport().height()
    viewport = area.viewport()
    for button in (page.new_button, page.save_button):
        top_left = button.mapTo(viewport, QPoint(0, 0))
        shown = viewport.rect().contains(QRect(top_left, button.size()))
        assert shown, (button.text(), top_left.y(), viewport.height())
    assert page.text.height() >= page.text.minimumHeight()
