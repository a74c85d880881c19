"""Incident reports from the screen against the real reference agency: filed during the
session or within 24 hours after it (a later one says so), the eight categories, a ticket
from the agency and its updates on the Safety page, and the text removed afterwards."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from talentdesk.domain import IncidentCategory, IncidentStatus
from talentdesk.ui.pages.safety import SafetyPage
from talentdesk.ui.safety import ReportDialog
from talentdesk.ui.safety.models import ReportColumn
from talentdesk.ui.safety.report_dialog import CATEGORIES
from talentdesk_contract.values import ReportStatus, TicketLevel
from tests.ui.conftest import click
from tests.ui.safety.conftest import WAIT_MS, Agency, Desk, settle, start_session

pytestmark = pytest.mark.usefixtures("english")


def cell(page: SafetyPage, row: int, column: ReportColumn) -> str:
    text = page.reports.data(page.reports.index(row, column))
    assert isinstance(text, str)
    return text


def open_dialog(qtbot: QtBot, desk: Desk) -> ReportDialog:
    dialog = desk.screens.show_report()
    qtbot.waitUntil(lambda: dialog.sessions.rowCount() > 0, timeout=WAIT_MS)
    return dialog


def test_the_eight_categories_are_offered_in_words(qtbot: QtBot, unpaired: Desk) -> None:
    dialog = open_dialog_or_empty(qtbot, unpaired)
    assert dialog.category.count() == 8 == len(CATEGORIES)
    texts = [dialog.category.itemText(i) for i in range(8)]
    assert texts == [
        "Sexual harassment",
        "Insults or rude language",
        "Threats",
        "Asked for personal details or to meet",
        "Extra payment or exploitation",
        "Discrimination",
        "Outside the package or your boundaries",
        "Something else",
    ]
    assert dialog.category.currentIndex() == -1  # nothing chosen for the talent
    assert dialog.no_sessions.isVisible()  # no session yet: said plainly
    assert not dialog.file_button.isEnabled()


def open_dialog_or_empty(qtbot: QtBot, desk: Desk) -> ReportDialog:
    dialog = desk.screens.show_report()
    settle(qtbot, desk)
    return dialog


def test_a_report_during_the_session_gets_a_ticket_and_its_updates_show(
    qtbot: QtBot, desk: Desk, agency: Agency
) -> None:
    desk.record("bk-old", ended_ago=timedelta(hours=3))
    booking = desk.book()
    start_session(qtbot, desk, booking)
    page = SafetyPage(desk.safety, windows=desk.screens)
    qtbot.addWidget(page)
    page.resize(1000, 900)
    page.show()
    assert page.reports_empty.isVisible()

    dialog = open_dialog(qtbot, desk)
    assert dialog.sessions.rowCount() == 2
    chosen = dialog.chosen_session()
    assert chosen is not None and chosen.live and chosen.booking_id == booking.id
    assert dialog.sessions.text(chosen).startswith("Now: Teman Curhat 30 menit · started ")
    assert not dialog.file_button.isEnabled()
    dialog.category.setCurrentIndex(
        CATEGORIES.index(IncidentCategory.EXTRA_PAYMENT_OR_EXPLOITATION)
    )
    assert not dialog.file_button.isEnabled()  # a description is needed too
    dialog.description.setPlainText("Pelanggan minta transfer langsung di luar agensi.")
    assert dialog.counter.text() == "49 / 4000"
    assert dialog.file_button.isEnabled()
    with qtbot.waitSignal(dialog.filed, timeout=WAIT_MS):
        click(dialog.file_button)
    assert dialog.done_title.text() == "Report filed"
    assert "Extra payment or exploitation" in dialog.done_text.text()

    qtbot.waitUntil(lambda: len(agency.store.reports()) == 1, timeout=WAIT_MS)
    ticket = agency.store.reports()[0].ticket
    # The dialog follows the report: once delivered it shows the ticket the agency gave.
    qtbot.waitUntil(lambda: ticket in dialog.done_text.text(), timeout=WAIT_MS)
    assert dialog.done_text.text().splitlines()[:2] == [
        "Your agency has “Extra payment or exploitation”.",
        f"Ticket {ticket} · First line · Delivered",
    ]
    qtbot.waitUntil(lambda: page.reports.rowCount() == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: cell(page, 0, ReportColumn.TICKET) == ticket, timeout=WAIT_MS)
    assert cell(page, 0, ReportColumn.CATEGORY) == "Extra payment or exploitation"
    assert cell(page, 0, ReportColumn.LEVEL) == "First line"
    assert cell(page, 0, ReportColumn.STATUS) == "Delivered"
    assert page.report_detail.isVisible()
    assert page.report_text.text() == "Pelanggan minta transfer langsung di luar agensi."

    agency.store.update_ticket(
        ticket,
        status=ReportStatus.IN_PROGRESS,
        level=TicketLevel.SUPERVISOR,
        note="Kami cek riwayat pelanggan.",
    )
    qtbot.waitUntil(lambda: cell(page, 0, ReportColumn.LEVEL) == "Supervisor", timeout=WAIT_MS)
    assert cell(page, 0, ReportColumn.STATUS) == "In progress"
    view = desk.safety.snapshot.reports[0]
    assert view.level is TicketLevel.SUPERVISOR
    assert view.status is IncidentStatus.IN_PROGRESS
    assert page.report_note.text() == "From your agency: Kami cek riwayat pelanggan."
    assert ticket in page.report_heading.text()
    assert "Supervisor · In progress" in page.report_heading.text()

    agency.store.update_ticket(ticket, status=ReportStatus.RESOLVED, level=TicketLevel.TECHNICAL)
    qtbot.waitUntil(lambda: cell(page, 0, ReportColumn.STATUS) == "Resolved", timeout=WAIT_MS)
    assert cell(page, 0, ReportColumn.LEVEL) == "Technical"


def test_a_session_too_long_ago_says_so_and_cannot_be_reported(qtbot: QtBot, desk: Desk) -> None:
    desk.record("bk-late", ended_ago=timedelta(hours=25))
    desk.record("bk-recent", ended_ago=timedelta(hours=2))
    dialog = open_dialog(qtbot, desk)
    assert dialog.sessions.rowCount() == 2
    recent, late = dialog.sessions.items
    assert recent.booking_id == "bk-recent" and not recent.too_late
    assert late.booking_id == "bk-late" and late.too_late
    assert dialog.chosen_session() == recent  # the one that can still be reported
    assert "report until" in dialog.sessions.text(recent)
    assert dialog.sessions.text(late).endswith("too late to report in the app")

    dialog.select_row(1)
    assert dialog.too_late.isVisible()
    assert dialog.too_late.text() == (
        "This session ended more than 24 hours ago, so it can no longer be reported in the "
        "app. Contact your agency directly."
    )
    dialog.category.setCurrentIndex(0)
    dialog.description.setPlainText("Terlambat.")
    assert not dialog.file_button.isEnabled()
    dialog.select_row(0)
    assert not dialog.too_late.isVisible()
    assert dialog.file_button.isEnabled()


def test_after_delivery_and_session_end_the_text_is_removed_and_says_so(
    qtbot: QtBot, desk: Desk, agency: Agency
) -> None:
    desk.record("bk-done", ended_ago=timedelta(hours=1))
    page = SafetyPage(desk.safety, windows=desk.screens)
    qtbot.addWidget(page)
    page.show()
    dialog = open_dialog(qtbot, desk)
    assert dialog.chosen_session() is not None
    dialog.category.setCurrentIndex(CATEGORIES.index(IncidentCategory.INSULTS))
    dialog.description.setPlainText("Kata-kata kasar berulang kali.")
    click(dialog.file_button)
    qtbot.waitUntil(lambda: len(agency.store.reports()) == 1, timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: bool(desk.safety.snapshot.reports) and desk.safety.snapshot.reports[0].text_removed,
        timeout=WAIT_MS,
    )
    qtbot.waitUntil(lambda: page.report_text.property("role") == "removedText", timeout=WAIT_MS)
    assert page.report_text.text().startswith("Text removed on this device.")
    assert page.report_text.text() != ""
    assert cell(page, 0, ReportColumn.CATEGORY) == "Insults or rude language"
    assert cell(page, 0, ReportColumn.TICKET).startswith("TD-")
