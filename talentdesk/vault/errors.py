"""Vault errors.

Each error is a distinct class so the view layer can map it to a translated
message; the English text here is for logs and the doctor command.
"""

from __future__ import annotations


class VaultError(Exception):
    """Base class of everything the vault raises on purpose."""


class VaultNotFound(VaultError):
    """There is no vault file at the given path."""


class VaultExists(VaultError):
    """A vault already exists where a new one was to be created."""


class VaultFormatError(VaultError):
    """The file is not a TalentDesk vault, or its metadata is damaged."""


class VaultTooNew(VaultError):
    """The vault was written by a newer TalentDesk whose schema this one does not know."""

    def __init__(self, found: int, supported: int) -> None:
        super().__init__(
            f"vault schema {found} is newer than this TalentDesk supports ({supported}); "
            "update TalentDesk"
        )
        self.found = found
        self.supported = supported


class KeyringUnavailable(VaultError):
    """No usable OS keyring (Secret Service, Keychain, Credential Locker) could be reached."""


class MasterKeyMissing(VaultError):
    """The keyring answers, but holds no master key for this vault (or a different one)."""


class WrongPassphrase(VaultError):
    """The passphrase does not unwrap the master key."""


class WeakPassphrase(VaultError):
    """A new passphrase is too short to protect the vault."""


class VaultLocked(VaultError):
    """The vault was closed (locked); reopen it before use."""


class RecordIntegrityError(VaultError):
    """One record failed authentication; it is named, the rest of the vault stays usable."""

    def __init__(self, kind: str, record_id: str, reason: str) -> None:
        super().__init__(f"{kind} {record_id!r}: {reason}")
        self.kind = kind
        self.record_id = record_id
        self.reason = reason


class CustomerDataShredded(VaultError):
    """Customer data for a booking whose customer data was already destroyed.

    Once shredded, a booking's customer data never comes back: an old or replayed feed
    event must not re-create it (the vault remembers the shredded bookings).
    """

    def __init__(self, booking_id: str) -> None:
        super().__init__(f"the customer data of booking {booking_id} was shredded")
        self.booking_id = booking_id
