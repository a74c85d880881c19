"""Grab the main screens with sample data, in both languages, to look at them.

Usage:
    uv run python tools/screenshots.py [--out DIR]

Runs the real app offscreen against the reference agency on loopback, seeded
like a demo run (``seed_demo``), in a throw-away data folder: unlocks, pairs
itself, answers two bookings (one accepted, one declined), then saves Today
and Settings → Agency in Indonesian and English, the warning asked before
accepting a booking that breaks the shift limits, and an unpaired window with
a refused pairing attempt.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _screens import PASSPHRASE, TALENT, settle, wait_until
from _screens import unlocked as unlocked_at_walk_size

from talentdesk.app import workspace_opener
from talentdesk.domain import ShiftLimits
from talentdesk.ui.application import TalentDeskApp, build_app, ensure_qapplication
from talentdesk.ui.main_window import MainWindow, Page
from talentdesk.vault import VAULT_FILE, Vault
from talentdesk.workspace import DemoAgency
from talentdesk_agency import ServerThread, seed_demo

SIZE = (1120, 720)


def unlocked(app: TalentDeskApp) -> MainWindow:
    """Start ``app``, type the passphrase, and return its main window at this tool's size."""
    window = unlocked_at_walk_size(app)
    window.resize(*SIZE)
    return window


def shoot_paired(app: TalentDeskApp, out: Path) -> None:
    """Today and Settings → Agency of a paired demo run, in both languages; the warning."""
    window = unlocked(app)
    today = window.today
    wait_until(lambda: today.model.rowCount() == 4)
    wait_until(lambda: window.agency_line.full_text.startswith("Connected"))

    first, second = (row.booking.id for row in today.model.rows()[:2])
    today.select_booking(first)
    today.accept_button.click()
    wait_until(lambda: today.model.rows()[0].answer is not None)
    today.select_booking(second)
    today.decline_button.click()
    wait_until(lambda: today.decline_dialog is not None)
    dialog = today.decline_dialog
    assert dialog is not None
    dialog.setTextValue("Sudah ada jadwal lain")
    dialog.accept()
    wait_until(lambda: "delivered" in today.answer_note.text())
    today.select_booking(today.model.rows()[2].booking.id)

    for language in ("id", "en"):
        app.set_language(language)
        window.show_page(Page.TODAY)
        settle()
        window.grab().save(str(out / f"today-{language}.png"))
        window.show_page(Page.SETTINGS)
        settle()
        window.grab().save(str(out / f"settings-agency-{language}.png"))

    strict = ShiftLimits(max_hours_per_night=2.0, min_break_minutes=120)
    limits = window.settings.shift_limits
    wait_until(lambda: limits.saved_limits is not None)  # read before it is changed
    limits.set_limits(strict)
    limits.save()
    wait_until(lambda: limits.saved_limits == strict)
    window.show_page(Page.TODAY)
    today.select_booking(today.model.rows()[2].booking.id)
    today.accept_button.click()
    wait_until(lambda: today.confirm_dialog is not None)
    confirm = today.confirm_dialog
    assert confirm is not None
    settle()
    confirm.grab().save(str(out / "accept-warning-en.png"))
    confirm.reject()


def shoot_unpaired(app: TalentDeskApp, out: Path) -> None:
    """An unpaired window in Indonesian: plain http refused; Today's empty state."""
    window = unlocked(app)
    window.show_page(Page.SETTINGS)
    section = window.settings.agency
    section.url_field.setText("http://agensi.example.com")
    section.code_field.setText("ABCD-EFGH")
    section.pair_button.click()
    wait_until(section.error.isVisible)
    settle()
    window.grab().save(str(out / "settings-refused-id.png"))
    window.show_page(Page.TODAY)
    settle()
    window.grab().save(str(out / "today-empty-id.png"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--out", type=Path, default=Path(tempfile.gettempdir()) / "talentdesk-shots"
    )
    out: Path = parser.parse_args(argv).out
    out.mkdir(parents=True, exist_ok=True)
    ensure_qapplication([sys.argv[0]])
    work = Path(tempfile.mkdtemp(prefix="talentdesk-shots-"))
    db = work / "agency.sqlite3"
    code = seed_demo(db, TALENT, datetime.now(UTC))
    for folder in ("paired", "unpaired"):
        Vault.create(work / folder / VAULT_FILE, passphrase=PASSPHRASE).close()
    with ServerThread(db) as server:
        app = build_app(
            work / "paired",
            "en",
            open_workspace=workspace_opener(demo=DemoAgency(server.url, code)),
        )
        assert app is not None
        try:
            shoot_paired(app, out)
        finally:
            app.shutdown()
    app = build_app(work / "unpaired", "id", open_workspace=workspace_opener())
    assert app is not None
    try:
        shoot_unpaired(app, out)
    finally:
        app.shutdown()
    for path in sorted(out.glob("*.png")):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
