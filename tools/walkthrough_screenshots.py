"""A talent's night under a real X server at 1366×768, with a chat app in front, in
Indonesian and English: whole-screen pictures to look at (issue 12's walkthrough).

Usage:
    uv run python tools/walkthrough_screenshots.py [--out DIR]

Starts its own X server (Xvfb, 1366×768) and window manager (openbox, so windows are
maximized and decorated as on a desktop), a stand-in chat app (a plain window in a
child process, placed as a talent places WhatsApp Web), and the real app on Qt's xcb
platform against the reference agency on loopback, seeded like a demo run, in a
throw-away data folder. At each stop it saves ``NN-<stop>-<lang>.png`` of the whole
screen (``import -window root``): Today, the live session with the chat app in front,
the compact window beside the chat app, an escalation taken by "Rina", five minutes
left, the closing checklist, after-care and its break, the night summary, Settings, and
the lock screen during a session. Needs Xvfb, openbox, xdotool and ImageMagick.
"""

from __future__ import annotations

import argparse
import functools
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _display import SCREEN, start_xvfb

#: The stand-in chat app: a window with a chat's look, where a talent keeps it.
CHAT_APP = r"""
import sys
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWidget
app = QApplication(sys.argv)
w = QWidget(); w.setWindowTitle("WhatsApp — Pelanggan")
w.setStyleSheet("QWidget{background:#efeae2;font-size:11pt}"
                "QLabel{background:white;border-radius:8px;padding:8px}"
                "QLabel[me='1']{background:#d9fdd3}")
box = QVBoxLayout(w)
for text, me in (("halo kak, jadi sleep call jam 9?", 0), ("Halo! Iya, aku Sari 😊", 1),
                 ("kak boleh minta nomor wa pribadi?", 0)):
    label = QLabel(text); label.setWordWrap(True); label.setProperty("me", str(me))
    box.addWidget(label)
box.addStretch(1); box.addWidget(QLineEdit(placeholderText="Ketik pesan"))
w.setGeometry(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
w.show(); app.exec()
"""


def start_display() -> list[subprocess.Popen[bytes]]:
    """Xvfb and openbox of our own; DISPLAY points at them from here on."""
    xvfb = start_xvfb(SCREEN)
    wm = subprocess.Popen(["openbox"], stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    time.sleep(0.5)
    return [wm, xvfb]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=Path("walkthrough-screens"))
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    started = start_display()
    try:
        return _walk(out)
    finally:
        for proc in started:
            proc.terminate()
            proc.wait(10)


def _walk(out: Path) -> int:
    from _screens import (
        PASSPHRASE,
        answered,
        pin_replies,
        sample_desk,
        settle,
        start_session,
        unlocked,
        wait_until,
    )
    from PySide6.QtWidgets import QWidget

    from talentdesk.ui.main_window import Page
    from talentdesk_agency import AgencyStore

    chat: subprocess.Popen[bytes] | None = None
    stop = 0
    with sample_desk("talentdesk-walkthrough-", "id", named=False) as desk:
        app, clock, db = desk.app, desk.clock, desk.agency_db

        def shoot(name: str, *front: str | QWidget) -> None:
            """The whole screen, once per language, with ``front`` windows raised in order
            (the chat app by its title, through the window manager; ours by Qt)."""
            nonlocal stop
            stop += 1
            for language in ("id", "en"):
                app.set_language(language)
                settle(0.6)
                for each in front:
                    if isinstance(each, QWidget):
                        each.raise_()
                        each.activateWindow()
                    else:
                        subprocess.run(
                            ["xdotool", "search", "--name", each, "windowactivate"],
                            check=False,
                            capture_output=True,
                            timeout=10,
                        )
                    settle(0.3)
                settle(0.6)
                path = out / f"{stop:02d}-{name}-{language}.png"
                subprocess.run(["import", "-window", "root", str(path)], check=True, timeout=30)
                print(path)
            app.set_language("id")

        try:
            window = unlocked(app)
            window.showMaximized()
            today = window.today
            wait_until(lambda: today.model.rowCount() == 4)
            session = app.session
            assert session is not None
            assert app.safety is not None
            pin_replies(session)
            rows = today.model.rows()

            today.select_booking(rows[0].booking.id)
            shoot("today-a-booking-waits")
            today.accept_button.click()
            wait_until(functools.partial(answered, today, rows[0].booking.id))
            panel = today.session_panel
            assert panel is not None
            wait_until(panel.start_button.isEnabled)
            shoot("today-session-card")
            for page in (Page.SUMMARY, Page.REPLIES, Page.SETTINGS):
                window.show_page(page)
                shoot(f"page-{page.name.lower()}")
            window.show_page(Page.TODAY)

            chat = subprocess.Popen(
                [sys.executable, "-c", CHAT_APP, "330", "30", "430", "690"],
                stderr=subprocess.DEVNULL,
            )
            time.sleep(2.0)
            screens, live = start_session(app, panel)
            live.showMaximized()
            clock.now += 11 * 60 + 23
            session.customer_wrote()
            clock.now += 97
            session.tick_now()
            shoot("session-chat-app-in-front", "WhatsApp")
            screens.show_compact()
            compact = screens.compact
            assert compact is not None
            compact.move(SCREEN[0] - compact.width() - 12, 30)
            shoot("compact-beside-the-chat-app", "WhatsApp", compact)
            screens.show_session()
            app.safety.escalate()
            agency = AgencyStore(db)
            wait_until(lambda: bool(agency.escalations()), timeout=30)
            agency.acknowledge_escalation(
                agency.escalations()[0].id, "Rina", "Aku telepon kamu sebentar lagi ya."
            )
            wait_until(
                lambda: any(
                    v.supervisor == "Rina"
                    for v in (app.safety.snapshot.escalations if app.safety else ())
                ),
                timeout=30,
            )
            shoot("session-escalation-taken", "WhatsApp")
            assert live.live is not None
            left = live.live.planned_seconds - (clock.now - 10_000.0)
            clock.now += left - 5 * 60 + 1
            session.tick_now()
            shoot("session-five-minutes-left", "WhatsApp")
            screens.show_compact()
            shoot("compact-five-minutes-left", compact)
            screens.show_session()
            app.lock()
            lock_screen = app.unlock_screen
            wait_until(lambda: app.guard is not None and app.guard.isVisible())
            shoot("locked-during-the-session")
            lock_screen.passphrase.field.setText(PASSPHRASE)
            lock_screen.passphrase.unlock_button.click()
            wait_until(lambda: app.session_windows is not None)
            again = app.session_windows
            assert again is not None
            wait_until(lambda: again.window is not None)
            resumed = again.window
            assert resumed is not None
            assert app.session is not None
            resumed.showMaximized()
            app.session.end()
            wait_until(lambda: app.session is not None and app.session.routine is not None)
            shoot("closing-checklist-escalation-open", "WhatsApp")
            for box in resumed.closing.steps.values():
                box.setChecked(True)
            app.session.finish()
            prompts = app.safety_windows
            assert prompts is not None
            wait_until(lambda: prompts.after_care is not None and prompts.after_care.isVisible())
            care = prompts.after_care
            assert care is not None
            care.take_break()
            shoot("after-care-break", care)
            care.close()
            main = app.main_window
            assert main is not None
            main.show_page(Page.SUMMARY)
            shoot("night-summary")
        finally:
            if chat is not None:
                chat.terminate()
                chat.wait(10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
