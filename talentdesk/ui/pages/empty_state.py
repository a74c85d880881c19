"""The common shape of a page that has nothing to show yet.

An honest empty state says what will appear on the page and how it gets
there, and offers the one step the talent can take now, if any.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from talentdesk.ui.widgets import Card, TranslatedWidget, make_button, make_label


class EmptyStatePage(TranslatedWidget):
    """A page title above a card: heading, what will appear here, how, and an optional action.

    Subclasses fill the texts in ``retranslate()`` and, when they have an
    action, show :attr:`action_button` and connect it to one of their signals.
    A page that fills up later adds its contents to :attr:`column` and hides
    :attr:`empty_area` (which holds :attr:`empty_card`).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page_title = make_label("pageTitle", name="pageTitle")
        self.heading = make_label("heading", name="emptyHeading")
        self.body = make_label("body", name="emptyBody")
        self.hint = make_label("muted", name="emptyHint")
        self.action_button = make_button(name="emptyAction")
        self.action_button.hide()
        card = Card()
        card.setObjectName("emptyCard")
        card.setMaximumWidth(760)
        self.empty_card = card
        # The card sits in a row: a vertical layout would ask it for its height at the
        # page's full width, too little for its wrapped text at its own narrower width.
        self.empty_area = QWidget()
        row = QHBoxLayout(self.empty_area)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(card, 1)
        row.addStretch(0)
        card.body.addWidget(self.heading)
        card.body.addWidget(self.body)
        card.body.addWidget(self.hint)
        actions = QHBoxLayout()
        actions.addWidget(self.action_button)
        actions.addStretch(1)
        card.body.addSpacing(4)
        card.body.addLayout(actions)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 32, 36, 24)
        layout.setSpacing(18)
        layout.addWidget(self.page_title)
        layout.addWidget(self.empty_area)
        layout.addStretch(1)
        self.column = layout
