"""The OS keyring, where the master key and the epoch keys live.

The ``keyring`` library picks the platform's store (Secret Service on Linux,
Keychain, Windows Credential Locker). Where none exists it falls back to a
"fail" backend; we detect that and the vault falls back to a passphrase.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
from dataclasses import dataclass
from typing import Protocol

from talentdesk.vault.errors import KeyringUnavailable

log = logging.getLogger(__name__)

SERVICE = "TalentDesk"

# Set to "none" to behave as a machine without a keyring (tests, kiosks).
DISABLE_ENV = "TALENTDESK_KEYRING"


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


@dataclass(frozen=True)
class KeyringStatus:
    """Whether a real keyring is usable here, and which."""

    available: bool
    backend: str
    reason: str


def keyring_status() -> KeyringStatus:
    """Probe the OS keyring without storing anything."""
    if os.environ.get(DISABLE_ENV, "").lower() == "none":
        return KeyringStatus(False, "disabled", f"{DISABLE_ENV}=none")
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
        # A read proves the service answers (Secret Service may be installed but not running).
        backend.get_password(SERVICE, "probe")
    except Exception as exc:
        return KeyringStatus(False, name, f"keyring did not answer: {type(exc).__name__}: {exc}")
    return KeyringStatus(True, name, "")


class KeyringSecretStore:
    """Secrets in the OS keyring, base64 in the password field, namespaced per vault."""

    def __init__(self, namespace: str) -> None:
        status = keyring_status()
        if not status.available:
            raise KeyringUnavailable(status.reason)
        import keyring

        self._keyring = keyring.get_keyring()
        self._namespace = namespace
        self._description = status.backend

    @property
    def description(self) -> str:
        return self._description

    def _user(self, name: str) -> str:
        return f"{self._namespace}/{name}"

    def get(self, name: str) -> bytes | None:
        try:
            value = self._keyring.get_password(SERVICE, self._user(name))
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
            self._keyring.set_password(
                SERVICE, self._user(name), base64.b64encode(value).decode("ascii")
            )
        except Exception as exc:
            raise KeyringUnavailable(f"keyring write failed: {type(exc).__name__}") from exc

    def delete(self, name: str) -> None:
        from keyring.errors import PasswordDeleteError

        try:
            self._keyring.delete_password(SERVICE, self._user(name))
        except PasswordDeleteError:
            pass
        except Exception as exc:
            raise KeyringUnavailable(f"keyring delete failed: {type(exc).__name__}") from exc
