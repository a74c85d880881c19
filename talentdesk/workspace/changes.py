"""The one change event of a workspace: which kinds of the talent's data changed.

After Anki's ``OpChanges``: a view does not need to know *what* happened, only whether
what it shows may be stale, so one typed value says it for every service. A burst of
changes (the feed applying a page, the sender working through the outbox) merges into
one with ``|``, so a view reloads once.

Three kinds carry what they are about, because a view acts on each one and it cannot be
read back later: the lone-worker check's events (ask "Are you OK?", cleared, escalated),
after-care offers after a hard session, and replies copied to the clipboard (each one
counts as an answer for the reply pace).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

if TYPE_CHECKING:
    from talentdesk.safety.aftercare import AfterCareOffer
    from talentdesk.safety.lone_worker import LoneWorkerEvent

__all__ = ["Changes"]


class Changes(msgspec.Struct, frozen=True):
    """What changed, by kind. Every field is False (or empty) when nothing of it changed.

    Attributes:
        bookings: bookings were added, moved on (answered, live, done) or cancelled.
        outbox: an outbox item was queued or moved on (delivered, acknowledged, failed).
        session: the live session started, ended, was resumed or finished.
        replies: decline replies were added, edited, pinned, or pushed by the agency.
        boundaries: boundary presets changed (here or by the agency), or the active one.
        safety: escalations, reports, after-care counts or emergency contacts changed.
        settings: the talent's desk settings (shift limits, name, contact window).
        sync_status: the link to the agency (connecting, connected, retrying...).
        pairing: the app was paired with an agency, or unpaired.
        pace: the live session's reply pace was marked (customer wrote, talent answered).
        lone_worker: the lone-worker check's events, in order.
        after_care: after-care offers after a hard session, in order.
        replies_copied: how many replies were copied (each one answers the customer).
    """

    bookings: bool = False
    outbox: bool = False
    session: bool = False
    replies: bool = False
    boundaries: bool = False
    safety: bool = False
    settings: bool = False
    sync_status: bool = False
    pairing: bool = False
    pace: bool = False
    lone_worker: tuple[LoneWorkerEvent, ...] = ()
    after_care: tuple[AfterCareOffer, ...] = ()
    replies_copied: int = 0

    def __or__(self, other: Changes) -> Changes:
        """Both changes in one (for a burst): flags or-ed, events in order, counts added."""
        merged: dict[str, object] = {}
        for name in self.__struct_fields__:
            mine, theirs = getattr(self, name), getattr(other, name)
            merged[name] = mine + theirs if not isinstance(mine, bool) else mine or theirs
        return Changes(**merged)  # type: ignore[arg-type]

    def __bool__(self) -> bool:
        return any(getattr(self, name) for name in self.__struct_fields__)

    @classmethod
    def from_agency_config(cls) -> Changes:
        """What a new agency config changes."""
        return cls(replies=True, boundaries=True, settings=True, safety=True)
