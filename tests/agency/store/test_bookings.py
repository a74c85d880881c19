"""Customer data leaves the agency's database once a session ends, on both backends."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from functools import partial

from talentdesk_agency import AgencyStore
from talentdesk_agency.store import REMOVED, DbTarget
from talentdesk_contract import wire
from talentdesk_contract.values import SessionEventType
from tests.reference_agency import stored_bytes


def test_ending_a_session_removes_the_customer_everywhere(agency_db: DbTarget) -> None:
    alias, handle = f"Contoh-{uuid.uuid4().hex}", f"@sentinel.{uuid.uuid4().hex}"
    with AgencyStore(agency_db) as store:
        store.create_pairing_code("Sari")
        talent_id = store.talent_by_name("Sari").id
        start = datetime.now(UTC) + timedelta(minutes=5)
        booking = store.create_booking(
            "Sari", start=start, package_id="curhat-30", alias=alias, handle=handle
        )
        store.update_booking(booking, start=start + timedelta(minutes=10))
        kept = store.create_booking(
            "Sari", start=start, package_id="curhat-30", alias="Contoh Kept", handle="@kept"
        )
        assert alias.encode() in stored_bytes(agency_db)
        for kind in (SessionEventType.STARTED, SessionEventType.ENDED):
            request = wire.SessionEventRequest(type=kind, at=start, planned_seconds=1800)
            operation = partial(store.record_session_event, talent_id, booking, request)
            store.run_write(talent_id, f"{kind}-key", operation)
        events = [
            wire.decode(row.data, wire.BookingData)
            for row in store.feed(talent_id, 0, 100)
            if row.type in ("booking.created", "booking.updated")
        ]
    customers = {(e.booking.id, e.customer.alias, e.customer.contact_handle) for e in events}
    assert customers == {(booking, REMOVED, REMOVED), (kept, "Contoh Kept", "@kept")}
    everything = stored_bytes(agency_db)
    assert alias.encode() not in everything and handle.encode() not in everything
    assert b"Contoh Kept" in everything
