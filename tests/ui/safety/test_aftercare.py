"""After a hard session: check-in, break and debrief are offered; only counts are kept,
and they show on the Safety page."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from talentdesk.safety import EscalationKind, HardReason
from talentdesk.ui.pages.safety import SafetyPage
from talentdesk.ui.pages.summary import SummaryPage
from talentdesk.ui.safety import AfterCareDialog
from tests.ui.conftest import click
from tests.ui.safety.conftest import WAIT_MS, Agency, Desk, settle, start_session

pytestmark = pytest.mark.usefixtures("english")


def finish(qtbot: QtBot, desk: Desk) -> None:
    desk.session.end()
    qtbot.waitUntil(lambda: desk.session.routine is not None, timeout=WAIT_MS)
    desk.session.finish()
    qtbot.waitUntil(lambda: desk.session.live is None, timeout=WAIT_MS)


def offered(qtbot: QtBot, desk: Desk) -> AfterCareDialog:
    qtbot.waitUntil(
        lambda: desk.screens.after_care is not None and desk.screens.after_care.isVisible(),
        timeout=WAIT_MS,
    )
    dialog = desk.screens.after_care
    assert dialog is not None
    return dialog


def test_offered_after_an_escalated_session_and_only_counts_are_kept(
    qtbot: QtBot, desk: Desk, agency: Agency
) -> None:
    booking = desk.book(minutes=30)
    start_session(qtbot, desk, booking)
    view = desk.safety.escalate()
    assert view is not None
    page = SafetyPage(desk.safety, windows=desk.screens)
    qtbot.addWidget(page)
    page.show()
    assert not page.counts.isVisible()
    summary = SummaryPage(desk.session, safety=desk.safety)
    qtbot.addWidget(summary)
    summary.show()
    assert not summary.after_care.isVisible()
    qtbot.waitUntil(lambda: desk.escalation(view.id).remote_id is not None, timeout=WAIT_MS)
    desk.clock.advance(30 * 60)
    finish(qtbot, desk)

    dialog = offered(qtbot, desk)
    assert not dialog.isModal()
    assert dialog.offer.reasons == (HardReason.ESCALATED,)
    assert dialog.title.text() == "That was a hard session"
    assert "you asked a supervisor for help" in dialog.body.text()
    assert dialog.check_in_button.isVisible()
    assert dialog.break_button.isVisible()
    assert dialog.debrief_button.isVisible()

    click(dialog.check_in_button)
    assert dialog.check_in.isVisible()
    assert dialog.question.text() == "How are you feeling right now?"
    click(dialog.shaken_button)
    assert dialog.reply.isVisible()
    assert "normal after a hard session" in dialog.reply.text()

    click(dialog.break_button)
    click(dialog.debrief_button)
    qtbot.waitUntil(
        lambda: dialog.reply.text().startswith("Debrief requested: it goes to your agency's"),
        timeout=WAIT_MS,
    )
    settle(qtbot, desk)
    counts = desk.safety.service.after_care.night_counts()
    assert (counts.hard_sessions, counts.check_ins, counts.breaks, counts.debriefs_sent) == (
        1,
        1,
        1,
        1,
    )
    qtbot.waitUntil(lambda: page.counts.isVisible(), timeout=WAIT_MS)
    text = page.counts.text()
    assert text.startswith("Tonight, after hard sessions:")
    for part in ("1 hard session", "1 check-in", "1 break", "1 debrief"):
        assert part in text
    # The night summary has the same counts (and nothing about which session it was).
    qtbot.waitUntil(lambda: summary.content.isVisible(), timeout=WAIT_MS)
    assert summary.after_care.isVisible()
    assert summary.after_care.text() == text

    # The debrief is its own item in the supervisors' queue, not a note on the escalation.
    qtbot.waitUntil(lambda: len(agency.store.escalation_log.debriefs()) == 1, timeout=WAIT_MS)
    remote = desk.escalation(view.id).remote_id
    assert remote is not None
    assert agency.escalation(remote)[3] == 0

    dialog.close()
    assert desk.safety.service.after_care.offers() == []


def test_an_ordinary_session_offers_nothing(qtbot: QtBot, desk: Desk, agency: Agency) -> None:
    booking = desk.book(minutes=30)
    start_session(qtbot, desk, booking)
    desk.clock.advance(30 * 60)
    finish(qtbot, desk)
    settle(qtbot, desk)
    qtbot.wait(100)
    assert desk.screens.after_care is None


def test_ending_early_is_hard_too(qtbot: QtBot, desk: Desk, agency: Agency) -> None:
    booking = desk.book(minutes=30)
    start_session(qtbot, desk, booking)
    desk.clock.advance(5 * 60)
    finish(qtbot, desk)
    dialog = offered(qtbot, desk)
    assert dialog.offer.reasons == (HardReason.ENDED_EARLY,)
    assert "it ended early" in dialog.body.text()
    click(dialog.debrief_button)
    qtbot.waitUntil(lambda: dialog.reply.isVisible(), timeout=WAIT_MS)
    assert dialog.reply.text().startswith("Debrief requested")


def test_the_break_counts_down_holds_the_next_session_and_can_be_ended(
    qtbot: QtBot, desk: Desk, agency: Agency
) -> None:
    booking = desk.book(minutes=30)
    start_session(qtbot, desk, booking)
    desk.clock.advance(5 * 60)
    finish(qtbot, desk)
    dialog = offered(qtbot, desk)
    assert not dialog.break_area.isVisible()
    click(dialog.break_button)
    assert dialog.break_area.isVisible()
    assert dialog.break_time.text() == "10:00"
    assert dialog.end_break_button.isVisible()
    desk.clock.advance(4 * 60 + 30)
    dialog._show_break()
    assert dialog.break_time.text() == "05:30"
    left = desk.safety.break_left()
    assert left is not None and left == pytest.approx(330)

    # A session started meanwhile waits for the break (the runner refuses it).
    later = desk.book("bk-2", minutes=30)
    with qtbot.waitSignal(desk.session.failed, timeout=WAIT_MS) as failed:
        desk.session.start(later.id)
    assert failed.args[1].key == "on_break"
    assert desk.session.live is None

    click(dialog.end_break_button)
    assert desk.safety.break_left() is None
    assert dialog.break_text.text() == "Your break is over. Go on when you are ready."
    assert not dialog.end_break_button.isVisible()
    start_session(qtbot, desk, later)  # nothing holds it any more


def test_not_ok_tells_a_supervisor_with_an_escalation_of_its_own(
    qtbot: QtBot, desk: Desk, agency: Agency
) -> None:
    booking = desk.book(minutes=30)
    start_session(qtbot, desk, booking)
    desk.clock.advance(5 * 60)
    finish(qtbot, desk)  # ended early: a hard session
    dialog = offered(qtbot, desk)
    click(dialog.check_in_button)
    click(dialog.not_ok_button)
    assert dialog.escalation is not None  # durable when the click returned
    assert dialog.escalation.kind is EscalationKind.WELLBEING
    assert dialog.reply.text().startswith("Your supervisor has been told you are not OK")
    qtbot.waitUntil(
        lambda: any(r.kind == "wellbeing" for r in agency.store.escalations()), timeout=WAIT_MS
    )
    (row,) = agency.store.escalations()
    assert (row.priority, row.booking_id) == ("high", booking.id)
    assert desk.safety.service.after_care.night_counts().check_ins == 1
