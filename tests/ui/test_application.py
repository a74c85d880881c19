"""The whole app, offscreen: first runs, reopening, problems with the keyring or the file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from talentdesk.sessions.settings import load_settings
from talentdesk.ui import application as application_module
from talentdesk.ui.application import QUIET_START_MS
from talentdesk.ui.language import system_language
from talentdesk.ui.main_window import Page
from talentdesk.ui.unlock import UnlockScreen
from talentdesk.vault import (
    MIN_PASSPHRASE_CHARS,
    VAULT_FILE,
    KeyringStatus,
    Protection,
    Vault,
    VaultInfo,
    keys,
    probe,
)
from tests.python_child import run_python
from tests.ui.conftest import (
    PASSPHRASE,
    AppFactory,
    FakeSecretStore,
    click,
    is_locked,
    open_vault,
    unlock_with,
    wait_for_main_window,
    wait_for_step,
)


@pytest.mark.usefixtures("no_keyring")
def test_first_run_without_keyring_asks_passphrase_twice_and_warns(
    qtbot: QtBot, make_app: AppFactory, vault_path: Path
) -> None:
    app = make_app()
    app.start()
    wait_for_step(qtbot, app, "welcome")  # the language and the working name come first
    qtbot.waitUntil(lambda: app.notifier.looked_for_tray)  # once the screen is painted
    QTest.keyClicks(app.unlock_screen.welcome.name_field, "Melati")
    click(app.unlock_screen.welcome.continue_button)
    wait_for_step(qtbot, app, "new_passphrase")
    step = app.unlock_screen.new_passphrase
    assert app.unlock_screen.isVisible()
    assert is_locked(app)
    warning = step.warning.text()
    assert "passphrase only" in warning
    assert "weaker" in warning
    assert "decrypt" in warning
    assert "system keyring gives the full guarantee" in warning

    # Too short: refused, nothing created.
    step.first.setText("a" * (MIN_PASSPHRASE_CHARS - 1))
    step.second.setText("a" * (MIN_PASSPHRASE_CHARS - 1))
    click(step.create_button)
    assert step.error.isVisible()
    assert f"at least {MIN_PASSPHRASE_CHARS} characters" in step.error.text()

    # Two different passphrases: refused, fields cleared, nothing created.
    step.first.setText(PASSPHRASE)
    step.second.setText(PASSPHRASE + "!")
    click(step.create_button)
    assert step.error.isVisible()
    assert "don't match" in step.error.text()
    assert step.first.text() == step.second.text() == ""
    assert app.unlock_screen.current_step is step
    assert not vault_path.exists()

    step.first.setText(PASSPHRASE)
    step.second.setText(PASSPHRASE)
    QTest.keyClick(step.second, Qt.Key.Key_Return)
    window = wait_for_main_window(qtbot, app)

    assert not app.unlock_screen.isVisible()
    assert window.windowTitle() == "TalentDesk"
    assert window.current_page() is Page.TODAY
    assert open_vault(app).protection is Protection.PASSPHRASE
    info = probe(vault_path)
    assert info is not None and info.protection is Protection.PASSPHRASE
    assert "passphrase" in window.settings.protection.text()
    assert "passphrase" in window.status_line.text()
    # The passphrase does not linger in the hidden screen.
    assert step.first.text() == step.second.text() == ""
    # The working name typed before there was a vault is in it now.
    qtbot.waitUntil(lambda: load_settings(open_vault(app)).talent_name == "Melati")


@pytest.mark.usefixtures("no_keyring")
def test_under_an_unknown_locale_the_first_run_asks_the_language_indonesian_first(
    qtbot: QtBot, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(application_module, "system_language", lambda: system_language(QLocale.c()))
    app = make_app(None)  # no --lang, no saved preference, a C/POSIX locale
    app.start()
    wait_for_step(qtbot, app, "welcome")
    welcome = app.unlock_screen.welcome
    assert welcome.language_picker.currentText() == "Bahasa Indonesia"
    assert welcome.title.text() == "Selamat datang di TalentDesk"
    assert not app.unlock_screen._footer.isVisible()  # one language picker, not two
    welcome.language_picker.setCurrentIndex(welcome.language_picker.findData("en"))
    qtbot.waitUntil(lambda: welcome.title.text() == "Welcome to TalentDesk")
    assert app.preferences.language == "en"
    click(welcome.continue_button)
    wait_for_step(qtbot, app, "new_passphrase")
    assert app.unlock_screen._footer.isVisible()


def test_first_run_with_keyring_says_which_keyring(
    qtbot: QtBot,
    make_app: AppFactory,
    vault_path: Path,
    secret_service: KeyringStatus,
    keyring_cleanup: list[VaultInfo],
) -> None:
    app = make_app()
    app.start()
    wait_for_step(qtbot, app, "welcome")
    click(app.unlock_screen.welcome.continue_button)
    wait_for_step(qtbot, app, "ready")
    info = probe(vault_path)
    assert info is not None
    keyring_cleanup.append(info)
    assert info.protection is Protection.KEYRING

    said = app.unlock_screen.ready
    # The keyring's name in words; its technical name only in the tooltip (and the doctor).
    assert said.protection.text() == "Its key is kept in your system keyring: Secret Service."
    assert said.protection.toolTip() == secret_service.backend
    assert is_locked(app)  # the talent reads it first

    click(app.unlock_screen.ready.continue_button)
    window = wait_for_main_window(qtbot, app)
    assert window.settings.protection.text().endswith(": Secret Service.")
    assert window.settings.protection.toolTip() == secret_service.backend
    assert "keyring" in window.status_line.text()


def test_keyring_vault_opens_without_a_click(
    qtbot: QtBot,
    make_app: AppFactory,
    vault_path: Path,
    secret_service: KeyringStatus,
    keyring_cleanup: list[VaultInfo],
) -> None:
    vault = Vault.create(vault_path)
    keyring_cleanup.append(vault.info)
    vault.close()

    app = make_app()
    assert not app.notifier.looked_for_tray  # not on the way to the first window
    app.start()
    wait_for_main_window(qtbot, app)
    assert open_vault(app).protection is Protection.KEYRING
    # Opened by itself: the unlock screen was never needed, so never built or shown.
    assert not any(isinstance(w, UnlockScreen) for w in QApplication.topLevelWidgets())
    assert not app.unlock_screen.isVisible()
    qtbot.waitUntil(lambda: app.notifier.looked_for_tray)  # once the window is painted


@pytest.fixture
def direct_link(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> keys._SecretServiceLink:
    """The Secret Service link the app uses on Linux, whatever this desktop's config says.

    The tests below hold its lock to make the keyring slow; on KDE or with a keyring
    config the keyring library would be asked instead, and nothing would wait.
    """
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "GNOME")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert keys.keyring_status().backend == keys.DIRECT_KEYRING_NAME
    return keys._link()


@pytest.mark.usefixtures("secret_service")
def test_a_slow_keyring_shows_that_the_vault_is_opening(
    qtbot: QtBot,
    make_app: AppFactory,
    vault_path: Path,
    direct_link: keys._SecretServiceLink,
    keyring_cleanup: list[VaultInfo],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    vault = Vault.create(vault_path)
    keyring_cleanup.append(vault.info)
    vault.close()
    link = direct_link
    monkeypatch.setattr(application_module, "TRAY_LATEST_MS", 2 * QUIET_START_MS)

    app = make_app()
    with link._lock:  # the keyring answers nothing meanwhile, as when it asks its password
        app.start()
        qtbot.waitUntil(lambda: app.unlock_screen.isVisible(), timeout=5_000)
        screen = app.unlock_screen
        assert screen.current_step is screen.busy
        assert screen.busy.title.text() == "Opening your vault…"
        assert is_locked(app)
        qtbot.wait(QUIET_START_MS)
        assert is_locked(app)
        # No first window of its own yet: the tray's icon comes up anyway, at the latest.
        qtbot.waitUntil(lambda: app.notifier.looked_for_tray, timeout=5_000)
        assert is_locked(app)
    wait_for_main_window(qtbot, app)
    assert not screen.isVisible()
    assert open_vault(app).protection is Protection.KEYRING


@pytest.mark.usefixtures("secret_service")
def test_a_quit_before_the_vault_opened_closes_it(
    qtbot: QtBot,
    make_app: AppFactory,
    vault_path: Path,
    direct_link: keys._SecretServiceLink,
    keyring_cleanup: list[VaultInfo],
) -> None:
    vault = Vault.create(vault_path)
    keyring_cleanup.append(vault.info)
    vault.close()
    link = direct_link
    opened: list[Vault] = []
    real_open = Vault.open

    def watched(*args: object, **kwargs: object) -> Vault:
        opened.append(real_open(*args, **kwargs))  # type: ignore[arg-type]
        return opened[-1]

    app = make_app()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Vault, "open", staticmethod(watched))
        with link._lock:  # the keyring is still being asked when the talent quits
            app.start()
            qtbot.wait(50)
        app.shutdown()  # waits for the open under way; its outcome comes after
        qtbot.waitUntil(lambda: bool(opened), timeout=5_000)
        qtbot.waitUntil(lambda: not opened[0].is_open, timeout=5_000)
    assert app.main_window is None
    assert app.vault is None


@pytest.mark.usefixtures("no_keyring")
def test_keyring_vault_with_no_keyring_explains_and_survives(
    qtbot: QtBot, make_app: AppFactory, vault_path: Path
) -> None:
    Vault.create(vault_path, secrets=FakeSecretStore()).close()
    app = make_app()
    app.start()
    wait_for_step(qtbot, app, "problem")
    problem = app.unlock_screen.problem
    assert "keyring can't be reached" in problem.title.text()
    assert "running and unlocked" in problem.message.text()
    assert "Try again" in problem.message.text()
    assert problem.detail.text()

    click(problem.retry_button)
    wait_for_step(qtbot, app, "problem")
    assert "keyring can't be reached" in problem.title.text()
    assert is_locked(app)
    assert app.unlock_screen.isVisible()


def test_keyring_without_the_vaults_key_explains(
    qtbot: QtBot, make_app: AppFactory, vault_path: Path, secret_service: KeyringStatus
) -> None:
    Vault.create(vault_path, secrets=FakeSecretStore()).close()  # its key is not in the keyring
    app = make_app()
    app.start()
    wait_for_step(qtbot, app, "problem")
    problem = app.unlock_screen.problem
    assert "key to your vault is missing" in problem.title.text()
    assert "can't be opened" in problem.message.text()
    assert is_locked(app)


@pytest.mark.usefixtures("no_keyring")
def test_damaged_vault_file_explains(qtbot: QtBot, make_app: AppFactory, vault_path: Path) -> None:
    vault_path.parent.mkdir(parents=True, exist_ok=True)
    vault_path.write_bytes(b"this is not a vault" * 100)
    app = make_app()
    app.start()
    wait_for_step(qtbot, app, "problem")
    problem = app.unlock_screen.problem
    assert "can't be read" in problem.title.text()
    assert str(vault_path) in problem.message.text()
    assert vault_path.read_bytes() == b"this is not a vault" * 100  # left as it was


@pytest.mark.usefixtures("no_keyring", "passphrase_vault")
def test_wrong_passphrase_is_refused_then_the_right_one_opens(
    qtbot: QtBot, make_app: AppFactory
) -> None:
    app = make_app()
    app.start()
    wait_for_step(qtbot, app, "passphrase")
    step = app.unlock_screen.passphrase
    assert not step.error.isVisible()

    unlock_with(qtbot, app, "not the passphrase")
    qtbot.waitUntil(step.error.isVisible, timeout=10_000)
    assert "passphrase is wrong" in step.error.text()
    assert step.field.text() == ""
    assert step.field.isEnabled()
    assert app.unlock_screen.current_step is step
    assert is_locked(app)

    # Typing again clears the message.
    QTest.keyClicks(step.field, "x")
    assert not step.error.isVisible()

    unlock_with(qtbot, app, PASSPHRASE)
    wait_for_main_window(qtbot, app)
    assert open_vault(app).is_open
    assert step.field.text() == ""


@pytest.mark.usefixtures("no_keyring", "passphrase_vault")
def test_empty_passphrase_is_refused_without_trying(qtbot: QtBot, make_app: AppFactory) -> None:
    app = make_app()
    app.start()
    wait_for_step(qtbot, app, "passphrase")
    unlock_with(qtbot, app, "")
    step = app.unlock_screen.passphrase
    assert step.error.isVisible()
    assert "Type your passphrase" in step.error.text()
    assert not app.bridge.busy


@pytest.mark.usefixtures("no_keyring", "passphrase_vault")
def test_raise_request_brings_the_visible_window_forward(
    qtbot: QtBot, make_app: AppFactory
) -> None:
    app = make_app()
    app.start()
    wait_for_step(qtbot, app, "passphrase")
    app.unlock_screen.showMinimized()
    app.instance.raise_requested.emit()
    assert app.unlock_screen.isVisible()
    assert not app.unlock_screen.isMinimized()


def test_run_gui_runs_the_event_loop_and_returns_its_exit_code(data_dir: Path) -> None:
    script = f"""
        import sys
        from pathlib import Path
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from talentdesk.app import run_gui
        from talentdesk.ui.application import ensure_qapplication

        qapp = ensure_qapplication()
        def finish():
            screens = [w for w in qapp.topLevelWidgets() if w.isVisible()]
            print("visible:", [w.objectName() for w in screens], flush=True)
            QApplication.exit(3)
        QTimer.singleShot(1500, finish)
        sys.exit(run_gui(Path({str(data_dir)!r}), "id"))
        """
    env = {**os.environ, "TALENTDESK_KEYRING": "none"}
    result = run_python(script, env=env)
    assert result.returncode == 3, result.stderr
    assert "visible: ['unlockScreen']" in result.stdout
    assert not (data_dir / VAULT_FILE).exists()  # nothing created without the talent


@pytest.mark.usefixtures("no_keyring", "passphrase_vault")
def test_services_hear_of_the_vault_and_let_go_before_it_closes(
    qtbot: QtBot, make_app: AppFactory
) -> None:
    app = make_app()
    heard: list[tuple[object, bool]] = []

    def follow(vault: object) -> None:
        current = app.vault
        heard.append((vault, current is not None and current.is_open))

    app.vault_changed.connect(follow)
    app.start()
    wait_for_step(qtbot, app, "passphrase")
    unlock_with(qtbot, app, PASSPHRASE)
    wait_for_main_window(qtbot, app)
    vault = open_vault(app)
    assert heard == [(vault, True)]

    closed_when_heard: list[bool] = []
    app.vault_changed.connect(lambda _: closed_when_heard.append(vault.is_open))
    app.lock()
    assert heard[-1][0] is None
    assert closed_when_heard == [True]  # still open while services let go
    assert not vault.is_open
