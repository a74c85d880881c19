"""The main window: a side list of pages, the page on show, and a status line.

It only arranges pages and forwards their requests; each page lives in its
own module under :mod:`talentdesk.ui.pages` and works with the agency link or
the session agency itself. The status line says the state of the link to the
agency (:mod:`talentdesk.ui.status_line`) and how the vault is protected; a
reminder banner sits on top where the desktop has no system tray.

Only Today is built with the window; every other page is built (and its module
imported) the first time it is shown or asked for. A talent opens the app to see
tonight's bookings: building all six pages cost ~0.3 s of the first window and ~10 MiB
that most shifts never look at. A page reads its agency when built, so a late page shows
the same as an early one would.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from talentdesk.ui.agency_link import AgencyLink
from talentdesk.ui.pages.today import TodayPage
from talentdesk.ui.pages.vault_summary import VaultSummary
from talentdesk.ui.safety.shortcut import make_escalate_shortcut
from talentdesk.ui.session.notifications import Notifier, ReminderBanner
from talentdesk.ui.status_line import RetryNowButton, SyncStatusLine
from talentdesk.ui.widgets import make_label
from talentdesk.vault import Protection

if TYPE_CHECKING:
    from talentdesk.ui.pages.boundaries import BoundariesPage
    from talentdesk.ui.pages.replies import RepliesPage
    from talentdesk.ui.pages.safety import SafetyPage
    from talentdesk.ui.pages.settings import SettingsPage
    from talentdesk.ui.pages.summary import SummaryPage
    from talentdesk.ui.safety.controller import SafetyController
    from talentdesk.ui.safety.windows import SafetyWindows
    from talentdesk.ui.session.controller import SessionController

_P = TypeVar("_P", bound=QWidget)


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
        agency: the agency link of the unlocked vault; None shows an unpaired window.
        demo: a demo run: the title, a banner and the status line say DEMO.
        session: the session agency of the unlocked vault (replies, boundaries, the
            night summary, starting sessions from Today); None shows empty pages.
        notifier: where reminders go; its banners show on top of the pages.
        safety: the safety agency of the unlocked vault (the Safety page, the night's
            after-care counts, Ctrl+Shift+E); None shows the Safety page's empty state.
        safety_windows: opens the report dialog and the playbook for the Safety page.

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
        agency: AgencyLink | None = None,
        demo: bool = False,
        session: SessionController | None = None,
        notifier: Notifier | None = None,
        safety: SafetyController | None = None,
        safety_windows: SafetyWindows | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._demo = demo
        self._agency = agency
        self._session = session
        self._safety = safety
        self._safety_windows = safety_windows
        self._language = language
        self._idle_lock_minutes = idle_lock_minutes
        self._data_dir = data_dir
        self.setMinimumSize(QSize(880, 600))
        self.resize(1120, 700)  # fits a 1366×768 screen with its title bar and a panel
        # Containers are made inside the window before they are filled: with the app's
        # style sheet, every widget that is moved into another parent after it was
        # polished is polished again, with its whole subtree (~80 ms at each start).
        central = self._central = QWidget(self)
        central.setObjectName("pageArea")
        self.setCentralWidget(central)
        self._pane = QWidget(central)
        self._stack = QStackedWidget(central)
        self.today = TodayPage(agency, self._stack, session=session)
        self.navigation = QListWidget(self._pane)
        self.navigation.setObjectName("navigation")
        # Built pages by position; the others hold an empty placeholder until shown.
        self._pages: dict[Page, QWidget] = {Page.TODAY: self.today}
        for page in Page:
            self._stack.addWidget(self.today if page is Page.TODAY else QWidget())
            self.navigation.addItem("")  # made by the list (see PresetView._fill)
        self.demo_banner = make_label("demoBanner", wrap=True, name="demoBanner")
        self.demo_banner.setVisible(demo)
        self.reminder_banner = ReminderBanner(notifier)
        # Qt adds the application's name to every title ("DEMO — TalentDesk"), so no
        # title says it again. "DEMO" reads the same in both languages, like the name.
        self.setWindowTitle("DEMO" if demo else "TalentDesk")
        self.agency_line = SyncStatusLine(agency)
        self.retry_now = RetryNowButton(agency)
        self.status_line = make_label("small", wrap=False, name="statusLine")
        self.statusBar().addWidget(self.agency_line, 1)
        self.statusBar().addWidget(self.retry_now)
        self.statusBar().addPermanentWidget(self.status_line)
        # Ctrl+Shift+E escalates from any page (about the live session, if one runs).
        self.escalate_shortcut = (
            make_escalate_shortcut(self, lambda: self.safety.box.escalate())
            if safety is not None
            else None
        )
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.addAction(self.lock_action)
        self._build_layout()
        self._connect_signals()
        self.retranslate()
        self.show_page(Page.TODAY)

    # ----------------------------------------------------------------- pages

    @property
    def summary(self) -> SummaryPage:
        """The night summary page (built on first use)."""
        return self._page(Page.SUMMARY, self._build_summary)

    @property
    def boundaries(self) -> BoundariesPage:
        """The boundaries page (built on first use)."""
        return self._page(Page.BOUNDARIES, self._build_boundaries)

    @property
    def replies(self) -> RepliesPage:
        """The decline replies page (built on first use)."""
        return self._page(Page.REPLIES, self._build_replies)

    @property
    def safety(self) -> SafetyPage:
        """The safety page (built on first use)."""
        return self._page(Page.SAFETY, self._build_safety)

    @property
    def settings(self) -> SettingsPage:
        """The settings page (built on first use)."""
        return self._page(Page.SETTINGS, self._build_settings)

    def is_built(self, page: Page) -> bool:
        """Whether ``page`` has been built (shown or asked for) yet."""
        return page in self._pages

    def _page(self, page: Page, build: Callable[[], _P]) -> _P:
        built = self._pages.get(page)
        if built is None:
            built = build()
            placeholder = self._stack.widget(int(page))
            showing = self._stack.currentIndex() == int(page)
            self._stack.insertWidget(int(page), built)
            if placeholder is not None:
                self._stack.removeWidget(placeholder)
                placeholder.deleteLater()
            if showing:
                self._stack.setCurrentIndex(int(page))
            self._pages[page] = built
        return built  # type: ignore[return-value]  # each page's builder made its type

    def _build_summary(self) -> SummaryPage:
        from talentdesk.ui.pages.summary import SummaryPage

        return SummaryPage(self._session, safety=self._safety)

    def _build_boundaries(self) -> BoundariesPage:
        from talentdesk.ui.pages.boundaries import BoundariesPage

        return BoundariesPage(self._session)

    def _build_replies(self) -> RepliesPage:
        from talentdesk.ui.pages.replies import RepliesPage

        return RepliesPage(self._session)

    def _build_safety(self) -> SafetyPage:
        from talentdesk.ui.pages.safety import SafetyPage

        page = SafetyPage(self._safety, windows=self._safety_windows)
        page.settings_requested.connect(lambda: self.show_page(Page.SETTINGS))
        return page

    def _build_settings(self) -> SettingsPage:
        from talentdesk.ui.pages.settings import SettingsPage

        page = SettingsPage(
            vault=self._vault,
            language=self._language,
            idle_lock_minutes=self._idle_lock_minutes,
            data_dir=self._data_dir,
            agency=self._agency,
        )
        page.language_changed.connect(self._language_picked)
        page.idle_lock_minutes_changed.connect(self._idle_lock_picked)
        page.lock_requested.connect(self.lock_requested)
        return page

    def _language_picked(self, code: str) -> None:
        self._language = code
        self.language_changed.emit(code)

    def _idle_lock_picked(self, minutes: int) -> None:
        self._idle_lock_minutes = minutes
        self.idle_lock_minutes_changed.emit(minutes)

    def page(self, page: Page) -> QWidget:
        """The widget of ``page``, built now if it was not yet."""
        pages: dict[Page, Callable[[], QWidget]] = {
            Page.TODAY: lambda: self.today,
            Page.SUMMARY: lambda: self.summary,
            Page.BOUNDARIES: lambda: self.boundaries,
            Page.REPLIES: lambda: self.replies,
            Page.SAFETY: lambda: self.safety,
            Page.SETTINGS: lambda: self.settings,
        }
        return pages[page]()

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self.page(Page(row))
            self._stack.setCurrentIndex(row)

    def _build_layout(self) -> None:
        brand = make_label("brand", wrap=False)
        brand.setText("TalentDesk")
        pane = self._pane
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
        layout = QHBoxLayout(self._central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(pane)
        layout.addLayout(pages, 1)

    def _connect_signals(self) -> None:
        self.navigation.currentRowChanged.connect(self._show_row)
        self.today.settings_requested.connect(lambda: self.show_page(Page.SETTINGS))
        self.today.session_requested.connect(self.session_requested)
        self.lock_action.triggered.connect(self.lock_requested)

    def show_page(self, page: Page) -> None:
        """Bring ``page`` forward and select it in the side list."""
        self.navigation.setCurrentRow(int(page))

    def current_page(self) -> Page:
        """The page on show."""
        return Page(self._stack.currentIndex())

    def set_language(self, code: str) -> None:
        """Reflect a language chosen elsewhere (the unlock screen) in Settings."""
        self._language = code
        if Page.SETTINGS in self._pages:
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
        if self._vault.kept_key:
            status = self.tr("Demo vault · its key is in the demo folder, unprotected")
        elif self._vault.protection is Protection.KEYRING:
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
