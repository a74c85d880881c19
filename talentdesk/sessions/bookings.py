"""Tonight's bookings: listing them, warning before an answer, and answering.

An answer changes the booking and queues its message to the agency in one
vault transaction, so the two can never disagree after a crash.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import msgspec

from talentdesk.domain import (
    Booking,
    BookingStatus,
    BoundaryPreset,
    BusySpan,
    Conflict,
    CustomerContact,
    SessionRecord,
    boundary_conflicts,
    busy_span,
    contact_visible,
    find_overlaps,
    shift_limit_problems,
)
from talentdesk.sessions.settings import load_settings
from talentdesk.sync.outbox import Outbox, OutboxItem
from talentdesk.sync.requests import AnswerBooking
from talentdesk.vault import IntegrityProblem, RecordIntegrityError, Vault
from talentdesk.vault.records import RecordStore
from talentdesk_contract import wire
from talentdesk_contract.values import BookingAnswer


class BookingNotFoundError(LookupError):
    """No such booking (it may have been cancelled meanwhile)."""


class BookingAlreadyAnsweredError(RuntimeError):
    """The booking is no longer waiting for an answer."""


class BookingOverlapError(RuntimeError):
    """Accepting would put two sessions at the same time: refused, whatever the talent says.

    Attributes:
        overlaps: The committed bookings it clashes with, by the time they really take.
    """

    def __init__(self, overlaps: tuple[Booking, ...]) -> None:
        super().__init__(f"overlaps {len(overlaps)} booking(s)")
        self.overlaps = overlaps


class AnswerWarnings(msgspec.Struct, frozen=True):
    """What the talent should know before accepting a booking."""

    conflicts: tuple[Conflict, ...] = ()
    overlaps: tuple[Booking, ...] = ()
    shift_problems: tuple[str, ...] = ()

    @property
    def any(self) -> bool:
        return bool(self.conflicts or self.overlaps or self.shift_problems)


@dataclass
class Tonight:
    """Bookings from a little before now to the end of the night, oldest first."""

    bookings: list[Booking] = field(default_factory=list)
    problems: list[IntegrityProblem] = field(default_factory=list)


class Bookings:
    """Bookings as the talent works with them.

    Args:
        vault: the open vault.
        outbox: where answers go.
        now: the wall clock (UTC), replaceable in tests.
    """

    def __init__(
        self,
        vault: Vault,
        outbox: Outbox,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.vault = vault
        self.store = RecordStore(vault)
        self.outbox = outbox
        self.now = now

    def tonight(self, span: timedelta = timedelta(hours=18)) -> Tonight:
        """Bookings that end after 6 hours ago and start within ``span`` from now."""
        loaded = self.store.load_all(Booking)
        now = self.now()
        items = [
            b for b in loaded.items if b.end > now - timedelta(hours=6) and b.start < now + span
        ]
        items.sort(key=lambda b: (b.start, b.id))
        return Tonight(items, loaded.problems)

    def active_preset(self) -> BoundaryPreset | None:
        settings = load_settings(self.vault)
        if settings.active_preset_id is None:
            return None
        try:
            return self.store.load(BoundaryPreset, settings.active_preset_id)
        except RecordIntegrityError:
            return None

    def committed(self) -> list[BusySpan]:
        """Accepted, live and done bookings, each with the time it really takes.

        A finished session counts from its own start to its own end (one that ended early
        frees the rest of its slot), a live one until now if it runs over; the others as
        booked.
        """
        sessions = {r.booking_id: r for r in self.store.load_all(SessionRecord).items}
        now = self.now()
        return [
            busy_span(b, sessions.get(b.id) if b.status is BookingStatus.DONE else None, now)
            for b in self.store.load_all(Booking).items
            if b.status in (BookingStatus.ACCEPTED, BookingStatus.LIVE, BookingStatus.DONE)
        ]

    def warnings_for(self, booking: Booking) -> AnswerWarnings:
        """Boundary conflicts with the active preset, overlaps, and broken shift limits.

        Overlaps are not a warning to accept anyway: :meth:`answer` refuses them.
        """
        preset = self.active_preset()
        committed = self.committed()
        return AnswerWarnings(
            conflicts=boundary_conflicts(booking.package, preset) if preset else (),
            overlaps=find_overlaps(booking, committed),
            shift_problems=shift_limit_problems(
                booking, committed, load_settings(self.vault).shift_limits
            ),
        )

    def contact(self, booking: Booking, minutes_before: int) -> CustomerContact | None:
        """The customer's alias and handle, only inside the contact window."""
        if not contact_visible(booking, self.now(), minutes_before):
            return None
        try:
            return self.store.load(CustomerContact, booking.id)
        except RecordIntegrityError:
            return None

    def answer(self, booking_id: str, *, accept: bool, reason: str | None = None) -> OutboxItem:
        """Accept or decline a pending booking; the answer is queued for the agency.

        Raises:
            BookingNotFoundError, BookingAlreadyAnsweredError.
            BookingOverlapError: accepting it would put two sessions at the same time.
        """
        with self.vault.transaction():
            booking = self.store.load(Booking, booking_id)
            if booking is None:
                raise BookingNotFoundError(booking_id)
            if booking.status is not BookingStatus.PENDING:
                raise BookingAlreadyAnsweredError(booking.status.value)
            if accept:
                clashes = find_overlaps(booking, self.committed())
                if clashes:
                    raise BookingOverlapError(clashes)
            status = BookingStatus.ACCEPTED if accept else BookingStatus.DECLINED
            self.store.save(msgspec.structs.replace(booking, status=status))
            body = wire.BookingAnswerRequest(
                answer=BookingAnswer.ACCEPT if accept else BookingAnswer.DECLINE,
                reason=(reason or None) if not accept else None,
            )
            item = self.outbox.enqueue(
                AnswerBooking(booking_id=booking_id, body=body), ref=booking_id
            )
        if not accept and booking_id in self.vault.customer_bookings():
            # A declined booking keeps no customer data. Only this one: a wider sweep
            # here could reach a live session's booking the agency cancelled meanwhile.
            self.vault.shred_booking(booking_id)
        return item
