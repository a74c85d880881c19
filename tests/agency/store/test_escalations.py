"""Supervisors, on both backends: one of two taking the same escalation at once gets it;
closing one needs a reason and a note; a new one's priority follows the alerting settings."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from talentdesk_agency import AgencyError, AgencyStore
from talentdesk_agency.store import DbTarget, StoredResponse
from talentdesk_agency.store.escalations import Supervisor
from talentdesk_agency.store.records import sha256
from talentdesk_agency.store.settings import DEFAULT_PRIORITIES, Alerting
from talentdesk_contract import wire
from talentdesk_contract.values import EscalationKind, EscalationPriority, ResolutionReason
from talentdesk_contract.wire import EventType
from tests.reference_agency import at_once, query


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


def test_resolving_needs_a_reason_and_a_note(agency_db: DbTarget) -> None:
    with AgencyStore(agency_db) as store:
        store.create_pairing_code("Sari")
        talent_id = store.talent_by_name("Sari").id
        _, body = store.create_escalation(
            talent_id, wire.EscalationRequest(level="urgent", at=datetime.now(UTC))
        )
        esc = wire.decode(body, wire.EscalationCreated).id
        _, body = store.create_debrief(talent_id, wire.DebriefRequest(at=datetime.now(UTC)))
        debrief = wire.decode(body, wire.Debrief).id
        log = store.escalation_log
        rina = Supervisor("Rina")
        for note in (None, "", "   \n"):
            with pytest.raises(AgencyError, match="needs a note"):
                log.supervise(esc, rina, note, resolve=True, reason=ResolutionReason.HANDLED)
            with pytest.raises(AgencyError, match="needs a note"):
                log.supervise_debrief(
                    debrief, rina, note, resolve=True, reason=ResolutionReason.HANDLED
                )
        with pytest.raises(AgencyError, match="needs a reason"):
            log.supervise(esc, rina, "talked to her", resolve=True)
        with pytest.raises(AgencyError, match="needs a reason"):
            log.supervise_debrief(debrief, rina, "talked to her", resolve=True)
        assert store.escalation(talent_id, esc).status == "open"
        assert [d.status for d in log.debriefs()] == ["open"]
        # Taking one needs neither.
        store.acknowledge_escalation(esc, "Rina")
        store.resolve_escalation(esc, "Rina", "talked to her", ResolutionReason.HANDLED)
        resolved = store.escalation(talent_id, esc)
        assert resolved.status == "resolved"
        assert [e.type for e in store.feed(talent_id, 0, 10)][-1] == EventType.ESCALATION_RESOLVED


def test_an_escalation_takes_its_kind_s_priority_from_the_alerting_settings(
    agency_db: DbTarget,
) -> None:
    def raised(store: AgencyStore, kind: EscalationKind) -> str:
        request = wire.EscalationRequest(level="urgent", at=datetime.now(UTC), kind=kind)
        status, body = store.create_escalation(talent_id, request)
        assert status == 201
        return store.escalation(talent_id, wire.decode(body, wire.EscalationCreated).id).priority

    with AgencyStore(agency_db) as store:
        store.create_pairing_code("Sari")
        talent_id = store.talent_by_name("Sari").id
        # Never set: the defaults.
        assert [raised(store, kind) for kind in EscalationKind] == [
            DEFAULT_PRIORITIES[kind] for kind in EscalationKind
        ]
        # The agency's own, where it says; the defaults elsewhere.
        store.settings.set_alerting(
            Alerting(priorities={EscalationKind.BUTTON: EscalationPriority.HIGH})
        )
        assert raised(store, EscalationKind.BUTTON) == EscalationPriority.HIGH
        assert raised(store, EscalationKind.LONE_WORKER) == EscalationPriority.URGENT
        store.settings.set_alerting(Alerting(priorities={}))
        assert (
            raised(store, EscalationKind.WELLBEING) == DEFAULT_PRIORITIES[EscalationKind.WELLBEING]
        )


def test_a_new_key_s_escalation_is_written_once_with_its_answer(agency_db: DbTarget) -> None:
    # On PostgreSQL in one statement (Escalations.create_fresh); the same on SQLite.
    request = wire.EscalationRequest(level="urgent", at=datetime.now(UTC), note="tolong")
    with AgencyStore(agency_db) as store:
        paired = store.pair(store.create_pairing_code("Sari"), "laptop")
        talent_id, token_hash = paired.talent.id, sha256(paired.token)

        def fresh(key: str) -> StoredResponse | None:
            return store.run_fresh_escalation(talent_id, key, "fp", "me", request, token_hash)

        answer = fresh("key-1")
        assert answer is not None and answer.status == 201
        created = wire.decode(answer.body, wire.EscalationCreated)
        escalation = store.escalation(talent_id, created.id)
        assert (escalation.note, escalation.priority) == ("tolong", EscalationPriority.URGENT)
        assert [m.what for m in store.timeline.of(created.id)] == ["raised"]
        begun = store.begin_request(talent_id, "key-1", "fp", "someone else")
        assert (begun.outcome, begun.stored) == ("replay", answer)
        # A known key, or a revoked device: nothing written, the careful way says why.
        assert (
            store.run_fresh_escalation(talent_id, "key-1", "fp", "me", request, token_hash) is None
        )
        [device] = store.devices.devices()
        store.devices.revoke(device.id)
        assert (
            store.run_fresh_escalation(talent_id, "key-2", "fp", "me", request, token_hash) is None
        )
    assert query(agency_db, "SELECT count(*) FROM escalations") == [(1,)]
    assert query(agency_db, "SELECT count(*) FROM timeline") == [(1,)]
    assert query(agency_db, "SELECT count(*) FROM idempotency") == [(1,)]
