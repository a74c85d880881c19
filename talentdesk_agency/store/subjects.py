"""What an id in the audit log names: an escalation, a debrief request, a report, a
device or a booking, with the talent's working name and when (never a customer's data).

The audit log keeps the id a staff action was about (``esc_…``, ``rep_…``, ``dev_…``);
the console shows it in words (:func:`talentdesk_agency.console.views.audit_target`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from talentdesk_agency.store.engine import Tx

__all__ = ["ID_KINDS", "Subject", "kind_of", "subjects"]

#: An id's prefix and the kind of thing it names.
ID_KINDS: Final = {
    "esc_": "escalation",
    "deb_": "debrief",
    "rep_": "report",
    "dev_": "device",
    "bk_": "booking",
}


@dataclass(frozen=True, slots=True)
class Subject:
    """What an id names.

    Attributes:
        kind: One of :data:`ID_KINDS`' values.
        talent: The talent's working name.
        at: When it was raised (escalation, debrief) or starts (booking); None for the rest.
        detail: A report's category or a device's name; None for the rest.
    """

    kind: str
    talent: str
    at: str | None = None
    detail: str | None = None


#: An id as the store makes them (``new_id``, ``device_id``): a prefix, 16 hex digits.
_ID: Final = re.compile(r"([a-z]+_)[0-9a-f]{16}")


def kind_of(target: str | None) -> str | None:
    """The kind of thing ``target`` names, or None (a name, such as a talent's working
    name or a staff account's, even one that looks like a prefix)."""
    found = _ID.fullmatch(target or "")
    return None if found is None else ID_KINDS.get(found.group(1))


def _marks(count: int) -> str:
    return ", ".join("?" * count)


def subjects(tx: Tx, targets: Iterable[str | None]) -> dict[str, Subject]:
    """What each id among ``targets`` names; an id whose row is gone is left out."""
    by_kind: dict[str, list[str]] = {}
    for target in {t for t in targets if t}:
        kind = kind_of(target)
        if kind is not None:
            by_kind.setdefault(kind, []).append(target)
    found: dict[str, Subject] = {}
    for kind, sql in (
        (
            "escalation",
            "SELECT e.id, t.display_name, e.created_at, NULL FROM escalations e "
            "JOIN talents t ON t.id = e.talent_id WHERE e.id IN ({})",
        ),
        (
            "debrief",
            "SELECT d.id, t.display_name, d.created_at, NULL FROM debriefs d "
            "JOIN talents t ON t.id = d.talent_id WHERE d.id IN ({})",
        ),
        (
            "report",
            "SELECT r.id, t.display_name, NULL, r.category FROM reports r "
            "JOIN talents t ON t.id = r.talent_id WHERE r.id IN ({})",
        ),
        (
            "booking",
            "SELECT b.id, t.display_name, b.start, NULL FROM bookings b "
            "JOIN talents t ON t.id = b.talent_id WHERE b.id IN ({})",
        ),
    ):
        ids = by_kind.get(kind)
        if ids:
            for row in tx.all(sql.format(_marks(len(ids))), ids):
                found[str(row[0])] = Subject(kind, str(row[1]), row[2], row[3])
    devices = by_kind.get("device")
    if devices:
        prefixes = [d.removeprefix("dev_") for d in devices]
        sql = (
            "SELECT substr(k.token_hash, 1, 16), t.display_name, k.device_name FROM tokens k "
            "JOIN talents t ON t.id = k.talent_id WHERE substr(k.token_hash, 1, 16) IN ({})"
        )
        rows = tx.all(sql.format(_marks(len(prefixes))), prefixes)
        for row in rows:
            found["dev_" + str(row[0])] = Subject("device", str(row[1]), None, str(row[2]))
    return found
