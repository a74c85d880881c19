"""The OS keyring, where the master key and the epoch keys live.

The ``keyring`` library picks the platform's store (Secret Service on Linux,
Keychain, Windows Credential Locker). Where none exists it falls back to a
"fail" backend; we detect that and the vault falls back to a passphrase.

On Linux we talk to the Secret Service ourselves (through ``secretstorage``, which
``keyring`` uses there too) over one D-Bus connection kept for the whole process:
the library's backend discovery (every installed backend imported and asked for
its priority) and its new connection and session for every call took ~0.5 s of
each start, more than the rest of unlocking together. The items are stored
exactly as the library's Secret Service backend stores them (same attributes and
label), so either reads what the other wrote. The library is still used where the
talent or the desktop chose otherwise: on other systems, with
``PYTHON_KEYRING_BACKEND`` or a keyring config file, and on KDE (where the library
prefers KWallet).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import importlib.util
import logging
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

import msgspec

from talentdesk.vault.errors import KeyringUnavailable

if TYPE_CHECKING:
    from secretstorage.collection import Collection

log = logging.getLogger(__name__)

SERVICE = "TalentDesk"

# Set to "none" to behave as a machine without a keyring (tests, kiosks).
DISABLE_ENV = "TALENTDESK_KEYRING"
#: How the direct Secret Service link names itself (the doctor shows it).
DIRECT_KEYRING_NAME = "SecretService (D-Bus, org.freedesktop.secrets)"
# What the keyring library's Secret Service backend writes; kept for interoperability.
_APPLICATION = "Python keyring library"

_T = TypeVar("_T")


class SecretStore(Protocol):
    """Where key material outside the vault file is kept."""

    @property
    def description(self) -> str:
        """A short, human name of the backend, for the doctor command."""
        ...

    def get(self, name: str) -> bytes | None:
        """The secret stored as ``name``, or None."""
        ...

    def set(self, name: str, value: bytes) -> None:
        """Store ``value`` as ``name``, replacing any earlier one."""
        ...

    def delete(self, name: str) -> None:
        """Forget ``name``; missing names are not an error."""
        ...


class KeyringStatus(msgspec.Struct, frozen=True):
    """Whether a real keyring is usable here, and which."""

    available: bool
    backend: str
    reason: str


def _direct_secret_service() -> bool:
    """Whether to use the Secret Service directly rather than the keyring library's choice."""
    if not sys.platform.startswith("linux"):
        return False
    if os.environ.get("PYTHON_KEYRING_BACKEND"):
        return False  # a backend chosen by the talent (or a test): the library's business
    config_home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    if (Path(config_home) / "python_keyring" / "keyringrc.cfg").exists():
        return False
    if "KDE" in os.environ.get("XDG_CURRENT_DESKTOP", "").split(":"):
        return False  # the library would choose KWallet there
    # Found, not imported: importing it is the link's business (on a thread, if warmed up).
    return importlib.util.find_spec("secretstorage") is not None


class _SecretServiceLink:
    """One D-Bus connection (and one Secret Service session) for the whole process.

    jeepney's blocking connection is not thread-safe, so every call holds the lock.
    A call that fails drops the connection and is tried once more on a new one (the
    keyring daemon may have restarted since the last call).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._collection: Collection | None = None
        os.register_at_fork(after_in_child=self._forget)

    def _forget(self) -> None:
        # A forked child must not share the parent's socket; it connects anew.
        self._collection = None
        self._lock = threading.Lock()

    def _open(self) -> Collection:
        collection = self._collection
        if collection is not None:
            # Checked on connecting only: each check is a D-Bus round trip, a read finds
            # a locked item itself, and a write to a locked keyring fails and is tried
            # again on a new connection, which unlocks.
            return collection
        import secretstorage

        connection = secretstorage.dbus_init()
        try:
            collection = secretstorage.get_default_collection(connection)
            if collection.is_locked():
                collection.unlock()  # the desktop may ask for the login password
                if collection.is_locked():
                    raise KeyringUnavailable("the keyring stays locked (the prompt was dismissed)")
            # One session for the connection: every item found hands it on, where each
            # would open its own (a Diffie-Hellman exchange and a round trip each time).
            from secretstorage.util import open_session

            collection.session = open_session(connection)
        except BaseException:
            connection.close()
            raise
        self._collection = collection
        return collection

    def _drop(self) -> None:
        collection, self._collection = self._collection, None
        if collection is not None:
            try:
                collection.connection.close()
            except Exception:
                log.debug("closing the Secret Service connection failed", exc_info=True)

    def call(self, operation: Callable[[Collection], _T]) -> _T:
        with self._lock:
            try:
                return operation(self._open())
            except KeyringUnavailable:
                raise
            except Exception:
                self._drop()
            return operation(self._open())

    def get(self, service: str, username: str) -> str | None:
        def read(collection: Collection) -> str | None:
            for item in collection.search_items({"username": username, "service": service}):
                if item.is_locked():
                    item.unlock()
                    if item.is_locked():
                        raise KeyringUnavailable("the keyring item stays locked")
                return item.get_secret().decode("utf-8")
            return None

        return self.call(read)

    def set(self, service: str, username: str, password: str) -> None:
        attributes = {"username": username, "service": service, "application": _APPLICATION}
        label = f"Password for '{username}' on '{service}'"
        self.call(lambda c: c.create_item(label, attributes, password.encode(), replace=True))

    def delete(self, service: str, username: str) -> None:
        def remove(collection: Collection) -> None:
            for item in collection.search_items({"username": username, "service": service}):
                item.delete()

        self.call(remove)


_LINK: _SecretServiceLink | None = None
_LINK_LOCK = threading.Lock()


def _link() -> _SecretServiceLink:
    global _LINK
    with _LINK_LOCK:
        if _LINK is None:
            _LINK = _SecretServiceLink()
        return _LINK


def warm_up_keyring() -> None:
    """Connect to the Secret Service on a background thread, ahead of the first unlock.

    Only where the direct link is used; errors are left for the real call to report.
    """
    if os.environ.get(DISABLE_ENV, "").lower() == "none" or not _direct_secret_service():
        return

    def connect() -> None:
        try:
            _link().call(lambda _collection: None)
        except Exception:
            log.debug("keyring warm-up failed; the unlock will say why", exc_info=True)

    threading.Thread(target=connect, name="talentdesk-keyring-warm-up", daemon=True).start()


def keyring_status() -> KeyringStatus:
    """Probe the OS keyring without storing anything."""
    if os.environ.get(DISABLE_ENV, "").lower() == "none":
        return KeyringStatus(False, "disabled", f"{DISABLE_ENV}=none")
    if _direct_secret_service():
        try:
            # Connecting proves the service answers (it may be installed but not running):
            # the link asks it for its default collection and opens a session. Once
            # connected, nothing more is asked here.
            _link().call(lambda _collection: None)
        except Exception as exc:
            reason = f"keyring did not answer: {type(exc).__name__}: {exc}"
            return KeyringStatus(False, DIRECT_KEYRING_NAME, reason)
        return KeyringStatus(True, DIRECT_KEYRING_NAME, "")
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception as exc:  # a broken keyring install must not stop the app
        return KeyringStatus(False, "none", f"keyring library failed: {exc}")
    # With several backends installed the library answers with a "chainer"; name the
    # keyring that really holds the keys (the chainer's first, highest-priority one).
    named = backend
    chained = getattr(backend, "backends", None)
    if chained:
        named = chained[0]
    name = f"{type(named).__module__}.{type(named).__name__}"
    if isinstance(backend, fail.Keyring) or (chained is not None and not chained):
        return KeyringStatus(False, name, "no keyring backend on this system")
    try:
        backend.get_password(SERVICE, "probe")
    except Exception as exc:
        return KeyringStatus(False, name, f"keyring did not answer: {type(exc).__name__}: {exc}")
    return KeyringStatus(True, name, "")


class _LibraryKeyring:
    """The keyring library's chosen backend, behind the same three calls as the link."""

    def __init__(self) -> None:
        import keyring

        self._keyring = keyring.get_keyring()

    def get(self, service: str, username: str) -> str | None:
        value = self._keyring.get_password(service, username)
        return None if value is None else str(value)

    def set(self, service: str, username: str, password: str) -> None:
        self._keyring.set_password(service, username, password)

    def delete(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        with contextlib.suppress(PasswordDeleteError):
            self._keyring.delete_password(service, username)


class KeyringSecretStore:
    """Secrets in the OS keyring, base64 in the password field, namespaced per vault."""

    def __init__(self, namespace: str) -> None:
        status = keyring_status()
        if not status.available:
            raise KeyringUnavailable(status.reason)
        self._keyring: _SecretServiceLink | _LibraryKeyring = (
            _link() if status.backend == DIRECT_KEYRING_NAME else _LibraryKeyring()
        )
        self._namespace = namespace
        self._description = status.backend

    @property
    def description(self) -> str:
        return self._description

    def _user(self, name: str) -> str:
        return f"{self._namespace}/{name}"

    def get(self, name: str) -> bytes | None:
        try:
            value = self._keyring.get(SERVICE, self._user(name))
        except Exception as exc:
            raise KeyringUnavailable(f"keyring read failed: {type(exc).__name__}") from exc
        if value is None:
            return None
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            log.warning("keyring entry %s is not valid base64", name)
            return None

    def set(self, name: str, value: bytes) -> None:
        try:
            self._keyring.set(SERVICE, self._user(name), base64.b64encode(value).decode("ascii"))
        except Exception as exc:
            raise KeyringUnavailable(f"keyring write failed: {type(exc).__name__}") from exc

    def delete(self, name: str) -> None:
        try:
            self._keyring.delete(SERVICE, self._user(name))
        except Exception as exc:
            raise KeyringUnavailable(f"keyring delete failed: {type(exc).__name__}") from exc
