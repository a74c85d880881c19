"""Applying feed pages: each event type by its registered handler, exactly once.

Exactly once by sequence number (the cursor never moves backwards) and by each
booking's own state (a booking that is over never comes back, nor its customer data);
one event that fails is undone alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import msgspec
import pytest

from talentdesk.domain import Booking, BookingStatus, Channel, CustomerContact, Package
from talentdesk.sync.apply import (
    FeedContext,
    FeedHandlers,
    RejectedEvent,
    apply_page,
    default_handlers,
    load_feed_state,
    reset_feed_cursor,
)
from talentdesk.sync.decoding import UnreadableEvent
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


# --------------------------------------------------------------------------- issue 15


def test_a_handler_that_fails_in_its_own_way_is_undone_alone(vault: Vault) -> None:
    def half_then_fail(context: FeedContext, fed: wire.FeedEvent, data: wire.EventData) -> None:
        assert isinstance(data, wire.BookingData)
        context.store.save(booking(data.booking.id))  # written, then undone with the event
        context.result.bookings_changed.add(data.booking.id)
        raise KeyError("a bug of the handler's own")

    handlers = default_handlers()
    handlers.register(EventType.BOOKING_UPDATED, half_then_fail)
    page = wire.FeedPage(
        events=(
            event(1, EventType.BOOKING_UPDATED, booking_data("BK-1")),
            event(2, EventType.BOOKING_CREATED, booking_data("BK-2")),
        ),
        cursor=2,
    )
    result = apply_page(vault, page, handlers=handlers)
    assert [(r.seq, r.reason) for r in result.rejected] == [(1, "could not be applied (KeyError)")]
    assert result.bookings_changed == {"BK-2"}
    store = RecordStore(vault)
    assert store.load(Booking, "BK-1") is None  # nothing of the failed event stays
    assert store.load(Booking, "BK-2") is not None
    assert vault.customer_bookings() == ["BK-2"]
    assert vault.integrity_check() == []


def test_data_that_no_decoder_survives_rejects_its_event(vault: Vault) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    page = wire.FeedPage(
        events=(
            wire.FeedEvent(seq=1, type="booking.created", at=START, data=msgspec.Raw(deep)),
            wire.FeedEvent(
                seq=2, type="booking.created", at=START, data=msgspec.Raw(b'{"a": "\xff"}')
            ),
            event(3, EventType.BOOKING_CREATED, booking_data("BK-3")),
        ),
        cursor=3,
    )
    result = apply_page(vault, page)
    assert [(r.seq, r.reason) for r in result.rejected] == [
        (1, "nested too deeply"),
        (2, "not UTF-8"),
    ]
    assert result.applied == 1 and load_feed_state(vault).cursor == 3


def test_unreadable_events_set_aside_by_the_decoder_move_the_cursor(vault: Vault) -> None:
    page = wire.FeedPage(
        events=(event(5, EventType.BOOKING_CREATED, booking_data("BK-5")),), cursor=6
    )
    unreadable = [UnreadableEvent(seq=6, type="booking.created", reason="not UTF-8")]
    result = apply_page(vault, page, unreadable=unreadable)
    assert result.applied == 1 and result.new_events == 2
    state = load_feed_state(vault)
    assert state.cursor == 6 and state.rejected_total == 1
    assert state.rejected[-1] == RejectedEvent(seq=6, type="booking.created", reason="not UTF-8")


def test_the_cursor_never_moves_backwards_nor_jumps_past_its_events(vault: Vault) -> None:
    created = event(4, EventType.BOOKING_CREATED, booking_data("BK-4"))
    apply_page(vault, wire.FeedPage(events=(created,), cursor=4))
    # The same event with a cursor gone back: skipped, the cursor stays.
    again = apply_page(vault, wire.FeedPage(events=(created,), cursor=0))
    assert (again.applied, again.replayed, again.new_events) == (0, 1, 0)
    assert load_feed_state(vault).cursor == 4
    # A cursor far ahead of the page's events (a jump past events never seen) is not taken.
    apply_page(vault, wire.FeedPage(events=(), cursor=900_000_000))
    later = event(5, EventType.BOOKING_CREATED, booking_data("BK-5"))
    apply_page(vault, wire.FeedPage(events=(later,), cursor=900_000_000))
    state = load_feed_state(vault)
    assert state.cursor == 5 and state.applied == 2
    # Out of order and repeated within one page: each seq once, in order.
    mixed = (event(7, "x.unknown", {}), event(6, "x.unknown", {}), event(6, "x.unknown", {}))
    result = apply_page(vault, wire.FeedPage(events=mixed, cursor=7))
    assert (result.unknown_skipped, result.replayed) == (2, 1)
    assert load_feed_state(vault).cursor == 7


@pytest.mark.parametrize(
    "status", [BookingStatus.DECLINED, BookingStatus.CANCELLED, BookingStatus.DONE]
)
def test_a_booking_that_is_over_never_comes_back(vault: Vault, status: BookingStatus) -> None:
    store = RecordStore(vault)
    apply_page(
        vault, wire.FeedPage(events=(event(1, "booking.created", booking_data("BK-1")),), cursor=1)
    )
    store.save(msgspec.structs.replace(booking("BK-1"), status=status))
    vault.shred_booking("BK-1")
    # The feed read again from 0 (the agency said our cursor was ahead), or replayed.
    reset_feed_cursor(vault)
    replay = wire.FeedPage(
        events=(
            event(1, EventType.BOOKING_CREATED, booking_data("BK-1")),
            event(2, EventType.BOOKING_UPDATED, booking_data("BK-1")),
            event(3, EventType.BOOKING_REBOOKED, booking_data("BK-1")),
            event(4, EventType.BOOKING_CANCELLED, {"booking_id": "BK-1", "reason": "x"}),
        ),
        cursor=4,
    )
    result = apply_page(vault, replay)
    assert result.stale == 4 and result.rejected == []
    kept = store.load(Booking, "BK-1")
    assert kept is not None and kept.status is status
    assert store.load(CustomerContact, "BK-1") is None
    assert vault.customer_bookings() == []


def test_shredded_customer_data_never_comes_back_even_without_its_booking(vault: Vault) -> None:
    store = RecordStore(vault)
    apply_page(
        vault, wire.FeedPage(events=(event(1, "booking.created", booking_data("BK-1")),), cursor=1)
    )
    vault.shred_booking("BK-1")
    store.delete(Booking, "BK-1")  # the booking itself gone too (a damaged record, say)
    reset_feed_cursor(vault)
    result = apply_page(vault, created("BK-1"))
    assert result.stale == 1
    assert store.load(Booking, "BK-1") is None
    assert store.load(CustomerContact, "BK-1") is None


def test_an_accepted_or_live_booking_keeps_its_state_through_updates(vault: Vault) -> None:
    store = RecordStore(vault)
    apply_page(
        vault, wire.FeedPage(events=(event(1, "booking.created", booking_data("BK-1")),), cursor=1)
    )
    store.save(msgspec.structs.replace(booking("BK-1"), status=BookingStatus.ACCEPTED))
    moved = booking_data("BK-1")
    moved["booking"]["start"] = (START + timedelta(hours=3)).isoformat()  # type: ignore[index]
    apply_page(vault, wire.FeedPage(events=(event(2, "booking.updated", moved),), cursor=2))
    kept = store.load(Booking, "BK-1")
    assert kept is not None and kept.status is BookingStatus.ACCEPTED
    assert kept.start == START + timedelta(hours=3)


def test_a_damaged_feed_state_reads_as_the_start(vault: Vault) -> None:
    vault.put("sync", "feed", b"not json at all")
    assert load_feed_state(vault).cursor == 0


def created(booking_id: str, seq: int = 1) -> wire.FeedPage:
    """A page with one ``booking.created`` event."""
    return wire.FeedPage(
        events=(event(seq, EventType.BOOKING_CREATED, booking_data(booking_id)),), cursor=seq
    )


def booking(booking_id: str) -> Booking:
    stored = msgspec.convert(booking_data(booking_id)["booking"], wire.BookingInfo)
    return Booking(
        id=booking_id,
        start=stored.start,
        package=Package(
            id="curhat-30",
            name="Teman Curhat 30 menit",
            channel=Channel.CHAT,
            duration_minutes=30,
            price_idr=25_000,
        ),
    )
