"""Settings → During a session: the system-wide pace hotkeys and the pace sound.

"Message in" and "Replied" can be marked from the chat app without switching windows:
two key combinations TalentDesk hears anywhere on the desktop (by default Ctrl+Alt+M and
Ctrl+Alt+R; see :mod:`talentdesk.ui.hotkeys`). Here the talent sees them, records other
ones, and learns when the desktop does not allow them (Wayland), with what to use instead.
They are desk settings (``DeskSettings``), sealed in the vault and saved on the bridge.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QKeySequenceEdit, QVBoxLayout, QWidget

from talentdesk.sessions.settings import (
    DEFAULT_HOTKEY_MESSAGE_IN,
    DEFAULT_HOTKEY_REPLIED,
    DeskSettings,
)
from talentdesk.ui.agency_link import AgencyLink
from talentdesk.ui.hotkeys import (
    HotkeySupport,
    Unsupported,
    from_key_sequence,
    hotkey_support,
    is_valid,
    taken_elsewhere,
    to_key_sequence,
)
from talentdesk.ui.widgets import Card, TranslatedWidget, field_grid, make_button, make_label

log = logging.getLogger(__name__)


class SessionKeysSection(TranslatedWidget):
    """The "During a session" card of Settings.

    Args:
        agency: The agency link of the unlocked vault (it reads and saves the settings);
            None shows the defaults, disabled.
        support: Whether hotkeys work on this desktop (tests pretend); None asks.
    """

    def __init__(
        self,
        agency: AgencyLink | None = None,
        parent: QWidget | None = None,
        *,
        support: HotkeySupport | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sessionKeysSection")
        self._agency = agency
        self._support = support or hotkey_support(QGuiApplication.platformName())
        self._state = ""  # "", "saved", "invalid", "taken" or "failed"
        self._saved_keys: tuple[str, str] = ("", "")
        # What the vault holds (keys and sound) once read: Save has nothing to do until
        # the fields differ from it.
        self._saved: tuple[str, str, bool] | None = None
        self._taken: tuple[str, ...] = ()  # combinations another app holds
        self.heading = make_label("heading")
        self.explanation = make_label("muted")
        self.availability = make_label("body", name="hotkeyAvailability")
        self.message_in_label = make_label("fieldLabel", wrap=False)
        self.message_in = QKeySequenceEdit()
        self.message_in.setObjectName("hotkeyMessageIn")
        self.replied_label = make_label("fieldLabel", wrap=False)
        self.replied = QKeySequenceEdit()
        self.replied.setObjectName("hotkeyReplied")
        for edit in (self.message_in, self.replied):
            edit.setMaximumSequenceLength(1)
            edit.setClearButtonEnabled(True)
            edit.setMinimumWidth(180)
        self.sound = QCheckBox()
        self.sound.setObjectName("paceSound")
        self.save_button = make_button("primary", name="saveSessionKeys")
        self.defaults_button = make_button(name="defaultSessionKeys")
        self.saved_label = make_label("muted", name="sessionKeysSaved")
        self._show(DEFAULT_HOTKEY_MESSAGE_IN, DEFAULT_HOTKEY_REPLIED, False)
        self.save_button.setEnabled(False)  # until the vault's settings are read
        self._build_layout()
        self._connect_signals()
        self.retranslate()
        if agency is not None:
            agency.run(agency.workspace.desk_settings, self._loaded, self._failed, receiver=self)
        else:
            self.setEnabled(False)

    def _build_layout(self) -> None:
        card = Card(margins=22)
        card.body.setSpacing(10)
        card.body.addWidget(self.heading)
        card.body.addWidget(self.explanation)
        card.body.addWidget(self.availability)
        card.body.addLayout(
            field_grid(
                [(self.message_in_label, self.message_in), (self.replied_label, self.replied)]
            )
        )
        card.body.addWidget(self.sound)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.defaults_button)
        buttons.addSpacing(8)
        buttons.addWidget(self.saved_label, 1)
        card.body.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(card)

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self.save)
        self.defaults_button.clicked.connect(self._defaults)
        self.message_in.keySequenceChanged.connect(self._update_save)
        self.replied.keySequenceChanged.connect(self._update_save)
        self.sound.toggled.connect(self._update_save)

    # ------------------------------------------------------------------ values

    def keys(self) -> tuple[str, str]:
        """The combinations on show, in pynput's spelling ("" for none)."""
        return (
            from_key_sequence(self.message_in.keySequence()),
            from_key_sequence(self.replied.keySequence()),
        )

    def _show(self, message_in: str, replied: str, sound: bool) -> None:
        self.message_in.setKeySequence(to_key_sequence(message_in))
        self.replied.setKeySequence(to_key_sequence(replied))
        self.sound.setChecked(sound)

    def _update_save(self) -> None:
        shown = (*self.keys(), self.sound.isChecked())
        self.save_button.setEnabled(self._saved is not None and shown != self._saved)

    def _loaded(self, settings: DeskSettings) -> None:
        self._saved_keys = (settings.hotkey_message_in, settings.hotkey_replied)
        self._saved = (settings.hotkey_message_in, settings.hotkey_replied, settings.pace_sound)
        self._show(settings.hotkey_message_in, settings.hotkey_replied, settings.pace_sound)
        self._update_save()

    def _failed(self, exc: Exception) -> None:
        log.warning("session settings not read or saved: %s", type(exc).__name__)
        self._state = "failed"
        self.retranslate()

    def _defaults(self) -> None:
        self._show(DEFAULT_HOTKEY_MESSAGE_IN, DEFAULT_HOTKEY_REPLIED, self.sound.isChecked())

    def save(self) -> None:
        """Save the combinations and the sound (on the bridge); a bad combination is refused."""
        message_in, replied = self.keys()
        typed = (self.message_in.keySequence(), self.replied.keySequence())
        recorded = [
            k for k, seq in zip((message_in, replied), typed, strict=True) if not seq.isEmpty()
        ]
        if any(not k or not is_valid(k) for k in recorded) or (
            message_in and message_in == replied
        ):
            self._state = "invalid"
            self.retranslate()
            return
        agency = self._agency
        if agency is None:
            return
        # A new combination another app holds would never be heard: say so before saving.
        # (The saved ones may be TalentDesk's own grabs while a session is live.)
        changed = [k for k in (message_in, replied) if k not in self._saved_keys]
        platform = QGuiApplication.platformName()
        taken = taken_elsewhere(changed, platform=platform) if self._support.available else ()
        if taken:
            self._state, self._taken = "taken", taken
            self.retranslate()
            return
        workspace, sound = agency.workspace, self.sound.isChecked()

        def done(settings: DeskSettings) -> None:
            self._saved_keys = (settings.hotkey_message_in, settings.hotkey_replied)
            self._saved = (*self._saved_keys, settings.pace_sound)
            self._update_save()
            self._state = "saved"
            self.retranslate()

        agency.run(
            lambda: workspace.save_session_keys(message_in, replied, pace_sound=sound),
            done,
            self._failed,
            receiver=self,
        )

    # ------------------------------------------------------------------ texts

    def _availability_text(self) -> str:
        support = self._support
        if support.available:
            return self.tr(
                "They work anywhere on your desktop while a chat session is live, also while "
                "your chat app has focus and while TalentDesk is locked."
            )
        if support.reason is Unsupported.WAYLAND:
            return self.tr(
                "Your desktop (Wayland) lets no app hear keys pressed in other apps, so these "
                "shortcuts cannot work here. Use the Message in and Replied buttons of the "
                "compact window beside your chat app instead (F8 and F9 work in it too)."
            )
        return self.tr(
            "System-wide shortcuts are not available on this desktop. Use the Message in and "
            "Replied buttons of the compact window instead (F8 and F9 work in it too)."
        )

    def retranslate(self) -> None:
        self.heading.setText(self.tr("During a session"))
        self.explanation.setText(
            self.tr(
                "Mark the reply pace without leaving your chat app: press the first shortcut "
                "when the customer writes and the second when you have replied."
            )
        )
        self.availability.setText(self._availability_text())
        self.message_in_label.setText(self.tr("Message in"))
        self.replied_label.setText(self.tr("Replied"))
        self.sound.setText(self.tr("Play a sound when a reply nears the agency's limit"))
        self.save_button.setText(self.tr("Save"))
        self.defaults_button.setText(self.tr("Use the defaults"))
        self.saved_label.setText(
            {
                "saved": self.tr("Saved."),
                "invalid": self.tr(
                    "Use a key with Ctrl, Alt or both (such as Ctrl+Alt+M), a different one "
                    "for each."
                ),
                "failed": self.tr("Could not be saved. Try again."),
                "taken": self.tr(
                    "Another app already uses %1. Choose another combination."
                ).replace(
                    "%1",
                    ", ".join(
                        to_key_sequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                        for k in self._taken
                    ),
                ),
            }.get(self._state, "")
        )


__all__ = ["SessionKeysSection"]
