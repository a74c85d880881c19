"""Console fixtures: staff accounts, signed-in HTTP clients, and one real browser.

The browser is Debian's Chromium driven by Playwright's Python package (its own browser
download does not work here): one per test module, a new context per test. Where there is
none the browser tests skip, unless ``TALENTDESK_REQUIRE_BROWSER=1`` (CI) makes them fail.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from talentdesk_agency import AgencyStore, ServerThread
from talentdesk_agency.store import DbTarget
from talentdesk_agency.store.records import StaffRole
from tests.required import missing

if TYPE_CHECKING:
    from playwright.sync_api import Browser

REQUIRE_BROWSER = "TALENTDESK_REQUIRE_BROWSER"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "kata sandi yang panjang"
ADMIN, SUPERVISOR = "Rina", "Budi"


def add_staff(db: DbTarget) -> None:
    with AgencyStore(db) as store:
        store.staff.add(ADMIN, StaffRole.ADMIN, PASSWORD)
        store.staff.add(SUPERVISOR, StaffRole.SUPERVISOR, PASSWORD)


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]*)"', html)
    assert found is not None, "no CSRF field on the page"
    return found.group(1)


def sign_in(url: str, name: str, password: str = PASSWORD) -> httpx.Client:
    """An HTTP client signed in to the console (as a browser would: CSRF, cookies)."""
    client = httpx.Client(base_url=url, timeout=30)
    page = client.get("/console/login")
    response = client.post(
        "/console/login", data={"csrf": csrf_of(page.text), "name": name, "password": password}
    )
    assert response.status_code == 303, response.text
    return client


def queue_updates(lines: Iterator[str]) -> Iterator[dict[str, Any]]:
    """The queue payloads of the console's live stream (``/console/events``) as they
    arrive, from the stream's lines."""
    event = None
    for line in lines:
        if line.startswith("event: "):
            event = line.removeprefix("event: ")
        elif line.startswith("data: ") and event == "queue":
            payload: dict[str, Any] = json.loads(line.removeprefix("data: "))
            yield payload
        elif not line:
            event = None


@pytest.fixture
def console(agency_db: DbTarget) -> Iterator[ServerThread]:
    """The agency server with two staff accounts (the policy runs only when a test says)."""
    add_staff(agency_db)
    server = ServerThread(agency_db, app_options={"policy_interval": None})
    server.start()
    yield server
    server.stop()


@pytest.fixture
def admin(console: ServerThread) -> Iterator[httpx.Client]:
    client = sign_in(console.url, ADMIN)
    yield client
    client.close()


@pytest.fixture
def supervisor(console: ServerThread) -> Iterator[httpx.Client]:
    client = sign_in(console.url, SUPERVISOR)
    yield client
    client.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless: skipped where missing, failed where CI needs it.

    One per module: Playwright's sync API keeps an event loop running on the main thread
    while it is open, which later tests calling ``asyncio.run`` must not find."""
    problem = None
    if shutil.which(CHROMIUM) is None:
        problem = f"no browser at {CHROMIUM} (Debian's chromium package)"
    else:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError as exc:  # pragma: no cover - a dev dependency
            problem = f"no playwright: {exc}"
    if problem is not None:
        missing(REQUIRE_BROWSER, problem)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def new_page(browser: Browser, **options: Any) -> Any:
    """A page in a fresh context (its own cookies), 1366x768 unless told."""
    context = browser.new_context(
        viewport=options.pop("viewport", {"width": 1366, "height": 768}), **options
    )
    return context.new_page()
