"""The night summary: nights from noon to noon, tonight, the week, and the per-night series."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from talentdesk.domain import SessionOutcome, SessionRecord
from talentdesk.sessions.summary import (
    SHIFT_GAP,
    NightSummaries,
    last_shift,
    night_bounds,
    night_of,
    summarize,
)
from tests.sessions.conftest import Desk, FakeClock, package

WIB = timezone(timedelta(hours=7))


def record(
    n: int,
    start: datetime,
    minutes: float = 30,
    price: int = 25_000,
    outcome: SessionOutcome = SessionOutcome.COMPLETED,
    flags: tuple[str, ...] = (),
) -> SessionRecord:
    return SessionRecord(
        id=f"session-{n}",
        booking_id=f"bk-{n}",
        package=package(price=price),
        started_at=start,
        ended_at=start + timedelta(minutes=minutes),
        planned_seconds=1800,
        actual_seconds=minutes * 60,
        price_idr=price,
        outcome=outcome,
        flags=flags,
    )


def test_a_shift_is_sessions_close_together_whatever_the_clock_says() -> None:
    # A shift from 21:00 to 12:14 the next day: its last session starts before noon and
    # ends after, where a noon-to-noon night would cut it in two.
    first = datetime(2026, 3, 4, 21, 0, tzinfo=WIB)
    shift = [
        record(1, first, 60, price=75_000),
        record(2, first + timedelta(hours=4), 30),
        record(3, first + timedelta(hours=9), 30),
        record(4, datetime(2026, 3, 5, 11, 44, tzinfo=WIB), 30),
    ]
    earlier = record(0, first - timedelta(hours=8), 30)  # the afternoon before: its own
    after_noon = datetime(2026, 3, 5, 12, 20, tzinfo=WIB)
    found = last_shift([*shift, earlier], after_noon)
    assert found is not None
    assert found.totals.sessions == 4
    assert found.totals.seconds == 150 * 60
    assert found.totals.earnings_idr == 150_000
    assert found.started_at == first
    assert found.ended_at == datetime(2026, 3, 5, 12, 14, tzinfo=WIB)
    assert found.in_progress  # the last session ended 6 minutes ago
    # The summary at 12:20 has the whole shift, though its night of 4 March is over.
    summary = summarize([*shift, earlier], after_noon, WIB)
    assert summary.tonight.totals.sessions == 0
    assert summary.shift == found

    # Long after it, it is the last shift, no longer in progress.
    later = found.ended_at + SHIFT_GAP + timedelta(minutes=1)
    over = last_shift(shift, later)
    assert over is not None and not over.in_progress and over.totals.sessions == 4


def test_a_gap_longer_than_the_shift_gap_starts_a_new_shift() -> None:
    start = datetime(2026, 3, 4, 13, 0, tzinfo=WIB)
    old = record(1, start, 30)
    new = record(2, old.ended_at + SHIFT_GAP + timedelta(seconds=1), 45)
    found = last_shift([new, old], new.ended_at + timedelta(minutes=1))
    assert found is not None and found.totals.sessions == 1
    assert found.started_at == new.started_at
    # Within the gap, both belong to one.
    close = record(3, old.ended_at + SHIFT_GAP - timedelta(seconds=1), 45)
    together = last_shift([old, close], close.ended_at)
    assert together is not None and together.totals.sessions == 2
    assert last_shift([], start) is None
    assert last_shift([new], start) is None  # sessions after "now" are left out


def test_a_night_runs_from_noon_to_noon() -> None:
    evening = date(2026, 3, 4)
    assert night_of(datetime(2026, 3, 4, 12, 0, tzinfo=WIB), WIB) == evening
    assert night_of(datetime(2026, 3, 4, 23, 30, tzinfo=WIB), WIB) == evening
    assert night_of(datetime(2026, 3, 5, 1, 15, tzinfo=WIB), WIB) == evening
    assert night_of(datetime(2026, 3, 5, 11, 59, 59, tzinfo=WIB), WIB) == evening
    assert night_of(datetime(2026, 3, 5, 12, 0, tzinfo=WIB), WIB) == date(2026, 3, 5)
    assert night_of(datetime(2026, 3, 4, 11, 59, tzinfo=WIB), WIB) == date(2026, 3, 3)
    # The same moment, in UTC: 17:30 UTC is 00:30 WIB the next day, still the same night.
    assert night_of(datetime(2026, 3, 4, 17, 30, tzinfo=UTC), WIB) == evening
    start, end = night_bounds(evening, WIB)
    assert start == datetime(2026, 3, 4, 12, 0, tzinfo=WIB)
    assert end - start == timedelta(hours=24)
    local_start, local_end = night_bounds(evening)  # the system's zone
    assert local_start.tzinfo is not None
    assert night_of(local_start) == evening
    assert night_of(local_end) == evening + timedelta(days=1)


def test_daylight_saving_nights() -> None:
    berlin = ZoneInfo("Europe/Berlin")  # tzdata is a dev dependency: never missing
    # Clocks go forward on 29 March 2026 at 02:00: that night is 23 hours long.
    start, end = night_bounds(date(2026, 3, 28), berlin)
    # (Aware datetimes of one zone subtract as wall times: compare in UTC.)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=23)
    assert night_of(datetime(2026, 3, 29, 3, 30, tzinfo=berlin), berlin) == date(2026, 3, 28)


def test_tonight_week_and_series() -> None:
    now = datetime(2026, 3, 5, 2, 0, tzinfo=WIB)  # 02:00: still the night of 4 March
    records = [
        record(1, datetime(2026, 3, 4, 21, 0, tzinfo=WIB)),
        record(
            2,
            datetime(2026, 3, 4, 23, 50, tzinfo=WIB),
            minutes=45,
            price=75_000,
            flags=("overtime",),
        ),
        record(3, datetime(2026, 3, 5, 0, 40, tzinfo=WIB), minutes=60, price=120_000),
        record(
            4, datetime(2026, 3, 4, 22, 0, tzinfo=WIB), minutes=5, outcome=SessionOutcome.CANCELLED
        ),
        record(5, datetime(2026, 3, 2, 22, 0, tzinfo=WIB)),
        record(6, datetime(2026, 2, 26, 22, 0, tzinfo=WIB)),  # the 7th night back: in
        record(7, datetime(2026, 2, 25, 22, 0, tzinfo=WIB)),  # the 8th: out
        record(8, datetime(2026, 3, 5, 13, 0, tzinfo=WIB)),  # tomorrow's night: out
    ]
    summary = summarize(records, now, WIB)
    assert summary.tonight.night == date(2026, 3, 4)
    tonight = summary.tonight.totals
    assert tonight.sessions == 4
    assert tonight.earnings_idr == 25_000 + 75_000 + 120_000  # the cancelled one is not paid
    assert tonight.seconds == (30 + 45 + 60 + 5) * 60
    assert tonight.hours == pytest.approx(140 / 60)
    assert tonight.overtime_sessions == 1
    assert [n.night for n in summary.nights] == [
        date(2026, 2, 26) + timedelta(days=d) for d in range(7)
    ]
    assert [n.totals.sessions for n in summary.nights] == [1, 0, 0, 0, 1, 0, 4]
    assert summary.week.sessions == 6
    assert summary.week.earnings_idr == 220_000 + 25_000 + 25_000
    assert summary.nights[-1] == summary.tonight


def test_summary_from_the_vault(desk: Desk, clock: FakeClock) -> None:
    for n in range(3):
        desk.store.save(record(n, clock.wall() - timedelta(hours=n)))
    summary = NightSummaries(desk.vault, clock.wall, WIB).summary()
    assert summary.problems == ()
    assert summary.week.sessions == 3
    assert summary.tonight.totals.earnings_idr == 75_000
    assert len(summary.nights) == 7
    assert len(NightSummaries(desk.vault, clock.wall).summary(nights=14).nights) == 14
