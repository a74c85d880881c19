"""Safety services: one-click escalation, incident reports with tickets, the crisis
playbook, the lone-worker check and after-care.

Plain Python (no Qt); the UI builds a :class:`SafetyService` and translates the machine
keys these modules return (state values, ``crisis.*`` keys, error ``key`` attributes).
"""

from talentdesk.safety._common import Delivery
from talentdesk.safety.aftercare import (
    AfterCare,
    AfterCareOffer,
    CareOffer,
    DebriefRoute,
    HardReason,
    NightCounts,
    night_of,
)
from talentdesk.safety.errors import (
    DescriptionEmptyError,
    DescriptionTooLongError,
    EscalationClosedError,
    EscalationNotFoundError,
    InvalidReferenceError,
    NoteTooLongError,
    NothingToAddError,
    ReportNotFoundError,
    ReportTooLateError,
    SafetyError,
)
from talentdesk.safety.escalation import (
    AUTOMATIC_NOTE,
    CRISIS_SIGNS,
    EscalationKind,
    Escalations,
    EscalationState,
    EscalationView,
)
from talentdesk.safety.live import SessionEnds, WatchedSession, session_has_ended
from talentdesk.safety.lone_worker import (
    LoneWorkerCheck,
    LoneWorkerEvent,
    LoneWorkerEventKind,
    LoneWorkerPhase,
    LoneWorkerStatus,
)
from talentdesk.safety.playbook import (
    MESSAGE_KEYS,
    PLAYBOOK,
    Action,
    CrisisGuide,
    Playbook,
    emergency_contacts,
    guide_for,
)
from talentdesk.safety.reports import FILING_WINDOW, IncidentReports, ReportView
from talentdesk.safety.service import SafetyService

__all__ = [
    "AUTOMATIC_NOTE",
    "CRISIS_SIGNS",
    "FILING_WINDOW",
    "MESSAGE_KEYS",
    "PLAYBOOK",
    "Action",
    "AfterCare",
    "AfterCareOffer",
    "CareOffer",
    "CrisisGuide",
    "DebriefRoute",
    "Delivery",
    "DescriptionEmptyError",
    "DescriptionTooLongError",
    "EscalationClosedError",
    "EscalationKind",
    "EscalationNotFoundError",
    "EscalationState",
    "EscalationView",
    "Escalations",
    "HardReason",
    "IncidentReports",
    "InvalidReferenceError",
    "LoneWorkerCheck",
    "LoneWorkerEvent",
    "LoneWorkerEventKind",
    "LoneWorkerPhase",
    "LoneWorkerStatus",
    "NightCounts",
    "NoteTooLongError",
    "NothingToAddError",
    "Playbook",
    "ReportNotFoundError",
    "ReportTooLateError",
    "ReportView",
    "SafetyError",
    "SafetyService",
    "SessionEnds",
    "WatchedSession",
    "emergency_contacts",
    "guide_for",
    "night_of",
    "session_has_ended",
]
