"""System-wide hotkeys for the reply pace: "message in" and "replied" from the chat app.

During a session the talent types in WhatsApp, Telegram or the agency's chat, not in
TalentDesk; switching windows to mark the pace costs the very seconds the pace counts.
:class:`GlobalHotkeys` listens for two key combinations anywhere on the desktop (by
default Ctrl+Alt+M, "the customer wrote", and Ctrl+Alt+R, "I replied"). Each press
becomes a Qt signal on the GUI thread.

- On X11 (Linux) the combinations are grabbed on the root window over libxcb
  (:mod:`talentdesk.ui.x11_hotkeys`): the X server sends TalentDesk those two
  combinations and no other key, so nothing the talent types to a customer passes
  through the desk.
- On Windows and macOS pynput's ``keyboard.GlobalHotKeys`` watches the keys (a Windows
  hook, a macOS event tap; macOS asks the talent to allow TalentDesk under Privacy &
  Security → Accessibility/Input Monitoring once).

On Wayland no application may watch the keyboard of others; the app says so and the
compact window's large buttons remain (one click, always on top where the compositor
allows). Neither listener is imported before the hotkeys start.
"""

from __future__ import annotations

import enum
import logging
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

import msgspec
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence

log = logging.getLogger(__name__)

__all__ = [
    "GlobalHotkeys",
    "HotkeySupport",
    "Unsupported",
    "from_key_sequence",
    "hotkey_support",
    "taken_elsewhere",
    "to_key_sequence",
]


class Unsupported(enum.StrEnum):
    """Why system-wide hotkeys cannot work here (the values are the UI's keys)."""

    WAYLAND = "wayland"  # the compositor lets no app watch other apps' keys
    NO_DISPLAY = "no_display"  # no X server to watch (a headless session)
    FAILED = "failed"  # the listener could not start (the log says why)


class HotkeySupport(msgspec.Struct, frozen=True):
    """Whether system-wide hotkeys can work here, and if not why."""

    available: bool
    reason: Unsupported | None = None


def hotkey_support(
    platform: str | None = None, env: Mapping[str, str] | None = None
) -> HotkeySupport:
    """Whether this desktop lets TalentDesk watch hotkeys while another app has focus.

    Args:
        platform: Qt's platform name (``xcb``, ``wayland``, ``offscreen``...), if known.
        env: The environment (``os.environ``).
    """
    env = os.environ if env is None else env
    if sys.platform in ("win32", "darwin"):
        return HotkeySupport(True)
    wayland = platform == "wayland" or (
        env.get("XDG_SESSION_TYPE") == "wayland" and bool(env.get("WAYLAND_DISPLAY"))
    )
    if wayland:
        return HotkeySupport(False, Unsupported.WAYLAND)
    if not env.get("DISPLAY"):
        return HotkeySupport(False, Unsupported.NO_DISPLAY)
    return HotkeySupport(True)


#: Qt's names of the modifiers, and pynput's.
_MODIFIERS: Final = (("Ctrl", "<ctrl>"), ("Alt", "<alt>"), ("Shift", "<shift>"), ("Meta", "<cmd>"))


def from_key_sequence(sequence: QKeySequence) -> str:
    """A key combination as pynput spells it (``<ctrl>+<alt>+m``); "" for none.

    Only the first chord of ``sequence`` counts; a combination needs a modifier and a
    key (a bare letter would fire while the talent types).
    """
    text = sequence.toString(QKeySequence.SequenceFormat.PortableText).split(",")[0].strip()
    if not text:
        return ""
    parts = text.split("+")
    key = parts[-1]
    names = dict(_MODIFIERS)
    modifiers = [names[p] for p in parts[:-1] if p in names]
    if not modifiers or not key:
        return ""
    spelled = key.lower() if len(key) == 1 else f"<{key.lower().replace(' ', '_')}>"
    return "+".join([*modifiers, spelled])


def to_key_sequence(hotkey: str) -> QKeySequence:
    """pynput's spelling back as a Qt key sequence (for showing it: ``Ctrl+Alt+M``)."""
    if not hotkey:
        return QKeySequence()
    names = {pynput: qt for qt, pynput in _MODIFIERS}
    parts = []
    for part in hotkey.split("+"):
        if part in names:
            parts.append(names[part])
        elif part.startswith("<") and part.endswith(">"):
            parts.append(part[1:-1].capitalize())
        else:
            parts.append(part.upper())
    return QKeySequence("+".join(parts), QKeySequence.SequenceFormat.PortableText)


def hotkey_text(hotkey: str) -> str:
    """How a hotkey reads on a button (``Ctrl+Alt+M``); empty for none."""
    return to_key_sequence(hotkey).toString(QKeySequence.SequenceFormat.NativeText)


#: Named keys a combination may end in (pynput's names), besides a letter or a digit.
_NAMED_KEYS: Final = frozenset(
    {f"f{n}" for n in range(1, 25)}
    | {"space", "enter", "tab", "home", "end", "insert", "delete", "page_up", "page_down"}
    | {"up", "down", "left", "right"}
)


def is_valid(hotkey: str) -> bool:
    """Whether ``hotkey`` is a combination pynput listens for: one modifier or more, then
    one key ("" counts too: it means off). Checked without pynput (it needs a display)."""
    if not hotkey:
        return True
    *modifiers, key = hotkey.split("+")
    known = {pynput for _qt, pynput in _MODIFIERS}
    if (
        not modifiers
        or any(m not in known for m in modifiers)
        or len(set(modifiers)) < len(modifiers)
    ):
        return False
    # Shift alone with a key that types (a letter, Enter...) would fire while the talent
    # types in the chat app; with an F key it types nothing.
    shift_only = set(modifiers) == {"<shift>"}
    if key.startswith("<") and key.endswith(">"):
        name = key[1:-1]
        # Ctrl+Alt+F1…F12 switch the virtual terminal on Linux: X never reports them.
        switches_terminal = {"<ctrl>", "<alt>"} <= set(modifiers) and name.startswith("f")
        types = shift_only and not name.startswith("f")
        return name in _NAMED_KEYS and not switches_terminal and not types
    return len(key) == 1 and key.isalnum() and key == key.lower() and not shift_only


class GlobalHotkeys(QObject):
    """The pace hotkeys, anywhere on the desktop, as signals on the GUI thread.

    Signals:
        message_in(): The "customer wrote" combination was pressed.
        replied(): The "I replied" combination was pressed.
    """

    message_in = Signal()
    replied = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listener: Any = None
        self._keys: tuple[str, str] = ("", "")
        self.support = HotkeySupport(False, Unsupported.NO_DISPLAY)
        #: The combinations another app holds, so the desk cannot hear them (X11 only).
        self.taken: tuple[str, ...] = ()

    @property
    def running(self) -> bool:
        """Whether a listener is watching the keyboard now.

        False also once the X server closed the grabs' connection (the listener stops
        itself then); pynput's listeners have no such end.
        """
        listener = self._listener
        return listener is not None and bool(getattr(listener, "listening", True))

    @property
    def keys(self) -> tuple[str, str]:
        """The combinations listened for: (message in, replied)."""
        return self._keys

    def start(self, message_in: str, replied: str, *, platform: str | None = None) -> HotkeySupport:
        """Listen for ``message_in`` and ``replied`` (pynput's spelling; "" for none).

        Starting again with other keys replaces the listener; with the same keys it
        changes nothing.

        Returns:
            Whether it works here, and if not why (the Settings page says it).
        """
        wanted = (message_in, replied)
        if self._listener is not None and wanted == self._keys:
            return self.support
        self.stop()
        support = hotkey_support(platform)
        self.support = support
        self._keys = wanted
        if not support.available:
            log.info("system-wide hotkeys unavailable here: %s", support.reason)
            return support
        handlers: dict[str, Callable[[], None]] = {}
        if message_in and is_valid(message_in):
            handlers[message_in] = self.message_in.emit
        if replied and is_valid(replied) and replied not in handlers:
            handlers[replied] = self.replied.emit
        if not handlers:
            return support
        try:
            listener = _start_listener(handlers, self)
        except Exception as exc:  # pynput raises whatever its backend raises
            log.warning("system-wide hotkeys could not start: %s", exc)
            self.taken = getattr(exc, "taken", ())
            self.support = HotkeySupport(False, Unsupported.FAILED)
            return self.support
        self._listener = listener
        self.taken = getattr(listener, "taken", ())
        log.info("system-wide hotkeys listening")
        return support

    def stop(self) -> None:
        """Stop listening (the session ended, the app locks fully or quits)."""
        self.taken = ()  # nothing is listened for, so nothing is missed either
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.stop()
            if isinstance(listener, QObject):
                listener.deleteLater()  # a child of this object: gone now, not at quit


def taken_elsewhere(hotkeys: Sequence[str], *, platform: str | None = None) -> tuple[str, ...]:
    """Which of ``hotkeys`` another app holds now, so TalentDesk could not hear them.

    On X11 each is grabbed for a moment on a connection of its own and let go; elsewhere
    nothing is known before listening, and none is said to be taken.
    """
    wanted = [hotkey for hotkey in hotkeys if hotkey and is_valid(hotkey)]
    if not wanted or _PYNPUT_DESKTOP or not hotkey_support(platform).available:
        return ()
    from talentdesk.ui.x11_hotkeys import GrabFailed, X11Hotkeys

    probe = X11Hotkeys(dict.fromkeys(wanted, _nothing))
    try:
        probe.start()
    except GrabFailed as exc:
        return exc.taken
    except OSError:  # no libxcb: the listener will say why when it starts
        return ()
    taken = probe.taken
    probe.stop()
    return taken


def _nothing() -> None:
    """What a probe's grab calls (it is let go at once)."""


#: Where pynput listens (a Windows hook, a macOS event tap); elsewhere X11 grabs do.
_PYNPUT_DESKTOP: Final[bool] = sys.platform in ("win32", "darwin")


def _start_listener(handlers: Mapping[str, Callable[[], None]], parent: QObject) -> Any:
    """The platform's listener, started; anything with ``stop()``."""
    if not _PYNPUT_DESKTOP:
        from talentdesk.ui.x11_hotkeys import X11Hotkeys

        grabs = X11Hotkeys(handlers, parent)
        try:
            grabs.start()
        except BaseException:
            grabs.deleteLater()
            raise
        return grabs
    from pynput import keyboard

    listener = keyboard.GlobalHotKeys(dict(handlers))
    listener.daemon = True
    listener.start()
    listener.wait()  # ready, or failed
    return listener
