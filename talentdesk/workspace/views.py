"""What a workspace hands the view: plain, frozen values read in one go.

Each one is read on a worker thread (they touch the vault) and shown on the GUI thread;
none of them changes after it is made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

import msgspec

from talentdesk.domain import (
    DEFAULT_EMERGENCY_CONTACTS,
    Booking,
    BoundaryPreset,
    CustomerContact,
    EmergencyContact,
    SessionRecord,
    ShiftLimits,
)

if TYPE_CHECKING:
    from talentdesk.safety import EscalationView, NightCounts, ReportView
    from talentdesk.sessions.bookings import AnswerWarnings
    from talentdesk.sessions.pace import SessionPace
    from talentdesk.sessions.runner import ClosingRoutine, LiveSession
    from talentdesk.sync.outbox import OutboxState

__all__ = [
    "AcceptCheck",
    "BookingRow",
    "HelpNumbers",
    "OpenedSession",
    "SafetySnapshot",
    "SessionChoice",
    "SessionContext",
    "SessionWatch",
    "TonightView",
]


class BookingRow(msgspec.Struct, frozen=True):
    """One booking as Today shows it, with the state of the answer sent for it.

    Attributes:
        answer: the outbox state of the talent's latest answer, None if not answered here.
        answer_error: the agency's words when it refused the answer.
    """

    booking: Booking
    answer: OutboxState | None = None
    answer_error: str | None = None


class TonightView(msgspec.Struct, frozen=True):
    """Tonight's bookings, oldest first, and the names of those that could not be read."""

    rows: tuple[BookingRow, ...] = ()
    unreadable: tuple[str, ...] = ()


class AcceptCheck(msgspec.Struct, frozen=True):
    """What to tell the talent before accepting a booking.

    Attributes:
        limits: the shift limits the warnings were checked against.
        preset_name: the active boundary preset, if any.
    """

    booking: Booking
    warnings: AnswerWarnings
    limits: ShiftLimits
    preset_name: str | None


class SessionContext(msgspec.Struct, frozen=True):
    """What the session windows need from the vault besides the session itself.

    Attributes:
        hotkey_message_in, hotkey_replied: the system-wide pace hotkeys (pynput's
            spelling; "" for none).
        pace_sound: a sound when a reply nears the agency's limit.
    """

    talent_name: str = ""
    contact_minutes: int = 10
    preset: BoundaryPreset | None = None
    hotkey_message_in: str = "<ctrl>+<alt>+m"
    hotkey_replied: str = "<ctrl>+<alt>+r"
    pace_sound: bool = False


class OpenedSession(msgspec.Struct, frozen=True):
    """A live session and everything the windows show about it, read at once.

    Attributes:
        contact: the customer, while the session is live.
        pace: the reply-pace meter of a chat session; None for calls.
        routine: the closing routine of a session that was already ended (resumed).
    """

    live: LiveSession
    contact: CustomerContact | None
    context: SessionContext
    pace: SessionPace | None
    routine: ClosingRoutine | None


class SessionWatch:
    """The session runner's live session as the safety services see it.

    Satisfies :class:`talentdesk.safety.SessionWatch`: the booked end in monotonic
    seconds on the check's clock (worked out from the time already elapsed, so it is
    right after a resume too), and whether the talent has ended it.
    """

    def __init__(self, live: LiveSession, clock: Callable[[], float]) -> None:
        self._live = live
        self._booking_id = live.booking_id
        self._booked_end = clock() - live.elapsed() + live.planned_seconds

    @property
    def booking_id(self) -> str:
        """The booking of the session."""
        return self._booking_id

    @property
    def booked_end(self) -> float:
        """When the booked time is up, in monotonic seconds."""
        return self._booked_end

    @property
    def ended(self) -> bool:
        """Whether the talent has ended the session (closing or finished)."""
        from talentdesk.sessions.runner import SessionPhase

        return self._live.phase in (SessionPhase.CLOSING, SessionPhase.FINISHED)

    @property
    def session(self) -> LiveSession:
        """The runner's live session."""
        return self._live


class SafetySnapshot(msgspec.Struct, frozen=True):
    """Everything the safety screens list, as last loaded.

    Attributes:
        escalations: Newest first.
        reports: Newest first.
        counts: Tonight's after-care counts (None before the first load).
        contacts: The emergency contacts (the agency's, else the public lines).
        supervisor_phone: Whom to call when nobody takes an escalation (the agency's
            config), if the agency gave one.
    """

    escalations: tuple[EscalationView, ...] = ()
    reports: tuple[ReportView, ...] = ()
    counts: NightCounts | None = None
    contacts: tuple[EmergencyContact, ...] = DEFAULT_EMERGENCY_CONTACTS
    supervisor_phone: str | None = None

    def escalation(self, escalation_id: str) -> EscalationView | None:
        """One escalation by id."""
        return next((v for v in self.escalations if v.id == escalation_id), None)

    def report(self, report_id: str) -> ReportView | None:
        """One report by id."""
        return next((v for v in self.reports if v.id == report_id), None)

    def latest_for(self, booking_id: str | None) -> EscalationView | None:
        """The newest escalation about ``booking_id``."""
        return next((v for v in self.escalations if v.booking_id == booking_id), None)

    def with_escalation(self, view: EscalationView) -> SafetySnapshot:
        """This snapshot with ``view`` added or replaced (newest first).

        After every click: a new escalation goes in front and a changed one takes its
        place, without sorting the whole history again.
        """
        listed = self.escalations
        key = (view.raised_at, view.id)
        if not listed or key > (listed[0].raised_at, listed[0].id):
            # Newer than the newest: a new one (ids are unique), no need to look for it.
            return msgspec.structs.replace(self, escalations=(view, *listed))
        at = next((n for n, v in enumerate(listed) if v.id == view.id), None)
        if at is not None and listed[at].raised_at == view.raised_at:
            merged = (*listed[:at], view, *listed[at + 1 :])
        elif at is None and (not listed or key >= (listed[0].raised_at, listed[0].id)):
            merged = (view, *listed)
        else:
            others = [v for v in listed if v.id != view.id]
            merged = tuple(sorted((view, *others), key=lambda v: (v.raised_at, v.id), reverse=True))
        return msgspec.structs.replace(self, escalations=merged)


class HelpNumbers(msgspec.Struct, frozen=True):
    """Whom to call when nobody at the agency takes an escalation.

    Attributes:
        supervisor_phone: The agency's supervisor line (its config), if it gave one.
        contacts: The emergency numbers (the agency's, else the public lines).
    """

    supervisor_phone: str | None = None
    contacts: tuple[EmergencyContact, ...] = DEFAULT_EMERGENCY_CONTACTS


@dataclass(frozen=True)
class SessionChoice:
    """A session a report can be about: the live one, or one that ended recently.

    Attributes:
        record: The ended session's record; None for the live session.
        deadline: Until when a report is accepted (None while live).
        too_late: The 24-hour window has closed.
    """

    booking_id: str
    session_id: str
    package_name: str
    started_at: datetime
    ended_at: datetime | None = None
    deadline: datetime | None = None
    too_late: bool = False
    record: SessionRecord | None = field(default=None, compare=False)

    @property
    def live(self) -> bool:
        """Whether this is the session running now."""
        return self.ended_at is None
