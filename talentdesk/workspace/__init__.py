"""The desk's services of one unlocked vault, built and wired in one place.

:class:`Workspace` builds sync, bookings, the session runner, replies, boundaries, the
night summary and safety (on first use), and reports every change through one typed
event, :class:`Changes`. The view layer receives a workspace from the composition layer
and builds no service itself (``tests/ui/test_no_services_in_ui.py`` checks it).
"""

from talentdesk.workspace.changes import Changes
from talentdesk.workspace.tuning import DemoAgency, SafetyTuning, SessionClocks, SyncTuning
from talentdesk.workspace.views import (
    AcceptCheck,
    BookingRow,
    HelpNumbers,
    OpenedSession,
    SafetySnapshot,
    SessionChoice,
    SessionContext,
    SessionWatch,
    TonightView,
)
from talentdesk.workspace.workspace import Workspace

__all__ = [
    "AcceptCheck",
    "BookingRow",
    "Changes",
    "DemoAgency",
    "HelpNumbers",
    "OpenedSession",
    "SafetySnapshot",
    "SafetyTuning",
    "SessionChoice",
    "SessionClocks",
    "SessionContext",
    "SessionWatch",
    "SyncTuning",
    "TonightView",
    "Workspace",
]
