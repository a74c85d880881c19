"""The safety controller's face: escalate, the crisis playbook, reports, "Are you OK?", after-care.

:class:`SafetyController` keeps what the safety screens show of one unlocked vault's
workspace and brings its news to the GUI thread; the widgets here show it:

* :class:`EscalateBox` — the escalate button (and Ctrl+Shift+E) with the panel that
  follows the escalation: queued, delivered, acknowledged by the supervisor, resolved,
  or cancelled as a false alarm;
* :class:`PlaybookPanel` / :class:`PlaybookWindow` — crisis signs, actions, contacts;
* :class:`ReportDialog` — an incident report about the live or a recent session;
* :class:`AreYouOkPrompt` — the lone-worker check's question;
* :class:`AfterCareDialog` — check-in, break and debrief after a hard session;
* :class:`SafetyWindows` — opens the windows above when they are needed.

Names are imported on first use (PEP 562), not with the package: importing one
module of it must not pull in every window (startup time).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from talentdesk.ui.lazy import lazy_exports

if TYPE_CHECKING:
    from talentdesk.ui.safety.aftercare import AfterCareDialog
    from talentdesk.ui.safety.controller import SafetyController
    from talentdesk.ui.safety.escalate import EscalateBox, EscalationPanel
    from talentdesk.ui.safety.lone_worker import AreYouOkPrompt
    from talentdesk.ui.safety.messages import SafetyMessages
    from talentdesk.ui.safety.models import EscalationsModel, ReportsModel, SessionsModel
    from talentdesk.ui.safety.playbook import PlaybookPanel, PlaybookWindow
    from talentdesk.ui.safety.report_dialog import ReportDialog
    from talentdesk.ui.safety.shortcut import ESCALATE_KEYS, make_escalate_shortcut
    from talentdesk.ui.safety.windows import SafetyWindows

_HOME = {
    "AfterCareDialog": "talentdesk.ui.safety.aftercare",
    "AreYouOkPrompt": "talentdesk.ui.safety.lone_worker",
    "ESCALATE_KEYS": "talentdesk.ui.safety.shortcut",
    "EscalateBox": "talentdesk.ui.safety.escalate",
    "EscalationPanel": "talentdesk.ui.safety.escalate",
    "EscalationsModel": "talentdesk.ui.safety.models",
    "PlaybookPanel": "talentdesk.ui.safety.playbook",
    "PlaybookWindow": "talentdesk.ui.safety.playbook",
    "ReportDialog": "talentdesk.ui.safety.report_dialog",
    "ReportsModel": "talentdesk.ui.safety.models",
    "SafetyController": "talentdesk.ui.safety.controller",
    "SafetyWindows": "talentdesk.ui.safety.windows",
    "SafetyMessages": "talentdesk.ui.safety.messages",
    "SessionsModel": "talentdesk.ui.safety.models",
    "make_escalate_shortcut": "talentdesk.ui.safety.shortcut",
}


__getattr__ = lazy_exports(__name__, _HOME)


__all__ = [
    "ESCALATE_KEYS",
    "AfterCareDialog",
    "AreYouOkPrompt",
    "EscalateBox",
    "EscalationPanel",
    "EscalationsModel",
    "PlaybookPanel",
    "PlaybookWindow",
    "ReportDialog",
    "ReportsModel",
    "SafetyController",
    "SafetyMessages",
    "SafetyWindows",
    "SessionsModel",
    "make_escalate_shortcut",
]
