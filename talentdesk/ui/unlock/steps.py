"""The steps of the unlock screen, one widget each; the flow lives in :mod:`.screen`.

Steps only collect input and show outcomes: they emit ``*_requested``
signals and never touch the vault themselves.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from talentdesk.sessions.settings import MAX_TALENT_NAME_CHARS, clean_talent_name
from talentdesk.ui.keyring_name import keyring_display_name
from talentdesk.ui.language import LANGUAGE_NAMES
from talentdesk.ui.widgets import Callout, TranslatedWidget, make_button, make_combo, make_label
from talentdesk.vault import MIN_PASSPHRASE_CHARS


def _step_layout(widget: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(12)
    return layout


def _passphrase_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    field.setMaxLength(1024)
    return field


def _fill(layout: QVBoxLayout, *parts: QWidget | QLayout | int) -> None:
    """A step's parts, top to bottom: widgets, rows of them, and spacings (ints)."""
    for part in parts:
        if isinstance(part, int):
            layout.addSpacing(part)
        elif isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)


def _button_row(*buttons: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(10)
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row


class Activity(Enum):
    """What the busy step is waiting for."""

    EXAMINING = "examining"
    OPENING = "opening"
    CREATING = "creating"
    LOCKING = "locking"


class _UnlockingStep(TranslatedWidget):
    """A step that opens a vault: it says under its title whether a live session goes on
    behind the lock (the vault then stays open for it)."""

    _body: QLabel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._guarded = False

    @property
    def message(self) -> str:
        """What the step says under its title."""
        return self._body.text()

    def set_guarded(self, guarded: bool) -> None:
        """Say whether a live session goes on behind the lock (the vault stays open for it)."""
        self._guarded = guarded
        self.retranslate()


class BusyStep(TranslatedWidget):
    """A short wait while the vault is examined, opened, created or closed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._activity = Activity.EXAMINING
        layout = _step_layout(self)
        self.title = make_label("title", name="busyTitle")
        self._body = make_label("muted")
        progress = QProgressBar()
        progress.setRange(0, 0)
        progress.setTextVisible(False)
        _fill(layout, self.title, self._body, 8, progress)
        self.retranslate()

    def set_activity(self, activity: Activity) -> None:
        """Say what is being waited for."""
        self._activity = activity
        self.retranslate()

    def retranslate(self) -> None:
        if self._activity is Activity.CREATING:
            self.title.setText(self.tr("Creating your vault…"))
            self._body.setText(self.tr("Setting up encryption. This takes a moment."))
        elif self._activity is Activity.LOCKING:
            self.title.setText(self.tr("Locking TalentDesk…"))
            self._body.setText(
                self.tr("Stopping the sync with your agency, then closing your vault.")
            )
        elif self._activity is Activity.OPENING:
            self.title.setText(self.tr("Opening your vault…"))
            self._body.setText(self.tr("Checking your key. This takes a moment."))
        else:
            self.title.setText(self.tr("Starting TalentDesk…"))
            self._body.setText(self.tr("Looking for your vault."))


class WelcomeStep(TranslatedWidget):
    """A first run: the language to work in and the working name, before the vault is made.

    Signals:
        language_picked(str): the talent picked a language here.
        continue_requested(): go on to making the vault.
    """

    language_picked = Signal(str)
    continue_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = _step_layout(self)
        self.title = make_label("title", name="welcomeTitle")
        self._body = make_label("muted")
        self._language_label = make_label("fieldLabel")
        self.language_picker = make_combo("welcomeLanguagePicker")
        for code, name in LANGUAGE_NAMES.items():
            self.language_picker.addItem(name, code)
        self._language_label.setBuddy(self.language_picker)
        self._name_label = make_label("fieldLabel")
        self.name_field = QLineEdit()
        self.name_field.setObjectName("welcomeWorkingName")
        self.name_field.setMaxLength(MAX_TALENT_NAME_CHARS)
        self._name_label.setBuddy(self.name_field)
        self._name_hint = make_label("small")
        self.continue_button = make_button("primary", name="welcomeContinue")
        _fill(
            layout,
            self.title,
            self._body,
            4,
            self._language_label,
            self.language_picker,
            self._name_label,
            self.name_field,
            self._name_hint,
            4,
            _button_row(self.continue_button),
        )
        self.language_picker.currentIndexChanged.connect(self._picked)
        self.name_field.returnPressed.connect(self.continue_requested)
        self.continue_button.clicked.connect(self.continue_requested)
        self.retranslate()

    def set_language(self, code: str) -> None:
        """Show ``code`` as picked, without announcing it."""
        index = self.language_picker.findData(code)
        if index >= 0:
            self.language_picker.blockSignals(True)
            self.language_picker.setCurrentIndex(index)
            self.language_picker.blockSignals(False)

    def _picked(self, index: int) -> None:
        code = self.language_picker.itemData(index)
        if isinstance(code, str):
            self.language_picked.emit(code)

    def working_name(self) -> str:
        """The working name typed ("" when left empty: it can be set in Settings later)."""
        return clean_talent_name(self.name_field.text())

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome to TalentDesk"))
        self._body.setText(
            self.tr(
                "Your desk for the sessions your agency books. Two things first: the "
                "language you want, and the name you work under."
            )
        )
        self._language_label.setText(self.tr("&Language"))
        self._name_label.setText(self.tr("Your &working name (you can add it later)"))
        self.name_field.setPlaceholderText(self.tr("e.g. Sari"))
        self._name_hint.setText(
            self.tr(
                "The name your agency gives you for customers. Replies fill it in where "
                "they say {talent}. Never your real name."
            )
        )
        self.continue_button.setText(self.tr("Continue"))


class PassphraseStep(_UnlockingStep):
    """Asks for the passphrase of an existing vault.

    Signals:
        unlock_requested(str): the talent submitted a passphrase.
    """

    unlock_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._locked = False
        self._wrong = False
        self._empty = False
        self._busy = False
        layout = _step_layout(self)
        self.title = make_label("title", name="passphraseTitle")
        self._body = make_label("muted")
        self._field_label = make_label("fieldLabel")
        self.field = _passphrase_field("passphraseField")
        self._field_label.setBuddy(self.field)
        self.error = Callout("error", name="passphraseError")
        self.error.hide()
        self.unlock_button = make_button("primary", name="unlockButton")
        _fill(
            layout,
            self.title,
            self._body,
            4,
            self._field_label,
            self.field,
            self.error,
            4,
            _button_row(self.unlock_button),
        )
        self.field.returnPressed.connect(self._submit)
        self.unlock_button.clicked.connect(self._submit)
        self.field.textEdited.connect(self._clear_error)
        self.retranslate()

    def prepare(self, *, locked: bool) -> None:
        """Start afresh: empty field, no message; ``locked`` after an auto-lock or Lock now."""
        self._locked = locked
        self._wrong = self._empty = False
        self.field.clear()
        self.set_busy(False)
        self.retranslate()

    def show_wrong_passphrase(self) -> None:
        """Refuse: clear the field and say the passphrase is wrong."""
        self._wrong, self._empty = True, False
        self.field.clear()
        self.set_busy(False)
        self.retranslate()
        self.field.setFocus()

    def set_busy(self, busy: bool) -> None:
        """Disable input while the passphrase is being checked."""
        self._busy = busy
        self.field.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)
        self.retranslate()

    def _clear_error(self) -> None:
        if self._wrong or self._empty:
            self._wrong = self._empty = False
            self.retranslate()

    def _submit(self) -> None:
        if self._busy:
            return
        passphrase = self.field.text()
        if not passphrase:
            self._empty, self._wrong = True, False
            self.retranslate()
            return
        self.set_busy(True)
        self.unlock_requested.emit(passphrase)

    def retranslate(self) -> None:
        if self._locked and self._guarded:
            self.title.setText(self.tr("TalentDesk is locked"))
            self._body.setText(
                self.tr(
                    "Your customer's details are hidden while you're away; the session and "
                    "the escalate button above keep working. Type your passphrase to see "
                    "everything again."
                )
            )
        elif self._locked:
            self.title.setText(self.tr("TalentDesk is locked"))
            self._body.setText(
                self.tr("Your vault was closed to keep it safe. Type your passphrase to continue.")
            )
        else:
            self.title.setText(self.tr("Unlock TalentDesk"))
            self._body.setText(self.tr("Type your passphrase to open your vault."))
        self._field_label.setText(self.tr("&Passphrase"))
        self.unlock_button.setText(self.tr("Unlocking…") if self._busy else self.tr("Unlock"))
        if self._wrong:
            self.error.setText(
                self.tr("That passphrase is wrong. Check it (and Caps Lock) and try again.")
            )
        elif self._empty:
            self.error.setText(self.tr("Type your passphrase first."))
        self.error.setVisible(self._wrong or self._empty)


class NewPassphraseStep(TranslatedWidget):
    """First run without a keyring: choose a passphrase, twice, knowing what it means.

    Signals:
        create_requested(str): a passphrase that is long enough and was typed twice alike.
    """

    create_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._keyring_reason: str | None = None
        self._problem: str | None = None  # "short" or "mismatch"
        self._busy = False
        layout = _step_layout(self)
        self.title = make_label("title", name="newPassphraseTitle")
        self._body = make_label("muted")
        self.warning = Callout("warning", name="passphraseOnlyWarning")
        self._first_label = make_label("fieldLabel")
        self.first = _passphrase_field("newPassphraseField")
        self._first_label.setBuddy(self.first)
        self._second_label = make_label("fieldLabel")
        self.second = _passphrase_field("confirmPassphraseField")
        self._second_label.setBuddy(self.second)
        self._forget = make_label("small")
        self.error = Callout("error", name="newPassphraseError")
        self.error.hide()
        self.create_button = make_button("primary", name="createVaultButton")
        _fill(
            layout,
            self.title,
            self._body,
            self.warning,
            4,
            self._first_label,
            self.first,
            self._second_label,
            self.second,
            self._forget,
            self.error,
            _button_row(self.create_button),
        )
        self.first.returnPressed.connect(self.second.setFocus)
        self.second.returnPressed.connect(self._submit)
        self.create_button.clicked.connect(self._submit)
        self.retranslate()

    def prepare(self, *, keyring_reason: str | None = None) -> None:
        """Start afresh; ``keyring_reason`` says why a keyring that exists could not be used."""
        self._keyring_reason = keyring_reason
        self._problem = None
        self.first.clear()
        self.second.clear()
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        """Disable input while the vault is being created."""
        self._busy = busy
        for widget in (self.first, self.second, self.create_button):
            widget.setEnabled(not busy)
        self.retranslate()

    def _submit(self) -> None:
        if self._busy:
            return
        first, second = self.first.text(), self.second.text()
        if len(first) < MIN_PASSPHRASE_CHARS:
            self._problem = "short"
        elif first != second:
            self._problem = "mismatch"
        else:
            self._problem = None
        if self._problem is not None:
            self.first.clear()
            self.second.clear()
            self.first.setFocus()
            self.retranslate()
            return
        self.set_busy(True)
        self.create_requested.emit(first)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Protect your vault with a passphrase"))
        if self._keyring_reason:
            intro = self.tr(
                "A system keyring was found but could not be used (%1), so a passphrase that "
                "you choose will protect your vault."
            ).replace("%1", self._keyring_reason)
        else:
            intro = self.tr(
                "This computer has no system keyring, so a passphrase that you choose will "
                "protect your vault. You'll type it each time you open TalentDesk."
            )
        self._body.setText(intro)
        self.warning.setText(
            self.tr(
                "Good to know: with a passphrase only, the promise that a customer's data can't "
                "be recovered after a session is shredded is weaker. Old copies can stay in free "
                "disk space, and someone who later learns your passphrase could decrypt them. A "
                "system keyring gives the full guarantee."
            )
        )
        self._first_label.setText(self.tr("&New passphrase"))
        self.first.setPlaceholderText(
            self.tr("At least %1 characters").replace("%1", str(MIN_PASSPHRASE_CHARS))
        )
        self._second_label.setText(self.tr("Type it &again"))
        self._forget.setText(
            self.tr("If you forget it, nobody can open your vault, not even your agency.")
        )
        self.create_button.setText(
            self.tr("Creating…") if self._busy else self.tr("Create my vault")
        )
        if self._problem == "short":
            self.error.setText(
                self.tr("Your passphrase needs at least %1 characters.").replace(
                    "%1", str(MIN_PASSPHRASE_CHARS)
                )
            )
        elif self._problem == "mismatch":
            self.error.setText(self.tr("The two passphrases don't match. Type them again."))
        self.error.setVisible(self._problem is not None)


class ReadyStep(TranslatedWidget):
    """First run with a keyring: the vault exists, and this is what protects it.

    Signals:
        continue_requested(): the talent has read it and goes on to the app.
    """

    continue_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._keyring = ""
        layout = _step_layout(self)
        self.title = make_label("title", name="readyTitle")
        self.protection = Callout("success", name="keyringProtection")
        self._body = make_label("muted")
        self.continue_button = make_button("primary", name="continueButton")
        _fill(layout, self.title, self.protection, self._body, 4, _button_row(self.continue_button))
        # Enter goes on, as on the step before (where Enter brought the talent here).
        self.continue_button.setAutoDefault(True)
        self.continue_button.clicked.connect(self.continue_requested)
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.continue_button.setFocus()

    def set_keyring(self, backend: str) -> None:
        """Name the keyring that holds the vault's key."""
        self._keyring = backend
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Your vault is ready"))
        self.protection.setText(
            self.tr("Its key is kept in your system keyring: %1.").replace(
                "%1", keyring_display_name(self._keyring)
            )
        )
        self.protection.setToolTip(self._keyring)
        self._body.setText(
            self.tr(
                "You don't need a passphrase: the vault opens by itself while you're logged in "
                "to this computer. When a session ends, its customer data is shredded, and even "
                "old copies left on the disk can no longer be decrypted."
            )
        )
        self.continue_button.setText(self.tr("Continue"))


class LockedStep(_UnlockingStep):
    """A keyring vault after a lock: one click opens it again.

    Signals:
        unlock_requested(): the talent wants the vault open again.
    """

    unlock_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kept_key = False
        layout = _step_layout(self)
        self.title = make_label("title", name="lockedTitle")
        self._body = make_label("muted")
        self.unlock_button = make_button("primary", name="keyringUnlockButton")
        _fill(layout, self.title, self._body, 4, _button_row(self.unlock_button))
        self.unlock_button.clicked.connect(self.unlock_requested)
        self.retranslate()

    def set_kept_key(self, kept: bool) -> None:
        """The vault opens with a key kept beside it (the demo's), not the keyring's."""
        self._kept_key = kept
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("TalentDesk is locked"))
        if self._guarded:
            body = self.tr(
                "Your customer's details are hidden while you're away; the session and "
                "the escalate button above keep working. Press Unlock to see everything "
                "again."
            )
        elif self._kept_key:
            body = self.tr(
                "The demo vault was closed. Press Unlock to open it again: its key is kept, "
                "unprotected, in the demo folder."
            )
        else:
            body = self.tr(
                "Your vault was closed to keep it safe. Press Unlock to open it again with the "
                "key in your system keyring."
            )
        self._body.setText(body)
        self.unlock_button.setText(self.tr("Unlock"))
