"""Feeds: exactly once and in order, with several writers at once, on both backends."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from talentdesk_agency import AgencyStore
from talentdesk_agency.store import DbTarget
from talentdesk_agency.store.feed import talent_topic
from talentdesk_agency.store.records import iso
from tests.reference_agency import at_once, query

TALENTS = ("Sari", "Dewi")


def test_a_reader_never_skips_an_event_of_concurrent_writers(agency_db: DbTarget) -> None:
    with AgencyStore(agency_db) as setup:
        for name in TALENTS:
            setup.create_pairing_code(name)
        ids = [setup.talent_by_name(name).id for name in TALENTS]
    seen: dict[str, list[int]] = {talent_id: [] for talent_id in ids}
    writers_done = threading.Event()

    def read() -> None:
        # As the app does: a cursor per talent, moved to the last event of each page.
        cursors = dict.fromkeys(ids, 0)
        with AgencyStore(agency_db) as store:
            while True:
                last_pass = writers_done.is_set()
                for talent_id, cursor in cursors.items():
                    rows = store.feed(talent_id, cursor, 500)
                    seen[talent_id].extend(row.seq for row in rows)
                    if rows:
                        cursors[talent_id] = rows[-1].seq
                if last_pass:
                    return

    def write(n: int) -> int:
        start = datetime.now(UTC) + timedelta(hours=1)
        with AgencyStore(agency_db) as store:
            for k in range(25):
                store.create_booking(
                    TALENTS[(n + k) % 2],
                    start=start,
                    package_id="curhat-30",
                    alias=f"Contoh {n}-{k}",
                    handle="@contoh",
                )
        return n

    reader = threading.Thread(target=read)
    reader.start()
    try:
        assert at_once(4, write) == [0, 1, 2, 3]
    finally:
        writers_done.set()
        reader.join(60)
    for talent_id in ids:
        stored = query(
            agency_db, "SELECT seq FROM events WHERE talent_id = ? ORDER BY seq", (talent_id,)
        )
        assert seen[talent_id] == [seq for (seq,) in stored]
    assert sum(len(seqs) for seqs in seen.values()) == 100 + len(TALENTS)


def test_a_catch_up_reads_the_newest_of_many_feeds_and_the_recent_revocations(
    agency_db: DbTarget,
) -> None:
    start = datetime.now(UTC) + timedelta(hours=1)
    with AgencyStore(agency_db) as store:
        for name in TALENTS:
            store.create_pairing_code(name)
            store.create_booking(
                name, start=start, package_id="curhat-30", alias="Contoh", handle="@contoh"
            )
        sari, dewi = (store.talent_by_name(name).id for name in TALENTS)
        store.pair(store.create_pairing_code("Dewi"), "HP Dewi")
        [device] = store.devices.devices()
        before_revoking = datetime.now(UTC) - timedelta(seconds=1)
        store.devices.revoke(device.id)
        newest = dict(query(agency_db, "SELECT talent_id, max(seq) FROM events GROUP BY talent_id"))
        # Past a query's chunk of talents, with topics that are no talent's feed among them.
        topics = [
            "escalations",
            *(talent_topic(f"tal_nobody{n:04d}") for n in range(1200)),
            talent_topic(dewi),
            talent_topic(sari),
        ]
        found, revoked = store.feed_log.catch_up(topics, iso(before_revoking))
        assert found == {talent_topic(t): int(newest[t]) for t in (sari, dewi)}
        assert revoked == [talent_topic(dewi)]
        assert store.feed_log.catch_up([], iso(datetime.now(UTC) + timedelta(minutes=1))) == (
            {},
            [],
        )
