"""The reply search panel: the service's ranking as the talent types, one click to copy the
filled-in text, blanks asked first, Ctrl+1…Ctrl+9 for pins, copying counts as answering."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from talentdesk.domain import Channel, DeclineReply, ReplyStyle, Source
from talentdesk.ui.clipboard import is_marked_secret
from talentdesk.ui.language import LanguageSwitcher, translate_in
from talentdesk.ui.session.notifications import Notifier
from talentdesk.ui.session.reply_list import (
    OWNER_ROLE,
    PIN_ROLE,
    REPLY_ID_ROLE,
    SHORTCODE_ROLE,
    SOURCE_ROLE,
    STYLE_ROLE,
    ReplyListModel,
)
from talentdesk.ui.session.reply_search import ReplySearchPanel
from talentdesk.ui.session.window import SessionWindow
from talentdesk.ui.session.windows import SessionWindows
from tests.ui.conftest import click
from tests.ui.session.conftest import Desk, package, settle

pytestmark = pytest.mark.usefixtures("english")

INTRO_EN = "This reply has blanks for you to fill in before copying."


@pytest.fixture
def window(qtbot: QtBot, desk: Desk) -> Iterator[SessionWindow]:
    """A live 30-minute chat session, 10 minutes in; replies in Indonesian on show."""
    desk.agency_replies()
    desk.settings(talent_name="Sari")
    desk.session.set_reply_language("id")
    screens = SessionWindows(desk.session, Notifier(tray_available=lambda: False))
    desk.session.start(desk.book(pkg=package(Channel.CHAT, 30, 25_000)).id)
    qtbot.waitUntil(lambda: screens.window is not None)
    settle(qtbot, desk)
    desk.clock.advance(600)
    desk.session.tick_now()
    assert screens.window is not None
    yield screens.window
    screens.discard()


def shown_ids(panel: ReplySearchPanel) -> list[str]:
    return [r.id for r in panel.model.replies()]


def type_query(qtbot: QtBot, desk: Desk, panel: ReplySearchPanel, text: str) -> None:
    panel.field.clear()
    QTest.keyClicks(panel.field, text)
    settle(qtbot, desk)


def test_search_as_you_type_shows_the_services_ranking(
    qtbot: QtBot, desk: Desk, window: SessionWindow
) -> None:
    panel = window.replies
    assert panel.language_code() == "id"
    assert set(shown_ids(panel)) == {
        "agency-id-polite",
        "agency-id-offline",
        "agency-id-humour",
        "agency-id-closing",
        "agency-id-reason",
    }
    for query in ("/tu", "ma", "ketemu", "nggak bisa", "kemampuan"):
        type_query(qtbot, desk, panel, query)
        expected = [hit.reply.id for hit in desk.session.replies.search(query, "id")]
        assert shown_ids(panel) == expected, query
    type_query(qtbot, desk, panel, "/tu")
    assert shown_ids(panel)[0] == "agency-id-closing"
    type_query(qtbot, desk, panel, "zzzz")
    assert shown_ids(panel) == []
    assert panel.empty_note.text() == "No reply matches. Try fewer letters."
    panel.set_language(None)
    settle(qtbot, desk)
    type_query(qtbot, desk, panel, "sorry")
    assert shown_ids(panel) == ["agency-en-polite"]


def test_one_click_copies_the_filled_text_and_counts_as_an_answer(
    qtbot: QtBot, desk: Desk, window: SessionWindow
) -> None:
    session, panel = desk.session, window.replies
    session.customer_wrote()
    desk.clock.advance(150)  # a slow answer (over 2 minutes)
    type_query(qtbot, desk, panel, "/tutup")
    row = panel.model.row_of("agency-id-closing")
    assert row is not None
    rect = panel.view.visualRect(panel.model.index(row, 0))
    with qtbot.waitSignal(session.pace_answered, timeout=5000) as answered:
        QTest.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == "Sesi kita sudah selesai ya. Makasih, salam dari Sari!"
    assert not is_marked_secret(clipboard.mimeData())
    assert answered.args[0].slow
    assert window.pace.counts.text() == "Slow replies this session: 1"
    assert panel.note.text() == "Copied /tutup — paste it into your chat."


def test_variables_come_from_the_live_session(
    qtbot: QtBot, desk: Desk, window: SessionWindow
) -> None:
    reply = desk.session.replies.create(
        style=ReplyStyle.OPENING,
        language="id",
        text="Halo, aku {talent}. Paket {package}, sisa {minutes_left} menit ya.",
        shortcode="halo",
    )
    desk.session.changed_replies()
    settle(qtbot, desk)
    with qtbot.waitSignal(desk.session.reply_copied, timeout=5000) as copied:
        window.replies.copy_reply(reply)
    assert copied.args[1] == "Halo, aku Sari. Paket Teman Curhat 30 menit, sisa 20 menit ya."
    # The list shows the working name and the package, not "{talent}"; the minutes left
    # (they change each minute) as written.
    panel = window.replies
    row = panel.model.row_of(reply.id)
    assert row is not None
    card = panel.model.card_at(row)
    assert card is not None
    assert card.text == "Halo, aku Sari. Paket Teman Curhat 30 menit, sisa {minutes_left} menit ya."
    desk.settings(talent_name="Ayu")  # renamed in Settings
    desk.session.load_context()
    settle(qtbot, desk)
    card = panel.model.card_at(row)
    assert card is not None and card.text.startswith("Halo, aku Ayu.")


def test_a_reply_with_blanks_asks_for_them_first(
    qtbot: QtBot, desk: Desk, window: SessionWindow
) -> None:
    panel = window.replies
    type_query(qtbot, desk, panel, "/alasan")
    panel.copy_current()
    dialog = panel.blanks_dialog
    assert dialog is not None
    assert dialog.intro.text() == INTRO_EN
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # {?alasan} has no fallback: required
    QTest.keyClicks(dialog.fields["alasan"], "sudah ada jadwal lain")
    assert ok.isEnabled()
    with qtbot.waitSignal(desk.session.reply_copied, timeout=5000):
        click(ok)
    assert QGuiApplication.clipboard().text() == "Aku nggak bisa karena sudah ada jadwal lain."
    assert panel.blanks_dialog is None


def test_the_blanks_dialog_follows_a_language_switch(
    qtbot: QtBot, desk: Desk, window: SessionWindow, english: LanguageSwitcher
) -> None:
    """Opened in English, switched to Indonesian: its words, its hints and its Copy button
    (not Qt's own "OK") are Indonesian."""
    panel = window.replies
    type_query(qtbot, desk, panel, "/alasan")
    panel.copy_current()
    dialog = panel.blanks_dialog
    assert dialog is not None
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Copy"
    english.set_language("id")
    qtbot.waitUntil(lambda: dialog.intro.text() != INTRO_EN)
    assert dialog.intro.text() == translate_in("id", "BlanksDialog", INTRO_EN)
    assert dialog.fields["alasan"].placeholderText() == translate_in(
        "id", "BlanksDialog", "Required"
    )
    assert ok.text() == translate_in("id", "BlanksDialog", "Copy") != "Copy"
    dialog.reject()


def test_ctrl_numbers_copy_the_pinned_replies(
    qtbot: QtBot, desk: Desk, window: SessionWindow
) -> None:
    replies = desk.session.replies
    replies.pin("agency-id-humour")
    replies.pin("agency-id-polite")
    desk.session.changed_replies()
    settle(qtbot, desk)
    panel = window.replies
    assert [r.id for r in panel.pinned()] == ["agency-id-humour", "agency-id-polite"]
    assert panel.model.data(panel.model.index(0, 0), PIN_ROLE) == 1
    window.activateWindow()
    with qtbot.waitSignal(desk.session.reply_copied, timeout=5000) as copied:
        QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert copied.args[0].id == "agency-id-polite"
    assert QGuiApplication.clipboard().text() == "Maaf ya, untuk hal itu aku nggak bisa."
    assert not panel.copy_pinned(3)  # nothing pinned there: the panel says so
    assert panel.error.isVisible()
    assert panel.error.text() == "Nothing is pinned at Ctrl+3. Pin replies on the Replies page."


def test_ctrl_numbers_copy_a_pin_in_a_language_filtered_out(
    qtbot: QtBot, desk: Desk, window: SessionWindow
) -> None:
    replies = desk.session.replies
    replies.pin("agency-id-humour")
    replies.pin("agency-en-polite")  # Ctrl+2, while Indonesian replies are on show
    desk.session.changed_replies()
    settle(qtbot, desk)
    panel = window.replies
    assert panel.language_code() == "id"
    assert "agency-en-polite" not in shown_ids(panel)
    assert [r.id for r in panel.pinned()] == ["agency-id-humour", "agency-en-polite"]
    window.activateWindow()
    with qtbot.waitSignal(desk.session.reply_copied, timeout=5000) as copied:
        QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert copied.args[0].id == "agency-en-polite"
    assert QGuiApplication.clipboard().text() == "Sorry, that's something I can't do."
    assert panel.note.text() == "Copied /polite — paste it into your chat. (It is in English.)"


def test_a_reply_whose_variable_would_be_empty_asks_first(
    qtbot: QtBot, desk: Desk, window: SessionWindow
) -> None:
    desk.settings(talent_name="")
    desk.session.load_context()
    settle(qtbot, desk)
    panel = window.replies
    closing = desk.session.replies.get("agency-id-closing")
    assert closing is not None and "{talent}" in closing.text
    QGuiApplication.clipboard().setText("before")
    panel.copy_reply(closing)
    warning = panel.copier.warning
    assert warning is not None
    assert warning.text() == "This reply uses {talent}, which TalentDesk cannot fill in now."
    assert "working name" in warning.informativeText()
    warning.reject()  # "Don't copy"
    qtbot.waitUntil(lambda: panel.copier.warning is None)
    settle(qtbot, desk)
    assert QGuiApplication.clipboard().text() == "before"

    panel.copy_reply(closing)
    warning = panel.copier.warning
    assert warning is not None
    copy_anyway = next(b for b in warning.buttons() if b.text() == "Copy anyway")
    with qtbot.waitSignal(desk.session.reply_copied, timeout=5000):
        click(copy_anyway)
    assert QGuiApplication.clipboard().text() == "Sesi kita sudah selesai ya. Makasih, salam dari !"

    # With a working name, no question.
    desk.settings(talent_name="Sari")
    desk.session.load_context()
    settle(qtbot, desk)
    with qtbot.waitSignal(desk.session.reply_copied, timeout=5000):
        panel.copy_reply(closing)
    assert panel.copier.warning is None


def test_a_never_boundary_shows_its_decline_replies(
    qtbot: QtBot, desk: Desk, window: SessionWindow
) -> None:
    preset = desk.agency_presets()
    desk.session.boundaries.activate(preset.id)
    desk.session.changed_presets()
    settle(qtbot, desk)
    view = window.boundaries
    labels = [view.items.item(row).text() for row in range(view.items.count())]
    assert labels == [  # an Indonesian preset reads in Indonesian, whatever the app shows
        "Tidak pernah · Ketemuan di luar",
        "Tidak pernah · Berbagi kontak pribadi",
        "Tanya dulu · Telepon",
        "Boleh · Chat",
    ]
    assert view.name.text() == "Standar · Indonesian"
    view.items.itemClicked.emit(view.items.item(0))
    settle(qtbot, desk)
    panel = window.replies
    assert shown_ids(panel) == ["agency-id-offline", "agency-id-humour"]
    assert panel.linked_note.text() == "Decline replies for: Ketemuan di luar"
    click(panel.show_all_button)
    settle(qtbot, desk)
    assert len(shown_ids(panel)) == 5


def test_agency_and_own_replies_are_told_apart(qtbot: QtBot, desk: Desk) -> None:
    desk.agency_replies()
    replies = desk.session.replies
    own = replies.create(style=ReplyStyle.HUMOUR, language="id", text="Hehe, jangan dong.")
    edited = replies.edit("agency-id-polite", text="Maaf ya, yang itu aku nggak bisa.")
    model = ReplyListModel()
    model.set_replies(replies.replies("id"))
    by_id = {
        str(model.data(model.index(row, 0), REPLY_ID_ROLE)): row for row in range(model.rowCount())
    }

    def role(reply_id: str, which: int) -> object:
        return model.data(model.index(by_id[reply_id], 0), which)

    assert role(own.id, OWNER_ROLE) == "own" and role(own.id, SOURCE_ROLE) == "Mine"
    assert role(edited.id, OWNER_ROLE) == "edited"
    assert role(edited.id, SOURCE_ROLE) == "Mine · edited from the agency's"
    assert role("agency-id-humour", OWNER_ROLE) == "agency"
    assert role("agency-id-humour", SOURCE_ROLE) == "Agency"
    assert role("agency-id-humour", SHORTCODE_ROLE) == "/canda"
    assert role("agency-id-humour", STYLE_ROLE) == "Humour"
    assert role(own.id, SHORTCODE_ROLE) == ""
    assert "agency-id-polite" not in by_id  # the talent's edit stands in for it


def test_the_reply_list_model_passes_qts_checks(qtmodeltester: ModelTester) -> None:
    replies = [
        DeclineReply(
            id=f"agency-{n}",
            style=ReplyStyle.POLITE,
            language="id",
            text=f"Balasan {n}",
            shortcode=f"b{n}",
            source=Source.AGENCY,
        )
        for n in range(5)
    ]
    model = ReplyListModel()
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]
    model.set_replies(replies, replies[:2])
    model.retranslate()
    model.set_replies(replies[2:])
    model.set_replies(())
    other = ReplyListModel()
    other.set_replies(replies, replies[1:3])
    qtmodeltester.check(other)  # type: ignore[no-untyped-call]
