"""What the safety services need to know about sessions, and nothing more.

The session runner (``talentdesk/sessions/``) is written separately; the safety package
depends only on the small :class:`WatchedSession` protocol below, which the runner's live
session object satisfies structurally (plain attributes or properties both do).
"""

from __future__ import annotations

from typing import Protocol

from talentdesk.domain import Booking, BookingStatus, SessionRecord
from talentdesk.vault import RecordIntegrityError
from talentdesk.vault.records import RecordStore

__all__ = ["SessionEnds", "WatchedSession", "session_has_ended"]

#: Booking states after which its session cannot be running any more.
_OVER = frozenset({BookingStatus.DONE, BookingStatus.CANCELLED, BookingStatus.DECLINED})


class WatchedSession(Protocol):
    """A session that is running now, as the session runner holds it."""

    @property
    def booking_id(self) -> str:
        """The agency's booking id (one booking, one session)."""
        ...

    @property
    def booked_end(self) -> float:
        """When the booked time is up, in monotonic seconds.

        The same clock as the one given to the lone-worker check (``time.monotonic`` in
        the app), so an over-run is measured as a duration, never by the wall clock.
        """
        ...

    @property
    def ended(self) -> bool:
        """Whether the talent has ended the session."""
        ...


def session_has_ended(store: RecordStore, booking_id: str) -> bool:
    """Whether the session of ``booking_id`` is over, as far as the vault can tell.

    Over means a :class:`SessionRecord` exists for the booking (the runner writes it when
    the session ends), or the booking is done, cancelled or declined.
    """
    return SessionEnds(store)(booking_id)


class SessionEnds:
    """:func:`session_has_ended` for many bookings in a row, reading each record once.

    For one pass of tidying (the answers may change later: make a new one each pass).
    """

    def __init__(self, store: RecordStore) -> None:
        self._store = store
        self._recorded: set[str] | None = None
        self._answers: dict[str, bool] = {}

    def __call__(self, booking_id: str) -> bool:
        """Whether the session of ``booking_id`` is over."""
        if booking_id not in self._answers:
            self._answers[booking_id] = self._ended(booking_id)
        return self._answers[booking_id]

    def _ended(self, booking_id: str) -> bool:
        if self._recorded is None:
            self._recorded = {r.booking_id for r in self._store.load_all(SessionRecord).items}
        if booking_id in self._recorded:
            return True
        try:
            booking = self._store.load(Booking, booking_id)
        except RecordIntegrityError:
            return False  # unknown: keep the text until the booking is readable again
        return booking is not None and booking.status in _OVER
