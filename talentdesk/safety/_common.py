"""Small pieces shared by the safety services: ids, listeners, and text removal."""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar

import msgspec

from talentdesk.listeners import Listeners
from talentdesk.sync.outbox import OutboxEntry, OutboxItem, OutboxState, new_item_id
from talentdesk.vault import Vault
from talentdesk_contract import wire

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Outbox states in which an item is settled: the sender will never write it again.
SETTLED = frozenset(
    {OutboxState.DELIVERED, OutboxState.ACKNOWLEDGED, OutboxState.RESOLVED, OutboxState.FAILED}
)
#: Outbox states in which the agency has the item.
REACHED = frozenset({OutboxState.DELIVERED, OutboxState.ACKNOWLEDGED, OutboxState.RESOLVED})


class Delivery(enum.StrEnum):
    """Whether the agency has an item (the values are keys the UI translates)."""

    QUEUED = "queued"  # on this device, waiting for the agency
    DELIVERED = "delivered"
    FAILED = "failed"  # refused by the agency (a 4xx): never retried


def delivery_of(item: OutboxItem | OutboxEntry | None) -> Delivery:
    """The :class:`Delivery` of an outbox item (a missing item counts as failed)."""
    if item is None or item.state is OutboxState.FAILED:
        return Delivery.FAILED
    if item.state is OutboxState.QUEUED:
        return Delivery.QUEUED
    return Delivery.DELIVERED


def utc_now() -> datetime:
    """The wall clock, UTC (the default ``now`` of every service)."""
    return datetime.now(UTC)


def new_local_id(prefix: str) -> str:
    """A time-ordered local id such as ``esc-00017...-a1b2c3``; also a valid wire ``Id``."""
    return f"{prefix}-{new_item_id()}"


def is_wire_id(value: str) -> bool:
    """Whether ``value`` is an id the Agency API accepts (``wire.Id``)."""
    try:
        msgspec.convert(value, type=wire.Id, strict=True)
    except msgspec.ValidationError:
        return False
    return True


def validated(request: T) -> T:
    """Check a request struct against its wire constraints before it is queued.

    msgspec checks lengths and patterns only when decoding, so a request built in code is
    round-tripped once: a request the agency would refuse with 422 is caught here, where
    the talent can still be told, instead of failing in the outbox later.

    Raises:
        msgspec.ValidationError: If a field breaks its constraint.
    """
    return wire.decode(wire.encode(request), type(request))


class DurableChanges:
    """``subscribe`` for a service whose listeners hear of a change once it is durable.

    Args:
        vault: the vault whose commit makes a change durable.
        name: what changes, for the log when a listener fails.
    """

    def __init__(self, vault: Vault, name: str) -> None:
        self.vault = vault
        self._listeners: Listeners[[]] = Listeners(name)

    def subscribe(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` (from any thread) after a change is committed."""
        self._listeners.add(listener)

    def _changed(self) -> None:
        self.vault.after_commit(self._listeners)


def checkpoint_after_commit(vault: Vault) -> None:
    """Checkpoint and truncate the WAL once the current transaction (if any) commits.

    After free text is removed, so the old pages do not linger in the ``-wal`` file (the
    main file zeroes freed pages itself: the vault runs with ``secure_delete=ON``).
    """
    vault.after_commit(vault.checkpoint)
