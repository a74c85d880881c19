"""Open a vault of 10,000 records (keyring mode) and decrypt every one of them.

Target: at most 300 ms on the 2-core machine. Also prints passphrase unlock time
with the Argon2id parameters the vault uses (64 MiB, 3 passes, 4 lanes).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import msgspec

from bench._support import ensure_keyring, report
from talentdesk.domain import RECORD_TYPES, Booking, CustomerContact
from talentdesk.vault import Vault, forget_keys
from talentdesk.vault.records import RecordStore
from tests.samples import every_record

RECORDS = 10_000


def build(path: Path, passphrase: str | None) -> Vault:
    """A vault of RECORDS records: every kind, customer contacts under their own keys."""
    vault = Vault.create(path, passphrase=passphrase)
    store = RecordStore(vault)
    written, booking = 0, 0
    with vault.transaction():
        while written < RECORDS:
            for record in every_record(f"Tamu {booking}", booking_id=f"BK-{booking:05d}"):
                if written == RECORDS:
                    break
                if not isinstance(record, Booking | CustomerContact):
                    record = msgspec.structs.replace(record, id=f"{record.id}-{booking}")
                store.save(record)
                written += 1
            booking += 1
    return vault


def open_and_decrypt(path: Path, passphrase: str | None) -> int:
    vault = Vault.open(path, passphrase=passphrase)
    store = RecordStore(vault)
    total = 0
    for cls in RECORD_TYPES.values():
        loaded = store.load_all(cls)
        assert not loaded.problems
        total += len(loaded.items)
    vault.close()
    return total


def main() -> None:
    ensure_keyring()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "vault.sqlite3"
        vault = build(path, None)
        count = sum(vault.counts().values())
        info = vault.info
        vault.close()
        print(f"vault of {count} records, {path.stat().st_size / 1e6:.1f} MB", flush=True)
        timings = []
        for _ in range(7):
            start = time.perf_counter()
            decrypted = open_and_decrypt(path, None)
            timings.append((time.perf_counter() - start) * 1000)
        assert decrypted == count
        report(f"open + decrypt all {count} (keyring)", timings, target_ms=300)
        forget_keys(info)

        ppath = Path(tmp) / "pass.sqlite3"
        Vault.create(ppath, passphrase="benchmark passphrase").close()
        unlocks = []
        for _ in range(5):
            start = time.perf_counter()
            Vault.open(ppath, passphrase="benchmark passphrase").close()
            unlocks.append((time.perf_counter() - start) * 1000)
        report("passphrase unlock (Argon2id 64 MiB, 3 passes, 4 lanes)", unlocks)


if __name__ == "__main__":
    main()
