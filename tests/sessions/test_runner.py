"""The session runner on a real vault with fake clocks: timing, warnings, crash-resume, end."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

import msgspec
import pytest

from talentdesk.domain import (
    Booking,
    BookingStatus,
    Channel,
    CustomerContact,
    ReplyStyle,
    SessionOutcome,
    SessionRecord,
)
from talentdesk.sessions.replies import ReplyBook
from talentdesk.sessions.runner import (
    CHECK_BLOCK_IN_CALLS,
    CHECK_BLOCK_IN_CHAT,
    CHECK_REMOVE_FROM_RECENTS,
    CHECK_SEND_CLOSING_REPLY,
    FLAG_CANCELLED_BY_AGENCY,
    FLAG_OVERTIME,
    FLAG_RESUMED,
    KIND,
    MSG_EXTEND_VIA_AGENCY,
    SessionError,
    SessionPhase,
    SessionRunner,
    SessionScope,
)
from talentdesk.sessions.settings import load_settings, save_settings
from talentdesk.sync.apply import sweep_customer_data
from talentdesk_contract import wire
from tests.sessions.conftest import T0, Desk, FakeClock, open_desk, package


def runner_for(desk: Desk, **kwargs: object) -> SessionRunner:
    return SessionRunner(
        desk.vault,
        desk.outbox,
        monotonic=desk.clock.monotonic,
        wall=desk.clock.wall,
        **kwargs,  # type: ignore[arg-type]
    )


def events(desk: Desk) -> list[wire.SessionEventRequest]:
    items, problems = desk.outbox.items()
    assert problems == []
    return [
        wire.decode(i.body, wire.SessionEventRequest) for i in items if i.kind == "session_event"
    ]


# --------------------------------------------------------------------------- start


def test_start_makes_the_booking_live_and_queues_started_in_one_go(desk: Desk) -> None:
    desk.book(pkg=package(minutes=120, price=150_000))
    runner = runner_for(desk)
    session = runner.start("bk-1")

    booking = desk.store.load(Booking, "bk-1")
    assert booking is not None
    assert booking.status is BookingStatus.LIVE
    items, _ = desk.outbox.items()
    assert [(i.kind, i.method, i.path, i.ref) for i in items] == [
        ("session_event", "POST", "/v1/sessions/bk-1/events", "bk-1")
    ]
    (started,) = events(desk)
    assert started.type == "started"
    assert started.at == T0
    assert started.planned_seconds == 7200
    assert started.actual_seconds is None
    assert desk.vault.ids(KIND) == ["bk-1"]
    assert session.phase is SessionPhase.RUNNING
    assert runner.live is session


def test_refused_start_changes_nothing(desk: Desk, clock: FakeClock) -> None:
    desk.book("pending", status=BookingStatus.PENDING)
    desk.book("returning", needs_unblock=True, start=T0 + timedelta(hours=1))
    desk.book("later", start=T0 + timedelta(minutes=11))
    desk.book("over", start=T0 - timedelta(minutes=30))
    runner = runner_for(desk)
    for booking_id, key in [
        ("nope", "booking_not_found"),
        ("pending", "not_accepted"),
        ("later", "too_early"),  # the contact window opens 10 minutes before
        ("over", "too_late"),  # a 30-minute booking that ended just now
    ]:
        with pytest.raises(SessionError) as refused:
            runner.start(booking_id)
        assert refused.value.key == key
    clock.advance(3600)
    with pytest.raises(SessionError) as refused:
        runner.start("returning")
    assert refused.value.key == "needs_unblock"
    assert desk.outbox.items()[0] == []
    assert desk.vault.ids(KIND) == []
    assert {b.status for b in desk.store.load_all(Booking).items} == {
        BookingStatus.PENDING,
        BookingStatus.ACCEPTED,
    }

    session = runner.start("returning", customer_unblocked=True)
    assert not session.booking.needs_unblock
    desk.book("second", start=T0 + timedelta(hours=1))
    with pytest.raises(SessionError) as refused:
        runner.start("second")
    assert refused.value.key == "session_live"


def test_start_inside_the_contact_window(desk: Desk, clock: FakeClock) -> None:
    desk.config(contact_window_minutes=15)
    desk.book(start=T0 + timedelta(minutes=15))
    session = runner_for(desk).start("bk-1")
    assert session.started_at == T0


def test_scope_is_a_machine_value_for_each_channel(desk: Desk, clock: FakeClock) -> None:
    runner = runner_for(desk)
    expected = {
        Channel.CHAT: SessionScope.CHAT_ONLY,
        Channel.CALL: SessionScope.CALL_ONLY,
        Channel.CHAT_CALL: SessionScope.CHAT_AND_CALL,
    }
    for n, (channel, scope) in enumerate(expected.items()):
        desk.book(f"bk-{n}", start=clock.wall(), pkg=package(channel))
        session = runner.start(f"bk-{n}")
        assert session.scope is scope
        assert scope.value in {"chat_only", "call_only", "chat_and_call"}
        assert not session.can_extend
        assert session.extend_message_key == MSG_EXTEND_VIA_AGENCY
        session.finish()
        clock.advance(60)


# --------------------------------------------------------------------------- the clock


def test_two_hour_timer_is_within_50_ms_at_its_end(desk: Desk, clock: FakeClock) -> None:
    desk.book(pkg=package(minutes=120))
    session = runner_for(desk).start("bk-1")
    rng = random.Random(7)
    end = clock.mono + 7200
    ticks = 0
    # A GUI timer that fires late, early and sometimes not at all (a busy or sleeping
    # machine), and a wall clock set forward by an hour mid-session.
    while clock.mono < end - 20:
        clock.advance(rng.uniform(0.9, 1.3) if rng.random() > 0.01 else rng.uniform(5, 15))
        if ticks == 3000:
            clock.wall_jump = timedelta(hours=1)
        session.tick()
        ticks += 1
    clock.advance(end - clock.mono)
    at_end = session.tick()
    assert abs(at_end.time_left) <= 0.05
    assert abs(at_end.elapsed - 7200) <= 0.05
    assert at_end.overrun == 0
    assert at_end.overrun_started  # time is up exactly now
    # Counting ticks as seconds would be far off: that is why the clock is monotonic.
    assert abs(ticks - 7200) > 60
    finished = session.finish()
    assert abs(finished.record.actual_seconds - 7200) <= 0.05
    assert finished.record.ended_at - finished.record.started_at == timedelta(seconds=7200)


def test_warnings_and_overrun_fire_once_and_on_time(desk: Desk, clock: FakeClock) -> None:
    desk.book(pkg=package(minutes=30))
    session = runner_for(desk).start("bk-1")
    fired: list[tuple[float, tuple[int, ...]]] = []
    overrun_at: list[float] = []
    start = clock.mono
    for _ in range(40 * 60 * 4):  # 40 minutes at 4 ticks a second
        clock.advance(0.25)
        tick = session.tick()
        if tick.warnings:
            fired.append((clock.mono - start, tick.warnings))
        if tick.overrun_started:
            overrun_at.append(clock.mono - start)
    assert fired == [(25 * 60, (5,)), (29 * 60, (1,))]
    assert overrun_at == [30 * 60]
    last = session.tick()
    assert last.phase is SessionPhase.OVERRUN
    assert last.overrun == pytest.approx(10 * 60)
    assert last.time_left == 0
    assert last.minutes_left == 0


def test_minutes_left_rounds_up(desk: Desk, clock: FakeClock) -> None:
    desk.book(pkg=package(minutes=30))
    session = runner_for(desk).start("bk-1")
    clock.advance(60 * 25 + 1)
    assert session.tick().minutes_left == 5
    clock.advance(59)
    assert session.tick().minutes_left == 4


def test_warning_marks_are_configurable_and_a_missed_tick_reports_all(
    desk: Desk, clock: FakeClock
) -> None:
    settings = load_settings(desk.vault)
    settings.warning_minutes = (10, 2, 45)  # 45 is longer than the package: never fires
    save_settings(desk.vault, settings)
    desk.book(pkg=package(minutes=30))
    session = runner_for(desk).start("bk-1")
    assert session.tick().warnings == ()
    clock.advance(29 * 60)  # the machine slept through both marks
    tick = session.tick()
    assert tick.warnings == (10, 2)
    assert session.tick().warnings == ()
    other = runner_for(desk, warning_minutes=[3])
    assert other.warning_minutes == (3,)


# --------------------------------------------------------------------------- crash and resume


def test_crash_mid_session_resumes_from_the_wall_clock(data_dir: Path) -> None:
    path = data_dir / "vault.sqlite3"
    first_clock = FakeClock()
    desk = open_desk(path, first_clock, create=True)
    desk.book(pkg=package(minutes=30, price=25_000))
    session = runner_for(desk).start("bk-1")
    first_clock.advance(26 * 60)
    assert session.tick().warnings == (5,)
    desk.vault.close()  # the app dies: nothing finished, nothing flushed by us

    # A new process: its monotonic clock has another base; 90 s passed meanwhile.
    later = FakeClock(mono=12.0, mono0=12.0, wall0=first_clock.wall() + timedelta(seconds=90))
    desk = open_desk(path, later, create=False)
    runner = runner_for(desk)
    assert runner.live is None
    resumed = runner.resume()
    assert resumed is not None
    assert runner.resume() is resumed
    assert resumed.resumed
    tick = resumed.tick()
    assert tick.elapsed == pytest.approx(26 * 60 + 90)
    assert tick.warnings == ()  # 5 minutes was already warned about
    later.advance(120)
    assert resumed.tick().warnings == (1,)
    contact = resumed.contact()
    assert contact is not None
    assert contact.alias == "Bunga"
    finished = resumed.finish()
    assert FLAG_RESUMED in finished.record.flags
    assert finished.record.actual_seconds == pytest.approx(26 * 60 + 210)
    assert finished.customer_data_destroyed
    desk.vault.close()


def test_crash_while_closing_resumes_in_closing(data_dir: Path) -> None:
    path = data_dir / "vault.sqlite3"
    first = FakeClock()
    desk = open_desk(path, first, create=True)
    desk.book(pkg=package(minutes=30))
    session = runner_for(desk).start("bk-1")
    first.advance(31 * 60)
    session.end("id", wrap_up_seconds=120)
    desk.vault.close()

    later = FakeClock(mono=0.0, mono0=0.0, wall0=first.wall() + timedelta(seconds=30))
    desk = open_desk(path, later, create=False)
    resumed = runner_for(desk).resume()
    assert resumed is not None
    assert resumed.phase is SessionPhase.CLOSING
    assert resumed.elapsed() == pytest.approx(31 * 60)  # the clock stayed stopped
    routine = resumed.end("id", wrap_up_seconds=120)
    assert routine.wrap_up is not None
    assert routine.wrap_up.left() == pytest.approx(90)
    record = resumed.finish().record
    assert record.actual_seconds == pytest.approx(31 * 60)
    assert FLAG_OVERTIME in record.flags
    desk.vault.close()


def test_no_live_session_no_resume(desk: Desk) -> None:
    assert runner_for(desk).resume() is None


# --------------------------------------------------------------------------- the contact


def test_contact_stays_visible_while_live_past_the_booked_end(desk: Desk, clock: FakeClock) -> None:
    desk.book(pkg=package(minutes=30), alias="Mawar")
    desk.book("other", start=T0 + timedelta(hours=3), alias="Kenanga")
    runner = runner_for(desk)
    booking = desk.store.load(Booking, "bk-1")
    assert booking is not None
    clock.advance(-11 * 60)
    assert runner.contact(booking) is None  # before the window
    clock.advance(2 * 60)
    assert runner.contact(booking) is not None  # inside the window
    clock.advance(9 * 60)
    session = runner.start("bk-1")
    clock.advance(45 * 60)  # 15 minutes over the booked end
    live_booking = desk.store.load(Booking, "bk-1")
    assert live_booking is not None
    for contact in (session.contact(), runner.contact(live_booking)):
        assert contact is not None
        assert contact.alias == "Mawar"
    other = desk.store.load(Booking, "other")
    assert other is not None
    assert runner.contact(other) is None  # someone else's window is not open
    session.end("id")
    assert session.contact() is not None  # still there to send the closing reply and block
    session.finish()
    assert session.contact() is None
    done = desk.store.load(Booking, "bk-1")
    assert done is not None
    assert runner.contact(done) is None
    assert desk.store.load(CustomerContact, "bk-1") is None


def test_agency_cancel_mid_session_keeps_the_data_until_the_end(
    desk: Desk, clock: FakeClock
) -> None:
    desk.book()
    runner = runner_for(desk)
    session = runner.start("bk-1")
    clock.advance(600)
    # What the feed applier does on booking.cancelled.
    booking = desk.store.load(Booking, "bk-1")
    assert booking is not None
    desk.store.save(msgspec.structs.replace(booking, status=BookingStatus.CANCELLED))
    assert session.cancelled_by_agency()
    assert sweep_customer_data(desk.vault, keep=runner.keeps_customer_data) == []
    assert session.contact() is not None
    # A fresh runner (after a restart, before resume) vetoes the sweep too.
    assert runner_for(desk).keeps_customer_data(booking)
    assert not runner.keeps_customer_data(object())

    finished = session.finish()
    assert finished.record.outcome is SessionOutcome.CANCELLED
    assert FLAG_CANCELLED_BY_AGENCY in finished.record.flags
    cancelled = desk.store.load(Booking, "bk-1")
    assert cancelled is not None
    assert cancelled.status is BookingStatus.CANCELLED  # not turned into DONE
    assert desk.vault.customer_bookings() == []
    assert not runner.keeps_customer_data(booking)


# --------------------------------------------------------------------------- end and finish


def test_closing_routine_suggests_the_talents_own_closing_reply(
    desk: Desk, clock: FakeClock
) -> None:
    settings = load_settings(desk.vault)
    settings.talent_name = "Sari"
    save_settings(desk.vault, settings)
    desk.agency_reply("id-closing", "Sesi selesai ya. Makasih!", style=ReplyStyle.CLOSING)
    desk.agency_reply(
        "en-closing", "Our session is over. Thank you!", style=ReplyStyle.CLOSING, language="en"
    )
    replies = ReplyBook(desk.vault)
    desk.book(pkg=package(Channel.CHAT_CALL, minutes=60, name="Chat + Call 60"))
    session = runner_for(desk, replies=replies).start("bk-1")
    clock.advance(50 * 60)

    routine = session.end("en", wrap_up_seconds=0)
    assert routine.reply is not None
    assert routine.reply.id == "agency-en-closing"
    assert routine.text == "Our session is over. Thank you!"
    assert routine.wrap_up is None
    assert session.end("en") is routine  # ending twice changes nothing
    assert session.closing_routine is routine

    # The talent's own closing reply wins over the agency's.
    replies.create(
        style=ReplyStyle.CLOSING,
        language="id",
        text="Makasih ya udah ngobrol bareng {talent|aku}, sampai jumpa! ({package})",
        shortcode="dadah",
    )
    desk.book("bk-2", start=clock.wall(), pkg=package(Channel.CHAT, minutes=30, name="Curhat"))
    session.finish()
    second = runner_for(desk, replies=replies).start("bk-2")
    routine = second.end("id", wrap_up_seconds=90)
    assert routine.reply is not None
    assert routine.reply.source.value == "personal"
    assert routine.text == "Makasih ya udah ngobrol bareng Sari, sampai jumpa! (Curhat)"
    assert routine.checklist == (
        CHECK_SEND_CLOSING_REPLY,
        CHECK_BLOCK_IN_CHAT,
        CHECK_REMOVE_FROM_RECENTS,
    )
    assert routine.wrap_up is not None
    clock.advance(30)
    assert routine.wrap_up.left() == pytest.approx(60)
    tick = second.tick()
    assert tick.phase is SessionPhase.CLOSING
    assert tick.wrap_up_left == pytest.approx(60)
    clock.advance(90)
    assert routine.wrap_up.done
    routine.tick_off(CHECK_SEND_CLOSING_REPLY)
    assert routine.remaining == (CHECK_BLOCK_IN_CHAT, CHECK_REMOVE_FROM_RECENTS)
    with pytest.raises(KeyError):
        routine.tick_off(CHECK_BLOCK_IN_CALLS)  # a chat-only package has no calls to block
    assert second.finish().record.outcome is SessionOutcome.ENDED_EARLY


def test_closing_reply_with_a_blank_is_left_for_the_talent(desk: Desk) -> None:
    desk.agency_reply("id-closing", "Sesi selesai karena {?alasan}.", style=ReplyStyle.CLOSING)
    desk.book()
    routine = runner_for(desk).start("bk-1").end("id")
    assert routine.reply is not None
    assert routine.text is None
    assert [b.name for b in routine.blanks] == ["alasan"]


def test_no_closing_reply_in_the_talents_language(desk: Desk) -> None:
    desk.agency_reply("en-closing", "Bye!", style=ReplyStyle.CLOSING, language="en")
    desk.book(pkg=package(Channel.CALL))
    routine = runner_for(desk).start("bk-1").end("id")
    assert routine.reply is None
    assert routine.text is None
    assert routine.checklist == (
        CHECK_SEND_CLOSING_REPLY,
        CHECK_BLOCK_IN_CALLS,
        CHECK_REMOVE_FROM_RECENTS,
    )


def test_finish_keeps_a_record_without_customer_data(desk: Desk, clock: FakeClock) -> None:
    sentinel = "SENTINEL-Anggrek-5c1e"
    desk.book(pkg=package(Channel.CHAT, minutes=30, price=25_000), alias=sentinel)
    runner = runner_for(desk)
    session = runner.start("bk-1")
    clock.advance(30 * 60 + 75.5)
    session.tick()
    finished = session.finish(slow_replies=2, flags=["pace_rule_broken", FLAG_OVERTIME])
    record = finished.record

    fields = set(SessionRecord.__struct_fields__)
    assert not {"alias", "contact_handle", "customer", "handle", "name"} & fields
    assert sentinel not in msgspec.json.encode(record).decode()
    assert record == desk.store.load(SessionRecord, "session-bk-1")
    assert record.planned_seconds == 1800
    assert record.actual_seconds == pytest.approx(1875.5)
    assert record.price_idr == 25_000
    assert record.outcome is SessionOutcome.COMPLETED
    assert record.flags == (FLAG_OVERTIME, "pace_rule_broken")
    assert record.slow_replies == 2
    assert record.started_at == T0

    booking = desk.store.load(Booking, "bk-1")
    assert booking is not None
    assert booking.status is BookingStatus.DONE
    started, ended = events(desk)
    assert (started.type, ended.type) == ("started", "ended")
    assert ended.planned_seconds == 1800
    assert ended.actual_seconds == 1876
    assert ended.outcome == "completed"
    assert ended.at == record.ended_at
    assert finished.event.kind == "session_event"
    assert desk.vault.ids(KIND) == []
    assert desk.vault.customer_bookings() == []
    assert finished.customer_data_destroyed
    assert runner.live is None
    assert session.phase is SessionPhase.FINISHED
    assert session.tick().phase is SessionPhase.FINISHED
    with pytest.raises(SessionError) as again:
        session.finish()
    assert again.value.key == "finished"
    with pytest.raises(SessionError):
        session.end("id")


def test_explicit_outcome_and_early_end(desk: Desk, clock: FakeClock) -> None:
    desk.book()
    desk.book("bk-2", start=T0 + timedelta(hours=1))
    runner = runner_for(desk)
    session = runner.start("bk-1")
    clock.advance(29 * 60 + 30)  # within a minute of the booked length: completed
    assert session.finish().record.outcome is SessionOutcome.COMPLETED
    clock.advance(31 * 60)
    second = runner.start("bk-2")
    clock.advance(5 * 60)
    record = second.finish(SessionOutcome.ESCALATED).record
    assert record.outcome is SessionOutcome.ESCALATED
    assert FLAG_OVERTIME not in record.flags
    assert events(desk)[-1].outcome == "escalated"


def test_a_tick_survives_a_locked_vault(desk: Desk, clock: FakeClock) -> None:
    desk.book(pkg=package(minutes=30))
    session = runner_for(desk).start("bk-1")
    desk.vault.close()  # auto-lock while the timer still runs
    clock.advance(25 * 60)
    tick = session.tick()
    assert tick.warnings == (5,)  # shown now, even if it could not be saved


def test_a_damaged_live_record_resumes_from_the_booked_start(data_dir: Path) -> None:
    import sqlite3

    path = data_dir / "vault.sqlite3"
    first = FakeClock()
    desk = open_desk(path, first, create=True)
    desk.book(pkg=package(minutes=30))
    runner_for(desk).start("bk-1")
    desk.vault.close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE records SET sealed = zeroblob(40) WHERE kind = ?", (KIND,))
    conn.commit()
    conn.close()

    later = FakeClock(mono=0.0, mono0=0.0, wall0=T0 + timedelta(minutes=10))
    desk = open_desk(path, later, create=False)
    runner = runner_for(desk)
    assert runner.keeps_customer_data(desk.store.load(Booking, "bk-1"))
    resumed = runner.resume()
    assert resumed is not None
    assert resumed.elapsed() == pytest.approx(600)
    assert resumed.started_at == T0
    assert resumed.contact() is not None
    resumed.finish()
    assert desk.vault.customer_bookings() == []
    desk.vault.close()
