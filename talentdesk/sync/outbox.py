"""The outbox: writes to the agency, durable before any network call.

A service writes an item in the same vault transaction as its local change
(a booking accepted, an escalation raised); the sender thread delivers it
later with the item's id as the ``Idempotency-Key``, so a crash or a retry
can never deliver it twice. Items are sealed like every vault record.
"""

from __future__ import annotations

import enum
import os
import threading
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

import msgspec

from talentdesk.vault import IntegrityProblem, Vault

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
        kind: what it is ("booking_answer", "session_event", "escalation", ...).
        ref: the local thing it is about (a booking id, an escalation id).
        urgent: sent before anything else, retried with a backoff capped near 2 s.
        body: the JSON request body, as sent.
        after: another item that must be delivered first; ``{remote_id}`` in ``path`` is
            replaced by that item's remote id (a follow-up to an escalation whose agency id
            is not known until the escalation is delivered).
        remote_id: the agency's id for what was created, once delivered.
        response: the agency's JSON answer, once delivered.
    """

    id: str
    kind: str
    ref: str
    method: str
    path: str
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
        self._listeners: list[Callable[[], None]] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Callable[[], None]) -> None:
        with self._lock:
            self._listeners.append(listener)

    def _changed(self) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener()

    def enqueue(
        self,
        kind: str,
        ref: str,
        method: str,
        path: str,
        body: bytes,
        *,
        urgent: bool = False,
        after: str | None = None,
    ) -> OutboxItem:
        """Add an item. Call inside the vault transaction of the local change it belongs to.

        Listeners hear of it once the vault lock is free, i.e. after that transaction.
        """
        item = OutboxItem(
            id=new_item_id(),
            kind=kind,
            ref=ref,
            method=method,
            path=path,
            body=body.decode("utf-8"),
            urgent=urgent,
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
        its path then gets the other's remote id. If the other failed, so does this one.
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
                if "{remote_id}" in item.path:
                    if first.remote_id is None:
                        self.mark_failed(item, "the agency gave the item it follows no id")
                        continue
                    item.path = item.path.replace("{remote_id}", first.remote_id)
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
