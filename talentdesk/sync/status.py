"""What the window says about the link to the agency: one snapshot, no I/O.

Kept apart from the sync service so the first window can show it without importing the
client and its HTTP library.
"""

from __future__ import annotations

import enum

import msgspec

__all__ = ["SyncPhase", "SyncStatus"]


class SyncPhase(enum.StrEnum):
    """What the window says about the link to the agency."""

    UNPAIRED = "unpaired"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RETRYING = "retrying"
    OFFLINE = "offline"
    UNAUTHORIZED = "unauthorized"
    #: The agency refused the feed request itself (a 4xx the contract says not to
    #: repeat as it is): nothing is retried until the talent presses "retry now".
    REFUSED = "refused"
    STOPPED = "stopped"


#: The phases in which "retry now" does something.
_RETRYABLE = frozenset({SyncPhase.RETRYING, SyncPhase.OFFLINE, SyncPhase.REFUSED})


class SyncStatus(msgspec.Struct, frozen=True):
    """A snapshot for the status line.

    Attributes:
        reason: machine reason of the last failure, for the UI to put in words: timeout,
            slow (bytes came, but too slowly), network, rate_limited, server_error,
            malformed, unauthorized, revoked (an agency admin revoked this device),
            forbidden (403), moved (404, 410, a redirect),
            refused (another 4xx), internal (a sync thread failed and restarts).
        retry_at: monotonic time of the next attempt, while retrying.
        asked_wait: seconds the agency asked to wait (``Retry-After``) when that was more
            than TalentDesk waits, so the line can say why it waits less.
        http_status: the agency's HTTP status, when it refused the feed request.
        restarts: how often a sync thread started again after an internal problem.
        outbox_reason: why the newest outbox attempt did not deliver (as ``reason``, and
            in_progress: the agency still handles an earlier try of the same request).
    """

    phase: SyncPhase = SyncPhase.UNPAIRED
    reason: str | None = None
    retry_at: float | None = None
    asked_wait: float | None = None
    http_status: int | None = None
    restarts: int = 0
    talent_name: str | None = None
    agency_name: str | None = None
    unknown_skipped: int = 0
    rejected_total: int = 0
    outbox_queued: int = 0
    outbox_failed: int = 0
    outbox_reason: str | None = None

    def retry_in(self, now: float) -> int | None:
        """Whole seconds until the next attempt (never below 0), or None."""
        if self.retry_at is None:
            return None
        return max(0, round(self.retry_at - now))

    @property
    def can_retry_now(self) -> bool:
        """Whether "retry now" would try sooner than the service will by itself."""
        return self.phase in _RETRYABLE
