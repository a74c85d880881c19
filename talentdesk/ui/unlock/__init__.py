"""The unlock screen: the first window, and the one that covers the app while it is locked.

Names are imported on first use (PEP 562): a keyring vault opens without the unlock
screen, so a start must not pay for importing it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from talentdesk.ui.unlock.examine import Examination, examine
    from talentdesk.ui.unlock.screen import UnlockScreen

_HOME = {
    "Examination": "talentdesk.ui.unlock.examine",
    "UnlockScreen": "talentdesk.ui.unlock.screen",
    "examine": "talentdesk.ui.unlock.examine",
}


def __getattr__(name: str) -> object:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # the next look-up is a plain attribute
    return value


__all__ = ["Examination", "UnlockScreen", "examine"]
