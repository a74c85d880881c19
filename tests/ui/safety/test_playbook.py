"""The crisis playbook on screen: one click per sign shows its actions and the emergency
contacts (the public lines until the agency sends its own), numbers large and copyable,
and "escalate with this sign" reaches the agency with the sign filled in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from talentdesk.domain import IncidentCategory
from talentdesk.safety import PLAYBOOK
from talentdesk.ui.language import LanguageSwitcher
from talentdesk.ui.safety import PlaybookPanel
from talentdesk.ui.safety.playbook import PlaybookWindow
from talentdesk_contract.values import CrisisSign
from tests.ui.conftest import click
from tests.ui.safety.conftest import WAIT_MS, Agency, Desk, settle, start_session

pytestmark = pytest.mark.usefixtures("english")


def make_panel(qtbot: QtBot, desk: Desk) -> PlaybookPanel:
    panel = PlaybookPanel(desk.safety)
    qtbot.addWidget(panel)
    panel.resize(760, 900)
    panel.show()
    return panel


def test_each_sign_shows_its_actions_and_the_numbers_that_fit_first(
    qtbot: QtBot, unpaired: Desk
) -> None:
    desk = unpaired
    settle(qtbot, desk)
    panel = make_panel(qtbot, desk)
    # Before any sign: no guide yet, but the numbers are already there.
    assert not panel.guide_area.isVisible()
    assert panel.shown_numbers() == ["112", "110", "119"]
    names = [c.name.text() for c in panel.contact_cards if c.isVisible()]
    assert names == ["Emergency", "Police", "Mental health line"]
    assert panel.contact_cards[2].note.text() == "extension 8"
    assert panel.contacts_hint.text() == (
        "Indonesia's public lines, until your agency sends its own."
    )
    assert len(panel.sign_buttons) == len(PLAYBOOK) == 4

    click(panel.sign_buttons[CrisisSign.DISTRESS])
    assert panel.guide_area.isVisible()
    assert panel.action_texts() == [
        "1.  Ask calmly what is going on.",
        "2.  Offer support: listen, and let them know they are heard.",
    ]
    assert not panel.emergency_now.isVisible()
    assert panel.shown_numbers() == ["119", "112", "110"]  # mental health first

    click(panel.sign_buttons[CrisisSign.THREAT_OF_HARM])
    assert panel.action_texts() == [
        "1.  Contact emergency services now, then tell your supervisor."
    ]
    assert panel.emergency_now.isVisible()
    assert panel.emergency_text.text() == "Call emergency services now: 112. Then escalate."
    assert panel.shown_numbers() == ["112", "110", "119"]
    assert not panel.sign_buttons[CrisisSign.DISTRESS].isChecked()  # one sign at a time

    click(panel.sign_buttons[CrisisSign.SUICIDAL_THOUGHTS])
    assert len(panel.action_texts()) == 3
    assert panel.action_texts()[2].endswith(
        "Refer them to mental-health professionals (the numbers below)."
    )
    assert not panel.report_button.isVisible()

    click(panel.sign_buttons[CrisisSign.AGGRESSION])
    assert panel.action_texts() == [
        "1.  End the conversation. Your safety comes first.",
        "2.  Report it to your agency.",
    ]
    assert panel.shown_numbers()[0] == "110"
    assert panel.report_button.isVisible()
    with qtbot.waitSignal(panel.report_requested) as wanted:
        click(panel.report_button)
    assert wanted.args == [IncidentCategory.THREATS]


def test_numbers_are_large_selectable_and_copied_in_one_click(qtbot: QtBot, unpaired: Desk) -> None:
    panel = make_panel(qtbot, unpaired)
    card = panel.contact_cards[0]
    assert card.number.property("role") == "bigNumber"
    assert card.number.font().pointSizeF() >= 20
    assert (
        card.number.textInteractionFlags()
        & card.number.textInteractionFlags().TextSelectableByMouse
    )
    click(card.copy_button)
    assert QGuiApplication.clipboard().text() == "112"
    assert panel.copied.text() == "Copied 112"


def test_the_agency_contacts_replace_the_public_lines(
    qtbot: QtBot, desk: Desk, agency: Agency
) -> None:
    panel = make_panel(qtbot, desk)
    # Pairing brings the agency's configuration, with its own contacts.
    qtbot.waitUntil(lambda: panel.contacts_hint.text() == "From your agency.", timeout=WAIT_MS)
    names = [c.name.text() for c in panel.contact_cards if c.isVisible()]
    assert names == ["Emergency", "Police", "Mental health (SEJIWA)"]  # its English ones
    assert panel.shown_numbers() == ["112", "110", "119"]
    # The contacts follow the app's language: the agency's Indonesian lines.
    switcher = LanguageSwitcher()
    switcher.set_language("id")
    try:
        qtbot.waitUntil(
            lambda: (
                [c.name.text() for c in panel.contact_cards if c.isVisible()]
                == ["Darurat", "Polisi", "Kesehatan jiwa (SEJIWA)"]
            )
        )
        assert panel.shown_numbers() == ["112", "110", "119"]
    finally:
        switcher.uninstall()


def test_escape_closes_the_playbook_window(qtbot: QtBot, unpaired: Desk) -> None:
    window = PlaybookWindow(unpaired.safety)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_escalate_with_the_sign_filled_in(qtbot: QtBot, desk: Desk, agency: Agency) -> None:
    booking = desk.book()
    start_session(qtbot, desk, booking)
    panel = make_panel(qtbot, desk)
    click(panel.sign_buttons[CrisisSign.THREAT_OF_HARM])
    with qtbot.waitSignal(panel.escalated) as raised:
        click(panel.escalate_button)
    view = raised.args[0]
    assert view.crisis_sign == "threat_of_harm"
    assert view.booking_id == booking.id
    assert panel.result.isVisible()
    assert panel.result.text().startswith(
        "Your supervisor was asked for help, with “Threats of self-harm or harm to others”. "
        "Queued on this device"
    )

    def at_agency() -> bool:
        remote = desk.escalation(view.id).remote_id
        return remote is not None and agency.escalation(remote)[1] == "threat_of_harm"

    qtbot.waitUntil(at_agency, timeout=WAIT_MS)
    # The playbook follows the escalation: it says when the supervisor takes it.
    remote = desk.escalation(view.id).remote_id
    assert remote is not None
    agency.store.acknowledge_escalation(remote, "Rina")
    qtbot.waitUntil(lambda: panel.result.text().endswith("Acknowledged by Rina"), timeout=WAIT_MS)

    # A second sign for the same session goes to the open escalation, not a new one.
    click(panel.sign_buttons[CrisisSign.AGGRESSION])
    click(panel.escalate_button)
    assert len(desk.safety.service.escalations.escalations()) == 1
    remote = desk.escalation(view.id).remote_id
    assert remote is not None
    qtbot.waitUntil(lambda: agency.escalation(remote)[1] == "aggression", timeout=WAIT_MS)
    assert agency.escalation(remote)[3] == 1
