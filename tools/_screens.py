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

from PySide6.QtWidgets import QApplication, QWidget

from talentdesk.app import workspace_opener
from talentdesk.sessions.settings import load_settings, save_settings
from talentdesk.ui.application import TalentDeskApp, build_app, ensure_qapplication
from talentdesk.ui.main_window import MainWindow
from talentdesk.vault import VAULT_FILE, Vault
from talentdesk.workspace import DemoAgency, SessionClocks
from talentdesk_agency import ServerThread, seed_demo

PASSPHRASE = "contoh frasa sandi yang panjang"  # noqa: S105 (a throw-away sample vault)
#: The sample talent: the agency's name for her and, unless a tool says not, her working name.
TALENT = "Sari"


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
