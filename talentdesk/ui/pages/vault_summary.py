"""What the window shows about the open vault (its own module: the main window needs it
before the Settings page is built)."""

from __future__ import annotations

from dataclasses import dataclass

from talentdesk.vault import Protection, Vault


@dataclass(frozen=True)
class VaultSummary:
    """What the window shows about the open vault; holds no key and no content."""

    protection: Protection
    keyring: str | None
    schema_version: int

    @classmethod
    def of(cls, vault: Vault) -> VaultSummary:
        """Summarise an open vault."""
        return cls(vault.protection, vault.keyring_description, vault.info.schema_version)
