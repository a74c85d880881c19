"""The agency in the window, against the real reference agency server on loopback.

Pairing through Settings, the status line (connected, retrying in N s and why),
bookings arriving in Today, accepting with and without warnings, declining,
the demo run, and sync stopped before the vault closes.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from talentdesk.demo import demo_vault_key
from talentdesk.domain import (
    KEY_SERVICE_CALL,
    BookingStatus,
    BoundaryAnswer,
    BoundaryItem,
    BoundaryPreset,
    ShiftLimits,
)
from talentdesk.sessions.settings import load_settings, save_settings
from talentdesk.sync.service import TOKEN_SECRET, SyncService
from talentdesk.ui.application import TalentDeskApp
from talentdesk.ui.main_window import MainWindow, Page
from talentdesk.ui.pages.bookings_model import Column
from talentdesk.ui.unlock.screen import UnlockScreen
from talentdesk.vault import Protection, Vault
from talentdesk.vault.paths import ensure_private_dir
from talentdesk.vault.records import RecordStore
from talentdesk.workspace import DemoAgency, SyncTuning
from talentdesk_agency import AgencyStore, ServerThread, seed_demo
from tests.ui.conftest import (
    PASSPHRASE,
    AppFactory,
    FakeClock,
    click,
    is_locked,
    open_vault,
    unlock_with,
    wait_for_main_window,
    wait_for_step,
)

pytestmark = pytest.mark.usefixtures("no_keyring")

TALENT = "Sari"
SYNC_THREADS = ("sync-feed", "sync-urgent", "sync-outbox")
FAST = SyncTuning(feed_wait=1, client_timeout=5.0)
WAIT_MS = 20_000


@dataclass
class Agency:
    server: ServerThread
    store: AgencyStore
    db: Path

    @property
    def url(self) -> str:
        return self.server.url

    def book(self, package_id: str, *, minutes: int = 120, returning: bool = False) -> str:
        """Push a booking ``minutes`` from now (on the minute) to the talent."""
        start = (datetime.now(UTC) + timedelta(minutes=minutes)).replace(second=0, microsecond=0)
        return self.store.create_booking(
            TALENT,
            start=start,
            package_id=package_id,
            alias="Contoh Melati",
            handle="@contoh.melati",
            returning=returning,
        )

    def answer_of(self, booking_id: str) -> tuple[str | None, str | None]:
        """The answer and reason the agency recorded for a booking."""
        with sqlite3.connect(self.db) as conn:
            row = conn.execute(
                "SELECT answer, answer_reason FROM bookings WHERE id = ?", (booking_id,)
            ).fetchone()
        assert row is not None
        return row[0], row[1]


@pytest.fixture
def agency(tmp_path: Path) -> Iterator[Agency]:
    """The reference agency server on a free loopback port, and its database."""
    db = tmp_path / "agency.sqlite3"
    server = ServerThread(db, faults=True)
    server.start()
    store = AgencyStore(db)
    yield Agency(server, store, db)
    store.close()
    server.stop()


def paired_vault(
    vault_path: Path, agency: Agency, prepare: Callable[[Vault], None] | None = None
) -> None:
    """A passphrase vault paired with ``agency`` as the talent, closed again."""
    vault = Vault.create(vault_path, passphrase=PASSPHRASE)
    try:
        SyncService(vault).pair(agency.url, agency.store.create_pairing_code(TALENT))
        if prepare is not None:
            prepare(vault)
    finally:
        vault.close()


def unlock(qtbot: QtBot, app: TalentDeskApp) -> MainWindow:
    app.start()
    wait_for_step(qtbot, app, "passphrase")
    unlock_with(qtbot, app, PASSPHRASE)
    return wait_for_main_window(qtbot, app)


def wait_connected(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(
        lambda: window.agency_line.full_text.startswith("Connected to "),
        timeout=WAIT_MS,
    )


def wait_row(qtbot: QtBot, window: MainWindow, booking_id: str) -> int:
    model = window.today.model
    qtbot.waitUntil(lambda: model.row_of(booking_id) is not None, timeout=WAIT_MS)
    row = model.row_of(booking_id)
    assert row is not None
    return row


def cell(window: MainWindow, booking_id: str, column: Column) -> str:
    model = window.today.model
    row = model.row_of(booking_id)
    assert row is not None
    text = model.data(model.index(row, column))
    assert isinstance(text, str)
    return text


def sync_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name in SYNC_THREADS and t.is_alive()}


def started_sync_threads(qtbot: QtBot, before: set[threading.Thread]) -> set[threading.Thread]:
    """The sync threads started since ``before``, once all of them run (the feed thread
    may say "connected" before the last sender has started)."""
    qtbot.waitUntil(
        lambda: {t.name for t in sync_threads() - before} == set(SYNC_THREADS), timeout=WAIT_MS
    )
    return sync_threads() - before


# --------------------------------------------------------------------------- pairing


def test_pair_in_settings_then_a_booking_arrives_and_is_accepted(
    qtbot: QtBot, agency: Agency, make_app: AppFactory, passphrase_vault: Path
) -> None:
    window = unlock(qtbot, make_app("en", sync_tuning=FAST))
    assert window.agency_line.full_text == "Not paired with an agency"
    assert window.today.heading.text() == "No bookings yet"
    window.show_page(Page.SETTINGS)
    section = window.settings.agency
    assert section.form.isVisible() and not section.paired_box.isVisible()
    assert section.status.text() == "Not paired with an agency yet."

    section.url_field.setText(agency.url)
    section.code_field.setText(agency.store.create_pairing_code(TALENT))
    click(section.pair_button)
    wait_connected(qtbot, window)
    assert window.agency_line.full_text == (f"Connected to {agency.store.agency_name} as {TALENT}")
    assert section.status.text() == f"Paired as {TALENT} with {agency.store.agency_name}."
    assert agency.url in section.explanation.text()
    assert section.paired_box.isVisible() and not section.form.isVisible()
    # The code is cleared when the pairing's answer reaches the page (it may follow the
    # status line's "Connected" by an event-loop turn).
    qtbot.waitUntil(lambda: section.code_field.text() == "", timeout=WAIT_MS)
    assert not section.error.isVisible()

    window.show_page(Page.TODAY)
    booking_id = agency.book("sleepcall-60")
    row = wait_row(qtbot, window, booking_id)
    today = window.today
    assert today.list_card.isVisible() and not today.empty_card.isVisible()
    assert cell(window, booking_id, Column.PACKAGE) == "Sleep Call 60 menit"
    assert cell(window, booking_id, Column.CHANNEL) == "Call only"
    assert cell(window, booking_id, Column.DURATION) == "60 min"
    assert cell(window, booking_id, Column.PRICE) == "Rp 75.000"
    assert cell(window, booking_id, Column.STATE) == "Waiting for your answer"
    assert today.list_summary.text() == "1 booking · 1 waiting for your answer"

    assert not today.accept_button.isEnabled()  # nothing selected yet
    assert today.select_booking(booking_id)
    assert today.accept_button.isEnabled() and today.decline_button.isEnabled()
    click(today.accept_button)  # no warnings: accepted at once, no question asked
    qtbot.waitUntil(lambda: cell(window, booking_id, Column.STATE) == "Upcoming", timeout=WAIT_MS)
    assert today.confirm_dialog is None
    assert today.answer_note.isVisible()
    assert "You accepted the booking at" in today.answer_note.text()
    assert "delivered to the agency" in today.answer_note.text()
    assert not today.accept_button.isEnabled()
    assert agency.answer_of(booking_id) == ("accept", None)
    assert row == today.model.row_of(booking_id)


def test_pairing_problems_are_said_plainly(
    qtbot: QtBot, agency: Agency, make_app: AppFactory, passphrase_vault: Path
) -> None:
    window = unlock(qtbot, make_app("en", sync_tuning=FAST))
    window.show_page(Page.SETTINGS)
    section = window.settings.agency

    def attempt(url: str, code: str) -> str:
        section.url_field.setText(url)
        section.code_field.setText(code)
        click(section.pair_button)
        qtbot.waitUntil(lambda: section.error.isVisible() and section.pair_button.isEnabled())
        return section.error.text()

    said = attempt("", "")
    assert said == "Type your agency's address and the one-time code it gave you."

    said = attempt("http://agency.example.com", "ABCD-EFGH")
    assert "refuses plain http://" in said
    assert "unencrypted" in said
    assert "https://" in said

    said = attempt(agency.url, "ABCD-EFGH")
    assert said == (
        "The agency doesn't know this code. Check it, or ask your agency for a new one."
    )
    said = attempt(agency.url, agency.store.create_pairing_code(TALENT, ttl_seconds=0))
    assert said == "This code has expired. Ask your agency for a new one."

    said = attempt("http://127.0.0.1:9", "ABCD-EFGH")  # nothing listens on the discard port
    assert said.startswith("Can't reach the agency at http://127.0.0.1:9: ")
    assert "Check the address" in said

    # The same message in Indonesian, live.
    window.settings.language_picker.setCurrentIndex(window.settings.language_picker.findData("id"))
    qtbot.waitUntil(lambda: section.error.text() != said)
    assert "agensi" in section.error.text()
    assert window.agency_line.full_text == "Belum terhubung ke agensi"
    assert section.form.isVisible()


def test_unpair_asks_first(
    qtbot: QtBot, agency: Agency, make_app: AppFactory, vault_path: Path
) -> None:
    paired_vault(vault_path, agency)
    before = sync_threads()
    window = unlock(qtbot, make_app("en", sync_tuning=FAST))
    wait_connected(qtbot, window)
    ours = started_sync_threads(qtbot, before)
    assert ours
    section = window.settings.agency
    window.show_page(Page.SETTINGS)

    click(section.unpair_button)
    dialog = section.unpair_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.text() == f"Unpair from {agency.store.agency_name}?"
    keep = [b for b in dialog.buttons() if b.text() == "Stay paired"]
    click(keep[0])
    qtbot.waitUntil(lambda: section.unpair_dialog is None)
    assert window.agency_line.full_text.startswith("Connected")

    click(section.unpair_button)
    dialog = section.unpair_dialog
    assert dialog is not None
    click(next(b for b in dialog.buttons() if b.text() == "Unpair"))
    qtbot.waitUntil(lambda: section.form.isVisible(), timeout=WAIT_MS)
    assert window.agency_line.full_text == "Not paired with an agency"
    assert section.status.text() == "Not paired with an agency yet."
    assert not any(t.is_alive() for t in ours)


# --------------------------------------------------------------------------- answering


def test_warnings_are_shown_before_accepting(
    qtbot: QtBot, agency: Agency, make_app: AppFactory, vault_path: Path
) -> None:
    def never_calls(vault: Vault) -> None:
        preset = BoundaryPreset(
            id="own-no-calls",
            name="Chat only, please",
            items=(BoundaryItem(key=KEY_SERVICE_CALL, label="Calls", answer=BoundaryAnswer.NEVER),),
        )
        RecordStore(vault).save(preset)
        settings = load_settings(vault)
        settings.active_preset_id = preset.id
        save_settings(vault, settings)

    paired_vault(vault_path, agency, never_calls)
    window = unlock(qtbot, make_app("en", sync_tuning=FAST))
    wait_connected(qtbot, window)

    # A shift limit set in Settings is one the warnings use.
    limits = window.settings.shift_limits
    qtbot.waitUntil(lambda: limits.saved_limits is not None)
    assert limits.limits() == ShiftLimits()  # 6 hours, 10 minutes
    assert limits.hours.currentText() == "6 hours"
    assert limits.break_minutes.currentText() == "10 minutes"
    assert not limits.save_button.isEnabled()
    limits.set_limits(ShiftLimits(max_hours_per_night=2.0, min_break_minutes=10))
    assert limits.save_button.isEnabled()
    click(limits.save_button)
    qtbot.waitUntil(lambda: limits.saved_label.text() == "Saved.")
    assert limits.saved_limits == ShiftLimits(max_hours_per_night=2.0, min_break_minutes=10)
    assert not limits.save_button.isEnabled()

    chat = agency.book("curhat-30", minutes=120)
    later = agency.book("curhat-30", minutes=300)
    clash = agency.book("curhat-30", minutes=135)  # at the same time as the chat
    call = agency.book("chatcall-90", minutes=155)  # 5 minutes after it, and with a call
    today = window.today
    for booking_id in (chat, later, clash, call):
        wait_row(qtbot, window, booking_id)

    for booking_id in (chat, later):
        today.select_booking(booking_id)
        click(today.accept_button)  # a chat package that fits: nothing to warn about
        qtbot.waitUntil(lambda: cell(window, booking_id, Column.STATE).startswith("Upcoming"))  # noqa: B023
        assert today.confirm_dialog is None

    # A real overlap is refused: no "accept anyway".
    today.select_booking(clash)
    click(today.accept_button)
    qtbot.waitUntil(lambda: today.confirm_dialog is not None, timeout=WAIT_MS)
    refusal = today.confirm_dialog
    assert refusal is not None
    qtbot.waitUntil(refusal.isVisible)
    assert refusal.windowTitle() == "This booking cannot be accepted"
    chat_time = cell(window, chat, Column.TIME)
    assert refusal.informativeText().splitlines() == [
        f"• your booking at {chat_time} (Teman Curhat 30 menit)",
        "You can't be in two sessions at once. Decline it, or ask your agency to move one of them.",
    ]
    assert [b.text() for b in refusal.buttons()] == ["OK"]
    click(refusal.buttons()[0])
    qtbot.waitUntil(lambda: today.confirm_dialog is None)
    assert cell(window, clash, Column.STATE) == "Waiting for your answer"
    assert agency.answer_of(clash) == (None, None)

    today.select_booking(call)
    click(today.accept_button)
    qtbot.waitUntil(lambda: today.confirm_dialog is not None, timeout=WAIT_MS)
    dialog = today.confirm_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Check before you accept"
    assert "Chat + Call 90 menit" in dialog.text()
    lines = dialog.informativeText().splitlines()
    assert lines == [
        "• Your boundaries (Chat only, please) say never to take calls, and this package "
        "includes a call.",
        "• It takes you past your limit of 2 hours of sessions in a night.",
        "• It leaves you less than your 10 minutes of break between sessions.",
    ]
    assert not today.accept_button.isEnabled()  # no second answer while asking

    dont = next(b for b in dialog.buttons() if b.text() == "Don't accept")
    click(dont)
    qtbot.waitUntil(lambda: today.confirm_dialog is None)
    assert cell(window, call, Column.STATE) == "Waiting for your answer"
    assert agency.answer_of(call) == (None, None)

    click(today.accept_button)
    qtbot.waitUntil(lambda: today.confirm_dialog is not None, timeout=WAIT_MS)
    dialog = today.confirm_dialog
    assert dialog is not None
    click(next(b for b in dialog.buttons() if b.text() == "Accept anyway"))
    qtbot.waitUntil(lambda: cell(window, call, Column.STATE) == "Upcoming", timeout=WAIT_MS)
    assert agency.answer_of(call) == ("accept", None)


def test_decline_with_a_reason_and_unblock_note(
    qtbot: QtBot, agency: Agency, make_app: AppFactory, vault_path: Path
) -> None:
    paired_vault(vault_path, agency)
    window = unlock(qtbot, make_app("en", sync_tuning=FAST))
    returning = agency.book("curhat-30", minutes=60, returning=True)
    wait_row(qtbot, window, returning)
    assert cell(window, returning, Column.STATE) == "Waiting for your answer\nUnblock before start"
    model = window.today.model
    row = model.row_of(returning)
    assert row is not None
    tooltip = model.data(model.index(row, Column.STATE), Qt.ItemDataRole.ToolTipRole)
    assert isinstance(tooltip, str) and "unblock them before this one starts" in tooltip

    today = window.today
    today.select_booking(returning)
    click(today.decline_button)
    dialog = today.decline_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert "Decline the booking at" in dialog.labelText()
    dialog.setTextValue("  Sudah ada jadwal lain  ")
    dialog.accept()
    qtbot.waitUntil(
        lambda: cell(window, returning, Column.STATE) == "Declined · delivered", timeout=WAIT_MS
    )  # and nothing to unblock any more
    assert agency.answer_of(returning) == ("decline", "Sudah ada jadwal lain")
    assert "You declined the booking" in today.answer_note.text()


# --------------------------------------------------------------------------- the status line


def test_429_and_503_show_retrying_in_n_seconds_and_why(
    qtbot: QtBot, agency: Agency, make_app: AppFactory, vault_path: Path
) -> None:
    sync_clock = FakeClock(50_000.0)
    paired_vault(vault_path, agency)
    app = make_app("en", sync_tuning=SyncTuning(feed_wait=1, client_timeout=5.0, clock=sync_clock))
    window = unlock(qtbot, app)
    wait_connected(qtbot, window)
    line = window.agency_line

    agency.store.add_fault(path_prefix="/v1/feed", kind="status", status=429, retry_after=3)
    qtbot.waitUntil(lambda: line.full_text.startswith("Retrying in"), timeout=WAIT_MS)
    assert line.full_text == "Retrying in 3 s: the agency asked to slow down (too many requests)"
    assert line.property("tone") == "warning"
    sync_clock.advance(1.0)  # the countdown reads the clock; ticks only decide when to look
    qtbot.waitUntil(lambda: line.full_text.startswith("Retrying in 2 s: "), timeout=2000)
    wait_connected(qtbot, window)  # the service waited its 3 real seconds, then got through

    agency.store.add_fault(path_prefix="/v1/feed", kind="status", status=503, retry_after=3)
    qtbot.waitUntil(lambda: line.full_text.startswith("Retrying in"), timeout=WAIT_MS)
    assert line.full_text == "Retrying in 3 s: the agency's server has a problem"
    wait_connected(qtbot, window)
    assert line.property("tone") == "ok"


def test_agency_down_says_offline_then_connected_again(
    qtbot: QtBot, agency: Agency, make_app: AppFactory, vault_path: Path
) -> None:
    paired_vault(vault_path, agency)
    window = unlock(qtbot, make_app("en", sync_tuning=FAST))
    wait_connected(qtbot, window)
    line = window.agency_line
    agency.server.stop()
    qtbot.waitUntil(lambda: line.full_text.startswith("Offline, retrying in "), timeout=WAIT_MS)
    assert line.full_text.endswith(" s: the agency can't be reached (no connection)")
    agency.server.start()  # the same port again
    wait_connected(qtbot, window)


def test_refused_token_says_pair_again(
    qtbot: QtBot, agency: Agency, make_app: AppFactory, vault_path: Path
) -> None:
    paired_vault(vault_path, agency, lambda v: v.put_secret(TOKEN_SECRET, b"x" * 40))
    window = unlock(qtbot, make_app("en", sync_tuning=FAST))
    line = window.agency_line
    name = agency.store.agency_name
    qtbot.waitUntil(lambda: line.full_text.startswith("Token refused"), timeout=WAIT_MS)
    assert line.full_text == f"Token refused by {name}: unpair and pair again in Settings"
    assert line.property("tone") == "error"
    window.show_page(Page.SETTINGS)
    section = window.settings.agency
    assert section.refused.isVisible()
    assert section.refused.text().startswith(f"{name} no longer accepts this device's token.")
    assert section.unpair_button.isVisible()


def test_skipped_events_and_queued_items_are_counted(
    qtbot: QtBot, agency: Agency, make_app: AppFactory, vault_path: Path
) -> None:
    paired_vault(vault_path, agency)
    window = unlock(qtbot, make_app("en", sync_tuning=FAST))
    wait_connected(qtbot, window)
    line = window.agency_line
    agency.store.inject_event(TALENT, "agency.party_started", '{"anything": true}')
    agency.store.inject_event(TALENT, "booking.created", '{"customer": {"alias": "x"}}')
    qtbot.waitUntil(
        lambda: line.full_text.endswith(" · 1 unknown event skipped · 1 unreadable event skipped"),
        timeout=WAIT_MS,
    )

    # The agency refuses writes for a while: the answer waits in the outbox, and says so.
    booking_id = agency.book("curhat-30")
    wait_row(qtbot, window, booking_id)
    agency.store.add_fault(
        path_prefix="/v1/bookings", kind="status", status=503, retry_after=1, times=3
    )
    today = window.today
    today.select_booking(booking_id)
    click(today.accept_button)
    qtbot.waitUntil(
        lambda: cell(window, booking_id, Column.STATE) == "Upcoming · queued", timeout=WAIT_MS
    )
    # The note follows the table's reload (a separate, coalesced refresh of the selection).
    qtbot.waitUntil(lambda: "Your answer is queued" in today.answer_note.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "1 item waiting to be sent" in line.full_text, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: cell(window, booking_id, Column.STATE) == "Upcoming", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "waiting to be sent" not in line.full_text, timeout=WAIT_MS)
    assert agency.answer_of(booking_id) == ("accept", None)


# --------------------------------------------------------------------------- demo


def test_demo_run_says_demo_and_pairs_itself(
    qtbot: QtBot, agency: Agency, make_app: AppFactory, passphrase_vault: Path
) -> None:
    code = seed_demo(agency.db, TALENT, datetime.now(UTC))
    app = make_app("en", demo=DemoAgency(url=agency.url, pairing_code=code), sync_tuning=FAST)
    window = unlock(qtbot, app)
    assert window.windowTitle() == "DEMO"  # Qt adds " — TalentDesk" itself
    assert window.demo_banner.isVisible()
    assert window.demo_banner.text() == "DEMO — sample agency on this computer, sample bookings"
    wait_connected(qtbot, window)
    model = window.today.model
    qtbot.waitUntil(lambda: model.rowCount() == 4, timeout=WAIT_MS)
    states = [str(model.data(model.index(row, Column.STATE))) for row in range(4)]
    assert sum(state.endswith("\nUnblock before start") for state in states) == 1
    assert all(r.booking.status is BookingStatus.PENDING for r in model.rows())
    window.show_page(Page.SETTINGS)
    section = window.settings.agency
    assert section.demo_note.isVisible()
    assert agency.url in section.demo_note.text()
    assert section.status.text().startswith(f"Paired as {TALENT} with ")


@pytest.mark.usefixtures("no_keyring")
def test_demo_without_a_keyring_reaches_the_main_window_without_a_question(
    qtbot: QtBot,
    agency: Agency,
    make_app: AppFactory,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code = seed_demo(agency.db, TALENT, datetime.now(UTC))
    key = demo_vault_key(ensure_private_dir(data_dir))
    shown: list[str] = []
    show_step = UnlockScreen._show_step

    def record(screen: UnlockScreen, step: QWidget) -> None:
        shown.append(type(step).__name__)
        show_step(screen, step)

    monkeypatch.setattr(UnlockScreen, "_show_step", record)
    app = make_app(
        "en",
        demo=DemoAgency(url=agency.url, pairing_code=code),
        sync_tuning=FAST,
        vault_key=key,
    )
    app.start()
    window = wait_for_main_window(qtbot, app)
    # At most "Opening your vault…" while the vault was made: no step asked anything.
    assert set(shown) <= {"BusyStep"}
    assert open_vault(app).protection is Protection.PASSPHRASE  # no keyring here
    assert window.status_line.text() == "Demo vault · its key is in the demo folder, unprotected"
    wait_connected(qtbot, window)

    # After a lock, one click opens it again: still no passphrase.
    app.lock()
    screen = app.unlock_screen
    qtbot.waitUntil(lambda: screen.current_step is screen.locked, timeout=WAIT_MS)
    assert "demo folder" in screen.locked._body.text()
    click(screen.locked.unlock_button)
    wait_for_main_window(qtbot, app)
    assert "PassphraseStep" not in shown and "NewPassphraseStep" not in shown


def test_demo_vault_paired_at_another_address_pairs_again(
    qtbot: QtBot, agency: Agency, make_app: AppFactory, vault_path: Path
) -> None:
    paired_vault(vault_path, agency)  # as if the sample agency had another port last time
    moved = agency.url.replace("127.0.0.1", "localhost")
    code = agency.store.create_pairing_code(TALENT)
    app = make_app("en", demo=DemoAgency(url=moved, pairing_code=code), sync_tuning=FAST)
    window = unlock(qtbot, app)
    wait_connected(qtbot, window)
    pairing = window.settings.agency
    assert app.agency is not None and app.agency.pairing is not None
    assert app.agency.pairing.agency_url == moved
    assert moved in pairing.explanation.text()


# --------------------------------------------------------------------------- lock and quit


def test_lock_stops_sync_before_the_vault_closes_without_freezing(
    qtbot: QtBot,
    agency: Agency,
    make_app: AppFactory,
    vault_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paired_vault(vault_path, agency)
    before = sync_threads()
    app = make_app("en", sync_tuning=SyncTuning(feed_wait=4, client_timeout=5.0))
    window = unlock(qtbot, app)
    wait_connected(qtbot, window)
    ours = started_sync_threads(qtbot, before)
    assert {t.name for t in ours} == set(SYNC_THREADS)
    vault = app.vault
    assert vault is not None
    seen_at_close: list[tuple[bool, ...]] = []
    real_close = vault.close

    def close() -> None:
        seen_at_close.append(tuple(t.is_alive() for t in ours))
        real_close()

    monkeypatch.setattr(vault, "close", close)
    qtbot.wait(300)  # a long-poll is in flight now
    started = time.monotonic()
    app.lock()
    assert time.monotonic() - started < 1.0  # the window never waits for the long-poll
    assert is_locked(app)
    assert app.unlock_screen.busy.title.text() == "Locking TalentDesk…"
    wait_for_step(qtbot, app, "passphrase", timeout=WAIT_MS)
    assert seen_at_close == [(False, False, False)]  # every sync thread had ended
    assert not vault.is_open

    # Unlocking again starts syncing again.
    unlock_with(qtbot, app, PASSPHRASE)
    window = wait_for_main_window(qtbot, app)
    wait_connected(qtbot, window)


def test_quit_stops_sync_before_the_vault_closes(
    qtbot: QtBot,
    agency: Agency,
    make_app: AppFactory,
    vault_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paired_vault(vault_path, agency)
    before = sync_threads()
    app = make_app("en", sync_tuning=SyncTuning(feed_wait=2, client_timeout=5.0))
    window = unlock(qtbot, app)
    wait_connected(qtbot, window)
    ours = started_sync_threads(qtbot, before)
    vault = app.vault
    assert vault is not None
    seen_at_close: list[tuple[bool, ...]] = []
    real_close = vault.close

    def close() -> None:
        seen_at_close.append(tuple(t.is_alive() for t in ours))
        real_close()

    monkeypatch.setattr(vault, "close", close)
    app.shutdown()
    assert seen_at_close == [(False, False, False)]
    assert not vault.is_open


def test_quit_while_locking_still_waits_for_sync(
    qtbot: QtBot,
    agency: Agency,
    make_app: AppFactory,
    vault_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paired_vault(vault_path, agency)
    before = sync_threads()
    app = make_app("en", sync_tuning=SyncTuning(feed_wait=3, client_timeout=5.0))
    window = unlock(qtbot, app)
    wait_connected(qtbot, window)
    ours = started_sync_threads(qtbot, before)
    vault = app.vault
    assert vault is not None
    seen_at_close: list[tuple[bool, ...]] = []
    real_close = vault.close

    def close() -> None:
        seen_at_close.append(tuple(t.is_alive() for t in ours))
        real_close()

    monkeypatch.setattr(vault, "close", close)
    qtbot.wait(200)
    app.lock()
    app.shutdown()  # before the long-poll in flight has ended
    assert seen_at_close == [(False, False, False)]
    assert not vault.is_open
