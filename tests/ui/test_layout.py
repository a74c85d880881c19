"""Every window fits: every text readable, nothing cut off or overlapping, in both languages.

One walk through a talent's night with the whole app against the real reference agency
on loopback (seeded like ``--demo``): the unlock screen, every page of the main window,
the dialogs of Today, Boundaries and Replies, a live session (the five-minutes-left and
time-up warnings, an escalation's panel, the agency cancelling, ending early), the
compact window, the crisis playbook, the report dialog and the filed report, "Are you
OK?", the closing checklist with an escalation open, after-care and its break, the
night summary, the Safety page, a locked app, a first run, and an unpaired desk.

At each stop every window on show is measured (:mod:`tests.ui.fit`) in Bahasa
Indonesia and in English, at the size it has on a 1366×768 screen (maximized, for the
main, session and unlock windows) and at its minimum size; during a live session the
reply-pace card and the escalate row must also show whole, not only their texts. The
test fails with one line per misfit. ``TALENTDESK_LAYOUT_SHOTS=DIR`` also saves a picture
of every window at every stop, to look at.
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontInfo, QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from talentdesk.app import workspace_opener
from talentdesk.domain import ReplyStyle, ShiftLimits
from talentdesk.sessions.terms import SessionScope
from talentdesk.sync.status import SyncPhase, SyncStatus
from talentdesk.ui.application import TalentDeskApp, build_app
from talentdesk.ui.main_window import MainWindow, Page
from talentdesk.ui.pages.today import TodayPage
from talentdesk.ui.session.messages import SessionMessages
from talentdesk.ui.session.window import SessionWindow
from talentdesk.ui.sync_chip import SyncChip
from talentdesk.ui.unlock.screen import UnlockScreen
from talentdesk.ui.widgets import CARD_GAP, Card, scrolling, wrap_cells
from talentdesk.vault import VAULT_FILE, Vault
from talentdesk.workspace import DemoAgency, SessionClocks
from talentdesk_agency import AgencyStore, ServerThread, seed_demo
from talentdesk_contract.values import CrisisSign
from tests.ui.fit import (
    Misfit,
    card_misfit,
    cell_misfits,
    combo_misfits,
    in_view,
    label_misfit,
    line_placeholder_misfit,
    lines_misfit,
    misfits,
    name_of,
    overlap_misfits,
    popup_misfits,
    unseen_misfits,
    wheel_misfits,
)

pytestmark = pytest.mark.usefixtures("no_keyring")

PASSPHRASE = "ukuran jendela pas semua"
TALENT = "Sari"
LANGUAGES = ("id", "en")
#: What a maximized window gets of a 1366×768 screen: a 32-px panel and a 32-px title
#: bar less (the window's own area, which is what Qt lays out).
MAXIMIZED = QSize(1366, 704)
#: Windows that fill the screen while the talent works in them.
FULL_SCREEN_WINDOWS = frozenset({"MainWindow", "sessionWindow", "unlockScreen"})
SHOTS = os.environ.get("TALENTDESK_LAYOUT_SHOTS", "")
WAIT_S = 20.0


class Monotonic:
    """The session's clock, moved by the test."""

    def __init__(self) -> None:
        self.now = 20_000.0

    def __call__(self) -> float:
        return self.now


def demo_desk(data_dir: Path, server: ServerThread, code: str, clock: Monotonic) -> TalentDeskApp:
    """The desk in Indonesian, its demo agency ``server`` (paired with ``code``), on
    ``clock``."""
    app = build_app(
        data_dir,
        "id",
        open_workspace=workspace_opener(
            demo=DemoAgency(server.url, code), clocks=SessionClocks(monotonic=clock)
        ),
    )
    assert app is not None
    return app


def open_today(app: TalentDeskApp) -> tuple[MainWindow, TodayPage]:
    """Unlock with the passphrase (the unlock screen on its passphrase step) and wait for
    Today's four bookings."""
    screen = app.unlock_screen
    screen.passphrase.field.setText(PASSPHRASE)
    screen.passphrase.unlock_button.click()
    wait_until(lambda: app.main_window is not None)
    window = app.main_window
    assert window is not None
    today = window.today
    wait_until(lambda: today.model.rowCount() == 4)
    return window, today


def start_session(app: TalentDeskApp, today: TodayPage, booking_id: str) -> SessionWindow:
    """Start the session of ``booking_id`` from Today and wait for its window."""
    today.select_booking(booking_id)
    panel = today.session_panel
    assert panel is not None
    wait_until(lambda: panel.start_button.isEnabled())
    panel.start_button.click()
    windows = app.session_windows
    assert windows is not None
    wait_until(lambda: windows.window is not None and windows.window.isVisible())
    live = windows.window
    assert live is not None
    return live


def settle(seconds: float = 0.0) -> None:
    """Let posted layout requests, queued deliveries and deleteLater() run, as an event
    loop would (processEvents alone leaves the deferred deletes)."""
    deadline = time.monotonic() + seconds
    while True:
        for _ in range(3):
            QApplication.sendPostedEvents()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
            QApplication.processEvents()
        if time.monotonic() >= deadline:
            return
        time.sleep(0.01)


def wait_until(condition: Callable[[], bool], timeout: float = WAIT_S) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {condition}")
        QApplication.processEvents()
        time.sleep(0.01)


def on_screen(window: QWidget) -> None:
    """Where a window manager keeps it: all of it on the 1366×768 screen (a maximized one
    at the top), so a popup opens as it would for the talent."""
    frame = window.frameGeometry()
    x = min(max(0, frame.x()), max(0, 1366 - frame.width()))
    y = min(max(0, frame.y()), max(0, 768 - 32 - frame.height()))
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


def session_cards(live: SessionWindow) -> Callable[[], list[QWidget]]:
    """What a talent must see whole during a chat session: the reply-pace card (its
    buttons and its warning), the escalate row, and an escalation's panel while it shows."""

    def cards() -> list[QWidget]:
        shown: list[QWidget] = [live.pace_card]
        if live.escalate is not None:
            shown.append(live.escalate)
            if live.escalate.panel.isVisible():
                shown.append(live.escalate.panel)
        return shown

    return cards


def scope_banner_lines(live: SessionWindow) -> Callable[[], list[Misfit]]:
    """The session window's scope banner keeps to two lines (the cards under the header
    stay put) and reads whole: its whole line, or its scope over the rest of it, never
    cut with "…" (a tooltip is no help with a chat in front). Measured for the three
    scopes, the session's and the two others (the longest, "Chat + call — both are
    included", is not tonight's first booking's), then the session's again; and the
    heading of the ready replies beside its language picker takes two lines at most."""

    def check() -> list[Misfit]:
        session = live.live
        assert session is not None
        banner = live.scope_banner
        words = SessionMessages()
        found: list[Misfit] = []
        others = [scope for scope in SessionScope if scope is not session.scope]
        for scope in (*others, session.scope):
            whole = words.scope_banner(scope)
            parts = f"{words.scope_short(scope)}\n{words.scope_rest(scope)}"
            banner.set_scope(whole, words.scope_short(scope), words.scope_rest(scope))
            shown = banner.text()
            if scope is not session.scope:
                misfit = label_misfit(banner)  # the walk measures the session's own
                found += [misfit] if misfit is not None else []
            misfit = lines_misfit(banner, 2, shown)
            found += [misfit] if misfit is not None else []
            if shown not in (whole, parts):
                found.append(Misfit(name_of(banner), shown, f"cut: its whole line is {whole!r}"))
        misfit = lines_misfit(live.replies.title, 2, live.replies.title.text())
        return found + ([misfit] if misfit is not None else [])

    return check


def offline_states(chip: SyncChip) -> tuple[SyncStatus, ...]:
    """The agency out of reach with a reply waiting, retrying with many waiting, and
    connected with some still waiting to be sent (the chip's longest words)."""
    now = chip._clock()  # retry_at is on the chip's clock
    return (
        SyncStatus(SyncPhase.OFFLINE, reason="network", retry_at=now + 8.4, outbox_queued=1),
        SyncStatus(SyncPhase.RETRYING, reason="timeout", retry_at=now + 30.4, outbox_queued=12),
        SyncStatus(SyncPhase.CONNECTED, outbox_queued=3),
    )


def header_with_sync_states(live: SessionWindow) -> Callable[[], list[Misfit]]:
    """The session window's header while the agency cannot be reached, or something waits
    to be sent: for each scope, the scope banner still reads whole (its line, or its
    scope over the rest, never cut) and the sync chip's words fit it, never cut with "…":
    shortened to what fits, the whole of them are in its tooltip. Then the chip shows
    the link as it stands again."""

    def check() -> list[Misfit]:
        session = live.live
        chip = live.sync
        assert session is not None and chip is not None
        banner = live.scope_banner
        words = SessionMessages()
        standing = chip.status
        found: list[Misfit] = []
        for status in offline_states(chip):
            chip.set_status(status)
            others = [scope for scope in SessionScope if scope is not session.scope]
            for scope in (*others, session.scope):
                whole = words.scope_banner(scope)
                parts = f"{words.scope_short(scope)}\n{words.scope_rest(scope)}"
                banner.set_scope(whole, words.scope_short(scope), words.scope_rest(scope))
                settle()
                shown = banner.text()
                for misfit in (label_misfit(banner), lines_misfit(banner, 2, shown)):
                    found += [misfit] if misfit is not None else []
                if shown not in (whole, parts):
                    found.append(
                        Misfit(name_of(banner), shown, f"cut beside {chip.full_text!r}: {whole!r}")
                    )
                misfit = label_misfit(chip)
                found += [misfit] if misfit is not None else []
                if "…" in chip.text():
                    found.append(Misfit(name_of(chip), chip.text(), "cut with …"))
                if chip.text() != chip.full_text and chip.full_text not in chip.toolTip():
                    found.append(
                        Misfit(
                            name_of(chip),
                            chip.text(),
                            f"shows less than {chip.full_text!r}, not in its tooltip",
                        )
                    )
        chip.set_status(standing)
        settle()
        return found

    return check


class Walk:
    """Measures windows at each stop and keeps every misfit found."""

    def __init__(self, app: TalentDeskApp, shots: Path | None) -> None:
        self.app = app
        self.shots = shots
        self.found: list[str] = []
        self.stops = 0

    def sizes(self, window: QWidget) -> Iterator[tuple[str, QSize]]:
        if window.objectName() in FULL_SCREEN_WINDOWS or type(window).__name__ in (
            FULL_SCREEN_WINDOWS
        ):
            yield "maximized", MAXIMIZED
        else:
            yield "opened", window.size()
        yield "smallest", QSize(1, 1)  # Qt keeps a window at its minimum size

    def check(
        self,
        stop: str,
        *windows: QWidget,
        must_see: Callable[[], list[QWidget]] | None = None,
        also: Callable[[], list[Misfit]] | None = None,
    ) -> None:
        """Measure ``windows`` in both languages at both sizes; what ``must_see`` names
        must also show whole at each, and ``also`` (a check of the stop's own) must find
        nothing."""
        self.stops += 1
        for language in LANGUAGES:
            self.app.set_language(language)
            settle()
            for window in windows:
                title = window.windowTitle()
                if "TalentDesk" in title and title != "TalentDesk":
                    # Qt adds the application's name to a title itself ("X — TalentDesk").
                    self._add(
                        stop,
                        language,
                        "title",
                        window,
                        Misfit(type(window).__name__, title, "its title names TalentDesk again"),
                    )
                opened = window.size()
                if opened.width() > MAXIMIZED.width() or opened.height() > MAXIMIZED.height():
                    self._add(
                        stop,
                        language,
                        "opened",
                        window,
                        Misfit(
                            type(window).__name__,
                            window.windowTitle(),
                            f"opens at {opened.width()}×{opened.height()}, larger than a "
                            f"1366×768 screen",
                        ),
                    )
                for size_name, size in list(self.sizes(window)):
                    window.resize(size)
                    on_screen(window)
                    settle()
                    found = misfits(window) + popup_misfits(window)
                    if must_see is not None:
                        found += unseen_misfits(must_see())
                    if also is not None:
                        found += also()
                    for misfit in found:
                        self._add(stop, language, size_name, window, misfit)
                    self._shoot(stop, language, size_name, window)
                window.resize(opened)
                settle()
            for window in windows:
                for misfit in wheel_misfits(window):
                    self._add(stop, language, "any", window, misfit)

    def _add(self, stop: str, language: str, size: str, window: QWidget, misfit: Misfit) -> None:
        found = f"{stop} [{language}, {size} {window.width()}×{window.height()}]: {misfit}"
        if found not in self.found:
            self.found.append(found)

    def _shoot(self, stop: str, language: str, size: str, window: QWidget) -> None:
        if self.shots is None:
            return
        name = f"{self.stops:02d}-{stop}-{type(window).__name__}-{language}-{size}.png"
        window.grab().save(str(self.shots / name.replace(" ", "_").replace(":", "")))


@pytest.fixture
def agency_db(tmp_path: Path) -> Path:
    return tmp_path / "agency" / "agency.sqlite3"


def test_the_fonts_are_the_ones_ci_measures_with(qapp: QApplication) -> None:
    """The check measures with DejaVu Sans (fonts-dejavu-core), as CI has it."""
    assert QFontInfo(qapp.font()).family() == "DejaVu Sans"
    screen = QGuiApplication.primaryScreen()
    assert screen.geometry().size() == QSize(1366, 768)
    assert screen.logicalDotsPerInch() == 96


def test_every_window_fits_in_both_languages_at_both_sizes(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "agency" / "agency.sqlite3"
    db.parent.mkdir()
    code = seed_demo(db, TALENT, datetime.now(UTC))
    Vault.create(data_dir / VAULT_FILE, passphrase=PASSPHRASE).close()
    clock = Monotonic()
    shots = Path(SHOTS) if SHOTS else None
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
    with ServerThread(db, faults=True) as server:
        app = demo_desk(data_dir, server, code, clock)
        walk = Walk(app, shots)
        store = AgencyStore(db)
        try:
            night(walk, app, clock, store)
        finally:
            store.close()
            wait_until(lambda: not app.bridge.busy)
            app.shutdown()
            settle()  # what shutting down hands to deleteLater goes while Qt still runs
    if shots is not None:
        (shots / "misfits.txt").write_text("".join(f"{line}\n" for line in walk.found))
    assert walk.found == [], "\n" + "\n".join(walk.found)


def night(walk: Walk, app: TalentDeskApp, clock: Monotonic, agency: AgencyStore) -> None:
    """The stops of one night, in the order a night brings them."""
    app.start()
    screen = app.unlock_screen
    wait_until(lambda: screen.current_step is screen.passphrase)
    walk.check("unlock", screen)
    screen.passphrase.field.setText("not the passphrase")
    screen.passphrase.unlock_button.click()
    wait_until(screen.passphrase.error.isVisible)
    walk.check("unlock: wrong passphrase", screen)
    unlock_steps(walk, screen)
    window, today = open_today(app)
    session = app.session
    assert session is not None

    def answered(booking_id: str) -> bool:
        number = today.model.row_of(booking_id)
        return number is not None and today.model.rows()[number].answer is not None

    rows = today.model.rows()
    today.select_booking(rows[0].booking.id)
    walk.check("today: a booking waits", window)
    today.accept_button.click()
    wait_until(functools.partial(answered, rows[0].booking.id))
    panel = today.session_panel
    assert panel is not None
    wait_until(lambda: panel.start_button.isEnabled())
    walk.check("today: session card", window)

    today.select_booking(rows[1].booking.id)
    today.decline_button.click()
    wait_until(lambda: today.decline_dialog is not None)
    decline = today.decline_dialog
    assert decline is not None
    walk.check("today: decline", decline)
    decline.reject()

    limits = ShiftLimits(max_hours_per_night=2.0, min_break_minutes=120)
    app_settings = window.settings.shift_limits
    wait_until(lambda: app_settings.saved_limits is not None)  # read before it is changed
    app_settings.set_limits(limits)
    app_settings.save()
    wait_until(lambda: app_settings.saved_limits == limits)
    window.show_page(Page.TODAY)
    today.select_booking(rows[2].booking.id)
    today.accept_button.click()
    wait_until(lambda: today.confirm_dialog is not None)
    confirm = today.confirm_dialog
    assert confirm is not None
    settle()
    walk.check("today: check before accepting", confirm)
    confirm.reject()
    wait_until(lambda: today.confirm_dialog is None)

    for page in (Page.SUMMARY, Page.BOUNDARIES, Page.REPLIES, Page.SAFETY, Page.SETTINGS):
        window.show_page(page)
        settle(0.3)
        if page is Page.BOUNDARIES:
            wait_until(lambda: window.boundaries.presets_model.rowCount() > 0)
            window.boundaries.select_preset_row(0)
            settle(0.3)
        if page is Page.REPLIES:
            wait_until(lambda: window.replies.model.rowCount() > 0)
            window.replies.select_reply(window.replies.model.replies()[0].id)
        walk.check(f"page {page.name.lower()}", window)
    replies = window.replies
    window.show_page(Page.REPLIES)
    replies.new_reply()
    replies.text.setPlainText("Halo {talnet}, " + "kata " * 260)
    walk.check("replies: a new reply with problems", window)
    replies._cancel_clicked()
    page_dialogs(walk, app, window)

    # The session, with three replies pinned and the agency's boundaries in force.
    for reply_id in ("agency-id-polite", "agency-id-contact", "agency-id-closing"):
        session.replies.pin(reply_id)
    session.changed_replies()
    window.show_page(Page.TODAY)
    live = start_session(app, today, rows[0].booking.id)
    windows = app.session_windows
    assert windows is not None
    clock.now += 3 * 60
    session.tick_now()
    walk.check("session", live, must_see=session_cards(live), also=scope_banner_lines(live))
    # Offline with a reply waiting for the whole stop (its pictures too); the check
    # measures the other states, then puts this one back.
    chip = live.sync
    assert chip is not None
    standing = chip.status
    chip.set_status(offline_states(chip)[0])
    walk.check(
        "session: agency offline, replies waiting",
        live,
        must_see=session_cards(live),
        also=header_with_sync_states(live),
    )
    chip.set_status(standing)
    live.end_button.click()
    wait_until(lambda: live.end_dialog is not None)
    end_early = live.end_dialog
    assert end_early is not None
    walk.check("session: end early?", end_early)
    end_early.reject()

    box = live.escalate
    assert box is not None
    box.button.click()
    wait_until(lambda: box.panel.view is not None)
    if box.panel.details_toggle.isVisible():
        box.panel.details_toggle.click()
    walk.check(
        "session: escalation details",
        live,
        must_see=session_cards(live),
        also=scope_banner_lines(live),
    )
    view = box.panel.view
    assert view is not None
    wait_until(lambda: box.panel.property("state") == "delivered")
    remote = app.safety.service.escalations.get(view.id).remote_id  # type: ignore[union-attr]
    assert remote is not None
    agency.acknowledge_escalation(remote, "Rina", "Aku telepon kamu sebentar lagi ya.")
    wait_until(lambda: box.panel.property("state") == "acknowledged")
    walk.check(
        "session: escalation acknowledged",
        live,
        must_see=session_cards(live),
        also=scope_banner_lines(live),
    )

    left = live.live.planned_seconds - (clock.now - 20_000.0)  # type: ignore[union-attr]
    clock.now += left - 5 * 60 + 1
    session.tick_now()
    wait_until(lambda: live.time_note.isVisible())
    walk.check(
        "session: five minutes left",
        live,
        must_see=session_cards(live),
        also=scope_banner_lines(live),
    )
    clock.now += 5 * 60 + 30
    session.tick_now()
    walk.check(
        "session: time is up", live, must_see=session_cards(live), also=scope_banner_lines(live)
    )
    agency.cancel_booking(rows[0].booking.id, "Pelanggan membatalkan lewat agensi")
    wait_until(lambda: live.cancelled_note.isVisible())
    # Cancelled and over time, both notes grow the clock's card: the pace card may scroll.
    walk.check("session: the agency cancelled it", live, also=scope_banner_lines(live))
    wait_until(lambda: window.reminder_banner.notice is not None)
    walk.check("main window: a cancelled booking's notice", window)

    windows.show_compact()
    compact = windows.compact
    assert compact is not None
    settle(0.3)
    session.customer_wrote()
    clock.now += 97  # the customer has waited: the pace box warns
    session.tick_now()
    walk.check("compact", compact)
    compact.search.setText("zzz tidak ada")
    wait_until(lambda: not compact.result_buttons[0].isEnabled())
    compact.copy_result(3)  # nothing at Ctrl+3: it says so
    walk.check("compact: nothing found", compact)
    compact.search.clear()
    windows.show_session()

    # Locked in the middle of the session: the lock screen keeps the clock and the
    # escalate button (the guard panel); unlocking brings every window back.
    app.lock()
    wait_until(lambda: app.guard is not None and app.guard.isVisible())
    guard = app.guard
    assert guard is not None
    guard.tick_now()
    walk.check("locked during a session", screen)
    screen.passphrase.field.setText(PASSPHRASE)
    screen.passphrase.unlock_button.click()
    wait_until(lambda: app.main_window is not None and app.session_windows is not None)
    end_of_session(walk, app, clock, rows[3].booking.id)


def end_of_session(walk: Walk, app: TalentDeskApp, clock: Monotonic, next_booking: str) -> None:
    """After the unlock, with new windows around the same session: the playbook, a report,
    "Are you OK?", the closing checklist, after-care, a break, and the lock."""
    window = app.main_window
    assert window is not None
    today = window.today
    session = app.session
    assert session is not None
    windows = app.session_windows
    assert windows is not None
    wait_until(lambda: windows.window is not None)
    live = windows.window
    assert live is not None
    screen = app.unlock_screen

    prompts = app.safety_windows
    assert prompts is not None
    playbook = prompts.show_playbook()
    playbook.panel.choose(CrisisSign.THREAT_OF_HARM)
    walk.check("playbook", playbook)
    playbook.hide()
    report = prompts.show_report()
    wait_until(lambda: report.chosen_session() is not None)
    report.category.setCurrentIndex(0)
    report.description.setPlainText("Pelanggan mengancam akan mencari alamatku.")
    walk.check("report", report)
    report.file()
    wait_until(lambda: report.report is not None)
    walk.check("report: filed", report)
    report.close()

    clock.now += 10 * 60
    wait_until(lambda: prompts.prompt is not None and prompts.prompt.isVisible())
    assert prompts.prompt is not None
    walk.check("are you OK?", prompts.prompt)
    clock.now += 2 * 60 + 5
    wait_until(lambda: prompts.prompt is not None and prompts.prompt.phase == "escalated")
    walk.check("are you OK? escalated", prompts.prompt)
    prompts.prompt.hide()

    session.end()
    wait_until(lambda: session.routine is not None)
    settle(0.3)
    walk.check("closing checklist, escalation open", live)
    for box_ in live.closing.steps.values():
        box_.setChecked(True)
    session.finish()
    wait_until(lambda: prompts.after_care is not None and prompts.after_care.isVisible())
    care = prompts.after_care
    assert care is not None
    walk.check("after-care", care)
    care.start_check_in()
    walk.check("after-care: check-in", care)
    care.take_break()
    walk.check("after-care: break", care)
    care.close()
    window.show_page(Page.TODAY)
    today.select_booking(next_booking)
    today.accept_button.click()

    def answered() -> bool:
        number = today.model.row_of(next_booking)
        return number is not None and today.model.rows()[number].answer is not None

    wait_until(answered)
    card = today.session_panel
    assert card is not None
    wait_until(lambda: card.break_note.isVisible())
    walk.check("today: on a break", window)

    for page in (Page.SUMMARY, Page.SAFETY):
        window.show_page(page)
        settle(0.5)
        walk.check(f"page {page.name.lower()} after the session", window)

    app.lock()  # an escalation is still open: the lock guards it
    wait_until(lambda: screen.current_step is screen.passphrase)
    walk.check("locked, an escalation open", screen)


def unlock_steps(walk: Walk, screen: UnlockScreen) -> None:
    """Every step of the unlock screen that this start does not reach by itself."""
    shown = screen.current_step
    screen._show_step(screen.welcome)
    walk.check("first run: welcome, no name yet", screen)  # the name field's hint
    screen.welcome.name_field.setText("Sari")
    for name, step in (
        ("first run: welcome", screen.welcome),
        ("first run: passphrase", screen.new_passphrase),
        ("first run: keyring ready", screen.ready),
        ("locked: keyring", screen.locked),
    ):
        if step is screen.ready:
            step.set_keyring("keyring.backends.SecretService.Keyring")
        screen._show_step(step)
        walk.check(name, screen)
    screen.new_passphrase.first.setText("short")
    screen.new_passphrase._submit()
    screen._show_step(screen.new_passphrase)
    walk.check("first run: passphrase too short", screen)
    screen.locked.set_kept_key(True)
    screen._show_step(screen.locked)
    walk.check("locked: the demo's vault", screen)
    screen.locked.set_kept_key(False)
    screen.problem.show_problem(OSError("disk full"))
    screen._show_step(screen.problem)
    walk.check("unlock: a problem", screen)
    screen.welcome.name_field.clear()
    screen._show_step(shown)


def page_dialogs(walk: Walk, app: TalentDeskApp, window: MainWindow) -> None:
    """The dialogs of the Replies and Boundaries pages, and the working name in Settings."""
    session = app.session
    assert session is not None
    replies = window.replies
    copier = replies.copier
    assert copier is not None
    opening = session.replies.get("agency-id-opening")
    assert opening is not None and "{talent}" in opening.text
    wait_until(lambda: session.context.talent_name == TALENT)  # the demo's talent is named
    session.workspace.save_working_name("")  # the talent cleared it
    wait_until(lambda: session.context.talent_name == "")
    copier.copy(opening)  # no working name: asked first
    warning = copier.warning
    assert warning is not None
    settle()
    walk.check("replies: a reply with an empty variable", warning)
    warning.reject()
    own = session.replies.create(
        style=ReplyStyle.ALTERNATIVE,
        language="id",
        text=(
            "Maaf, malam ini aku nggak bisa karena {?alasan}. Kita lanjut {?kapan|besok malam} ya?"
        ),
        shortcode="alasan",
    )
    session.changed_replies()
    wait_until(lambda: replies.select_reply(own.id))
    copier.copy(own)
    blanks = copier.dialog
    assert blanks is not None
    settle()
    walk.check("replies: fill in the blanks", blanks)
    blanks.reject()
    wait_until(lambda: replies.selected_reply() is not None)
    replies._delete_clicked()
    confirm = replies.confirm_dialog
    assert confirm is not None
    settle()
    walk.check("replies: delete?", confirm)
    confirm.reject()

    window.show_page(Page.BOUNDARIES)
    boundaries = window.boundaries
    wait_until(lambda: boundaries.select_preset("agency-standar"))
    # The longest default label is the video call's ("Panggilan video (hanya jika …)").
    wait_until(
        lambda: (
            boundaries.select_preset("agency-standar")  # again, once the page reloaded
            and any(i.label.startswith("Panggilan video") for i in boundaries.items_model.items())
        )
    )
    wait_until(lambda: boundaries.select_item("service.video"))
    walk.check("page boundaries: an Indonesian preset", window)
    wait_until(lambda: boundaries.select_item("topic.meet_offline"))
    wait_until(lambda: boundaries.selected_item() is not None)
    boundaries.link_button.click()
    wait_until(lambda: boundaries.link_dialog is not None)
    link = boundaries.link_dialog
    assert link is not None
    settle()
    walk.check("boundaries: decline replies of a boundary", link)
    link.reject()

    window.show_page(Page.SETTINGS)
    name = window.settings.working_name
    wait_until(lambda: name.saved_name is not None)
    name.field.clear()  # the talent cleared it: the field's hint shows
    walk.check("settings: no working name", window)
    name.field.setText("Sari")
    name.save()
    wait_until(lambda: name.saved_name == "Sari")


def test_the_overlap_check_finds_widgets_laid_over_each_other(qtbot: QtBot) -> None:
    """The check itself: two labels in one grid cell (and one in a nested layout beside a
    label of the outer one) are reported; side by side they are not."""
    window = QWidget()
    qtbot.addWidget(window)
    grid = QGridLayout(window)
    grid.addWidget(QLabel("Malam ini, tiga booking"), 0, 0)
    nested = QHBoxLayout()
    nested.addWidget(QLabel("Sesi dalam 10 menit"))
    grid.addLayout(nested, 0, 0)  # over the first label
    grid.addWidget(QLabel("Terima"), 1, 0)
    window.resize(400, 120)
    window.show()
    qtbot.waitExposed(window)
    found = overlap_misfits(window)
    assert len(found) == 1, found

    apart = QWidget()
    qtbot.addWidget(apart)
    row = QHBoxLayout(apart)
    row.addWidget(QLabel("Terima"))
    inner = QHBoxLayout()
    inner.addWidget(QLabel("Tolak"))
    row.addLayout(inner)
    apart.resize(400, 60)
    apart.show()
    qtbot.waitExposed(apart)
    assert overlap_misfits(apart) == []


def test_the_cell_check_finds_cut_cells_unless_wrapped_or_whole_in_a_tooltip(
    qtbot: QtBot,
) -> None:
    """The check itself: a status cut with "…" is reported, and so is a column past the
    edge of a table that does not scroll sideways; the same status whole in its tooltip,
    or wrapped by :func:`wrap_cells` (its row grown), is not."""
    state = "Terkirim ke agensi · menunggu supervisor"
    model = QStandardItemModel(1, 3)
    for column, text in enumerate(("Sen, 7 Des, 10.06", state, "Selama sesi")):
        model.setItem(0, column, QStandardItem(text))
    view = QTreeView()
    qtbot.addWidget(view)
    view.setRootIsDecorated(False)
    view.setModel(model)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    header = view.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    view.resize(330, 160)
    view.show()
    qtbot.waitExposed(view)
    settle()
    found = [str(misfit) for misfit in cell_misfits(view)]
    assert any(state in line and "cut with …" in line for line in found), found

    item = model.item(0, 1)
    assert item is not None
    item.setToolTip(f"{state}. Tanggapan supervisor akan muncul di sini.")
    settle()
    assert not any(state in line for line in map(str, cell_misfits(view)))
    item.setToolTip("")

    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # no room left
    settle()
    found = [str(misfit) for misfit in cell_misfits(view)]
    assert any("Selama sesi" in line and "past the table's" in line for line in found), found

    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    wrap_cells(view)
    settle()
    assert cell_misfits(view) == []
    assert view.visualRect(model.index(0, 1)).height() >= 2 * view.fontMetrics().height()


def test_the_hint_check_measures_one_line_boxes_as_qt_draws_them(qtbot: QtBot) -> None:
    """The check itself: a one-line box's hint is reported at the widths where Qt cuts
    it with "…" and at no other (the pixels drawn are compared with a wide box's), with
    and without a clear button; a combo box's hint too."""
    hint = "Cari /kode atau kata"

    def box(width: int, clear: bool) -> QLineEdit:
        field = QLineEdit()
        qtbot.addWidget(field)
        field.setPlaceholderText(hint)
        field.setClearButtonEnabled(clear)
        field.resize(width, 34)
        field.show()
        qtbot.waitExposed(field)
        return field

    def drawn_whole(field: QLineEdit, wide: QLineEdit) -> bool:
        # Inside the frame (its colour follows the focus), left of the right border:
        # where the hint's last letters, or a cut hint's "…", are drawn.
        inside = QRect(4, 4, field.width() - 10, field.height() - 8)
        return field.grab(inside).toImage() == wide.grab(inside).toImage()

    for clear in (False, True):
        wide = box(600, clear)
        fits = [w for w in range(100, 260) if line_placeholder_misfit(box(w, clear)) is None]
        least = min(fits)
        assert fits == list(range(least, 260))
        assert drawn_whole(box(least, clear), wide)
        assert not drawn_whole(box(least - 1, clear), wide)

    combo = QComboBox()
    qtbot.addWidget(combo)
    combo.addItems(["Lain", "Uang"])
    combo.setPlaceholderText("Pilih kategori laporan")
    combo.setCurrentIndex(-1)
    combo.resize(120, 34)
    combo.show()
    qtbot.waitExposed(combo)
    assert [m.text for m in combo_misfits(combo)] == ["Pilih kategori laporan"]
    combo.resize(400, 34)
    settle()
    assert combo_misfits(combo) == []


#: The window's own area, maximized on the two screens the desk is made for (a 32-px
#: panel and a 32-px title bar less).
SCREENS = {"1366×768": MAXIMIZED, "1280×720": QSize(1280, 656)}


def gap_under_the_end(area: QScrollArea, last: QWidget) -> int | None:
    """Pixels between ``last``'s bottom and ``area``'s bottom edge with ``area`` scrolled to
    its end, or None when it does not scroll."""
    bar = area.verticalScrollBar()
    if bar.maximum() == 0:
        return None
    before = bar.value()
    bar.setValue(bar.maximum())
    settle()
    viewport = area.viewport()
    gap = viewport.height() - last.mapTo(viewport, QPoint(0, last.height())).y()
    bar.setValue(before)
    settle()
    return gap


class InView:
    """Checks at each stop that the controls the talent needs now show whole."""

    def __init__(self, app: TalentDeskApp) -> None:
        self.app = app
        self.found: list[str] = []

    def check(
        self,
        stop: str,
        window: QWidget,
        wanted: Callable[[], list[QWidget]],
        screens: tuple[str, ...] = tuple(SCREENS),
    ) -> None:
        opened = window.size()
        for language in LANGUAGES:
            self.app.set_language(language)
            for screen in screens:
                size = SCREENS[screen]
                window.resize(size)
                settle()
                if window.size() != size:  # its minimum size is larger than the screen's
                    self.found.append(
                        f"{stop} [{language}, {screen}]: the window stays "
                        f"{window.width()}×{window.height()}, not {size.width()}×{size.height()}"
                    )
                for widget in wanted():
                    if in_view(widget):
                        continue
                    text = widget.text() if hasattr(widget, "text") else ""
                    shown = widget.visibleRegion().boundingRect()
                    self.found.append(
                        f"{stop} [{language}, {screen}]: {widget.objectName()} {text!r} "
                        f"shows {shown.width()}×{shown.height()} of "
                        f"{widget.width()}×{widget.height()}"
                    )
        self.app.set_language("id")
        window.resize(opened)
        settle()

    def check_gap_under(
        self, stop: str, window: QWidget, area: QScrollArea, last: QWidget, screen: str
    ) -> None:
        """On ``screen`` in both languages, ``area`` scrolls and, scrolled to its end, leaves
        the gap between cards under ``last``: its edge does not cut the last card."""
        opened = window.size()
        for language in LANGUAGES:
            self.app.set_language(language)
            window.resize(SCREENS[screen])
            settle()
            gap = gap_under_the_end(area, last)
            if gap != CARD_GAP:
                self.found.append(
                    f"{stop} [{language}, {screen}]: {last.objectName()} at the end of "
                    f"{area.objectName()}: "
                    + ("it does not scroll" if gap is None else f"{gap} px under it")
                    + f", not {CARD_GAP}"
                )
        self.app.set_language("id")
        window.resize(opened)
        settle()


def test_what_the_talent_must_click_next_stays_in_view_on_short_screens(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    """At 1366×768 and 1280×720, in both languages: Accept and Decline for a waiting booking
    after Today scrolled to another booking's card; the reply-pace card and the escalate
    row whole during a chat session, also once the customer has waited long enough for the
    pace warning; an escalation's details (every crisis
    sign, the note, Send, Hide details, False alarm) during a session; and the closing
    checklist's steps and "Finish session" with the escalation still open. At 1280×720,
    where the left column and the closing checklist scroll, each leaves the gap between
    cards under its last card when scrolled to its end."""
    db = tmp_path / "agency" / "agency.sqlite3"
    db.parent.mkdir()
    code = seed_demo(db, TALENT, datetime.now(UTC))
    Vault.create(data_dir / VAULT_FILE, passphrase=PASSPHRASE).close()
    clock = Monotonic()
    with ServerThread(db) as server:
        app = demo_desk(data_dir, server, code, clock)
        checks = InView(app)
        try:
            steps_in_view(checks, app, clock)
        finally:
            wait_until(lambda: not app.bridge.busy)
            app.shutdown()
            settle()
    assert checks.found == [], "\n" + "\n".join(checks.found)


def steps_in_view(checks: InView, app: TalentDeskApp, clock: Monotonic) -> None:
    app.start()
    screen = app.unlock_screen
    wait_until(lambda: screen.current_step is screen.passphrase)
    window, today = open_today(app)
    rows = today.model.rows()
    first, second = rows[0].booking.id, rows[1].booking.id

    # Accepted: Today scrolls down to its card. Then a booking that waits for an answer.
    window.resize(SCREENS["1280×720"])
    today.select_booking(first)
    today.accept_button.click()
    wait_until(lambda: today.model.rows()[0].answer is not None)
    panel = today.session_panel
    assert panel is not None
    wait_until(lambda: panel.start_button.isEnabled())
    settle(0.3)
    today.select_booking(second)
    settle(0.3)
    checks.check(
        "today: a waiting booking after another's card",
        window,
        lambda: [today.list_title, today.accept_button, today.decline_button],
    )

    live = start_session(app, today, first)
    session = app.session
    assert session is not None
    checks.check("session: chatting", live, session_cards(live))
    # The pace card went above the contact's: at 1366×768 both still show whole (at
    # 1280×720 the contact's card scrolls; the pace card is the one in use).
    checks.check("session: chatting", live, lambda: [live.contact_card], screens=("1366×768",))
    left = live.findChild(QScrollArea, "sessionLeftScroll")
    assert left is not None
    checks.check_gap_under("session: chatting", live, left, live.contact_card, "1280×720")
    session.customer_wrote()
    clock.now += 97  # the customer has waited: the pace card warns
    session.tick_now()
    wait_until(live.pace.warning.isVisible)
    checks.check("session: the customer waits", live, session_cards(live))
    session.talent_answered()

    box = live.escalate
    assert box is not None
    box.button.click()
    wait_until(lambda: box.panel.view is not None and box.panel.details_toggle.isVisible())
    box.panel.details_toggle.click()
    box.panel.sign_buttons[CrisisSign.AGGRESSION].setChecked(True)
    escalation = box.panel

    def details() -> list[QWidget]:
        return [
            *escalation.sign_buttons.values(),
            escalation.note,
            escalation.send_button,
            escalation.details_toggle,
            escalation.false_alarm_button,
        ]

    checks.check("session: escalation details", live, details)

    session.end()
    wait_until(lambda: session.routine is not None)
    settle(0.3)
    closing = live.closing

    def closing_controls() -> list[QWidget]:
        return [closing.steps_title, *closing.steps.values(), closing.finish_button]

    checks.check("closing, escalation open", live, closing_controls)
    scroll = live.findChild(QScrollArea, "closingScroll")
    assert scroll is not None
    checks.check_gap_under("closing, escalation open", live, scroll, closing.steps_card, "1280×720")


def test_the_label_check_leaves_out_the_indent_qt_draws_a_framed_label_with(
    qtbot: QtBot,
) -> None:
    """The check itself: a label a style sheet's border gives a frame is drawn half an
    "x" in from its padding (Qt's indent), so its text exactly as wide as its contents
    is reported; with no indent it is not."""
    label = QLabel("Chat saja")
    qtbot.addWidget(label)
    label.setStyleSheet("QLabel { border: 1px solid #99ddd3; padding: 4px; }")
    label.show()
    qtbot.waitExposed(label)
    label.setIndent(0)
    margins = label.contentsMargins()
    label.setFixedWidth(
        label.fontMetrics().horizontalAdvance("Chat saja") + margins.left() + margins.right()
    )
    settle()
    assert label_misfit(label) is None
    label.setIndent(-1)  # Qt's default
    settle()
    misfit = label_misfit(label)
    assert misfit is not None and "needs" in misfit.problem


def test_the_card_check_finds_a_card_past_its_margin_or_its_view(qtbot: QtBot) -> None:
    """The check itself: two cards side by side in a scroll area that does not scroll
    sideways, their least widths 3 px more than the view, are reported (the second reaches
    past the view's right edge); in a view wide enough they are not; and a card moved
    into its window's 20-px margin is."""
    window = QWidget()
    qtbot.addWidget(window)
    outer = QVBoxLayout(window)
    outer.setContentsMargins(20, 20, 20, 20)
    content = QWidget()
    row = QHBoxLayout(content)
    row.setContentsMargins(0, 0, 0, 0)
    cards = [Card(margins=18), Card(margins=18)]
    for card in cards:
        card.setMinimumWidth(200)
        row.addWidget(card)
    area = scrolling(content, "cardsScroll")
    outer.addWidget(area)
    least = content.minimumSizeHint().width()
    window.resize(least - 3 + 40, 300)
    window.show()
    qtbot.waitExposed(window)
    settle()
    found = [str(misfit) for misfit in misfits(window)]
    assert any("past the view of" in line and "(right)" in line for line in found), found

    window.resize(least + 40, 300)
    settle()
    assert [card_misfit(card) for card in cards] == [None, None]

    area.setParent(None)
    outer.addWidget(cards[0])
    settle()
    assert card_misfit(cards[0]) is None
    cards[0].move(cards[0].x() + 5, cards[0].y())  # into the right margin
    misfit = card_misfit(cards[0])
    assert misfit is not None and "past the margin of" in misfit.problem, misfit
