"""What the window says about the link to the agency: one snapshot, no I/O.

Kept apart from the sync service so the first window can show it without importing the
client and its HTTP library.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

__all__ = ["SyncPhase", "SyncStatus"]


class SyncPhase(enum.StrEnum):
    """What the window says about the link to the agency."""

    UNPAIRED = "unpaired"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RETRYING = "retrying"
    OFFLINE = "offline"
    UNAUTHORIZED = "unauthorized"
    STOPPED = "stopped"


@dataclass(frozen=True)
class SyncStatus:
    """A snapshot for the status line.

    Attributes:
        reason: machine reason of the last failure (timeout, network, rate_limited,
            server_error, malformed, unauthorized, rejected), for the UI to put in words.
        retry_at: monotonic time of the next attempt, while retrying.
    """

    phase: SyncPhase = SyncPhase.UNPAIRED
    reason: str | None = None
    retry_at: float | None = None
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
