"""Item models of the safety screens: escalations, reports, and sessions to report about.

Each model holds what the safety controller loaded last and only formats it; all of them
pass ``qtmodeltester``. ``Qt.UserRole`` gives the row's object (an ``EscalationView``,
a ``ReportView`` or a ``SessionChoice``).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from talentdesk.safety import Delivery, EscalationView, ReportView
from talentdesk.ui.item_models import ColumnsModel, find_row, item_flags
from talentdesk.ui.safety.messages import SafetyMessages
from talentdesk.ui.safety.style import STATE_COLOURS
from talentdesk.ui.style import MUTED
from talentdesk.workspace import SessionChoice

Index = QModelIndex | QPersistentModelIndex


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HasId)
C = TypeVar("C", bound=enum.IntEnum)

_NO_INDEX = QModelIndex()
#: Text colour of a row that needs no attention any more.
_SETTLED = QColor(MUTED)
#: The role giving the row's object.
ITEM_ROLE = Qt.ItemDataRole.UserRole


class _TableModel(ColumnsModel, Generic[T, C]):
    """A read-only table over a list of rows; subclasses say the columns and each cell."""

    columns: tuple[C, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self.words = SafetyMessages(self)

    def row_of(self, row_id: str) -> int | None:
        """The row of an escalation or report (by its id), if listed."""
        return find_row(self._rows, lambda view: view.id, row_id)

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def item(self, row: int) -> T | None:
        """The object of ``row``."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @property
    def items(self) -> tuple[T, ...]:
        """Every row's object."""
        return tuple(self._rows)

    def set_rows(self, rows: Sequence[T]) -> None:
        """Show ``rows`` (a reset: the lists are short and change as a whole)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def retranslate(self) -> None:
        """The language changed: every text is asked for again."""
        self.all_texts_changed()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        view = self.item(index.row())
        if view is None or not 0 <= index.column() < len(self.columns):
            return None
        if role == ITEM_ROLE:
            return view
        return self._cell(view, self.columns[index.column()], role)

    def _cell(self, view: T, column: C, role: int) -> Any:
        """What ``column`` of ``view``'s row shows in ``role`` (never :data:`ITEM_ROLE`)."""
        raise NotImplementedError


class EscalationColumn(enum.IntEnum):
    """Columns of the escalations list."""

    SENT = 0
    STATE = 1
    SIGN = 2
    ABOUT = 3


class EscalationsModel(_TableModel[EscalationView, EscalationColumn]):
    """Every escalation on this device, newest first."""

    columns = tuple(EscalationColumn)

    def header(self, column: int) -> str:
        return {
            EscalationColumn.SENT: self.tr("Sent"),
            EscalationColumn.STATE: self.tr("State"),
            EscalationColumn.SIGN: self.tr("Crisis sign"),
            EscalationColumn.ABOUT: self.tr("About"),
        }[EscalationColumn(column)]

    def _cell(self, view: EscalationView, column: EscalationColumn, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(view, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.words.explanation(view)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column is EscalationColumn.STATE:
                return QBrush(QColor(STATE_COLOURS[view.state.value][2]))
            if not view.is_open:
                return QBrush(_SETTLED)
        return None

    def _text(self, view: EscalationView, column: EscalationColumn) -> str:
        words = self.words
        if column is EscalationColumn.SENT:
            return words.day_time(view.raised_at)
        if column is EscalationColumn.STATE:
            return words.state_line(view)
        if column is EscalationColumn.SIGN:
            return words.sign(view.crisis_sign) if view.crisis_sign else "—"
        return words.origin(view)


class ReportColumn(enum.IntEnum):
    """Columns of the reports list."""

    FILED = 0
    CATEGORY = 1
    TICKET = 2
    LEVEL = 3
    STATUS = 4


class ReportsModel(_TableModel[ReportView, ReportColumn]):
    """Every incident report filed on this device, newest first."""

    columns = tuple(ReportColumn)

    def header(self, column: int) -> str:
        return {
            ReportColumn.FILED: self.tr("Filed"),
            ReportColumn.CATEGORY: self.tr("Category"),
            ReportColumn.TICKET: self.tr("Ticket"),
            ReportColumn.LEVEL: self.tr("Level"),
            ReportColumn.STATUS: self.tr("Status"),
        }[ReportColumn(column)]

    def _cell(self, view: ReportView, column: ReportColumn, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(view, column)
        if role == Qt.ItemDataRole.ToolTipRole and column is ReportColumn.STATUS:
            return view.agency_note or None
        if role == Qt.ItemDataRole.ForegroundRole:
            if view.delivery is Delivery.FAILED:
                return QBrush(QColor(STATE_COLOURS["failed"][2]))
            if view.status.value == "resolved":
                return QBrush(_SETTLED)
        return None

    def _text(self, view: ReportView, column: ReportColumn) -> str:
        words = self.words
        if column is ReportColumn.FILED:
            return words.day_time(view.created_at)
        if column is ReportColumn.CATEGORY:
            return words.category(view.category)
        if column is ReportColumn.TICKET:
            return words.ticket(view)
        if column is ReportColumn.LEVEL:
            return words.level(view.level)
        return words.report_status(view)


class SessionsModel(QAbstractListModel):
    """Sessions a report can be about: the live one first, then the latest ended ones."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SessionChoice] = []
        self.words = SafetyMessages(self)

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return item_flags(index)

    def set_rows(self, rows: Sequence[SessionChoice]) -> None:
        """Show ``rows``."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def item(self, row: int) -> SessionChoice | None:
        """The session of ``row``."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @property
    def items(self) -> tuple[SessionChoice, ...]:
        """Every session listed."""
        return tuple(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid() or index.column() != 0:
            return None
        choice = self.item(index.row())
        if choice is None:
            return None
        if role == ITEM_ROLE:
            return choice
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(choice)
        if role == Qt.ItemDataRole.ForegroundRole and choice.too_late:
            return QBrush(_SETTLED)
        if role == Qt.ItemDataRole.ToolTipRole and choice.too_late:
            return self.words.error("report_too_late")
        return None

    def text(self, choice: SessionChoice) -> str:
        """One session as the list shows it."""
        words = self.words
        name = choice.package_name or self.tr("Session")
        if choice.live:
            return (
                self.tr("Now: %1 · started %2")
                .replace("%1", name)
                .replace("%2", words.time(choice.started_at))
            )
        ended = choice.ended_at or choice.started_at
        span = f"{words.day_time(choice.started_at)}–{words.time(ended)}"
        if choice.too_late:
            return (
                self.tr("%1 · %2 · too late to report in the app")
                .replace("%1", span)
                .replace("%2", name)
            )
        deadline = choice.deadline or ended
        return (
            self.tr("%1 · %2 · report until %3")
            .replace("%1", span)
            .replace("%2", name)
            .replace("%3", words.day_time(deadline))
        )

    def retranslate(self) -> None:
        """The language changed: every text is asked for again."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))


__all__ = [
    "ITEM_ROLE",
    "EscalationColumn",
    "EscalationsModel",
    "ReportColumn",
    "ReportsModel",
    "SessionsModel",
]
