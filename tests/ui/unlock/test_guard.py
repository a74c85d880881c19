"""The lock locks data, never the panic button: locked in the middle of a live session,
the lock screen keeps the session's clock and the escalate button (and Ctrl+Shift+E), the
escalation reaches the real reference agency, the feed keeps syncing (the supervisor's
name arrives), the lone-worker check keeps running, and auto-lock waits for the session.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import msgspec
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from talentdesk.safety import EscalationState
from talentdesk.ui.application import TalentDeskApp
from talentdesk.ui.language import LanguageSwitcher
from talentdesk.ui.unlock.guard import GuardPanel
from talentdesk.vault import Vault, VaultLocked
from talentdesk.workspace import SafetyTuning, SessionClocks
from talentdesk_agency import policy
from talentdesk_agency.store.records import now_utc
from talentdesk_contract.values import ResolutionReason
from tests.ui.conftest import AppFactory, FakeClock, click, unlock_with, wait_for_main_window
from tests.ui.pages.test_agency import (  # noqa: F401  (the agency fixture)
    FAST,
    WAIT_MS,
    Agency,
    agency,
    paired_vault,
    unlock,
)
from tests.ui.session.test_session_flow import Monotonic, accepted_in_today

pytestmark = pytest.mark.usefixtures("no_keyring", "english")

PASSPHRASE = "mawar melati semuanya indah"


def live_session(qtbot: QtBot, app: TalentDeskApp, agency: Agency) -> str:  # noqa: F811
    """Unlock (unless unlocked already), accept a pushed booking in Today and start its
    session; its booking id."""
    window = app.main_window if app.vault is not None and app.main_window else unlock(qtbot, app)
    booking_id = agency.book("curhat-30", minutes=5)
    accepted_in_today(qtbot, window, booking_id)
    panel = window.today.session_panel
    assert panel is not None
    qtbot.waitUntil(lambda: panel.start_button.isEnabled(), timeout=WAIT_MS)
    click(panel.start_button)
    qtbot.waitUntil(
        lambda: app.session is not None and app.session.live is not None, timeout=WAIT_MS
    )
    return booking_id


def guarded(vault: Vault) -> bool:
    """Whether ``vault`` is guarded (a function: a property asserted once stays narrowed)."""
    return vault.guarded


def guard_of(app: TalentDeskApp) -> GuardPanel:
    guard = app.guard
    assert guard is not None
    return guard


def at_agency(agency: Agency, booking_id: str) -> list[str]:  # noqa: F811
    """Ids of the agency's escalations about ``booking_id``, oldest first."""
    rows = [r for r in agency.store.escalations() if r.booking_id == booking_id]
    return [r.id for r in sorted(rows, key=lambda r: r.at)]


def test_locked_mid_session_the_escalate_button_reaches_the_agency(
    qtbot: QtBot,
    agency: Agency,  # noqa: F811
    make_app: AppFactory,
    vault_path: Path,
) -> None:
    paired_vault(vault_path, agency)
    mono = Monotonic()
    app = make_app("en", sync_tuning=FAST, session_clocks=SessionClocks(monotonic=mono))
    booking_id = live_session(qtbot, app, agency)
    workspace = app.workspace
    assert workspace is not None
    later = agency.book("curhat-30", minutes=180)  # tonight's next customer
    qtbot.waitUntil(lambda: later in workspace.vault.customer_bookings(), timeout=WAIT_MS)

    app.lock()
    guard = guard_of(app)
    assert app.locked and app.main_window is None and app.session_windows is None
    assert app.unlock_screen.guard is guard and guard.isVisible()
    # The data is locked: the customer cannot be read from the guarded vault.
    assert workspace.vault.guarded and workspace.vault.guarded_booking == booking_id
    with pytest.raises(VaultLocked):
        workspace.vault.get("customer_contact", later)
    assert workspace.runner.live is not None
    # The lock screen says the session goes on, not that the vault was closed.
    screen = app.unlock_screen
    qtbot.waitUntil(lambda: screen.current_step is screen.passphrase, timeout=WAIT_MS)
    assert screen.passphrase.message.startswith("Your customer's details are hidden")
    assert "closed" not in screen.passphrase.message
    # The clock goes on, on the session's monotonic clock, moved by the panel's own timer.
    assert guard.clock.text() == "30:00"
    mono.now += 61
    qtbot.waitUntil(lambda: guard.clock.text() == "28:59", timeout=WAIT_MS)
    assert guard.caption.text() == "time left"

    # One click on the lock screen: durable at once, then delivered to the agency.
    with qtbot.waitSignal(guard.escalated, timeout=WAIT_MS) as raised:
        click(guard.escalate_button)
    view = guard.last_escalation
    assert view is not None and view is raised.args[0] and view.booking_id == booking_id
    assert workspace.safety.escalations.get(view.id) is not None  # durable on return
    qtbot.waitUntil(lambda: len(at_agency(agency, booking_id)) == 1, timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: guard.state.text().startswith("Delivered to your agency"), timeout=WAIT_MS
    )
    assert " · waiting 00:0" in guard.state.text()

    # Ctrl+Shift+E anywhere on the lock screen (the passphrase field has the focus).
    field = app.unlock_screen.passphrase.field
    field.setFocus()
    QTest.keyClick(
        field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: len(at_agency(agency, booking_id)) == 2, timeout=WAIT_MS)
    assert field.text() == ""

    # The feed keeps syncing while locked: the supervisor takes it, the lock screen says so.
    newest = at_agency(agency, booking_id)[-1]
    agency.store.acknowledge_escalation(newest, "Rina")
    qtbot.waitUntil(lambda: guard.state.text().startswith("Acknowledged by Rina"), timeout=WAIT_MS)

    # Unlocking gives the same session back to new windows; the vault is whole again.
    unlock_with(qtbot, app, PASSPHRASE)
    wait_for_main_window(qtbot, app, timeout=WAIT_MS)
    assert app.guard is None and not guarded(workspace.vault)
    qtbot.waitUntil(lambda: app.session is not None and app.session.live is not None)
    assert app.session is not None and app.session.live is not None
    assert app.session.live is workspace.runner.live
    views = workspace.safety.escalations.for_booking(booking_id)
    assert {v.state for v in views} == {EscalationState.ACKNOWLEDGED, EscalationState.DELIVERED}


def test_auto_lock_waits_for_the_session_and_the_lone_worker_check_asks_on_the_lock_screen(
    qtbot: QtBot,
    agency: Agency,  # noqa: F811
    make_app: AppFactory,
    vault_path: Path,
    clock: FakeClock,
) -> None:
    paired_vault(vault_path, agency)
    mono = Monotonic()
    app = make_app(
        "en",
        sync_tuning=FAST,
        session_clocks=SessionClocks(monotonic=mono),
        safety_tuning=SafetyTuning(minutes_over=1, answer_minutes=1, poll_ms=20),
    )
    booking_id = live_session(qtbot, app, agency)
    app.set_idle_lock_minutes(1)

    # Typing in the chat app is no input here: an hour idle, still unlocked.
    clock.advance(3600)
    qtbot.wait(100)  # several idle checks (every 20 ms in tests)
    assert app.main_window is not None and app.guard is None
    assert app.idle.held

    app.lock()  # by hand: the session goes on behind the lock screen
    guard = guard_of(app)
    assert not guard.question.isVisible()
    mono.now += 31 * 60  # a minute past the booked end: "Are you OK?"
    qtbot.waitUntil(guard.question.isVisible, timeout=WAIT_MS)
    assert guard.question_text.text() == "Are you OK?"
    mono.now += 61  # no answer within a minute: the check escalates on its own
    qtbot.waitUntil(lambda: len(at_agency(agency, booking_id)) == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not guard.question.isVisible(), timeout=WAIT_MS)
    assert guard.state.isVisible()


def test_auto_lock_happens_once_the_session_has_ended(
    qtbot: QtBot,
    agency: Agency,  # noqa: F811
    make_app: AppFactory,
    vault_path: Path,
    clock: FakeClock,
) -> None:
    paired_vault(vault_path, agency)
    app = make_app("en", sync_tuning=FAST, session_clocks=SessionClocks(monotonic=Monotonic()))
    live_session(qtbot, app, agency)
    app.set_idle_lock_minutes(1)
    clock.advance(3600)  # an hour in the chat app: held while the session is live
    qtbot.wait(100)
    assert app.main_window is not None and app.idle.held and app.vault is not None

    session = app.session
    assert session is not None
    qtbot.waitUntil(lambda: session.replies.get("agency-en-polite") is not None, timeout=WAIT_MS)
    polite = session.replies.get("agency-en-polite")
    assert polite is not None
    with qtbot.waitSignal(session.reply_copied, timeout=WAIT_MS):
        session.copy_reply(polite)
    assert QGuiApplication.clipboard().text().startswith("Sorry")
    with qtbot.waitSignal(session.closing_started, timeout=WAIT_MS):
        session.end()
    assert app.idle.held  # closing: the session is not over yet
    # The finish runs on the bridge: the idle lock waits for its answer too (which takes
    # the session's copies off the clipboard), then comes at the next check.
    with qtbot.waitSignal(session.finished, timeout=WAIT_MS):
        session.finish()
    # Nothing left to guard: the next idle check locks, fully (the vault closes).
    qtbot.waitUntil(lambda: app.vault is None, timeout=WAIT_MS)
    assert app.guard is None and app.locked
    assert QGuiApplication.clipboard().text() == ""  # the reply went with the session
    screen = app.unlock_screen
    qtbot.waitUntil(lambda: screen.current_step is screen.passphrase, timeout=WAIT_MS)
    assert screen.passphrase.message.startswith("Your vault was closed")


def test_an_open_escalation_is_guarded_says_whom_to_call_and_locks_fully_once_resolved(
    qtbot: QtBot,
    agency: Agency,  # noqa: F811
    make_app: AppFactory,
    vault_path: Path,
) -> None:
    phone = "+62 812 0000 1111"
    config = agency.store.config()
    agency.store.set_config(msgspec.structs.replace(config, supervisor_phone=phone))
    paired_vault(vault_path, agency)
    app = make_app("en", sync_tuning=FAST)
    unlock(qtbot, app)
    assert app.safety is not None
    view = app.safety.escalate(None)  # no session: an escalation about nothing booked
    assert view is not None
    qtbot.waitUntil(lambda: len(agency.store.escalations()) == 1, timeout=WAIT_MS)
    workspace = app.workspace
    assert workspace is not None

    app.lock()
    guard = guard_of(app)
    assert not guard.clock.isVisible()  # no session: no clock, the escalation stays
    assert guard.title.text() == "Your escalation stays open while TalentDesk is locked"
    qtbot.waitUntil(
        lambda: guard.state.text().startswith("Delivered to your agency"), timeout=WAIT_MS
    )
    remote = agency.store.escalations()[0].id
    start = now_utc()
    for seconds in (61, 121, 181, 241):  # the policy's rounds, then exhausted
        policy.tick(agency.store, start + timedelta(seconds=seconds))
    qtbot.waitUntil(guard.instruction.isVisible, timeout=WAIT_MS)
    assert guard.state.text().startswith("Nobody has taken it")
    text = guard.instruction.text()
    assert f"Call your supervisor now: {phone}." in text
    assert "112" in text and "110" in text  # the agency's emergency numbers
    switcher = LanguageSwitcher()
    try:
        switcher.set_language("id")
        qtbot.waitUntil(lambda: guard.instruction.text() != text, timeout=WAIT_MS)
        assert guard.instruction.text().startswith("Belum ada yang menanggapi")
        assert phone in guard.instruction.text() and "112" in guard.instruction.text()
    finally:
        switcher.uninstall()

    # The supervisor resolves it: nothing is left to guard, the lock becomes a full one.
    agency.store.resolve_escalation(remote, "Rina", "ok", ResolutionReason.HANDLED)
    qtbot.waitUntil(lambda: app.vault is None and app.guard is None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not workspace.vault.is_open, timeout=WAIT_MS)


def test_pace_marks_made_while_locked_are_there_after_unlock(
    qtbot: QtBot,
    agency: Agency,  # noqa: F811
    make_app: AppFactory,
    vault_path: Path,
) -> None:
    paired_vault(vault_path, agency)
    mono = Monotonic()
    app = make_app("en", sync_tuning=FAST, session_clocks=SessionClocks(monotonic=mono))
    live_session(qtbot, app, agency)
    workspace = app.workspace
    assert workspace is not None

    app.lock()  # guarded: the talent marks the pace from the chat app (hotkeys)
    guard_of(app)
    assert workspace.customer_wrote()
    mono.now += 130  # slower than the agency's 2 minutes: a slow reply
    answer = workspace.talent_answered()
    assert answer is not None and answer.slow
    assert workspace.customer_wrote()  # and the customer wrote again: a wait runs
    mono.now += 45

    unlock_with(qtbot, app, PASSPHRASE)
    wait_for_main_window(qtbot, app, timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: app.session_windows is not None and app.session_windows.window is not None,
        timeout=WAIT_MS,
    )
    screens = app.session_windows
    assert screens is not None and screens.window is not None
    pace = screens.window.pace
    qtbot.waitUntil(lambda: pace.counts.text() == "Slow replies this session: 1", timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: pace.waiting.text().startswith("The customer has waited 00:4"), timeout=WAIT_MS
    )
    session = app.session
    assert session is not None and session.pace is not None
    status = session.pace.status()
    assert status.slow_replies == 1
    assert status.waiting_seconds is not None and 45 <= status.waiting_seconds < 60


def test_offline_is_shown_in_the_session_windows_and_on_the_lock_screen(
    qtbot: QtBot,
    agency: Agency,  # noqa: F811
    make_app: AppFactory,
    vault_path: Path,
) -> None:
    """The real agency stops during a live session: the session window's chip, the
    compact window's chip and (locked) the lock screen's chip say offline, then online."""
    paired_vault(vault_path, agency)
    app = make_app("en", sync_tuning=FAST, session_clocks=SessionClocks(monotonic=Monotonic()))
    live_session(qtbot, app, agency)
    qtbot.waitUntil(
        lambda: app.session_windows is not None and app.session_windows.window is not None,
        timeout=WAIT_MS,
    )
    screens = app.session_windows
    assert screens is not None and screens.window is not None and screens.compact is not None
    chips = [screens.window.sync, screens.compact.sync]
    assert all(chip is not None for chip in chips)
    qtbot.waitUntil(lambda: all(c is not None and c.full_text == "Connected" for c in chips))

    agency.server.stop()
    try:
        qtbot.waitUntil(
            lambda: all(c is not None and c.full_text.startswith("Offline") for c in chips),
            timeout=WAIT_MS,
        )
        for chip in chips:
            assert chip is not None and chip.offline
            assert chip.property("tone") == "warning"
        app.lock()  # guarded: the lock screen carries the chip
        lock_chip = guard_of(app).sync
        qtbot.waitUntil(lambda: lock_chip.full_text.startswith("Offline"), timeout=WAIT_MS)
        assert lock_chip.offline
    finally:
        agency.server.start()  # the same port again
    qtbot.waitUntil(lambda: lock_chip.full_text == "Connected", timeout=WAIT_MS)
    assert lock_chip.property("tone") == "ok"

    unlock_with(qtbot, app, PASSPHRASE)
    wait_for_main_window(qtbot, app, timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: app.session_windows is not None and app.session_windows.window is not None,
        timeout=WAIT_MS,
    )
    screens = app.session_windows
    assert screens is not None and screens.window is not None and screens.compact is not None
    chips = [screens.window.sync, screens.compact.sync]
    qtbot.waitUntil(
        lambda: all(c is not None and c.full_text == "Connected" for c in chips), timeout=WAIT_MS
    )
