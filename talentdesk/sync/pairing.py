"""Who the app is paired as, and with which agency (the device token is kept apart).

Kept apart from the sync service so the first window can read it without importing the
client and its HTTP library.
"""

from __future__ import annotations

from datetime import datetime

import msgspec

from talentdesk.vault import Vault

__all__ = ["PAIRING_ID", "PairingInfo", "load_pairing"]

PAIRING_ID = "pairing"


class PairingInfo(msgspec.Struct, frozen=True, kw_only=True):
    """Who the app is paired as, and with which agency (the token is kept apart)."""

    agency_url: str
    talent_id: str
    talent_name: str
    agency_name: str
    paired_at: datetime


def load_pairing(vault: Vault) -> PairingInfo | None:
    payload = vault.get("sync", PAIRING_ID)
    return None if payload is None else msgspec.json.decode(payload, type=PairingInfo)
