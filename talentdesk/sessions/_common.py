"""Small pieces the session controller modules share: clocks, ids and settings updates."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeAlias

from talentdesk.domain import AGENCY_PREFIX
from talentdesk.sessions.settings import DeskSettings, load_settings, save_settings
from talentdesk.vault import Vault

__all__ = [
    "AGENCY_PREFIX",
    "MonotonicClock",
    "WallClock",
    "change_settings",
    "is_agency_id",
    "new_own_id",
    "system_monotonic",
    "system_wall",
]

#: Seconds from an arbitrary start that never jumps (``time.monotonic`` or a fake one).
MonotonicClock: TypeAlias = Callable[[], float]
#: Timezone-aware "now" (``datetime.now(UTC)`` or a fake one).
WallClock: TypeAlias = Callable[[], datetime]


def system_monotonic() -> float:
    """The process's monotonic clock."""
    return time.monotonic()


def system_wall() -> datetime:
    """The wall clock, in UTC."""
    return datetime.now(UTC)


def is_agency_id(record_id: str) -> bool:
    """Whether a reply or preset id is the agency's (the feed applier owns those)."""
    return record_id.startswith(AGENCY_PREFIX)


def new_own_id(prefix: str = "own-") -> str:
    """A fresh id for something the talent made; never in the agency's namespace."""
    return f"{prefix}{os.urandom(6).hex()}"


def change_settings(vault: Vault, change: Callable[[DeskSettings], None]) -> DeskSettings:
    """Read, change and write the desk settings in one transaction (no lost updates)."""
    with vault.transaction():
        settings = load_settings(vault)
        change(settings)
        save_settings(vault, settings)
    return settings
