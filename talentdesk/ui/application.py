"""The whole GUI: one application object that ties the windows, the vault and the timers.

``run_gui`` is what the composition layer calls. Tests use :func:`build_app`
instead, which builds the same object on the test's ``QApplication`` without
entering the event loop.

The workspace of the unlocked vault (every service: sync, bookings, sessions, replies,
boundaries, safety; :mod:`talentdesk.workspace`) is opened by the composition layer's
``open_workspace`` at each unlock, and closed on lock or quit: sync is stopped first,
and only then is the vault closed. The view builds no service itself.

Around it, the view's state lives exactly as long: the agency link (pairing, the sync
status; :mod:`talentdesk.ui.agency_link`), the session controller (the live session's
windows, reminders and clock; :mod:`talentdesk.ui.session`) and the safety controller
(:mod:`talentdesk.ui.safety`: escalation, reports, the playbook, the lone-worker
check, after-care). Their windows go before the vault closes (a live session itself
goes on in the vault and is resumed after the next unlock). The clipboard and the
notifier belong to the app: a customer's handle is taken off the clipboard on lock
and on quit.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec
from PySide6.QtCore import QByteArray, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from talentdesk import __version__
from talentdesk.ui.agency_link import AgencyLink
from talentdesk.ui.bridge import Bridge, Operation, WorkspaceBridge
from talentdesk.ui.clipboard import SecretClipboard
from talentdesk.ui.collector import collect_on_gui_thread
from talentdesk.ui.hotkeys import GlobalHotkeys, to_key_sequence
from talentdesk.ui.idle import Clock, IdleWatcher, idle_clock
from talentdesk.ui.language import LanguageSwitcher, pick_language, system_language
from talentdesk.ui.main_window import MainWindow, Page
from talentdesk.ui.pages.vault_summary import VaultSummary
from talentdesk.ui.paint import after_first_paint
from talentdesk.ui.safety import SafetyController, SafetyWindows
from talentdesk.ui.session.controller import SessionController
from talentdesk.ui.session.notifications import Notice, Notifier, Reminders
from talentdesk.ui.session.windows import SessionWindows
from talentdesk.ui.single_instance import SingleInstance
from talentdesk.ui.style import FUSION, configure_application
from talentdesk.ui.unlock.examine import Examination, examine
from talentdesk.vault import (
    VAULT_FILE,
    KeyringStatus,
    Vault,
    VaultError,
    keyring_status,
    warm_up_keyring,
)
from talentdesk.vault.prefs import Preferences, load_preferences, save_preferences

if TYPE_CHECKING:
    from talentdesk.ui.unlock.guard import GuardPanel
    from talentdesk.ui.unlock.screen import UnlockScreen
    from talentdesk.workspace import Workspace

#: Opens the workspace of an unlocked vault (the composition layer's; the view builds none).
WorkspaceOpener = Callable[[Vault], "Workspace"]

log = logging.getLogger(__name__)

#: The notice that a pace hotkey is another app's (withdrawn once the keys are free).
HOTKEYS_TAKEN = "hotkeys-taken"

#: How long a start looks for the vault quietly before the unlock screen says it waits.
QUIET_START_MS = 300
#: The tray's icon is put up once the first window is painted; at the latest this long
#: after the start, whatever came first (a lock before that paint, a slow keyring's wait).
TRAY_LATEST_MS = 2_000


def ensure_qapplication(argv: Sequence[str] | None = None) -> QApplication:
    """The process's ``QApplication``: the existing one (tests) or a new one."""
    existing = QApplication.instance()
    if existing is not None:
        if not isinstance(existing, QApplication):
            raise RuntimeError("a non-widget Qt application already exists")
        app = existing
    else:
        args = list(argv) if argv is not None else [sys.argv[0]]
        # Fusion chosen as Qt starts: setStyle() after it hands the style back to Python,
        # which builds QStyle's enums before the first paint (~14 ms).
        app = QApplication([*args, "-style", FUSION])
    # Before any thread runs: cycles holding Qt objects are collected on this thread only.
    collect_on_gui_thread(app)
    app.setApplicationName("TalentDesk")
    app.setApplicationDisplayName("TalentDesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("talentdesk")
    configure_application(app, style_chosen=existing is None)
    return app


class TalentDeskApp(QObject):
    """The running GUI: unlock screen, main window, the workspace's views, auto-lock, language.

    Build it with :func:`build_app`, then :meth:`start`; :meth:`shutdown` at the end.

    Args:
        open_workspace: opens the workspace of an unlocked vault (the composition
            layer's: the view builds no service).
        vault_key: a key kept beside the vault (``--demo``'s): the vault is created and
            opened with it, nothing is asked.

    Attributes:
        workspace: the workspace of the unlocked vault, else None. When
            ``vault_changed`` announces a vault it exists, and sync has not started.
        agency: the agency link (pairing, sync status) while unlocked, else None.
        session: the session controller while unlocked, else None.
        safety: the safety controller while unlocked, else None.
        safety_windows: the safety windows ("Are you OK?", after-care, the playbook,
            reports) while unlocked, else None.
        session_windows: the live session's windows while unlocked, else None.
        clipboard: where replies and handles are copied (handles as expiring secrets).
        notifier: reminders and warnings, in the system tray or as a banner.
        hotkeys: the system-wide pace hotkeys, listening while a chat session is live
            (also while locked).
        guard: the lock screen's panel while locked with a live session or an open
            escalation, else None.

    Signals:
        vault_changed(object): the open ``Vault`` after an unlock; None just before
            a lock or quit closes it (whatever uses the vault follows this; the
            workspace's sync is stopped before the vault is closed).
    """

    vault_changed = Signal(object)

    def __init__(
        self,
        data_dir: Path,
        instance: SingleInstance,
        *,
        open_workspace: WorkspaceOpener,
        language: str | None = None,
        clock: Clock = idle_clock,
        idle_check_ms: int = 5000,
        keyring_probe: Callable[[], KeyringStatus] = keyring_status,
        vault_key: str | None = None,
    ) -> None:
        super().__init__()
        self.data_dir = data_dir
        self._vault_key = vault_key
        self.instance = instance
        self._open_workspace = open_workspace
        self._prefs = load_preferences(data_dir)
        self.languages = LanguageSwitcher(self)
        chosen = pick_language(language, self._prefs.language, system_language())
        self.languages.set_language(chosen)
        self.bridge = Bridge(self)
        self.clipboard = SecretClipboard(parent=self)
        self.notifier = Notifier(self)
        self.hotkeys = GlobalHotkeys(self)
        self.idle = IdleWatcher(
            clock=clock, check_interval_ms=idle_check_ms, hold=self._must_guard, parent=self
        )
        self.idle.set_limit_minutes(self._prefs.idle_lock_minutes)
        self._keyring_probe = keyring_probe
        self._unlock_screen: UnlockScreen | None = None
        self._examining = False  # the start's own examination is under way
        self._quiet_start = QTimer(self)
        self._quiet_start.setSingleShot(True)
        self._quiet_start.setInterval(QUIET_START_MS)
        self.main_window: MainWindow | None = None
        self.vault: Vault | None = None
        self.workspace: Workspace | None = None
        self.agency: AgencyLink | None = None
        self.session: SessionController | None = None
        self.session_windows: SessionWindows | None = None
        self.safety: SafetyController | None = None
        self.safety_windows: SafetyWindows | None = None
        self.reminders: Reminders | None = None
        self.guard: GuardPanel | None = None
        self._releasing: list[tuple[AgencyLink, Vault]] = []
        self._geometry: QByteArray | None = None
        self._page = Page.TODAY
        self._shut_down = False
        self._connect_signals()

    @property
    def preferences(self) -> Preferences:
        """The preferences as last saved."""
        return self._prefs

    @property
    def unlock_screen(self) -> UnlockScreen:
        """The unlock screen, built the first time it is needed.

        A vault that opens by itself (keyring) never needs it at start: it is built
        when the vault asks for a passphrase, on a first run, for a problem, when
        opening takes long, or at the first lock.
        """
        screen = self._unlock_screen
        if screen is None:
            from talentdesk.ui.unlock.screen import UnlockScreen

            screen = UnlockScreen(
                self.data_dir / VAULT_FILE,
                self.bridge,
                language=self.languages.language,
                keyring_probe=self._keyring_probe,
                vault_key=self._vault_key,
            )
            screen.vault_changed.connect(self._unlocked)
            screen.language_changed.connect(self.set_language)
            screen.quit_requested.connect(QApplication.quit)
            self._unlock_screen = screen
        return screen

    def _connect_signals(self) -> None:
        self.idle.lock_requested.connect(self.lock)
        self.hotkeys.message_in.connect(self._hotkey_message_in)
        self.hotkeys.replied.connect(self._hotkey_replied)
        self.instance.raise_requested.connect(self.bring_forward)
        self._quiet_start.timeout.connect(self._show_unlock_waiting)

    def _connect_main_window(self, window: MainWindow) -> None:
        window.lock_requested.connect(self.lock)
        window.language_changed.connect(self.set_language)
        window.idle_lock_minutes_changed.connect(self.set_idle_lock_minutes)
        window.session_requested.connect(self.show_session)

    def start(self) -> None:
        """Look for the vault and open it; the unlock screen shows only if it is needed.

        A keyring vault opens on the bridge with no window on screen, then the main
        window appears. The unlock screen comes up when the vault asks for something
        (a passphrase, a first run, a problem) or when opening takes longer than
        :data:`QUIET_START_MS` (a keyring that asks for its own password, say).
        """
        self._examining = True
        self._quiet_start.start()
        QTimer.singleShot(TRAY_LATEST_MS, self, self.notifier.put_up)
        path, keyring_probe, key = self.data_dir / VAULT_FILE, self._keyring_probe, self._vault_key
        Operation(
            lambda: examine(path, keyring_probe, vault_key=key),
            success=self._examined,
            parent=self,
        ).failure(self._examination_failed).run_in_background(self.bridge)

    def _examined(self, found: Examination) -> None:
        self._examining = False
        self._quiet_start.stop()
        if self._shut_down:
            if found.opened is not None:
                found.opened.close()
            return
        if found.opened is not None:
            self._unlocked(found.opened)  # hides the unlock screen if it came up meanwhile
            return
        screen = self.unlock_screen
        screen.take_examination(found)
        self._activate(screen)
        after_first_paint(screen, self.notifier.put_up)

    def _examination_failed(self, exc: Exception) -> None:
        # Not expected (examine reports a failed open itself): say so, offer Try again.
        self._examined(Examination(None, None, failed=exc))

    def _show_unlock_waiting(self) -> None:
        """The start is slow to open the vault: show that it is being opened."""
        if self._examining and self.vault is None and not self._shut_down:
            screen = self.unlock_screen
            screen.show_opening()
            screen.show()

    @property
    def locked(self) -> bool:
        """No window shows data: locked fully, or guarded (a session goes on behind)."""
        return self.main_window is None and (self.vault is None or self.guard is not None)

    def _must_guard(self) -> bool:
        workspace = self.workspace
        if workspace is None or self.guard is not None:
            return False
        # A finish still running on the bridge has let go of the live session already;
        # wait for its answer, which takes the session's copies off the clipboard.
        session = self.session
        return workspace.needs_guard() or (session is not None and session.busy)

    def _unlocked(self, vault: Vault) -> None:
        workspace, agency = self.workspace, self.agency
        if self.guard is not None and workspace is not None and agency is not None:
            self._unguard(workspace, agency, vault)
            return
        self.vault = vault
        workspace = self._open_workspace(vault)
        self.workspace = workspace
        view = WorkspaceBridge(workspace, self.bridge, parent=self)
        agency = AgencyLink(view, parent=self)
        self.agency = agency
        self._build_views(workspace, agency)

    def _unguard(self, workspace: Workspace, agency: AgencyLink, opened: Vault) -> None:
        """The talent unlocked while the session went on: the same workspace, new windows."""
        self._drop_guard()
        try:
            workspace.unguard(opened)  # takes the keys, closes ``opened``
        except VaultError:
            log.exception("unlocked another vault than the one locked")
            self._lock_fully()
            return
        vault = workspace.vault
        self._build_views(workspace, agency)
        agency.run(workspace.sweep, lambda _shredded: None)  # what waited while locked
        log.info("unlocked; the live session goes on (%s)", vault.info.vault_id)

    def _build_views(self, workspace: Workspace, agency: AgencyLink) -> None:
        vault = workspace.vault
        view = agency.view
        session = SessionController(
            view, clipboard=self.clipboard, language=self.languages.language, parent=self
        )
        self.session = session
        safety = SafetyController(
            view, paired=lambda: agency.pairing is not None, load_now=False, parent=self
        )
        self.safety = safety
        self.safety_windows = SafetyWindows(safety, self)
        self.session_windows = SessionWindows(
            session,
            self.notifier,
            parent=self,
            safety=safety,
            safety_windows=self.safety_windows,
            agency=agency,
        )
        self.reminders = Reminders(session, self.notifier, parent=self)
        first_name = (
            self._unlock_screen.take_working_name() if self._unlock_screen is not None else ""
        )
        if first_name:  # typed on the first run, before there was a vault to keep it in
            view.run(lambda: workspace.save_working_name(first_name), lambda _saved: None)
        session.session_changed.connect(lambda _live: self._update_hotkeys())
        session.context_changed.connect(self._update_hotkeys)
        window = MainWindow(
            vault=VaultSummary.of(vault, kept_key=self._vault_key is not None),
            language=self.languages.language,
            idle_lock_minutes=self._prefs.idle_lock_minutes,
            data_dir=self.data_dir,
            agency=agency,
            demo=workspace.demo is not None,
            session=session,
            notifier=self.notifier,
            safety=safety,
            safety_windows=self.safety_windows,
        )
        self._connect_main_window(window)
        if self._geometry is not None:
            window.restoreGeometry(self._geometry)
        window.show_page(self._page)
        self.main_window = window
        window.show()
        self._activate(window)
        if self._unlock_screen is not None:
            self._unlock_screen.hide()
        self.idle.start()
        self.vault_changed.emit(vault)
        # The rest waits for the window's first paint: tonight's bookings are on screen
        # first, then the services are built and sync, the session context and the
        # reminders start.
        after_first_paint(window, lambda: self._start_services(agency, session, safety))

    def _start_services(
        self, agency: AgencyLink, session: SessionController, safety: SafetyController
    ) -> None:
        self.notifier.put_up()  # the tray's icon, once the first window is on screen
        if agency is not self.agency or session is not self.session:
            return  # locked (or quit) before the window was painted
        agency.start()  # syncs when paired; a demo run pairs with its sample agency first
        safety.refresh()
        session.load_context()
        session.resume()  # a session that was live before the lock or a crash goes on
        if self.reminders is not None:
            self.reminders.start()

    def show_session(self) -> None:
        """Bring the live session's window forward, if a session is live."""
        if self.session_windows is not None:
            self.session_windows.show_session()

    def _release_session(self) -> None:
        """Close the session and safety windows and stop their desks (before the vault closes)."""
        safety_windows, self.safety_windows = self.safety_windows, None
        safety, self.safety = self.safety, None
        if safety_windows is not None:
            safety_windows.discard()
            safety_windows.deleteLater()
        if safety is not None:
            safety.release()
            safety.deleteLater()
        screens, self.session_windows = self.session_windows, None
        reminders, self.reminders = self.reminders, None
        session, self.session = self.session, None
        if screens is not None:
            screens.discard()
            screens.deleteLater()
        if reminders is not None:
            reminders.stop()
            reminders.deleteLater()
        if session is not None:
            session.release()  # also takes a customer's handle off the clipboard
            session.deleteLater()

    def lock(self) -> None:
        """Hide everything behind the unlock screen and close the vault (its keys are dropped).

        The main window is destroyed, not just hidden, so nothing it showed
        stays in memory; its size and page come back on the next unlock. Sync
        is stopped before the vault closes; while a long-poll in flight ends,
        the unlock screen says so, and unlocking waits until the vault is closed.

        While a session is live or an escalation is open, the vault is guarded instead
        of closed: the lock screen keeps the session's clock and the escalate button, and
        sync and the lone-worker check go on (see the module's docstring).
        """
        if self.vault is None or self.guard is not None:
            return
        workspace, agency = self.workspace, self.agency
        guarded = workspace is not None and agency is not None and workspace.needs_guard()
        self.idle.stop()
        self.unlock_screen.show_locking()
        window, self.main_window = self.main_window, None
        if window is not None:
            self._geometry = window.saveGeometry()
            self._page = window.current_page()
            if window.isMinimized():
                self.unlock_screen.showMinimized()
            else:
                self.unlock_screen.setGeometry(window.geometry())
                self.unlock_screen.show()
            window.hide()
            window.deleteLater()
        else:
            self.unlock_screen.show()
        if guarded and workspace is not None and agency is not None:
            self._lock_guarded(workspace, agency)
            return
        self._lock_fully()

    def _lock_fully(self) -> None:
        """Close the workspace and the vault (after the windows went)."""
        self._drop_guard()
        self.hotkeys.stop()
        vault, self.vault = self.vault, None
        agency, self.agency = self.agency, None
        self.workspace = None
        self._release_session()
        if vault is None:
            return
        self.vault_changed.emit(None)  # views let go of the vault before it closes
        if agency is None:
            self._vault_released(None, vault)
            return
        self._releasing.append((agency, vault))
        agency.release(lambda: self._vault_released(agency, vault))

    def _lock_guarded(self, workspace: Workspace, agency: AgencyLink) -> None:
        """Lock the data, keep the safety net on the lock screen."""
        from talentdesk.ui.unlock.guard import GuardPanel

        self._release_session()
        self.vault_changed.emit(None)  # the views let go; the workspace goes on, guarded
        workspace.guard()
        panel = GuardPanel(agency.view, agency)
        panel.nothing_to_guard.connect(self._guard_over)
        panel.warning_due.connect(self._guard_warning)
        panel.overrun_started.connect(self._guard_overrun)
        self.guard = panel
        screen = self.unlock_screen
        screen.set_guard(panel)
        panel.start()
        screen.begin(locked=True)
        log.info("locked; the live session and the escalate button stay on the lock screen")

    # ------------------------------------------------------------------ the pace hotkeys

    def _update_hotkeys(self) -> None:
        """Listen for the pace hotkeys while a chat session is live, and only then.

        A combination another app holds is said once when it is found, and the notice is
        taken back when nothing is missed any more (other keys, or the session ended).
        """
        was_taken = self.hotkeys.taken
        workspace = self.workspace
        if workspace is None or not workspace.built or workspace.pace is None:
            self.hotkeys.stop()
        else:
            if self.session is not None:
                context = self.session.context
                keys = (context.hotkey_message_in, context.hotkey_replied)
            else:
                keys = self.hotkeys.keys  # locked: the keys already listened for
            self.hotkeys.start(*keys, platform=QGuiApplication.platformName())
        taken = self.hotkeys.taken
        if taken == was_taken:
            return
        if taken:
            self.notifier.tell(Notice(HOTKEYS_TAKEN, lambda: self._taken_words(taken)))
        else:
            self.notifier.withdraw(HOTKEYS_TAKEN)

    def _taken_words(self, taken: tuple[str, ...]) -> tuple[str, str]:
        shown = ", ".join(
            to_key_sequence(hotkey).toString(QKeySequence.SequenceFormat.NativeText)
            for hotkey in taken
        )
        return (
            self.tr("A shortcut is taken"),
            self.tr(
                "Another app already uses %1, so TalentDesk cannot hear it. Choose another "
                "in Settings → During a session."
            ).replace("%1", shown),
        )

    def _hotkey_message_in(self) -> None:
        if self.session is not None and self.session.live is not None:
            self.session.customer_wrote()
        elif self.workspace is not None and self.guard is not None:
            self.workspace.customer_wrote()  # locked: the pace goes on

    def _hotkey_replied(self) -> None:
        if self.session is not None and self.session.live is not None:
            self.session.talent_answered()
        elif self.workspace is not None and self.guard is not None:
            self.workspace.talent_answered()

    def _drop_guard(self) -> None:
        panel, self.guard = self.guard, None
        if panel is not None:
            panel.stop()
            if self._unlock_screen is not None:
                self._unlock_screen.set_guard(None)

    def _guard_over(self) -> None:
        """The session ended and no escalation is open: the guarded lock becomes a full one."""
        if self.guard is None or self.main_window is not None:
            return
        log.info("nothing left to guard: locking fully")
        self._lock_fully()

    def _guard_warning(self, minutes: int) -> None:
        self.notifier.notify(
            self.tr("%n minute(s) left", "", minutes),
            self.tr("Start wrapping up the conversation."),
            banner=False,
        )

    def _guard_overrun(self) -> None:
        self.notifier.notify(
            self.tr("The booked time is up"),
            self.tr("Close the session politely. To extend, the customer asks the agency."),
            banner=False,
        )

    def _vault_released(self, agency: AgencyLink | None, vault: Vault) -> None:
        """Sync has stopped: close the vault, then offer to unlock again."""
        if agency is not None:
            self._releasing = [(a, v) for a, v in self._releasing if a is not agency]
            agency.view.deleteLater()
            agency.deleteLater()
        if vault.is_open:
            vault.close()
            log.info("locked")
        if not self._shut_down and self.vault is None:
            self.unlock_screen.begin(locked=True)

    def set_language(self, code: str) -> None:
        """Switch the language live, remember it, and show it in both pickers."""
        self.languages.set_language(code)
        if self._unlock_screen is not None:  # one built later picks the language up then
            self._unlock_screen.set_language(code)
        if self.session is not None:
            self.session.language = code  # the closing reply's language
        if self.main_window is not None:
            self.main_window.set_language(code)
        self._save(msgspec.structs.replace(self._prefs, language=code))

    def set_idle_lock_minutes(self, minutes: int) -> None:
        """Change the auto-lock delay now, and remember it."""
        self.idle.set_limit_minutes(minutes)
        self._save(msgspec.structs.replace(self._prefs, idle_lock_minutes=minutes))

    def _save(self, prefs: Preferences) -> None:
        self._prefs = prefs.validated()
        try:
            save_preferences(self.data_dir, self._prefs)
        except OSError as exc:
            log.warning("preferences not saved: %s", exc)

    def bring_forward(self) -> None:
        """Raise the visible window (another launch asked for it)."""
        if self.main_window is not None:
            self._activate(self.main_window)
            return
        screen = self.unlock_screen
        if self._examining:  # asked for while the vault still opens at start
            screen.show_opening()
        self._activate(screen)

    @staticmethod
    def _activate(window: QWidget) -> None:
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    def shutdown(self) -> None:
        """Close the vault, the windows and the instance lock; idempotent."""
        if self._shut_down:
            return
        self._shut_down = True
        self.idle.stop()
        self._quiet_start.stop()
        if self._unlock_screen is not None:
            self._unlock_screen.discard()
        self._drop_guard()
        self.hotkeys.stop()
        agency, self.agency = self.agency, None
        self.workspace = None
        self._release_session()
        if self.vault is not None:
            vault, self.vault = self.vault, None
            self.vault_changed.emit(None)
            if agency is not None:
                agency.release_now()  # no event loop runs any more: wait here
            vault.close()
        for releasing, vault in self._releasing:
            releasing.release_now()
            if vault.is_open:
                vault.close()
        self._releasing = []
        for window in (self.main_window, self._unlock_screen):
            if window is not None:
                window.hide()
                window.deleteLater()
        self.main_window = None
        self.clipboard.clear_secret("quit")
        self.notifier.discard()
        self.bridge.shutdown(wait=True)
        self.instance.release()
        self.languages.uninstall()


def build_app(
    data_dir: Path,
    language: str | None = None,
    *,
    open_workspace: WorkspaceOpener,
    clock: Clock = idle_clock,
    idle_check_ms: int = 5000,
    keyring_probe: Callable[[], KeyringStatus] = keyring_status,
    argv: Sequence[str] | None = None,
    vault_key: str | None = None,
) -> TalentDeskApp | None:
    """Build the GUI without running the event loop.

    Args:
        open_workspace: opens the workspace of each unlocked vault (the composition
            layer's ``talentdesk.app.workspace_opener``).

    Returns:
        The app, not yet started; or None when TalentDesk already runs for
        ``data_dir`` (that one was asked to come forward; do not open the vault).
    """
    if keyring_probe is keyring_status and (data_dir / VAULT_FILE).exists():
        warm_up_keyring()  # connects on a thread while the first window is built
    ensure_qapplication(argv)
    instance = SingleInstance(data_dir)
    if not instance.claim():
        log.info("TalentDesk already runs for %s; brought it forward", data_dir)
        return None
    return TalentDeskApp(
        data_dir,
        instance,
        open_workspace=open_workspace,
        language=language,
        clock=clock,
        idle_check_ms=idle_check_ms,
        keyring_probe=keyring_probe,
        vault_key=vault_key,
    )


def run_gui(
    data_dir: Path,
    language: str | None,
    *,
    open_workspace: WorkspaceOpener,
    vault_key: str | None = None,
) -> int:
    """Run TalentDesk's window until the talent quits.

    Args:
        data_dir: where the vault and preferences live.
        language: "id" or "en" from ``--lang``; None uses the saved preference,
            then the system locale.
        open_workspace: opens the workspace of each unlocked vault; for ``--demo`` it
            knows the sample agency (the window says DEMO and pairs with it after
            unlocking if not paired yet).
        vault_key: the demo vault's key, kept unprotected beside it: nothing is asked.

    Returns:
        The process exit code: 0 also when another TalentDesk already had this
        data folder and was brought forward instead; 1 when system libraries Qt needs
        are missing (said in plain words on standard error).
    """
    from talentdesk.ui.qpa import check_platform

    problem = check_platform()
    if problem is not None:
        # Qt would abort here, naming the wrong library: say what is missing instead.
        print(problem, file=sys.stderr)
        return 1
    qapp = ensure_qapplication(sys.argv)
    app = build_app(data_dir, language, open_workspace=open_workspace, vault_key=vault_key)
    if app is None:
        return 0
    app.start()
    try:
        return qapp.exec()
    finally:
        app.shutdown()
