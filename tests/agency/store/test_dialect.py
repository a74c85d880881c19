"""What differs between the backends stays invisible to callers, or is stated."""

from __future__ import annotations

from datetime import UTC, datetime

from talentdesk_agency import AgencyStore
from talentdesk_agency.store import DbTarget, is_postgres_url
from talentdesk_contract import wire


def test_free_text_with_a_nul_is_stored_on_both_backends(agency_db: DbTarget) -> None:
    note = "before\x00after"  # JSON allows "\u0000"; PostgreSQL text cannot hold it
    with AgencyStore(agency_db) as store:
        store.create_pairing_code("Sari")
        talent_id = store.talent_by_name("Sari").id
        request = wire.EscalationRequest(level="urgent", at=datetime.now(UTC), note=note)
        status, body = store.create_escalation(talent_id, request)
        assert status == 201
        stored = store.escalation(talent_id, wire.decode(body, wire.EscalationCreated).id)
    expected = "before\ufffdafter" if is_postgres_url(agency_db) else note
    assert stored.note == expected
