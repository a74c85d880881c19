"""Idle memory with a live session open, beside a bare PySide6 window.

The vault holds an accepted booking whose session is live; the app resumes it
at unlock and shows the session window. After 3 s idle the process's resident
memory (VmRSS) is read, and the same for a process showing an empty QWidget.
Target: TalentDesk at most 2x the bare window (issue 10; it was 2.5x). Linux only (/proc).

Both children use compiled bytecode (a private cache, filled by a warm-up run), as
``bench.startup`` does, even where the environment sets ``PYTHONDONTWRITEBYTECODE``: an
installed app has its modules compiled, and compiling ~200 modules from source at each
start leaves ~2.5 MiB more behind than a talent's process holds.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench._support import display_for_children, ensure_keyring
from talentdesk.domain import Booking, BookingStatus, Channel, CustomerContact, Package
from talentdesk.sessions.runner import SessionRunner
from talentdesk.sync.outbox import Outbox
from talentdesk.vault import Vault, forget_keys
from talentdesk.vault.records import RecordStore

IDLE_MS = 3000

RSS = """
def rss_kib():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return -1
"""

BARE = (
    RSS
    + """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
w = QWidget(); w.resize(1000, 700); w.show()
QTimer.singleShot(IDLE_MS, lambda: (print(rss_kib(), flush=True), app.quit()))
app.exec()
""".replace("IDLE_MS", str(IDLE_MS))
)

APP = (
    RSS
    + """
import sys
from pathlib import Path
from talentdesk.app import disable_automatic_collection, workspace_opener
disable_automatic_collection()  # as talentdesk's main() does, before the vault and the view
from talentdesk.ui.application import build_app
from talentdesk.ui.session.window import SessionWindow
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
gui = build_app(Path(sys.argv[1]), "id", open_workspace=workspace_opener())
def check():
    if any(isinstance(w, SessionWindow) and w.isVisible()
           for w in QApplication.topLevelWidgets()):
        QTimer.singleShot(IDLE_MS, report)
        return
    QTimer.singleShot(20, check)
def report():
    print(rss_kib(), flush=True)
    gui.shutdown()
    QApplication.instance().quit()
gui.start()
QTimer.singleShot(0, check)
QApplication.instance().exec()
""".replace("IDLE_MS", str(IDLE_MS))
)


def live_session_vault(data_dir: Path) -> Vault:
    vault = Vault.create(data_dir / "vault.sqlite3")
    store = RecordStore(vault)
    package = Package(
        id="chat60",
        name="Teman Curhat 60 menit",
        channel=Channel.CHAT,
        duration_minutes=60,
        price_idr=50_000,
    )
    booking = Booking(
        id="BK-LIVE",
        start=datetime.now(UTC) - timedelta(minutes=2),
        package=package,
        status=BookingStatus.ACCEPTED,
    )
    store.save(booking)
    store.save(CustomerContact(booking_id=booking.id, alias="Tamu", contact_handle="@tamu"))
    SessionRunner(vault, Outbox(vault)).start(booking.id)
    return vault


def measure(code: str, *args: str, env: dict[str, str]) -> int:
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    if out.returncode != 0 or not out.stdout.strip():
        raise RuntimeError(f"run failed: {out.stderr[-2000:]}")
    return int(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ensure_keyring()
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    xvfb, platform = display_for_children(env)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "bytecode")
            data_dir = Path(tmp) / "data"
            vault = live_session_vault(data_dir)
            info = vault.info
            vault.close()
            measure(BARE, env=env)  # warm-up: fills the bytecode cache for both
            measure(APP, str(data_dir), env=env)
            bare = measure(BARE, env=env)
            app = measure(APP, str(data_dir), env=env)
            forget_keys(info)
    finally:
        if xvfb is not None:
            xvfb.terminate()
    verdict = "within" if app <= 2 * bare else "OVER"
    print(f"platform {platform}; {IDLE_MS} ms idle")
    print(f"bare PySide6 window, idle: {bare / 1024:.1f} MiB RSS")
    print(f"TalentDesk with a live session open, idle: {app / 1024:.1f} MiB RSS")
    print(f"ratio {app / bare:.2f}x (target at most 2x: {verdict})", flush=True)


if __name__ == "__main__":
    main()
