"""What the agency store hands out, and the small helpers every part of it shares."""

from __future__ import annotations

import enum
import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

__all__ = [
    "AlertChannel",
    "AlertKind",
    "BeginResult",
    "BookingStatus",
    "ChangeMarks",
    "EscalationRow",
    "Fault",
    "FeedRow",
    "NoticeStatus",
    "ReportRow",
    "StaffRole",
    "StoredResponse",
    "Talent",
    "iso",
    "new_id",
    "now_utc",
    "parse_time",
    "sha256",
]


class BookingStatus(enum.StrEnum):
    """A booking at the agency (its answer and session are kept beside it)."""

    BOOKED = "booked"
    CANCELLED = "cancelled"


class StaffRole(enum.StrEnum):
    """What a staff account may do: supervisors handle escalations and reports; admins
    also talents, devices, bookings, configuration and staff."""

    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class AlertKind(enum.StrEnum):
    """A step of the escalation policy."""

    REALERT = "realert"  # nobody took it: alert every supervisor on duty and the next level
    UNANSWERED = "unanswered"  # the rounds are spent: the talent is told to call
    REMIND = "remind"  # taken but not resolved: remind its owner


class AlertChannel(enum.StrEnum):
    """How an alert notice reaches its recipient."""

    CONSOLE = "console"  # shown in the console (sound, notification) to the recipient
    WEBHOOK = "webhook"  # POSTed as JSON to the agency's alert address


class NoticeStatus(enum.StrEnum):
    """Where an alert notice is."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


def now_utc() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """A time as stored: full precision and the original offset, so it comes back unchanged."""
    return moment.isoformat()


def parse_time(text: str | None) -> datetime | None:
    """A stored time, or None."""
    return None if text is None else datetime.fromisoformat(text)


def sha256(text: str) -> str:
    """The hex SHA-256 of a text (pairing codes and tokens are stored only this way)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def new_id(prefix: str) -> str:
    """A fresh random id such as ``bk_1f2e3d4c5b6a7980``."""
    return f"{prefix}_{secrets.token_hex(8)}"


@dataclass(frozen=True, slots=True)
class Talent:
    """A talent the agency works with."""

    id: str
    display_name: str


@dataclass(frozen=True, slots=True)
class ChangeMarks:
    """What a process polling a SQLite file compares to learn of other processes' writes."""

    #: The highest sequence number of any feed (0 if none).
    feeds: int
    #: The highest sequence number of the timeline (0 if none).
    moments: int
    #: How many devices are revoked, and the latest revocation's time.
    revoked: int
    revoked_at: str | None


@dataclass(frozen=True, slots=True)
class FeedRow:
    """One stored feed event."""

    seq: int
    type: str
    at: str
    data: bytes


@dataclass(frozen=True, slots=True)
class StoredResponse:
    """An HTTP answer kept for an idempotency key."""

    status: int
    content_type: str
    body: bytes


@dataclass(frozen=True, slots=True)
class BeginResult:
    """What reserving an idempotency key found.

    ``outcome`` is ``"new"`` (go ahead), ``"replay"`` (``stored`` is the first answer),
    ``"mismatch"`` (the key was used with another request) or ``"in_progress"``.
    """

    outcome: Literal["new", "replay", "mismatch", "in_progress"]
    stored: StoredResponse | None = None


@dataclass(frozen=True, slots=True)
class Fault:
    """An injected fault, as taken for one request (a test instrument)."""

    id: int
    path_prefix: str
    method: str | None
    kind: str
    status: int
    retry_after: int | None
    delay_seconds: float
    remaining: int


@dataclass(frozen=True, slots=True)
class EscalationRow:
    """An escalation as agency staff see it."""

    id: str
    talent: str
    status: str
    at: str
    booking_id: str | None
    crisis_sign: str | None
    note: str | None
    follow_ups: int
    supervisor: str | None
    kind: str = "button"
    priority: str = "urgent"
    alerted_rounds: int = 0
    unanswered: bool = False
    resolution_reason: str | None = None
    supervisor_note: str | None = None
    created_at: str = ""
    acknowledged_at: str | None = None
    resolved_at: str | None = None
    owner_id: str | None = None
    talent_id: str = ""


@dataclass(frozen=True, slots=True)
class ReportRow:
    """An incident report as agency staff see it."""

    id: str
    ticket: str
    talent: str
    category: str
    level: str
    status: str
    at: str
    booking_id: str
    description: str
    note: str | None
    owner: str | None = None
    created_at: str = ""
    first_response_at: str | None = None
    staff_updated_at: str | None = None
