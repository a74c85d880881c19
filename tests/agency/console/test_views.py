"""What the pages show: the queue's order and the report tickets' response timers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from talentdesk_agency import AgencyStore
from talentdesk_agency.console.views import CRISIS_SEVERITY, PLAYBOOK, queue, report_timer
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


#: Alarms in the order they are raised (oldest first): name, kind, crisis sign, and a sign
#: a follow-up adds later.
ALARMS: list[tuple[str, EscalationKind, CrisisSign | None, CrisisSign | None]] = [
    ("lone worker, no sign", EscalationKind.LONE_WORKER, None, None),
    ("wellbeing, suicidal", EscalationKind.WELLBEING, CrisisSign.SUICIDAL_THOUGHTS, None),
    ("button, distress", EscalationKind.BUTTON, CrisisSign.DISTRESS, None),
    ("button, no sign", EscalationKind.BUTTON, None, None),
    ("button, suicidal", EscalationKind.BUTTON, CrisisSign.SUICIDAL_THOUGHTS, None),
    ("button, threat", EscalationKind.BUTTON, CrisisSign.THREAT_OF_HARM, None),
    ("button, aggression", EscalationKind.BUTTON, CrisisSign.AGGRESSION, None),
    ("button, suicidal, newer", EscalationKind.BUTTON, CrisisSign.SUICIDAL_THOUGHTS, None),
    ("button, then a threat", EscalationKind.BUTTON, None, CrisisSign.THREAT_OF_HARM),
]
#: The queue's order: urgent before high; within one priority the most severe sign first
#: (a follow-up's sign counts), no sign last; then the oldest first.
QUEUE_ORDER = [
    "button, threat",
    "button, then a threat",
    "button, suicidal",
    "button, suicidal, newer",
    "button, aggression",
    "button, distress",
    "lone worker, no sign",
    "button, no sign",
    "wellbeing, suicidal",
]


def test_within_a_priority_the_queue_sorts_by_crisis_sign_then_age(
    agency_db: DbTarget,
) -> None:
    with AgencyStore(agency_db) as store:
        store.create_pairing_code("Sari")
        tid = store.talent_by_name("Sari").id
        names = {}
        for name, kind, sign, later in ALARMS:
            request = wire.EscalationRequest(
                level="urgent", at=now_utc(), kind=kind, crisis_sign=sign
            )
            escalation = wire.decode(
                store.create_escalation(tid, request)[1], wire.EscalationCreated
            )
            names[escalation.id] = name
            if later is not None:
                store.follow_up_escalation(
                    tid, escalation.id, wire.EscalationFollowUpRequest(crisis_sign=later)
                )
        open_items, _ = queue(store)
    assert [names[i.id] for i in open_items] == QUEUE_ORDER


def test_every_crisis_sign_has_a_severity() -> None:
    assert set(CRISIS_SEVERITY) == set(CrisisSign)
    assert sorted(CRISIS_SEVERITY.values()) == list(range(len(CrisisSign)))


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
