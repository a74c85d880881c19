"""Bad input to the real server gets 4xx, never 500, on both backends: invalid UTF-8 inside
JSON strings, deeply nested arrays under the size cap, a client gone mid-request, any bytes
at all (hypothesis); a revoked device's token; a database that goes away (503)."""

from __future__ import annotations

import logging
import socket
import time
import uuid
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from talentdesk_agency import AgencyStore, ServerThread
from talentdesk_agency.store import DbTarget, is_postgres_url
from talentdesk_contract import wire
from talentdesk_contract.wire import ProblemType
from tests.reference_agency import Paired, PostgresServer, at_once, pair, run_cli

#: Every write of the contract, with a path that exists for any talent.
WRITES = [
    ("POST", "/v1/escalations"),
    ("POST", "/v1/escalations/esc_nothere/follow-up"),
    ("POST", "/v1/escalations/esc_nothere/cancel"),
    ("POST", "/v1/reports"),
    ("POST", "/v1/debriefs"),
    ("POST", "/v1/bookings/bk_nothere/answer"),
    ("POST", "/v1/sessions/bk_nothere/events"),
    ("PUT", "/v1/availability"),
]
BAD_UTF8 = b'{"level": "urgent", "at": "2025-05-01T21:05:00+07:00", "note": "tolong \xff\xfe\xc3"}'
#: 60,000 bytes: under the 64 KiB cap, far over the nesting limit.
DEEP = b"[" * 30_000 + b"]" * 30_000


def send(sari: Paired, method: str, path: str, body: bytes) -> httpx.Response:
    return sari.client.request(
        method,
        path,
        content=body,
        headers={"Content-Type": "application/json", wire.IDEMPOTENCY_KEY_HEADER: uuid.uuid4().hex},
    )


def problem_type(response: httpx.Response) -> str:
    return wire.decode(response.content, wire.Problem).type


def test_invalid_utf8_inside_a_string_is_a_400_on_every_write(sari: Paired) -> None:
    for method, path in WRITES:
        response = send(sari, method, path, BAD_UTF8)
        assert response.status_code == 400, (path, response.text)
        assert problem_type(response) == ProblemType.INVALID_UTF8


def test_invalid_utf8_at_pairing_is_a_400(agency: ServerThread) -> None:
    body = b'{"code": "ABCD-\xffEFG", "device_name": "laptop"}'
    response = httpx.post(
        agency.url + "/v1/pairing", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert problem_type(response) == ProblemType.INVALID_UTF8


def test_deep_nesting_under_the_size_cap_is_a_400_on_every_write(sari: Paired) -> None:
    assert len(DEEP) < wire.MAX_REQUEST_BYTES
    for method, path in WRITES:
        for body in (DEEP, b'{"note": ' + b"[" * 40 + b"]" * 40 + b"}"):
            response = send(sari, method, path, body)
            assert response.status_code == 400, (path, response.text)
            assert problem_type(response) == ProblemType.NESTING_TOO_DEEP
        # 32 levels are fine as far as nesting goes (the shape is then what is wrong).
        ok_depth = b'{"note": ' + b"[" * 31 + b"]" * 31 + b"}"
        assert send(sari, method, path, ok_depth).status_code == 422, path


def test_deep_nesting_at_pairing_is_a_400(agency: ServerThread) -> None:
    response = httpx.post(
        agency.url + "/v1/pairing", content=DEEP, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert problem_type(response) == ProblemType.NESTING_TOO_DEEP


def test_a_client_gone_mid_request_is_no_internal_error(
    sari: Paired, caplog: pytest.LogCaptureFixture
) -> None:
    host, port = urlsplit(sari.url).hostname, urlsplit(sari.url).port
    assert host is not None and port is not None
    caplog.set_level(logging.INFO, logger="talentdesk.agency")
    for _ in range(5):
        with socket.create_connection((host, port)) as sock:
            sock.sendall(
                b"POST /v1/escalations HTTP/1.1\r\nHost: x\r\n"
                + f"Authorization: Bearer {sari.token}\r\n".encode()
                + b"Content-Type: application/json\r\nIdempotency-Key: gone-1\r\n"
                + b"Content-Length: 5000\r\n\r\n"
                + b'{"level": "urgent", "at": "2025-05-01T'
            )
    # The server noticed each one and goes on; a retry with the same key is processed.
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        retry = sari.write(
            "POST",
            "/v1/escalations",
            {"level": "urgent", "at": "2025-05-01T21:05:00+07:00"},
            key="gone-1",
        )
        if retry.status_code != 409:
            break
        time.sleep(0.05)
    assert retry.status_code == 201, retry.text
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == []


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    write=st.sampled_from([*WRITES, ("POST", "/v1/pairing")]),
    body=st.one_of(
        st.binary(max_size=512),
        st.binary(max_size=64).map(lambda b: b'{"note": "' + b + b'"}'),
        st.integers(min_value=1, max_value=200).map(lambda n: b"[" * n + b"]" * n),
    ),
)
def test_any_bytes_at_any_write_are_a_4xx(
    sari: Paired, write: tuple[str, str], body: bytes
) -> None:
    method, path = write
    response = send(sari, method, path, body)
    assert 400 <= response.status_code < 500, (path, body, response.status_code, response.text)
    assert wire.decode(response.content, wire.Problem).status == response.status_code


def test_a_revoked_device_gets_token_revoked(sari: Paired, agency_db: DbTarget) -> None:
    assert sari.client.get("/v1/feed").status_code == 200
    listing = run_cli(agency_db, "devices")
    assert listing.returncode == 0, listing.stderr
    device_id = next(w for w in listing.stdout.split() if w.startswith("dev_"))
    revoked = run_cli(agency_db, "revoke-device", device_id)
    assert revoked.returncode == 0, revoked.stderr
    for response in (
        sari.client.get("/v1/feed"),
        sari.write(
            "POST", "/v1/escalations", {"level": "urgent", "at": "2025-05-01T21:05:00+07:00"}
        ),
    ):
        assert response.status_code == 401
        assert problem_type(response) == ProblemType.TOKEN_REVOKED
        assert 'error="invalid_token"' in response.headers["www-authenticate"]
    # A new pairing works again.
    again = pair(sari.url, agency_db, "Sari", "new laptop")
    assert again.client.get("/v1/feed").status_code == 200
    again.client.close()


def test_a_debrief_lands_in_the_queue_at_low_priority(sari: Paired, agency_db: DbTarget) -> None:
    response = sari.write(
        "POST", "/v1/debriefs", {"at": "2025-05-01T22:10:00+07:00", "note": "berat malam ini"}
    )
    assert response.status_code == 201, response.text
    debrief = wire.decode(response.content, wire.Debrief)
    assert (debrief.status, debrief.priority) == ("open", "low")
    with AgencyStore(agency_db) as store:
        [row] = store.escalation_log.debriefs(open_only=True)
    assert (row.id, row.talent, row.note) == (debrief.id, "Sari", "berat malam ini")


@pytest.fixture
def postgres_agency(postgres_server: PostgresServer) -> Iterator[tuple[ServerThread, str]]:
    url = postgres_server.create()
    server = ServerThread(url)
    server.start()
    yield server, url
    server.stop()
    postgres_server.drop(url)


def _block(postgres_server: PostgresServer, url: str, blocked: bool) -> None:
    name = urlsplit(url).path.lstrip("/")
    admin = postgres_server._admin
    admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {"false" if blocked else "true"}')
    if blocked:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,)
        )


def test_a_database_outage_answers_503_and_recovers(
    postgres_server: PostgresServer, postgres_agency: tuple[ServerThread, str]
) -> None:
    server, url = postgres_agency
    assert is_postgres_url(url)
    sari = pair(server.url, url, "Sari")
    try:
        _block(postgres_server, url, True)
        try:
            # The pool waits its connect timeout (10 s) before giving up: ask at once.
            calls = (
                lambda: sari.client.get("/v1/feed"),
                lambda: sari.write(
                    "POST",
                    "/v1/escalations",
                    {"level": "urgent", "at": "2025-05-01T21:05:00+07:00"},
                ),
                lambda: httpx.get(
                    server.url + "/console/queue", cookies={"td_console": "any"}, timeout=30
                ),
            )
            answers = at_once(len(calls), lambda n: calls[n]())
            for response in answers:
                assert isinstance(response, httpx.Response), response
                assert response.status_code == 503, response.text
                assert response.headers["retry-after"]
            assert isinstance(answers[0], httpx.Response)
            problem = wire.decode(answers[0].content, wire.Problem)
            assert problem.type == ProblemType.UNAVAILABLE
        finally:
            _block(postgres_server, url, False)
        deadline = time.monotonic() + 15
        while sari.client.get("/v1/feed").status_code != 200:
            assert time.monotonic() < deadline, "the server did not recover"
            time.sleep(0.1)
        created = sari.write(
            "POST", "/v1/escalations", {"level": "urgent", "at": "2025-05-01T21:05:00+07:00"}
        )
        assert created.status_code == 201
    finally:
        sari.client.close()
