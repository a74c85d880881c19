"""What happened to each escalation, debrief and report, in order: the console's timelines.

Every change a supervisor should see appends a row here in the transaction that makes the
change, so the newest sequence number (:func:`newest`) is also the console's signal that
its queue changed (the console's live stream waits on it, as long-polls wait on the feed).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from talentdesk_agency.store.engine import Database, Tx
from talentdesk_agency.store.records import iso, now_utc

__all__ = ["Moment", "Timeline", "What", "append", "newest"]


class What(enum.StrEnum):
    """What a timeline row says happened (the console translates ``timeline.<value>``)."""

    RAISED = "raised"
    FOLLOW_UP = "follow_up"
    CANCELLED = "cancelled"
    ALERTED_AGAIN = "alerted_again"
    UNANSWERED = "unanswered"
    REMINDED = "reminded"
    ACKNOWLEDGED = "acknowledged"
    RESOLVED = "resolved"
    DEBRIEF_REQUESTED = "debrief_requested"
    REPORT_FILED = "report_filed"
    REPORT_UPDATED = "report_updated"


@dataclass(frozen=True, slots=True)
class Moment:
    """One row of a timeline."""

    seq: int
    at: str
    subject: str
    what: What
    who: str | None
    detail: str | None


def append(
    tx: Tx, subject: str, what: What, *, who: str | None = None, detail: str | None = None
) -> None:
    """Add a row to ``subject``'s timeline (inside a write)."""
    tx.execute(
        "INSERT INTO timeline(at, subject, what, who, detail) VALUES (?, ?, ?, ?, ?)",
        (iso(now_utc()), subject, what, who, detail),
    )


def newest(tx: Tx) -> int:
    """The newest timeline row's sequence number (0 if none)."""
    row = tx.one("SELECT max(seq) FROM timeline")
    return int(row[0] or 0) if row else 0


class Timeline:
    """Reading timelines."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def newest(self) -> int:
        """The newest sequence number: it changes whenever the console's queue does."""
        with self._db.read() as tx:
            return newest(tx)

    def of(self, subject: str) -> list[Moment]:
        """``subject``'s timeline, oldest first."""
        with self._db.read() as tx:
            rows = tx.all(
                "SELECT seq, at, subject, what, who, detail FROM timeline WHERE subject = ? "
                "ORDER BY seq",
                (subject,),
            )
        return [Moment(r[0], r[1], r[2], What(r[3]), r[4], r[5]) for r in rows]
