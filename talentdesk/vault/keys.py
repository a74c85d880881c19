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
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import msgspec

from talentdesk.vault.errors import KeyringUnavailable

if TYPE_CHECKING:
    from jeepney import DBusAddress
    from jeepney.io.blocking import DBusConnection

log = logging.getLogger(__name__)

SERVICE = "TalentDesk"

# Set to "none" to behave as a machine without a keyring (tests, kiosks).
DISABLE_ENV = "TALENTDESK_KEYRING"
#: How the direct Secret Service link names itself (the doctor shows it).
DIRECT_KEYRING_NAME = "SecretService (D-Bus, org.freedesktop.secrets)"
# What the keyring library's Secret Service backend writes; kept for interoperability.
_APPLICATION = "Python keyring library"

_T = TypeVar("_T")

_BUS_NAME = "org.freedesktop.secrets"
_ALGORITHM_DH = "dh-ietf1024-sha256-aes128-cbc-pkcs7"
#: The Second Oakley group (RFC 2409, 6.2), generator 2: what the algorithm above names.
_DH_PRIME_1024 = int(
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A"
    "08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9"
    "A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF",
    16,
)
#: As long as D-Bus itself waits for an answer by default.
_CALL_TIMEOUT_S = 25.0
#: How long the keyring's own prompt (its password) may stay open.
_PROMPT_TIMEOUT_S = 300.0


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


class _SecretSession:
    """A connection to the Secret Service and the one session every item is read through.

    Secrets travel encrypted (``dh-ietf1024-sha256-aes128-cbc-pkcs7``, as libsecret and
    ``secretstorage`` do) unless the service offers only ``plain``. The exchange uses a
    256-bit private exponent: twice the 1024-bit group's ~80-bit strength and more,
    and a quarter of the cost of ``secretstorage``'s 1024-bit one (RFC 7919, 5.2).

    Only the default collection is searched, written and deleted from, as the keyring
    library does: another keyring's items are not the desk's, and a locked one must not
    ask for its password.
    """

    def __init__(self, connection: DBusConnection) -> None:
        from jeepney import DBusAddress

        self.connection = connection
        self.path = ""
        self.collection_path = ""
        self._aes_key: bytes | None = None
        self.service = DBusAddress(
            "/org/freedesktop/secrets", _BUS_NAME, "org.freedesktop.Secret.Service"
        )

    @property
    def encrypted(self) -> bool:
        """Whether secrets are sent encrypted (False only where the service offers no DH)."""
        return self._aes_key is not None

    @property
    def collection(self) -> DBusAddress:
        """The default collection (by its own path, which its items' paths start with)."""
        from jeepney import DBusAddress

        return DBusAddress(self.collection_path, _BUS_NAME, "org.freedesktop.Secret.Collection")

    def item(self, path: str) -> DBusAddress:
        from jeepney import DBusAddress

        return DBusAddress(path, _BUS_NAME, "org.freedesktop.Secret.Item")

    def send(self, message: Any) -> Any:
        """Send ``message`` and wait for its answer's body (an error answer raises).

        A service that does not answer within :data:`_CALL_TIMEOUT_S` is unavailable: not
        asked again on a new connection, which would only double the wait.
        """
        from jeepney.wrappers import unwrap_msg

        try:
            reply = self.connection.send_and_get_reply(message, timeout=_CALL_TIMEOUT_S)
        except TimeoutError as exc:
            raise KeyringUnavailable("the keyring did not answer") from exc
        return unwrap_msg(reply)

    def ask(self, address: DBusAddress, method: str, signature: str = "", *body: Any) -> Any:
        """Call ``method`` and wait for its answer."""
        from jeepney import new_method_call

        return self.send(new_method_call(address, method, signature or None, body))

    def find_default_collection(self) -> None:
        """Where the default collection is, made (the keyring asks) where there is none."""
        (path,) = self.ask(self.service, "ReadAlias", "s", "default")
        if path == "/":
            # A fresh account: secretstorage makes it, with the keyring's own prompt.
            import secretstorage
            from secretstorage.exceptions import PromptDismissedException

            with self._prompts_heard(None):
                try:
                    secretstorage.get_default_collection(self.connection)
                except PromptDismissedException as exc:
                    raise KeyringUnavailable("the keyring's prompt was dismissed") from exc
            (path,) = self.ask(self.service, "ReadAlias", "s", "default")
            if path == "/":
                raise KeyringUnavailable("the keyring has no default collection")
        self.collection_path = path

    def is_locked(self) -> bool:
        from jeepney import Properties

        ((_signature, locked),) = self.send(Properties(self.collection).get("Locked"))
        return bool(locked)

    def open(self) -> None:
        """Open the session: a Diffie-Hellman exchange, or plain where that is all there is."""
        from jeepney.wrappers import DBusErrorResponse

        private = int.from_bytes(os.urandom(32), "big")
        public = pow(2, private, _DH_PRIME_1024).to_bytes(128, "big")
        try:
            (signature, value), self.path = self.ask(
                self.service, "OpenSession", "sv", _ALGORITHM_DH, ("ay", public)
            )
        except DBusErrorResponse as refused:
            if refused.name != "org.freedesktop.DBus.Error.NotSupported":
                raise
            log.debug("the Secret Service offers no encrypted session; secrets travel plain")
            _output, self.path = self.ask(self.service, "OpenSession", "sv", "plain", ("s", ""))
            return
        if signature != "ay":
            raise ValueError(f"the Secret Service answered the key exchange with {signature!r}")
        server = int.from_bytes(bytes(value), "big")
        if not 1 < server < _DH_PRIME_1024 - 1:  # 0, 1 and p-1 would give a known key
            raise ValueError("the Secret Service sent an unusable public key")
        shared = pow(server, private, _DH_PRIME_1024).to_bytes(128, "big")
        from cryptography.hazmat.primitives.hashes import SHA256
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        # HKDF-SHA256 with a null salt and no info, as the algorithm's name says.
        self._aes_key = HKDF(SHA256(), length=16, salt=None, info=b"").derive(shared)

    def decrypt(self, parameters: bytes, value: bytes) -> bytes:
        if self._aes_key is None:
            return value
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
        from cryptography.hazmat.primitives.padding import PKCS7

        decryptor = Cipher(algorithms.AES(self._aes_key), modes.CBC(parameters)).decryptor()
        unpadder = PKCS7(128).unpadder()
        try:
            padded = decryptor.update(value) + decryptor.finalize()
            return unpadder.update(padded) + unpadder.finalize()
        except ValueError:
            raise ValueError("the Secret Service sent a secret with bad padding") from None

    def encrypt(self, value: bytes) -> tuple[bytes, bytes]:
        """The (parameters, value) pair of a secret to send."""
        if self._aes_key is None:
            return b"", value
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
        from cryptography.hazmat.primitives.padding import PKCS7

        padder = PKCS7(128).padder()
        padded = padder.update(value) + padder.finalize()
        iv = os.urandom(16)
        encryptor = Cipher(algorithms.AES(self._aes_key), modes.CBC(iv)).encryptor()
        return iv, encryptor.update(padded) + encryptor.finalize()

    @contextlib.contextmanager
    def _prompts_heard(self, path: str | None) -> Iterator[None]:
        """Ask the bus for the prompt's ``Completed`` signal while inside.

        gnome-keyring sends it to the caller alone; others (KeePassXC) send it to
        everyone, and the bus passes such a signal only to a connection that asked.
        """
        from jeepney import MatchRule
        from jeepney.bus_messages import message_bus

        rule = MatchRule(
            type="signal",
            sender=_BUS_NAME,
            interface="org.freedesktop.Secret.Prompt",
            member="Completed",
            path=path,
        )
        self.send(message_bus.AddMatch(rule))
        try:
            yield
        finally:
            with contextlib.suppress(Exception):  # the connection may be gone; it goes too
                self.send(message_bus.RemoveMatch(rule))

    def prompt(self, path: str) -> None:
        """Show the keyring's own prompt (its password, a confirmation), if it has one."""
        if path in ("", "/"):
            return
        from secretstorage.util import exec_prompt

        with self._prompts_heard(path):
            try:
                dismissed, _result = exec_prompt(self.connection, path, timeout=_PROMPT_TIMEOUT_S)
            except TimeoutError as exc:
                raise KeyringUnavailable("the keyring's prompt was not answered") from exc
        if dismissed:
            raise KeyringUnavailable("the keyring's prompt was dismissed")

    def search(self, attributes: dict[str, str]) -> tuple[list[str], list[str]]:
        """The default collection's items with ``attributes``: (unlocked, locked)."""
        unlocked, locked = self.ask(self.service, "SearchItems", "a{ss}", attributes)
        inside = self.collection_path + "/"
        return (
            [path for path in unlocked if path.startswith(inside)],
            [path for path in locked if path.startswith(inside)],
        )

    def unlock(self, paths: list[str]) -> None:
        _unlocked, prompt = self.ask(self.service, "Unlock", "ao", paths)
        self.prompt(prompt)


class _SecretServiceLink:
    """One D-Bus connection (and one Secret Service session) for the whole process.

    Spoken over jeepney, which ``secretstorage`` is built on, with the calls the desk
    needs and no more: opening a vault takes 9 D-Bus round trips and ~6 ms of CPU,
    against 16 and ~19 ms through ``secretstorage``'s objects (which check each item's
    lock with a property read, import an OpenSSL backend for AES, and exchange keys with
    a 1024-bit exponent). ``secretstorage`` still shows the keyring's prompts, which are
    rare (a locked keyring, a missing default collection).

    jeepney's blocking connection is not thread-safe, so every call holds the lock.
    A call that fails drops the connection and is tried once more on a new one (the
    keyring daemon may have restarted since the last call); a keyring that says no (a
    dismissed prompt) or does not answer is not asked again.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._session: _SecretSession | None = None
        os.register_at_fork(after_in_child=self._forget)

    def _forget(self) -> None:
        # A forked child must not share the parent's socket; it connects anew.
        self._session = None
        self._lock = threading.Lock()

    def _open(self) -> _SecretSession:
        session = self._session
        if session is not None:
            # Checked on connecting only: each check is a D-Bus round trip, a read finds
            # a locked item itself, and a write to a locked keyring fails and is tried
            # again on a new connection, which unlocks.
            return session
        from jeepney.io.blocking import open_dbus_connection

        connection = open_dbus_connection(bus="SESSION")
        try:
            session = _SecretSession(connection)
            session.find_default_collection()
            if session.is_locked():
                session.unlock([session.collection_path])  # the desktop may ask
                if session.is_locked():
                    raise KeyringUnavailable("the keyring stays locked (the prompt was dismissed)")
            # One session for the connection: every item is read through it, where each
            # would open its own (a Diffie-Hellman exchange and a round trip each time).
            session.open()
        except BaseException:
            connection.close()
            raise
        self._session = session
        return session

    def _drop(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            try:
                session.connection.close()
            except Exception:
                log.debug("closing the Secret Service connection failed", exc_info=True)

    def call(self, operation: Callable[[_SecretSession], _T]) -> _T:
        with self._lock:
            try:
                return operation(self._open())
            except KeyringUnavailable:
                raise
            except Exception:
                log.debug("a Secret Service call failed; trying a new connection", exc_info=True)
                self._drop()
            return operation(self._open())

    def get(self, service: str, username: str) -> str | None:
        def read(session: _SecretSession) -> str | None:
            unlocked, locked = session.search({"username": username, "service": service})
            if not unlocked and locked:
                session.unlock(locked[:1])  # the keyring may ask for its password
                unlocked = locked[:1]
            for path in unlocked[:1]:
                ((_session, parameters, value, _type),) = session.ask(
                    session.item(path), "GetSecret", "o", session.path
                )
                secret = session.decrypt(bytes(parameters), bytes(value))
                try:
                    return secret.decode("utf-8")
                except UnicodeDecodeError:
                    # Raised without the error, which would carry the whole secret.
                    raise ValueError("the keyring entry is not text") from None
            return None

        return self.call(read)

    def set(self, service: str, username: str, password: str) -> None:
        attributes = {"username": username, "service": service, "application": _APPLICATION}
        label = f"Password for '{username}' on '{service}'"

        def write(session: _SecretSession) -> None:
            parameters, value = session.encrypt(password.encode("utf-8"))
            properties = {
                "org.freedesktop.Secret.Item.Label": ("s", label),
                "org.freedesktop.Secret.Item.Attributes": ("a{ss}", attributes),
            }
            secret = (session.path, parameters, value, "text/plain")
            _item_path, prompt = session.ask(
                session.collection, "CreateItem", "a{sv}(oayays)b", properties, secret, True
            )
            session.prompt(prompt)

        self.call(write)

    def delete(self, service: str, username: str) -> None:
        def remove(session: _SecretSession) -> None:
            unlocked, locked = session.search({"username": username, "service": service})
            if locked:
                session.unlock(locked)
            for path in [*unlocked, *locked]:
                (prompt,) = session.ask(session.item(path), "Delete")
                session.prompt(prompt)

        self.call(remove)


_LINK: _SecretServiceLink | None = None
_LINK_LOCK = threading.Lock()


def _new_link_lock() -> None:
    # A fork while another thread held it would leave the child's copy held for good.
    global _LINK_LOCK
    _LINK_LOCK = threading.Lock()


os.register_at_fork(after_in_child=_new_link_lock)


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
