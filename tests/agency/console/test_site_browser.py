"""The console in a real browser (Debian's Chromium, Playwright) against the real server,
with a real desk (vault, sync and escalation service) raising the alarms.

One server, one desk and one browser for the module; each test its own browser contexts.
"""

from __future__ import annotations

import base64
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import Page

from talentdesk.safety import SafetyService
from talentdesk.safety.escalation import EscalationState, EscalationView
from talentdesk.sync.apply import UPDATE_KIND
from talentdesk.sync.service import SyncService
from talentdesk.vault import Vault
from talentdesk_agency import AgencyProcess, AgencyStore, ServerThread, policy
from talentdesk_agency.console.i18n import translator
from talentdesk_agency.console.site import HEARTBEAT_SECONDS, SESSION_COOKIE
from talentdesk_agency.store.records import StaffRole
from talentdesk_contract import wire
from talentdesk_contract.values import CrisisSign, EscalationKind, Language, ReportCategory
from tests.agency.console.conftest import ADMIN, PASSWORD, SUPERVISOR, add_staff, new_page
from tests.reference_agency import PostgresServer, pair

if TYPE_CHECKING:
    from playwright.sync_api import Browser

SENTINEL_HANDLE = "@SENTINEL-handle-7781"
SENTINEL_ALIAS = "SENTINEL-alias-7781"


class ServerClock:
    """The server's wall clock: real time plus whatever the test adds."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset


@dataclass
class World:
    server: ServerThread
    db: Path
    clock: ServerClock
    vault: Vault
    sync: SyncService
    safety: SafetyService
    booking_id: str

    @property
    def url(self) -> str:
        return self.server.url


def wait_for(condition: Callable[[], Any], timeout: float = 10.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError("timed out")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    root = tmp_path_factory.mktemp("console-browser")
    db = root / "agency.sqlite3"
    add_staff(db)
    clock = ServerClock()
    with AgencyStore(db) as store:
        code = store.create_pairing_code("Sari")
        booking = store.create_booking(
            "Sari",
            start=datetime.now(UTC) + timedelta(minutes=5),
            package_id="curhat-30",
            alias=SENTINEL_ALIAS,
            handle=SENTINEL_HANDLE,
        )
    server = ServerThread(db, app_options={"clock": clock, "policy_interval": 0.2})
    server.start()
    vault = Vault.create(root / "desk" / "vault.sqlite3", passphrase="browser test passphrase")
    sync = SyncService(vault, feed_wait=1, client_timeout=2.0)
    sync.pair(server.url, code)
    safety = SafetyService(vault, sync)  # registers its feed handler
    sync.start()
    yield World(server, db, clock, vault, sync, safety, booking)
    sync.stop()
    vault.close()
    server.stop()


def signed_in(browser: Browser, world: World, name: str, **options: Any) -> Page:
    return signed_in_at(browser, world.url, name, **options)


def signed_in_at(browser: Browser, url: str, name: str, lang: str = "en", **options: Any) -> Page:
    page = new_page(browser, **options)
    page.goto(f"{url}/console/login?lang={lang}")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/console/queue")
    assert isinstance(page, Page)
    return page


def desk_view(world: World, local_id: str) -> EscalationView:
    """The desk's own record of an escalation."""
    view = world.safety.escalations.get(local_id)
    assert view is not None
    return view


def remote_id(world: World, local_id: str) -> str:
    found = wait_for(lambda: desk_view(world, local_id).remote_id)
    assert isinstance(found, str)
    return found


def test_sign_in_and_a_desk_escalation_appears_live_within_a_second(
    browser: Browser, world: World
) -> None:
    page = signed_in(browser, world, ADMIN)
    page.wait_for_selector("body[data-live-seq]")  # the live stream is connected
    before = page.locator("#queue tbody tr.unacked").count()
    clicked = time.monotonic()
    view = world.safety.escalations.escalate(world.booking_id)
    # Live, without a reload, within the second the issue asks for (the typical figure is
    # bench/escalation_to_console.py's: p95 about 0.1 s).
    page.locator("#queue tbody tr.unacked").nth(before).wait_for(timeout=5000)
    elapsed = time.monotonic() - clicked
    assert elapsed < 1.0, f"the row took {elapsed:.2f} s"
    esc = remote_id(world, view.id)
    row = page.locator(f"#row-{esc}")
    # The talent's working name and the booking (time, package); never the customer.
    assert "Sari" in row.inner_text() and "Curhat" in row.inner_text()
    html = page.content()
    assert SENTINEL_HANDLE not in html and SENTINEL_ALIAS not in html
    assert page.title().startswith("(")  # the count stands in the tab title
    page.context.close()


def test_a_console_on_one_worker_shows_live_an_escalation_written_through_another(
    browser: Browser, postgres_server: PostgresServer, tmp_path: Path
) -> None:
    # Two interchangeable server processes on one PostgreSQL database (issue 14).
    db = postgres_server.create()
    try:
        add_staff(db)
        with (tmp_path / "workers.log").open("w") as log:
            first, second = AgencyProcess(db, stderr=log), AgencyProcess(db, stderr=log)
            try:
                first.start()
                second.start()
                sari = pair(second.url, db, "Sari")
                with sari.client:
                    page = signed_in_at(browser, first.url, SUPERVISOR)
                    page.wait_for_selector("body[data-live-seq]")  # the stream is connected
                    clicked = time.monotonic()
                    created = sari.write(
                        "POST",
                        "/v1/escalations",
                        {"level": "urgent", "at": "2025-05-01T21:05:00+07:00"},
                    )
                    page.locator("#queue tbody tr.unacked").first.wait_for(timeout=5000)
                    elapsed = time.monotonic() - clicked
                assert created.status_code == 201, created.text
                assert elapsed < 1.0, f"the row took {elapsed:.2f} s"
                assert page.locator(f"#row-{created.json()['id']}.unacked").count() == 1
                page.context.close()
            finally:
                second.stop()
                first.stop()
    finally:
        postgres_server.drop(db)


def test_one_click_take_from_the_queue_row_and_every_supervisor_sees_it_live(
    browser: Browser, world: World
) -> None:
    rina = signed_in(browser, world, ADMIN)
    budi = signed_in(browser, world, SUPERVISOR)
    budi.wait_for_selector("body[data-live-seq]")
    view = world.safety.escalations.escalate(world.booking_id, note="tolong")
    esc = remote_id(world, view.id)
    budi.wait_for_selector(f"#row-{esc}.unacked")
    # A screen reader hears of it; the waiting timer counts live (m:ss), not "5 s".
    assert budi.get_attribute("#announcer", "aria-live") == "assertive"
    budi.wait_for_selector("#announcer:has-text('New alarm: Sari: Asked for help')")
    first = budi.inner_text(f"#row-{esc} .age")
    assert re.fullmatch(r"\d+:\d\d", first), first
    budi.wait_for_function(
        "([sel, text]) => { const el = document.querySelector(sel); "
        "return el !== null && el.textContent !== text; }",
        arg=[f"#row-{esc} .age", first],
        timeout=3000,
    )
    # One action on the row's own button, named for what it takes (here from the keyboard).
    row = budi.locator(f"#row-{esc}")
    take = row.get_by_role("button", name="Take it: Sari, Asked for help (escalate button)")
    take.focus()
    budi.keyboard.press("Enter")
    budi.wait_for_url(f"**/console/escalations/{esc}?taken=1")
    assert budi.inner_text("#item-status") == f"Taken by {SUPERVISOR}"
    # Rina's queue shows who took it, without a reload; the desk shows Budi's name.
    rina.wait_for_selector(f"#row-{esc}:not(.unacked) .status:has-text('Taken by {SUPERVISOR}')")
    wait_for(lambda: desk_view(world, view.id).state is EscalationState.ACKNOWLEDGED)
    assert desk_view(world, view.id).supervisor == SUPERVISOR

    budi.select_option("select[name=reason]", "emergency_services_called")
    budi.fill("form[action$='/resolve'] textarea[name=note]", "Polisi sudah dihubungi")
    budi.click("#resolve")
    budi.wait_for_selector("#item-status:has-text('resolved')")
    assert "emergency services called" in budi.inner_text("#live-item")
    assert "Resolved by Budi: emergency services called." in budi.inner_text(".timeline")
    wait_for(lambda: desk_view(world, view.id).state is EscalationState.RESOLVED)
    rina.wait_for_selector(f"#row-{esc}", state="detached")
    rina.context.close()
    budi.context.close()


def _rgb(css: str) -> tuple[float, float, float]:
    found = re.match(r"rgba?\((\d+), (\d+), (\d+)", css)
    assert found is not None, css
    return (float(found.group(1)), float(found.group(2)), float(found.group(3)))


def luminance(css: str) -> float:
    """WCAG 2's relative luminance of a CSS colour."""

    def linear(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _rgb(css))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(ink: str, background: str) -> float:
    high, low = sorted((luminance(ink), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


COLOURS = """(row) => {
  const css = (q) => getComputedStyle(document.querySelector(q));
  return {
    page: [css("body").color, css("body").backgroundColor],
    muted: [css(".foot").color, css("body").backgroundColor],
    link: [css(row + " .c-kind a").color, css(row + " td.c-kind").backgroundColor],
    alarm: [css(row + " td.c-talent").color, css(row + " td.c-talent").backgroundColor],
    timer: [css(row + " .age").color, css(row + " td.c-wait").backgroundColor],
    count: [css("#queue-count").color, css("#queue-count").backgroundColor],
    take: [css(row + " button.take").color, css(row + " button.take").backgroundColor],
    bar: [css(".bar nav a").color, css(".bar").backgroundColor],
    colours: [css("#theme").color, css("#theme").backgroundColor],
    colours_option: [css("#theme option").color, css("#theme option").backgroundColor],
  };
}"""

#: The Colours choice and the header's buttons: (its look, a button's look).
HEADER_CONTROLS = """() => {
  const look = (el) => {
    const css = getComputedStyle(el);
    return [css.backgroundColor, css.borderTopLeftRadius, css.borderTopStyle,
            Math.round(el.getBoundingClientRect().height), css.colorScheme];
  };
  return [look(document.querySelector("#theme")), look(document.querySelector("#enable-sound"))];
}"""


def test_the_night_shift_scheme_is_dark_readable_and_switchable(
    browser: Browser, world: World
) -> None:
    # The device asks for dark; no animation, so the alarm's colours hold still to measure.
    page = signed_in(browser, world, SUPERVISOR, color_scheme="dark", reduced_motion="reduce")
    view = world.safety.escalations.escalate(None)
    row = f"#row-{remote_id(world, view.id)}"
    page.wait_for_selector(f"{row}.unacked")

    def measured() -> dict[str, list[str]]:
        found: dict[str, list[str]] = page.evaluate(COLOURS, row)
        for name, (ink, background) in found.items():
            assert contrast(ink, background) >= 4.5, (name, ink, background)
        return found

    dark = measured()
    assert luminance(dark["page"][1]) < 0.02  # a dark page, not a white one
    # The Colours choice (in the account's menu) is dark too, and looks like the header's
    # buttons.
    page.click("#account summary")
    assert luminance(dark["colours"][1]) < 0.05 and luminance(dark["colours_option"][1]) < 0.05
    colours, button = page.evaluate(HEADER_CONTROLS)
    assert colours[:4] == button[:4] and colours[4] == "dark", (colours, button)
    # The alarm stands out in red, deep enough not to glare in a dark room.
    red, green, blue = _rgb(dark["alarm"][1])
    assert red > 2 * max(green, blue) and luminance(dark["alarm"][1]) < 0.05
    assert luminance(dark["alarm"][1]) > luminance(dark["page"][1])

    page.select_option("#theme", "light")  # the header's switch wins over the device
    assert luminance(measured()["page"][1]) > 0.8
    page.reload()  # kept, and drawn by the server from the first paint
    assert page.get_attribute("html", "data-theme") == "light"
    page.wait_for_selector(f"{row}.unacked")
    light = measured()
    assert luminance(light["page"][1]) > 0.8 and _rgb(light["alarm"][1])[0] > 200
    page.click("#account summary")
    page.select_option("#theme", "auto")
    assert page.get_attribute("html", "data-theme") is None
    assert luminance(measured()["page"][1]) < 0.02
    page.context.close()


def test_pages_load_without_errors_or_missing_files(browser: Browser, world: World) -> None:
    page = new_page(browser)
    failed: list[str] = []
    errors: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(world.url + "/console/login?lang=en")
    page.fill("input[name=name]", ADMIN)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/console/queue")
    page.wait_for_selector("body[data-live-seq]")
    for path in ("reports", "roster", "config"):
        page.goto(f"{world.url}/console/{path}")
        page.wait_for_load_state("load")
    assert failed == [] and errors == [], (failed, errors)  # no favicon 404 among them
    icon = page.evaluate("document.querySelector('link[rel=icon]').href")
    assert icon.endswith("/console/static/favicon.svg")
    fetched = page.request.get(icon)
    assert fetched.status == 200 and fetched.headers["content-type"].startswith("image/svg")
    page.context.close()


def test_an_unacknowledged_escalation_alerts_again_after_the_delay(
    browser: Browser, world: World
) -> None:
    page = signed_in(browser, world, SUPERVISOR)
    view = world.safety.escalations.escalate(None)
    esc = remote_id(world, view.id)
    page.wait_for_selector(f"#row-{esc}.unacked")
    assert page.locator(f"#row-{esc} .badge.warn").count() == 0
    world.clock.offset += timedelta(seconds=61)  # the server's policy runs on this clock
    page.wait_for_selector(f"#row-{esc} .badge.warn:has-text('Alerted again 1')", timeout=5000)
    page.wait_for_selector("#next-level")
    # The talent's app heard it too (the desk keeps the feed's update).
    wait_for(lambda: world.vault.get(UPDATE_KIND, f"escalation.alerted_again:{esc}"))
    page.context.close()


def test_the_lone_worker_alarm_arrives_as_its_own_escalation(
    browser: Browser, world: World
) -> None:
    page = signed_in(browser, world, ADMIN)
    first = world.safety.escalations.escalate(world.booking_id)
    first_id = remote_id(world, first.id)
    page.goto(f"{world.url}/console/escalations/{first_id}")
    page.click("#take")
    page.goto(world.url + "/console/queue")
    other = pair(world.url, world.db, "Sari", "second device")
    created = other.write(
        "POST",
        "/v1/escalations",
        {"level": "urgent", "at": datetime.now(UTC).isoformat(), "kind": "lone_worker"},
    )
    other.client.close()
    assert created.status_code == 201
    lone = created.json()["id"]
    assert lone != first_id
    page.wait_for_selector(f"#row-{lone}.unacked:has-text('Are you OK?')")
    assert page.locator(f"#row-{first_id}:not(.unacked)").count() == 1
    page.context.close()


#: Records every desktop notification the page raises (then raises the real one).
NOTIFICATION_SPY = """
(() => {
  const Real = window.Notification;
  window.__notifications = [];
  function Spy(title, options) {
    window.__notifications.push({ title: title, body: (options || {}).body || "" });
    return new Real(title, options);
  }
  Object.defineProperty(Spy, "permission", { get: () => Real.permission });
  Spy.requestPermission = (...args) => Real.requestPermission(...args);
  Spy.prototype = Real.prototype;
  window.Notification = Spy;
})();
"""


def take_every_waiting_alarm(world: World) -> None:
    """Earlier tests' alarms taken, so this test's alarm is the only one ringing."""
    with AgencyStore(world.db) as store:
        for row in store.escalations(open_only=True):
            if row.status == "open":
                store.acknowledge_escalation(row.id, "Rina")


def test_a_live_alarm_rings_notifies_pulses_and_stops_when_taken(
    browser: Browser, world: World
) -> None:
    take_every_waiting_alarm(world)
    budi = signed_in(browser, world, SUPERVISOR, permissions=["notifications"])
    budi.context.add_init_script(NOTIFICATION_SPY)
    budi.reload()
    budi.click("#sound-on-now")  # "Turn on sound and notifications": the click browsers need
    budi.wait_for_selector("#alerts-state:has-text('desktop notifications are on')")
    budi.wait_for_selector("body[data-live-seq]")
    budi.evaluate("window.__notReloaded = true")
    rina = signed_in(browser, world, ADMIN)

    view = world.safety.escalations.escalate(world.booking_id)
    esc = remote_id(world, view.id)
    budi.wait_for_selector(f"#row-{esc}.unacked")
    # A desktop notification naming the talent and the kind of alarm.
    budi.wait_for_function("window.__notifications.length > 0", timeout=5000)
    notes = budi.evaluate("window.__notifications")
    assert len(notes) == 1, notes
    assert "Sari" in notes[0]["body"] and "Asked for help" in notes[0]["body"], notes
    # The alarm loops and plays; the row pulses.
    budi.wait_for_function(
        "() => { const a = document.getElementById('alarm'); "
        "return a.loop && !a.paused && a.currentTime > 0; }",
        timeout=5000,
    )
    pulse = budi.evaluate(
        f"getComputedStyle(document.querySelector('#row-{esc} td')).animationName"
    )
    assert pulse == "pulse"
    assert budi.title().startswith("(1) ")

    # A follow-up with a crisis sign appears live: the badge and the sign's action.
    world.safety.escalations.follow_up(view.id, crisis_sign=wire.CrisisSign.THREAT_OF_HARM)
    row = budi.locator(f"#row-{esc}")
    budi.wait_for_selector(f"#row-{esc} .c-kind .badge:has-text('1 follow-up')", timeout=5000)
    sign = row.locator(".c-sign").inner_text()
    assert "threats of self-harm or harm to others" in sign
    assert "Call emergency services now, then the talent." in sign
    budi.wait_for_selector("#emergency-numbers")
    assert budi.evaluate("window.__notReloaded") is True  # live, not a reload
    assert len(budi.evaluate("window.__notifications")) == 1  # not news: the same alarm

    # Rina takes it: Budi's alarm stops at once, the row stops pulsing, the count goes.
    rina.wait_for_selector(f"#take-{esc}")
    rina.click(f"#take-{esc}")
    rina.wait_for_url(f"**/console/escalations/{esc}?taken=1")
    budi.wait_for_selector(f"#row-{esc}:not(.unacked)", timeout=5000)
    budi.wait_for_function("document.getElementById('alarm').paused", timeout=5000)
    assert budi.evaluate("document.getElementById('alarm').loop") is False
    still = budi.evaluate(
        f"getComputedStyle(document.querySelector('#row-{esc} td')).animationName"
    )
    assert still == "none"
    assert not budi.title().startswith("(")
    assert budi.evaluate("window.__notReloaded") is True
    rina.context.close()
    budi.context.close()


def end_session(world: World, page: Page) -> None:
    """Sign this page's session out on the server (as another tab would)."""
    [token] = [c["value"] for c in page.context.cookies() if c["name"] == SESSION_COOKIE]
    with AgencyStore(world.db) as store:
        session = store.staff.session(token)
        assert session is not None
        store.staff.sign_out(token, session.member)


def test_an_ended_session_says_so_in_red_and_keeps_ringing(browser: Browser, world: World) -> None:
    take_every_waiting_alarm(world)
    world.server.app.console.heartbeat = 0.2
    try:
        budi = signed_in(browser, world, SUPERVISOR)
        budi.click("#sound-on-now")
        budi.wait_for_selector("body[data-live-seq]")
        view = world.safety.escalations.escalate(world.booking_id)
        esc = remote_id(world, view.id)
        budi.wait_for_selector(f"#row-{esc}.unacked")
        budi.wait_for_function("!document.getElementById('alarm').paused", timeout=5000)

        end_session(world, budi)
        banner = budi.locator("#signed-out")
        banner.wait_for(state="visible", timeout=5000)
        assert "Session ended — sign in again" in banner.inner_text()
        assert "nothing was taken" in banner.inner_text()
        assert budi.evaluate("getComputedStyle(document.getElementById('signed-out')).display")
        assert budi.locator("#live-lost").is_hidden()  # not "reconnecting…" forever
        # The alarm that waits keeps ringing: nobody has taken it.
        assert budi.evaluate("document.getElementById('alarm').paused") is False
        assert budi.locator(f"#row-{esc}.unacked").count() == 1

        # Taking it now is not done; the sign-in page says why, then returns to the alarm.
        budi.click(f"#take-{esc}")
        budi.wait_for_selector("#login-notice")
        assert "was not done" in budi.inner_text("#login-notice")
        budi.fill("input[name=name]", SUPERVISOR)
        budi.fill("input[name=password]", PASSWORD)
        budi.click("button[type=submit]")
        budi.wait_for_url(f"**/console/escalations/{esc}")
        assert budi.locator("#take").count() == 1  # still open: take it here
        budi.context.close()

        # A stream answered with something else (a proxy's 401, a redirect): the page asks
        # whether the session lives, and says it ended rather than reconnecting forever.
        rina = signed_in(browser, world, ADMIN)
        rina.wait_for_selector("body[data-live-seq]")

        def refuse(route: Any) -> None:
            end_session(world, rina)
            route.fulfill(status=401, content_type="text/html", body="no")

        rina.route("**/console/events", refuse)
        rina.reload()
        rina.locator("#signed-out").wait_for(state="visible", timeout=5000)
        assert rina.locator("#live-lost").is_hidden()
        rina.click("#sign-in-again")
        rina.wait_for_selector("#login-notice")
        rina.fill("input[name=name]", ADMIN)
        rina.fill("input[name=password]", PASSWORD)
        # The sign-in page's own address ends in next=/console/queue: wait for the sign-in's
        # navigation, not for an address it already has.
        with rina.expect_navigation(url=f"{world.url}/console/queue"):
            rina.click("button[type=submit]")
        assert rina.url == f"{world.url}/console/queue"  # signed in again, on the queue
        rina.context.close()
    finally:
        world.server.app.console.heartbeat = HEARTBEAT_SECONDS
    take_every_waiting_alarm(world)


def test_a_note_holding_script_is_shown_literally(browser: Browser, world: World) -> None:
    page = signed_in(browser, world, ADMIN)
    note = "<script>window.pwned = 1</script><b>bold?</b>"
    view = world.safety.escalations.escalate(None, note=note)
    esc = remote_id(world, view.id)
    page.goto(f"{world.url}/console/escalations/{esc}")
    assert page.inner_text("#talent-note") == note
    assert page.evaluate("window.pwned") is None
    assert page.locator("#talent-note b").count() == 0
    page.context.close()


def test_a_post_without_the_csrf_token_is_403(browser: Browser, world: World) -> None:
    page = signed_in(browser, world, ADMIN)
    view = world.safety.escalations.escalate(None)
    esc = remote_id(world, view.id)
    response = page.request.post(f"{world.url}/console/escalations/{esc}/ack", form={"note": "x"})
    assert response.status == 403
    forged = page.request.post(
        f"{world.url}/console/escalations/{esc}/ack", form={"note": "x", "csrf": "guess"}
    )
    assert forged.status == 403
    page.goto(f"{world.url}/console/escalations/{esc}")
    assert "status" in page.content() and page.locator("#take").count() == 1  # still open
    page.context.close()


def test_a_wrong_password_is_throttled(browser: Browser, world: World) -> None:
    page = new_page(browser)
    page.goto(world.url + "/console/login?lang=en")
    for _ in range(5):
        page.fill("input[name=name]", SUPERVISOR)
        page.fill("input[name=password]", "not the password")
        page.click("button[type=submit]")
        page.wait_for_selector(".error:has-text('Wrong name or password')")
        # The name stays; the password is what to type again.
        assert page.evaluate("document.activeElement.name") == "password"
        assert page.input_value("input[name=name]") == SUPERVISOR
    page.fill("input[name=name]", SUPERVISOR)
    page.fill("input[name=password]", PASSWORD)  # even the right one waits now
    page.click("button[type=submit]")
    page.wait_for_selector(".error:has-text('Too many failed sign-ins')")
    assert "/console/login" in page.url
    page.context.close()
    with AgencyStore(world.db) as store, store.db.write() as tx:
        tx.execute("DELETE FROM login_failures")  # the other tests sign in as Budi


def test_a_supervisor_cannot_open_admin_pages(browser: Browser, world: World) -> None:
    page = signed_in(browser, world, SUPERVISOR)
    for path in ("bookings", "config", "staff", "audit"):
        response = page.goto(f"{world.url}/console/{path}")
        assert response is not None and response.status == 403, path
        assert "may not do this" in page.content()
    assert page.locator("nav a[href='/console/config']").count() == 0
    page.context.close()


def test_every_page_fits_a_phone_with_touch_sized_buttons(browser: Browser, world: World) -> None:
    with AgencyStore(world.db) as store:
        talent_id = store.talent_by_name("Sari").id
        _, body = store.create_report(
            talent_id,
            wire.ReportRequest(
                session_id="s1",
                booking_id=world.booking_id,
                category=ReportCategory.THREATS,
                description="Dia mengancam.",
                at=datetime.now(UTC),
            ),
        )
        device = store.devices.devices()[0].id
    report = wire.decode(body, wire.Report).id
    phone = {"width": 390, "height": 844}
    page = signed_in(browser, world, ADMIN, viewport=phone, has_touch=True, is_mobile=True)
    view = world.safety.escalations.escalate(world.booking_id)
    esc = remote_id(world, view.id)
    page.wait_for_selector(f"#row-{esc}.unacked")
    # A card: what it is, who, how long, the Take button; the details after.
    order = ["c-kind", "c-talent", "c-wait", "c-act", "c-sign", "c-booking"]
    ys = page.evaluate(
        "([row, names]) => names.map((n) => "
        "document.querySelector(`${row} td.${n}`).getBoundingClientRect().top)",
        [f"#row-{esc}", order],
    )
    assert ys == sorted(ys), dict(zip(order, ys, strict=True))
    # The account's controls wait behind the menu button.
    assert not page.is_visible("#me")
    page.click("#menu-toggle")
    assert page.is_visible("#me") and page.get_attribute("#menu-toggle", "aria-expanded") == "true"
    for path in (
        "queue",
        f"escalations/{esc}",
        "reports",
        f"reports/{report}",
        "roster",
        f"roster/revoke?device={device}",
        "bookings",
        f"bookings/{world.booking_id}/cancel",
        "config",
        "staff",
        "audit",
    ):
        page.goto(f"{world.url}/console/{path}")
        # No sideways scrolling of the page (wide edit tables scroll inside their card).
        assert page.evaluate("document.documentElement.scrollWidth") <= phone["width"], path
        small = page.evaluate(
            "() => [...document.querySelectorAll('button, .button, select')]"
            ".filter((e) => e.offsetParent !== null && e.getBoundingClientRect().height < 44)"
            ".map((e) => e.outerHTML.slice(0, 80))"
        )
        assert small == [], (path, small)
    page.context.close()


#: Every control a finger can reach, and its target: its own box (each box, for a link
#: over two lines), or a checkbox's whole label (a tap on its words ticks it too). The
#: skip link is left out: it shows only to a keyboard.
TARGETS = """() => [...document.querySelectorAll(
    "a, button, select, input:not([type=hidden]), textarea, summary")]
  .filter((e) => e.offsetParent !== null && !e.matches(".skip"))
  .map((e) => {
    const target = (e.type === "checkbox" && e.closest("label")) || e;
    const boxes = [...target.getClientRects()];
    return {
      what: e.outerHTML.slice(0, 70),
      width: Math.min(...boxes.map((b) => b.width)),
      height: Math.min(...boxes.map((b) => b.height)),
    };
  })"""

#: Each "·" in the banner: whether it shows (not clipped), and whether a letter of the
#: banner is on its line before it and after it; and whether the banner's links wrapped.
SEPARATORS = """() => {
  const banner = document.querySelector("#message");
  banner.scrollIntoView();  // a point off the screen hits nothing
  const chars = [];
  const walk = document.createTreeWalker(banner, NodeFilter.SHOW_TEXT);
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      if (!node.data[i].trim()) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      chars.push({c: node.data[i], box, shown: box.width > 0 && hit === node.parentElement});
    }
  }
  const links = [...banner.querySelectorAll("a")].map((a) => a.getBoundingClientRect().top);
  return {
    wrapped: Math.max(...links) - Math.min(...links) > 5,
    separators: chars.filter((d) => d.c === "·").map((d) => {
      const middle = d.box.top + d.box.height / 2;
      const line = chars.filter((o) => o !== d && o.shown && o.c !== "·"
        && o.box.top < middle && o.box.bottom > middle);
      return {
        shown: d.shown,
        before: line.some((o) => o.box.right <= d.box.left + 0.5),
        after: line.some((o) => o.box.left >= d.box.right - 0.5),
      };
    }),
  };
}"""


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_saved_ticket_on_a_phone_has_touch_targets_and_no_lone_separator(
    browser: Browser, world: World, lang: str
) -> None:
    with AgencyStore(world.db) as store:
        _, body = store.create_report(
            store.talent_by_name("Sari").id,
            wire.ReportRequest(
                session_id="s1",
                booking_id=world.booking_id,
                category=ReportCategory.INSULTS,
                description="Dia menghina.",
                at=datetime.now(UTC),
            ),
        )
    report = wire.decode(body, wire.Report).id
    phone = {"width": 390, "height": 844}
    page = signed_in(
        browser, world, ADMIN, lang=lang, viewport=phone, has_touch=True, is_mobile=True
    )
    page.goto(f"{world.url}/console/reports/{report}")
    page.check("input[name=take]")
    page.click("button.primary")
    page.wait_for_selector("#message")
    # Every control on the page, the menu's too, is at least 44x44 px to a finger.
    for menu in ("closed", "open"):
        if menu == "open":
            page.click("#menu-toggle")
        targets = page.evaluate(TARGETS)
        assert any("checkbox" in t["what"] for t in targets), targets
        small = [t for t in targets if t["width"] < 44 or t["height"] < 44]
        assert small == [], (menu, small)
    # The label is the checkbox's target: a tap at its far end ticks it; the box itself
    # is big enough to see.
    take = page.locator("label.check")
    box = take.bounding_box()
    assert box is not None
    assert not page.is_checked("input[name=take]")
    take.tap(position={"x": box["width"] - 8, "y": box["height"] / 2})
    assert page.is_checked("input[name=take]")
    tick = page.locator("input[name=take]").bounding_box()
    assert tick is not None and min(tick["width"], tick["height"]) >= 24, tick
    # The banner's "·" sits between its two ways on one line, and never starts or ends a
    # line alone where they wrap: at a phone's width and at every width up to a laptop's.
    seen = set()
    for width in (390, *range(320, 720, 10), 1366):
        page.set_viewport_size({"width": width, "height": 844})
        found = page.evaluate(SEPARATORS)
        for sep in found["separators"]:
            assert not sep["shown"] or (sep["before"] and sep["after"]), (width, found)
        shown = any(sep["shown"] for sep in found["separators"])
        seen.add((found["wrapped"], shown))
    # Both cases were met: the ways side by side with the "·" between, and wrapped.
    assert (False, True) in seen and (True, False) in seen, seen
    page.context.close()


#: The header's parts, where they are: the bar's height, and each part's top and right edge.
HEADER = """() => {
  const bar = document.querySelector("header.bar");
  // The bar's parts, and the top row's (on a laptop they join the bar's own row).
  const parts = [...bar.children, ...bar.querySelector(".bar-top").children]
    .filter((e) => e.offsetParent !== null);
  const shown = [...bar.querySelectorAll("a, button, select, summary")]
    .filter((e) => e.offsetParent !== null);
  return {
    height: bar.getBoundingClientRect().height,
    tops: parts.map((e) => Math.round(e.getBoundingClientRect().top)),
    right: Math.max(...shown.map((e) => e.getBoundingClientRect().right)),
    sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  };
}"""


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_header_is_one_line_on_a_laptop_and_fits_a_phone(
    browser: Browser, world: World, lang: str
) -> None:
    # The widest header: an admin's (seven pages), with an alarm waiting (the red pill).
    # (The queue shows its own count instead of the pill.)
    remote_id(world, world.safety.escalations.escalate(None).id)
    for width, height in ((1366, 768), (1920, 1080)):
        page = signed_in(
            browser, world, ADMIN, lang=lang, viewport={"width": width, "height": height}
        )
        for path in ("queue", "audit"):
            page.goto(f"{world.url}/console/{path}")
            if path != "queue":
                page.wait_for_selector("#alarm-pill:not([hidden])")
            header = page.evaluate(HEADER)
            # One line: every part on the same row, as tall as one row of buttons.
            assert max(header["tops"]) - min(header["tops"]) < 10, (width, path, header)
            assert header["height"] < 56, (width, path, header)
            assert header["right"] <= width and header["sideways"] == 0, header
        # The account's less used controls are one click away, and work.
        page.click("#account summary")
        page.select_option("#theme", "dark")
        assert page.get_attribute("html", "data-theme") == "dark"
        page.select_option("#theme", "auto")
        page.context.close()
    phone = {"width": 390, "height": 844}
    page = signed_in(
        browser, world, ADMIN, lang=lang, viewport=phone, has_touch=True, is_mobile=True
    )
    for path in ("queue", "audit"):
        page.goto(f"{world.url}/console/{path}")
        header = page.evaluate(HEADER)
        # No sideways scroll; brand (or pill), menu and duty switch on one row, the pages on
        # two at most: under a fifth of the screen before the first alarm.
        assert header["sideways"] == 0 and header["right"] <= phone["width"], (path, header)
        assert header["height"] < 150, (path, header)
        page.click("#menu-toggle")
        opened = page.evaluate(HEADER)
        assert opened["sideways"] == 0 and opened["right"] <= phone["width"], (path, opened)
        # Everything of the account at hand, without a second menu to open.
        for control in ("#theme", "#enable-sound", "#account button"):
            assert page.locator(control).first.is_visible(), control
    page.context.close()


#: A staff member's name of 40 characters (the bar's worst case; names may be 80).
LONG_NAME = "Dewi Kusumawardhani Retnoningsih Lestari"

#: The name in the bar: its whole text, its title, and whether it is cut short with "…".
NAME_IN_BAR = """() => {
  const who = document.querySelector("#account summary .who");
  const box = who.getBoundingClientRect();
  return {
    text: who.textContent,
    title: who.closest("summary").title,
    cut: who.scrollWidth > who.clientWidth,
    ellipsis: getComputedStyle(who).textOverflow,
    shown: box.width,
    right: box.right,
  };
}"""


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_long_name_shortens_in_the_bar_instead_of_wrapping_it(
    browser: Browser, world: World, lang: str
) -> None:
    assert len(LONG_NAME) == 40
    with AgencyStore(world.db) as store:
        if store.staff.by_name(LONG_NAME) is None:
            store.staff.add(LONG_NAME, StaffRole.ADMIN, PASSWORD)
    # The widest bar: an admin's (seven pages), with an alarm waiting (the red pill).
    remote_id(world, world.safety.escalations.escalate(None).id)
    page = signed_in(browser, world, LONG_NAME, lang=lang)
    for path in ("audit", "reports", "queue"):
        page.goto(f"{world.url}/console/{path}")
        if path != "queue":
            page.wait_for_selector("#alarm-pill:not([hidden])")
        header = page.evaluate(HEADER)
        # One line: every part on the same row, as tall as one row of buttons.
        assert max(header["tops"]) - min(header["tops"]) < 10, (path, header)
        assert header["height"] < 56, (path, header)
        assert header["right"] <= 1366 and header["sideways"] == 0, (path, header)
        name = page.evaluate(NAME_IN_BAR)
        # Shortened with "…", a few letters still showing; the whole name in its title
        # (and in its text, which is what a screen reader reads).
        assert name["cut"] and name["ellipsis"] == "ellipsis", (path, name)
        assert name["shown"] >= 30, (path, name)
        assert name["text"] == LONG_NAME and LONG_NAME in name["title"], (path, name)
    # Its panel still says the whole name.
    page.click("#account summary")
    assert page.inner_text("#account .who-full").startswith(LONG_NAME)
    page.context.close()
    phone = {"width": 390, "height": 844}
    page = signed_in(
        browser, world, LONG_NAME, lang=lang, viewport=phone, has_touch=True, is_mobile=True
    )
    for path in ("audit", "queue"):
        page.goto(f"{world.url}/console/{path}")
        header = page.evaluate(HEADER)
        assert header["sideways"] == 0 and header["right"] <= phone["width"], (path, header)
        page.click("#menu-toggle")
        opened = page.evaluate(HEADER)
        assert opened["sideways"] == 0 and opened["right"] <= phone["width"], (path, opened)
        name = page.evaluate(NAME_IN_BAR)
        assert name["right"] <= phone["width"] and name["text"] == LONG_NAME, (path, name)
        assert page.locator("#account button").last.is_visible()
    page.context.close()


def on_duty(world: World, name: str) -> bool:
    with AgencyStore(world.db) as store:
        member = store.staff.by_name(name)
    assert member is not None
    return member.on_duty


@pytest.mark.parametrize("lang", ["id", "en"])
def test_going_off_duty_is_one_click_in_the_bar_on_a_laptop_and_a_phone(
    browser: Browser, world: World, lang: str
) -> None:
    # The widest bar: an admin's, with an alarm waiting (the red pill), off the queue.
    remote_id(world, world.safety.escalations.escalate(None).id)
    phone = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
    for width, options in ((1366, {"viewport": {"width": 1366, "height": 768}}), (390, phone)):
        page = signed_in(browser, world, ADMIN, lang=lang, **options)
        assert on_duty(world, ADMIN)
        page.goto(f"{world.url}/console/audit")
        page.wait_for_selector("#alarm-pill:not([hidden])")
        # In the bar as it opens, nothing to unfold first: a switch that is on.
        switch = page.get_by_role("switch", name=translator(Language(lang))("duty.on"))
        assert switch.is_visible() and switch.get_attribute("aria-checked") == "true"
        header = page.evaluate(HEADER)
        assert header["sideways"] == 0 and header["right"] <= width, (width, header)
        if width == 1366:
            # One line: every part on the same row, as tall as one row of buttons.
            assert max(header["tops"]) - min(header["tops"]) < 10, header
            assert header["height"] < 56, header
        else:
            # Outside the menu, in the top row just after it (at the right), above the pages.
            where = page.evaluate(
                "() => [...['#duty-switch', '#menu-toggle', 'nav'].map((s) =>"
                " document.querySelector(s).getBoundingClientRect())]"
                ".map((b) => ({top: b.top, bottom: b.bottom, left: b.left, right: b.right}))"
            )
            switch_box, menu_box, nav_box = where
            assert menu_box["right"] <= switch_box["left"] <= menu_box["right"] + 20, where
            assert switch_box["right"] >= width - 20, where
            assert abs(switch_box["top"] - menu_box["top"]) < 10, where
            assert switch_box["bottom"] <= nav_box["top"], where
            assert header["height"] < 150, header
        # The page stays on the same address: wait for the click's own navigation (a wait for
        # the address would be over before the click had done anything).
        with page.expect_navigation(url=f"{world.url}/console/audit"):
            switch.click()  # the one click
        assert not on_duty(world, ADMIN)
        switch = page.get_by_role("switch", name=translator(Language(lang))("duty.on"))
        assert switch.get_attribute("aria-checked") == "false"
        off = page.evaluate(HEADER)
        assert off["sideways"] == 0 and off["right"] <= width, (width, off)
        if width == 1366:
            assert max(off["tops"]) - min(off["tops"]) < 10, off
        with page.expect_navigation(url=f"{world.url}/console/audit"):
            switch.click()  # and back on, as in
        assert switch.get_attribute("aria-checked") == "true"
        assert on_duty(world, ADMIN)
        page.context.close()
    with AgencyStore(world.db) as store:
        went = [e.action for e in store.staff.audit_log(limit=4) if e.staff_name == ADMIN]
    assert went[:2] == ["duty.on", "duty.off"]


#: The bar's shown controls, each by its id or its words, in the order they are drawn:
#: row by row from the top (a control whose middle is above the row's bottom is in it),
#: left to right in a row.
BAR_AS_DRAWN = """() => {
  const name = (e) => e.id || e.textContent.trim();
  const bar = document.querySelector("header.bar");
  const shown = [...bar.querySelectorAll("a, button, select, summary")]
    .filter((e) => e.checkVisibility())
    .map((e) => ({ e, box: e.getBoundingClientRect() }))
    .sort((a, b) => a.box.top - b.box.top);
  const rows = [];
  for (const item of shown) {
    const row = rows[rows.length - 1];
    if (row && (item.box.top + item.box.bottom) / 2 < row.bottom) {
      row.items.push(item);
      row.bottom = Math.max(row.bottom, item.box.bottom);
    } else {
      rows.push({ bottom: item.box.bottom, items: [item] });
    }
  }
  return rows.flatMap((row) => row.items.sort((a, b) => a.box.left - b.box.left))
    .map(({ e }) => name(e));
}"""

#: The focused control, by its id or its words, or None once the focus has left the bar.
FOCUSED_IN_BAR = """() => {
  const e = document.activeElement;
  return e && e.closest("header.bar") ? e.id || e.textContent.trim() : null;
}"""


def bar_in_tab_order(page: Page) -> list[str]:
    """The bar's controls as Tab reaches them, from the skip link (the page's first)."""
    page.focus("a.skip")
    reached: list[str] = []
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_IN_BAR)
        if focused is None:
            return reached
        reached.append(focused)
    raise AssertionError(f"Tab never left the bar: {reached}")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_tab_goes_through_the_bar_in_the_order_it_is_drawn(
    browser: Browser, world: World, lang: str
) -> None:
    # The widest bar: an admin's (seven pages), with an alarm waiting (the red pill) off the
    # queue; on the queue, without it.
    remote_id(world, world.safety.escalations.escalate(None).id)
    t = translator(Language(lang))
    phone = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
    for width, options in ((1366, {"viewport": {"width": 1366, "height": 768}}), (390, phone)):
        page = signed_in(browser, world, ADMIN, lang=lang, **options)
        for path in ("audit", "queue"):
            page.goto(f"{world.url}/console/{path}")
            if path != "queue":
                page.wait_for_selector("#alarm-pill:not([hidden])")
            menus = (False, True) if width == 390 else (False,)
            for menu_open in menus:
                if menu_open:
                    page.click("#menu-toggle")
                    page.wait_for_selector("#enable-sound", state="visible")
                drawn = page.evaluate(BAR_AS_DRAWN)
                tabbed = bar_in_tab_order(page)
                assert tabbed == drawn, (width, path, menu_open, tabbed, drawn)
                # On a laptop the pages come before the duty switch; on a phone the switch is
                # in the top row, after Menu and before the pages (the page's order is the
                # laptop's: the phone's is reading-flow's). The account's controls come last.
                pages = [t(key) for key in ("nav.queue", "nav.audit")]
                if width == 1366:
                    assert (
                        tabbed.index(pages[0])
                        < tabbed.index(pages[1])
                        < tabbed.index("duty-switch")
                    ), tabbed
                else:
                    assert (
                        tabbed.index("menu-toggle")
                        < tabbed.index("duty-switch")
                        < tabbed.index(pages[0])
                        < tabbed.index(pages[1])
                    ), tabbed
                if width == 1366 or menu_open:
                    assert tabbed.index("duty-switch") < tabbed.index("enable-sound"), tabbed
        page.context.close()


#: How many pixels differ between two PNG pictures of the same size (-1 if the sizes differ).
PIXELS_APART = """async ([a, b]) => {
  const decode = async (png) => {
    const image = new Image();
    image.src = "data:image/png;base64," + png;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    return context.getImageData(0, 0, image.width, image.height).data;
  };
  const [one, two] = [await decode(a), await decode(b)];
  if (one.length !== two.length) return -1;
  let apart = 0;
  for (let i = 0; i < one.length; i += 4) {
    if (one[i] !== two[i] || one[i + 1] !== two[i + 1] || one[i + 2] !== two[i + 2]) apart += 1;
  }
  return apart;
}"""


def test_the_duty_switch_shows_on_and_off_in_forced_colours(browser: Browser, world: World) -> None:
    # Windows high contrast: the system's few colours replace the page's, so green and grey
    # alone cannot tell on from off; the switch's two renderings must still differ.
    page = signed_in(browser, world, ADMIN, viewport={"width": 1366, "height": 768})
    page.emulate_media(forced_colors="active")
    assert page.evaluate("() => matchMedia('(forced-colors: active)').matches")
    switch = page.locator("#duty-switch")

    def picture(checked: str) -> bytes:
        assert switch.get_attribute("aria-checked") == checked
        page.mouse.move(0, 700)  # no hover
        page.evaluate("() => document.activeElement.blur()")  # no focus ring
        return switch.screenshot(animations="disabled")

    on = picture("true")
    with page.expect_navigation():
        switch.click()
    off = picture("false")
    with page.expect_navigation():
        switch.click()
    assert on_duty(world, ADMIN)
    # Compared on a blank page: the console's content policy allows no data: images.
    apart = page.context.new_page().evaluate(
        PIXELS_APART, [base64.b64encode(on).decode(), base64.b64encode(off).decode()]
    )
    # The same size, and more than a few edge pixels apart: the knob moved and is drawn.
    assert apart > 30, apart
    page.context.close()


@dataclass
class Crowded:
    """A night with six alarms nobody has taken yet, alerted again and again."""

    server: ServerThread
    db: Path
    alarms: list[str]

    @property
    def url(self) -> str:
        return self.server.url


#: Six alarms as talents raise them: talent, kind, crisis sign, note, follow-ups.
SIX_ALARMS: list[tuple[str, EscalationKind, CrisisSign | None, str | None, int]] = [
    ("Sari", EscalationKind.BUTTON, CrisisSign.AGGRESSION, "Dia marah dan mengancam.", 2),
    ("Dewi", EscalationKind.BUTTON, CrisisSign.SUICIDAL_THOUGHTS, None, 1),
    ("Melati", EscalationKind.LONE_WORKER, None, None, 0),
    ("Ayu", EscalationKind.BUTTON, CrisisSign.THREAT_OF_HARM, "Dia bilang mau melukai orang.", 0),
    ("Putri", EscalationKind.WELLBEING, CrisisSign.DISTRESS, None, 0),
    ("Lestari Kusumawardhani", EscalationKind.BUTTON, None, None, 0),
]


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crowded]:
    db = tmp_path_factory.mktemp("console-crowded") / "agency.sqlite3"
    add_staff(db)
    alarms = []
    with AgencyStore(db) as store:
        for talent, kind, sign, note, follow_ups in SIX_ALARMS:
            store.create_pairing_code(talent)
            booking = store.create_booking(
                talent,
                start=datetime.now(UTC) - timedelta(minutes=10),
                package_id="sleepcall-60",
                alias=SENTINEL_ALIAS,
                handle=SENTINEL_HANDLE,
            )
            talent_id = store.talent_by_name(talent).id
            request = wire.EscalationRequest(
                level="urgent",
                at=datetime.now(UTC),
                booking_id=booking,
                kind=kind,
                crisis_sign=sign,
                note=note,
            )
            created = wire.decode(
                store.create_escalation(talent_id, request)[1], wire.EscalationCreated
            )
            for _ in range(follow_ups):
                store.follow_up_escalation(
                    talent_id, created.id, wire.EscalationFollowUpRequest(note="Masih di sini.")
                )
            alarms.append(created.id)
        for member in store.staff.members():
            store.staff.set_on_duty(member, True)  # so the alerts go to someone
        # Nobody takes them: every round of the policy alerts again, until the last says
        # nobody answered (the badge on every row, the next level asked for).
        for minutes in range(1, 8):
            policy.tick(store, datetime.now(UTC) + timedelta(minutes=minutes))
    server = ServerThread(db, app_options={"policy_interval": None})
    server.start()
    yield Crowded(server, db, alarms)
    server.stop()


def take_buttons_on_first_screen(page: Page, height: int) -> int:
    """How many rows' Take buttons lie wholly within the first ``height`` pixels."""
    bottoms: list[float] = page.evaluate(
        "() => [...document.querySelectorAll('#queue table.waiting button.take')]"
        ".map((b) => b.getBoundingClientRect().bottom + window.scrollY)"
    )
    return sum(1 for bottom in bottoms if bottom <= height)


def test_six_alarms_fit_the_first_screen_of_a_laptop(browser: Browser, crowded: Crowded) -> None:
    # The worst case: the sound still off, every alarm alerted again and unanswered, the
    # next level asked for; a supervisor in Bahasa Indonesia, an admin (more links) in
    # English. Before the compact rows only 4 of the 6 Take buttons showed.
    for name, lang in ((SUPERVISOR, "id"), (ADMIN, "en")):
        page = signed_in_at(browser, crowded.url, name, lang, reduced_motion="reduce")
        page.wait_for_selector("body[data-live-seq]")
        assert page.is_visible("#sound-off") and page.is_visible("#next-level")
        assert page.locator("#queue table.waiting tbody tr.unacked").count() == 6
        assert take_buttons_on_first_screen(page, 768) == 6, (name, lang)
        # Each row's badges sit on one line after the alarm's name, not one under another.
        tops = page.evaluate(
            "() => [...document.querySelectorAll('#queue table.waiting tbody tr')].map((tr) =>"
            " [...tr.querySelectorAll('.c-kind .badge')].map((e) => e.getBoundingClientRect().top))"
        )
        assert all(row and max(row) - min(row) < 4 for row in tops), tops
        page.context.close()
    # On a phone the same queue reads as cards, with no sideways scrolling.
    phone = {"width": 390, "height": 844}
    page = signed_in_at(browser, crowded.url, SUPERVISOR, "id", viewport=phone, is_mobile=True)
    assert page.locator("#queue table.waiting tbody tr").count() == 6
    assert page.evaluate("document.documentElement.scrollWidth") <= phone["width"]
    page.context.close()


def test_an_open_alarms_take_button_is_on_the_first_screen(
    browser: Browser, crowded: Crowded
) -> None:
    # Ayu's alarm has a note and a threat of harm; Dewi's the longest "what you do".
    ayu, dewi = crowded.alarms[3], crowded.alarms[1]
    for name, lang, viewport, mobile in (
        (ADMIN, "en", {"width": 1366, "height": 768}, False),
        (SUPERVISOR, "id", {"width": 390, "height": 844}, True),
    ):
        page = signed_in_at(
            browser, crowded.url, name, lang, viewport=viewport, is_mobile=mobile, has_touch=mobile
        )
        for alarm in (ayu, dewi):
            page.goto(f"{crowded.url}/console/escalations/{alarm}")
            # Right after the facts: before the emergency numbers, timeline and alerts sent.
            order = page.evaluate(
                "() => ['#live-item', '#actions', '#emergency-numbers', '.timeline', "
                "'table.notices'].map((s) => document.querySelector(s))"
                ".map((e) => e && e.getBoundingClientRect().top)"
            )
            assert None not in order[:4] and order[:4] == sorted(order[:4]), order
            assert order[4] is not None and order[4] > order[3], order
            bottom = page.evaluate("document.querySelector('#take').getBoundingClientRect().bottom")
            assert bottom <= viewport["height"], (name, lang, alarm, bottom)
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        page.context.close()
    # Both live parts, above and below the forms, follow the alarm without a reload; a note
    # being typed in the forms stays.
    page = signed_in_at(browser, crowded.url, SUPERVISOR, "en")
    page.goto(f"{crowded.url}/console/escalations/{ayu}")
    page.wait_for_selector("body[data-live-seq]")
    page.fill("#actions form[action$='/resolve'] textarea[name=note]", "Sudah aman")
    with AgencyStore(crowded.db) as store:
        talent_id = store.talent_by_name("Ayu").id
        store.follow_up_escalation(
            talent_id, ayu, wire.EscalationFollowUpRequest(crisis_sign=CrisisSign.AGGRESSION)
        )
    page.wait_for_selector("#live-item dd:has-text('aggression or threats of violence')")
    page.wait_for_selector("#item-history .follow-ups li")
    assert page.input_value("#actions form[action$='/resolve'] textarea") == "Sudah aman"
    page.context.close()
