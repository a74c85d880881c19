"""Plain preferences kept beside the vault: things needed before it is unlocked.

Only non-sensitive choices live here (language, auto-lock minutes); anything
about bookings or customers belongs in the vault. Written atomically, 0600.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import msgspec

from talentdesk.vault.paths import atomic_write

log = logging.getLogger(__name__)

PREFS_FILE = "preferences.json"
LANGUAGES = ("id", "en")


class Preferences(msgspec.Struct, frozen=True):
    """The talent's plain preferences.

    Attributes:
        language: "id" or "en"; None follows the system locale.
        idle_lock_minutes: lock after this many idle minutes; 0 never locks.
    """

    language: str | None = None
    idle_lock_minutes: int = 5

    def validated(self) -> Preferences:
        """A copy with out-of-range values replaced by defaults."""
        language = self.language if self.language in LANGUAGES else None
        minutes = self.idle_lock_minutes
        if not isinstance(minutes, int) or not 0 <= minutes <= 240:
            minutes = 5
        return msgspec.structs.replace(self, language=language, idle_lock_minutes=minutes)


def load_preferences(data_dir: Path) -> Preferences:
    """Read the preferences; a missing or damaged file gives the defaults (and a log line)."""
    path = data_dir / PREFS_FILE
    try:
        raw: Any = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return Preferences()
    except (OSError, ValueError) as exc:
        log.warning("preferences unreadable (%s); using defaults", type(exc).__name__)
        return Preferences()
    if not isinstance(raw, dict):
        return Preferences()
    known = set(Preferences.__struct_fields__)
    try:
        return Preferences(**{k: v for k, v in raw.items() if k in known}).validated()
    except TypeError:
        return Preferences()


def save_preferences(data_dir: Path, prefs: Preferences) -> None:
    """Write the preferences atomically (0600, fsync, replace)."""
    data = json.dumps(msgspec.structs.asdict(prefs.validated()), indent=2, sort_keys=True).encode()
    atomic_write(data_dir / PREFS_FILE, data)
