"""A whole session against the real reference agency server on loopback."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from talentdesk.domain import Booking, BookingStatus, CustomerContact, SessionOutcome
from talentdesk.sessions.bookings import Bookings
from talentdesk.sessions.runner import SessionRunner
from talentdesk.sync.outbox import OutboxItem, OutboxState
from talentdesk.sync.service import SyncService
from talentdesk.vault import Vault
from talentdesk.vault.records import RecordStore
from talentdesk_agency import AgencyStore, ServerThread
from tests.sessions.conftest import PASSPHRASE

TALENT = "Sari"


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


@dataclass
class Linked:
    """The app's side (vault, sync, runner) and the agency's (store)."""

    vault: Vault
    store: RecordStore
    sync: SyncService
    runner: SessionRunner
    desk: Bookings
    agency: AgencyStore

    def booking(self, booking_id: str) -> Booking | None:
        return self.store.load(Booking, booking_id)

    def delivered(self, item: OutboxItem) -> bool:
        got = self.sync.outbox.get(item.id)
        return got is not None and got.state is OutboxState.DELIVERED

    def push_booking(self, alias: str, minutes_from_now: float = 2) -> str:
        start = datetime.now(UTC) + timedelta(minutes=minutes_from_now)
        return self.agency.create_booking(
            TALENT,
            start=start,
            package_id="curhat-30",
            alias=alias,
            handle=f"@{alias.lower()}",
        )

    def accepted(self, booking_id: str) -> None:
        wait_for(lambda: self.booking(booking_id) is not None, "the pushed booking")
        item = self.desk.answer(booking_id, accept=True)
        wait_for(lambda: self.delivered(item), "the answer's delivery")


@pytest.fixture
def linked(tmp_path: Path, data_dir: Path) -> Iterator[Linked]:
    server = ServerThread(tmp_path / "agency.sqlite3")
    server.start()
    agency = AgencyStore(tmp_path / "agency.sqlite3")
    vault = Vault.create(data_dir / "vault.sqlite3", passphrase=PASSPHRASE)
    sync = SyncService(vault, feed_wait=1)
    sync.pair(server.url, agency.create_pairing_code(TALENT))
    runner = SessionRunner(vault, sync.outbox)
    runner.attach(sync)
    sync.start()
    try:
        yield Linked(vault, RecordStore(vault), sync, runner, Bookings(vault, sync.outbox), agency)
    finally:
        sync.stop()
        vault.close()
        agency.close()
        server.stop()


def agency_session_events(agency: AgencyStore, booking_id: str) -> dict[str, tuple[object, ...]]:
    rows = agency._conn.execute(  # the agency's own record of what it received
        "SELECT type, planned_seconds, actual_seconds, outcome FROM session_events "
        "WHERE booking_id = ?",
        (booking_id,),
    ).fetchall()
    return {row[0]: tuple(row[1:]) for row in rows}


def test_started_and_ended_reach_the_agency(linked: Linked) -> None:
    booking_id = linked.push_booking("Bunga")
    linked.accepted(booking_id)
    session = linked.runner.start(booking_id)
    started = linked.sync.outbox.items()[0][-1]
    wait_for(lambda: linked.delivered(started), "the started event")
    assert agency_session_events(linked.agency, booking_id) == {"started": (1800, None, None)}

    finished = session.finish()
    assert finished.record.outcome is SessionOutcome.ENDED_EARLY
    wait_for(lambda: linked.delivered(finished.event), "the ended event")
    planned, actual, outcome = agency_session_events(linked.agency, booking_id)["ended"]
    assert (planned, outcome) == (1800, "ended_early")
    assert isinstance(actual, int)
    assert 0 <= actual < 60
    # The agency drops its copy of the customer's data once the session is over, too.
    alias = linked.agency._conn.execute(
        "SELECT alias FROM bookings WHERE id = ?", (booking_id,)
    ).fetchone()
    assert alias == (None,)
    assert linked.vault.customer_bookings() == []


def test_cancellation_mid_session_waits_for_the_end(linked: Linked) -> None:
    booking_id = linked.push_booking("Melati")
    linked.accepted(booking_id)
    session = linked.runner.start(booking_id)

    linked.agency.cancel_booking(booking_id, "customer asked the agency")
    wait_for(
        lambda: (
            (b := linked.booking(booking_id)) is not None and b.status is BookingStatus.CANCELLED
        ),
        "the cancellation",
    )
    # One more page through the feed: the sweep after the cancellation has surely run.
    marker = linked.push_booking("Penanda", minutes_from_now=300)
    wait_for(lambda: linked.booking(marker) is not None, "the next page")
    assert booking_id in linked.vault.customer_bookings()
    contact = session.contact()
    assert contact is not None
    assert contact.alias == "Melati"
    assert session.cancelled_by_agency()

    finished = session.finish()
    assert finished.record.outcome is SessionOutcome.CANCELLED
    assert linked.store.load(CustomerContact, booking_id) is None
    assert booking_id not in linked.vault.customer_bookings()
    wait_for(lambda: linked.delivered(finished.event), "the ended event")
    assert agency_session_events(linked.agency, booking_id)["ended"][2] == "cancelled"
