"""How a workspace runs: the clocks, the sync waits, the lone-worker limits, a demo agency.

Plain values, chosen by the composition layer (and by tests, which shorten the waits and
replace the clocks).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo

import msgspec

from talentdesk.sync.pacing import SyncPacing

__all__ = ["DemoAgency", "SafetyTuning", "SessionClocks", "SyncTuning"]


def _system_wall() -> datetime:
    return datetime.now(UTC)


class SessionClocks(msgspec.Struct, frozen=True):
    """The clocks of the session services (fake ones in tests).

    Attributes:
        monotonic: Seconds that never jump; every duration comes from it (the session
            timer, the reply pace, the lone-worker check).
        wall: Timezone-aware now, for start times, the contact window, the report window.
    """

    monotonic: Callable[[], float] = time.monotonic
    wall: Callable[[], datetime] = _system_wall


class SyncTuning(msgspec.Struct, frozen=True):
    """How the workspace runs the sync service.

    Attributes:
        feed_wait: seconds of each feed long-poll. Shorter than the service's own 25 s
            default because locking waits for a long-poll in flight to end before the
            vault closes (httpx cannot cut it short); new events still end a poll at once.
        client_timeout: seconds a request may take beyond a long-poll's own wait, all told.
        pacing: pauses between polls, slow retries after 403/404/410, give-up bounds.
        clock: monotonic seconds; the status line counts down on the same clock.
    """

    feed_wait: int = 10
    client_timeout: float = 10.0
    pacing: SyncPacing = msgspec.field(default_factory=SyncPacing)
    clock: Callable[[], float] = time.monotonic

    @property
    def stop_timeout(self) -> float:
        """Long enough for a long-poll in flight to end by itself, and its page to be applied."""
        return self.feed_wait + 2 * self.client_timeout + 30.0


class SafetyTuning(msgspec.Struct, frozen=True):
    """The lone-worker check's limits and the night's time zone.

    Attributes:
        minutes_over: Minutes past the booked end before "Are you OK?" (None: the
            check's own default, ``safety.lone_worker.DEFAULT_MINUTES_OVER``).
        answer_minutes: Minutes to answer before the automatic escalation (None: the
            check's own default).
        poll_ms: How often the check looks (it only decides when to look).
        tz: The talent's time zone for the night's counts (None: this computer's).
    """

    minutes_over: float | None = None
    answer_minutes: float | None = None
    poll_ms: int = 1000
    tz: tzinfo | None = None


class DemoAgency(msgspec.Struct, frozen=True):
    """The sample agency of a demo run.

    Attributes:
        url: the agency's address (a loopback ``http://127.0.0.1:PORT``).
        pairing_code: a one-time code to pair with it after unlocking, when the
            vault is not paired yet; None to only say DEMO and pair by hand.
    """

    url: str
    pairing_code: str | None = None
