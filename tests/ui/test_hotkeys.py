"""The system-wide pace hotkeys: heard while another app has the focus, under a real X
server (Xvfb), with xdotool pressing the keys as a talent would in their chat app.

The X server, the "chat app" (a small Qt window in a child process, on X11) and xdotool
are real; CI installs Xvfb and xdotool and sets ``TALENTDESK_REQUIRE_X11=1``, so a
missing one fails there instead of skipping.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

from talentdesk.sessions.pace import PaceStatus
from talentdesk.ui.hotkeys import (
    GlobalHotkeys,
    Unsupported,
    from_key_sequence,
    hotkey_support,
    is_valid,
    to_key_sequence,
)
from talentdesk.workspace import SessionClocks
from tests.ui.conftest import AppFactory, XServer, held_by_another_app
from tests.ui.pages.test_agency import (  # noqa: F401  (the agency fixture)
    FAST,
    WAIT_MS,
    Agency,
    agency,
    paired_vault,
    unlock,
)
from tests.ui.session.test_session_flow import Monotonic
from tests.ui.unlock.test_guard import live_session

#: Tests of X11Hotkeys itself: only where the desk grabs keys over X11 (on CI, Linux, they
#: run, and a missing Xvfb or xdotool fails them through TALENTDESK_REQUIRE_X11).
x11_grabs = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 grabs are Linux's")

#: The stand-in for the talent's chat app: an X11 window with a text field that has the
#: focus, printing what it receives (the hotkeys must not take the keys away from it).
CHAT_APP = """
import sys
from PySide6.QtWidgets import QApplication, QLineEdit
app = QApplication(sys.argv)
field = QLineEdit()
field.setWindowTitle("chat-app-stand-in")
field.textChanged.connect(lambda text: print("typed", text, flush=True))
field.resize(300, 60)
field.show()
field.activateWindow()
field.setFocus()
print("ready", flush=True)
app.exec()
"""


@pytest.fixture
def chat_app(x_display: str) -> Iterator[subprocess.Popen[str]]:
    """The stand-in chat app, shown on ``x_display`` with the keyboard focus."""
    env = {**os.environ, "DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb"}
    proc = subprocess.Popen(
        [sys.executable, "-c", CHAT_APP], env=env, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    window = ""
    deadline = time.monotonic() + 20
    while not window and time.monotonic() < deadline:
        found = xdotool(x_display, "search", "--name", "chat-app-stand-in", check=False)
        window = found.split()[0] if found.split() else ""
        time.sleep(0.05)
    assert window, "the chat app's window did not appear"
    xdotool(x_display, "windowfocus", "--sync", window)
    assert xdotool(x_display, "getwindowfocus").strip() == window
    yield proc
    proc.terminate()
    proc.wait(10)
    proc.stdout.close()


def xdotool(display: str, *args: str, check: bool = True) -> str:
    done = subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        check=check,
        timeout=20,
    )
    return done.stdout


def test_hotkeys_are_heard_while_another_app_has_the_focus(
    qtbot: QtBot, x_desktop: str, chat_app: subprocess.Popen[str]
) -> None:
    x_display = x_desktop
    hotkeys = GlobalHotkeys()
    try:
        support = hotkeys.start("<ctrl>+<alt>+m", "<ctrl>+<alt>+r", platform="xcb")
        assert support.available, support.reason
        assert hotkeys.running
        with qtbot.waitSignal(hotkeys.message_in, timeout=10_000):
            xdotool(x_display, "key", "--clearmodifiers", "ctrl+alt+m")
        with qtbot.waitSignal(hotkeys.replied, timeout=10_000):
            xdotool(x_display, "key", "--clearmodifiers", "ctrl+alt+r")
        # Other keys go to the chat app as before, and are no hotkey.
        with qtbot.assertNotEmitted(hotkeys.message_in, wait=300):
            xdotool(x_display, "type", "halo")
        assert chat_app.stdout is not None
        assert chat_app.stdout.readline().strip().startswith("typed")
        # Other combinations replace the old ones.
        hotkeys.start("<ctrl>+<shift>+<f9>", "", platform="xcb")
        with qtbot.assertNotEmitted(hotkeys.message_in, wait=300):
            xdotool(x_display, "key", "--clearmodifiers", "ctrl+alt+m")
        with qtbot.waitSignal(hotkeys.message_in, timeout=10_000):
            xdotool(x_display, "key", "--clearmodifiers", "ctrl+shift+F9")
    finally:
        hotkeys.stop()
    assert not hotkeys.running


@x11_grabs
def test_the_desk_hears_its_two_combinations_and_no_other_key(
    qtbot: QtBot, x_desktop: str, chat_app: subprocess.Popen[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Privacy: what the talent types to a customer never reaches TalentDesk's process;
    the X server sends it the grabbed combinations only. A combination another app has
    grabbed first is reported as taken, and the other one still works."""
    from talentdesk.ui.x11_hotkeys import GrabFailed, X11Hotkeys

    x_display = x_desktop
    heard: list[str] = []
    with held_by_another_app("<ctrl>+<alt>+r", lambda: heard.append("other app")):
        desk = X11Hotkeys(
            {
                "<ctrl>+<alt>+m": lambda: heard.append("message in"),
                "<ctrl>+<alt>+r": lambda: heard.append("replied"),
            }
        )
        try:
            desk.start()
            assert desk.taken == ("<ctrl>+<alt>+r",)
            xdotool(x_display, "type", "rahasia pelanggan")
            assert chat_app.stdout is not None
            assert chat_app.stdout.readline().strip().startswith("typed")
            qtbot.wait(300)
            assert desk.keys_heard == 0 and heard == []  # nothing typed reached the desk
            xdotool(x_display, "key", "--clearmodifiers", "ctrl+alt+m")
            qtbot.waitUntil(lambda: heard == ["message in"], timeout=10_000)
            assert desk.keys_heard == 1
            # Caps Lock on: the combination is still heard.
            xdotool(x_display, "key", "Caps_Lock")
            xdotool(x_display, "key", "--clearmodifiers", "ctrl+alt+m")
            qtbot.waitUntil(lambda: heard == ["message in"] * 2, timeout=10_000)
            xdotool(x_display, "key", "Caps_Lock")
            # The other app keeps its combination.
            xdotool(x_display, "key", "--clearmodifiers", "ctrl+alt+r")
            qtbot.waitUntil(lambda: heard[-1] == "other app", timeout=10_000)
            assert "replied" not in heard
        finally:
            desk.stop()
    # Every combination taken: the start fails and says so; nothing is left grabbed.
    with held_by_another_app("<ctrl>+<alt>+r"):
        alone = X11Hotkeys({"<ctrl>+<alt>+r": lambda: heard.append("replied")})
        with pytest.raises(GrabFailed):
            alone.start()
    # Without an X server the start fails clearly.
    monkeypatch.setenv("DISPLAY", ":999")
    with pytest.raises(GrabFailed):
        X11Hotkeys({"<ctrl>+<alt>+m": lambda: None}).start()


@x11_grabs
def test_a_keyboard_change_is_followed_and_the_combination_still_heard(
    qtbot: QtBot, x_desktop: str
) -> None:
    """A keyboard map change (another layout, say) may move the keys to other keycodes:
    the desk grabs its combinations again."""
    from talentdesk.ui.x11_hotkeys import X11Hotkeys

    heard: list[str] = []
    desk = X11Hotkeys({"<ctrl>+<alt>+m": lambda: heard.append("message in")})
    desk.start()
    try:
        # xdotool maps a key the keyboard lacks onto a spare keycode and back: each time
        # the X server tells every client that the keyboard changed.
        xdotool(x_desktop, "type", "ñ")
        qtbot.waitUntil(lambda: desk.keyboard_changes >= 1, timeout=10_000)
        assert heard == []
        xdotool(x_desktop, "key", "--clearmodifiers", "ctrl+alt+m")
        qtbot.waitUntil(lambda: heard == ["message in"], timeout=10_000)
    finally:
        desk.stop()


@x11_grabs
def test_when_the_x_server_goes_the_hotkeys_no_longer_say_they_run(
    qtbot: QtBot, x_server: XServer, x_desktop: str
) -> None:
    hotkeys = GlobalHotkeys()
    try:
        assert hotkeys.start("<ctrl>+<alt>+m", "<ctrl>+<alt>+r", platform="xcb").available
        assert hotkeys.running
        x_server.process.terminate()
        x_server.process.wait(10)
        qtbot.waitUntil(lambda: not hotkeys.running, timeout=10_000)
    finally:
        hotkeys.stop()


def test_wayland_and_headless_say_why_there_are_none() -> None:
    wayland = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}
    if sys.platform.startswith("linux"):
        assert hotkey_support("wayland", {}).reason is Unsupported.WAYLAND
        assert hotkey_support("xcb", wayland).reason is Unsupported.WAYLAND
        assert hotkey_support("offscreen", {}).reason is Unsupported.NO_DISPLAY
        assert hotkey_support("xcb", {"DISPLAY": ":0"}).available
    hotkeys = GlobalHotkeys()
    if sys.platform.startswith("linux"):
        support = hotkeys.start("<ctrl>+<alt>+m", "<ctrl>+<alt>+r", platform="wayland")
        assert not support.available and not hotkeys.running


def test_combinations_are_spelled_for_pynput_and_shown_for_qt() -> None:
    assert from_key_sequence(QKeySequence("Ctrl+Alt+M")) == "<ctrl>+<alt>+m"
    assert from_key_sequence(QKeySequence("Ctrl+Shift+F9")) == "<ctrl>+<shift>+<f9>"
    assert from_key_sequence(QKeySequence("M")) == ""  # a bare key would fire while typing
    assert from_key_sequence(QKeySequence()) == ""
    assert to_key_sequence("<ctrl>+<alt>+m").toString() == "Ctrl+Alt+M"
    assert to_key_sequence("<ctrl>+<shift>+<f9>").toString() == "Ctrl+Shift+F9"
    assert is_valid("") and is_valid("<ctrl>+<alt>+m") and is_valid("<alt>+<f8>")
    assert not is_valid("<ctrl>+<alt>+<f8>")  # switches the virtual terminal on Linux
    assert not is_valid("m") and not is_valid("<ctrl>+<ctrl>+m") and not is_valid("<ctrl>+<x>")
    assert not is_valid("<ctrl>+M") and not is_valid("<hyper>+m")
    # Shift alone with a key that types would fire while the talent types; not an F key.
    assert not is_valid("<shift>+r") and not is_valid("<shift>+<enter>")
    assert is_valid("<shift>+<f9>") and is_valid("<ctrl>+<shift>+r")


def press_until(qtbot: QtBot, display: str, keys: str, heard: Callable[[], bool]) -> None:
    """Press ``keys`` in the chat app until the app has heard them (at most three times).

    Under load a synthetic press can come before the app is listening; a talent presses
    again too. Pressing the pace keys twice changes nothing: a wait already running is
    not restarted, an answer with no wait is not counted.
    """
    for _ in range(3):
        xdotool(display, "key", "--clearmodifiers", keys)
        try:
            qtbot.waitUntil(heard, timeout=4_000)
        except TimeoutError:
            continue
        return
    pytest.fail(f"{keys} pressed three times in the chat app, never heard")


@pytest.mark.usefixtures("no_keyring", "english")
def test_hotkeys_pressed_in_the_chat_app_change_the_live_sessions_pace(
    qtbot: QtBot,
    x_desktop: str,
    chat_app: subprocess.Popen[str],
    agency: Agency,  # noqa: F811
    make_app: AppFactory,
    vault_path: Path,
) -> None:
    """The whole wiring: the app listens only while a chat session is live; xdotool
    presses the default hotkeys while the chat app has the focus; the session's pace
    (and its window) count the wait and the slow reply."""
    x_display = x_desktop
    focused = xdotool(x_display, "getwindowfocus").strip()
    paired_vault(vault_path, agency)
    mono = Monotonic()
    app = make_app("en", sync_tuning=FAST, session_clocks=SessionClocks(monotonic=mono))
    # Unlocked once: live_session() unlocks only an app still on its unlock screen (a
    # second unlock raced the first and rebuilt the session controller now and then).
    unlock(qtbot, app)
    assert not app.hotkeys.running  # no session: nothing listens

    live_session(qtbot, app, agency)
    qtbot.waitUntil(lambda: app.hotkeys.running, timeout=WAIT_MS)
    assert app.hotkeys.keys == ("<ctrl>+<alt>+m", "<ctrl>+<alt>+r")
    session = app.session
    assert session is not None and session.pace is not None

    def status() -> PaceStatus:
        # Read through the session each time: its pace object may be rebuilt (from the
        # sealed counts) when the session's context changes after the start.
        live = app.session
        assert live is not None and live.pace is not None
        return live.pace.status()

    assert status().waiting_seconds is None

    press_until(qtbot, x_display, "ctrl+alt+m", lambda: status().waiting_seconds is not None)
    mono.now += 130  # slower than the agency's 2 minutes
    assert status().waiting_seconds == pytest.approx(130)
    press_until(qtbot, x_display, "ctrl+alt+r", lambda: status().slow_replies == 1)
    assert status().slow_replies == 1 and status().waiting_seconds is None
    screens = app.session_windows
    assert screens is not None and screens.window is not None
    qtbot.waitUntil(
        lambda: (
            screens.window is not None
            and screens.window.pace.counts.text() == "Slow replies this session: 1"
        ),
        timeout=WAIT_MS,
    )
    # The chat app kept the focus all along.
    assert xdotool(x_display, "getwindowfocus").strip() == focused

    # The session ends: the hotkeys stop listening, and a press changes nothing.
    with qtbot.waitSignal(session.closing_started, timeout=WAIT_MS):
        session.end()
    with qtbot.waitSignal(session.finished, timeout=WAIT_MS):
        session.finish()
    qtbot.waitUntil(lambda: not app.hotkeys.running, timeout=WAIT_MS)
    with qtbot.assertNotEmitted(app.hotkeys.message_in, wait=300):
        xdotool(x_display, "key", "--clearmodifiers", "ctrl+alt+m")


@pytest.mark.usefixtures("no_keyring", "english")
def test_a_hotkey_another_app_holds_is_said_and_the_other_still_works(
    qtbot: QtBot,
    x_desktop: str,
    chat_app: subprocess.Popen[str],
    monkeypatch: pytest.MonkeyPatch,
    agency: Agency,  # noqa: F811
    make_app: AppFactory,
    vault_path: Path,
) -> None:
    """A desktop shortcut (here another client's grab) on "I replied": the live session
    tells the talent which combination cannot be heard and where to choose another;
    "message in" works as before."""
    from talentdesk.ui.session.notifications import Notice, Notifier

    with held_by_another_app("<ctrl>+<alt>+r"):
        paired_vault(vault_path, agency)
        mono = Monotonic()
        app = make_app("en", sync_tuning=FAST, session_clocks=SessionClocks(monotonic=mono))
        told: list[Notice] = []
        notifier: Notifier = app.notifier
        notifier.banner_requested.connect(told.append)
        if notifier.tray is not None:  # a desktop with a tray: its messages, not banners
            monkeypatch.setattr(notifier, "tray", None)
        unlock(qtbot, app)
        live_session(qtbot, app, agency)
        qtbot.waitUntil(lambda: app.hotkeys.running, timeout=WAIT_MS)
        assert app.hotkeys.taken == ("<ctrl>+<alt>+r",)
        qtbot.waitUntil(lambda: any(n.key == "hotkeys-taken" for n in told), timeout=WAIT_MS)
        title, text = next(n for n in told if n.key == "hotkeys-taken").words()
        assert title == "A shortcut is taken"
        assert "Ctrl+Alt+R" in text and "Settings → During a session" in text

        def waiting() -> float | None:
            live = app.session
            assert live is not None and live.pace is not None
            return live.pace.status().waiting_seconds

        press_until(qtbot, x_desktop, "ctrl+alt+m", lambda: waiting() is not None)
        # Said once, though the session's context changes after its start.
        assert [n.key for n in told].count("hotkeys-taken") == 1
        # The session ends: nothing is listened for, and the notice is taken back.
        withdrawn: list[str] = []
        notifier.withdrawn.connect(withdrawn.append)
        session = app.session
        assert session is not None
        with qtbot.waitSignal(session.closing_started, timeout=WAIT_MS):
            session.end()
        with qtbot.waitSignal(session.finished, timeout=WAIT_MS):
            session.finish()
        qtbot.waitUntil(lambda: "hotkeys-taken" in withdrawn, timeout=WAIT_MS)
        assert not app.hotkeys.running and not app.hotkeys.taken
