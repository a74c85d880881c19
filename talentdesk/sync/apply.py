"""Applying the agency's feed to the vault, exactly once, whatever the agency sends.

A page is decoded in full before anything is written, then every event of it
and the new cursor are written in one vault transaction: after a crash the
page is either wholly applied (and the cursor says so) or not at all (and is
fetched again). Unknown event types are skipped and counted; a known type
with a malformed body is skipped too, recorded by sequence number and reason
(never its content), so one bad event cannot stop a talent's night. An event whose
handler fails for any other reason is undone alone (a savepoint) and recorded the same
way; only the vault failing stops the page.

**Idempotent twice over.** By sequence number: the cursor is the highest sequence number
applied and never moves backwards, whatever cursor a page claims (a page's ``cursor``
may only confirm its own last event), and an event at or below it is skipped. By the
booking's own state: a declined, cancelled or ended booking never returns from an old
event, and the customer data of a shredded booking is never stored again (the vault
remembers which bookings it shredded). So reading the feed again from 0 after the
agency's "your cursor is ahead of my feed" resurrects nothing.

Each event type is applied by the handler registered for it (:class:`FeedHandlers`,
keyed by :class:`~talentdesk_contract.values.EventType`); a type with no handler is
skipped and counted exactly like a type this version does not know.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import msgspec

from talentdesk import domain
from talentdesk.domain import (
    AGENCY_PREFIX,
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
from talentdesk.sync.decoding import UnreadableEvent
from talentdesk.vault import RecordIntegrityError, Vault, VaultLocked
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
    """What applying one page changed, for listeners (the UI refreshes from this).

    Attributes:
        new_events: events past the cursor (applied, skipped or rejected alike): the
            page moved the feed on.
        replayed: events at or below the cursor, skipped (already applied).
        stale: events about a booking that is over (declined, cancelled, ended, its
            customer data shredded), applied as no change: they bring nothing back.
    """

    applied: int = 0
    unknown_skipped: int = 0
    rejected: list[RejectedEvent] = field(default_factory=list)
    bookings_changed: set[str] = field(default_factory=set)
    config_changed: bool = False
    updates: list[tuple[str, str]] = field(default_factory=list)  # (event type, remote id)
    new_events: int = 0
    replayed: int = 0
    stale: int = 0


def load_feed_state(vault: Vault) -> FeedState:
    """Where the app is in the feed.

    A damaged state reads as the start of the feed: reading it again from 0 brings
    nothing back (see the module), and the next page writes a good state over it.
    """
    try:
        payload = vault.get(STATE_KIND, FEED_STATE_ID)
        return FeedState() if payload is None else msgspec.json.decode(payload, type=FeedState)
    except (RecordIntegrityError, msgspec.DecodeError):
        log.warning("the feed state is damaged; reading the feed again from the start")
        return FeedState()


def reset_feed_cursor(vault: Vault) -> None:
    """Start the feed again from the beginning (the agency's feed was reset)."""
    with vault.transaction():
        state = load_feed_state(vault)
        state.cursor = 0
        vault.put(STATE_KIND, FEED_STATE_ID, msgspec.json.encode(state))


def _booking(info: wire.BookingInfo, existing: Booking | None, rebooked: bool) -> Booking:
    # The talent's answer and the session's progress are the desk's own: an event from
    # the agency changes when and what, never where the booking is in its life.
    status = existing.status if existing is not None else BookingStatus.PENDING
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
    policy = data.escalation_policy or wire.EscalationPolicy()
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
        supervisor_phone=data.supervisor_phone,
        # How long until the agency alerts again, and how often (its defaults if absent).
        realert_after_seconds=policy.realert_after_seconds,
        escalation_rounds=policy.rounds,
        updated_at=datetime.now(UTC),
    )


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


class FeedContext(msgspec.Struct, frozen=True):
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
    if data.booking.id in store.vault.shredded_bookings() or (
        existing is not None and existing.status in _FINISHED
    ):
        # Over for the desk (an old event, a replay, a feed read again from 0): nothing
        # of it comes back, least of all the customer's data.
        context.result.stale += 1
        return
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
    if existing is None or existing.status in _FINISHED:
        context.result.stale += existing is not None
        return  # declined or ended stays so; a booking never seen needs nothing
    store.save(
        msgspec.structs.replace(existing, status=BookingStatus.CANCELLED, cancel_reason=data.reason)
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
    if isinstance(data, wire.EscalationUpdateData | wire.EscalationAlertData):
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
            EventType.ESCALATION_ALERTED_AGAIN: _store_update,
            EventType.ESCALATION_UNANSWERED: _store_update,
            EventType.REPORT_UPDATED: _store_update,
        }
    )


_DEFAULT_HANDLERS = default_handlers()


def apply_page(
    vault: Vault,
    page: wire.FeedPage,
    *,
    unreadable: Sequence[UnreadableEvent] = (),
    on_update: UpdateListener | None = None,
    handlers: FeedHandlers | None = None,
) -> PageResult:
    """Apply one feed page and store the new cursor, all in one transaction.

    Args:
        vault: the open vault.
        page: a strictly decoded page.
        unreadable: the page's events that could not be read (the decoder set them
            aside): recorded as rejected, and the cursor moves past them.
        on_update: called inside the transaction for escalation and report updates, so
            the safety service can move its own records in the same commit.
        handlers: the handler of each event type (:func:`default_handlers`).

    Returns:
        What changed. Customer data of bookings that are now cancelled is shredded
        after the commit (see :func:`sweep_customer_data`).

    Raises:
        VaultLocked, sqlite3.Error: the vault failed; nothing of the page is kept.
    """
    store = RecordStore(vault)
    result = PageResult()
    handlers = handlers if handlers is not None else _DEFAULT_HANDLERS
    context = FeedContext(store, result, on_update)
    decoded: list[tuple[int, str, wire.FeedEvent | None, wire.EventData | None, str | None]] = []
    for event in page.events:
        if event.type not in handlers:
            decoded.append((event.seq, event.type, event, None, None))  # counted as unknown
            continue
        try:
            data = wire.decode_event_data(event)
        except Exception as exc:  # hostile bytes: whatever decoding raises rejects the event
            decoded.append((event.seq, event.type, event, None, _why(exc)))
        else:
            decoded.append((event.seq, event.type, event, data, None))
    for bad in unreadable:
        decoded.append((bad.seq, bad.type, None, None, bad.reason))
    decoded.sort(key=lambda item: item[0])  # stable: a repeated seq keeps its first

    with vault.transaction():
        state = load_feed_state(vault)
        cursor = state.cursor
        for seq, event_type, item, data, error in decoded:
            if seq <= cursor:
                result.replayed += 1  # applied before: a page fetched again, a replay
                continue
            cursor = seq
            result.new_events += 1
            if error is not None:
                result.rejected.append(RejectedEvent(seq=seq, type=event_type, reason=error))
            elif item is None or data is None or (handler := handlers.get(event_type)) is None:
                result.unknown_skipped += 1
            else:
                reason = _apply_one(vault, handler, context, item, data)
                if reason is None:
                    result.applied += 1
                else:
                    result.rejected.append(RejectedEvent(seq=seq, type=event_type, reason=reason))
        if page.cursor != cursor and page.cursor > state.cursor:
            # The contract: a page's cursor is its last event's seq (or the asked one).
            # Any other claim (ahead: a jump past events never seen; behind: the same
            # events again and again) is not followed.
            log.warning("feed page claims cursor %d; keeping %d", page.cursor, cursor)
        state.cursor = cursor
        state.applied += result.applied
        state.unknown_skipped += result.unknown_skipped
        state.rejected_total += len(result.rejected)
        state.rejected = (state.rejected + result.rejected)[-REJECTED_KEPT:]
        if result.applied:
            state.last_applied_at = datetime.now(UTC)
        vault.put(STATE_KIND, FEED_STATE_ID, msgspec.json.encode(state))
    for rejected in result.rejected:
        log.warning(
            "skipped unreadable %s event #%d: %s", rejected.type, rejected.seq, rejected.reason
        )
    return result


def _apply_one(
    vault: Vault,
    handler: EventHandler,
    context: FeedContext,
    event: wire.FeedEvent,
    data: wire.EventData,
) -> str | None:
    """Apply one event in a savepoint; why it was rejected (and undone), or None."""
    snapshot = _snapshot(context.result)
    try:
        with vault.savepoint():
            handler(context, event, data)
    except (VaultLocked, sqlite3.Error):
        raise  # the vault failed, not the event: the page is fetched again
    except (domain.DomainError, msgspec.ValidationError, TypeError) as exc:
        # Valid on the wire, impossible in the domain (e.g. a price out of range).
        _restore(context.result, snapshot)
        return str(exc)[:200]
    except Exception as exc:
        # A handler that fails for a reason of its own must not stop the feed either;
        # the reason names the exception's type only (its text may quote the event).
        _restore(context.result, snapshot)
        log.warning(
            "the %s handler failed on event #%d: %s", event.type, event.seq, type(exc).__name__
        )
        return f"could not be applied ({type(exc).__name__})"
    return None


def _snapshot(result: PageResult) -> tuple[set[str], bool, int, int]:
    return set(result.bookings_changed), result.config_changed, len(result.updates), result.stale


def _restore(result: PageResult, snapshot: tuple[set[str], bool, int, int]) -> None:
    result.bookings_changed, result.config_changed, updates, result.stale = snapshot
    del result.updates[updates:]


def _why(exc: BaseException) -> str:
    """Why an event's data could not be decoded, without its content."""
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8"
    return str(exc)[:200] if isinstance(exc, msgspec.DecodeError) else type(exc).__name__


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
