"""The in-memory index over one record kind: current after its own writes, scanned again
after a write it did not see or a rolled-back transaction."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from talentdesk.vault import Vault
from talentdesk.vault.index import RecordIndex

PASSPHRASE = "indeks malam ini"


@pytest.fixture
def vault(data_dir: Path) -> Iterator[Vault]:
    v = Vault.create(data_dir / "vault.sqlite3", passphrase=PASSPHRASE)
    yield v
    v.close()


class Counted:
    """An index of the ids of kind "item", counting its scans."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        self.scans = 0
        self.index: RecordIndex[set[str]] = RecordIndex(vault, "item", self.scan)

    def scan(self) -> set[str]:
        self.scans += 1
        return set(self.vault.ids("item"))

    def put(self, item_id: str) -> None:
        with self.vault.transaction():
            self.vault.put("item", item_id, b"x")
            self.index.wrote(lambda ids: ids.add(item_id))


def test_own_writes_keep_the_index_current_without_scanning(vault: Vault) -> None:
    counted = Counted(vault)
    assert counted.index.current() == set()
    for n in range(50):
        counted.put(f"i{n}")
    assert counted.index.current() == {f"i{n}" for n in range(50)}
    assert counted.scans == 1


def test_a_write_it_did_not_see_makes_it_scan_again(vault: Vault) -> None:
    counted = Counted(vault)
    counted.put("mine")
    assert counted.index.current() == {"mine"}
    vault.put("item", "someone-else", b"y")  # not through the index
    assert counted.index.current() == {"mine", "someone-else"}
    assert counted.scans == 2
    counted.put("mine-again")  # current again: kept up by its own write
    assert counted.index.current() == {"mine", "someone-else", "mine-again"}
    assert counted.scans == 2


def test_a_rolled_back_write_is_forgotten(vault: Vault) -> None:
    counted = Counted(vault)
    counted.put("kept")
    with pytest.raises(RuntimeError), vault.transaction():
        vault.put("item", "lost", b"x")
        counted.index.wrote(lambda ids: ids.add("lost"))
        raise RuntimeError("boom")
    assert counted.index.current() == {"kept"}


def test_forget_drops_it(vault: Vault) -> None:
    counted = Counted(vault)
    counted.index.current()
    counted.index.forget()
    counted.index.current()
    assert counted.scans == 2
