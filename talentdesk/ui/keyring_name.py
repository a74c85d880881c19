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
    """The keyring's name in the talent's words; its technical name where none is known.

    The backend's technical name goes in a tooltip and ``talentdesk doctor``, not in the
    sentence the talent reads.

    Example:
        ``keyring.backends.SecretService.Keyring`` and ``SecretService (D-Bus,
        org.freedesktop.secrets)`` both give ``Secret Service``.
    """
    for marker, friendly in _KEYRING_NAMES:
        if marker in backend:
            return friendly
    return backend
