"""The night summary: tonight and the week from SessionRecords only, and a chart painted by
hand with a bar per night."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from talentdesk.domain import Channel, SessionOutcome, SessionRecord
from talentdesk.sessions.runner import FLAG_OVERTIME
from talentdesk.ui.pages.summary import NightChart, SummaryPage, nice_ceiling, short_amount
from tests.ui.session.conftest import Desk, end_with_every_step_done, package, settle

pytestmark = pytest.mark.usefixtures("english")


def record(
    n: int,
    started: datetime,
    minutes: int,
    price: int,
    *,
    outcome: SessionOutcome = SessionOutcome.COMPLETED,
    overtime: bool = False,
) -> SessionRecord:
    return SessionRecord(
        id=f"session-{n}",
        booking_id=f"bk-{n}",
        package=package(Channel.CHAT, minutes, price),
        started_at=started,
        ended_at=started + timedelta(minutes=minutes),
        planned_seconds=minutes * 60,
        actual_seconds=minutes * 60 + (90 if overtime else 0),
        price_idr=price,
        outcome=outcome,
        flags=(FLAG_OVERTIME,) if overtime else (),
    )


def test_amounts_and_scale() -> None:
    assert short_amount(25_000) == "Rp 25rb"
    assert short_amount(1_250_000) == "Rp 1,2jt" or short_amount(1_250_000) == "Rp 1,3jt"
    assert short_amount(2_000_000) == "Rp 2jt"
    assert short_amount(500) == "Rp 500"
    assert short_amount(25_000, "en") == "Rp 25K"  # English reads no "rb"
    assert short_amount(1_500_000, "en") == "Rp 1.5M"
    assert nice_ceiling(0) == 100_000
    assert nice_ceiling(75_000) == 100_000
    assert nice_ceiling(120_000) == 200_000
    assert nice_ceiling(230_000) == 400_000
    assert nice_ceiling(420_000) == 800_000
    assert nice_ceiling(900_000) == 1_000_000
    # Every step of the scale is a whole thousand: its labels round the same way.
    for value in range(1_000, 50_000_000, 7_919):
        top = nice_ceiling(value)
        assert top >= value and all(top * step // 4 % 1_000 == 0 for step in range(5))


def test_tonight_the_week_and_a_bar_per_night(qtbot: QtBot, desk: Desk, tmp_path: Path) -> None:
    now = desk.clock.wall()
    desk.store.save(record(1, now - timedelta(minutes=90), 30, 25_000))
    desk.store.save(record(2, now - timedelta(minutes=50), 60, 75_000, overtime=True))
    desk.store.save(record(3, now - timedelta(days=2), 30, 25_000))
    desk.store.save(
        record(4, now - timedelta(days=2, hours=1), 90, 120_000, outcome=SessionOutcome.CANCELLED)
    )
    desk.store.save(record(5, now - timedelta(days=12), 30, 25_000))  # not this week
    page = SummaryPage(desk.session)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    settle(qtbot, desk)
    assert page.content.isVisible() and not page.empty_card.isVisible()
    # The shift in progress: the two sessions of the last hour and a half.
    assert page.tonight.title.text() == "This shift"
    assert page.tonight.subtitle.text().startswith("Since ")
    assert page.tonight.sessions.text() == "2"
    assert page.tonight.hours.text() == "1 h 32 min"  # 30 min + 61.5 min, never "1.5"
    assert page.tonight.earnings.text() == "Rp 100.000"
    assert page.week.hours.text() == "3 h 32 min"
    assert page.week.sessions.text() == "4"
    assert page.week.earnings.text() == "Rp 125.000"  # the cancelled one is not paid
    assert page.week.note.text() == "1 session ran over time."

    chart = page.chart
    assert len(chart.nights) == 7
    assert chart.nights[-1].night == chart.tonight
    assert chart.scale_top() == 200_000
    bars = chart.bar_rects()
    heights = [round(r.height(), 1) for r in bars]
    assert heights[-1] > 0 and heights[-3] > 0
    assert sum(1 for h in heights if h > 0) == 2
    assert bars[-1].height() == pytest.approx(4 * bars[-3].height())  # 100rb vs 25rb
    assert all(b.bottom() == pytest.approx(bars[0].bottom()) for b in bars)
    picture = tmp_path / "chart.png"
    assert chart.grab().save(str(picture))
    image = QImage(str(picture))
    bar = bars[-1]
    colour = image.pixelColor(int(bar.center().x()), int(bar.center().y()))
    assert colour.name() == "#0f766e"  # tonight in the accent colour


def test_a_shift_long_over_is_the_last_shift(qtbot: QtBot, desk: Desk) -> None:
    now = desk.clock.wall()
    desk.store.save(record(1, now - timedelta(hours=20), 45, 25_000))
    desk.store.save(record(2, now - timedelta(hours=19), 30, 25_000))
    page = SummaryPage(desk.session)
    qtbot.addWidget(page)
    page.show()
    settle(qtbot, desk)
    assert page.tonight.title.text() == "Your last shift"
    assert page.tonight.sessions.text() == "2"
    assert page.tonight.hours.text() == "1 h 15 min"
    assert " to " in page.tonight.subtitle.text()


def test_no_sessions_keeps_the_empty_state(qtbot: QtBot, desk: Desk) -> None:
    page = SummaryPage(desk.session)
    qtbot.addWidget(page)
    page.show()
    settle(qtbot, desk)
    assert page.empty_card.isVisible()
    assert page.heading.text() == "No sessions in the last seven nights"
    chart = NightChart()
    qtbot.addWidget(chart)
    chart.resize(500, 240)
    assert chart.bar_rects() == []
    assert not chart.grab().isNull()


def test_the_page_follows_finished_sessions(qtbot: QtBot, desk: Desk) -> None:
    page = SummaryPage(desk.session)
    qtbot.addWidget(page)
    page.show()
    settle(qtbot, desk)
    session = desk.session
    session.start(desk.book().id)
    qtbot.waitUntil(lambda: session.live is not None)
    desk.clock.advance(30 * 60)
    session.tick_now()
    end_with_every_step_done(qtbot, session)
    session.finish()
    qtbot.waitUntil(lambda: page.summary is not None and page.summary.week.sessions == 1)
    assert page.tonight.earnings.text() == "Rp 25.000"
