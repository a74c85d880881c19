"""Today's session card and reminders: the stage of each booking, the contact only inside the
contact window, unblocking a returning customer first, starting, and a reminder before each
start (tray where there is one, banner otherwise; never the customer's name)."""

from __future__ import annotations

from datetime import timedelta

import msgspec
import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from talentdesk.domain import Booking, BookingStatus, Channel
from talentdesk.sessions.runner import SessionError
from talentdesk.ui.clipboard import is_marked_secret
from talentdesk.ui.language import LanguageSwitcher
from talentdesk.ui.session.messages import SessionMessages
from talentdesk.ui.session.notifications import (
    Notifier,
    ReminderBanner,
    Reminders,
    due_reminders,
    newly_cancelled,
)
from talentdesk.ui.session.stages import BookingStage, can_start, stage_of
from talentdesk.ui.session.today_panel import SessionStartPanel
from talentdesk.ui.session.windows import SessionWindows
from tests.sessions.conftest import T0
from tests.ui.conftest import click
from tests.ui.session.conftest import (
    ALIAS,
    HANDLE,
    Desk,
    end_with_every_step_done,
    package,
    settle,
)

pytestmark = pytest.mark.usefixtures("english")


def make_panel(qtbot: QtBot, desk: Desk) -> SessionStartPanel:
    panel = SessionStartPanel(desk.session)
    qtbot.addWidget(panel)
    panel.resize(900, 300)
    panel.show()
    return panel


def show(qtbot: QtBot, desk: Desk, panel: SessionStartPanel, booking: Booking) -> None:
    panel.set_booking(booking)
    settle(qtbot, desk)


def test_the_stage_of_a_booking() -> None:
    start = T0 + timedelta(minutes=30)
    booking = Booking(id="b", start=start, package=package(), status=BookingStatus.ACCEPTED)
    assert stage_of(booking, T0, 10) is BookingStage.UPCOMING
    assert stage_of(booking, start - timedelta(minutes=10), 10) is BookingStage.CONTACT_OPEN
    assert stage_of(booking, start + timedelta(minutes=29), 10) is BookingStage.CONTACT_OPEN
    assert stage_of(booking, start + timedelta(minutes=30), 10) is BookingStage.MISSED
    for status, stage in (
        (BookingStatus.PENDING, BookingStage.WAITING),
        (BookingStatus.LIVE, BookingStage.LIVE),
        (BookingStatus.DONE, BookingStage.DONE),
        (BookingStatus.CANCELLED, BookingStage.CANCELLED),
        (BookingStatus.DECLINED, BookingStage.DECLINED),
    ):
        assert stage_of(msgspec.structs.replace(booking, status=status), T0, 10) is stage
    assert can_start(BookingStage.CONTACT_OPEN, None)
    assert not can_start(BookingStage.UPCOMING, None)


def test_the_stage_words(qapp: object) -> None:
    words = SessionMessages()
    assert [words.stage(stage) for stage in BookingStage] == [
        "Waiting for your answer",
        "Upcoming",
        "Contact window open",
        "Live",
        "Wrap-up",
        "Done",
        "Cancelled",
        "Declined",
        "Time passed",
    ]


def test_the_contact_shows_only_inside_the_contact_window(qtbot: QtBot, desk: Desk) -> None:
    booking = desk.book(start=T0 + timedelta(minutes=25))
    panel = make_panel(qtbot, desk)
    show(qtbot, desk, panel, booking)
    assert panel.stage_now() is BookingStage.UPCOMING
    assert panel.stage.text().startswith("Chat only · Upcoming — ")
    assert not panel.contact.handle.isVisible()
    assert panel.contact.handle.text() == ""
    assert panel.contact.hidden_note.text() == (
        "The contact shows from 14:15, 10 minutes before the start."
    )
    assert not panel.start_button.isEnabled()

    desk.clock.advance(15 * 60)  # the contact window opens
    panel.reload()
    settle(qtbot, desk)
    assert panel.stage_now() is BookingStage.CONTACT_OPEN
    assert panel.contact.alias.text() == ALIAS
    assert panel.contact.handle.text() == HANDLE
    assert panel.start_button.isEnabled()
    click(panel.contact.copy_button)
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == HANDLE and is_marked_secret(clipboard.mimeData())
    desk.clipboard.clear_secret()


def shown_texts(widget: QWidget) -> list[str]:
    """Every text ``widget`` and its children hold: labels, buttons, fields, tooltips."""
    texts = []
    for each in (widget, *widget.findChildren(QWidget)):
        texts.append(each.toolTip())
        if isinstance(each, QLabel | QAbstractButton | QLineEdit):
            texts.append(each.text())
    return texts


def test_a_waiting_booking_shows_no_contact_until_accepted(qtbot: QtBot, desk: Desk) -> None:
    """Inside its contact window, a booking the talent has not accepted yet shows neither
    the customer's alias nor the handle, anywhere on the card, and nothing can copy it."""
    booking = desk.book(start=T0 + timedelta(minutes=5), status=BookingStatus.PENDING)
    panel = make_panel(qtbot, desk)
    show(qtbot, desk, panel, booking)
    assert panel.stage_now() is BookingStage.WAITING
    texts = shown_texts(panel)
    assert not any(HANDLE in text or ALIAS in text for text in texts), texts
    assert panel.contact.hidden_note.isVisible()
    assert panel.contact.hidden_note.text() == (
        "The customer's contact shows once you accept this booking."
    )
    assert not panel.contact.copy_button.isVisible()
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("before")
    panel.contact.copy_requested.emit()  # even if something asked to copy it
    settle(qtbot, desk)
    assert clipboard.text() == "before"
    assert desk.session.runner.contact(booking) is None

    accepted = msgspec.structs.replace(booking, status=BookingStatus.ACCEPTED)
    desk.store.save(accepted)
    show(qtbot, desk, panel, accepted)
    panel.reload()
    settle(qtbot, desk)
    assert panel.contact.handle.text() == HANDLE  # the same card, once accepted


def test_a_returning_customer_must_be_unblocked_first(qtbot: QtBot, desk: Desk) -> None:
    booking = desk.book(needs_unblock=True)
    screens = SessionWindows(desk.session, Notifier(tray_available=lambda: False))
    panel = make_panel(qtbot, desk)
    show(qtbot, desk, panel, booking)
    assert panel.unblock_note.isVisible() and panel.unblocked.isVisible()
    assert "unblock them in your chat and call apps" in panel.unblock_note.text()
    assert not panel.start_button.isEnabled()

    # The runner refuses too, whatever the button says.
    with qtbot.waitSignal(desk.session.failed, timeout=5000) as failed:
        desk.session.start(booking.id)
    assert isinstance(failed.args[1], SessionError)
    assert failed.args[1].key == "needs_unblock"
    settle(qtbot, desk)
    assert panel.error.text() == (
        "This returning customer must be unblocked before the session starts."
    )

    panel.unblocked.setChecked(True)
    assert panel.start_button.isEnabled()
    click(panel.start_button)
    qtbot.waitUntil(lambda: screens.window is not None and screens.window.isVisible())
    settle(qtbot, desk)
    assert panel.stage_now() is BookingStage.LIVE
    assert panel.open_button.isVisible() and not panel.start_button.isVisible()
    stored = desk.store.load(Booking, booking.id)
    assert stored is not None and not stored.needs_unblock
    screens.discard()


def test_the_card_follows_the_booking_to_wrap_up_and_done(qtbot: QtBot, desk: Desk) -> None:
    booking = desk.book()
    screens = SessionWindows(desk.session, Notifier(tray_available=lambda: False))
    panel = make_panel(qtbot, desk)
    show(qtbot, desk, panel, booking)
    click(panel.start_button)
    qtbot.waitUntil(lambda: desk.session.live is not None)
    settle(qtbot, desk)
    assert panel.stage.text() == "Chat only · Live"  # no "Live — This session is live."
    end_with_every_step_done(qtbot, desk.session)
    assert panel.stage_now() is BookingStage.WRAP_UP
    desk.session.finish()
    qtbot.waitUntil(lambda: desk.session.live is None, timeout=10_000)
    settle(qtbot, desk)
    assert panel.stage_now() is BookingStage.DONE
    assert panel.stage.text() == "Chat only · Done — The customer's details were destroyed."
    assert panel.contact.handle.text() == ""
    assert panel.contact.hidden_note.text() == "The customer's details are gone with this booking."
    assert not panel.start_button.isVisible()  # nothing left to start
    screens.discard()


def test_on_a_break_the_card_says_so_and_starting_is_asked_once(qtbot: QtBot, desk: Desk) -> None:
    booking = desk.book()
    screens = SessionWindows(desk.session, Notifier(tray_available=lambda: False))
    desk.session.workspace.safety.after_care.pause.start(10)
    panel = make_panel(qtbot, desk)
    show(qtbot, desk, panel, booking)
    assert panel.break_note.isVisible()
    assert panel.break_note.text().startswith("You are on a break: 10:00 left.")
    assert panel.start_button.isEnabled()  # the talent may still go on

    click(panel.start_button)
    dialog = panel.confirm_dialog
    assert dialog is not None
    assert dialog.text() == "Your break has 10:00 left. Start this session anyway?"
    dialog.reject()  # "Keep my break"
    qtbot.waitUntil(lambda: panel.confirm_dialog is None)
    settle(qtbot, desk)
    assert desk.session.live is None

    desk.clock.advance(3 * 60)
    click(panel.start_button)
    dialog = panel.confirm_dialog
    assert dialog is not None
    click(next(b for b in dialog.buttons() if b.text() == "Start anyway"))
    qtbot.waitUntil(lambda: desk.session.live is not None)
    assert desk.session.break_left() is None  # going on ended the break
    settle(qtbot, desk)
    assert not panel.break_note.isVisible()
    screens.discard()


def test_reminders_are_due_when_the_contact_window_opens() -> None:
    accepted = Booking(
        id="a", start=T0 + timedelta(minutes=10), package=package(), status=BookingStatus.ACCEPTED
    )
    later = msgspec.structs.replace(accepted, id="b", start=T0 + timedelta(hours=2))
    pending = msgspec.structs.replace(accepted, id="c", status=BookingStatus.PENDING)
    due = due_reminders([accepted, later, pending], T0, 10, set())
    assert [(r.booking.id, r.minutes) for r in due] == [("a", 10)]
    assert due_reminders([accepted], T0, 10, {("a", accepted.start)}) == []
    moved = msgspec.structs.replace(accepted, start=T0 + timedelta(minutes=5))
    assert [r.booking.id for r in due_reminders([moved], T0, 10, {("a", accepted.start)})] == ["a"]


def test_without_a_tray_the_reminder_is_a_banner_without_the_customer(
    qtbot: QtBot, desk: Desk
) -> None:
    desk.book(
        "bk-soon",
        start=T0 + timedelta(minutes=8),
        pkg=package(Channel.CALL, 60, 75_000),
        needs_unblock=True,
    )
    desk.book("bk-later", start=T0 + timedelta(hours=3))
    notifier = Notifier(tray_available=lambda: False)
    assert not notifier.uses_tray
    banner = ReminderBanner(notifier)
    qtbot.addWidget(banner)
    reminders = Reminders(desk.session, notifier, check_ms=60_000)
    with qtbot.waitSignal(reminders.reminded, timeout=5000) as reminded:
        reminders.start()
    assert reminded.args == ["bk-soon"]
    assert banner.isVisibleTo(banner.parentWidget() or banner)
    text = banner.callout.text()
    assert text == (
        "Session in 8 minutes — Sleep Call 60 menit at 14:08: Call only. Start it in "
        "TalentDesk when you are ready. Unblock the returning customer before you start."
    )
    assert ALIAS not in text and HANDLE not in text
    settle(qtbot, desk)
    reminders.check()  # once per booking
    settle(qtbot, desk)
    click(banner.close_button)
    assert not banner.isVisible()
    reminders.check()
    settle(qtbot, desk)
    assert not banner.isVisible()
    reminders.stop()


def test_the_reminder_follows_the_language_and_goes_when_its_session_starts(
    qtbot: QtBot, desk: Desk
) -> None:
    booking = desk.book("bk-soon", start=T0 + timedelta(minutes=8))
    notifier = Notifier(tray_available=lambda: False)
    banner = ReminderBanner(notifier)
    qtbot.addWidget(banner)
    reminders = Reminders(desk.session, notifier, check_ms=60_000)
    with qtbot.waitSignal(reminders.reminded, timeout=5000):
        reminders.start()
    assert banner.callout.text().startswith("Session in 8 minutes — ")
    switcher = LanguageSwitcher()
    switcher.set_language("id")
    try:
        qtbot.waitUntil(lambda: banner.callout.text().startswith("Sesi dalam 8 menit — "))
    finally:
        switcher.uninstall()
    qtbot.waitUntil(lambda: banner.callout.text().startswith("Session in 8 minutes — "))

    screens = SessionWindows(desk.session, Notifier(tray_available=lambda: False))
    desk.clock.advance(60)
    desk.session.start(booking.id)
    qtbot.waitUntil(lambda: desk.session.live is not None)
    assert not banner.isVisibleTo(banner.parentWidget() or banner)  # it started: no reminder
    assert banner.notice is None
    screens.discard()
    reminders.stop()


def test_a_cancelled_accepted_booking_gets_a_notice_with_the_agencys_reason(
    qtbot: QtBot, desk: Desk
) -> None:
    booking = desk.book("bk-later", start=T0 + timedelta(hours=3))
    notifier = Notifier(tray_available=lambda: False)
    banner = ReminderBanner(notifier)
    qtbot.addWidget(banner)
    reminders = Reminders(desk.session, notifier, check_ms=60_000)
    reminders.start()
    settle(qtbot, desk)
    assert banner.notice is None  # nothing due yet
    desk.store.save(
        msgspec.structs.replace(
            booking, status=BookingStatus.CANCELLED, cancel_reason="Pelanggan membatalkan"
        )
    )
    with qtbot.waitSignal(reminders.cancelled, timeout=5000) as cancelled:
        reminders.check()
    assert cancelled.args == ["bk-later"]
    assert banner.callout.text() == (
        "Booking cancelled — The agency cancelled your booking at 17:00 "
        "(Teman Curhat 30 menit). Their reason: “Pelanggan membatalkan”"
    )
    settle(qtbot, desk)
    reminders.check()  # told once
    settle(qtbot, desk)
    click(banner.close_button)
    reminders.check()
    settle(qtbot, desk)
    assert banner.notice is None
    reminders.stop()


def test_only_bookings_seen_accepted_count_as_newly_cancelled() -> None:
    accepted = Booking(id="a", start=T0, package=package(), status=BookingStatus.ACCEPTED)
    gone = msgspec.structs.replace(accepted, status=BookingStatus.CANCELLED)
    other = msgspec.structs.replace(gone, id="b")
    assert newly_cancelled([gone, other], None) == []  # the first look: nothing is news
    assert newly_cancelled([gone, other], {"a"}) == [gone]
    assert newly_cancelled([accepted], {"a"}) == []


def test_todays_list_says_each_bookings_stage(qtmodeltester: ModelTester, qapp: object) -> None:
    from talentdesk.sync.outbox import OutboxState
    from talentdesk.ui.pages.bookings_model import BookingsModel, Column
    from talentdesk.workspace import BookingRow

    soon = Booking(
        id="soon", start=T0 + timedelta(minutes=5), package=package(), status=BookingStatus.ACCEPTED
    )
    later = msgspec.structs.replace(soon, id="later", start=T0 + timedelta(hours=3))
    live = msgspec.structs.replace(soon, id="live", status=BookingStatus.LIVE)
    done = msgspec.structs.replace(soon, id="done", status=BookingStatus.DONE)
    gone = msgspec.structs.replace(soon, id="gone", status=BookingStatus.CANCELLED)
    rows = (
        BookingRow(soon, OutboxState.DELIVERED),
        BookingRow(later, OutboxState.QUEUED),
        BookingRow(live),
        BookingRow(done),
        BookingRow(gone),
    )
    model = BookingsModel(now=lambda: T0)
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]
    model.set_rows(rows)
    model.set_stage_source(lambda booking: stage_of(booking, T0, 10))
    states = [model.data(model.index(row, Column.STATE)) for row in range(len(rows))]
    assert states == [
        "Contact window open",
        "Upcoming · queued",
        "Live",
        "Done",
        "Cancelled by the agency",
    ]
    model.set_stage_source(None)
    assert model.data(model.index(0, Column.STATE)) == "Accepted · delivered"


def test_a_declined_booking_reads_without_a_dangling_dash(qtbot: QtBot, desk: Desk) -> None:
    booking = desk.book(status=BookingStatus.DECLINED)
    panel = make_panel(qtbot, desk)
    show(qtbot, desk, panel, booking)
    assert panel.stage.text() == "Chat only · Declined"  # was "Chat only · Declined —"
    assert not panel.start_button.isVisible()  # nothing to start, not a greyed-out Start
