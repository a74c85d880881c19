"""One TalentDesk per data folder.

A second launch with the same data folder must not open the vault a second
time: it asks the running one to come forward and exits. Who runs is decided
by a lock file in the data folder (``QLockFile``: it notices a lock left by a
crashed process), and the request travels over a local socket
(``QLocalServer``) whose name is derived from a hash of the folder's path.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from talentdesk.vault.paths import ensure_private_dir

log = logging.getLogger(__name__)

LOCK_FILE = "instance.lock"
RAISE_MESSAGE = b"raise\n"
REQUEST_TIMEOUT_MS = 500


def instance_key(data_dir: Path) -> str:
    """The local socket name for ``data_dir``: the same folder always gives the same name."""
    resolved = os.fsencode(data_dir.expanduser().resolve())
    uid = str(os.getuid()).encode() if hasattr(os, "getuid") else b""
    digest = hashlib.sha256(uid + b"\0" + resolved).hexdigest()[:24]
    return f"talentdesk-{digest}"


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
        self._server: QLocalServer | None = None

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
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def _listen(self) -> None:
        # We hold the lock, so any socket under this name is a crashed run's leftover.
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
            socket = server.nextPendingConnection()
            # The caller writes its one line right after connecting, then hangs up.
            if socket.bytesAvailable() or socket.waitForReadyRead(REQUEST_TIMEOUT_MS):
                data = bytes(socket.readAll().data())
                if RAISE_MESSAGE.strip() in data:
                    log.info("another launch asked this window to come forward")
                    self.raise_requested.emit()
            socket.disconnectFromServer()
            socket.deleteLater()

    def _ask_running_instance(self, timeout_ms: int) -> None:
        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            socket = QLocalSocket()
            socket.connectToServer(self._name)
            if socket.waitForConnected(max(1, min(500, timeout_ms))):
                socket.write(RAISE_MESSAGE)
                socket.flush()
                socket.waitForBytesWritten(1000)
                socket.disconnectFromServer()
                return
            socket.abort()
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
