"""The reply search panel: type, see the service's ranking, click to copy the filled-in text.

Used in the session window (copying counts as answering for the reply-pace meter)
and in the compact window's pins. The search runs on the bridge as the talent types;
an answer to an older query is dropped. A reply with blanks (``{?reason}``) asks for
them in :class:`BlanksDialog` before it is copied.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSizePolicy,
    QStyle,
    QStyleOptionFrame,
    QVBoxLayout,
    QWidget,
)

from talentdesk.domain import DeclineReply
from talentdesk.sessions.replies import (
    Blank,
    MissingBlanksError,
    ReplyError,
    ReplyValues,
    SearchHit,
    empty_variables,
)
from talentdesk.sessions.replies import blanks as reply_blanks
from talentdesk.ui.bridge import LatestOnly
from talentdesk.ui.session.controller import SessionController
from talentdesk.ui.session.messages import SessionMessages
from talentdesk.ui.session.reply_list import ReplyListModel, make_reply_view
from talentdesk.ui.widgets import (
    Callout,
    TranslatedWidget,
    ask_to_confirm,
    keep_tall_enough,
    make_button,
    make_combo,
    make_label,
)

#: Language filter choices: the talent's replies in one language, or both.
BOTH = ""
#: How long the "copied" note stays.
NOTE_MS = 6000
#: The widest a blank's field grows to show its hint whole.
HINT_MAX_WIDTH = 560
# A search's answer: the hits and the pinned replies.
_Found = tuple[list[SearchHit], list[DeclineReply]]


def blank_label(blank: Blank) -> str:
    """A blank's name as a field label (``{?bad_word}`` → "Bad word")."""
    name = blank.name.replace("_", " ").strip()
    return name[:1].upper() + name[1:]


class BlanksDialog(QDialog):
    """Asks for a reply's blanks before it is copied.

    Args:
        reply: The reply.
        blanks: Its blanks, in order.
    """

    def __init__(
        self, reply: DeclineReply, blanks: Sequence[Blank], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("blanksDialog")
        self.reply = reply
        self.blanks = tuple(blanks)
        self.fields: dict[str, QLineEdit] = {}
        self.intro = make_label("body", name="blanksIntro")
        self.preview = make_label("muted", name="blanksPreview")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        form = QFormLayout()
        form.setSpacing(10)
        for blank in self.blanks:
            field = QLineEdit()
            field.setObjectName(f"blank_{blank.name}")
            field.setMaxLength(200)
            self.fields[blank.name] = field
            label = QLabel(blank_label(blank) + ("" if blank.required else " *"))
            label.setBuddy(field)
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 18)
        layout.setSpacing(12)
        layout.addWidget(self.intro)
        layout.addWidget(self.preview)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        keep_tall_enough(self, min_width=460)
        self._connect_signals()
        self.retranslate()
        self._update()

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for field in self.fields.values():
            field.textChanged.connect(self._update)

    def answers(self) -> dict[str, str]:
        """What the talent typed, by blank name."""
        return {name: field.text().strip() for name, field in self.fields.items()}

    def _update(self) -> None:
        ready = all(self.fields[b.name].text().strip() for b in self.blanks if b.required)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(ready)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            # After the button box's own retranslation, which puts Qt's "OK" back over
            # "Copy" (each widget hears of the language in no given order).
            QTimer.singleShot(0, self, self.retranslate)

    def retranslate(self) -> None:
        """Set every text."""
        self.setWindowTitle(self.tr("Fill in the reply"))
        self.intro.setText(self.tr("This reply has blanks for you to fill in before copying."))
        self.preview.setText(self.reply.text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Copy"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        for blank in self.blanks:
            field = self.fields[blank.name]
            if blank.required:
                field.setPlaceholderText(self.tr("Required"))
            else:
                field.setPlaceholderText(
                    self.tr("Optional: left empty, it says “%1”").replace(
                        "%1", blank.fallback or ""
                    )
                )
            _fit_hint(field)


def _fit_hint(field: QLineEdit) -> None:
    """Make ``field`` as wide as its hint needs, up to :data:`HINT_MAX_WIDTH` (a fallback
    is the talent's own words, of any length): the hint says what an empty field becomes,
    so it is read whole; past that width it is cut, and whole in the tooltip."""
    field.ensurePolished()
    option = QStyleOptionFrame()
    field.initStyleOption(option)
    contents = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
    margins = field.textMargins()
    # Qt keeps 2 px between the text and each side of the contents, less the margins.
    around = option.rect.width() - contents.width() + margins.left() + margins.right() + 4
    hint = field.placeholderText()
    needed = field.fontMetrics().horizontalAdvance(hint) + around + 1
    field.setMinimumWidth(min(needed, HINT_MAX_WIDTH))
    field.setToolTip(hint if needed > HINT_MAX_WIDTH else "")


class ReplyCopier(QObject):
    """Copies a reply for a widget: asks for its blanks first, if it has any.

    Args:
        session: The session controller that copies.
        owner: The widget the blanks dialog belongs to.

    Attributes:
        dialog: The blanks dialog while it is open.
    """

    def __init__(self, session: SessionController, owner: QWidget) -> None:
        super().__init__(owner)
        self._session = session
        self._owner = owner
        self.dialog: BlanksDialog | None = None
        self.warning: QMessageBox | None = None

    def copy(self, reply: DeclineReply) -> None:
        """Copy ``reply`` filled in (after the blanks dialog when it has blanks).

        A reply with a variable that would come out empty (``{talent}`` while no working
        name is set) asks first: the gap would go to the customer.
        """
        empty = empty_variables(reply.text, self._session.reply_values())
        if not empty:
            self._copy(reply)
            return
        if self.warning is not None:
            self.warning.reject()
        names = ", ".join("{" + name + "}" for name in empty)
        text = self.tr("This reply uses %1, which TalentDesk cannot fill in now.").replace(
            "%1", names
        )
        if "talent" in empty:
            details = self.tr(
                "{talent} is your working name, and it is not set yet: copied now, the reply "
                "leaves it out. Set it in Settings → Your working name."
            )
        else:
            details = self.tr("Copied now, the reply leaves it out.")

        def decided(copy: bool) -> None:
            self.warning = None
            if copy:
                self._copy(reply)

        self.warning = ask_to_confirm(
            self._owner,
            name="emptyVariablesWarning",
            icon=QMessageBox.Icon.Warning,
            role=QMessageBox.ButtonRole.AcceptRole,
            title=self.tr("Copy with a gap?"),
            text=text,
            details=details,
            confirm=self.tr("Copy anyway"),
            keep=self.tr("Don't copy"),
            decided=decided,
        )

    def _copy(self, reply: DeclineReply) -> None:
        needed = reply_blanks(reply.text)
        if not needed:
            self._session.copy_reply(reply)
            return
        if self.dialog is not None:
            self.dialog.reject()
        dialog = BlanksDialog(reply, needed, self._owner)
        dialog.finished.connect(lambda result: self._answered(dialog, result))
        self.dialog = dialog
        dialog.open()

    def _answered(self, dialog: BlanksDialog, result: int) -> None:
        if self.dialog is dialog:
            self.dialog = None
        if result == QDialog.DialogCode.Accepted:
            self._session.copy_reply(dialog.reply, dialog.answers())
        dialog.deleteLater()


class ReplySearchPanel(TranslatedWidget):
    """Search the ready replies and copy one in a click.

    Args:
        session: The session controller (its reply language is the one shown first).

    Signals:
        copy_started(str): A reply is being copied (its id).
    """

    copy_started = Signal(str)

    def __init__(self, session: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replySearch")
        self._session = session
        self._words = SessionMessages(self)
        self._search: LatestOnly[_Found] = LatestOnly(
            session.run,
            None,
            lambda found: self._show([hit.reply for hit in found[0]], found[1]),
            receiver=self,
            newest_only=True,
        )
        self._pinned: tuple[DeclineReply, ...] = ()
        self._linked_label: str | None = None
        self._copied: DeclineReply | None = None
        self.copier = ReplyCopier(session, self)
        self.title = make_label("heading", name="replySearchTitle")
        self.field = QLineEdit()
        self.field.setObjectName("replySearchField")
        self.field.setClearButtonEnabled(True)
        self.language = make_combo("replyLanguage")
        for code in ("id", "en", BOTH):
            self.language.addItem("", code)
        self.language.setCurrentIndex(
            max(0, self.language.findData(session.reply_language or BOTH))
        )
        self.model = ReplyListModel(self)
        self.view = make_reply_view(self.model)
        self.view.setCursor(Qt.CursorShape.PointingHandCursor)
        self.linked_note = make_label("muted", name="linkedNote")
        self.show_all_button = make_button(name="showAllReplies")
        self.empty_note = make_label("muted", name="replySearchEmpty")
        self.hint = make_label("small", name="replySearchHint")
        self.note = Callout("success", name="copiedNote")
        self.error = Callout("error", name="copyError")
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_MS)
        self._build_layout()
        self._connect_signals()
        self._fill_values()
        self.retranslate()
        self.refresh()

    def _build_layout(self) -> None:
        # The language beside the title: the search field keeps the whole width to itself.
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.title, 1)
        top.addWidget(self.language, 0, Qt.AlignmentFlag.AlignTop)
        self.language.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        linked = QHBoxLayout()
        linked.addWidget(self.linked_note, 1)
        linked.addWidget(self.show_all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.field)
        layout.addLayout(linked)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.hint)
        for widget in (self.linked_note, self.show_all_button, self.empty_note, self.note):
            widget.hide()
        self.error.hide()

    def _connect_signals(self) -> None:
        self.field.textChanged.connect(self._query_changed)
        self.field.returnPressed.connect(self.copy_current)
        self.language.currentIndexChanged.connect(self._query_changed)
        self.view.clicked.connect(self._clicked)
        self.view.activated.connect(self._clicked)
        self.show_all_button.clicked.connect(self.show_all)
        self._note_timer.timeout.connect(self.note.hide)
        session = self._session
        session.replies_changed.connect(self.refresh)
        session.reply_language_changed.connect(self.set_language)
        session.context_changed.connect(self._fill_values)
        session.session_changed.connect(self._fill_values)
        session.reply_copied.connect(self._copied_reply)
        session.failed.connect(self._step_failed)

    # ------------------------------------------------------------------ searching

    def _fill_values(self, *_args: object) -> None:
        # The working name and the package, not the minutes left (they change each minute).
        values = self._session.reply_values()
        self.model.set_values(ReplyValues(talent=values.talent, package=values.package))

    def language_code(self) -> str | None:
        """The language filter: "id", "en", or None for both."""
        code = self.language.currentData()
        return str(code) if code else None

    def set_language(self, code: str | None) -> None:
        """Show replies in ``code`` ("id", "en"), or in both for None."""
        self.language.setCurrentIndex(max(0, self.language.findData(code or BOTH)))

    def _query_changed(self) -> None:
        self._linked_label = None
        self._session.set_reply_language(self.language_code())
        self.refresh()

    def refresh(self) -> None:
        """Search again with what is typed (on the bridge); older answers are dropped."""
        if self._linked_label is not None:
            return
        query, language = self.field.text(), self.language_code()
        replies = self._session.replies

        def work() -> _Found:
            # Pins are numbered over both languages: Ctrl+3 is the same reply whatever
            # the language filter shows.
            return replies.search(query, language), replies.pinned()

        self._search.request(work)

    def _show(self, replies: Sequence[DeclineReply], pinned: Sequence[DeclineReply]) -> None:
        self._pinned = tuple(pinned)
        self.model.set_replies(replies, pinned)
        if replies:
            self.view.setCurrentIndex(self.model.index(0, 0))
        self._update_notes()

    def show_linked(self, label: str, replies: Sequence[DeclineReply]) -> None:
        """Show only the decline replies linked to one boundary (``label``)."""
        self._search.drop()  # a search still running must not replace these
        self._linked_label = label
        self.model.set_replies(replies, self._pinned)
        if replies:
            self.view.setCurrentIndex(self.model.index(0, 0))
        self._update_notes()

    def show_all(self) -> None:
        """Leave a boundary's replies and search again."""
        self._linked_label = None
        self.refresh()

    def pinned(self) -> tuple[DeclineReply, ...]:
        """The pinned replies in Ctrl+1…Ctrl+9 order, for the language on show."""
        return self._pinned

    # ------------------------------------------------------------------ copying

    def _clicked(self, index: QModelIndex | QPersistentModelIndex) -> None:
        reply = self.model.reply_at(index.row())
        if reply is not None:
            self.copy_reply(reply)

    def copy_current(self) -> None:
        """Copy the reply under the cursor (Enter in the search field)."""
        reply = self.model.reply_at(self.view.currentIndex().row())
        if reply is not None:
            self.copy_reply(reply)

    def copy_pinned(self, number: int) -> bool:
        """Copy the pinned reply of Ctrl+``number``, in whichever language; False if none.

        With none pinned there, the panel says so rather than doing nothing.
        """
        if not 1 <= number <= len(self._pinned):
            self.error.setText(
                self.tr("Nothing is pinned at Ctrl+%1. Pin replies on the Replies page.").replace(
                    "%1", str(number)
                )
            )
            self.error.show()
            return False
        self.copy_reply(self._pinned[number - 1])
        return True

    def copy_reply(self, reply: DeclineReply) -> None:
        """Copy a reply, asking for its blanks first if it has any."""
        self.error.hide()
        self.copy_started.emit(reply.id)
        self.copier.copy(reply)

    @property
    def blanks_dialog(self) -> BlanksDialog | None:
        """The blanks dialog while it is open."""
        return self.copier.dialog

    def _copied_reply(self, reply: DeclineReply, _text: str) -> None:
        self._copied = reply
        self._update_notes()
        self.note.show()
        self._note_timer.start()

    def _step_failed(self, step: str, exc: Exception) -> None:
        if step != "copy":
            return
        if isinstance(exc, MissingBlanksError):
            self.error.setText(self._words.missing_blanks(exc.names))
        elif isinstance(exc, ReplyError):
            self.error.setText(self._words.reply_error(exc.key))
        else:
            self.error.setText(self.tr("The reply could not be copied. Try again."))
        self.error.show()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and self.field.hasFocus():
            self.view.setFocus()
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ texts

    def _update_notes(self) -> None:
        linked = self._linked_label is not None
        self.linked_note.setVisible(linked)
        self.show_all_button.setVisible(linked)
        if linked:
            self.linked_note.setText(
                self.tr("Decline replies for: %1").replace("%1", self._linked_label or "")
            )
        empty = self.model.rowCount() == 0
        self.empty_note.setVisible(empty)
        if linked:
            self.empty_note.setText(
                self.tr("No decline reply is linked to this boundary yet (see Boundaries).")
            )
        elif self.field.text().strip():
            self.empty_note.setText(self.tr("No reply matches. Try fewer letters."))
        else:
            self.empty_note.setText(
                self.tr("No ready replies yet: they arrive with your agency's settings.")
            )
        copied = self._copied
        if copied is not None:
            code = f"/{copied.shortcode}" if copied.shortcode else ""
            text = self.tr("Copied %1 — paste it into your chat.").replace("%1", code).strip()
            shown = self.language_code()
            if shown is not None and copied.language != shown:
                # A pinned reply in the other language: say so, it is not on the list.
                text += " " + self.tr("(It is in %1.)").replace(
                    "%1", self._words.language_name(copied.language)
                )
            self.note.setText(" ".join(text.split()))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Ready replies"))
        self.field.setPlaceholderText(self.tr("Search /shortcode or words"))
        names = {"id": self._words.language_name("id"), "en": self._words.language_name("en")}
        for row in range(self.language.count()):
            code = str(self.language.itemData(row) or "")
            self.language.setItemText(row, names.get(code, self.tr("Both languages")))
        self.show_all_button.setText(self.tr("Show all"))
        self.hint.setText(
            self.tr("Click a reply to copy it. Ctrl+1…Ctrl+9 copy your pinned replies.")
        )
        self.model.retranslate()
        self._update_notes()
