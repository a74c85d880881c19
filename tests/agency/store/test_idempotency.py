"""One key, one effect: requests racing with the same key, on both backends."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from talentdesk_agency import AgencyStore
from talentdesk_agency.problems import ApiError
from talentdesk_agency.store import BeginResult, DbTarget
from talentdesk_agency.store.records import sha256
from talentdesk_contract import wire
from talentdesk_contract.wire import ProblemType
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


def test_racing_requests_run_in_one_transaction_have_one_effect(agency_db: DbTarget) -> None:
    with AgencyStore(agency_db) as setup:
        setup.create_pairing_code("Sari")
        talent_id = setup.talent_by_name("Sari").id
    request = wire.EscalationRequest(level="urgent", at=datetime.now(UTC))

    def send(n: int) -> tuple[str, bytes | None]:
        with AgencyStore(agency_db) as store:
            begun, done = store.begin_and_run(
                talent_id,
                "outbox-2",
                "fp",
                f"server-{n}/request",
                lambda: store.create_escalation(talent_id, request),
            )
            stored = done or begun.stored
            return begun.outcome, None if stored is None else stored.body

    results = at_once(8, send)
    assert all(isinstance(r, tuple) for r in results), results
    outcomes = [r[0] for r in results if isinstance(r, tuple)]
    # The others waited for the first transaction and got its answer (or, where the
    # owner is another live process's, 409): never a second escalation.
    assert outcomes.count("new") == 1
    assert set(outcomes) <= {"new", "replay", "in_progress"}
    bodies = {r[1] for r in results if isinstance(r, tuple) and r[1] is not None}
    assert len(bodies) == 1
    with AgencyStore(agency_db) as store:
        assert len(store.escalations()) == 1


def test_a_write_taken_over_by_another_process_cannot_commit(agency_db: DbTarget) -> None:
    with AgencyStore(agency_db) as store:
        store.create_pairing_code("Sari")
        talent_id = store.talent_by_name("Sari").id
        request = wire.EscalationRequest(level="urgent", at=datetime.now(UTC))
        assert store.begin_request(talent_id, "k", "fp", "dead/1").outcome == "new"
        # "dead" holds no presence lock: another process takes the reservation over.
        assert store.begin_request(talent_id, "k", "fp", "alive/2").outcome == "new"
        with pytest.raises(ApiError) as refused:
            store.run_write(
                talent_id, "k", lambda: store.create_escalation(talent_id, request), "dead/1"
            )
        assert refused.value.status == 409
        store.release_request(talent_id, "k", "dead/1")  # not its reservation any more
        stored = store.run_write(
            talent_id, "k", lambda: store.create_escalation(talent_id, request), "alive/2"
        )
        assert stored.status == 201
        late = store.run_write(
            talent_id, "k", lambda: store.create_escalation(talent_id, request), "dead/1"
        )
        assert late == stored  # the answer, not a second escalation
        assert len(store.escalations()) == 1


def test_a_new_key_takes_the_short_way_and_anything_else_is_sent_the_careful_way(
    agency_db: DbTarget,
) -> None:
    with AgencyStore(agency_db) as store:
        code = store.create_pairing_code("Sari")
        paired = store.pair(code, "laptop")
        talent_id, token_hash = paired.talent.id, sha256(paired.token)
        request = wire.EscalationRequest(level="urgent", at=datetime.now(UTC))

        def escalate() -> tuple[int, bytes]:
            return store.create_escalation(talent_id, request)

        fresh = store.run_fresh_request(talent_id, "k1", "fp", "s/1", escalate, token_hash)
        assert fresh is not None and fresh.status == 201
        # A known key: nothing written, the caller replays by the careful way.
        assert store.run_fresh_request(talent_id, "k1", "fp", "s/2", escalate, token_hash) is None
        assert store.begin_request(talent_id, "k1", "fp", "s/3").stored == fresh

        def refused() -> tuple[int, bytes]:
            store.create_escalation(talent_id, request)  # undone with the refusal
            raise ApiError(404, ProblemType.NOT_FOUND, "no such booking")

        assert store.run_fresh_request(talent_id, "k2", "fp", "s/4", refused, token_hash) is None
        assert store.begin_request(talent_id, "k2", "fp", "s/5").outcome == "new"
        # A revoked token writes nothing, even with its talent known to the caller.
        [device] = store.devices.devices()
        store.devices.revoke(device.id)
        assert store.run_fresh_request(talent_id, "k3", "fp", "s/6", escalate, token_hash) is None
        assert len(store.escalations()) == 1


def test_racing_new_requests_with_one_key_write_once(agency_db: DbTarget) -> None:
    with AgencyStore(agency_db) as setup:
        code = setup.create_pairing_code("Sari")
        paired = setup.pair(code, "laptop")
    talent_id, token_hash = paired.talent.id, sha256(paired.token)
    request = wire.EscalationRequest(level="urgent", at=datetime.now(UTC))

    def send(n: int) -> bool:
        with AgencyStore(agency_db) as store:
            done = store.run_fresh_request(
                talent_id,
                "outbox-3",
                "fp",
                f"server-{n}/request",
                lambda: store.create_escalation(talent_id, request),
                token_hash,
            )
            return done is not None

    results = at_once(8, send)
    assert results.count(True) == 1 and results.count(False) == 7, results
    with AgencyStore(agency_db) as store:
        assert len(store.escalations()) == 1
