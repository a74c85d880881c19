"""Today's table model: Qt's model checks, and what each column says."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from talentdesk.domain import Booking, BookingStatus, Package
from talentdesk.sync.outbox import OutboxState
from talentdesk.ui.pages.bookings_model import (
    BOOKING_ID_ROLE,
    BOOKING_ROLE,
    BookingsModel,
    Column,
)
from talentdesk.workspace import BookingRow
from tests.samples import CURHAT, SLEEP_CALL

pytestmark = pytest.mark.usefixtures("english")

NOW = datetime(2025, 5, 3, 20, 0).astimezone()  # 8 pm on this computer


def booking(
    booking_id: str,
    hours: float,
    package: Package = SLEEP_CALL,
    status: BookingStatus = BookingStatus.PENDING,
    *,
    needs_unblock: bool = False,
) -> Booking:
    return Booking(
        id=booking_id,
        start=NOW + timedelta(hours=hours),
        package=package,
        status=status,
        returning_customer=needs_unblock,
        needs_unblock=needs_unblock,
    )


ROWS = (
    BookingRow(booking("bk-1", 1)),
    BookingRow(booking("bk-2", 2, CURHAT, BookingStatus.ACCEPTED), OutboxState.QUEUED),
    BookingRow(
        booking("bk-3", 3, needs_unblock=True, status=BookingStatus.ACCEPTED),
        OutboxState.DELIVERED,
    ),
    BookingRow(booking("bk-4", 4, status=BookingStatus.DECLINED), OutboxState.FAILED, "409"),
    BookingRow(booking("bk-5", 5, status=BookingStatus.CANCELLED, needs_unblock=True)),
)


def check(tester: ModelTester, model: BookingsModel, *, force_py: bool = False) -> None:
    """Qt's model checks; they stay connected and check every later change too."""
    tester.check(model, force_py=force_py)  # type: ignore[no-untyped-call]


def make_model(rows: tuple[BookingRow, ...] = ROWS) -> BookingsModel:
    model = BookingsModel(now=lambda: NOW)
    model.set_rows(rows)
    return model


def text(model: BookingsModel, row: int, column: Column) -> object:
    return model.data(model.index(row, column))


def test_passes_pytest_qts_model_checks(qtmodeltester: ModelTester) -> None:
    empty = BookingsModel(now=lambda: NOW)
    check(qtmodeltester, empty, force_py=True)
    model = make_model()
    check(qtmodeltester, model, force_py=True)  # stays connected for the changes below
    model.set_rows(ROWS[:2])
    model.retranslate()
    model.set_details_under_package(True)
    model.set_rows(())


def test_passes_qts_own_model_tester(qtmodeltester: ModelTester) -> None:
    model = make_model()
    check(qtmodeltester, model)  # Qt's C++ QAbstractItemModelTester
    model.set_rows(ROWS[1:])
    model.retranslate()
    model.set_details_under_package(True)
    model.set_rows(())


def test_what_each_column_says() -> None:
    model = make_model()
    assert model.rowCount() == 5
    assert model.columnCount() == len(Column)
    assert model.rowCount(model.index(0, 0)) == 0  # a flat list: no children
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert headers == ["Time", "Package", "Covers", "Length", "Price", "State"]
    assert [text(model, 0, c) for c in Column][1:] == [
        "Sleep Call 60 menit",
        "Call only",
        "60 min",
        "Rp 75.000",
        "Waiting for your answer",
    ]
    assert text(model, 1, Column.CHANNEL) == "Chat only"
    assert text(model, 1, Column.PRICE) == "Rp 25.000"
    assert text(model, 1, Column.STATE) == "Accepted · queued"
    assert text(model, 2, Column.STATE) == "Accepted · delivered\nUnblock before start"
    assert text(model, 3, Column.STATE) == "Declined · refused by the agency"
    assert text(model, 4, Column.STATE) == "Cancelled by the agency"  # nothing to unblock
    tip = model.data(model.index(3, Column.STATE), Qt.ItemDataRole.ToolTipRole)
    assert tip == "The agency said: 409"
    assert model.data(model.index(0, 0), BOOKING_ID_ROLE) == "bk-1"
    found = model.data(model.index(0, 3), BOOKING_ROLE)
    assert isinstance(found, Booking) and found.id == "bk-1"
    assert model.row_of("bk-4") == 3
    assert model.row_of("nope") is None
    assert model.data(QModelIndex()) is None


def test_times_are_local_and_say_tomorrow() -> None:
    model = make_model()
    first = ROWS[0].booking
    start, end = first.start.astimezone(), first.end.astimezone()
    shown = text(model, 0, Column.TIME)
    assert isinstance(shown, str)
    assert shown == f"{start:%H:%M}–{end:%H:%M}"
    late = BookingRow(booking("bk-late", 20))
    model.set_rows((late,))
    assert str(text(model, 0, Column.TIME)).startswith("Tomorrow ")


def test_price_and_duration_are_right_aligned() -> None:
    model = make_model()
    for column, flag in (
        (Column.PRICE, Qt.AlignmentFlag.AlignRight),
        (Column.DURATION, Qt.AlignmentFlag.AlignRight),
        (Column.PACKAGE, Qt.AlignmentFlag.AlignLeft),
    ):
        value = model.data(model.index(0, column), Qt.ItemDataRole.TextAlignmentRole)
        assert isinstance(value, int) and value & flag.value


def test_on_a_narrow_window_the_details_are_a_second_line_of_the_package() -> None:
    """What the package covers, its length and its price go under its name, each kept on
    one line (no-break spaces: "Rp 75.000" never splits), and back in their own columns;
    the views hear of it."""
    model = make_model()
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda top, bottom, _roles=(): changed.append(
            (top.row(), top.column(), bottom.row(), bottom.column())
        )
    )
    model.set_details_under_package(True)
    assert model.details_under_package
    assert text(model, 0, Column.PACKAGE) == (
        "Sleep Call 60 menit\nCall\u00a0only · 60\u00a0min · Rp\u00a075.000"
    )
    assert text(model, 0, Column.PRICE) == "Rp 75.000"  # its own column, hidden, unchanged
    assert changed == [(0, Column.PACKAGE, 4, Column.PACKAGE)]
    model.set_details_under_package(True)
    assert len(changed) == 1  # nothing changed: nothing said
    model.set_details_under_package(False)
    assert text(model, 0, Column.PACKAGE) == "Sleep Call 60 menit"
    assert len(changed) == 2
