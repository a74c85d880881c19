"""After a hard session: a short check-in, a break, and a debrief if the talent wants one.

A session is hard when it was escalated, reported or ended early. When it ends, the
service offers a check-in and a break (:class:`AfterCareOffer`), and the talent can ask
the agency for a debrief.

A debrief request is its own operation of the Agency API (``POST /v1/debriefs``): an
outbox item, delivered like any other, that lands in the supervisors' queue at low
priority. "Not OK" at the check-in is an alarm: a new escalation of kind ``wellbeing``
(:meth:`AfterCare.not_ok`), never folded into another one.

Only counts are kept, per night, for the night summary (:class:`NightCounts`): never
which session was hard, why, or what the talent said.
"""

from __future__ import annotations

import enum
import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta, tzinfo
from typing import Final

import msgspec

from talentdesk.domain import SessionOutcome, SessionRecord
from talentdesk.safety._common import is_wire_id, utc_now, validated
from talentdesk.safety.escalation import Escalations, EscalationView
from talentdesk.safety.reports import IncidentReports
from talentdesk.sync.requests import RequestDebrief
from talentdesk.vault import Vault
from talentdesk_contract import wire
from talentdesk_contract.values import EscalationKind

__all__ = [
    "BREAK_MINUTES",
    "COUNTS_KIND",
    "AfterCare",
    "AfterCareOffer",
    "BreakTimer",
    "CareOffer",
    "DebriefRoute",
    "HardReason",
    "NightCounts",
    "night_of",
]

log = logging.getLogger(__name__)

#: Vault kind of the per-night counts.
COUNTS_KIND: Final = "aftercare_counts"
#: The break offered after a hard session, in minutes.
BREAK_MINUTES: Final = 10
#: A night runs from noon to noon, local time: shifts cross midnight.
_NIGHT_STARTS: Final = timedelta(hours=12)


class HardReason(enum.StrEnum):
    """Why a session counts as hard (the values are the UI's keys)."""

    ESCALATED = "escalated"
    REPORTED = "reported"
    ENDED_EARLY = "ended_early"


class CareOffer(enum.StrEnum):
    """What is offered after a hard session (the values are the UI's keys)."""

    CHECK_IN = "check_in"  # "cek kondisi": a short how-are-you
    BREAK = "break"  # "istirahat"
    DEBRIEF = "debrief"  # ask the agency for a debrief


class DebriefRoute(enum.StrEnum):
    """Where a debrief request went (the values are the UI's keys)."""

    SENT = "debrief_sent"  # queued for the agency (POST /v1/debriefs), delivered by sync


class AfterCareOffer(msgspec.Struct, frozen=True):
    """What to offer after a hard session."""

    booking_id: str
    reasons: tuple[HardReason, ...]
    offers: tuple[CareOffer, ...] = (CareOffer.CHECK_IN, CareOffer.BREAK, CareOffer.DEBRIEF)


class NightCounts(msgspec.Struct, kw_only=True):
    """Counts for one night's summary. Counts only: nothing says which session.

    Attributes:
        id: The night, as the ISO date it started on (see :func:`night_of`).
        hard_sessions: Sessions escalated, reported or ended early.
        check_ins: Check-ins the talent did.
        breaks: Breaks the talent took after a hard session.
        debriefs_sent: Debrief requests sent to the agency.
        debriefs_recorded: Debrief requests only counted here, by versions of the app
            from before the contract had a debrief operation (read, never counted now).
    """

    id: str
    hard_sessions: int = 0
    check_ins: int = 0
    breaks: int = 0
    debriefs_sent: int = 0
    debriefs_recorded: int = 0


def night_of(moment: datetime, tz: tzinfo | None = None) -> str:
    """The night ``moment`` belongs to: the local date it started on, noon to noon.

    Args:
        moment: A timezone-aware time.
        tz: The talent's time zone (default: this computer's).
    """
    local = moment.astimezone(tz) if tz is not None else moment.astimezone()
    return (local - _NIGHT_STARTS).date().isoformat()


class BreakTimer:
    """The break a talent takes after a hard session: how long is left.

    Kept in memory only (a restart ends it), timed by the monotonic clock. While it runs,
    new sessions wait (the workspace refuses to start one unless the talent overrides).
    """

    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._ends: float | None = None
        self._seconds = 0.0

    def start(self, minutes: float) -> None:
        """Start a break of ``minutes`` from now (a running one starts over)."""
        with self._lock:
            self._seconds = minutes * 60
            self._ends = self._monotonic() + self._seconds

    def end(self) -> None:
        """End the break now (it ran out, or the talent goes on anyway)."""
        with self._lock:
            self._ends = None

    def left(self) -> float | None:
        """Seconds left of the break, or None when none runs (a finished one is over)."""
        with self._lock:
            if self._ends is None:
                return None
            left = self._ends - self._monotonic()
            if left <= 0:
                self._ends = None
                return None
            return left

    @property
    def length(self) -> float:
        """How long the last break was to be, in seconds."""
        return self._seconds


class AfterCare:
    """Offers care after hard sessions and keeps the night's counts.

    Args:
        vault: The open vault.
        escalations: To tell whether a session was escalated, and to send a debrief.
        reports: To tell whether a session was reported.
        now: The wall clock (UTC), replaceable in tests.
        tz: The talent's time zone for the night boundary (default: this computer's).
        monotonic: Times the break (:attr:`pause`).

    Attributes:
        pause: The break running, if any: new sessions wait for it.
    """

    def __init__(
        self,
        vault: Vault,
        escalations: Escalations,
        reports: IncidentReports,
        *,
        now: Callable[[], datetime] = utc_now,
        tz: tzinfo | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.vault = vault
        self.escalations = escalations
        self.reports = reports
        self.pause = BreakTimer(monotonic)
        self._now = now
        self._tz = tz
        self._lock = threading.Lock()
        # Offers live in memory only: which session was hard is not written anywhere.
        self._offers: dict[str, AfterCareOffer] = {}

    def reasons(
        self, booking_id: str, outcome: SessionOutcome | None = None
    ) -> tuple[HardReason, ...]:
        """Why the session of ``booking_id`` was hard (empty if it was not)."""
        reasons: list[HardReason] = []
        if outcome is SessionOutcome.ESCALATED or self.escalations.for_booking(booking_id):
            reasons.append(HardReason.ESCALATED)
        if self.reports.for_booking(booking_id):
            reasons.append(HardReason.REPORTED)
        if outcome is SessionOutcome.ENDED_EARLY:
            reasons.append(HardReason.ENDED_EARLY)
        return tuple(reasons)

    def session_ended(self, record: SessionRecord) -> AfterCareOffer | None:
        """A session ended: offer care if it was hard, and count it once.

        Returns:
            The offer, or None for an ordinary session.
        """
        reasons = self.reasons(record.booking_id, record.outcome)
        if not reasons:
            return None
        offer = AfterCareOffer(record.booking_id, reasons)
        with self._lock:
            first = record.booking_id not in self._offers
            self._offers[record.booking_id] = offer
        if first:
            self._count(hard_sessions=1)
        log.info("after-care offered (%s)", ", ".join(reasons))
        return offer

    def offers(self) -> list[AfterCareOffer]:
        """Offers not yet dismissed."""
        with self._lock:
            return list(self._offers.values())

    def check_in_done(self, booking_id: str) -> None:
        """The talent did the check-in (what they answered is not kept)."""
        self._count(check_ins=1)
        self._settle(booking_id, CareOffer.CHECK_IN)

    def break_taken(self, booking_id: str, minutes: float = BREAK_MINUTES) -> None:
        """The talent took the break offered: it runs for ``minutes`` (counted once).

        A break already running (started a moment ago by the screen) goes on as it is.
        """
        if self.pause.left() is None:
            self.pause.start(minutes)
        self._count(breaks=1)
        self._settle(booking_id, CareOffer.BREAK)

    def dismiss(self, booking_id: str) -> None:
        """The talent closed the offer."""
        with self._lock:
            self._offers.pop(booking_id, None)

    def request_debrief(self, booking_id: str) -> DebriefRoute:
        """Ask the agency for a debrief about a session (``POST /v1/debriefs``).

        Queued in the outbox with the count, in one transaction; sync delivers it. It
        carries the session and booking references only: nothing the talent said.
        """
        booking = booking_id if is_wire_id(booking_id) else None
        session = f"session-{booking_id}"
        request = validated(
            wire.DebriefRequest(
                at=self._now(),
                session_id=session if is_wire_id(session) else None,
                booking_id=booking,
            )
        )
        with self.vault.transaction():
            self.escalations.outbox.enqueue(RequestDebrief(body=request), ref=booking_id)
            self._count(debriefs_sent=1)
        self._settle(booking_id, CareOffer.DEBRIEF)
        log.info("debrief requested")
        return DebriefRoute.SENT

    def not_ok(self, booking_id: str) -> EscalationView:
        """The talent answered "not OK" at the check-in: tell a supervisor now.

        A new escalation of kind ``wellbeing``, durable before this returns (like the
        escalate button); the check-in is counted too.
        """
        view = self.escalations.escalate(booking_id, kind=EscalationKind.WELLBEING)
        self.check_in_done(booking_id)
        log.info("after-care: not OK, escalation %s raised", view.id)
        return view

    def night_counts(self, night: str | None = None) -> NightCounts:
        """The counts of one night (default: the current one; see :func:`night_of`)."""
        night = night or night_of(self._now(), self._tz)
        payload = self.vault.get(COUNTS_KIND, night)
        if payload is None:
            return NightCounts(id=night)
        return msgspec.json.decode(payload, type=NightCounts)

    def _count(self, **increments: int) -> None:
        night = night_of(self._now(), self._tz)
        with self.vault.transaction():
            counts = self.night_counts(night)
            for name, step in increments.items():
                setattr(counts, name, getattr(counts, name) + step)
            self.vault.put(COUNTS_KIND, night, msgspec.json.encode(counts))

    def _settle(self, booking_id: str, done: CareOffer) -> None:
        with self._lock:
            offer = self._offers.get(booking_id)
            if offer is None:
                return
            left = tuple(o for o in offer.offers if o is not done)
            if left:
                self._offers[booking_id] = AfterCareOffer(booking_id, offer.reasons, left)
            else:
                del self._offers[booking_id]
