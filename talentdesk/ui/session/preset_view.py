"""The active boundary preset, in view during a session.

"Never" items come first (in red), then "ask me", then "OK". Clicking an item shows
the decline replies linked to it in the reply panel, so a push on a boundary is
answered in two clicks.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QBrush, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from talentdesk.domain import BoundaryAnswer, BoundaryItem, BoundaryPreset
from talentdesk.ui.session.messages import SessionMessages
from talentdesk.ui.session.style import ANSWER_COLOURS
from talentdesk.ui.widgets import TranslatedWidget, make_button, make_label

_ORDER = {BoundaryAnswer.NEVER: 0, BoundaryAnswer.ASK: 1, BoundaryAnswer.OK: 2}
ITEM_ROLE = int(Qt.ItemDataRole.UserRole) + 1


class _ListWideRows(QStyledItemDelegate):
    """Rows as wide as the list, each as tall as its text wrapped at that width.

    QListView asks a delegate for a row's size with whatever rect it has at hand: laying
    the rows out it wraps at the list's width, placing one it wraps at the width the row
    got before. After a resize the two differ, and a row is drawn one line shorter than
    the room left for it (a blank line under it, its text elided) or wider than the list.
    """

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        view = self._view
        width = max(1, view.viewport().width() - 2 * view.spacing())
        at_width = QStyleOptionViewItem(option)
        at_width.rect = QRect(0, 0, width, max(1, option.rect.height()))
        return QSize(width, super().sizeHint(at_width, index).height())


class PresetView(TranslatedWidget):
    """The boundaries in force: which preset (chosen here too), and its items, "never" first.

    Each line reads in the preset's language: its answer ("never") in the words of the
    preset, not of the app, so a line never mixes two languages.

    Signals:
        item_chosen(object): The talent clicked a ``BoundaryItem``.
        preset_chosen(object): The talent picked another preset to put in force (its id),
            or None for none.
    """

    item_chosen = Signal(object)
    preset_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presetView")
        self._words = SessionMessages(self)
        self._preset: BoundaryPreset | None = None
        self._presets: tuple[BoundaryPreset, ...] = ()
        self.title = make_label("heading", name="presetViewTitle")
        # A menu rather than a combo box: the card is narrow, a menu as wide as its names.
        self.chooser = make_button("quiet", name="presetChooser")
        self.menu = QMenu(self.chooser)
        self.menu.setObjectName("presetMenu")
        self.chooser.setMenu(self.menu)
        self._choices = QActionGroup(self)
        self._choices.setExclusive(True)
        self.name = make_label("muted", name="presetViewName")
        self.items = QListWidget()
        self.items.setObjectName("presetItems")
        self.items.setCursor(Qt.CursorShape.PointingHandCursor)
        self.items.setWordWrap(True)
        self.items.setSpacing(3)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.items.setItemDelegate(_ListWideRows(self.items))
        self.hint = make_label("small", name="presetViewHint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        # "Change" beside the name of the preset it changes, not beside the title: the
        # card then needs no room for the title's longest word and the button side by
        # side, which at the session window's smallest (in English) was more than it had.
        chosen = QHBoxLayout()
        chosen.setSpacing(8)
        chosen.addWidget(self.name, 1)
        chosen.addWidget(self.chooser, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(chosen)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.hint)
        self._connect_signals()
        self.retranslate()

    def _connect_signals(self) -> None:
        self.items.itemClicked.connect(self._clicked)
        self._choices.triggered.connect(self._chosen)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Wrapped items keep the heights of their first width otherwise (and elide).
        self.items.doItemsLayout()

    @property
    def preset(self) -> BoundaryPreset | None:
        """The preset on show."""
        return self._preset

    def set_preset(self, preset: BoundaryPreset | None) -> None:
        """Show ``preset`` (None: no preset chosen)."""
        self._preset = preset
        self.retranslate()

    def set_presets(self, presets: list[BoundaryPreset]) -> None:
        """Offer ``presets`` to choose from; those in the app's language first."""
        language = self._words.app_language()
        self._presets = tuple(
            sorted(presets, key=lambda p: (p.language not in (language, None), p.name.lower()))
        )
        self._fill_chooser()

    def _fill_chooser(self) -> None:
        ids: list[str | None] = [None, *(p.id for p in self._presets)]
        if [a.data() for a in self._choices.actions()] != ids:
            # New presets: new actions (the old ones go later, never under a live signal).
            for action in self._choices.actions():
                self._choices.removeAction(action)
                self.menu.removeAction(action)
                action.deleteLater()
            for preset_id in ids:
                action = QAction(self.menu)
                action.setCheckable(True)
                action.setData(preset_id)
                self._choices.addAction(action)
                self.menu.addAction(action)
        names = {p.id: p for p in self._presets}
        active = self._preset.id if self._preset is not None else None
        for action in self._choices.actions():
            preset = names.get(action.data())
            if preset is None:
                action.setText(self.tr("No boundary preset"))
            else:
                language = self._words.language_name(preset.language) if preset.language else ""
                action.setText(f"{preset.name} · {language}" if language else preset.name)
            action.setChecked(action.data() == active)

    def choices(self) -> list[tuple[str, str | None]]:
        """The presets on offer, as the menu says them, with their ids (None: none)."""
        return [(a.text(), a.data()) for a in self.menu.actions()]

    def choose(self, preset_id: str | None) -> None:
        """Pick ``preset_id`` as the talent would in the menu."""
        for action in self.menu.actions():
            if action.data() == preset_id:
                action.trigger()
                return

    def _chosen(self, action: QAction) -> None:
        chosen = action.data()
        active = self._preset.id if self._preset is not None else None
        if chosen != active:
            self.preset_chosen.emit(chosen if isinstance(chosen, str) else None)

    def _clicked(self, item: QListWidgetItem) -> None:
        boundary = item.data(ITEM_ROLE)
        if isinstance(boundary, BoundaryItem):
            self.item_chosen.emit(boundary)

    def _fill(self) -> None:
        self.items.clear()
        preset = self._preset
        if preset is None:
            return
        for boundary in sorted(preset.items, key=lambda i: _ORDER[i.answer]):
            answer = self._words.answer_in(boundary.answer, preset.language)
            # Made by the list itself, not as a Python QListWidgetItem: clearing the list
            # deletes those under their Python wrappers, and PySide then crashes now and
            # then (seen in the layout check).
            self.items.addItem(f"{answer} · {boundary.label}")
            item = self.items.item(self.items.count() - 1)
            item.setData(ITEM_ROLE, boundary)
            item.setForeground(QBrush(ANSWER_COLOURS[boundary.answer.value]))
            item.setToolTip(self.tr("Click to see the decline replies for this boundary."))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Your boundaries"))
        self.chooser.setText(self.tr("Change"))
        self.chooser.setToolTip(self.tr("The boundary preset in force for your sessions"))
        self._fill_chooser()
        preset = self._preset
        if preset is None:
            self.name.setText(
                self.tr(
                    "No boundary preset is in force. Choose one with Change, or on the "
                    "Boundaries page."
                )
            )
        else:
            language = self._words.language_name(preset.language) if preset.language else ""
            self.name.setText(f"{preset.name} · {language}" if language else preset.name)
        self.hint.setText(self.tr("Click a boundary to see its decline replies."))
        self.hint.setVisible(preset is not None)
        self._fill()
