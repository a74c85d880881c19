"""Reminders before each session, through the system tray or a banner in the window.

Where the desktop has a system tray (``QSystemTrayIcon.isSystemTrayAvailable()``),
a reminder is a tray notification, so it reaches the talent in their chat app;
elsewhere it is a banner at the top of the main window. A reminder names the time,
the package and what to do first (unblock a returning customer); never the
customer: notification daemons keep a history.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QSystemTrayIcon, QWidget

from talentdesk.domain import Booking, BookingStatus, contact_window
from talentdesk.ui.session.controller import SessionController
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


class Notifier(QObject):
    """Says something to the talent: in the tray where there is one, else as a banner.

    Args:
        tray_available: Whether the desktop has a system tray (a fake in tests).

    Signals:
        banner_requested(str, str): Title and text to show in the window (no tray).
    """

    banner_requested = Signal(str, str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
    ) -> None:
        super().__init__(parent)
        self.tray: QSystemTrayIcon | None = None
        if tray_available():
            self.tray = QSystemTrayIcon(app_icon(), self)
            self.tray.setToolTip("TalentDesk")
            self.tray.show()

    @property
    def uses_tray(self) -> bool:
        """Whether notices go to the system tray."""
        return self.tray is not None

    def notify(self, title: str, text: str, *, banner: bool = True) -> None:
        """Tell the talent; ``banner=False`` says nothing where there is no tray."""
        if self.tray is not None:
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)
        elif banner:
            self.banner_requested.emit(title, text)

    def discard(self) -> None:
        """Take the tray icon away (at quit)."""
        if self.tray is not None:
            self.tray.hide()


@dataclass(frozen=True)
class Reminder:
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


class Reminders(QObject):
    """Reminds the talent of each accepted booking when its contact window opens.

    Args:
        session: The session controller (its workspace reads tonight's bookings).
        notifier: Where reminders go.
        check_ms: How often to look.

    Signals:
        reminded(str): The booking id just reminded of.
    """

    reminded = Signal(str)

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
        for reminder in due_reminders(bookings, now, session.context.contact_minutes, self._sent):
            booking = reminder.booking
            self._sent.add((booking.id, booking.start))
            title, text = self.texts(reminder)
            self._notifier.notify(title, text)
            self.reminded.emit(booking.id)

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

    def show_notice(self, title: str, text: str) -> None:
        """Show a notice (the newest replaces the one on show)."""
        self.callout.setText(f"{title} — {text}")
        self.show()

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()

    def retranslate(self) -> None:
        self.close_button.setText(self.tr("Dismiss"))


__all__ = [
    "CHECK_MS",
    "Notifier",
    "Reminder",
    "ReminderBanner",
    "Reminders",
    "app_icon",
    "due_reminders",
]
