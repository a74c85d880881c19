"""What the screenshot tools share: the sample passphrase, a fake session clock, and
ways to run the event loop until the screens are ready and save them."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from talentdesk.ui.application import TalentDeskApp
from talentdesk.ui.main_window import MainWindow

PASSPHRASE = "contoh frasa sandi yang panjang"  # noqa: S105 (a throw-away sample vault)


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
