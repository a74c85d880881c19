"""The pages of the main window, one widget module each.

Names are imported on first use (PEP 562), not with the package: importing one
module of it must not pull in every window (startup time).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from talentdesk.ui.lazy import lazy_exports

if TYPE_CHECKING:
    from talentdesk.ui.pages.boundaries import BoundariesPage
    from talentdesk.ui.pages.replies import RepliesPage
    from talentdesk.ui.pages.safety import SafetyPage
    from talentdesk.ui.pages.settings import SettingsPage
    from talentdesk.ui.pages.summary import SummaryPage
    from talentdesk.ui.pages.today import TodayPage
    from talentdesk.ui.pages.vault_summary import VaultSummary

_HOME = {
    "BoundariesPage": "talentdesk.ui.pages.boundaries",
    "RepliesPage": "talentdesk.ui.pages.replies",
    "SafetyPage": "talentdesk.ui.pages.safety",
    "SettingsPage": "talentdesk.ui.pages.settings",
    "SummaryPage": "talentdesk.ui.pages.summary",
    "TodayPage": "talentdesk.ui.pages.today",
    "VaultSummary": "talentdesk.ui.pages.vault_summary",
}


__getattr__ = lazy_exports(__name__, _HOME)


__all__ = [
    "BoundariesPage",
    "RepliesPage",
    "SafetyPage",
    "SettingsPage",
    "SummaryPage",
    "TodayPage",
    "VaultSummary",
]
