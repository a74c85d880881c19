"""The vault against a real Secret Service (gnome-keyring in CI), and without any keyring."""

from __future__ import annotations

import base64
import binascii
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from talentdesk.vault import (
    KeyringUnavailable,
    MasterKeyMissing,
    Protection,
    Vault,
    VaultInfo,
    crypto,
    keyring_status,
)
from talentdesk.vault.keys import SERVICE, KeyringSecretStore

SENTINEL = b"SENTINEL-Mawar-7f3a9c"


def all_talentdesk_secrets() -> list[bytes]:
    """Every secret TalentDesk has in the Secret Service, found by search, not by name.

    Read through secretstorage, not the desk's own link. The keyring is shared with the
    tests on the other worker: their entries may be words rather than keys (see
    candidate_keys), be deleted between the search and the read, or sit in a locked
    keyring of their own.
    """
    import secretstorage
    from secretstorage.defines import SS_PATH
    from secretstorage.exceptions import ItemNotFoundException, LockedException
    from secretstorage.util import SERVICE_IFACE, DBusAddressWrapper

    conn = secretstorage.dbus_init()
    try:
        collection = secretstorage.get_default_collection(conn)
        if collection.is_locked():
            collection.unlock()
        service = DBusAddressWrapper(SS_PATH, SERVICE_IFACE, conn)
        unlocked, locked = service.call("SearchItems", "a{ss}", {"service": SERVICE})
        found = []
        for path in [*unlocked, *locked]:
            try:
                secret = secretstorage.Item(conn, path).get_secret()
                found.append(base64.b64decode(secret, validate=True))
            except (binascii.Error, ItemNotFoundException, LockedException):
                continue  # words, deleted since the search, or another keyring's (locked)
        return found
    finally:
        conn.close()


def candidate_keys(secrets: list[bytes]) -> list[bytes]:
    """Every key derivable from what exists: raw secrets and the vault's subkeys of each.

    Only secrets of a key's length: the keyring is shared with tests running at the same
    time on the other worker, whose entries under TalentDesk's service are words, not keys
    (and AES-GCM refuses a key of any other length).
    """
    secrets = [secret for secret in secrets if len(secret) == len(crypto.new_key())]
    keys = list(secrets)
    for secret in secrets:
        keys += [crypto.derive_subkey(secret, p) for p in ("records", "epoch-seal")]
    return keys


def try_open_everything(copy: Path, keys: list[bytes]) -> list[bytes]:
    """Decrypt every sealed blob in a vault copy with every key, ignoring associated data.

    AES-GCM needs the right associated data; we rebuild it from the row as the
    vault does, and also unwrap booking keys from the copy with every key.
    """
    conn = sqlite3.connect(copy)
    vault_id = dict(conn.execute("SELECT name, value FROM meta").fetchall())["vault_id"]
    data_keys = list(keys)
    for booking_id, epoch, wrapped in conn.execute(
        "SELECT booking_id, epoch, wrapped FROM booking_keys"
    ):
        aad = f"talentdesk/booking-key\x00{vault_id}\x00{booking_id}\x00{epoch}".encode()
        for key in keys:
            try:
                data_keys.append(crypto.open_sealed(key, wrapped, aad))
            except crypto.InvalidTag:
                continue
    plaintexts = []
    for kind, record_id, schema, sealed in conn.execute(
        "SELECT kind, id, schema, sealed FROM records"
    ):
        aad = f"talentdesk/record\x00{vault_id}\x00{kind}\x00{record_id}\x00{schema}".encode()
        for key in data_keys:
            try:
                plaintexts.append(crypto.open_sealed(key, sealed, aad))
            except crypto.InvalidTag:
                continue
    conn.close()
    return plaintexts


def copy_vault(path: Path, dest: Path) -> Path:
    """Copy the vault file with its WAL, as someone taking a disk image would."""
    dest.mkdir()
    for suffix in ("", "-wal", "-shm"):
        src = path.with_name(path.name + suffix)
        if src.exists():
            shutil.copy(src, dest / (path.name + suffix))
    return dest / path.name


@pytest.fixture
def keyring_vault(
    secret_service: object, data_dir: Path, keyring_cleanup: list[VaultInfo]
) -> Iterator[Vault]:
    vault = Vault.create(data_dir / "vault.sqlite3")
    keyring_cleanup.append(vault.info)
    yield vault
    vault.close()


def test_secret_service_round_trip(keyring_vault: Vault) -> None:
    assert keyring_vault.protection is Protection.KEYRING
    assert keyring_vault.strong_shredding
    assert "SecretService" in (keyring_vault.keyring_description or "")
    keyring_vault.put("booking", "BK-1", b"stored")
    path = keyring_vault.path
    keyring_vault.close()

    # The master key is really in the Secret Service, and only there.
    store = KeyringSecretStore(f"vault-{keyring_vault.info.vault_id}")
    master = store.get("master")
    assert master is not None and len(master) == 32
    assert master not in path.read_bytes()

    reopened = Vault.open(path)
    assert reopened.get("booking", "BK-1") == b"stored"
    reopened.close()


def test_missing_master_key_is_named(keyring_vault: Vault) -> None:
    path, info = keyring_vault.path, keyring_vault.info
    keyring_vault.close()
    KeyringSecretStore(f"vault-{info.vault_id}").delete("master")
    with pytest.raises(MasterKeyMissing, match="holds no key"):
        Vault.open(path)


def test_shred_leaves_no_key_that_opens_an_earlier_copy(
    keyring_vault: Vault, tmp_path: Path
) -> None:
    vault = keyring_vault
    vault.put_customer("BK-1", "customer_contact", "BK-1", b"first customer")
    vault.put_customer("BK-2", "customer_contact", "BK-2", SENTINEL)
    vault.put_customer("BK-3", "customer_contact", "BK-3", b"third customer")
    vault.put("booking", "BK-2", b"booking facts, no customer")

    before = copy_vault(vault.path, tmp_path / "before")
    # The check can fail: with the keys that exist now, the copy does yield the sentinel.
    assert SENTINEL in try_open_everything(before, candidate_keys(all_talentdesk_secrets()))

    vault.shred_booking("BK-2")

    remaining = all_talentdesk_secrets()
    assert len(remaining) >= 2  # master and the new epoch key of this vault (and no old one)
    assert SENTINEL not in try_open_everything(before, candidate_keys(remaining))
    # The other bookings' customer data still opens, from the live vault and after reopening.
    assert vault.get("customer_contact", "BK-1") == b"first customer"
    path = vault.path
    vault.close()
    reopened = Vault.open(path)
    assert reopened.get("customer_contact", "BK-3") == b"third customer"
    assert reopened.get("customer_contact", "BK-2") is None
    assert reopened.integrity_check() == []
    reopened.close()
    for file in path.parent.iterdir():
        assert SENTINEL not in file.read_bytes(), file.name


def test_interrupted_shred_leaves_no_stray_epoch_key(keyring_vault: Vault) -> None:
    """A crash after the new epoch key was stored but before the commit is tidied on open."""
    info = keyring_vault.info
    keyring_vault.put_customer("BK-1", "customer_contact", "BK-1", b"kept")
    store = KeyringSecretStore(f"vault-{info.vault_id}")
    store.set("epoch-2", crypto.new_key())  # what the crashed shred had stored
    path = keyring_vault.path
    keyring_vault.close()
    reopened = Vault.open(path)
    assert store.get("epoch-2") is None
    assert reopened.get("customer_contact", "BK-1") == b"kept"
    reopened.close()


def test_no_keyring_backend_falls_back_to_passphrase(no_keyring: None, data_dir: Path) -> None:
    status = keyring_status()
    assert not status.available
    assert "no keyring backend" in status.reason
    with pytest.raises(KeyringUnavailable):
        Vault.create(data_dir / "vault.sqlite3")
    vault = Vault.create(data_dir / "vault.sqlite3", passphrase="frasa sandi panjang")
    assert vault.protection is Protection.PASSPHRASE
    assert not vault.strong_shredding  # the UI tells the talent the guarantee is weaker
    vault.put_customer("BK-1", "customer_contact", "BK-1", SENTINEL)
    vault.shred_booking("BK-1")
    assert vault.get("customer_contact", "BK-1") is None
    vault.close()
