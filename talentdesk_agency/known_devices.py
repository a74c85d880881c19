"""The device tokens one server process checked lately, so most requests need not ask.

A token checked against the database (:meth:`.Devices.authenticate`, which also notes
the device as seen) is known here for :data:`TRUST_SECONDS`. Writes still check it again
inside their own transaction; a renewed long-poll served from memory does not, which is
safe because revoking a device wakes and re-reads its talent in every process (see
:mod:`.wakeups`). Uses of a known token are gathered so that the devices' last-seen
times are written in one batch a minute (:meth:`KnownDevices.take_seen`), not once per
request.
"""

from __future__ import annotations

import time
from typing import Final

from talentdesk_agency.store.records import Talent, sha256

__all__ = ["TRUST_SECONDS", "KnownDevices"]

#: Seconds a checked token is known without asking the database again (a safety net:
#: a revocation reaches every process at once, by its notice).
TRUST_SECONDS: Final = 300.0
#: Tokens known at most (then forgotten all at once).
_SIZE: Final = 100_000


class KnownDevices:
    """Token -> talent for the tokens checked in the last :data:`TRUST_SECONDS`."""

    def __init__(self, trust_seconds: float = TRUST_SECONDS) -> None:
        self._trust = trust_seconds
        # Token -> (talent, its hash, when the check stops counting).
        self._known: dict[str, tuple[Talent, str, float]] = {}
        self._seen: set[str] = set()

    def __len__(self) -> int:
        return len(self._known)

    def talent(self, token: str) -> Talent | None:
        """The talent of a token checked lately, or None (then check it in the database).

        A hit counts as the device being seen (written by the next batch).
        """
        entry = self._known.get(token)
        if entry is None:
            return None
        if entry[2] <= time.monotonic():
            del self._known[token]
            return None
        self._seen.add(entry[1])
        return entry[0]

    def checked(self, token: str, talent: Talent) -> None:
        """The database just said ``token`` is ``talent``'s (and noted it as seen)."""
        if len(self._known) >= _SIZE:
            self._known.clear()
        self._known[token] = (talent, sha256(token), time.monotonic() + self._trust)

    def forget(self, token: str) -> None:
        """The token is revoked or unknown: ask the database next time."""
        self._known.pop(token, None)

    def take_seen(self) -> list[str]:
        """The hashes of the tokens used from memory since the last call."""
        seen, self._seen = self._seen, set()
        return sorted(seen)
