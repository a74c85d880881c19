"""``talentdesk --demo``: a sample agency on this computer, so a new user sees the whole flow.

The reference agency server runs embedded on loopback, on the same port as last
time where it can (the demo vault remembers the agency's address). The demo has
its own data dir (``<data dir>/demo``), never mixed with the talent's real vault.

The demo asks nothing: its vault's key is a random one kept in the demo folder
(:data:`DEMO_KEY_FILE`), plainly marked as unprotected, so there is no passphrase to
choose and no keyring needed. It holds sample data only; the real vault never uses it.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from talentdesk.vault.paths import atomic_write, ensure_private_dir
from talentdesk_agency import AgencyStore, ServerThread, seed_demo

log = logging.getLogger(__name__)

DEMO_TALENT = "Demo Talent"
#: The demo vault's key, beside it, unprotected on purpose (its name says so).
DEMO_KEY_FILE = "demo-vault-key-UNPROTECTED.txt"
_KEY_NOTE = (
    "# TalentDesk demo: the key of the demo vault, kept here UNPROTECTED on purpose.\n"
    "# Anyone who can read this folder can open the demo vault. It holds sample data\n"
    "# only; your real vault never uses this file.\n"
)
#: Fresh sample bookings are pushed when the last ones are this old.
RESEED_AFTER_SECONDS = 4 * 3600


@dataclass
class DemoRun:
    """A running demo agency."""

    data_dir: Path
    server: ServerThread
    url: str
    pairing_code: str
    vault_key: str

    def stop(self) -> None:
        self.server.stop()


def _read_int(path: Path) -> int | None:
    try:
        return int(path.read_text().strip())
    except (OSError, ValueError):
        return None


def demo_vault_key(demo_dir: Path) -> str:
    """The demo vault's key, made (random) on the first demo run and kept in ``demo_dir``."""
    path = demo_dir / DEMO_KEY_FILE
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    keys = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    if keys and len(keys[-1]) >= 32:
        return keys[-1]
    key = secrets.token_urlsafe(32)
    atomic_write(path, (_KEY_NOTE + key + "\n").encode())
    return key


def start_demo(data_dir: Path, now: datetime | None = None) -> DemoRun:
    """Start the sample agency for ``data_dir`` and give the app a pairing code.

    Tonight's sample bookings are (re)pushed on the first run and whenever the
    last ones are more than a few hours old.
    """
    demo_dir = ensure_private_dir(data_dir / "demo")
    db = demo_dir / "agency.sqlite3"
    seeded_file = demo_dir / "agency-seeded-at"
    now = now or datetime.now(UTC).astimezone()
    seeded_at = _read_int(seeded_file)
    if not db.exists() or seeded_at is None or time.time() - seeded_at > RESEED_AFTER_SECONDS:
        code = seed_demo(db, DEMO_TALENT, now)
        atomic_write(seeded_file, str(int(time.time())).encode())
    else:
        with AgencyStore(db) as store:
            code = store.create_pairing_code(DEMO_TALENT)
    port_file = demo_dir / "agency-port"
    server: ServerThread | None = None
    remembered = _read_int(port_file)
    if remembered:
        server = ServerThread(db, port=remembered)
        try:
            url = server.start()
        except (OSError, RuntimeError):
            log.info("demo agency port %d is taken; picking another", remembered)
            server = None
    if server is None:
        server = ServerThread(db)
        url = server.start()
    with contextlib.suppress(OSError):
        atomic_write(port_file, str(server.port).encode())
    return DemoRun(demo_dir, server, url, code, demo_vault_key(demo_dir))
