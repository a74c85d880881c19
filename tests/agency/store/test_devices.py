"""Pairing: a code works once even when several devices try it at the same moment;
last-seen in batches; a revocation wakes its talent."""

from __future__ import annotations

from talentdesk_agency import AgencyStore, ApiError
from talentdesk_agency.store import DbTarget
from talentdesk_agency.store.engine import Notice
from talentdesk_agency.store.feed import talent_topic
from talentdesk_agency.store.records import iso, now_utc
from talentdesk_contract import wire
from tests.reference_agency import at_once, query


def test_one_code_tried_by_many_devices_at_once_pairs_one(agency_db: DbTarget) -> None:
    with AgencyStore(agency_db) as setup:
        code = setup.create_pairing_code("Sari")

    def pair(n: int) -> wire.PairingResponse:
        with AgencyStore(agency_db) as store:
            return store.pair(code, f"device {n}")

    results = at_once(6, pair)
    paired = [r for r in results if isinstance(r, wire.PairingResponse)]
    refused = [r for r in results if isinstance(r, ApiError)]
    assert len(paired) == 1 and len(refused) == 5
    assert {r.status for r in refused} == {410}
    assert query(agency_db, "SELECT count(*) FROM tokens") == [(1,)]


def test_a_talent_added_twice_at_once_is_one_talent(agency_db: DbTarget) -> None:
    def add(n: int) -> str:
        with AgencyStore(agency_db) as store:
            return store.create_pairing_code("Sari")

    assert all(isinstance(code, str) for code in at_once(4, add))
    with AgencyStore(agency_db) as store:
        [talent] = store.talents()
        assert [row.type for row in store.feed(talent.id, 0, 10)] == ["config.updated"]


def test_devices_are_noted_as_seen_in_a_batch_once_a_minute(agency_db: DbTarget) -> None:
    with AgencyStore(agency_db) as store:
        for name in ("Sari", "Dewi", "Ayu"):
            store.pair(store.create_pairing_code(name), "laptop")
        hashes = [h for (h,) in query(agency_db, "SELECT token_hash FROM tokens")]
        # Dewi's device was seen a moment ago, Ayu's never, Sari's long ago.
        recent = iso(now_utc())
        with store.db.write() as tx:
            tx.execute("UPDATE tokens SET last_seen_at = '2020-01-01T00:00:00.000000Z'")
            change = "UPDATE tokens SET last_seen_at = ? WHERE token_hash = ?"
            tx.execute(change, (recent, hashes[1]))
            tx.execute(change, (None, hashes[2]))
        store.devices.note_seen([*hashes, "not-a-token"])
    seen = dict(query(agency_db, "SELECT token_hash, last_seen_at FROM tokens"))
    assert seen[hashes[1]] == recent
    assert all(seen[h] > recent for h in (hashes[0], hashes[2]))


def test_revoking_a_device_wakes_its_talent_unordered(agency_db: DbTarget) -> None:
    with AgencyStore(agency_db) as store:
        store.pair(store.create_pairing_code("Sari"), "laptop")
        talent_id = store.talent_by_name("Sari").id
        heard: list[Notice] = []
        store.db.add_commit_listener(heard.extend)
        [device] = store.devices.devices()
        store.devices.revoke(device.id)
    assert heard == [Notice(talent_topic(talent_id), 0)]
