"""Report tickets: distinct numbers when many are filed at once, on both backends."""

from __future__ import annotations

from datetime import UTC, datetime

from talentdesk_agency import AgencyStore
from talentdesk_agency.store import DbTarget
from talentdesk_contract import wire
from talentdesk_contract.values import ReportCategory
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
