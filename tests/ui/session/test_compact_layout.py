"""The compact window's fixed layout (nothing moves or clips as texts change, in both
languages), its pace colours and sound, and the link to the agency shown in it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionFrame,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from talentdesk.domain import Channel, PaceThreshold
from talentdesk.sync.status import SyncPhase, SyncStatus
from talentdesk.ui.language import LanguageSwitcher
from talentdesk.ui.session.compact import COMPACT_SIZE, CompactWindow
from tests.ui.conftest import click
from tests.ui.session.conftest import Desk, package, settle

LONG_NAME = "Teman Curhat Malam Minggu Spesial Panjang Sekali 120 menit"


@pytest.fixture
def switcher() -> Iterator[LanguageSwitcher]:
    made = LanguageSwitcher()
    made.set_language("en")
    yield made
    made.uninstall()


@pytest.fixture
def compact(qtbot: QtBot, desk: Desk, switcher: LanguageSwitcher) -> CompactWindow:
    desk.agency_replies()
    desk.session.set_reply_language("id")
    desk.config(pace_thresholds=(PaceThreshold(120, 5), PaceThreshold(300, 3)))
    desk.session.start(desk.book(pkg=package(Channel.CHAT, 120, 90_000, LONG_NAME)).id)
    qtbot.waitUntil(lambda: desk.session.live is not None)
    settle(qtbot, desk)
    window = CompactWindow(desk.session, agency=desk.agency)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, desk)
    return window


def places(window: CompactWindow) -> dict[str, QRect]:
    """Where every button and line is, in the window's coordinates."""
    found: dict[str, QRect] = {"window": QRect(QPoint(0, 0), window.size())}
    for child in window.findChildren(QWidget):
        if child.isVisibleTo(window) and child.objectName():
            found[child.objectName()] = QRect(child.mapTo(window, QPoint(0, 0)), child.size())
    return found


def clipped_buttons(window: CompactWindow) -> list[str]:
    """Buttons whose text (each of its lines) does not fit their width."""
    clipped = []
    for button in window.findChildren(QPushButton):
        if not button.isVisibleTo(window):
            continue
        room = button.contentsRect().width() - 8
        metrics = button.fontMetrics()
        if any(metrics.horizontalAdvance(line) > room for line in button.text().split("\n")):
            clipped.append(f"{button.objectName()}: {button.text()!r}")
    return clipped


def test_nothing_moves_or_clips_as_texts_change_in_both_languages(
    qtbot: QtBot, desk: Desk, compact: CompactWindow, switcher: LanguageSwitcher
) -> None:
    assert compact.size() == COMPACT_SIZE
    before = places(compact)
    assert clipped_buttons(compact) == []
    assert compact.package.full_text.startswith(LONG_NAME)
    assert compact.package.text().endswith("…")  # cut to its room, not grown

    # Everything that grows: a wait in minutes, slow replies, over time, a long search,
    # the link going offline with items waiting, then the other language.
    desk.session.customer_wrote()
    desk.clock.advance(125 * 60)
    desk.session.tick_now()
    compact.search.setText("a")
    settle(qtbot, desk)
    desk.agency.status_changed.emit(
        SyncStatus(phase=SyncPhase.OFFLINE, retry_at=desk.agency.clock() + 600, outbox_queued=3)
    )
    assert compact.sync is not None
    assert compact.sync.full_text.startswith("Offline · retry in")
    assert compact.sync.full_text.endswith("3 waiting")
    assert compact.sync.property("tone") == "warning"
    assert compact.waiting.full_text.startswith("Waiting 2:0")
    assert compact.time.full_text.startswith("+")
    assert places(compact) == before
    assert clipped_buttons(compact) == []

    switcher.set_language("id")
    qtbot.waitUntil(lambda: compact.wrote_button.text().startswith("Pesan masuk"))
    assert compact.sync.full_text.startswith("Sedang offline · coba lagi")
    assert places(compact) == before
    assert clipped_buttons(compact) == []
    click(compact.answered_button)
    assert places(compact) == before


def placeholder_room(field: QLineEdit) -> int:
    """The pixels a line edit's placeholder has: its text area, left of a clear button on
    show (while the field is empty, when the placeholder shows, Qt hides it)."""
    option = QStyleOptionFrame()
    field.initStyleOption(option)
    area = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
    shown = [b.geometry().left() for b in field.findChildren(QToolButton) if b.isVisible()]
    right = min([area.right(), *shown])
    return right - area.left() - 2 * 2  # QLineEdit's own horizontal margin, each side


def test_the_search_hint_is_whole_in_both_languages(
    qtbot: QtBot, compact: CompactWindow, switcher: LanguageSwitcher
) -> None:
    english = compact.search.placeholderText()
    switcher.set_language("id")
    qtbot.waitUntil(lambda: compact.search.placeholderText() != english)
    for hint in (english, compact.search.placeholderText()):
        needed = compact.search.fontMetrics().horizontalAdvance(hint)
        assert needed <= placeholder_room(compact.search), hint


def test_the_pace_box_turns_as_a_reply_nears_the_limit_and_can_sound(
    qtbot: QtBot, desk: Desk, compact: CompactWindow
) -> None:
    desk.settings(pace_sound=True)
    desk.session.load_context()
    settle(qtbot, desk)
    assert compact.level == "ok"
    assert compact.waiting.full_text == "Nobody is waiting"
    assert compact.slow.full_text == "0 slow replies · limit 5 over 2 min"

    click(compact.wrote_button)
    desk.clock.advance(95)  # 25 s before the wait counts as slow
    desk.session.tick_now()
    assert compact.level == "near"
    assert compact.pace_box.property("level") == "near"
    assert compact.waiting.full_text == "Waiting 01:35"
    assert compact.sounds == 1
    desk.clock.advance(30)
    desk.session.tick_now()
    assert compact.level == "over"
    assert compact.sounds == 2
    desk.session.tick_now()
    assert compact.sounds == 2  # once per step up, not once per second
    click(compact.answered_button)
    assert compact.level == "ok"
    assert compact.slow.full_text == "1 slow reply · limit 5 over 2 min"

    desk.settings(pace_sound=False)
    desk.session.load_context()
    settle(qtbot, desk)
    click(compact.wrote_button)
    desk.clock.advance(130)
    desk.session.tick_now()
    assert compact.level == "over"
    assert compact.sounds == 2  # the sound is off
