"""Tonight's bookings as a table model: one row per booking, oldest first.

Times are shown in the computer's local time, on the 24-hour clock written
the app language's way (21.00 in Indonesian, 21:00 in English); prices as
Indonesians write rupiah (``Rp 75.000``) in both languages. What to do before
the session (unblock a returning customer) is a second line of the state. On a narrow
window what a package covers, its length and its price are a second line of the
package (:meth:`BookingsModel.set_details_under_package`) instead of columns.

With a stage source (Today's session controller), an accepted or live booking's state
is its stage: upcoming, contact window open, live, wrap-up, or time passed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import (
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
)
from PySide6.QtGui import QBrush, QColor, QFont

from talentdesk.domain import Booking, BookingStatus, Channel, format_idr
from talentdesk.sync.outbox import OutboxState
from talentdesk.ui.item_models import ColumnsModel, find_row
from talentdesk.ui.session.messages import SessionMessages
from talentdesk.ui.session.stages import BookingStage
from talentdesk.ui.sync_messages import SyncMessages
from talentdesk.workspace import BookingRow

ModelIndex = QModelIndex | QPersistentModelIndex

#: The booking of a row (any column), a ``Booking``.
BOOKING_ROLE = int(Qt.ItemDataRole.UserRole) + 1
#: The id of the booking of a row, a ``str``.
BOOKING_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 2

_PENDING = QColor("#92400e")
_DONE = QColor("#6b7280")
_DELIVERED = QColor("#065f46")
_REFUSED = QColor("#991b1b")
_FINISHED = frozenset({BookingStatus.CANCELLED, BookingStatus.DECLINED, BookingStatus.DONE})
_LIVE = QColor("#0f766e")
#: Stages that say more than the booking's status.
_SESSION_STAGES = frozenset(
    {
        BookingStage.UPCOMING,
        BookingStage.CONTACT_OPEN,
        BookingStage.LIVE,
        BookingStage.WRAP_UP,
        BookingStage.MISSED,
    }
)


class Column(IntEnum):
    """The columns, left to right."""

    TIME = 0
    PACKAGE = 1
    CHANNEL = 2
    DURATION = 3
    PRICE = 4
    STATE = 5


#: A space that never breaks the line.
NBSP = "\u00a0"
#: The columns that go under the package's name on a narrow window.
DETAILS = (Column.CHANNEL, Column.DURATION, Column.PRICE)

_COLUMNS = tuple(Column)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
#: What :meth:`BookingsModel.data` answers. Qt asks a dozen roles of every cell while it
#: lays tonight's rows out (sizes, decorations, check states...), ~40 calls a booking:
#: the others are turned away before any other work (1,000 bookings: ~40,000 calls).
_ROLES = frozenset(
    {_DISPLAY, _TOOLTIP, _FOREGROUND, _FONT, _ALIGNMENT, BOOKING_ROLE, BOOKING_ID_ROLE}
)


def local_now() -> datetime:
    """Now, in the computer's time zone."""
    return datetime.now().astimezone()


class BookingsModel(ColumnsModel):
    """The rows of Today's list.

    Args:
        now: the wall clock (aware), to say "tomorrow" of a booking after midnight.
    """

    columns = tuple(Column)

    def __init__(
        self, parent: QObject | None = None, *, now: Callable[[], datetime] = local_now
    ) -> None:
        super().__init__(parent)
        self._headers: dict[Column, str] | None = None
        self._rows: tuple[BookingRow, ...] = ()
        self._now = now
        self._stage: Callable[[Booking], BookingStage | None] | None = None
        self._words = SyncMessages(self)
        self._session_words = SessionMessages(self)
        self._bold = QFont()
        self._bold.setBold(True)
        self._details_under = False

    # ------------------------------------------------------------------ contents

    def set_rows(self, rows: Sequence[BookingRow]) -> None:
        """Show ``rows`` (a fresh load replaces everything)."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def rows(self) -> tuple[BookingRow, ...]:
        """The rows on show."""
        return self._rows

    def set_stage_source(self, stage: Callable[[Booking], BookingStage | None] | None) -> None:
        """Say each booking's stage (upcoming, contact window open, live...) in its state."""
        self._stage = stage
        self.retranslate()

    def stage(self, booking: Booking) -> BookingStage | None:
        """A booking's stage now, when a stage source was given."""
        return self._stage(booking) if self._stage is not None else None

    def row_of(self, booking_id: str) -> int | None:
        """The row of a booking, or None when it is not listed."""
        return find_row(self._rows, lambda row: row.booking.id, booking_id)

    def retranslate(self) -> None:
        """Announce that every text changed (the language was switched)."""
        self._headers = None
        self.all_texts_changed()

    # ------------------------------------------------------------------ the model API

    @property
    def details_under_package(self) -> bool:
        """Whether the package's cell also says what it covers, its length and price."""
        return self._details_under

    def set_details_under_package(self, under: bool) -> None:
        """Put what a package covers, its length and its price under its name (a narrow
        window hides their columns), or back in their own columns."""
        if under == self._details_under:
            return
        self._details_under = under
        if self._rows:
            self.dataChanged.emit(
                self.index(0, Column.PACKAGE),
                self.index(len(self._rows) - 1, Column.PACKAGE),
                [Qt.ItemDataRole.DisplayRole],
            )

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in _ROLES or not index.isValid():
            return None
        number, at = index.row(), index.column()
        if not (0 <= number < len(self._rows) and 0 <= at < len(_COLUMNS)):
            return None
        row = self._rows[number]
        column = _COLUMNS[at]
        if role == _DISPLAY:
            return self._text(row, column)
        if role == _TOOLTIP:
            return self._tooltip(row, column)
        if role == _FOREGROUND:
            colour = self._colour(row, column)
            return QBrush(colour) if colour is not None else None
        if role == _FONT:
            return QFont(self._bold) if column is Column.TIME else None
        if role == _ALIGNMENT:
            return self._alignment(column)
        if role == BOOKING_ROLE:
            return row.booking
        if role == BOOKING_ID_ROLE:
            return row.booking.id
        return None

    # ------------------------------------------------------------------ words

    def header(self, column: int) -> str:
        # Kept per language: the header view asks hundreds of times while laying out.
        if self._headers is None:
            self._headers = {
                Column.TIME: self.tr("Time"),
                Column.PACKAGE: self.tr("Package"),
                Column.CHANNEL: self.tr("Covers"),
                Column.DURATION: self.tr("Length"),
                Column.PRICE: self.tr("Price"),
                Column.STATE: self.tr("State"),
            }
        return self._headers[Column(column)]

    def header_alignment(self, column: int) -> object:
        return self._alignment(Column(column))

    @staticmethod
    def _alignment(column: Column) -> int:
        horizontal = (
            Qt.AlignmentFlag.AlignRight
            if column in (Column.DURATION, Column.PRICE)
            else Qt.AlignmentFlag.AlignLeft
        )
        return int(horizontal | Qt.AlignmentFlag.AlignVCenter)

    def _text(self, row: BookingRow, column: Column) -> str:
        booking = row.booking
        if column is Column.TIME:
            return self.time_text(booking)
        if column is Column.PACKAGE:
            name = booking.package.name
            if not self._details_under:
                return name
            # Each detail stays on one line ("Rp 75.000", not "Rp" then "75.000"); the
            # line breaks between them where the column is narrow.
            details = " · ".join(self._text(row, each).replace(" ", NBSP) for each in DETAILS)
            return f"{name}\n{details}"
        if column is Column.CHANNEL:
            return self.channel_text(booking.package.channel)
        if column is Column.DURATION:
            return self.tr("%n min", "", booking.package.duration_minutes)
        if column is Column.PRICE:
            return format_idr(booking.package.price_idr)
        note = self.note_text(booking)
        return f"{self.state_text(row)}\n{note}" if note else self.state_text(row)

    def time_text(self, booking: Booking) -> str:
        """Start and end in local time; "Tomorrow" (or the date) when not today."""
        start, end = booking.start.astimezone(), booking.end.astimezone()
        locale = QLocale()
        # Translators: a Qt time format on the 24-hour clock (Indonesian writes "HH.mm").
        clock_format = self.tr("HH:mm")

        def clock(moment: datetime) -> str:
            return locale.toString(QTime(moment.hour, moment.minute), clock_format)

        span = f"{clock(start)}–{clock(end)}"
        days = (start.date() - self._now().astimezone().date()).days
        if days == 0:
            return span
        if days == 1:
            return self.tr("Tomorrow %1").replace("%1", span)
        if days == -1:
            return self.tr("Yesterday %1").replace("%1", span)
        date = QDate(start.year, start.month, start.day)
        return f"{locale.toString(date, QLocale.FormatType.ShortFormat)} {span}"

    def channel_text(self, channel: Channel) -> str:
        """What a package covers, in words."""
        return {
            Channel.CHAT: self.tr("Chat only"),
            Channel.CALL: self.tr("Call only"),
            Channel.CHAT_CALL: self.tr("Chat + call"),
        }[channel]

    def status_text(self, status: BookingStatus) -> str:
        """Where a booking is in its life."""
        return {
            BookingStatus.PENDING: self.tr("Waiting for your answer"),
            BookingStatus.ACCEPTED: self.tr("Accepted"),
            BookingStatus.DECLINED: self.tr("Declined"),
            BookingStatus.CANCELLED: self.tr("Cancelled by the agency"),
            BookingStatus.LIVE: self.tr("In session"),
            BookingStatus.DONE: self.tr("Done"),
        }[status]

    def state_text(self, row: BookingRow) -> str:
        """The booking's state and, once answered, where the answer is (one line)."""
        stage = self.stage(row.booking)
        if stage in _SESSION_STAGES:
            assert stage is not None
            text = self._session_words.stage(stage)
        else:
            text = self.status_text(row.booking.status)
        answered = row.booking.status in (BookingStatus.ACCEPTED, BookingStatus.DECLINED)
        if stage in _SESSION_STAGES and row.answer not in (OutboxState.QUEUED, OutboxState.FAILED):
            answered = False  # the stage says it all once the agency has the answer
        if answered and row.answer is not None:
            text = f"{text} · {self._words.answer_state(row.answer)}"
        return text

    def note_text(self, booking: Booking) -> str:
        """What to do before the session, if anything (the state's second line)."""
        if booking.status in _FINISHED:
            return ""
        if booking.needs_unblock:
            return self.tr("Unblock before start")
        if booking.returning_customer:
            return self.tr("Returning customer")
        return ""

    def _tooltip(self, row: BookingRow, column: Column) -> str | None:
        booking = row.booking
        if column is Column.PACKAGE:
            return booking.package.name  # whole, where a narrow window elides it
        if column is not Column.STATE:
            return None
        if booking.needs_unblock and booking.status not in _FINISHED:
            return self.tr(
                "A returning customer booked you again through the agency. You blocked them "
                "after the last session: unblock them before this one starts."
            )
        if booking.status is BookingStatus.CANCELLED and booking.cancel_reason:
            return self.tr("The agency's reason: “%1”").replace("%1", booking.cancel_reason)
        if row.answer is OutboxState.QUEUED:
            return self.tr("Your answer is sent as soon as the agency can be reached.")
        if row.answer_error:
            return self.tr("The agency said: %1").replace("%1", row.answer_error)
        return None

    def _colour(self, row: BookingRow, column: Column) -> QColor | None:
        booking = row.booking
        if column is not Column.STATE:
            return _DONE if booking.status in _FINISHED else None
        if self.stage(booking) in (BookingStage.LIVE, BookingStage.WRAP_UP):
            return _LIVE
        if booking.status is BookingStatus.PENDING or (
            booking.needs_unblock and booking.status not in _FINISHED
        ):
            return _PENDING
        if row.answer is OutboxState.FAILED:
            return _REFUSED
        if booking.status in _FINISHED:
            return _DONE
        if row.answer in (OutboxState.DELIVERED, OutboxState.ACKNOWLEDGED, OutboxState.RESOLVED):
            return _DELIVERED
        return None
