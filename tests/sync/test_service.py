"""The app's sync (pairing, feed, outbox) against the real reference server on loopback."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import msgspec
import pytest

from talentdesk.domain import (
    AgencyConfig,
    Booking,
    BookingStatus,
    CustomerContact,
    DeclineReply,
    Source,
)
from talentdesk.sessions.bookings import Bookings
from talentdesk.sync.apply import load_feed_state
from talentdesk.sync.client import AgencyClient, InsecureUrlError, RejectedError, check_agency_url
from talentdesk.sync.outbox import OutboxState
from talentdesk.sync.service import TOKEN_SECRET, SyncPhase, SyncService
from talentdesk.vault import Vault, VaultInfo
from talentdesk.vault.records import RecordStore
from talentdesk_agency import AgencyProcess, AgencyStore, ServerThread
from talentdesk_contract import wire
from talentdesk_contract.values import BookingAnswer
from tests.sync.conftest import StatusLog, wait_for

PASSPHRASE = "sync test passphrase"
TALENT = "Sari"
START = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=2)


@dataclass
class App:
    vault: Vault
    sync: SyncService
    statuses: StatusLog
    store: RecordStore

    def booking(self, booking_id: str) -> Booking | None:
        return self.store.load(Booking, booking_id)


@pytest.fixture
def agency(tmp_path: Path) -> Iterator[tuple[ServerThread, AgencyStore]]:
    db = tmp_path / "agency.sqlite3"
    server = ServerThread(db, faults=True)
    server.start()
    store = AgencyStore(db)
    yield server, store
    store.close()
    server.stop()


def make_app(data_dir: Path, url: str, store: AgencyStore, **kwargs: object) -> App:
    vault = Vault.create(data_dir / "vault.sqlite3", passphrase=PASSPHRASE)
    sync = SyncService(vault, feed_wait=2, **kwargs)  # type: ignore[arg-type]
    statuses = StatusLog()
    sync.add_status_listener(statuses)
    sync.pair(url, store.create_pairing_code(TALENT))
    return App(vault, sync, statuses, RecordStore(vault))


@pytest.fixture
def app(agency: tuple[ServerThread, AgencyStore], data_dir: Path) -> Iterator[App]:
    server, store = agency
    made = make_app(data_dir, server.url, store)
    made.sync.start()
    yield made
    made.sync.stop()
    made.vault.close()


def book(
    store: AgencyStore, alias: str = "Bunga", *, returning: bool = False, minutes: int = 120
) -> str:
    return store.create_booking(
        TALENT,
        start=START + timedelta(minutes=minutes),
        package_id=store.config().packages[0].id,
        alias=alias,
        handle=f"@{alias.lower()}",
        returning=returning,
    )


# --------------------------------------------------------------------------- pairing, feed


def test_connected_shows_at_once_although_the_feed_has_nothing_new(
    agency: tuple[ServerThread, AgencyStore], data_dir: Path
) -> None:
    server, store = agency
    app = make_app(data_dir, server.url, store)
    app.sync.feed_wait = 25  # the agency holds a poll with nothing new this long
    try:
        app.sync.start()
        wait_for(lambda: app.sync.status.phase is SyncPhase.CONNECTED, timeout=5, what="connected")
        connecting = app.statuses.first(SyncPhase.CONNECTING)
        connected = app.statuses.first(SyncPhase.CONNECTED)
        assert connecting is not None and connected is not None
        assert connected[0] - connecting[0] < 5

        # Then it long-polls: a booking pushed now arrives without waiting for a timeout.
        booking_id = book(store, "Melati")
        wait_for(lambda: app.booking(booking_id) is not None, timeout=10, what="booking")
    finally:
        app.sync.stop()
        app.vault.close()


def test_pair_push_cancel_and_rebook(app: App, agency: tuple[ServerThread, AgencyStore]) -> None:
    _, store = agency
    pairing = app.sync.pairing()
    assert pairing is not None
    assert pairing.talent_name == TALENT
    wait_for(lambda: app.sync.status.phase is SyncPhase.CONNECTED, what="connected")
    assert app.sync.status.talent_name == TALENT

    # The agency's config arrives first: packages and its default replies, kept as its own.
    wait_for(lambda: app.store.load(AgencyConfig, "current") is not None, what="config")
    replies = app.store.load_all(DeclineReply).items
    assert replies
    assert all(r.source is Source.AGENCY for r in replies)

    booking_id = book(store, "Bunga")
    wait_for(lambda: app.booking(booking_id) is not None, what="booking")
    booking = app.booking(booking_id)
    assert booking is not None
    assert booking.status is BookingStatus.PENDING
    assert not booking.needs_unblock
    contact = app.store.load(CustomerContact, booking_id)
    assert contact is not None
    assert contact.alias == "Bunga"

    store.cancel_booking(booking_id)
    wait_for(
        lambda: (b := app.booking(booking_id)) is not None and b.status is BookingStatus.CANCELLED,
        what="cancellation",
    )
    wait_for(lambda: booking_id not in app.vault.customer_bookings(), what="shred")
    assert app.store.load(CustomerContact, booking_id) is None

    again = book(store, "Bunga", returning=True, minutes=300)
    wait_for(lambda: app.booking(again) is not None, what="rebooking")
    rebooked = app.booking(again)
    assert rebooked is not None
    assert rebooked.needs_unblock
    assert rebooked.returning_customer


def test_staff_command_in_another_process_reaches_the_app(
    app: App, agency: tuple[ServerThread, AgencyStore]
) -> None:
    import subprocess
    import sys

    _, store = agency
    wait_for(lambda: app.sync.status.phase is SyncPhase.CONNECTED)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "talentdesk_agency.cli",
            "book",
            "--db",
            str(store.path),
            "--talent",
            TALENT,
            "--start",
            (START + timedelta(hours=1)).isoformat(),
            "--package",
            store.config().packages[0].id,
            "--alias",
            "Kenari",
            "--handle",
            "@kenari",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    booking_id = result.stdout.strip().split()[-1]
    wait_for(lambda: app.booking(booking_id) is not None, what="booking from the CLI")


def test_agency_killed_mid_feed_loses_and_repeats_nothing(data_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "agency.sqlite3"
    proc = AgencyProcess(db)
    url = proc.start()
    store = AgencyStore(db)
    app = make_app(data_dir, url, store, client_timeout=1.0)
    app.sync.start()
    pushed: list[str] = []
    try:
        for round_ in range(4):
            pushed += [
                book(store, f"Tamu{round_}x{i}", minutes=10 * (5 * round_ + i)) for i in range(5)
            ]
            time.sleep(0.05 * round_)
            proc.kill()  # SIGKILL, in the middle of a long-poll
            pushed.append(book(store, f"Sela{round_}", minutes=900 + round_))  # while it is down
            proc.start()
        wait_for(
            lambda: all(app.booking(b) is not None for b in pushed),
            timeout=30,
            what="every pushed booking",
        )
        # Exactly once: each event counted once, the cursor at the last one.
        wait_for(lambda: load_feed_state(app.vault).applied >= len(pushed) + 1, timeout=10)
        state = load_feed_state(app.vault)
        assert state.applied == len(pushed) + 1  # + the config event every talent starts with
        assert state.rejected_total == 0
        assert len(app.store.load_all(Booking).items) == len(pushed)
    finally:
        app.sync.stop()
        app.vault.close()
        store.close()
        proc.stop()


# --------------------------------------------------------------------------- failures


def test_429_retry_after_is_honoured(app: App, agency: tuple[ServerThread, AgencyStore]) -> None:
    _, store = agency
    wait_for(lambda: app.sync.status.phase is SyncPhase.CONNECTED)
    store.add_fault(path_prefix="/v1/feed", kind="status", status=429, retry_after=2, times=1)
    booking_id = book(store)  # wakes the long-poll; the next poll meets the 429
    wait_for(lambda: app.statuses.first(SyncPhase.RETRYING) is not None, what="429")
    retry = app.statuses.first(SyncPhase.RETRYING)
    assert retry is not None
    t_429, status = retry
    assert status.reason == "rate_limited"
    assert status.retry_in(t_429) == 2
    wait_for(lambda: app.booking(booking_id) is not None, what="booking after 429")
    wait_for(lambda: app.statuses.first(SyncPhase.CONNECTED, after=t_429) is not None)
    back = app.statuses.first(SyncPhase.CONNECTED, after=t_429)
    assert back is not None
    assert back[0] - t_429 >= 1.9  # not retried before Retry-After


def test_500s_and_timeouts_are_retried(
    agency: tuple[ServerThread, AgencyStore], data_dir: Path
) -> None:
    server, store = agency
    app = make_app(data_dir, server.url, store, client_timeout=0.5)
    app.sync.feed_wait = 0
    store.add_fault(path_prefix="/v1/feed", kind="status", status=500, times=2)
    store.add_fault(path_prefix="/v1/feed", kind="delay", delay_seconds=3.0, times=1)
    booking_id = book(store)
    app.sync.start()
    try:
        wait_for(lambda: app.booking(booking_id) is not None, timeout=20, what="booking")
        failing = (SyncPhase.RETRYING, SyncPhase.OFFLINE)
        reasons = {s.reason for _, s in app.statuses.seen if s.phase in failing}
        assert {"server_error", "timeout"} <= reasons
        wait_for(lambda: app.sync.status.phase is SyncPhase.CONNECTED)
    finally:
        app.sync.stop()
        app.vault.close()


def test_repeated_write_returns_the_first_answer(
    app: App, agency: tuple[ServerThread, AgencyStore]
) -> None:
    server, store = agency
    booking_id = book(store)
    token = app.vault.get_secret(TOKEN_SECRET)
    assert token is not None
    client = AgencyClient(server.url, token.decode())
    body = wire.encode(wire.BookingAnswerRequest(answer=BookingAnswer.ACCEPT))
    first = client.write("POST", f"/v1/bookings/{booking_id}/answer", body, "key-1")
    again = client.write("POST", f"/v1/bookings/{booking_id}/answer", body, "key-1")
    assert (again.status, again.body) == (first.status, first.body)
    assert not first.replayed
    assert again.replayed
    other = wire.encode(wire.BookingAnswerRequest(answer=BookingAnswer.DECLINE, reason="busy"))
    with pytest.raises(RejectedError) as refused:
        client.write("POST", f"/v1/bookings/{booking_id}/answer", other, "key-1")
    assert refused.value.status == 422
    client.close()


def test_bad_feed_content_gives_clear_state_and_applies_nothing_halfway(
    app: App, agency: tuple[ServerThread, AgencyStore]
) -> None:
    _, store = agency
    wait_for(lambda: app.sync.status.phase is SyncPhase.CONNECTED)
    before = load_feed_state(app.vault)

    # Wrong types, missing fields, an unknown type, then a good booking, in one feed stretch.
    store.inject_event(TALENT, "booking.created", '{"booking": {"id": 5}, "customer": {}}')
    store.inject_event(TALENT, "booking.created", '{"customer": {"alias": "x"}}')
    store.inject_event(TALENT, "agency.party_started", '{"anything": true}')
    good = book(store, "Cempaka")
    wait_for(lambda: app.booking(good) is not None, what="good booking after bad ones")
    state = load_feed_state(app.vault)
    assert state.rejected_total - before.rejected_total == 2
    assert state.unknown_skipped - before.unknown_skipped == 1
    assert [r.type for r in state.rejected[-2:]] == ["booking.created", "booking.created"]
    assert len(app.store.load_all(Booking).items) == 1  # nothing of the bad ones was kept
    # The status line is refreshed just after the page's commit, which the booking shows.
    wait_for(lambda: app.sync.status.unknown_skipped == 1, what="unknown count in the status")
    assert app.sync.status.rejected_total == 2

    # Malformed JSON and an oversized body: retried with a clear reason, nothing applied.
    cursor = load_feed_state(app.vault).cursor
    store.add_fault(path_prefix="/v1/feed", kind="malformed_json", times=1)
    store.add_fault(path_prefix="/v1/feed", kind="oversize", times=1)
    book(store, "Dahlia", minutes=400)  # ends the poll in flight; the next two meet the faults

    def malformed_seen() -> int:
        return [s.reason for _, s in app.statuses.seen].count("malformed")

    wait_for(lambda: malformed_seen() >= 2, timeout=20, what="two malformed pages")
    assert {s.phase for _, s in app.statuses.seen if s.reason == "malformed"} == {
        SyncPhase.RETRYING
    }
    after_fault = book(store, "Kamboja", minutes=500)
    wait_for(lambda: app.booking(after_fault) is not None, timeout=20, what="recovery")
    assert load_feed_state(app.vault).cursor > cursor
    assert app.vault.integrity_check() == []


# --------------------------------------------------------------------------- security


def test_plain_http_refused_except_loopback(data_dir: Path) -> None:
    for url in (
        "http://agency.example.com",
        "http://10.0.0.5:8080",
        "ftp://127.0.0.1",
        "http://[2001:db8::1]/",
    ):
        with pytest.raises(InsecureUrlError):
            check_agency_url(url)
    for url in (
        "https://agency.example.com/",
        "http://127.0.0.1:9",
        "http://localhost:1",
        "http://[::1]:8080",
        "http://127.8.9.10",
    ):
        assert check_agency_url(url) == url.rstrip("/")
    vault = Vault.create(data_dir / "vault.sqlite3", passphrase=PASSPHRASE)
    with pytest.raises(InsecureUrlError, match="use https"):
        SyncService(vault).pair("http://agency.example.com", "ABCD-EFGH")
    vault.close()


def test_device_token_only_in_the_keyring(
    secret_service: object,
    agency: tuple[ServerThread, AgencyStore],
    data_dir: Path,
    keyring_cleanup: list[VaultInfo],
    caplog: pytest.LogCaptureFixture,
    session_root: Path,
) -> None:
    caplog.set_level(logging.DEBUG)
    server, store = agency
    vault = Vault.create(data_dir / "vault.sqlite3")
    keyring_cleanup.append(vault.info)
    sync = SyncService(vault, feed_wait=1)
    sync.pair(server.url, store.create_pairing_code(TALENT))
    sync.start()
    booking_id = book(store)
    wait_for(lambda: RecordStore(vault).load(Booking, booking_id) is not None)
    sync.stop()
    token = vault.get_secret(TOKEN_SECRET)
    assert token is not None
    assert len(token) >= 16
    assert vault.get("secret", TOKEN_SECRET) is None  # in the keyring, not the vault
    vault.close()
    assert token.decode() not in caplog.text
    for path in [*data_dir.rglob("*"), *session_root.rglob("*")]:
        if path.is_file() and path.stat().st_size < 50_000_000:
            assert token not in path.read_bytes(), path


def test_unauthorized_token_says_so(app: App) -> None:
    wait_for(lambda: app.sync.status.phase is SyncPhase.CONNECTED)
    app.sync.stop()
    app.vault.put_secret(TOKEN_SECRET, b"not-a-valid-token-at-all-0000")
    app.sync.start()
    wait_for(lambda: app.sync.status.phase is SyncPhase.UNAUTHORIZED, what="unauthorized")


# --------------------------------------------------------------------------- outbox


def test_booking_answer_goes_through_the_outbox(
    app: App, agency: tuple[ServerThread, AgencyStore]
) -> None:
    _, store = agency
    accept_id, decline_id = book(store, "Anggrek"), book(store, "Teratai", minutes=200)
    wait_for(lambda: app.booking(accept_id) is not None and app.booking(decline_id) is not None)
    desk = Bookings(app.vault, app.sync.outbox)
    accepted = desk.answer(accept_id, accept=True)
    declined = desk.answer(decline_id, accept=False, reason="already booked")
    for item in (accepted, declined):
        wait_for(
            lambda item=item: (
                (i := app.sync.outbox.get(item.id)) is not None  # type: ignore[misc]
                and i.state is OutboxState.DELIVERED
            ),
            what="delivery",
        )
    answers = dict(
        store._conn.execute(  # the agency's own record of the answers
            "SELECT id, answer FROM bookings WHERE id IN (?, ?)", (accept_id, decline_id)
        ).fetchall()
    )
    assert answers == {accept_id: "accept", decline_id: "decline"}
    assert decline_id not in app.vault.customer_bookings()  # declined: customer data gone
    assert accept_id in app.vault.customer_bookings()
    delivered = app.sync.outbox.get(accepted.id)
    assert delivered is not None
    assert msgspec.json.decode(delivered.response or "{}") == {
        "booking_id": accept_id,
        "answer": "accept",
    }


def test_feed_reset_at_the_agency_is_read_again_from_the_start(
    app: App, agency: tuple[ServerThread, AgencyStore]
) -> None:
    _, store = agency
    booking_id = book(store)
    wait_for(lambda: app.booking(booking_id) is not None)
    app.sync.stop()
    # As if the agency restored an older database: our cursor is past its end.
    state = load_feed_state(app.vault)
    state.cursor += 1000
    app.vault.put("sync", "feed", msgspec.json.encode(state))
    app.sync.start()
    later = book(store, "Seruni", minutes=600)
    wait_for(lambda: app.booking(later) is not None, what="booking after the reset")
    assert load_feed_state(app.vault).cursor < 1000
    assert app.vault.integrity_check() == []
