"""Every value list of Agency API v1, defined once.

The wire structs (:mod:`.wire`) use these enums as field types, so the OpenAPI document's
component schemas (generated from the structs by ``tools/update_contract.py``) list exactly
these values. The desk's domain re-exports the ones it keeps in its own records, the agency
server's SQL checks and command-line choices are built from them, and the desk's words and
the console's words are checked against them by tests: adding a value here is the one place
to start (see "Where to change what" in ``docs/architecture.md``).

They are :class:`enum.StrEnum`: a member *is* its wire string, so ``sign == "distress"`` and
JSON encoding need no conversion.
"""

from __future__ import annotations

import enum

__all__ = [
    "BookingAnswer",
    "BoundaryAnswer",
    "Channel",
    "CrisisSign",
    "EscalationKind",
    "EscalationPriority",
    "EscalationStatus",
    "EventType",
    "Language",
    "OperationKind",
    "ProblemType",
    "ReplyStyle",
    "ReportCategory",
    "ReportStatus",
    "ResolutionReason",
    "SessionEventType",
    "SessionOutcome",
    "TicketLevel",
]


class Channel(enum.StrEnum):
    """What a package covers: chat only, call only, or both."""

    CHAT = "chat"
    CALL = "call"
    CHAT_CALL = "chat_call"

    @property
    def allows_chat(self) -> bool:
        """Whether the package includes chat."""
        return self in (Channel.CHAT, Channel.CHAT_CALL)

    @property
    def allows_call(self) -> bool:
        """Whether the package includes calls."""
        return self in (Channel.CALL, Channel.CHAT_CALL)


class Language(enum.StrEnum):
    """The languages of replies, presets and the apps: Bahasa Indonesia first."""

    ID = "id"
    EN = "en"


class ReplyStyle(enum.StrEnum):
    """The kind of a canned reply."""

    POLITE = "polite"
    HUMOUR = "humour"
    ALTERNATIVE = "alternative"
    OPENING = "opening"
    CLOSING = "closing"


class BoundaryAnswer(enum.StrEnum):
    """A preset's answer to one boundary question."""

    OK = "ok"
    ASK = "ask"  # "ask me first"
    NEVER = "never"


class BookingAnswer(enum.StrEnum):
    """The talent's answer to a booking."""

    ACCEPT = "accept"
    DECLINE = "decline"


class SessionEventType(enum.StrEnum):
    """What a session event says happened."""

    STARTED = "started"
    ENDED = "ended"


class SessionOutcome(enum.StrEnum):
    """How a session ended."""

    COMPLETED = "completed"
    ENDED_EARLY = "ended_early"
    ESCALATED = "escalated"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


class CrisisSign(enum.StrEnum):
    """The crisis signs of the playbook, each with its recommended action."""

    DISTRESS = "distress"
    THREAT_OF_HARM = "threat_of_harm"
    SUICIDAL_THOUGHTS = "suicidal_thoughts"
    AGGRESSION = "aggression"


class EscalationStatus(enum.StrEnum):
    """Where an escalation is at the agency."""

    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    RESOLVED = "resolved"
    CANCELLED = "cancelled"


class EscalationKind(enum.StrEnum):
    """What raised an escalation: every alarm is its own escalation."""

    BUTTON = "button"  # the talent pressed Escalate (or Ctrl+Shift+E)
    LONE_WORKER = "lone_worker"  # the "Are you OK?" check got no answer
    WELLBEING = "wellbeing"  # the talent answered "not OK" in after-care


class EscalationPriority(enum.StrEnum):
    """How soon the agency must act, most urgent first (the console sorts in this order)."""

    URGENT = "urgent"
    HIGH = "high"
    LOW = "low"


class ResolutionReason(enum.StrEnum):
    """Why a supervisor resolved an escalation."""

    HANDLED = "handled"
    FALSE_ALARM = "false_alarm"
    EMERGENCY_SERVICES_CALLED = "emergency_services_called"
    TALENT_UNREACHABLE = "talent_unreachable"
    OTHER = "other"


class ReportCategory(enum.StrEnum):
    """Incident report categories, after the agency's refund and conduct rules."""

    SEXUAL_HARASSMENT = "sexual_harassment"
    INSULTS = "insults"
    THREATS = "threats"
    PERSONAL_INFO_OR_MEETING = "personal_info_or_meeting"
    EXTRA_PAYMENT_OR_EXPLOITATION = "extra_payment_or_exploitation"
    DISCRIMINATION = "discrimination"
    OUTSIDE_PACKAGE_OR_BOUNDARIES = "outside_package_or_boundaries"
    OTHER = "other"


class TicketLevel(enum.StrEnum):
    """The level a report ticket is handled at, lowest first."""

    FIRST_LINE = "first_line"
    SUPERVISOR = "supervisor"
    TECHNICAL = "technical"


class ReportStatus(enum.StrEnum):
    """A report ticket's progress at the agency."""

    QUEUED = "queued"
    DELIVERED = "delivered"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"


class EventType(enum.StrEnum):
    """The feed event types of v1. Clients skip (and count) any other type."""

    BOOKING_CREATED = "booking.created"
    BOOKING_UPDATED = "booking.updated"
    BOOKING_CANCELLED = "booking.cancelled"
    BOOKING_REBOOKED = "booking.rebooked"
    ESCALATION_ACKNOWLEDGED = "escalation.acknowledged"
    ESCALATION_RESOLVED = "escalation.resolved"
    ESCALATION_ALERTED_AGAIN = "escalation.alerted_again"
    ESCALATION_UNANSWERED = "escalation.unanswered"
    REPORT_UPDATED = "report.updated"
    CONFIG_UPDATED = "config.updated"


class OperationKind(enum.StrEnum):
    """The app's writes to the agency, one per contract operation.

    The desk's outbox stores one of these with each queued request; ``talentdesk.sync``
    alone maps them to methods and paths.
    """

    BOOKING_ANSWER = "booking_answer"
    SESSION_EVENT = "session_event"
    ESCALATION = "escalation"
    ESCALATION_FOLLOW_UP = "escalation_follow_up"
    ESCALATION_CANCEL = "escalation_cancel"
    REPORT = "report"
    AVAILABILITY = "availability"
    DEBRIEF = "debrief"


class ProblemType(enum.StrEnum):
    """``type`` URIs of the problem documents a server sends.

    URNs rather than web addresses: they name a kind of problem and resolve nowhere.
    """

    INVALID_JSON = "urn:talentdesk:problem:invalid-json"
    INVALID_UTF8 = "urn:talentdesk:problem:invalid-utf8"
    NESTING_TOO_DEEP = "urn:talentdesk:problem:nesting-too-deep"
    INVALID_BODY = "urn:talentdesk:problem:invalid-body"
    INVALID_PARAMETER = "urn:talentdesk:problem:invalid-parameter"
    UNSUPPORTED_MEDIA_TYPE = "urn:talentdesk:problem:unsupported-media-type"
    PAYLOAD_TOO_LARGE = "urn:talentdesk:problem:payload-too-large"
    IDEMPOTENCY_KEY_MISSING = "urn:talentdesk:problem:idempotency-key-missing"
    IDEMPOTENCY_KEY_INVALID = "urn:talentdesk:problem:idempotency-key-invalid"
    IDEMPOTENCY_KEY_REUSED = "urn:talentdesk:problem:idempotency-key-reused"
    REQUEST_IN_PROGRESS = "urn:talentdesk:problem:request-in-progress"
    UNAUTHORIZED = "urn:talentdesk:problem:unauthorized"
    TOKEN_REVOKED = "urn:talentdesk:problem:token-revoked"  # noqa: S105 - a problem type
    PAIRING_CODE_UNKNOWN = "urn:talentdesk:problem:pairing-code-unknown"
    PAIRING_CODE_USED = "urn:talentdesk:problem:pairing-code-used"
    PAIRING_CODE_EXPIRED = "urn:talentdesk:problem:pairing-code-expired"
    NOT_FOUND = "urn:talentdesk:problem:not-found"
    METHOD_NOT_ALLOWED = "urn:talentdesk:problem:method-not-allowed"
    CONFLICT = "urn:talentdesk:problem:conflict"
    CURSOR_AHEAD = "urn:talentdesk:problem:cursor-ahead"
    RATE_LIMITED = "urn:talentdesk:problem:rate-limited"
    INTERNAL_ERROR = "urn:talentdesk:problem:internal-error"
    UNAVAILABLE = "urn:talentdesk:problem:unavailable"
    INJECTED_FAULT = "urn:talentdesk:problem:injected-fault"
