"""The outbox: writes to the agency, durable before any network call.

A service writes an item in the same vault transaction as its local change
(a booking accepted, an escalation raised); the sender thread delivers it
later with the item's id as the ``Idempotency-Key``, so a crash or a retry
can never deliver it twice. Items are sealed like every vault record.

A service queues a typed request (:mod:`talentdesk.sync.requests`): an item stores its
operation kind, the path's parameter and the body, and the route gives the method and
path. Items queued before the typed requests stored their method and path themselves;
those are still read and delivered as they were written
(``tests/fixtures/vault-outbox-v1.sqlite3``).

An item carrying what the talent typed during a session (an escalation note, a report)
is sealed under that session's booking data key (``seal_for``); when the session's
customer data is shredded, the item is kept under the record key, its typed text
stripped once the agency has it (:meth:`Outbox.keep_on_shred`).

**Constant cost.** Sending, counting and finding an item by the agency's id never read
every item: an in-memory index (state, urgency, order, the agency's id) is built with one
scan and then kept up to date by every write made through this outbox; a write it did
not see (another ``Outbox`` over the vault, a shred) or a rolled-back transaction makes
it scan once more (:meth:`Vault.generation`, :attr:`Vault.rollbacks`).
"""

from __future__ import annotations

import enum
import logging
import os
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

import msgspec

from talentdesk.listeners import Listeners
from talentdesk.sync.requests import REMOTE_ID, ROUTES, TYPED_FIELDS, AgencyRequest
from talentdesk.vault import IntegrityProblem, RecordIntegrityError, Vault, VaultLocked
from talentdesk.vault.index import RecordIndex
from talentdesk_contract.values import OperationKind

log = logging.getLogger(__name__)

KIND = "outbox"


class OutboxState(enum.StrEnum):
    """What the talent sees of an item."""

    QUEUED = "queued"
    DELIVERED = "delivered"
    ACKNOWLEDGED = "acknowledged"
    RESOLVED = "resolved"
    FAILED = "failed"  # refused by the agency (a 4xx): shown, never retried


class OutboxItem(msgspec.Struct, kw_only=True):
    """One write waiting for (or done with) the agency.

    Attributes:
        id: sortable by creation; also the ``Idempotency-Key``.
        kind: the operation (answer a booking, a session event, an escalation...).
        ref: the local thing it is about (a booking id, an escalation id).
        target: the path's parameter (a booking id; the agency's id of the escalation a
            follow-up is about, once known).
        urgent: sent before anything else, retried with a backoff capped near 2 s.
        body: the JSON request body, as sent.
        after: another item that must be delivered first; its remote id becomes this
            item's ``target`` (a follow-up to an escalation whose agency id is not known
            until the escalation is delivered).
        remote_id: the agency's id for what was created, once delivered.
        response: the agency's JSON answer, once delivered.
        stored_method, stored_path: only in items queued before the typed requests,
            which stored their method and path (``{remote_id}`` standing for ``after``'s).
    """

    id: str
    kind: OperationKind
    ref: str
    target: str | None = None
    stored_method: str | None = msgspec.field(default=None, name="method")
    stored_path: str | None = msgspec.field(default=None, name="path")
    body: str
    urgent: bool = False
    after: str | None = None
    created_at: datetime
    state: OutboxState = OutboxState.QUEUED
    attempts: int = 0
    last_error: str | None = None
    delivered_at: datetime | None = None
    remote_id: str | None = None
    response: str | None = None

    @property
    def sort_key(self) -> tuple[int, str]:
        return (0 if self.urgent else 1, self.id)

    @property
    def method(self) -> str:
        """The HTTP method it is sent with."""
        return self.stored_method or ROUTES[self.kind].method

    @property
    def path(self) -> str:
        """The path it is sent to (``{remote_id}`` while ``after``'s id is not known)."""
        if self.stored_path is not None:
            if self.target is not None:
                return self.stored_path.replace(REMOTE_ID, self.target)
            return self.stored_path
        return ROUTES[self.kind].path(self.target)

    @property
    def waits_for_remote_id(self) -> bool:
        """Whether its path needs the agency's id of ``after``, not known yet."""
        return REMOTE_ID in self.path


def _without(text: str | None, fields: tuple[str, ...]) -> str | None:
    if text is None:
        return None
    try:
        value: Any = msgspec.json.decode(text)
    except msgspec.DecodeError:
        return "{}"
    if not isinstance(value, dict):
        return "{}"
    for name in fields:
        value.pop(name, None)
    return msgspec.json.encode(value).decode()


def without_typed_text(item: OutboxItem) -> OutboxItem:
    """``item`` with what the talent typed removed from its body and the agency's answer
    (and its last error, which may quote what was sent)."""
    fields = TYPED_FIELDS.get(item.kind, ())
    if not fields:
        return item
    return msgspec.structs.replace(
        item,
        body=_without(item.body, fields) or "{}",
        response=_without(item.response, fields),
        last_error=None,
    )


class OutboxEntry(msgspec.Struct, frozen=True):
    """What the outbox's index knows of one item: where it is, not what it says.

    Attributes:
        attempts: failed delivery attempts so far.
        last_error: the machine reason of the last failed attempt, or the agency's words
            once it refused the item.
    """

    kind: OperationKind
    ref: str
    state: OutboxState
    urgent: bool
    after: str | None
    remote_id: str | None
    attempts: int
    last_error: str | None

    @classmethod
    def of(cls, item: OutboxItem) -> OutboxEntry:
        return cls(
            item.kind,
            item.ref,
            item.state,
            item.urgent,
            item.after,
            item.remote_id,
            item.attempts,
            item.last_error,
        )


_Entry = OutboxEntry


class _Index(msgspec.Struct):
    entries: dict[str, _Entry] = msgspec.field(default_factory=dict)
    by_remote: dict[str, str] = msgspec.field(default_factory=dict)
    by_ref: dict[tuple[OperationKind, str], str] = msgspec.field(default_factory=dict)  # the newest
    queued: set[str] = msgspec.field(default_factory=set)
    failed: set[str] = msgspec.field(default_factory=set)

    def put(self, item_id: str, entry: _Entry) -> None:
        self.entries[item_id] = entry
        if entry.remote_id is not None:
            self.by_remote[entry.remote_id] = item_id
        key = (entry.kind, entry.ref)
        if item_id > self.by_ref.get(key, ""):
            self.by_ref[key] = item_id
        for group, state in ((self.queued, OutboxState.QUEUED), (self.failed, OutboxState.FAILED)):
            if entry.state is state:
                group.add(item_id)
            else:
                group.discard(item_id)


def new_item_id() -> str:
    """Time-ordered and unique: nanoseconds since the epoch and 48 random bits."""
    return f"{time.time_ns():020d}-{os.urandom(6).hex()}"


class Outbox:
    """The outbox over a vault.

    Args:
        vault: the open vault.
    """

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self._changed: Listeners[[]] = Listeners("outbox")
        self._index = RecordIndex(vault, KIND, self._scan)
        vault.keep_on_shred(KIND, self._kept_on_shred)

    def subscribe(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` (from whichever thread) after an item is added or moves on."""
        self._changed.add(listener)

    def enqueue(
        self,
        request: AgencyRequest,
        *,
        ref: str,
        after: str | None = None,
        seal_for: str | None = None,
    ) -> OutboxItem:
        """Queue ``request``. Call inside the vault transaction of the local change it
        belongs to.

        Args:
            request: what to ask of the agency.
            ref: the local thing it is about (a booking id, an escalation id).
            after: an item to deliver first (required when the request follows one).
            seal_for: the booking whose session the request's text was typed in: sealed
                under its data key while the session's customer data exists.

        Listeners hear of it once the vault lock is free, i.e. after that transaction.

        Raises:
            ValueError: a request that follows another one without ``after``.
        """
        if request.follows and after is None:
            raise ValueError(f"a {request.kind} request follows another item: give after")
        item = OutboxItem(
            id=new_item_id(),
            kind=request.kind,
            ref=ref,
            target=request.target,
            body=request.encode().decode("utf-8"),
            urgent=request.urgent,
            after=after,
            created_at=datetime.now(UTC),
        )
        vault = self._vault
        with vault.transaction():
            payload = msgspec.json.encode(item)
            if seal_for is not None:
                vault.put_typed(seal_for, KIND, item.id, payload)
            else:
                vault.put(KIND, item.id, payload)
            self._indexed(item)
        vault.after_commit(self._changed)
        return item

    def _save(self, item: OutboxItem) -> None:
        """Write an item that moved on, under the key it is sealed with now."""
        with self._vault.transaction():
            if self._vault.update(KIND, item.id, msgspec.json.encode(item)):
                self._indexed(item)
            else:  # shredded meanwhile with its session (it needed nothing sending)
                self._index.forget()

    def get(self, item_id: str) -> OutboxItem | None:
        payload = self._vault.get(KIND, item_id)
        return None if payload is None else msgspec.json.decode(payload, type=OutboxItem)

    def items(self) -> tuple[list[OutboxItem], list[IntegrityProblem]]:
        """Every item in sending order, and any that could not be read (named).

        Reads every item: for the doctor and the tests. The sender and the services use
        the index (:meth:`pending`, :meth:`counts`, :meth:`latest_for`).
        """
        listing = self._vault.read_all(KIND)
        out = [msgspec.json.decode(p, type=OutboxItem) for p in listing.rows.values()]
        out.sort(key=lambda i: i.sort_key)
        return out, listing.problems

    # ------------------------------------------------------------------ the index

    def _scan(self) -> _Index:
        index = _Index()
        for item in self.items()[0]:
            index.put(item.id, _Entry.of(item))
        return index

    def _indexed(self, item: OutboxItem) -> None:
        entry = _Entry.of(item)
        self._index.wrote(lambda index: index.put(item.id, entry))

    def _queued(self) -> tuple[list[str], dict[str, _Entry]]:
        """The queued items in sending order, and the entries of what they follow."""
        with self._vault.serialized():
            index = self._index.current()
            queued = sorted(index.queued, key=lambda i: (0 if index.entries[i].urgent else 1, i))
            firsts = {}
            for item_id in queued:
                after = index.entries[item_id].after
                if after is not None and after in index.entries:
                    firsts[after] = index.entries[after]
            return queued, firsts

    def _load(self, item_id: str) -> OutboxItem | None:
        """One item for the sender; one it cannot read now is left for later (logged)."""
        try:
            return self.get(item_id)
        except VaultLocked:
            return None  # another session's text while the vault is guarded: after unlock
        except (RecordIntegrityError, msgspec.DecodeError):
            log.warning("outbox item %s is unreadable", item_id)
            return None

    def pending(self) -> list[OutboxItem]:
        """Items that can be sent now, urgent first, then oldest first.

        An item waiting for another (``after``) is left out until that one is delivered;
        its path then gets the other's remote id (as its ``target``). If the other failed,
        so does this one.
        """
        queued, firsts = self._queued()
        ready = []
        for item_id in queued:
            item = self._load(item_id)
            if item is None or item.state is not OutboxState.QUEUED:
                continue
            if item.after is not None:
                first = firsts.get(item.after)
                if first is None or first.state is OutboxState.FAILED:
                    self.mark_failed(item, "the item it follows was refused or is missing")
                    continue
                if first.state is OutboxState.QUEUED:
                    continue
                if item.waits_for_remote_id:
                    if first.remote_id is None:
                        self.mark_failed(item, "the agency gave the item it follows no id")
                        continue
                    item.target = first.remote_id
            ready.append(item)
        return ready

    def waiting(self) -> int:
        """How many items are not yet delivered (including those waiting for another)."""
        return self.counts()[0]

    def counts(self) -> tuple[int, int]:
        """How many items are queued, and how many the agency refused."""
        with self._vault.serialized():
            index = self._index.current()
            return len(index.queued), len(index.failed)

    def state_of(self, item_id: str) -> OutboxState | None:
        """An item's state, from the index (no decryption); None if there is no such item."""
        entry = self.entry(item_id)
        return None if entry is None else entry.state

    def entry(self, item_id: str) -> OutboxEntry | None:
        """Where an item is, from the index (no decryption); None if there is no such item."""
        with self._vault.serialized():
            return self._index.current().entries.get(item_id)

    def entries(self, item_ids: Iterable[str]) -> dict[str, OutboxEntry]:
        """Where each of ``item_ids`` is (those that exist), from the index."""
        with self._vault.serialized():
            entries = self._index.current().entries
            return {i: entries[i] for i in item_ids if i in entries}

    def latest_for(self, kind: OperationKind, refs: Iterable[str]) -> dict[str, OutboxItem]:
        """The newest item of ``kind`` about each of ``refs`` (those that have one)."""
        with self._vault.serialized():
            by_ref = self._index.current().by_ref
            newest = {ref: by_ref[(kind, ref)] for ref in set(refs) if (kind, ref) in by_ref}
        found: dict[str, OutboxItem] = {}
        for ref, item_id in newest.items():
            item = self._load(item_id)
            if item is not None:
                found[ref] = item
        return found

    def find_by_remote_id(self, remote_id: str) -> OutboxItem | None:
        with self._vault.serialized():
            item_id = self._index.current().by_remote.get(remote_id)
        return None if item_id is None else self.get(item_id)

    # ------------------------------------------------------------------ moving on

    def mark_delivered(self, item: OutboxItem, response: bytes, remote_id: str | None) -> None:
        item.state = OutboxState.DELIVERED
        item.delivered_at = datetime.now(UTC)
        item.response = response.decode("utf-8", "replace")
        item.remote_id = remote_id
        item.last_error = None
        self._save(item)
        self._changed()

    def mark_attempt(self, item: OutboxItem, error: str) -> None:
        item.attempts += 1
        item.last_error = error
        self._save(item)
        self._changed()

    def mark_failed(self, item: OutboxItem, error: str) -> None:
        item.state = OutboxState.FAILED
        item.last_error = error
        self._save(item)
        self._changed()

    def set_state(self, item_id: str, state: OutboxState) -> OutboxItem | None:
        """Move a delivered item on (acknowledged, resolved), as the agency's feed says."""
        with self._vault.transaction():
            item = self.get(item_id)
            if item is None:
                return None
            item.state = state
            self._save(item)
        self._vault.after_commit(self._changed)
        return item

    def redact(self, item_id: str, fields: Iterable[str]) -> bool:
        """Remove top-level ``fields`` from a settled item's body and the agency's answer.

        For the talent's free text (a report's description, an escalation note) once
        it is no longer needed. Only settled items (delivered or later, or failed) are
        touched: the sender never writes those again, so this cannot race with it.
        Body or answer that is not a JSON object is replaced by ``{}``, as it cannot be
        checked. The last error is cleared too (a refusal may quote what was sent).

        Returns:
            Whether the item existed, was settled and was rewritten.
        """
        with self._vault.transaction():
            item = self.get(item_id)
            if item is None or item.state is OutboxState.QUEUED:
                return False
            names = tuple(fields)
            item.body = _without(item.body, names) or "{}"
            item.response = _without(item.response, names)
            item.last_error = None
            self._save(item)
            return True

    def _kept_on_shred(self, _item_id: str, payload: bytes) -> bytes | None:
        """What a session's shred keeps of an item sealed with it (:meth:`Vault.shred_booking`).

        A queued item is kept whole: the agency must still get it (its text is removed
        once delivered, as for any item typed after a session). A settled one loses what
        the talent typed.
        """
        try:
            item = msgspec.json.decode(payload, type=OutboxItem)
        except msgspec.DecodeError:
            return None
        if item.state is OutboxState.QUEUED:
            return payload
        return msgspec.json.encode(without_typed_text(item))
