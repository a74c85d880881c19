"""One-click escalation: durable at once, delivered urgently, followed to its end.

:meth:`Escalations.escalate` writes the escalation and an urgent outbox item in one
vault transaction and returns: the escalation survives a crash from that moment, and the
sync service's sender delivers it (urgent items first, backoff capped near 2 s). Nothing
is asked of the talent first; a crisis sign or a note goes afterwards as a follow-up, an
outbox item that waits for the escalation (``after``) and then uses its agency id.

What the talent sees (:class:`EscalationState`): queued, delivered (with the agency's id),
acknowledged by a named supervisor, resolved (with the supervisor's reason), or cancelled
as a false alarm; while nobody takes it, that the agency alerted again (its escalation
policy's rounds) and, once the policy is exhausted, that nobody answered (the screens
then say to call the supervisor's phone and the emergency numbers). These come from the
feed: :meth:`Escalations.handle_update` is registered with
``SyncService.add_update_handler`` and runs inside the page's transaction, matching the
feed's escalation id to the outbox item's ``remote_id``.

**Every alarm is its own escalation**, with a kind (:class:`EscalationKind`): the button
(or Ctrl+Shift+E, or "I need help"), the lone-worker check's automatic alarm, and "not
OK" in after-care each raise a new one; only details (a crisis sign, a note) follow up.

Records are sealed vault rows of kind ``escalation``; they hold no free text. A note the
talent types travels only in the outbox item's body, sealed under the session's booking
data key while the session runs, and is removed once the agency has it and the session
is over (:meth:`Escalations.remove_settled_notes`).

**Constant cost.** Nothing after a click reads every escalation: an in-memory index
(:class:`~talentdesk.vault.index.RecordIndex`) knows which ones still wait for the
agency's id, which still carry notes, which are open, and the agency's ids; the outbox's
own index gives each item's state. ``bench/escalation.py`` measures it over 1,000.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Final

import msgspec

from talentdesk.safety._common import (
    REACHED,
    SETTLED,
    Delivery,
    DurableChanges,
    checkpoint_after_commit,
    delivery_of,
    is_wire_id,
    new_local_id,
    utc_now,
    validated,
)
from talentdesk.safety.errors import (
    EscalationClosedError,
    EscalationNotFoundError,
    NoteTooLongError,
    NothingToAddError,
)
from talentdesk.sync.apply import UPDATE_KIND
from talentdesk.sync.outbox import Outbox, OutboxEntry, OutboxState
from talentdesk.sync.requests import CancelEscalation, FollowUpEscalation, RaiseEscalation
from talentdesk.vault import Vault
from talentdesk.vault.index import RecordIndex
from talentdesk_contract import wire
from talentdesk_contract.values import EscalationKind, OperationKind, ResolutionReason

__all__ = [
    "AUTOMATIC_NOTE",
    "CANCEL_OUTBOX_KIND",
    "CRISIS_SIGNS",
    "FOLLOW_UP_OUTBOX_KIND",
    "KIND",
    "NOTE_MAX_CHARS",
    "OUTBOX_KIND",
    "Delivery",
    "EscalationKind",
    "EscalationRecord",
    "EscalationState",
    "EscalationView",
    "Escalations",
]

log = logging.getLogger(__name__)

#: Vault kind of the local escalation records.
KIND: Final = "escalation"
#: Outbox kinds of the escalation, its follow-ups and its cancellation.
OUTBOX_KIND: Final = OperationKind.ESCALATION
FOLLOW_UP_OUTBOX_KIND: Final = OperationKind.ESCALATION_FOLLOW_UP
CANCEL_OUTBOX_KIND: Final = OperationKind.ESCALATION_CANCEL
#: Longest note the contract accepts (``wire.Note``).
NOTE_MAX_CHARS: Final = 2000
#: Every crisis sign the contract knows, in the playbook's order.
CRISIS_SIGNS: Final[tuple[wire.CrisisSign, ...]] = tuple(wire.CrisisSign)
#: The note of an escalation the app sends on its own. For agency staff, so in English
#: (like the doctor's output); it says nothing about the customer.
AUTOMATIC_NOTE: Final = (
    "Sent automatically by TalentDesk: the talent did not answer the lone-worker check "
    "(session over its booked time)."
)

#: Fields of request bodies and answers that may hold the talent's free text.
_TEXT_FIELDS: Final = ("note",)


class EscalationState(enum.StrEnum):
    """Where an escalation is, as the talent sees it (the values are the UI's keys)."""

    QUEUED = "queued"  # on this device, waiting for the agency to be reachable
    DELIVERED = "delivered"  # the agency has it (and gave it an id)
    ACKNOWLEDGED = "acknowledged"  # a named supervisor is on it
    RESOLVED = "resolved"
    CANCELLED = "cancelled"  # the talent said "false alarm"
    FAILED = "failed"  # the agency refused it (a 4xx): call the agency or emergency services


class EscalationRecord(msgspec.Struct, kw_only=True):
    """An escalation as this device keeps it. No free text: notes live only in the outbox.

    Attributes:
        id: Local id (also the outbox items' ``ref``).
        booking_id: The booking it is about, if any.
        raised_at: When the talent pressed the button (UTC).
        outbox_id: The outbox item that creates it at the agency.
        automatic: Sent by the lone-worker check, not by the talent.
        kind: What raised it (None in records made before kinds: then ``automatic``
            says lone-worker, else the button).
        crisis_sign: The latest crisis sign sent with it.
        remote_id: The agency's id, once delivered.
        follow_up_ids: Outbox items of its follow-ups, oldest first.
        notes_sent: How many notes went with it (their text is not kept here).
        notes_removed: The notes' text has been removed from the outbox.
        cancel_id: Outbox item of the false-alarm cancellation, if any.
        cancelled_at: When the talent said "false alarm".
        supervisor: Who acknowledged or resolved it.
        supervisor_note: The supervisor's note for the talent, if any.
        acknowledged_at: When the agency acknowledged it (UTC).
        resolved_at: When the agency resolved it (UTC).
        resolution_reason: Why the supervisor resolved it.
        alerted_rounds: How many times the agency alerted again (nobody took it).
        supervisors_alerted: How many supervisors the latest round reached.
        alerted_at: When the agency last alerted again (UTC).
        unanswered_at: When the agency's escalation policy was exhausted (UTC).
    """

    id: str
    booking_id: str | None
    raised_at: datetime
    outbox_id: str
    automatic: bool = False
    kind: EscalationKind | None = None
    crisis_sign: wire.CrisisSign | None = None
    remote_id: str | None = None
    follow_up_ids: list[str] = msgspec.field(default_factory=list)
    notes_sent: int = 0
    notes_removed: bool = False
    cancel_id: str | None = None
    cancelled_at: datetime | None = None
    supervisor: str | None = None
    supervisor_note: str | None = None
    acknowledged_at: datetime | None = None
    resolved_at: datetime | None = None
    resolution_reason: ResolutionReason | None = None
    alerted_rounds: int = 0
    supervisors_alerted: int = 0
    alerted_at: datetime | None = None
    unanswered_at: datetime | None = None

    @property
    def raised_by(self) -> EscalationKind:
        """What raised it (records made before kinds say it with ``automatic``)."""
        if self.kind is not None:
            return self.kind
        return EscalationKind.LONE_WORKER if self.automatic else EscalationKind.BUTTON


class EscalationView(msgspec.Struct, frozen=True):
    """An escalation as the UI shows it.

    Attributes:
        state: Where it is.
        remote_id: The agency's id, once delivered.
        attempts: Failed delivery attempts so far (for "retrying").
        last_error: Machine reason of the last failed attempt (``network``, ``timeout``,
            ...) or, once failed, the agency's words.
        follow_ups: Follow-ups sent or waiting.
        follow_ups_waiting: Follow-ups not yet delivered.
        follow_ups_failed: Follow-ups the agency refused (e.g. it was resolved meanwhile).
        cancel: Delivery of the false-alarm cancellation, if the talent pressed it.
        kind: What raised it: the button, the lone-worker check, "not OK" in after-care.
        resolution_reason: Why the supervisor resolved it.
        alerted_rounds: How many times the agency alerted again because nobody took it.
        supervisors_alerted: How many supervisors the latest round reached.
        unanswered: The agency's escalation policy is exhausted and still nobody took it:
            call the supervisor's phone and the emergency numbers.
    """

    id: str
    booking_id: str | None
    raised_at: datetime
    state: EscalationState
    automatic: bool
    crisis_sign: wire.CrisisSign | None
    remote_id: str | None
    supervisor: str | None
    supervisor_note: str | None
    acknowledged_at: datetime | None
    resolved_at: datetime | None
    cancelled_at: datetime | None
    attempts: int
    last_error: str | None
    follow_ups: int
    follow_ups_waiting: int
    follow_ups_failed: int
    cancel: Delivery | None
    kind: EscalationKind = EscalationKind.BUTTON
    resolution_reason: ResolutionReason | None = None
    alerted_rounds: int = 0
    supervisors_alerted: int = 0
    unanswered: bool = False

    @property
    def is_open(self) -> bool:
        """Queued, delivered or acknowledged: help is (or will be) on its way."""
        return self.state in (
            EscalationState.QUEUED,
            EscalationState.DELIVERED,
            EscalationState.ACKNOWLEDGED,
        )


class _Known:
    """The escalations of this device as the index keeps them: each one's record, read-only
    (:meth:`record` decodes a copy for a caller that changes it), and the sets the services
    ask about after every change."""

    def __init__(self) -> None:
        self.payloads: dict[str, bytes] = {}
        self.shown: dict[str, EscalationRecord] = {}  # never changed: for reading only
        self.by_remote: dict[str, str] = {}
        self.awaiting_remote: set[str] = set()  # the agency's id is not recorded yet
        self.notes_pending: set[str] = set()  # notes sent and not removed yet
        self.unclosed: set[str] = set()  # neither resolved nor cancelled

    def put(self, record: EscalationRecord, payload: bytes) -> None:
        rid = record.id
        self.payloads[rid] = payload
        self.shown[rid] = msgspec.json.decode(payload, type=EscalationRecord)
        if record.remote_id is not None:
            self.by_remote[record.remote_id] = rid
        _mark(self.awaiting_remote, rid, record.remote_id is None)
        _mark(self.notes_pending, rid, record.notes_sent > 0 and not record.notes_removed)
        _mark(self.unclosed, rid, record.resolved_at is None and record.cancelled_at is None)

    def record(self, escalation_id: str) -> EscalationRecord | None:
        payload = self.payloads.get(escalation_id)
        return None if payload is None else msgspec.json.decode(payload, type=EscalationRecord)


def _mark(group: set[str], item: str, member: bool) -> None:
    if member:
        group.add(item)
    else:
        group.discard(item)


class Escalations(DurableChanges):
    """Raises escalations and follows them until they are closed.

    Thread-safe: every change runs in one vault transaction, which serialises callers
    (the GUI thread, the feed thread's update handler and the sender's listener).

    Args:
        vault: The open vault.
        outbox: The sync service's outbox (``SyncService.outbox``).
        now: The wall clock (UTC), replaceable in tests.
    """

    def __init__(
        self, vault: Vault, outbox: Outbox, *, now: Callable[[], datetime] = utc_now
    ) -> None:
        super().__init__(vault, "escalation")
        self.outbox = outbox
        self._now = now
        self._index = RecordIndex(vault, KIND, self._scan)

    # ------------------------------------------------------------------ raising

    def escalate(
        self,
        booking_id: str | None = None,
        *,
        crisis_sign: wire.CrisisSign | None = None,
        note: str | None = None,
        automatic: bool = False,
        kind: EscalationKind | None = None,
    ) -> EscalationView:
        """Ask a supervisor for help, now. Never refused for missing or odd details.

        Every call is a new escalation (every alarm is its own): details for one already
        raised go with :meth:`follow_up`.

        The escalation and its urgent outbox item are committed together before this
        returns (the vault syncs every commit); the sender delivers it as soon as the
        agency can be reached.

        Args:
            booking_id: The booking it is about, if any. An id the contract would refuse
                is left out rather than let it block the escalation.
            crisis_sign: A crisis sign, if the talent picked one already.
            note: A note; cut to :data:`NOTE_MAX_CHARS` rather than refused.
            automatic: Sent by the app on the talent's behalf (the lone-worker check).
            kind: What raised it; None: the lone-worker check if ``automatic``, else the
                button.

        Returns:
            The escalation, queued.

        Raises:
            ValueError: If ``crisis_sign`` is not a sign of the contract (a programming
                error: the UI offers only :data:`CRISIS_SIGNS`).
        """
        _check_sign(crisis_sign)
        if booking_id is not None and not is_wire_id(booking_id):
            log.warning("escalation sent without its booking reference: not a valid id")
            booking_id = None
        text = _clean_note(note)
        if text is not None:
            text = text[:NOTE_MAX_CHARS]
        if kind is None:
            kind = EscalationKind.LONE_WORKER if automatic else EscalationKind.BUTTON
        raised_at = self._now()
        request = validated(
            wire.EscalationRequest(
                level="urgent",
                at=raised_at,
                booking_id=booking_id,
                crisis_sign=crisis_sign,
                note=text,
                kind=kind,
            )
        )
        escalation_id = new_local_id("esc")
        with self.vault.transaction():
            item = self.outbox.enqueue(
                RaiseEscalation(body=request), ref=escalation_id, seal_for=booking_id
            )
            record = EscalationRecord(
                id=escalation_id,
                booking_id=booking_id,
                raised_at=raised_at,
                outbox_id=item.id,
                automatic=automatic or kind is EscalationKind.LONE_WORKER,
                kind=kind,
                crisis_sign=crisis_sign,
                notes_sent=int(text is not None),
            )
            self._save(record)
            self._changed()
        log.info("escalation %s (%s) queued", escalation_id, kind.value)
        return self._view(record, {item.id: OutboxEntry.of(item)})

    def follow_up(
        self,
        escalation_id: str,
        *,
        crisis_sign: wire.CrisisSign | None = None,
        note: str | None = None,
    ) -> EscalationView:
        """Add detail to an escalation: a crisis sign, a note, or both.

        Queued urgently behind the escalation itself, so it can be added before the
        escalation is delivered (even while the agency is unreachable).

        Raises:
            EscalationNotFoundError: Unknown escalation.
            EscalationClosedError: It is resolved, cancelled, or the agency refused it.
            NothingToAddError: Neither a sign nor a note.
            NoteTooLongError: The note is over :data:`NOTE_MAX_CHARS`.
        """
        _check_sign(crisis_sign)
        text = _clean_note(note)
        if crisis_sign is None and text is None:
            raise NothingToAddError(f"escalation {escalation_id!r}: nothing to add")
        if text is not None and len(text) > NOTE_MAX_CHARS:
            raise NoteTooLongError(f"notes are at most {NOTE_MAX_CHARS} characters")
        request = validated(wire.EscalationFollowUpRequest(crisis_sign=crisis_sign, note=text))
        with self.vault.transaction():
            record = self._require(escalation_id)
            self._require_open(record)
            item = self.outbox.enqueue(
                FollowUpEscalation(body=request),
                ref=record.id,
                after=record.outbox_id,
                seal_for=record.booking_id,
            )
            record.follow_up_ids.append(item.id)
            if crisis_sign is not None:
                record.crisis_sign = crisis_sign
            if text is not None:
                record.notes_sent += 1
                record.notes_removed = False
            self._save(record)
            self._changed()
        log.info("follow-up queued for escalation %s", escalation_id)
        return self._require_view(escalation_id)

    def false_alarm(self, escalation_id: str) -> EscalationView:
        """Withdraw an escalation pressed by mistake ("salah tekan").

        The cancellation waits behind the escalation if that is not delivered yet: the
        escalation may already be on its way, so it is cancelled at the agency rather
        than dropped here. Pressing it twice changes nothing.

        Raises:
            EscalationNotFoundError: Unknown escalation.
            EscalationClosedError: A supervisor has already resolved it.
        """
        with self.vault.transaction():
            record = self._require(escalation_id)
            if record.cancelled_at is not None:
                return self._require_view(escalation_id)
            if record.resolved_at is not None:
                raise EscalationClosedError(f"escalation {escalation_id!r} is resolved")
            first = self.outbox.entry(record.outbox_id)
            if first is not None and first.state is not OutboxState.FAILED:
                body = validated(wire.EscalationCancelRequest(reason="false_alarm"))
                item = self.outbox.enqueue(
                    CancelEscalation(body=body), ref=record.id, after=record.outbox_id
                )
                record.cancel_id = item.id
            # A refused escalation never reached the agency: there is nothing to cancel.
            record.cancelled_at = self._now()
            self._save(record)
            self._changed()
        log.info("escalation %s cancelled as a false alarm", escalation_id)
        return self._require_view(escalation_id)

    # ------------------------------------------------------------------ reading

    def get(self, escalation_id: str) -> EscalationView | None:
        """One escalation, or None."""
        record = self._load(escalation_id)
        if record is None:
            return None
        return self._view(record, self._items_of([record]))

    def escalations(self) -> list[EscalationView]:
        """Every escalation on this device, newest first (from memory: nothing decrypted)."""
        records = self._records()
        items = self._items_of(records)
        views = [self._view(r, items) for r in records]
        views.sort(key=lambda v: (v.raised_at, v.id), reverse=True)
        return views

    def for_booking(self, booking_id: str) -> list[EscalationView]:
        """The escalations about one booking, newest first."""
        return [v for v in self.escalations() if v.booking_id == booking_id]

    def open_escalations(self) -> list[EscalationView]:
        """The escalations still open (queued, delivered or acknowledged), newest first.

        Costs what the open ones cost, whatever the history: the lock and the lone-worker
        check ask after every change.
        """
        with self.vault.serialized():
            known = self._index.current()
            records = [known.shown[i] for i in known.unclosed if i in known.shown]
        items = self._items_of(records)
        views = [v for r in records if (v := self._view(r, items)).is_open]
        views.sort(key=lambda v: (v.raised_at, v.id), reverse=True)
        return views

    def open_for_booking(self, booking_id: str | None) -> EscalationView | None:
        """The newest escalation about ``booking_id`` that is still open, or None."""
        for view in self.open_escalations():
            if view.booking_id == booking_id:
                return view
        return None

    # ------------------------------------------------------------------ the agency's side

    def handle_update(self, event_type: str, data: wire.EventData) -> None:
        """Apply ``escalation.acknowledged`` / ``.resolved`` / ``.alerted_again`` /
        ``.unanswered`` from the feed.

        Register with ``SyncService.add_update_handler``: it runs inside the feed page's
        transaction, so the change is committed with the page's cursor, exactly once. An
        update for an escalation whose delivery is not recorded yet (the agency answered
        it before the sender wrote the answer down) is left to :meth:`reconcile`, which
        finds it among the feed's stored updates.
        """
        if not isinstance(data, wire.EscalationUpdateData | wire.EscalationAlertData):
            return
        with self.vault.transaction():
            record = self._find_remote(data.escalation_id)
            if record is None:
                return
            if _apply_update(record, event_type, data):
                self._save(record)
                self._advance_outbox(record)
                self._changed()
                log.info("escalation %s: %s", record.id, event_type)

    def reconcile(self, *, full: bool = False) -> bool:
        """Bring local records up to date with their outbox items and stored feed updates.

        Called after outbox changes, where it records the agency's id of newly delivered
        escalations and applies any feed update that arrived before that id was known;
        and at start-up with ``full``, where it also applies updates stored while no
        handler was registered. Idempotent.

        Returns:
            Whether anything changed.
        """
        changed = False
        with self.vault.transaction():
            known = self._index.current()
            ids = set(known.awaiting_remote)
            if full:
                ids |= known.unclosed
            for escalation_id in sorted(ids):
                record = self._load(escalation_id)
                if record is None:
                    continue
                dirty = False
                if record.remote_id is None:
                    item = self.outbox.entry(record.outbox_id)
                    if item is None or item.remote_id is None:
                        continue
                    record.remote_id = item.remote_id
                    dirty = True
                elif not full or record.resolved_at is not None:
                    continue  # the feed's handler keeps it current
                dirty = self._apply_stored_updates(record) or dirty
                if dirty:
                    self._save(record)
                    self._advance_outbox(record)
                    changed = True
            if changed:
                self._changed()
        return changed

    def _apply_stored_updates(self, record: EscalationRecord) -> bool:
        """Apply the feed's stored acknowledgement and resolution of ``record``, if any."""
        dirty = False
        for event_type, shape in _STORED_UPDATES:
            payload = self.vault.get(UPDATE_KIND, f"{event_type}:{record.remote_id}")
            if payload is None:
                continue
            try:
                update = wire.decode(payload, shape)
            except msgspec.DecodeError:
                continue  # the feed skipped it as malformed; it never happened for us
            dirty = _apply_update(record, event_type, update) or dirty
        return dirty

    def _advance_outbox(self, record: EscalationRecord) -> None:
        """Move the escalation's outbox item on, so the outbox shows what the talent sees."""
        target = (
            OutboxState.RESOLVED
            if record.resolved_at is not None
            else OutboxState.ACKNOWLEDGED
            if record.acknowledged_at is not None
            else None
        )
        if target is None:
            return
        item = self.outbox.entry(record.outbox_id)
        if item is None or item.state in (OutboxState.QUEUED, OutboxState.FAILED, target):
            return
        if item.state is OutboxState.RESOLVED:
            return  # never move back
        self.outbox.set_state(record.outbox_id, target)

    # ------------------------------------------------------------------ what stays

    def remove_settled_notes(self, session_ended: Callable[[str], bool]) -> int:
        """Remove the talent's notes from escalations that no longer need them.

        A note goes once every item that carried it is settled (delivered or refused) and
        the session is over (``session_ended(booking_id)``); for an escalation about no
        booking, once it is resolved or cancelled. Kept: the escalation, its crisis sign,
        its states and the supervisor's name. The WAL is checkpointed afterwards.

        Returns:
            How many escalations lost their notes.
        """
        removed = 0
        with self.vault.transaction():
            for escalation_id in sorted(self._index.current().notes_pending):
                record = self._load(escalation_id)
                if record is None or record.notes_sent == 0 or record.notes_removed:
                    continue
                if record.booking_id is not None:
                    over = session_ended(record.booking_id)
                else:
                    over = record.resolved_at is not None or record.cancelled_at is not None
                if not over:
                    continue
                ids = [record.outbox_id, *record.follow_up_ids]
                states = [self.outbox.state_of(i) for i in ids]
                if any(state is not None and state not in SETTLED for state in states):
                    continue
                for item_id in ids:
                    self.outbox.redact(item_id, _TEXT_FIELDS)
                record.notes_removed = True
                self._save(record)
                removed += 1
            if removed:
                checkpoint_after_commit(self.vault)
                self._changed()
        if removed:
            log.info("removed the notes of %d settled escalation(s)", removed)
        return removed

    # ------------------------------------------------------------------ internals

    def _save(self, record: EscalationRecord) -> None:
        payload = msgspec.json.encode(record)
        self.vault.put(KIND, record.id, payload)
        self._index.wrote(lambda known: known.put(record, payload))

    def _scan(self) -> _Known:
        known = _Known()
        listing = self.vault.read_all(KIND)
        for problem in listing.problems:
            log.warning("unreadable escalation record: %s", problem.name)
        for payload in listing.rows.values():
            try:
                record = msgspec.json.decode(payload, type=EscalationRecord)
            except msgspec.DecodeError:
                log.warning("escalation record does not decode")
                continue
            known.put(record, payload)
        return known

    def _load(self, escalation_id: str) -> EscalationRecord | None:
        with self.vault.serialized():
            return self._index.current().record(escalation_id)

    def _records(self) -> list[EscalationRecord]:
        """Every record, read-only (shared with the index: never change one)."""
        with self.vault.serialized():
            return list(self._index.current().shown.values())

    def _require(self, escalation_id: str) -> EscalationRecord:
        record = self._load(escalation_id)
        if record is None:
            raise EscalationNotFoundError(f"no escalation {escalation_id!r}")
        return record

    def _require_view(self, escalation_id: str) -> EscalationView:
        view = self.get(escalation_id)
        if view is None:
            raise EscalationNotFoundError(f"no escalation {escalation_id!r}")
        return view

    def _require_open(self, record: EscalationRecord) -> None:
        if record.resolved_at is not None or record.cancelled_at is not None:
            raise EscalationClosedError(f"escalation {record.id!r} is closed")
        first = self.outbox.entry(record.outbox_id)
        if first is None or first.state is OutboxState.FAILED:
            raise EscalationClosedError(f"escalation {record.id!r} was refused by the agency")

    def _find_remote(self, remote_id: str) -> EscalationRecord | None:
        with self.vault.serialized():
            local = self._index.current().by_remote.get(remote_id)
        if local is not None:
            return self._load(local)
        item = self.outbox.find_by_remote_id(remote_id)
        if item is None or item.kind != OUTBOX_KIND:
            return None
        found = self._load(item.ref)
        if found is not None:
            found.remote_id = remote_id
        return found

    def _items_of(self, records: Iterable[EscalationRecord]) -> dict[str, OutboxEntry]:
        ids: list[str] = []
        for record in records:
            ids += [record.outbox_id, *record.follow_up_ids]
            if record.cancel_id is not None:
                ids.append(record.cancel_id)
        return self.outbox.entries(ids)

    def _view(self, record: EscalationRecord, items: Mapping[str, OutboxEntry]) -> EscalationView:
        first = items.get(record.outbox_id)
        cancel = None
        if record.cancel_id is not None:
            cancel = delivery_of(items.get(record.cancel_id))
        elif record.cancelled_at is not None:
            cancel = Delivery.DELIVERED  # nothing needed sending: the agency never had it
        follow_ups = [delivery_of(items.get(i)) for i in record.follow_up_ids]
        remote_id = record.remote_id or (first.remote_id if first is not None else None)
        if record.cancelled_at is not None and cancel is not Delivery.FAILED:
            state = EscalationState.CANCELLED
        elif record.resolved_at is not None:
            state = EscalationState.RESOLVED
        elif record.acknowledged_at is not None:
            state = EscalationState.ACKNOWLEDGED
        elif first is None or first.state is OutboxState.FAILED:
            state = EscalationState.FAILED
        elif first.state in REACHED:
            state = EscalationState.DELIVERED
        else:
            state = EscalationState.QUEUED
        return EscalationView(
            id=record.id,
            booking_id=record.booking_id,
            raised_at=record.raised_at,
            state=state,
            automatic=record.automatic,
            crisis_sign=record.crisis_sign,
            remote_id=remote_id,
            supervisor=record.supervisor,
            supervisor_note=record.supervisor_note,
            acknowledged_at=record.acknowledged_at,
            resolved_at=record.resolved_at,
            cancelled_at=record.cancelled_at,
            attempts=first.attempts if first is not None else 0,
            last_error=first.last_error if first is not None else None,
            follow_ups=len(follow_ups),
            follow_ups_waiting=follow_ups.count(Delivery.QUEUED),
            follow_ups_failed=follow_ups.count(Delivery.FAILED),
            cancel=cancel,
            kind=record.raised_by,
            resolution_reason=record.resolution_reason,
            alerted_rounds=record.alerted_rounds,
            supervisors_alerted=record.supervisors_alerted,
            unanswered=record.unanswered_at is not None
            and state in (EscalationState.QUEUED, EscalationState.DELIVERED),
        )


#: The escalation updates the feed stores, and their shapes (for the catch-up at start).
_STORED_UPDATES: Final[
    tuple[tuple[str, type[wire.EscalationUpdateData | wire.EscalationAlertData]], ...]
] = (
    (wire.EventType.ESCALATION_ACKNOWLEDGED, wire.EscalationUpdateData),
    (wire.EventType.ESCALATION_RESOLVED, wire.EscalationUpdateData),
    (wire.EventType.ESCALATION_ALERTED_AGAIN, wire.EscalationAlertData),
    (wire.EventType.ESCALATION_UNANSWERED, wire.EscalationAlertData),
)


def _apply_update(
    record: EscalationRecord,
    event_type: str,
    data: wire.EscalationUpdateData | wire.EscalationAlertData,
) -> bool:
    """Apply one feed update to ``record``; returns whether it changed anything."""
    before = msgspec.structs.asdict(record)
    if isinstance(data, wire.EscalationAlertData):
        _apply_alert(record, event_type, data)
    elif event_type == wire.EventType.ESCALATION_ACKNOWLEDGED:
        if record.acknowledged_at is None:
            record.acknowledged_at = data.at
            if record.resolved_at is None:  # a late ack never renames the resolver
                record.supervisor = data.supervisor
            if data.note is not None and record.resolved_at is None:
                record.supervisor_note = data.note
    elif event_type == wire.EventType.ESCALATION_RESOLVED and record.resolved_at is None:
        record.resolved_at = data.at
        record.supervisor = data.supervisor
        record.resolution_reason = data.reason
        if data.note is not None:
            record.supervisor_note = data.note
    return msgspec.structs.asdict(record) != before


def _apply_alert(record: EscalationRecord, event_type: str, data: wire.EscalationAlertData) -> None:
    """The agency alerted again (a round of its policy), or its policy is exhausted.

    Rounds only grow (an old event replayed changes nothing); the view shows "nobody
    answered" only while nobody has taken it.
    """
    if event_type == wire.EventType.ESCALATION_ALERTED_AGAIN:
        if data.round > record.alerted_rounds:
            record.alerted_rounds = data.round
            record.supervisors_alerted = data.supervisors_alerted
            record.alerted_at = data.at
    elif event_type == wire.EventType.ESCALATION_UNANSWERED and record.unanswered_at is None:
        record.unanswered_at = data.at
        record.alerted_rounds = max(record.alerted_rounds, data.round)


def _check_sign(sign: str | None) -> None:
    if sign is not None and sign not in CRISIS_SIGNS:
        raise ValueError(f"unknown crisis sign {sign!r}; expected one of {CRISIS_SIGNS}")


def _clean_note(note: str | None) -> str | None:
    if note is None:
        return None
    text = note.strip()
    return text or None
