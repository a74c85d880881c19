"""Small building blocks shared by the screens: labelled roles, cards, live retranslation."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def set_role(widget: QWidget, role: str) -> None:
    """Tag ``widget`` for the style sheet (see :mod:`talentdesk.ui.style`) and re-polish it."""
    widget.setProperty("role", role)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def make_label(role: str = "body", *, wrap: bool = True, name: str = "") -> QLabel:
    """A label with a style role; wrapped text by default (translations differ in length)."""
    label = QLabel()
    label.setProperty("role", role)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        label.setObjectName(name)
    return label


def ask_to_confirm(
    parent: QWidget,
    *,
    name: str,
    title: str,
    text: str,
    confirm: str,
    keep: str,
    decided: Callable[[bool], None],
    details: str = "",
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
    role: QMessageBox.ButtonRole = QMessageBox.ButtonRole.DestructiveRole,
) -> QMessageBox:
    """Ask once before an action, window-modal; keeping things as they are is the default.

    Args:
        name: the dialog's object name (tests and screenshots find it by that).
        confirm, keep: the two buttons' words; ``keep`` is the default and Esc.
        decided: called with True when ``confirm`` was chosen, False otherwise; the
            dialog deletes itself afterwards.
        details: a second paragraph, if any.

    Returns:
        The dialog, open (not blocking: the window goes on painting).
    """
    dialog = QMessageBox(parent)
    dialog.setObjectName(name)
    dialog.setIcon(icon)
    dialog.setWindowTitle(title)
    dialog.setText(text)
    if details:
        dialog.setInformativeText(details)
    yes = dialog.addButton(confirm, role)
    no = dialog.addButton(keep, QMessageBox.ButtonRole.RejectRole)
    dialog.setDefaultButton(no)
    dialog.setEscapeButton(no)

    def finished(_result: int) -> None:
        chosen = dialog.clickedButton() is yes
        dialog.deleteLater()
        decided(chosen)

    dialog.finished.connect(finished)
    dialog.open()
    return dialog


def make_button(role: str = "", *, name: str = "") -> QPushButton:
    """A push button, ``role="primary"`` for the one main action of a screen."""
    button = QPushButton()
    if role:
        button.setProperty("role", role)
    if name:
        button.setObjectName(name)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


def field_row(label: QLabel, field: QWidget, *, label_width: int = 270) -> QGridLayout:
    """A label and its field side by side (one row of :func:`field_grid`)."""
    return field_grid([(label, field)], label_width=label_width)


def field_grid(rows: Sequence[tuple[QLabel, QWidget]], *, label_width: int = 270) -> QGridLayout:
    """Labels and their fields in one grid, so every field starts at the same place."""
    grid = QGridLayout()
    grid.setHorizontalSpacing(16)
    grid.setVerticalSpacing(10)
    grid.setColumnMinimumWidth(0, label_width)
    for number, (label, field) in enumerate(rows):
        label.setBuddy(field)
        grid.addWidget(label, number, 0)
        grid.addWidget(field, number, 1)
    grid.setColumnStretch(2, 1)
    return grid


class Card(QFrame):
    """A white, rounded panel with generous padding; children go in :attr:`body`."""

    def __init__(self, parent: QWidget | None = None, *, margins: int = 28) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(margins, margins, margins, margins)
        self.body.setSpacing(12)


class Callout(QFrame):
    """A tinted box holding one message; ``role`` is "note", "warning", "error" or "success"."""

    def __init__(self, role: str, *, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", role)
        if name:
            self.setObjectName(name)
        self.label = make_label("callout")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.label)

    def text(self) -> str:
        """The message."""
        return self.label.text()

    def setText(self, text: str) -> None:
        """Show ``text``."""
        self.label.setText(text)

    def set_role(self, role: str) -> None:
        """Change the tint ("note", "warning", "error" or "success")."""
        if self.property("role") != role:
            set_role(self, role)
            set_role(self.label, "callout")


class TranslatedWidget(QWidget):
    """A widget whose texts follow the app language live.

    Subclasses set every visible text in :meth:`retranslate`, call it once at
    the end of ``__init__``, and never cache a translated string elsewhere.
    """

    def retranslate(self) -> None:
        """Set every visible text in the current language."""
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
