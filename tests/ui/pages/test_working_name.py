"""Settings → Your working name: saved sealed in the vault, and {talent} in replies follows it."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from talentdesk.sessions.settings import load_settings
from talentdesk.ui.pages.working_name import WorkingNameSection
from tests.ui.conftest import click
from tests.ui.session.conftest import Desk, settle

pytestmark = pytest.mark.usefixtures("english")


def test_the_name_is_saved_and_fills_talent_in_replies(qtbot: QtBot, desk: Desk) -> None:
    desk.agency_replies()
    section = WorkingNameSection(desk.agency)
    qtbot.addWidget(section)
    section.show()
    settle(qtbot, desk)
    assert section.saved_name == ""
    assert section.saved_label.text() == (
        "Not set yet: replies that use {talent} would leave it out."
    )
    assert not section.save_button.isEnabled()

    QTest.keyClicks(section.field, "  Melati  ")
    assert section.save_button.isEnabled()
    click(section.save_button)
    qtbot.waitUntil(lambda: section.saved_label.text() == "Saved.")
    assert load_settings(desk.vault).talent_name == "Melati"
    assert section.field.text() == "Melati"
    assert not section.save_button.isEnabled()

    # The session controller hears of it: {talent} is filled in from now on.
    session = desk.session
    qtbot.waitUntil(lambda: session.context.talent_name == "Melati")
    closing = session.replies.get("agency-id-closing")
    assert closing is not None
    session.copy_reply(closing)
    qtbot.waitUntil(lambda: "Melati" in QGuiApplication.clipboard().text())
    assert QGuiApplication.clipboard().text() == (
        "Sesi kita sudah selesai ya. Makasih, salam dari Melati!"
    )


def test_without_a_vault_the_field_is_disabled(qtbot: QtBot) -> None:
    section = WorkingNameSection(None)
    qtbot.addWidget(section)
    assert not section.field.isEnabled()
    assert not section.save_button.isEnabled()
    section.save()  # nothing to save to: nothing happens
    assert section.saved_name is None
