"""The windows render offscreen into real pictures (not blank, not clipped to nothing)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import (
    PASSPHRASE,
    AppFactory,
    click,
    unlock_with,
    wait_for_main_window,
    wait_for_step,
)


def distinct_colours(widget: QWidget, path: Path) -> int:
    pixmap = widget.grab()
    assert pixmap.save(str(path))
    image = QImage(str(path))
    assert image.width() >= 600 and image.height() >= 500
    step = 4
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


@pytest.mark.usefixtures("no_keyring", "passphrase_vault")
def test_unlock_screen_and_main_window_render(
    qtbot: QtBot, make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app()
    app.start()
    wait_for_step(qtbot, app, "passphrase")
    assert distinct_colours(app.unlock_screen, tmp_path / "unlock.png") > 20

    unlock_with(qtbot, app, PASSPHRASE)
    wait_for_main_window(qtbot, app)
    assert app.main_window is not None
    assert distinct_colours(app.main_window, tmp_path / "main.png") > 20


@pytest.mark.usefixtures("no_keyring")
def test_tallest_step_fits_or_scrolls_on_a_short_screen(qtbot: QtBot, make_app: AppFactory) -> None:
    app = make_app("id")
    app.start()
    wait_for_step(qtbot, app, "welcome")
    click(app.unlock_screen.welcome.continue_button)
    wait_for_step(qtbot, app, "new_passphrase")
    app.unlock_screen.resize(760, 560)
    step = app.unlock_screen.new_passphrase
    qtbot.waitUntil(lambda: step.height() >= step.sizeHint().height() - 1)
    # Nothing is squeezed: the warning gets all the height its text needs.
    warning = step.warning.label
    assert warning.height() >= warning.heightForWidth(warning.width())
