"""Typed access to the vault: domain records in, domain records out.

Customer contacts are sealed under their booking's own data key; every other
record under the record key. A payload that authenticates but does not decode
into its type is reported like a damaged row, by name.
"""

from __future__ import annotations

from typing import Generic, TypeVar

import msgspec

from talentdesk.domain import RECORD_TYPES, CustomerContact, Record, record_id, record_kind
from talentdesk.vault.errors import RecordIntegrityError
from talentdesk.vault.store import IntegrityProblem, Vault

T = TypeVar("T", bound=Record)

_KIND_OF: dict[type, str] = {cls: kind for kind, cls in RECORD_TYPES.items()}


class Loaded(msgspec.Struct, Generic[T]):
    """Records of one type that could be read, and a named problem for each that could not."""

    items: list[T] = msgspec.field(default_factory=list)
    problems: list[IntegrityProblem] = msgspec.field(default_factory=list)


def kind_of(cls: type[Record] | type[T]) -> str:
    """The vault kind that stores ``cls``."""
    return _KIND_OF[cls]


class RecordStore:
    """Domain records over an open :class:`Vault`."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    def save(self, obj: Record) -> None:
        """Insert or replace one record (in the current transaction, if any)."""
        kind, rid = record_kind(obj), record_id(obj)
        payload = msgspec.json.encode(obj)
        if isinstance(obj, CustomerContact):
            self.vault.put_customer(obj.booking_id, kind, rid, payload)
        else:
            self.vault.put(kind, rid, payload)

    def load(self, cls: type[T], rid: str) -> T | None:
        """One record, or None.

        Raises:
            RecordIntegrityError: the record is damaged or does not decode.
        """
        kind = kind_of(cls)
        payload = self.vault.get(kind, rid)
        return None if payload is None else _decode(cls, kind, rid, payload)

    def load_all(self, cls: type[T]) -> Loaded[T]:
        """Every record of a type; damaged ones are reported, never dropped silently."""
        kind = kind_of(cls)
        listing = self.vault.read_all(kind)
        out: Loaded[T] = Loaded(problems=list(listing.problems))
        for rid, payload in listing.rows.items():
            try:
                out.items.append(_decode(cls, kind, rid, payload))
            except RecordIntegrityError as exc:
                out.problems.append(IntegrityProblem(exc.kind, exc.record_id, exc.reason))
        return out

    def delete(self, cls: type[Record], rid: str) -> bool:
        """Delete one record; returns whether it existed."""
        return self.vault.delete(kind_of(cls), rid)

    def shred_customer(self, booking_id: str) -> int:
        """Destroy a booking's customer data and its key (see :meth:`Vault.shred_booking`)."""
        return self.vault.shred_booking(booking_id)

    def check_all(self) -> list[IntegrityProblem]:
        """Authenticate every row and decode every typed one."""
        problems = self.vault.integrity_check()
        damaged = {(p.kind, p.record_id) for p in problems}
        for kind, cls in RECORD_TYPES.items():
            for rid, payload in self.vault.read_all(kind).rows.items():
                if (kind, rid) in damaged:
                    continue
                try:
                    _decode(cls, kind, rid, payload)
                except RecordIntegrityError as exc:
                    problems.append(IntegrityProblem(exc.kind, exc.record_id, exc.reason))
        return problems


def _decode(cls: type[T], kind: str, rid: str, payload: bytes) -> T:
    try:
        return msgspec.json.decode(payload, type=cls)
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        # The message names the field, never its value (it may be customer data).
        raise RecordIntegrityError(kind, rid, f"unreadable payload: {type(exc).__name__}") from None
