"""Typed records through the vault: round trips, damage reports and the plaintext sentinel."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from talentdesk.domain import RECORD_TYPES, Booking, CustomerContact, record_id
from talentdesk.vault import Vault
from talentdesk.vault.records import RecordStore, kind_of
from tests.samples import every_record

PASSPHRASE = "records passphrase"
SENTINEL = "SENTINEL-Melati-93b1"


@pytest.fixture
def store(data_dir: Path) -> Iterator[RecordStore]:
    vault = Vault.create(data_dir / "vault.sqlite3", passphrase=PASSPHRASE)
    yield RecordStore(vault)
    vault.close()


def test_every_kind_is_sampled() -> None:
    assert {kind_of(type(r)) for r in every_record("x")} == set(RECORD_TYPES)


def test_round_trip_of_every_record_kind(store: RecordStore) -> None:
    records = every_record("Bintang malam")
    for record in records:
        store.save(record)
    path = store.vault.path
    store.vault.close()
    reopened = RecordStore(Vault.open(path, passphrase=PASSPHRASE))
    for record in records:
        assert reopened.load(type(record), record_id(record)) == record
        loaded = reopened.load_all(type(record))
        assert loaded.items == [record]
        assert loaded.problems == []
    assert reopened.check_all() == []
    reopened.vault.close()


def test_undecodable_payload_is_reported_by_name(store: RecordStore) -> None:
    store.save(every_record("x")[0])
    # Authentic ciphertext of a payload that is not a booking: caught at decode, by name.
    store.vault.put("booking", "BK-bad", b'{"id": 5}')
    loaded = store.load_all(Booking)
    assert [b.id for b in loaded.items] == ["BK-1"]
    assert [p.name for p in loaded.problems] == ["booking 'BK-bad'"]
    assert [p.name for p in store.check_all()] == ["booking 'BK-bad'"]


def test_sentinel_in_every_kind_appears_in_no_file(store: RecordStore, data_dir: Path) -> None:
    for record in every_record(SENTINEL):
        store.save(record)
    needles = [SENTINEL.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be")]
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert any(p.name.endswith("-wal") for p in files)  # the WAL is checked too, not skipped
    for path in files:
        data = path.read_bytes()
        for needle in needles:
            assert needle not in data, f"sentinel in plaintext in {path.name}"
    # The check can fail: the sentinel is really in the vault, only sealed.
    contact = store.load(CustomerContact, "BK-1")
    assert contact is not None and contact.alias == SENTINEL
    store.vault.close()
    conn = sqlite3.connect(data_dir / "vault.sqlite3")
    dump = "\n".join(conn.iterdump())
    conn.close()
    assert SENTINEL not in dump
