"""The scope banner: one line where it fits, two at most, the whole line in the tooltip
where it shows less."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from talentdesk.ui.session.scope_banner import ScopeBanner

WHOLE = "Chat saja — tanpa telepon"
SHORT = "Chat saja"
REST = "tanpa telepon"


def banner_beside(qtbot: QtBot, width: int) -> tuple[QWidget, ScopeBanner]:
    """The banner in a row beside a wide button (the escalate button), ``width`` wide."""
    row = QWidget()
    qtbot.addWidget(row)
    layout = QHBoxLayout(row)
    banner = ScopeBanner()
    banner.setProperty("scope", "chat_only")
    layout.addWidget(banner, 1)
    layout.addWidget(QPushButton("Eskalasi — minta bantuan supervisor"))
    banner.set_scope(WHOLE, SHORT, REST)
    row.resize(width, 80)
    row.show()
    qtbot.waitExposed(row)
    return row, banner


def lines(banner: ScopeBanner) -> int:
    return banner.text().count("\n") + 1


def test_where_the_whole_line_fits_it_is_one_line_without_a_tooltip(qtbot: QtBot) -> None:
    _, banner = banner_beside(qtbot, 1400)
    assert banner.text() == WHOLE
    assert banner.toolTip() == ""
    assert banner.accessibleName() == WHOLE


def test_where_it_does_not_it_takes_two_lines_and_the_tooltip_has_it_whole(
    qtbot: QtBot,
) -> None:
    row, banner = banner_beside(qtbot, 1400)
    metrics = banner.fontMetrics()
    one_line = banner.heightForWidth(banner.width())
    wider_rest = metrics.horizontalAdvance(REST) - metrics.horizontalAdvance(SHORT)
    row.resize(row.minimumSizeHint().width() + wider_rest + 4, 80)
    qtbot.waitUntil(lambda: banner.text() != WHOLE)

    assert banner.text() == f"{SHORT}\n{REST}"
    assert banner.toolTip() == WHOLE
    assert metrics.horizontalAdvance(REST) <= banner.contentsRect().width()
    assert banner.heightForWidth(banner.width()) == one_line + metrics.height()

    # At the row's smallest, both lines still read whole: the banner's least width is
    # that of its wider line (here the rest), so what is beside it gives way first.
    row.resize(row.minimumSizeHint().width(), 80)
    qtbot.wait(50)
    assert banner.text() == f"{SHORT}\n{REST}"
    assert metrics.horizontalAdvance(REST) <= banner.contentsRect().width()

    # Squeezed below that (a window below its minimum): the second line is cut with "…",
    # never a third line.
    banner.setFixedWidth(banner.minimumSizeHint().width() - 20)
    qtbot.waitUntil(lambda: banner.text().endswith("…"))
    assert lines(banner) == 2
    assert banner.text().startswith(f"{SHORT}\n")
    assert banner.toolTip() == WHOLE
    widest = max(banner.fontMetrics().horizontalAdvance(line) for line in banner.text().split("\n"))
    assert widest <= banner.contentsRect().width()
