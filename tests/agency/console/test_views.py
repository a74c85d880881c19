"""What the pages show: the queue's order and the report tickets' response timers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from talentdesk_agency import AgencyStore
from talentdesk_agency.console.views import PLAYBOOK, queue, report_timer
from talentdesk_agency.store import Alerting, DbTarget, ReportRow, now_utc
from talentdesk_contract import wire
from talentdesk_contract.values import CrisisSign, EscalationKind, ResolutionReason


def test_the_queue_sorts_by_priority_then_age(agency_db: DbTarget) -> None:
    with AgencyStore(agency_db) as store:
        store.create_pairing_code("Sari")
        tid = store.talent_by_name("Sari").id

        def raise_(kind: EscalationKind) -> str:
            _, body = store.create_escalation(
                tid, wire.EscalationRequest(level="urgent", at=now_utc(), kind=kind)
            )
            return wire.decode(body, wire.EscalationCreated).id

        wellbeing = raise_(EscalationKind.WELLBEING)
        first = raise_(EscalationKind.BUTTON)
        store.create_debrief(tid, wire.DebriefRequest(at=now_utc()))
        second = raise_(EscalationKind.LONE_WORKER)
        done = raise_(EscalationKind.BUTTON)
        store.resolve_escalation(done, "Rina", "ok", ResolutionReason.HANDLED)
        open_items, closed = queue(store)
    assert [i.id for i in open_items][:4] == [first, second, wellbeing, open_items[3].id]
    assert open_items[3].debrief and open_items[3].priority == "low"
    assert not open_items[3].unacknowledged  # a debrief is no alarm
    assert [i.id for i in closed] == [done]


def test_every_crisis_sign_has_the_playbooks_action() -> None:
    assert set(PLAYBOOK) == set(CrisisSign)


def report(**changes: object) -> ReportRow:
    base = {
        "id": "rep_1",
        "ticket": "TD-000001",
        "talent": "Sari",
        "category": "other",
        "level": "first_line",
        "status": "delivered",
        "at": "",
        "booking_id": "b",
        "description": "d",
        "note": None,
        "created_at": "2026-01-01T12:00:00+00:00",
    }
    return ReportRow(**{**base, **changes})  # type: ignore[arg-type]


def test_report_timers_follow_the_service_rules() -> None:
    rules = Alerting()
    filed = datetime(2026, 1, 1, 12, tzinfo=UTC)
    timer = report_timer(report(), rules)
    assert (timer.what, timer.due) == ("first_response", filed + timedelta(minutes=10))
    assert not timer.overdue(filed + timedelta(minutes=9))
    assert (
        timer.overdue(filed + timedelta(minutes=11))
        and timer.minutes(filed + timedelta(minutes=13)) == 3
    )
    answered = report(
        first_response_at="2026-01-01T12:05:00+00:00",
        staff_updated_at="2026-01-01T12:20:00+00:00",
        status="in_progress",
    )
    timer = report_timer(answered, rules)
    assert (timer.what, timer.due) == ("next_update", filed + timedelta(minutes=25))
    assert report_timer(report(status="resolved"), rules).what == "done"
