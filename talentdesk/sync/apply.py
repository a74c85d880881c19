"""Applying the agency's feed to the vault, exactly once.

A page is decoded in full before anything is written, then every event of it
and the new cursor are written in one vault transaction: after a crash the
page is either wholly applied (and the cursor says so) or not at all (and is
fetched again). Unknown event types are skipped and counted; a known type
with a malformed body is skipped too, recorded by sequence number and reason
(never its content), so one bad event cannot stop a talent's night.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import msgspec

from talentdesk import domain
from talentdesk.domain import (
    AgencyConfig,
    Booking,
    BookingStatus,
    BoundaryItem,
    BoundaryPreset,
    CustomerContact,
    DeclineReply,
    EmergencyContact,
    PaceThreshold,
    Package,
    Source,
)
from talentdesk.vault import RecordIntegrityError, Vault
from talentdesk.vault.records import RecordStore
from talentdesk_contract import wire

log = logging.getLogger(__name__)

STATE_KIND = "sync"
FEED_STATE_ID = "feed"
UPDATE_KIND = "agency_update"
#: How many rejected events are remembered for the talent and the doctor.
REJECTED_KEPT = 20
#: Booking states in which customer data has no business being kept.
_FINISHED = {BookingStatus.CANCELLED, BookingStatus.DECLINED, BookingStatus.DONE}


class RejectedEvent(msgspec.Struct, frozen=True, kw_only=True):
    """A known event the app could not read: its place and why, never its content."""

    seq: int
    type: str
    reason: str


class FeedState(msgspec.Struct, kw_only=True):
    """Where the app is in the feed, and what it could not use."""

    cursor: int = 0
    applied: int = 0
    unknown_skipped: int = 0
    rejected_total: int = 0
    rejected: list[RejectedEvent] = msgspec.field(default_factory=list)
    last_applied_at: datetime | None = None


@dataclass
class PageResult:
    """What applying one page changed, for listeners (the UI refreshes from this)."""

    applied: int = 0
    unknown_skipped: int = 0
    rejected: list[RejectedEvent] = field(default_factory=list)
    bookings_changed: set[str] = field(default_factory=set)
    config_changed: bool = False
    updates: list[tuple[str, str]] = field(default_factory=list)  # (event type, remote id)


def load_feed_state(vault: Vault) -> FeedState:
    payload = vault.get(STATE_KIND, FEED_STATE_ID)
    return FeedState() if payload is None else msgspec.json.decode(payload, type=FeedState)


def reset_feed_cursor(vault: Vault) -> None:
    """Start the feed again from the beginning (the agency's feed was reset)."""
    with vault.transaction():
        state = load_feed_state(vault)
        state.cursor = 0
        vault.put(STATE_KIND, FEED_STATE_ID, msgspec.json.encode(state))


def _booking(info: wire.BookingInfo, existing: Booking | None, rebooked: bool) -> Booking:
    status = existing.status if existing is not None else BookingStatus.PENDING
    if status in _FINISHED:
        status = BookingStatus.PENDING  # the agency re-opened it
    return Booking(
        id=info.id,
        start=info.start,
        package=_package(info.package),
        status=status,
        returning_customer=info.returning_customer or rebooked,
        needs_unblock=info.needs_unblock or rebooked,
        updated_at=datetime.now(UTC),
    )


def _package(p: wire.Package) -> Package:
    return Package(
        id=p.id,
        name=p.name,
        channel=domain.Channel(p.channel),
        duration_minutes=p.duration_minutes,
        price_idr=p.price_idr,
    )


def _config(data: wire.AgencyConfig) -> AgencyConfig:
    return AgencyConfig(
        packages=tuple(_package(p) for p in data.packages),
        pace_thresholds=tuple(
            PaceThreshold(t.slower_than_seconds, t.times) for t in data.pace_thresholds
        )
        or domain.DEFAULT_PACE_THRESHOLDS,
        contact_window_minutes=data.contact_window_minutes,
        emergency_contacts=tuple(
            EmergencyContact(id=c.id, name=c.name, number=c.number, note=c.note or "")
            for c in data.emergency_contacts
        )
        or domain.DEFAULT_EMERGENCY_CONTACTS,
        updated_at=datetime.now(UTC),
    )


AGENCY_PREFIX = "agency-"


def _apply_config(store: RecordStore, data: wire.AgencyConfig) -> None:
    """Replace the agency's defaults; the talent's own replies and presets are untouched."""
    store.save(_config(data))
    replies = {
        f"{AGENCY_PREFIX}{r.id}": DeclineReply(
            id=f"{AGENCY_PREFIX}{r.id}",
            style=domain.ReplyStyle(r.style),
            language=r.language,
            text=r.text,
            shortcode=r.shortcode,
            source=Source.AGENCY,
        )
        for r in data.decline_replies
    }
    presets = {
        f"{AGENCY_PREFIX}{p.id}": BoundaryPreset(
            id=f"{AGENCY_PREFIX}{p.id}",
            name=p.name,
            source=Source.AGENCY,
            language=p.language,
            items=tuple(
                BoundaryItem(
                    key=i.key,
                    label=i.label,
                    answer=domain.BoundaryAnswer(i.answer),
                    decline_reply_ids=tuple(f"{AGENCY_PREFIX}{r}" for r in i.decline_reply_ids),
                )
                for i in p.items
            ),
        )
        for p in data.boundary_presets
    }
    vault = store.vault
    for cls, fresh in ((DeclineReply, replies), (BoundaryPreset, presets)):
        kind = "decline_reply" if cls is DeclineReply else "boundary_preset"
        for rid in vault.ids(kind):
            if rid.startswith(AGENCY_PREFIX) and rid not in fresh:
                vault.delete(kind, rid)
        for record in fresh.values():
            store.save(record)


def apply_page(
    vault: Vault,
    page: wire.FeedPage,
    *,
    on_update: Callable[[str, wire.EventData], None] | None = None,
) -> PageResult:
    """Apply one feed page and store the new cursor, all in one transaction.

    Args:
        vault: the open vault.
        page: a strictly decoded page.
        on_update: called inside the transaction for escalation and report updates, so
            the safety service can move its own records in the same commit.

    Returns:
        What changed. Customer data of bookings that are now cancelled is shredded
        after the commit (see :func:`sweep_customer_data`).
    """
    store = RecordStore(vault)
    result = PageResult()
    decoded: list[tuple[wire.FeedEvent, wire.EventData | None, str | None]] = []
    for event in page.events:
        try:
            decoded.append((event, wire.decode_event_data(event), None))
        except msgspec.DecodeError as exc:
            decoded.append((event, None, str(exc)[:200]))

    with vault.transaction():
        state = load_feed_state(vault)
        for event, data, error in decoded:
            if event.seq <= state.cursor:
                continue  # already applied: a page fetched again after a crash
            if error is not None:
                rejected = RejectedEvent(seq=event.seq, type=event.type, reason=error)
                result.rejected.append(rejected)
            elif data is None:
                result.unknown_skipped += 1
            else:
                try:
                    _apply_event(store, event, data, result, on_update)
                except (domain.DomainError, msgspec.ValidationError) as exc:
                    # Valid on the wire, impossible in the domain (e.g. a price out of range).
                    result.rejected.append(
                        RejectedEvent(seq=event.seq, type=event.type, reason=str(exc)[:200])
                    )
                else:
                    result.applied += 1
        state.cursor = max(state.cursor, page.cursor)
        state.applied += result.applied
        state.unknown_skipped += result.unknown_skipped
        state.rejected_total += len(result.rejected)
        state.rejected = (state.rejected + result.rejected)[-REJECTED_KEPT:]
        if result.applied:
            state.last_applied_at = datetime.now(UTC)
        vault.put(STATE_KIND, FEED_STATE_ID, msgspec.json.encode(state))
    for rejected in result.rejected:
        log.warning("skipped unreadable %s event #%d", rejected.type, rejected.seq)
    return result


def _apply_event(
    store: RecordStore,
    event: wire.FeedEvent,
    data: wire.EventData,
    result: PageResult,
    on_update: Callable[[str, wire.EventData], None] | None,
) -> None:
    if isinstance(data, wire.BookingData):
        try:
            existing = store.load(Booking, data.booking.id)
        except RecordIntegrityError:
            existing = None  # the agency's fresh copy repairs a damaged one
        rebooked = event.type == wire.EventType.BOOKING_REBOOKED
        store.save(_booking(data.booking, existing, rebooked))
        store.save(
            CustomerContact(
                booking_id=data.booking.id,
                alias=data.customer.alias,
                contact_handle=data.customer.contact_handle,
            )
        )
        result.bookings_changed.add(data.booking.id)
    elif isinstance(data, wire.BookingCancelledData):
        try:
            existing = store.load(Booking, data.booking_id)
        except RecordIntegrityError:
            existing = None
        if existing is not None:
            store.save(msgspec.structs.replace(existing, status=BookingStatus.CANCELLED))
        result.bookings_changed.add(data.booking_id)
    elif isinstance(data, wire.AgencyConfig):
        _apply_config(store, data)
        result.config_changed = True
    else:
        remote_id = (
            data.report_id if isinstance(data, wire.ReportUpdateData) else data.escalation_id
        )
        store.vault.put(UPDATE_KIND, f"{event.type}:{remote_id}", event.data)
        result.updates.append((event.type, remote_id))
        if on_update is not None:
            on_update(event.type, data)


def sweep_customer_data(vault: Vault, keep: Callable[[Booking], bool] | None = None) -> list[str]:
    """Shred customer data of bookings that no longer need it (cancelled, declined, done,
    or gone). Runs after each applied page and at unlock, so an interrupted shred is
    finished on the next start.

    Args:
        keep: an extra veto, for a session still winding down.

    Returns:
        The booking ids whose customer data was shredded.
    """
    store = RecordStore(vault)
    shredded = []
    for booking_id in vault.customer_bookings():
        try:
            booking = store.load(Booking, booking_id)
        except RecordIntegrityError:  # a damaged booking keeps its contact until resent
            continue
        if booking is not None and booking.status not in _FINISHED:
            continue
        if booking is not None and keep is not None and keep(booking):
            continue
        vault.shred_booking(booking_id)
        shredded.append(booking_id)
    return shredded
