"""``talentdesk doctor`` and ``talentdesk reset``: what a talent runs when support asks.

Doctor prints each fact on its own line, then every problem with what to do,
and exits 1 when anything is wrong. It never prints record contents, only
record names (kind and id).
"""

from __future__ import annotations

import contextlib
import getpass
import platform
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from talentdesk import __version__
from talentdesk.vault import (
    VAULT_FILE,
    MasterKeyMissing,
    Protection,
    Vault,
    VaultError,
    VaultFormatError,
    WrongPassphrase,
    forget_keys,
    keyring_status,
    probe,
)
from talentdesk.vault.prefs import PREFS_FILE
from talentdesk.vault.records import RecordStore


@dataclass
class Report:
    """Facts and problems found by the doctor."""

    facts: list[tuple[str, str]] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (what, what to do)

    def fact(self, name: str, value: object) -> None:
        self.facts.append((name, str(value)))

    def problem(self, what: str, todo: str) -> None:
        self.problems.append((what, todo))

    def print(self, out: TextIO) -> None:
        width = max(len(n) for n, _ in self.facts) if self.facts else 0
        for name, value in self.facts:
            out.write(f"{name.ljust(width)}  {value}\n")
        if self.problems:
            out.write(f"\n{len(self.problems)} problem(s):\n")
            for what, todo in self.problems:
                out.write(f"  - {what}\n    what to do: {todo}\n")
        else:
            out.write("\nAll checks passed.\n")


def _missing_qt_libraries() -> str | None:
    from talentdesk.ui.qpa import check_platform

    return check_platform()


def _qt_platform() -> str:
    from talentdesk.ui import qt_platform_name

    return qt_platform_name()


def check_permissions(data_dir: Path, report: Report) -> None:
    """The data dir must be 0700 and every file in it 0600."""
    mode = stat.S_IMODE(data_dir.stat().st_mode)
    if mode != 0o700:
        report.problem(
            f"data dir permissions are {mode:o}, not 700",
            f"run: chmod 700 {data_dir}",
        )
    for path in sorted(data_dir.iterdir()):
        if path.is_file():
            fmode = stat.S_IMODE(path.stat().st_mode)
            if fmode & 0o077:
                report.problem(
                    f"{path.name} is readable by others (mode {fmode:o})",
                    f"run: chmod 600 {path}",
                )


def diagnose(data_dir: Path, passphrase: str | None, *, with_qt: bool = True) -> Report:
    """Gather every fact and problem; pure apart from reading the files and the keyring."""
    report = Report()
    report.fact("TalentDesk", __version__)
    report.fact("Python", platform.python_version())
    if with_qt:
        missing = _missing_qt_libraries()
        if missing is not None:
            report.fact("Qt platform", "unavailable: system libraries missing")
            report.problem(missing, "install them (README: System packages)")
        else:
            qpa = _qt_platform()
            report.fact("Qt platform", qpa)
            if qpa.startswith("unavailable"):
                report.problem(
                    f"Qt cannot start a window here ({qpa})",
                    "install the Qt system libraries (README: System packages) or run under "
                    "a desktop session",
                )
    ring = keyring_status()
    report.fact("Keyring", f"{ring.backend} ({'usable' if ring.available else ring.reason})")
    report.fact("Data dir", data_dir)
    vault_path = data_dir / VAULT_FILE
    if not data_dir.exists():
        report.fact("Vault", "none yet (TalentDesk creates it on first start)")
        return report
    check_permissions(data_dir, report)
    try:
        info = probe(vault_path)
    except VaultFormatError as exc:
        report.problem(
            f"{vault_path.name} is not a readable vault: {exc}",
            "restore it from a backup, or run 'talentdesk reset' to start over",
        )
        return report
    if info is None:
        report.fact("Vault", "none yet (TalentDesk creates it on first start)")
        return report
    report.fact("Vault", vault_path)
    report.fact("Protection", info.protection.value)
    report.fact("Schema version", info.schema_version)
    report.fact("Key epoch", info.epoch)
    if info.protection is Protection.KEYRING and not ring.available:
        report.fact("Master key", "unreachable")
        report.problem(
            f"the vault's master key is in the keyring, which is unusable: {ring.reason}",
            "start your desktop session's keyring (e.g. gnome-keyring) and unlock it",
        )
        return report
    if info.protection is Protection.PASSPHRASE and passphrase is None:
        report.fact("Master key", "passphrase-protected; records not checked")
        report.fact("", "run 'talentdesk doctor --passphrase-stdin' to check every record")
        return report
    try:
        vault = Vault.open(vault_path, passphrase=passphrase)
    except WrongPassphrase:
        report.fact("Master key", "not unlocked")
        report.problem("the passphrase is wrong", "run again with the right passphrase")
        return report
    except MasterKeyMissing as exc:
        report.fact("Master key", "missing")
        report.problem(
            f"master key not found: {exc}",
            "the vault cannot be opened without it; restore the keyring, or 'talentdesk reset'",
        )
        return report
    except VaultError as exc:
        report.problem(
            f"the vault does not open: {exc}", "send this output to your agency's support"
        )
        return report
    try:
        report.fact("Master key", "reachable")
        counts = vault.counts()
        total = sum(counts.values())
        report.fact(
            "Records",
            f"{total} (" + ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items())) + ")"
            if counts
            else "0",
        )
        problems = RecordStore(vault).check_all()
        report.fact("Integrity", "ok" if not problems else f"{len(problems)} damaged")
        for item in problems:
            report.problem(
                f"{item.name} is damaged: {item.reason}",
                "the rest of the vault is fine; this record will be left out until "
                "your agency sends it again, or remove it with 'talentdesk reset'",
            )
    finally:
        vault.close()
    return report


def run_doctor(data_dir: Path, *, passphrase_stdin: bool, out: TextIO) -> int:
    """Print the report; 0 when all is well, 1 when something is wrong."""
    passphrase: str | None = None
    info = None
    with contextlib.suppress(VaultFormatError):  # diagnose() reports it
        info = probe(data_dir / VAULT_FILE)
    if info is not None and info.protection is Protection.PASSPHRASE:
        if passphrase_stdin:
            passphrase = sys.stdin.readline().rstrip("\n")
        elif sys.stdin.isatty():
            passphrase = getpass.getpass("Vault passphrase (empty to skip the record check): ")
            passphrase = passphrase or None
    report = diagnose(data_dir, passphrase)
    report.print(out)
    return 1 if report.problems else 0


def run_reset(data_dir: Path, *, confirmed: bool, out: TextIO) -> int:
    """Delete the vault (and its keyring keys) and the preferences."""
    vault_path = data_dir / VAULT_FILE
    if not confirmed:
        out.write(
            f"This deletes everything TalentDesk keeps in {data_dir}, and its keyring keys.\n"
            "Run again with --yes to do it.\n"
        )
        return 2
    from talentdesk.ui.single_instance import LOCK_FILE, SOCKET_FILE, data_dir_in_use

    if data_dir_in_use(data_dir):
        out.write("TalentDesk is running with this data folder: quit it first, then reset.\n")
        return 1
    try:
        info = probe(vault_path)
    except VaultFormatError:
        info = None
    if info is not None:
        try:
            forget_keys(info)
        except VaultError as exc:
            out.write(
                f"could not delete the keyring keys ({exc}); delete 'TalentDesk' entries "
                "in your keyring by hand\n"
            )
    for name in (
        VAULT_FILE,
        f"{VAULT_FILE}-wal",
        f"{VAULT_FILE}-shm",
        PREFS_FILE,
        LOCK_FILE,
        SOCKET_FILE,
    ):
        (data_dir / name).unlink(missing_ok=True)
    out.write(f"Reset done: {data_dir} holds no TalentDesk data now.\n")
    return 0
