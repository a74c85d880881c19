"""The unlock screen: the first window, and the one that covers the app while it is locked."""

from talentdesk.ui.unlock.screen import UnlockScreen

__all__ = ["UnlockScreen"]
