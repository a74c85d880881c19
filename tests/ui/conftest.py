"""Fixtures for the view layer: the whole app built on pytest-qt's QApplication, a fake clock."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from talentdesk.app import workspace_opener
from talentdesk.ui.application import TalentDeskApp, build_app
from talentdesk.ui.language import LanguageSwitcher
from talentdesk.ui.main_window import MainWindow
from talentdesk.ui.style import configure_application
from talentdesk.vault import VAULT_FILE, Vault
from tests.required import missing

PASSPHRASE = "mawar melati semuanya indah"


class FakeClock:
    """A monotonic clock that moves only when told."""

    def __init__(self, start: float = 10_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class FakeSecretStore:
    """A keyring that lives in a dict (to make keyring-mode vaults where no keyring runs)."""

    description = "tests.FakeSecretStore"

    def __init__(self) -> None:
        self.secrets: dict[str, bytes] = {}

    def get(self, name: str) -> bytes | None:
        return self.secrets.get(name)

    def set(self, name: str, value: bytes) -> None:
        self.secrets[name] = value

    def delete(self, name: str) -> None:
        self.secrets.pop(name, None)


@pytest.fixture(autouse=True)
def styled(qapp: QApplication) -> None:
    """The look the app sets on its QApplication (one style sheet), also for lone widgets."""
    configure_application(qapp)


@pytest.fixture
def clock() -> FakeClock:
    """The idle clock the app is built with."""
    return FakeClock()


@pytest.fixture
def vault_path(data_dir: Path) -> Path:
    """Where the app keeps its vault."""
    return data_dir / VAULT_FILE


@pytest.fixture
def passphrase_vault(vault_path: Path) -> Path:
    """An existing passphrase vault (PASSPHRASE), closed."""
    Vault.create(vault_path, passphrase=PASSPHRASE).close()
    return vault_path


@pytest.fixture
def english(qapp: object) -> Iterator[LanguageSwitcher]:
    """The English translation installed, as the app does (plural forms come from it)."""
    switcher = LanguageSwitcher()
    switcher.set_language("en")
    yield switcher
    switcher.uninstall()


AppFactory = Callable[..., TalentDeskApp]


@pytest.fixture
def make_app(qtbot: QtBot, data_dir: Path, clock: FakeClock) -> Iterator[AppFactory]:
    """Builds the whole app (no event loop of its own) and shuts it down after the test."""
    apps: list[TalentDeskApp] = []

    def factory(language: str | None = "en", **kwargs: Any) -> TalentDeskApp:
        kwargs.setdefault("clock", clock)
        kwargs.setdefault("idle_check_ms", 20)
        kwargs["open_workspace"] = workspace_opener(
            demo=kwargs.pop("demo", None),
            sync=kwargs.pop("sync_tuning", None),
            clocks=kwargs.pop("session_clocks", None),
            safety=kwargs.pop("safety_tuning", None),
        )
        app = build_app(data_dir, language, **kwargs)
        assert app is not None, "another TalentDesk holds this data dir"
        apps.append(app)
        return app

    yield factory
    for app in apps:
        qtbot.waitUntil(lambda app=app: not app.bridge.busy, timeout=10_000)  # type: ignore[misc]
        app.shutdown()
        # Its windows go now, on this thread, not whenever a collection finds the app.
        shiboken6.delete(app)


def wait_for_step(qtbot: QtBot, app: TalentDeskApp, step_name: str, timeout: int = 10_000) -> None:
    """Wait until the unlock screen shows the step called ``step_name`` (an attribute name)."""
    screen = app.unlock_screen
    step = getattr(screen, step_name)
    qtbot.waitUntil(lambda: screen.current_step is step and step.isVisible(), timeout=timeout)


def wait_for_main_window(qtbot: QtBot, app: TalentDeskApp, timeout: int = 10_000) -> MainWindow:
    """Wait until the app is unlocked and its main window is on screen; returns the window."""

    def shown() -> bool:
        return app.main_window is not None and app.main_window.isVisible()

    qtbot.waitUntil(shown, timeout=timeout)
    assert app.main_window is not None
    return app.main_window


def is_locked(app: TalentDeskApp) -> bool:
    """No main window and no open vault."""
    return app.main_window is None and app.vault is None


def open_vault(app: TalentDeskApp) -> Vault:
    """The app's vault, which must be open."""
    assert app.vault is not None and app.vault.is_open
    return app.vault


def click(widget: QWidget) -> None:
    """A left click in the middle of ``widget``."""
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def unlock_with(qtbot: QtBot, app: TalentDeskApp, passphrase: str) -> None:
    """Type ``passphrase`` into the unlock step and press Unlock."""
    step = app.unlock_screen.passphrase
    step.field.setText(passphrase)
    click(step.unlock_button)


# ---------------------------------------------------------------------- a real X server

REQUIRE_X11 = "TALENTDESK_REQUIRE_X11"


def need(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        missing(REQUIRE_X11, f"{tool} is not installed")
    return found


class XServer(NamedTuple):
    """A real X server of a test's own: its display (e.g. ``:7``) and its process."""

    display: str
    process: subprocess.Popen[bytes]


@pytest.fixture
def x_server() -> Iterator[XServer]:
    """A real X server of our own (Xvfb) on a free display number."""
    xvfb = need("Xvfb")
    need("xdotool")
    read, write = os.pipe()
    proc = subprocess.Popen(
        [xvfb, "-displayfd", str(write), "-screen", "0", "800x600x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    assert number.isdigit(), "Xvfb did not say its display"
    yield XServer(f":{number}", proc)
    proc.terminate()
    proc.wait(10)


@pytest.fixture
def x_display(x_server: XServer) -> str:
    """The display of a real X server of our own, e.g. ``:7``."""
    return x_server.display


@pytest.fixture
def x_desktop(x_display: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """This process on ``x_display`` as on an X11 desktop (no Wayland session said)."""
    monkeypatch.setenv("DISPLAY", x_display)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("XDG_SESSION_TYPE", raising=False)
    return x_display


@contextlib.contextmanager
def held_by_another_app(hotkey: str, pressed: Callable[[], None] = lambda: None) -> Iterator[None]:
    """``hotkey`` grabbed on ``$DISPLAY`` by another X client (a desktop's shortcut, say)."""
    from talentdesk.ui.x11_hotkeys import X11Hotkeys

    other_app = X11Hotkeys({hotkey: pressed})
    other_app.start()
    try:
        yield
    finally:
        other_app.stop()
