"""The active boundary preset, in view during a session.

"Never" items come first (in red), then "ask me", then "OK". Clicking an item shows
the decline replies linked to it in the reply panel, so a push on a boundary is
answered in two clicks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QResizeEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from talentdesk.domain import BoundaryAnswer, BoundaryItem, BoundaryPreset
from talentdesk.ui.session.messages import SessionMessages
from talentdesk.ui.session.style import ANSWER_COLOURS
from talentdesk.ui.widgets import TranslatedWidget, make_label

_ORDER = {BoundaryAnswer.NEVER: 0, BoundaryAnswer.ASK: 1, BoundaryAnswer.OK: 2}
ITEM_ROLE = int(Qt.ItemDataRole.UserRole) + 1


class PresetView(TranslatedWidget):
    """The boundaries in force: the preset's name and its items, "never" first.

    Signals:
        item_chosen(object): The talent clicked a ``BoundaryItem``.
    """

    item_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presetView")
        self._words = SessionMessages(self)
        self._preset: BoundaryPreset | None = None
        self.title = make_label("heading", wrap=False, name="presetViewTitle")
        self.name = make_label("muted", name="presetViewName")
        self.items = QListWidget()
        self.items.setObjectName("presetItems")
        self.items.setCursor(Qt.CursorShape.PointingHandCursor)
        self.items.setWordWrap(True)
        self.items.setSpacing(3)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.hint = make_label("small", name="presetViewHint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.name)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.hint)
        self._connect_signals()
        self.retranslate()

    def _connect_signals(self) -> None:
        self.items.itemClicked.connect(self._clicked)

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
            item = QListWidgetItem(f"{self._words.answer(boundary.answer)} · {boundary.label}")
            item.setData(ITEM_ROLE, boundary)
            item.setForeground(QBrush(ANSWER_COLOURS[boundary.answer.value]))
            item.setToolTip(self.tr("Click to see the decline replies for this boundary."))
            self.items.addItem(item)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Your boundaries"))
        preset = self._preset
        if preset is None:
            self.name.setText(
                self.tr("No boundary preset is active. Choose one on the Boundaries page.")
            )
        else:
            language = self._words.language_name(preset.language)
            self.name.setText(f"{preset.name} · {language}")
        self.hint.setText(self.tr("Click a boundary to see its decline replies."))
        self.hint.setVisible(preset is not None)
        self._fill()
