"""Night summary: sessions, hours and earnings, tonight and this week, with a chart per night.

Everything comes from the summary service, which reads session records only (no
customer field exists in them). A "night" runs from noon to noon and is named by its
evening. The chart is painted here with QPainter, a bar of earnings per night
(PySide6-Essentials has no QtCharts), tonight's bar in the accent colour.
"""

from __future__ import annotations

import logging
import math
from datetime import date

from PySide6.QtCore import QDate, QLocale, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen, QShowEvent
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QVBoxLayout, QWidget

from talentdesk.domain import format_idr
from talentdesk.sessions.summary import NightSummary, NightTotals, Totals
from talentdesk.ui.language import current_language
from talentdesk.ui.pages.empty_state import EmptyStatePage
from talentdesk.ui.safety import SafetyController, SafetyMessages
from talentdesk.ui.session.controller import SessionController
from talentdesk.ui.session.style import (
    BAR,
    BAR_SOFT,
    GRID,
    MUTED_COLOUR,
    TEXT_COLOUR,
)
from talentdesk.ui.widgets import Callout, Card, Columns, TranslatedWidget, make_label, scrolling

log = logging.getLogger(__name__)

#: The page loads again this often (tonight rolls over at noon).
REFRESH_MS = 60_000


def short_amount(amount: int, language: str = "id") -> str:
    """Rupiah as a bar label: ``Rp 25rb``, ``Rp 1,2jt`` (short forms Indonesians read);
    in English ``Rp 25K``, ``Rp 1.2M``."""
    english = language == "en"
    if amount >= 1_000_000:
        text = f"{amount / 1_000_000:.1f}".rstrip("0").rstrip(".")
        return f"Rp {text}M" if english else f"Rp {text.replace('.', ',')}jt"
    if amount >= 1_000:
        thousands = round(amount / 1_000)
        return f"Rp {thousands}K" if english else f"Rp {thousands}rb"
    return f"Rp {amount}"


def nice_ceiling(value: int) -> int:
    """A round top for the chart's scale (1, 2, 4 or 8 times a power of ten): each of its
    four steps is a round amount too (no 62.5 thousand)."""
    if value <= 100_000:
        return 100_000  # never below Rp 100rb: its quarters are whole thousands too
    power = int(10 ** math.floor(math.log10(value)))
    for step in (1.0, 2.0, 4.0, 8.0):
        top = int(step * power)
        if top >= value:
            return top
    return 10 * power


class NightChart(TranslatedWidget):
    """Earnings per night as bars, with the number of sessions under each.

    The widget draws :attr:`nights`; :meth:`bar_rects` says where each bar went (for
    tests and for tooltips).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nightChart")
        self.nights: tuple[NightTotals, ...] = ()
        self.tonight: date | None = None
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self.retranslate()

    def sizeHint(self) -> QSize:
        return QSize(560, 260)

    def set_nights(self, nights: tuple[NightTotals, ...], tonight: date | None) -> None:
        """Draw ``nights`` (oldest first); ``tonight`` is highlighted."""
        self.nights = nights
        self.tonight = tonight
        self.setToolTip(self._tooltip())
        self.update()

    def scale_top(self) -> int:
        """The earnings at the top of the scale (with room above the tallest bar's label)."""
        tallest = max((n.totals.earnings_idr for n in self.nights), default=0)
        return nice_ceiling(tallest + tallest // 8)

    def _plot_area(self) -> QRectF:
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        left = metrics.horizontalAdvance("Rp 300rb") + 14
        return QRectF(left, line + 10, self.width() - left - 8, self.height() - 3 * line - 26)

    def bar_rects(self) -> list[QRectF]:
        """Where each night's bar is drawn, oldest first."""
        if not self.nights:
            return []
        area = self._plot_area()
        slot = area.width() / len(self.nights)
        width = min(56.0, slot * 0.6)
        top = self.scale_top()
        rects = []
        for n, night in enumerate(self.nights):
            share = night.totals.earnings_idr / top if top else 0.0
            height = area.height() * share
            x = area.left() + slot * n + (slot - width) / 2
            rects.append(QRectF(x, area.bottom() - height, width, height))
        return rects

    def day_label(self, night: date) -> str:
        """A night's label under its bar: the weekday's short name and the day."""
        locale = QLocale()
        qdate = QDate(night.year, night.month, night.day)
        return f"{locale.dayName(qdate.dayOfWeek(), QLocale.FormatType.ShortFormat)} {night.day}"

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        metrics = QFontMetrics(font)
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        small_metrics = QFontMetrics(small)
        area = self._plot_area()
        top = self.scale_top()
        # The scale: four lines with their amounts.
        painter.setFont(small)
        for step in range(5):
            value = top * step // 4
            y = area.bottom() - area.height() * step / 4
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(int(area.left()), int(y), int(area.right()), int(y))
            painter.setPen(MUTED_COLOUR)
            label_rect = QRectF(
                0, y - small_metrics.height() / 2, area.left() - 8, small_metrics.height()
            )
            painter.drawText(
                label_rect,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                short_amount(value, current_language()),
            )
        if not self.nights:
            painter.setPen(MUTED_COLOUR)
            painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter), self.tr("No sessions yet"))
            painter.end()
            return
        slot = area.width() / len(self.nights)
        for night, rect in zip(self.nights, self.bar_rects(), strict=True):
            is_tonight = night.night == self.tonight
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(BAR) if is_tonight else QColor(BAR_SOFT))
            if rect.height() > 0:
                painter.drawRoundedRect(rect, 4, 4)
                painter.drawRect(
                    QRectF(
                        rect.left(),
                        rect.bottom() - min(4, rect.height()),
                        rect.width(),
                        min(4, rect.height()),
                    )
                )
            centre = QRectF(rect.center().x() - slot / 2, 0, slot, 0)
            # The amount above the bar.
            if night.totals.earnings_idr:
                painter.setFont(small)
                painter.setPen(TEXT_COLOUR)
                painter.drawText(
                    QRectF(
                        centre.left(),
                        rect.top() - small_metrics.height() - 4,
                        slot,
                        small_metrics.height(),
                    ),
                    int(Qt.AlignmentFlag.AlignCenter),
                    short_amount(night.totals.earnings_idr, current_language()),
                )
            # The night and its sessions under the axis.
            bold = QFont(font)
            bold.setBold(is_tonight)
            painter.setFont(bold)
            painter.setPen(TEXT_COLOUR if is_tonight else MUTED_COLOUR)
            label = self.tr("Tonight") if is_tonight else self.day_label(night.night)
            painter.drawText(
                QRectF(centre.left(), area.bottom() + 6, slot, metrics.height()),
                int(Qt.AlignmentFlag.AlignCenter),
                label,
            )
            painter.setFont(small)
            painter.setPen(MUTED_COLOUR)
            painter.drawText(
                QRectF(
                    centre.left(),
                    area.bottom() + 8 + metrics.height(),
                    slot,
                    small_metrics.height(),
                ),
                int(Qt.AlignmentFlag.AlignCenter),
                self.tr("%n session(s)", "", night.totals.sessions),
            )
        painter.end()

    def _tooltip(self) -> str:
        lines = [
            f"{self.day_label(n.night)}: {format_idr(n.totals.earnings_idr)} · "
            + self.tr("%n session(s)", "", n.totals.sessions)
            for n in self.nights
        ]
        return "\n".join(lines)

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Earnings per night, the last seven nights"))
        self.setToolTip(self._tooltip())
        self.update()


class TotalsCard(Card):
    """Sessions, session time and earnings of one span (the shift, the week)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, margins=20)
        self.setObjectName(name)
        self.title = make_label("heading")
        self.subtitle = make_label("muted")
        self.sessions = make_label("stat", wrap=False)
        self.sessions_label = make_label("muted", wrap=False)
        self.hours = make_label("stat", wrap=False)
        self.hours_label = make_label("muted", wrap=False)
        self.earnings = make_label("stat", wrap=False)
        self.earnings_label = make_label("muted", wrap=False)
        self.note = make_label("small")
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(2)
        for column, (value, label) in enumerate(
            (
                (self.sessions, self.sessions_label),
                (self.hours, self.hours_label),
                (self.earnings, self.earnings_label),
            )
        ):
            grid.addWidget(value, 0, column)
            grid.addWidget(label, 1, column)
        grid.setColumnStretch(3, 1)
        self.body.addWidget(self.title)
        self.body.addWidget(self.subtitle)
        self.body.addLayout(grid)
        self.body.addWidget(self.note)
        self.note.hide()
        self.subtitle.hide()
        self._seconds = 0.0

    def hours_and_minutes(self, seconds: float) -> str:
        """Session time as hours and minutes ("2 h 05 min"), never tenths of an hour."""
        minutes = round(seconds / 60)
        if minutes < 60:
            return self.tr("%1 min").replace("%1", str(minutes))
        return (
            self.tr("%1 h %2 min")
            .replace("%1", str(minutes // 60))
            .replace("%2", f"{minutes % 60:02d}")
        )

    def set_totals(self, totals: Totals) -> None:
        """Show ``totals``."""
        self._seconds = totals.seconds
        self.sessions.setText(str(totals.sessions))
        self.hours.setText(self.hours_and_minutes(totals.seconds))
        self.earnings.setText(format_idr(totals.earnings_idr))

    def retranslate(self) -> None:
        """The session time in the language on show."""
        self.hours.setText(self.hours_and_minutes(self._seconds))


class SummaryPage(EmptyStatePage):
    """Tonight and this week, and the week's nights as a chart.

    Args:
        session: The session controller of the unlocked vault; None shows the empty state only.
        safety: The safety controller: tonight's after-care counts (hard sessions, check-ins,
            breaks, debriefs) show under the totals once there was a hard session.
    """

    def __init__(
        self,
        session: SessionController | None = None,
        parent: QWidget | None = None,
        *,
        safety: SafetyController | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("summaryPage")
        self._session = session
        self._safety = safety
        self._safety_words = SafetyMessages(self)
        self._words = self._safety_words
        self.after_care = Callout("note", name="afterCareSummary")
        self._summary: NightSummary | None = None
        self._loading = False
        self.tonight = TotalsCard("shiftCard")
        self.week = TotalsCard("weekCard")
        self.chart_card = Card(margins=20)
        self.chart_card.setObjectName("chartCard")
        self.chart_title = make_label("heading", wrap=False, name="chartTitle")
        self.chart = NightChart()
        self.chart_note = make_label("small", name="chartNote")
        self.problems = Callout("warning", name="summaryProblems")
        self.content = QWidget()
        self.content_area = scrolling(self.content, "summaryScroll")
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._build_layout()
        self._connect_signals()
        self.retranslate()
        self._show_content(False)
        if session is not None:
            self._timer.start()
            self.refresh()

    def _build_layout(self) -> None:
        cards = Columns(self.tonight, self.week, side_by_side_from=960)
        self.chart_card.body.addWidget(self.chart_title)
        self.chart_card.body.addWidget(self.chart, 1)
        self.chart_card.body.addWidget(self.chart_note)
        column = QVBoxLayout(self.content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addWidget(cards)
        column.addWidget(self.after_care)
        column.addWidget(self.chart_card, 1)
        self.after_care.hide()
        self.column.insertWidget(2, self.problems)
        self.column.insertWidget(3, self.content_area, 1)
        self.problems.hide()

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self.refresh)
        if self._session is not None:
            self._session.finished.connect(self._session_finished)
        if self._safety is not None:
            self._safety.changed.connect(self._show_after_care)

    def _session_finished(self, _result: object) -> None:
        self.refresh()

    def _show_after_care(self) -> None:
        counts = self._safety.snapshot.counts if self._safety is not None else None
        self.after_care.setText(self._safety_words.night_counts(counts))
        self.after_care.setVisible(counts is not None and counts.hard_sessions > 0)

    @property
    def summary(self) -> NightSummary | None:
        """The summary on show."""
        return self._summary

    def refresh(self) -> None:
        """Load the summary again (on the bridge)."""
        session = self._session
        if session is None or self._loading:
            return
        self._loading = True
        desk = session.summary
        session.run(desk.summary, self._loaded, self._failed, receiver=self)

    def _loaded(self, summary: NightSummary) -> None:
        self._loading = False
        self._summary = summary
        shift = summary.shift
        self.tonight.set_totals(shift.totals if shift is not None else Totals())
        self.week.set_totals(summary.week)
        self.chart.set_nights(summary.nights, summary.tonight.night)
        self._show_content(summary.week.sessions > 0 or shift is not None or bool(summary.problems))
        self.retranslate()

    def _failed(self, exc: Exception) -> None:
        self._loading = False
        log.warning("night summary not loaded: %s", type(exc).__name__)

    def showEvent(self, event: QShowEvent) -> None:
        if self._session is not None:
            self.refresh()
        super().showEvent(event)

    def retranslate(self) -> None:
        self.page_title.setText(self.tr("Night summary"))
        self._show_after_care()
        self.heading.setText(self.tr("No sessions in the last seven nights"))
        self.body.setText(
            self.tr(
                "After each session, your nights add up here: sessions, hours and earnings, "
                "tonight and over the last seven nights."
            )
        )
        self.hint.setText(
            self.tr(
                "A shift past midnight counts as one. Only session times and package prices "
                "are used, never anything about a customer."
            )
        )
        summary = self._summary
        shift = summary.shift if summary is not None else None
        if shift is None or shift.in_progress:
            shift_title = self.tr("This shift")
        else:
            shift_title = self.tr("Your last shift")
        for card, title in ((self.tonight, shift_title), (self.week, self.tr("Last 7 nights"))):
            card.title.setText(title)
            card.sessions_label.setText(self.tr("sessions"))
            card.hours_label.setText(self.tr("session time"))
            card.earnings_label.setText(self.tr("earnings"))
            card.retranslate()
        self.tonight.subtitle.setVisible(shift is not None)
        if shift is not None:
            start, end = self._words.day_time(shift.started_at), self._words.time(shift.ended_at)
            if shift.in_progress:
                text = self.tr("Since %1; sessions less than 6 hours apart count as one shift.")
                self.tonight.subtitle.setText(text.replace("%1", start))
            else:
                self.tonight.subtitle.setText(
                    self.tr("%1 to %2").replace("%1", start).replace("%2", end)
                )
        overtime = summary.week.overtime_sessions if summary is not None else 0
        self.week.note.setVisible(overtime > 0)
        self.week.note.setText(self.tr("%n session(s) ran over time.", "", overtime))
        self.chart_title.setText(self.tr("Earnings per night"))
        self.chart_note.setText(
            self.tr(
                "Package prices as booked, cancelled sessions left out; the agency's statement "
                "is what gets paid."
            )
        )
        problems = len(summary.problems) if summary is not None else 0
        self.problems.setVisible(problems > 0)
        self.problems.setText(
            self.tr("%n session record(s) could not be read and are not counted.", "", problems)
        )
