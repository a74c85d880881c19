"""The night summary: sessions, hours and earnings, from SessionRecords only.

**What a "night" is.** Shifts pass midnight, so a calendar day would split one shift
in two. A night runs from 12:00 (noon) local time to 12:00 the next day, and is named
by the date of its evening: a session started at 23:30 on 4 March and one started at
01:15 on 5 March both belong to the night of 4 March. A session counts in the night
in which it *started*. Local time is the talent's (the system's zone unless one is
given), with its daylight-saving rules.

**Tonight** is the night that contains now; **the week** is tonight and the six
nights before it; the per-night series covers the same seven nights, oldest first,
nights without sessions included (for a chart).

**The shift** is what the talent means by "tonight": sessions less than
:data:`SHIFT_GAP` apart belong to one shift, whatever the clock says. The summary
shows the shift in progress (its last session ended less than that gap ago, so the
next one would join it) or else the last one, so a session that ends at 12:14 still
counts with the rest of its shift.

**Earnings** are the package prices of every session except those with the outcome
``cancelled``, as booked; the agency's own statement is what gets paid. **Hours** are
the measured (monotonic) durations.

Only :class:`SessionRecord` is read: nothing about any customer is involved.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Final

import msgspec

from talentdesk.domain import SessionOutcome, SessionRecord
from talentdesk.sessions._common import WallClock, system_wall
from talentdesk.sessions.terms import FLAG_OVERTIME
from talentdesk.vault import IntegrityProblem, Vault
from talentdesk.vault.records import RecordStore

__all__ = [
    "NIGHT_STARTS_AT",
    "SHIFT_GAP",
    "WEEK_NIGHTS",
    "NightSummaries",
    "NightSummary",
    "NightTotals",
    "Shift",
    "Totals",
    "last_shift",
    "night_bounds",
    "night_of",
    "summarize",
]

#: Local time at which one night ends and the next begins.
NIGHT_STARTS_AT: Final = time(12, 0)
WEEK_NIGHTS: Final = 7
#: Sessions less than this apart belong to one shift.
SHIFT_GAP: Final = timedelta(hours=6)
_HALF_DAY: Final = timedelta(hours=12)
_UNPAID: Final = frozenset({SessionOutcome.CANCELLED})


def _local(moment: datetime, tz: tzinfo | None) -> datetime:
    # astimezone() without a zone uses the system's rules for that very moment (DST-aware).
    return moment.astimezone(tz) if tz is not None else moment.astimezone()


def night_of(moment: datetime, tz: tzinfo | None = None) -> date:
    """The night a moment belongs to, named by its evening's date.

    Args:
        moment: A timezone-aware moment.
        tz: The talent's zone; None for the system's.
    """
    # Wall-clock arithmetic on the local time: 12 hours back from noon is midnight.
    return (_local(moment, tz).replace(tzinfo=None) - _HALF_DAY).date()


def night_bounds(night: date, tz: tzinfo | None = None) -> tuple[datetime, datetime]:
    """The half-open interval ``[start, end)`` of a night, as aware datetimes."""
    start = datetime.combine(night, NIGHT_STARTS_AT)
    end = datetime.combine(night + timedelta(days=1), NIGHT_STARTS_AT)
    if tz is None:
        return start.astimezone(), end.astimezone()
    return start.replace(tzinfo=tz), end.replace(tzinfo=tz)


class Totals(msgspec.Struct, frozen=True):
    """Sums over some sessions.

    Attributes:
        sessions: How many sessions.
        seconds: Measured session time.
        earnings_idr: Package prices, in rupiah (cancelled sessions excluded).
        overtime_sessions: Sessions flagged ``overtime`` (ran past their booked length).
    """

    sessions: int = 0
    seconds: float = 0.0
    earnings_idr: int = 0
    overtime_sessions: int = 0

    @property
    def hours(self) -> float:
        """Measured session time in hours."""
        return self.seconds / 3600

    def plus(self, record: SessionRecord) -> Totals:
        """These totals with one more session."""
        return Totals(
            sessions=self.sessions + 1,
            seconds=self.seconds + record.actual_seconds,
            earnings_idr=self.earnings_idr + (0 if record.outcome in _UNPAID else record.price_idr),
            overtime_sessions=self.overtime_sessions + (1 if FLAG_OVERTIME in record.flags else 0),
        )


class NightTotals(msgspec.Struct, frozen=True):
    """One night of the series."""

    night: date
    totals: Totals


class Shift(msgspec.Struct, frozen=True):
    """One shift: sessions less than :data:`SHIFT_GAP` apart.

    Attributes:
        started_at: When its first session started.
        ended_at: When its last session ended.
        totals: Its sessions, time and earnings.
        in_progress: Its last session ended less than the gap ago (a next session
            would still belong to it).
    """

    started_at: datetime
    ended_at: datetime
    totals: Totals
    in_progress: bool


def last_shift(
    records: Iterable[SessionRecord], now: datetime, gap: timedelta = SHIFT_GAP
) -> Shift | None:
    """The shift in progress at ``now``, or else the last one; None before any session.

    Sessions that started after ``now`` (a clock set back) are left out.
    """
    ordered = sorted((r for r in records if r.started_at <= now), key=lambda r: r.started_at)
    start: datetime | None = None
    end: datetime | None = None
    totals = Totals()
    for record in ordered:
        if end is None or record.started_at - end > gap:
            start, end, totals = record.started_at, record.ended_at, Totals()
        end = max(end, record.ended_at)
        totals = totals.plus(record)
    if start is None or end is None:
        return None
    return Shift(start, end, totals, in_progress=now - end < gap)


class NightSummary(msgspec.Struct, frozen=True):
    """Tonight, the week, and the week night by night; the shift in progress or the last one.

    Attributes:
        tonight: The night that contains now.
        week: Tonight and the six nights before.
        nights: The same seven nights, oldest first, empty nights included.
        problems: Session records that could not be read (named, never dropped silently).
        shift: The shift in progress or the last one (None before the first session).
    """

    tonight: NightTotals
    week: Totals
    nights: tuple[NightTotals, ...]
    problems: tuple[IntegrityProblem, ...] = msgspec.field(default=())
    shift: Shift | None = None


def summarize(
    records: Iterable[SessionRecord],
    now: datetime,
    tz: tzinfo | None = None,
    nights: int = WEEK_NIGHTS,
) -> NightSummary:
    """Sum session records by night (a pure function of its arguments).

    Args:
        records: Session records (others than those of the last ``nights`` are ignored).
        now: The moment "tonight" is taken from (aware).
        tz: The talent's zone; None for the system's.
        nights: Length of the series, tonight included.
    """
    tonight = night_of(now, tz)
    series = [tonight - timedelta(days=n) for n in range(nights - 1, -1, -1)]
    per_night = dict.fromkeys(series, Totals())
    records = list(records)
    for record in records:
        night = night_of(record.started_at, tz)
        if night in per_night:
            per_night[night] = per_night[night].plus(record)
    week = Totals(
        sessions=sum(t.sessions for t in per_night.values()),
        seconds=sum(t.seconds for t in per_night.values()),
        earnings_idr=sum(t.earnings_idr for t in per_night.values()),
        overtime_sessions=sum(t.overtime_sessions for t in per_night.values()),
    )
    return NightSummary(
        tonight=NightTotals(tonight, per_night[tonight]),
        week=week,
        nights=tuple(NightTotals(n, per_night[n]) for n in series),
        shift=last_shift(records, now),
    )


class NightSummaries:
    """The night summary over the vault's session records.

    Args:
        vault: The open vault.
        wall: The wall clock (for "tonight").
        tz: The talent's zone; None for the system's.
    """

    def __init__(
        self, vault: Vault, wall: WallClock = system_wall, tz: tzinfo | None = None
    ) -> None:
        self.store = RecordStore(vault)
        self.wall = wall
        self.tz = tz

    def summary(self, nights: int = WEEK_NIGHTS) -> NightSummary:
        """Tonight, the week and the per-night series, as of now."""
        loaded = self.store.load_all(SessionRecord)
        result = summarize(loaded.items, self.wall(), self.tz, nights)
        return msgspec.structs.replace(result, problems=tuple(loaded.problems))
