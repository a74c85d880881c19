"""The Boundaries page: presets with their language, one click to put one in force, OK / ask
me / never (an agency preset becomes the talent's copy), linked decline replies, and preset
files in and out with clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from talentdesk.domain import (
    BoundaryAnswer,
    BoundaryItem,
    BoundaryPreset,
    DeclineReply,
    ReplyStyle,
    Source,
)
from talentdesk.sessions.settings import load_settings
from talentdesk.ui.pages.boundaries import BoundariesPage
from talentdesk.ui.session.boundary_models import (
    ITEM_KEY_ROLE,
    PRESET_ID_ROLE,
    BoundaryItemsModel,
    ItemColumn,
    PresetListModel,
)
from tests.ui.conftest import click
from tests.ui.session.conftest import Desk, settle

pytestmark = pytest.mark.usefixtures("english")


def make_page(qtbot: QtBot, desk: Desk) -> BoundariesPage:
    desk.agency_replies()
    desk.agency_presets()
    page = BoundariesPage(desk.session)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    settle(qtbot, desk)
    return page


def preset_rows(page: BoundariesPage) -> list[str]:
    model = page.presets_model
    return [str(model.data(model.index(row, 0))) for row in range(model.rowCount())]


def answers(page: BoundariesPage) -> dict[str, str]:
    model = page.items_model
    return {
        str(model.data(model.index(row, 0), ITEM_KEY_ROLE)): str(
            model.data(model.index(row, ItemColumn.ANSWER))
        )
        for row in range(model.rowCount())
    }


def test_without_a_vault_the_page_keeps_its_empty_state(qtbot: QtBot) -> None:
    page = BoundariesPage()
    qtbot.addWidget(page)
    page.show()
    assert page.empty_card.isVisible() and not page.content.isVisible()
    assert page.heading.text() == "No boundaries set yet"


def test_presets_are_listed_with_their_language_and_one_click_puts_one_in_force(
    qtbot: QtBot, desk: Desk
) -> None:
    page = make_page(qtbot, desk)
    assert page.content.isVisible()
    assert preset_rows(page) == [
        "Standar\nAgency · Indonesian",
        "Standard\nAgency · English",
    ]
    model = page.presets_model
    assert model.data(model.index(0, 0), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    # One click on the check box: Qt's view turns it into this setData.
    assert model.setData(model.index(1, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    settle(qtbot, desk)
    assert load_settings(desk.vault).active_preset_id == "agency-standard"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert desk.session.context.preset is not None
    assert desk.session.context.preset.id == "agency-standard"
    # Unchecking the one in force: no preset.
    model.setData(model.index(1, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    settle(qtbot, desk)
    assert load_settings(desk.vault).active_preset_id is None
    page.select_preset("agency-standar")
    settle(qtbot, desk)
    click(page.use_button)
    settle(qtbot, desk)
    assert load_settings(desk.vault).active_preset_id == "agency-standar"
    assert page.use_button.text() == "In force" and not page.use_button.isEnabled()


def test_changing_an_agency_preset_makes_the_talents_copy(qtbot: QtBot, desk: Desk) -> None:
    page = make_page(qtbot, desk)
    desk.session.boundaries.activate("agency-standar")
    page.refresh()
    settle(qtbot, desk)
    assert page.selected_preset() is not None
    assert page.copy_note.isVisible()
    assert "Changing it makes your own copy" in page.copy_note.text()
    assert answers(page)["service.call"] == "Ask me"
    assert page.select_item("service.call")
    assert page.answer_buttons[BoundaryAnswer.ASK].isChecked()
    click(page.answer_buttons[BoundaryAnswer.NEVER])
    settle(qtbot, desk)
    copy = desk.session.boundaries.get("own-of-agency-standar")
    assert copy is not None and copy.source is Source.PERSONAL
    assert copy.answer_for("service.call") is BoundaryAnswer.NEVER
    original = desk.session.boundaries.get("agency-standar")
    assert original is not None and original.answer_for("service.call") is BoundaryAnswer.ASK
    assert load_settings(desk.vault).active_preset_id == "own-of-agency-standar"
    selected = page.selected_preset()
    assert selected is not None and selected.id == "own-of-agency-standar"
    # (The service does not carry the agency preset's language over to the copy yet.)
    assert preset_rows(page)[0].startswith("Standar\nMine · changed from the agency's · ")
    assert not page.copy_note.isVisible()
    assert answers(page)["service.call"] == "Never"


def test_never_items_link_decline_replies(qtbot: QtBot, desk: Desk) -> None:
    page = make_page(qtbot, desk)
    page.select_preset("agency-standar")
    settle(qtbot, desk)
    model = page.items_model
    row = model.row_of("topic.personal_info")
    assert row is not None
    assert model.data(model.index(row, ItemColumn.REPLIES)) == "None linked yet"
    assert page.never_note.isVisible()
    assert "Berbagi kontak pribadi" in page.never_note.text()
    offline = model.row_of("topic.meet_offline")
    assert offline is not None
    assert model.data(model.index(offline, ItemColumn.REPLIES)) == "/ketemu, /canda"

    page.select_item("topic.personal_info")
    click(page.link_button)
    qtbot.waitUntil(lambda: page.link_dialog is not None)
    dialog = page.link_dialog
    assert dialog is not None
    assert dialog.intro.text() == (
        "Which replies should TalentDesk suggest when a customer asks for: Berbagi kontak pribadi?"
    )
    dialog.set_checked("agency-id-polite", True)
    dialog.set_checked("agency-id-humour", True)
    assert dialog.chosen() == ["agency-id-polite", "agency-id-humour"]
    dialog.accept()
    settle(qtbot, desk)
    copy = desk.session.boundaries.get("own-of-agency-standar")
    assert copy is not None
    linked = {i.key: i.decline_reply_ids for i in copy.items}
    assert linked["topic.personal_info"] == ("agency-id-polite", "agency-id-humour")
    row = page.items_model.row_of("topic.personal_info")
    assert row is not None
    assert page.items_model.data(page.items_model.index(row, ItemColumn.REPLIES)) == (
        "/sopan, /canda"
    )
    assert not page.never_note.isVisible()


def test_export_and_import_a_preset_file(qtbot: QtBot, desk: Desk, tmp_path: Path) -> None:
    page = make_page(qtbot, desk)
    page.select_preset("agency-standar")
    settle(qtbot, desk)
    click(page.export_button)
    dialog = page.file_dialog
    assert isinstance(dialog, QFileDialog)
    assert dialog.acceptMode() is QFileDialog.AcceptMode.AcceptSave
    dialog.reject()
    target = tmp_path / "standar.json"
    page.export_to(target)
    settle(qtbot, desk)
    assert page.saved.text() == f"Exported “Standar” to {target}."
    document = json.loads(target.read_text())
    assert document["format"] == "talentdesk.boundary-preset"
    assert target.stat().st_mode & 0o077 == 0

    page.import_from(target)
    settle(qtbot, desk)
    assert page.saved.text() == "Imported “Standar” as your own preset."
    assert preset_rows(page)[0] == "Standar\nMine · Any language"
    selected = page.selected_preset()
    assert selected is not None and selected.source is Source.PERSONAL


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01 not json", "The file is not a boundary preset: it is not JSON."),
        (b'{"hello": "world"}', "The file is not a TalentDesk boundary preset."),
        (
            b'{"format": "talentdesk.boundary-preset", "version": 9, "name": "x", "items": []}',
            "The file comes from a newer TalentDesk. Update TalentDesk to import it.",
        ),
        (b"x" * (300 * 1024), "The file is too large to be a boundary preset."),
    ],
)
def test_a_bad_preset_file_gets_clear_words(
    qtbot: QtBot, desk: Desk, tmp_path: Path, content: bytes, message: str
) -> None:
    page = make_page(qtbot, desk)
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    page.import_from(bad)
    settle(qtbot, desk)
    assert page.error.isVisible()
    assert page.error.text() == message
    assert len(preset_rows(page)) == 2  # nothing was added


def test_an_invalid_file_says_which_field(qtbot: QtBot, desk: Desk, tmp_path: Path) -> None:
    page = make_page(qtbot, desk)
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "talentdesk.boundary-preset",
                "version": 1,
                "name": "Punyaku",
                "items": [{"key": "BAD KEY", "label": "x", "answer": "ok"}],
            }
        )
    )
    page.import_from(bad)
    settle(qtbot, desk)
    assert page.error.text().startswith("The preset file has a mistake in it. Details: ")
    assert "key" in page.error.text()
    page.import_from(tmp_path / "missing.json")
    settle(qtbot, desk)
    assert page.error.text().startswith("The file could not be read.")


def test_the_preset_models_pass_qts_checks(qtmodeltester: ModelTester, qapp: object) -> None:
    items = (
        BoundaryItem(key="service.chat", label="Chat", answer=BoundaryAnswer.OK),
        BoundaryItem(
            key="topic.sexual",
            label="Sexual talk",
            answer=BoundaryAnswer.NEVER,
            decline_reply_ids=("agency-x",),
        ),
    )
    presets = [
        BoundaryPreset(id="own-1", name="Mine", items=items),
        BoundaryPreset(
            id="agency-a", name="Standar", items=items, source=Source.AGENCY, language="id"
        ),
    ]
    model = PresetListModel()
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]
    model.set_presets(presets, "agency-a")
    assert model.data(model.index(1, 0), PRESET_ID_ROLE) == "agency-a"
    model.setData(model.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    model.retranslate()
    model.set_presets([], None)
    qtmodeltester.check(PresetListModel())  # type: ignore[no-untyped-call]

    reply = DeclineReply(
        id="agency-x", style=ReplyStyle.POLITE, language="id", text="Maaf ya.", shortcode="maaf"
    )
    items_model = BoundaryItemsModel()
    qtmodeltester.check(items_model, force_py=True)  # type: ignore[no-untyped-call]
    items_model.set_items(items, {"topic.sexual": [reply]})
    assert items_model.data(items_model.index(1, ItemColumn.REPLIES)) == "/maaf"
    items_model.retranslate()
    items_model.set_items(())
    other = BoundaryItemsModel()
    other.set_items(items)
    qtmodeltester.check(other)  # type: ignore[no-untyped-call]
