"""Today: tonight's and today's bookings (empty until the agency sends some)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from talentdesk.ui.pages.empty_state import EmptyStatePage


class TodayPage(EmptyStatePage):
    """The bookings of today and tonight.

    Signals:
        settings_requested(): the talent wants Settings, to pair with the agency.
    """

    settings_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayPage")
        self.action_button.show()
        self.action_button.clicked.connect(self.settings_requested)
        self.retranslate()

    def retranslate(self) -> None:
        self.page_title.setText(self.tr("Today"))
        self.heading.setText(self.tr("No bookings yet"))
        self.body.setText(
            self.tr(
                "Your bookings for today and tonight appear here when your agency sends them, "
                "each with its package and start time, so you can start and end every session "
                "on time."
            )
        )
        self.hint.setText(
            self.tr("To receive bookings, pair TalentDesk with your agency in Settings.")
        )
        self.action_button.setText(self.tr("Open Settings"))
