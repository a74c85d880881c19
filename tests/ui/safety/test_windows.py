"""The escalate button where the talent works: always in view in the live session window
and in the compact window, Ctrl+Shift+E in every window, and the safety controller living and
dying with the unlocked vault in the whole app."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from talentdesk.safety import EscalationState
from talentdesk.sync.service import SyncService
from talentdesk.ui.application import TalentDeskApp
from talentdesk.ui.main_window import MainWindow, Page
from talentdesk.ui.session.compact import CompactWindow
from talentdesk.ui.session.window import SessionWindow
from talentdesk.vault import Vault
from tests.ui.conftest import (
    PASSPHRASE,
    AppFactory,
    click,
    unlock_with,
    wait_for_main_window,
    wait_for_step,
)
from tests.ui.safety.conftest import FAST, TALENT, WAIT_MS, Agency, Desk, start_session

pytestmark = pytest.mark.usefixtures("english")

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def press_ctrl_shift_e(qtbot: QtBot, window: QWidget, target: QWidget | None = None) -> None:
    """Ctrl+Shift+E with ``window`` active and the focus on ``target`` (or the window)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(target or window, Qt.Key.Key_E, CTRL_SHIFT)


def session_window(qtbot: QtBot, desk: Desk) -> SessionWindow:
    screens = desk.session_windows
    qtbot.waitUntil(lambda: screens.window is not None and screens.window.isVisible())
    assert screens.window is not None
    return screens.window


def test_the_live_session_window_keeps_the_escalate_button_in_view(
    qtbot: QtBot, desk: Desk, agency: Agency
) -> None:
    booking = desk.book()
    start_session(qtbot, desk, booking)
    window = session_window(qtbot, desk)
    window.resize(1000, 660)  # the smallest the window gets
    box = window.escalate
    assert box is not None
    assert box.button.isVisible()
    assert box.button.text() == "Escalate — ask a supervisor for help"
    assert box.playbook_button.isVisible() and box.report_button.isVisible()
    assert not box.panel.isVisible()  # no escalation yet: no panel taking room

    click(box.button)
    assert box.panel.isVisible()
    view = box.panel.view
    assert view is not None and view.booking_id == booking.id
    assert view.state is EscalationState.QUEUED
    qtbot.waitUntil(
        lambda: box.panel.headline.text() == "Help requested · delivered", timeout=WAIT_MS
    )
    # The window follows the session's newest escalation; the compact one does too.
    desk.session_windows.show_compact()
    compact = desk.session_windows.compact
    assert compact is not None and compact.escalate is not None
    assert compact.escalate.view is not None
    assert compact.escalate.view.id == view.id
    assert compact.escalate.line.full_text.startswith("Delivered to your agency")


def test_the_playbook_and_the_report_open_from_the_session_window(
    qtbot: QtBot, desk: Desk, agency: Agency
) -> None:
    booking = desk.book()
    start_session(qtbot, desk, booking)
    box = session_window(qtbot, desk).escalate
    assert box is not None
    click(box.playbook_button)
    playbook = desk.screens.playbook
    assert playbook is not None and playbook.isVisible()
    assert not playbook.isModal()
    click(box.report_button)
    report = desk.screens.report
    assert report is not None and report.isVisible()
    qtbot.waitUntil(lambda: report.chosen_session() is not None, timeout=WAIT_MS)
    chosen = report.chosen_session()
    assert chosen is not None and chosen.live and chosen.booking_id == booking.id


def test_ctrl_shift_e_escalates_from_the_session_window(
    qtbot: QtBot, desk: Desk, agency: Agency
) -> None:
    booking = desk.book()
    start_session(qtbot, desk, booking)
    window = session_window(qtbot, desk)
    press_ctrl_shift_e(qtbot, window, window.replies.field)
    views = desk.safety.service.escalations.escalations()
    assert [v.booking_id for v in views] == [booking.id]
    assert window.replies.field.text() == ""


def test_ctrl_shift_e_escalates_from_the_compact_window(
    qtbot: QtBot, desk: Desk, agency: Agency
) -> None:
    booking = desk.book()
    start_session(qtbot, desk, booking)
    desk.session_windows.show_compact()
    compact = desk.session_windows.compact
    assert isinstance(compact, CompactWindow)
    qtbot.waitUntil(compact.isVisible)
    box = compact.escalate
    assert box is not None
    assert box.button.isVisible()
    assert box.button.text() == "Escalate · Ctrl+Shift+E"
    assert box.line.full_text == "No escalation in this session"
    size = compact.size()

    press_ctrl_shift_e(qtbot, compact, compact.full_button)
    views = desk.safety.service.escalations.escalations()
    assert len(views) == 1 and views[0].booking_id == booking.id
    assert box.line.full_text.startswith("Queued on this device")
    qtbot.waitUntil(
        lambda: box.line.full_text.startswith("Delivered to your agency"), timeout=WAIT_MS
    )
    assert " · waiting 00:0" in box.line.full_text  # how long it has waited, live
    remote = desk.escalation(views[0].id).remote_id
    assert remote is not None
    agency.store.acknowledge_escalation(remote, "Rina")
    qtbot.waitUntil(lambda: box.line.full_text.startswith("Acknowledged by Rina"), timeout=WAIT_MS)
    assert compact.size() == size  # the line never grows the window
    # The details and "False alarm" are in the full window (the compact one has no room).
    click(compact.full_button)
    window = desk.session_windows.window
    assert window is not None and window.escalate is not None
    assert window.escalate.panel.view is not None
    assert window.escalate.panel.view.id == views[0].id


# --------------------------------------------------------------------------- the whole app


def released(app: TalentDeskApp) -> bool:
    """The app holds no safety controller and no safety windows (locked or quit)."""
    return app.safety is None and app.safety_windows is None


def paired_vault(vault_path: Path, agency: Agency) -> None:
    vault = Vault.create(vault_path, passphrase=PASSPHRASE)
    try:
        SyncService(vault).pair(agency.url, agency.store.create_pairing_code(TALENT))
    finally:
        vault.close()


def unlocked(qtbot: QtBot, app: TalentDeskApp) -> MainWindow:
    app.start()
    wait_for_step(qtbot, app, "passphrase")
    unlock_with(qtbot, app, PASSPHRASE)
    return wait_for_main_window(qtbot, app)


@pytest.mark.usefixtures("no_keyring")
def test_the_app_builds_the_safety_controller_on_unlock_and_lets_go_on_lock(
    qtbot: QtBot, agency: Agency, make_app: AppFactory, vault_path: Path
) -> None:
    paired_vault(vault_path, agency)
    app = make_app("en", sync_tuning=FAST)
    window = unlocked(qtbot, app)
    safety = app.safety
    assert safety is not None and app.safety_windows is not None
    page = window.safety
    assert page.safety is safety
    window.show_page(Page.SAFETY)
    qtbot.waitUntil(
        lambda: page.playbook.contacts_hint.text() == "From your agency.", timeout=WAIT_MS
    )

    # Ctrl+Shift+E from another page of the main window: no session, so about none.
    window.show_page(Page.TODAY)
    press_ctrl_shift_e(qtbot, window)
    views = safety.service.escalations.escalations()
    assert len(views) == 1 and views[0].booking_id is None
    assert page.box.panel.view is not None and page.box.panel.view.id == views[0].id
    qtbot.waitUntil(lambda: len(agency.store.escalations()) == 1, timeout=WAIT_MS)

    app.lock()
    assert released(app)
    assert safety.closed
    assert safety.escalate() is None  # a released desk writes nothing to a closing vault
