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
"""

from __future__ import annotations

import enum
import os
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

import msgspec

from talentdesk.listeners import Listeners
from talentdesk.sync.requests import REMOTE_ID, ROUTES, AgencyRequest
from talentdesk.vault import IntegrityProblem, Vault
from talentdesk_contract.values import OperationKind

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


def new_item_id() -> str:
    """Time-ordered and unique: nanoseconds since the epoch and 48 random bits."""
    return f"{time.time_ns():020d}-{os.urandom(6).hex()}"


class Outbox:
    """The outbox over a vault.

    Args:
        vault: the open vault.
        on_change: called (from whichever thread) after an item is added or changes state;
            the sender uses it to wake up, the UI to refresh.
    """

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self._changed: Listeners[[]] = Listeners("outbox")

    def subscribe(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` (from whichever thread) after an item is added or moves on."""
        self._changed.add(listener)

    def enqueue(self, request: AgencyRequest, *, ref: str, after: str | None = None) -> OutboxItem:
        """Queue ``request``. Call inside the vault transaction of the local change it
        belongs to.

        Args:
            request: what to ask of the agency.
            ref: the local thing it is about (a booking id, an escalation id).
            after: an item to deliver first (required when the request follows one).

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
        self._save(item)
        self._vault.after_commit(self._changed)
        return item

    def _save(self, item: OutboxItem) -> None:
        self._vault.put(KIND, item.id, msgspec.json.encode(item))

    def get(self, item_id: str) -> OutboxItem | None:
        payload = self._vault.get(KIND, item_id)
        return None if payload is None else msgspec.json.decode(payload, type=OutboxItem)

    def items(self) -> tuple[list[OutboxItem], list[IntegrityProblem]]:
        """Every item in sending order, and any that could not be read (named)."""
        listing = self._vault.read_all(KIND)
        out = [msgspec.json.decode(p, type=OutboxItem) for p in listing.rows.values()]
        out.sort(key=lambda i: i.sort_key)
        return out, listing.problems

    def pending(self) -> list[OutboxItem]:
        """Items that can be sent now, urgent first, then oldest first.

        An item waiting for another (``after``) is left out until that one is delivered;
        its path then gets the other's remote id (as its ``target``). If the other failed,
        so does this one.
        """
        items = self.items()[0]
        by_id = {i.id: i for i in items}
        ready = []
        for item in items:
            if item.state is not OutboxState.QUEUED:
                continue
            if item.after is not None:
                first = by_id.get(item.after)
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
        return sum(i.state is OutboxState.QUEUED for i in self.items()[0])

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
        item = self.get(item_id)
        if item is None or item.state is OutboxState.QUEUED:
            return False
        names = tuple(fields)
        item.body = _without(item.body, names) or "{}"
        item.response = _without(item.response, names)
        item.last_error = None
        self._save(item)
        return True

    def find_by_remote_id(self, remote_id: str) -> OutboxItem | None:
        for item in self.items()[0]:
            if item.remote_id == remote_id:
                return item
        return None
