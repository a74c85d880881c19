"""The leader's jobs: each tick decides from what is recorded, so none is done twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from talentdesk_agency import AgencyStore
from talentdesk_agency.jobs import DEFAULT_JOBS, TestReminders
from talentdesk_agency.store import DbTarget
from talentdesk_contract import wire
from tests.reference_agency import at_once, query


def test_test_reminders_remind_each_open_escalation_once(agency_db: DbTarget) -> None:
    with AgencyStore(agency_db) as store:
        store.create_pairing_code("Sari")
        talent_id = store.talent_by_name("Sari").id
        request = wire.EscalationRequest(level="urgent", at=datetime.now(UTC))
        store.create_escalation(talent_id, request)
        reminders = TestReminders("worker-1", after=60)
        reminders.ensure_table(store)
        assert reminders.tick(store, datetime.now(UTC)) == 0  # not due yet
        later = datetime.now(UTC) + timedelta(seconds=61)
        assert reminders.tick(store, later) == 1
        assert reminders.tick(store, later) == 0
    assert query(agency_db, "SELECT sent_by FROM test_reminders") == [("worker-1",)]


def test_workers_starting_together_each_find_the_reminders_table(agency_db: DbTarget) -> None:
    """``serve --workers 4 --test-jobs``: each worker ensures the table as it starts."""
    stores = [AgencyStore(agency_db) for _ in range(8)]
    try:
        outcomes = at_once(len(stores), lambda n: TestReminders.ensure_table(stores[n]))
    finally:
        for store in stores:
            store.close()
    assert outcomes == [None] * len(stores)
    assert query(agency_db, "SELECT count(*) FROM test_reminders") == [(0,)]


def test_the_default_jobs_purge_old_idempotency_records_and_worker_rows(
    agency_db: DbTarget,
) -> None:
    jobs = {job.name: job for job in DEFAULT_JOBS}
    with AgencyStore(agency_db) as store:
        store.begin_request("tal_x", "old", "fp", "w/1")
        store.workers.beat(
            "gone", host="h", pid=1, version="1", started_at=0.0, leader=False, now=0.0
        )
        with store.db.write() as tx:
            tx.execute("UPDATE idempotency SET started_at = 0")
        store.begin_request("tal_x", "new", "fp", "w/1")
        store.workers.beat("here", host="h", pid=2, version="1", started_at=0.0, leader=True)
        now = datetime.now(UTC)
        jobs["idempotency purge"].tick(store, now)
        jobs["worker rows purge"].tick(store, now)
        assert [row.id for row in store.workers.rows()] == ["here"]
    assert query(agency_db, "SELECT key FROM idempotency") == [("new",)]
