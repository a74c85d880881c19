"""The lock screen's words: a guarded lock (a live session goes on, the vault stays open
for it) never says the vault was closed; a full lock does. Both languages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from talentdesk.ui.language import LanguageSwitcher
from talentdesk.ui.unlock.steps import LockedStep, PassphraseStep, ReadyStep


def test_a_guarded_lock_says_the_session_goes_on_a_full_one_that_the_vault_closed(
    qtbot: QtBot, english: LanguageSwitcher
) -> None:
    passphrase, keyring = PassphraseStep(), LockedStep()
    qtbot.addWidget(passphrase)
    qtbot.addWidget(keyring)
    passphrase.prepare(locked=True)
    assert passphrase.message.startswith("Your vault was closed to keep it safe.")
    assert keyring.message.startswith("Your vault was closed to keep it safe.")
    for step in (passphrase, keyring):
        step.set_guarded(True)
        assert step.message.startswith("Your customer's details are hidden while you're away")
        assert "escalate button above keep working" in step.message
        assert "closed" not in step.message
    assert passphrase.message.endswith("Type your passphrase to see everything again.")
    assert keyring.message.endswith("Press Unlock to see everything again.")

    english.set_language("id")
    qtbot.waitUntil(lambda: passphrase.message.startswith("Data pelanggan kamu disembunyikan"))
    assert "frasa sandi kamu" in passphrase.message
    qtbot.waitUntil(
        lambda: keyring.message.endswith("Tekan Buka kunci untuk melihat semuanya lagi.")
    )
    keyring.set_guarded(False)
    assert keyring.message.startswith("Brankas kamu ditutup supaya tetap aman.")


def test_enter_goes_on_from_the_vault_is_ready_step(
    qtbot: QtBot, english: LanguageSwitcher
) -> None:
    """The step before goes on with Enter; so does this one (its button has the focus)."""
    step = ReadyStep()
    qtbot.addWidget(step)
    step.set_keyring("keyring.backends.SecretService.Keyring")
    step.show()
    qtbot.waitExposed(step)
    step.activateWindow()
    qtbot.waitUntil(step.continue_button.hasFocus)
    focused = QApplication.focusWidget()
    assert focused is not None
    with qtbot.waitSignal(step.continue_requested, timeout=1000):
        QTest.keyClick(focused, Qt.Key.Key_Return)
