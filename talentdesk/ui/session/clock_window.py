"""What the full and the compact session window share: the session clock and F8/F9.

Both follow the session controller the same way: a new session clears the warning on
show and draws the last tick at once, each tick redraws the clock, a warning (5 or 1
minutes left) turns it to its warning look, and F8 / F9 count the customer's message and
the talent's answer for the reply pace, whichever window has the focus.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from talentdesk.sessions.runner import LiveSession, SessionPhase, SessionTick
from talentdesk.ui.session.controller import SessionController
from talentdesk.ui.session.messages import SessionMessages, clock_text
from talentdesk.ui.widgets import TranslatedWidget, set_role


def clock_face(tick: SessionTick, warned: bool) -> tuple[str, str]:
    """The clock's text for ``tick`` and its look (the ``phase`` style property).

    Time left (``warning`` once a warning is due, else ``normal``), the time over with a
    "+" (``overrun``), or, once ended, how long the session lasted (``closing``).
    """
    if tick.phase is SessionPhase.RUNNING:
        return clock_text(tick.time_left), "warning" if warned else "normal"
    if tick.phase is SessionPhase.OVERRUN:
        return "+" + clock_text(tick.overrun, round_up=False), "overrun"
    return clock_text(tick.elapsed, round_up=False), "closing"


class SessionClockWindow(TranslatedWidget):
    """A window of the live session: keeps the tick on show and the warning due.

    Subclasses draw the clock (:meth:`_draw_clock`), show a session (:meth:`show_live`,
    which calls :meth:`_new_session` first and :meth:`_show_last_tick` last) and their
    texts (``_update_texts``); their ``_make_shortcuts`` and ``_connect_signals`` call
    these first.

    Args:
        session: The session controller (its live session is the one shown).
    """

    def __init__(self, session: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self._session = session
        self._words = SessionMessages(self)
        self._tick: SessionTick | None = None
        self._warning: int | None = None
        self._shortcuts: list[QShortcut] = []

    def _shortcut(self, keys: str) -> QShortcut:
        made = QShortcut(QKeySequence(keys), self)
        made.setContext(Qt.ShortcutContext.WindowShortcut)
        self._shortcuts.append(made)
        return made

    def _make_shortcuts(self) -> None:
        self.wrote_shortcut = self._shortcut("F8")
        self.answered_shortcut = self._shortcut("F9")

    def _connect_signals(self) -> None:
        session = self._session
        session.session_changed.connect(self.show_live)
        session.ticked.connect(self.show_tick)
        session.warning_due.connect(self._warning_due)
        self.wrote_shortcut.activated.connect(session.customer_wrote)
        self.answered_shortcut.activated.connect(session.talent_answered)

    def show_live(self, live: LiveSession | None) -> None:
        """Show ``live`` (a new session resets the warning on show)."""
        raise NotImplementedError

    def _new_session(self) -> None:
        self._warning = None
        self._tick = None

    def _show_last_tick(self) -> None:
        tick = self._session.last_tick
        if tick is not None:
            self.show_tick(tick)

    def show_tick(self, tick: SessionTick) -> None:
        """Draw the clock of ``tick``."""
        self._tick = tick
        text, look = clock_face(tick, self._warning is not None)
        self._draw_clock(tick, text, look)
        self._update_texts()

    def _draw_clock(self, tick: SessionTick, text: str, look: str) -> None:
        raise NotImplementedError

    @staticmethod
    def _set_look(clock: QWidget, look: str, role: str) -> None:
        """Give ``clock`` its ``look`` (restyled only when it changes: a tick a second)."""
        if clock.property("phase") != look:
            clock.setProperty("phase", look)
            set_role(clock, role)

    def _update_texts(self) -> None:
        raise NotImplementedError

    def _warning_due(self, minutes: int) -> None:
        self._warning = minutes
        if self._tick is not None:
            self.show_tick(self._tick)
