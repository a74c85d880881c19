"""What the view's item models share: read-only rows, found by key, column headers.

Every list and table the talent reads (tonight's bookings, a preset's items, replies,
escalations, reports) is a read-only view over a tuple the page loaded: its rows are
enabled and selectable and have no children, a row is found by its key, and a language
switch asks for every text again.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

__all__ = ["READ_ONLY", "ColumnsModel", "find_row", "item_flags"]

ModelIndex = QModelIndex | QPersistentModelIndex
T = TypeVar("T")

#: The flags of a row the talent can select but not edit.
READ_ONLY = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)


def item_flags(index: ModelIndex, extra: Qt.ItemFlag = Qt.ItemFlag.NoItemFlags) -> Qt.ItemFlag:
    """:data:`READ_ONLY` (and ``extra``) for a valid index, nothing for the root."""
    return READ_ONLY | extra if index.isValid() else Qt.ItemFlag.NoItemFlags


def find_row(rows: Iterable[T], key: Callable[[T], str], wanted: str) -> int | None:
    """The number of the first row whose key is ``wanted``, or None."""
    for number, row in enumerate(rows):
        if key(row) == wanted:
            return number
    return None


class ColumnsModel(QAbstractTableModel):
    """A read-only table whose columns are an enum; subclasses say the rows and words.

    Subclasses set :attr:`columns`, implement ``rowCount``, ``data`` and :meth:`header`,
    and may give a header's alignment (:meth:`header_alignment`).
    """

    columns: tuple[enum.IntEnum, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def header(self, column: int) -> str:
        """The title of ``column``, in the current language."""
        raise NotImplementedError

    def header_alignment(self, column: int) -> object:
        """The alignment of ``column``'s title; None for the view's own."""
        return None

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return item_flags(index)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header(section)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.header_alignment(section)
        return None

    def all_texts_changed(self) -> None:
        """Every text changed (the language was switched): headers and cells."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        rows = self.rowCount()
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, len(self.columns) - 1))
