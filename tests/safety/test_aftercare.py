"""After a hard session: the offers, the debrief request (its own operation, queued like
any write), "not OK" (an escalation of its own), and the night's counts, against the real
reference agency."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from talentdesk.domain import Booking, IncidentCategory, SessionOutcome
from talentdesk.safety import (
    CareOffer,
    DebriefRoute,
    EscalationState,
    HardReason,
    night_of,
)
from talentdesk.safety.aftercare import BREAK_MINUTES, COUNTS_KIND, BreakTimer
from talentdesk.sync.outbox import OutboxState
from talentdesk_contract.values import CrisisSign, EscalationKind, EscalationPriority
from tests.safety.conftest import Agency, App, session_record, wait_for

WIB = timezone(timedelta(hours=7))


def _booking(app: App, agency: Agency, minutes: int = 60) -> str:
    booking_id = agency.book(minutes=minutes)
    wait_for(lambda: app.store.load(Booking, booking_id) is not None, what="booking")
    return booking_id


def test_hard_sessions_get_care_and_ordinary_ones_do_not(app: App, agency: Agency) -> None:
    care = app.safety.after_care
    plain = _booking(app, agency, 60)
    assert app.safety.session_ended(session_record(plain, store=app.store)) is None

    early = _booking(app, agency, 120)
    offer = app.safety.session_ended(
        session_record(early, outcome=SessionOutcome.ENDED_EARLY, store=app.store)
    )
    assert offer is not None
    assert offer.reasons == (HardReason.ENDED_EARLY,)
    assert offer.offers == (CareOffer.CHECK_IN, CareOffer.BREAK, CareOffer.DEBRIEF)
    care.check_in_done(early)
    care.break_taken(early)
    (left,) = care.offers()
    assert left.offers == (CareOffer.DEBRIEF,)
    # No escalation for that session: the debrief request still reaches the agency.
    assert care.request_debrief(early) is DebriefRoute.SENT
    assert care.offers() == []
    wait_for(lambda: len(agency.store.escalation_log.debriefs()) == 1, what="the debrief")

    reported = _booking(app, agency, 180)
    app.safety.reports.file(
        session_record(reported, store=app.store), IncidentCategory.INSULTS, "Kasar."
    )
    offer = app.safety.session_ended(session_record(reported, store=app.store))
    assert offer is not None
    assert offer.reasons == (HardReason.REPORTED,)
    care.dismiss(reported)
    assert care.offers() == []

    counts = care.night_counts()
    assert (counts.hard_sessions, counts.check_ins, counts.breaks) == (2, 1, 1)
    assert (counts.debriefs_sent, counts.debriefs_recorded) == (1, 0)


def test_a_debrief_is_its_own_low_priority_item_not_a_follow_up(app: App, agency: Agency) -> None:
    booking_id = _booking(app, agency)
    escalation = app.safety.escalations.escalate(booking_id, crisis_sign=CrisisSign.AGGRESSION)
    record = session_record(booking_id, outcome=SessionOutcome.ESCALATED, store=app.store)
    offer = app.safety.session_ended(record)
    assert offer is not None
    assert offer.reasons == (HardReason.ESCALATED,)
    assert app.safety.after_care.request_debrief(booking_id) is DebriefRoute.SENT
    wait_for(lambda: len(agency.store.escalation_log.debriefs()) == 1, what="the debrief")
    (debrief,) = agency.store.escalation_log.debriefs()
    assert debrief.booking_id == booking_id and debrief.note is None
    assert debrief.session_id == f"session-{booking_id}"
    (item,) = [i for i in app.sync.outbox.items()[0] if i.kind == "debrief"]
    wait_for(lambda: app.sync.outbox.state_of(item.id) is OutboxState.DELIVERED, what="delivered")
    answer = app.sync.outbox.get(item.id)
    assert answer is not None and EscalationPriority.LOW.value in (answer.response or "")
    view = app.safety.escalations.get(escalation.id)
    assert view is not None and view.follow_ups == 0  # nothing rode on the escalation
    counts = app.safety.after_care.night_counts()
    assert (counts.hard_sessions, counts.debriefs_sent, counts.debriefs_recorded) == (1, 1, 0)

    # Only counts are kept: nothing names the session.
    for payload in app.vault.read_all(COUNTS_KIND).rows.values():
        assert booking_id.encode() not in payload
        assert escalation.id.encode() not in payload


def test_not_ok_raises_a_wellbeing_escalation_of_its_own(app: App, agency: Agency) -> None:
    booking_id = _booking(app, agency)
    first = app.safety.escalations.escalate(booking_id)
    wait_for(lambda: len(agency.store.escalations()) == 1, what="the first escalation")
    agency.store.acknowledge_escalation(agency.store.escalations()[0].id, "Rina")
    wait_for(
        lambda: (
            (v := app.safety.escalations.get(first.id)) is not None
            and v.state is EscalationState.ACKNOWLEDGED
        ),
        what="acknowledged",
    )
    offer = app.safety.session_ended(
        session_record(booking_id, outcome=SessionOutcome.ESCALATED, store=app.store)
    )
    assert offer is not None
    view = app.safety.after_care.not_ok(booking_id)
    assert view.id != first.id and view.kind is EscalationKind.WELLBEING
    assert view.state is EscalationState.QUEUED  # durable at once, delivered next
    wait_for(lambda: len(agency.store.escalations()) == 2, what="the wellbeing escalation")
    newest = max(agency.store.escalations(), key=lambda r: r.at)
    assert (newest.kind, newest.priority, newest.status) == ("wellbeing", "high", "open")
    assert app.safety.after_care.night_counts().check_ins == 1


def test_a_night_runs_from_noon_to_noon() -> None:
    evening = datetime(2026, 11, 21, 22, 0, tzinfo=WIB)
    small_hours = datetime(2026, 11, 22, 3, 0, tzinfo=WIB)
    next_afternoon = datetime(2026, 11, 22, 13, 0, tzinfo=WIB)
    assert night_of(evening, WIB) == night_of(small_hours, WIB) == "2026-11-21"
    assert night_of(next_afternoon, WIB) == "2026-11-22"
    assert night_of(small_hours.astimezone(UTC), WIB) == "2026-11-21"


def test_the_break_runs_by_the_monotonic_clock_until_it_ends_or_is_ended() -> None:
    now = [100.0]
    timer = BreakTimer(lambda: now[0])
    assert timer.left() is None
    timer.start(BREAK_MINUTES)
    assert timer.left() == BREAK_MINUTES * 60
    assert timer.length == BREAK_MINUTES * 60
    now[0] += 9 * 60 + 30
    assert timer.left() == 30
    now[0] += 31
    assert timer.left() is None  # over: it stays over
    now[0] -= 60
    assert timer.left() is None
    timer.start(5)
    timer.end()
    assert timer.left() is None


def test_taking_the_break_starts_it(app: App, agency: Agency) -> None:
    care = app.safety.after_care
    early = _booking(app, agency, 120)
    app.safety.session_ended(
        session_record(early, outcome=SessionOutcome.ENDED_EARLY, store=app.store)
    )
    assert care.pause.left() is None
    care.break_taken(early, minutes=10)
    left = care.pause.left()
    assert left is not None and 9 * 60 < left <= 10 * 60
