"""``talentdesk doctor`` on healthy and damaged vaults, as a real subprocess."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from talentdesk.vault import Vault, VaultInfo
from talentdesk.vault.records import RecordStore
from tests.samples import every_record

PASSPHRASE = "doctor passphrase"


def doctor(data_dir: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "talentdesk",
            "doctor",
            "--data-dir",
            str(data_dir),
            "--passphrase-stdin",
        ],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def parse_facts(out: str) -> dict[str, str]:
    facts = {}
    for line in out.splitlines():
        if "  " in line and not line.startswith(" "):
            name, value = re.split(r"\s{2,}", line, maxsplit=1)
            facts[name] = value
    return facts


@pytest.fixture
def filled(data_dir: Path) -> Path:
    vault = Vault.create(data_dir / "vault.sqlite3", passphrase=PASSPHRASE)
    store = RecordStore(vault)
    for record in every_record("Kenanga"):
        store.save(record)
    vault.close()
    return data_dir


def test_healthy_vault_exits_zero(filled: Path) -> None:
    result = doctor(filled, PASSPHRASE + "\n")
    assert result.returncode == 0, result.stdout + result.stderr
    facts = parse_facts(result.stdout)
    assert facts["Qt platform"] == "offscreen"
    assert facts["Protection"] == "passphrase"
    assert facts["Schema version"] == "1"
    assert facts["Master key"] == "reachable"
    assert facts["Records"].startswith("7 (agency_config 1, booking 1, boundary_preset 1, customer")
    assert facts["Integrity"] == "ok"
    assert result.stdout.endswith("All checks passed.\n")
    assert "Kenanga" not in result.stdout + result.stderr


def test_damaged_record_is_named_and_exits_nonzero(filled: Path) -> None:
    conn = sqlite3.connect(filled / "vault.sqlite3")
    (sealed,) = conn.execute(
        "SELECT sealed FROM records WHERE kind='decline_reply' AND id='reply-1'"
    ).fetchone()
    damaged = bytes([sealed[0] ^ 1]) + bytes(sealed[1:])
    conn.execute("UPDATE records SET sealed=? WHERE kind='decline_reply'", (damaged,))
    conn.commit()
    conn.close()
    result = doctor(filled, PASSPHRASE + "\n")
    assert result.returncode == 1
    assert "decline_reply 'reply-1' is damaged" in result.stdout
    assert "what to do:" in result.stdout
    assert parse_facts(result.stdout)["Integrity"] == "1 damaged"


def test_wrong_passphrase_and_loose_permissions_are_problems(filled: Path) -> None:
    os.chmod(filled / "vault.sqlite3", 0o644)
    result = doctor(filled, "not it at all\n")
    assert result.returncode == 1
    assert "the passphrase is wrong" in result.stdout
    assert "vault.sqlite3 is readable by others (mode 644)" in result.stdout


def test_keyring_vault_healthy(
    secret_service: object, data_dir: Path, keyring_cleanup: list[VaultInfo]
) -> None:
    vault = Vault.create(data_dir / "vault.sqlite3")
    keyring_cleanup.append(vault.info)
    RecordStore(vault).save(every_record("x")[0])
    vault.close()
    result = doctor(data_dir)
    assert result.returncode == 0, result.stdout
    facts = parse_facts(result.stdout)
    assert "SecretService" in facts["Keyring"]
    assert facts["Protection"] == "keyring"
    assert facts["Master key"] == "reachable"


def test_garbage_vault_file(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    (data_dir / "vault.sqlite3").write_bytes(b"\0garbage" * 64)
    os.chmod(data_dir / "vault.sqlite3", 0o600)
    result = doctor(data_dir)
    assert result.returncode == 1
    assert "is not a readable vault" in result.stdout


def test_reset_deletes_everything_and_refuses_while_running(filled: Path) -> None:
    from PySide6.QtCore import QLockFile

    def reset(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "talentdesk", "reset", "--data-dir", str(filled), *extra],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    assert reset().returncode == 2  # asks for --yes first
    assert (filled / "vault.sqlite3").exists()
    running = QLockFile(str(filled / "instance.lock"))
    assert running.tryLock(0)
    refused = reset("--yes")
    assert refused.returncode == 1
    assert "quit it first" in refused.stdout
    assert (filled / "vault.sqlite3").exists()
    running.unlock()
    done = reset("--yes")
    assert done.returncode == 0, done.stdout + done.stderr
    assert not any(filled.iterdir())
