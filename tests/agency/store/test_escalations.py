"""Supervisors: one of two taking the same escalation at once gets it, on both backends."""

from __future__ import annotations

from datetime import UTC, datetime

from talentdesk_agency import AgencyError, AgencyStore
from talentdesk_agency.store import DbTarget
from talentdesk_contract import wire
from talentdesk_contract.wire import EventType
from tests.reference_agency import at_once


def test_two_supervisors_taking_one_escalation_at_once(agency_db: DbTarget) -> None:
    with AgencyStore(agency_db) as setup:
        setup.create_pairing_code("Sari")
        talent_id = setup.talent_by_name("Sari").id
        _, body = setup.create_escalation(
            talent_id, wire.EscalationRequest(level="urgent", at=datetime.now(UTC))
        )
        escalation_id = wire.decode(body, wire.EscalationCreated).id

    def take(n: int) -> str:
        with AgencyStore(agency_db) as store:
            store.acknowledge_escalation(escalation_id, ["Bu Rina", "Pak Budi"][n])
            return "taken"

    results = at_once(2, take)
    assert results.count("taken") == 1
    [refused] = [r for r in results if isinstance(r, AgencyError)]
    assert "already acknowledged" in str(refused)
    with AgencyStore(agency_db) as store:
        kinds = [row.type for row in store.feed(talent_id, 0, 10)]
    assert kinds.count(EventType.ESCALATION_ACKNOWLEDGED) == 1
