"""The console over real HTTP, on both backends: security headers and cookies, CSRF on every
state-changing request, roles, every page in both languages, careful forms, and what each
staff action does (audit log, the talent's feed, revoked devices)."""

from __future__ import annotations

import functools
import logging
import re
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from html import unescape
from html.parser import HTMLParser
from types import SimpleNamespace
from typing import Any, cast
from urllib.parse import quote

import httpx
import msgspec
import pytest
from starlette.routing import Route

from talentdesk_agency import AgencyStore, ServerThread, policy
from talentdesk_agency.console.i18n import MISSING, Translate, translator
from talentdesk_agency.console.pages import CONFIG_TABLES, Pages
from talentdesk_agency.console.site import CSP, SESSION_COOKIE
from talentdesk_agency.console.times import format_when, zone_named
from talentdesk_agency.console.views import AUDIT_ACTIONS
from talentdesk_agency.problems import ApiError
from talentdesk_agency.store import Alerting, DbTarget
from talentdesk_agency.store import staff as staff_store
from talentdesk_agency.store.engine import Tx
from talentdesk_agency.store.records import StaffRole, iso, now_utc
from talentdesk_agency.store.settings import AlertContact
from talentdesk_agency.store.staff import LOGIN_FAILURE_LIMIT, UNKNOWN_NAME
from talentdesk_contract import wire
from talentdesk_contract.values import Language
from talentdesk_contract.wire import EventType, ProblemType
from tests.agency.console.conftest import ADMIN, PASSWORD, SUPERVISOR, csrf_of, sign_in
from tests.reference_agency import Paired, pair, soon, stored_bytes

HANDLE = "@SENTINEL-handle-5521"
ALIAS = "SENTINEL-alias-5521"
PAGES = ["queue", "reports", "roster", "bookings", "config", "staff", "audit"]
ADMIN_PAGES = ["bookings", "config", "staff", "audit"]


def post_routes() -> list[Route]:
    """Every console route that takes a POST, from the console's own route table."""
    routes = Pages(cast("Any", None)).routes()
    return [r for r in routes if isinstance(r, Route) and r.methods and "POST" in r.methods]


def post_urls(ids: dict[str, str], sections: list[str]) -> list[str]:
    """Every state-changing URL, with ids that exist: each POST route once, the config
    route once per section."""
    fill = {
        "report_id": [ids["rep"]],
        "booking_id": [ids["bk"]],
        "section": sections,
    }
    urls = []
    for route in post_routes():
        path = route.path
        if "{item_id}" in path:
            item = ids["debrief"] if path.startswith("/debriefs/") else ids["esc"]
            urls.append("/console" + path.replace("{item_id}", item))
            continue
        names = re.findall(r"{(\w+)}", path)
        assert len(names) <= 1, path
        if not names:
            urls.append("/console" + path)
            continue
        for value in fill[names[0]]:
            urls.append("/console" + path.replace("{" + names[0] + "}", value))
    return urls


@pytest.fixture
def talent(console: ServerThread, agency_db: DbTarget) -> Iterator[Paired]:
    paired = pair(console.url, agency_db, "Sari")
    yield paired
    paired.client.close()


def seed(db: DbTarget, talent: Paired) -> dict[str, str]:
    with AgencyStore(db) as store:
        booking = store.create_booking(
            "Sari", start=soon(), package_id="curhat-30", alias=ALIAS, handle=HANDLE
        )
    esc = talent.write(
        "POST",
        "/v1/escalations",
        {
            "level": "urgent",
            "at": soon().isoformat(),
            "booking_id": booking,
            "crisis_sign": "aggression",
            "note": "<img src=x onerror=alert(1)>",
        },
    ).json()["id"]
    talent.write("POST", f"/v1/escalations/{esc}/follow-up", {"crisis_sign": "threat_of_harm"})
    rep = talent.write(
        "POST",
        "/v1/reports",
        {
            "session_id": "s1",
            "booking_id": booking,
            "category": "threats",
            "description": "<script>alert(2)</script>",
            "at": soon().isoformat(),
        },
    ).json()["id"]
    debrief = talent.write(
        "POST", "/v1/debriefs", {"at": soon().isoformat(), "booking_id": booking}
    ).json()["id"]
    return {"esc": esc, "rep": rep, "bk": booking, "debrief": debrief}


def test_security_headers_and_cookies(console: ServerThread) -> None:
    login = httpx.get(console.url + "/console/login")
    assert login.headers["content-security-policy"] == CSP
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP
    assert login.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in CSP
    assert login.headers["x-content-type-options"] == "nosniff"
    assert login.headers["referrer-policy"] == "same-origin"
    assert login.headers["cache-control"] == "no-store"
    assert "<script>" not in login.text.replace('<script src="/console/static/console.js"', "")
    client = httpx.Client(base_url=console.url)
    page = client.get("/console/login")
    signed = client.post(
        "/console/login", data={"csrf": csrf_of(page.text), "name": ADMIN, "password": PASSWORD}
    )
    cookie = signed.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/console" in cookie
    assert "secure" not in cookie  # loopback: plain http
    client.close()


def test_cookies_are_secure_off_loopback(agency_db: DbTarget) -> None:
    from talentdesk_agency.store.records import StaffRole

    with AgencyStore(agency_db) as store:
        store.staff.add(ADMIN, StaffRole.ADMIN, PASSWORD)
    server = ServerThread(agency_db, app_options={"policy_interval": None})
    server.start()
    try:
        # As a TLS proxy in front of it would ask: another host name.
        response = httpx.get(server.url + "/console/login", headers={"Host": "console.example"})
        assert "secure" in response.headers["set-cookie"].lower()
    finally:
        server.stop()


def test_signed_out_pages_go_to_sign_in(console: ServerThread) -> None:
    for path in PAGES:
        response = httpx.get(f"{console.url}/console/{path}")
        assert response.status_code == 303
        # Back to the page asked for afterwards (the queue is where signing in goes anyway).
        back = "" if path == "queue" else f"?next=%2Fconsole%2F{path}"
        assert response.headers["location"] == "/console/login" + back


def test_every_post_needs_the_csrf_token(
    admin: httpx.Client, talent: Paired, agency_db: DbTarget
) -> None:
    ids = seed(agency_db, talent)
    queue_page = admin.get("/console/queue").text
    token = csrf_of(queue_page)
    config_page = admin.get("/console/config").text
    sections = re.findall(r'action="/console/config/([\w-]+)"', config_page)
    assert set(sections) == {"general", "policy", "presets", *CONFIG_TABLES}
    urls = post_urls(ids, sections)
    # Every form any page shows posts to one of these routes (none is missed).
    shown = [
        queue_page,
        config_page,
        *(
            admin.get(path).text
            for path in (
                f"/console/escalations/{ids['esc']}",
                f"/console/debriefs/{ids['debrief']}",
                f"/console/reports/{ids['rep']}",
                "/console/roster",
                "/console/bookings",
                "/console/staff",
            )
        ),
    ]
    patterns = [re.compile("^/console" + r.path_regex.pattern.lstrip("^")) for r in post_routes()]
    actions = {
        a for html in shown for a in re.findall(r'<form method="post" action="([^"]+)"', html)
    }
    assert f"/console/debriefs/{ids['debrief']}/ack" in actions
    for action in actions:
        assert any(p.match(action) for p in patterns), action
    assert f"/console/debriefs/{ids['debrief']}/resolve" in urls
    for url in urls:
        for data in ({}, {"csrf": "forged"}):
            response = admin.post(
                url,
                data={
                    **data,
                    "note": "x",
                    "talent": "X",
                    "name": "X",
                    "reason": "handled",
                    "agency_name": "Forged",
                },
            )
            assert response.status_code == 403, (url, response.text)
        # From another site, even with the token.
        foreign = admin.post(url, data={"csrf": token}, headers={"Origin": "http://evil.example"})
        assert foreign.status_code == 403, url
    # Nothing changed: the alarm and the debrief wait, the staff are still signed in.
    with AgencyStore(agency_db) as store:
        assert store.escalation(talent.talent_id, ids["esc"]).status == "open"
        [debrief] = store.escalation_log.debriefs()
        assert debrief.status == "open" and debrief.supervisor is None
        assert [t.display_name for t in store.talents()] == ["Sari"]
        assert store.agency_name != "Forged"
    assert admin.get("/console/queue").status_code == 200


def test_signing_out_ends_the_session_on_the_server(
    console: ServerThread, agency_db: DbTarget
) -> None:
    client = sign_in(console.url, SUPERVISOR)
    old_cookie = client.cookies.get(SESSION_COOKIE)
    assert old_cookie
    token = csrf_of(client.get("/console/queue").text)
    out = client.post("/console/logout", data={"csrf": token})
    assert out.status_code == 303 and out.headers["location"] == "/console/login"
    assert SESSION_COOKIE in out.headers["set-cookie"]  # the browser is told to drop it
    assert "max-age=0" in out.headers["set-cookie"].lower()
    client.close()
    # A copy of the old cookie (a stolen one, or a browser that kept it) is worth nothing.
    stale = httpx.Client(base_url=console.url, cookies={SESSION_COOKIE: old_cookie})
    for path, back in (("/console/queue", ""), ("/console/reports", "&next=%2Fconsole%2Freports")):
        response = stale.get(path)
        assert response.status_code == 303, path
        assert response.headers["location"] == "/console/login?reason=ended" + back
    assert stream_events(stale) == ["signed_out"]  # the live queue: nothing but that
    refused = stale.post("/console/duty", data={"csrf": token, "on": "1"})
    assert refused.status_code == 303
    assert refused.headers["location"] == "/console/login?reason=not_done"
    stale.close()
    with AgencyStore(agency_db) as store:
        assert [e.staff_name for e in store.staff.audit_log() if e.action == "logout"] == [
            SUPERVISOR
        ]
        # Signed in nowhere else: off duty, so no more alarms are sent to them.
        [budi] = [m for m in store.staff.members() if m.name == SUPERVISOR]
        assert not budi.on_duty
    # Signing in again works, with a new session.
    again = sign_in(console.url, SUPERVISOR)
    assert again.cookies.get(SESSION_COOKIE) not in (None, old_cookie)
    assert again.get("/console/queue").status_code == 200
    again.close()


def test_a_password_typed_as_the_name_is_never_kept(
    console: ServerThread,
    agency_db: DbTarget,
    admin: httpx.Client,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    sentinel = "SENTINEL-pw-as-name-3317"
    client = httpx.Client(base_url=console.url)
    page = client.get("/console/login")
    failed = client.post(
        "/console/login",
        data={"csrf": csrf_of(page.text), "name": sentinel, "password": sentinel},
    )
    assert failed.status_code == 401
    # A wrong password for a real account is recorded under the account's name.
    page = client.get("/console/login")
    client.post(
        "/console/login",
        data={"csrf": csrf_of(page.text), "name": SUPERVISOR, "password": "wrong password"},
    )
    client.close()
    with AgencyStore(agency_db) as store:
        failures = [e for e in store.staff.audit_log() if e.action == "login.failed"]
    assert [(e.staff_name, e.target) for e in failures] == [
        (SUPERVISOR, SUPERVISOR),
        (UNKNOWN_NAME, None),
    ]
    shown = admin.get("/console/audit").text
    assert "(nama tak dikenal)" in shown
    # The accounts were added with the staff command line: said in the page's language.
    assert "(perintah staf di server)" in shown and "command line" not in shown
    english = admin.post(
        "/console/language",
        data={"csrf": csrf_of(shown), "language": "en", "back": "/console/audit"},
    )
    assert english.status_code == 303
    shown_in_english = admin.get("/console/audit").text
    assert "(unknown name)" in shown_in_english
    assert "(the staff command line)" in shown_in_english
    assert sentinel not in shown
    assert sentinel.encode() not in stored_bytes(agency_db)
    assert sentinel not in caplog.text
    out, err = capfd.readouterr()
    assert sentinel not in out + err


class _CountingHasher:
    """The store's Argon2 hasher, counting which hashes passwords are verified against."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.verified: list[str] = []

    def verify(self, digest: str, password: str) -> bool:
        self.verified.append(digest)
        return bool(self.real.verify(digest, password))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def test_the_sign_in_answers_alike_whether_the_name_exists_or_not(
    console: ServerThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One instant for the whole test: the throttle's waits are then exact, not "about".
    frozen = time.time()
    monkeypatch.setattr(staff_store, "time", SimpleNamespace(time=lambda: frozen))
    hasher = _CountingHasher(staff_store._hasher)
    monkeypatch.setattr(staff_store, "_hasher", hasher)
    client = httpx.Client(base_url=console.url)

    def attempt(name: str) -> tuple[int, str, dict[str, str]]:
        """One wrong password for ``name``: the answer with its CSRF token and the name
        typed (shown again in the form) taken out, everything else as sent."""
        page = client.get("/console/login")
        answer = client.post(
            "/console/login",
            data={"csrf": csrf_of(page.text), "name": name, "password": "not the password"},
        )
        token = csrf_of(answer.text)
        headers = {
            k: v.replace(token, "CSRF")
            for k, v in answer.headers.items()
            if k not in ("date", "content-length")
        }
        return answer.status_code, answer.text.replace(token, "CSRF").replace(name, "NAME"), headers

    known, unknown = SUPERVISOR, "Bxdi"  # an account's name, and a name nobody has
    answers = {
        name: [attempt(name) for _ in range(LOGIN_FAILURE_LIMIT + 2)] for name in (known, unknown)
    }
    statuses = [status for status, _, _ in answers[known]]
    assert statuses == [401] * LOGIN_FAILURE_LIMIT + [429, 429]
    assert answers[unknown] == answers[known]  # the same pages, words, status and waits
    assert answers[known][-1][2]["retry-after"] == "30"
    # Guessing one unknown name slows no other name, as guessing an account does not.
    fresh_unknown, fresh_known = attempt("Rxna"), attempt(ADMIN)
    assert fresh_unknown[0] == fresh_known[0] == 401
    assert fresh_unknown == fresh_known
    # Every name that was not throttled went through Argon2: an account's hash, or the
    # dummy one (so an unknown name does not answer measurably faster).
    dummy = hasher.verified.count(staff_store._DUMMY_HASH)
    assert len(hasher.verified) == 2 * LOGIN_FAILURE_LIMIT + 2
    assert dummy == len(hasher.verified) - dummy == LOGIN_FAILURE_LIMIT + 1
    client.close()


def test_a_throttled_supervisor_is_told_to_ask_an_admin_who_unlocks_them(
    console: ServerThread, admin: httpx.Client, agency_db: DbTarget
) -> None:
    guesser = httpx.Client(base_url=console.url)
    for _ in range(LOGIN_FAILURE_LIMIT):
        page = guesser.get("/console/login")
        wrong = {"csrf": csrf_of(page.text), "name": SUPERVISOR, "password": "not it at all"}
        assert guesser.post("/console/login", data=wrong).status_code == 401
    page = guesser.get("/console/login")
    right = {"csrf": csrf_of(page.text), "name": SUPERVISOR, "password": PASSWORD}
    throttled = guesser.post("/console/login", data=right)
    assert throttled.status_code == 429
    assert 0 < int(throttled.headers["retry-after"]) <= 30
    assert (
        "Coba lagi dalam 1 menit, atau minta admin membuka kunci akunmu (Akun staf)."
        in throttled.text
    )
    # The admin sees the failures in Akun staf and unlocks the account.
    staff_page = admin.get("/console/staff").text
    assert f"{LOGIN_FAILURE_LIMIT} kali gagal masuk dalam satu jam terakhir" in staff_page
    assert 'action="/console/staff/unlock"' in staff_page
    unlocked = admin.post(
        "/console/staff/unlock", data={"csrf": csrf_of(staff_page), "name": SUPERVISOR}
    )
    assert unlocked.status_code == 303
    shown = admin.get(unlocked.headers["location"]).text
    assert f"Kunci akun {SUPERVISOR} sudah dibuka" in shown
    assert "kali gagal masuk" not in shown
    page = guesser.get("/console/login")
    again = guesser.post("/console/login", data={**right, "csrf": csrf_of(page.text)})
    assert again.status_code == 303
    guesser.close()
    with AgencyStore(agency_db) as store:
        entry = next(e for e in store.staff.audit_log() if e.action == "staff.unlock")
        assert (entry.staff_name, entry.target) == (ADMIN, SUPERVISOR)
    # An unknown name is refused with a message, not a 500.
    refused = admin.post("/console/staff/unlock", data={"csrf": csrf_of(shown), "name": "Nobody"})
    assert refused.status_code == 400
    assert "Nobody" in refused.text


def stream_events(client: httpx.Client, then: Callable[[], object] | None = None) -> list[str]:
    """The events of one live stream (``/console/events``) until it ends (or 10 s pass);
    ``then`` runs after its first event."""
    events: list[str] = []
    deadline = time.monotonic() + 10  # a stream that never ends fails the test, promptly
    with client.stream("GET", "/console/events", timeout=10) as stream:
        assert stream.status_code == 200
        assert stream.headers["content-type"].startswith("text/event-stream")
        for line in stream.iter_lines():
            if time.monotonic() > deadline:
                break
            if line.startswith("event: "):
                events.append(line.removeprefix("event: "))
                if len(events) == 1 and then is not None:
                    then()
    return events


@pytest.fixture
def short_heartbeat(console: ServerThread) -> None:
    console.app.console.heartbeat = 0.2


@pytest.mark.usefixtures("short_heartbeat")
def test_a_live_stream_ends_within_a_heartbeat_of_its_session(
    console: ServerThread, agency_db: DbTarget
) -> None:
    def sign_out(budi: httpx.Client) -> None:  # in another tab
        elsewhere = httpx.Client(base_url=console.url, cookies=budi.cookies)
        token = csrf_of(elsewhere.get("/console/queue").text)
        assert elsewhere.post("/console/logout", data={"csrf": token}).status_code == 303
        elsewhere.close()

    def expire(budi: httpx.Client) -> None:
        with AgencyStore(agency_db) as store, store.db.write() as tx:
            tx.execute("UPDATE staff_sessions SET expires_at = ?", (time.time() - 1,))

    def disable(budi: httpx.Client) -> None:
        with AgencyStore(agency_db) as store:
            store.staff.set_disabled(SUPERVISOR, True)

    for end in (sign_out, expire, disable):
        budi = sign_in(console.url, SUPERVISOR)
        started = time.monotonic()
        # The queue at once; once the session ends, signed_out, and the stream's end.
        ending = functools.partial(end, budi)
        assert stream_events(budi, ending) == ["queue", "signed_out"], end
        assert time.monotonic() - started < 5  # a heartbeat of 0.2 s, on a busy machine
        budi.close()


def test_an_ended_session_signs_in_again_and_returns_to_the_page(
    console: ServerThread, talent: Paired, agency_db: DbTarget
) -> None:
    ids = seed(agency_db, talent)
    item = f"/console/escalations/{ids['esc']}"
    budi = sign_in(console.url, SUPERVISOR)
    token = csrf_of(budi.get(item).text)
    with AgencyStore(agency_db) as store, store.db.write() as tx:
        tx.execute("DELETE FROM staff_sessions")  # expired, or signed out in another tab
    # Tanggapi with the ended session: not taken; the sign-in page says why.
    refused = budi.post(f"{item}/ack", data={"csrf": token})
    assert refused.status_code == 303
    location = refused.headers["location"]
    assert location == f"/console/login?reason=not_done&next={quote(item, safe='')}"
    page = budi.get(location)
    assert "tindakan tadi tidak dilakukan" in page.text
    assert f'name="next" value="{item}"' in page.text
    with AgencyStore(agency_db) as store:
        assert store.escalation(talent.talent_id, ids["esc"]).status == "open"
    signed = budi.post(
        "/console/login",
        data={"csrf": csrf_of(page.text), "name": SUPERVISOR, "password": PASSWORD, "next": item},
    )
    assert signed.status_code == 303 and signed.headers["location"] == item
    # A page asked for with an ended session comes back after signing in too.
    assert budi.get("/console/login?next=%2Fconsole%2Freports").headers["location"] == (
        "/console/reports"
    )
    budi.close()


def test_signing_in_never_goes_to_another_site(console: ServerThread) -> None:
    for next_page in (
        "//evil.example/console/queue",
        "https://evil.example/console/queue",
        "/console//evil.example",
        "/console/\\evil.example",
        "/\\evil.example",
        "javascript:alert(1)",
        "/console/login",
        "/console/queue\r\nSet-Cookie: x=1",
        "/elsewhere",
    ):
        client = httpx.Client(base_url=console.url)
        page = client.get("/console/login", params={"next": next_page, "reason": "<b>x</b>"})
        assert 'name="next"' not in page.text, next_page
        assert "<b>x</b>" not in page.text and "&lt;b&gt;" not in page.text  # reasons: a list
        signed = client.post(
            "/console/login",
            data={
                "csrf": csrf_of(page.text),
                "name": ADMIN,
                "password": PASSWORD,
                "next": next_page,
            },
        )
        assert signed.status_code == 303 and signed.headers["location"] == "/console/queue"
        # Already signed in: the same.
        again = client.get("/console/login", params={"next": next_page})
        assert again.headers["location"] == "/console/queue", next_page
        client.close()


def test_resolving_needs_a_reason_and_a_note(
    supervisor: httpx.Client, talent: Paired, agency_db: DbTarget
) -> None:
    ids = seed(agency_db, talent)
    token = csrf_of(supervisor.get("/console/queue").text)
    en = translator(Language.EN)("escalation.note_required")
    for item in (f"escalations/{ids['esc']}", f"debriefs/{ids['debrief']}"):
        for data in (
            {"reason": "handled"},
            {"reason": "handled", "note": "  "},
            {"note": "talked to her"},
            {"reason": "not-a-reason", "note": "talked to her"},
        ):
            refused = supervisor.post(f"/console/{item}/resolve", data={"csrf": token, **data})
            assert refused.status_code == 400, (item, data)
            assert translator(Language.ID)("escalation.note_required") in refused.text or (
                en in refused.text
            )
    with AgencyStore(agency_db) as store:
        assert store.escalation(talent.talent_id, ids["esc"]).status == "open"
        assert [d.status for d in store.escalation_log.debriefs()] == ["open"]
        assert not [e for e in store.staff.audit_log() if "resolve" in e.action]
    # With both, it closes.
    done = supervisor.post(
        f"/console/escalations/{ids['esc']}/resolve",
        data={"csrf": token, "reason": "handled", "note": "talked to her"},
    )
    assert done.status_code == 303
    with AgencyStore(agency_db) as store:
        assert store.escalation(talent.talent_id, ids["esc"]).status == "resolved"


def roster_row(html: str, talent: str) -> str:
    """The roster table's row of one talent, as text."""
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    [row] = [r for r in rows if f'class="talent">{talent}<' in r]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row))


def test_the_roster_shows_live_sessions_last_seen_and_availability(
    supervisor: httpx.Client, talent: Paired, agency_db: DbTarget
) -> None:
    token = csrf_of(supervisor.get("/console/queue").text)
    supervisor.post("/console/language", data={"csrf": token, "language": "en"})
    start = soon(10)
    with AgencyStore(agency_db) as store:
        booking = store.create_booking(
            "Sari", start=start, package_id="curhat-30", alias=ALIAS, handle=HANDLE
        )
        # As if the desk had last called an hour ago: the roster must show the new call.
        with store.db.write() as tx:
            tx.execute("UPDATE tokens SET last_seen_at = ?", (iso(now_utc() - timedelta(hours=1)),))
    before = roster_row(supervisor.get("/console/roster").text, "Sari")
    assert "live session" not in before and "not taking bookings" in before

    until = soon(240)
    answered = talent.write(
        "PUT", "/v1/availability", {"available": True, "until": until.isoformat()}
    )
    assert answered.status_code == 200, answered.text
    started = talent.write(
        "POST",
        f"/v1/sessions/{booking}/events",
        {"type": "started", "at": start.isoformat(), "planned_seconds": 1800},
    )
    assert started.status_code in (200, 201), started.text

    with AgencyStore(agency_db) as store:
        [device] = store.devices.devices()
        zone = zone_named(None)
    assert device.last_seen_at is not None
    seen = datetime.fromisoformat(device.last_seen_at)
    assert abs((seen - datetime.now(UTC)).total_seconds()) < 60  # the call just made
    row = roster_row(supervisor.get("/console/roster").text, "Sari")
    assert "live session Teman Curhat 30 menit" in row, row
    assert f"last seen {format_when(seen, zone, Language.EN)}" in row, row
    assert "last seen never" not in row
    assert f"available until {format_when(until, zone, Language.EN)}" in row, row
    # Tonight's line says the session is on, not merely "booked".
    assert f"{format_when(start, zone, Language.EN)} · Teman Curhat 30 menit · live now" in row, row

    ended = talent.write(
        "POST",
        f"/v1/sessions/{booking}/events",
        {
            "type": "ended",
            "at": (start + timedelta(minutes=30)).isoformat(),
            "planned_seconds": 1800,
            "actual_seconds": 1800,
            "outcome": "completed",
        },
    )
    assert ended.status_code in (200, 201), ended.text
    gone = talent.write("PUT", "/v1/availability", {"available": False})
    assert gone.status_code == 200, gone.text
    after = roster_row(supervisor.get("/console/roster").text, "Sari")
    assert "live session" not in after and "not taking bookings" in after
    assert f"{format_when(start, zone, Language.EN)} · Teman Curhat 30 menit · ended" in after


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "2 alarms waiting for a supervisor · 1 debrief request waiting (low priority)",
        ),
        (
            "id",
            "2 alarm menunggu supervisor · 1 permintaan waktu bicara menunggu (prioritas rendah)",
        ),
    ],
)
def test_the_queue_count_adds_up_to_the_waiting_table(
    supervisor: httpx.Client, talent: Paired, agency_db: DbTarget, language: str, expected: str
) -> None:
    seed(agency_db, talent)  # an alarm and a debrief request
    talent.write("POST", "/v1/escalations", {"level": "urgent", "at": soon().isoformat()})
    token = csrf_of(supervisor.get("/console/queue").text)
    supervisor.post("/console/language", data={"csrf": token, "language": language})
    html = supervisor.get("/console/queue").text
    count = re.search(r'<p class="count[^"]*" id="queue-count"[^>]*>\s*(.*?)\s*</p>', html, re.S)
    assert count is not None
    assert count.group(1) == expected
    table = re.search(r'<table class="queue waiting".*?</table>', html, re.S)
    assert table is not None
    rows = re.findall(r'<tr id="row-', table.group(0))
    assert len(rows) == sum(int(n) for n in re.findall(r"\d+", expected)) == 3
    # With the alarms taken, the debrief request is still counted, apart.
    with AgencyStore(agency_db) as store:
        for row in store.escalations(open_only=True):
            store.acknowledge_escalation(row.id, "Rina")
    html = supervisor.get("/console/queue").text
    count = re.search(r'id="queue-count"[^>]*>\s*(.*?)\s*</p>', html, re.S)
    assert count is not None
    assert (
        count.group(1)
        == translator(Language(language))("queue.all_taken") + " " + (expected.split(" · ")[1])
    )


def test_supervisors_cannot_open_or_post_to_admin_pages(
    supervisor: httpx.Client, talent: Paired, agency_db: DbTarget
) -> None:
    ids = seed(agency_db, talent)
    token = csrf_of(supervisor.get("/console/queue").text)
    for path in ADMIN_PAGES:
        assert supervisor.get(f"/console/{path}").status_code == 403
    for path in (
        "/console/bookings",
        "/console/config/general",
        "/console/staff",
        "/console/roster/pair",
        "/console/roster/revoke",
        f"/console/bookings/{ids['bk']}/cancel",
    ):
        response = supervisor.post(path, data={"csrf": token, "talent": "Eve", "name": "Eve"})
        assert response.status_code == 403, path
    with AgencyStore(agency_db) as store:
        assert [t.display_name for t in store.talents()] == ["Sari"]
        assert {m.name for m in store.staff.members()} == {ADMIN, SUPERVISOR}


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_page_in_both_languages_is_complete_and_escapes_talent_text(
    admin: httpx.Client, talent: Paired, agency_db: DbTarget, language: str
) -> None:
    ids = seed(agency_db, talent)
    token = csrf_of(admin.get("/console/queue").text)
    admin.post("/console/language", data={"csrf": token, "language": language})
    with AgencyStore(agency_db) as store:
        [debrief] = store.escalation_log.debriefs()
    paths = [f"/console/{p}" for p in PAGES] + [
        f"/console/escalations/{ids['esc']}",
        f"/console/escalations/{ids['esc']}?part=live",
        f"/console/escalations/{ids['esc']}?part=history",
        f"/console/reports/{ids['rep']}",
        f"/console/debriefs/{debrief.id}",
        f"/console/bookings/{ids['bk']}/cancel",
        f"/console/staff?disable={SUPERVISOR}",
        "/console/nothing-here",
    ]
    device = re.search(
        r"/console/roster/revoke\?device=dev_[0-9a-f]+", admin.get("/console/roster").text
    )
    assert device is not None
    paths.append(device.group(0))
    for path in paths:
        response = admin.get(path)
        assert response.status_code in (200, 404), path
        html = response.text
        assert f'lang="{language}"' in html or "?part=" in path
        untranslated = re.findall(MISSING.format(".*?"), html)
        assert untranslated == [], (path, untranslated)
        # Talent-typed text is escaped; the customer's handle and alias never appear.
        assert "<img src=x" not in html and "<script>alert" not in html, path
        assert HANDLE not in html and ALIAS not in html, path
    login = httpx.get(f"{admin.base_url}/console/login?lang={language}")
    assert re.findall(MISSING.format(".*?"), login.text) == []
    item = admin.get(f"/console/escalations/{ids['esc']}").text
    assert "&lt;img src=x onerror=alert(1)&gt;" in item
    words = {"id": "Hubungi layanan darurat sekarang.", "en": "Contact emergency services now."}
    assert words[language] in item  # the follow-up's crisis sign with the playbook's action
    # The emergency numbers once, in the console's language (the sample agency has both).
    police = {"id": "Polisi", "en": "Police"}
    other = "en" if language == "id" else "id"
    for html in (item, admin.get("/console/queue").text):
        numbers = html.split('id="emergency-numbers"', 1)[1].split("</ul>", 1)[0]
        assert police[language] in numbers and police[other] not in numbers, numbers


def test_bad_forms_are_400_never_500(admin: httpx.Client) -> None:
    token = csrf_of(admin.get("/console/queue").text)
    cases = [
        (f"csrf={token}&talent=%FF%FE".encode(), "application/x-www-form-urlencoded"),
        (b"csrf=" + token.encode() + b"&talent=\xff", "application/x-www-form-urlencoded"),
        (b"x=" + b"a" * 70_000, "application/x-www-form-urlencoded"),
        (b'{"csrf": "x"}', "application/json"),
        ("&".join(f"f{n}=1" for n in range(3000)).encode(), "application/x-www-form-urlencoded"),
    ]
    for body, kind in cases:
        response = admin.post("/console/roster/pair", content=body, headers={"Content-Type": kind})
        # A form too large to read is a 413, the rest 400.
        expected = 413 if len(body) > 65_536 else 400
        assert response.status_code == expected, (body[:40], response.status_code)
    for data in ({"contact_window_minutes": "99999"}, {"contact_window_minutes": "-1"}):
        response = admin.post(
            "/console/config/general", data={"csrf": token, "agency_name": "A", **data}
        )
        assert response.status_code == 400
    bad_presets = admin.post(
        "/console/config/presets", data={"csrf": token, "presets": "[" * 100 + "]" * 100}
    )
    assert bad_presets.status_code == 400
    resolve = admin.post(
        "/console/escalations/esc_x/resolve", data={"csrf": token, "reason": "handled"}
    )
    assert resolve.status_code == 400  # a reason and a note, both


def test_staff_actions_reach_the_talent_and_the_audit_log(
    admin: httpx.Client, talent: Paired, agency_db: DbTarget
) -> None:
    ids = seed(agency_db, talent)
    token = csrf_of(admin.get("/console/queue").text)
    after = talent.events()[-1].seq
    assert (
        admin.post(
            f"/console/escalations/{ids['esc']}/ack", data={"csrf": token, "note": "on it"}
        ).status_code
        == 303
    )
    assert (
        admin.post(
            f"/console/escalations/{ids['esc']}/resolve",
            data={"csrf": token, "reason": "false_alarm", "note": "checked"},
        ).status_code
        == 303
    )
    assert (
        admin.post(
            f"/console/reports/{ids['rep']}",
            data={"csrf": token, "status": "in_progress", "level": "supervisor", "take": "1"},
        ).status_code
        == 303
    )
    events = talent.events(after)
    assert [e.type for e in events] == [
        EventType.ESCALATION_ACKNOWLEDGED,
        EventType.ESCALATION_RESOLVED,
        EventType.REPORT_UPDATED,
    ]
    resolved = wire.decode(events[1].data, wire.EscalationUpdateData)
    assert (resolved.supervisor, resolved.reason, resolved.note) == (
        ADMIN,
        "false_alarm",
        "checked",
    )
    report = wire.decode(events[2].data, wire.ReportUpdateData)
    assert (report.status, report.level) == ("in_progress", "supervisor")
    reports = admin.get("/console/reports").text
    assert ADMIN in reports  # the owner

    # Admin work: a booking, its cancellation, a config change, a staff account, a revocation.
    created = admin.post(
        "/console/bookings",
        data={
            "csrf": token,
            "talent": "Sari",
            "start": "2030-01-01T21:00",
            "offset": "+07:00",
            "package": "curhat-30",
            "alias": "Bunga",
            "handle": "@bunga",
            "returning": "1",
        },
    )
    assert created.status_code == 303
    with AgencyStore(agency_db) as store:
        new = [b for b in store.bookings.rows() if b.returning]
    assert len(new) == 1 and new[0].start.startswith("2030-01-01T21:00:00+07:00")
    # Cancelling asks first, saying what it does; asking changes nothing.
    asked = admin.get(f"/console/bookings/{new[0].id}/cancel")
    said = translator(Language.ID)  # the account's language
    assert asked.status_code == 200 and said("bookings.cancel_confirm") in asked.text
    assert f'action="/console/bookings/{new[0].id}/cancel"' in asked.text
    with AgencyStore(agency_db) as store:
        assert store.bookings.row(new[0].id).status == "booked"  # type: ignore[union-attr]
    assert (
        admin.post(
            f"/console/bookings/{new[0].id}/cancel", data={"csrf": token, "reason": "sakit"}
        ).status_code
        == 303
    )
    assert (
        admin.post(
            "/console/config/general",
            data={
                "csrf": token,
                "agency_name": "Agensi Bintang",
                "supervisor_phone": "+62 811 000",
                "contact_window_minutes": "20",
            },
        ).status_code
        == 303
    )
    assert (
        admin.post(
            "/console/staff",
            data={
                "csrf": token,
                "action": "add",
                "name": "Sinta",
                "role": "supervisor",
                "password": "x" * 12,
            },
        ).status_code
        == 303
    )
    device = re.search(
        r"/console/roster/revoke\?device=(dev_[0-9a-f]+)", admin.get("/console/roster").text
    )
    assert device is not None
    asked = admin.get(f"/console/roster/revoke?device={device.group(1)}")
    assert asked.status_code == 200 and said("roster.revoke_confirm") in asked.text
    assert f'name="device" value="{device.group(1)}"' in asked.text
    assert talent.client.get("/v1/feed").status_code == 200  # asking revoked nothing
    revoked_page = admin.post(
        "/console/roster/revoke", data={"csrf": token, "device": device.group(1)}
    )
    assert revoked_page.status_code == 303
    assert revoked_page.headers["location"] == f"/console/roster?revoked={device.group(1)}"
    revoked = talent.client.get("/v1/feed")
    assert revoked.status_code == 401
    assert wire.decode(revoked.content, wire.Problem).type == ProblemType.TOKEN_REVOKED

    with AgencyStore(agency_db) as store:
        config = store.config()
        actions = [(e.staff_name, e.action) for e in store.staff.audit_log()]
    assert config.supervisor_phone == "+62 811 000" and config.contact_window_minutes == 20
    for action in (
        "escalation.acknowledge",
        "escalation.resolve:false_alarm",
        "report.update",
        "booking.create",
        "booking.cancel",
        "config.general",
        "staff.add",
        "device.revoke",
        "login",
    ):
        assert (ADMIN, action) in actions, action
    audit = admin.get("/console/audit").text
    assert said("audit.device.revoke") in audit  # in words, not codes
    assert said("audit.escalation.resolve") + f" ({said('reason.false_alarm')})" in audit
    assert actions.count((ADMIN, "staff.add")) == 1  # the store's entry, not a second one
    myself = admin.post("/console/staff", data={"csrf": token, "action": "disable", "name": ADMIN})
    assert myself.status_code == 409 and said("staff.not_yourself") in myself.text


def test_the_config_tables_and_policy_save_and_push(admin: httpx.Client, talent: Paired) -> None:
    token = csrf_of(admin.get("/console/queue").text)
    config_page = admin.get("/console/config").text
    count = int(re.search(r'name="pace-count" value="(\d+)"', config_page).group(1))  # type: ignore[union-attr]
    after = talent.events()[-1].seq
    data = {"csrf": token, "pace-count": str(count)}
    data.update({"pace-0-slower_than_seconds": "90", "pace-0-times": "4"})
    for n in range(1, count):
        data[f"pace-{n}-delete"] = "1"
        data[f"pace-{n}-slower_than_seconds"] = "1"
        data[f"pace-{n}-times"] = "1"
    assert admin.post("/console/config/pace", data=data).status_code == 303
    policy = admin.post(
        "/console/config/policy",
        data={
            "csrf": token,
            "realert_after_seconds": "30",
            "remind_owner_after_seconds": "600",
            "rounds": "2",
            "priority-button": "urgent",
            "priority-lone_worker": "high",
            "priority-wellbeing": "low",
            "contacts": "Pak Manajer | +62 812 3456\n",
            "webhook_url": "",
            "first_response_minutes": "15",
            "update_every_minutes": "5",
        },
    )
    assert policy.status_code == 303
    pushed = [
        wire.decode(e.data, wire.AgencyConfig)
        for e in talent.events(after)
        if e.type == EventType.CONFIG_UPDATED
    ]
    assert pushed[0].pace_thresholds == (wire.PaceThreshold(slower_than_seconds=90, times=4),)
    assert pushed[-1].escalation_policy == wire.EscalationPolicy(
        realert_after_seconds=30, remind_owner_after_seconds=600, rounds=2
    )
    lone = talent.write(
        "POST",
        "/v1/escalations",
        {"level": "urgent", "at": soon().isoformat(), "kind": "lone_worker"},
    )
    got = talent.client.get(f"/v1/escalations/{lone.json()['id']}")
    assert wire.decode(got.content, wire.Escalation).priority == "high"


def test_report_timers_mark_overdue_tickets(
    admin: httpx.Client, talent: Paired, agency_db: DbTarget
) -> None:
    ids = seed(agency_db, talent)
    with AgencyStore(agency_db) as store, store.db.write() as tx:
        old = (
            wire.decode(f'"{soon().isoformat()}"', wire.Timestamp) - timedelta(hours=2)
        ).isoformat()
        tx.execute("UPDATE reports SET created_at = ? WHERE id = ?", (old, ids["rep"]))
    page = admin.get("/console/reports").text
    assert ('class="overdue"' in page and "overdue by" in page.lower()) or "lewat" in page


def test_taking_an_alarm_someone_took_first_says_who_has_it(
    admin: httpx.Client, supervisor: httpx.Client, talent: Paired, agency_db: DbTarget
) -> None:
    ids = seed(agency_db, talent)
    take = f"/console/escalations/{ids['esc']}/ack"
    queue = supervisor.get("/console/queue").text
    assert f'action="{take}"' in queue  # the queue row's own Take button
    first = supervisor.post(take, data={"csrf": csrf_of(queue)})
    assert first.status_code == 303 and first.headers["location"].endswith("?taken=1")
    said = translator(Language.ID)
    assert said("escalation.taken_notice") in supervisor.get(first.headers["location"]).text
    second = admin.post(take, data={"csrf": csrf_of(admin.get("/console/queue").text)})
    assert second.status_code == 303 and second.headers["location"].endswith("?already=1")
    page = admin.get(second.headers["location"]).text
    assert said("escalation.not_waiting") in page
    assert said("escalation.taken_by", name=SUPERVISOR) in page
    with AgencyStore(agency_db) as store:
        assert store.escalation(talent.talent_id, ids["esc"]).supervisor == SUPERVISOR


def test_the_agencys_time_zone_is_set_in_the_configuration(
    admin: httpx.Client, talent: Paired, agency_db: DbTarget
) -> None:
    ids = seed(agency_db, talent)
    with AgencyStore(agency_db) as store:
        booking = store.bookings.row(ids["bk"])
    assert booking is not None
    wib, wit = zone_named("WIB"), zone_named("WIT")
    page = admin.get("/console/bookings").text
    assert wib.label in page and format_when(booking.start, wib, Language.ID) in page
    token = csrf_of(page)
    saved = admin.post(
        "/console/config/general",
        data={
            "csrf": token,
            "agency_name": "Agensi Bintang",
            "contact_window_minutes": "10",
            "time_zone": "WIT",
        },
    )
    assert saved.status_code == 303
    page = admin.get("/console/bookings").text
    assert wit.label in page and format_when(booking.start, wit, Language.ID) in page
    assert '<option value="+09:00" selected>' in page  # a new booking's zone, too


#: A value no page offers, for each POST route (what a tampered form sends).
TAMPERED: dict[str, dict[str, str]] = {
    "/language": {"language": "fr"},
    "/escalations/{item_id}/ack": {"note": "x" * 2001},
    "/escalations/{item_id}/resolve": {"reason": "bogus", "note": "done"},
    "/debriefs/{item_id}/ack": {"note": "x" * 2001},
    "/debriefs/{item_id}/resolve": {"reason": "bogus", "note": "done"},
    "/reports/{report_id}": {"status": "bogus"},
    "/roster/pair": {"talent": "x" * 81},
    "/roster/revoke": {"device": "dev_0123456789abcdef"},
    "/bookings": {"talent": "Sari", "start": "tomorrow", "package": "curhat-30"},
    "/bookings/{booking_id}/cancel": {"reason": "x" * 501},
    "/config/{section}": {},  # per section, below
    "/staff": {"action": "add", "name": "Sinta", "role": "boss", "password": "x" * 12},
    "/staff/unlock": {"name": "Nobody"},
}
#: Routes that read no value a page could offer wrongly: the sign-in form (its own
#: tests), signing out, and the duty switch (a checkbox's presence).
NOTHING_TO_TAMPER = {"/login", "/logout", "/duty"}
TAMPERED_SECTIONS: dict[str, dict[str, str]] = {
    "general": {"agency_name": "A", "contact_window_minutes": "soon"},
    "policy": {"priority-button": "bogus", "rounds": "2"},
    "presets": {"presets": '[{"id": '},
    "packages": {"packages-count": "1", "packages-0-id": "p", "packages-0-channel": "fax"},
    "pace": {"pace-count": "many"},
    "emergency": {"emergency-count": "1", "emergency-0-id": "e", "emergency-0-language": "fr"},
    "replies": {"replies-count": "1", "replies-0-id": "r", "replies-0-style": "rude"},
}


def test_a_tampered_value_on_any_post_route_is_a_400_page_never_500(
    admin: httpx.Client, talent: Paired, agency_db: DbTarget
) -> None:
    ids = seed(agency_db, talent)
    language = Language.ID  # the account's; each message in English: test_a_refused_*
    token = csrf_of(admin.get("/console/queue").text)
    routes = {r.path for r in post_routes()}
    assert set(TAMPERED) | NOTHING_TO_TAMPER == routes
    assert set(TAMPERED_SECTIONS) == {"general", "policy", "presets", *CONFIG_TABLES}
    for url in post_urls(ids, list(TAMPERED_SECTIONS)):
        path = url.removeprefix("/console")
        route = next(r.path for r in post_routes() if r.path_regex.match(path))
        if route in NOTHING_TO_TAMPER:
            continue
        values = TAMPERED[route] or TAMPERED_SECTIONS[path.rsplit("/", 1)[1]]
        response = admin.post(url, data={"csrf": token, **values})
        assert response.status_code == 400, (url, response.status_code, response.text[-600:])
        said = re.findall(r'class="[^"]*\berror\b[^"]*"[^>]*>(.*?)</', response.text, re.S)
        assert said, url
        text = " ".join(said)
        assert MISSING.format("")[0] not in text, (url, text)
        for raw in ("Expected", "`", "$", "Input data", "Traceback"):
            assert raw not in text, (url, text)
        if language == Language.ID:  # in the page's language, not the store's English
            assert not re.search(r"\b(the|must|is|no)\b", text), (url, text)
    # Nothing was changed by any of them.
    with AgencyStore(agency_db) as store:
        assert store.escalation(talent.talent_id, ids["esc"]).status == "open"
        assert store.bookings.row(ids["bk"]).status == "booked"  # type: ignore[union-attr]
        assert [m.name for m in store.staff.members()] == sorted([ADMIN, SUPERVISOR])


class _FormFields(HTMLParser):
    """The fields one form of a page submits as a browser would: inputs' values, checked
    boxes, textareas' text, selects' selected (else first) option."""

    def __init__(self, form_id: str) -> None:
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name:
            if a.get("type") != "checkbox" or "checked" in a:
                self.fields.append((name, a.get("value") or ""))
        elif tag == "select":
            self._select, self._options = name, []
        elif tag == "option" and self._select is not None:
            self._options.append((a.get("value") or "", "selected" in a))
        elif tag == "textarea":
            self._textarea, self._text = name, ""

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "select" and self._select is not None:
            chosen = [v for v, on in self._options if on] or [self._options[0][0]]
            self.fields.append((self._select, chosen[0]))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.fields.append((self._textarea, self._text))
            self._textarea = None


def form_fields(html: str, form_id: str) -> dict[str, str]:
    parser = _FormFields(form_id)
    parser.feed(html)
    return dict(parser.fields)


def test_saving_the_emergency_contacts_unchanged_keeps_their_languages(
    admin: httpx.Client, agency_db: DbTarget
) -> None:
    with AgencyStore(agency_db) as store:
        before = store.config()
    assert {c.language for c in before.emergency_contacts} >= {Language.ID, Language.EN}
    page = admin.get("/console/config").text
    data = form_fields(page, "emergency")
    assert data["emergency-0-language"] == before.emergency_contacts[0].language
    assert admin.post("/console/config/emergency", data=data).status_code == 303
    with AgencyStore(agency_db) as store:
        assert store.config() == before
    # One contact's language edited in the table: to "any" (both), another to English.
    data["emergency-0-language"] = ""
    data["emergency-1-language"] = "en"
    assert admin.post("/console/config/emergency", data=data).status_code == 303
    with AgencyStore(agency_db) as store:
        after = store.config().emergency_contacts
    assert after[0].language is None and after[1].language == Language.EN
    assert after[2:] == before.emergency_contacts[2:]
    assert '<option value="" selected>' in admin.get("/console/config").text


def test_tonight_on_the_roster_is_in_the_agencys_zone_not_the_servers(
    supervisor: httpx.Client, talent: Paired, agency_db: DbTarget, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The server's process runs in UTC (as on a cloud host); the agency is in WIB.
    monkeypatch.setenv("TZ", "UTC0")
    time.tzset()
    try:
        wib = zone_named("WIB")
        local = datetime.now(wib.tz)
        noon = local.replace(hour=12, minute=0, second=0, microsecond=0)
        night = noon if local >= noon else noon - timedelta(days=1)
        # The first and last half hour of the WIB night, and the half hour before it.
        # A night that starts anywhere else (the server's noon is 7 hours off) misses one.
        starts = [night + timedelta(minutes=30), night + timedelta(hours=23, minutes=30)]
        before = night - timedelta(minutes=30)
        with AgencyStore(agency_db) as store:
            for start in [*starts, before]:
                store.create_booking(
                    "Sari", start=start, package_id="curhat-30", alias=ALIAS, handle=HANDLE
                )
        row = roster_row(supervisor.get("/console/roster").text, "Sari")
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    for start in starts:
        assert format_when(start, wib, Language.ID) in row, row
    assert format_when(before, wib, Language.ID) not in row, row


def speak(agency_db: DbTarget, name: str, language: Language) -> None:
    """Set a staff account's language (the pages it sees)."""
    with AgencyStore(agency_db) as store:
        member = next(m for m in store.staff.members() if m.name == name)
        store.staff.set_language(member, language)


def field_error(html: str, field: str) -> str:
    found = re.search(rf'<span class="error field-error" id="error-{field}">(.*?)</span>', html)
    assert found is not None, f"no message by the field {field}"
    return unescape(found.group(1))


@pytest.mark.parametrize("language", list(Language))
def test_a_refused_booking_keeps_the_form_and_says_why_by_the_field(
    admin: httpx.Client, talent: Paired, agency_db: DbTarget, language: Language
) -> None:
    speak(agency_db, ADMIN, language)
    t = translator(language)
    token = csrf_of(admin.get("/console/bookings").text)
    tomorrow = (datetime.now(zone_named("WIT").tz) + timedelta(days=1)).strftime("%Y-%m-%dT21:00")
    typed = {
        "csrf": token,
        "talent": "Sari",
        "start": tomorrow,
        "offset": "+09:00",
        "package": "sleepcall-60",
        "alias": "Bunga",
        "handle": "   ",
        "returning": "1",
    }
    with AgencyStore(agency_db) as store:
        before = store.bookings.rows()
    blank = admin.post("/console/bookings", data=typed)
    assert blank.status_code == 400
    html = blank.text
    assert field_error(html, "handle") == t("form.required", field=t("bookings.handle"))
    assert f'value="{tomorrow}"' in html and 'value="Bunga"' in html
    assert '<option value="+09:00" selected>' in html
    assert '<option value="sleepcall-60" selected>' in html
    assert 'name="returning" value="1" checked' in html
    assert MISSING.format("")[0] not in html
    # A start in the past: refused, with the form as typed.
    past = {**typed, "handle": "@bunga", "start": "2020-01-01T21:00"}
    old = admin.post("/console/bookings", data=past)
    assert old.status_code == 400
    assert field_error(old.text, "start") == t("form.past", field=t("bookings.start"))
    assert 'value="@bunga"' in old.text
    # A talent nobody paired: the store's refusal, in the page's language.
    nobody = admin.post("/console/bookings", data={**past, "start": tomorrow, "talent": "Nobody"})
    assert nobody.status_code == 400
    assert field_error(nobody.text, "talent") == t("store.no_talent", name="Nobody")
    with AgencyStore(agency_db) as store:
        assert store.bookings.rows() == before  # nothing was booked
    # Accepted: the notice names the talent, the time with its zone and the package.
    made = admin.post("/console/bookings", data={**past, "start": tomorrow})
    assert made.status_code == 303
    page = admin.get(made.headers["location"]).text
    with AgencyStore(agency_db) as store:
        [new] = [b for b in store.bookings.rows() if b not in before]
    when = format_when(new.start, zone_named("WIT"), language)
    notice = t("bookings.created", talent="Sari", time=when, zone="WIT", package=new.package.name)
    assert unescape(page).count(notice) == 1
    assert new.id not in notice
    # A minute ago is still fine (typed a little late).
    wib = zone_named("WIB")
    just_now = (datetime.now(wib.tz) - timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M")
    late = admin.post("/console/bookings", data={**past, "start": just_now, "offset": wib.offset})
    assert late.status_code == 303, late.text


@pytest.mark.parametrize("language", list(Language))
def test_a_refused_staff_account_keeps_the_name_and_role_and_says_why(
    admin: httpx.Client, agency_db: DbTarget, language: Language
) -> None:
    speak(agency_db, ADMIN, language)
    t = translator(language)
    token = csrf_of(admin.get("/console/staff").text)
    taken = admin.post(
        "/console/staff",
        data={
            "csrf": token,
            "action": "add",
            "name": SUPERVISOR,
            "role": "admin",
            "password": "x" * 12,
        },
    )
    assert taken.status_code == 400
    assert field_error(taken.text, "name") == t("store.staff_name_taken", name=SUPERVISOR)
    assert f'value="{SUPERVISOR}"' in taken.text and '<option value="admin" selected>' in taken.text
    assert "x" * 12 not in taken.text  # never the password
    short = admin.post(
        "/console/staff",
        data={
            "csrf": token,
            "action": "add",
            "name": "Sinta",
            "role": "supervisor",
            "password": "x",
        },
    )
    assert short.status_code == 400
    assert field_error(short.text, "password") == t("store.password_short", limit=10)
    assert 'value="Sinta"' in short.text
    with AgencyStore(agency_db) as store:
        assert sorted(m.name for m in store.staff.members()) == sorted([ADMIN, SUPERVISOR])
    added = admin.post(
        "/console/staff",
        data={"csrf": token, "action": "add", "name": "Sinta", "role": "supervisor"}
        | {"password": "x" * 12},
    )
    assert added.status_code == 303  # a reload of the page after does not add it again
    assert t("staff.added", name="Sinta") in admin.get(added.headers["location"]).text
    assert t("staff.added", name="Nobody") not in admin.get("/console/staff?added=Nobody").text


@pytest.mark.parametrize("language", list(Language))
def test_a_refused_configuration_keeps_what_was_typed_and_says_why(
    admin: httpx.Client, agency_db: DbTarget, language: Language
) -> None:
    speak(agency_db, ADMIN, language)
    t = translator(language)
    with AgencyStore(agency_db) as store:
        before = store.config()
    page = admin.get("/console/config").text
    data = form_fields(page, "packages")
    n = len(before.packages)  # the empty row for a new package
    data.update(
        {
            f"packages-{n}-id": "malam-90",
            f"packages-{n}-name": "Malam Panjang",
            f"packages-{n}-channel": "call",
            f"packages-{n}-duration_minutes": "90",
            f"packages-{n}-price_idr": "1",
        }
    )
    refused = admin.post("/console/config/packages", data=data)
    assert refused.status_code == 400
    html = unescape(refused.text)
    cell = t("form.cell", row=n + 1, field=t("field.price_idr"))
    assert t("form.number", field=cell, low=5000, high=300000) in html
    assert form_fields(refused.text, "packages")[f"packages-{n}-name"] == "Malam Panjang"
    assert (
        f'<input aria-invalid="true" aria-describedby="message" name="packages-{n}-price_idr"'
        in (refused.text)
    )
    assert form_fields(refused.text, "packages")[f"packages-{n}-channel"] == "call"
    # The message is in the packages' section, not elsewhere.
    section = refused.text.split('id="packages"', 1)[1].split("</form>", 1)[0]
    assert 'role="alert"' in section
    presets = admin.post(
        "/console/config/presets",
        data={"csrf": data["csrf"], "presets": '[{"id": "baru", "items": ['},
    )
    assert presets.status_code == 400
    assert t("form.presets_json") in unescape(presets.text)
    assert "[{&#34;id&#34;: &#34;baru&#34;, &#34;items&#34;: [" in presets.text
    general = admin.post(
        "/console/config/general",
        data={
            "csrf": data["csrf"],
            "agency_name": "Agensi Bulan",
            "supervisor_phone": "call me",
            "time_zone": "WITA",
            "contact_window_minutes": "15",
        },
    )
    assert general.status_code == 400
    assert t("form.phone_format", field=t("config.supervisor_phone_short")) in unescape(
        general.text
    )
    fields = form_fields(general.text, "general")
    assert fields["agency_name"] == "Agensi Bulan" and fields["time_zone"] == "WITA"
    assert fields["contact_window_minutes"] == "15"
    with AgencyStore(agency_db) as store:
        assert store.config() == before


def test_resolving_and_saving_a_ticket_say_it_is_done_with_a_way_back(
    supervisor: httpx.Client, talent: Paired, agency_db: DbTarget
) -> None:
    ids = seed(agency_db, talent)
    speak(agency_db, SUPERVISOR, Language.EN)
    t = translator(Language.EN)
    token = csrf_of(supervisor.get("/console/queue").text)
    done = supervisor.post(
        f"/console/escalations/{ids['esc']}/resolve",
        data={"csrf": token, "reason": "false_alarm", "note": "salah tekan"},
    )
    assert done.status_code == 303
    page = unescape(supervisor.get(done.headers["location"]).text)
    notice = t("escalation.resolved_notice", reason=t("reason.false_alarm"))
    assert notice in page
    assert re.search(r'id="message">[^<]*<a href="/console/queue">', page), "no way back"
    # Only once: the item's own page without the flag says nothing of it.
    assert notice not in supervisor.get(f"/console/escalations/{ids['esc']}").text
    closed = supervisor.post(
        f"/console/debriefs/{ids['debrief']}/resolve",
        data={"csrf": token, "reason": "handled", "note": "sudah bicara"},
    )
    assert t("escalation.debrief_closed_notice") in unescape(
        supervisor.get(closed.headers["location"]).text
    )
    saved = supervisor.post(
        f"/console/reports/{ids['rep']}", data={"csrf": token, "status": "in_progress"}
    )
    assert saved.status_code == 303
    ticket = unescape(supervisor.get(saved.headers["location"]).text)
    assert t("report.saved_notice") in ticket and 'href="/console/queue"' in ticket
    assert t("report.saved_notice") not in supervisor.get(f"/console/reports/{ids['rep']}").text


def test_a_blank_resolve_note_is_said_on_the_alarms_own_page(
    supervisor: httpx.Client, talent: Paired, agency_db: DbTarget
) -> None:
    ids = seed(agency_db, talent)
    token = csrf_of(supervisor.get("/console/queue").text)
    blank = supervisor.post(
        f"/console/escalations/{ids['esc']}/resolve",
        data={"csrf": token, "reason": "handled", "note": "   "},
    )
    assert blank.status_code == 400
    said = translator(Language.ID)
    assert said("escalation.note_required") in blank.text
    assert f'action="/console/escalations/{ids["esc"]}/resolve"' in blank.text  # the form is there


def test_the_words_the_review_found_wrong(
    admin: httpx.Client, talent: Paired, agency_db: DbTarget
) -> None:
    said = translator(Language.ID)  # the admin's language
    ids = seed(agency_db, talent)
    # A booking cancelled with no reason tells the talent why in the admin's language.
    token = csrf_of(admin.get("/console/queue").text)
    cancel = admin.post(f"/console/bookings/{ids['bk']}/cancel", data={"csrf": token})
    assert cancel.status_code == 303
    with AgencyStore(agency_db) as store:
        row = store.bookings.row(ids["bk"])
        assert row is not None and row.cancel_reason == "dibatalkan oleh agensi"
        with store.db.write() as tx:
            tx.execute("UPDATE tokens SET last_seen_at = NULL")
    roster = roster_row(admin.get("/console/roster").text, "Sari")
    assert "belum pernah terlihat" in roster and "terakhir terlihat belum" not in roster
    config = unescape(admin.get("/console/config").text)
    assert "“" + said("kind.wellbeing") not in config  # no doubled quotes
    assert said("config.priority_of", kind=said("kind.wellbeing")) in config
    assert "Perbarui tiket" in admin.get(f"/console/reports/{ids['rep']}").text
    assert "Buat booking dan kirim ke talent" in admin.get("/console/bookings").text


def test_call_the_next_level_lists_its_contacts_or_says_what_to_do_instead(
    admin: httpx.Client, supervisor: httpx.Client, talent: Paired, agency_db: DbTarget
) -> None:
    ids = seed(agency_db, talent)
    with AgencyStore(agency_db) as store:
        # Nobody took the alarm: the policy alerts again, and the queue asks for the next level.
        policy.tick(store, now_utc() + timedelta(minutes=5))
        assert store.escalation_log.row(ids["esc"]).alerted_rounds > 0  # type: ignore[union-attr]
    said = translator(Language.ID)
    for client in (admin, supervisor):
        page = client.get("/console/queue").text
        assert said("queue.next_level") in page
        assert 'id="next-level-contacts"' not in page  # never an empty list
        assert said("queue.next_level_none") in page
    # Only an admin gets the way to the settings (a supervisor could not open them).
    assert 'href="/console/config#policy"' in admin.get("/console/queue").text
    assert said("queue.next_level_settings") in admin.get("/console/queue").text
    assert "/console/config" not in supervisor.get("/console/queue").text

    with AgencyStore(agency_db) as store:
        config = store.config()
        store.set_config(msgspec.structs.replace(config, supervisor_phone="+62811000111"))
        store.settings.set_alerting(
            Alerting(contacts=(AlertContact("Pak Joko", "+62811000222"), AlertContact("Bu Ani")))
        )
    for client in (admin, supervisor):
        page = client.get("/console/queue").text
        assert 'id="next-level-contacts"' in page
        assert 'href="tel:+62811000111"' in page and 'href="tel:+62811000222"' in page
        assert "Pak Joko" in page and "Bu Ani" in page
        assert said("queue.next_level_none") not in page
        assert 'id="next-level-settings"' not in page


def test_a_ticket_shows_its_booking_offers_only_a_supervisors_moves_and_logs_real_changes(
    supervisor: httpx.Client, talent: Paired, agency_db: DbTarget
) -> None:
    ids = seed(agency_db, talent)
    said = translator(Language.ID)
    url = f"/console/reports/{ids['rep']}"
    page = supervisor.get(url).text
    with AgencyStore(agency_db) as store:
        booking = store.bookings.row(ids["bk"])
    assert booking is not None
    # Which booking and session, as the alarm's page says it; never the customer.
    shown = said(
        "booking.at",
        time=format_when(booking.start, zone_named("WIB"), Language.ID),
        package=booking.package.name,
    )
    assert f'<dd id="report-booking">{shown}</dd>' in page
    assert f'<dd id="report-session">{said("bookings.session.none")}</dd>' in page
    assert HANDLE not in page and ALIAS not in page
    # Only where a supervisor can move it: not the delivery's "queued" and "new".
    statuses = page.split('<select name="status">', 1)[1].split("</select>", 1)[0]
    assert re.findall(r'<option value="(\w*)"', statuses) == ["", "in_progress", "resolved"]

    def timeline() -> list[tuple[str, str | None, str | None]]:
        with AgencyStore(agency_db) as store:
            return [(m.what, m.who, m.detail) for m in store.timeline.of(ids["rep"])]

    def audited() -> int:
        with AgencyStore(agency_db) as store:
            return len([e for e in store.staff.audit_log() if e.action == "report.update"])

    def save(**fields: str) -> httpx.Response:
        token = csrf_of(supervisor.get(url).text)
        return supervisor.post(url, data={"csrf": token, "status": "", "level": "", **fields})

    filed = timeline()
    for state in ("queued", "delivered"):
        assert save(status=state).status_code == 400
    assert save().status_code == 303  # nothing asked: nothing saved
    assert timeline() == filed
    assert save(status="in_progress", take="1").status_code == 303
    moved = timeline()
    assert moved[len(filed) :] == [("report_updated", SUPERVISOR, "in_progress")]
    assert audited() == 1
    # Saving it again as it stands logs no move (and tells the talent nothing new), and
    # the audit log says no ticket was moved.
    assert save(status="in_progress", level="first_line", take="1").status_code == 303
    assert timeline() == moved
    assert audited() == 1
    after = supervisor.get(url).text
    assert (
        said("timeline.report_moved_by", changes=said("report_status.in_progress"), who=SUPERVISOR)
        in after
    )


def test_a_ticket_save_knows_what_changed_without_reading_the_timeline(
    supervisor: httpx.Client, talent: Paired, agency_db: DbTarget, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = seed(agency_db, talent)
    with AgencyStore(agency_db) as store:
        row = store.report_log.row(ids["rep"])
    assert row is not None
    # The statements the server sends to the real database during each save.
    sent: list[str] = []
    execute = Tx.execute

    def counted(self: Tx, sql: str, params: Sequence[Any] = ()) -> Any:
        sent.append(sql)
        return execute(self, sql, params)

    def save(address: str, **fields: str) -> list[str]:
        token = csrf_of(supervisor.get(address).text)  # the page shows the timeline
        sent.clear()
        monkeypatch.setattr(Tx, "execute", counted)
        try:
            data = {"csrf": token, "status": "", "level": "", **fields}
            assert supervisor.post(address, data=data).status_code == 303
        finally:
            monkeypatch.undo()
        return [sql for sql in sent if "FROM timeline WHERE subject" in sql]

    def audited() -> list[str | None]:
        with AgencyStore(agency_db) as store:
            return [e.detail for e in store.staff.audit_log() if e.action == "report.update"]

    # A move and a save that moves nothing: neither reads the ticket's timeline (the
    # store's own answer says whether anything changed), and only the move is logged.
    url = f"/console/reports/{ids['rep']}"
    assert save(url, status="in_progress") == []
    assert save(url, status="in_progress") == []
    assert audited() == ['{"status":["delivered","in_progress"]}']
    # Saved at its ticket's address (TD-…): logged too (counting the timeline of "TD-…",
    # which has none, missed it).
    assert save(f"/console/reports/{row.ticket}", level="technical") == []
    assert audited()[0] == '{"level":["first_line","technical"]}'


def test_a_ticket_saved_at_its_ticket_address_is_audited_under_the_reports_id(
    admin: httpx.Client, talent: Paired, agency_db: DbTarget
) -> None:
    ids = seed(agency_db, talent)
    with AgencyStore(agency_db) as store:
        row = store.report_log.row(ids["rep"])
    assert row is not None and row.ticket.startswith("TD-")
    url = f"/console/reports/{row.ticket}"
    token = csrf_of(admin.get(url).text)
    saved = admin.post(url, data={"csrf": token, "status": "in_progress", "level": ""})
    assert saved.status_code == 303
    with AgencyStore(agency_db) as store:
        [entry] = [e for e in store.staff.audit_log() if e.action == "report.update"]
    assert (entry.staff_name, entry.target) == (ADMIN, ids["rep"])
    # So the audit log says what it is, as for a save at the report's own address.
    for _, t, html in audit_in_both_languages(admin, token):
        cells = _Cells(t("col.target"))
        cells.feed(html)
        shown = [" ".join(c.split()) for c in cells.cells]
        words = f"{t('subject.report')} · Sari · {t('category.threats')}"
        assert f"{words} {ids['rep']}" in shown, shown
        assert not any(row.ticket in c for c in shown), shown


def test_an_error_page_offers_the_way_back_to_the_page_the_user_came_from(
    admin: httpx.Client, console: ServerThread
) -> None:
    came_from = f"{console.url}/console/roster"
    missing = admin.get("/console/reports/rep_nothing", headers={"referer": came_from})
    assert missing.status_code == 404
    assert 'href="/console/roster"' in missing.text
    assert "Kembali ke halaman tadi" in missing.text
    assert 'href="/console/queue"' in missing.text  # the queue stays offered
    # Only a page of this console: another site, or a path that leaves it, gets no link.
    for referer in (
        "https://evil.example/console/roster",
        f"{console.url}//evil.example/x",
        f"{console.url}/console/logout",
        f"{console.url}/console/reports/rep_nothing",  # the failing page itself
    ):
        page = admin.get("/console/reports/rep_nothing", headers={"referer": referer})
        assert page.status_code == 404
        assert "Kembali ke halaman tadi" not in page.text, referer


class _Cells(HTMLParser):
    """The text of a table's cells with one ``data-label`` (tags dropped, entities read),
    and the ``title`` attributes inside them."""

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label
        self.inside = False
        self.cells: list[str] = []
        self.titles: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "td":
            self.inside = a.get("data-label") == self.label
            if self.inside:
                self.cells.append("")
        elif self.inside and a.get("title"):
            self.titles.append(a["title"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.cells[-1] += data


HOSTILE = "<b>Mawar</b>\"'&amp;"


def audit_in_both_languages(
    admin: httpx.Client, token: str
) -> Iterator[tuple[Language, Translate, str]]:
    """The audit page in Indonesian, then in English (the account switched to it)."""
    for language in (Language.ID, Language.EN):
        if language is Language.EN:
            switched = admin.post(
                "/console/language", data={"csrf": token, "language": "en", "back": "/"}
            )
            assert switched.status_code == 303
        yield language, translator(language), admin.get("/console/audit").text


def test_the_audit_log_says_what_each_id_is_in_the_pages_language(
    console: ServerThread, admin: httpx.Client, agency_db: DbTarget
) -> None:
    # A hostile working name and device name: shown as text, never as markup.
    talent = pair(console.url, agency_db, HOSTILE, device=f"Laptop {HOSTILE}")
    with AgencyStore(agency_db) as store:
        start = soon()
        booking = store.create_booking(
            HOSTILE, start=start, package_id="curhat-30", alias=ALIAS, handle=HANDLE
        )
    esc = talent.write("POST", "/v1/escalations", {"level": "urgent", "at": soon().isoformat()})
    rep = talent.write(
        "POST",
        "/v1/reports",
        {
            "session_id": "s1",
            "booking_id": booking,
            "category": "threats",
            "description": "SENTINEL-description-8812",
            "at": soon().isoformat(),
        },
    )
    talent.client.close()
    esc_id, rep_id = esc.json()["id"], rep.json()["id"]
    token = csrf_of(admin.get("/console/queue").text)
    for url, data in (
        (f"/console/escalations/{esc_id}/ack", {}),
        (f"/console/reports/{rep_id}", {"status": "in_progress", "level": "supervisor"}),
        (f"/console/bookings/{booking}/cancel", {"reason": "sakit"}),
    ):
        assert admin.post(url, data={"csrf": token, **data}).status_code == 303, url
    device = re.search(r"revoke\?device=(dev_[0-9a-f]+)", admin.get("/console/roster").text)
    assert device is not None
    revoked = admin.post("/console/roster/revoke", data={"csrf": token, "device": device.group(1)})
    assert revoked.status_code == 303
    gone = "dev_00000000deadbeef"  # a device whose row is no more
    with AgencyStore(agency_db) as store:
        rina = store.staff.by_name(ADMIN)
        assert rina is not None
        store.staff.record(rina, "device.revoke", gone)
        raised = store.escalation_log.row(esc_id).created_at  # type: ignore[union-attr]
    zone = zone_named(None)
    hhmm = datetime.fromisoformat(raised).astimezone(zone.tz).strftime("%H:%M")
    expected = {
        esc_id: ("subject.escalation", HOSTILE, hhmm),
        rep_id: ("subject.report", HOSTILE, "category.threats"),
        booking: ("subject.booking", HOSTILE, ""),
        device.group(1): ("subject.device", HOSTILE, f"Laptop {HOSTILE}"),
    }
    for language, t, html in audit_in_both_languages(admin, token):
        assert "<b>" not in html and HOSTILE not in html  # escaped, every time
        cells = _Cells(t("col.target"))
        cells.feed(html)
        shown = [" ".join(c.split()) for c in cells.cells]
        for raw, (kind, name, third) in expected.items():
            when = format_when(start, zone, language)
            last = when if kind == "subject.booking" else third
            words = f"{t(kind)} · {name} · {t(last) if last.startswith('category.') else last}"
            # The words, then the id in small print (and in the words' title) for support.
            assert f"{words} {raw}" in shown, (words, shown)
            assert t("subject.id", id=raw) in cells.titles
        assert f"{t('subject.device.gone')} {gone}" in shown
        assert ADMIN in shown  # a name stays a name (a staff account unlocked, added)
        assert not any(c.startswith(("esc_", "rep_", "bk_", "dev_")) for c in shown)
        assert "SENTINEL" not in html
    assert translator(Language.ID)("subject.device.gone") == "Perangkat (dihapus)"


def test_a_ticket_save_in_the_audit_log_says_what_changed_never_the_note(
    supervisor: httpx.Client, admin: httpx.Client, talent: Paired, agency_db: DbTarget
) -> None:
    ids = seed(agency_db, talent)
    url = f"/console/reports/{ids['rep']}"
    note = "SENTINEL-note-4471: the customer's number is 0812"

    def save(client: httpx.Client, **fields: str) -> None:
        token = csrf_of(client.get(url).text)
        data = {"csrf": token, "status": "", "level": "", **fields}
        assert client.post(url, data=data).status_code == 303

    save(supervisor, status="in_progress", take="1", note=note)
    save(admin, level="supervisor", take="1")  # Rina takes it over and moves it up
    save(admin, status="resolved", level="supervisor")  # the level is already that
    with AgencyStore(agency_db) as store:
        stored = [e.detail or "" for e in store.staff.audit_log() if e.action == "report.update"]
    assert len(stored) == 3
    # Only stored values: never the note's words, nor the talent's description.
    assert not any("SENTINEL" in d or "0812" in d or "script" in d for d in stored), stored
    said = {
        Language.ID: [
            "status: sedang ditangani → selesai",
            "tingkat: lini pertama → supervisor; ditugaskan ke Rina",
            "status: baru → sedang ditangani; ditugaskan ke Budi; catatan dikirim ke talent",
        ],
        Language.EN: [
            "status: in progress → resolved",
            "level: first line → supervisor; assigned to Rina",
            "status: new → in progress; assigned to Budi; note sent to the talent",
        ],
    }
    token = csrf_of(admin.get("/console/queue").text)
    for language, t, html in audit_in_both_languages(admin, token):
        columns = {}
        for column in ("col.what", "col.detail"):
            parser = _Cells(t(column))
            parser.feed(html)
            columns[column] = [" ".join(c.split()) for c in parser.cells]
        moved = [
            detail
            for what, detail in zip(columns["col.what"], columns["col.detail"], strict=True)
            if what == t("audit.report.update")
        ]
        assert moved == said[language]  # newest first
        assert "SENTINEL" not in html


def test_every_audited_action_has_its_details_in_the_pages_language(
    console: ServerThread, admin: httpx.Client, talent: Paired, agency_db: DbTarget
) -> None:
    ids = seed(agency_db, talent)
    # What the staff command line writes: the store's own calls, no account behind them.
    with AgencyStore(agency_db) as store:
        store.staff.add("Sinta", StaffRole.SUPERVISOR, PASSWORD)
        store.staff.set_disabled("Sinta", True)
        store.staff.set_disabled("Sinta", False)
        store.staff.unlock("Sinta")
    roster = admin.get("/console/roster").text
    device = re.search(r"revoke\?device=(dev_[0-9a-f]+)", roster)
    assert device is not None
    token = csrf_of(roster)
    booking = {
        "talent": "Sari",
        "start": "2030-01-01T21:00",
        "offset": "+07:00",
        "package": "curhat-30",
        "alias": "Bunga",
        "handle": "@bunga",
    }
    general = {
        "agency_name": "Agensi Bintang",
        "supervisor_phone": "+62 811 000",
        "contact_window_minutes": "20",
    }
    # What the console writes, each through its page.
    for url, data in (
        ("/console/duty", {}),
        ("/console/duty", {"on": "1"}),
        (f"/console/escalations/{ids['esc']}/ack", {"note": "on it"}),
        (f"/console/escalations/{ids['esc']}/resolve", {"reason": "handled", "note": "ok"}),
        (f"/console/debriefs/{ids['debrief']}/ack", {}),
        (f"/console/debriefs/{ids['debrief']}/resolve", {"reason": "handled", "note": "ok"}),
        (f"/console/reports/{ids['rep']}", {"status": "in_progress", "level": "technical"}),
        ("/console/roster/pair", {"talent": "Sari"}),
        ("/console/bookings", booking),
        (f"/console/bookings/{ids['bk']}/cancel", {"reason": "sakit"}),
        ("/console/config/general", general),
        (
            "/console/staff",
            {"action": "add", "name": "Tono", "role": "admin", "password": "x" * 12},
        ),
        ("/console/staff", {"action": "disable", "name": "Tono"}),
        ("/console/staff", {"action": "enable", "name": "Tono"}),
        ("/console/staff/unlock", {"name": "Tono"}),
        ("/console/roster/revoke", {"device": device.group(1)}),
    ):
        assert admin.post(url, data={"csrf": token, **data}).status_code in (200, 303), url
    # A wrong password, an unknown name, and a supervisor who signs in and out.
    guesser = httpx.Client(base_url=console.url)
    for name in (SUPERVISOR, "nobody-by-this-name"):
        login = guesser.get("/console/login").text
        tried = guesser.post(
            "/console/login", data={"csrf": csrf_of(login), "name": name, "password": "wrong"}
        )
        assert tried.status_code == 401
    guesser.close()
    supervisor = sign_in(console.url, SUPERVISOR)
    queue = supervisor.get("/console/queue").text
    out = supervisor.post("/console/logout", data={"csrf": csrf_of(queue)})
    assert out.status_code == 303
    supervisor.close()

    with AgencyStore(agency_db) as store:
        # An address that is markup (behind a proxy it could be anything): text, escaped.
        rina = store.staff.by_name(ADMIN)
        assert rina is not None
        store.staff.record(rina, "login.failed", None, HOSTILE)
        entries = store.staff.audit_log()
    written = {e.action.partition(":")[0] for e in entries}
    assert {"config" if a.startswith("config.") else a for a in written} == AUDIT_ACTIONS
    expected_ones = {
        Language.ID: {"dari alamat 127.0.0.1", "peran: supervisor", "peran: admin"},
        Language.EN: {"from address 127.0.0.1", "role: supervisor", "role: admin"},
    }
    raw_values = {str(v) for v in StaffRole} | {e.detail for e in entries if e.detail}
    for language, t, html in audit_in_both_languages(admin, token):
        assert "⟦" not in html  # no key without words
        assert "<b>" not in html and HOSTILE not in html
        cells = {}
        for column in ("col.what", "col.detail"):
            parser = _Cells(t(column))
            parser.feed(html)
            cells[column] = [" ".join(c.split()) for c in parser.cells]
        assert len(cells["col.detail"]) == len(entries)
        for entry, what, detail in zip(
            entries, cells["col.what"], cells["col.detail"], strict=True
        ):
            assert what != entry.action and "." not in what and "_" not in what, what
            if entry.action == "login.failed":
                # Kept (an admin sees who is guessing), and labelled.
                assert detail == t("audit.detail.address", address=entry.detail), detail
            elif entry.action == "staff.add":
                assert detail == t("audit.detail.role", role=t(f"role.{entry.detail}")), detail
            elif entry.action == "report.update":
                moved = (
                    t(
                        "audit.detail.status",
                        was=t("report_status.delivered"),
                        now=t("report_status.in_progress"),
                    ),
                    t("audit.detail.level", was=t("level.first_line"), now=t("level.technical")),
                )
                assert detail == "; ".join(moved), detail
            else:
                assert entry.detail is None and detail == t("none"), (entry, detail)
            assert detail not in raw_values, detail  # never a stored value alone
        assert expected_ones[language] <= set(cells["col.detail"])


class _ErrorPage(HTMLParser):
    """An error page's title, headline, paragraphs and small print."""

    def __init__(self) -> None:
        super().__init__()
        self.title = self.h1 = self.small = ""
        self.paragraphs: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        self._in.append("small" if "small" in classes else tag)
        if tag == "p":
            self.paragraphs.append("")

    def handle_endtag(self, tag: str) -> None:
        if self._in:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        where = self._in[-1] if self._in else ""
        if where == "title":
            self.title += data
        elif where == "h1":
            self.h1 += data
        elif where == "small":
            self.small += data
        if (where in ("p", "small") or "p" in self._in) and self.paragraphs:
            self.paragraphs[-1] += data


def _raising(error: Exception) -> Callable[..., Any]:
    def fail(*_: Any) -> Any:
        raise error

    return fail


def test_every_error_page_says_what_happened_and_what_to_do_in_both_languages(
    admin: httpx.Client, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    form = {"Content-Type": "application/x-www-form-urlencoded"}

    def errors() -> dict[int, httpx.Response]:
        token = csrf_of(admin.get("/console/queue").text)
        answers = {
            400: admin.post("/console/roster/pair", content=b"csrf=x&talent=\xff", headers=form),
            403: admin.post("/console/duty", data={"csrf": "not the token", "on": "1"}),
            404: admin.get("/console/no-such-page"),
            405: admin.get("/console/logout"),
            409: admin.post(
                "/console/staff", data={"csrf": token, "action": "disable", "name": ADMIN}
            ),
            413: admin.post("/console/roster/pair", content=b"x=" + b"a" * 70_000, headers=form),
        }
        # What no page does on purpose: a throttled store, a database gone, a real fault.
        for status, error in (
            (429, ApiError(429, ProblemType.RATE_LIMITED, "slow down")),
            (503, ApiError(503, ProblemType.UNAVAILABLE, "database away")),
            (500, RuntimeError("SENTINEL-fault-4471")),
        ):
            with monkeypatch.context() as broken:
                broken.setattr(AgencyStore, "reports", _raising(error))
                answers[status] = admin.get("/console/reports")
        return answers

    for language in (Language.ID, Language.EN):
        t = translator(language)
        if language is Language.EN:
            token = csrf_of(admin.get("/console/queue").text)
            switched = admin.post("/console/language", data={"csrf": token, "language": "en"})
            assert switched.status_code == 303
        for status, answer in errors().items():
            assert answer.status_code == status, (status, answer.text[-300:])
            assert answer.headers["content-type"].startswith("text/html")
            page = _ErrorPage()
            page.feed(answer.text)
            # A plain headline (not a status code), a line of what to do, the code in
            # small print for support.
            title = t(f"error.title.{status}")
            assert page.h1 == title and page.title.startswith(title), (status, page.h1)
            assert str(status) not in page.h1 and "HTTP" not in page.h1
            assert t(f"error.todo.{status}") in page.paragraphs, (status, page.paragraphs)
            assert page.small == t("error.code", status=status)
            assert MISSING.format("")[:1] not in answer.text
    # Each status has its own words.
    for language in (Language.ID, Language.EN):
        t = translator(language)
        statuses = (400, 403, 404, 405, 409, 413, 429, 500, 503)
        assert len({t(f"error.title.{s}") for s in statuses}) == len(statuses)
        assert len({t(f"error.todo.{s}") for s in statuses}) == len(statuses)
    assert translator(Language.ID)("error.title.400") == "Isian tidak bisa dipakai"
    assert "SENTINEL-fault-4471" not in caplog.text  # the fault is logged, not its words
