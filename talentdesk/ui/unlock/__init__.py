"""The unlock screen: the first window, and the one that covers the app while it is locked.

Names are imported on first use (PEP 562): a keyring vault opens without the unlock
screen, so a start must not pay for importing it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from talentdesk.ui.lazy import lazy_exports

if TYPE_CHECKING:
    from talentdesk.ui.unlock.examine import Examination, examine
    from talentdesk.ui.unlock.screen import UnlockScreen

_HOME = {
    "Examination": "talentdesk.ui.unlock.examine",
    "UnlockScreen": "talentdesk.ui.unlock.screen",
    "examine": "talentdesk.ui.unlock.examine",
}


__getattr__ = lazy_exports(__name__, _HOME)


__all__ = ["Examination", "UnlockScreen", "examine"]
