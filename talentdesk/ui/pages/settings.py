"""Settings: working name, the agency, shift limits, language, auto-lock, the vault, about."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from talentdesk import __version__
from talentdesk.ui.agency_link import AgencyLink
from talentdesk.ui.keyring_name import keyring_display_name
from talentdesk.ui.language import LANGUAGE_NAMES
from talentdesk.ui.pages.agency import AgencySection
from talentdesk.ui.pages.session_keys import SessionKeysSection
from talentdesk.ui.pages.shift_limits import ShiftLimitsSection
from talentdesk.ui.pages.vault_summary import VaultSummary
from talentdesk.ui.pages.working_name import WorkingNameSection
from talentdesk.ui.widgets import (
    Card,
    TranslatedWidget,
    field_row,
    make_button,
    make_combo,
    make_label,
)
from talentdesk.vault import Protection

MAX_IDLE_LOCK_MINUTES = 240
MAX_COLUMN_WIDTH = 720
IDLE_LOCK_CHOICES = (0, 1, 2, 5, 10, 15, 30, 60)


class SettingsPage(TranslatedWidget):
    """The talent's settings; each change is announced at once, saving is the receiver's job.

    The Agency and Shift limits sections work with the agency link themselves.

    Args:
        vault: what to show about the open vault.
        language: the current language code.
        idle_lock_minutes: the current auto-lock delay.
        data_dir: the data folder, shown in About.
        agency: the unlocked vault's agency link (pairing, shift limits); None in tests of
            the other sections.

    Signals:
        language_changed(str): "id" or "en" was picked.
        idle_lock_minutes_changed(int): the auto-lock delay changed (0 never locks).
        lock_requested(): Lock now was pressed.
    """

    language_changed = Signal(str)
    idle_lock_minutes_changed = Signal(int)
    lock_requested = Signal()

    def __init__(
        self,
        *,
        vault: VaultSummary,
        language: str,
        idle_lock_minutes: int,
        data_dir: Path,
        agency: AgencyLink | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self.agency = AgencySection(agency)
        self.working_name = WorkingNameSection(agency)
        self.shift_limits = ShiftLimitsSection(agency)
        self.session_keys = SessionKeysSection(agency)
        self._vault = vault
        self._data_dir = data_dir
        self.page_title = make_label("pageTitle", name="pageTitle")

        self.language_picker = make_combo("languagePicker")
        self.language_picker.setMinimumWidth(160)
        for code, name in LANGUAGE_NAMES.items():
            self.language_picker.addItem(name, code)
        self.idle_minutes = make_combo("idleLockMinutes")
        self.idle_minutes.setMinimumWidth(160)
        self.lock_button = make_button(name="lockNowButton")
        self.protection = make_label("body", name="vaultProtection")
        self.protection_note = make_label("muted", name="vaultProtectionNote")
        self.schema = make_label("muted", name="vaultSchema")
        self.about = make_label("muted", name="aboutVersion")
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._labels = {
            key: make_label(role, wrap=not key.endswith("_field"))
            for key, role in (
                ("language", "heading"),
                ("language_field", "fieldLabel"),
                ("auto_lock", "heading"),
                ("auto_lock_text", "muted"),
                ("auto_lock_field", "fieldLabel"),
                ("vault", "heading"),
                ("about", "heading"),
            )
        }
        self.set_language(language)
        self.set_idle_lock_minutes(idle_lock_minutes)
        self._build_layout()
        self._connect_signals()
        self.retranslate()

    def _build_layout(self) -> None:
        labels = self._labels
        language = self._section(labels["language"])
        language.body.addLayout(field_row(labels["language_field"], self.language_picker))

        auto_lock = self._section(labels["auto_lock"])
        auto_lock.body.addWidget(labels["auto_lock_text"])
        auto_lock.body.addLayout(field_row(labels["auto_lock_field"], self.idle_minutes))

        vault = self._section(labels["vault"])
        for widget in (self.protection, self.protection_note, self.schema):
            vault.body.addWidget(widget)
        lock_row = QHBoxLayout()
        lock_row.addWidget(self.lock_button)
        lock_row.addStretch(1)
        vault.body.addLayout(lock_row)

        about = self._section(labels["about"])
        about.body.addWidget(self.about)

        # The width limit is on the whole column, not on each card: a vertical layout asks
        # its items for their height at its own width, so a narrower card would get too
        # little height for its wrapped text.
        sections = QWidget()
        sections.setObjectName("settingsContent")
        sections.setMaximumWidth(MAX_COLUMN_WIDTH)
        column = QVBoxLayout(sections)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addWidget(self.page_title)
        for card in (
            self.working_name,
            self.agency,
            self.shift_limits,
            self.session_keys,
            language,
            auto_lock,
            vault,
            about,
        ):
            column.addWidget(card)
        column.addStretch(1)
        content = QWidget()
        content.setObjectName("settingsContent")
        row = QHBoxLayout(content)
        row.setContentsMargins(36, 32, 36, 32)
        row.addWidget(sections, 1)
        row.addStretch(0)
        scroll = QScrollArea()
        scroll.setObjectName("settingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    @staticmethod
    def _section(heading: QWidget) -> Card:
        card = Card(margins=22)
        card.body.setSpacing(10)
        card.body.addWidget(heading)
        return card

    def _connect_signals(self) -> None:
        self.language_picker.currentIndexChanged.connect(self._on_language_picked)
        self.idle_minutes.currentIndexChanged.connect(self._on_idle_minutes_picked)
        self.lock_button.clicked.connect(self.lock_requested)

    def _on_language_picked(self, index: int) -> None:
        code = self.language_picker.itemData(index)
        if isinstance(code, str):
            self.language_changed.emit(code)

    def _on_idle_minutes_picked(self, index: int) -> None:
        minutes = self.idle_minutes.itemData(index)
        if isinstance(minutes, int):
            self.idle_lock_minutes_changed.emit(minutes)

    def set_language(self, code: str) -> None:
        """Show ``code`` as the current language without emitting ``language_changed``."""
        index = self.language_picker.findData(code)
        if index >= 0:
            self.language_picker.blockSignals(True)
            self.language_picker.setCurrentIndex(index)
            self.language_picker.blockSignals(False)

    def set_idle_lock_minutes(self, minutes: int) -> None:
        """Show the auto-lock delay without emitting ``idle_lock_minutes_changed``.

        The choices are the usual delays plus, if it is another one, the saved delay.
        """
        choices = sorted({*IDLE_LOCK_CHOICES, max(0, min(minutes, MAX_IDLE_LOCK_MINUTES))})
        self.idle_minutes.blockSignals(True)
        self.idle_minutes.clear()
        for choice in choices:
            self.idle_minutes.addItem("", choice)
        self.idle_minutes.setCurrentIndex(self.idle_minutes.findData(minutes))
        self._name_idle_choices()
        self.idle_minutes.blockSignals(False)

    def idle_lock_minutes(self) -> int:
        """The auto-lock delay on show."""
        minutes = self.idle_minutes.currentData()
        return minutes if isinstance(minutes, int) else 0

    def _name_idle_choices(self) -> None:
        for index in range(self.idle_minutes.count()):
            minutes = self.idle_minutes.itemData(index)
            text = (
                self.tr("Never")
                if minutes == 0
                else self.tr("After %n minute(s)", "", int(minutes))
            )
            self.idle_minutes.setItemText(index, text)

    def retranslate(self) -> None:
        labels = self._labels
        self.page_title.setText(self.tr("Settings"))
        labels["language"].setText(self.tr("Language"))
        labels["language_field"].setText(self.tr("Language of the app"))
        labels["auto_lock"].setText(self.tr("Auto-lock"))
        labels["auto_lock_text"].setText(
            self.tr(
                "TalentDesk locks itself and closes your vault when you haven't used the "
                "keyboard or mouse in it for a while, but never while a session is live or an "
                "escalation is open. Locked during a session, the lock screen keeps the "
                "session's timer and the escalate button."
            )
        )
        labels["auto_lock_field"].setText(self.tr("Lock automatically"))
        self._name_idle_choices()
        labels["vault"].setText(self.tr("Vault"))
        self.protection.setToolTip("")  # the keyring's technical name, where there is one
        if self._vault.kept_key:
            self.protection.setText(
                self.tr("Not protected: this demo vault's key is kept in the demo folder.")
            )
            self.protection_note.setText(
                self.tr(
                    "Anyone who can read the demo folder can open this vault. It holds sample "
                    "data only; your real vault is protected by your keyring or a passphrase."
                )
            )
        elif self._vault.protection is Protection.KEYRING:
            self.protection.setText(
                self.tr("Protected by your system keyring: %1.").replace(
                    "%1", keyring_display_name(self._vault.keyring or "")
                )
            )
            self.protection.setToolTip(self._vault.keyring or "")
            self.protection_note.setText(
                self.tr(
                    "When a session ends, its customer data is shredded, and even old copies "
                    "left on the disk can no longer be decrypted."
                )
            )
        else:
            self.protection.setText(self.tr("Protected by your passphrase (no system keyring)."))
            self.protection_note.setText(
                self.tr(
                    "With a passphrase only, shredded customer data is less safe: old copies in "
                    "free disk space could be decrypted by someone who later learns your "
                    "passphrase. A system keyring gives the full guarantee."
                )
            )
        self.schema.setText(
            self.tr("Vault version: %1").replace("%1", str(self._vault.schema_version))
        )
        self.lock_button.setText(self.tr("Lock now"))
        labels["about"].setText(self.tr("About"))
        self.about.setText(
            self.tr("TalentDesk %1\nData folder: %2")
            .replace("%1", __version__)
            .replace("%2", str(self._data_dir))
        )
