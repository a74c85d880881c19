"""Report tickets: distinct numbers when many are filed at once, on both backends."""

from __future__ import annotations

from datetime import UTC, datetime

from talentdesk_agency import AgencyStore
from talentdesk_agency.store import DbTarget
from talentdesk_agency.store.reports import TicketMove
from talentdesk_contract import wire
from talentdesk_contract.values import ReportCategory, ReportStatus, TicketLevel
from tests.reference_agency import at_once


def test_reports_filed_at_once_get_distinct_tickets(agency_db: DbTarget) -> None:
    with AgencyStore(agency_db) as setup:
        setup.create_pairing_code("Sari")
        talent_id = setup.talent_by_name("Sari").id

    def file(n: int) -> list[str]:
        with AgencyStore(agency_db) as store:
            tickets = []
            for k in range(5):
                request = wire.ReportRequest(
                    session_id=f"s-{n}-{k}",
                    booking_id="bk_1",
                    category=ReportCategory.OTHER,
                    description="d",
                    at=datetime.now(UTC),
                )
                _, body = store.create_report(talent_id, request)
                tickets.append(wire.decode(body, wire.Report).ticket)
            return tickets

    results = at_once(6, file)
    tickets = sorted(t for r in results if isinstance(r, list) for t in r)
    assert tickets == [f"TD-{n:06d}" for n in range(1, 31)]


def test_moving_a_ticket_to_where_it_is_writes_logs_and_sends_nothing(
    agency_db: DbTarget,
) -> None:
    with AgencyStore(agency_db) as store:
        store.create_pairing_code("Sari")
        talent_id = store.talent_by_name("Sari").id
        request = wire.ReportRequest(
            session_id="s1",
            booking_id="bk_1",
            category=ReportCategory.OTHER,
            description="d",
            at=datetime.now(UTC),
        )
        report = wire.decode(store.create_report(talent_id, request)[1], wire.Report)

        def written() -> tuple[int, int, str | None]:
            row = store.report_log.row(report.id)
            assert row is not None
            with store.db.read() as tx:
                events = tx.one("SELECT count(*) FROM events WHERE talent_id = ?", (talent_id,))
            assert events is not None
            return len(store.timeline.of(report.id)), int(events[0]), row.first_response_at

        before = written()
        same, unmoved = store.report_log.move_ticket(
            report.id, status=ReportStatus.DELIVERED, level=TicketLevel.FIRST_LINE
        )
        assert (same.status, same.level) == (ReportStatus.DELIVERED, TicketLevel.FIRST_LINE)
        assert unmoved is None
        assert written() == before  # no timeline row, no feed event, no "first response"
        _, took = store.report_log.move_ticket(report.id, owner=("stf_1", "Rina"))
        assert took == TicketMove(owner="Rina")
        taken = written()
        assert taken[0] == before[0] + 1 and taken[1] == before[1] + 1
        _, again = store.report_log.move_ticket(report.id, owner=("stf_1", "Rina"))  # hers
        assert again is None and written() == taken
        # Only what changes is logged: the level stays, the status moves.
        _, moved = store.report_log.move_ticket(
            report.id,
            status=ReportStatus.IN_PROGRESS,
            level=TicketLevel.FIRST_LINE,
            owner=("stf_1", "Rina"),
            note="SENTINEL-note",
        )
        last = store.timeline.of(report.id)[-1]
    assert (last.detail, last.who) == (ReportStatus.IN_PROGRESS, "Rina")
    # What the audit log keeps of it: values, and that a note went, never its words.
    assert moved == TicketMove(status=("delivered", "in_progress"), note=True)
    assert moved.detail() == '{"status":["delivered","in_progress"],"note":true}'
    assert TicketMove.read(moved.detail()) == moved
