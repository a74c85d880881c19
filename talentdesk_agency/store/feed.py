"""Each talent's event feed: appended in the writer's transaction, read by sequence number.

Exactly once, in order: an event commits together with the change it tells of, and
sequence numbers become visible in the order they were given (:meth:`.Dialect.lock_feeds`),
so a reader's cursor never passes an event that is still to appear.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import msgspec

from talentdesk_agency.problems import AgencyError
from talentdesk_agency.store.engine import Database, Tx
from talentdesk_agency.store.records import FeedRow, iso, now_utc

if TYPE_CHECKING:
    from talentdesk_agency.store.devices import Devices

__all__ = [
    "ESCALATIONS_TOPIC",
    "FEED_PAGE_SOFT_BYTES",
    "Feed",
    "append",
    "lock",
    "talent_of",
    "talent_topic",
]

#: A feed page stops growing past this many bytes of event data (but holds at least one).
FEED_PAGE_SOFT_BYTES: Final = 1024 * 1024
#: The wake-up topic of any change to escalations (what supervisors watch).
ESCALATIONS_TOPIC: Final = "escalations"
_TALENT_PREFIX: Final = "talent:"
#: Talents per query of a catch-up (a bound on the statement's parameters).
_CATCH_UP_CHUNK: Final = 500


def talent_topic(talent_id: str) -> str:
    """The wake-up topic of a talent's feed (its sequence numbers order it)."""
    return _TALENT_PREFIX + talent_id


def talent_of(topic: str) -> str | None:
    """The talent whose feed ``topic`` is (:func:`talent_topic`), or None for another topic."""
    return topic.removeprefix(_TALENT_PREFIX) if topic.startswith(_TALENT_PREFIX) else None


def lock(tx: Tx, talent_id: str) -> None:
    """Take the feed-append lock for the rest of the transaction (before reading what the
    events will say, where a concurrent writer could change it)."""
    tx.dialect.lock_feeds(tx, talent_id)


def append(tx: Tx, talent_id: str, kind: str, data: bytes, booking_id: str | None = None) -> int:
    """Append an event to a talent's feed (inside a write). Returns its sequence number."""
    lock(tx, talent_id)
    row = tx.returning(
        "INSERT INTO events(talent_id, type, at, data, booking_id) VALUES (?, ?, ?, ?, ?) "
        "RETURNING seq",
        (talent_id, kind, iso(now_utc()), data.decode("utf-8"), booking_id),
    )
    seq = int(row[0])
    tx.notify(talent_topic(talent_id), seq)
    return seq


class Feed:
    """Reading feeds, and raw events for testing clients."""

    def __init__(self, db: Database, devices: Devices) -> None:
        self._db = db
        self._devices = devices

    def max_seq(self) -> int:
        """The highest sequence number of any feed (0 when all are empty)."""
        with self._db.read() as tx:
            row = tx.one("SELECT max(seq) FROM events")
        return int(row[0] or 0) if row else 0

    def newest_by_talent(self, after: int) -> list[tuple[str, int]]:
        """(talent id, newest sequence number) of every feed that grew past ``after``:
        how one process learns, by polling, which feeds another process appended to."""
        with self._db.read() as tx:
            rows = tx.all(
                "SELECT talent_id, max(seq) FROM events WHERE seq > ? GROUP BY talent_id",
                (after,),
            )
        return [(str(talent_id), int(seq)) for talent_id, seq in rows]

    def catch_up(self, topics: list[str], revoked_since: str) -> tuple[dict[str, int], list[str]]:
        """What a wake-up listener back after a loss reads, in one read: the newest
        sequence number of each talent topic among ``topics`` whose feed has any, and the
        topics of the talents with a device revoked at or after ``revoked_since``."""
        talents = sorted({t for t in map(talent_of, topics) if t is not None})
        newest: dict[str, int] = {}
        with self._db.read() as tx:
            for start in range(0, len(talents), _CATCH_UP_CHUNK):
                chunk = talents[start : start + _CATCH_UP_CHUNK]
                marks = ", ".join("?" * len(chunk))
                rows = tx.all(
                    f"SELECT talent_id, max(seq) FROM events WHERE talent_id IN ({marks}) "  # noqa: S608 - placeholders only
                    "GROUP BY talent_id",
                    tuple(chunk),
                )
                newest.update((talent_topic(str(t)), int(seq)) for t, seq in rows)
            revoked = tx.all(
                "SELECT DISTINCT talent_id FROM tokens WHERE revoked_at >= ?", (revoked_since,)
            )
        return newest, [talent_topic(str(row[0])) for row in revoked]

    def page_or_newest(
        self, talent_id: str, after: int, limit: int
    ) -> tuple[list[FeedRow], int | None]:
        """:meth:`page`, and :meth:`max_seq` too when the page is empty (one connection:
        what a long-poll asks first, to tell an idle feed from a cursor beyond the end)."""
        with self._db.read():
            rows = self.page(talent_id, after, limit)
            return rows, None if rows else self.max_seq()

    def page(self, talent_id: str, after: int, limit: int) -> list[FeedRow]:
        """A talent's events after ``after``, oldest first, at most ``limit`` of them.

        The page also stops once it holds about a megabyte, so it stays well under the
        response size limit whatever the events hold.
        """
        page: list[FeedRow] = []
        size = 0
        with self._db.read() as tx:
            cursor = tx.execute(
                "SELECT seq, type, at, data FROM events WHERE talent_id = ? AND seq > ? "
                "ORDER BY seq LIMIT ?",
                (talent_id, after, limit),
            )
            while (row := cursor.fetchone()) is not None:
                seq, kind, at, data = row
                encoded = data.encode("utf-8")
                if page and size + len(encoded) > FEED_PAGE_SOFT_BYTES:
                    break
                size += len(encoded)
                page.append(FeedRow(seq=seq, type=kind, at=at, data=encoded))
        return page

    def inject_event(self, talent_name: str, kind: str, data: str) -> int:
        """Append a raw event to a talent's feed, unchecked (for testing clients).

        Raises:
            AgencyError: If the talent is unknown, the type is empty or too long, or the
                data is not JSON.
        """
        if not 1 <= len(kind) <= 64:
            raise AgencyError("the event type must be 1 to 64 characters long")
        try:
            msgspec.json.decode(data)
        except msgspec.DecodeError as exc:
            raise AgencyError(f"the event data is not JSON: {exc}") from exc
        talent = self._devices.talent_by_name(talent_name)
        with self._db.write() as tx:
            return append(tx, talent.id, kind, data.encode("utf-8"))
