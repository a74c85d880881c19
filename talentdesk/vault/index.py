"""In-memory indexes over one kind of sealed record, so a service need not read them all.

Records are sealed: the vault cannot be asked "which escalations are still waiting for
the agency's id?" without decrypting every one of them. A service that asks such a
question after every click keeps a :class:`RecordIndex` instead: built with one scan,
then kept current by every write the service makes itself. A write it did not see (a
shred, another object over the same vault) moves :meth:`Vault.generation` past what the
index knows, and a rolled-back transaction moves :attr:`Vault.rollbacks`; either makes
the next question scan once more. Only this process writes its vault (one instance per
data folder), so nothing else can move the records under it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from talentdesk.vault.store import Vault

__all__ = ["RecordIndex"]

T = TypeVar("T")


class RecordIndex(Generic[T]):
    """An index of type ``T`` over the records of one ``kind``.

    Args:
        vault: the open vault.
        kind: the record kind the index follows.
        build: makes the index from scratch (reads every record of ``kind``); called with
            the vault's lock held.
    """

    def __init__(self, vault: Vault, kind: str, build: Callable[[], T]) -> None:
        self._vault = vault
        self._kind = kind
        self._build = build
        self._value: T | None = None
        self._stamp: tuple[int, int] | None = None

    def _now(self) -> tuple[int, int]:
        return self._vault.generation(self._kind), self._vault.rollbacks

    def current(self) -> T:
        """The index, up to date (scanned again if a write it did not see came between).

        Holds the vault's lock while it looks, so no write comes between the scan and
        its stamp; the caller may hold it longer to read the index in one piece.
        """
        with self._vault.serialized():
            stamp = self._now()
            if self._value is None or self._stamp != stamp:
                self._value = self._build()
                self._stamp = stamp
            return self._value

    def wrote(self, change: Callable[[T], None]) -> None:
        """Apply ``change`` for one record just written through the owner (call it right
        after that one write, inside its transaction).

        If another write came between the last look and this one, the index is dropped
        instead and scanned again when next asked.
        """
        with self._vault.serialized():
            value, stamp = self._value, self._now()
            if value is None:
                return
            if self._stamp != (stamp[0] - 1, stamp[1]):
                self._value = self._stamp = None
                return
            change(value)
            self._stamp = stamp

    def forget(self) -> None:
        """Drop the index (it is scanned again when next asked)."""
        with self._vault.serialized():
            self._value = self._stamp = None
