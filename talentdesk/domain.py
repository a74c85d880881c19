"""Domain layer: record types, enums and pure rules of the trade.

Plain Python only: no Qt, no I/O and no clock reads. Callers pass ``now`` (wall-clock,
timezone-aware) or monotonic seconds where a rule needs the time.

Record types are frozen :class:`msgspec.Struct` classes so the vault can store them with
``msgspec.json.encode`` / ``msgspec.json.decode(data, type=...)`` and the sync layer can
strictly decode agency payloads into them. Validation lives in ``__post_init__``, which
msgspec also runs when decoding, so an invalid payload fails with
:class:`msgspec.ValidationError` and a direct construction fails with :class:`DomainError`.

Datetimes must be timezone-aware. Any offset is accepted and normalised to UTC, so an
agency that sends ``+07:00`` (WIB) still decodes and every stored value reads back as UTC.

User-visible prose never lives here: rules return stable message keys the UI translates.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from types import MappingProxyType
from typing import Final, NamedTuple, TypeAlias

import msgspec

from talentdesk_contract import values

__all__ = [
    "AGENCY_PREFIX",
    "BOUNDARY_KEYS",
    "DEFAULT_CONTACT_WINDOW_MINUTES",
    "DEFAULT_EMERGENCY_CONTACTS",
    "DEFAULT_PACE_THRESHOLDS",
    "DURATION_MAX_MINUTES",
    "DURATION_MIN_MINUTES",
    "KEY_SERVICE_CALL",
    "KEY_SERVICE_CHAT",
    "KEY_SERVICE_VIDEO",
    "KEY_TOPIC_MEET_OFFLINE",
    "KEY_TOPIC_PAYMENT_OUTSIDE",
    "KEY_TOPIC_PERSONAL_INFO",
    "KEY_TOPIC_SEXUAL",
    "LANGUAGES",
    "MSG_BREAK_TOO_SHORT",
    "MSG_CALL_ASK_FIRST",
    "MSG_CALL_NOT_ALLOWED",
    "MSG_CHAT_ASK_FIRST",
    "MSG_CHAT_NOT_ALLOWED",
    "MSG_TOO_MANY_HOURS",
    "NIGHT_SPAN",
    "PRICE_MAX_IDR",
    "PRICE_MIN_IDR",
    "RECORD_TYPES",
    "AgencyConfig",
    "Booking",
    "BookingStatus",
    "BoundaryAnswer",
    "BoundaryItem",
    "BoundaryPreset",
    "BusySpan",
    "Channel",
    "Conflict",
    "CustomerContact",
    "DeclineReply",
    "DomainError",
    "EmergencyContact",
    "Incident",
    "IncidentCategory",
    "IncidentStatus",
    "PaceThreshold",
    "Package",
    "Record",
    "ReplyStyle",
    "SessionOutcome",
    "SessionRecord",
    "ShiftLimits",
    "SlowReplyCounter",
    "Source",
    "TicketLevel",
    "boundary_conflicts",
    "busy_span",
    "contact_visible",
    "contact_window",
    "find_overlaps",
    "format_idr",
    "record_id",
    "record_kind",
    "shift_limit_problems",
]


class DomainError(ValueError):
    """A value breaks a rule of the domain (bad price, naive datetime, ...).

    Subclasses :class:`ValueError` so msgspec turns it into a ``ValidationError`` when it is
    raised while decoding.
    """


# --- constants ------------------------------------------------------------------------

PRICE_MIN_IDR: Final = 5_000
PRICE_MAX_IDR: Final = 300_000
DURATION_MIN_MINUTES: Final = 1
DURATION_MAX_MINUTES: Final = 720
DEFAULT_CONTACT_WINDOW_MINUTES: Final = 10

#: Languages a decline reply may be written in (ISO 639-1).
LANGUAGES: Final = frozenset({"id", "en"})

#: Bookings whose start lies within this span of a candidate's start form its "night".
NIGHT_SPAN: Final = timedelta(hours=12)

# Well-known boundary keys. Presets may hold other keys too; rules only read these.
KEY_SERVICE_CHAT: Final = "service.chat"
KEY_SERVICE_CALL: Final = "service.call"
KEY_SERVICE_VIDEO: Final = "service.video"
KEY_TOPIC_SEXUAL: Final = "topic.sexual"
KEY_TOPIC_PERSONAL_INFO: Final = "topic.personal_info"
KEY_TOPIC_MEET_OFFLINE: Final = "topic.meet_offline"
KEY_TOPIC_PAYMENT_OUTSIDE: Final = "topic.payment_outside"
BOUNDARY_KEYS: Final = (
    KEY_SERVICE_CHAT,
    KEY_SERVICE_CALL,
    KEY_SERVICE_VIDEO,
    KEY_TOPIC_SEXUAL,
    KEY_TOPIC_PERSONAL_INFO,
    KEY_TOPIC_MEET_OFFLINE,
    KEY_TOPIC_PAYMENT_OUTSIDE,
)

# Message keys returned by rules; the UI maps them to translated text.
MSG_CHAT_NOT_ALLOWED: Final = "chat_not_allowed"
MSG_CHAT_ASK_FIRST: Final = "chat_ask_first"
MSG_CALL_NOT_ALLOWED: Final = "call_not_allowed"
MSG_CALL_ASK_FIRST: Final = "call_ask_first"
MSG_TOO_MANY_HOURS: Final = "too_many_hours"
MSG_BREAK_TOO_SHORT: Final = "break_too_short"


# --- helpers --------------------------------------------------------------------------


def _require_utc(owner: str, field: str, value: datetime) -> datetime:
    """Return ``value`` converted to UTC, or raise if it is naive."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise DomainError(
            f"{owner}.{field} must be a timezone-aware datetime, got naive {value.isoformat()}"
        )
    return value.astimezone(UTC)


def _set_utc(obj: msgspec.Struct, owner: str, field: str) -> None:
    """Normalise a datetime field of a frozen struct to UTC in place."""
    value = getattr(obj, field)
    if value is not None:
        # Frozen structs refuse setattr; force_setattr is msgspec's sanctioned way in
        # __post_init__.
        msgspec.structs.force_setattr(obj, field, _require_utc(owner, field, value))


def _require_id(owner: str, field: str, value: str) -> None:
    if not value.strip():
        raise DomainError(f"{owner}.{field} must not be empty")


# --- enums ----------------------------------------------------------------------------
# Value lists the agency shares are the contract's own enums (talentdesk_contract.values),
# re-exported here; the ones below are the desk's alone.

Channel = values.Channel
BoundaryAnswer = values.BoundaryAnswer
ReplyStyle = values.ReplyStyle
SessionOutcome = values.SessionOutcome
#: An incident report's category (the contract's report category).
IncidentCategory = values.ReportCategory
TicketLevel = values.TicketLevel


class BookingStatus(enum.StrEnum):
    """Lifecycle of a booking as the talent sees it."""

    PENDING = "pending"  # pushed by the agency, not yet answered by the talent
    ACCEPTED = "accepted"
    DECLINED = "declined"
    CANCELLED = "cancelled"
    LIVE = "live"
    DONE = "done"


class Source(enum.StrEnum):
    """Who authored a preset or a reply."""

    AGENCY = "agency"
    PERSONAL = "personal"


#: The id prefix of the replies and presets the agency sends (the feed applier owns them).
AGENCY_PREFIX = "agency-"


class IncidentStatus(enum.StrEnum):
    """Progress of an incident report."""

    DRAFT = "draft"
    QUEUED = "queued"
    DELIVERED = "delivered"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"


# --- records --------------------------------------------------------------------------


class Package(msgspec.Struct, frozen=True, kw_only=True):
    """A package the agency sells: channel, duration and price.

    Raises:
        DomainError: If the duration or price is out of range.
    """

    id: str
    name: str
    channel: Channel
    duration_minutes: int
    price_idr: int

    def __post_init__(self) -> None:
        _require_id("Package", "id", self.id)
        if not DURATION_MIN_MINUTES <= self.duration_minutes <= DURATION_MAX_MINUTES:
            raise DomainError(
                f"Package {self.id!r}: duration_minutes must be between "
                f"{DURATION_MIN_MINUTES} and {DURATION_MAX_MINUTES}, got {self.duration_minutes}"
            )
        if not PRICE_MIN_IDR <= self.price_idr <= PRICE_MAX_IDR:
            raise DomainError(
                f"Package {self.id!r}: price_idr must be between {format_idr(PRICE_MIN_IDR)} "
                f"and {format_idr(PRICE_MAX_IDR)}, got {format_idr(self.price_idr)}"
            )

    @property
    def duration(self) -> timedelta:
        """The booked length of a session."""
        return timedelta(minutes=self.duration_minutes)


class Booking(msgspec.Struct, frozen=True, kw_only=True):
    """A booking pushed by the agency. Holds no customer data (see :class:`CustomerContact`).

    Attributes:
        id: The agency's booking id.
        start: Booked start, UTC.
        package: The package booked.
        status: Where the booking is in its lifecycle.
        returning_customer: The customer has booked this talent before.
        needs_unblock: A rebooking: the talent must unblock the customer before start.
        updated_at: When the agency last changed the booking, UTC.
        cancel_reason: The agency's reason, in its own words, once it cancelled the booking.
    """

    id: str
    start: datetime
    package: Package
    status: BookingStatus = BookingStatus.PENDING
    returning_customer: bool = False
    needs_unblock: bool = False
    updated_at: datetime | None = None
    cancel_reason: str | None = None

    def __post_init__(self) -> None:
        _require_id("Booking", "id", self.id)
        _set_utc(self, "Booking", "start")
        _set_utc(self, "Booking", "updated_at")

    @property
    def end(self) -> datetime:
        """Booked end: start plus the package duration."""
        return self.start + self.package.duration

    def overlaps(self, other: Booking) -> bool:
        """Whether the two bookings share any time.

        Intervals are half-open, so back-to-back bookings do not overlap. Status is ignored
        here; :func:`find_overlaps` filters by status.
        """
        return self.start < other.end and other.start < self.end


class CustomerContact(msgspec.Struct, frozen=True, kw_only=True):
    """The customer's alias and contact handle for one booking.

    Kept apart from :class:`Booking` because the vault encrypts it under a per-booking key
    and shreds it after the session. ``repr``/``str`` never show the alias or handle, so
    logging this object cannot leak customer data.
    """

    booking_id: str
    alias: str
    contact_handle: str

    def __post_init__(self) -> None:
        # Only the booking id is checked: error messages must never quote customer data.
        _require_id("CustomerContact", "booking_id", self.booking_id)

    def __repr__(self) -> str:
        return (
            f"CustomerContact(booking_id={self.booking_id!r}, "
            "alias=<redacted>, contact_handle=<redacted>)"
        )

    __str__ = __repr__

    def __rich_repr__(self) -> list[tuple[str, str]]:
        """Rich's pretty-printer hook, redacted like ``__repr__``."""
        return [
            ("booking_id", self.booking_id),
            ("alias", "<redacted>"),
            ("contact_handle", "<redacted>"),
        ]


class BoundaryItem(msgspec.Struct, frozen=True, kw_only=True):
    """One boundary question and the talent's answer.

    Attributes:
        key: Stable machine key, e.g. ``"service.call"`` or ``"topic.sexual"``.
        label: Human text shown for the item.
        answer: OK, ask me, or never.
        decline_reply_ids: Replies suggested when a customer pushes on this boundary.
    """

    key: str
    label: str
    answer: BoundaryAnswer
    decline_reply_ids: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _require_id("BoundaryItem", "key", self.key)


class BoundaryPreset(msgspec.Struct, frozen=True, kw_only=True):
    """A named set of boundary answers.

    Raises:
        DomainError: If two items share a key (the answer would be ambiguous).
    """

    id: str
    name: str
    items: tuple[BoundaryItem, ...]
    source: Source = Source.PERSONAL
    language: str | None = None  # the agency's presets come per language; None: any

    def __post_init__(self) -> None:
        _require_id("BoundaryPreset", "id", self.id)
        seen: set[str] = set()
        for item in self.items:
            if item.key in seen:
                raise DomainError(f"BoundaryPreset {self.id!r}: duplicate item key {item.key!r}")
            seen.add(item.key)

    def answer_for(self, key: str) -> BoundaryAnswer | None:
        """Return the answer for ``key``, or None if the preset does not cover it."""
        for item in self.items:
            if item.key == key:
                return item.answer
        return None


class DeclineReply(msgspec.Struct, frozen=True, kw_only=True):
    """A canned reply (decline, opening or closing).

    Attributes:
        id: Stable id.
        style: Kind of reply.
        language: ``"id"`` or ``"en"``.
        text: The reply text.
        shortcode: Lowercase, no whitespace; ``""`` for none.
        source: Agency default or the talent's own.
        pinned: Shown first.
    """

    id: str
    style: ReplyStyle
    language: str
    text: str
    shortcode: str
    source: Source = Source.PERSONAL
    pinned: bool = False

    def __post_init__(self) -> None:
        _require_id("DeclineReply", "id", self.id)
        if self.language not in LANGUAGES:
            raise DomainError(
                f"DeclineReply {self.id!r}: language must be one of "
                f"{sorted(LANGUAGES)}, got {self.language!r}"
            )
        if not self.text.strip():
            raise DomainError(f"DeclineReply {self.id!r}: text must not be empty")
        if self.shortcode != self.shortcode.lower() or any(c.isspace() for c in self.shortcode):
            raise DomainError(
                f"DeclineReply {self.id!r}: shortcode must be lowercase without spaces, "
                f"got {self.shortcode!r}"
            )


class SessionRecord(msgspec.Struct, frozen=True, kw_only=True):
    """What is kept after a session: times, money and outcome. No customer fields at all.

    Attributes:
        planned_seconds: Booked length in seconds.
        actual_seconds: Measured length, from a monotonic clock.
        price_idr: Price of the session, in rupiah.
        flags: Free machine tags (e.g. ``"overtime"``), never customer text.
        slow_replies: Replies slower than the smallest pace threshold.
    """

    id: str
    booking_id: str
    package: Package
    started_at: datetime
    ended_at: datetime
    planned_seconds: int
    actual_seconds: float
    price_idr: int
    outcome: SessionOutcome
    flags: tuple[str, ...] = ()
    slow_replies: int = 0

    def __post_init__(self) -> None:
        _require_id("SessionRecord", "id", self.id)
        _set_utc(self, "SessionRecord", "started_at")
        _set_utc(self, "SessionRecord", "ended_at")
        if self.ended_at < self.started_at:
            raise DomainError(
                f"SessionRecord {self.id!r}: ended_at {self.ended_at.isoformat()} is before "
                f"started_at {self.started_at.isoformat()}"
            )
        if self.planned_seconds < 0:
            raise DomainError(
                f"SessionRecord {self.id!r}: planned_seconds must be >= 0, "
                f"got {self.planned_seconds}"
            )
        if not math.isfinite(self.actual_seconds) or self.actual_seconds < 0:
            raise DomainError(
                f"SessionRecord {self.id!r}: actual_seconds must be a finite number >= 0, "
                f"got {self.actual_seconds}"
            )
        if self.price_idr < 0:
            raise DomainError(
                f"SessionRecord {self.id!r}: price_idr must be >= 0, got {self.price_idr}"
            )
        if self.slow_replies < 0:
            raise DomainError(
                f"SessionRecord {self.id!r}: slow_replies must be >= 0, got {self.slow_replies}"
            )


class Incident(msgspec.Struct, frozen=True, kw_only=True):
    """An incident report or escalation about a session.

    Attributes:
        ticket: The agency's ticket number, once it has one.
        level: Current escalation level.
        status: Delivery and handling progress.
    """

    id: str
    session_id: str
    booking_id: str
    category: IncidentCategory
    description: str
    created_at: datetime
    ticket: str | None = None
    level: TicketLevel = TicketLevel.FIRST_LINE
    status: IncidentStatus = IncidentStatus.DRAFT

    def __post_init__(self) -> None:
        _require_id("Incident", "id", self.id)
        _set_utc(self, "Incident", "created_at")


class EmergencyContact(msgspec.Struct, frozen=True, kw_only=True):
    """A number the talent can call in a crisis (from the agency's config).

    Attributes:
        language: What its name and note are written in ("id", "en"); None for any.
    """

    id: str
    name: str
    number: str
    note: str = ""
    language: str | None = None


#: Indonesia's public lines, used until the agency sends its own list.
DEFAULT_EMERGENCY_CONTACTS: Final = (
    EmergencyContact(id="emergency", name="Emergency", number="112"),
    EmergencyContact(id="police", name="Police", number="110"),
    EmergencyContact(
        id="mental-health", name="Mental health line", number="119", note="extension 8"
    ),
)


class AgencyConfig(msgspec.Struct, frozen=True, kw_only=True):
    """The agency's rules as last pushed: packages, reply pace, contact window, contacts.

    Default decline replies and boundary presets arrive in the same push but are
    stored as their own records (``Source.AGENCY``), beside the talent's own.

    Attributes:
        supervisor_phone: Whom to call when the agency's escalation policy is exhausted
            (nobody took an escalation).
        realert_after_seconds: When the agency alerts again about an escalation nobody
            took (its escalation policy), and ``escalation_rounds`` how many times.
    """

    id: str = "current"
    packages: tuple[Package, ...] = ()
    pace_thresholds: tuple[PaceThreshold, ...] = msgspec.field(
        default_factory=lambda: DEFAULT_PACE_THRESHOLDS
    )
    contact_window_minutes: int = DEFAULT_CONTACT_WINDOW_MINUTES
    emergency_contacts: tuple[EmergencyContact, ...] = msgspec.field(
        default_factory=lambda: DEFAULT_EMERGENCY_CONTACTS
    )
    supervisor_phone: str | None = None
    realert_after_seconds: int = 60
    escalation_rounds: int = 3
    updated_at: datetime | None = None


Record: TypeAlias = (
    Booking
    | CustomerContact
    | BoundaryPreset
    | DeclineReply
    | SessionRecord
    | Incident
    | AgencyConfig
)

#: Stable kind string -> record type, for the vault. Kinds are part of the stored format:
#: never rename one without a migration.
RECORD_TYPES: Final[Mapping[str, type[Record]]] = MappingProxyType(
    {
        "booking": Booking,
        "customer_contact": CustomerContact,
        "boundary_preset": BoundaryPreset,
        "decline_reply": DeclineReply,
        "session_record": SessionRecord,
        "incident": Incident,
        "agency_config": AgencyConfig,
    }
)
_KIND_OF: Final[Mapping[type, str]] = MappingProxyType({t: k for k, t in RECORD_TYPES.items()})


def record_id(obj: Record) -> str:
    """Return the id the vault keys ``obj`` by (``booking_id`` for a :class:`CustomerContact`)."""
    if isinstance(obj, CustomerContact):
        return obj.booking_id
    return obj.id


def record_kind(obj: Record) -> str:
    """Return the :data:`RECORD_TYPES` kind string of ``obj``.

    Raises:
        TypeError: If ``obj`` is not a record type (subclasses are not records).
    """
    try:
        return _KIND_OF[type(obj)]
    except KeyError:
        raise TypeError(f"not a record type: {type(obj).__name__}") from None


# --- contact window -------------------------------------------------------------------

#: A pending booking is not the talent's yet: a talent never contacts a customer outside
#: a booked session, so the contact waits for the talent's "accept".
_HIDDEN_STATUSES: Final = frozenset(
    {BookingStatus.PENDING, BookingStatus.CANCELLED, BookingStatus.DECLINED, BookingStatus.DONE}
)


def contact_window(
    booking: Booking,
    minutes_before: int = DEFAULT_CONTACT_WINDOW_MINUTES,
    ended_at: datetime | None = None,
) -> tuple[datetime, datetime]:
    """Return the half-open interval ``[open, close)`` in which the contact may be shown.

    Args:
        booking: The booking.
        minutes_before: How long before start the window opens.
        ended_at: When the session actually ended, if it has. The window then closes at
            that moment (early or late) instead of the booked end.

    Returns:
        ``(open, close)`` in UTC. ``close`` is never before ``open``: a session that ended
        before the window opened gives an empty window.

    Raises:
        DomainError: If ``minutes_before`` is negative or ``ended_at`` is naive.
    """
    if minutes_before < 0:
        raise DomainError(f"minutes_before must be >= 0, got {minutes_before}")
    opens = booking.start - timedelta(minutes=minutes_before)
    if ended_at is None:
        closes = booking.end
    else:
        closes = max(opens, _require_utc("contact_window", "ended_at", ended_at))
    return opens, closes


def contact_visible(
    booking: Booking,
    now: datetime,
    minutes_before: int = DEFAULT_CONTACT_WINDOW_MINUTES,
    ended_at: datetime | None = None,
) -> bool:
    """Whether the customer's contact may be shown at ``now``.

    True only inside the :func:`contact_window` of a booking the talent accepted (or whose
    session is live): never for one still waiting for the talent's answer, nor for a
    cancelled, declined or done booking.

    Raises:
        DomainError: If ``now`` or ``ended_at`` is naive, or ``minutes_before`` negative.
    """
    now = _require_utc("contact_visible", "now", now)
    if booking.status in _HIDDEN_STATUSES:
        return False
    opens, closes = contact_window(booking, minutes_before, ended_at)
    return opens <= now < closes


# --- boundary conflicts ---------------------------------------------------------------


class Conflict(msgspec.Struct, frozen=True, kw_only=True):
    """A package that goes against the talent's boundaries.

    Attributes:
        key: The boundary key involved (e.g. ``"service.call"``).
        answer: NEVER for a hard conflict, ASK when the talent must confirm first.
        message_key: Stable id the UI translates (e.g. ``"call_not_allowed"``).
    """

    key: str
    answer: BoundaryAnswer
    message_key: str

    @property
    def blocking(self) -> bool:
        """True for a hard conflict (the boundary says never)."""
        return self.answer is BoundaryAnswer.NEVER


def boundary_conflicts(package: Package, preset: BoundaryPreset) -> tuple[Conflict, ...]:
    """Return the conflicts between a package's channel and a boundary preset.

    A package that includes chat conflicts with ``"service.chat"`` answered NEVER (or needs
    confirmation if ASK); the same for calls and ``"service.call"``. Keys the preset does
    not cover, and OK answers, give no conflict. Chat comes before call in the result.
    """
    rules = (
        # (channel includes it, boundary key, message if NEVER, message if ASK)
        (package.channel.allows_chat, KEY_SERVICE_CHAT, MSG_CHAT_NOT_ALLOWED, MSG_CHAT_ASK_FIRST),
        (package.channel.allows_call, KEY_SERVICE_CALL, MSG_CALL_NOT_ALLOWED, MSG_CALL_ASK_FIRST),
    )
    conflicts: list[Conflict] = []
    for included, key, never_msg, ask_msg in rules:
        if not included:
            continue
        answer = preset.answer_for(key)
        if answer is BoundaryAnswer.NEVER:
            conflicts.append(Conflict(key=key, answer=answer, message_key=never_msg))
        elif answer is BoundaryAnswer.ASK:
            conflicts.append(Conflict(key=key, answer=answer, message_key=ask_msg))
    return tuple(conflicts)


# --- overlaps and shift limits --------------------------------------------------------

_INACTIVE_STATUSES: Final = frozenset({BookingStatus.CANCELLED, BookingStatus.DECLINED})
_COMMITTED_STATUSES: Final = frozenset(
    {BookingStatus.ACCEPTED, BookingStatus.LIVE, BookingStatus.DONE}
)


class BusySpan(NamedTuple):
    """When a booking keeps the talent busy, by what happened rather than what was booked.

    Attributes:
        booking: The booking.
        start: When its session started (or is booked to start).
        end: When it ended (or is booked to end).
    """

    booking: Booking
    start: datetime
    end: datetime


def busy_span(booking: Booking, session: SessionRecord | None, now: datetime) -> BusySpan:
    """The time ``booking`` really takes: a finished session's own start and end; a live
    one from its booked start until its booked end or now, whichever is later (it may run
    over); any other booking as booked.

    Args:
        session: The session record kept for ``booking`` once its session finished.
        now: The wall clock, for a live session.
    """
    if session is not None:
        return BusySpan(booking, session.started_at, session.ended_at)
    if booking.status is BookingStatus.LIVE:
        return BusySpan(booking, booking.start, max(booking.end, now))
    return BusySpan(booking, booking.start, booking.end)


def _span(item: Booking | BusySpan) -> BusySpan:
    return item if isinstance(item, BusySpan) else BusySpan(item, item.start, item.end)


def find_overlaps(booking: Booking, others: Iterable[Booking | BusySpan]) -> tuple[Booking, ...]:
    """Return the bookings in ``others`` that overlap ``booking``, in the order given.

    Each of ``others`` is a booking at its booked times, or a :class:`BusySpan` with the
    times it really took (a session that ended early frees the rest of its slot).
    Intervals are half-open. Cancelled and declined bookings are ignored, and so is
    ``booking`` itself (matched by id, so an updated copy does not clash with itself).
    """
    found = []
    for item in others:
        span = _span(item)
        other = span.booking
        if (
            other.id != booking.id
            and other.status not in _INACTIVE_STATUSES
            and booking.start < span.end
            and span.start < booking.end
        ):
            found.append(other)
    return tuple(found)


class ShiftLimits(msgspec.Struct, frozen=True, kw_only=True):
    """Limits the talent (or agency) sets on a night's work.

    Raises:
        DomainError: If ``max_hours_per_night`` is not positive or the break is negative.
    """

    max_hours_per_night: float = 6.0
    min_break_minutes: int = 10

    def __post_init__(self) -> None:
        if not math.isfinite(self.max_hours_per_night) or self.max_hours_per_night <= 0:
            raise DomainError(
                f"ShiftLimits.max_hours_per_night must be > 0, got {self.max_hours_per_night}"
            )
        if self.min_break_minutes < 0:
            raise DomainError(
                f"ShiftLimits.min_break_minutes must be >= 0, got {self.min_break_minutes}"
            )


def shift_limit_problems(
    candidate: Booking,
    accepted_bookings: Iterable[Booking | BusySpan],
    limits: ShiftLimits,
) -> tuple[str, ...]:
    """Check whether accepting ``candidate`` would break the shift limits.

    The "night" is every committed booking (accepted, live or done) whose start lies within
    :data:`NIGHT_SPAN` (12 hours, inclusive) before or after the candidate's start. A
    rolling span rather than a calendar night, because shifts cross midnight and the
    talent's local evening is not known here. Bookings with another status, and the
    candidate itself (by id), are ignored.

    Returns:
        Message keys, in this order, for the problems found:
        ``"too_many_hours"`` if the night plus the candidate exceeds
        ``max_hours_per_night``; ``"break_too_short"`` if some night booking ends less
        than ``min_break_minutes`` before the candidate starts, or starts less than that
        after it ends (an overlap counts too; :func:`find_overlaps` reports it as such).
    """
    night = [
        span
        for span in map(_span, accepted_bookings)
        if span.booking.id != candidate.id
        and span.booking.status in _COMMITTED_STATUSES
        and abs(span.start - candidate.start) <= NIGHT_SPAN
    ]
    problems: list[str] = []
    total = candidate.package.duration + sum((b.end - b.start for b in night), timedelta())
    if total > timedelta(hours=limits.max_hours_per_night):
        problems.append(MSG_TOO_MANY_HOURS)
    min_break = timedelta(minutes=limits.min_break_minutes)
    for b in night:
        gap = candidate.start - b.end if b.start <= candidate.start else b.start - candidate.end
        if gap < min_break:
            problems.append(MSG_BREAK_TOO_SHORT)
            break
    return tuple(problems)


# --- reply pace -----------------------------------------------------------------------


class PaceThreshold(msgspec.Struct, frozen=True):
    """The rule "a reply slower than ``slower_than_seconds``, ``times`` times in a session".

    Positional construction is allowed (``PaceThreshold(120, 5)``) because it reads like
    the agency's rule. Hashable, so it can key :meth:`SlowReplyCounter.counts`.

    Raises:
        DomainError: If either number is below 1.
    """

    slower_than_seconds: int
    times: int

    def __post_init__(self) -> None:
        if self.slower_than_seconds < 1:
            raise DomainError(
                f"PaceThreshold.slower_than_seconds must be >= 1, got {self.slower_than_seconds}"
            )
        if self.times < 1:
            raise DomainError(f"PaceThreshold.times must be >= 1, got {self.times}")


#: The agency's default refund rule: slower than 2 min five times, or 5 min three times.
DEFAULT_PACE_THRESHOLDS: Final[tuple[PaceThreshold, ...]] = (
    PaceThreshold(120, 5),
    PaceThreshold(300, 3),
)


class SlowReplyCounter:
    """Counts slow replies in one session against the pace thresholds.

    Times are monotonic seconds supplied by the caller (the session engine's clock). A wait
    runs from the first customer message not yet answered to the talent's next reply; a
    reply counts against a threshold only if the wait is strictly longer than it.

    Not thread-safe: one meter belongs to one session, driven from one thread.
    """

    def __init__(self, thresholds: Iterable[PaceThreshold] = DEFAULT_PACE_THRESHOLDS) -> None:
        """Create a meter.

        Args:
            thresholds: Rules to count against; duplicates are dropped, order is kept.
        """
        self._thresholds: tuple[PaceThreshold, ...] = tuple(dict.fromkeys(thresholds))
        self._counts: dict[PaceThreshold, int] = dict.fromkeys(self._thresholds, 0)
        self._waiting_since: float | None = None
        self._smallest: int | None = min(
            (t.slower_than_seconds for t in self._thresholds), default=None
        )
        self._slow_replies = 0
        self._waits: list[float] = []

    @property
    def thresholds(self) -> tuple[PaceThreshold, ...]:
        """The thresholds this meter counts against."""
        return self._thresholds

    @property
    def waiting_since(self) -> float | None:
        """When the oldest unanswered customer message arrived, or None if none is pending."""
        return self._waiting_since

    @property
    def slow_replies(self) -> int:
        """Replies slower than the smallest threshold (0 if there are no thresholds)."""
        return self._slow_replies

    @property
    def waits(self) -> tuple[float, ...]:
        """Every measured wait, in seconds, in reply order."""
        return tuple(self._waits)

    def customer_wrote(self, t: float) -> None:
        """Record a customer message at monotonic time ``t``.

        Only the first unanswered message starts the wait; later ones do not reset it.
        """
        if self._waiting_since is None:
            self._waiting_since = t

    def talent_replied(self, t: float) -> float | None:
        """Record a talent reply at monotonic time ``t``.

        Returns:
            The wait in seconds, or None if no customer message was pending (nothing is
            counted then).

        Raises:
            DomainError: If ``t`` is before the pending customer message (a clock bug).
        """
        if self._waiting_since is None:
            return None
        wait = t - self._waiting_since
        if wait < 0:
            raise DomainError(
                f"reply at {t} is before the customer message at {self._waiting_since}; "
                "times must come from one monotonic clock"
            )
        self._waiting_since = None
        self._waits.append(wait)
        for threshold in self._thresholds:
            if wait > threshold.slower_than_seconds:
                self._counts[threshold] += 1
        if self._smallest is not None and wait > self._smallest:
            self._slow_replies += 1
        return wait

    def counts(self) -> dict[PaceThreshold, int]:
        """Slow replies per threshold. A reply slower than 5 min counts for 2 min too."""
        return dict(self._counts)

    def restore(
        self,
        *,
        counts: Sequence[int],
        slow_replies: int,
        waits: Sequence[float],
        waiting_since: float | None,
    ) -> None:
        """Set the meter back to a saved state (counts in the order of :attr:`thresholds`).

        Raises:
            DomainError: If the counts do not match the thresholds or a number is negative.
        """
        if len(counts) != len(self._thresholds):
            raise DomainError(f"{len(counts)} counts saved for {len(self._thresholds)} thresholds")
        if min((*counts, slow_replies), default=0) < 0 or any(w < 0 for w in waits):
            raise DomainError("saved pace counts must not be negative")
        self._counts = dict(zip(self._thresholds, counts, strict=True))
        self._slow_replies = slow_replies
        self._waits = list(waits)
        self._waiting_since = waiting_since

    def breached(self) -> tuple[PaceThreshold, ...]:
        """Thresholds reached: at least ``times`` replies slower than the limit."""
        return tuple(t for t in self._thresholds if self._counts[t] >= t.times)

    def warnings(self) -> tuple[PaceThreshold, ...]:
        """Thresholds exactly one slow reply away from being reached."""
        return tuple(t for t in self._thresholds if self._counts[t] == t.times - 1)


# --- money ----------------------------------------------------------------------------


def format_idr(amount: int) -> str:
    """Format rupiah as Indonesians write it, for both UI languages.

    ``format_idr(5000)`` is ``"Rp 5.000"`` (dots between thousands, no decimals); a
    negative amount reads ``"-Rp 5.000"``.
    """
    sign = "-" if amount < 0 else ""
    # Python groups with commas; Indonesians use dots for thousands.
    return f"{sign}Rp {abs(amount):,}".replace(",", ".")
