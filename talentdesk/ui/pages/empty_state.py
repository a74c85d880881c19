"""The common shape of a page that has nothing to show yet.

An honest empty state says what will appear on the page and how it gets
there, and offers the one step the talent can take now, if any.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from talentdesk.ui.widgets import (
    Callout,
    Card,
    TranslatedWidget,
    make_button,
    make_label,
    scrolling,
)

if TYPE_CHECKING:
    from talentdesk.ui.session.controller import SessionController


class EmptyStatePage(TranslatedWidget):
    """A page title above a card: heading, what will appear here, how, and an optional action.

    Subclasses fill the texts in ``retranslate()`` and, when they have an
    action, show :attr:`action_button` and connect it to one of their signals.
    A page that fills up later sets :attr:`content_area`, adds it to :attr:`column`, and
    swaps it for :attr:`empty_area` (which holds :attr:`empty_card`) with
    :meth:`_show_content`.
    """

    #: What the page shows once it has something; set by pages that fill up.
    content_area: QWidget

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

    def _show_content(self, shown: bool) -> None:
        """Show :attr:`content_area` (True) or the empty state (False)."""
        self.empty_area.setVisible(not shown)
        self.content_area.setVisible(shown)
        self.column.setStretch(self.column.count() - 1, 0 if shown else 1)


class EditingPage(EmptyStatePage):
    """A page whose contents the talent edits: it loads them, says "saved" for a while.

    Its contents go in :attr:`content` (in a scroll area, under the callout
    ``self.problems``). It loads again each time it is shown once it has loaded (the
    agency may have pushed meanwhile), and a note (:meth:`_show_note`) clears itself after
    ``note_ms``. Subclasses make their widgets, then call :meth:`_set_up`; they implement
    ``_build_layout`` (ending with :meth:`_lay_out_content`), ``_connect_signals``,
    :meth:`refresh` and :meth:`_render_messages` (which shows ``_error`` and ``_note``),
    and set ``_loaded`` once loaded.

    Args:
        session: the session controller of the unlocked vault; None shows the empty
            state only.
        name: the page's name: ``{name}Page``, its scroll area ``{name}Scroll``.
        note_ms: how long a note stays.
    """

    problems: Callout

    def __init__(
        self,
        session: SessionController | None,
        parent: QWidget | None = None,
        *,
        name: str,
        note_ms: int,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Page")
        self._session = session
        self._loaded = False
        self._error: str | None = None
        self._note: str | None = None
        self.content = QWidget()
        self.content_area = scrolling(self.content, f"{name}Scroll")
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(note_ms)
        # The page's own _connect_signals() connects its widgets; this timer is the base's.
        self._note_timer.timeout.connect(self._clear_note)

    def _set_up(self) -> None:
        """Lay the page out, connect it, fill its texts, and load (with a session)."""
        self._build_layout()
        self._connect_signals()
        self.retranslate()
        self._show_content(False)
        if self._session is not None:
            self.refresh()

    def _build_layout(self) -> None:
        raise NotImplementedError

    def _connect_signals(self) -> None:
        raise NotImplementedError

    def _lay_out_content(self, columns: QWidget) -> None:
        """Put ``columns`` in :attr:`content`, and it and ``problems`` under the title."""
        row = QVBoxLayout(self.content)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(columns)
        self.column.insertWidget(2, self.problems)
        self.column.insertWidget(3, self.content_area, 1)

    def refresh(self) -> None:
        """Load the page's contents again (on the bridge)."""
        raise NotImplementedError

    def _render_messages(self) -> None:
        """Show ``_error`` and ``_note`` as they are now."""
        raise NotImplementedError

    def _show_note(self, text: str) -> None:
        self._error = None
        self._note = text
        self._note_timer.start()
        self._render_messages()

    def _clear_note(self) -> None:
        self._note = None
        self._render_messages()

    def showEvent(self, event: QShowEvent) -> None:
        if self._loaded:
            self.refresh()
        super().showEvent(event)
