"""The console in a real browser (Debian's Chromium, Playwright) against the real server,
with a real desk (vault, sync and escalation service) raising the alarms.

One server, one desk and one browser for the module; each test its own browser contexts.
"""

from __future__ import annotations

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
from talentdesk_agency import AgencyStore, ServerThread
from tests.agency.console.conftest import ADMIN, PASSWORD, SUPERVISOR, add_staff, new_page
from tests.reference_agency import pair

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
    page = new_page(browser, **options)
    page.goto(world.url + "/console/login?lang=en")
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


def test_acknowledge_resolve_and_every_supervisor_sees_it_live(
    browser: Browser, world: World
) -> None:
    rina = signed_in(browser, world, ADMIN)
    budi = signed_in(browser, world, SUPERVISOR)
    view = world.safety.escalations.escalate(world.booking_id, note="tolong")
    esc = remote_id(world, view.id)
    budi.wait_for_selector(f"#row-{esc}.unacked")

    rina.goto(f"{world.url}/console/escalations/{esc}")
    rina.fill("form[action$='/ack'] textarea[name=note]", "Aku telepon sekarang")
    rina.click("#take")
    rina.wait_for_selector("#item-status:has-text('Taken by Rina')")
    # Budi's queue shows who took it, without a reload.
    budi.wait_for_selector(f"#row-{esc}:not(.unacked) .status:has-text('Taken by {ADMIN}')")
    # The desk's record says acknowledged by Rina.
    wait_for(lambda: desk_view(world, view.id).state is EscalationState.ACKNOWLEDGED)
    assert desk_view(world, view.id).supervisor == ADMIN

    rina.select_option("select[name=reason]", "emergency_services_called")
    rina.fill("form[action$='/resolve'] textarea[name=note]", "Polisi sudah dihubungi")
    rina.click("#resolve")
    rina.wait_for_selector("#item-status:has-text('resolved')")
    assert "emergency services called" in rina.inner_text("#live-item")
    wait_for(lambda: desk_view(world, view.id).state is EscalationState.RESOLVED)
    budi.wait_for_selector(f"#row-{esc}", state="detached")
    rina.context.close()
    budi.context.close()


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


def test_the_queue_fits_a_phone_width_screen(browser: Browser, world: World) -> None:
    page = signed_in(browser, world, SUPERVISOR, viewport={"width": 390, "height": 844})
    page.wait_for_selector("#queue-count")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    page.context.close()
