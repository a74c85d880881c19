"""A Settings card over a setting sealed in the vault: read, save only a change, say why not."""

from __future__ import annotations

import logging

import pytest
from pytestqt.qtbot import QtBot

from talentdesk.domain import ShiftLimits
from talentdesk.sessions.settings import load_settings
from talentdesk.ui.pages.shift_limits import ShiftLimitsSection
from talentdesk.ui.pages.working_name import WorkingNameSection
from tests.ui.conftest import click
from tests.ui.session.conftest import Desk, settle

pytestmark = pytest.mark.usefixtures("english")

SENTINEL_NAME = "Kenanga-Sentinel-7731"


def test_a_save_that_fails_says_so_keeps_the_edit_and_logs_no_value(
    qtbot: QtBot, desk: Desk, caplog: pytest.LogCaptureFixture
) -> None:
    name = WorkingNameSection(desk.agency)
    limits = ShiftLimitsSection(desk.agency)
    for section in (name, limits):
        qtbot.addWidget(section)
        section.show()
    settle(qtbot, desk)
    assert limits.saved_limits == ShiftLimits() and name.saved_name == ""

    name.field.setText(SENTINEL_NAME)
    name._edited()
    wanted = ShiftLimits(max_hours_per_night=3.5, min_break_minutes=30)
    limits.set_limits(wanted)
    assert name.save_button.isEnabled() and limits.save_button.isEnabled()
    desk.vault.close()  # locked meanwhile: the write cannot happen
    caplog.set_level(logging.WARNING)
    click(name.save_button)
    click(limits.save_button)
    qtbot.waitUntil(lambda: name.saved_label.text() == "Could not be saved. Try again.")
    qtbot.waitUntil(
        lambda: limits.saved_label.text() == "Not saved: the vault could not be written. Try again."
    )
    # What the talent typed or chose is still on show, to try again.
    assert name.field.text() == SENTINEL_NAME and limits.limits() == wanted
    assert name.saved_name == "" and limits.saved_limits == ShiftLimits()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "working name not read or saved" in logged
    assert "shift limits not read or saved" in logged
    assert SENTINEL_NAME not in logged and "3.5" not in logged


def test_save_is_offered_only_for_a_change(qtbot: QtBot, desk: Desk) -> None:
    limits = ShiftLimitsSection(desk.agency)
    qtbot.addWidget(limits)
    limits.show()
    settle(qtbot, desk)
    assert not limits.save_button.isEnabled()
    limits.set_limits(ShiftLimits(max_hours_per_night=4.0, min_break_minutes=10))
    assert limits.save_button.isEnabled()
    limits.set_limits(ShiftLimits())  # back to what is saved
    assert not limits.save_button.isEnabled()
    limits.save()  # nothing changed: nothing is written
    settle(qtbot, desk)
    assert limits.saved_label.text() == ""
    limits.set_limits(ShiftLimits(max_hours_per_night=4.0, min_break_minutes=10))
    click(limits.save_button)
    qtbot.waitUntil(lambda: limits.saved_label.text() == "Saved.")
    assert load_settings(desk.vault).shift_limits.max_hours_per_night == 4.0
