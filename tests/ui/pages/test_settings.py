"""The Settings page: language, auto-lock, the vault's protection, Lock now."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from talentdesk import __version__
from talentdesk.ui.pages import SettingsPage, VaultSummary
from talentdesk.vault import Protection
from talentdesk.vault.keys import DIRECT_KEYRING_NAME
from tests.ui.conftest import click

KEYRING = VaultSummary(Protection.KEYRING, "keyring.backends.SecretService.Keyring", 1)
PASSPHRASE = VaultSummary(Protection.PASSPHRASE, None, 1)

pytestmark = pytest.mark.usefixtures("english")


def make_page(
    qtbot: QtBot, vault: VaultSummary = PASSPHRASE, minutes: int = 5, language: str = "en"
) -> SettingsPage:
    page = SettingsPage(
        vault=vault, language=language, idle_lock_minutes=minutes, data_dir=Path("/data/here")
    )
    qtbot.addWidget(page)
    return page


@pytest.mark.parametrize("backend", ["keyring.backends.SecretService.Keyring", DIRECT_KEYRING_NAME])
def test_shows_keyring_protection_by_name(qtbot: QtBot, backend: str) -> None:
    """The keyring's name in words; its technical name only in the tooltip."""
    page = make_page(qtbot, VaultSummary(Protection.KEYRING, backend, 1))
    assert page.protection.text() == "Protected by your system keyring: Secret Service."
    assert page.protection.toolTip() == backend
    assert "can no longer be decrypted" in page.protection_note.text()
    assert page.schema.text() == "Vault version: 1"


def test_shows_passphrase_protection_and_its_weaker_promise(qtbot: QtBot) -> None:
    page = make_page(qtbot, PASSPHRASE)
    assert page.protection.text() == "Protected by your passphrase (no system keyring)."
    assert "less safe" in page.protection_note.text()
    assert "system keyring gives the full guarantee" in page.protection_note.text()


def test_about_names_version_and_data_folder(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    assert __version__ in page.about.text()
    assert "/data/here" in page.about.text()


def test_language_choice_is_announced(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    assert page.language_picker.currentText() == "English"
    with qtbot.waitSignal(page.language_changed, timeout=1000) as blocker:
        page.language_picker.setCurrentIndex(page.language_picker.findData("id"))
    assert blocker.args == ["id"]
    assert page.language_picker.currentText() == "Bahasa Indonesia"


def test_setting_the_language_from_outside_is_silent(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    with qtbot.assertNotEmitted(page.language_changed):
        page.set_language("id")
    assert page.language_picker.currentData() == "id"


def test_auto_lock_choices(qtbot: QtBot) -> None:
    page = make_page(qtbot, minutes=5)
    picker = page.idle_minutes
    texts = [picker.itemText(i) for i in range(picker.count())]
    assert texts[0] == "Never"
    assert "After 1 minute" in texts
    assert "After 5 minutes" in texts
    assert picker.currentText() == "After 5 minutes"
    with qtbot.waitSignal(page.idle_lock_minutes_changed, timeout=1000) as blocker:
        picker.setCurrentIndex(picker.findData(0))
    assert blocker.args == [0]
    assert page.idle_lock_minutes() == 0


@pytest.mark.parametrize("minutes", [7, 240])
def test_a_saved_unusual_delay_is_offered(qtbot: QtBot, minutes: int) -> None:
    page = make_page(qtbot, minutes=minutes)
    assert page.idle_lock_minutes() == minutes
    assert page.idle_minutes.currentText() == f"After {minutes} minutes"


def test_lock_now(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    with qtbot.waitSignal(page.lock_requested, timeout=1000):
        click(page.lock_button)


def test_the_wheel_scrolls_the_page_and_never_changes_an_unfocused_setting(
    qtbot: QtBot,
) -> None:
    """Scrolling Settings with the mouse wheel once changed the auto-lock delay (and saved
    it) as the picker passed under the pointer."""
    page = make_page(qtbot, minutes=5)
    page.resize(700, 320)  # short: the page scrolls
    page.show()
    qtbot.waitExposed(page)
    scroll = page.findChild(QScrollArea, "settingsScroll")
    assert scroll is not None
    picker = page.idle_minutes
    scroll.ensureWidgetVisible(picker)  # scrolled down to it: the wheel can go up
    bar = scroll.verticalScrollBar()
    before = bar.value()
    assert before > 0
    changed: list[int] = []
    page.idle_lock_minutes_changed.connect(changed.append)
    assert not picker.hasFocus()
    centre = QPointF(picker.rect().center())
    for delta in (120, -120, 120):
        wheel = QWheelEvent(
            centre,
            QPointF(picker.mapToGlobal(centre.toPoint())),
            QPoint(0, 0),
            QPoint(0, delta),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(picker, wheel)
    assert changed == []
    assert page.idle_lock_minutes() == 5
    assert bar.value() != before  # the page scrolled instead
    picker.setFocus()  # chosen on purpose: now the wheel works as usual
    qtbot.waitUntil(picker.hasFocus)
    QApplication.sendEvent(picker, wheel)
    assert changed != []
