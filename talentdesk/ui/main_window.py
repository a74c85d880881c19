"""The main window: a side list of pages, the page on show, and a status line.

It only arranges pages and forwards their requests; each page lives in its
own module under :mod:`talentdesk.ui.pages` and works with the agency desk or
the session desk itself. The status line says the state of the link to the
agency (:mod:`talentdesk.ui.status_line`) and how the vault is protected; a
reminder banner sits on top where the desktop has no system tray.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from talentdesk.ui.desk import AgencyDesk
from talentdesk.ui.pages import (
    BoundariesPage,
    RepliesPage,
    SafetyPage,
    SettingsPage,
    SummaryPage,
    TodayPage,
    VaultSummary,
)
from talentdesk.ui.safety import SafetyDesk, SafetyScreens, make_escalate_shortcut
from talentdesk.ui.session.controller import SessionDesk
from talentdesk.ui.session.notifications import Notifier, ReminderBanner
from talentdesk.ui.status_line import SyncStatusLine
from talentdesk.ui.style import apply_style
from talentdesk.ui.widgets import make_label
from talentdesk.vault import Protection


class Page(IntEnum):
    """The pages, in the order of the side list."""

    TODAY = 0
    SUMMARY = 1
    BOUNDARIES = 2
    REPLIES = 3
    SAFETY = 4
    SETTINGS = 5


class MainWindow(QMainWindow):
    """TalentDesk while unlocked.

    Args:
        vault: what to show about the open vault.
        language: the current language code.
        idle_lock_minutes: the current auto-lock delay.
        data_dir: the data folder, shown in Settings.
        desk: the agency desk of the unlocked vault; None shows an unpaired window.
        demo: a demo run: the title, a banner and the status line say DEMO.
        session: the session desk of the unlocked vault (replies, boundaries, the
            night summary, starting sessions from Today); None shows empty pages.
        notifier: where reminders go; its banners show on top of the pages.
        safety: the safety desk of the unlocked vault (the Safety page, the night's
            after-care counts, Ctrl+Shift+E); None shows the Safety page's empty state.
        safety_screens: opens the report dialog and the playbook for the Safety page.

    Signals:
        lock_requested(): Lock now (button or Ctrl+L).
        session_requested(): Bring the live session's window forward (from Today).
        language_changed(str): another language was picked in Settings.
        idle_lock_minutes_changed(int): the auto-lock delay changed in Settings.
    """

    lock_requested = Signal()
    session_requested = Signal()
    language_changed = Signal(str)
    idle_lock_minutes_changed = Signal(int)

    def __init__(
        self,
        *,
        vault: VaultSummary,
        language: str,
        idle_lock_minutes: int,
        data_dir: Path,
        desk: AgencyDesk | None = None,
        demo: bool = False,
        session: SessionDesk | None = None,
        notifier: Notifier | None = None,
        safety: SafetyDesk | None = None,
        safety_screens: SafetyScreens | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._demo = demo
        self.setMinimumSize(QSize(880, 600))
        self.resize(1120, 720)
        self.today = TodayPage(desk, session=session)
        self.summary = SummaryPage(session, safety=safety)
        self.boundaries = BoundariesPage(session)
        self.replies = RepliesPage(session)
        self.safety = SafetyPage(safety, screens=safety_screens)
        self.settings = SettingsPage(
            vault=vault,
            language=language,
            idle_lock_minutes=idle_lock_minutes,
            data_dir=data_dir,
            desk=desk,
        )
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self._stack = QStackedWidget()
        pages = (
            self.today,
            self.summary,
            self.boundaries,
            self.replies,
            self.safety,
            self.settings,
        )
        for page in pages:
            self._stack.addWidget(page)
            self.navigation.addItem(QListWidgetItem())
        self.demo_banner = make_label("demoBanner", wrap=True, name="demoBanner")
        self.demo_banner.setVisible(demo)
        self.reminder_banner = ReminderBanner(notifier)
        # "DEMO" reads the same in both languages, like the name.
        self.setWindowTitle("TalentDesk — DEMO" if demo else "TalentDesk")
        self.agency_line = SyncStatusLine(desk)
        self.status_line = make_label("small", wrap=False, name="statusLine")
        self.statusBar().addWidget(self.agency_line, 1)
        self.statusBar().addPermanentWidget(self.status_line)
        # Ctrl+Shift+E escalates from any page (about the live session, if one runs).
        self.escalate_shortcut = (
            make_escalate_shortcut(self, self.safety.box.escalate) if safety is not None else None
        )
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.addAction(self.lock_action)
        self._build_layout()
        self._connect_signals()
        apply_style(self)
        self.retranslate()
        self.show_page(Page.TODAY)

    def _build_layout(self) -> None:
        brand = make_label("brand", wrap=False)
        brand.setText("TalentDesk")
        pane = QWidget()
        pane.setObjectName("navigationPane")
        pane.setFixedWidth(220)
        pane_layout = QVBoxLayout(pane)
        pane_layout.setContentsMargins(10, 22, 10, 12)
        pane_layout.setSpacing(14)
        brand_row = QHBoxLayout()
        brand_row.setContentsMargins(14, 0, 0, 0)
        brand_row.addWidget(brand)
        pane_layout.addLayout(brand_row)
        pane_layout.addWidget(self.navigation, 1)
        pages = QVBoxLayout()
        pages.setContentsMargins(0, 0, 0, 0)
        pages.setSpacing(0)
        pages.addWidget(self.demo_banner)
        pages.addWidget(self.reminder_banner)
        pages.addWidget(self._stack, 1)
        central = QWidget()
        central.setObjectName("pageArea")
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(pane)
        layout.addLayout(pages, 1)
        self.setCentralWidget(central)

    def _connect_signals(self) -> None:
        self.navigation.currentRowChanged.connect(self._stack.setCurrentIndex)
        self.today.settings_requested.connect(lambda: self.show_page(Page.SETTINGS))
        self.today.session_requested.connect(self.session_requested)
        self.safety.settings_requested.connect(lambda: self.show_page(Page.SETTINGS))
        self.settings.language_changed.connect(self.language_changed)
        self.settings.idle_lock_minutes_changed.connect(self.idle_lock_minutes_changed)
        self.settings.lock_requested.connect(self.lock_requested)
        self.lock_action.triggered.connect(self.lock_requested)

    def show_page(self, page: Page) -> None:
        """Bring ``page`` forward and select it in the side list."""
        self.navigation.setCurrentRow(int(page))

    def current_page(self) -> Page:
        """The page on show."""
        return Page(self._stack.currentIndex())

    def set_language(self, code: str) -> None:
        """Reflect a language chosen elsewhere (the unlock screen) in Settings."""
        self.settings.set_language(code)

    def retranslate(self) -> None:
        """Set every text of the window itself (each page retranslates its own)."""
        names = (
            self.tr("Today"),
            self.tr("Night summary"),
            self.tr("Boundaries"),
            self.tr("Replies"),
            self.tr("Safety"),
            self.tr("Settings"),
        )
        for row, name in enumerate(names):
            self.navigation.item(row).setText(name)
        if self._vault.protection is Protection.KEYRING:
            status = self.tr("Vault unlocked · protected by your system keyring")
        else:
            status = self.tr("Vault unlocked · protected by your passphrase")
        self.status_line.setText(status)
        self.demo_banner.setText(self.tr("DEMO — sample agency on this computer, sample bookings"))
        self.lock_action.setText(self.tr("Lock now"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
