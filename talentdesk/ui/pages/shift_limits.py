"""Settings → Shift limits: the most hours of sessions in a night, the shortest break between them.

TalentDesk warns before the talent accepts a booking that would break them.
They say something about the talent's work, so they are sealed in the vault
(``DeskSettings``), read and saved on the bridge.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QWidget

from talentdesk.domain import ShiftLimits
from talentdesk.sessions.settings import DeskSettings
from talentdesk.ui.agency_link import AgencyLink
from talentdesk.ui.pages.vault_setting import VaultSettingSection
from talentdesk.ui.widgets import (
    field_grid,
    make_button,
    make_combo,
    make_label,
)

if TYPE_CHECKING:
    from talentdesk.workspace import Workspace

#: The choices offered; a saved value that is not among them is offered too.
HOURS_CHOICES = tuple(h / 2 for h in range(4, 25))  # 2 to 12 hours, by half hours
BREAK_CHOICES = (0, 5, 10, 15, 20, 30, 45, 60, 90, 120)


def _choose(picker: QComboBox, choices: tuple[float, ...], value: float) -> None:
    """Offer ``choices`` (and ``value``, if it is another) with ``value`` current."""
    picker.blockSignals(True)
    picker.clear()
    for choice in sorted({*choices, value}):
        picker.addItem("", choice)
    picker.setCurrentIndex(picker.findData(value))
    picker.blockSignals(False)


class ShiftLimitsSection(VaultSettingSection[ShiftLimits]):
    """The Shift limits card of Settings.

    Args:
        agency: the agency link of the unlocked vault (it reads and saves the limits);
            None shows the defaults, disabled.
    """

    what = "shift limits"

    def __init__(self, agency: AgencyLink | None = None, parent: QWidget | None = None) -> None:
        super().__init__(agency, parent)
        self.setObjectName("shiftLimitsSection")
        self.hours_label = make_label("fieldLabel", wrap=False)
        self.hours = make_combo("maxHoursPerNight")
        self.break_label = make_label("fieldLabel", wrap=False)
        self.break_minutes = make_combo("minBreakMinutes")
        for picker in (self.hours, self.break_minutes):
            picker.setMinimumWidth(180)
        self.save_button = make_button("primary", name="saveShiftLimits")
        self.saved_label = make_label("muted", wrap=False, name="shiftLimitsSaved")
        self._show(ShiftLimits())
        self._lay_out(
            field_grid([(self.hours_label, self.hours), (self.break_label, self.break_minutes)])
        )
        self._connect_signals()
        self.retranslate()
        self._read()

    def _connect_signals(self) -> None:
        self.hours.currentIndexChanged.connect(self._edited)
        self.break_minutes.currentIndexChanged.connect(self._edited)
        self.save_button.clicked.connect(self.save)

    @property
    def saved_limits(self) -> ShiftLimits | None:
        """The limits as read from (or last saved to) the vault; None until read."""
        return self._saved

    def limits(self) -> ShiftLimits:
        """The limits on show."""
        hours, minutes = self.hours.currentData(), self.break_minutes.currentData()
        return ShiftLimits(max_hours_per_night=float(hours), min_break_minutes=int(minutes))

    def set_limits(self, limits: ShiftLimits) -> None:
        """Show ``limits`` (not saved until Save is pressed)."""
        self.hours.setCurrentIndex(self.hours.findData(limits.max_hours_per_night))
        self.break_minutes.setCurrentIndex(self.break_minutes.findData(limits.min_break_minutes))

    def _show(self, limits: ShiftLimits) -> None:
        _choose(self.hours, HOURS_CHOICES, limits.max_hours_per_night)
        _choose(self.break_minutes, BREAK_CHOICES, limits.min_break_minutes)
        self._name_choices()

    def _name_choices(self) -> None:
        locale = self.locale()
        for index in range(self.hours.count()):
            hours = float(self.hours.itemData(index))
            self.hours.setItemText(
                index,
                self.tr("1 hour")
                if hours == 1
                else self.tr("%1 hours").replace("%1", locale.toString(hours, "g", 3)),
            )
        for index in range(self.break_minutes.count()):
            minutes = int(self.break_minutes.itemData(index))
            self.break_minutes.setItemText(
                index,
                self.tr("No break needed")
                if minutes == 0
                else self.tr("%n minute(s)", "", minutes),
            )

    def _value_of(self, settings: DeskSettings) -> ShiftLimits:
        return settings.shift_limits

    def _on_show(self) -> ShiftLimits:
        return self.limits()

    def _store(self, workspace: Workspace, value: ShiftLimits) -> DeskSettings:
        return workspace.save_shift_limits(value)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Shift limits"))
        self.explanation.setText(
            self.tr(
                "Before you accept a booking, TalentDesk warns you if it would break these "
                "limits. The night counts every booking within 12 hours of the new one."
            )
        )
        self.hours_label.setText(self.tr("Most hours in a night"))
        self.break_label.setText(self.tr("Shortest break between sessions"))
        self._name_choices()
        self.save_button.setText(self.tr("Save limits"))
        changed = self._changed()
        self.save_button.setEnabled(self._agency is not None and changed)
        self.saved_label.setText(
            {
                "saved": self.tr("Saved."),
                "failed": self.tr("Not saved: the vault could not be written. Try again."),
            }.get(self._state, "")
        )
