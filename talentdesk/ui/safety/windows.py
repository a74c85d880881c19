"""The safety controller's own windows: the "Are you OK?" prompt, after-care, the playbook, reports.

:class:`SafetyWindows` follows the safety controller's signals and opens the right window:
the lone-worker prompt when the check asks (or escalated on its own), the after-care
dialog after a hard session, and, on request from a button, the crisis playbook and
the report dialog. One of each at a time; all are closed when the vault locks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from talentdesk.domain import IncidentCategory
from talentdesk.ui.safety.controller import SafetyController

if TYPE_CHECKING:  # the windows are imported when first shown (startup time)
    from talentdesk.safety import AfterCareOffer, LoneWorkerEvent
    from talentdesk.ui.safety.aftercare import AfterCareDialog
    from talentdesk.ui.safety.escalate import EscalateBox
    from talentdesk.ui.safety.lone_worker import AreYouOkPrompt
    from talentdesk.ui.safety.playbook import PlaybookWindow
    from talentdesk.ui.safety.report_dialog import ReportDialog


class SafetyWindows(QObject):
    """Shows the safety windows of a safety controller.

    Args:
        safety: The safety controller.
        platform: The Qt platform name for the prompt (tests pretend another).

    Attributes:
        prompt: The lone-worker prompt, once it was needed.
        after_care: The after-care dialog on show, if any.
        playbook: The playbook window, once opened.
        report: The report dialog on show, if any.
    """

    def __init__(
        self,
        safety: SafetyController,
        parent: QObject | None = None,
        *,
        platform: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.safety = safety
        self._platform = platform
        self.prompt: AreYouOkPrompt | None = None
        self.after_care: AfterCareDialog | None = None
        self.playbook: PlaybookWindow | None = None
        self.report: ReportDialog | None = None
        safety.lone_worker_event.connect(self._lone_worker)
        safety.after_care_offered.connect(self.show_after_care)

    # ------------------------------------------------------------------ wiring

    def connect_box(self, box: EscalateBox) -> None:
        """Let an escalate box open the playbook and the report dialog."""
        box.playbook_requested.connect(lambda: self.show_playbook(box.booking_id()))
        box.report_requested.connect(lambda: self.show_report(booking_id=box.booking_id()))

    # ------------------------------------------------------------------ windows

    def _lone_worker(self, event: LoneWorkerEvent) -> None:
        if self.prompt is None:
            from talentdesk.ui.safety.lone_worker import AreYouOkPrompt

            self.prompt = AreYouOkPrompt(self.safety, platform=self._platform)
        self.prompt.handle(event)

    def show_after_care(self, offer: AfterCareOffer) -> AfterCareDialog:
        """Offer check-in, break and debrief after a hard session."""
        old, self.after_care = self.after_care, None
        if old is not None:
            old.hide()
            old.deleteLater()
        from talentdesk.ui.safety.aftercare import AfterCareDialog

        dialog = AfterCareDialog(self.safety, offer)
        self.after_care = dialog
        _activate(dialog)
        return dialog

    def show_playbook(self, booking_id: str | None = None) -> PlaybookWindow:
        """Open the crisis playbook beside the session."""
        if self.playbook is None:
            from talentdesk.ui.safety.playbook import PlaybookWindow

            self.playbook = PlaybookWindow(self.safety, booking=lambda: self.safety.live_booking_id)
            self.playbook.panel.report_requested.connect(
                lambda category: self.show_report(category, self.safety.live_booking_id)
            )
        del booking_id  # the window always follows the live session
        _activate(self.playbook)
        return self.playbook

    def show_report(
        self, category: IncidentCategory | None = None, booking_id: str | None = None
    ) -> ReportDialog:
        """Open the report dialog (a fresh one, unless one is being filled in)."""
        current = self.report
        if current is not None and current.isVisible() and current.report is None:
            _activate(current)
            return current
        if current is not None:
            current.hide()
            current.deleteLater()
        from talentdesk.ui.safety.report_dialog import ReportDialog

        dialog = ReportDialog(
            self.safety, category=category, booking_id=booking_id or self.safety.live_booking_id
        )
        self.report = dialog
        _activate(dialog)
        return dialog

    # ------------------------------------------------------------------ closing

    def discard(self) -> None:
        """Close every safety window for good (vault locking, app quitting)."""
        for window in (self.prompt, self.after_care, self.playbook, self.report):
            if window is not None:
                window.hide()
                window.deleteLater()
        self.prompt = None
        self.after_care = None
        self.playbook = None
        self.report = None


def _activate(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
