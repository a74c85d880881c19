"""What the window shows about the open vault (its own module: the main window needs it
before the Settings page is built)."""

from __future__ import annotations

import msgspec

from talentdesk.vault import Protection, Vault


class VaultSummary(msgspec.Struct, frozen=True):
    """What the window shows about the open vault; holds no key and no content.

    Attributes:
        kept_key: A passphrase vault opened with a key kept beside it, unprotected (the
            demo's): the window says so plainly.
    """

    protection: Protection
    keyring: str | None
    schema_version: int
    kept_key: bool = False

    @classmethod
    def of(cls, vault: Vault, *, kept_key: bool = False) -> VaultSummary:
        """Summarise an open vault (``kept_key``: opened with a key kept beside it)."""
        return cls(
            vault.protection,
            vault.keyring_description,
            vault.info.schema_version,
            kept_key and vault.protection is Protection.PASSPHRASE,
        )
