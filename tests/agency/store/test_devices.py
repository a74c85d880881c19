"""Pairing: a code works once even when several devices try it at the same moment."""

from __future__ import annotations

from talentdesk_agency import AgencyStore, ApiError
from talentdesk_agency.store import DbTarget
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
