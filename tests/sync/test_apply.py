"""Applying feed pages: each event type by its registered handler, exactly once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import msgspec
import pytest

from talentdesk.domain import Booking, BookingStatus
from talentdesk.sync.apply import (
    FeedContext,
    FeedHandlers,
    apply_page,
    default_handlers,
    load_feed_state,
)
from talentdesk.vault import Vault
from talentdesk.vault.records import RecordStore
from talentdesk_contract import wire
from talentdesk_contract.values import EventType

PASSPHRASE = "halaman umpan satu kali"
START = datetime(2026, 11, 22, 14, 0, tzinfo=UTC)


@pytest.fixture
def vault(data_dir: Path) -> Iterator[Vault]:
    made = Vault.create(data_dir / "vault.sqlite3", passphrase=PASSPHRASE)
    yield made
    made.close()


def event(seq: int, event_type: str, data: object) -> wire.FeedEvent:
    return wire.FeedEvent(
        seq=seq, type=event_type, at=START, data=msgspec.Raw(msgspec.json.encode(data))
    )


def booking_data(booking_id: str) -> dict[str, object]:
    return {
        "booking": {
            "id": booking_id,
            "start": (START + timedelta(hours=1)).isoformat(),
            "package": {
                "id": "curhat-30",
                "name": "Teman Curhat 30 menit",
                "channel": "chat",
                "duration_minutes": 30,
                "price_idr": 25000,
            },
            "returning_customer": False,
            "needs_unblock": False,
        },
        "customer": {"alias": "Bunga", "contact_handle": "@bunga"},
    }


def test_every_event_type_of_v1_has_a_handler() -> None:
    handlers = default_handlers()
    assert [t for t in EventType if t not in handlers] == []


def test_a_cancellation_keeps_the_agencys_reason(vault: Vault) -> None:
    page = wire.FeedPage(
        events=(
            event(1, EventType.BOOKING_CREATED, booking_data("BK-1")),
            event(
                2,
                EventType.BOOKING_CANCELLED,
                {"booking_id": "BK-1", "reason": "Pelanggan minta jadwal ulang"},
            ),
        ),
        cursor=2,
    )
    result = apply_page(vault, page)
    assert result.applied == 2
    stored = RecordStore(vault).load(Booking, "BK-1")
    assert stored is not None and stored.status is BookingStatus.CANCELLED
    assert stored.cancel_reason == "Pelanggan minta jadwal ulang"


def test_a_type_without_a_handler_is_counted_like_an_unknown_type(vault: Vault) -> None:
    handlers = default_handlers().without(EventType.BOOKING_CANCELLED)
    page = wire.FeedPage(
        events=(
            event(1, EventType.BOOKING_CREATED, booking_data("BK-1")),
            event(2, EventType.BOOKING_CANCELLED, {"booking_id": "BK-1", "reason": "x"}),
            event(3, "agency.party_started", {"anything": True}),
            event(4, EventType.BOOKING_CREATED, booking_data("BK-2")),
        ),
        cursor=4,
    )
    result = apply_page(vault, page, handlers=handlers)
    assert result.applied == 2
    assert result.unknown_skipped == 2  # the handler-less type and the unknown one
    assert result.rejected == []
    state = load_feed_state(vault)
    assert state.cursor == 4 and state.unknown_skipped == 2
    stored = RecordStore(vault).load(Booking, "BK-1")
    assert stored is not None and stored.status is BookingStatus.PENDING  # not cancelled


def test_a_handler_given_other_data_rejects_that_event_only(vault: Vault) -> None:
    handlers = default_handlers()
    # booking.updated handled by the cancel handler: the data is of another shape.
    handlers.register(EventType.BOOKING_UPDATED, handlers.get(EventType.BOOKING_CANCELLED))  # type: ignore[arg-type]
    page = wire.FeedPage(
        events=(
            event(1, EventType.BOOKING_UPDATED, booking_data("BK-1")),
            event(2, EventType.BOOKING_CREATED, booking_data("BK-2")),
        ),
        cursor=2,
    )
    result = apply_page(vault, page, handlers=handlers)
    assert [r.seq for r in result.rejected] == [1]
    assert "BookingCancelledData" in result.rejected[0].reason
    assert result.applied == 1
    assert load_feed_state(vault).cursor == 2


def test_a_registered_handler_applies_its_type_in_the_page_transaction(vault: Vault) -> None:
    seen: list[tuple[int, str]] = []

    def handler(context: FeedContext, fed: wire.FeedEvent, data: wire.EventData) -> None:
        assert isinstance(data, wire.BookingData)
        seen.append((fed.seq, data.booking.id))
        context.result.bookings_changed.add(data.booking.id)

    handlers = FeedHandlers()
    handlers.register(EventType.BOOKING_CREATED, handler)
    page = wire.FeedPage(
        events=(
            event(1, EventType.BOOKING_CREATED, booking_data("BK-7")),
            event(2, EventType.CONFIG_UPDATED, {"packages": []}),
        ),
        cursor=2,
    )
    result = apply_page(vault, page, handlers=handlers)
    assert seen == [(1, "BK-7")]
    assert result.bookings_changed == {"BK-7"}
    assert result.unknown_skipped == 1  # config.updated has no handler here
    # The same page again changes nothing: the cursor says it was applied.
    again = apply_page(vault, page, handlers=handlers)
    assert seen == [(1, "BK-7")] and again.applied == 0
