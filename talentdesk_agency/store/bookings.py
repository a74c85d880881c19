"""Bookings: pushed by staff, answered and run by the talent's app, forgotten when over.

The customer's alias and handle are kept only while they can still be needed: once the
booking is cancelled or its session has ended, :func:`scrub_customer` removes them from
the bookings table and from every stored event that carried them, in the same
transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Final, Literal

import msgspec

from talentdesk_agency.problems import AgencyError, ApiError
from talentdesk_agency.store import feed
from talentdesk_agency.store.devices import Devices
from talentdesk_agency.store.engine import Database, Tx
from talentdesk_agency.store.records import BookingStatus, iso, new_id, now_utc
from talentdesk_agency.store.settings import Settings
from talentdesk_contract import wire
from talentdesk_contract.values import SessionEventType
from talentdesk_contract.wire import EventType, ProblemType

__all__ = ["REMOVED", "BookingRow", "Bookings", "scrub_customer"]

#: The widest a stored start's offset can be from UTC (UTC+14, UTC-12).
_WIDEST_OFFSET: Final = timedelta(hours=14)

#: What replaces customer data in stored events once a session is over.
REMOVED: Final = "(removed)"
_BOOKING_EVENTS: Final = (
    EventType.BOOKING_CREATED,
    EventType.BOOKING_UPDATED,
    EventType.BOOKING_REBOOKED,
)


def scrub_customer(tx: Tx, booking_id: str) -> None:
    """Remove a booking's customer data from the bookings table and its feed events.

    The agency no longer needs it once the session is over or cancelled. On SQLite,
    ``secure_delete`` and a WAL truncation after the commit remove it from the file too.
    """
    tx.scrubbed = True
    tx.execute("UPDATE bookings SET alias = NULL, handle = NULL WHERE id = ?", (booking_id,))
    rows = tx.all(
        "SELECT seq, data FROM events WHERE booking_id = ? AND type IN (?, ?, ?)",
        (booking_id, *_BOOKING_EVENTS),
    )
    for seq, data in rows:
        # Rewritten here rather than with each database's JSON functions: one code path.
        event: Any = msgspec.json.decode(data)
        customer = event.get("customer") if isinstance(event, dict) else None
        if not isinstance(customer, dict):
            continue
        customer.update(alias=REMOVED, contact_handle=REMOVED)
        tx.execute(
            "UPDATE events SET data = ? WHERE seq = ?", (msgspec.json.encode(event).decode(), seq)
        )


@dataclass(frozen=True, slots=True)
class BookingRow:
    """A booking as staff see it: no customer data (the console never shows it)."""

    id: str
    talent: str
    start: str
    package: wire.Package
    returning: bool
    status: BookingStatus
    cancel_reason: str | None
    answer: str | None
    answer_reason: str | None
    started_at: str | None
    ended_at: str | None
    outcome: str | None

    @property
    def live(self) -> bool:
        """The talent's session for it is running now (started, not ended)."""
        return self.started_at is not None and self.ended_at is None

    @property
    def session(self) -> Literal["live", "ended"] | None:
        """Where its session is: running now, over, or not started (None)."""
        if self.ended_at is not None:
            return "ended"
        return "live" if self.live else None


class Bookings:
    """Bookings, from both sides."""

    def __init__(self, db: Database, devices: Devices, settings: Settings) -> None:
        self._db = db
        self._devices = devices
        self._settings = settings

    def _package(self, package_id: str) -> wire.Package:
        packages = self._settings.config().packages
        for package in packages:
            if package.id == package_id:
                return package
        known = ", ".join(p.id for p in packages) or "none"
        raise AgencyError(
            f"no package {package_id!r} in the configuration (known: {known})",
            code="no_package",
        )

    # --- the staff side -------------------------------------------------------------

    def create(
        self,
        talent_name: str,
        *,
        start: datetime,
        package_id: str,
        alias: str,
        handle: str,
        returning: bool = False,
    ) -> str:
        """Book a session and push it to the talent.

        A returning customer's booking is pushed as ``booking.rebooked`` with
        ``needs_unblock``: the talent blocked them after the last session.

        Returns:
            The booking id.

        Raises:
            AgencyError: If the talent or package is unknown, ``start`` has no offset, or
                the alias or handle is empty or too long.
        """
        if start.tzinfo is None:
            raise AgencyError(
                "the start time needs a UTC offset, e.g. 2025-05-01T21:00+07:00",
                code="start_needs_zone",
            )
        if not 1 <= len(alias) <= 64:
            raise AgencyError(
                "the customer alias must be 1 to 64 characters long", code="alias_length"
            )
        if not 1 <= len(handle) <= 128:
            raise AgencyError(
                "the contact handle must be 1 to 128 characters long", code="handle_length"
            )
        talent = self._devices.talent_by_name(talent_name)
        package = self._package(package_id)
        booking_id = new_id("bk")
        data = wire.BookingData(
            booking=wire.BookingInfo(
                id=booking_id,
                start=start,
                package=package,
                returning_customer=returning,
                needs_unblock=returning,
            ),
            customer=wire.Customer(alias=alias, contact_handle=handle),
        )
        kind = EventType.BOOKING_REBOOKED if returning else EventType.BOOKING_CREATED
        with self._db.write() as tx:
            tx.execute(
                "INSERT INTO bookings(id, talent_id, start, package, alias, handle, "
                "returning_customer, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    booking_id,
                    talent.id,
                    iso(start),
                    wire.encode(package).decode(),
                    alias,
                    handle,
                    int(returning),
                    iso(now_utc()),
                ),
            )
            feed.append(tx, talent.id, kind, wire.encode(data), booking_id)
        return booking_id

    def update(
        self, booking_id: str, *, start: datetime | None = None, package_id: str | None = None
    ) -> None:
        """Move a booking or change its package, and push ``booking.updated``.

        Raises:
            AgencyError: If the booking is unknown, cancelled or its customer data is
                already removed (the session is over), or the change is invalid.
        """
        if start is not None and start.tzinfo is None:
            raise AgencyError(
                "the start time needs a UTC offset, e.g. 2025-05-01T21:00+07:00",
                code="start_needs_zone",
            )
        package = None if package_id is None else self._package(package_id)
        with self._db.write() as tx:
            row = tx.one_locked(
                "SELECT talent_id, start, package, alias, handle, returning_customer, status "
                "FROM bookings WHERE id = ?",
                (booking_id,),
            )
            if row is None:
                raise AgencyError(f"no booking {booking_id}", code="no_booking")
            talent_id, old_start, old_package, alias, handle, returning, status = row
            if status == BookingStatus.CANCELLED:
                raise AgencyError(f"booking {booking_id} is cancelled")
            if alias is None:
                raise AgencyError(f"booking {booking_id} is over; its customer data is removed")
            new_start = start or datetime.fromisoformat(old_start)
            new_package = package or wire.decode(old_package, wire.Package)
            tx.execute(
                "UPDATE bookings SET start = ?, package = ? WHERE id = ?",
                (iso(new_start), wire.encode(new_package).decode(), booking_id),
            )
            data = wire.BookingData(
                booking=wire.BookingInfo(
                    id=booking_id,
                    start=new_start,
                    package=new_package,
                    returning_customer=bool(returning),
                    needs_unblock=bool(returning),
                ),
                customer=wire.Customer(alias=alias, contact_handle=handle),
            )
            feed.append(tx, talent_id, EventType.BOOKING_UPDATED, wire.encode(data), booking_id)

    def cancel(self, booking_id: str, reason: str = "cancelled by the agency") -> None:
        """Cancel a booking, push ``booking.cancelled`` and remove the customer's data.

        Raises:
            AgencyError: If the booking is unknown or already cancelled, or the reason is
                longer than 500 characters.
        """
        if len(reason) > 500:
            raise AgencyError(
                "the reason must be at most 500 characters long", code="reason_too_long", limit=500
            )
        with self._db.write() as tx:
            row = tx.one_locked(
                "SELECT talent_id, status FROM bookings WHERE id = ?",
                (booking_id,),
            )
            if row is None:
                raise AgencyError(f"no booking {booking_id}", code="no_booking")
            if row[1] == BookingStatus.CANCELLED:
                raise AgencyError(
                    f"booking {booking_id} is already cancelled", code="already_cancelled"
                )
            tx.execute(
                "UPDATE bookings SET status = ?, cancel_reason = ? WHERE id = ?",
                (BookingStatus.CANCELLED, reason, booking_id),
            )
            data = wire.BookingCancelledData(booking_id=booking_id, reason=reason)
            feed.append(tx, row[0], EventType.BOOKING_CANCELLED, wire.encode(data), booking_id)
            scrub_customer(tx, booking_id)

    def rows(self, *, since: datetime | None = None, limit: int = 500) -> list[BookingRow]:
        """Bookings by start time (from ``since`` on, if given), with their answers and
        sessions; never the customer's alias or handle."""
        if since is None:
            out = self._rows("", [], "ORDER BY b.start DESC LIMIT ?", limit)  # the newest
        else:
            # From ``since`` on, earliest first: a later week of bookings must not push
            # tonight's past the limit. Starts are stored with the offset they were given,
            # so their text sorts by wall clock, which is within 14 hours (the widest
            # offsets) of the real order: read from 14 hours earlier, cut exactly below.
            floor = (since.astimezone(UTC) - _WIDEST_OFFSET).replace(tzinfo=None).isoformat()
            out = self._rows("WHERE b.start >= ? ", [floor], "ORDER BY b.start LIMIT ?", limit)
            out = [b for b in out if datetime.fromisoformat(b.start) >= since]
        out.sort(key=lambda b: datetime.fromisoformat(b.start))
        return out

    def row(self, booking_id: str) -> BookingRow | None:
        """One booking as staff see it, or None."""
        found = self._rows("WHERE b.id = ? ", [booking_id], "LIMIT ?", 1)
        return found[0] if found else None

    def _rows(self, where: str, params: list[Any], order: str, limit: int) -> list[BookingRow]:
        sql = (
            "SELECT b.id, t.display_name, b.start, b.package, b.returning_customer, b.status, "
            "b.cancel_reason, b.answer, b.answer_reason, s.at, e.at, e.outcome "
            "FROM bookings b JOIN talents t ON t.id = b.talent_id "
            "LEFT JOIN session_events s ON s.booking_id = b.id AND s.type = ? "
            "LEFT JOIN session_events e ON e.booking_id = b.id AND e.type = ? "
        )
        values = [SessionEventType.STARTED, SessionEventType.ENDED, *params, limit]
        with self._db.read() as tx:
            rows = tx.all(sql + where + order, tuple(values))
        return [
            BookingRow(
                id=r[0],
                talent=r[1],
                start=r[2],
                package=wire.decode(r[3], wire.Package),
                returning=bool(r[4]),
                status=BookingStatus(r[5]),
                cancel_reason=r[6],
                answer=r[7],
                answer_reason=r[8],
                started_at=r[9],
                ended_at=r[10],
                outcome=r[11],
            )
            for r in rows
        ]

    # --- the app side (each inside Idempotency.run_write) ---------------------------

    @staticmethod
    def _row(tx: Tx, talent_id: str, booking_id: str) -> tuple[Any, ...]:
        row = tx.one_locked(
            "SELECT status, answer FROM bookings WHERE id = ? AND talent_id = ?",
            (booking_id, talent_id),
        )
        if row is None:
            raise ApiError(404, ProblemType.NOT_FOUND, "No such booking for this talent.")
        return row

    def answer(
        self, talent_id: str, booking_id: str, request: wire.BookingAnswerRequest
    ) -> tuple[int, bytes]:
        """Record the talent's answer to a booking.

        Raises:
            ApiError: 404 for an unknown booking, 409 if it was cancelled or already
                answered the other way.
        """
        with self._db.write() as tx:
            status, answer = self._row(tx, talent_id, booking_id)
            if status == BookingStatus.CANCELLED:
                raise ApiError(
                    409,
                    ProblemType.CONFLICT,
                    "The agency cancelled this booking; it needs no answer.",
                )
            if answer is not None and answer != request.answer:
                raise ApiError(
                    409,
                    ProblemType.CONFLICT,
                    f"This booking was already answered ({answer}). Contact the agency to "
                    "change it.",
                )
            tx.execute(
                "UPDATE bookings SET answer = ?, answer_reason = ?, answered_at = ? WHERE id = ?",
                (request.answer, request.reason, iso(now_utc()), booking_id),
            )
        result = wire.BookingAnswerResult(booking_id=booking_id, answer=request.answer)
        return 200, wire.encode(result)

    def record_session_event(
        self, talent_id: str, booking_id: str, request: wire.SessionEventRequest
    ) -> tuple[int, bytes]:
        """Record that a booking's session started or ended.

        When it ended, the customer's data is removed from the agency's copy too.

        Raises:
            ApiError: 404 for an unknown booking, 409 if this event was already recorded.
        """
        with self._db.write() as tx:
            self._row(tx, talent_id, booking_id)
            recorded = tx.run(
                "INSERT INTO session_events(booking_id, type, at, planned_seconds, "
                "actual_seconds, outcome, received_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                (
                    booking_id,
                    request.type,
                    iso(request.at),
                    request.planned_seconds,
                    request.actual_seconds,
                    request.outcome,
                    iso(now_utc()),
                ),
            )
            if not recorded:
                raise ApiError(
                    409,
                    ProblemType.CONFLICT,
                    f"This session's '{request.type}' event is already recorded.",
                )
            if request.type == SessionEventType.ENDED:
                scrub_customer(tx, booking_id)
        result = wire.SessionEventResult(booking_id=booking_id, type=request.type)
        return 200, wire.encode(result)
