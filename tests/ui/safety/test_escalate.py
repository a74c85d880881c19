"""Escalating from the screen against the real reference agency on loopback: queued while
the agency is down, delivered, acknowledged by a named supervisor, resolved; details added
afterwards; a false alarm that reaches the agency; Ctrl+Shift+E; never a form first."""

from __future__ import annotations

from datetime import timedelta

import msgspec
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from talentdesk.safety import Delivery, EscalationState
from talentdesk.sync.outbox import OutboxState
from talentdesk.ui.pages.safety import FIT_ROWS, SafetyPage
from talentdesk.ui.safety import EscalateBox
from talentdesk.ui.safety.escalate import EscalateStrip
from talentdesk.ui.safety.models import EscalationColumn
from talentdesk_agency import policy
from talentdesk_agency.store.records import now_utc
from talentdesk_contract.values import CrisisSign, ResolutionReason
from tests.ui.conftest import click
from tests.ui.safety.conftest import WAIT_MS, Agency, Desk, settle, start_session

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def box(qtbot: QtBot, desk: Desk) -> EscalateBox:
    made = EscalateBox(desk.safety)
    qtbot.addWidget(made)
    made.resize(520, 600)
    made.show()
    return made


def state_cell(page: SafetyPage, escalation_id: str) -> str:
    row = page.escalations.row_of(escalation_id)
    assert row is not None
    text = page.escalations.data(page.escalations.index(row, EscalationColumn.STATE))
    assert isinstance(text, str)
    return text


def test_click_while_the_agency_is_down_then_delivered_acknowledged_resolved(
    qtbot: QtBot, desk: Desk, agency: Agency, box: EscalateBox
) -> None:
    booking = desk.book()
    start_session(qtbot, desk, booking)
    page = SafetyPage(desk.safety, windows=desk.screens)
    qtbot.addWidget(page)
    settle(qtbot, desk)
    agency.stop()

    windows_before = set(QApplication.topLevelWidgets())
    click(box.button)
    # Durable when the click returned, and no form or question came first.
    panel = box.panel
    assert panel.isVisible()
    view = panel.view
    assert view is not None
    assert view.booking_id == booking.id
    assert view.state is EscalationState.QUEUED
    stored = desk.safety.service.escalations.get(view.id)
    assert stored is not None and stored.state is EscalationState.QUEUED
    item = desk.agency_link.workspace.outbox.items()[0]
    assert any(i.urgent and i.state is OutboxState.QUEUED for i in item)
    assert QApplication.activeModalWidget() is None
    assert set(QApplication.topLevelWidgets()) - windows_before == set()
    assert desk.safety.last_escalate_seconds is not None
    assert panel.headline.text() == "Help requested · queued"
    assert "saved on this device" in panel.explanation.text()
    qtbot.waitUntil(lambda: view.id in [v.id for v in desk.safety.snapshot.escalations])
    assert state_cell(page, view.id).startswith("Queued on this device")

    # The sender keeps trying; the panel says so.
    qtbot.waitUntil(lambda: desk.escalation(view.id).attempts >= 1, timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: (
            "retrying" in page.escalations.data(page.escalations.index(0, EscalationColumn.STATE))
        ),
        timeout=WAIT_MS,
    )

    agency.start()
    qtbot.waitUntil(lambda: panel.headline.text() == "Help requested · delivered", timeout=WAIT_MS)
    remote = desk.escalation(view.id).remote_id
    assert remote is not None
    # The agency's id is for the supervisor: in the tooltip, not in the line the talent reads.
    assert panel.facts.toolTip() == f"agency reference {remote}"
    assert remote not in panel.facts.text() and remote not in panel.explanation.text()
    assert state_cell(page, view.id) == "Delivered to your agency · waiting for a supervisor"
    assert agency.escalation(remote)[0] == "open"

    agency.store.acknowledge_escalation(remote, "Rina", "Saya telepon kamu sebentar lagi.")
    qtbot.waitUntil(lambda: panel.headline.text() == "Rina is on it", timeout=WAIT_MS)
    assert "Supervisor Rina acknowledged it at" in panel.explanation.text()
    assert "Saya telepon kamu sebentar lagi." in panel.explanation.text()
    assert panel.property("state") == "acknowledged"
    qtbot.waitUntil(lambda: state_cell(page, view.id) == "Acknowledged by Rina", timeout=WAIT_MS)
    assert panel.false_alarm_button.isVisible()  # still open: it can still be cancelled

    agency.store.resolve_escalation(remote, "Rina", "Sudah aman", ResolutionReason.HANDLED)
    qtbot.waitUntil(lambda: panel.headline.text() == "Resolved by Rina", timeout=WAIT_MS)
    assert panel.property("state") == "resolved"
    assert not panel.false_alarm_button.isVisible()
    assert not panel.details.isVisible()
    qtbot.waitUntil(
        lambda: state_cell(page, view.id) == "Resolved by Rina · handled", timeout=WAIT_MS
    )


def test_details_follow_the_escalation(
    qtbot: QtBot, desk: Desk, agency: Agency, box: EscalateBox
) -> None:
    booking = desk.book()
    start_session(qtbot, desk, booking)
    view = box.escalate()
    assert view is not None
    panel = box.panel
    assert panel.details.isVisible()
    assert not panel.send_button.isEnabled()  # nothing to add yet
    click(panel.sign_buttons[CrisisSign.DISTRESS])
    click(panel.sign_buttons[CrisisSign.AGGRESSION])  # one sign at a time
    assert panel.chosen_sign() == "aggression"
    assert not panel.sign_buttons[CrisisSign.DISTRESS].isChecked()
    panel.note.setPlainText("Pelanggan mengancam, saya akhiri chat.")
    assert panel.send_button.isEnabled()
    click(panel.send_button)
    qtbot.waitUntil(lambda: panel.follow_up_state.text() != "", timeout=WAIT_MS)
    assert panel.follow_up_state.text().startswith("1 detail added")
    # The count may arrive (a change event) before the follow-up's own answer clears the box.
    qtbot.waitUntil(lambda: panel.note.toPlainText() == "", timeout=WAIT_MS)
    assert panel.chosen_sign() is None

    def at_agency() -> bool:
        remote = desk.escalation(view.id).remote_id
        return remote is not None and agency.escalation(remote)[1:] == (
            "aggression",
            None,
            1,
        )

    qtbot.waitUntil(at_agency, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: panel.follow_up_state.text() == "1 detail added", timeout=WAIT_MS)
    assert "Aggression or threats of violence" in panel.facts.text()


def test_false_alarm_reaches_the_agency(
    qtbot: QtBot, desk: Desk, agency: Agency, box: EscalateBox
) -> None:
    booking = desk.book()
    start_session(qtbot, desk, booking)
    click(box.button)
    panel = box.panel
    view = panel.view
    assert view is not None
    qtbot.waitUntil(lambda: desk.escalation(view.id).remote_id is not None, timeout=WAIT_MS)
    remote = desk.escalation(view.id).remote_id
    assert remote is not None

    click(panel.false_alarm_button)  # asks once: a real call for help must not vanish
    assert panel.confirm_row.isVisible()
    click(panel.keep_button)
    assert not panel.confirm_row.isVisible()
    assert desk.escalation(view.id).state is EscalationState.DELIVERED
    click(panel.false_alarm_button)
    click(panel.confirm_button)
    qtbot.waitUntil(lambda: panel.headline.text() == "Cancelled as a false alarm", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: agency.escalation(remote)[0] == "cancelled", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: desk.escalation(view.id).cancel is Delivery.DELIVERED, timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: (
            panel.explanation.text()
            == "Your agency knows it was pressed by mistake. Nothing more to do."
        ),
        timeout=WAIT_MS,
    )
    assert panel.property("state") == "cancelled"
    assert not panel.false_alarm_button.isVisible()


def test_ctrl_shift_e_escalates_from_anywhere_in_the_window(
    qtbot: QtBot, desk: Desk, agency: Agency
) -> None:
    booking = desk.book()
    start_session(qtbot, desk, booking)
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    field = QLineEdit()
    layout.addWidget(field)
    box = EscalateBox(desk.safety, compact=True)
    layout.addWidget(box)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    field.setFocus()
    QTest.keyClick(
        field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    views = desk.safety.service.escalations.escalations()
    assert len(views) == 1
    assert views[0].booking_id == booking.id
    assert box.panel.view is not None and box.panel.view.id == views[0].id
    assert field.text() == ""  # the keys went to the shortcut, not the field


def test_nobody_takes_it_the_panel_and_the_compact_line_say_whom_to_call(
    qtbot: QtBot, desk: Desk, agency: Agency, box: EscalateBox
) -> None:
    phone = "+62 811 2233 4455"
    agency.store.set_config(msgspec.structs.replace(agency.store.config(), supervisor_phone=phone))
    booking = desk.book()
    start_session(qtbot, desk, booking)
    strip = EscalateStrip(desk.safety)
    qtbot.addWidget(strip)
    view = box.escalate()
    assert view is not None
    panel = box.panel
    qtbot.waitUntil(lambda: panel.headline.text() == "Help requested · delivered", timeout=WAIT_MS)
    assert "waiting 00:0" in panel.facts.text()  # how long it has waited, live
    remote = desk.escalation(view.id).remote_id
    assert remote is not None

    start = now_utc()
    policy.tick(agency.store, start + timedelta(seconds=61))
    qtbot.waitUntil(
        lambda: "alerted its supervisors again (1 time)" in panel.explanation.text(),
        timeout=WAIT_MS,
    )
    assert not panel.instruction.isVisible()
    for seconds in (121, 181, 241):
        policy.tick(agency.store, start + timedelta(seconds=seconds))
    qtbot.waitUntil(panel.instruction.isVisible, timeout=WAIT_MS)
    assert f"Call your supervisor now: {phone}." in panel.instruction.text()
    qtbot.waitUntil(lambda: strip.line.full_text == f"Nobody has taken it: call {phone} now")
    assert strip.line.property("tone") == "error"

    agency.store.acknowledge_escalation(remote, "Rina")
    qtbot.waitUntil(lambda: panel.headline.text() == "Rina is on it", timeout=WAIT_MS)
    assert not panel.instruction.isVisible()
    assert strip.line.full_text == "Acknowledged by Rina"
    assert strip.line.property("tone") == "taken"  # calm green, not the waiting orange


def test_a_click_on_the_safety_page_does_not_touch_every_row_of_the_history(
    qtbot: QtBot, desk: Desk
) -> None:
    """The app escalates through the Safety page's box (Ctrl+Shift+E builds it): a click
    resets the lists once, never tells the views every text of every row changed, and
    the columns fit the newest rows only, so it costs the same after a long history."""
    page = SafetyPage(desk.safety, windows=desk.screens)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    for _ in range(30):
        click(page.box.button)
    settle(qtbot, desk)
    assert page.escalations.rowCount() == 30
    header = page.escalations_view.header()
    assert 0 < header.resizeContentsPrecision() <= FIT_ROWS < 1000  # Qt's default is 1,000

    touched: list[int] = []
    page.escalations.dataChanged.connect(
        lambda top, bottom, _roles=(): touched.append(bottom.row() - top.row() + 1)
    )
    with qtbot.waitSignal(page.escalations.modelReset, timeout=WAIT_MS):
        click(page.box.button)
    assert page.escalations.rowCount() == 31
    assert touched == []  # no "every text changed" on top of the reset

    page.retranslate()  # a language switch still asks every cell again
    assert touched == [31]
