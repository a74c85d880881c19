"""Replies: ready-made opening, closing and decline replies."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from talentdesk.ui.pages.empty_state import EmptyStatePage


class RepliesPage(EmptyStatePage):
    """The talent's ready replies (empty until the agency's defaults arrive)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("repliesPage")
        self.retranslate()

    def retranslate(self) -> None:
        self.page_title.setText(self.tr("Replies"))
        self.heading.setText(self.tr("No ready replies yet"))
        self.body.setText(
            self.tr(
                "Your ready replies appear here: opening and closing replies, and decline "
                "replies (polite decline, humour, offer an alternative) for requests outside "
                "your boundaries, each one click away during a session."
            )
        )
        self.hint.setText(
            self.tr(
                "Your agency's default replies arrive when you pair with your agency; you can "
                "edit them and add your own."
            )
        )
