"""How long an escalation has waited, counted live on the monotonic clock.

The escalation's own time is a wall-clock stamp (it travels to the agency); a wait shown
to the talent must not jump when the computer's clock is set. :class:`EscalationWaits`
places each escalation once on the monotonic clock (at the click, or by its age the first
time it is seen) and counts from there.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the safety services are imported after the first paint, not with this
    from talentdesk.safety import EscalationView


class EscalationWaits:
    """Seconds each escalation has waited, on one monotonic clock.

    Args:
        wall: The wall clock (UTC), to place an escalation raised before it was seen.
        monotonic: The monotonic clock.
    """

    def __init__(
        self, wall: Callable[[], datetime], monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        self._wall = wall
        self._monotonic = monotonic
        self._started: dict[str, float] = {}

    def raised_now(self, escalation_id: str) -> None:
        """The talent pressed Escalate just now (the wait starts at the click)."""
        self._started[escalation_id] = self._monotonic()

    def waited(self, view: EscalationView) -> float:
        """Seconds ``view`` has waited, never below 0."""
        started = self._started.get(view.id)
        if started is None:
            age = max(0.0, (self._wall() - view.raised_at).total_seconds())
            started = self._started[view.id] = self._monotonic() - age
        return max(0.0, self._monotonic() - started)
