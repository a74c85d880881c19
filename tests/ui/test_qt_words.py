"""Qt's own words in Indonesian: the right-click menu of text fields follows the desk's
language (Qt ships no Indonesian catalogue)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from talentdesk.ui.language import LanguageSwitcher

INDONESIAN = [
    "&Urungkan\tCtrl+Z",
    "U&langi\tCtrl+Y",
    "&Potong\tCtrl+X",
    "&Salin\tCtrl+C",
    "&Tempel\tCtrl+V",
    "Hapus",
    "Pilih semua\tCtrl+A",
]
ENGLISH = [
    "&Undo\tCtrl+Z",
    "&Redo\tCtrl+Y",
    "Cu&t\tCtrl+X",
    "&Copy\tCtrl+C",
    "&Paste\tCtrl+V",
    "Delete",
    "Select All\tCtrl+A",
]


@pytest.fixture
def switcher() -> Iterator[LanguageSwitcher]:
    made = LanguageSwitcher()
    yield made
    made.uninstall()


def menu_texts(field: QWidget) -> list[str]:
    assert isinstance(field, QLineEdit | QPlainTextEdit)
    menu = field.createStandardContextMenu()
    texts = [action.text() for action in menu.actions() if not action.isSeparator()]
    menu.deleteLater()
    return texts


def test_text_fields_right_click_menu_speaks_the_desks_language(
    qtbot: QtBot, switcher: LanguageSwitcher
) -> None:
    line, box = QLineEdit("kata"), QPlainTextEdit("kata")
    for field in (line, box):
        qtbot.addWidget(field)
    switcher.set_language("id")
    assert menu_texts(line) == INDONESIAN
    assert menu_texts(box) == INDONESIAN
    # The app's own catalogue still answers first.
    assert QCoreApplication.translate("MainWindow", "Today") == "Hari ini"

    switcher.set_language("en")
    assert menu_texts(line) == ENGLISH
    assert menu_texts(box) == ENGLISH
    switcher.set_language("id")
    assert menu_texts(line) == INDONESIAN
