"""After a hard session: the offers, the debrief request (as an escalation follow-up, or
counted locally), and the night's counts, against the real reference agency."""

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
from talentdesk.safety.aftercare import BREAK_MINUTES, COUNTS_KIND, DEBRIEF_NOTE, BreakTimer
from talentdesk_contract.values import CrisisSign
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
    # No escalation for that session: the debrief request is only counted here.
    assert care.request_debrief(early) is DebriefRoute.RECORDED
    assert care.offers() == []

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
    assert (counts.debriefs_sent, counts.debriefs_recorded) == (0, 1)


def test_debrief_goes_to_the_sessions_open_escalation(app: App, agency: Agency) -> None:
    booking_id = _booking(app, agency)
    escalation = app.safety.escalations.escalate(booking_id, crisis_sign=CrisisSign.AGGRESSION)
    record = session_record(booking_id, outcome=SessionOutcome.ESCALATED, store=app.store)
    offer = app.safety.session_ended(record)
    assert offer is not None
    assert offer.reasons == (HardReason.ESCALATED,)
    assert app.safety.after_care.request_debrief(booking_id) is DebriefRoute.FOLLOW_UP
    wait_for(
        lambda: (
            (v := app.safety.escalations.get(escalation.id)) is not None
            and v.follow_ups == 1
            and v.follow_ups_waiting == 0
        ),
        what="the debrief follow-up",
    )
    (row,) = agency.store.escalations()
    notes = agency.store._conn.execute(
        "SELECT note FROM escalation_follow_ups WHERE escalation_id = ?", (row.id,)
    ).fetchall()
    assert notes == [(DEBRIEF_NOTE,)]

    # Once the escalation is resolved there is nowhere to send it: counted locally.
    agency.store.resolve_escalation(row.id, "Mbak Rina")
    wait_for(
        lambda: (
            (v := app.safety.escalations.get(escalation.id)) is not None
            and v.state is EscalationState.RESOLVED
        ),
        what="resolved",
    )
    assert app.safety.after_care.request_debrief(booking_id) is DebriefRoute.RECORDED
    counts = app.safety.after_care.night_counts()
    assert (counts.hard_sessions, counts.debriefs_sent, counts.debriefs_recorded) == (1, 1, 1)

    # Only counts are kept: nothing names the session.
    for payload in app.vault.read_all(COUNTS_KIND).rows.values():
        assert booking_id.encode() not in payload
        assert escalation.id.encode() not in payload


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
