"""Errors of the safety services, each with a stable machine key the UI translates.

Messages name ids and limits only, never a note, a description or anything about the
customer, so an error that reaches a log line leaks nothing.
"""

from __future__ import annotations

from datetime import datetime


class SafetyError(Exception):
    """Base of every refusal of the safety services.

    Attributes:
        key: Stable machine key the UI maps to translated text.
    """

    key = "safety_error"


class EscalationNotFoundError(SafetyError, LookupError):
    """No escalation with that id on this device."""

    key = "escalation_not_found"


class EscalationClosedError(SafetyError):
    """The escalation is resolved, cancelled or was refused: nothing more can be added."""

    key = "escalation_closed"


class NothingToAddError(SafetyError, ValueError):
    """A follow-up needs a crisis sign or a note."""

    key = "nothing_to_add"


class NoteTooLongError(SafetyError, ValueError):
    """A follow-up note is longer than the contract allows."""

    key = "note_too_long"


class ReportNotFoundError(SafetyError, LookupError):
    """No incident report with that id on this device."""

    key = "report_not_found"


class DescriptionEmptyError(SafetyError, ValueError):
    """A report needs a description."""

    key = "description_empty"


class DescriptionTooLongError(SafetyError, ValueError):
    """The description is longer than the contract allows."""

    key = "description_too_long"


class ReportTooLateError(SafetyError):
    """The session ended more than the filing window ago.

    Attributes:
        deadline: When the filing window closed (UTC).
    """

    key = "report_too_late"

    def __init__(self, session_id: str, deadline: datetime) -> None:
        super().__init__(
            f"session {session_id!r} ended too long ago: reports were accepted until "
            f"{deadline.isoformat()}"
        )
        self.deadline = deadline


class InvalidReferenceError(SafetyError, ValueError):
    """A session or booking id the Agency API would refuse (see ``wire.Id``)."""

    key = "invalid_reference"
