"""Boundaries: what the talent is OK with, wants to be asked about, or never does."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from talentdesk.ui.pages.empty_state import EmptyStatePage


class BoundariesPage(EmptyStatePage):
    """The talent's boundaries (empty until the agency's presets arrive)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boundariesPage")
        self.retranslate()

    def retranslate(self) -> None:
        self.page_title.setText(self.tr("Boundaries"))
        self.heading.setText(self.tr("No boundaries set yet"))
        self.body.setText(
            self.tr(
                "Your boundaries appear here: what is OK, what you want to be asked about "
                "first, and what you never do."
            )
        )
        self.hint.setText(
            self.tr(
                "Your agency's boundary presets arrive when you pair with your agency; you can "
                "then adjust each one to suit you."
            )
        )
