"""Settings → Your working name: the alias the talent works under, ``{talent}`` in replies.

It says something about the talent's work, so it is sealed in the vault
(``DeskSettings.talent_name``), read and saved on the bridge like the shift limits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QWidget

from talentdesk.sessions.settings import MAX_TALENT_NAME_CHARS, DeskSettings, clean_talent_name
from talentdesk.ui.agency_link import AgencyLink
from talentdesk.ui.pages.vault_setting import VaultSettingSection
from talentdesk.ui.widgets import field_row, make_button, make_label

if TYPE_CHECKING:
    from talentdesk.workspace import Workspace


class WorkingNameSection(VaultSettingSection[str]):
    """The working name card of Settings.

    Args:
        agency: the agency link of the unlocked vault (it reads and saves the name);
            None shows an empty field, disabled.
    """

    what = "working name"

    def __init__(self, agency: AgencyLink | None = None, parent: QWidget | None = None) -> None:
        super().__init__(agency, parent)
        self.setObjectName("workingNameSection")
        self.field_label = make_label("fieldLabel", wrap=False)
        self.field = QLineEdit()
        self.field.setObjectName("workingNameField")
        self.field.setMaxLength(MAX_TALENT_NAME_CHARS)
        self.field.setMinimumWidth(220)
        self.save_button = make_button("primary", name="saveWorkingName")
        self.saved_label = make_label("muted", name="workingNameSaved")
        self._lay_out(field_row(self.field_label, self.field))
        self._connect_signals()
        self.retranslate()
        self.field.setEnabled(agency is not None)
        self._read()

    def _connect_signals(self) -> None:
        self.field.textEdited.connect(self._edited)
        self.field.returnPressed.connect(self.save)
        self.save_button.clicked.connect(self.save)

    @property
    def saved_name(self) -> str | None:
        """The name as read from (or last saved to) the vault; None until read."""
        return self._saved

    def _value_of(self, settings: DeskSettings) -> str:
        return settings.talent_name

    def _on_show(self) -> str:
        return clean_talent_name(self.field.text())

    def _show(self, value: str) -> None:
        self.field.setText(value)

    def _store(self, workspace: Workspace, value: str) -> DeskSettings:
        return workspace.save_working_name(value)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Your working name"))
        self.explanation.setText(
            self.tr(
                "The name you work under, as your agency knows you to customers. Replies fill "
                "it in where they say {talent}. Never use your real name here."
            )
        )
        self.field_label.setText(self.tr("Working name"))
        self.field.setPlaceholderText(self.tr("e.g. Sari"))
        self.save_button.setText(self.tr("Save name"))
        self.save_button.setEnabled(self._agency is not None and self._changed())
        if self._state == "saved":
            text = self.tr("Saved.")
        elif self._state == "failed":
            text = self.tr("Could not be saved. Try again.")
        elif self._saved == "":
            text = self.tr("Not set yet: replies that use {talent} would leave it out.")
        else:
            text = ""
        self.saved_label.setText(text)
