"""How often the sync service asks the agency, and how long it waits when answers go wrong.

Plain values, importable without the client (the workspace's tuning holds one; tests
shorten them). The defaults follow the contract's "Feed errors" and issue 15.
"""

from __future__ import annotations

import msgspec

__all__ = ["SyncPacing"]


class SyncPacing(msgspec.Struct, frozen=True):
    """The sync service's pacing.

    Attributes:
        poll_floor: Seconds at least between feed polls when a long-poll came back at
            once with nothing new (doubling from there, see ``quick_poll_cap``).
        news_floor: Seconds at least between feed polls when a long-poll came back at
            once with new events: short, since a push that ends a parked poll is the
            normal case and the next push must not wait a whole ``poll_floor``; still a
            floor, so a server that answers every poll with a page at once is not asked
            hundreds of times a second. A full page (more is waiting) skips it.
        quick_poll_cap: Most the gap grows to, doubling from ``poll_floor``, while
            long-polls keep coming back at once with nothing new.
        quick_seconds: A long-poll answered sooner than this came back "at once".
        forbidden_retry: Seconds between feed attempts while the agency answers 403 (the
            contract: every 5 minutes at most).
        moved_retry: Seconds between feed attempts while the agency's address answers
            404, 410 or a redirect (the contract: every 15 minutes).
        in_progress_give_up: Seconds of 409 "request in progress" after which an outbox
            item is given up and shown as refused.
        restart_cap: Most a sync thread waits before starting again after it failed.
        reset_window: Seconds within which a second "feed is behind your cursor" waits
            (with backoff) instead of reading the feed again from 0 at once.
        backoff_step: The first retry after a failure waits between this and twice this;
            each further one doubles, up to a minute (2 s for urgent outbox items).
    """

    poll_floor: float = 1.0
    news_floor: float = 0.1
    quick_poll_cap: float = 30.0
    quick_seconds: float = 1.0
    forbidden_retry: float = 300.0
    moved_retry: float = 900.0
    in_progress_give_up: float = 300.0
    restart_cap: float = 60.0
    reset_window: float = 600.0
    backoff_step: float = 0.25
