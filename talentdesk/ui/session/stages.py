"""Where a booking is on its way to a session, as Today shows it.

The booking's own status says what the agency and the talent decided; the stage adds
the clock (before or inside the contact window, time passed) and the live session
(running, or in its wrap-up). Pure functions of their arguments; no Qt, no vault.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from talentdesk.domain import Booking, BookingStatus, contact_window
from talentdesk.sessions.terms import SessionPhase

__all__ = ["BookingStage", "can_start", "stage_of"]

if TYPE_CHECKING:
    from talentdesk.sessions.runner import LiveSession


class BookingStage(enum.StrEnum):
    """A booking's stage."""

    WAITING = "waiting"  # the talent has not answered yet
    UPCOMING = "upcoming"  # accepted; the contact window is not open yet
    CONTACT_OPEN = "contact_open"  # accepted; the session can start
    LIVE = "live"
    WRAP_UP = "wrap_up"  # the session ended; closing reply, blocking, wrap-up timer
    DONE = "done"
    CANCELLED = "cancelled"
    DECLINED = "declined"
    MISSED = "missed"  # accepted, but the booked time passed without a session


def stage_of(
    booking: Booking,
    now: datetime,
    contact_minutes: int,
    live: LiveSession | None = None,
) -> BookingStage:
    """The stage of ``booking`` at ``now``.

    Args:
        booking: The booking as last loaded.
        now: Timezone-aware now.
        contact_minutes: The agency's contact window (minutes before the start).
        live: The live session, if any (of this booking or another).
    """
    if live is not None and live.booking_id == booking.id:
        phase = live.phase
        if phase is SessionPhase.FINISHED:
            return BookingStage.DONE
        return BookingStage.WRAP_UP if phase is SessionPhase.CLOSING else BookingStage.LIVE
    status = booking.status
    if status is BookingStatus.LIVE:
        return BookingStage.LIVE
    if status is BookingStatus.ACCEPTED:
        opens, closes = contact_window(booking, contact_minutes)
        if now < opens:
            return BookingStage.UPCOMING
        return BookingStage.CONTACT_OPEN if now < closes else BookingStage.MISSED
    return {
        BookingStatus.PENDING: BookingStage.WAITING,
        BookingStatus.DONE: BookingStage.DONE,
        BookingStatus.CANCELLED: BookingStage.CANCELLED,
        BookingStatus.DECLINED: BookingStage.DECLINED,
    }[status]


def can_start(stage: BookingStage, live: LiveSession | None) -> bool:
    """Whether a booking at ``stage`` may start now (one live session at a time)."""
    return stage is BookingStage.CONTACT_OPEN and live is None
