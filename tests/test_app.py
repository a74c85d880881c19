"""The composition layer: what starting the desk loads (and what it must never load)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.python_child import run_python

CHECK = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    import talentdesk.app
    from talentdesk.vault import Vault
    path = Path(sys.argv[1]) / "vault.sqlite3"
    Vault.create(path, passphrase="mawar melati semuanya indah").close()
    vault = Vault.open(path, passphrase="mawar melati semuanya indah")
    talentdesk.app.workspace_opener()(vault).tonight()
    vault.close()
    server = ("starlette", "uvicorn", "talentdesk_agency")
    print(sorted(m for m in sys.modules if m.split(".")[0] in server))
    """
)


def test_starting_and_opening_a_vault_loads_no_agency_server(tmp_path: Path) -> None:
    done = run_python(CHECK, str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


# Runs the entry point up to where the window would start (``run_gui``, replaced by a
# probe that says what it found there) and then a command, in one process each.
ENTRY = textwrap.dedent(
    """
    import gc, sys
    import talentdesk.app
    assert gc.isenabled()
    assert "talentdesk.vault" not in sys.modules, "imported before main() could switch"
    imported_with_collection = {}

    class Watch:  # notes whether automatic collection was on when the vault was imported
        def find_spec(self, name, path=None, target=None):
            if name == "talentdesk.vault":
                imported_with_collection[name] = gc.isenabled()
            return None

    sys.meta_path.insert(0, Watch())

    def window(data_dir, language, **kwargs):
        print("window", gc.isenabled(), imported_with_collection)
        return 0

    talentdesk.app.run_gui = window
    code = talentdesk.app.main(sys.argv[1:])
    print("command" if sys.argv[-1] == "reset" else "", gc.isenabled())
    sys.exit(code)
    """
)


def test_the_window_starts_with_automatic_collection_off_and_commands_keep_it(
    tmp_path: Path,
) -> None:
    # The window's process collects cycles on its GUI thread (talentdesk.ui.collector);
    # switched off before the vault and the view are imported, the start skips ~75
    # collector passes that freed nothing (docs/architecture.md, "Start-up and memory").
    def run(*args: str) -> str:
        done = run_python(ENTRY, "--data-dir", str(tmp_path), *args)
        assert "Traceback" not in done.stderr, done.stderr
        return done.stdout

    # Off at the window's start, the vault imported with it off; as it was once main()
    # returns (a caller that goes on, like a test, keeps its collector).
    assert run().splitlines() == ["window False {'talentdesk.vault': False}", " True"]
    # A command (the doctor walks the whole vault) keeps automatic collection.
    assert run("reset").splitlines()[-1] == "command True"  # without --yes: asks, exits 2
