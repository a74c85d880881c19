"""The keyring link with Secret Services that are not gnome-keyring, and with its rare paths.

Each test runs ``tests/vault/secret_service_standin.py`` on a private D-Bus session bus
(a real ``dbus-daemon``), so what KeePassXC does (a prompt's answer sent to everyone, a
prompt for every write) and what gnome-keyring never does in CI (a locked keyring, no
default collection, a dismissed prompt, no encrypted session, a bad key or padding) is
tried without touching the real keyring the other tests use.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from talentdesk.vault import keys
from talentdesk.vault.errors import KeyringUnavailable
from tests.conftest import REQUIRE_SECRET_SERVICE
from tests.required import missing

STANDIN = Path(__file__).with_name("secret_service_standin.py")
ROOT = Path(__file__).resolve().parents[2]
SERVICE = keys.SERVICE
T = TypeVar("T")


class StandIn:
    """A stand-in Secret Service on its own bus, and the methods it was asked."""

    def __init__(self, log: Path) -> None:
        self.log = log

    def calls(self) -> list[str]:
        return self.log.read_text().split()[1:]  # after "ready"


@pytest.fixture
def private_bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """A session bus of the test's own; this process's D-Bus calls go to it."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        missing(REQUIRE_SECRET_SERVICE, "dbus-daemon is not installed")
    bus = subprocess.Popen(
        [str(daemon), "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert bus.stdout is not None
    address = bus.stdout.readline().strip()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    try:
        yield {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address}
    finally:
        bus.terminate()
        bus.wait(timeout=10)
        bus.stdout.close()


@pytest.fixture
def start_standin(private_bus: dict[str, str], tmp_path: Path) -> Iterator[Callable[..., StandIn]]:
    """Start the stand-in with the ways given (``STANDIN_*=1``) and wait until it serves."""
    started: list[subprocess.Popen[bytes]] = []

    def start(**ways: str) -> StandIn:
        log = tmp_path / f"standin-{len(started)}.log"
        log.write_text("")
        env = {**private_bus, "STANDIN_LOG": str(log), "PYTHONPATH": str(ROOT)}
        env.update({f"STANDIN_{name.upper()}": value for name, value in ways.items()})
        started.append(subprocess.Popen([sys.executable, str(STANDIN)], env=env))
        deadline = time.monotonic() + 20
        while not log.read_text().startswith("ready"):
            assert time.monotonic() < deadline, "the stand-in Secret Service did not start"
            time.sleep(0.02)
        return StandIn(log)

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def link() -> Iterator[keys._SecretServiceLink]:
    """A link of the test's own (the process's one talks to the real keyring)."""
    made = keys._SecretServiceLink()
    yield made
    made._drop()


def within(seconds: float, call: Callable[[], T]) -> T:
    """``call()``'s answer, failing the test (not hanging it) if it takes longer."""
    answer: list[T] = []
    error: list[BaseException] = []

    def run() -> None:
        try:
            answer.append(call())
        except BaseException as exc:  # handed to the test below
            error.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still waiting after {seconds} s"
    if error:
        raise error[0]
    return answer[0]


@pytest.mark.parametrize(
    ("ways", "asked"),
    [
        # KeePassXC: every write asks a prompt, and its Completed has no destination.
        # The bus passes such a signal only to a connection that asked for it.
        ({"broadcast": "1", "create_prompt": "1"}, "Prompt"),
        # A fresh account: the default collection is made through the keyring's prompt.
        ({"broadcast": "1", "no_default": "1"}, "CreateCollection"),
    ],
    ids=["a prompt for each write, answered to everyone", "no default collection yet"],
)
def test_a_prompt_is_heard_and_the_secret_round_trips(
    start_standin: Callable[..., StandIn],
    link: keys._SecretServiceLink,
    ways: dict[str, str],
    asked: str,
) -> None:
    standin = start_standin(**ways)
    within(10, lambda: link.set(SERVICE, "ns/master", "a2V5"))
    assert within(10, lambda: link.get(SERVICE, "ns/master")) == "a2V5"
    assert standin.calls().count(asked) == 1


def test_a_locked_keyring_is_unlocked_through_its_prompt(
    start_standin: Callable[..., StandIn], link: keys._SecretServiceLink
) -> None:
    standin = start_standin(broadcast="1", locked="1")
    assert within(10, lambda: link.get(SERVICE, "ns/master")) is None
    assert "Unlock" in standin.calls() and "Prompt" in standin.calls()


@pytest.mark.parametrize(
    ("ways", "asked"),
    [
        ({"locked": "1", "dismiss": "1"}, "Prompt"),
        ({"no_default": "1", "dismiss": "1"}, "CreateCollection"),
    ],
    ids=["a locked keyring", "no default collection yet"],
)
def test_a_dismissed_prompt_fails_once_and_frees_the_link(
    start_standin: Callable[..., StandIn],
    link: keys._SecretServiceLink,
    ways: dict[str, str],
    asked: str,
) -> None:
    standin = start_standin(**ways)
    with pytest.raises(KeyringUnavailable, match=r"stays locked|dismissed"):
        within(10, lambda: link.get(SERVICE, "ns/master"))
    assert standin.calls().count(asked) == 1  # asked once, not again on a new connection
    assert not link._lock.locked()


def test_without_an_encrypted_session_secrets_still_round_trip(
    start_standin: Callable[..., StandIn], link: keys._SecretServiceLink
) -> None:
    start_standin(plain="1")
    within(10, lambda: link.set(SERVICE, "ns/master", "a2V5"))
    assert within(10, lambda: link.get(SERVICE, "ns/master")) == "a2V5"
    session = link._session
    assert session is not None and not session.encrypted


def test_a_bad_server_key_or_padding_is_refused_never_read_as_a_secret(
    start_standin: Callable[..., StandIn], link: keys._SecretServiceLink
) -> None:
    start_standin(server_key="p-1")
    with pytest.raises(ValueError, match="unusable public key"):
        within(10, lambda: link.get(SERVICE, "ns/master"))


def test_wrong_padding_is_refused_never_read_as_a_shorter_secret(
    start_standin: Callable[..., StandIn], link: keys._SecretServiceLink
) -> None:
    start_standin(bad_padding="1")
    within(10, lambda: link.set(SERVICE, "ns/master", "a2V5"))
    with pytest.raises(ValueError, match="bad padding"):
        within(10, lambda: link.get(SERVICE, "ns/master"))
