"""Language: chosen from --lang, then preferences, then the system; switched live, no restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from talentdesk.ui.application import TalentDeskApp
from talentdesk.ui.language import pick_language, system_language
from talentdesk.ui.main_window import MainWindow
from talentdesk.vault.prefs import Preferences, load_preferences, save_preferences
from tests.ui.conftest import (
    PASSPHRASE,
    AppFactory,
    unlock_with,
    wait_for_main_window,
    wait_for_step,
)


def visible_texts(window: MainWindow) -> list[str]:
    """Texts the talent sees: the side list, the page titles, a few Settings labels."""
    nav = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    pages = [
        window.today.page_title.text(),
        window.today.heading.text(),
        window.today.action_button.text(),
        window.safety.heading.text(),
        window.settings.page_title.text(),
        window.settings.lock_button.text(),
        window.settings.idle_minutes.currentText(),
        window.status_line.text(),
    ]
    return nav + pages


ENGLISH = [
    "Today",
    "Night summary",
    "Boundaries",
    "Replies",
    "Safety",
    "Settings",
    "Today",
    "No bookings yet",
    "Open Settings",
    "No escalations or reports",
    "Settings",
    "Lock now",
    "After 5 minutes",
    "Vault unlocked · protected by your passphrase",
]
INDONESIAN = [
    "Hari ini",
    "Ringkasan malam",
    "Batasan",
    "Balasan",
    "Keamanan",
    "Pengaturan",
    "Hari ini",
    "Belum ada booking",
    "Buka Pengaturan",
    "Belum ada eskalasi atau laporan",
    "Pengaturan",
    "Kunci sekarang",
    "Setelah 5 menit",
    "Brankas terbuka · dilindungi frasa sandi kamu",
]


def unlocked(qtbot: QtBot, app: TalentDeskApp) -> MainWindow:
    app.start()
    wait_for_step(qtbot, app, "passphrase")
    unlock_with(qtbot, app, PASSPHRASE)
    return wait_for_main_window(qtbot, app)


@pytest.mark.usefixtures("no_keyring", "passphrase_vault")
def test_switching_language_in_settings_retranslates_live(
    qtbot: QtBot, make_app: AppFactory, data_dir: Path
) -> None:
    app = make_app("en")
    window = unlocked(qtbot, app)
    assert visible_texts(window) == ENGLISH
    picker = window.settings.language_picker

    picker.setCurrentIndex(picker.findData("id"))
    qtbot.waitUntil(lambda: visible_texts(window) == INDONESIAN)
    assert app.languages.language == "id"
    assert load_preferences(data_dir).language == "id"
    # The hidden unlock screen follows too, and its own picker shows the choice.
    assert app.unlock_screen.passphrase.unlock_button.text() == "Buka kunci"
    assert app.unlock_screen.language_picker.currentData() == "id"

    picker.setCurrentIndex(picker.findData("en"))
    qtbot.waitUntil(lambda: visible_texts(window) == ENGLISH)
    assert load_preferences(data_dir).language == "en"
    assert app.unlock_screen.passphrase.unlock_button.text() == "Unlock"


@pytest.mark.usefixtures("no_keyring", "passphrase_vault")
def test_language_picked_on_the_unlock_screen(
    qtbot: QtBot, make_app: AppFactory, data_dir: Path
) -> None:
    app = make_app("en")
    app.start()
    wait_for_step(qtbot, app, "passphrase")
    step = app.unlock_screen.passphrase
    assert step.title.text() == "Unlock TalentDesk"
    picker = app.unlock_screen.language_picker
    picker.setCurrentIndex(picker.findData("id"))
    qtbot.waitUntil(lambda: step.title.text() == "Buka kunci TalentDesk")
    assert step.unlock_button.text() == "Buka kunci"
    assert load_preferences(data_dir).language == "id"

    # A message on show is retranslated too.
    unlock_with(qtbot, app, "salah")
    qtbot.waitUntil(step.error.isVisible, timeout=10_000)
    assert "salah" in step.error.text()
    picker.setCurrentIndex(picker.findData("en"))
    qtbot.waitUntil(lambda: "passphrase is wrong" in step.error.text())

    unlock_with(qtbot, app, PASSPHRASE)
    window = wait_for_main_window(qtbot, app)
    assert window.settings.language_picker.currentData() == "en"


@pytest.mark.usefixtures("no_keyring", "passphrase_vault")
def test_saved_language_is_used_at_start(
    qtbot: QtBot, make_app: AppFactory, data_dir: Path
) -> None:
    save_preferences(data_dir, Preferences(language="id"))
    window = unlocked(qtbot, make_app(None))
    assert visible_texts(window) == INDONESIAN


@pytest.mark.usefixtures("no_keyring", "passphrase_vault")
def test_command_line_language_wins_over_the_saved_one(
    qtbot: QtBot, make_app: AppFactory, data_dir: Path
) -> None:
    save_preferences(data_dir, Preferences(language="id"))
    window = unlocked(qtbot, make_app("en"))
    assert visible_texts(window) == ENGLISH
    assert load_preferences(data_dir).language == "id"  # --lang is for this run only


@pytest.mark.parametrize(
    ("requested", "preferred", "system", "expected"),
    [
        ("en", "id", "id", "en"),
        (None, "id", "en", "id"),
        (None, None, "id", "id"),
        (None, None, "en", "en"),
        ("xx", None, "id", "id"),
        (None, "fr", "en", "en"),
    ],
)
def test_pick_language_order(
    requested: str | None, preferred: str | None, system: str, expected: str
) -> None:
    assert pick_language(requested, preferred, system) == expected


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("id_ID", "id"),
        ("id", "id"),
        ("ms_MY", "id"),
        ("C", "id"),  # an unknown locale: Indonesian first
        ("POSIX", "id"),
        ("en_US", "en"),
        ("nl_NL", "en"),
    ],
)
def test_system_language_is_indonesian_first(locale: str, expected: str) -> None:
    assert system_language(QLocale(locale)) == expected
