"""Report an incident: which session, what kind, what happened.

A report is about the live session or one that ended less than 24 hours ago; the
dialog lists the last few days' sessions, and one that ended too long ago says so in
its row and when picked (the agency must then be contacted directly). Filing runs on
the bridge; the agency's ticket number follows on the Safety page.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QListView,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from talentdesk.domain import IncidentCategory
from talentdesk.safety import Delivery, ReportView, SafetyError
from talentdesk.safety.reports import DESCRIPTION_MAX_CHARS
from talentdesk.ui.safety.controller import SafetyController
from talentdesk.ui.safety.messages import SafetyMessages
from talentdesk.ui.safety.models import SessionsModel
from talentdesk.ui.widgets import Callout, keep_tall_enough, make_button, make_combo, make_label
from talentdesk.workspace import SessionChoice

#: The categories in the order the talent sees them.
CATEGORIES: tuple[IncidentCategory, ...] = tuple(IncidentCategory)


class ReportDialog(QDialog):
    """File an incident report (non-modal: the session stays usable beside it).

    Args:
        safety: The safety controller.
        category: The category to start with (the playbook's suggestion), if any.
        booking_id: The session to pick first, if listed (default: the live one).

    Signals:
        filed(object): The ``ReportView`` once it is queued for the agency.
    """

    filed = Signal(object)

    def __init__(
        self,
        safety: SafetyController,
        parent: QWidget | None = None,
        *,
        category: IncidentCategory | None = None,
        booking_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setModal(False)
        self._safety = safety
        self._words = SafetyMessages(self)
        self._prefer = booking_id
        self._busy = False
        self._loaded = False
        self.report: ReportView | None = None
        self.title = make_label("title", name="reportTitle")
        self.sessions_label = make_label("fieldLabel", name="sessionsLabel")
        self.sessions = SessionsModel(self)
        self.sessions_view = QListView()
        self.sessions_view.setObjectName("sessionsView")
        self.sessions_view.setModel(self.sessions)
        self.sessions_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sessions_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sessions_view.setMaximumHeight(150)
        self.sessions_view.setWordWrap(True)
        self.sessions_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.sessions_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.no_sessions = make_label("muted", name="noSessions")
        self.too_late = Callout("warning", name="tooLate")
        self.category_label = make_label("fieldLabel", name="categoryLabel")
        self.category = make_combo("categoryBox")
        for value in CATEGORIES:
            self.category.addItem("", value.value)
        self.category.setCurrentIndex(CATEGORIES.index(category) if category is not None else -1)
        self.description_label = make_label("fieldLabel", name="descriptionLabel")
        self.description = QPlainTextEdit()
        self.description.setObjectName("descriptionField")
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(120)
        self.counter = make_label("small", wrap=False, name="descriptionCounter")
        self.privacy = make_label("small", name="reportPrivacy")
        self.error = Callout("error", name="reportError")
        self.cancel_button = make_button(name="cancelReport")
        self.file_button = make_button("primary", name="fileReport")
        self.done_title = make_label("title", name="reportDoneTitle")
        self.done_text = make_label("body", name="reportDoneText")
        self.close_button = make_button("primary", name="closeReport")
        self._pages = QStackedWidget()
        self._build_layout()
        self._connect_signals()
        keep_tall_enough(self, min_width=560)
        self.resize(QSize(620, 640))
        self.retranslate()
        self._update()
        self.load_sessions()

    # ------------------------------------------------------------------ layout

    def _build_layout(self) -> None:
        form = QWidget()
        column = QVBoxLayout(form)
        column.setContentsMargins(24, 20, 24, 18)
        column.setSpacing(8)
        column.addWidget(self.title)
        column.addSpacing(4)
        column.addWidget(self.sessions_label)
        column.addWidget(self.sessions_view)
        column.addWidget(self.no_sessions)
        column.addWidget(self.too_late)
        column.addSpacing(4)
        column.addWidget(self.category_label)
        column.addWidget(self.category)
        column.addSpacing(4)
        column.addWidget(self.description_label)
        column.addWidget(self.description, 1)
        column.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignRight)
        column.addWidget(self.privacy)
        column.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.file_button)
        column.addLayout(buttons)
        done = QWidget()
        done_column = QVBoxLayout(done)
        done_column.setContentsMargins(24, 24, 24, 18)
        done_column.setSpacing(10)
        done_column.addWidget(self.done_title)
        done_column.addWidget(self.done_text)
        done_column.addStretch(1)
        close_row = QHBoxLayout()
        close_row.addStretch(1)
        close_row.addWidget(self.close_button)
        done_column.addLayout(close_row)
        self._pages.addWidget(form)
        self._pages.addWidget(done)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._pages)
        for widget in (self.no_sessions, self.too_late, self.error):
            widget.hide()

    def _connect_signals(self) -> None:
        self.sessions_view.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.category.currentIndexChanged.connect(lambda _index: self._update())
        self.description.textChanged.connect(self._update)
        self.cancel_button.clicked.connect(self.reject)
        self.file_button.clicked.connect(self.file)
        self.close_button.clicked.connect(self.accept)
        self._safety.changed.connect(self._follow_report)

    # ------------------------------------------------------------------ sessions

    def load_sessions(self) -> None:
        """List the live session and the latest ended ones (on the bridge)."""
        self._safety.run(self._safety.recent_sessions, self._sessions_loaded, receiver=self)

    def _sessions_loaded(self, choices: list[SessionChoice]) -> None:
        self._loaded = True
        self.sessions.set_rows(choices)
        self.no_sessions.setVisible(not choices)
        self.sessions_view.setVisible(bool(choices))
        row = self._preferred_row(choices)
        if row is not None:
            self.select_row(row)
        self._update()

    def _preferred_row(self, choices: list[SessionChoice]) -> int | None:
        for row, choice in enumerate(choices):
            if self._prefer is not None and choice.booking_id == self._prefer:
                return row
        for row, choice in enumerate(choices):
            if not choice.too_late:
                return row
        return None

    def select_row(self, row: int) -> None:
        """Pick the session in ``row``."""
        self.sessions_view.selectionModel().setCurrentIndex(
            self.sessions.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def chosen_session(self) -> SessionChoice | None:
        """The session picked, if any."""
        rows = self.sessions_view.selectionModel().selectedRows()
        return self.sessions.item(rows[0].row()) if rows else None

    def chosen_category(self) -> IncidentCategory | None:
        """The category picked, if any."""
        index = self.category.currentIndex()
        return CATEGORIES[index] if 0 <= index < len(CATEGORIES) else None

    # ------------------------------------------------------------------ filing

    def _update(self) -> None:
        choice = self.chosen_session()
        late = choice is not None and choice.too_late
        self.too_late.setVisible(late)
        text = self.description.toPlainText().strip()
        length = len(text)
        self.counter.setText(f"{length} / {DESCRIPTION_MAX_CHARS}")
        ready = (
            choice is not None
            and not late
            and self.chosen_category() is not None
            and 0 < length <= DESCRIPTION_MAX_CHARS
            and not self._busy
        )
        self.file_button.setEnabled(ready)

    def file(self) -> None:
        """File the report (on the bridge)."""
        choice = self.chosen_session()
        category = self.chosen_category()
        description = self.description.toPlainText()
        if choice is None or category is None or self._busy or choice.too_late:
            return
        self._busy = True
        self.error.hide()
        self._update()
        self._safety.file_report(
            choice, category, description, done=self._filed, failure=self._failed
        )

    def _filed_text(self, report: ReportView) -> str:
        """What became of the report: on its way, or its ticket, level, status and note."""
        words = self._words
        category = words.category(report.category)
        if report.delivery is Delivery.FAILED:
            text = self.tr("Your agency refused the report “%1”.").replace("%1", category)
            if report.failure:
                text += " " + self.tr("The agency said: %1").replace("%1", report.failure)
            return text + " " + self.tr("Contact your agency directly.")
        if not report.ticket:
            return self.tr(
                "“%1” is saved on this device and on its way to your agency. Its ticket "
                "number shows here as soon as the agency has it."
            ).replace("%1", category)
        lines = [
            self.tr("Your agency has “%1”.").replace("%1", category),
            self.tr("Ticket %1 · %2 · %3")
            .replace("%1", report.ticket)
            .replace("%2", words.level(report.level))
            .replace("%3", words.report_status(report)),
        ]
        if report.agency_note:
            lines.append(self.tr("From your agency: %1").replace("%1", report.agency_note))
        lines.append(self.tr("The Safety page follows it as your agency works on it."))
        return "\n".join(lines)

    def _follow_report(self) -> None:
        """The report filed here moved on (delivered with its ticket, a ticket update)."""
        report = self.report
        if report is None:
            return
        fresh = self._safety.snapshot.report(report.id)
        if fresh is not None and fresh != report:
            self.report = fresh
            self.retranslate()

    def _filed(self, view: ReportView) -> None:
        self._busy = False
        self.report = view
        self.description.clear()
        self._pages.setCurrentIndex(1)
        self.retranslate()
        self.close_button.setFocus()
        self.filed.emit(view)

    def _failed(self, exc: Exception) -> None:
        self._busy = False
        if isinstance(exc, SafetyError):
            self.error.setText(self._words.error(exc.key))
        else:
            self.error.setText(self.tr("The report could not be saved. Try again."))
        self.error.show()
        self._update()

    # ------------------------------------------------------------------ texts

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        words = self._words
        self.setWindowTitle(self.tr("Report an incident"))
        self.title.setText(self.tr("Report an incident"))
        self.sessions_label.setText(self.tr("Which session?"))
        self.no_sessions.setText(
            self.tr(
                "No session in the last 24 hours. Reports are filed during a session or up to "
                "24 hours after it; for anything older, contact your agency directly."
            )
        )
        self.too_late.setText(words.error("report_too_late"))
        self.category_label.setText(self.tr("What happened?"))
        self.category.setPlaceholderText(self.tr("Choose a category"))
        for number, value in enumerate(CATEGORIES):
            self.category.setItemText(number, words.category(value))
        self.description_label.setText(self.tr("Describe it in your own words"))
        self.description.setPlaceholderText(
            self.tr("What was said or asked, and when. Leave out the customer's contact details.")
        )
        self.privacy.setText(
            self.tr(
                "Your agency gets the report with a ticket number. Once they have it and the "
                "session is over, the text is removed from this device; the category, ticket "
                "and progress stay."
            )
        )
        self.cancel_button.setText(self.tr("Cancel"))
        self.file_button.setText(self.tr("File report"))
        self.done_title.setText(self.tr("Report filed"))
        report = self.report
        if report is not None:
            self.done_text.setText(self._filed_text(report))
        self.close_button.setText(self.tr("Close"))
        self.sessions.retranslate()
