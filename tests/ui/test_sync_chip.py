"""The sync chip gives way where it has little room: shorter words, never cut with "…",
the whole of them in its tooltip."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QHBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from talentdesk.sync.status import SyncPhase, SyncStatus
from talentdesk.ui.sync_chip import SyncChip


def chip_in_row(qtbot: QtBot) -> tuple[QWidget, SyncChip]:
    row = QWidget()
    qtbot.addWidget(row)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    chip = SyncChip(None)
    layout.addWidget(chip)
    layout.addStretch(1)
    row.show()
    qtbot.waitExposed(row)
    # Offline, the next try in 8 s, a reply waiting to be sent (the chip's clock is
    # time.monotonic without an agency link).
    chip.set_status(
        SyncStatus(
            SyncPhase.OFFLINE, reason="network", retry_at=time.monotonic() + 8.5, outbox_queued=1
        )
    )
    return row, chip


def fit(qtbot: QtBot, row: QWidget, chip: SyncChip, width: int) -> str:
    chip.setFixedWidth(width)
    qtbot.wait(20)
    return chip.text()


def test_the_chip_drops_the_countdown_then_the_count_and_keeps_them_in_its_tooltip(
    qtbot: QtBot,
) -> None:
    row, chip = chip_in_row(qtbot)
    full = "Offline · retry in 8 s · 1 waiting"
    assert chip.full_text == full
    assert chip.forms() == [full, "Offline · 1 waiting", "Offline"]
    metrics = chip.fontMetrics()
    margins = chip.contentsMargins()
    extra = margins.left() + margins.right()

    # Its hints: the whole text (numbers as two digits) and the link's word alone.
    assert chip.sizeHint().width() >= metrics.horizontalAdvance(full) + extra
    assert chip.minimumSizeHint().width() == metrics.horizontalAdvance("Offline") + extra

    assert fit(qtbot, row, chip, chip.sizeHint().width()) == full
    assert full not in chip.toolTip()  # whole on show: the tooltip is the sentence

    shown = fit(qtbot, row, chip, metrics.horizontalAdvance("Offline · 1 waiting") + extra)
    assert shown == "Offline · 1 waiting"
    assert chip.toolTip().startswith(full + "\n")

    assert fit(qtbot, row, chip, chip.minimumSizeHint().width()) == "Offline"
    assert chip.toolTip().startswith(full + "\n")
    assert "…" not in chip.text()


def test_the_chip_keeps_its_width_while_a_retry_counts_down(qtbot: QtBot) -> None:
    """From "retry in 30 s" to "retry in 8 s" its hint stays: the header is not laid out
    again each second."""
    _, chip = chip_in_row(qtbot)
    hint = chip.sizeHint()
    chip.set_status(
        SyncStatus(SyncPhase.OFFLINE, retry_at=time.monotonic() + 30.5, outbox_queued=1)
    )
    assert "retry in 30 s" in chip.full_text
    assert chip.sizeHint() == hint
