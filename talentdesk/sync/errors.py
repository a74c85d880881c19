"""What can go wrong between the desk and the agency, as the sync worker sees it.

The client raises these; the sync service decides from them whether, when and how to
try again, and the view turns each one's ``reason`` into words.
"""

from __future__ import annotations

from talentdesk_contract import wire

__all__ = [
    "InsecureUrlError",
    "MalformedResponseError",
    "RejectedError",
    "RetryableError",
    "SyncError",
]


class SyncError(Exception):
    """Base of every error the client raises."""

    #: A short machine reason the UI turns into words.
    reason = "error"


class InsecureUrlError(SyncError):
    """Plain http to a host that is not loopback: the token would cross the network in clear."""

    reason = "insecure_url"


class RetryableError(SyncError):
    """Worth trying again later: network errors, timeouts, a very slow answer, 429, 5xx.

    Attributes:
        retry_after: the server's ``Retry-After`` in seconds, if it sent one (as sent,
            not capped: the service caps it and says so).
    """

    reason = "retryable"

    def __init__(self, message: str, *, reason: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.retry_after = retry_after


class RejectedError(SyncError):
    """The agency refused the request (a 3xx or a 4xx other than 429).

    Attributes:
        status: the HTTP status.
        problem: the agency's problem document, when it sent a valid one.
        retry_after: the server's ``Retry-After`` in seconds, if it sent one (a 409
            "request in progress" carries one).
    """

    reason = "rejected"

    def __init__(
        self, status: int, problem: wire.Problem | None, *, retry_after: float | None = None
    ) -> None:
        detail = problem.detail if problem else ""
        super().__init__(f"HTTP {status}: {problem.title if problem else ''} {detail}".strip())
        self.status = status
        self.problem = problem
        self.retry_after = retry_after
        if status == 401:
            self.reason = "unauthorized"

    @property
    def problem_type(self) -> str | None:
        """The problem's ``type`` URN, when the agency sent a readable problem."""
        return self.problem.type if self.problem is not None else None


class MalformedResponseError(SyncError):
    """The agency's answer was too large, not JSON, or of the wrong shape.

    Retrying may help (a proxy hiccup), so the worker backs off as for a 5xx. The
    message names what is wrong and where, never the content.
    """

    reason = "malformed"
