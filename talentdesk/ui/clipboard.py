"""The clipboard: ready replies as plain text, a customer's handle as a secret that expires.

A customer's contact handle may reach the clipboard only so the talent can paste it
into their chat or call app. It is marked secret for clipboard managers and history
tools, so they neither show nor keep it:

* ``x-kde-passwordManagerHint: secret`` (Klipper, and the managers that follow it on
  Linux and BSD desktops: CopyQ, GPaste, Clipman...);
* ``ExcludeClipboardContentFromMonitorProcessing``, plus ``CanIncludeInClipboardHistory``
  and ``CanUploadToCloudClipboard`` set to 0 (Windows clipboard history and cloud sync);
* ``org.nspasteboard.ConcealedType`` and ``TransientType`` (macOS clipboard managers
  following nspasteboard.org), converted by a :class:`QUtiMimeConverter` where Qt has it.

The handle is cleared again after :data:`SECRET_SECONDS`, when the session's customer
data is destroyed, when the vault locks and when the app quits, but only while the
clipboard still holds it: something the talent copied since is left alone. Expiry is
measured on a monotonic clock; the timer only decides when to look.

Whatever else the app put there during a session (a reply filled in for this customer)
is cleared when the session ends (:meth:`SecretClipboard.end_session`), again only while
the clipboard still holds it. Only digests of what was copied are kept.
"""

from __future__ import annotations

import logging
import struct
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QCoreApplication, QMimeData, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

from talentdesk.vault.crypto import sha256

log = logging.getLogger(__name__)

#: How long a secret stays on the clipboard.
SECRET_SECONDS = 30.0
#: KDE's hint, honoured by most Linux clipboard managers.
KDE_HINT = "x-kde-passwordManagerHint"
#: Windows: the registered formats clipboard monitors and the clipboard history look for,
#: in Qt's spelling of a named Windows clipboard format.
_WINDOWS_FORMAT = 'application/x-qt-windows-mime;value="{}"'
WINDOWS_EXCLUDE = _WINDOWS_FORMAT.format("ExcludeClipboardContentFromMonitorProcessing")
WINDOWS_HISTORY = _WINDOWS_FORMAT.format("CanIncludeInClipboardHistory")
WINDOWS_CLOUD = _WINDOWS_FORMAT.format("CanUploadToCloudClipboard")
#: macOS: the nspasteboard.org markers, as mime types (converted to their UTIs below).
MAC_CONCEALED = "application/x-nspasteboard-concealed-type"
MAC_TRANSIENT = "application/x-nspasteboard-transient-type"
_MAC_UTIS = {
    MAC_CONCEALED: "org.nspasteboard.ConcealedType",
    MAC_TRANSIENT: "org.nspasteboard.TransientType",
}
#: The marks every platform gets (harmless where nobody reads them, and testable anywhere).
SECRET_MARKS: dict[str, bytes] = {
    KDE_HINT: b"secret",
    WINDOWS_EXCLUDE: struct.pack("<I", 1),
    WINDOWS_HISTORY: struct.pack("<I", 0),
    WINDOWS_CLOUD: struct.pack("<I", 0),
    MAC_CONCEALED: b"",
    MAC_TRANSIENT: b"",
}
_converters: list[object] = []


if sys.platform == "darwin":  # pragma: no cover (macOS only)

    def _install_mac_converter() -> None:
        """Teach Qt on macOS to put the nspasteboard markers under their real UTIs (once)."""
        if _converters:
            return
        try:
            from PySide6.QtGui import QUtiMimeConverter
        except ImportError:  # not in every build
            log.info("no QUtiMimeConverter: the secret marks stay Qt-internal on macOS")
            return

        class _Markers(QUtiMimeConverter):
            def canConvert(self, mime: str, uti: str) -> bool:
                return _MAC_UTIS.get(mime) == uti

            def mimeForUti(self, uti: str) -> str:
                return next((m for m, u in _MAC_UTIS.items() if u == uti), "")

            def utiForMime(self, mime: str) -> str:
                return _MAC_UTIS.get(mime, "")

            def convertToMime(self, mime: str, data: list[QByteArray], uti: str) -> object:
                return data[0] if data else QByteArray()

            def convertFromMime(self, mime: str, data: object, uti: str) -> list[QByteArray]:
                return [QByteArray(b"")]

        _converters.append(_Markers())

else:

    def _install_mac_converter() -> None:
        """Off macOS there is nothing to convert: Qt passes the marks on by name."""


def secret_mime_data(text: str) -> QMimeData:
    """``text`` as plain text, marked secret for clipboard managers and history."""
    mime = QMimeData()
    mime.setText(text)
    for name, value in SECRET_MARKS.items():
        mime.setData(name, QByteArray(value))
    return mime


def is_marked_secret(mime: QMimeData | None) -> bool:
    """Whether clipboard contents carry the secret marks (the KDE one at least)."""
    return mime is not None and bytes(mime.data(KDE_HINT).data()) == b"secret"


def _digest(text: str) -> bytes:
    # Only a digest of the secret is kept, so this object never holds the handle itself.
    return sha256(text.encode("utf-8"))


class SecretClipboard(QObject):
    """Copies text for the talent: replies plainly, handles as secrets that expire.

    Args:
        clipboard: The system clipboard (``QGuiApplication.clipboard()`` if None).
        seconds: How long a secret stays.
        clock: Monotonic seconds (a fake one in tests).
        check_ms: How often to look while a secret is on the clipboard.

    Signals:
        secret_cleared(str): The secret was removed; the reason is ``expired``,
            ``session_over``, ``locked`` or ``quit``.
        copied(bool): Something was copied; True for a secret.
    """

    secret_cleared = Signal(str)
    copied = Signal(bool)

    def __init__(
        self,
        clipboard: QClipboard | None = None,
        *,
        seconds: float = SECRET_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        check_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        _install_mac_converter()
        self._clipboard = clipboard or QGuiApplication.clipboard()
        self._seconds = seconds
        self._clock = clock
        self._secret: bytes | None = None
        self._session_copies: set[bytes] = set()
        self._copied_at = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self.check)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(lambda: self.clear_secret("quit"))

    @property
    def holds_secret(self) -> bool:
        """Whether a secret copied here is still on the clipboard."""
        return self._secret is not None and self._still_ours()

    def seconds_left(self) -> float:
        """Until the secret is cleared; 0 when there is none."""
        if self._secret is None:
            return 0.0
        return max(0.0, self._seconds - (self._clock() - self._copied_at))

    def copy_text(self, text: str, *, session: bool = False) -> None:
        """Put ordinary text (a filled-in reply) on the clipboard.

        A secret still there is simply replaced; nothing is left to clear then.

        Args:
            session: copied during a session (a reply filled in for its customer): it is
                cleared when the session ends, if the clipboard still holds it.
        """
        self._forget()
        self._clipboard.setText(text, QClipboard.Mode.Clipboard)
        if session:
            self._session_copies.add(_digest(text))
        self.copied.emit(False)

    def copy_secret(self, text: str) -> None:
        """Put a secret (a customer's handle) on the clipboard, marked and expiring."""
        self._clipboard.setMimeData(secret_mime_data(text), QClipboard.Mode.Clipboard)
        self._secret = _digest(text)
        self._session_copies.add(self._secret)
        self._copied_at = self._clock()
        self._timer.start()
        self.copied.emit(True)

    def check(self) -> None:
        """Clear the secret once its time is up (the timer calls this)."""
        if self._secret is None:
            self._timer.stop()
            return
        if not self._still_ours():
            self._forget()  # the talent copied something else: nothing of ours is there
            return
        if self.seconds_left() <= 0:
            self.clear_secret("expired")

    def clear_secret(self, reason: str = "session_over") -> bool:
        """Remove the secret now if the clipboard still holds it; True if it did."""
        if self._secret is None:
            return False
        ours = self._still_ours()
        self._forget()
        if ours:
            self._clipboard.clear(QClipboard.Mode.Clipboard)
            log.info("secret removed from the clipboard (%s)", reason)
            self.secret_cleared.emit(reason)
        return ours

    def end_session(self) -> bool:
        """The session ended: clear what the app put on the clipboard during it (a filled
        reply, the handle) if the clipboard still holds it. True if it cleared it."""
        copies, self._session_copies = self._session_copies, set()
        secret_cleared = self.clear_secret("session_over")
        if secret_cleared:
            return True
        held = _digest(self._clipboard.text(QClipboard.Mode.Clipboard))
        if held not in copies:
            return False
        self._clipboard.clear(QClipboard.Mode.Clipboard)
        log.info("session text removed from the clipboard")
        self.secret_cleared.emit("session_over")
        return True

    def _still_ours(self) -> bool:
        if self._secret is None:
            return False
        return _digest(self._clipboard.text(QClipboard.Mode.Clipboard)) == self._secret

    def _forget(self) -> None:
        self._secret = None
        self._timer.stop()
