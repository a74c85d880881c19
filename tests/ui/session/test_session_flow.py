"""A whole session through the window, against the real reference agency on loopback.

The agency pushes a booking whose customer is a sentinel; the talent accepts it in
Today, copies the handle (marked secret), starts the session from Today's card, answers
with ready replies, runs over time, ends, closes, finishes. Afterwards the clipboard, any
settings file Qt wrote, the data dir, the test session's temp and XDG folders and the log
do not hold the sentinel; the agency has the "started" and "ended" events. A handle still
on the clipboard is cleared when the app quits.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSlider, QWidget
from pytestqt.qtbot import QtBot

from talentdesk.domain import Booking, BookingStatus, ReplyStyle, SessionRecord
from talentdesk.sync.outbox import OutboxState
from talentdesk.ui.application import TalentDeskApp
from talentdesk.ui.clipboard import is_marked_secret
from talentdesk.ui.main_window import MainWindow
from talentdesk.ui.pages.bookings_model import Column
from talentdesk.vault import Vault
from talentdesk.vault.records import RecordStore
from talentdesk.workspace import SessionClocks
from tests.sessions.test_privacy import files_holding_the_sentinel
from tests.ui.conftest import AppFactory, click
from tests.ui.pages.test_agency import (  # noqa: F401  (the agency fixture)
    FAST,
    TALENT,
    WAIT_MS,
    Agency,
    agency,
    cell,
    paired_vault,
    unlock,
    wait_row,
)

pytestmark = pytest.mark.usefixtures("no_keyring", "english")

ALIAS = "SENTINEL-Kamboja-6d2f"
HANDLE = "@sentinel_kamboja_91ce"
FILLED = "SENTINEL-Panggilan-4b7e"


class Monotonic:
    """The session's monotonic clock, moved by the test (sync keeps the real one)."""

    def __init__(self) -> None:
        self.now = 50_000.0

    def __call__(self) -> float:
        return self.now


def push_booking(server: Agency, minutes: int = 5) -> str:
    start = (datetime.now(UTC) + timedelta(minutes=minutes)).replace(microsecond=0)
    return server.store.create_booking(
        TALENT, start=start, package_id="curhat-30", alias=ALIAS, handle=HANDLE
    )


def accepted_in_today(qtbot: QtBot, window: MainWindow, booking_id: str) -> None:
    today = window.today
    wait_row(qtbot, window, booking_id)
    assert today.select_booking(booking_id)
    click(today.accept_button)
    qtbot.waitUntil(
        lambda: cell(window, booking_id, Column.STATE) == "Contact window open",
        timeout=WAIT_MS,
    )


def wait_for(qtbot: QtBot, condition: Callable[[], bool], timeout: int = WAIT_MS) -> None:
    qtbot.waitUntil(condition, timeout=timeout)


def no_session_windows(app: TalentDeskApp) -> bool:
    return app.session_windows is None


def agency_events(db: Path, booking_id: str) -> list[str]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT type FROM session_events WHERE booking_id = ? ORDER BY rowid", (booking_id,)
        ).fetchall()
    return [str(row[0]) for row in rows]


def test_a_whole_session_through_the_window_leaves_no_trace(
    qtbot: QtBot,
    agency: Agency,  # noqa: F811
    make_app: AppFactory,
    vault_path: Path,
    data_dir: Path,
    session_root: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    paired_vault(vault_path, agency)
    mono = Monotonic()
    app: TalentDeskApp = make_app(
        "en", sync_tuning=FAST, session_clocks=SessionClocks(monotonic=mono)
    )
    window = unlock(qtbot, app)
    booking_id = push_booking(agency)
    accepted_in_today(qtbot, window, booking_id)
    session = app.session
    assert session is not None and app.session_windows is not None
    wait_for(qtbot, lambda: session.replies.get("agency-en-polite") is not None)

    # Today's card: the contact window is open, the handle copies as a secret.
    panel = window.today.session_panel
    assert panel is not None
    wait_for(qtbot, lambda: panel.contact.handle.text() == HANDLE)
    assert panel.contact.alias.text() == ALIAS
    click(panel.contact.copy_button)
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == HANDLE
    assert is_marked_secret(clipboard.mimeData())

    # Start from Today: the session window opens.
    assert window.today.answer_note.isVisible()  # "You accepted … delivered"
    click(panel.start_button)
    wait_for(
        qtbot, lambda: app.session_windows is not None and app.session_windows.window is not None
    )
    wait_for(qtbot, lambda: not window.today.answer_note.isVisible())  # old news now
    screens = app.session_windows
    assert screens is not None and screens.window is not None
    live_window = screens.window
    wait_for(qtbot, live_window.isVisible)
    assert live_window.scope_banner.whole == "Chat only — no calls"
    assert live_window.countdown.text() == "30:00"
    assert live_window.contact.handle.text() == HANDLE
    wait_for(
        qtbot,
        lambda: cell(window, booking_id, Column.STATE).startswith("Live"),
    )

    # A customer message, an answer by copying a ready reply, then over time.
    live_window.activateWindow()
    QTest.keyClick(live_window, Qt.Key.Key_F8)
    mono.now += 40
    replies = live_window.replies
    replies.set_language("en")
    wait_for(qtbot, lambda: replies.model.row_of("agency-en-polite") is not None)
    with qtbot.waitSignal(session.reply_copied, timeout=WAIT_MS):
        replies.copy_reply(replies.model.replies()[replies.model.row_of("agency-en-polite") or 0])
    assert clipboard.text().startswith("Sorry, that's something I can't do.")
    mono.now += 31 * 60
    session.tick_now()
    assert live_window.countdown.text().startswith("+")

    # End, close, finish.
    click(live_window.end_button)
    wait_for(qtbot, live_window.closing.isVisible)
    closing = live_window.closing
    for box in closing.steps.values():
        box.setChecked(True)
    click(live_window.contact.copy_button)  # to block the customer: copied once more
    assert clipboard.text() == HANDLE
    # The last copy before Finish: a reply with a blank the talent filled in for this
    # customer (plain text, not marked secret): it goes with the session too.
    farewell = session.replies.create(
        style=ReplyStyle.CLOSING, language="en", text="Good night {?nickname}, take care."
    )
    with qtbot.waitSignal(session.reply_copied, timeout=WAIT_MS):
        session.copy_reply(farewell, {"nickname": FILLED})
    assert clipboard.text() == f"Good night {FILLED}, take care."
    assert not is_marked_secret(clipboard.mimeData())
    with qtbot.waitSignal(session.finished, timeout=WAIT_MS) as done:
        click(closing.finish_button)
    assert done.args[0].customer_data_destroyed
    wait_for(qtbot, lambda: screens.window is None)
    assert clipboard.text() == ""  # the filled reply went with the customer's data
    wait_for(qtbot, lambda: cell(window, booking_id, Column.STATE).startswith("Done"))
    wait_for(qtbot, lambda: agency_events(agency.db, booking_id) == ["started", "ended"])
    desk = app.agency
    assert desk is not None
    wait_for(
        qtbot,
        lambda: all(
            item.state is not OutboxState.QUEUED for item in desk.workspace.outbox.items()[0]
        ),
    )
    vault = app.vault
    assert vault is not None
    assert vault.customer_bookings() == []
    app.shutdown()

    # Nothing holds the customer any more: clipboard, settings, files, logs.
    assert ALIAS not in clipboard.text() and HANDLE not in clipboard.text()
    assert FILLED not in clipboard.text()
    settings_file = Path(QSettings().fileName())
    if settings_file.exists():
        data = settings_file.read_bytes()
        assert ALIAS.encode() not in data and HANDLE.encode() not in data
    # Every agency database under the session's root (this test's and other tests') is the
    # agency's side: it may keep what the talent sent, never the customer's alias or handle.
    assert files_holding_the_sentinel(data_dir, session_root, besides=Path(agency.db)) == []
    for text in (ALIAS, HANDLE):
        assert text not in caplog.text
        assert all(text not in str(record.args) for record in caplog.records)
    reopened = Vault.open(vault_path, passphrase="mawar melati semuanya indah")
    try:
        store = RecordStore(reopened)
        record = store.load(SessionRecord, f"session-{booking_id}")
        assert record is not None and "overtime" in record.flags
        booking = store.load(Booking, booking_id)
        assert booking is not None and booking.status is BookingStatus.DONE
    finally:
        reopened.close()


def test_a_handle_left_on_the_clipboard_is_cleared_at_quit(
    qtbot: QtBot,
    agency: Agency,  # noqa: F811
    make_app: AppFactory,
    vault_path: Path,
) -> None:
    paired_vault(vault_path, agency)
    app = make_app("en", sync_tuning=FAST)
    window = unlock(qtbot, app)
    booking_id = push_booking(agency)
    accepted_in_today(qtbot, window, booking_id)
    panel = window.today.session_panel
    assert panel is not None
    wait_for(qtbot, lambda: panel.contact.handle.text() == HANDLE)
    click(panel.contact.copy_button)
    assert QGuiApplication.clipboard().text() == HANDLE
    app.shutdown()
    assert QGuiApplication.clipboard().text() == ""


def test_locking_takes_the_handle_off_and_the_session_goes_on_after_unlock(
    qtbot: QtBot,
    agency: Agency,  # noqa: F811
    make_app: AppFactory,
    vault_path: Path,
) -> None:
    from tests.ui.conftest import PASSPHRASE, unlock_with, wait_for_main_window, wait_for_step

    paired_vault(vault_path, agency)
    app = make_app("en", sync_tuning=FAST)
    window = unlock(qtbot, app)
    booking_id = push_booking(agency)
    accepted_in_today(qtbot, window, booking_id)
    panel = window.today.session_panel
    assert panel is not None
    wait_for(qtbot, lambda: panel.start_button.isEnabled())
    click(panel.start_button)
    wait_for(qtbot, lambda: app.session is not None and app.session.live is not None)
    assert app.session is not None
    app.session.copy_handle()
    assert QGuiApplication.clipboard().text() == HANDLE

    app.lock()
    assert QGuiApplication.clipboard().text() == ""
    assert no_session_windows(app)
    # Locked during a live session: the data is locked, the session goes on behind the
    # lock screen (its clock and the escalate button are there: tests/ui/unlock).
    assert app.locked and app.guard is not None
    wait_for_step(qtbot, app, "passphrase", timeout=WAIT_MS)
    unlock_with(qtbot, app, PASSPHRASE)
    wait_for_main_window(qtbot, app, timeout=WAIT_MS)
    wait_for(qtbot, lambda: app.session is not None and app.session.live is not None)
    assert app.session is not None and app.session.live is not None
    assert app.session.live.booking_id == booking_id
    assert not app.session.live.resumed  # the same session went on: no restart to recover
    screens = app.session_windows
    assert screens is not None
    wait_for(qtbot, lambda: screens.window is not None and screens.window.isVisible())


def in_view(widget: QWidget) -> bool:
    """Whether all of ``widget`` shows (not scrolled out of its scroll area)."""
    return widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect()


def test_a_short_today_scrolls_to_the_card_once_and_keeps_accept_in_view(
    qtbot: QtBot,
    agency: Agency,  # noqa: F811
    make_app: AppFactory,
    vault_path: Path,
) -> None:
    paired_vault(vault_path, agency)
    app: TalentDeskApp = make_app("en", sync_tuning=FAST)
    window = unlock(qtbot, app)
    window.resize(1000, 560)  # a short window: the card is below the list
    first, second = push_booking(agency), push_booking(agency, minutes=120)
    today = window.today
    scroll, panel = today.list_scroll, today.session_panel
    assert scroll is not None and panel is not None
    wait_row(qtbot, window, second)

    # A booking waiting for an answer: Accept stays in view.
    assert today.select_booking(second)
    qtbot.wait(50)
    assert in_view(today.accept_button)

    # Accepted, with its contact window open: the card comes into view, once.
    accepted_in_today(qtbot, window, first)
    try:
        wait_for(qtbot, lambda: panel.has_contact and in_view(panel))  # its contact too
    except Exception as exc:
        bar = scroll.verticalScrollBar()
        raise AssertionError(
            f"card not in view: visible {panel.visibleRegion().boundingRect()} of "
            f"{panel.rect()}, viewport {scroll.viewport().rect()}, scrolled "
            f"{bar.value()}/{bar.maximum()}, contact {panel.has_contact}"
        ) from exc
    # The talent scrolls back up (as the wheel or the scroll bar does it).
    scroll.verticalScrollBar().triggerAction(QAbstractSlider.SliderAction.SliderToMinimum)
    assert scroll.verticalScrollBar().value() == 0
    today.refresh()  # a reload selects the row again
    qtbot.wait(300)
    assert scroll.verticalScrollBar().value() == 0

    # Scrolled down to the card, then back to the waiting booking: Accept is still in
    # view (it is above the part that scrolls).
    bar = scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() > 0
    assert today.select_booking(second)
    qtbot.wait(50)
    assert in_view(today.accept_button) and in_view(today.decline_button)
