"""One key, one effect: requests racing with the same key, on both backends."""

from __future__ import annotations

from datetime import UTC, datetime

from talentdesk_agency import AgencyStore
from talentdesk_agency.store import BeginResult, DbTarget
from talentdesk_contract import wire
from tests.reference_agency import at_once


def test_racing_requests_with_one_key_have_one_effect(agency_db: DbTarget) -> None:
    with AgencyStore(agency_db) as setup:
        setup.create_pairing_code("Sari")
        talent_id = setup.talent_by_name("Sari").id
    request = wire.EscalationRequest(level="urgent", at=datetime.now(UTC))

    def send(n: int) -> BeginResult:
        # Each its own connection, as requests on several threads or workers are.
        with AgencyStore(agency_db) as store:
            begun = store.begin_request(talent_id, "outbox-1", "fp", "server-1")
            if begun.outcome == "new":
                store.run_write(
                    talent_id, "outbox-1", lambda: store.create_escalation(talent_id, request)
                )
            return begun

    outcomes = [r.outcome if isinstance(r, BeginResult) else r for r in at_once(8, send)]
    assert outcomes.count("new") == 1
    assert set(outcomes) <= {"new", "in_progress", "replay"}
    with AgencyStore(agency_db) as store:
        assert len(store.escalations()) == 1
        again = store.begin_request(talent_id, "outbox-1", "fp", "server-1")
        assert again.outcome == "replay" and again.stored is not None
        assert store.begin_request(talent_id, "outbox-1", "other", "server-1").outcome == (
            "mismatch"
        )
