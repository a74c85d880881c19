"""The composition layer: what starting the desk loads (and what it must never load)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

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
    done = subprocess.run(
        [sys.executable, "-c", CHECK, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
