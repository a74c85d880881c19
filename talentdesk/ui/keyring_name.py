"""How a keyring backend is named to the talent."""

from __future__ import annotations

_KEYRING_NAMES = (
    ("SecretService", "Secret Service"),
    ("libsecret", "Secret Service"),
    ("kwallet", "KWallet"),
    ("macOS", "macOS Keychain"),
    ("Windows", "Windows Credential Locker"),
)


def keyring_display_name(backend: str) -> str:
    """A readable keyring name followed by the backend's technical name.

    Example:
        ``keyring.backends.SecretService.Keyring`` gives
        ``Secret Service (keyring.backends.SecretService.Keyring)``.
    """
    for marker, friendly in _KEYRING_NAMES:
        if marker in backend:
            return f"{friendly} ({backend})"
    return backend
