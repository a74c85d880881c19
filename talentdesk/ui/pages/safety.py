"""The Safety page: escalate, the escalations and reports with their progress, the playbook.

Before the vault is unlocked (or in tests without a safety controller) the page keeps its
honest empty state. With one, it shows from top to bottom: the escalate button with
the latest escalation's state and tonight's after-care counts; the crisis playbook
with the emergency contacts; every escalation with its state; and every incident
report with its ticket, level and status (and its text, or that the text was removed
on this device). The widgets themselves live in :mod:`talentdesk.ui.safety`.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QScrollArea,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from talentdesk.safety import ReportView
from talentdesk.ui.pages.empty_state import EmptyStatePage
from talentdesk.ui.safety import (
    EscalateBox,
    EscalationsModel,
    PlaybookPanel,
    ReportsModel,
    SafetyController,
    SafetyMessages,
    SafetyWindows,
)
from talentdesk.ui.safety.models import EscalationColumn, ReportColumn
from talentdesk.ui.widgets import (
    Callout,
    Card,
    coalesced,
    make_button,
    make_label,
    restyle,
    wrap_cells,
)

#: Rows a list shows before it scrolls.
VISIBLE_ROWS = 6


def _table(name: str) -> QTreeView:
    view = QTreeView()
    view.setObjectName(name)
    view.setRootIsDecorated(False)
    view.setAlternatingRowColors(False)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # A state or a category wraps, never ends in "…": the talent reads where her
    # escalation is without pointing at it.
    wrap_cells(view)
    return view


#: How many rows the columns' widths are measured on (the newest, at the top).
FIT_ROWS = 50


def fit_rows(view: QTreeView) -> None:
    """Make ``view`` as tall as its first rows (at most :data:`VISIBLE_ROWS`; it scrolls
    beyond), each as tall as its wrapped cells at the columns' widths of the moment."""
    rows = min(view.model().rowCount(), VISIBLE_ROWS)
    # The style sheet pads each row 7 px above and below, with a 1 px rule under it.
    least = view.fontMetrics().height() + 16
    heights = [max(view.sizeHintForRow(row), least) for row in range(rows)] or [least]
    height = view.header().sizeHint().height() + sum(heights) + 2 * view.frameWidth() + 4
    if view.height() != height or view.minimumHeight() != height:
        view.setFixedHeight(height)


class SafetyPage(EmptyStatePage):
    """Escalations and reports with their progress; escalate; the crisis playbook.

    Args:
        safety: The safety controller of the unlocked vault; None shows the empty state only.
        windows: Opens the report dialog; made here if not given.
        escalate_shortcut: Give the window Ctrl+Shift+E through the page's button (off
            when the window has its own).

    Signals:
        settings_requested(): the talent wants Settings, to pair with the agency.
    """

    settings_requested = Signal()

    def __init__(
        self,
        safety: SafetyController | None = None,
        parent: QWidget | None = None,
        *,
        windows: SafetyWindows | None = None,
        escalate_shortcut: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("safetyPage")
        self._safety = safety
        self._words = SafetyMessages(self)
        self.action_button.show()
        self.action_button.clicked.connect(self.settings_requested)
        self.windows = windows
        if safety is not None:
            if self.windows is None:
                self.windows = SafetyWindows(safety, self)
            self._build_content(safety, escalate_shortcut)
        self.retranslate()

    # ------------------------------------------------------------------ layout

    def _build_content(self, safety: SafetyController, escalate_shortcut: bool) -> None:
        self.pairing_note = Callout("warning", name="safetyUnpaired")
        self.pairing_button = make_button(name="safetyOpenSettings")
        self.box = EscalateBox(safety, shortcut=escalate_shortcut)
        self.box.setMaximumWidth(620)
        self.about_title = make_label("sectionTitle", name="escalateAboutTitle")
        self.about = make_label("body", name="escalateAbout")
        self.shortcut_hint = make_label("small", name="escalateShortcutHint")
        self.counts = make_label("muted", name="afterCareCounts")
        self.escalations_title = make_label("sectionTitle", name="escalationsTitle")
        self.escalations_empty = make_label("muted", name="escalationsEmpty")
        self.escalations = EscalationsModel(self)
        self.escalations_view = _table("escalationsView")
        self.escalations_view.setModel(self.escalations)
        self.reports_title = make_label("sectionTitle", name="reportsTitle")
        self.report_button = make_button(name="newReport")
        self.reports_empty = make_label("muted", name="reportsEmpty")
        self.reports = ReportsModel(self)
        self.reports_view = _table("reportsView")
        self.reports_view.setModel(self.reports)
        self.report_detail = QWidget()
        self.report_detail.setObjectName("reportDetail")
        self.report_heading = make_label("fieldLabel", name="reportHeading")
        self.report_text = make_label("reportText", name="reportText")
        self.report_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.report_note = make_label("small", name="reportAgencyNote")
        self.playbook = PlaybookPanel(safety, columns=3)

        top = Card(margins=22)
        top.setObjectName("escalateCard")
        top_row = QHBoxLayout()
        top_row.setSpacing(20)
        top_row.addWidget(self.box, 3, Qt.AlignmentFlag.AlignTop)
        top_side = QVBoxLayout()
        top_side.setSpacing(8)
        top_side.addWidget(self.about_title)
        top_side.addWidget(self.about)
        top_side.addWidget(self.shortcut_hint)
        top_side.addWidget(self.pairing_note)
        top_side.addWidget(self.pairing_button, 0, Qt.AlignmentFlag.AlignLeft)
        top_side.addWidget(self.counts)
        top_side.addStretch(1)
        top_row.addLayout(top_side, 2)
        top.body.addLayout(top_row)

        lists = Card(margins=22)
        lists.setObjectName("listsCard")
        lists.body.addWidget(self.escalations_title)
        lists.body.addWidget(self.escalations_empty)
        lists.body.addWidget(self.escalations_view)
        lists.body.addSpacing(8)
        report_row = QHBoxLayout()
        report_row.addWidget(self.reports_title, 1)
        report_row.addWidget(self.report_button)
        lists.body.addLayout(report_row)
        lists.body.addWidget(self.reports_empty)
        lists.body.addWidget(self.reports_view)
        detail = QVBoxLayout(self.report_detail)
        detail.setContentsMargins(0, 4, 0, 0)
        detail.setSpacing(6)
        detail.addWidget(self.report_heading)
        detail.addWidget(self.report_text)
        detail.addWidget(self.report_note)
        lists.body.addWidget(self.report_detail)

        guide = Card(margins=22)
        guide.setObjectName("playbookCard")
        guide.body.addWidget(self.playbook)

        content = QWidget()
        content.setObjectName("safetyContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 8, 8)
        column.setSpacing(16)
        column.addWidget(top)
        column.addWidget(guide)
        column.addWidget(lists)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("safetyScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self.scroll_area = scroll
        self.column.insertWidget(2, scroll, 1)
        self.empty_area.hide()
        self.column.setStretch(self.column.count() - 1, 0)

        # The tables' heights are fitted once the event loop is back: a new snapshot
        # resizes several sections one after another, each a sectionResized.
        self._fit_soon = coalesced(self, self._fit_tables)
        fit = QHeaderView.ResizeMode.ResizeToContents
        # Times, tickets and levels are short and kept on one line; the columns of words
        # share the rest of the width and wrap.
        for view, sharing in (
            (
                self.escalations_view,
                (EscalationColumn.STATE, EscalationColumn.SIGN, EscalationColumn.ABOUT),
            ),
            (self.reports_view, (ReportColumn.CATEGORY, ReportColumn.STATUS)),
        ):
            header = view.header()
            header.setStretchLastSection(False)
            # Columns fit the newest rows only: measuring every row (Qt's default goes up
            # to 1,000) made each escalate click cost more the longer the history.
            header.setResizeContentsPrecision(FIT_ROWS)
            header.setSectionResizeMode(fit)
            for shared in sharing:
                header.setSectionResizeMode(shared, QHeaderView.ResizeMode.Stretch)
            # Narrower columns are taller rows: the table keeps showing them whole.
            header.sectionResized.connect(self._fit_soon)
        safety.changed.connect(self.show_snapshot)
        safety.view.changed.connect(lambda changes: self.retranslate() if changes.pairing else None)
        self.pairing_button.clicked.connect(self.settings_requested)
        self.report_button.clicked.connect(self.new_report)
        assert self.windows is not None
        self.windows.connect_box(self.box)
        self.playbook.report_requested.connect(
            lambda category: self.windows.show_report(category) if self.windows else None
        )
        self.reports_view.selectionModel().selectionChanged.connect(self._report_selected)
        self.show_snapshot()

    # ------------------------------------------------------------------ content

    @property
    def safety(self) -> SafetyController | None:
        """The safety controller, if unlocked."""
        return self._safety

    def show_snapshot(self) -> None:
        """Show the escalations, reports and counts the safety controller loaded last."""
        safety = self._safety
        if safety is None:
            return
        snapshot = safety.snapshot
        selected = self.selected_report()
        self.escalations.set_rows(snapshot.escalations)
        self.reports.set_rows(snapshot.reports)
        self._fit_soon()
        self.escalations_view.setVisible(bool(snapshot.escalations))
        self.escalations_empty.setVisible(not snapshot.escalations)
        self.reports_view.setVisible(bool(snapshot.reports))
        self.reports_empty.setVisible(not snapshot.reports)
        row = self.reports.row_of(selected.id) if selected is not None else None
        if row is None and snapshot.reports:
            row = 0
        if row is not None:
            self.reports_view.setCurrentIndex(self.reports.index(row, 0))
        self._show_report(self.selected_report())
        # The models were just reset: their cells are asked for again anyway. Telling them
        # "every text changed" too made each escalate click cost more as history grew.
        self._retranslate(models=False)

    def _fit_tables(self) -> None:
        fit_rows(self.escalations_view)
        fit_rows(self.reports_view)

    def selected_report(self) -> ReportView | None:
        """The report whose details are on show."""
        if self._safety is None:
            return None
        rows = self.reports_view.selectionModel().selectedRows()
        return self.reports.item(rows[0].row()) if rows else None

    def _report_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_report(self.selected_report())

    def _show_report(self, view: ReportView | None) -> None:
        self.report_detail.setVisible(view is not None)
        if view is None:
            return
        words = self._words
        self.report_heading.setText(
            f"{words.category(view.category)} · {words.ticket(view)} · "
            f"{words.level(view.level)} · {words.report_status(view)}"
        )
        if view.text_removed or not view.description:
            self.report_text.setText(words.text_removed())
            role = "removedText"
        else:
            self.report_text.setText(view.description)
            role = "reportText"
        if self.report_text.property("role") != role:
            self.report_text.setProperty("role", role)
            restyle(self.report_text)
        note = view.agency_note or (view.failure if view.failure else None)
        self.report_note.setVisible(note is not None)
        self.report_note.setText(self.tr("From your agency: %1").replace("%1", note or ""))

    def new_report(self) -> None:
        """Open the report dialog."""
        if self.windows is not None:
            self.windows.show_report()

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self._retranslate(models=True)

    def _retranslate(self, *, models: bool) -> None:
        self.page_title.setText(self.tr("Safety"))
        self.heading.setText(self.tr("No escalations or reports"))
        self.body.setText(
            self.tr(
                "When you ask a supervisor for help during a session, or file an incident "
                "report, it appears here with its ticket number and progress: queued, "
                "delivered, acknowledged, resolved."
            )
        )
        self.hint.setText(
            self.tr(
                "Your agency's emergency contacts and crisis guidance appear here once you "
                "pair with your agency in Settings."
            )
        )
        self.action_button.setText(self.tr("Open Settings"))
        safety = self._safety
        if safety is None:
            return
        paired = safety.paired
        self.pairing_note.setVisible(not paired)
        self.pairing_button.setVisible(not paired)
        self.pairing_note.setText(
            self.tr(
                "Not paired with an agency: escalations and reports are kept on this device "
                "and sent once you pair. In an emergency, call the numbers below."
            )
        )
        self.pairing_button.setText(self.tr("Open Settings"))
        self.about_title.setText(self.tr("When something goes wrong"))
        self.about.setText(
            self.tr(
                "One click sends your supervisor an urgent request for help: nothing to fill "
                "in first. Add what is happening afterwards, and follow it here until it is "
                "resolved."
            )
        )
        self.shortcut_hint.setText(self.tr("Shortcut: Ctrl+Shift+E, in every TalentDesk window."))
        counts = safety.snapshot.counts
        self.counts.setText(self._words.night_counts(counts))
        self.counts.setVisible(counts is not None and counts.hard_sessions > 0)
        self.escalations_title.setText(self.tr("Escalations"))
        self.escalations_empty.setText(
            self.tr("No escalations. When you press Escalate, it shows here with its state.")
        )
        self.reports_title.setText(self.tr("Incident reports"))
        self.report_button.setText(self.tr("Report an incident"))
        self.reports_empty.setText(
            self.tr(
                "No reports. File one during a session or up to 24 hours after it; its ticket "
                "number, level and status show here."
            )
        )
        if models:
            self.escalations.retranslate()
            self.reports.retranslate()
        self._show_report(self.selected_report())
