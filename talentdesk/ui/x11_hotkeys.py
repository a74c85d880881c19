"""The pace hotkeys on X11: passive key grabs on the root window, over libxcb.

Why not pynput's listener here: it watches *every* key pressed on the desktop (X11's
RECORD extension), so each word the talent types to a customer in the chat app would
pass through TalentDesk, which must never hold customer data. A passive grab
(``GrabKey``) is how desktops do global shortcuts: the X server sends this connection
the two combinations and nothing else. It also keeps about 5 MiB of python-xlib and
pynput out of a live session's memory (``bench.session_memory``). The combination is
taken by TalentDesk: it no longer reaches the chat app too (it meant nothing there).

libxcb is the library Qt's own X11 platform is built on, so it is loaded already. The
connection is our own (Qt's belongs to Qt); its socket is watched by a
``QSocketNotifier`` on the GUI thread, so a press becomes a signal without a thread.
ctypes is imported only when the hotkeys start.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, Final

import msgspec
from PySide6.QtCore import QObject, QSocketNotifier

log = logging.getLogger(__name__)

__all__ = ["GrabFailed", "X11Hotkeys"]

#: X keysyms of the keys a combination may end in (besides letters and digits, which
#: are their ASCII code), by pynput's names (see ``hotkeys._NAMED_KEYS``).
_KEYSYMS: Final = {
    **{f"f{n}": 0xFFBE + n - 1 for n in range(1, 25)},
    "space": 0x20,
    "enter": 0xFF0D,
    "tab": 0xFF09,
    "home": 0xFF50,
    "end": 0xFF57,
    "insert": 0xFF63,
    "delete": 0xFFFF,
    "page_up": 0xFF55,
    "page_down": 0xFF56,
    "left": 0xFF51,
    "up": 0xFF52,
    "right": 0xFF53,
    "down": 0xFF54,
}
_SHIFT, _LOCK, _CONTROL = 1 << 0, 1 << 1, 1 << 2
_ALT_KEYSYMS: Final = (0xFFE9, 0xFFEA)  # Alt_L, Alt_R
_SUPER_KEYSYMS: Final = (0xFFEB, 0xFFEC)  # Super_L, Super_R
_NUM_LOCK_KEYSYM: Final = 0xFF7F
_KEY_PRESS, _MAPPING_NOTIFY = 2, 34
_GRAB_MODE_ASYNC = 1


class GrabFailed(Exception):
    """The X server refused the connection, or every combination is another app's.

    Attributes:
        taken: The combinations another app had grabbed (pynput's spelling).
    """

    def __init__(self, message: str, taken: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.taken = taken


class _Combination(msgspec.Struct, frozen=True):
    keycodes: tuple[int, ...]
    modifiers: int  # the X modifier mask


class X11Hotkeys(QObject):
    """Grabs key combinations on the X display and calls back on the GUI thread.

    Attributes:
        taken: The combinations another app had grabbed already (not listened for).
        keys_heard: Key presses the X server sent this connection: only grabbed ones.
        keyboard_changes: Keyboard map changes followed (each one grabs again).
    """

    def __init__(
        self, handlers: Mapping[str, Callable[[], None]], parent: QObject | None = None
    ) -> None:
        """``handlers``: what to call for each combination (pynput's spelling)."""
        super().__init__(parent)
        self._handlers = dict(handlers)
        self._grabs: dict[_Combination, Callable[[], None]] = {}
        self._notifier: QSocketNotifier | None = None
        self._xcb: _Xcb | None = None
        self._conn: int | None = None
        self._root = 0
        self._ignored: tuple[int, ...] = (0,)
        self._relevant = _SHIFT | _CONTROL
        self.taken: tuple[str, ...] = ()
        self.keys_heard = 0
        self.keyboard_changes = 0

    # ------------------------------------------------------------------ life

    @property
    def listening(self) -> bool:
        """Connected and grabbing (false once stopped, or once the X server went away)."""
        return self._conn is not None

    def start(self) -> None:
        """Connect to ``$DISPLAY`` and grab the combinations.

        Raises:
            GrabFailed: no X server, or every combination is taken by another app.
            OSError: libxcb cannot be loaded.
        """
        xcb = self._xcb = _Xcb.load()
        lib = xcb.lib
        screen = xcb.ctypes.c_int(0)
        conn = lib.xcb_connect(None, xcb.ctypes.byref(screen))
        if lib.xcb_connection_has_error(conn):
            lib.xcb_disconnect(conn)
            raise GrabFailed("no X server to connect to")
        self._conn = conn
        iterator = lib.xcb_setup_roots_iterator(lib.xcb_get_setup(conn))
        for _ in range(screen.value):
            lib.xcb_screen_next(xcb.ctypes.byref(iterator))
        # xcb_screen_t begins with its root window's id.
        self._root = int(xcb.ctypes.cast(iterator.data, xcb.ctypes.POINTER(xcb.ctypes.c_uint32))[0])
        self._grab_all()
        if not self._grabs:
            taken = self.taken
            self.stop()
            raise GrabFailed("every combination is taken by another app", taken)
        fd = lib.xcb_get_file_descriptor(conn)
        notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
        notifier.activated.connect(self._read_events)
        self._notifier = notifier
        self._read_events()  # events queued while the grabs were answered

    def stop(self) -> None:
        """Let go of the grabs and the connection."""
        notifier, self._notifier = self._notifier, None
        if notifier is not None:
            notifier.setEnabled(False)
            notifier.deleteLater()
        conn, self._conn = self._conn, None
        if conn is None or self._xcb is None:
            return
        lib = self._xcb.lib
        if not lib.xcb_connection_has_error(conn):
            self._ungrab_all(conn)
            lib.xcb_flush(conn)
        lib.xcb_disconnect(conn)
        self._grabs = {}

    # ------------------------------------------------------------------ grabs

    def _grab_all(self) -> None:
        xcb, conn = self._xcb, self._conn
        assert xcb is not None
        assert conn is not None
        keysyms = _keyboard_map(xcb, conn)
        alt, super_, num_lock = _modifier_masks(xcb, conn, keysyms)
        self._relevant = _SHIFT | _CONTROL | alt | super_
        self._ignored = tuple(sorted({0, _LOCK, num_lock, _LOCK | num_lock}))
        names = {"<ctrl>": _CONTROL, "<shift>": _SHIFT, "<alt>": alt, "<cmd>": super_}
        taken = []
        for hotkey, handler in self._handlers.items():
            *modifiers, key = hotkey.split("+")
            keysym = _keysym(key)
            # A keysym in the first two columns: typed without Shift, or with it.
            keycodes = tuple(code for code, syms in keysyms.items() if keysym in syms[:2])
            if not keycodes:
                log.info("a hotkey's key is not on this keyboard")
                continue
            mask = 0
            for modifier in modifiers:
                mask |= names[modifier]
            combination = _Combination(keycodes, mask)
            if self._grab(combination):
                self._grabs[combination] = handler
            else:
                taken.append(hotkey)
        self.taken = tuple(taken)
        if taken:
            log.warning("%d hotkey combination(s) already taken by another app", len(taken))

    def _grab(self, combination: _Combination) -> bool:
        """Grab one combination with every state of Caps Lock and Num Lock; all or none."""
        xcb, conn = self._xcb, self._conn
        assert xcb is not None
        assert conn is not None
        lib = xcb.lib
        cookies = [
            lib.xcb_grab_key_checked(
                conn,
                1,  # owner_events
                self._root,
                combination.modifiers | ignored,
                code,
                _GRAB_MODE_ASYNC,
                _GRAB_MODE_ASYNC,
            )
            for code in combination.keycodes
            for ignored in self._ignored
        ]
        refused = False
        for cookie in cookies:
            error = lib.xcb_request_check(conn, cookie)
            if error:
                refused = True  # BadAccess: another client grabbed it first
                xcb.free(error)
        if refused:
            self._ungrab(conn, combination)
            lib.xcb_flush(conn)
        return not refused

    def _ungrab(self, conn: int, combination: _Combination) -> None:
        assert self._xcb is not None
        for code in combination.keycodes:
            for ignored in self._ignored:
                self._xcb.lib.xcb_ungrab_key(
                    conn, code, self._root, combination.modifiers | ignored
                )

    def _ungrab_all(self, conn: int) -> None:
        for combination in self._grabs:
            self._ungrab(conn, combination)

    # ------------------------------------------------------------------ events

    def _read_events(self, *_args: object) -> None:
        xcb, conn = self._xcb, self._conn
        if conn is None or xcb is None:
            return
        lib = xcb.lib
        if lib.xcb_connection_has_error(conn):
            log.warning("the X server closed the hotkeys' connection")
            self.stop()
            return
        fired: list[Callable[[], None]] = []
        remap = False
        while event := lib.xcb_poll_for_event(conn):
            data = event.contents  # the 32 bytes every X event has
            kind = data[0] & 0x7F
            if kind == _KEY_PRESS:
                self.keys_heard += 1
                keycode, state = data[1], data[28] | (data[29] << 8)  # detail, state
                for combination, handler in self._grabs.items():
                    if (
                        keycode in combination.keycodes
                        and state & self._relevant == combination.modifiers
                    ):
                        fired.append(handler)
            elif kind == _MAPPING_NOTIFY:
                remap = True
            xcb.free(event)
        if remap:  # the keyboard layout changed: the keys may sit on other keycodes now
            self.keyboard_changes += 1
            self._ungrab_all(conn)
            self._grabs = {}
            try:
                self._grab_all()
                lib.xcb_flush(conn)
            except GrabFailed as exc:  # the server did not answer: nothing is listened for
                log.warning("the hotkeys could not follow a keyboard change: %s", exc)
                self.stop()
        for handler in fired:
            handler()


# ---------------------------------------------------------------------- libxcb by hand


class _Xcb:
    """libxcb and libc through ctypes, with the few functions used declared (built once)."""

    _loaded: ClassVar[_Xcb | None] = None

    def __init__(self) -> None:
        import ctypes

        c = self.ctypes = ctypes

        class RootsIterator(c.Structure):
            _fields_ = (("data", c.c_void_p), ("rem", c.c_int), ("index", c.c_int))

        lib = self.lib = c.CDLL("libxcb.so.1")
        event_p = c.POINTER(c.c_uint8 * 32)
        cookie = c.c_uint  # xcb's cookies are a struct of one unsigned int
        for name, restype, argtypes in (
            ("xcb_connect", c.c_void_p, [c.c_char_p, c.POINTER(c.c_int)]),
            ("xcb_connection_has_error", c.c_int, [c.c_void_p]),
            ("xcb_disconnect", None, [c.c_void_p]),
            ("xcb_flush", c.c_int, [c.c_void_p]),
            ("xcb_get_file_descriptor", c.c_int, [c.c_void_p]),
            ("xcb_get_setup", c.c_void_p, [c.c_void_p]),
            ("xcb_setup_roots_iterator", RootsIterator, [c.c_void_p]),
            ("xcb_screen_next", None, [c.c_void_p]),
            ("xcb_get_keyboard_mapping", cookie, [c.c_void_p, c.c_uint8, c.c_uint8]),
            ("xcb_get_keyboard_mapping_reply", c.c_void_p, [c.c_void_p, cookie, c.c_void_p]),
            ("xcb_get_modifier_mapping", cookie, [c.c_void_p]),
            ("xcb_get_modifier_mapping_reply", c.c_void_p, [c.c_void_p, cookie, c.c_void_p]),
            (
                "xcb_grab_key_checked",
                cookie,
                [c.c_void_p, c.c_uint8, c.c_uint32, c.c_uint16, c.c_uint8, c.c_uint8, c.c_uint8],
            ),
            ("xcb_ungrab_key", cookie, [c.c_void_p, c.c_uint8, c.c_uint32, c.c_uint16]),
            ("xcb_request_check", c.c_void_p, [c.c_void_p, cookie]),
            ("xcb_poll_for_event", event_p, [c.c_void_p]),
        ):
            function = getattr(lib, name)
            function.restype, function.argtypes = restype, argtypes
        self.libc = c.CDLL("libc.so.6")
        self.libc.free.argtypes = [c.c_void_p]

    @classmethod
    def load(cls) -> _Xcb:
        if cls._loaded is None:
            cls._loaded = cls()
        return cls._loaded

    def free(self, pointer: Any) -> None:
        """Free what libxcb allocated (replies, errors, events)."""
        self.libc.free(self.ctypes.cast(pointer, self.ctypes.c_void_p))

    def bytes_at(self, address: int) -> Any:
        return self.ctypes.cast(address, self.ctypes.POINTER(self.ctypes.c_uint8))


def _keyboard_map(xcb: _Xcb, conn: int) -> dict[int, tuple[int, ...]]:
    """Each keycode's keysyms (the first two: without and with Shift)."""
    lib = xcb.lib
    setup = xcb.bytes_at(lib.xcb_get_setup(conn))
    first, last = setup[34], setup[35]  # xcb_setup_t's min_keycode and max_keycode
    count = last - first + 1
    reply = lib.xcb_get_keyboard_mapping_reply(
        conn, lib.xcb_get_keyboard_mapping(conn, first, count), None
    )
    if not reply:
        raise GrabFailed("the X server did not say its keyboard map")
    try:
        per_code = xcb.bytes_at(reply)[1]  # keysyms_per_keycode
        syms = xcb.ctypes.cast(reply + 32, xcb.ctypes.POINTER(xcb.ctypes.c_uint32))
        return {
            first + i: tuple(syms[i * per_code + j] for j in range(per_code)) for i in range(count)
        }
    finally:
        xcb.free(reply)


def _modifier_masks(
    xcb: _Xcb, conn: int, keysyms: Mapping[int, tuple[int, ...]]
) -> tuple[int, int, int]:
    """The masks of Alt, Super and Num Lock on this keyboard (Mod1, Mod4, Mod2 if unsaid)."""
    lib = xcb.lib
    reply = lib.xcb_get_modifier_mapping_reply(conn, lib.xcb_get_modifier_mapping(conn), None)
    masks = {"alt": 1 << 3, "super": 1 << 6, "num_lock": 1 << 4}
    if not reply:
        return masks["alt"], masks["super"], masks["num_lock"]
    wanted = {"alt": _ALT_KEYSYMS, "super": _SUPER_KEYSYMS, "num_lock": (_NUM_LOCK_KEYSYM,)}
    try:
        head = xcb.bytes_at(reply)
        per_modifier = head[1]  # keycodes_per_modifier
        found: dict[str, int] = {}
        for modifier in range(3, 8):  # Mod1..Mod5, after Shift, Lock and Control
            for i in range(per_modifier):
                syms = keysyms.get(head[32 + modifier * per_modifier + i], ())
                for name, names in wanted.items():
                    if name not in found and any(sym in names for sym in syms):
                        found[name] = 1 << modifier
        masks.update(found)
    finally:
        xcb.free(reply)
    return masks["alt"], masks["super"], masks["num_lock"]


def _keysym(key: str) -> int:
    """The X keysym of a combination's last key (pynput's spelling: ``m``, ``<f9>``)."""
    if key.startswith("<") and key.endswith(">"):
        return _KEYSYMS[key[1:-1]]
    return ord(key)  # a letter or a digit: its keysym is its ASCII code
