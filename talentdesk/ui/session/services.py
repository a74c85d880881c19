"""The session services of one unlocked vault, built together (no Qt beyond this package).

Kept apart from the session desk so the agency desk (:mod:`talentdesk.ui.desk`) can
build them when the vault is unlocked, attach the runner to its sync service before
sync starts, and hand them to the session desk.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from talentdesk.sessions._common import MonotonicClock, WallClock, system_monotonic, system_wall
from talentdesk.sessions.boundaries import BoundaryBook
from talentdesk.sessions.replies import ReplyBook
from talentdesk.sessions.runner import SessionRunner
from talentdesk.sessions.summary import SummaryDesk
from talentdesk.sync.outbox import Outbox
from talentdesk.vault import Vault

__all__ = ["SessionClocks", "SessionServices"]


@dataclass(frozen=True)
class SessionClocks:
    """The clocks of the session desk (fake ones in tests).

    Attributes:
        monotonic: Seconds that never jump; every duration comes from it.
        wall: Timezone-aware now, for start times and the contact window.
    """

    monotonic: MonotonicClock = system_monotonic
    wall: WallClock = system_wall


@dataclass(frozen=True)
class SessionServices:
    """The plain-Python services the session desk puts a face on."""

    runner: SessionRunner
    replies: ReplyBook
    boundaries: BoundaryBook
    summary: SummaryDesk
    clocks: SessionClocks = field(default_factory=SessionClocks)

    @classmethod
    def build(
        cls, vault: Vault, outbox: Outbox, clocks: SessionClocks | None = None
    ) -> SessionServices:
        """The services of one open vault, sharing one reply book.

        Reads the talent's warning minutes from the vault (once).
        """
        clocks = clocks or SessionClocks()
        replies = ReplyBook(vault)
        runner = SessionRunner(
            vault, outbox, monotonic=clocks.monotonic, wall=clocks.wall, replies=replies
        )
        return cls(
            runner=runner,
            replies=replies,
            boundaries=BoundaryBook(vault, replies),
            summary=SummaryDesk(vault, clocks.wall),
            clocks=clocks,
        )
