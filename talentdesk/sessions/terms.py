"""The words of a session the windows need without the runner.

Its scope (what the package covers), its phase, the keys of the closing checklist and
why a step was refused: plain values the view translates, importable before the first
window without the session runner and everything it needs.
"""

from __future__ import annotations

import enum
from typing import Final

from talentdesk.domain import Channel, Package

__all__ = [
    "CHECK_BLOCK_IN_CALLS",
    "CHECK_BLOCK_IN_CHAT",
    "CHECK_REMOVE_FROM_RECENTS",
    "CHECK_SEND_CLOSING_REPLY",
    "FLAG_CANCELLED_BY_AGENCY",
    "FLAG_OVERTIME",
    "FLAG_RESUMED",
    "SessionError",
    "SessionPhase",
    "SessionScope",
    "closing_checklist",
    "scope_of",
]

#: SessionRecord flags (machine tags, never customer text).
FLAG_OVERTIME: Final = "overtime"
FLAG_RESUMED: Final = "resumed"
FLAG_CANCELLED_BY_AGENCY: Final = "cancelled_by_agency"

# The closing checklist, as machine keys the UI translates.
CHECK_SEND_CLOSING_REPLY: Final = "send_closing_reply"
CHECK_BLOCK_IN_CHAT: Final = "block_in_chat"
CHECK_BLOCK_IN_CALLS: Final = "block_in_calls"
CHECK_REMOVE_FROM_RECENTS: Final = "remove_from_recents"


class SessionScope(enum.StrEnum):
    """What the package covers; the UI says it plainly ("Chat only — no calls")."""

    CHAT_ONLY = "chat_only"
    CALL_ONLY = "call_only"
    CHAT_AND_CALL = "chat_and_call"


def scope_of(package: Package) -> SessionScope:
    """The scope of a package's sessions."""
    return {
        Channel.CHAT: SessionScope.CHAT_ONLY,
        Channel.CALL: SessionScope.CALL_ONLY,
        Channel.CHAT_CALL: SessionScope.CHAT_AND_CALL,
    }[package.channel]


def closing_checklist(package: Package) -> tuple[str, ...]:
    """What to do before finishing: the closing reply, then block the customer everywhere
    the package let them reach the talent."""
    keys = [CHECK_SEND_CLOSING_REPLY]
    if package.channel.allows_chat:
        keys.append(CHECK_BLOCK_IN_CHAT)
    if package.channel.allows_call:
        keys.append(CHECK_BLOCK_IN_CALLS)
    keys.append(CHECK_REMOVE_FROM_RECENTS)
    return tuple(keys)


class SessionPhase(enum.StrEnum):
    """Where a session is."""

    RUNNING = "running"
    OVERRUN = "overrun"  # past the booked length, still going
    CLOSING = "closing"  # clock stopped; closing reply, blocking, wrap-up
    FINISHED = "finished"


class SessionError(RuntimeError):
    """A session step the app refuses. ``key`` is a machine key the UI translates.

    Keys: ``booking_not_found``, ``not_accepted`` (``detail`` is the booking's status),
    ``session_live`` (another session is live), ``needs_unblock``, ``too_early``
    (before the contact window opens), ``too_late`` (after the booked end),
    ``finished``.
    """

    def __init__(self, key: str, detail: str = "") -> None:
        super().__init__(f"{key}: {detail}" if detail else key)
        self.key = key
        self.detail = detail
