"""Settings → During a session: the pace hotkeys are shown, recorded, refused when a
talent could not use them, reset to the defaults, saved in the vault, and the card says
plainly when the desktop (Wayland, or no display) cannot have them."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from talentdesk.sessions.settings import (
    DEFAULT_HOTKEY_MESSAGE_IN,
    DEFAULT_HOTKEY_REPLIED,
    DeskSettings,
)
from talentdesk.ui.hotkeys import HotkeySupport, Unsupported
from talentdesk.ui.pages.session_keys import SessionKeysSection
from talentdesk.ui.x11_hotkeys import X11Hotkeys
from tests.ui.conftest import click, held_by_another_app
from tests.ui.session.conftest import Desk, settle

pytestmark = pytest.mark.usefixtures("english")

WORKS = HotkeySupport(True)
REFUSED = "Use a key with Ctrl, Alt or both (such as Ctrl+Alt+M), a different one for each."


def section_for(qtbot: QtBot, desk: Desk, support: HotkeySupport = WORKS) -> SessionKeysSection:
    section = SessionKeysSection(desk.agency, support=support)
    qtbot.addWidget(section)
    settle(qtbot, desk)
    return section


def saved(desk: Desk) -> DeskSettings:
    return desk.agency.workspace.desk_settings()


def record(section: SessionKeysSection, message_in: str, replied: str) -> None:
    """What the talent presses in the two key fields (Qt's spelling; "" clears one)."""
    section.message_in.setKeySequence(QKeySequence(message_in))
    section.replied.setKeySequence(QKeySequence(replied))


def test_the_defaults_are_shown_and_saved_keys_come_back(qtbot: QtBot, desk: Desk) -> None:
    section = section_for(qtbot, desk)
    assert section.isEnabled()
    assert section.keys() == (DEFAULT_HOTKEY_MESSAGE_IN, DEFAULT_HOTKEY_REPLIED)
    assert not section.save_button.isEnabled()  # nothing changed: nothing to save
    section.sound.setChecked(True)
    assert section.save_button.isEnabled()
    section.sound.setChecked(False)
    assert not section.save_button.isEnabled()  # back as saved
    assert section.message_in.keySequence().toString() == "Ctrl+Alt+M"
    assert section.replied.keySequence().toString() == "Ctrl+Alt+R"
    assert section.availability.text().startswith("They work anywhere on your desktop")

    record(section, "Ctrl+Shift+F9", "Alt+R")
    section.sound.setChecked(True)
    click(section.save_button)
    qtbot.waitUntil(lambda: section.saved_label.text() == "Saved.")
    assert not section.save_button.isEnabled()  # saved: nothing left to save
    settings = saved(desk)
    assert (settings.hotkey_message_in, settings.hotkey_replied) == (
        "<ctrl>+<shift>+<f9>",
        "<alt>+r",
    )
    assert settings.pace_sound
    # The session controller's context (what the app listens for) follows the vault.
    qtbot.waitUntil(lambda: desk.session.context.hotkey_message_in == "<ctrl>+<shift>+<f9>")
    assert desk.session.context.hotkey_replied == "<alt>+r"

    again = section_for(qtbot, desk)  # a new Settings page reads them back
    assert again.keys() == ("<ctrl>+<shift>+<f9>", "<alt>+r") and again.sound.isChecked()

    # "Use the defaults" shows them; nothing changes until Save.
    click(again.defaults_button)
    assert again.keys() == (DEFAULT_HOTKEY_MESSAGE_IN, DEFAULT_HOTKEY_REPLIED)
    assert again.sound.isChecked()  # the sound is no hotkey: it stays as it was
    assert saved(desk).hotkey_message_in == "<ctrl>+<shift>+<f9>"
    click(again.save_button)
    qtbot.waitUntil(lambda: saved(desk).hotkey_message_in == DEFAULT_HOTKEY_MESSAGE_IN)
    assert saved(desk).hotkey_replied == DEFAULT_HOTKEY_REPLIED


@pytest.mark.parametrize(
    ("message_in", "replied"),
    [
        ("M", "Ctrl+Alt+R"),  # a bare key would fire while the talent types
        ("Ctrl+Alt+M", "Ctrl+Alt+M"),  # one combination for both marks
        ("Ctrl+Alt+F8", "Ctrl+Alt+R"),  # switches the virtual terminal on Linux
        ("Ctrl+Alt+M", "Shift+R"),  # Shift alone is no modifier a talent could keep
    ],
)
def test_keys_a_talent_could_not_use_are_refused_and_nothing_is_saved(
    qtbot: QtBot, desk: Desk, message_in: str, replied: str
) -> None:
    section = section_for(qtbot, desk)
    record(section, message_in, replied)
    click(section.save_button)
    assert section.saved_label.text() == REFUSED
    settle(qtbot, desk)
    settings = saved(desk)
    assert (settings.hotkey_message_in, settings.hotkey_replied) == (
        DEFAULT_HOTKEY_MESSAGE_IN,
        DEFAULT_HOTKEY_REPLIED,
    )


def test_a_cleared_field_turns_that_hotkey_off(qtbot: QtBot, desk: Desk) -> None:
    section = section_for(qtbot, desk)
    record(section, "Ctrl+Alt+M", "")
    click(section.save_button)
    qtbot.waitUntil(lambda: section.saved_label.text() == "Saved.")
    assert (saved(desk).hotkey_message_in, saved(desk).hotkey_replied) == ("<ctrl>+<alt>+m", "")


def test_wayland_and_a_desktop_without_them_say_what_to_use_instead(
    qtbot: QtBot, desk: Desk
) -> None:
    wayland = section_for(qtbot, desk, HotkeySupport(False, Unsupported.WAYLAND))
    text = wayland.availability.text()
    assert text.startswith("Your desktop (Wayland) lets no app hear keys pressed in other apps")
    assert "Message in and Replied buttons of the compact window" in text
    headless = section_for(qtbot, desk, HotkeySupport(False, Unsupported.NO_DISPLAY))
    text = headless.availability.text()
    assert text.startswith("System-wide shortcuts are not available on this desktop.")
    assert "F8 and F9" in text
    # The keys can still be set (for a desktop that allows them later).
    assert headless.isEnabled()
    record(headless, "Ctrl+Alt+J", "Ctrl+Alt+K")
    assert headless.save_button.isEnabled()


def test_without_a_vault_the_defaults_show_disabled(qtbot: QtBot) -> None:
    section = SessionKeysSection(None, support=WORKS)
    qtbot.addWidget(section)
    assert not section.isEnabled()
    assert section.keys() == (DEFAULT_HOTKEY_MESSAGE_IN, DEFAULT_HOTKEY_REPLIED)


def test_a_combination_another_app_holds_is_refused_before_saving(
    qtbot: QtBot, desk: Desk, x_desktop: str
) -> None:
    """On X11 a new combination is tried before it is saved: one another app holds (here
    another client's grab of Ctrl+Alt+T, as a desktop's terminal shortcut) would never be
    heard, so the card says which and nothing is saved; a free one is saved."""
    with held_by_another_app("<ctrl>+<alt>+t"):
        section = section_for(qtbot, desk)
        record(section, "Ctrl+Alt+M", "Ctrl+Alt+T")
        click(section.save_button)
        assert section.saved_label.text() == (
            "Another app already uses Ctrl+Alt+T. Choose another combination."
        )
        settings = saved(desk)
        assert (settings.hotkey_message_in, settings.hotkey_replied) == (
            DEFAULT_HOTKEY_MESSAGE_IN,
            DEFAULT_HOTKEY_REPLIED,
        )
        record(section, "Ctrl+Alt+M", "Ctrl+Alt+Y")
        click(section.save_button)
        qtbot.waitUntil(lambda: section.saved_label.text() == "Saved.")
        assert saved(desk).hotkey_replied == "<ctrl>+<alt>+y"
        # The probe let go of what it tried: another app can still take Ctrl+Alt+Y.
        later = X11Hotkeys({"<ctrl>+<alt>+y": lambda: None})
        later.start()
        assert later.taken == ()
        later.stop()
