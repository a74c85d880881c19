"""Grab the session windows in Indonesian, with sample data, for docs/screenshots.

Usage:
    uv run python tools/session_screenshots.py [--out docs/screenshots] [--lang id]

Runs the real app offscreen against the reference agency on loopback, seeded like a
demo run (``seed_demo``), in a throw-away data folder: unlocks, pairs itself, accepts
tonight's first and third bookings, pins three replies and puts the agency's
"Standar" boundaries in force, then saves

* ``today.png``: Today with the bookings and the first booking's session card;
* ``live-session.png``: that session 11 minutes in, a customer waiting;
* ``reply-search.png``: the reply search with a query typed;
* ``compact.png``: the compact window.

The session's monotonic clock is a fake one moved by this script, so the countdown
shows a time in the middle of the session; everything else is real. The throw-away
folder (sample vault and agency) is removed at the end.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _screens import (
    PINS,
    Monotonic,
    answered,
    pin_replies,
    sample_desk,
    save,
    settle,
    start_session,
    unlocked,
    wait_until,
)
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from talentdesk.domain import ReplyStyle
from talentdesk.ui.application import TalentDeskApp
from talentdesk.ui.main_window import Page

SIZE = (1180, 760)


def shoot(app: TalentDeskApp, clock: Monotonic, out: Path) -> None:
    """Today, a live session, the reply search and the compact window."""
    window = unlocked(app)
    today = window.today
    wait_until(lambda: today.model.rowCount() == 4)
    session = app.session
    assert session is not None
    pin_replies(session)
    session.boundaries.activate("agency-standar")
    session.changed_presets()

    rows = today.model.rows()
    for row in (rows[0], rows[2]):
        today.select_booking(row.booking.id)
        today.accept_button.click()
        wait_until(functools.partial(answered, today, row.booking.id))
    first = rows[0].booking.id
    today.select_booking(first)
    panel = today.session_panel
    assert panel is not None
    wait_until(lambda: panel.contact.handle.text() != "")
    window.show_page(Page.TODAY)
    wait_until(lambda: "terkirim" in today.answer_note.text(), timeout=30)
    save(window, out / "today.png")

    screens, live = start_session(app, panel)
    live.resize(*SIZE)
    session.set_reply_language("id")
    clock.now += 11 * 60 + 23
    session.customer_wrote()
    clock.now += 48
    session.tick_now()
    save(live, out / "live-session.png")

    # The talent's own reply and their edit of an agency reply, beside the agency's.
    session.replies.create(
        style=ReplyStyle.ALTERNATIVE,
        language="id",
        text="Maaf ya, malam ini aku cuma bisa nemenin lewat chat. Mau lanjut cerita?",
        shortcode="maafchat",
    )
    session.replies.edit(
        "agency-id-sexual",
        text="Maaf, obrolan seperti itu di luar layananku ya. Yuk ngobrol hal lain aja.",
    )
    session.changed_replies()
    QTest.keyClicks(live.replies.field, "maaf")
    wait_until(lambda: live.replies.model.rowCount() >= 4)
    settle()
    live.replies.copy_current()
    wait_until(live.replies.note.isVisible)
    settle(0.6)
    card = live.replies.parentWidget()
    assert card is not None
    save(card, out / "reply-search.png")
    live.replies.field.clear()

    session.tick_now()
    screens.show_compact()
    compact = screens.compact
    assert compact is not None
    wait_until(lambda: compact.result_buttons[len(PINS) - 1].isEnabled())
    save(compact, out / "compact.png")
    QTest.keyClick(compact, Qt.Key.Key_Escape)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=Path("docs") / "screenshots")
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    with sample_desk("talentdesk-session-shots-", args.lang) as desk:
        shoot(desk.app, desk.clock, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
