"""The reference agency server over real HTTP on loopback: pairing, feed, writes, errors."""

from __future__ import annotations

import json
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

import httpx
import msgspec
import pytest

from talentdesk_agency import AgencyStore, ServerThread
from talentdesk_agency.store import DbTarget
from talentdesk_contract import wire
from talentdesk_contract.values import ReportStatus, TicketLevel
from talentdesk_contract.wire import EventType, ProblemType
from tests.reference_agency import Paired, pair, query, run_cli, soon, stored_bytes

ESCALATION = {"level": "urgent", "at": "2025-05-01T21:05:00+07:00", "crisis_sign": "distress"}


def problem(response: httpx.Response, status: int, kind: ProblemType) -> wire.Problem:
    """Assert a problem+json answer of this status and type, and return it."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == wire.PROBLEM_CONTENT_TYPE
    doc = wire.decode(response.content, wire.Problem)
    assert doc.status == status
    assert doc.type == kind
    assert doc.detail
    return doc


def book(
    db: DbTarget, talent: str = "Sari", *, alias: str = "Contoh A", returning: bool = False
) -> str:
    with AgencyStore(db) as store:
        return store.create_booking(
            talent,
            start=soon(),
            package_id="curhat-30",
            alias=alias,
            handle="@contoh.a",
            returning=returning,
        )


# --- health and pairing -------------------------------------------------------------


def test_health_needs_no_token(agency: ServerThread) -> None:
    response = httpx.get(agency.url + "/v1/health")
    assert response.status_code == 200
    health = wire.decode(response.content, wire.Health)
    assert health.status == "ok"


def test_a_pairing_code_works_once(agency: ServerThread, agency_db: DbTarget) -> None:
    with AgencyStore(agency_db) as store:
        code = store.create_pairing_code("Sari")
    # People retype codes: case, spaces and dashes do not matter.
    typed = code.lower().replace("-", " ")
    first = httpx.post(agency.url + "/v1/pairing", json={"code": typed, "device_name": "laptop"})
    assert first.status_code == 201, first.text
    paired = wire.decode(first.content, wire.PairingResponse)
    assert paired.talent.display_name == "Sari"
    assert paired.agency.name
    assert "token=<redacted>" in repr(paired)

    again = httpx.post(agency.url + "/v1/pairing", json={"code": code, "device_name": "laptop"})
    doc = problem(again, 410, ProblemType.PAIRING_CODE_USED)
    assert "already used" in doc.detail

    unknown = httpx.post(
        agency.url + "/v1/pairing", json={"code": "ZZZZ-ZZZZ", "device_name": "laptop"}
    )
    problem(unknown, 401, ProblemType.PAIRING_CODE_UNKNOWN)


def test_an_expired_code_is_refused(agency: ServerThread, agency_db: DbTarget) -> None:
    with AgencyStore(agency_db) as store:
        code = store.create_pairing_code("Sari", ttl_seconds=-1)
    response = httpx.post(agency.url + "/v1/pairing", json={"code": code, "device_name": "x"})
    problem(response, 410, ProblemType.PAIRING_CODE_EXPIRED)


def test_guessing_codes_is_throttled(agency: ServerThread) -> None:
    statuses = []
    for attempt in range(12):
        response = httpx.post(
            agency.url + "/v1/pairing", json={"code": f"GUESS{attempt}", "device_name": "x"}
        )
        statuses.append(response.status_code)
    assert statuses[:10] == [401] * 10
    last = problem(response, 429, ProblemType.RATE_LIMITED)
    assert "Try again" in last.detail
    assert 1 <= int(response.headers["retry-after"]) <= 60


def test_only_token_hashes_are_stored(sari: Paired) -> None:
    assert sari.token.encode() not in stored_bytes(sari.db)


def test_calls_without_a_valid_token_are_refused(agency: ServerThread, sari: Paired) -> None:
    no_token = httpx.get(agency.url + "/v1/feed")
    problem(no_token, 401, ProblemType.UNAUTHORIZED)
    assert no_token.headers["www-authenticate"].startswith("Bearer")
    for header in ("Bearer nope-not-a-token", "Basic dXNlcjpwdw==", "Bearer"):
        response = httpx.get(agency.url + "/v1/feed", headers={"Authorization": header})
        problem(response, 401, ProblemType.UNAUTHORIZED)
        assert 'error="invalid_token"' in response.headers["www-authenticate"]
    write = httpx.post(
        agency.url + "/v1/escalations", json=ESCALATION, headers={"Idempotency-Key": "k"}
    )
    problem(write, 401, ProblemType.UNAUTHORIZED)


# --- the feed -----------------------------------------------------------------------


def test_a_new_talent_feed_starts_with_the_configuration(sari: Paired) -> None:
    events = sari.events()
    assert [e.type for e in events] == [EventType.CONFIG_UPDATED]
    config = wire.decode_event_data(events[0])
    assert isinstance(config, wire.AgencyConfig)
    assert {p.id for p in config.packages} >= {"curhat-30", "sleepcall-60", "chatcall-90"}


def test_cursor_semantics(agency: ServerThread, sari: Paired) -> None:
    other = pair(agency.url, sari.db, "Dewi")
    try:
        ids = [book(sari.db, alias=f"Contoh {n}") for n in range(5)]
        book(sari.db, "Dewi")

        everything = sari.events()
        seqs = [e.seq for e in everything]
        assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
        booked = [
            data.booking.id
            for e in everything
            if isinstance(data := wire.decode_event_data(e), wire.BookingData)
        ]
        assert booked == ids  # in order, and none of Dewi's

        # Pages: `limit` caps a page; the cursor is the last seq returned.
        first = sari.feed(0, limit=2)
        assert [e.seq for e in first.events] == seqs[:2]
        assert first.cursor == seqs[1]
        rest = sari.feed(first.cursor, limit=100)
        assert [e.seq for e in rest.events] == seqs[2:]

        # Nothing new: an empty page that keeps the cursor where it was.
        end = sari.feed(rest.cursor)
        assert end.events == () and end.cursor == rest.cursor

        # Dewi sees only her own feed.
        assert [e.type for e in other.events()] == [
            EventType.CONFIG_UPDATED,
            EventType.BOOKING_CREATED,
        ]
    finally:
        other.client.close()


def test_a_cursor_beyond_the_feed_is_a_409(sari: Paired) -> None:
    response = sari.client.get("/v1/feed", params={"after": 10**9})
    doc = problem(response, 409, ProblemType.CURSOR_AHEAD)
    assert "Start again from 0" in doc.detail


@pytest.mark.parametrize(
    "query",
    [
        {"wait": "31"},
        {"wait": "-1"},
        {"wait": "1.5"},
        {"limit": "0"},
        {"limit": "501"},
        {"after": "abc"},
        {"after": "9007199254740992"},
    ],
)
def test_bad_feed_parameters_are_a_400(sari: Paired, query: dict[str, str]) -> None:
    response = sari.client.get("/v1/feed", params=query)
    doc = problem(response, 400, ProblemType.INVALID_PARAMETER)
    assert next(iter(query)) in doc.detail


def test_long_poll_answers_as_soon_as_another_process_books(sari: Paired) -> None:
    cursor = sari.feed().cursor
    with ThreadPoolExecutor(1) as pool:
        started = time.monotonic()
        waiting = pool.submit(sari.feed, cursor, 20)
        time.sleep(0.3)  # the poll is parked
        assert not waiting.done()
        result = run_cli(
            sari.db,
            "book",
            "--talent",
            "Sari",
            "--start",
            soon().isoformat(),
            "--package",
            "sleepcall-60",
            "--alias",
            "Contoh Lintang",
            "--handle",
            "@contoh",
        )
        booked_at = time.monotonic()
        assert result.returncode == 0, result.stderr
        page = waiting.result(timeout=10)
        answered_at = time.monotonic()
    assert answered_at - booked_at < 1.0
    assert answered_at - started < 15
    [event] = page.events
    assert event.type == EventType.BOOKING_CREATED
    data = wire.decode_event_data(event)
    assert isinstance(data, wire.BookingData)
    assert data.booking.id == result.stdout.strip()
    assert data.booking.package.channel == "call"
    assert data.customer.alias == "Contoh Lintang"
    assert page.cursor == event.seq


def test_long_poll_without_news_answers_empty_after_wait(sari: Paired) -> None:
    cursor = sari.feed().cursor
    started = time.monotonic()
    page = sari.feed(cursor, wait=1)
    elapsed = time.monotonic() - started
    assert page.events == () and page.cursor == cursor
    assert 0.9 <= elapsed < 3


def test_parked_long_polls_hold_no_database_connection(sari: Paired) -> None:
    # More polls than the server's PostgreSQL pool has connections (8): were a waiting
    # poll to hold one, the escalation below would wait for the polls' timeout.
    parked = 12
    cursor = sari.feed().cursor
    with ThreadPoolExecutor(parked) as pool:
        polls = [pool.submit(sari.feed, cursor, 15) for _ in range(parked)]
        time.sleep(0.5)  # the polls are parked
        assert not any(poll.done() for poll in polls)
        started = time.monotonic()
        escalated = sari.write("POST", "/v1/escalations", ESCALATION)
        assert escalated.status_code == 201, escalated.text
        booking_id = book(sari.db)
        pages = [poll.result(timeout=10) for poll in polls]
        elapsed = time.monotonic() - started
    assert elapsed < 5
    for page in pages:
        [event] = page.events
        data = wire.decode_event_data(event)
        assert isinstance(data, wire.BookingData) and data.booking.id == booking_id


def test_stopping_the_server_releases_long_polls(agency_db: DbTarget) -> None:
    server = ServerThread(agency_db)
    server.start()
    paired = pair(server.url, agency_db, "Sari")
    try:
        cursor = paired.feed().cursor
        with ThreadPoolExecutor(1) as pool:
            waiting = pool.submit(paired.feed, cursor, 30)
            time.sleep(0.3)
            started = time.monotonic()
            server.stop()
            assert time.monotonic() - started < 5
            assert waiting.result(timeout=5).events == ()
    finally:
        paired.client.close()


def test_a_returning_customer_is_a_rebooking_that_needs_an_unblock(sari: Paired) -> None:
    booking_id = book(sari.db, returning=True)
    event = sari.events()[-1]
    assert event.type == EventType.BOOKING_REBOOKED
    data = wire.decode_event_data(event)
    assert isinstance(data, wire.BookingData)
    assert data.booking.id == booking_id
    assert data.booking.returning_customer and data.booking.needs_unblock


def test_cancelling_pushes_an_event_and_removes_the_customer(sari: Paired) -> None:
    sentinel = f"Contoh-{uuid.uuid4().hex}"
    booking_id = book(sari.db, alias=sentinel)
    assert sentinel.encode() in stored_bytes(sari.db)
    result = run_cli(sari.db, "cancel", booking_id, "--reason", "customer asked")
    assert result.returncode == 0, result.stderr

    events = sari.events()
    cancelled = wire.decode_event_data(events[-1])
    assert cancelled == wire.BookingCancelledData(booking_id=booking_id, reason="customer asked")
    created = wire.decode_event_data(events[-2])
    assert isinstance(created, wire.BookingData)
    assert created.customer.alias == "(removed)"
    assert sentinel.encode() not in stored_bytes(sari.db)


def test_unknown_event_types_reach_the_client(sari: Paired) -> None:
    result = run_cli(
        sari.db, "inject", "--talent", "Sari", "--type", "talent.wave", "--data", '{"x": [1]}'
    )
    assert result.returncode == 0, result.stderr
    wrong = run_cli(
        sari.db, "inject", "--talent", "Sari", "--type", "booking.created", "--data", "[1, 2]"
    )
    assert wrong.returncode == 0, wrong.stderr
    *_, unknown, bad = sari.events()
    assert unknown.seq == int(result.stdout) and unknown.type == "talent.wave"
    assert wire.decode_event_data(unknown) is None
    with pytest.raises(msgspec.ValidationError):
        wire.decode_event_data(bad)


# --- writes and idempotency ---------------------------------------------------------


def escalation_count(db: DbTarget) -> int:
    with AgencyStore(db) as store:
        return len(store.escalations())


def test_the_same_key_and_body_replays_the_first_answer(sari: Paired) -> None:
    first = sari.write("POST", "/v1/escalations", ESCALATION, key="outbox-1")
    assert first.status_code == 201, first.text
    assert wire.REPLAYED_HEADER not in first.headers
    # The same body, re-serialised with other spacing and key order, is the same request.
    body = json.dumps(dict(reversed(list(ESCALATION.items()))), indent=2)
    again = sari.client.post(
        "/v1/escalations",
        content=body,
        headers={"Idempotency-Key": "outbox-1", "Content-Type": "application/json"},
    )
    assert again.status_code == 201
    assert again.content == first.content
    assert again.headers[wire.REPLAYED_HEADER] == "true"
    assert escalation_count(sari.db) == 1


def test_the_same_key_with_another_body_is_a_422(sari: Paired) -> None:
    assert sari.write("POST", "/v1/escalations", ESCALATION, key="k").status_code == 201
    other = sari.write("POST", "/v1/escalations", {**ESCALATION, "note": "more"}, key="k")
    problem(other, 422, ProblemType.IDEMPOTENCY_KEY_REUSED)
    elsewhere = sari.write("PUT", "/v1/availability", {"available": True}, key="k")
    problem(elsewhere, 422, ProblemType.IDEMPOTENCY_KEY_REUSED)
    assert escalation_count(sari.db) == 1


def test_a_key_still_in_progress_is_a_409(sari: Paired) -> None:
    # Hold the first request after its key is reserved, as a slow server would.
    with AgencyStore(sari.db) as store:
        store.add_fault(
            path_prefix="/v1/escalations", method="POST", kind="delay", delay_seconds=1.5
        )
    with ThreadPoolExecutor(1) as pool:
        slow = pool.submit(sari.write, "POST", "/v1/escalations", ESCALATION, key="slow")
        deadline = time.monotonic() + 5
        while not _reserved(sari.db, "slow"):
            assert time.monotonic() < deadline
            time.sleep(0.02)
        retry = sari.write("POST", "/v1/escalations", ESCALATION, key="slow")
        problem(retry, 409, ProblemType.REQUEST_IN_PROGRESS)
        assert retry.headers["retry-after"] == "1"
        first = slow.result(timeout=10)
    assert first.status_code == 201
    replay = sari.write("POST", "/v1/escalations", ESCALATION, key="slow")
    assert replay.status_code == 201 and replay.content == first.content
    assert escalation_count(sari.db) == 1


def _reserved(db: DbTarget, key: str) -> bool:
    rows = query(db, "SELECT state FROM idempotency WHERE key = ?", (key,))
    return rows == [("in_progress",)]


def test_business_refusals_are_replayed_too(sari: Paired) -> None:
    missing = sari.write("POST", "/v1/bookings/bk_nope/answer", {"answer": "accept"}, key="a")
    problem(missing, 404, ProblemType.NOT_FOUND)
    again = sari.write("POST", "/v1/bookings/bk_nope/answer", {"answer": "accept"}, key="a")
    assert again.status_code == 404 and again.headers[wire.REPLAYED_HEADER] == "true"


def test_a_rejected_body_stores_nothing_under_its_key(sari: Paired) -> None:
    bad = sari.write("POST", "/v1/escalations", {**ESCALATION, "level": "meh"}, key="fixme")
    problem(bad, 422, ProblemType.INVALID_BODY)
    fixed = sari.write("POST", "/v1/escalations", ESCALATION, key="fixme")
    assert fixed.status_code == 201


@pytest.mark.parametrize("key", [None, b"", b"has space", b"x" * 129, "ünïcode".encode()])
def test_writes_need_a_valid_idempotency_key(sari: Paired, key: bytes | None) -> None:
    headers: dict[bytes, bytes] = {} if key is None else {b"Idempotency-Key": key}
    response = sari.client.post(
        "/v1/escalations",
        content=json.dumps(ESCALATION).encode(),
        headers={b"Content-Type": b"application/json", **headers},
    )
    kind = (
        ProblemType.IDEMPOTENCY_KEY_MISSING if key is None else ProblemType.IDEMPOTENCY_KEY_INVALID
    )
    problem(response, 400, kind)


def test_a_128_character_key_is_fine(sari: Paired) -> None:
    assert sari.write("POST", "/v1/escalations", ESCALATION, key="k" * 128).status_code == 201


# --- problem documents --------------------------------------------------------------


def test_errors_are_problem_documents(sari: Paired) -> None:
    problem(sari.client.get("/v1/nothing-here"), 404, ProblemType.NOT_FOUND)

    wrong_method = sari.client.delete("/v1/escalations")
    problem(wrong_method, 405, ProblemType.METHOD_NOT_ALLOWED)
    assert wrong_method.headers["allow"] == "POST"

    headers = {"Idempotency-Key": uuid.uuid4().hex}
    as_text = sari.client.post(
        "/v1/escalations", content=b"hello", headers={**headers, "Content-Type": "text/plain"}
    )
    problem(as_text, 415, ProblemType.UNSUPPORTED_MEDIA_TYPE)

    broken = sari.client.post(
        "/v1/escalations",
        content=b'{"level": "urgent",',
        headers={**headers, "Content-Type": "application/json"},
    )
    problem(broken, 400, ProblemType.INVALID_JSON)

    empty = sari.client.post(
        "/v1/escalations", content=b"", headers={**headers, "Content-Type": "application/json"}
    )
    problem(empty, 400, ProblemType.INVALID_JSON)

    unknown_field = sari.write("POST", "/v1/escalations", {**ESCALATION, "crisis_sgn": "x"})
    assert "crisis_sgn" in problem(unknown_field, 422, ProblemType.INVALID_BODY).detail

    too_long = sari.write("POST", "/v1/escalations", {**ESCALATION, "note": "x" * 2001})
    assert "$.note" in problem(too_long, 422, ProblemType.INVALID_BODY).detail

    no_offset = sari.write("POST", "/v1/escalations", {**ESCALATION, "at": "2025-05-01T21:05:00"})
    problem(no_offset, 422, ProblemType.INVALID_BODY)

    as_string = sari.write("PUT", "/v1/availability", {"available": "true"})
    problem(as_string, 422, ProblemType.INVALID_BODY)


def test_bodies_are_capped_at_64_kib(sari: Paired) -> None:
    body = json.dumps(ESCALATION).encode()
    # Exactly at the cap is fine (JSON allows trailing whitespace) ...
    at_cap = body + b" " * (wire.MAX_REQUEST_BYTES - len(body))
    headers = {"Content-Type": "application/json"}
    fine = sari.client.post(
        "/v1/escalations", content=at_cap, headers={**headers, "Idempotency-Key": "cap"}
    )
    assert fine.status_code == 201, fine.text
    # ... one byte more is not, whether the length is declared or streamed.
    over = at_cap + b" "
    declared = sari.client.post(
        "/v1/escalations", content=over, headers={**headers, "Idempotency-Key": "over1"}
    )
    problem(declared, 413, ProblemType.PAYLOAD_TOO_LARGE)

    def chunks() -> Any:
        yield over[:40_000]
        yield over[40_000:]

    streamed = sari.client.post(
        "/v1/escalations", content=chunks(), headers={**headers, "Idempotency-Key": "over2"}
    )
    problem(streamed, 413, ProblemType.PAYLOAD_TOO_LARGE)
    huge = sari.client.post(
        "/v1/escalations",
        content=b" " * (9 * 1024 * 1024),
        headers={**headers, "Idempotency-Key": "over3"},
    )
    problem(huge, 413, ProblemType.PAYLOAD_TOO_LARGE)


# --- injected faults ----------------------------------------------------------------


def test_status_faults_with_retry_after(sari: Paired) -> None:
    result = run_cli(
        sari.db,
        "fault",
        "--path-prefix",
        "/v1/feed",
        "--kind",
        "status",
        "--status",
        "429",
        "--retry-after",
        "2",
        "--times",
        "2",
    )
    assert result.returncode == 0, result.stderr
    for _ in range(2):
        response = sari.client.get("/v1/feed")
        problem(response, 429, ProblemType.INJECTED_FAULT)
        assert response.headers["retry-after"] == "2"
    assert sari.client.get("/v1/feed").status_code == 200
    # Other paths were never affected.
    with AgencyStore(sari.db) as store:
        store.add_fault(path_prefix="/v1/escalations", kind="status", status=503)
    assert sari.client.get("/v1/feed").status_code == 200
    problem(sari.write("POST", "/v1/escalations", ESCALATION), 503, ProblemType.INJECTED_FAULT)


def test_a_5xx_stores_nothing_under_the_key(sari: Paired) -> None:
    with AgencyStore(sari.db) as store:
        store.add_fault(path_prefix="/v1/escalations", kind="status", status=500)
    failed = sari.write("POST", "/v1/escalations", ESCALATION, key="r")
    problem(failed, 500, ProblemType.INJECTED_FAULT)
    retried = sari.write("POST", "/v1/escalations", ESCALATION, key="r")
    assert retried.status_code == 201 and wire.REPLAYED_HEADER not in retried.headers


def test_malformed_and_oversized_bodies(sari: Paired) -> None:
    with AgencyStore(sari.db) as store:
        store.add_fault(path_prefix="/v1/feed", kind="malformed_json")
        store.add_fault(path_prefix="/v1/feed", kind="oversize")
    malformed = sari.client.get("/v1/feed")
    assert malformed.status_code == 200
    with pytest.raises(msgspec.DecodeError):
        wire.decode(malformed.content, wire.FeedPage)
    oversized = sari.client.get("/v1/feed")
    assert oversized.status_code == 200
    assert len(oversized.content) > wire.MAX_RESPONSE_BYTES
    assert sari.client.get("/v1/feed").status_code == 200


def test_delay_faults_time_clients_out(sari: Paired) -> None:
    with AgencyStore(sari.db) as store:
        store.add_fault(path_prefix="/v1/feed", kind="delay", delay_seconds=1.0)
        assert len(store.faults()) == 1
    with pytest.raises(httpx.ReadTimeout):
        sari.client.get("/v1/feed", timeout=0.3)
    started = time.monotonic()
    assert sari.client.get("/v1/feed").status_code == 200
    assert time.monotonic() - started < 0.9
    with AgencyStore(sari.db) as store:
        assert store.faults() == []


def test_a_crash_in_a_handler_is_a_500_problem(
    sari: Paired, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "secret-" + "ish detail"  # built, so the traceback's source line cannot show it

    def boom(*args: object) -> object:
        raise RuntimeError(secret)

    monkeypatch.setattr(AgencyStore, "report", boom)
    response = sari.client.get("/v1/reports/rep_x")
    problem(response, 500, ProblemType.INTERNAL_ERROR)
    assert "secret-ish" not in response.text
    # The server thread logs just after the answer went out.
    deadline = time.monotonic() + 5
    while "RuntimeError" not in caplog.text and time.monotonic() < deadline:
        time.sleep(0.02)
    assert "RuntimeError" in caplog.text and "secret-ish" not in caplog.text


# --- the flows ----------------------------------------------------------------------


def test_acknowledge_resolve_and_ticket_updates_reach_the_feed(sari: Paired) -> None:
    created = sari.write("POST", "/v1/escalations", {**ESCALATION, "booking_id": "bk_unknown"})
    assert created.status_code == 201  # a call for help is never refused over its booking id
    escalation = wire.decode(created.content, wire.EscalationCreated)
    assert escalation.status == "open"
    cursor = sari.feed().cursor

    listed = run_cli(sari.db, "escalations", "--open")
    assert escalation.id in listed.stdout and "distress" in listed.stdout
    ack = run_cli(sari.db, "ack", escalation.id, "--supervisor", "Bu Rina", "--note", "on it")
    assert ack.returncode == 0, ack.stderr
    [acked] = sari.feed(cursor, wait=5).events
    assert acked.type == EventType.ESCALATION_ACKNOWLEDGED
    data = wire.decode_event_data(acked)
    assert isinstance(data, wire.EscalationUpdateData)
    assert (data.escalation_id, data.supervisor, data.note) == (escalation.id, "Bu Rina", "on it")
    fetched = sari.client.get(f"/v1/escalations/{escalation.id}")
    state = wire.decode(fetched.content, wire.Escalation)
    assert state.status == "acknowledged" and state.supervisor == "Bu Rina"
    assert state.acknowledged_at is not None

    again = run_cli(sari.db, "ack", escalation.id, "--supervisor", "Pak Budi")
    assert again.returncode == 1 and "already acknowledged" in again.stderr
    resolved = run_cli(
        sari.db,
        "resolve",
        escalation.id,
        "--supervisor",
        "Bu Rina",
        "--reason",
        "handled",
        "--note",
        "Sudah ditelepon",
    )
    assert resolved.returncode == 0, resolved.stderr
    [done] = sari.feed(acked.seq, wait=5).events
    assert done.type == EventType.ESCALATION_RESOLVED
    assert run_cli(sari.db, "escalations", "--open").stdout.strip() == "(none)"

    report = sari.write(
        "POST",
        "/v1/reports",
        {
            "session_id": "s-1",
            "booking_id": "bk_x",
            "category": "insults",
            "description": "rude language twice",
            "at": "2025-05-01T22:00:00+07:00",
        },
    )
    assert report.status_code == 201, report.text
    filed = wire.decode(report.content, wire.Report)
    assert (filed.ticket, filed.level, filed.status) == ("TD-000001", "first_line", "delivered")
    cursor = sari.feed().cursor
    ticket = run_cli(
        sari.db,
        "ticket",
        filed.ticket,
        "--status",
        "in_progress",
        "--level",
        "supervisor",
        "--note",
        "we called the customer",
    )
    assert ticket.returncode == 0, ticket.stderr
    [updated] = sari.feed(cursor, wait=5).events
    assert wire.decode_event_data(updated) == wire.ReportUpdateData(
        report_id=filed.id,
        ticket="TD-000001",
        level=TicketLevel.SUPERVISOR,
        status=ReportStatus.IN_PROGRESS,
        note="we called the customer",
    )
    current = wire.decode(sari.client.get(f"/v1/reports/{filed.id}").content, wire.Report)
    assert current.status == "in_progress" and current.note == "we called the customer"
    assert filed.ticket in run_cli(sari.db, "reports").stdout


def test_follow_up_and_false_alarm(sari: Paired) -> None:
    created = wire.decode(
        sari.write("POST", "/v1/escalations", {"level": "urgent", "at": ESCALATION["at"]}).content,
        wire.EscalationCreated,
    )
    path = f"/v1/escalations/{created.id}"
    follow = sari.write("POST", path + "/follow-up", {"crisis_sign": "aggression", "note": "worse"})
    assert follow.status_code == 200, follow.text
    state = wire.decode(follow.content, wire.Escalation)
    assert (state.follow_ups, state.crisis_sign, state.status) == (1, "aggression", "open")

    cancel = sari.write("POST", path + "/cancel", {"reason": "false_alarm"})
    assert wire.decode(cancel.content, wire.Escalation).status == "cancelled"
    problem(sari.write("POST", path + "/follow-up", {"note": "x"}), 409, ProblemType.CONFLICT)
    cancel_again = sari.write("POST", path + "/cancel", {"reason": "false_alarm"})
    problem(cancel_again, 409, ProblemType.CONFLICT)
    ack = run_cli(sari.db, "ack", created.id, "--supervisor", "Bu Rina")
    assert ack.returncode == 1 and "false alarm" in ack.stderr
    problem(sari.write("POST", path + "/cancel", {"reason": "oops"}), 422, ProblemType.INVALID_BODY)


def test_talents_cannot_see_each_others_escalations(agency: ServerThread, sari: Paired) -> None:
    created = wire.decode(
        sari.write("POST", "/v1/escalations", ESCALATION).content, wire.EscalationCreated
    )
    dewi = pair(agency.url, sari.db, "Dewi")
    try:
        problem(dewi.client.get(f"/v1/escalations/{created.id}"), 404, ProblemType.NOT_FOUND)
        problem(
            dewi.write("POST", f"/v1/escalations/{created.id}/cancel", {"reason": "false_alarm"}),
            404,
            ProblemType.NOT_FOUND,
        )
    finally:
        dewi.client.close()
    assert sari.client.get(f"/v1/escalations/{created.id}").status_code == 200


def test_booking_answers(sari: Paired) -> None:
    booking_id = book(sari.db)
    path = f"/v1/bookings/{booking_id}/answer"
    accepted = sari.write("POST", path, {"answer": "accept"})
    assert wire.decode(accepted.content, wire.BookingAnswerResult).answer == "accept"
    assert sari.write("POST", path, {"answer": "accept"}).status_code == 200
    problem(sari.write("POST", path, {"answer": "decline"}), 409, ProblemType.CONFLICT)
    problem(
        sari.write("POST", "/v1/bookings/not%20an%20id/answer", {"answer": "accept"}),
        404,
        ProblemType.NOT_FOUND,
    )
    cancelled = book(sari.db)
    with AgencyStore(sari.db) as store:
        store.cancel_booking(cancelled)
    problem(
        sari.write("POST", f"/v1/bookings/{cancelled}/answer", {"answer": "accept"}),
        409,
        ProblemType.CONFLICT,
    )


def test_session_events_and_the_end_of_customer_data(sari: Paired) -> None:
    sentinel = f"Contoh-{uuid.uuid4().hex}"
    booking_id = book(sari.db, alias=sentinel)
    path = f"/v1/sessions/{booking_id}/events"
    start = {"type": "started", "at": datetime.now(UTC).isoformat(), "planned_seconds": 1800}
    assert sari.write("POST", path, start).status_code == 200
    problem(sari.write("POST", path, start), 409, ProblemType.CONFLICT)
    end = {
        "type": "ended",
        "at": datetime.now(UTC).isoformat(),
        "planned_seconds": 1800,
        "actual_seconds": 1795,
        "outcome": "completed",
    }
    ended = sari.write("POST", path, end)
    assert wire.decode(ended.content, wire.SessionEventResult).type == "ended"
    assert sentinel.encode() not in stored_bytes(sari.db)
    problem(sari.write("POST", "/v1/sessions/bk_none/events", start), 404, ProblemType.NOT_FOUND)


def test_availability(sari: Paired) -> None:
    until = "2025-05-02T02:00:00+07:00"
    response = sari.write("PUT", "/v1/availability", {"available": True, "until": until})
    assert response.status_code == 200
    state = wire.decode(response.content, wire.Availability)
    assert state.available and state.until == datetime.fromisoformat(until)
    off = wire.decode(
        sari.write("PUT", "/v1/availability", {"available": False}).content, wire.Availability
    )
    assert off == wire.Availability(available=False)


def test_server_logs_hold_no_customer_data(sari: Paired, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    sentinel = f"Contoh-{uuid.uuid4().hex}"
    booking_id = book(sari.db, alias=sentinel)
    sari.events()
    sari.write("POST", f"/v1/bookings/{booking_id}/answer", {"answer": "accept"})
    sari.write("POST", "/v1/escalations", {**ESCALATION, "booking_id": booking_id})
    assert "new escalation" in caplog.text
    assert sentinel not in caplog.text and "@contoh" not in caplog.text


def test_concurrent_writers_and_readers(sari: Paired) -> None:
    # Many writes at once from the app, while staff book from another connection.
    def escalate(n: int) -> int:
        return sari.write("POST", "/v1/escalations", ESCALATION, key=f"c{n}").status_code

    with ThreadPoolExecutor(8) as pool:
        results = pool.map(escalate, range(40))
        booker = threading.Thread(target=lambda: [book(sari.db) for _ in range(10)])
        booker.start()
        assert set(results) == {201}
        booker.join()
    assert escalation_count(sari.db) == 40
    assert sum(e.type == EventType.BOOKING_CREATED for e in sari.events()) == 10
