"""Safety: escalations, incident reports and their tickets; emergency contacts."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from talentdesk.ui.pages.empty_state import EmptyStatePage


class SafetyPage(EmptyStatePage):
    """Escalations and reports with their progress (empty until there is one).

    Signals:
        settings_requested(): the talent wants Settings, to pair with the agency.
    """

    settings_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("safetyPage")
        self.action_button.show()
        self.action_button.clicked.connect(self.settings_requested)
        self.retranslate()

    def retranslate(self) -> None:
        self.page_title.setText(self.tr("Safety"))
        self.heading.setText(self.tr("No escalations or reports"))
        self.body.setText(
            self.tr(
                "When you ask a supervisor for help during a session, or file an incident "
                "report, it appears here with its ticket number and progress: queued, "
                "delivered, acknowledged, resolved."
            )
        )
        self.hint.setText(
            self.tr(
                "Your agency's emergency contacts and crisis guidance appear here once you "
                "pair with your agency in Settings."
            )
        )
        self.action_button.setText(self.tr("Open Settings"))
