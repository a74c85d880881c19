"""The vault's primitives that other layers use directly."""

from __future__ import annotations

import hashlib

from talentdesk.vault import crypto


def test_sha256_is_sha256() -> None:
    # FIPS 180-2's first example, and the same digest hashlib gives: the single-instance
    # socket's name (a digest) stays what an older TalentDesk already listens on.
    assert crypto.sha256(b"abc").hex() == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )
    data = "Mawar · @sentinel-handle".encode()
    assert crypto.sha256(data) == hashlib.sha256(data).digest()
