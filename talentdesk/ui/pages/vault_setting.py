"""A card of Settings that shows one of the desk's settings sealed in the vault and saves it.

The working name and the shift limits say something about the talent's work, so they
live in the vault (``DeskSettings``): each card reads them on the bridge when it is
built, says "Saved." or why not after Save, and enables Save only for a change.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QPushButton, QVBoxLayout, QWidget

from talentdesk.ui.widgets import Card, TranslatedWidget, make_label

if TYPE_CHECKING:
    from talentdesk.sessions.settings import DeskSettings
    from talentdesk.ui.agency_link import AgencyLink
    from talentdesk.workspace import Workspace

log = logging.getLogger(__name__)

T = TypeVar("T")


class VaultSettingSection(TranslatedWidget, Generic[T]):
    """The read / edit / save round of one setting; subclasses say what it is and show it.

    Subclasses build their fields, ``save_button`` and ``saved_label``, lay them out with
    :meth:`_lay_out`, call :meth:`_read` at the end of their constructor, call
    :meth:`_edited` when the talent changes what is on show, and implement the four
    methods below.

    Args:
        agency: the agency link of the unlocked vault (it reads and saves the setting);
            None shows the card disabled.
    """

    #: What the setting is, for the log (never its value).
    what = "setting"
    #: Made by the subclass.
    save_button: QPushButton
    saved_label: QLabel

    def __init__(self, agency: AgencyLink | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._agency = agency
        self._saved: T | None = None
        self._state = ""  # "", "saved" or "failed"
        self.heading = make_label("heading")
        self.explanation = make_label("muted")

    def _lay_out(self, fields: QLayout) -> None:
        """The card: heading, explanation, ``fields``, then Save and what became of it."""
        card = Card(margins=22)
        card.body.setSpacing(10)
        card.body.addWidget(self.heading)
        card.body.addWidget(self.explanation)
        card.body.addLayout(fields)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addSpacing(8)
        if self.saved_label.wordWrap():  # a long message wraps beside the button
            buttons.addWidget(self.saved_label, 1)
        else:
            buttons.addWidget(self.saved_label)
            buttons.addStretch(1)
        card.body.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(card)

    # --------------------------------------------------------- what subclasses say

    def _value_of(self, settings: DeskSettings) -> T:
        raise NotImplementedError

    def _on_show(self) -> T:
        """The value as the card shows it now."""
        raise NotImplementedError

    def _show(self, value: T) -> None:
        raise NotImplementedError

    def _store(self, workspace: Workspace, value: T) -> DeskSettings:
        """Save ``value`` (on the bridge) and return the settings as saved."""
        raise NotImplementedError

    # --------------------------------------------------------------- the round

    def _read(self) -> None:
        agency = self._agency
        if agency is not None:
            agency.run(agency.workspace.desk_settings, self._loaded, self._failed, receiver=self)

    def _changed(self) -> bool:
        return self._saved is not None and self._on_show() != self._saved

    def _loaded(self, settings: DeskSettings) -> None:
        self._saved = self._value_of(settings)
        self._show(self._saved)
        self.retranslate()

    def _edited(self) -> None:
        self._state = ""
        self.retranslate()

    def save(self) -> None:
        """Save what is on show (on the bridge), if it changed."""
        agency = self._agency
        if agency is None or not self._changed():
            return
        value = self._on_show()
        self.save_button.setEnabled(False)
        agency.run(
            lambda: self._store(agency.workspace, value),
            self._saved_now,
            self._failed,
            receiver=self,
        )

    def _saved_now(self, settings: DeskSettings) -> None:
        self._state = "saved"
        self._loaded(settings)

    def _failed(self, exc: Exception) -> None:
        log.warning("%s not read or saved: %s", self.what, type(exc).__name__)
        self._state = "failed"
        self.retranslate()
