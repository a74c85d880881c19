"""Replies: ready-made opening, closing and decline replies, the agency's and the talent's own.

The list is the reply book's search (as the talent types, ranked by the service),
filtered by language and kind; each row says whose reply it is. The editor beside it
changes the kind, language, shortcode and text. Editing an agency reply saves the
talent's own version, which survives the agency's updates (the service keeps it);
"Use the agency's wording" throws that version away again. Pinned replies are
Ctrl+1…Ctrl+9 in a session.

Without a session controller (no vault unlocked) the page keeps its honest empty state.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from talentdesk.domain import DeclineReply, ReplyStyle, Source
from talentdesk.sessions.replies import (
    MAX_REPLY_CHARS,
    MAX_SHORTCODE_CHARS,
    ReplyError,
    edited_from,
    unknown_variables,
)
from talentdesk.ui.bridge import LatestOnly
from talentdesk.ui.language import current_language
from talentdesk.ui.pages.empty_state import EditingPage
from talentdesk.ui.session.controller import SessionController
from talentdesk.ui.session.messages import SessionMessages
from talentdesk.ui.session.reply_list import ReplyListModel, make_reply_view
from talentdesk.ui.session.reply_search import ReplyCopier
from talentdesk.ui.widgets import (
    Callout,
    Card,
    Columns,
    TextBox,
    ask_to_confirm,
    make_button,
    make_combo,
    make_label,
)

log = logging.getLogger(__name__)

#: The editor's language choices, in order.
LANGUAGE_CODES = ("id", "en")
#: The "saved" note stays this long.
NOTE_MS = 5000

# A search's answer: the replies found, the pinned ones, how many could not be read.
_Found = tuple[list[DeclineReply], list[DeclineReply], int]


class RepliesPage(EditingPage):
    """The talent's ready replies, with search and an editor.

    ``session`` as for :class:`~talentdesk.ui.pages.empty_state.EditingPage`.
    """

    def __init__(
        self, session: SessionController | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent, name="replies", note_ms=NOTE_MS)
        self._words = SessionMessages(self)
        self._search: LatestOnly[_Found] | None = (
            LatestOnly(
                session.run,
                None,
                lambda found: self._loaded_replies(*found),
                self._load_failed,
                receiver=self,
                newest_only=True,
            )
            if session is not None
            else None
        )
        self._editing: DeclineReply | None = None
        self._creating = False
        self._select_after: str | None = None
        self.confirm_dialog: QMessageBox | None = None
        # The list.
        self.search = QLineEdit()
        self.search.setObjectName("repliesSearch")
        self.search.setClearButtonEnabled(True)
        self.language_filter = make_combo("repliesLanguage")
        for code in ("", *LANGUAGE_CODES):
            self.language_filter.addItem("", code)
        self.style_filter = make_combo("repliesStyle")
        self.style_filter.addItem("", "")
        for style in ReplyStyle:
            self.style_filter.addItem("", style.value)
        self.model = ReplyListModel(self)
        self.view = make_reply_view(self.model)
        self.list_summary = make_label("muted", wrap=False, name="repliesSummary")
        self.new_button = make_button(name="newReply")
        # The editor.
        self.editor_title = make_label("heading", name="editorTitle")
        self.source_note = Callout("note", name="sourceNote")
        self.style_label = make_label("fieldLabel", wrap=False)
        self.style_box = make_combo("replyStyle")
        for style in ReplyStyle:
            self.style_box.addItem("", style.value)
        self.language_label = make_label("fieldLabel", wrap=False)
        self.language_box = make_combo("replyLanguageBox")
        for code in LANGUAGE_CODES:
            self.language_box.addItem("", code)
        self.shortcode_label = make_label("fieldLabel", wrap=False)
        self.shortcode = QLineEdit()
        self.shortcode.setObjectName("replyShortcode")
        self.shortcode.setMaxLength(MAX_SHORTCODE_CHARS + 1)
        self.text_label = make_label("fieldLabel", wrap=False)
        self.text = TextBox(lines=4)
        self.text.setObjectName("replyText")
        self.variables_hint = make_label("small", name="variablesHint")
        self.text_problem = make_label("small", name="textProblem")
        self.save_button = make_button("primary", name="saveReply")
        self.copy_button = make_button(name="copyReply")
        self.pin_button = make_button(name="pinReply")
        self.delete_button = make_button(name="deleteReply")
        self.revert_button = make_button(name="revertReply")
        self.cancel_button = make_button(name="cancelReply")
        self.error = Callout("error", name="repliesError")
        self.saved = Callout("success", name="repliesSaved")
        self.problems = Callout("warning", name="repliesProblems")
        self.list_card = Card(margins=20)
        self.list_card.setObjectName("repliesListCard")
        self.editor_card = Card(margins=20)
        self.editor_card.setObjectName("replyEditorCard")
        self.copier: ReplyCopier | None = ReplyCopier(session, self) if session else None
        self._set_up()

    # ------------------------------------------------------------------ layout

    def _build_layout(self) -> None:
        # The search has a line of its own: beside two filters it was squeezed under them.
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.language_filter, 1)
        filters.addWidget(self.style_filter, 1)
        list_footer = QHBoxLayout()
        list_footer.addWidget(self.list_summary, 1)
        list_footer.addWidget(self.new_button)
        # Small enough minimums that the page fits a 1366×768 screen with a reminder
        # banner on show: "New reply" and "Save" stay in view without scrolling.
        self.view.setMinimumHeight(150)
        self.list_card.body.addWidget(self.search)
        self.list_card.body.addLayout(filters)
        self.list_card.body.addWidget(self.view, 1)
        self.list_card.body.addLayout(list_footer)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        grid.addWidget(self.style_label, 0, 0)
        grid.addWidget(self.style_box, 0, 1)
        grid.addWidget(self.language_label, 1, 0)
        grid.addWidget(self.language_box, 1, 1)
        grid.addWidget(self.shortcode_label, 2, 0)
        grid.addWidget(self.shortcode, 2, 1)
        grid.setColumnStretch(1, 1)
        self.text.setMinimumHeight(80)
        for label, field in (
            (self.style_label, self.style_box),
            (self.language_label, self.language_box),
            (self.shortcode_label, self.shortcode),
            (self.text_label, self.text),
        ):
            label.setBuddy(field)
        actions = QHBoxLayout()
        actions.setSpacing(8)
        for button in (self.copy_button, self.pin_button, self.revert_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.save_button)
        body = self.editor_card.body
        body.setSpacing(10)  # with a banner on show, Save must stay above the fold at 1366×768
        body.addWidget(self.editor_title)
        body.addWidget(self.source_note)
        body.addLayout(grid)
        body.addWidget(self.text_label)
        body.addWidget(self.text, 1)
        body.addWidget(self.variables_hint)
        body.addWidget(self.text_problem)
        body.addWidget(self.error)
        body.addWidget(self.saved)
        body.addLayout(actions)

        columns = Columns(self.list_card, self.editor_card, side_by_side_from=760, stretches=(1, 1))
        self._lay_out_content(columns)
        for widget in (self.error, self.saved, self.problems, self.text_problem):
            widget.hide()

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self.refresh)
        self.language_filter.currentIndexChanged.connect(self.refresh)
        self.style_filter.currentIndexChanged.connect(self.refresh)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.new_button.clicked.connect(self.new_reply)
        self.action_button.clicked.connect(self.new_reply)
        self.save_button.clicked.connect(self.save)
        self.copy_button.clicked.connect(self._copy_clicked)
        self.pin_button.clicked.connect(self._pin_clicked)
        self.delete_button.clicked.connect(self._delete_clicked)
        self.revert_button.clicked.connect(self._revert_clicked)
        self.cancel_button.clicked.connect(self._cancel_clicked)
        self.text.textChanged.connect(self._text_edited)
        session = self._session
        if session is not None:
            session.replies_changed.connect(self.refresh)
            session.reply_copied.connect(self._copied)

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:
        """Search again (on the bridge) with what is typed and chosen; older answers are dropped."""
        session, search = self._session, self._search
        if session is None or search is None:
            return
        query = self.search.text()
        language = str(self.language_filter.currentData() or "") or None
        style = str(self.style_filter.currentData() or "")
        replies = session.replies

        def work() -> _Found:
            hits = replies.search(query, language, limit=None)
            found = [h.reply for h in hits if not style or h.reply.style.value == style]
            return found, replies.pinned(language), len(replies.problems())

        search.request(work)

    def _loaded_replies(
        self, replies: list[DeclineReply], pinned: list[DeclineReply], problems: int
    ) -> None:
        self._loaded = True
        keep = self._select_after or (self._editing.id if self._editing else None)
        self._select_after = None
        self.model.set_replies(replies, pinned)
        filtered = bool(self.search.text().strip()) or self.style_filter.currentIndex() > 0
        self._show_content(
            bool(replies) or filtered or self._creating or self.language_filter.currentIndex() > 0
        )
        self.problems.setVisible(problems > 0)
        self.problems.setText(
            self.tr(
                "%n reply(ies) could not be read: the vault's check failed. Ask your agency to "
                "send its replies again if one is missing.",
                "",
                problems,
            )
        )
        row = self.model.row_of(keep) if keep else None
        if row is not None:
            self._select_row(row)
        elif not self._creating:
            self._edit(None)
        self._update_summary()

    def _load_failed(self, exc: Exception) -> None:
        log.warning("replies not loaded: %s", type(exc).__name__)
        self._error = self.tr("The replies could not be loaded. Try again.")
        self._render_messages()

    def _select_row(self, row: int) -> None:
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def selected_reply(self) -> DeclineReply | None:
        """The reply selected in the list."""
        rows = self.view.selectionModel().selectedRows()
        return self.model.reply_at(rows[0].row()) if rows else None

    def select_reply(self, reply_id: str) -> bool:
        """Select a reply (by id or the agency id it stands in for); False if not listed."""
        row = self.model.row_of(reply_id)
        if row is None:
            return False
        self._select_row(row)
        return True

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        reply = self.selected_reply()
        if reply is not None:
            self._creating = False
            self._edit(reply)

    # ------------------------------------------------------------------ the editor

    def _edit(self, reply: DeclineReply | None) -> None:
        self._editing = reply
        self._error = None
        if reply is not None:
            self.style_box.setCurrentIndex(max(0, self.style_box.findData(reply.style.value)))
            self.language_box.setCurrentIndex(max(0, self.language_box.findData(reply.language)))
            self.shortcode.setText(reply.shortcode)
            self.text.setPlainText(reply.text)
        elif not self._creating:
            # Nothing selected: the idle editor shows what a new reply would start with.
            self.language_box.setCurrentIndex(max(0, self.language_box.findData(self._language())))
            self.shortcode.clear()
            self.text.clear()
        self._update_editor()

    def _language(self) -> str:
        # The UI's language: Qt's default locale follows a switch before the widgets hear
        # of it, so this is right inside a retranslation too.
        return current_language()

    def new_reply(self) -> None:
        """Start a new reply of the talent's own."""
        self._creating = True
        self._show_content(True)
        self.view.selectionModel().clearSelection()
        self._editing = None
        self._error = None
        language = str(self.language_filter.currentData() or "") or self._language()
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language)))
        style = str(self.style_filter.currentData() or "") or ReplyStyle.POLITE.value
        self.style_box.setCurrentIndex(max(0, self.style_box.findData(style)))
        self.shortcode.clear()
        self.text.clear()
        self.text.setFocus()
        self._update_editor()

    def _cancel_clicked(self) -> None:
        self._creating = False
        self._edit(self.selected_reply())

    def _text_edited(self) -> None:
        self._error = None  # it was about the text as it was saved
        self._text_changed()

    def _text_changed(self) -> None:
        text = self.text.toPlainText()
        unknown = unknown_variables(text)
        if len(text) > MAX_REPLY_CHARS:
            problem = self.tr("Too long: %1 of at most 1,000 characters.").replace(
                "%1", str(len(text))
            )
        elif unknown:
            problem = self.tr("TalentDesk cannot fill in: %1").replace(
                "%1", ", ".join("{" + name + "}" for name in unknown)
            )
        else:
            problem = ""
        self.text_problem.setText(problem)
        self._render_messages()

    def save(self) -> None:
        """Save the editor's reply: a new own reply, an edit, or the talent's version."""
        session = self._session
        if session is None or not (self._creating or self._editing is not None):
            return
        style = ReplyStyle(str(self.style_box.currentData()))
        language = str(self.language_box.currentData())
        text, code = self.text.toPlainText(), self.shortcode.text()
        replies = session.replies
        editing = self._editing

        def work() -> DeclineReply:
            if editing is None:
                return replies.create(style=style, language=language, text=text, shortcode=code)
            return replies.edit(
                editing.id, text=text, shortcode=code, style=style, language=language
            )

        def saved(reply: DeclineReply) -> None:
            self._creating = False
            self._editing = reply
            self._select_after = reply.id
            self._show_note(self.tr("Saved."))
            session.changed_replies()

        session.run(work, saved, self._failed, receiver=self)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, ReplyError):
            self._error = self._words.reply_error(exc.key)
        else:
            log.warning("reply change failed: %s", type(exc).__name__)
            self._error = self.tr("The change could not be saved. Try again.")
        self._render_messages()

    def _copy_clicked(self) -> None:
        reply = self._editing
        if reply is not None and self.copier is not None:
            self.copier.copy(reply)

    def _copied(self, reply: DeclineReply, _text: str) -> None:
        if self._editing is not None and reply.id == self._editing.id and self.isVisible():
            self._show_note(self.tr("Copied to the clipboard."))

    def _pin_clicked(self) -> None:
        session, reply = self._session, self._editing
        if session is None or reply is None:
            return
        replies = session.replies

        def work() -> object:
            return replies.unpin(reply.id) if reply.pinned else replies.pin(reply.id)

        def done(_pins: object) -> None:
            self._select_after = reply.id
            session.changed_replies()

        session.run(work, done, self._failed, receiver=self)

    def _delete_clicked(self) -> None:
        reply = self._editing
        if reply is None or reply.source is Source.AGENCY:
            return
        self.confirm_dialog = ask_to_confirm(
            self,
            name="deleteReplyDialog",
            title=self.tr("Delete reply"),
            text=self.tr("Delete this reply of your own? This cannot be undone."),
            confirm=self.tr("Delete"),
            keep=self.tr("Keep it"),
            decided=lambda delete: self._delete_decided(delete, reply),
        )

    def _delete_decided(self, delete: bool, reply: DeclineReply) -> None:
        self.confirm_dialog = None
        session = self._session
        if session is None or not delete:
            return
        replies = session.replies

        def done(_none: None) -> None:
            self._editing = None
            self._show_note(self.tr("Deleted."))
            session.changed_replies()

        session.run(lambda: replies.delete(reply.id), done, self._failed, receiver=self)

    def _revert_clicked(self) -> None:
        session, reply = self._session, self._editing
        if session is None or reply is None or edited_from(reply.id) is None:
            return
        replies = session.replies

        def done(original: DeclineReply) -> None:
            self._editing = original
            self._select_after = original.id
            self._show_note(self.tr("Back to the agency's wording."))
            session.changed_replies()

        session.run(lambda: replies.revert(reply.id), done, self._failed, receiver=self)

    # ------------------------------------------------------------------ texts

    def _render_messages(self) -> None:
        self.error.setVisible(self._error is not None)
        self.error.setText(self._error or "")
        # One message at a time: a refused save says what the line under the text says.
        self.text_problem.setVisible(bool(self.text_problem.text()) and self._error is None)
        active = self._creating or self._editing is not None
        too_long = len(self.text.toPlainText()) > MAX_REPLY_CHARS
        self.save_button.setEnabled(active and not too_long)
        self.saved.setVisible(self._note is not None and self._error is None)
        self.saved.setText(self._note or "")

    def _update_summary(self) -> None:
        self.list_summary.setText(self.tr("%n reply(ies)", "", self.model.rowCount()))

    def _update_editor(self) -> None:
        reply, creating = self._editing, self._creating
        active = creating or reply is not None
        for widget in (self.style_box, self.language_box, self.shortcode, self.text):
            widget.setEnabled(active)
        self.save_button.setEnabled(active)
        self.cancel_button.setVisible(creating)
        self.copy_button.setVisible(reply is not None)
        self.pin_button.setVisible(reply is not None)
        own = reply is not None and reply.source is Source.PERSONAL
        edited = reply is not None and edited_from(reply.id) is not None
        self.delete_button.setVisible(own and not edited)
        self.revert_button.setVisible(edited)
        if creating:
            self.editor_title.setText(self.tr("New reply of your own"))
        elif reply is None:
            self.editor_title.setText(self.tr("Select a reply to edit it, or make a new one."))
        else:
            self.editor_title.setText(self._words.reply_style(reply.style))
        if reply is not None and reply.source is Source.AGENCY:
            self.source_note.setText(
                self.tr(
                    "Your agency's reply. Change it and your version is kept as your own, "
                    "whatever the agency updates."
                )
            )
            self.source_note.show()
        elif edited:
            self.source_note.setText(
                self.tr(
                    "Your version of an agency reply, kept through the agency's updates. "
                    "“Use the agency's wording” brings the original back."
                )
            )
            self.source_note.show()
        else:
            self.source_note.hide()
        if reply is not None:
            self.pin_button.setText(self.tr("Unpin") if reply.pinned else self.tr("Pin"))
            self.pin_button.setToolTip(
                self.tr("Pinned replies are Ctrl+1…Ctrl+9 in a session, in pin order.")
            )
        self._render_messages()

    def retranslate(self) -> None:
        self.page_title.setText(self.tr("Replies"))
        self.heading.setText(self.tr("No ready replies yet"))
        self.body.setText(
            self.tr(
                "Your ready replies appear here: opening and closing replies, and decline "
                "replies (polite decline, humour, offer an alternative) for requests outside "
                "your boundaries, each one click away during a session."
            )
        )
        self.hint.setText(
            self.tr(
                "Your agency's default replies arrive when you pair with your agency; you can "
                "edit them and add your own."
            )
        )
        self.action_button.setText(self.tr("New reply"))
        self.action_button.setVisible(self._session is not None)
        self.search.setPlaceholderText(self.tr("Search by shortcode or words"))
        self.language_filter.setItemText(0, self.tr("Both languages"))
        for row, code in enumerate(LANGUAGE_CODES, start=1):
            self.language_filter.setItemText(row, self._words.language_name(code))
        self.style_filter.setItemText(0, self.tr("All kinds"))
        for row, style in enumerate(ReplyStyle, start=1):
            self.style_filter.setItemText(row, self._words.reply_style(style))
            self.style_box.setItemText(row - 1, self._words.reply_style(style))
        for row, code in enumerate(LANGUAGE_CODES):
            self.language_box.setItemText(row, self._words.language_name(code))
        if self._editing is None and not self._creating:
            self.language_box.setCurrentIndex(max(0, self.language_box.findData(self._language())))
        self.new_button.setText(self.tr("New reply"))
        self.style_label.setText(self.tr("Kind"))
        self.language_label.setText(self.tr("Language"))
        self.shortcode_label.setText(self.tr("Shortcode"))
        self.shortcode.setPlaceholderText(self.tr("e.g. tutup (typed as /tutup)"))
        self.text_label.setText(self.tr("Text"))
        self.variables_hint.setText(
            self.tr(
                "Filled in for you: {talent} your working name, {minutes_left} minutes left, "
                "{package} the package. {?reason} asks you when copying."
            )
        )
        self.save_button.setText(self.tr("Save"))
        self.copy_button.setText(self.tr("Copy"))
        self.delete_button.setText(self.tr("Delete…"))
        self.revert_button.setText(self.tr("Use the agency's wording"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.model.retranslate()
        self._update_summary()
        self._update_editor()
        self._text_changed()
