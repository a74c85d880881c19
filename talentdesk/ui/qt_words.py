"""Qt's own words in Bahasa Indonesia: the right-click menu of every text field.

Qt ships no Indonesian catalogue (no ``qtbase_id``), so without this a text field in the
Indonesian desk offers "Undo, Cut, Copy, Paste, Select All". :class:`QtWordsTranslator`
knows the few strings of Qt's own that the desk shows and answers nothing for the rest
(Qt then keeps its English), so it is installed beside the app's translator.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QObject, QTranslator

_EDITING: Final = {
    "&Undo": "&Urungkan",
    "&Redo": "U&langi",
    "Cu&t": "&Potong",
    "&Copy": "&Salin",
    "Copy &Link Location": "Salin &alamat tautan",
    "&Paste": "&Tempel",
    "Delete": "Hapus",
    "Select All": "Pilih semua",
}

#: Indonesian for (Qt's class, its English source): QLineEdit's context menu, and
#: QWidgetTextControl's (QPlainTextEdit's and QTextEdit's); a spin box adds its steps.
WORDS_ID: Final[dict[tuple[str, str], str]] = {
    **{("QLineEdit", source): text for source, text in _EDITING.items()},
    **{("QWidgetTextControl", source): text for source, text in _EDITING.items()},
    ("QAbstractSpinBox", "&Step up"): "&Naikkan",
    ("QAbstractSpinBox", "Step &down"): "&Turunkan",
}


class QtWordsTranslator(QTranslator):
    """Answers :data:`WORDS_ID` and nothing else (None: Qt asks the next translator)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def translate(
        self,
        context: str,
        source: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        # None is Qt's null string, "not translated here"; "" would blank the text.
        return WORDS_ID.get((context, source))

    def isEmpty(self) -> bool:
        return False
