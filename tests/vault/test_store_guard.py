"""The vault's guard (locked with a live session), typed text sealed with a session, and
what a shred keeps: on real SQLite files, with a keyring that lives in a dict."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from talentdesk.vault import Vault, VaultError, VaultLocked

PASSPHRASE = "kopi susu malam"
SENTINEL = b"SENTINEL-typed-7c1d"


class FakeSecretStore:
    """A keyring in a dict: keyring-mode vaults (their epoch keys outside the file) where
    no Secret Service runs (tests/vault/test_keys.py has the real one)."""

    description = "tests.FakeSecretStore"

    def __init__(self) -> None:
        self.secrets: dict[str, bytes] = {}

    def get(self, name: str) -> bytes | None:
        return self.secrets.get(name)

    def set(self, name: str, value: bytes) -> None:
        self.secrets[name] = value

    def delete(self, name: str) -> None:
        self.secrets.pop(name, None)


@pytest.fixture
def secrets() -> FakeSecretStore:
    return FakeSecretStore()


@pytest.fixture
def vault(data_dir: Path, secrets: FakeSecretStore) -> Iterator[Vault]:
    v = Vault.create(data_dir / "vault.sqlite3", secrets=secrets)
    yield v
    v.close()


def guarded(vault: Vault) -> bool:
    """Whether ``vault`` is guarded (a function: a property asserted once stays narrowed)."""
    return vault.guarded


def raw_rows(vault: Vault) -> dict[tuple[str, str], str | None]:
    """(kind, id) -> the key_ref of every row, read beside the vault (no key needed)."""
    import sqlite3

    conn = sqlite3.connect(vault.path)
    try:
        return {(k, i): r for k, i, r in conn.execute("SELECT kind, id, key_ref FROM records")}
    finally:
        conn.close()


def test_typed_text_is_sealed_with_a_session_that_has_customer_data(vault: Vault) -> None:
    vault.put_customer("bk-live", "customer_contact", "bk-live", b"contact")
    vault.put_typed("bk-live", "outbox", "item-1", SENTINEL)
    vault.put_typed("bk-gone", "outbox", "item-2", b"about a booking with no data key")
    vault.put_typed(None, "outbox", "item-3", b"about no booking")
    rows = raw_rows(vault)
    assert rows[("outbox", "item-1")] == "bk-live"
    assert rows[("outbox", "item-2")] is None  # no data key: never made one for text
    assert rows[("outbox", "item-3")] is None
    assert vault.sealed_for("outbox", "item-1") == "bk-live"
    assert vault.customer_bookings() == ["bk-live"]


def test_update_keeps_the_key_a_record_is_sealed_under(vault: Vault) -> None:
    vault.put_customer("bk-1", "customer_contact", "bk-1", b"c")
    vault.put_typed("bk-1", "outbox", "item", b"v1")
    assert vault.update("outbox", "item", b"v2")
    assert vault.get("outbox", "item") == b"v2"
    assert raw_rows(vault)[("outbox", "item")] == "bk-1"
    assert not vault.update("outbox", "never-written", b"x")
    assert vault.get("outbox", "never-written") is None
    assert vault.integrity_check() == []


def test_a_shred_keeps_what_the_keeper_keeps_under_the_record_key(
    vault: Vault, secrets: FakeSecretStore
) -> None:
    seen: list[tuple[str, bytes]] = []

    def keeper(record_id: str, payload: bytes) -> bytes | None:
        seen.append((record_id, payload))
        return None if record_id == "drop" else payload.replace(SENTINEL, b"")

    vault.keep_on_shred("outbox", keeper)
    vault.put_customer("bk-1", "customer_contact", "bk-1", b"contact")
    vault.put_typed("bk-1", "outbox", "keep", b"note:" + SENTINEL)
    vault.put_typed("bk-1", "outbox", "drop", SENTINEL)
    old_epoch_key = secrets.get("epoch-1")
    assert old_epoch_key is not None

    assert vault.shred_booking("bk-1") == 2  # the contact and the dropped item
    assert sorted(r for r, _ in seen) == ["drop", "keep"]
    assert vault.get("outbox", "keep") == b"note:"
    assert vault.get("outbox", "drop") is None
    assert vault.get("customer_contact", "bk-1") is None
    assert raw_rows(vault)[("outbox", "keep")] is None  # the record key from now on
    assert secrets.get("epoch-1") is None  # rotated away
    assert vault.integrity_check() == []


def test_a_failing_keeper_rolls_the_shred_back_and_leaves_no_stray_epoch_key(
    vault: Vault, secrets: FakeSecretStore
) -> None:
    def broken(_record_id: str, _payload: bytes) -> bytes | None:
        raise RuntimeError("keeper broke")

    vault.keep_on_shred("outbox", broken)
    vault.put_customer("bk-1", "customer_contact", "bk-1", b"contact")
    vault.put_typed("bk-1", "outbox", "item", b"x")
    before = vault.rollbacks
    with pytest.raises(RuntimeError):
        vault.shred_booking("bk-1")
    assert vault.rollbacks == before + 1
    assert vault.epoch == 1
    assert secrets.get("epoch-2") is None
    assert vault.get("customer_contact", "bk-1") == b"contact"


def test_guarded_vault_writes_but_shows_no_other_customer(
    vault: Vault, data_dir: Path, secrets: FakeSecretStore
) -> None:
    vault.put_customer("bk-live", "customer_contact", "bk-live", b"live contact")
    vault.put_customer("bk-later", "customer_contact", "bk-later", b"later contact")
    vault.put("booking", "bk-live", b"booking")

    vault.guard("bk-live")
    assert vault.guarded and vault.guarded_booking == "bk-live"
    # What the safety net needs: ordinary records, the live session's own data.
    vault.put("escalation", "esc-1", b"help")
    assert vault.get("escalation", "esc-1") == b"help"
    vault.put_typed("bk-live", "reply_pace", "bk-live", b"pace")
    assert vault.get("reply_pace", "bk-live") == b"pace"
    assert vault.get("customer_contact", "bk-live") == b"live contact"
    # The feed may write a new booking's customer fields, but nothing shows another one.
    vault.put_customer("bk-new", "customer_contact", "bk-new", b"new contact")
    with pytest.raises(VaultLocked):
        vault.get("customer_contact", "bk-later")
    listing = vault.read_all("customer_contact")
    assert set(listing.rows) == {"bk-live"}
    assert sorted(p.record_id for p in listing.problems) == ["bk-later", "bk-new"]
    assert all(p.reason == "locked" for p in listing.problems)
    with pytest.raises(VaultLocked):
        vault.shred_booking("bk-later")  # shredding rotates keyring keys: after unlock

    # Unlocking takes the keys of a fresh open of the same vault, and closes that one.
    opened = Vault.open(vault.path, secrets=secrets)
    vault.unguard(opened)
    assert not opened.is_open
    assert not guarded(vault)
    assert vault.get("customer_contact", "bk-later") == b"later contact"
    assert vault.get("customer_contact", "bk-new") == b"new contact"
    assert vault.shred_booking("bk-later") == 1
    assert vault.integrity_check() == []


def test_passphrase_vault_drops_its_epoch_seal_key_while_guarded(data_dir: Path) -> None:
    vault = Vault.create(data_dir / "vault.sqlite3", passphrase=PASSPHRASE)
    try:
        vault.put_customer("bk-1", "customer_contact", "bk-1", b"c")
        vault.guard(None)
        assert vault._epoch_seal_key == b""
        assert vault._data_keys == {}  # no live session: no data key kept
        vault.unguard(Vault.open(vault.path, passphrase=PASSPHRASE))
        assert vault._epoch_seal_key != b""
        assert vault.shred_booking("bk-1") == 1  # seals the next epoch key again
        vault.close()
        reopened = Vault.open(data_dir / "vault.sqlite3", passphrase=PASSPHRASE)
        assert reopened.integrity_check() == []
        reopened.close()
    finally:
        vault.close()


def test_unguard_refuses_another_vault(vault: Vault, tmp_path: Path) -> None:
    other = Vault.create(tmp_path / "other" / "vault.sqlite3", passphrase=PASSPHRASE)
    vault.guard(None)
    with pytest.raises(VaultError):
        vault.unguard(other)
    assert vault.guarded
    assert not other.is_open


def test_rollbacks_count_failed_transactions(vault: Vault) -> None:
    assert vault.rollbacks == 0
    with pytest.raises(RuntimeError, match="boom"), vault.transaction():
        vault.put("booking", "x", b"x")
        raise RuntimeError("boom")
    assert vault.rollbacks == 1
    with vault.transaction():
        vault.put("booking", "y", b"y")
    assert vault.rollbacks == 1
