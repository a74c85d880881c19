"""``kill -9`` of the agency server process: no feed event and no write is lost or doubled."""

from __future__ import annotations

import threading
import time
import uuid
from pathlib import Path

import httpx
import pytest

from talentdesk_agency import AgencyProcess, AgencyStore
from talentdesk_agency.store import DbTarget
from talentdesk_contract import wire
from tests.reference_agency import pair, query, soon

pytestmark = pytest.mark.slow

ESCALATION = {"level": "urgent", "at": "2025-05-01T21:05:00+07:00"}


def test_kill_9_in_the_middle_of_the_feed_loses_no_event(
    tmp_path: Path, agency_db: DbTarget
) -> None:
    db = agency_db
    log_path = tmp_path / "server.log"
    sentinel = f"Contoh-{uuid.uuid4().hex[:12]}"
    with log_path.open("w") as log:
        server = AgencyProcess(db, stderr=log, extra_args=["--access-log"])
        url = server.start()
        port = server.port
        talent = pair(url, db, "Sari")
        booked: list[str] = []
        total = 24

        def produce() -> None:
            # Staff keep booking whether or not the server is up: the feed lives in the file.
            with AgencyStore(db) as store:
                for n in range(total):
                    booked.append(
                        store.create_booking(
                            "Sari",
                            start=soon(),
                            package_id="curhat-30",
                            alias=f"{sentinel}-{n}",
                            handle="@contoh",
                        )
                    )
                    time.sleep(0.04)

        kills = 0

        def kill_and_restart() -> None:
            nonlocal kills
            for _ in range(3):
                time.sleep(0.35)
                server.kill()  # mid long-poll, most likely: the client is nearly always waiting
                kills += 1
                time.sleep(0.1)
                server.start()

        producer = threading.Thread(target=produce)
        killer = threading.Thread(target=kill_and_restart)
        producer.start()
        killer.start()

        received: list[str] = []
        cursor = 0
        failures = 0
        deadline = time.monotonic() + 60
        while (len(received) < total or killer.is_alive()) and time.monotonic() < deadline:
            try:
                response = talent.client.get(
                    "/v1/feed", params={"after": cursor, "wait": 2}, timeout=5
                )
            except httpx.TransportError:
                failures += 1
                time.sleep(0.05)
                continue
            assert response.status_code == 200, response.text
            page = wire.decode(response.content, wire.FeedPage)
            for event in page.events:
                data = wire.decode_event_data(event)
                if isinstance(data, wire.BookingData):
                    received.append(data.booking.id)
            # The cursor moves only with a page in hand, as the app does in one transaction.
            cursor = page.cursor
        producer.join()
        killer.join()
        talent.client.close()
        server.stop()

    assert kills == 3 and failures >= 1
    assert server.port == port
    assert received == booked  # every event, once, in order
    assert sentinel not in log_path.read_text()


def _reserved(db: DbTarget, key: str) -> bool:
    rows = query(db, "SELECT state FROM idempotency WHERE key = ?", (key,))
    return rows == [("in_progress",)]


def test_kill_9_during_a_write_then_a_retry_applies_it_once(agency_db: DbTarget) -> None:
    db = agency_db
    server = AgencyProcess(db, faults=True)
    url = server.start()
    talent = pair(url, db, "Sari")
    try:
        with AgencyStore(db) as store:
            store.add_fault(
                path_prefix="/v1/escalations", method="POST", kind="delay", delay_seconds=30
            )
        errors: list[BaseException] = []

        def send() -> None:
            try:
                talent.write("POST", "/v1/escalations", ESCALATION, key="outbox-7")
            except httpx.TransportError as exc:
                errors.append(exc)

        sender = threading.Thread(target=send)
        sender.start()
        deadline = time.monotonic() + 10
        while not _reserved(db, "outbox-7"):
            assert time.monotonic() < deadline
            time.sleep(0.02)
        server.kill()
        sender.join()
        assert errors, "the request should have died with the server"

        server.start()
        # The dead server's reservation is taken over: its write never committed.
        retried = talent.write("POST", "/v1/escalations", ESCALATION, key="outbox-7")
        assert retried.status_code == 201, retried.text
        again = talent.write("POST", "/v1/escalations", ESCALATION, key="outbox-7")
        assert again.content == retried.content
        assert again.headers[wire.REPLAYED_HEADER] == "true"
        with AgencyStore(db) as store:
            assert len(store.escalations()) == 1
    finally:
        talent.client.close()
        assert server.stop() in (0, -15)
