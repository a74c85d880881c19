"""Boundaries: what the talent is OK with, wants to be asked about, or never does.

Presets are listed the talent's own first, then the agency's, each with its language;
checking one puts it in force (one click). The chosen preset's items are set to
OK / ask me / never with three buttons, and each "never" item links the decline
replies to suggest when a customer pushes on it. Changing an agency preset makes the
talent's own copy (the service does it; the agency's stays listed). A preset travels
as a file: export writes one, import adds one as the talent's own, with clear words
for every file that cannot be imported.

Without a session controller (no vault unlocked) the page keeps its honest empty state.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from talentdesk.domain import BoundaryAnswer, BoundaryItem, BoundaryPreset, DeclineReply, Source
from talentdesk.sessions.boundaries import (
    MAX_LINKED_REPLIES,
    BoundaryError,
    ImportResult,
    PresetImportError,
)
from talentdesk.sessions.replies import slot_of
from talentdesk.ui.bridge import LatestOnly
from talentdesk.ui.pages.empty_state import EditingPage
from talentdesk.ui.session.boundary_models import (
    BoundaryItemsModel,
    ItemColumn,
    PresetListModel,
)
from talentdesk.ui.session.controller import SessionController
from talentdesk.ui.session.messages import SessionMessages
from talentdesk.ui.widgets import (
    Callout,
    Card,
    Columns,
    ask_to_confirm,
    keep_tall_enough,
    make_button,
    make_label,
    wrap_cells,
)

log = logging.getLogger(__name__)

#: What a preset file is called in the file dialogs' filter.
FILE_PATTERN = "*.json"
NOTE_MS = 6000


@dataclass(frozen=True)
class _Loaded:
    presets: list[BoundaryPreset]
    active_id: str | None
    problems: int


@dataclass(frozen=True)
class _PresetDetail:
    preset: BoundaryPreset
    linked: dict[str, list[DeclineReply]]


class LinkRepliesDialog(QDialog):
    """Choose the decline replies a boundary suggests (at most ten, in the order ticked).

    Args:
        item: The boundary.
        replies: Every reply the talent sees.
    """

    def __init__(
        self, item: BoundaryItem, replies: list[DeclineReply], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("linkRepliesDialog")
        self.item = item
        self._words = SessionMessages(self)
        self._order: list[str] = [slot_of(rid) for rid in item.decline_reply_ids]
        self.intro = make_label("body", name="linkIntro")
        self.list = QListWidget()
        self.list.setObjectName("linkedReplies")
        self.list.setWordWrap(True)
        self.list.setMinimumSize(520, 320)
        self.limit = make_label("small", name="linkLimit")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        linked = set(self._order)
        for reply in replies:
            code = f"/{reply.shortcode} · " if reply.shortcode else ""
            # Made by the list, not as a Python item (see PresetView._fill).
            self.list.addItem(f"{code}{self._words.reply_style(reply.style)}\n{reply.text}")
            entry = self.list.item(self.list.count() - 1)
            entry.setData(Qt.ItemDataRole.UserRole, slot_of(reply.id))
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(
                Qt.CheckState.Checked if slot_of(reply.id) in linked else Qt.CheckState.Unchecked
            )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 18)
        layout.setSpacing(10)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.limit)
        layout.addWidget(self.buttons)
        keep_tall_enough(self)
        self._connect_signals()
        self.retranslate()

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemChanged.connect(self._changed)

    def _changed(self, entry: QListWidgetItem) -> None:
        slot = str(entry.data(Qt.ItemDataRole.UserRole))
        if entry.checkState() == Qt.CheckState.Checked:
            if slot not in self._order:
                self._order.append(slot)
        elif slot in self._order:
            self._order.remove(slot)
        self._update()

    def chosen(self) -> list[str]:
        """The linked reply ids, in the order they were ticked."""
        return list(self._order)

    def set_checked(self, reply_id: str, checked: bool) -> None:
        """Tick a reply on or off (as a click would)."""
        for row in range(self.list.count()):
            entry = self.list.item(row)
            if entry.data(Qt.ItemDataRole.UserRole) == slot_of(reply_id):
                entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _update(self) -> None:
        too_many = len(self._order) > MAX_LINKED_REPLIES
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not too_many)
        self.limit.setText(
            self.tr("%n of at most 10 chosen.", "", len(self._order))
            if not too_many
            else self._words.boundary_error("too_many_replies")
        )

    def retranslate(self) -> None:
        """Set every text."""
        self.setWindowTitle(self.tr("Decline replies"))
        self.intro.setText(
            self.tr(
                "Which replies should TalentDesk suggest when a customer asks for: %1?"
            ).replace("%1", self.item.label)
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Link"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._update()


class BoundariesPage(EditingPage):
    """The talent's boundary presets, the one in force, and their items.

    ``session`` as for :class:`~talentdesk.ui.pages.empty_state.EditingPage`.
    """

    def __init__(
        self, session: SessionController | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent, name="boundaries", note_ms=NOTE_MS)
        self._words = SessionMessages(self)
        self._loader = (
            LatestOnly(
                session.run,
                self._read_presets,
                self._presets_loaded,
                self._load_failed,
                receiver=self,
            )
            if session is not None
            else None
        )
        self._detail: _PresetDetail | None = None
        self._select_after: str | None = None
        self.file_dialog: QFileDialog | None = None
        self.link_dialog: LinkRepliesDialog | None = None
        self.name_dialog: QInputDialog | None = None
        self.confirm_dialog: QMessageBox | None = None
        self.presets_title = make_label("heading", wrap=False, name="presetsTitle")
        self.presets_hint = make_label("small", name="presetsHint")
        self.presets_model = PresetListModel(self)
        self.presets_view = QListView()
        self.presets_view.setObjectName("presetList")
        self.presets_view.setModel(self.presets_model)
        self.presets_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.presets_view.setWordWrap(True)
        self.import_button = make_button(name="importPreset")
        self.export_button = make_button(name="exportPreset")
        self.preset_title = make_label("title", name="presetTitle")
        self.preset_subtitle = make_label("muted", name="presetSubtitle")
        self.use_button = make_button("primary", name="usePreset")
        self.copy_note = Callout("note", name="agencyCopyNote")
        self.items_model = BoundaryItemsModel(self)
        self.items_view = QTreeView()
        self.items_view.setObjectName("boundaryItems")
        self.items_view.setModel(self.items_model)
        self.items_view.setRootIsDecorated(False)
        self.items_view.setItemsExpandable(False)
        self.items_view.setAllColumnsShowFocus(True)
        self.items_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.items_view.header()
        header.setSectionResizeMode(ItemColumn.BOUNDARY, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ItemColumn.ANSWER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ItemColumn.REPLIES, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        # Labels wrap, never "…": a talent editing her boundaries reads each one whole.
        wrap_cells(self.items_view)
        self.answer_buttons: dict[BoundaryAnswer, QPushButton] = {}
        self._answers = QButtonGroup(self)
        self._answers.setExclusive(True)
        for answer in BoundaryAnswer:
            button = make_button(name=f"answer_{answer.value}")
            button.setProperty("role", "answer")
            button.setCheckable(True)
            self._answers.addButton(button)
            self.answer_buttons[answer] = button
        self.link_button = make_button(name="linkReplies")
        self.never_note = Callout("warning", name="neverNote")
        self.duplicate_button = make_button(name="duplicatePreset")
        self.rename_button = make_button(name="renamePreset")
        self.delete_button = make_button(name="deletePreset")
        self.error = Callout("error", name="boundariesError")
        self.saved = Callout("success", name="boundariesNote")
        self.problems = Callout("warning", name="boundariesProblems")
        self._set_up()

    # ------------------------------------------------------------------ layout

    def _build_layout(self) -> None:
        presets_card = Card(margins=20)
        presets_card.setObjectName("presetsCard")
        presets_card.body.addWidget(self.presets_title)
        presets_card.body.addWidget(self.presets_hint)
        presets_card.body.addWidget(self.presets_view, 1)
        files = QHBoxLayout()
        files.addWidget(self.import_button)
        files.addWidget(self.export_button)
        presets_card.body.addLayout(files)

        detail = Card(margins=22)
        detail.setObjectName("presetCard")
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.preset_title)
        titles.addWidget(self.preset_subtitle)
        head.addLayout(titles, 1)
        head.addWidget(self.use_button, 0, Qt.AlignmentFlag.AlignTop)
        answers = QHBoxLayout()
        answers.setSpacing(6)
        for button in self.answer_buttons.values():
            answers.addWidget(button)
        answers.addStretch(1)
        link = QHBoxLayout()
        link.addWidget(self.link_button)
        link.addStretch(1)
        manage = QHBoxLayout()
        manage.addWidget(self.duplicate_button)
        manage.addWidget(self.rename_button)
        manage.addWidget(self.delete_button)
        manage.addStretch(1)
        body = detail.body
        body.addLayout(head)
        body.addWidget(self.copy_note)
        body.addWidget(self.items_view, 1)
        body.addLayout(answers)
        body.addLayout(link)
        body.addWidget(self.never_note)
        body.addWidget(self.error)
        body.addWidget(self.saved)
        body.addLayout(manage)

        self.presets_view.setMinimumHeight(160)
        self.items_view.setMinimumHeight(180)
        columns = Columns(
            presets_card, detail, side_by_side_from=700, stretches=(0, 1), first_width=300
        )
        self._lay_out_content(columns)
        for widget in (self.error, self.saved, self.problems, self.never_note, self.copy_note):
            widget.hide()

    def _connect_signals(self) -> None:
        self.presets_view.selectionModel().selectionChanged.connect(self._preset_selected)
        self.presets_model.activate_requested.connect(self.activate)
        self.items_view.selectionModel().selectionChanged.connect(self._item_selected)
        for answer, button in self.answer_buttons.items():
            button.clicked.connect(lambda _checked=False, answer=answer: self.set_answer(answer))
        self.use_button.clicked.connect(self._use_clicked)
        self.link_button.clicked.connect(self._link_clicked)
        self.import_button.clicked.connect(self._import_clicked)
        self.export_button.clicked.connect(self._export_clicked)
        self.duplicate_button.clicked.connect(self._duplicate_clicked)
        self.rename_button.clicked.connect(self._rename_clicked)
        self.delete_button.clicked.connect(self._delete_clicked)
        self.action_button.clicked.connect(self._import_clicked)
        if self._session is not None:
            self._session.presets_changed.connect(self.refresh)
            self._session.replies_changed.connect(self._reload_detail)

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:
        """Load the presets again (on the bridge); overlapping calls are merged."""
        if self._loader is not None:
            self._loader.request()

    def _read_presets(self) -> _Loaded:
        """Blocking: runs on the bridge."""
        assert self._session is not None
        book = self._session.boundaries
        active = book.active()
        return _Loaded(book.presets(), active.id if active else None, len(book.problems()))

    def _presets_loaded(self, loaded: _Loaded) -> None:
        self._loaded = True
        keep = self._select_after or (self._detail.preset.id if self._detail else None)
        self._select_after = None
        self.presets_model.set_presets(loaded.presets, loaded.active_id)
        self._show_content(bool(loaded.presets))
        self.problems.setVisible(loaded.problems > 0)
        self.problems.setText(
            self.tr(
                "%n preset(s) could not be read: the vault's check failed. Ask your agency to "
                "send its presets again if one is missing.",
                "",
                loaded.problems,
            )
        )
        row = self.presets_model.row_of(keep) if keep else None
        if row is None and loaded.active_id is not None:
            row = self.presets_model.row_of(loaded.active_id)
        if row is None and loaded.presets:
            row = 0
        if row is not None:
            self.select_preset_row(row)
            self._reload_detail()
        else:
            self._detail = None
            self.items_model.set_items(())
        self._update()

    def _load_failed(self, exc: Exception) -> None:
        log.warning("presets not loaded: %s", type(exc).__name__)
        self._show_error(self.tr("The boundaries could not be loaded. Try again."))

    def select_preset_row(self, row: int) -> None:
        """Select a preset's row."""
        self.presets_view.selectionModel().setCurrentIndex(
            self.presets_model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def select_preset(self, preset_id: str) -> bool:
        """Select a preset; False if it is not listed."""
        row = self.presets_model.row_of(preset_id)
        if row is None:
            return False
        self.select_preset_row(row)
        return True

    def selected_preset(self) -> BoundaryPreset | None:
        """The preset selected in the list."""
        rows = self.presets_view.selectionModel().selectedRows()
        return self.presets_model.preset_at(rows[0].row()) if rows else None

    def _preset_selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._error = None
        self._reload_detail()

    def _reload_detail(self) -> None:
        session, preset = self._session, self.selected_preset()
        if session is None or preset is None:
            return
        book = session.boundaries

        def work() -> _PresetDetail:
            fresh = book.get(preset.id) or preset
            linked = {
                item.key: book.replies.resolve(item.decline_reply_ids) for item in fresh.items
            }
            return _PresetDetail(fresh, linked)

        def loaded(detail: _PresetDetail) -> None:
            selected = self.selected_preset()
            if selected is not None and selected.id == detail.preset.id:
                self._show_detail(detail)

        session.run(work, loaded, self._load_failed, receiver=self)

    def _show_detail(self, detail: _PresetDetail) -> None:
        selected = self.selected_item()
        key = selected.key if selected is not None else None
        self._detail = detail
        self.items_model.set_items(detail.preset.items, detail.linked)
        row = self.items_model.row_of(key) if key else None
        if row is not None:
            self.items_view.selectionModel().setCurrentIndex(
                self.items_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._update()

    def selected_item(self) -> BoundaryItem | None:
        """The boundary item selected in the table."""
        rows = self.items_view.selectionModel().selectedRows()
        return self.items_model.item_at(rows[0].row()) if rows else None

    def select_item(self, key: str) -> bool:
        """Select a boundary item; False if it is not listed."""
        row = self.items_model.row_of(key)
        if row is None:
            return False
        self.items_view.selectionModel().setCurrentIndex(
            self.items_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    def _item_selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._update()

    # ------------------------------------------------------------------ changes

    def _change(
        self,
        work_name: str,
        work: Callable[[], object],
        *,
        note: str | None = None,
    ) -> None:
        """Run a change of the boundary book, then load everything again."""
        session = self._session
        if session is None:
            return

        def done(result: object) -> None:
            if isinstance(result, BoundaryPreset):
                self._select_after = result.id
            if note:
                self._show_note(note)
            session.changed_presets()

        def failed(exc: Exception) -> None:
            if isinstance(exc, BoundaryError):
                self._show_error(self._words.boundary_error(exc.key))
            else:
                log.warning("boundary change %s failed: %s", work_name, type(exc).__name__)
                self._show_error(self.tr("The change could not be saved. Try again."))

        session.run(work, done, failed, receiver=self)

    def activate(self, preset_id: str | None) -> None:
        """Put a preset in force (None: no preset)."""
        session = self._session
        if session is None:
            return
        book = session.boundaries
        self._change("activate", lambda: book.activate(preset_id))

    def _use_clicked(self) -> None:
        preset = self.selected_preset()
        if preset is not None:
            self.activate(preset.id)

    def set_answer(self, answer: BoundaryAnswer) -> None:
        """OK / ask me / never for the selected item (an agency preset is copied first)."""
        session, preset, item = self._session, self.selected_preset(), self.selected_item()
        if session is None or preset is None or item is None or item.answer is answer:
            self._update()
            return
        book = session.boundaries
        self._change("answer", lambda: book.set_answer(preset.id, item.key, answer))

    def _link_clicked(self) -> None:
        session, item = self._session, self.selected_item()
        if session is None or item is None:
            return
        replies = session.replies

        def shown(all_replies: list[DeclineReply]) -> None:
            dialog = LinkRepliesDialog(item, all_replies, self)
            dialog.finished.connect(lambda result: self._linked(dialog, result))
            self.link_dialog = dialog
            dialog.open()

        session.run(lambda: replies.replies(), shown, receiver=self)

    def _linked(self, dialog: LinkRepliesDialog, result: int) -> None:
        self.link_dialog = None
        dialog.deleteLater()
        session, preset = self._session, self.selected_preset()
        if result != QDialog.DialogCode.Accepted or session is None or preset is None:
            return
        book, key, chosen = session.boundaries, dialog.item.key, dialog.chosen()
        self._change("link", lambda: book.link_replies(preset.id, key, chosen))

    def _duplicate_clicked(self) -> None:
        session, preset = self._session, self.selected_preset()
        if session is None or preset is None:
            return
        book = session.boundaries
        name = self.tr("%1 (my copy)").replace("%1", preset.name)[:80]
        self._change("duplicate", lambda: book.duplicate(preset.id, name))

    def _rename_clicked(self) -> None:
        preset = self.selected_preset()
        if preset is None:
            return
        dialog = QInputDialog(self)
        dialog.setObjectName("renamePresetDialog")
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setWindowTitle(self.tr("Rename preset"))
        dialog.setLabelText(self.tr("New name:"))
        dialog.setTextValue(preset.name)
        dialog.setOkButtonText(self.tr("Rename"))
        dialog.setCancelButtonText(self.tr("Cancel"))
        dialog.finished.connect(lambda result: self._renamed(dialog, result, preset))
        self.name_dialog = dialog
        dialog.open()

    def _renamed(self, dialog: QInputDialog, result: int, preset: BoundaryPreset) -> None:
        self.name_dialog = None
        dialog.deleteLater()
        session = self._session
        if session is None or result != QDialog.DialogCode.Accepted:
            return
        book, name = session.boundaries, dialog.textValue()
        self._change("rename", lambda: book.rename(preset.id, name))

    def _delete_clicked(self) -> None:
        preset = self.selected_preset()
        if preset is None or preset.source is Source.AGENCY:
            return
        self.confirm_dialog = ask_to_confirm(
            self,
            name="deletePresetDialog",
            title=self.tr("Delete preset"),
            text=self.tr("Delete your preset “%1”?").replace("%1", preset.name),
            confirm=self.tr("Delete"),
            keep=self.tr("Keep it"),
            decided=lambda delete: self._delete_decided(delete, preset),
        )

    def _delete_decided(self, delete: bool, preset: BoundaryPreset) -> None:
        self.confirm_dialog = None
        session = self._session
        if session is None or not delete:
            return
        book = session.boundaries
        self._detail = None
        self._change("delete", lambda: book.delete(preset.id), note=self.tr("Deleted."))

    # ------------------------------------------------------------------ files

    def _export_clicked(self) -> None:
        preset = self.selected_preset()
        if preset is None:
            return
        dialog = QFileDialog(self, self.tr("Export boundary preset"))
        dialog.setObjectName("exportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Boundary presets (%1)").replace("%1", FILE_PATTERN))
        dialog.setDefaultSuffix("json")
        dialog.selectFile(f"{preset.name}.json")
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        dialog.finished.connect(lambda _r: self._file_dialog_done(dialog))
        self.file_dialog = dialog
        dialog.open()

    def _import_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Import boundary preset"))
        dialog.setObjectName("importDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(
            [
                self.tr("Boundary presets (%1)").replace("%1", FILE_PATTERN),
                self.tr("All files (*)"),
            ]
        )
        dialog.fileSelected.connect(lambda path: self.import_from(Path(path)))
        dialog.finished.connect(lambda _r: self._file_dialog_done(dialog))
        self.file_dialog = dialog
        dialog.open()

    def _file_dialog_done(self, dialog: QFileDialog) -> None:
        if self.file_dialog is dialog:
            self.file_dialog = None
        dialog.deleteLater()

    def export_to(self, path: Path) -> None:
        """Write the selected preset to ``path`` (on the bridge)."""
        session, preset = self._session, self.selected_preset()
        if session is None or preset is None:
            return
        book = session.boundaries

        def done(_none: None) -> None:
            self._show_note(
                self.tr("Exported “%1” to %2.").replace("%1", preset.name).replace("%2", str(path))
            )

        def failed(exc: Exception) -> None:
            if isinstance(exc, BoundaryError):
                self._show_error(self._words.boundary_error(exc.key))
            elif isinstance(exc, OSError):
                self._show_error(
                    self.tr("The file could not be written: %1").replace(
                        "%1", exc.strerror or type(exc).__name__
                    )
                )
            else:
                self._show_error(self.tr("The preset could not be exported."))

        session.run(lambda: book.export(preset.id, path), done, failed, receiver=self)

    def import_from(self, path: Path) -> None:
        """Add the preset in ``path`` as the talent's own (on the bridge)."""
        session = self._session
        if session is None:
            return
        book = session.boundaries

        def done(result: ImportResult) -> None:
            note = self.tr("Imported “%1” as your own preset.").replace("%1", result.preset.name)
            if result.dropped_reply_links:
                note += " " + self.tr(
                    "%n linked reply(ies) are not in TalentDesk here and were left out.",
                    "",
                    result.dropped_reply_links,
                )
            self._select_after = result.preset.id
            self._show_note(note)
            session.changed_presets()

        def failed(exc: Exception) -> None:
            if isinstance(exc, PresetImportError):
                self._show_error(self._words.import_error(exc.key, exc.detail))
            else:
                log.warning("preset import failed: %s", type(exc).__name__)
                self._show_error(self.tr("The preset could not be imported."))

        session.run(lambda: book.import_file(path), done, failed, receiver=self)

    # ------------------------------------------------------------------ texts

    def _show_error(self, text: str) -> None:
        self._error = text
        self._note = None
        self._render_messages()

    def _render_messages(self) -> None:
        self.error.setVisible(self._error is not None)
        self.error.setText(self._error or "")
        self.saved.setVisible(self._note is not None)
        self.saved.setText(self._note or "")

    def _update(self) -> None:
        detail = self._detail
        preset = detail.preset if detail is not None else None
        item = self.selected_item()
        active = preset is not None and preset.id == self.presets_model.active_id
        if preset is None:
            self.preset_title.setText(self.tr("Choose a preset"))
            self.preset_subtitle.setText("")
        else:
            self.preset_title.setText(preset.name)
            state = self.tr("In force") if active else self.tr("Not in force")
            self.preset_subtitle.setText(f"{self.presets_model.subtitle(preset)} · {state}")
        self.use_button.setEnabled(preset is not None and not active)
        self.use_button.setText(self.tr("In force") if active else self.tr("Use this preset"))
        agency = preset is not None and preset.source is Source.AGENCY
        self.copy_note.setVisible(agency)
        for answer, button in self.answer_buttons.items():
            button.setEnabled(item is not None)
            button.setChecked(item is not None and item.answer is answer)
        self.link_button.setEnabled(item is not None)
        self.export_button.setEnabled(preset is not None)
        self.duplicate_button.setEnabled(preset is not None)
        self.rename_button.setEnabled(preset is not None)
        self.delete_button.setVisible(preset is not None and not agency)
        nevers = [
            i.label
            for i in (preset.items if preset is not None else ())
            if i.answer is BoundaryAnswer.NEVER and not self.items_model.linked(i.key)
        ]
        self.never_note.setVisible(bool(nevers))
        self.never_note.setText(
            self.tr(
                "No decline reply is linked to: %1. Link one so it is ready in a session."
            ).replace("%1", ", ".join(nevers))
        )
        self._render_messages()

    def retranslate(self) -> None:
        self.page_title.setText(self.tr("Boundaries"))
        self.heading.setText(self.tr("No boundaries set yet"))
        self.body.setText(
            self.tr(
                "Your boundaries appear here: what is OK, what you want to be asked about "
                "first, and what you never do."
            )
        )
        self.hint.setText(
            self.tr(
                "Your agency's boundary presets arrive when you pair with your agency; you can "
                "then adjust each one to suit you."
            )
        )
        self.action_button.setText(self.tr("Import a preset…"))
        self.action_button.setVisible(self._session is not None)
        self.presets_title.setText(self.tr("Presets"))
        self.presets_hint.setText(self.tr("Tick the preset to use; one is in force at a time."))
        self.import_button.setText(self.tr("Import…"))
        self.export_button.setText(self.tr("Export…"))
        self.copy_note.setText(
            self.tr(
                "This is your agency's preset. Changing it makes your own copy, which is then "
                "in force if this one was; the agency's stays as it is."
            )
        )
        for answer, button in self.answer_buttons.items():
            button.setText(self._words.answer(answer))
        self.link_button.setText(self.tr("Decline replies…"))
        self.duplicate_button.setText(self.tr("Duplicate"))
        self.rename_button.setText(self.tr("Rename…"))
        self.delete_button.setText(self.tr("Delete…"))
        self.presets_model.retranslate()
        self.items_model.retranslate()
        self._update()
