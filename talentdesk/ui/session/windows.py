"""The session windows of one unlocked vault: made when a session goes live, gone once finished.

:class:`SessionWindows` opens the full session window when a session starts or is
resumed, swaps it for the compact window and back, passes the time warnings to the
system tray (the talent may be in their chat app), and closes both windows when the
session is finished or the vault locks.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from talentdesk.ui.session.controller import SessionController
from talentdesk.ui.session.notifications import Notice, Notifier, finished_key

if TYPE_CHECKING:  # the windows are imported when a session first goes live (startup time)
    from talentdesk.sessions.runner import FinishedSession, LiveSession
    from talentdesk.ui.agency_link import AgencyLink
    from talentdesk.ui.safety.controller import SafetyController
    from talentdesk.ui.safety.windows import SafetyWindows
    from talentdesk.ui.session.compact import CompactWindow
    from talentdesk.ui.session.window import SessionWindow


class SessionWindows(QObject):
    """Shows the session windows of a session controller.

    Args:
        session: The session controller.
        notifier: Where warnings go while the talent is in another app.
        platform: The Qt platform name for the compact window (tests pretend another).
        safety: The safety controller: both windows get the escalate button.
        safety_windows: Opens the crisis playbook and the report dialog for them.
        agency: The agency link: both windows say whether the agency can be reached.

    Attributes:
        window: The full session window while a session is live.
        compact: The compact window while a session is live.
    """

    def __init__(
        self,
        session: SessionController,
        notifier: Notifier,
        parent: QObject | None = None,
        *,
        platform: str | None = None,
        safety: SafetyController | None = None,
        safety_windows: SafetyWindows | None = None,
        agency: AgencyLink | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._agency = agency
        self._notifier = notifier
        self._platform = platform
        self._safety = safety
        self._safety_windows = safety_windows
        self.window: SessionWindow | None = None
        self.compact: CompactWindow | None = None
        self._connect_signals()

    def _connect_signals(self) -> None:
        session = self._session
        session.session_changed.connect(self._session_changed)
        session.warning_due.connect(self._warning_due)
        session.overrun_started.connect(self._overrun)
        session.finished.connect(self._finished)

    # ------------------------------------------------------------------ showing

    def show_session(self) -> None:
        """Bring the full session window forward (if a session is live)."""
        if self._session.live is None:
            return
        self._ensure_windows()
        assert self.window is not None
        assert self.compact is not None
        self.compact.hide()
        self._activate(self.window)

    def show_compact(self) -> None:
        """Swap the full window for the compact one."""
        if self._session.live is None:
            return
        self._ensure_windows()
        assert self.window is not None
        assert self.compact is not None
        self.window.hide()
        self._activate(self.compact)

    @staticmethod
    def _activate(window: QWidget) -> None:
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    def _ensure_windows(self) -> None:
        from talentdesk.ui.session.compact import CompactWindow
        from talentdesk.ui.session.window import SessionWindow

        if self.window is None:
            self.window = SessionWindow(self._session, safety=self._safety, agency=self._agency)
            self.window.compact_requested.connect(self.show_compact)
            if self._safety_windows is not None and self.window.escalate is not None:
                self._safety_windows.connect_box(self.window.escalate)
        if self.compact is None:
            self.compact = CompactWindow(
                self._session, platform=self._platform, safety=self._safety, agency=self._agency
            )
            self.compact.full_requested.connect(self.show_session)

    def _session_changed(self, live: LiveSession | None) -> None:
        if live is None:
            self.discard()
        else:
            self.show_session()

    # ------------------------------------------------------------------ notices

    def _warning_due(self, minutes: int) -> None:
        self._notifier.notify(
            self.tr("%n minute(s) left", "", minutes),
            self.tr("Start wrapping up the conversation."),
            banner=False,
        )

    def _overrun(self) -> None:
        self._notifier.notify(
            self.tr("The booked time is up"),
            self.tr("Close the session politely. To extend, the customer asks the agency."),
            banner=False,
        )

    def _finished(self, result: FinishedSession) -> None:
        # A Notice, so its banner says itself again when the talent switches language.
        words = functools.partial(self.finished_words, result.customer_data_destroyed)
        self._notifier.tell(Notice(finished_key(result.record.booking_id), words))

    def finished_words(self, destroyed: bool) -> tuple[str, str]:
        """The title and text of the "session finished" notice (never the customer);
        ``destroyed``: whether the customer's details are gone already."""
        if destroyed:
            text = self.tr("The session is saved and the customer's details were destroyed.")
        else:
            text = self.tr(
                "The session is saved. The customer's details are destroyed as soon as the "
                "keyring answers."
            )
        return self.tr("Session finished"), text

    # ------------------------------------------------------------------ closing

    def discard(self) -> None:
        """Close both windows for good (session finished, vault locking, app quitting)."""
        window, self.window = self.window, None
        compact, self.compact = self.compact, None
        if window is not None:
            window.allow_close()
            window.close()
            window.deleteLater()
        if compact is not None:
            compact.close()
            compact.deleteLater()
