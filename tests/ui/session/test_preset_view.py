"""The boundaries in force in the session window: rows that wrap keep the height of their text."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from talentdesk.domain import BoundaryAnswer, BoundaryItem, BoundaryPreset
from talentdesk.ui.session.preset_view import PresetView
from tests.ui.fit import row_misfits

#: The sample agency's standard preset: lines that wrap at one width and not at another.
ITEMS = (
    ("service.video", "Video call (only if the package includes video)", BoundaryAnswer.NEVER),
    ("topic.sexual", "Sexual talk or requests", BoundaryAnswer.NEVER),
    ("topic.contacts", "Sharing personal contacts or real names", BoundaryAnswer.NEVER),
    ("topic.meet_offline", "Meeting in person", BoundaryAnswer.NEVER),
    ("topic.payment", "Payment outside the agency", BoundaryAnswer.NEVER),
    ("service.extend", "Extending the session (through the agency)", BoundaryAnswer.ASK),
    ("service.chat", "Chat", BoundaryAnswer.OK),
    ("service.call", "Voice call", BoundaryAnswer.OK),
)


def test_each_row_is_as_tall_as_its_text_wrapped_at_every_width(qtbot: QtBot) -> None:
    """Narrowed and widened a pixel at a time (as a window being resized), every row is as
    tall and as wide as its text wrapped at the list's width, with no blank line under it."""
    preset = BoundaryPreset(
        id="standard",
        name="Standard",
        language="en",
        items=tuple(BoundaryItem(key=k, label=label, answer=a) for k, label, a in ITEMS),
    )
    view = PresetView()
    qtbot.addWidget(view)
    view.set_preset(preset)
    view.resize(340, 480)
    view.show()
    qtbot.waitExposed(view)
    found: list[str] = []
    for width in [*range(340, 180, -3), *range(180, 340, 5)]:
        view.resize(width, 480)
        QApplication.processEvents()
        found.extend(f"at {width} px: {misfit}" for misfit in row_misfits(view.items))
    assert view.items.count() == len(ITEMS)
    assert found == [], "\n" + "\n".join(found)
