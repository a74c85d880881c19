"""The session window: the countdown from the monotonic clock, the scope, warnings, overrun,
ending, the closing routine and finishing (shred, record, events)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from talentdesk.domain import Booking, BookingStatus, Channel, SessionOutcome, SessionRecord
from talentdesk.sessions.runner import (
    CHECK_BLOCK_IN_CALLS,
    CHECK_BLOCK_IN_CHAT,
    CHECK_REMOVE_FROM_RECENTS,
    CHECK_SEND_CLOSING_REPLY,
    FLAG_OVERTIME,
    FinishedSession,
    SessionPhase,
    SessionScope,
)
from talentdesk.ui.session.controller import MIN_TICK_MS, next_tick_ms
from talentdesk.ui.session.messages import clock_text
from talentdesk.ui.session.notifications import Notifier
from talentdesk.ui.session.window import SessionWindow
from talentdesk.ui.session.windows import SessionWindows
from talentdesk.workspace import Changes
from tests.ui.conftest import click
from tests.ui.session.conftest import HANDLE, Desk, end_with_every_step_done, package, settle

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def screens(qtbot: QtBot, desk: Desk) -> Iterator[SessionWindows]:
    notifier = Notifier(tray_available=lambda: False)
    made = SessionWindows(desk.session, notifier, platform="offscreen")
    yield made
    made.discard()


def start(qtbot: QtBot, desk: Desk, screens: SessionWindows, booking: Booking) -> SessionWindow:
    desk.session.start(booking.id)
    qtbot.waitUntil(lambda: screens.window is not None and screens.window.isVisible())
    settle(qtbot, desk)
    assert screens.window is not None
    return screens.window


def test_clock_text() -> None:
    assert clock_text(0) == "00:00"
    assert clock_text(0.001) == "00:01"  # a countdown shows a second until it is over
    assert clock_text(59.999) == "01:00"
    assert clock_text(3600) == "1:00:00"
    assert clock_text(7199.5) == "2:00:00"
    assert clock_text(65.9, round_up=False) == "01:05"
    assert clock_text(-3) == "00:00"


def test_the_timer_looks_just_after_each_second_turns() -> None:
    from talentdesk.sessions.runner import SessionTick

    running = SessionTick(SessionPhase.RUNNING, elapsed=10.25, time_left=1789.75, overrun=0)
    assert next_tick_ms(running) == 755  # 0.75 s to the next whole second, plus 5 ms
    over = SessionTick(SessionPhase.OVERRUN, elapsed=1801.9, time_left=0, overrun=1.9)
    assert next_tick_ms(over) == 105
    whole = SessionTick(SessionPhase.RUNNING, elapsed=10, time_left=1790.0, overrun=0)
    assert next_tick_ms(whole) == 1000
    close = SessionTick(SessionPhase.RUNNING, elapsed=10, time_left=1790.001, overrun=0)
    assert next_tick_ms(close) == MIN_TICK_MS  # never a busy loop


def test_a_two_hour_session_keeps_time_warns_and_overruns_on_time(
    qtbot: QtBot, desk: Desk, screens: SessionWindows
) -> None:
    booking = desk.book(pkg=package(Channel.CHAT, 120, 150_000))
    window = start(qtbot, desk, screens, booking)
    session, clock = desk.session, desk.clock
    live = session.live
    assert live is not None
    assert window.countdown.text() == "2:00:00"
    assert window.caption.text().startswith("time left · started ")
    assert window.scope_banner.text() == "Chat only — no calls"
    assert "To extend, ask the agency" in window.extend_note.text()

    warned: list[tuple[int, float]] = []
    overrun: list[float] = []
    session.warning_due.connect(lambda minutes: warned.append((minutes, live.elapsed())))
    session.overrun_started.connect(lambda: overrun.append(live.elapsed()))

    # Irregular looks, as a busy machine gives them (in ms); the marks are hit exactly.
    marks = [6_900_000, 7_140_000, 7_200_000]
    steps = itertools.cycle([700, 1300, 250, 2900, 50, 1000, 999, 1601])
    base = clock.mono
    elapsed = 0
    worst = 0.0
    while elapsed < 7_200_000:
        step = next(steps)
        if marks and elapsed + step >= marks[0]:
            step = marks.pop(0) - elapsed
        elapsed += step
        clock.mono = base + elapsed / 1000
        session.tick_now()
        shown = window.shown_tick
        assert shown is not None
        worst = max(worst, abs(shown.elapsed - live.elapsed()))
        if shown.phase is SessionPhase.RUNNING:
            assert window.countdown.text() == clock_text(7200 - live.elapsed())
        if elapsed < 6_900_000:
            assert not window.time_note.isVisible()
    assert worst <= 0.05
    shown = window.shown_tick
    assert shown is not None
    assert abs(shown.elapsed - 7200.0) <= 0.05  # the timer at its end
    assert [m for m, _ in warned] == [5, 1]
    assert [t for _, t in warned] == pytest.approx([6900.0, 7140.0])  # on the first look
    assert overrun == pytest.approx([7200.0])
    assert window.countdown.text() == "+00:00"
    assert window.caption.text().startswith("over time · started ")
    assert window.countdown.property("phase") == "overrun"

    clock.advance(65.4)
    session.tick_now()
    assert window.countdown.text() == "+01:05"
    assert window.time_note.isVisible()
    assert window.time_note.text() == (
        "Time is up: 01:05 over the booked time. Close the session politely."
    )
    assert window.extend_note.isVisible()
    assert overrun == pytest.approx([7200.0])  # counted once

    end_with_every_step_done(qtbot, session)
    with qtbot.waitSignal(session.finished, timeout=10_000) as done:
        session.finish()
    result = done.args[0]
    assert isinstance(result, FinishedSession)
    assert result.record.actual_seconds == pytest.approx(7265.4)
    assert FLAG_OVERTIME in result.record.flags
    assert result.record.outcome is SessionOutcome.COMPLETED


def test_the_qtimer_only_decides_when_to_look(
    qtbot: QtBot, desk: Desk, screens: SessionWindows
) -> None:
    window = start(qtbot, desk, screens, desk.book())
    assert window.countdown.text() == "30:00"
    desk.clock.advance(61.5)  # nobody calls tick: the timer looks by itself
    qtbot.waitUntil(lambda: window.countdown.text() == "28:59", timeout=2000)
    desk.clock.advance(3600)  # the app slept through an hour: no drift, no count of ticks
    qtbot.waitUntil(lambda: window.countdown.text() == "+31:01", timeout=2000)


@pytest.mark.parametrize(
    ("channel", "scope", "banner", "pace"),
    [
        (Channel.CHAT, SessionScope.CHAT_ONLY, "Chat only — no calls", True),
        (Channel.CALL, SessionScope.CALL_ONLY, "Call only — no chat", False),
        (Channel.CHAT_CALL, SessionScope.CHAT_AND_CALL, "Chat + call — both are included", True),
    ],
)
def test_the_scope_banner_says_what_the_package_covers(
    qtbot: QtBot,
    desk: Desk,
    screens: SessionWindows,
    channel: Channel,
    scope: SessionScope,
    banner: str,
    pace: bool,
) -> None:
    window = start(qtbot, desk, screens, desk.book(pkg=package(channel, 60, 75_000)))
    assert window.scope_banner.text() == banner
    assert window.scope_banner.property("scope") == scope.value
    assert window.pace.isVisibleTo(window) is pace
    assert window.package.text() == package(channel, 60).name
    assert "Rp 75.000" in window.booked.text()


def test_the_customer_shows_until_finished_and_the_handle_copies_as_a_secret(
    qtbot: QtBot, desk: Desk, screens: SessionWindows
) -> None:
    window = start(qtbot, desk, screens, desk.book())
    assert window.contact.handle.text() == HANDLE
    assert window.contact.alias.isVisible()
    click(window.contact.copy_button)
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == HANDLE
    assert bytes(clipboard.mimeData().data("x-kde-passwordManagerHint").data()) == b"secret"
    assert window.contact.copied_note.text() == "Copied. Cleared from the clipboard in 30 s."
    desk.clock.advance(12)
    desk.clipboard.check()
    qtbot.waitUntil(lambda: "in 18 s" in window.contact.copied_note.text(), timeout=2000)

    session = desk.session
    desk.clock.advance(30 * 60)
    session.tick_now()
    session.end()
    qtbot.waitUntil(lambda: session.routine is not None)
    assert window.contact.handle.text() == HANDLE  # still there to block the customer
    click(window.contact.copy_button)
    for key in session.routine.checklist if session.routine else ():
        session.set_step_done(key, True)
    session.finish()
    qtbot.waitUntil(lambda: session.live is None, timeout=10_000)
    assert clipboard.text() == ""  # the handle went with the customer's data
    assert screens.window is None


def test_ending_early_asks_first(qtbot: QtBot, desk: Desk, screens: SessionWindows) -> None:
    window = start(qtbot, desk, screens, desk.book())
    desk.clock.advance(600)
    desk.session.tick_now()
    click(window.end_button)
    dialog = window.end_dialog
    assert dialog is not None
    assert "20:00 of the booked time are still left" in dialog.text()
    dialog.reject()  # keep going
    qtbot.waitUntil(lambda: window.end_dialog is None)
    assert desk.session.routine is None
    click(window.end_button)
    dialog = window.end_dialog
    assert dialog is not None
    end = next(b for b in dialog.buttons() if b.text() == "End session")
    click(end)
    qtbot.waitUntil(lambda: desk.session.routine is not None)
    assert window.closing.isVisible()
    assert not window.end_button.isVisible()


def test_the_closing_routine_then_finish(qtbot: QtBot, desk: Desk, screens: SessionWindows) -> None:
    desk.agency_replies()
    desk.settings(talent_name="Sari", wrap_up_seconds=120)
    booking = desk.book(pkg=package(Channel.CHAT_CALL, 30, 40_000))
    window = start(qtbot, desk, screens, booking)
    desk.session.set_reply_language("id")  # the app in English, replying in Indonesian
    desk.clock.advance(30 * 60 + 5)
    desk.session.tick_now()
    click(window.end_button)  # no question once the time is up
    qtbot.waitUntil(lambda: window.closing.isVisible())
    closing = window.closing
    assert window.countdown.text() == "30:05"
    assert window.caption.text().startswith("session length · started ")
    assert closing.summary.text() == (
        "The session lasted 30:05 of the 30 min booked. 00:05 over time."
    )
    assert closing.reply_text.text() == "Sesi kita sudah selesai ya. Makasih, salam dari Sari!"
    assert list(closing.steps) == [
        CHECK_SEND_CLOSING_REPLY,
        CHECK_BLOCK_IN_CHAT,
        CHECK_BLOCK_IN_CALLS,
        CHECK_REMOVE_FROM_RECENTS,
    ]
    assert [box.text() for box in closing.steps.values()] == [
        "Send the closing reply",
        "Block the customer in your chat app",
        "Block the customer's number for calls",
        "Remove the conversation and the number from your recent chats and calls",
    ]
    assert closing.wrap_up.text() == "Wrap-up time: 02:00 left to close and block."
    desk.clock.advance(45)
    desk.session.tick_now()
    assert closing.wrap_up.text() == "Wrap-up time: 01:15 left to close and block."

    click(closing.copy_button)
    qtbot.waitUntil(lambda: closing.copied_note.isVisible())
    assert QGuiApplication.clipboard().text() == (
        "Sesi kita sudah selesai ya. Makasih, salam dari Sari!"
    )
    assert not closing.finish_button.isEnabled()
    for box in list(closing.steps.values())[:-1]:
        box.setChecked(True)
    assert not closing.finish_button.isEnabled()
    assert closing.finish_hint.text() == "Tick off every step to finish the session."
    list(closing.steps.values())[-1].setChecked(True)
    assert closing.finish_button.isEnabled()

    desk.clock.advance(200)
    desk.session.tick_now()
    assert closing.wrap_up.text() == "Wrap-up time is over. Finish when you are done."
    with qtbot.waitSignal(desk.session.finished, timeout=10_000):
        click(closing.finish_button)
    settle(qtbot, desk)
    assert screens.window is None and screens.compact is None
    record = desk.store.load(SessionRecord, "session-bk-1")
    assert record is not None
    assert record.actual_seconds == pytest.approx(30 * 60 + 5)
    stored = desk.store.load(Booking, "bk-1")
    assert stored is not None and stored.status is BookingStatus.DONE
    assert desk.vault.customer_bookings() == []
    kinds = [(str(item.kind), item.path) for item in desk.agency.workspace.outbox.items()[0]]
    assert kinds.count(("session_event", "/v1/sessions/bk-1/events")) == 2  # started, ended


@pytest.mark.parametrize(
    ("app_language", "reply_language", "closing_reply"),
    [
        ("en", "id", "Sesi kita sudah selesai ya. Makasih, salam dari Sari!"),
        ("id", None, "Sesi kita sudah selesai ya. Makasih, salam dari Sari!"),
        ("id", "en", "Our session is over now. Thank you!"),
    ],
)
def test_the_closing_reply_is_in_the_language_the_talent_replies_in(
    qtbot: QtBot,
    desk: Desk,
    screens: SessionWindows,
    app_language: str,
    reply_language: str | None,
    closing_reply: str,
) -> None:
    """It goes to the customer: the reply list's language, the app's when it shows both."""
    desk.agency_replies()
    desk.settings(talent_name="Sari")
    window = start(qtbot, desk, screens, desk.book())
    desk.session.language = app_language
    desk.session.set_reply_language(reply_language)
    desk.clock.advance(30 * 60 + 5)
    desk.session.tick_now()
    click(window.end_button)
    qtbot.waitUntil(lambda: window.closing.isVisible())
    assert window.closing.reply_text.text() == closing_reply


def test_closing_the_window_does_not_end_the_session(
    qtbot: QtBot, desk: Desk, screens: SessionWindows
) -> None:
    window = start(qtbot, desk, screens, desk.book())
    window.close()
    assert not window.isVisible()
    assert desk.session.live is not None
    screens.show_session()
    assert window.isVisible()


def test_the_compact_window_swaps_with_the_full_one(
    qtbot: QtBot, desk: Desk, screens: SessionWindows
) -> None:
    window = start(qtbot, desk, screens, desk.book())
    click(window.compact_button)
    compact = screens.compact
    assert compact is not None
    assert compact.isVisible() and not window.isVisible()
    assert compact.time.text() == "30:00"
    click(compact.full_button)
    assert window.isVisible() and not compact.isVisible()


def test_f8_and_f9_mark_the_reply_pace(qtbot: QtBot, desk: Desk, screens: SessionWindows) -> None:
    window = start(qtbot, desk, screens, desk.book())
    window.activateWindow()
    pace = window.pace
    QTest.keyClick(window, Qt.Key.Key_F8)
    assert desk.session.pace is not None
    desk.clock.advance(130)
    desk.session.tick_now()
    assert pace.waiting.text() == "The customer has waited 02:10."
    assert pace.warning.text() == "This reply already counts as slow. Answer now."
    QTest.keyClick(window, Qt.Key.Key_F9)
    assert pace.counts.text() == "Slow replies this session: 1"
    assert pace.waiting.text() == "Nobody is waiting for your answer."


def test_a_booking_the_agency_cancels_mid_session_says_so(
    qtbot: QtBot, desk: Desk, screens: SessionWindows
) -> None:
    import msgspec

    booking = desk.book()
    window = start(qtbot, desk, screens, booking)
    assert not window.cancelled_note.isVisible()
    stored = desk.store.load(Booking, booking.id)
    assert stored is not None
    desk.store.save(msgspec.structs.replace(stored, status=BookingStatus.CANCELLED))
    desk.agency.workspace.notify(Changes(bookings=True))  # as a feed page would
    qtbot.waitUntil(window.cancelled_note.isVisible)
    assert window.contact.handle.text() == HANDLE  # kept until the talent finishes


def test_a_preset_is_chosen_from_the_session_window_and_reads_in_its_own_language(
    qtbot: QtBot, desk: Desk, screens: SessionWindows
) -> None:
    standar = desk.agency_presets()  # "Standar" in Indonesian, "Standard" in English
    window = start(qtbot, desk, screens, desk.book())
    view = window.boundaries
    qtbot.waitUntil(lambda: len(view.choices()) == 3)
    assert view.choices() == [
        ("No boundary preset", None),
        ("Standard · English", "agency-standard"),  # the app's language first
        ("Standar · Indonesian", standar.id),
    ]
    assert view.name.text().startswith("No boundary preset is in force.")
    view.choose(standar.id)
    qtbot.waitUntil(lambda: view.preset is not None and view.preset.id == standar.id)
    assert desk.session.boundaries.active() == standar
    assert view.name.text() == "Standar · Indonesian"
    assert [a.isChecked() for a in view.menu.actions()] == [False, False, True]
    lines = [view.items.item(n).text() for n in range(view.items.count())]
    # An Indonesian preset reads in Indonesian, answers too, in an English window.
    assert lines[0] == "Tidak pernah · Ketemuan di luar"
    assert "Boleh · Chat" in lines
