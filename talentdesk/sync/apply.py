"""Applying the agency's feed to the vault, exactly once.

A page is decoded in full before anything is written, then every event of it
and the new cursor are written in one vault transaction: after a crash the
page is either wholly applied (and the cursor says so) or not at all (and is
fetched again). Unknown event types are skipped and counted; a known type
with a malformed body is skipped too, recorded by sequence number and reason
(never its content), so one bad event cannot stop a talent's night.

Each event type is applied by the handler registered for it (:class:`FeedHandlers`,
keyed by :class:`~talentdesk_contract.values.EventType`); a type with no handler is
skipped and counted exactly like a type this version does not know.
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
from talentdesk_contract.values import EventType

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
            EmergencyContact(
                id=c.id,
                name=c.name,
                number=c.number,
                note=c.note or "",
                language=c.language.value if c.language is not None else None,
            )
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


UpdateListener = Callable[[str, wire.EventData], None]


@dataclass(frozen=True)
class FeedContext:
    """What a handler applies an event with: the page's store and result, and who hears
    of escalation and report updates (inside the transaction)."""

    store: RecordStore
    result: PageResult
    on_update: UpdateListener | None = None


#: Applies one decoded event inside the page's transaction.
EventHandler = Callable[[FeedContext, wire.FeedEvent, wire.EventData], None]


class FeedHandlers:
    """The handler of each feed event type.

    A type with no handler is skipped and counted like an unknown type; a handler given
    data of another shape than it handles raises ``TypeError``, which rejects (records)
    that one event rather than failing the page.
    """

    def __init__(self, handlers: dict[str, EventHandler] | None = None) -> None:
        self._handlers: dict[str, EventHandler] = dict(handlers or {})

    def register(self, event_type: EventType | str, handler: EventHandler) -> None:
        """Apply events of ``event_type`` with ``handler`` (replacing any before)."""
        self._handlers[str(event_type)] = handler

    def without(self, event_type: EventType | str) -> FeedHandlers:
        """A copy with no handler for ``event_type``."""
        handlers = dict(self._handlers)
        handlers.pop(str(event_type), None)
        return FeedHandlers(handlers)

    def get(self, event_type: str) -> EventHandler | None:
        """The handler of ``event_type``, or None."""
        return self._handlers.get(event_type)

    def __contains__(self, event_type: object) -> bool:
        return event_type in self._handlers


def _apply_booking(context: FeedContext, event: wire.FeedEvent, data: wire.EventData) -> None:
    if not isinstance(data, wire.BookingData):
        raise TypeError(f"expected BookingData, got {type(data).__name__}")
    store = context.store
    try:
        existing = store.load(Booking, data.booking.id)
    except RecordIntegrityError:
        existing = None  # the agency's fresh copy repairs a damaged one
    rebooked = event.type == EventType.BOOKING_REBOOKED
    store.save(_booking(data.booking, existing, rebooked))
    store.save(
        CustomerContact(
            booking_id=data.booking.id,
            alias=data.customer.alias,
            contact_handle=data.customer.contact_handle,
        )
    )
    context.result.bookings_changed.add(data.booking.id)


def _apply_cancel(context: FeedContext, _event: wire.FeedEvent, data: wire.EventData) -> None:
    if not isinstance(data, wire.BookingCancelledData):
        raise TypeError(f"expected BookingCancelledData, got {type(data).__name__}")
    store = context.store
    try:
        existing = store.load(Booking, data.booking_id)
    except RecordIntegrityError:
        existing = None
    if existing is not None:
        store.save(
            msgspec.structs.replace(
                existing, status=BookingStatus.CANCELLED, cancel_reason=data.reason
            )
        )
    context.result.bookings_changed.add(data.booking_id)


def _apply_agency_config(
    context: FeedContext, _event: wire.FeedEvent, data: wire.EventData
) -> None:
    if not isinstance(data, wire.AgencyConfig):
        raise TypeError(f"expected AgencyConfig, got {type(data).__name__}")
    _apply_config(context.store, data)
    context.result.config_changed = True


def _store_update(context: FeedContext, event: wire.FeedEvent, data: wire.EventData) -> None:
    """An escalation or report update: kept (for a catch-up at the next start) and handed
    to the safety service inside the page's transaction."""
    if isinstance(data, wire.EscalationUpdateData):
        remote_id = data.escalation_id
    elif isinstance(data, wire.ReportUpdateData):
        remote_id = data.report_id
    else:
        raise TypeError(f"expected an escalation or report update, got {type(data).__name__}")
    context.store.vault.put(UPDATE_KIND, f"{event.type}:{remote_id}", event.data)
    context.result.updates.append((event.type, remote_id))
    if context.on_update is not None:
        context.on_update(event.type, data)


def default_handlers() -> FeedHandlers:
    """The handlers of every event type of v1."""
    return FeedHandlers(
        {
            EventType.BOOKING_CREATED: _apply_booking,
            EventType.BOOKING_UPDATED: _apply_booking,
            EventType.BOOKING_REBOOKED: _apply_booking,
            EventType.BOOKING_CANCELLED: _apply_cancel,
            EventType.CONFIG_UPDATED: _apply_agency_config,
            EventType.ESCALATION_ACKNOWLEDGED: _store_update,
            EventType.ESCALATION_RESOLVED: _store_update,
            EventType.REPORT_UPDATED: _store_update,
        }
    )


_DEFAULT_HANDLERS = default_handlers()


def apply_page(
    vault: Vault,
    page: wire.FeedPage,
    *,
    on_update: UpdateListener | None = None,
    handlers: FeedHandlers | None = None,
) -> PageResult:
    """Apply one feed page and store the new cursor, all in one transaction.

    Args:
        vault: the open vault.
        page: a strictly decoded page.
        on_update: called inside the transaction for escalation and report updates, so
            the safety service can move its own records in the same commit.
        handlers: the handler of each event type (:func:`default_handlers`).

    Returns:
        What changed. Customer data of bookings that are now cancelled is shredded
        after the commit (see :func:`sweep_customer_data`).
    """
    store = RecordStore(vault)
    result = PageResult()
    handlers = handlers if handlers is not None else _DEFAULT_HANDLERS
    context = FeedContext(store, result, on_update)
    decoded: list[tuple[wire.FeedEvent, wire.EventData | None, str | None]] = []
    for event in page.events:
        if event.type not in handlers:
            decoded.append((event, None, None))  # skipped and counted as unknown
            continue
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
            elif data is None or (handler := handlers.get(event.type)) is None:
                result.unknown_skipped += 1
            else:
                try:
                    handler(context, event, data)
                except (domain.DomainError, msgspec.ValidationError, TypeError) as exc:
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
