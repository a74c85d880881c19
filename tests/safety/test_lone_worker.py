"""The lone-worker check with a fake monotonic clock, escalating to the real agency."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from talentdesk.domain import Booking
from talentdesk.safety import (
    AUTOMATIC_NOTE,
    EscalationKind,
    EscalationState,
    LoneWorkerEvent,
    LoneWorkerEventKind,
    LoneWorkerPhase,
)
from tests.safety.conftest import Agency, App, FakeClock, FakeLiveSession, make_app, wait_for

BOOKED = 30 * 60  # the booked session: 30 minutes


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def timed_app(agency: Agency, data_dir: Path, clock: FakeClock) -> Iterator[App]:
    made = make_app(data_dir, agency.server.url, agency.store, clock=clock)
    yield made
    made.close()


def _session(app: App, agency: Agency, clock: FakeClock) -> FakeLiveSession:
    booking_id = agency.book()
    wait_for(lambda: app.store.load(Booking, booking_id) is not None, what="booking")
    live = FakeLiveSession(booking_id, booked_end=clock() + BOOKED)
    app.safety.session_started(live)
    return live


def _kinds(events: list[LoneWorkerEvent]) -> list[LoneWorkerEventKind]:
    return [e.kind for e in events]


def test_no_answer_escalates_on_its_own(timed_app: App, agency: Agency, clock: FakeClock) -> None:
    app = timed_app
    heard: list[LoneWorkerEvent] = []
    app.safety.lone_worker.subscribe(heard.append)
    live = _session(app, agency, clock)
    check = app.safety.lone_worker

    clock.advance(BOOKED)  # the booked end: over time, but not yet for long
    assert check.poll() == []
    clock.advance(10 * 60 - 1)
    assert check.poll() == []
    status = check.status(live.booking_id)
    assert status is not None
    assert status.phase is LoneWorkerPhase.WATCHING

    clock.advance(1)  # 10 minutes past the booked end
    (ask,) = check.poll()
    assert ask.kind is LoneWorkerEventKind.ASK
    assert ask.kind.value == "are_you_ok"
    assert ask.answer_by == clock() + 2 * 60
    asking = check.status(live.booking_id)
    assert asking is not None
    assert asking.phase is LoneWorkerPhase.ASKING
    assert check.poll() == []  # asked once, not every tick

    clock.advance(2 * 60 - 1)
    assert check.poll() == []
    assert agency.store.escalations() == []
    clock.advance(1)  # two minutes without an answer
    (escalated,) = check.poll()
    assert escalated.kind is LoneWorkerEventKind.ESCALATED
    assert escalated.escalation_id is not None
    assert _kinds(heard) == [LoneWorkerEventKind.ASK, LoneWorkerEventKind.ESCALATED]

    view = app.safety.escalations.get(escalated.escalation_id)
    assert view is not None
    assert view.automatic
    assert view.booking_id == live.booking_id
    wait_for(
        lambda: (
            (v := app.safety.escalations.get(escalated.escalation_id or "")) is not None
            and v.state is EscalationState.DELIVERED
        ),
        what="delivery",
    )
    (row,) = agency.store.escalations()
    assert row.booking_id == live.booking_id
    assert row.note == AUTOMATIC_NOTE
    assert "automatically" in (row.note or "")

    clock.advance(3600)  # an hour later, still running: no second escalation
    assert check.poll() == []
    assert len(agency.store.escalations()) == 1

    live.ended = True
    assert check.poll() == []
    assert check.status(live.booking_id) is None


def test_im_ok_snoozes_and_an_ended_session_clears(
    timed_app: App, agency: Agency, clock: FakeClock
) -> None:
    app = timed_app
    check = app.safety.lone_worker
    check.minutes_over = 5  # configurable
    live = _session(app, agency, clock)

    clock.advance(BOOKED + 5 * 60)
    assert _kinds(check.poll()) == [LoneWorkerEventKind.ASK]
    clock.advance(90)
    assert check.answer_ok(live.booking_id)
    assert not check.answer_ok(live.booking_id)  # nothing pending any more
    clock.advance(60)  # past the first deadline: answered, so nothing happens
    assert check.poll() == []

    clock.advance(5 * 60 - 60)  # another 5 minutes after the answer: asked again
    assert _kinds(check.poll()) == [LoneWorkerEventKind.ASK]
    live.ended = True  # the talent ends the session instead of answering
    assert _kinds(check.poll()) == [LoneWorkerEventKind.CLEARED]
    clock.advance(3600)
    assert check.poll() == []
    assert agency.store.escalations() == []
    assert app.safety.escalations.escalations() == []

    with pytest.raises(ValueError, match="minutes_over"):
        check.minutes_over = 0


def test_the_automatic_alarm_is_its_own_escalation_even_when_one_was_taken(
    timed_app: App, agency: Agency, clock: FakeClock
) -> None:
    """Issue 13: the check's alarm was once added as a follow-up to an escalation a
    supervisor had already acknowledged, so nobody saw it."""
    app = timed_app
    check = app.safety.lone_worker
    live = _session(app, agency, clock)
    first = app.safety.escalations.escalate(live.booking_id)
    wait_for(lambda: len(agency.store.escalations()) == 1, what="the first escalation")
    agency.store.acknowledge_escalation(agency.store.escalations()[0].id, "Rina")
    wait_for(
        lambda: (
            (v := app.safety.escalations.get(first.id)) is not None
            and v.state is EscalationState.ACKNOWLEDGED
        ),
        what="acknowledged",
    )
    clock.advance(BOOKED + 10 * 60)
    assert _kinds(check.poll()) == [LoneWorkerEventKind.ASK]
    clock.advance(2 * 60)
    (escalated,) = check.poll()
    assert escalated.escalation_id != first.id  # a new alarm, not a follow-up
    view = app.safety.escalations.get(escalated.escalation_id or "")
    assert view is not None and view.kind is EscalationKind.LONE_WORKER and view.automatic
    wait_for(lambda: len(agency.store.escalations()) == 2, what="the automatic escalation")
    automatic = next(r for r in agency.store.escalations() if r.kind == "lone_worker")
    assert (automatic.status, automatic.priority, automatic.note) == (
        "open",
        "urgent",
        AUTOMATIC_NOTE,
    )
    assert automatic.follow_ups == 0
    first_row = next(r for r in agency.store.escalations() if r.kind == "button")
    assert first_row.follow_ups == 0 and first_row.status == "acknowledged"


def test_i_need_help_escalates_at_once_and_the_timer_thread_polls(
    timed_app: App, agency: Agency, clock: FakeClock
) -> None:
    app = timed_app
    check = app.safety.lone_worker
    heard: list[LoneWorkerEvent] = []
    check.subscribe(heard.append)
    live = _session(app, agency, clock)
    check.start(interval=0.02)  # the real timer thread, still on the fake clock
    try:
        clock.advance(BOOKED + 10 * 60)
        wait_for(lambda: LoneWorkerEventKind.ASK in _kinds(heard), what="the question")
        view = check.answer_need_help(live.booking_id)
        assert not view.automatic and view.kind is EscalationKind.BUTTON
        status = check.status(live.booking_id)
        assert status is not None
        assert status.phase is LoneWorkerPhase.ESCALATED
        clock.advance(3600)
        wait_for(
            lambda: (
                (v := app.safety.escalations.get(view.id)) is not None
                and v.state is EscalationState.DELIVERED
            ),
            what="delivery",
        )
    finally:
        check.stop()
    assert _kinds(heard) == [LoneWorkerEventKind.ASK, LoneWorkerEventKind.CLEARED]
    (row,) = agency.store.escalations()
    assert row.note is None  # the talent's own request, sent without a note
