"""The composition layer: the command line, then the GUI or a command.

talentdesk [--data-dir DIR] [--lang id|en] [--demo]
talentdesk doctor [--data-dir DIR] [--passphrase-stdin]
talentdesk reset [--data-dir DIR] --yes

The view layer opens the vault (it asks for the passphrase) but builds no service: this
layer gives it :func:`workspace_opener`, which makes the workspace of each unlocked vault.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from talentdesk import __version__

if TYPE_CHECKING:
    import argparse

    from talentdesk.vault import Vault
    from talentdesk.workspace import (
        DemoAgency,
        SafetyTuning,
        SessionClocks,
        SyncTuning,
        Workspace,
    )


def workspace_opener(
    *,
    demo: DemoAgency | None = None,
    sync: SyncTuning | None = None,
    clocks: SessionClocks | None = None,
    safety: SafetyTuning | None = None,
) -> Callable[[Vault], Workspace]:
    """How the view gets the workspace of each unlocked vault (tests pass their tuning).

    The workspace module is imported at the first unlock, not with the command line.
    """

    def open_workspace(vault: Vault) -> Workspace:
        from talentdesk.workspace import Workspace

        return Workspace(vault, demo=demo, sync=sync, clocks=clocks, safety=safety)

    return open_workspace


def disable_automatic_collection() -> None:
    """Switch Python's automatic cycle collection off, before the vault and the view load.

    The window's process collects cycles on its GUI thread only, from a timer
    (``talentdesk.ui.collector``, which also switches automatic collection off, when Qt
    starts). Off from here, before the imports rather than when Qt starts: the start makes
    ~56,000 objects that nearly all live as long as the process (modules, classes, Qt's
    wrappers), and the collector's ~75 passes over them before the first window freed
    nothing (a full collection at the first paint finds ~500 unreachable objects) while
    taking ~7% of the CPU time to the first paint. The GUI thread's collector then
    collects them at its first tick, as automatic collection would have. Reference
    counting frees everything else as before.
    """
    gc.disable()


def run_gui(
    data_dir: Path,
    language: str | None,
    demo: DemoAgency | None = None,
    vault_key: str | None = None,
) -> int:
    """Run the window until the talent quits.

    Args:
        demo: the sample agency of ``--demo``.
        vault_key: the demo vault's key, kept unprotected beside it (``--demo`` asks
            nothing); None for a real vault.
    """
    from talentdesk.ui import run_gui as run_view

    return run_view(
        data_dir, language, open_workspace=workspace_opener(demo=demo), vault_key=vault_key
    )


def _parser() -> argparse.ArgumentParser:
    import argparse  # here: the GUI's first window needs no command line parser

    parser = argparse.ArgumentParser(
        prog="talentdesk",
        description="TalentDesk: your shift desk for agency-booked chat and call sessions.",
    )
    parser.add_argument("--version", action="version", version=f"TalentDesk {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,  # so "talentdesk --data-dir X doctor" keeps X
        help="where the vault lives (default: $TALENTDESK_DATA_DIR or the user data dir)",
    )
    parser.add_argument("--data-dir", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--lang", choices=("id", "en"), default=None, help="language of the window")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start with an embedded demo agency and sample bookings",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="log more (never customer data)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    doctor = commands.add_parser(
        "doctor", parents=[common], help="check the installation and every vault record"
    )
    doctor.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="read the vault passphrase from standard input (passphrase-protected vaults)",
    )
    reset = commands.add_parser(
        "reset", parents=[common], help="delete the vault, its keys and preferences"
    )
    reset.add_argument("--yes", action="store_true", help="really delete everything")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``talentdesk`` command."""
    os.umask(0o077)  # whatever we create is ours alone
    args = _parser().parse_args(argv)
    if args.command is not None:  # a command (the doctor walks the whole vault)
        return _run_command(args)
    collecting = gc.isenabled()
    disable_automatic_collection()
    try:
        return _run_window(args)
    finally:
        # As it was, for a caller that goes on (a test): the window's collector is gone.
        if collecting:
            gc.enable()


def _configure(args: argparse.Namespace) -> Path:
    """Logging as asked, and the data folder."""
    from talentdesk.vault import default_data_dir  # imported here: after the switch above

    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    data_dir: Path = (args.data_dir or default_data_dir()).expanduser().resolve()
    return data_dir


def _run_command(args: argparse.Namespace) -> int:
    data_dir = _configure(args)
    if args.command == "doctor":
        from talentdesk.doctor import run_doctor

        return run_doctor(data_dir, passphrase_stdin=args.passphrase_stdin, out=sys.stdout)
    from talentdesk.doctor import run_reset

    return run_reset(data_dir, confirmed=args.yes, out=sys.stdout)


def _run_window(args: argparse.Namespace) -> int:
    data_dir = _configure(args)
    if not args.demo:
        return run_gui(data_dir, args.lang)
    from talentdesk.demo import start_demo
    from talentdesk.workspace import DemoAgency

    demo = start_demo(data_dir)
    try:
        return run_gui(
            demo.data_dir,
            args.lang,
            demo=DemoAgency(demo.url, demo.pairing_code),
            vault_key=demo.vault_key,
        )
    finally:
        demo.stop()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
