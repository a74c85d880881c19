"""Ctrl+Shift+E: the one escalate shortcut, in every window that can escalate.

Its own small module so the main window can bind it without importing the safety
widgets (the Safety page is built when first needed).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

#: The one shortcut for escalating, in every window that has an escalate button.
ESCALATE_KEYS = "Ctrl+Shift+E"


def make_escalate_shortcut(parent: QWidget, activated: Callable[[], object]) -> QShortcut:
    """Ctrl+Shift+E for the whole window of ``parent`` (also when a child has focus)."""
    shortcut = QShortcut(QKeySequence(ESCALATE_KEYS), parent)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    shortcut.setAutoRepeat(False)
    shortcut.activated.connect(activated)
    return shortcut
