"""Boundary presets and their items as item models, for the Boundaries page.

The preset list is checkable like a row of radio buttons: checking a preset asks for
it to become the active one (the page does it through the boundary book and loads
the list again); unchecking the active one asks for none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from talentdesk.domain import BoundaryAnswer, BoundaryItem, BoundaryPreset, DeclineReply, Source
from talentdesk.sessions.boundaries import copy_of
from talentdesk.ui.item_models import ColumnsModel, find_row, item_flags
from talentdesk.ui.session.messages import SessionMessages
from talentdesk.ui.session.style import ANSWER_COLOURS, MUTED_COLOUR

ModelIndex = QModelIndex | QPersistentModelIndex

#: The ``BoundaryPreset`` of a row.
PRESET_ROLE = int(Qt.ItemDataRole.UserRole) + 1
#: The preset's id.
PRESET_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 2
#: The ``BoundaryItem`` of a row (any column).
ITEM_ROLE = int(Qt.ItemDataRole.UserRole) + 3
#: The item's key.
ITEM_KEY_ROLE = int(Qt.ItemDataRole.UserRole) + 4

_WARNING = QColor("#92400e")


class PresetListModel(QAbstractListModel):
    """Presets, the talent's own first; the active one checked.

    Signals:
        activate_requested(object): The talent checked a preset (its id) or unchecked
            the active one (None).
    """

    activate_requested = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._presets: tuple[BoundaryPreset, ...] = ()
        self._active: str | None = None
        self._words = SessionMessages(self)
        self._bold = QFont()
        self._bold.setBold(True)

    def set_presets(self, presets: Sequence[BoundaryPreset], active_id: str | None) -> None:
        """Show ``presets`` with ``active_id`` checked."""
        self.beginResetModel()
        self._presets = tuple(presets)
        self._active = active_id
        self.endResetModel()

    def presets(self) -> tuple[BoundaryPreset, ...]:
        """The presets on show."""
        return self._presets

    @property
    def active_id(self) -> str | None:
        """The active preset's id as shown."""
        return self._active

    def preset_at(self, row: int) -> BoundaryPreset | None:
        """The preset of a row, or None."""
        return self._presets[row] if 0 <= row < len(self._presets) else None

    def row_of(self, preset_id: str) -> int | None:
        """The row of a preset, or None."""
        return find_row(self._presets, lambda preset: preset.id, preset_id)

    def subtitle(self, preset: BoundaryPreset) -> str:
        """Whose preset it is and its language."""
        if preset.source is Source.AGENCY:
            owner = self._words.source(Source.AGENCY)
        elif copy_of(preset.id) is not None:
            owner = self.tr("Mine · changed from the agency's")
        else:
            owner = self._words.source(Source.PERSONAL)
        return f"{owner} · {self._words.language_name(preset.language)}"

    def retranslate(self) -> None:
        """Every text changed (the language was switched)."""
        if self._presets:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._presets) - 1, 0))

    # ------------------------------------------------------------------ the model API

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._presets)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return item_flags(index, Qt.ItemFlag.ItemIsUserCheckable)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.column() != 0:
            return None
        preset = self.preset_at(index.row())
        if preset is None:
            return None
        active = preset.id == self._active
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{preset.name}\n{self.subtitle(preset)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if active:
                return self.tr("In force now. Uncheck to use no preset.")
            return self.tr("Check to put this preset in force.")
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if active else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole:
            return QFont(self._bold) if active else None
        if role == PRESET_ROLE:
            return preset
        if role == PRESET_ID_ROLE:
            return preset.id
        return None

    def setData(
        self, index: ModelIndex, value: object, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        preset = self.preset_at(index.row())
        if preset is None:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked if value is not None else False
        wanted = preset.id if checked else None
        if not checked and self._active != preset.id:
            return False
        previous = self.row_of(self._active) if self._active is not None else None
        self._active = wanted
        for row in {index.row(), previous}:
            if row is not None:
                changed = self.index(row, 0)
                self.dataChanged.emit(changed, changed)
        self.activate_requested.emit(wanted)
        return True


class ItemColumn(IntEnum):
    """The columns of a preset's items."""

    BOUNDARY = 0
    ANSWER = 1
    REPLIES = 2


class BoundaryItemsModel(ColumnsModel):
    """One preset's items: the boundary, OK / ask me / never, and the linked decline replies."""

    columns = tuple(ItemColumn)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: tuple[BoundaryItem, ...] = ()
        self._linked: dict[str, tuple[DeclineReply, ...]] = {}
        self._words = SessionMessages(self)

    def set_items(
        self,
        items: Sequence[BoundaryItem],
        linked: Mapping[str, Sequence[DeclineReply]] | None = None,
    ) -> None:
        """Show ``items``; ``linked`` gives each item's decline replies that exist."""
        self.beginResetModel()
        self._items = tuple(items)
        self._linked = {key: tuple(replies) for key, replies in (linked or {}).items()}
        self.endResetModel()

    def items(self) -> tuple[BoundaryItem, ...]:
        """The items on show."""
        return self._items

    def item_at(self, row: int) -> BoundaryItem | None:
        """The item of a row, or None."""
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, key: str) -> int | None:
        """The row of an item, or None."""
        return find_row(self._items, lambda item: item.key, key)

    def linked(self, key: str) -> tuple[DeclineReply, ...]:
        """The decline replies an item links (those that exist)."""
        return self._linked.get(key, ())

    def retranslate(self) -> None:
        """Every text changed (the language was switched)."""
        self.all_texts_changed()

    # ------------------------------------------------------------------ the model API

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def header(self, column: int) -> str:
        return {
            ItemColumn.BOUNDARY: self.tr("Boundary"),
            ItemColumn.ANSWER: self.tr("Your answer"),
            ItemColumn.REPLIES: self.tr("Decline replies"),
        }[ItemColumn(column)]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.column() < len(ItemColumn):
            return None
        item = self.item_at(index.row())
        if item is None:
            return None
        column = ItemColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self._colour(item, column)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and column is ItemColumn.REPLIES:
            replies = self.linked(item.key)
            return "\n\n".join(r.text for r in replies) if replies else None
        if role == ITEM_ROLE:
            return item
        if role == ITEM_KEY_ROLE:
            return item.key
        return None

    def _text(self, item: BoundaryItem, column: ItemColumn) -> str:
        if column is ItemColumn.BOUNDARY:
            return item.label
        if column is ItemColumn.ANSWER:
            return self._words.answer(item.answer)
        replies = self.linked(item.key)
        if not replies:
            if item.answer is BoundaryAnswer.NEVER:
                return self.tr("None linked yet")
            return "—"
        codes = [
            f"/{r.shortcode}" if r.shortcode else self._words.reply_style(r.style) for r in replies
        ]
        return ", ".join(codes)

    def _colour(self, item: BoundaryItem, column: ItemColumn) -> QColor | None:
        if column is ItemColumn.ANSWER:
            return ANSWER_COLOURS[item.answer.value]
        if column is ItemColumn.REPLIES:
            if not self.linked(item.key) and item.answer is BoundaryAnswer.NEVER:
                return _WARNING
            return MUTED_COLOUR
        return None
