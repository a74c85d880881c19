"""The app's writes to the agency, as typed requests; and where each one goes.

A service says *what* it asks of the agency (answer this booking, this session started,
escalate, ...) with one of the request types below and queues it with
:meth:`Outbox.enqueue <talentdesk.sync.outbox.Outbox.enqueue>`. Only this module knows the
HTTP method and path of each :class:`~talentdesk_contract.values.OperationKind`
(:data:`ROUTES`, checked against ``agency-api.yaml`` by ``tests/sync/test_requests.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import ClassVar, Final

import msgspec

from talentdesk_contract import wire
from talentdesk_contract.values import OperationKind

__all__ = [
    "ROUTES",
    "TYPED_FIELDS",
    "AgencyRequest",
    "AnswerBooking",
    "CancelEscalation",
    "FileReport",
    "FollowUpEscalation",
    "RaiseEscalation",
    "RequestDebrief",
    "Route",
    "SendSessionEvent",
    "SetAvailability",
]

#: Stands in a path for the agency's id of the item a request waits for (``after``).
REMOTE_ID: Final = "{remote_id}"


class Route(msgspec.Struct, frozen=True):
    """Where one operation goes: its method and its path (``{target}`` for the parameter).

    Attributes:
        answer: the contract's answer to a success; the item is "delivered" only once the
            agency's answer reads as one (and so carries its id, where it has one). None
            accepts any JSON.
    """

    method: str
    template: str
    answer: type[msgspec.Struct] | None = None

    @property
    def has_target(self) -> bool:
        """Whether the path names a booking or an escalation."""
        return "{target}" in self.template

    def path(self, target: str | None) -> str:
        """The path for ``target``; :data:`REMOTE_ID` stands for one not known yet."""
        return self.template.replace("{target}", REMOTE_ID if target is None else target)


_V1 = wire.API_PREFIX
#: Every operation of the contract the app writes, by kind.
ROUTES: Final[Mapping[OperationKind, Route]] = MappingProxyType(
    {
        OperationKind.BOOKING_ANSWER: Route(
            "POST", f"{_V1}/bookings/{{target}}/answer", wire.BookingAnswerResult
        ),
        OperationKind.SESSION_EVENT: Route(
            "POST", f"{_V1}/sessions/{{target}}/events", wire.SessionEventResult
        ),
        OperationKind.ESCALATION: Route("POST", f"{_V1}/escalations", wire.EscalationCreated),
        OperationKind.ESCALATION_FOLLOW_UP: Route(
            "POST", f"{_V1}/escalations/{{target}}/follow-up", wire.Escalation
        ),
        OperationKind.ESCALATION_CANCEL: Route(
            "POST", f"{_V1}/escalations/{{target}}/cancel", wire.Escalation
        ),
        OperationKind.REPORT: Route("POST", f"{_V1}/reports", wire.Report),
        OperationKind.AVAILABILITY: Route("PUT", f"{_V1}/availability", wire.Availability),
        OperationKind.DEBRIEF: Route("POST", f"{_V1}/debriefs", wire.Debrief),
    }
)


#: Fields of a request body (and of the agency's answer) that hold what the talent typed:
#: sealed with the session, and removed once the agency has them and the session is over.
TYPED_FIELDS: Final[Mapping[OperationKind, tuple[str, ...]]] = MappingProxyType(
    {
        OperationKind.ESCALATION: ("note",),
        OperationKind.ESCALATION_FOLLOW_UP: ("note",),
        OperationKind.REPORT: ("description",),
    }
)


class AgencyRequest(msgspec.Struct, frozen=True, kw_only=True):
    """One write to the agency, as a service asks for it.

    Class attributes:
        kind: the operation.
        urgent: sent before anything else, retried with a backoff capped near 2 s.
        follows: the path's target is the agency's id of the item it waits for
            (``after``), known only once that one is delivered.
    """

    kind: ClassVar[OperationKind]
    urgent: ClassVar[bool] = False
    follows: ClassVar[bool] = False
    body: msgspec.Struct

    @property
    def target(self) -> str | None:
        """The path's parameter, when the request itself knows it."""
        return None

    def encode(self) -> bytes:
        """The JSON body, as sent."""
        return wire.encode(self.body)


class _AboutBooking(AgencyRequest, frozen=True, kw_only=True):
    """A request whose path names the booking it is about."""

    booking_id: str

    @property
    def target(self) -> str:
        return self.booking_id


class AnswerBooking(_AboutBooking, frozen=True, kw_only=True):
    """Accept or decline a booking."""

    kind = OperationKind.BOOKING_ANSWER
    body: wire.BookingAnswerRequest


class SendSessionEvent(_AboutBooking, frozen=True, kw_only=True):
    """A session started or ended."""

    kind = OperationKind.SESSION_EVENT
    body: wire.SessionEventRequest


class RaiseEscalation(AgencyRequest, frozen=True, kw_only=True):
    """Ask a supervisor for help now."""

    kind = OperationKind.ESCALATION
    urgent = True
    body: wire.EscalationRequest


class FollowUpEscalation(AgencyRequest, frozen=True, kw_only=True):
    """Add a crisis sign or a note to an escalation (after the escalation is delivered)."""

    kind = OperationKind.ESCALATION_FOLLOW_UP
    urgent = True
    follows = True
    body: wire.EscalationFollowUpRequest


class CancelEscalation(AgencyRequest, frozen=True, kw_only=True):
    """Withdraw an escalation pressed by mistake (after the escalation is delivered)."""

    kind = OperationKind.ESCALATION_CANCEL
    urgent = True
    follows = True
    body: wire.EscalationCancelRequest


class FileReport(AgencyRequest, frozen=True, kw_only=True):
    """An incident report about a session."""

    kind = OperationKind.REPORT
    body: wire.ReportRequest


class SetAvailability(AgencyRequest, frozen=True, kw_only=True):
    """Whether the talent takes bookings, optionally until when."""

    kind = OperationKind.AVAILABILITY
    body: wire.AvailabilityRequest


class RequestDebrief(AgencyRequest, frozen=True, kw_only=True):
    """After a hard session, ask to talk it over with a supervisor (low priority)."""

    kind = OperationKind.DEBRIEF
    body: wire.DebriefRequest
