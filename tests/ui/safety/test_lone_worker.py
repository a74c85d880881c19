"""The lone-worker check on screen, with a fake clock: "Are you OK?" well past the booked
end, "I'm OK" puts it away, "I need help" escalates, and no answer in two minutes makes
the service escalate on its own, which the screens say plainly."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from talentdesk.safety import AUTOMATIC_NOTE, LoneWorkerPhase
from talentdesk.ui.pages.safety import SafetyPage
from talentdesk.ui.safety import AreYouOkPrompt, EscalateBox
from talentdesk.ui.safety.models import EscalationColumn
from tests.ui.conftest import click
from tests.ui.safety.conftest import WAIT_MS, Agency, Desk, start_session

pytestmark = pytest.mark.usefixtures("english")

BOOKED = 30 * 60
OVER = 10 * 60
ANSWER = 2 * 60


def prompt_of(desk: Desk) -> AreYouOkPrompt:
    prompt = desk.screens.prompt
    assert prompt is not None
    return prompt


def wait_asked(qtbot: QtBot, desk: Desk) -> AreYouOkPrompt:
    qtbot.waitUntil(
        lambda: (
            desk.screens.prompt is not None
            and desk.screens.prompt.isVisible()
            and desk.screens.prompt.phase == "asking"
        ),
        timeout=WAIT_MS,
    )
    return prompt_of(desk)


def test_asked_when_far_over_time_and_i_am_ok_puts_it_away(
    qtbot: QtBot, desk: Desk, agency: Agency
) -> None:
    booking = desk.book(minutes=30)
    start_session(qtbot, desk, booking)
    desk.clock.advance(BOOKED + OVER - 5)
    qtbot.wait(200)  # the check polls: nothing is due yet
    assert desk.screens.prompt is None
    desk.clock.advance(10)
    prompt = wait_asked(qtbot, desk)
    assert prompt.title.text() == "Are you OK?"
    assert prompt.ok_button.isVisible() and prompt.help_button.isVisible()
    assert prompt.isWindow() and not prompt.isModal()
    assert prompt.countdown.text() == "Your supervisor is told automatically in 02:00"
    desk.clock.advance(45)
    qtbot.waitUntil(
        lambda: prompt.countdown.text() == "Your supervisor is told automatically in 01:15",
        timeout=WAIT_MS,
    )

    click(prompt.ok_button)
    assert not prompt.isVisible()
    status = desk.safety.service.lone_worker.status(booking.id)
    assert status is not None and status.phase is LoneWorkerPhase.WATCHING
    desk.clock.advance(ANSWER + 30)
    qtbot.wait(200)
    assert not prompt.isVisible()  # answered: not asked again before another 10 minutes
    assert desk.safety.service.escalations.escalations() == []

    desk.clock.advance(OVER)
    wait_asked(qtbot, desk)


def test_no_answer_escalates_on_its_own_and_the_screens_say_so(
    qtbot: QtBot, desk: Desk, agency: Agency
) -> None:
    booking = desk.book(minutes=30)
    start_session(qtbot, desk, booking)
    box = EscalateBox(desk.safety)
    qtbot.addWidget(box)
    box.show()
    page = SafetyPage(desk.safety, windows=desk.screens)
    qtbot.addWidget(page)
    desk.clock.advance(BOOKED + OVER)
    prompt = wait_asked(qtbot, desk)
    assert desk.safety.service.escalations.escalations() == []

    desk.clock.advance(ANSWER)
    qtbot.waitUntil(lambda: prompt.phase == "escalated", timeout=WAIT_MS)
    assert prompt.isVisible()
    assert prompt.title.text() == "Your supervisor has been told"
    assert "You did not answer" in prompt.body.text()
    assert not prompt.ok_button.isVisible()
    assert prompt.cancel_button.isVisible()

    views = desk.safety.service.escalations.escalations()
    assert len(views) == 1
    view = views[0]
    assert view.automatic and view.booking_id == booking.id
    assert box.panel.view is not None and box.panel.view.id == view.id
    assert "No answer to “Are you OK?”" in box.panel.facts.text()  # its kind
    qtbot.waitUntil(lambda: page.escalations.row_of(view.id) is not None, timeout=WAIT_MS)
    row = page.escalations.row_of(view.id)
    assert row is not None
    about = page.escalations.data(page.escalations.index(row, EscalationColumn.ABOUT))
    assert about == "Sent automatically (no answer to “Are you OK?”)"

    def at_agency() -> bool:
        remote = desk.escalation(view.id).remote_id
        return remote is not None and agency.escalation(remote)[2] == AUTOMATIC_NOTE

    qtbot.waitUntil(at_agency, timeout=WAIT_MS)

    # Fine after all: the talent cancels it, and the agency hears so.
    click(prompt.cancel_button)
    assert not prompt.isVisible()
    remote = desk.escalation(view.id).remote_id
    assert remote is not None
    qtbot.waitUntil(lambda: agency.escalation(remote)[0] == "cancelled", timeout=WAIT_MS)


def test_i_need_help_escalates_at_once(qtbot: QtBot, desk: Desk, agency: Agency) -> None:
    booking = desk.book(minutes=30)
    start_session(qtbot, desk, booking)
    desk.clock.advance(BOOKED + OVER)
    prompt = wait_asked(qtbot, desk)
    click(prompt.help_button)
    views = desk.safety.service.escalations.escalations()
    assert len(views) == 1 and not views[0].automatic
    assert prompt.phase == "helping"
    assert prompt.title.text() == "Help is on its way"
    desk.clock.advance(ANSWER * 3)
    qtbot.wait(200)
    assert len(desk.safety.service.escalations.escalations()) == 1  # nothing automatic on top


def test_ending_the_session_puts_the_question_away(
    qtbot: QtBot, desk: Desk, agency: Agency
) -> None:
    booking = desk.book(minutes=30)
    start_session(qtbot, desk, booking)
    desk.clock.advance(BOOKED + OVER)
    prompt = wait_asked(qtbot, desk)
    desk.session.end()
    qtbot.waitUntil(lambda: not prompt.isVisible(), timeout=WAIT_MS)
    desk.clock.advance(ANSWER * 2)
    qtbot.wait(200)
    assert desk.safety.service.escalations.escalations() == []
