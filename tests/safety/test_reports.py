"""Incident reports against the real reference agency: tickets, level and status moved by
the staff CLI, the 24-hour window, and what stays on the device afterwards."""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from talentdesk.domain import (
    Booking,
    Incident,
    IncidentCategory,
    IncidentStatus,
    SessionOutcome,
    TicketLevel,
)
from talentdesk.safety import (
    FILING_WINDOW,
    Delivery,
    DescriptionEmptyError,
    DescriptionTooLongError,
    EscalationState,
    InvalidReferenceError,
    ReportTooLateError,
)
from talentdesk.safety.reports import DESCRIPTION_MAX_CHARS
from talentdesk_contract.values import ReportStatus
from tests.safety.conftest import (
    Agency,
    App,
    FakeLiveSession,
    run_cli,
    session_record,
    wait_for,
)

SENTINEL = "Sentinel-Q7zX-kata-kasar-pelanggan"


def _booking(app: App, agency: Agency) -> str:
    booking_id = agency.book()
    wait_for(lambda: app.store.load(Booking, booking_id) is not None, what="booking")
    return booking_id


def test_report_gets_a_ticket_and_the_ticket_command_moves_it(app: App, agency: Agency) -> None:
    booking_id = _booking(app, agency)
    live = FakeLiveSession(booking_id, booked_end=0.0)
    view = app.safety.reports.file(live, IncidentCategory.INSULTS, "Dia memaki saya.")
    assert view.status is IncidentStatus.QUEUED
    assert view.delivery is Delivery.QUEUED
    assert view.ticket is None
    assert view.session_id == booking_id  # filed during the session

    wait_for(lambda: app.safety.reports.require(view.id).ticket is not None, what="ticket")
    ticketed = app.safety.reports.require(view.id)
    (row,) = agency.store.reports()
    assert ticketed.ticket == row.ticket
    assert ticketed.ticket.startswith("TD-")
    assert ticketed.level is TicketLevel.FIRST_LINE
    assert ticketed.status is IncidentStatus.DELIVERED
    assert ticketed.delivery is Delivery.DELIVERED
    assert ticketed.description == "Dia memaki saya."  # the session is still running
    assert row.category == "insults"
    assert row.booking_id == booking_id

    # Staff move the ticket with the real CLI, by its ticket number.
    result = run_cli(
        "ticket",
        "--db",
        str(agency.db),
        ticketed.ticket,
        "--status",
        "in_progress",
        "--level",
        "supervisor",
        "--note",
        "Sedang ditangani supervisor.",
    )
    assert result.returncode == 0, result.stderr
    wait_for(
        lambda: app.safety.reports.require(view.id).level is TicketLevel.SUPERVISOR,
        what="report.updated",
    )
    moved = app.safety.reports.require(view.id)
    assert moved.status is IncidentStatus.IN_PROGRESS
    assert moved.agency_note == "Sedang ditangani supervisor."

    agency.store.update_ticket(
        ticketed.ticket, level=TicketLevel.TECHNICAL, status=ReportStatus.RESOLVED
    )
    wait_for(
        lambda: app.safety.reports.require(view.id).status is IncidentStatus.RESOLVED,
        what="resolved",
    )
    done = app.safety.reports.require(view.id)
    assert done.level is TicketLevel.TECHNICAL
    incident = app.store.load(Incident, view.id)  # the domain record says the same
    assert incident is not None
    assert (incident.ticket, incident.level, incident.status) == (
        ticketed.ticket,
        TicketLevel.TECHNICAL,
        IncidentStatus.RESOLVED,
    )
    assert [r.id for r in app.safety.reports.for_booking(booking_id)] == [view.id]


def test_reports_are_accepted_for_24_hours_after_the_session(app: App, agency: Agency) -> None:
    booking_id = _booking(app, agency)
    now = datetime.now(UTC)
    late = session_record(booking_id, ended_at=now - FILING_WINDOW - timedelta(minutes=1))
    with pytest.raises(ReportTooLateError) as refused:
        app.safety.reports.file(late, IncidentCategory.THREATS, "Terlambat.")
    assert refused.value.key == "report_too_late"
    assert refused.value.deadline == late.ended_at + FILING_WINDOW
    assert app.safety.reports.reports() == []
    assert app.sync.outbox.waiting() == 0  # nothing was queued

    with pytest.raises(DescriptionEmptyError):
        app.safety.reports.file(late, IncidentCategory.OTHER, "   ")
    with pytest.raises(DescriptionTooLongError):
        app.safety.reports.file(late, IncidentCategory.OTHER, "x" * (DESCRIPTION_MAX_CHARS + 1))
    with pytest.raises(InvalidReferenceError):
        app.safety.reports.file(FakeLiveSession("bad id!", 0.0), IncidentCategory.OTHER, "x")

    # 23 hours after: accepted. Its session is over, so once the agency has it the text
    # goes at once; category and ticket stay.
    record = session_record(booking_id, ended_at=now - timedelta(hours=23), store=app.store)
    view = app.safety.reports.file(
        record, IncidentCategory.EXTRA_PAYMENT_OR_EXPLOITATION, "Minta transfer di luar agensi."
    )
    assert view.session_id == record.id
    wait_for(lambda: app.safety.reports.require(view.id).text_removed, what="text removed")
    kept = app.safety.reports.require(view.id)
    assert kept.description == ""
    assert kept.ticket is not None
    assert kept.category is IncidentCategory.EXTRA_PAYMENT_OR_EXPLOITATION
    (row,) = agency.store.reports()
    assert row.description == "Minta transfer di luar agensi."  # the agency has it


#: The kinds of record that carried the text: the Incident and the outbox items.
_TEXT_KINDS = ("incident", "outbox")


def _sealed_rows(vault_path: Path, kinds: tuple[str, ...] = _TEXT_KINDS) -> list[bytes]:
    """Sealed rows of ``kinds`` as they are now (read-only, closed again at once)."""
    conn = sqlite3.connect(f"file:{vault_path}?mode=ro", uri=True)
    try:
        marks = ",".join("?" * len(kinds))
        rows = conn.execute(f"SELECT sealed FROM records WHERE kind IN ({marks})", kinds)
        return [bytes(r[0]) for r in rows.fetchall()]
    finally:
        conn.close()


def _encodings(text: str) -> list[bytes]:
    return [text.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be")]


def test_after_the_session_the_report_text_is_gone_from_the_device(
    app: App,
    agency: Agency,
    data_dir: Path,
    session_root: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    booking_id = _booking(app, agency)
    live = FakeLiveSession(booking_id, booked_end=0.0)
    app.safety.session_started(live)
    escalation = app.safety.escalations.escalate(booking_id)
    app.safety.escalations.follow_up(escalation.id, note=f"Dia bilang {SENTINEL} lagi.")
    view = app.safety.reports.file(
        live, IncidentCategory.SEXUAL_HARASSMENT, f"Pelanggan menulis: {SENTINEL}."
    )
    before_delivery = _sealed_rows(app.vault.path)
    wait_for(lambda: app.safety.reports.require(view.id).ticket is not None, what="ticket")
    wait_for(
        lambda: (
            (e := app.safety.escalations.get(escalation.id)) is not None
            and e.follow_ups_waiting == 0
        ),
        what="follow-up",
    )
    # While the session runs the talent still has the text.
    assert SENTINEL in app.safety.reports.require(view.id).description
    old_rows = before_delivery + _sealed_rows(app.vault.path)

    # The session ends: the runner saves its record, then tells the safety service.
    live.ended = True
    record = session_record(booking_id, outcome=SessionOutcome.ESCALATED, store=app.store)
    offer = app.safety.session_ended(record)
    assert offer is not None  # escalated and reported: a hard session

    kept = app.safety.reports.require(view.id)
    assert kept.text_removed
    assert kept.description == ""
    assert kept.category is IncidentCategory.SEXUAL_HARASSMENT
    assert kept.ticket is not None
    assert kept.level is TicketLevel.FIRST_LINE
    assert kept.status is IncidentStatus.DELIVERED
    esc = app.safety.escalations.get(escalation.id)
    assert esc is not None
    assert esc.state is EscalationState.DELIVERED
    assert esc.follow_ups == 1

    # Level and status still move after the text is gone.
    agency.store.update_ticket(
        kept.ticket, level=TicketLevel.SUPERVISOR, status=ReportStatus.IN_PROGRESS
    )
    wait_for(
        lambda: app.safety.reports.require(view.id).status is IncidentStatus.IN_PROGRESS,
        what="update after removal",
    )

    # Not in any record, decrypted with every key the vault still has.
    for kind in app.vault.counts():
        listing = app.vault.read_all(kind)
        assert listing.problems == []
        for rid, payload in listing.rows.items():
            assert SENTINEL.encode() not in payload, (kind, rid)
    incident = app.store.load(Incident, view.id)
    assert incident is not None
    assert incident.description == ""
    assert incident.ticket == kept.ticket

    # Not in any file of the data dir (nor the XDG folders), in UTF-8 or UTF-16, and no
    # sealed copy of an earlier version of a row is left on disk either: not in the main
    # file (secure_delete) nor in the WAL (checkpointed and truncated after removal).
    agency_dir = agency.db.parent
    files = [
        p
        for p in [*data_dir.rglob("*"), *session_root.rglob("*")]
        if p.is_file() and agency_dir not in p.parents
    ]
    assert any(p.name == "vault.sqlite3" for p in files)
    # Earlier versions of the rows that held the text (the current ones hold none).
    live_rows = set(_sealed_rows(app.vault.path))
    stale = [row for row in old_rows if row not in live_rows]
    assert stale
    for path in files:
        data = path.read_bytes()
        for needle in _encodings(SENTINEL):
            assert needle not in data, path
        for row in stale:
            assert row[12:60] not in data, path  # past the nonce: the ciphertext itself
    assert SENTINEL not in caplog.text
