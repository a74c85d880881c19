"""The pages of the main window, one widget module each."""

from talentdesk.ui.pages.boundaries import BoundariesPage
from talentdesk.ui.pages.replies import RepliesPage
from talentdesk.ui.pages.safety import SafetyPage
from talentdesk.ui.pages.settings import SettingsPage, VaultSummary
from talentdesk.ui.pages.summary import SummaryPage
from talentdesk.ui.pages.today import TodayPage

__all__ = [
    "BoundariesPage",
    "RepliesPage",
    "SafetyPage",
    "SettingsPage",
    "SummaryPage",
    "TodayPage",
    "VaultSummary",
]
