"""Auto-lock after idle minutes (fake monotonic clock), Lock now, and unlocking again."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from talentdesk.ui.application import TalentDeskApp
from talentdesk.ui.main_window import MainWindow, Page
from talentdesk.vault import KeyringStatus, Vault, VaultInfo, VaultLocked
from talentdesk.vault.prefs import Preferences, load_preferences, save_preferences
from tests.ui.conftest import (
    PASSPHRASE,
    AppFactory,
    FakeClock,
    click,
    is_locked,
    open_vault,
    unlock_with,
    wait_for_main_window,
    wait_for_step,
)

passphrase_only = pytest.mark.usefixtures("no_keyring", "passphrase_vault")


def unlocked_app(qtbot: QtBot, make_app: AppFactory) -> tuple[TalentDeskApp, MainWindow]:
    app = make_app()
    app.start()
    wait_for_step(qtbot, app, "passphrase")
    unlock_with(qtbot, app, PASSPHRASE)
    return app, wait_for_main_window(qtbot, app)


def wait_for_lock(qtbot: QtBot, app: TalentDeskApp) -> None:
    qtbot.waitUntil(lambda: is_locked(app))


@passphrase_only
def test_locks_after_the_idle_minutes_and_unlocks_again(
    qtbot: QtBot, make_app: AppFactory, clock: FakeClock
) -> None:
    app, window = unlocked_app(qtbot, make_app)
    vault = open_vault(app)
    assert app.preferences.idle_lock_minutes == 5
    window.show_page(Page.SAFETY)

    clock.advance(5 * 60 - 1)
    qtbot.wait(60)  # a few checks pass: not yet
    assert window.isVisible() and not is_locked(app)

    clock.advance(1)
    wait_for_lock(qtbot, app)
    assert not shiboken6.isValid(window) or not window.isVisible()
    # Not just hidden: destroyed, so nothing it showed stays in memory.
    qtbot.waitUntil(lambda: not shiboken6.isValid(window))
    assert not vault.is_open
    with pytest.raises(VaultLocked):
        vault.get("note", "x")
    wait_for_step(qtbot, app, "passphrase")
    assert app.unlock_screen.isVisible()
    assert "locked" in app.unlock_screen.passphrase.title.text()

    unlock_with(qtbot, app, PASSPHRASE)
    again = wait_for_main_window(qtbot, app)
    assert again.current_page() is Page.SAFETY  # back where the talent was
    assert open_vault(app) is not vault
    assert not app.unlock_screen.isVisible()


@passphrase_only
def test_input_postpones_the_lock(qtbot: QtBot, make_app: AppFactory, clock: FakeClock) -> None:
    app, window = unlocked_app(qtbot, make_app)
    clock.advance(4 * 60)
    QTest.keyClick(window.navigation, Qt.Key.Key_Down)
    clock.advance(4 * 60)  # 8 minutes since unlock, 4 since the key press
    qtbot.wait(60)
    assert app.main_window is window and window.isVisible()
    clock.advance(60)
    wait_for_lock(qtbot, app)


@passphrase_only
def test_lock_now_and_ctrl_l(qtbot: QtBot, make_app: AppFactory) -> None:
    app, window = unlocked_app(qtbot, make_app)
    click(window.settings.lock_button)
    assert is_locked(app)
    wait_for_step(qtbot, app, "passphrase")

    unlock_with(qtbot, app, PASSPHRASE)
    window = wait_for_main_window(qtbot, app)
    window.lock_action.trigger()
    assert is_locked(app)


@passphrase_only
def test_never_lock_is_saved_and_honoured(
    qtbot: QtBot, make_app: AppFactory, clock: FakeClock, data_dir: Path
) -> None:
    app, window = unlocked_app(qtbot, make_app)
    picker = window.settings.idle_minutes
    picker.setCurrentIndex(picker.findData(0))
    assert load_preferences(data_dir).idle_lock_minutes == 0
    clock.advance(24 * 3600)
    qtbot.wait(60)
    assert app.main_window is window and window.isVisible()

    picker.setCurrentIndex(picker.findData(1))
    assert load_preferences(data_dir).idle_lock_minutes == 1
    clock.advance(60)
    wait_for_lock(qtbot, app)


@passphrase_only
def test_saved_idle_minutes_are_used(
    qtbot: QtBot, make_app: AppFactory, clock: FakeClock, data_dir: Path
) -> None:
    save_preferences(data_dir, Preferences(idle_lock_minutes=7))
    app, window = unlocked_app(qtbot, make_app)
    assert window.settings.idle_lock_minutes() == 7
    clock.advance(6 * 60)
    qtbot.wait(60)
    assert not is_locked(app)
    clock.advance(60)
    wait_for_lock(qtbot, app)


def test_keyring_vault_waits_for_a_click_after_a_lock(
    qtbot: QtBot,
    make_app: AppFactory,
    clock: FakeClock,
    secret_service: KeyringStatus,
    keyring_cleanup: list[VaultInfo],
    vault_path: Path,
) -> None:
    vault = Vault.create(vault_path)
    keyring_cleanup.append(vault.info)
    vault.close()
    app = make_app()
    app.start()
    wait_for_main_window(qtbot, app)
    clock.advance(5 * 60)
    wait_for_lock(qtbot, app)
    wait_for_step(qtbot, app, "locked")
    qtbot.wait(60)
    assert is_locked(app)  # no unlock without the talent

    click(app.unlock_screen.locked.unlock_button)
    wait_for_main_window(qtbot, app)
