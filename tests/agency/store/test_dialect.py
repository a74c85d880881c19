"""What differs between the backends stays invisible to callers, or is stated."""

from __future__ import annotations

from datetime import UTC, datetime

from talentdesk_agency import AgencyStore
from talentdesk_agency.store import DbTarget, is_postgres_url
from talentdesk_agency.store.dialect import notice_payloads
from talentdesk_agency.store.engine import Notice
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


def test_notice_payloads_keep_a_topic_s_newest_number_and_an_unordered_change_after_it() -> None:
    notices = [
        Notice("talent:sari", 7),
        Notice("talent:sari", 9),
        Notice("escalations", 0, in_commit=False),
        Notice("talent:sari"),
        Notice("talent:dewi"),
    ]
    assert notice_payloads(notices) == [
        "talent:sari 9",
        "escalations 0",
        "talent:dewi 0",
        "talent:sari 0",  # after the ordered one: listeners end up forgetting the topic
    ]
