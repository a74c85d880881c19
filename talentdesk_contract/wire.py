"""Agency API v1 payloads as strictly typed :mod:`msgspec` structs.

This module is the Python twin of ``agency-api.yaml`` (shipped beside it); a contract test
keeps the two in agreement. The reference agency server decodes every request with these
types, and the app's client decodes every response and feed event with them.

Two families, on purpose:

* **Requests** (app -> agency) forbid unknown fields. The server is the one decoding them,
  and a misspelt optional field (``"crisis_sgn"``) must fail loudly, not vanish.
* **Responses and feed data** (agency -> app) ignore unknown fields, so an agency backend
  may add fields without breaking apps already in the field. Types, enums and lengths are
  still checked strictly.

Every string has a length limit and every array a size limit. Datetimes must carry a UTC
offset (RFC 3339). Decode with :func:`decode`, which is strict (no ``"1"`` for ``1``).

Feed events carry their ``data`` as :class:`msgspec.Raw`; :func:`decode_event_data` turns it
into the struct for a known ``type`` and returns ``None`` for an unknown one, which the
client skips and counts instead of failing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from types import MappingProxyType
from typing import Annotated, Any, Final, Literal, Protocol, TypeAlias, TypeVar

import msgspec
from msgspec import Meta

# The value lists are defined once in .values; wire re-exports them (wire.CrisisSign is
# values.CrisisSign).
from talentdesk_contract.values import (
    BookingAnswer,
    BoundaryAnswer,
    Channel,
    CrisisSign,
    EscalationKind,
    EscalationPriority,
    EscalationStatus,
    EventType,
    Language,
    ProblemType,
    ReplyStyle,
    ReportCategory,
    ReportStatus,
    ResolutionReason,
    SessionEventType,
    SessionOutcome,
    TicketLevel,
)

__all__ = [
    "API_PREFIX",
    "EVENT_DATA_TYPES",
    "IDEMPOTENCY_KEY_HEADER",
    "IDEMPOTENCY_KEY_MAX_LENGTH",
    "IDEMPOTENCY_RETENTION_DAYS",
    "MAX_FEED_LIMIT",
    "MAX_FEED_WAIT_SECONDS",
    "MAX_NESTING_DEPTH",
    "MAX_REQUEST_BYTES",
    "MAX_RESPONSE_BYTES",
    "MAX_SEQ",
    "PROBLEM_CONTENT_TYPE",
    "REPLAYED_HEADER",
    "AgencyConfig",
    "AgencyInfo",
    "Availability",
    "AvailabilityRequest",
    "BookingAnswer",
    "BookingAnswerRequest",
    "BookingAnswerResult",
    "BookingCancelledData",
    "BookingData",
    "BookingInfo",
    "BoundaryAnswer",
    "BoundaryItem",
    "BoundaryPreset",
    "Channel",
    "CrisisSign",
    "Customer",
    "Debrief",
    "DebriefRequest",
    "DeclineReply",
    "EmergencyContact",
    "Escalation",
    "EscalationAlertData",
    "EscalationCancelRequest",
    "EscalationCreated",
    "EscalationFollowUpRequest",
    "EscalationKind",
    "EscalationPolicy",
    "EscalationPriority",
    "EscalationRequest",
    "EscalationStatus",
    "EscalationUpdateData",
    "EventData",
    "EventType",
    "FeedEvent",
    "FeedPage",
    "Health",
    "Language",
    "PaceThreshold",
    "Package",
    "PairingRequest",
    "PairingResponse",
    "Problem",
    "ProblemType",
    "ReplyStyle",
    "Report",
    "ReportCategory",
    "ReportRequest",
    "ReportStatus",
    "ReportUpdateData",
    "ResolutionReason",
    "SessionEventRequest",
    "SessionEventResult",
    "SessionEventType",
    "SessionOutcome",
    "TalentInfo",
    "TicketLevel",
    "decode",
    "decode_event_data",
    "encode",
]

# --- limits ---------------------------------------------------------------------------

API_PREFIX: Final = "/v1"
#: Request bodies larger than this are refused with 413 before they are parsed.
MAX_REQUEST_BYTES: Final = 64 * 1024
#: A client may refuse any response body larger than this (the server never sends one).
MAX_RESPONSE_BYTES: Final = 4 * 1024 * 1024
#: Most events one feed page may hold.
MAX_FEED_LIMIT: Final = 500
#: Longest long-poll a client may ask for.
MAX_FEED_WAIT_SECONDS: Final = 30
#: Sequence numbers stay exact in every JSON implementation (2**53 - 1).
MAX_SEQ: Final = 9_007_199_254_740_991
IDEMPOTENCY_KEY_HEADER: Final = "Idempotency-Key"
IDEMPOTENCY_KEY_MAX_LENGTH: Final = 128
#: A server keeps idempotency keys (and their first answer) at least this long.
IDEMPOTENCY_RETENTION_DAYS: Final = 30
#: Request bodies may nest arrays and objects at most this deep (400 otherwise).
MAX_NESTING_DEPTH: Final = 32
REPLAYED_HEADER: Final = "Idempotency-Replayed"
PROBLEM_CONTENT_TYPE: Final = "application/problem+json"

# --- constrained scalars --------------------------------------------------------------
# Patterns end in ``\Z``, not ``$``: Python's ``$`` also matches before a trailing newline,
# so ``"abc\n"`` would pass ``^[a-z]+$`` here while JSON Schema (ECMA-262) rejects it. The
# YAML spells the same patterns with ``$``.

Id: TypeAlias = Annotated[str, Meta(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+\Z")]
Name: TypeAlias = Annotated[str, Meta(min_length=1, max_length=80)]
Note: TypeAlias = Annotated[str, Meta(max_length=2000)]
Reason: TypeAlias = Annotated[str, Meta(max_length=500)]
Ticket: TypeAlias = Annotated[str, Meta(min_length=1, max_length=32)]
Timestamp: TypeAlias = Annotated[datetime, Meta(tz=True)]
Seq: TypeAlias = Annotated[int, Meta(ge=1, le=MAX_SEQ)]
Cursor: TypeAlias = Annotated[int, Meta(ge=0, le=MAX_SEQ)]
Seconds: TypeAlias = Annotated[int, Meta(ge=0, le=86_400)]
BoundaryKey: TypeAlias = Annotated[
    str, Meta(min_length=1, max_length=64, pattern=r"^[a-z0-9_.]+\Z")
]
Shortcode: TypeAlias = Annotated[str, Meta(max_length=32, pattern=r"^[a-z0-9_-]*\Z")]
PhoneNumber: TypeAlias = Annotated[
    str, Meta(min_length=2, max_length=32, pattern=r"^[0-9+][0-9 ()+-]*\Z")
]

# --- bases ----------------------------------------------------------------------------


class _Request(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """App -> agency. Unknown fields are an error."""


class _Response(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """Agency -> app. Unknown fields are ignored; absent optional fields decode as None."""


# --- agency configuration -------------------------------------------------------------


class Package(_Response, frozen=True):
    """A package the agency sells."""

    id: Id
    name: Name
    channel: Channel
    duration_minutes: Annotated[int, Meta(ge=1, le=720)]
    price_idr: Annotated[int, Meta(ge=5_000, le=300_000)]


class PaceThreshold(_Response, frozen=True):
    """Slower than ``slower_than_seconds``, ``times`` times in one session, breaks the rule."""

    slower_than_seconds: Annotated[int, Meta(ge=1, le=3_600)]
    times: Annotated[int, Meta(ge=1, le=100)]


class DeclineReply(_Response, frozen=True):
    """A default canned reply the agency offers its talents."""

    id: Id
    style: ReplyStyle
    language: Language
    text: Annotated[str, Meta(min_length=1, max_length=1_000)]
    shortcode: Shortcode


class BoundaryItem(_Response, frozen=True):
    """One boundary question and the preset's answer to it."""

    key: BoundaryKey
    label: Annotated[str, Meta(min_length=1, max_length=200)]
    answer: BoundaryAnswer
    decline_reply_ids: Annotated[tuple[Id, ...], Meta(max_length=10)]


class BoundaryPreset(_Response, frozen=True):
    """A named set of boundary answers, in one language."""

    id: Id
    name: Name
    language: Language
    items: Annotated[tuple[BoundaryItem, ...], Meta(max_length=50)]


class EmergencyContact(_Response, frozen=True):
    """A number the talent can call in an emergency.

    ``language``: what its name and note are written in; the app shows the contacts in
    the talent's language (and those with none). None: any language.
    """

    id: Id
    name: Name
    number: PhoneNumber
    note: Annotated[str, Meta(max_length=200)] | None = None
    language: Language | None = None


class _Written(Protocol):
    @property
    def language(self) -> str | None: ...


_Contact = TypeVar("_Contact", bound=_Written)


def in_language(contacts: Sequence[_Contact], language: str) -> tuple[_Contact, ...]:
    """The emergency contacts written in ``language`` and those in no language in particular,
    as the desk shows them to a talent and the console to a supervisor.

    If the agency wrote none in ``language``, all of them: a number in another language
    beats no number.
    """
    fitting = tuple(c for c in contacts if c.language in (None, language))
    return fitting or tuple(contacts)


class EscalationPolicy(_Response, frozen=True):
    """When the agency alerts again about an escalation nobody took, and reminds its owner.

    Unacknowledged ``realert_after_seconds`` after it arrived, the agency alerts every
    supervisor on duty and its next level again (round 1), and again each
    ``realert_after_seconds`` up to ``rounds`` rounds; one delay after the last round the
    policy is exhausted (``escalation.unanswered``). Acknowledged but not resolved after
    ``remind_owner_after_seconds``, its owner is reminded.
    """

    realert_after_seconds: Annotated[int, Meta(ge=10, le=3_600)] = 60
    remind_owner_after_seconds: Annotated[int, Meta(ge=60, le=86_400)] = 900
    rounds: Annotated[int, Meta(ge=1, le=10)] = 3


class AgencyConfig(_Response, frozen=True):
    """The agency's rules and defaults: the ``data`` of ``config.updated``."""

    packages: Annotated[tuple[Package, ...], Meta(max_length=50)]
    pace_thresholds: Annotated[tuple[PaceThreshold, ...], Meta(max_length=10)]
    contact_window_minutes: Annotated[int, Meta(ge=0, le=240)]
    decline_replies: Annotated[tuple[DeclineReply, ...], Meta(max_length=200)]
    boundary_presets: Annotated[tuple[BoundaryPreset, ...], Meta(max_length=20)]
    emergency_contacts: Annotated[tuple[EmergencyContact, ...], Meta(max_length=20)]
    supervisor_phone: PhoneNumber | None = None
    escalation_policy: EscalationPolicy | None = None


# --- feed event data ------------------------------------------------------------------


class BookingInfo(_Response, frozen=True):
    """A booking as the agency pushes it (no customer data)."""

    id: Id
    start: Timestamp
    package: Package
    returning_customer: bool
    needs_unblock: bool


class Customer(_Response, frozen=True):
    """The customer's alias and contact handle for one booking. ``repr`` redacts both."""

    alias: Annotated[str, Meta(min_length=1, max_length=64)]
    contact_handle: Annotated[str, Meta(min_length=1, max_length=128)]

    def __repr__(self) -> str:
        # Customer data must never reach a log line through a stray repr.
        return "Customer(alias=<redacted>, contact_handle=<redacted>)"

    __str__ = __repr__


class BookingData(_Response, frozen=True):
    """``data`` of ``booking.created``, ``booking.updated`` and ``booking.rebooked``."""

    booking: BookingInfo
    customer: Customer


class BookingCancelledData(_Response, frozen=True):
    """``data`` of ``booking.cancelled``."""

    booking_id: Id
    reason: Reason


class EscalationUpdateData(_Response, frozen=True):
    """``data`` of ``escalation.acknowledged`` and ``escalation.resolved`` (``reason``:
    resolved only)."""

    escalation_id: Id
    supervisor: Name
    at: Timestamp
    note: Note | None = None
    reason: ResolutionReason | None = None


class EscalationAlertData(_Response, frozen=True):
    """``data`` of ``escalation.alerted_again`` (nobody took it within the policy's delay:
    the agency alerted again) and ``escalation.unanswered`` (the policy is exhausted: call
    the supervisor's phone and the emergency numbers)."""

    escalation_id: Id
    at: Timestamp
    round: Annotated[int, Meta(ge=1, le=100)]
    supervisors_alerted: Annotated[int, Meta(ge=0, le=10_000)]


class ReportUpdateData(_Response, frozen=True):
    """``data`` of ``report.updated``."""

    report_id: Id
    ticket: Ticket
    level: TicketLevel
    status: ReportStatus
    note: Note | None = None


EventData: TypeAlias = (
    BookingData
    | BookingCancelledData
    | EscalationUpdateData
    | EscalationAlertData
    | ReportUpdateData
    | AgencyConfig
)

#: The ``data`` type of each known event type.
EVENT_DATA_TYPES: Final[Mapping[str, type[EventData]]] = MappingProxyType(
    {
        EventType.BOOKING_CREATED: BookingData,
        EventType.BOOKING_UPDATED: BookingData,
        EventType.BOOKING_REBOOKED: BookingData,
        EventType.BOOKING_CANCELLED: BookingCancelledData,
        EventType.ESCALATION_ACKNOWLEDGED: EscalationUpdateData,
        EventType.ESCALATION_RESOLVED: EscalationUpdateData,
        EventType.ESCALATION_ALERTED_AGAIN: EscalationAlertData,
        EventType.ESCALATION_UNANSWERED: EscalationAlertData,
        EventType.REPORT_UPDATED: ReportUpdateData,
        EventType.CONFIG_UPDATED: AgencyConfig,
    }
)


class FeedEvent(_Response, frozen=True):
    """One event of a talent's feed. ``data`` stays raw until its type is known."""

    seq: Seq
    type: Annotated[str, Meta(min_length=1, max_length=64)]
    at: Timestamp
    data: msgspec.Raw


class FeedPage(_Response, frozen=True):
    """``GET /v1/feed``: events after the cursor, oldest first, and the cursor to ask with next."""

    events: Annotated[tuple[FeedEvent, ...], Meta(max_length=MAX_FEED_LIMIT)]
    cursor: Cursor


# --- pairing and health ---------------------------------------------------------------


class Health(_Response, frozen=True):
    """``GET /v1/health``."""

    status: Literal["ok"]
    version: Annotated[str, Meta(min_length=1, max_length=32)]


class PairingRequest(_Request, frozen=True):
    """``POST /v1/pairing``: exchange a one-time code for a device token."""

    code: Annotated[str, Meta(min_length=1, max_length=64)]
    device_name: Name


class TalentInfo(_Response, frozen=True):
    """Who the token belongs to."""

    id: Id
    display_name: Name


class AgencyInfo(_Response, frozen=True):
    """Which agency issued the token."""

    name: Name


class PairingResponse(_Response, frozen=True):
    """``201`` answer to a pairing: keep ``token`` in the keyring, it is shown only once."""

    token: Annotated[str, Meta(min_length=16, max_length=256)]
    talent: TalentInfo
    agency: AgencyInfo

    def __repr__(self) -> str:
        # The bearer token is a credential; keep it out of reprs and logs.
        return f"PairingResponse(token=<redacted>, talent={self.talent!r}, agency={self.agency!r})"

    __str__ = __repr__


# --- writes from the app --------------------------------------------------------------


class BookingAnswerRequest(_Request, frozen=True):
    """``POST /v1/bookings/{booking_id}/answer``."""

    answer: BookingAnswer
    reason: Reason | None = None


class BookingAnswerResult(_Response, frozen=True):
    """The recorded answer."""

    booking_id: Id
    answer: BookingAnswer


class SessionEventRequest(_Request, frozen=True):
    """``POST /v1/sessions/{booking_id}/events``: a session started or ended."""

    type: SessionEventType
    at: Timestamp
    planned_seconds: Seconds
    actual_seconds: Seconds | None = None
    outcome: SessionOutcome | None = None


class SessionEventResult(_Response, frozen=True):
    """The recorded session event."""

    booking_id: Id
    type: SessionEventType


class EscalationRequest(_Request, frozen=True):
    """``POST /v1/escalations``: the talent asks a supervisor for help, now."""

    level: Literal["urgent"]
    at: Timestamp
    booking_id: Id | None = None
    crisis_sign: CrisisSign | None = None
    note: Note | None = None
    kind: EscalationKind = EscalationKind.BUTTON


class EscalationCreated(_Response, frozen=True):
    """``201`` answer to an escalation."""

    id: Id
    status: EscalationStatus


class EscalationFollowUpRequest(_Request, frozen=True):
    """``POST /v1/escalations/{id}/follow-up``: more detail on an open escalation."""

    crisis_sign: CrisisSign | None = None
    note: Note | None = None


class EscalationCancelRequest(_Request, frozen=True):
    """``POST /v1/escalations/{id}/cancel``: the talent pressed by mistake."""

    reason: Literal["false_alarm"]


class Escalation(_Response, frozen=True):
    """``GET /v1/escalations/{id}`` and the answer to follow-up and cancel."""

    id: Id
    status: EscalationStatus
    level: Literal["urgent"]
    at: Timestamp
    follow_ups: Annotated[int, Meta(ge=0, le=10_000)]
    booking_id: Id | None = None
    crisis_sign: CrisisSign | None = None
    note: Note | None = None
    supervisor: Name | None = None
    supervisor_note: Note | None = None
    acknowledged_at: Timestamp | None = None
    resolved_at: Timestamp | None = None
    cancelled_at: Timestamp | None = None
    kind: EscalationKind = EscalationKind.BUTTON
    priority: EscalationPriority = EscalationPriority.URGENT
    alerted_rounds: Annotated[int, Meta(ge=0, le=100)] = 0
    unanswered: bool = False
    resolution_reason: ResolutionReason | None = None


class DebriefRequest(_Request, frozen=True):
    """``POST /v1/debriefs``: after a hard session, the talent asks to talk to a supervisor."""

    at: Timestamp
    session_id: Id | None = None
    booking_id: Id | None = None
    note: Note | None = None


class Debrief(_Response, frozen=True):
    """``201`` answer to a debrief request: a low-priority item in the supervisors' queue."""

    id: Id
    status: EscalationStatus
    priority: EscalationPriority


class ReportRequest(_Request, frozen=True):
    """``POST /v1/reports``: an incident report about a session."""

    session_id: Id
    booking_id: Id
    category: ReportCategory
    description: Annotated[str, Meta(min_length=1, max_length=4_000)]
    at: Timestamp


class Report(_Response, frozen=True):
    """``201`` answer to a report and ``GET /v1/reports/{id}``: its ticket and progress."""

    id: Id
    ticket: Ticket
    level: TicketLevel
    status: ReportStatus
    note: Note | None = None


class AvailabilityRequest(_Request, frozen=True):
    """``PUT /v1/availability``: whether the talent takes bookings, optionally until when."""

    available: bool
    until: Timestamp | None = None


class Availability(_Response, frozen=True):
    """The recorded availability."""

    available: bool
    until: Timestamp | None = None


class Problem(_Response, frozen=True):
    """An ``application/problem+json`` error document (RFC 9457)."""

    type: Annotated[str, Meta(min_length=1, max_length=200)]
    title: Annotated[str, Meta(min_length=1, max_length=200)]
    status: Annotated[int, Meta(ge=400, le=599)]
    detail: Annotated[str, Meta(max_length=2_000)]


# --- codec ----------------------------------------------------------------------------

_T = TypeVar("_T")
_encoder = msgspec.json.Encoder()


def encode(value: Any) -> bytes:
    """Encode a wire value as compact JSON."""
    return _encoder.encode(value)


def decode(data: bytes | str, kind: type[_T]) -> _T:
    """Strictly decode JSON into ``kind``.

    Strict means no type coercion (``"1"`` is not ``1``), with one exception that JSON
    itself makes: a number with a zero fraction (``706.0``) is an integer, as JSON Schema
    says, so a peer whose JSON library writes ``706.0`` is not refused. (No v1 field is a
    float, so no value changes meaning.)

    Raises:
        msgspec.DecodeError: If ``data`` is not JSON.
        msgspec.ValidationError: If it is JSON of the wrong shape (a subclass of DecodeError).
    """
    try:
        return msgspec.json.decode(data, type=kind, strict=True)
    except msgspec.ValidationError:
        loose = msgspec.json.decode(data)
        if not _has_integral_float(loose):
            raise
        fixed = _encoder.encode(_integral_floats_to_int(loose))
        return msgspec.json.decode(fixed, type=kind, strict=True)


def _integral_floats_to_int(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {key: _integral_floats_to_int(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_integral_floats_to_int(item) for item in value]
    return value


def _has_integral_float(value: Any) -> bool:
    if isinstance(value, float):
        return value.is_integer()
    if isinstance(value, dict):
        return any(_has_integral_float(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_integral_float(item) for item in value)
    return False


def decode_event_data(event: FeedEvent) -> EventData | None:
    """Decode an event's ``data`` for its type.

    Returns:
        The typed data, or ``None`` if the event type is unknown to this version (the caller
        skips the event and counts it).

    Raises:
        msgspec.ValidationError: If a known type carries data of the wrong shape.
    """
    kind = EVENT_DATA_TYPES.get(event.type)
    if kind is None:
        return None
    return decode(event.data, kind)
