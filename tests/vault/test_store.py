"""The vault's file, keys and integrity, on real SQLite files."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from talentdesk.vault import (
    SCHEMA_VERSION,
    CustomerDataShredded,
    KeyringUnavailable,
    Protection,
    Vault,
    VaultExists,
    VaultFormatError,
    VaultLocked,
    VaultNotFound,
    VaultTooNew,
    WeakPassphrase,
    WrongPassphrase,
    crypto,
    probe,
    store,
)
from talentdesk.vault.store import migrate

PASSPHRASE = "kopi susu malam"


@pytest.fixture
def vault_path(data_dir: Path) -> Path:
    return data_dir / "vault.sqlite3"


@pytest.fixture
def vault(vault_path: Path) -> Iterator[Vault]:
    v = Vault.create(vault_path, passphrase=PASSPHRASE)
    yield v
    v.close()


def test_create_open_round_trip(vault_path: Path) -> None:
    v = Vault.create(vault_path, passphrase=PASSPHRASE)
    v.put("booking", "BK-1", b"payload one")
    v.put_customer("BK-1", "customer_contact", "BK-1", b"alias and handle")
    v.close()
    with pytest.raises(VaultLocked):
        v.get("booking", "BK-1")

    info = probe(vault_path)
    assert info is not None
    assert info.protection is Protection.PASSPHRASE
    assert info.schema_version == SCHEMA_VERSION

    reopened = Vault.open(vault_path, passphrase=PASSPHRASE)
    assert reopened.get("booking", "BK-1") == b"payload one"
    assert reopened.get("customer_contact", "BK-1") == b"alias and handle"
    assert reopened.counts() == {"booking": 1, "customer_contact": 1}
    assert reopened.integrity_check() == []
    reopened.close()


def test_wrong_or_missing_passphrase_refused(vault: Vault, vault_path: Path) -> None:
    vault.close()
    with pytest.raises(WrongPassphrase, match="wrong"):
        Vault.open(vault_path, passphrase="not the passphrase")
    with pytest.raises(WrongPassphrase, match="needs its passphrase"):
        Vault.open(vault_path)


def test_weak_passphrase_and_existing_vault_refused(vault: Vault, vault_path: Path) -> None:
    with pytest.raises(WeakPassphrase):
        Vault.create(vault_path.parent / "other.sqlite3", passphrase="short")
    with pytest.raises(VaultExists):
        Vault.create(vault_path, passphrase=PASSPHRASE)


def test_missing_and_foreign_files(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound):
        Vault.open(tmp_path / "nothing.sqlite3", passphrase=PASSPHRASE)
    foreign = tmp_path / "foreign.sqlite3"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(VaultFormatError):
        Vault.open(foreign, passphrase=PASSPHRASE)
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is no database at all" * 100)
    with pytest.raises(VaultFormatError):
        Vault.open(garbage, passphrase=PASSPHRASE)


def test_files_0600_and_folder_0700(vault: Vault, vault_path: Path) -> None:
    vault.put("booking", "BK-1", b"x")
    assert stat.S_IMODE(vault_path.parent.stat().st_mode) == 0o700
    files = [p for p in vault_path.parent.iterdir() if p.is_file()]
    assert {p.name for p in files} >= {"vault.sqlite3", "vault.sqlite3-wal"}
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_argon2id_parameters_stored_with_the_vault(vault: Vault, vault_path: Path) -> None:
    meta = dict(sqlite3.connect(vault_path).execute("SELECT name, value FROM meta").fetchall())
    import json

    kdf = json.loads(meta["kdf"])
    assert kdf["alg"] == "argon2id"
    assert kdf["memory_kib"] >= 64 * 1024
    assert kdf["iterations"] >= 3
    assert kdf["lanes"] >= 4


def test_kdf_below_floor_refused() -> None:
    weak = crypto.KdfParams(salt=b"s" * 16, memory_kib=1024)
    with pytest.raises(ValueError, match="memory"):
        crypto.derive_kek("whatever passphrase", weak)


def _flip(path: Path, table: str, column: str, where: str, args: tuple[str, ...], bit: int) -> None:
    conn = sqlite3.connect(path)
    (blob,) = conn.execute(f"SELECT {column} FROM {table} WHERE {where}", args).fetchone()
    data = bytearray(blob)
    data[(bit // 8) % len(data)] ^= 1 << (bit % 8)
    conn.execute(f"UPDATE {table} SET {column}=? WHERE {where}", (bytes(data), *args))
    conn.commit()
    conn.close()


KINDS = ["booking", "boundary_preset", "decline_reply", "session_record", "incident"]


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(victim=st.sampled_from([*KINDS, "customer_contact"]), bit=st.integers(0, 8 * 60))
def test_flipped_bit_names_the_record_and_spares_the_rest(
    tmp_path_factory: pytest.TempPathFactory, victim: str, bit: int
) -> None:
    path = tmp_path_factory.mktemp("flip") / "vault.sqlite3"
    v = Vault.create(path, passphrase=PASSPHRASE)
    for kind in KINDS:
        v.put(kind, "R1", f"{kind} one".encode())
        v.put(kind, "R2", f"{kind} two".encode())
    v.put_customer("R1", "customer_contact", "R1", b"contact one")
    v.put_customer("R2", "customer_contact", "R2", b"contact two")
    v.close()

    _flip(path, "records", "sealed", "kind=? AND id=?", (victim, "R1"), bit)

    v = Vault.open(path, passphrase=PASSPHRASE)
    problems = v.integrity_check()
    assert [(p.kind, p.record_id) for p in problems] == [(victim, "R1")]
    assert problems[0].name == f"{victim} 'R1'"
    listing = v.read_all(victim)
    assert [(p.kind, p.record_id) for p in listing.problems] == [(victim, "R1")]
    assert listing.rows == {
        "R2": f"{victim} two".encode() if victim != "customer_contact" else b"contact two"
    }
    for kind in KINDS:
        if kind != victim:
            assert v.get(kind, "R1") == f"{kind} one".encode()
    v.close()


def test_swapped_rows_fail_by_name(vault: Vault, vault_path: Path) -> None:
    vault.put("booking", "A", b"booking A")
    vault.put("booking", "B", b"booking B")
    vault.put("incident", "A", b"incident A")
    vault.close()
    conn = sqlite3.connect(vault_path)
    a = conn.execute("SELECT sealed FROM records WHERE kind='booking' AND id='A'").fetchone()[0]
    b = conn.execute("SELECT sealed FROM records WHERE kind='booking' AND id='B'").fetchone()[0]
    conn.execute("UPDATE records SET sealed=? WHERE kind='booking' AND id='A'", (b,))
    conn.execute("UPDATE records SET sealed=? WHERE kind='incident' AND id='A'", (a,))
    conn.execute("UPDATE records SET schema=99 WHERE kind='booking' AND id='B'")
    conn.commit()
    conn.close()
    v = Vault.open(vault_path, passphrase=PASSPHRASE)
    names = sorted(p.name for p in v.integrity_check())
    assert names == ["booking 'A'", "booking 'B'", "incident 'A'"]
    v.close()


def test_tampered_booking_key_reports_its_customer_record(vault: Vault, vault_path: Path) -> None:
    vault.put_customer("BK-7", "customer_contact", "BK-7", b"contact")
    vault.put_customer("BK-8", "customer_contact", "BK-8", b"other contact")
    vault.close()
    _flip(vault_path, "booking_keys", "wrapped", "booking_id=?", ("BK-7",), 100)
    v = Vault.open(vault_path, passphrase=PASSPHRASE)
    names = sorted(p.name for p in v.integrity_check())
    assert names == ["booking key 'BK-7'", "customer_contact 'BK-7'"]
    assert v.get("customer_contact", "BK-8") == b"other contact"
    v.close()


def test_transaction_is_all_or_nothing(vault: Vault) -> None:
    vault.put("booking", "kept", b"kept")
    with pytest.raises(RuntimeError), vault.transaction():
        vault.put("booking", "lost-1", b"x")
        vault.put_customer("lost-1", "customer_contact", "lost-1", b"y")
        raise RuntimeError("boom")
    assert vault.ids("booking") == ["kept"]
    assert vault.customer_bookings() == []
    assert vault.integrity_check() == []


def test_shred_destroys_one_booking_and_rotates_epoch(vault: Vault) -> None:
    for booking in ("BK-1", "BK-2", "BK-3"):
        vault.put_customer(booking, "customer_contact", booking, booking.encode())
    assert vault.epoch == 1
    assert vault.shred_booking("BK-2") == 1
    assert vault.epoch == 2
    assert vault.get("customer_contact", "BK-2") is None
    assert sorted(vault.customer_bookings()) == ["BK-1", "BK-3"]
    assert vault.get("customer_contact", "BK-1") == b"BK-1"
    assert vault.integrity_check() == []
    # Survives a reopen: the re-wrapped keys open under the new epoch key.
    path = vault.path
    vault.close()
    v = Vault.open(path, passphrase=PASSPHRASE)
    assert v.get("customer_contact", "BK-3") == b"BK-3"
    assert v.epoch == 2
    v.close()


def test_newer_schema_refused_and_migration_runs_once(vault: Vault, vault_path: Path) -> None:
    vault.close()
    conn = sqlite3.connect(vault_path, isolation_level=None)
    conn.execute("UPDATE meta SET value=? WHERE name='schema_version'", (str(SCHEMA_VERSION + 1),))
    with pytest.raises(VaultTooNew):
        Vault.open(vault_path, passphrase=PASSPHRASE)
    conn.execute("UPDATE meta SET value=? WHERE name='schema_version'", (str(SCHEMA_VERSION),))

    ran: list[int] = []

    def step(c: sqlite3.Connection) -> None:
        ran.append(1)
        c.execute("CREATE TABLE added_by_step (x INTEGER)")

    migrate(conn, SCHEMA_VERSION, SCHEMA_VERSION + 1, {SCHEMA_VERSION: step})
    assert ran == [1]
    version = conn.execute("SELECT value FROM meta WHERE name='schema_version'").fetchone()[0]
    assert int(version) == SCHEMA_VERSION + 1

    def failing(c: sqlite3.Connection) -> None:
        c.execute("CREATE TABLE half_done (x INTEGER)")
        raise RuntimeError("step failed")

    with pytest.raises(RuntimeError):
        migrate(conn, SCHEMA_VERSION + 1, SCHEMA_VERSION + 2, {SCHEMA_VERSION + 1: failing})
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "half_done" not in tables
    with pytest.raises(VaultFormatError, match="no migration"):
        migrate(conn, SCHEMA_VERSION + 1, SCHEMA_VERSION + 2, {})
    conn.close()


def test_no_keyring_means_keyring_vault_cannot_be_made(no_keyring: None, vault_path: Path) -> None:
    with pytest.raises(KeyringUnavailable):
        Vault.create(vault_path)
    assert not vault_path.exists()


def test_copy_of_vault_opens_like_the_original(
    vault: Vault, vault_path: Path, tmp_path: Path
) -> None:
    vault.put("booking", "BK-1", b"one")
    vault.close()
    copy = tmp_path / "copy.sqlite3"
    shutil.copy(vault_path, copy)
    v = Vault.open(copy, passphrase=PASSPHRASE)
    assert v.get("booking", "BK-1") == b"one"
    v.close()


def test_a_savepoint_undoes_its_own_writes_only(vault: Vault) -> None:
    heard: list[str] = []
    with vault.transaction():
        vault.put("booking", "kept", b"before")
        vault.after_commit(lambda: heard.append("kept"))
        with pytest.raises(KeyError), vault.savepoint():
            vault.put("booking", "gone", b"inside")
            vault.put_customer("gone", "customer_contact", "gone", b"a customer")
            vault.after_commit(lambda: heard.append("gone"))
            raise KeyError("the step fails")
        with vault.savepoint():
            vault.put("booking", "after", b"a later step")
    assert heard == ["kept"]
    assert vault.ids("booking") == ["after", "kept"]
    assert vault.customer_bookings() == []
    assert vault.integrity_check() == []
    with pytest.raises(RuntimeError, match="inside a transaction"), vault.savepoint():
        pass


def test_shredded_customer_data_is_never_stored_again(vault: Vault, vault_path: Path) -> None:
    vault.put_customer("BK-1", "customer_contact", "BK-1", b"alias and handle")
    vault.shred_booking("BK-1")
    assert vault.shredded_bookings() == {"BK-1"}
    with pytest.raises(CustomerDataShredded):
        vault.put_customer("BK-1", "customer_contact", "BK-1", b"alias again")
    vault.put_customer("BK-2", "customer_contact", "BK-2", b"another customer")
    vault.close()
    # Remembered in the vault (sealed), not only in memory.
    reopened = Vault.open(vault_path, passphrase=PASSPHRASE)
    assert reopened.shredded_bookings() == {"BK-1"}
    with pytest.raises(CustomerDataShredded):
        reopened.put_customer("BK-1", "customer_contact", "BK-1", b"alias again")
    assert reopened.customer_bookings() == ["BK-2"]
    assert reopened.integrity_check() == []
    reopened.close()


def test_the_shredded_list_keeps_the_newest(vault: Vault, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "SHREDDED_KEPT", 3)
    for n in range(5):
        vault.put_customer(f"BK-{n}", "customer_contact", f"BK-{n}", b"x")
        vault.shred_booking(f"BK-{n}")
    assert vault.shredded_bookings() == {"BK-2", "BK-3", "BK-4"}


def test_a_damaged_shredded_list_counts_as_empty_and_is_rewritten(vault: Vault) -> None:
    vault.put(store.SHREDDED_KIND, store.SHREDDED_ID, b"{not a list")
    assert vault.shredded_bookings() == frozenset()
    vault.put_customer("BK-1", "customer_contact", "BK-1", b"x")
    vault.shred_booking("BK-1")
    assert vault.shredded_bookings() == {"BK-1"}
