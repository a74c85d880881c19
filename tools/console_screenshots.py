"""Screenshots of the agency console for the README (docs/screenshots/console-*.png).

A reference server with sample data (made-up names), the console in Debian's Chromium at
1366x768: the queue with an unacknowledged alarm, an escalation's timeline, the reports
queue, the roster; the queue on the night shift (dark); and the queue on a phone (390x844,
in Bahasa Indonesia).

    uv run python tools/console_screenshots.py [--lang en|id] [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from playwright.sync_api import Page, sync_playwright

from talentdesk_agency import AgencyStore, ServerThread, policy
from talentdesk_agency.store import Supervisor, now_utc
from talentdesk_agency.store.records import StaffRole
from talentdesk_contract import wire
from talentdesk_contract.values import (
    CrisisSign,
    EscalationKind,
    ReportCategory,
    ReportStatus,
    TicketLevel,
)

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--autoplay-policy=no-user-gesture-required",
]
PASSWORD = "screenshot password"  # noqa: S105 - sample data


def seed(db: Path, url: str) -> str:
    """Sample data; returns the escalation whose timeline is shown."""
    now = datetime.now(UTC)
    with AgencyStore(db) as store:
        store.staff.add("Rina", StaffRole.ADMIN, PASSWORD)
        store.staff.add("Budi", StaffRole.SUPERVISOR, PASSWORD)
        assert store.staff.sign_in("Budi", PASSWORD) is not None
        ids = {}
        for talent in ("Sari", "Dewi", "Melati"):
            code = store.create_pairing_code(talent)
            pairing = httpx.post(
                url + "/v1/pairing", json={"code": code, "device_name": f"Laptop {talent}"}
            )
            ids[talent] = pairing.json()["talent"]["id"]
        bookings = {
            talent: store.create_booking(
                talent,
                start=now + timedelta(minutes=minutes),
                package_id=package,
                alias="Contoh",
                handle="@contoh",
            )
            for talent, minutes, package in (
                ("Sari", -10, "curhat-30"),
                ("Dewi", -25, "sleepcall-60"),
                ("Melati", 40, "chatcall-90"),
            )
        }

        def escalate(
            talent: str, kind: EscalationKind, sign: CrisisSign | None, note: str | None
        ) -> str:
            request = wire.EscalationRequest(
                level="urgent",
                at=now_utc(),
                booking_id=bookings[talent],
                kind=kind,
                crisis_sign=sign,
                note=note,
            )
            _, body = store.create_escalation(ids[talent], request)
            return wire.decode(body, wire.EscalationCreated).id

        taken = escalate(
            "Dewi",
            EscalationKind.BUTTON,
            CrisisSign.DISTRESS,
            "Pelanggan menangis terus, aku bingung.",
        )
        store.follow_up_escalation(
            ids["Dewi"],
            taken,
            wire.EscalationFollowUpRequest(
                crisis_sign=CrisisSign.SUICIDAL_THOUGHTS, note="Dia bilang tidak mau hidup lagi."
            ),
        )
        policy.tick(store, now_utc() + timedelta(seconds=61))
        store.acknowledge_escalation(taken, Supervisor("Budi"), "Aku telepon kamu sekarang.")
        waiting = escalate(
            "Sari",
            EscalationKind.BUTTON,
            CrisisSign.AGGRESSION,
            "Dia marah dan mengancam setelah aku tolak video call.",
        )
        lone = escalate("Melati", EscalationKind.LONE_WORKER, None, None)
        store.create_debrief(
            ids["Sari"], wire.DebriefRequest(at=now_utc(), booking_id=bookings["Sari"])
        )
        for talent, category in (
            ("Sari", ReportCategory.THREATS),
            ("Dewi", ReportCategory.INSULTS),
            ("Melati", ReportCategory.EXTRA_PAYMENT_OR_EXPLOITATION),
        ):
            _, body = store.create_report(
                ids[talent],
                wire.ReportRequest(
                    session_id="s1",
                    booking_id=bookings[talent],
                    category=category,
                    description="Contoh laporan.",
                    at=now_utc(),
                ),
            )
            if talent == "Dewi":
                report = wire.decode(body, wire.Report)
                store.update_ticket(
                    report.id,
                    status=ReportStatus.IN_PROGRESS,
                    level=TicketLevel.SUPERVISOR,
                    note="Sedang kami cek.",
                )
        with store.db.write() as tx:  # an old ticket, overdue; alarms that have waited a while
            tx.execute(
                "UPDATE reports SET created_at = ? WHERE category = ?",
                ((now - timedelta(minutes=25)).isoformat(), ReportCategory.THREATS),
            )
            for escalation_id, seconds in ((waiting, 42), (lone, 17), (taken, 95)):
                tx.execute(
                    "UPDATE escalations SET created_at = ? WHERE id = ?",
                    ((now - timedelta(seconds=seconds)).isoformat(), escalation_id),
                )
            tx.execute(
                "UPDATE escalations SET acknowledged_at = ? WHERE id = ?",
                ((now - timedelta(seconds=20)).isoformat(), taken),
            )
            tx.execute("UPDATE talents SET available = 1")
        return taken


def sign_in(page: Page, url: str, lang: str) -> None:
    page.goto(f"{url}/console/login?lang={lang}")
    page.fill("input[name=name]", "Rina")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/console/queue")
    page.wait_for_selector("body[data-live-seq]")
    page.click("#sound-on-now")  # what a supervisor does first
    page.wait_for_selector("#sound-off", state="hidden")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--lang", default="en", choices=["en", "id"])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    db = Path(tempfile.mkdtemp(prefix="console-shots-")) / "agency.sqlite3"
    AgencyStore(db).close()
    with ServerThread(db, app_options={"policy_interval": None}) as server:
        escalation = seed(db, server.url)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            desk = browser.new_context(
                viewport={"width": 1366, "height": 768},
                color_scheme="light",
                reduced_motion="reduce",  # the alarm's pulse held at its strongest
                permissions=["notifications"],
            )
            page = desk.new_page()
            sign_in(page, server.url, args.lang)
            page.screenshot(path=str(args.out / "console-queue.png"))
            page.goto(f"{server.url}/console/escalations/{escalation}")
            page.screenshot(path=str(args.out / "console-escalation.png"), full_page=True)
            page.goto(f"{server.url}/console/reports")
            page.screenshot(path=str(args.out / "console-reports.png"))
            page.goto(f"{server.url}/console/roster")
            page.screenshot(path=str(args.out / "console-roster.png"))
            desk.close()
            night = browser.new_context(
                viewport={"width": 1366, "height": 768},
                color_scheme="dark",
                reduced_motion="reduce",  # the alarm's pulse held at its strongest
                permissions=["notifications"],
            )
            page = night.new_page()
            sign_in(page, server.url, args.lang)
            page.screenshot(path=str(args.out / "console-queue-dark.png"))
            night.close()
            phone = browser.new_context(
                viewport={"width": 390, "height": 844},
                device_scale_factor=1,
                is_mobile=True,
                has_touch=True,
                color_scheme="light",
                reduced_motion="reduce",
                permissions=["notifications"],
            )
            page = phone.new_page()
            sign_in(page, server.url, "id")
            page.screenshot(path=str(args.out / "console-queue-phone.png"))
            phone.close()
            browser.close()
    print(f"screenshots in {args.out}")


if __name__ == "__main__":
    main()
