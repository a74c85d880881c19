"""Grab the compact window and the lock screen during a live session, under Xvfb at
1366×768, in both languages, for docs/screenshots.

Usage:
    uv run python tools/live_screenshots.py [--out docs/screenshots]

Starts its own X server (Xvfb, 1366×768) and runs the real app on it (Qt's xcb platform),
against the reference agency on loopback seeded like a demo run, in a throw-away data
folder: unlocks, pairs, accepts tonight's first booking and starts its session, pins three
replies, lets the customer wait, escalates (the agency's supervisor takes it). Then, for
Indonesian and English, it saves

* ``compact-<lang>.png``: the compact window beside the chat app, as the talent sees it;
* ``lock-live-session-<lang>.png``: the whole screen, locked in the middle of the session
  (the session's clock, the escalate button, the escalation taken by "Rina").

The session's monotonic clock is a fake one moved by this script; everything else is
real. The throw-away folder is removed at the end.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _display import SCREEN, start_xvfb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=Path("docs") / "screenshots")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    xvfb = start_xvfb(SCREEN)
    try:
        return _shoot_all(out)
    finally:
        xvfb.terminate()
        xvfb.wait(10)


def _shoot_all(out: Path) -> int:
    # Qt is imported once DISPLAY points at our X server.
    from _screens import (
        accept_first,
        pin_replies,
        sample_desk,
        settle,
        start_session,
        unlocked,
        wait_until,
    )
    from PySide6.QtGui import QGuiApplication

    from talentdesk_agency import AgencyStore

    with sample_desk("talentdesk-live-shots-", "id") as desk:
        app, clock, db = desk.app, desk.clock, desk.agency_db
        window = unlocked(app)
        today = window.today
        wait_until(lambda: today.model.rowCount() == 4)
        session = app.session
        assert session is not None
        assert app.safety is not None
        pin_replies(session)
        screens, _live = start_session(app, accept_first(today))
        clock.now += 11 * 60 + 23
        session.customer_wrote()
        clock.now += 97  # the customer has waited: the pace box warns
        session.tick_now()
        view = app.safety.escalate()
        assert view is not None
        agency = AgencyStore(db)
        wait_until(lambda: bool(agency.escalations()), timeout=30)
        agency.acknowledge_escalation(agency.escalations()[0].id, "Rina")
        wait_until(
            lambda: (
                app.safety is not None
                and any(v.supervisor == "Rina" for v in app.safety.snapshot.escalations)
            ),
            timeout=30,
        )
        screen = QGuiApplication.primaryScreen()
        assert screen is not None
        for language in ("id", "en"):
            app.set_language(language)
            screens.show_compact()
            compact = screens.compact
            assert compact is not None
            compact.move(SCREEN[0] - compact.width() - 24, 40)
            wait_until(lambda c=compact: c.result_buttons[0].isEnabled())  # type: ignore[misc]
            session.tick_now()
            settle(0.8)
            path = out / f"compact-{language}.png"
            compact.grab().save(str(path))
            print(path)
        screens.show_session()
        app.set_language("id")
        for language in ("id", "en"):
            app.set_language(language)
            if app.guard is None:
                app.lock()
            lock_screen = app.unlock_screen
            lock_screen.setGeometry(0, 0, *SCREEN)
            lock_screen.show()
            wait_until(lambda: app.guard is not None and app.guard.isVisible())
            clock.now += 37
            assert app.guard is not None
            app.guard.tick_now()
            settle(1.0)
            path = out / f"lock-live-session-{language}.png"
            screen.grabWindow(0).save(str(path))  # the whole 1366×768 screen
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
