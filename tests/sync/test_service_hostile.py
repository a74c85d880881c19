"""The desk's sync against a hostile agency (issue 15): each point, then recovery.

A fake agency on loopback (``tests/sync/hostile_agency.py``: real HTTP, the reference
agency behind it) switches between good and hostile answers. Each test makes it
misbehave in one way, checks what the desk did and said, then lets it behave and checks
that the desk recovered (:func:`recovers`): a new booking arrives exactly once, declined
bookings stay declined, no shredded customer data comes back, and ``talentdesk
doctor``'s diagnosis of the data dir passes.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import msgspec

from talentdesk.doctor import diagnose
from talentdesk.domain import BookingStatus
from talentdesk.sessions.bookings import Bookings
from talentdesk.sync.client import MAX_RETRY_AFTER_SECONDS
from talentdesk.sync.outbox import OutboxItem, OutboxState
from talentdesk.sync.requests import RaiseEscalation
from talentdesk.sync.service import SyncPhase, SyncStatus
from talentdesk.vault import Protection, VaultInfo
from talentdesk_contract import wire
from tests.sync.conftest import FAST, PASSPHRASE, START, Agency, Desk, wait_for
from tests.sync.hostile_agency import (
    Answer,
    Custom,
    Drip,
    Reply,
    Rewrite,
    Seen,
    deep,
    empty_page_for,
    event,
    gzip_bomb,
    page,
    problem,
)
from tests.vault.test_keys import all_talentdesk_secrets, candidate_keys, try_open_everything

MakeDesk = Callable[..., Desk]
FEED = "/v1/feed"
_minutes = iter(range(300, 100_000, 45))  # a free slot for every booking of the module


def book(hostile: Agency, desk: Desk, alias: str) -> str:
    booking_id = hostile.book(desk, alias, minutes=next(_minutes))
    wait_for(lambda: desk.booking(booking_id) is not None, f"booking {alias}")
    return booking_id


def answer(desk: Desk, booking_id: str, *, accept: bool) -> OutboxItem:
    return Bookings(desk.vault, desk.sync.outbox).answer(booking_id, accept=accept, reason="no")


def item_state(desk: Desk, item: OutboxItem) -> OutboxState | None:
    got = desk.sync.outbox.get(item.id)
    return got.state if got is not None else None


def delivered(desk: Desk, item: OutboxItem) -> None:
    wait_for(lambda: item_state(desk, item) is OutboxState.DELIVERED, f"{item.kind} delivered")


def said_reason(reason: str) -> Callable[[SyncStatus], bool]:
    return lambda status: status.reason == reason


def never_said(desk: Desk, reason: str) -> None:
    assert desk.statuses.any(said_reason(reason)) is None, f"the desk said {reason!r}"


def feed_polls(hostile: Agency, desk: Desk, since: float = 0.0) -> list[Seen]:
    return hostile.fake.requests(FEED, desk.token, since)


def texts_in_vault(desk: Desk, texts: Iterable[str]) -> list[str]:
    """Which ``texts`` any record of the vault holds, read with every key it has, or the
    vault's files hold in the clear."""
    needles = [t.encode() for t in texts]
    found = []
    for kind in desk.vault.counts():
        for payload in desk.vault.read_all(kind).rows.values():
            found += [n.decode() for n in needles if n in payload]
    for path in desk.data_dir.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [n.decode() for n in needles if n in data]
    return found


def doctor_passes(desk: Desk) -> None:
    """``talentdesk doctor``'s own diagnosis of the desk's data dir passes.

    :func:`talentdesk.doctor.diagnose` opens the vault again beside the running desk (as
    the command does; Qt's platform is left out, it is not what these tests are about):
    file permissions, the keyring or passphrase, every record readable. The command line
    itself runs once, in the keyring test.
    """
    passphrase = PASSPHRASE if desk.vault.info.protection is Protection.PASSPHRASE else None
    report = diagnose(desk.data_dir, passphrase, with_qt=False)
    assert report.problems == [], report.problems
    facts = dict(report.facts)
    assert facts["Master key"] == "reachable"
    assert facts["Integrity"] == "ok"


def recovers(
    hostile: Agency,
    desk: Desk,
    *,
    declined: Iterable[str] = (),
    shredded: Iterable[str] = (),
    sentinels: Iterable[str] = (),
) -> None:
    """The agency behaves again: the desk gets back to normal and nothing came back."""
    hostile.fake.behave()
    desk.sync.retry_now()  # whatever slow retry the hostile part left it in
    wait_for(lambda: desk.sync.status.phase is SyncPhase.CONNECTED, "connected again")
    before = desk.feed().applied
    fresh = book(hostile, desk, "Kenanga")
    # A second booking ends the next long-poll at once: had the first been applied
    # again meanwhile (a replay, a cursor gone back), the count would show it.
    second = book(hostile, desk, "Kenari")
    wait_for(lambda: desk.feed().applied >= before + 2, "both bookings applied")
    assert desk.feed().applied == before + 2, "each new booking arrived exactly once"
    assert desk.status_of(fresh) is desk.status_of(second) is BookingStatus.PENDING
    for booking_id in declined:
        assert desk.status_of(booking_id) is BookingStatus.DECLINED, booking_id
    customers = desk.vault.customer_bookings()
    for booking_id in shredded:
        assert booking_id not in customers, booking_id
        assert desk.contact(booking_id) is None, booking_id
    assert texts_in_vault(desk, sentinels) == []
    doctor_passes(desk)


# --------------------------------------------------------------------------- point 1


def test_bad_bytes_in_a_page_are_retried_and_never_stop_the_feed(
    hostile: Agency, make_desk: MakeDesk
) -> None:
    desk = make_desk()
    fake, since = hostile.fake, time.monotonic()
    for body in (
        b'{"events": [], "cursor": "\xff\xfe"}',  # invalid UTF-8
        b'{"events": [], "cursor": 1, "x": ' + deep() + b"}",  # deeper than any stack
        b'{"events": "\xc3\x28',  # cut short, and bad bytes
        b"\x00" * 64,
    ):
        fake.answer(FEED, Reply(200, body), times=1, token=desk.token)
    wait_for(lambda: len(feed_polls(hostile, desk, since)) >= 5, "four bad pages and a good one")
    desk.said(said_reason("malformed"), "the agency's answer could not be read")
    never_said(desk, "internal")
    recovers(hostile, desk)


def test_a_poison_event_is_skipped_counted_and_the_night_goes_on(
    hostile: Agency, make_desk: MakeDesk
) -> None:
    desk = make_desk()
    poison = {
        '{"poison": "deep"}': deep(),
        '{"poison": "utf8"}': b'{"booking": "\xff\xfe"}',
        '{"poison": "twice"}': b'{"booking": {}, "booking": {}}',
    }

    def poisoned(body: bytes) -> bytes:
        for marker, bad in poison.items():
            body = body.replace(marker.encode(), bad)
        return body

    # Every page holding them is poisoned, however often it is asked for (from the
    # next poll on: the one in flight was answered as it was).
    hostile.fake.answer(FEED, Rewrite(poisoned), token=desk.token)
    since = time.monotonic()
    wait_for(lambda: bool(feed_polls(hostile, desk, since)), "a poll under the new rule")
    seqs = [hostile.store.inject_event(desk.name, "booking.created", m) for m in poison]
    after = book(hostile, desk, "Cempaka")

    wait_for(lambda: desk.sync.status.rejected_total == 3, "three unreadable events counted")
    rejected = {r.seq: r.reason for r in desk.feed().rejected}
    assert rejected == {
        seqs[0]: "nested deeper than 200 levels",
        seqs[1]: "not UTF-8",
        seqs[2]: "a key appears twice in one object",
    }
    assert desk.status_of(after) is BookingStatus.PENDING
    never_said(desk, "internal")
    never_said(desk, "malformed")  # the page was read; only its poison was set aside

    # "Crashes the feed again on every start": a new start reads past them as well.
    desk.sync.stop()
    desk.sync.start()
    recovers(hostile, desk)
    assert desk.feed().rejected_total == 3


def test_a_sync_thread_that_fails_anyway_starts_again_and_says_so(
    hostile: Agency, make_desk: MakeDesk
) -> None:
    desk = make_desk()
    failures = [RuntimeError("a bug of the desk's own")]

    def veto(_booking: object) -> bool:  # asked by the sweep after each page
        if failures:
            raise failures.pop()
        return False

    desk.sync.keep_customer_data_while(veto)
    cancelled = book(hostile, desk, "Dahlia")
    hostile.store.cancel_booking(cancelled)

    desk.said(
        lambda s: s.reason == "internal" and s.restarts == 1 and s.retry_at is not None,
        "an internal problem, and when sync starts again",
    )
    wait_for(lambda: cancelled not in desk.vault.customer_bookings(), "the shred, after a restart")
    recovers(hostile, desk, shredded=[cancelled], sentinels=["Dahlia", "@dahlia"])


# --------------------------------------------------------------------------- point 2


def test_a_duplicate_cursor_key_is_refused_and_a_declined_booking_stays_declined(
    hostile: Agency, make_desk: MakeDesk
) -> None:
    desk = make_desk()
    declined = book(hostile, desk, "Melati")
    delivered(desk, answer(desk, declined, accept=False))
    cursor, since = desk.feed().cursor, time.monotonic()

    def jump(seen: Seen) -> Reply:
        after = int(seen.query["after"])
        return Reply(200, b'{"events": [], "cursor": %d, "cursor": 900000000}' % after)

    hostile.fake.answer(FEED, Custom(jump), times=3, token=desk.token)
    wait_for(lambda: len(feed_polls(hostile, desk, since)) >= 4, "three jumps and a good poll")
    desk.said(said_reason("malformed"), "the page was refused")
    assert desk.feed().cursor >= cursor
    assert all(int(s.query["after"]) < 900_000_000 for s in feed_polls(hostile, desk))
    assert not any(s.query["after"] == "0" for s in feed_polls(hostile, desk, since))
    recovers(
        hostile, desk, declined=[declined], shredded=[declined], sentinels=["Melati", "@melati"]
    )


def test_a_cursor_that_goes_backwards_applies_nothing_twice(
    hostile: Agency, make_desk: MakeDesk
) -> None:
    desk = make_desk()
    booking_id = book(hostile, desk, "Anggrek")
    delivered(desk, answer(desk, booking_id, accept=False))
    state = desk.feed()
    # The page that brought the booking, again and again, each time saying "cursor 0".
    [original] = [p for p in hostile.fake.pages[desk.token] if booking_id.encode() in p]
    replay = json.loads(original)
    replay["cursor"] = 0
    hostile.fake.answer(FEED, Reply(200, json.dumps(replay).encode()), token=desk.token)
    since = time.monotonic()
    wait_for(lambda: len(feed_polls(hostile, desk, since)) >= 6, "six replays")
    replays = feed_polls(hostile, desk, since)[:6]

    assert desk.feed().applied == state.applied  # the same event never applied again
    assert desk.feed().cursor == state.cursor  # and the cursor never went back
    assert all(int(s.query["after"]) == state.cursor for s in replays)
    # They came back at once, and nothing new: the desk waited longer each time.
    gaps = [b.at - a.at for a, b in itertools.pairwise(replays)]
    assert sum(gaps) >= 0.6, gaps  # 0.05 + 0.1 + 0.2 + 0.4 + 0.4 at FAST pacing
    assert desk.status_of(booking_id) is BookingStatus.DECLINED
    recovers(hostile, desk, declined=[booking_id], shredded=[booking_id], sentinels=["Anggrek"])


def test_reading_the_feed_again_from_zero_resurrects_nothing(
    hostile: Agency,
    make_desk: MakeDesk,
    secret_service: object,
    keyring_cleanup: list[VaultInfo],
    tmp_path: Path,
) -> None:
    desk = make_desk(keyring=True)
    keyring_cleanup.append(desk.vault.info)
    alias, handle = "SENTINEL-Kamboja-8e1d", "@sentinel_kamboja_40af"
    declined = hostile.store.create_booking(
        desk.name,
        start=START + timedelta(minutes=next(_minutes)),
        package_id=hostile.store.config().packages[0].id,
        alias=alias,
        handle=handle,
    )
    wait_for(lambda: desk.booking(declined) is not None, "the sentinel booking")
    delivered(desk, answer(desk, declined, accept=False))
    cancelled = book(hostile, desk, "Seruni")
    hostile.store.cancel_booking(cancelled)
    wait_for(lambda: desk.status_of(cancelled) is BookingStatus.CANCELLED, "the cancellation")
    accepted = book(hostile, desk, "Mawar")
    delivered(desk, answer(desk, accepted, accept=True))
    wait_for(lambda: desk.vault.customer_bookings() == [accepted], "the shreds")

    # The agency says our cursor is past its feed, then serves the feed from 0 as it was
    # first sent: every event again, customer data included (no scrubbing).
    events = [e for p in hostile.fake.pages[desk.token] for e in json.loads(p)["events"]]
    replay = json.dumps({"events": events, "cursor": events[-1]["seq"]}).encode()
    assert alias.encode() in replay
    cursor_ahead = problem(409, wire.ProblemType.CURSOR_AHEAD)
    hostile.fake.answer(FEED, Reply(409, cursor_ahead), times=1, token=desk.token)
    hostile.fake.answer(FEED, Reply(200, replay), times=1, token=desk.token)
    since = time.monotonic()
    wait_for(
        lambda: any(s.query["after"] == "0" for s in feed_polls(hostile, desk, since)),
        "the feed read again from 0",
    )
    wait_for(lambda: desk.feed().cursor >= events[-1]["seq"], "the replay applied")

    assert desk.status_of(declined) is BookingStatus.DECLINED
    assert desk.status_of(cancelled) is BookingStatus.CANCELLED
    assert desk.status_of(accepted) is BookingStatus.ACCEPTED
    assert desk.vault.customer_bookings() == [accepted]
    assert desk.vault.shredded_bookings() >= {declined, cancelled}
    recovers(
        hostile,
        desk,
        declined=[declined],
        shredded=[declined, cancelled],
        sentinels=[alias, handle, "Seruni"],
    )

    # With every key that exists now, no copy of the vault yields the sentinel.
    desk.sync.stop()
    copy = tmp_path / "copy"
    copy.mkdir()
    for suffix in ("", "-wal", "-shm"):
        source = desk.vault.path.with_name(desk.vault.path.name + suffix)
        if source.exists():
            shutil.copy(source, copy / source.name)
    keys = [k for k in candidate_keys(all_talentdesk_secrets()) if len(k) == 32]
    opened = try_open_everything(copy / desk.vault.path.name, keys)
    assert opened  # the keys were tried, and open the ordinary records
    assert not any(alias.encode() in p or handle.encode() in p for p in opened)
    desk.vault.close()
    doctor = subprocess.run(
        [sys.executable, "-m", "talentdesk", "doctor", "--data-dir", str(desk.data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert "All checks passed." in doctor.stdout


# --------------------------------------------------------------------------- point 3


def test_a_slow_agency_is_cut_off_at_the_deadline_and_said_so(
    hostile: Agency, make_desk: MakeDesk
) -> None:
    desk = make_desk(client_timeout=0.5)  # a poll ends 1 s (its wait) + 0.5 s after it began

    def slow(seen: Seen) -> Drip:
        # An empty page padded to 200 bytes, one byte every 0.1 s: 20 s if let run.
        body = page([], int(seen.query["after"]))
        return Drip(body + b" " * (200 - len(body)), every=0.1)

    hostile.fake.answer(FEED, Custom(slow), times=1, token=desk.token)
    since = time.monotonic()
    wait_for(lambda: bool(feed_polls(hostile, desk, since)), "the slow poll")
    asked = feed_polls(hostile, desk, since)[0].at
    desk.said(said_reason("slow"), "the agency is answering very slowly", timeout=5)
    seen = desk.statuses.any(said_reason("slow"))
    assert seen is not None and seen.phase is SyncPhase.RETRYING
    said_at = next(t for t, s in desk.statuses.seen if s.reason == "slow")
    assert said_at - asked < 1.5 + 1.0  # the deadline, not the 20 s the agency would take
    recovers(hostile, desk)


def test_an_urgent_escalation_never_waits_behind_a_slow_write(
    hostile: Agency, make_desk: MakeDesk
) -> None:
    desk = make_desk(client_timeout=3.0)
    booking_id = book(hostile, desk, "Teratai")
    # The agency takes 10 s over a booking answer (cut off at 3 s, then again).
    hostile.fake.answer("/v1/bookings/", Drip(b" " * 100 + b"{}", every=0.1), token=desk.token)
    slow = answer(desk, booking_id, accept=True)
    wait_for(lambda: bool(hostile.fake.requests("/v1/bookings/", desk.token)), "the slow write")

    raised = time.monotonic()
    with desk.vault.transaction():
        escalation = desk.sync.outbox.enqueue(
            RaiseEscalation(body=wire.EscalationRequest(level="urgent", at=datetime.now(UTC))),
            ref="help-1",
        )
    delivered(desk, escalation)
    assert time.monotonic() - raised < 2.0
    assert item_state(desk, slow) is OutboxState.QUEUED  # still held up meanwhile
    recovers(hostile, desk)
    delivered(desk, slow)


# --------------------------------------------------------------------------- point 4


def test_polls_answered_at_once_are_spaced_and_back_off(
    hostile: Agency, make_desk: MakeDesk
) -> None:
    desk = make_desk()
    hostile.fake.answer(FEED, Custom(empty_page_for), token=desk.token)
    since = time.monotonic()
    wait_for(lambda: len(feed_polls(hostile, desk, since)) >= 7, "seven polls")
    polls = feed_polls(hostile, desk, since)[:7]
    gaps = [b.at - a.at for a, b in itertools.pairwise(polls)]
    # Not 400-700 a second: a floor, doubling while nothing new comes, up to a cap.
    assert min(gaps) >= 0.04, gaps
    assert gaps[-1] >= 0.3, gaps
    assert sum(gaps) >= 1.0, gaps
    # A page with news ends the wait as usual: a booking comes within a poll or two.
    recovers(hostile, desk)


def news_at_once(seen: Seen) -> Answer:
    """A page with one new event at once, for every poll (pushes one after the other)."""
    after = int(seen.query.get("after", "0"))
    return Reply(200, page([event(after + 1, b"{}", kind="agency.news")], after + 1))


def test_polls_that_bring_news_at_once_wait_only_the_short_floor(
    hostile: Agency, make_desk: MakeDesk
) -> None:
    # A push ends a parked poll: the next push must not wait a whole poll_floor (that
    # held bench.push_latency at 1 s), yet a server that answers every poll with a page
    # at once is still not asked hundreds of times a second.
    desk = make_desk(pacing=msgspec.structs.replace(FAST, poll_floor=2.0, news_floor=0.2))
    hostile.fake.answer(FEED, Custom(news_at_once), token=desk.token)
    since = time.monotonic()
    wait_for(lambda: len(feed_polls(hostile, desk, since)) >= 6, "six polls")
    polls = feed_polls(hostile, desk, since)[:6]
    gaps = [b.at - a.at for a, b in itertools.pairwise(polls)]
    assert min(gaps) >= 0.15, gaps
    assert max(gaps) < 2.0, gaps
    # (No recovers(): these made-up events moved the cursor past the real agency's.)


# --------------------------------------------------------------------------- points 5 and 6


def test_request_in_progress_honours_retry_after_then_gives_up_clearly(
    hostile: Agency, make_desk: MakeDesk
) -> None:
    desk = make_desk()
    booking_id = book(hostile, desk, "Kemuning")
    busy = problem(409, wire.ProblemType.REQUEST_IN_PROGRESS, "Still working on it.")
    hostile.fake.answer(
        "/v1/bookings/", Reply(409, busy, headers=[("Retry-After", "1")]), token=desk.token
    )
    item = answer(desk, booking_id, accept=True)
    desk.said(lambda s: s.outbox_reason == "in_progress", "the agency is still handling it")
    wait_for(lambda: item_state(desk, item) is OutboxState.FAILED, "given up", timeout=10)

    tries = hostile.fake.requests("/v1/bookings/", desk.token)
    gaps = [b.at - a.at for a, b in itertools.pairwise(tries)]
    assert gaps and min(gaps) >= 0.95, gaps  # Retry-After: 1, not every 0.5 s
    assert len(tries) <= 4  # 2.5 s of "in progress" at FAST pacing, then given up
    failed = desk.sync.outbox.get(item.id)
    assert failed is not None and failed.last_error == "Still working on it."
    wait_for(lambda: desk.sync.status.outbox_failed == 1, "the refusal counted")
    recovers(hostile, desk)
    again = book(hostile, desk, "Kemuning lagi")
    delivered(desk, answer(desk, again, accept=True))


def test_a_2xx_without_the_contracts_answer_is_not_delivered(
    hostile: Agency, make_desk: MakeDesk
) -> None:
    desk = make_desk()
    before = len(hostile.store.escalations())
    # The agency takes the escalation, but answers 201 with a body of another shape.
    hostile.fake.answer(
        "/v1/escalations", Rewrite(lambda _body: b'{"ok": true}'), times=2, token=desk.token
    )
    with desk.vault.transaction():
        item = desk.sync.outbox.enqueue(
            RaiseEscalation(body=wire.EscalationRequest(level="urgent", at=datetime.now(UTC))),
            ref="help-2",
        )
    desk.said(lambda s: s.outbox_reason == "malformed", "the answer could not be read")
    wait_for(lambda: len(hostile.fake.requests("/v1/escalations", desk.token)) >= 2, "two tries")
    # Then the agency answers as the contract says: the same key gets the first answer.
    delivered(desk, item)
    done = desk.sync.outbox.get(item.id)
    assert done is not None and done.remote_id is not None and done.attempts >= 2
    rows = hostile.store.escalations()
    assert len(rows) == before + 1  # one escalation at the agency, whatever was retried
    assert done.remote_id in {row.id for row in rows}
    recovers(hostile, desk)


# --------------------------------------------------------------------------- point 7


def test_a_gzip_bomb_stops_at_the_cap(hostile: Agency, make_desk: MakeDesk) -> None:
    desk = make_desk()
    bomb = Reply(200, gzip_bomb(), headers=[("Content-Encoding", "gzip")])
    hostile.fake.answer(FEED, bomb, times=2, token=desk.token)
    since = time.monotonic()
    wait_for(lambda: len(feed_polls(hostile, desk, since)) >= 3, "two bombs and a good poll")
    desk.said(said_reason("malformed"), "the answer could not be read")
    recovers(hostile, desk)


# --------------------------------------------------------------------------- points 8 and 9


#: Each refusal of the feed request, and what the desk does (the contract's "Feed errors").
REFUSALS = [
    (403, SyncPhase.RETRYING, "forbidden", 30),  # retried slowly (FAST: 30 s, really 5 min)
    (404, SyncPhase.RETRYING, "moved", 60),  # retried slowly (FAST: 60 s, really 15 min)
    (410, SyncPhase.RETRYING, "moved", 60),
    (308, SyncPhase.RETRYING, "moved", 60),  # a redirect: never followed, like a move
    (400, SyncPhase.REFUSED, "refused", None),  # not repeated as it is
    (401, SyncPhase.UNAUTHORIZED, "unauthorized", None),  # stop: pair again
    (401, SyncPhase.UNAUTHORIZED, "revoked", None),  # an admin revoked the device: the same
]


def test_feed_refusals_are_handled_as_the_contract_says(
    hostile: Agency, make_desk: MakeDesk
) -> None:
    desk = make_desk()
    for status, phase, reason, retry_in in REFUSALS:
        hostile.fake.behave()
        headers = [("Location", "http://elsewhere.example/v1/feed")] if status < 400 else []
        kind = wire.ProblemType.TOKEN_REVOKED if reason == "revoked" else "urn:x:refused"
        body = problem(status, kind) if status >= 400 else b""
        hostile.fake.answer(FEED, Reply(status, body, headers=headers), token=desk.token)
        since = time.monotonic()
        desk.sync.retry_now()  # out of the previous refusal's wait
        desk.said(_is(phase, reason), f"{status}", since=since)
        shown = desk.sync.status
        if retry_in is None:
            assert shown.retry_at is None, status
        else:
            left = shown.retry_in(time.monotonic())
            assert left is not None and retry_in - 2 <= left <= retry_in, status
        assert shown.http_status == status
        assert shown.can_retry_now is (status != 401)  # pairing again is the fix
        # Not retried soon (a normal retry here would come within some 50 ms)...
        tried = len(feed_polls(hostile, desk))
        time.sleep(0.3)
        assert len(feed_polls(hostile, desk)) == tried, status
        # ...until the talent presses "retry now" (and the agency answers the same).
        pressed = time.monotonic()
        desk.sync.retry_now()
        wait_for(lambda: len(feed_polls(hostile, desk)) == tried + 1, f"{status}: retry now")  # noqa: B023
        desk.said(_is(phase, reason), f"{status} again", since=pressed)
    recovers(hostile, desk)


def _is(phase: SyncPhase, reason: str) -> Callable[[SyncStatus], bool]:
    return lambda status: status.phase is phase and status.reason == reason


def test_a_retry_after_of_31_years_is_capped_explained_and_skippable(
    hostile: Agency, make_desk: MakeDesk
) -> None:
    desk = make_desk()
    unavailable = problem(503, "urn:talentdesk:problem:unavailable")
    hostile.fake.answer(
        FEED,
        Reply(503, unavailable, headers=[("Retry-After", "1000000000")]),
        times=1,
        token=desk.token,
    )
    desk.said(lambda s: s.asked_wait == 1_000_000_000, "the agency asked for 31 years")
    shown = desk.sync.status
    assert shown.phase is SyncPhase.RETRYING and shown.reason == "server_error"
    wait = shown.retry_in(time.monotonic())
    assert wait is not None and MAX_RETRY_AFTER_SECONDS - 2 <= wait <= MAX_RETRY_AFTER_SECONDS
    assert shown.can_retry_now
    tried = len(feed_polls(hostile, desk))
    desk.sync.retry_now()
    wait_for(lambda: len(feed_polls(hostile, desk)) > tried, "a poll at once")
    recovers(hostile, desk)
