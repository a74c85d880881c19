"""Every earlier vault schema still opens: one fixture file per schema."""

from __future__ import annotations

import shutil
from pathlib import Path

from talentdesk.domain import RECORD_TYPES, Booking, CustomerContact
from talentdesk.vault import SCHEMA_VERSION, Vault, probe
from talentdesk.vault.records import RecordStore
from tests.fixtures.make_vault_schema1 import FIXTURE, PASSPHRASE, TEXT
from tests.samples import every_record


def test_schema1_fixture_opens_and_reads_every_record(tmp_path: Path) -> None:
    copy = tmp_path / "vault.sqlite3"
    shutil.copy(FIXTURE, copy)  # opening migrates in place: never touch the fixture itself
    info = probe(copy)
    assert info is not None and info.schema_version == 1 and info.epoch == 2

    store = RecordStore(Vault.open(copy, passphrase=PASSPHRASE))
    assert store.vault.info.schema_version == SCHEMA_VERSION
    expected = every_record(TEXT)
    for cls in RECORD_TYPES.values():
        loaded = store.load_all(cls)
        assert loaded.problems == []
        want = [r for r in expected if type(r) is cls]
        if cls is Booking:
            want = [*want, every_record(TEXT, booking_id="BK-2")[0]]
        assert sorted(loaded.items, key=repr) == sorted(want, key=repr)
    assert store.load(CustomerContact, "BK-2") is None  # shredded before the fixture was kept
    assert store.check_all() == []
    store.vault.close()
