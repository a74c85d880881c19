"""Screenshots of the agency console for the README (docs/screenshots/console-*.png).

A reference server with sample data (made-up names), the console in Debian's Chromium at
1366x768: the queue with an unacknowledged alarm, an escalation's timeline, the reports
queue, the roster; the queue on the night shift (dark); and the queue on a phone (390x844,
in Bahasa Indonesia). With ``--extra``, not for the README, in ``--lang``'s language: a
ticket saved through its page and the audit log saying what changed, the bar just after
going off duty (``extra-*``), and the same on a phone.

    uv run python tools/console_screenshots.py [--lang en|id] [--out docs/screenshots] [--extra]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from playwright.sync_api import Page, sync_playwright

from talentdesk_agency import AgencyStore, ServerThread, policy
from talentdesk_agency.store import Supervisor, records
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


class StoryClock:
    """The sample story's clock: real time, ``behind`` seconds ago while the story is told.

    The server and the store read the time only through ``now_utc``; pointing that at this
    clock (in this process, where the server thread runs too) stamps every row the story
    writes (escalations, timelines, alert notices, feed events, devices' last calls) with
    the story's moment, so raised times, timelines and alerts agree. At ``at(0)`` it is the
    real clock again.
    """

    def __init__(self) -> None:
        self.behind = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(UTC) - self.behind

    def at(self, seconds_ago: float) -> None:
        self.behind = timedelta(seconds=seconds_ago)

    def install(self) -> None:
        """Every loaded agency module's ``now_utc`` becomes this clock."""
        real = records.now_utc
        for name, module in list(sys.modules.items()):
            if name.startswith("talentdesk_agency") and getattr(module, "now_utc", None) is real:
                module.now_utc = self  # type: ignore[attr-defined]


def seed(db: Path, url: str, clock: StoryClock) -> str:
    """The sample night, told in order on ``clock``; returns the escalation whose timeline
    is shown."""
    clock.install()
    client = httpx.Client(base_url=url)

    def desk(token: str, method: str, path: str, body: object) -> None:
        """A talent's app calling the agency (its device is then "seen")."""
        response = client.request(
            method,
            path,
            json=body,
            headers={"Authorization": f"Bearer {token}", "Idempotency-Key": uuid.uuid4().hex},
        )
        response.raise_for_status()

    with AgencyStore(db) as store:
        clock.at(3 * 3600)  # the evening: staff, devices, bookings
        store.staff.add("Rina", StaffRole.ADMIN, PASSWORD)
        store.staff.add("Budi", StaffRole.SUPERVISOR, PASSWORD)
        assert store.staff.sign_in("Budi", PASSWORD) is not None
        budi = next(m for m in store.staff.members() if m.name == "Budi")
        ids, tokens = {}, {}
        for talent in ("Sari", "Dewi", "Melati"):
            code = store.create_pairing_code(talent)
            pairing = client.post(
                "/v1/pairing", json={"code": code, "device_name": f"Laptop {talent}"}
            )
            ids[talent] = pairing.json()["talent"]["id"]
            tokens[talent] = pairing.json()["token"]
        now = datetime.now(UTC)
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
        for talent in ids:
            desk(tokens[talent], "PUT", "/v1/availability", {"available": True})

        def start_session(talent: str, minutes_ago: int, planned: int) -> None:
            clock.at(minutes_ago * 60)
            desk(
                tokens[talent],
                "POST",
                f"/v1/sessions/{bookings[talent]}/events",
                {"type": "started", "at": clock().isoformat(), "planned_seconds": planned},
            )

        def report(talent: str, category: ReportCategory, minutes_ago: int) -> str:
            clock.at(minutes_ago * 60)
            _, body = store.create_report(
                ids[talent],
                wire.ReportRequest(
                    session_id="s1",
                    booking_id=bookings[talent],
                    category=category,
                    description="Contoh laporan.",
                    at=clock(),
                ),
            )
            return wire.decode(body, wire.Report).id

        def escalate(
            talent: str, kind: EscalationKind, sign: CrisisSign | None, note: str | None
        ) -> str:
            request = wire.EscalationRequest(
                level="urgent",
                at=clock(),
                booking_id=bookings[talent],
                kind=kind,
                crisis_sign=sign,
                note=note,
            )
            _, body = store.create_escalation(ids[talent], request)
            escalation = wire.decode(body, wire.EscalationCreated).id
            clock.at(clock.behind.total_seconds() - 1)  # the policy's next tick sends alerts
            policy.tick(store, clock())
            return escalation

        start_session("Dewi", 25, 3600)
        report("Sari", ReportCategory.THREATS, 22)  # overdue: no first response in 10 min
        dewi_report = report("Dewi", ReportCategory.INSULTS, 12)
        start_session("Sari", 10, 1800)
        clock.at(8 * 60)
        store.report_log.move_ticket(  # seeding, not a staff action: no audit entry
            dewi_report,
            status=ReportStatus.IN_PROGRESS,
            level=TicketLevel.SUPERVISOR,
            note="Sedang kami cek.",
            owner=(budi.id, budi.name),
        )
        report("Melati", ReportCategory.EXTRA_PAYMENT_OR_EXPLOITATION, 3)
        clock.at(120)
        store.create_debrief(
            ids["Sari"], wire.DebriefRequest(at=clock(), booking_id=bookings["Sari"])
        )
        clock.at(96)
        taken = escalate(
            "Dewi",
            EscalationKind.BUTTON,
            CrisisSign.DISTRESS,
            "Pelanggan menangis terus, aku bingung.",
        )
        clock.at(81)
        store.follow_up_escalation(
            ids["Dewi"],
            taken,
            wire.EscalationFollowUpRequest(
                crisis_sign=CrisisSign.SUICIDAL_THOUGHTS, note="Dia bilang tidak mau hidup lagi."
            ),
        )
        clock.at(43)
        waiting = escalate(
            "Sari",
            EscalationKind.BUTTON,
            CrisisSign.AGGRESSION,
            "Dia marah dan mengancam setelah aku tolak video call.",
        )
        clock.at(34)  # 61 s after Dewi's alarm, nobody has taken it: alerted again
        policy.tick(store, clock())
        clock.at(20)
        store.acknowledge_escalation(taken, Supervisor("Budi"), "Aku telepon kamu sekarang.")
        clock.at(17)
        escalate("Melati", EscalationKind.LONE_WORKER, None, None)
        clock.at(6)  # the desks' latest feed polls: each device seen a moment ago
        for talent in ids:
            polled = client.get(
                "/v1/feed",
                params={"after": 0, "wait": 0, "limit": 1},
                headers={"Authorization": f"Bearer {tokens[talent]}"},
            )
            polled.raise_for_status()
        assert waiting
    clock.at(0)
    client.close()
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


def extra_shots(page: Page, url: str, out: Path, suffix: str) -> None:
    """Sari's ticket moved through its page, the audit log saying what changed, and the
    bar just after going off duty (one click on its switch), then back on duty."""
    page.goto(f"{url}/console/reports")
    page.click("text=TD-000001")
    page.select_option("select[name=status]", "in_progress")
    page.check("input[name=take]")
    page.fill("textarea[name=note]", "Sudah kami terima, kami telepon kamu sebentar lagi.")
    page.click("form.card button[type=submit]")
    page.wait_for_url("**saved=1")
    page.screenshot(path=str(out / f"extra-report{suffix}.png"), full_page=True)
    page.goto(f"{url}/console/audit")
    page.screenshot(path=str(out / f"extra-audit{suffix}.png"))
    page.click("#duty-switch")
    page.wait_for_selector("#duty-switch[aria-checked=false]")
    page.screenshot(path=str(out / f"extra-off-duty{suffix}.png"))
    page.click("#duty-switch")
    page.wait_for_selector("#duty-switch[aria-checked=true]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--lang", default="en", choices=["en", "id"])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--extra", action="store_true", help="also the extra-* screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    db = Path(tempfile.mkdtemp(prefix="console-shots-")) / "agency.sqlite3"
    AgencyStore(db).close()
    clock = StoryClock()
    with ServerThread(db, app_options={"policy_interval": None, "clock": clock}) as server:
        escalation = seed(db, server.url, clock)
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
            if args.extra:
                extra_shots(page, server.url, args.out, "")
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
            if args.extra:
                if args.lang != "id":
                    page.click("#menu-toggle")
                    page.click("#account form[action='/console/language'] button")
                extra_shots(page, server.url, args.out, "-phone")
            phone.close()
            browser.close()
    print(f"screenshots in {args.out}")


if __name__ == "__main__":
    main()
