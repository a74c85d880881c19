"""The talent's own desk settings, sealed in the vault (unlike the plain preferences)."""

from __future__ import annotations

import msgspec

from talentdesk.domain import ShiftLimits
from talentdesk.vault import Vault

KIND = "setting"
#: The longest working name kept (it signs replies off; agencies' aliases are short).
MAX_TALENT_NAME_CHARS = 40


def clean_talent_name(name: str) -> str:
    """A working name as kept: spaces collapsed, at most :data:`MAX_TALENT_NAME_CHARS`."""
    return " ".join(name.split())[:MAX_TALENT_NAME_CHARS].strip()


#: The system-wide hotkeys of the reply pace, in pynput's spelling.
DEFAULT_HOTKEY_MESSAGE_IN = "<ctrl>+<alt>+m"
DEFAULT_HOTKEY_REPLIED = "<ctrl>+<alt>+r"


class DeskSettings(msgspec.Struct, kw_only=True):
    """Choices that say something about the talent's work, so they are encrypted.

    Attributes:
        shift_limits: the talent's own limits, checked before accepting a booking.
        active_preset_id: the boundary preset in force.
        talent_name: the talent's working name, the alias they work under; replies fill
            it in for ``{talent}`` (see :func:`clean_talent_name`).
        warning_minutes: minutes left at which a session warns (each mark once).
        wrap_up_seconds: length of the wrap-up timer after a session ends; 0 for none.
        pinned_reply_ids: pinned replies in Ctrl+1…Ctrl+9 order (by reply slot, see
            ``talentdesk.sessions.replies``), so pins on agency replies survive updates.
        hotkey_message_in: the system-wide hotkey for "the customer wrote" (pynput's
            spelling, ``<ctrl>+<alt>+m``); "" turns it off.
        hotkey_replied: the system-wide hotkey for "I replied"; "" turns it off.
        pace_sound: a short sound when a reply nears the agency's limit.
    """

    shift_limits: ShiftLimits = msgspec.field(default_factory=ShiftLimits)
    active_preset_id: str | None = None
    talent_name: str = ""
    warning_minutes: tuple[int, ...] = (5, 1)
    wrap_up_seconds: int = 120
    pinned_reply_ids: tuple[str, ...] = ()
    hotkey_message_in: str = DEFAULT_HOTKEY_MESSAGE_IN
    hotkey_replied: str = DEFAULT_HOTKEY_REPLIED
    pace_sound: bool = False


def load_settings(vault: Vault) -> DeskSettings:
    payload = vault.get(KIND, "desk")
    if payload is None:
        return DeskSettings()
    return msgspec.json.decode(payload, type=DeskSettings)


def save_settings(vault: Vault, settings: DeskSettings) -> None:
    vault.put(KIND, "desk", msgspec.json.encode(settings))
