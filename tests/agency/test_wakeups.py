"""Wake-ups: a change wakes only its topic's waiters, in this process and from others."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from talentdesk_agency import AgencyStore, ServerThread
from talentdesk_agency.store import DbTarget
from talentdesk_agency.store.feed import ESCALATIONS_TOPIC, talent_topic
from talentdesk_agency.wakeups import WakeupHub
from talentdesk_contract import wire
from talentdesk_contract.wire import ProblemType
from tests.agency.console.conftest import SUPERVISOR, add_staff, queue_updates, sign_in
from tests.reference_agency import Paired, PostgresServer, pair, query, run_cli, soon

TALENTS = 12
ESCALATION = {"level": "urgent", "at": "2025-05-01T21:05:00+07:00"}


def runtime_state(url: str) -> dict[str, Any]:
    """What a test-mode server says of its wake-ups (``/test/runtime``)."""
    response = httpx.get(f"{url}/test/runtime", timeout=10)
    assert response.status_code == 200, response.text
    state: dict[str, Any] = response.json()
    return state


def wait_for(check: Any, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


# --- the hub itself ---------------------------------------------------------------------


def test_a_notice_wakes_only_its_topic_and_once_per_sequence_number() -> None:
    async def scenario() -> None:
        hub = WakeupHub()
        sari, dewi = hub.token("talent:sari"), hub.token("talent:dewi")
        waits = [asyncio.create_task(hub.wait(t, 5)) for t in (sari, sari, dewi)]
        await asyncio.sleep(0.01)
        assert hub.waiting == 3
        hub.notify("talent:sari", 7)
        assert await waits[0] and await waits[1]
        assert not waits[2].done()
        assert hub.woken == {"talent:sari": 2}
        # The same commit heard twice (its commit listener and LISTEN) wakes no one.
        again = hub.token("talent:sari")
        hub.notify("talent:sari", 7)
        hub.notify("talent:sari", 5)
        assert not again.event.is_set()
        hub.notify("talent:sari", 8)
        assert again.event.is_set()
        # A catch-up wakes everyone; closing releases later waits at once.
        hub.wake_all()
        assert await waits[2]
        hub.close()
        assert await hub.wait(hub.token("talent:dewi"), 5)

    asyncio.run(scenario())


def test_a_wait_times_out_without_news() -> None:
    async def scenario() -> None:
        hub = WakeupHub()
        started = time.monotonic()
        assert not await hub.wait(hub.token("escalations"), 0.1)
        assert 0.09 <= time.monotonic() - started < 1
        assert hub.waiting == 0

    asyncio.run(scenario())


def test_the_hub_knows_a_feed_only_while_it_hears_every_change() -> None:
    async def scenario() -> None:
        hub = WakeupHub()
        topic = "talent:sari"
        # Not hearing yet (no listener): it knows nothing, and learns nothing.
        hub.learn(hub.token(topic), 4)
        hub.notify(topic, 4)
        assert hub.newest(topic) is None
        hub.start_hearing()
        assert hub.newest(topic) is None  # what it heard before may have gaps
        # A read that found nothing past 4, with no notice meanwhile: known.
        hub.learn(hub.token(topic), 4)
        assert hub.newest(topic) == 4
        # Notices move it on; one heard twice, or an older one, does not.
        hub.notify(topic, 9)
        hub.notify(topic, 6)
        assert hub.newest(topic) == 9
        # A read overtaken by a notice (taken before it, answered after) teaches nothing.
        token = hub.token(topic)
        hub.notify(topic, 12)
        hub.learn(token, 9)
        assert hub.newest(topic) == 12
        # An unordered notice (a revoked device) forgets the topic, and only it.
        hub.notify("talent:dewi", 3)
        hub.notify(topic)
        assert (hub.newest(topic), hub.newest("talent:dewi")) == (None, 3)
        # A read taken before a catch-up teaches nothing; the catch-up forgets all.
        token = hub.token(topic)
        hub.wake_all()
        hub.learn(token, 12)
        assert (hub.newest(topic), hub.newest("talent:dewi")) == (None, None)
        # Losing the listener forgets all, and nothing is learnt until it hears again.
        hub.learn(hub.token(topic), 12)
        assert hub.newest(topic) == 12
        token = hub.token(topic)
        hub.stop_hearing()
        hub.learn(token, 12)
        assert hub.newest(topic) is None
        hub.start_hearing()
        assert token.event.is_set()  # its waiters re-read
        assert hub.newest(topic) is None

    asyncio.run(scenario())


def test_a_catch_up_wakes_only_the_topics_that_changed_unheard() -> None:
    async def scenario() -> None:
        hub = WakeupHub()
        hub.start_hearing()
        topics = [f"talent:{name}" for name in ("sari", "dewi", "ayu", "rina", "maya")]
        sari, dewi, ayu, rina, maya = topics
        for topic in topics[:4]:
            hub.learn(hub.token(topic), 10)  # read, nothing past 10: known
        tokens = {topic: hub.token(topic) for topic in [*topics, ESCALATIONS_TOPIC]}
        hub.stop_hearing()
        assert hub.newest(sari) is None
        # Unheard: Dewi's feed grew, a device of Ayu's was revoked; Rina's grew by a
        # commit of this process (its notice still comes, but what else came is unheard).
        hub.notify(rina, 11)
        checked = hub.topics_to_check()
        assert set(checked) == {*topics, ESCALATIONS_TOPIC}
        hub.resume_hearing(checked, {sari: 10, dewi: 12, ayu: 10, rina: 11}, [ayu])
        woken = {topic for topic, token in tokens.items() if token.event.is_set()}
        # Sari's stays parked and known; Maya's was not known before; the escalations
        # topic is never known.
        assert woken == {dewi, ayu, rina, maya, ESCALATIONS_TOPIC}
        assert (hub.newest(sari), hub.newest(dewi), hub.newest(maya)) == (10, None, None)
        # Heard again: notices move it on.
        hub.notify(sari, 13)
        assert tokens[sari].event.is_set() and hub.newest(sari) == 13

    asyncio.run(scenario())


def test_a_topic_a_catch_up_did_not_look_at_is_woken() -> None:
    async def scenario() -> None:
        hub = WakeupHub()
        hub.start_hearing()
        hub.learn(hub.token("talent:sari"), 10)
        hub.stop_hearing()
        checked = hub.topics_to_check()  # before a poll of Dewi's parked
        dewi = hub.token("talent:dewi")
        sari = hub.token("talent:sari")
        hub.resume_hearing([], {}, [])  # nothing looked at: nothing known for sure
        assert sari.event.is_set() and dewi.event.is_set()
        assert hub.newest("talent:sari") is None
        hub.stop_hearing()
        hub.resume_hearing(checked, {}, [])  # stop_hearing again forgot nothing new
        assert hub.newest("talent:sari") is None

    asyncio.run(scenario())


# --- through a real server ------------------------------------------------------------


@pytest.fixture
def crowd(agency: ServerThread, agency_db: DbTarget) -> Iterator[list[Paired]]:
    talents = [pair(agency.url, agency_db, f"Talent {n}") for n in range(TALENTS)]
    yield talents
    for talent in talents:
        talent.client.close()


def test_a_push_wakes_only_its_recipient(agency: ServerThread, crowd: list[Paired]) -> None:
    cursors = [talent.feed().cursor for talent in crowd]
    recipient = crowd[5]
    with ThreadPoolExecutor(TALENTS) as pool:
        polls = [pool.submit(t.feed, c, 20) for t, c in zip(crowd, cursors, strict=True)]
        wait_for(lambda: runtime_state(agency.url)["waiting"] == TALENTS)
        before = runtime_state(agency.url)["woken"]
        # Booked by a staff command: another process, another connection.
        result = run_cli(
            recipient.db,
            "book",
            "--talent",
            recipient.talent,
            "--start",
            soon().isoformat(),
            "--package",
            "curhat-30",
            "--alias",
            "Contoh",
            "--handle",
            "@contoh",
        )
        assert result.returncode == 0, result.stderr
        page = polls[5].result(timeout=10)
        assert [e.type for e in page.events] == ["booking.created"]
        wait_for(lambda: runtime_state(agency.url)["waiting"] == TALENTS - 1)
        time.sleep(0.3)  # were anyone else woken, they would have read and parked again
        state = runtime_state(agency.url)
        assert not any(poll.done() for n, poll in enumerate(polls) if n != 5)
        woken = {
            topic: count - before.get(topic, 0)
            for topic, count in state["woken"].items()
            if count != before.get(topic, 0)
        }
        assert woken == {talent_topic(recipient.talent_id): 1}
        # Release the others with one configuration change, told to every talent.
        with AgencyStore(recipient.db) as store:
            store.set_config(store.config())
        pages = [poll.result(timeout=10) for n, poll in enumerate(polls) if n != 5]
    assert all([e.type for e in p.events] == ["config.updated"] for p in pages)


def test_an_escalation_wakes_the_supervisors_stream_not_the_talents(
    agency: ServerThread, agency_db: DbTarget, crowd: list[Paired]
) -> None:
    talent = crowd[0]
    add_staff(agency_db)
    with (
        ThreadPoolExecutor(1) as pool,
        contextlib.closing(sign_in(agency.url, SUPERVISOR)) as console,
        console.stream("GET", "/console/events") as stream,
    ):
        updates = queue_updates(stream.iter_lines())
        assert next(updates)["unacknowledged"] == []
        poll = pool.submit(talent.feed, talent.feed().cursor, 3)
        wait_for(lambda: runtime_state(agency.url)["waiting"] >= 2)
        before = runtime_state(agency.url)["woken"]
        sent = time.monotonic()
        created = talent.write("POST", "/v1/escalations", ESCALATION)
        assert created.status_code == 201, created.text
        escalation_id = created.json()["id"]
        shown = next(u for u in updates if u["unacknowledged"])
        assert time.monotonic() - sent < 1.0
        assert shown["unacknowledged"] == [escalation_id]
        assert f'id="row-{escalation_id}"' in shown["rows"]
        assert poll.result(timeout=10).events == ()  # the talent's poll just timed out
    woken = runtime_state(agency.url)["woken"]
    topic = talent_topic(talent.talent_id)
    assert woken.get(topic, 0) == before.get(topic, 0)
    assert woken[ESCALATIONS_TOPIC] > before.get(ESCALATIONS_TOPIC, 0)


def test_a_listener_that_reconnects_catches_up(postgres_server: PostgresServer) -> None:
    # LISTEN/NOTIFY is PostgreSQL's: this test runs on it alone.
    agency_db = postgres_server.create()
    try:
        with ServerThread(agency_db, faults=True) as agency:
            sari = pair(agency.url, agency_db, "Sari")
            with sari.client:
                _cut_the_listener_and_book(agency, agency_db, sari)
    finally:
        postgres_server.drop(agency_db)


def _cut_the_listener_and_book(agency: ServerThread, agency_db: str, sari: Paired) -> None:
    cursor = sari.feed().cursor
    with ThreadPoolExecutor(1) as pool:
        poll = pool.submit(sari.feed, cursor, 20)
        wait_for(lambda: runtime_state(agency.url)["waiting"] == 1)
        with AgencyStore(agency_db) as store:
            # Cut the listener's connection, and book while it is away.
            [(cut,)] = query(
                agency_db,
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() "
                "AND application_name = 'talentdesk-agency listener'",
            )
            assert cut is True
            booking_id = store.create_booking(
                "Sari", start=soon(), package_id="curhat-30", alias="Contoh", handle="@c"
            )
        page = poll.result(timeout=10)
    [event] = page.events
    data = wire.decode_event_data(event)
    assert isinstance(data, wire.BookingData) and data.booking.id == booking_id
    wait_for(lambda: runtime_state(agency.url)["listener_connections"] == 2)


def test_after_a_listener_was_away_only_the_polls_of_changed_feeds_wake(
    postgres_server: PostgresServer,
) -> None:
    # LISTEN/NOTIFY is PostgreSQL's: this test runs on it alone.
    agency_db = postgres_server.create()
    try:
        with ServerThread(agency_db, faults=True) as agency:
            talents = [pair(agency.url, agency_db, name) for name in ("Sari", "Dewi", "Ayu")]
            try:
                _away_while_sari_is_booked_and_dewi_revoked(
                    postgres_server, agency, agency_db, *talents
                )
            finally:
                for talent in talents:
                    talent.client.close()
    finally:
        postgres_server.allow_connections(agency_db, True)
        postgres_server.drop(agency_db)


def _away_while_sari_is_booked_and_dewi_revoked(
    postgres_server: PostgresServer,
    agency: ServerThread,
    agency_db: str,
    sari: Paired,
    dewi: Paired,
    ayu: Paired,
) -> None:
    cursors = [renewing(agency, talent) for talent in (sari, dewi, ayu)]
    topics = [talent_topic(t.talent_id) for t in (sari, dewi, ayu)]
    params = {"after": cursors[1], "wait": 20}
    with ThreadPoolExecutor(3) as pool, AgencyStore(agency_db) as store:
        [dewis_device] = [d for d in store.devices.devices() if d.talent_id == dewi.talent_id]
        sari_poll = pool.submit(sari.feed, cursors[0], 20)
        dewi_poll = pool.submit(dewi.client.get, "/v1/feed", params=params, timeout=30)
        ayu_poll = pool.submit(ayu.feed, cursors[2], 20)
        wait_for(lambda: runtime_state(agency.url)["waiting"] == 3)
        before = runtime_state(agency.url)["woken"]
        # The listener away for sure: it cannot come back until connections are allowed.
        postgres_server.allow_connections(agency_db, False)
        with store.db.read() as tx:  # the store's connection was open already
            [(cut,)] = tx.all(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() "
                "AND application_name = 'talentdesk-agency listener'"
            )
        assert cut is True
        booking_id = store.create_booking(
            "Sari", start=soon(), package_id="curhat-30", alias="Contoh", handle="@c"
        )
        store.devices.revoke(dewis_device.id)
        assert runtime_state(agency.url)["listener_connections"] == 1  # still away
        postgres_server.allow_connections(agency_db, True)
        page = sari_poll.result(timeout=15)
        refused = dewi_poll.result(timeout=15)
        state = runtime_state(agency.url)
        assert booked(page) == [booking_id]
        assert refused.status_code == 401, refused.text
        # Ayu's feed did not change: her poll stayed parked through the catch-up ...
        assert state["woken"].get(topics[2], 0) == before.get(topics[2], 0)
        assert not ayu_poll.done()
        assert state["listener_connections"] == 2 and state["listener_catch_ups"] == 1
        # ... and still hears her next event.
        booking_of_ayu = book(agency_db, "Ayu")
        assert booked(ayu_poll.result(timeout=10)) == [booking_of_ayu]


# --- renewals served from memory ------------------------------------------------------


def feed_polls(url: str) -> Counter[str]:
    """How many long-polls of a test-mode server read the feed or parked from memory."""
    return Counter(runtime_state(url)["feed_polls"])


def renewing(agency: ServerThread, talent: Paired) -> int:
    """Poll until the server knows the talent's feed (a poll is served from memory);
    returns the cursor."""
    cursor = talent.feed().cursor
    for _ in range(3):
        before = feed_polls(agency.url)
        assert talent.feed(cursor).events == ()
        if feed_polls(agency.url)["from memory"] > before["from memory"]:
            return cursor
    raise AssertionError("no renewal was served from memory")


def book(db: DbTarget, talent: str = "Sari") -> str:
    """Book for ``talent`` from this test's process: another process than the server."""
    with AgencyStore(db) as store:
        return store.create_booking(
            talent, start=soon(), package_id="curhat-30", alias="Contoh", handle="@c"
        )


def booked(page: wire.FeedPage) -> list[str]:
    out = []
    for event in page.events:
        data = wire.decode_event_data(event)
        assert isinstance(data, wire.BookingData)
        out.append(data.booking.id)
    return out


def test_a_renewal_parks_without_reading_and_hears_the_next_event(
    agency: ServerThread, agency_db: DbTarget, sari: Paired
) -> None:
    cursor = renewing(agency, sari)
    before = feed_polls(agency.url)
    with ThreadPoolExecutor(1) as pool:
        poll = pool.submit(sari.feed, cursor, 20)
        wait_for(lambda: runtime_state(agency.url)["waiting"] == 1)
        parked = feed_polls(agency.url)
        assert parked["read"] == before["read"]
        assert parked["from memory"] == before["from memory"] + 1
        booking_id = book(agency_db)
        page = poll.result(timeout=10)
    assert booked(page) == [booking_id]


def test_an_event_committed_between_polls_is_not_missed(
    agency: ServerThread, agency_db: DbTarget, sari: Paired
) -> None:
    cursor = renewing(agency, sari)
    booking_id = book(agency_db)  # while no poll of Sari's is open
    started = time.monotonic()
    page = sari.feed(cursor, 20)
    assert booked(page) == [booking_id]
    assert time.monotonic() - started < 5


def test_a_revoked_device_parked_or_renewing_hears_so_within_seconds(
    agency: ServerThread, agency_db: DbTarget, sari: Paired
) -> None:
    cursor = renewing(agency, sari)
    params = {"after": cursor, "wait": 20}
    with ThreadPoolExecutor(1) as pool:
        poll = pool.submit(sari.client.get, "/v1/feed", params=params, timeout=30)
        wait_for(lambda: runtime_state(agency.url)["waiting"] == 1)
        with AgencyStore(agency_db) as store:  # the console or a staff command
            [device] = store.devices.devices()
            store.devices.revoke(device.id)
        revoked_at = time.monotonic()
        parked = poll.result(timeout=10)
    assert time.monotonic() - revoked_at < 5
    renewed = sari.client.get("/v1/feed", params=params, timeout=30)
    for response in (parked, renewed):
        assert response.status_code == 401, response.text
        assert wire.decode(response.content, wire.Problem).type == ProblemType.TOKEN_REVOKED
    assert time.monotonic() - revoked_at < 5


def test_devices_served_from_memory_are_noted_as_seen(agency_db: DbTarget) -> None:
    long_ago = "2020-01-01T00:00:00.000000Z"
    with ServerThread(agency_db, faults=True) as agency:
        sari = pair(agency.url, agency_db, "Sari")
        with sari.client:
            cursor = renewing(agency, sari)
            with AgencyStore(agency_db) as store, store.db.write() as tx:
                tx.execute("UPDATE tokens SET last_seen_at = ?", (long_ago,))
            before = feed_polls(agency.url)
            sari.feed(cursor)
            assert feed_polls(agency.url)["from memory"] == before["from memory"] + 1
    # Written in the server's last batch as it stopped.
    [(seen,)] = query(agency_db, "SELECT last_seen_at FROM tokens")
    assert seen > long_ago


def test_after_a_listener_reconnects_a_renewal_reads(postgres_server: PostgresServer) -> None:
    # LISTEN/NOTIFY is PostgreSQL's: this test runs on it alone.
    agency_db = postgres_server.create()
    try:
        with ServerThread(agency_db, faults=True) as agency:
            sari = pair(agency.url, agency_db, "Sari")
            with sari.client:
                cursor = renewing(agency, sari)
                [(cut,)] = query(
                    agency_db,
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() "
                    "AND application_name = 'talentdesk-agency listener'",
                )
                assert cut is True
                booking_id = book(agency_db)  # most likely unheard: the listener is away
                wait_for(lambda: runtime_state(agency.url)["listener_connections"] == 2)
                before = feed_polls(agency.url)
                page = sari.feed(cursor, 20)
                assert booked(page) == [booking_id]
                polls = feed_polls(agency.url)
                assert polls["read"] == before["read"] + 1
                assert polls["from memory"] == before["from memory"]
    finally:
        postgres_server.drop(agency_db)
