"""One TalentDesk per data folder.

A second launch with the same data folder must not open the vault a second
time: it asks the running one to come forward and exits. Who runs is decided
by a lock file in the data folder (``QLockFile``: it notices a lock left by a
crashed process), and the request travels over a local socket whose name is
derived from a hash of the folder's path.

On POSIX that socket is a plain Unix-domain socket (the standard library's, watched by
a ``QSocketNotifier``) in the private data folder; on Windows it is Qt's
``QLocalServer`` (a named pipe), imported only there: QtNetwork costs 2.7 MiB and ~5 ms
at each start for one line of text (docs/architecture.md, "Start-up and memory").
"""

from __future__ import annotations

import logging
import os
import socket
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, QSocketNotifier, Signal

from talentdesk.vault.crypto import sha256
from talentdesk.vault.paths import ensure_private_dir

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

log = logging.getLogger(__name__)

#: Unix-domain socket paths are limited to 104 bytes on macOS (108 on Linux).
_MAX_SOCKET_PATH = 100
_POSIX = sys.platform != "win32"

LOCK_FILE = "instance.lock"
SOCKET_FILE = "instance.sock"  # POSIX; a crashed run may leave it
RAISE_MESSAGE = b"raise\n"
REQUEST_TIMEOUT_MS = 500


def instance_key(data_dir: Path) -> str:
    """The local socket name for ``data_dir``: the same folder always gives the same name."""
    resolved = os.fsencode(data_dir.expanduser().resolve())
    uid = str(os.getuid()).encode() if hasattr(os, "getuid") else b""
    digest = sha256(uid + b"\0" + resolved).hex()[:24]
    return f"talentdesk-{digest}"


def socket_path(data_dir: Path) -> Path:
    """Where the POSIX socket for ``data_dir`` lives: in the (private) data folder, or,
    when that path is too long for a socket address, in the user's runtime folder under
    :func:`instance_key`'s name."""
    inside = data_dir.expanduser().resolve() / SOCKET_FILE
    if len(os.fsencode(inside)) <= _MAX_SOCKET_PATH:
        return inside
    folder = os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
    return Path(folder) / f"{instance_key(data_dir)}.sock"


class SingleInstance(QObject):
    """Claims a data folder for this process, or hands over to the process that has it.

    Args:
        data_dir: the data folder (created 0700 if missing, to hold the lock file).

    Signals:
        raise_requested(): another launch with the same data folder asked
            this one to bring its window forward.
    """

    raise_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._name = instance_key(data_dir)
        self._lock: QLockFile | None = None
        self._server: QLocalServer | None = None  # Windows
        self._listener: socket.socket | None = None  # POSIX
        self._notifier: QSocketNotifier | None = None

    @property
    def name(self) -> str:
        """The local socket name."""
        return self._name

    @property
    def is_primary(self) -> bool:
        """True once :meth:`claim` made this process the one instance."""
        return self._lock is not None

    def claim(self, *, timeout_ms: int = 3000) -> bool:
        """Become the one instance, or ask the running one to come forward.

        Returns:
            True: this process holds the data folder and listens for later
            launches. False: another process holds it and was asked to raise
            its window (or could not be reached in ``timeout_ms``); do not
            open the vault.
        """
        ensure_private_dir(self._data_dir)
        lock = QLockFile(str(self._data_dir / LOCK_FILE))
        lock.setStaleLockTime(0)  # held for the whole run: never stale by age, only if dead
        if lock.tryLock(0):
            self._lock = lock
            self._listen()
            return True
        self._ask_running_instance(timeout_ms)
        return False

    def release(self) -> None:
        """Stop listening and free the data folder."""
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._listener is not None:
            self._listener.close()
            self._listener = None
            socket_path(self._data_dir).unlink(missing_ok=True)
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def _listen(self) -> None:
        if _POSIX:
            self._listen_posix()
        else:
            self._listen_windows()

    def _listen_posix(self) -> None:
        path = socket_path(self._data_dir)
        # We hold the lock, so any socket there is a crashed run's leftover.
        path.unlink(missing_ok=True)
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            listener.bind(os.fsencode(path))
            os.chmod(path, 0o600)  # the data folder is 0700 already; the fallback is not
            listener.listen(4)
        except OSError as exc:
            listener.close()
            log.warning("single-instance socket unavailable: %s", exc)
            return
        listener.setblocking(False)
        self._listener = listener
        notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        notifier.activated.connect(self._on_posix_connection)
        self._notifier = notifier

    def _on_posix_connection(self) -> None:
        listener = self._listener
        if listener is None:
            return
        while True:
            try:
                connection, _ = listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                log.warning("single-instance socket: %s", exc)
                return
            with connection:
                # The caller writes its one line right after connecting, then hangs up.
                connection.settimeout(REQUEST_TIMEOUT_MS / 1000)
                try:
                    data = connection.recv(64)
                except OSError:
                    data = b""
            if RAISE_MESSAGE.strip() in data:
                log.info("another launch asked this window to come forward")
                self.raise_requested.emit()

    def _listen_windows(self) -> None:
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(self._name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._on_new_connection)
        if not server.listen(self._name):
            log.warning("single-instance socket unavailable: %s", server.errorString())
            return
        self._server = server

    def _on_new_connection(self) -> None:
        server = self._server
        if server is None:
            return
        while server.hasPendingConnections():
            connection = server.nextPendingConnection()
            # The caller writes its one line right after connecting, then hangs up.
            if connection.bytesAvailable() or connection.waitForReadyRead(REQUEST_TIMEOUT_MS):
                data = bytes(connection.readAll().data())
                if RAISE_MESSAGE.strip() in data:
                    log.info("another launch asked this window to come forward")
                    self.raise_requested.emit()
            connection.disconnectFromServer()
            connection.deleteLater()

    def _ask_running_instance(self, timeout_ms: int) -> None:
        if _POSIX:
            self._ask_posix(timeout_ms)
        else:
            self._ask_windows(timeout_ms)

    def _ask_posix(self, timeout_ms: int) -> None:
        path = os.fsencode(socket_path(self._data_dir))
        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
                client.settimeout(max(0.001, min(0.5, timeout_ms / 1000)))
                try:
                    client.connect(path)
                    client.sendall(RAISE_MESSAGE)
                    return
                except OSError:
                    pass
            if time.monotonic() >= deadline:
                log.warning("TalentDesk runs for this data folder but did not answer")
                return
            time.sleep(0.05)  # the running instance may still be starting its server

    def _ask_windows(self, timeout_ms: int) -> None:
        from PySide6.QtNetwork import QLocalSocket

        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            client = QLocalSocket()
            client.connectToServer(self._name)
            if client.waitForConnected(max(1, min(500, timeout_ms))):
                client.write(RAISE_MESSAGE)
                client.flush()
                client.waitForBytesWritten(1000)
                client.disconnectFromServer()
                return
            client.abort()
            if time.monotonic() >= deadline:
                log.warning("TalentDesk runs for this data folder but did not answer")
                return
            time.sleep(0.05)  # the running instance may still be starting its server


def data_dir_in_use(data_dir: Path) -> bool:
    """Whether a running TalentDesk holds ``data_dir`` (for ``talentdesk reset``)."""
    if not data_dir.exists():
        return False
    lock = QLockFile(str(data_dir / LOCK_FILE))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        lock.unlock()
        return False
    return True
