"""Reminders before each session, through the system tray or a banner in the window.

Where the desktop has a system tray (``QSystemTrayIcon.isSystemTrayAvailable()``),
a reminder is a tray notification, so it reaches the talent in their chat app;
elsewhere it is a banner at the top of the main window. A reminder names the time,
the package and what to do first (unblock a returning customer); never the
customer: notification daemons keep a history.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import msgspec
from PySide6.QtCore import QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QSystemTrayIcon, QWidget

from talentdesk.domain import Booking, BookingStatus, contact_window
from talentdesk.ui.session.controller import SessionController

if TYPE_CHECKING:
    from talentdesk.sessions.runner import LiveSession
from talentdesk.ui.session.messages import SessionMessages
from talentdesk.ui.style import ACCENT
from talentdesk.ui.widgets import Callout, TranslatedWidget, make_button

log = logging.getLogger(__name__)

#: How often the reminders look at tonight's bookings.
CHECK_MS = 20_000


def app_icon(size: int = 64) -> QIcon:
    """TalentDesk's small round mark (drawn, so no image file is needed)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(ACCENT))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(QRectF(2, 2, size - 4, size - 4))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.55))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, "T")
    painter.end()
    return QIcon(pixmap)


class Notice(msgspec.Struct, frozen=True):
    """Something to tell the talent, worded again whenever it is shown.

    Attributes:
        key: What it is about (``reminder:<booking id>``...): a newer notice with the same
            key replaces it, and :meth:`Notifier.withdraw` takes it back once it no longer
            holds.
        words: Its title and text in the language on show (called again after a language
            switch, so a banner never stays in the old language).
    """

    key: str
    words: Callable[[], tuple[str, str]]


class Notifier(QObject):
    """Says something to the talent: in the tray where there is one, else as a banner.

    The tray is looked for, and its icon drawn and shown, at the first notice or when
    :meth:`put_up` is called (the app calls it once its first window is painted), not
    when the notifier is made: asking the X server whether there is a tray takes ~2 ms,
    and drawing and showing the icon more where there is one, on the way to that window.

    Args:
        tray_available: Whether the desktop has a system tray (a fake in tests).

    Signals:
        banner_requested(object): A :class:`Notice` to show in the window (no tray).
        withdrawn(str): The notice of that key no longer holds (a banner hides it).
    """

    banner_requested = Signal(object)
    withdrawn = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
    ) -> None:
        super().__init__(parent)
        self._tray_available = tray_available
        self._tray: QSystemTrayIcon | None = None
        self._looked_for_tray = False

    @property
    def tray(self) -> QSystemTrayIcon | None:
        """The tray icon where the desktop has a tray, else None (put up on first use)."""
        self.put_up()
        return self._tray

    @property
    def looked_for_tray(self) -> bool:
        """Whether the tray was looked for (and its icon put up, where there is one)."""
        return self._looked_for_tray

    def put_up(self) -> None:
        """Look for the tray now and show the icon there, where there is one; once."""
        if self._looked_for_tray:
            return
        self._looked_for_tray = True
        if self._tray_available():
            tray = QSystemTrayIcon(app_icon(), self)
            tray.setToolTip("TalentDesk")
            tray.show()
            self._tray = tray

    @property
    def uses_tray(self) -> bool:
        """Whether notices go to the system tray."""
        return self.tray is not None

    def notify(self, title: str, text: str, *, banner: bool = True) -> None:
        """Tell the talent once; ``banner=False`` says nothing where there is no tray.

        A banner of this stays in the words it was given: for one that follows the
        language and can be taken back, use :meth:`tell`.
        """
        self.tell(Notice("", lambda: (title, text)), banner=banner)

    def tell(self, notice: Notice, *, banner: bool = True) -> None:
        """Tell the talent ``notice`` (the tray's message is worded once, when shown)."""
        tray = self.tray
        if tray is not None:
            title, text = notice.words()
            tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)
        elif banner:
            self.banner_requested.emit(notice)

    def withdraw(self, key: str) -> None:
        """The notice of ``key`` no longer holds: its banner goes."""
        self.withdrawn.emit(key)

    def discard(self) -> None:
        """Take the tray icon away (at quit)."""
        if self._tray is not None:
            self._tray.hide()


class Reminder(msgspec.Struct, frozen=True):
    """One reminder that is due.

    Attributes:
        booking: The booking it is about.
        minutes: Whole minutes until the start (0 once it has started).
    """

    booking: Booking
    minutes: int


def due_reminders(
    bookings: list[Booking],
    now: datetime,
    contact_minutes: int,
    sent: set[tuple[str, datetime]],
) -> list[Reminder]:
    """Accepted bookings whose contact window is open and that were not reminded of yet.

    Pure; ``sent`` holds (booking id, start) pairs, so a moved booking is reminded again.
    """
    due = []
    for booking in bookings:
        if booking.status is not BookingStatus.ACCEPTED:
            continue
        if (booking.id, booking.start) in sent:
            continue
        opens, closes = contact_window(booking, contact_minutes)
        if opens <= now < closes:
            left = max(0, int((booking.start - now) / timedelta(minutes=1) + 0.999))
            due.append(Reminder(booking, left))
    return due


def reminder_key(booking_id: str) -> str:
    """The notice key of a booking's reminder."""
    return f"reminder:{booking_id}"


def cancel_key(booking_id: str) -> str:
    """The notice key of a booking's cancellation."""
    return f"cancelled:{booking_id}"


def finished_key(booking_id: str) -> str:
    """The notice key of a finished session (its booking's id)."""
    return f"finished:{booking_id}"


def newly_cancelled(bookings: list[Booking], accepted: set[str] | None) -> list[Booking]:
    """Bookings cancelled since they were last seen accepted (or live); pure.

    ``accepted`` is None on the first look: what was cancelled before is not news.
    """
    if accepted is None:
        return []
    return [b for b in bookings if b.status is BookingStatus.CANCELLED and b.id in accepted]


class Reminders(QObject):
    """Reminds the talent of each accepted booking when its contact window opens.

    Args:
        session: The session controller (its workspace reads tonight's bookings).
        notifier: Where reminders go.
        check_ms: How often to look.

    Signals:
        reminded(str): The booking id just reminded of.
        cancelled(str): The id of an accepted booking the agency has just cancelled.
    """

    reminded = Signal(str)
    cancelled = Signal(str)

    def __init__(
        self,
        session: SessionController,
        notifier: Notifier,
        *,
        check_ms: int = CHECK_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._notifier = notifier
        self._words = SessionMessages(self)
        self._sent: set[tuple[str, datetime]] = set()
        self._accepted: set[str] | None = None  # None until the first look
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self.check)
        # New bookings, or an answer just given (the outbox moved).
        self._session.view.changed.connect(
            lambda changes: self.check() if changes.bookings or changes.outbox else None
        )
        self._session.session_changed.connect(self._session_changed)

    def _session_changed(self, live: LiveSession | None) -> None:
        # Its session started: "your session starts now" no longer holds.
        if live is not None:
            self._notifier.withdraw(reminder_key(live.booking.id))

    def start(self) -> None:
        """Look now and then every ``check_ms``."""
        self._timer.start()
        self.check()

    def stop(self) -> None:
        """Stop looking."""
        self._timer.stop()

    def check(self) -> None:
        """Load the bookings (on the bridge) and remind of those that are due."""
        if self._loading:
            return
        self._loading = True
        workspace = self._session.workspace

        def work() -> list[Booking]:
            return workspace.runner.store.load_all(Booking).items

        def failed(exc: Exception) -> None:
            self._loading = False
            log.warning("reminders: bookings not loaded: %s", type(exc).__name__)

        self._session.run(work, self._loaded, failed, receiver=self)

    def _loaded(self, bookings: list[Booking]) -> None:
        self._loading = False
        session = self._session
        now = session.now()
        for booking in newly_cancelled(bookings, self._accepted):
            # An accepted booking the agency cancelled: its reminder goes, and the talent
            # hears why.
            self._notifier.withdraw(reminder_key(booking.id))
            self._notifier.tell(
                Notice(cancel_key(booking.id), functools.partial(self.cancel_texts, booking))
            )
            self.cancelled.emit(booking.id)
        self._accepted = {
            b.id for b in bookings if b.status in (BookingStatus.ACCEPTED, BookingStatus.LIVE)
        }
        for reminder in due_reminders(bookings, now, session.context.contact_minutes, self._sent):
            booking = reminder.booking
            self._sent.add((booking.id, booking.start))
            self._notifier.tell(
                Notice(reminder_key(booking.id), functools.partial(self.texts, reminder))
            )
            self.reminded.emit(booking.id)

    def cancel_texts(self, booking: Booking) -> tuple[str, str]:
        """The title and text of a cancelled booking's notice (never the customer)."""
        words = self._words
        text = (
            self.tr("The agency cancelled your booking at %1 (%2).")
            .replace("%1", words.clock(booking.start))
            .replace("%2", booking.package.name)
        )
        if booking.cancel_reason:
            text += " " + self.tr("Their reason: “%1”").replace("%1", booking.cancel_reason)
        return self.tr("Booking cancelled"), text

    def texts(self, reminder: Reminder) -> tuple[str, str]:
        """The title and text of a reminder (time and package only, never the customer)."""
        booking, words = reminder.booking, self._words
        if reminder.minutes > 0:
            title = self.tr("Session in %n minute(s)", "", reminder.minutes)
        else:
            title = self.tr("Your session starts now")
        text = (
            self.tr("%1 at %2: %3. Start it in TalentDesk when you are ready.")
            .replace("%1", booking.package.name)
            .replace("%2", words.clock(booking.start))
            .replace("%3", words.scope_short_of(booking.package))
        )
        if booking.needs_unblock:
            text += " " + self.tr("Unblock the returning customer before you start.")
        return title, text


class ReminderBanner(TranslatedWidget):
    """The in-window reminder where there is no system tray: a note with a close button.

    Signals:
        dismissed(): The talent closed the banner.
    """

    dismissed = Signal()

    def __init__(self, notifier: Notifier | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self._notice: Notice | None = None
        self.callout = Callout("note", name="reminderText")
        self.close_button = make_button(name="reminderClose")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(36, 10, 36, 0)
        layout.addWidget(self.callout, 1)
        layout.addWidget(self.close_button)
        self.hide()
        self._connect_signals(notifier)
        self.retranslate()

    def _connect_signals(self, notifier: Notifier | None) -> None:
        self.close_button.clicked.connect(self._dismiss)
        if notifier is not None:
            notifier.banner_requested.connect(self.show_notice)
            notifier.withdrawn.connect(self.withdraw)

    @property
    def notice(self) -> Notice | None:
        """The notice on show."""
        return self._notice

    def show_notice(self, notice: Notice) -> None:
        """Show a notice (the newest replaces the one on show)."""
        self._notice = notice
        self._render()
        self.show()

    def withdraw(self, key: str) -> None:
        """Hide the notice of ``key`` if it is the one on show."""
        if self._notice is not None and key and self._notice.key == key:
            self._notice = None
            self.hide()

    def _dismiss(self) -> None:
        self._notice = None
        self.hide()
        self.dismissed.emit()

    def _render(self) -> None:
        if self._notice is not None:
            title, text = self._notice.words()
            self.callout.setText(f"{title} — {text}")

    def retranslate(self) -> None:
        self.close_button.setText(self.tr("Dismiss"))
        self._render()


__all__ = [
    "CHECK_MS",
    "Notice",
    "Notifier",
    "Reminder",
    "ReminderBanner",
    "Reminders",
    "app_icon",
    "cancel_key",
    "due_reminders",
    "finished_key",
    "newly_cancelled",
    "reminder_key",
]
