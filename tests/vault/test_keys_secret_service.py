"""The direct Secret Service link: one connection per process, and the keyring library's format.

Against the real Secret Service (gnome-keyring in CI); skipped only where none runs
and CI does not require one.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from talentdesk.vault import keys
from talentdesk.vault.keys import DIRECT_KEYRING_NAME, SERVICE, KeyringSecretStore

pytestmark = pytest.mark.usefixtures("secret_service")


@pytest.fixture
def name() -> Iterator[str]:
    """A fresh entry name under TalentDesk's service; deleted afterwards."""
    user = f"test-link/{uuid.uuid4().hex}"
    yield user
    keys._link().delete(SERVICE, user)


def library_backend() -> Any:
    """The keyring library's own Secret Service backend, as the library would use it."""
    from keyring.backends import SecretService

    return SecretService.Keyring()  # type: ignore[no-untyped-call]


def test_linux_without_configuration_uses_the_direct_link(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Whatever the developer's desktop and keyring config say, none here.
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "GNOME")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    status = keys.keyring_status()
    assert status.available
    assert status.backend == DIRECT_KEYRING_NAME
    assert "SecretService" in status.backend


def test_what_the_link_writes_the_library_reads_and_back(name: str) -> None:
    backend = library_backend()
    keys._link().set(SERVICE, name, "dari-tautan")
    assert backend.get_password(SERVICE, name) == "dari-tautan"
    backend.set_password(SERVICE, name, "dari-pustaka")
    assert keys._link().get(SERVICE, name) == "dari-pustaka"
    keys._link().delete(SERVICE, name)
    assert backend.get_password(SERVICE, name) is None
    assert keys._link().get(SERVICE, name) is None


def test_one_connection_is_reused(name: str) -> None:
    link = keys._link()
    link.set(SERVICE, name, "satu")
    first = link._session
    assert first is not None
    for _ in range(5):
        assert link.get(SERVICE, name) == "satu"
    assert link._session is first


def test_one_session_serves_every_read_and_write(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    link = keys._link()
    link.call(lambda _session: None)  # connected (and its session opened) already
    opened: list[object] = []
    real_open = keys._SecretSession.open

    def counted(session: keys._SecretSession) -> None:
        opened.append(session)
        real_open(session)

    monkeypatch.setattr(keys._SecretSession, "open", counted)
    link.set(SERVICE, name, "sesi")
    for _ in range(3):
        assert link.get(SERVICE, name) == "sesi"
    assert keys.keyring_status().available

    assert opened == []  # each item would otherwise open its own session
    session = link._session
    assert session is not None and session.path.startswith("/org/freedesktop/secrets/session")


def test_secrets_travel_encrypted_and_the_library_agrees(name: str) -> None:
    # gnome-keyring offers the Diffie-Hellman algorithm: the link must use it, and what it
    # encrypts (padding included, for every length around the AES block) must reach the
    # keyring as the very text the library then reads.
    link = keys._link()
    link.call(lambda _session: None)
    session = link._session
    assert session is not None and session.encrypted
    backend = library_backend()
    for length in (0, 1, 15, 16, 17, 31, 32, 33, 100):
        text = "k" * length + "é"
        link.set(SERVICE, name, text)
        assert backend.get_password(SERVICE, name) == text
        assert link.get(SERVICE, name) == text


def test_a_dropped_connection_is_replaced_once(name: str) -> None:
    link = keys._link()
    link.set(SERVICE, name, "lagi")
    old = link._session
    assert old is not None
    old.connection.close()  # as if the keyring daemon went away and came back
    assert link.get(SERVICE, name) == "lagi"
    assert link._session is not None and link._session is not old


def test_store_round_trip_through_the_link(name: str) -> None:
    store = KeyringSecretStore("test-link")
    assert store.description == DIRECT_KEYRING_NAME
    entry = name.removeprefix("test-link/")
    store.set(entry, b"\x00kunci\xff")
    assert store.get(entry) == b"\x00kunci\xff"
    store.delete(entry)
    assert store.get(entry) is None
    store.delete(entry)  # missing is not an error


def test_a_chosen_backend_goes_through_the_library(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.SecretService.Keyring")
    import keyring.core

    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    status = keys.keyring_status()
    assert status.available
    assert status.backend == "keyring.backends.SecretService.Keyring"
    keyring.core._keyring_backend = None


def test_kde_and_keyring_config_leave_the_choice_to_the_library(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "GNOME")
    assert keys._direct_secret_service()
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "KDE")
    assert not keys._direct_secret_service()  # the library would choose KWallet there
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "GNOME")
    config = tmp_path / "python_keyring"
    config.mkdir()
    (config / "keyringrc.cfg").write_text(
        "[backend]\ndefault-keyring=keyring.backends.SecretService.Keyring\n"
    )
    assert not keys._direct_secret_service()


def test_warm_up_connects_ahead() -> None:
    link = keys._link()
    link._drop()
    assert link._session is None
    keys.warm_up_keyring()
    deadline = time.monotonic() + 5
    while link._session is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert link._session is not None


@pytest.fixture
def other_keyring() -> Iterator[Any]:
    """A second keyring (collection) beside the default one, deleted afterwards.

    Made through gnome-keyring's own interface, which makes one without a prompt.
    """
    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection
    from jeepney.wrappers import unwrap_msg

    connection = open_dbus_connection(bus="SESSION")
    bus = "org.freedesktop.secrets"
    service = DBusAddress("/org/freedesktop/secrets", bus, "org.freedesktop.Secret.Service")
    gnome = DBusAddress(
        "/org/freedesktop/secrets", bus, "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"
    )

    def ask(address: DBusAddress, method: str, signature: str | None, *body: Any) -> Any:
        message = new_method_call(address, method, signature, body)
        return unwrap_msg(connection.send_and_get_reply(message, timeout=10))

    _output, session = ask(service, "OpenSession", "sv", "plain", ("s", ""))
    (path,) = ask(
        gnome,
        "CreateWithMasterPassword",
        "a{sv}(oayays)",
        {"org.freedesktop.Secret.Collection.Label": ("s", "Lain")},
        (session, b"", b"kata-sandi-lain", "text/plain"),
    )
    collection = DBusAddress(path, bus, "org.freedesktop.Secret.Collection")

    class Other:
        def put(self, username: str, secret: bytes) -> None:
            attributes = {"username": username, "service": SERVICE, "application": "x"}
            properties = {
                "org.freedesktop.Secret.Item.Label": ("s", "lain"),
                "org.freedesktop.Secret.Item.Attributes": ("a{ss}", attributes),
            }
            ask(
                collection,
                "CreateItem",
                "a{sv}(oayays)b",
                properties,
                (session, b"", secret, "text/plain"),
                True,
            )

        def holds(self, username: str) -> bool:
            (found,) = ask(collection, "SearchItems", "a{ss}", {"username": username})
            return bool(found)

        def lock(self) -> None:
            ask(service, "Lock", "ao", [path])

    try:
        yield Other()
    finally:
        ask(service, "Unlock", "ao", [path])  # gnome-keyring deletes an unlocked one at once
        ask(collection, "Delete", None)
        connection.close()


def test_another_keyring_s_entry_is_neither_read_nor_deleted(name: str, other_keyring: Any) -> None:
    # The keyring library reads the default keyring only; the link must agree with it.
    other_keyring.put(name, b"dari-keyring-lain")
    assert keys._link().get(SERVICE, name) is None
    assert library_backend().get_password(SERVICE, name) is None
    keys._link().delete(SERVICE, name)
    assert other_keyring.holds(name)


def test_a_locked_keyring_elsewhere_asks_nothing(name: str, other_keyring: Any) -> None:
    # Its password would be asked for at every unlock of the vault (and a dismissal would
    # fail it), for an entry the desk never wrote.
    keys._link().set(SERVICE, name, "di-keyring-utama")
    other_keyring.put(name, b"dari-keyring-lain")
    other_keyring.lock()
    assert keys._link().get(SERVICE, name) == "di-keyring-utama"
