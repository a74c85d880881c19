"""The unlock screen's problem step: why the vault can't be opened, and what to do."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from talentdesk.ui.widgets import TranslatedWidget, make_button, make_label
from talentdesk.vault import (
    KeyringUnavailable,
    MasterKeyMissing,
    VaultError,
    VaultFormatError,
    VaultTooNew,
)


class ProblemStep(TranslatedWidget):
    """Why the vault can't be opened, and what to do; never a crash.

    Signals:
        retry_requested(): try again (after fixing the keyring, say).
        quit_requested(): close TalentDesk.
    """

    retry_requested = Signal()
    quit_requested = Signal()

    def __init__(self, vault_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault_path = vault_path
        self._problem: BaseException | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.title = make_label("title", name="problemTitle")
        self.message = make_label("body", name="problemMessage")
        self.detail = make_label("small", name="problemDetail")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = make_button("primary", name="retryButton")
        self.quit_button = make_button(name="quitButton")
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.detail)
        layout.addSpacing(4)
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.retry_button)
        layout.addLayout(buttons)
        self.retry_button.clicked.connect(self.retry_requested)
        self.quit_button.clicked.connect(self.quit_requested)
        self.retranslate()

    @property
    def problem(self) -> BaseException | None:
        """The error shown."""
        return self._problem

    def show_problem(self, problem: BaseException) -> None:
        """Explain ``problem`` in plain words."""
        self._problem = problem
        self.retranslate()

    def retranslate(self) -> None:
        problem = self._problem
        detail = f"{type(problem).__name__}: {problem}" if problem is not None else ""
        title, message = self._explain(problem)
        self.title.setText(title)
        self.message.setText(message)
        self.detail.setText(self.tr("Details: %1").replace("%1", detail) if detail else "")
        self.detail.setVisible(bool(detail))
        self.retry_button.setText(self.tr("Try again"))
        self.quit_button.setText(self.tr("Quit"))

    def _explain(self, problem: BaseException | None) -> tuple[str, str]:
        if isinstance(problem, KeyringUnavailable):
            return self.tr("The system keyring can't be reached"), self.tr(
                "Your vault's key is kept in the system keyring, and TalentDesk couldn't reach "
                "it. Make sure you're logged in to your desktop as usual and that the keyring "
                "(for example GNOME Keyring or KWallet) is running and unlocked, then press "
                "Try again."
            )
        if isinstance(problem, MasterKeyMissing):
            return self.tr("The key to your vault is missing"), self.tr(
                "The system keyring answered, but it doesn't hold the key to this vault. That "
                "happens when the keyring was reset, or the vault was copied from another "
                "computer or user account. Without that key the vault can't be opened. If you "
                "have a backup of your keyring, restore it and press Try again; otherwise ask "
                "your agency's technical support for help."
            )
        if isinstance(problem, VaultTooNew):
            return self.tr("This vault needs a newer TalentDesk"), self.tr(
                "Your vault was saved by a newer version of TalentDesk (vault version %1); this "
                "version knows up to %2. Update TalentDesk, then open it again."
            ).replace("%1", str(problem.found)).replace("%2", str(problem.supported))
        if isinstance(problem, VaultFormatError):
            return self.tr("The vault file can't be read"), self.tr(
                "The file %1 isn't a TalentDesk vault, or its header is damaged. TalentDesk "
                "hasn't changed it. Restore it from a backup, or ask your agency's technical "
                "support for help."
            ).replace("%1", str(self._vault_path))
        if isinstance(problem, VaultError | OSError | sqlite3.Error):
            return self.tr("TalentDesk couldn't open your vault"), self.tr(
                "Something went wrong while opening your vault. Press Try again; if it keeps "
                "happening, send the details below to your agency's technical support."
            )
        return self.tr("Something went wrong"), self.tr(
            "TalentDesk hit an unexpected error while opening your vault. Press Try again; if "
            "it keeps happening, send the details below to your agency's technical support."
        )
