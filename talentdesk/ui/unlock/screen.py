"""The unlock screen: opens, creates or unlocks the vault, and says how it is protected.

Flow (every vault call runs on the bridge, never on the GUI thread):

* no vault file: first the language and the working name (:class:`WelcomeStep`),
  then, with a keyring available, create it in the keyring and say which keyring
  protects it (:class:`ReadyStep`); with none, ask for a new passphrase twice,
  explaining the weaker shredding promise (:class:`NewPassphraseStep`);
* a key kept beside the vault (``--demo``): create or open it with that, ask nothing;
* keyring vault: open it straight away at start; after a lock, one click;
* passphrase vault: ask for the passphrase; a wrong one is refused in place;
* anything else (keyring unreachable, key missing, damaged or newer file):
  a plain explanation and Try again (:class:`ProblemStep`).

Locked during a live session or with an escalation open, the screen also carries the
app's guard panel (:meth:`UnlockScreen.set_guard`): the session's clock and the escalate
button stay above the unlock card.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from talentdesk.ui.bridge import Bridge, Operation
from talentdesk.ui.language import LANGUAGE_NAMES
from talentdesk.ui.unlock.examine import Examination, examine
from talentdesk.ui.unlock.problem import ProblemStep
from talentdesk.ui.unlock.steps import (
    Activity,
    BusyStep,
    LockedStep,
    NewPassphraseStep,
    PassphraseStep,
    ReadyStep,
    WelcomeStep,
)
from talentdesk.ui.widgets import Card, TranslatedWidget, make_combo, make_label
from talentdesk.vault import (
    KeyringStatus,
    KeyringUnavailable,
    Protection,
    Vault,
    VaultExists,
    WrongPassphrase,
    keyring_status,
)

log = logging.getLogger(__name__)

T = TypeVar("T")


class UnlockScreen(TranslatedWidget):
    """The first window, and the one that covers everything while TalentDesk is locked.

    Args:
        vault_path: the vault file.
        bridge: runs the vault calls off the GUI thread.
        language: the current language code, for the language picker.
        vault_key: a key kept beside the vault (the demo's): no passphrase is asked; after
            a lock, one click opens it again.

    Signals:
        vault_changed(object): a vault was unlocked or created; carries the open ``Vault``,
            which now belongs to the receiver.
        language_changed(str): the talent picked another language here.
        quit_requested(): the talent chose Quit.
    """

    vault_changed = Signal(object)
    language_changed = Signal(str)
    quit_requested = Signal()

    def __init__(
        self,
        vault_path: Path,
        bridge: Bridge,
        *,
        language: str,
        keyring_probe: Callable[[], KeyringStatus] = keyring_status,
        vault_key: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault_path = vault_path
        self._vault_key = vault_key
        self._bridge = bridge
        self._keyring_probe = keyring_probe
        self._generation = 0
        self._pending: Vault | None = None
        self.guard: QWidget | None = None
        self.setObjectName("unlockScreen")
        self.setWindowTitle("TalentDesk")
        self.resize(QSize(760, 680))
        self.busy = BusyStep()
        self.welcome = WelcomeStep()
        self._first_keyring: KeyringStatus | None = None
        self.passphrase = PassphraseStep()
        self.new_passphrase = NewPassphraseStep()
        self.ready = ReadyStep()
        self.locked = LockedStep()
        self.problem = ProblemStep(vault_path)
        self._steps = QWidget()
        steps_layout = QVBoxLayout(self._steps)
        steps_layout.setContentsMargins(0, 0, 0, 0)
        self._current: QWidget = self.busy
        for step in (
            self.busy,
            self.welcome,
            self.passphrase,
            self.new_passphrase,
            self.ready,
            self.locked,
            self.problem,
        ):
            steps_layout.addWidget(step)
            step.setVisible(step is self.busy)
        self._tagline = make_label("tagline", wrap=False)
        self.language_picker = make_combo("unlockLanguagePicker")
        for code, name in LANGUAGE_NAMES.items():
            self.language_picker.addItem(name, code)
        self.set_language(language)
        self._build_layout()
        self._connect_signals()
        self.retranslate()

    # ------------------------------------------------------------------ layout

    def _build_layout(self) -> None:
        brand = make_label("brand", wrap=False)
        brand.setText("TalentDesk")
        header = QHBoxLayout()
        header.addWidget(brand)
        header.addSpacing(8)
        header.addWidget(self._tagline, 1, Qt.AlignmentFlag.AlignBottom)
        card = Card()
        card.setFixedWidth(520)
        card.body.addWidget(self._steps)
        self._language_label = make_label("small", wrap=False)
        self._footer = QWidget()
        footer = QHBoxLayout(self._footer)
        footer.setContentsMargins(0, 0, 0, 0)
        footer.addStretch(1)
        footer.addWidget(self._language_label)
        footer.addWidget(self.language_picker)
        column = QVBoxLayout()
        column.setSpacing(16)
        column.addStretch(1)
        column.addLayout(header)
        self._guard_slot = QVBoxLayout()
        self._guard_slot.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._guard_slot)
        column.addWidget(card)
        column.addWidget(self._footer)
        column.addStretch(2)
        content = QWidget()
        content.setObjectName("unlockContent")
        centred = QHBoxLayout(content)
        centred.setContentsMargins(32, 24, 32, 24)
        centred.addStretch(1)
        centred.addLayout(column)
        centred.addStretch(1)
        # On a short screen the card scrolls instead of being squeezed.
        scroll = QScrollArea()
        scroll.setObjectName("unlockScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _connect_signals(self) -> None:
        self.passphrase.unlock_requested.connect(self._unlock_with_passphrase)
        self.new_passphrase.create_requested.connect(self._create_with_passphrase)
        self.ready.continue_requested.connect(self._hand_over_pending)
        self.welcome.continue_requested.connect(self._welcomed)
        self.welcome.language_picked.connect(self.language_changed)
        self.locked.unlock_requested.connect(self._open_unprompted)
        self.problem.retry_requested.connect(self.begin)
        self.problem.quit_requested.connect(self.quit_requested)
        self.language_picker.currentIndexChanged.connect(self._on_language_picked)

    def set_guard(self, panel: QWidget | None) -> None:
        """Carry ``panel`` above the unlock card (the live session's clock and escalate
        button while locked), or none. The screen owns it from now on."""
        old, self.guard = self.guard, panel
        # A guarded lock keeps the vault open for the live session: say so, not "closed".
        self.passphrase.set_guarded(panel is not None)
        self.locked.set_guarded(panel is not None)
        if old is not None:
            self._guard_slot.removeWidget(old)
            old.hide()
            old.deleteLater()
        if panel is not None:
            panel.setFixedWidth(520)
            self._guard_slot.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
            panel.show()

    def _show_step(self, step: QWidget) -> None:
        # Hidden steps take no room, so the card is as tall as the step on show.
        if step is not self._current:
            self._current.hide()
            self._current = step
            step.show()
        # The welcome step has the language picker of its own.
        self._footer.setVisible(step is not self.welcome)

    def _on_language_picked(self, index: int) -> None:
        code = self.language_picker.itemData(index)
        if isinstance(code, str):
            self.language_changed.emit(code)

    def set_language(self, code: str) -> None:
        """Show ``code`` in the language picker without emitting ``language_changed``."""
        index = self.language_picker.findData(code)
        if index >= 0:
            self.language_picker.blockSignals(True)
            self.language_picker.setCurrentIndex(index)
            self.language_picker.blockSignals(False)
        self.welcome.set_language(code)

    def retranslate(self) -> None:
        self._tagline.setText(self.tr("your shift desk"))
        self._language_label.setText(self.tr("Language:"))

    # ------------------------------------------------------------------ flow

    @property
    def current_step(self) -> QWidget:
        """The step on show."""
        return self._current

    def begin(self, *, locked: bool = False) -> None:
        """Find out what there is to open, then open it or ask what is needed.

        Args:
            locked: coming back from a lock: a keyring vault waits for a click.
        """
        self._generation += 1
        self._discard_pending()
        self._show_busy(Activity.EXAMINING)
        path, keyring_probe, key = self._vault_path, self._keyring_probe, self._vault_key
        self._run(
            lambda: examine(path, keyring_probe, locked=locked, vault_key=key),
            lambda found: self.take_examination(found, locked=locked),
        )

    def show_opening(self) -> None:
        """Say the vault is being opened (the app examines it before this screen exists)."""
        self._show_busy(Activity.OPENING)

    def take_examination(self, found: Examination, *, locked: bool = False) -> None:
        """Go on from what an examination found: open, ask, create or explain.

        Also for the app's own examination at start, made before this screen existed.
        """
        if found.opened is not None:
            self._opened(found.opened)
        elif found.failed is not None:
            self._show_problem(found.failed)
        elif found.info is None:
            # A first run: the language and the working name first, then the vault.
            self._first_keyring = found.keyring
            self._show_step(self.welcome)
            self.welcome.name_field.setFocus()
        elif found.info.protection is Protection.KEYRING:
            if locked:
                self.locked.set_kept_key(False)
                self._show_step(self.locked)
                self.locked.unlock_button.setFocus()
            else:
                self._open_with_keyring()
        elif self._vault_key is not None and locked:
            # The demo's vault: its key is beside it, so one click opens it again.
            self.locked.set_kept_key(True)
            self._show_step(self.locked)
            self.locked.unlock_button.setFocus()
        else:
            self.passphrase.prepare(locked=locked)
            self._show_step(self.passphrase)
            self.passphrase.field.setFocus()

    def _welcomed(self) -> None:
        keyring = self._first_keyring
        if keyring is not None and keyring.available:
            self._create_with_keyring()
        else:
            self.new_passphrase.prepare()
            self._show_step(self.new_passphrase)
            self.new_passphrase.first.setFocus()

    def take_working_name(self) -> str:
        """The working name typed on a first run, once ("" if none): the app saves it."""
        name = self.welcome.working_name()
        self.welcome.name_field.clear()
        return name

    def show_locking(self) -> None:
        """Say the vault is being closed; call :meth:`begin` (locked) once it is."""
        self._generation += 1
        self._discard_pending()
        self._show_busy(Activity.LOCKING)

    def _create_with_keyring(self) -> None:
        self._show_busy(Activity.CREATING)
        path = self._vault_path
        self._run(lambda: Vault.create(path), self._created_in_keyring, self._keyring_create_failed)

    def _created_in_keyring(self, vault: Vault) -> None:
        self._pending = vault
        self.ready.set_keyring(vault.keyring_description or "")
        self._show_step(self.ready)
        self.ready.continue_button.setFocus()

    def _keyring_create_failed(self, exc: Exception) -> None:
        if isinstance(exc, KeyringUnavailable):
            log.warning("keyring unusable at vault creation: %s", exc)
            self.new_passphrase.prepare(keyring_reason=str(exc))
            self._show_step(self.new_passphrase)
        else:
            self._show_problem(exc)

    def _create_with_passphrase(self, passphrase: str) -> None:
        path = self._vault_path
        self._run(
            lambda: Vault.create(path, passphrase=passphrase),
            self._opened,
            self._passphrase_create_failed,
        )

    def _passphrase_create_failed(self, exc: Exception) -> None:
        if isinstance(exc, VaultExists):
            self.begin()  # another process created it meanwhile: unlock that one
        else:
            self._show_problem(exc)

    def _open_with_keyring(self) -> None:
        self._show_busy(Activity.OPENING)
        path = self._vault_path
        self._run(lambda: Vault.open(path), self._opened, self._show_problem)

    def _open_unprompted(self) -> None:
        """Unlock after a lock: with the keyring, or with the key kept beside the vault."""
        key = self._vault_key
        if key is None:
            self._open_with_keyring()
            return
        self._show_busy(Activity.OPENING)
        path = self._vault_path
        self._run(lambda: Vault.open(path, passphrase=key), self._opened, self._key_refused)

    def _key_refused(self, exc: Exception) -> None:
        if isinstance(exc, WrongPassphrase):  # not the key's vault: ask for its passphrase
            self.passphrase.prepare(locked=True)
            self._show_step(self.passphrase)
            self.passphrase.field.setFocus()
        else:
            self._show_problem(exc)

    def _unlock_with_passphrase(self, passphrase: str) -> None:
        path = self._vault_path
        self._run(
            lambda: Vault.open(path, passphrase=passphrase), self._opened, self._unlock_failed
        )

    def _unlock_failed(self, exc: Exception) -> None:
        if isinstance(exc, WrongPassphrase):
            self.passphrase.show_wrong_passphrase()
        else:
            self._show_problem(exc)

    def _opened(self, vault: Vault) -> None:
        self._pending = vault
        self._hand_over_pending()

    def _hand_over_pending(self) -> None:
        vault, self._pending = self._pending, None
        # No passphrase lingers in a hidden widget.
        self.passphrase.prepare(locked=False)
        self.new_passphrase.prepare()
        if vault is not None:
            self.vault_changed.emit(vault)

    def _discard_pending(self) -> None:
        if self._pending is not None:
            self._pending.close()
            self._pending = None

    def discard(self) -> None:
        """Forget any vault opened here but not yet handed over (at quit); ignore late results."""
        self._generation += 1
        self._discard_pending()

    def _show_busy(self, activity: Activity) -> None:
        self.busy.set_activity(activity)
        self._show_step(self.busy)

    def _show_problem(self, exc: Exception) -> None:
        log.warning("vault not opened: %s: %s", type(exc).__name__, exc)
        self.problem.show_problem(exc)
        self._show_step(self.problem)
        self.problem.retry_button.setFocus()

    def _run(
        self,
        work: Callable[[], T],
        success: Callable[[T], None],
        failure: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run ``work`` on the bridge; drop its outcome if the flow moved on meanwhile."""
        generation = self._generation

        def on_success(result: T) -> None:
            if generation != self._generation:
                stale = result.opened if isinstance(result, Examination) else result
                if isinstance(stale, Vault):  # opened for a flow that moved on
                    stale.close()
                return
            success(result)

        def on_failure(exc: Exception) -> None:
            if generation == self._generation:
                (failure or self._show_problem)(exc)

        Operation(work, success=on_success, parent=self).failure(on_failure).run_in_background(
            self._bridge
        )
