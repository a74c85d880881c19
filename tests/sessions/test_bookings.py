"""Tonight's bookings: warnings before an answer by the time sessions really take, and a real
overlap refused."""

from __future__ import annotations

from datetime import timedelta

import pytest

from talentdesk.domain import Booking, BookingStatus, SessionOutcome, SessionRecord
from talentdesk.sessions.bookings import (
    BookingAlreadyAnsweredError,
    BookingOverlapError,
    Bookings,
)
from talentdesk.sync.outbox import OutboxState
from tests.sessions.conftest import T0, Desk, package


def bookings(desk: Desk) -> Bookings:
    return Bookings(desk.vault, desk.outbox, now=desk.clock.wall)


def record(desk: Desk, booking_id: str, start_minutes: float, minutes: float) -> None:
    start = T0 + timedelta(minutes=start_minutes)
    desk.store.save(
        SessionRecord(
            id=f"s-{booking_id}",
            booking_id=booking_id,
            package=package(minutes=60),
            started_at=start,
            ended_at=start + timedelta(minutes=minutes),
            planned_seconds=3600,
            actual_seconds=minutes * 60,
            price_idr=25_000,
            outcome=SessionOutcome.ENDED_EARLY,
        )
    )


def test_a_session_that_ended_early_is_no_clash(desk: Desk) -> None:
    # 21:00-22:00 booked, ended at 21:20; a new booking at 21:30 is free to accept.
    desk.book("done", pkg=package(minutes=60), status=BookingStatus.DONE)
    record(desk, "done", 0, 20)
    new = desk.book(
        "new",
        start=T0 + timedelta(minutes=30),
        pkg=package(minutes=30),
        status=BookingStatus.PENDING,
    )
    desk.clock.advance(25 * 60)
    book = bookings(desk)
    assert book.warnings_for(new).overlaps == ()
    item = book.answer("new", accept=True)
    assert item.state is OutboxState.QUEUED
    loaded = desk.store.load(Booking, "new")
    assert loaded is not None and loaded.status is BookingStatus.ACCEPTED


def test_a_real_overlap_is_refused_not_just_warned(desk: Desk) -> None:
    accepted = desk.book("accepted", pkg=package(minutes=60))
    clash = desk.book(
        "clash",
        start=T0 + timedelta(minutes=45),
        pkg=package(minutes=30),
        status=BookingStatus.PENDING,
    )
    book = bookings(desk)
    assert book.warnings_for(clash).overlaps == (accepted,)
    with pytest.raises(BookingOverlapError) as refused:
        book.answer("clash", accept=True)
    assert refused.value.overlaps == (accepted,)
    loaded = desk.store.load(Booking, "clash")
    assert loaded is not None and loaded.status is BookingStatus.PENDING  # nothing changed
    assert desk.outbox.items() == ([], [])  # and nothing was queued for the agency
    book.answer("clash", accept=False)  # declining it is always possible
    with pytest.raises(BookingAlreadyAnsweredError):
        book.answer("clash", accept=True)


def test_a_live_session_running_over_holds_its_time(desk: Desk) -> None:
    desk.book("live", pkg=package(minutes=30), status=BookingStatus.LIVE)
    right_after = desk.book(
        "after",
        start=T0 + timedelta(minutes=35),
        pkg=package(minutes=30),
        status=BookingStatus.PENDING,
    )
    book = bookings(desk)
    assert book.warnings_for(right_after).overlaps == ()  # 21:30 is its booked end
    desk.clock.advance(40 * 60)  # 21:40 and the live session still runs
    assert [b.id for b in book.warnings_for(right_after).overlaps] == ["live"]
