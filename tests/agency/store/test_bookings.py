"""Customer data leaves the agency's database once a session ends, on both backends."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone
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


def test_tonight_is_listed_whatever_is_booked_after_it_and_in_any_offset(
    agency_db: DbTarget,
) -> None:
    """A later month of bookings never pushes tonight's past the list's limit, and starts
    given in other offsets than UTC are placed by their real time."""
    now = datetime.now(UTC).replace(microsecond=0)
    wib, hawaii = timezone(timedelta(hours=7)), timezone(timedelta(hours=-10))
    with AgencyStore(agency_db) as store:
        store.create_pairing_code("Sari")
        with store.db.write() as tx:  # 600 bookings from tomorrow on, written at once
            talent_id = store.talent_by_name("Sari").id
            package = wire.encode(store.config().packages[0]).decode()
            for n in range(600):
                tx.execute(
                    "INSERT INTO bookings (id, talent_id, start, package, returning_customer, "
                    "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        f"later-{n}",
                        talent_id,
                        (now + timedelta(days=1, hours=n)).isoformat(),
                        package,
                        0,  # not a returning customer
                        now.isoformat(),
                    ),
                )
        early = store.create_booking(  # in WIB: its text sorts 7 hours late
            "Sari",
            start=(now + timedelta(hours=1)).astimezone(wib),
            package_id="curhat-30",
            alias="A",
            handle="@a",
        )
        late = store.create_booking(  # in Hawaii: its text sorts 10 hours early
            "Sari",
            start=(now + timedelta(hours=2)).astimezone(hawaii),
            package_id="curhat-30",
            alias="B",
            handle="@b",
        )
        gone = store.create_booking(
            "Sari",
            start=(now - timedelta(hours=3)).astimezone(wib),
            package_id="curhat-30",
            alias="C",
            handle="@c",
        )
        tonight = store.bookings.rows(since=now, limit=50)
        assert [b.id for b in tonight[:2]] == [early, late]
        assert gone not in {b.id for b in tonight} and len(tonight) <= 50
        found = store.bookings.row(late)
        assert found is not None and found.id == late and found.talent == "Sari"
        assert store.bookings.row("no-such-booking") is None
