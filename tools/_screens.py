"""What the screenshot tools share: the sample passphrase, a fake session clock, the
app on a sample agency, and ways to run the event loop until the screens are ready and
save them."""

from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

from talentdesk.app import workspace_opener
from talentdesk.sessions.settings import load_settings, save_settings
from talentdesk.ui.application import TalentDeskApp, build_app, ensure_qapplication
from talentdesk.ui.main_window import MainWindow
from talentdesk.vault import VAULT_FILE, Vault
from talentdesk.workspace import DemoAgency, SessionClocks
from talentdesk_agency import ServerThread, seed_demo

if TYPE_CHECKING:
    from talentdesk.ui.pages.today import TodayPage
    from talentdesk.ui.session.controller import SessionController
    from talentdesk.ui.session.today_panel import SessionStartPanel
    from talentdesk.ui.session.window import SessionWindow
    from talentdesk.ui.session.windows import SessionWindows

PASSPHRASE = "contoh frasa sandi yang panjang"  # noqa: S105 (a throw-away sample vault)
#: The sample talent: the agency's name for her and, unless a tool says not, her working name.
TALENT = "Sari"
#: The agency replies the sample talent pins for the session's Ctrl+1…3.
PINS = ("agency-id-polite", "agency-id-contact", "agency-id-closing")


class Monotonic:
    """The session's clock, moved by this script."""

    def __init__(self) -> None:
        self.now = 10_000.0

    def __call__(self) -> float:
        return self.now


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    """Run the event loop until ``condition`` holds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if condition():
            return
        time.sleep(0.02)
    raise TimeoutError(f"timed out waiting for {condition}")


def settle(seconds: float = 0.5) -> None:
    """Let layouts and queued deliveries finish."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)


def save(widget: QWidget, path: Path) -> None:
    """Grab ``widget`` into ``path`` and say where it went."""
    settle()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)


def unlocked(app: TalentDeskApp) -> MainWindow:
    """Start ``app``, type the passphrase, and return its main window."""
    app.start()
    step = app.unlock_screen.passphrase
    wait_until(lambda: app.unlock_screen.current_step is step)
    step.field.setText(PASSPHRASE)
    step.unlock_button.click()
    wait_until(lambda: app.main_window is not None)
    window = app.main_window
    assert window is not None
    window.resize(1120, 820)
    return window


def pin_replies(session: SessionController) -> None:
    """Pin :data:`PINS` once the agency's replies have arrived, as the talent would."""
    wait_until(lambda: session.replies.get(PINS[0]) is not None)
    for reply_id in PINS:
        session.replies.pin(reply_id)
    session.changed_replies()


def answered(today: TodayPage, booking_id: str) -> bool:
    """Whether Today shows the agency's answer to ``booking_id`` (accepted or declined)."""
    number = today.model.row_of(booking_id)
    return number is not None and today.model.rows()[number].answer is not None


def accept_first(today: TodayPage) -> SessionStartPanel:
    """Accept tonight's first booking; its session card once Start can be clicked."""
    first = today.model.rows()[0].booking.id
    today.select_booking(first)
    today.accept_button.click()
    wait_until(lambda: answered(today, first))
    panel = today.session_panel
    assert panel is not None
    wait_until(panel.start_button.isEnabled)
    return panel


def start_session(
    app: TalentDeskApp, panel: SessionStartPanel
) -> tuple[SessionWindows, SessionWindow]:
    """Click Start on Today's session card; the session's windows, and its window once shown."""
    panel.start_button.click()
    screens = app.session_windows
    assert screens is not None
    wait_until(lambda: screens.window is not None and screens.window.isVisible())
    live = screens.window
    assert live is not None
    return screens, live


@dataclass
class SampleDesk:
    """The app on a fresh passphrase vault, with a sample agency on loopback to pair with."""

    app: TalentDeskApp
    server: ServerThread
    agency_db: Path
    clock: Monotonic


@contextlib.contextmanager
def sample_desk(
    prefix: str, language: str, *, named: bool = True, faults: bool = False
) -> Iterator[SampleDesk]:
    """The app on a throw-away folder, the agency seeded like a demo run for :data:`TALENT`;
    shut down and deleted afterwards.

    Args:
        named: the vault already has TALENT as the working name (else the demo names her).
        faults: the agency takes test faults (``/test/faults``).
    """
    ensure_qapplication([sys.argv[0]])
    work = Path(tempfile.mkdtemp(prefix=prefix))
    db = work / "agency.sqlite3"
    code = seed_demo(db, TALENT, datetime.now(UTC))
    vault = Vault.create(work / "data" / VAULT_FILE, passphrase=PASSPHRASE)
    try:
        if named:
            settings = load_settings(vault)
            settings.talent_name = TALENT
            save_settings(vault, settings)
    finally:
        vault.close()
    clock = Monotonic()
    try:
        with ServerThread(db, faults=faults) as server:
            app = build_app(
                work / "data",
                language,
                open_workspace=workspace_opener(
                    demo=DemoAgency(server.url, code), clocks=SessionClocks(monotonic=clock)
                ),
            )
            assert app is not None
            try:
                yield SampleDesk(app, server, db, clock)
            finally:
                app.shutdown()
    finally:
        shutil.rmtree(work, ignore_errors=True)  # the sample vault and agency go too
