"""The customer's alias and handle, shown only while the booking or session allows it.

The panel never decides visibility itself: it shows what the runner or the booking
desk returned (None outside the contact window). Copying the handle puts it on the
clipboard marked secret, and the panel counts down until it is cleared.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from talentdesk.domain import CustomerContact
from talentdesk.ui.clipboard import SecretClipboard
from talentdesk.ui.widgets import TranslatedWidget, make_button, make_label


class ContactPanel(TranslatedWidget):
    """Alias, handle and "Copy handle", or why they are not shown.

    Args:
        clipboard: Whose countdown the "copied" note shows.
        compact: Everything on one line (Today's session card).

    Signals:
        copy_requested(): The talent pressed "Copy handle".
    """

    copy_requested = Signal()

    def __init__(
        self, clipboard: SecretClipboard, parent: QWidget | None = None, *, compact: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contactPanel")
        self._clipboard = clipboard
        self._contact: CustomerContact | None = None
        self._hidden_reason = ""
        self.title = make_label("heading", wrap=False, name="contactTitle")
        self.alias_label = make_label("fieldLabel", wrap=False)
        self.alias = make_label("handle", wrap=True, name="contactAlias")
        self.handle_label = make_label("fieldLabel", wrap=False)
        self.handle = make_label("handle", wrap=True, name="contactHandle")
        self.copy_button = make_button(name="copyHandle")
        self.copied_note = make_label("small", name="handleCopiedNote")
        self.hidden_note = make_label("muted", name="contactHidden")
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._details = QWidget()
        if compact:
            self._build_row()
        else:
            self._build_column()
        for label in (self.alias, self.handle):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self._connect_signals()
        self.retranslate()
        self.set_contact(None)

    def _build_column(self) -> None:
        grid = QGridLayout(self._details)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        grid.addWidget(self.alias_label, 0, 0)
        grid.addWidget(self.alias, 0, 1)
        grid.addWidget(self.handle_label, 1, 0)
        grid.addWidget(self.handle, 1, 1)
        grid.setColumnStretch(1, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.copy_button)
        actions.addWidget(self.copied_note, 1)
        actions.addStretch(0)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(self.title)
        column.addWidget(self._details)
        column.addLayout(actions)
        column.addWidget(self.hidden_note)
        column.addStretch(1)

    def _build_row(self) -> None:
        """One line: "Customer  alias  handle  [Copy handle]" (Today's session card)."""
        self.title.setProperty("role", "fieldLabel")
        for label in (self.alias_label, self.handle_label):
            label.hide()
        details = QHBoxLayout(self._details)
        details.setContentsMargins(0, 0, 0, 0)
        details.setSpacing(14)
        details.addWidget(self.alias)
        details.addWidget(self.handle)
        for label in (self.alias, self.handle):
            label.setWordWrap(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(14)
        row.addWidget(self.title)
        row.addWidget(self._details)
        row.addWidget(self.hidden_note, 1)
        row.addWidget(self.copy_button)
        row.addWidget(self.copied_note)
        row.addStretch(1)

    def _connect_signals(self) -> None:
        self.copy_button.clicked.connect(self.copy_requested)
        self._timer.timeout.connect(self._update_note)
        self._clipboard.copied.connect(lambda _secret: self._update_note())
        self._clipboard.secret_cleared.connect(lambda _reason: self._update_note())

    @property
    def contact(self) -> CustomerContact | None:
        """The contact on show."""
        return self._contact

    def set_contact(self, contact: CustomerContact | None, hidden_reason: str = "") -> None:
        """Show ``contact``, or nothing and ``hidden_reason`` (why it is not shown)."""
        self._contact = contact
        self._hidden_reason = hidden_reason
        shown = contact is not None
        self.alias.setText(contact.alias if contact is not None else "")
        self.handle.setText(contact.contact_handle if contact is not None else "")
        self._details.setVisible(shown)
        self.copy_button.setVisible(shown)
        self.copy_button.setEnabled(shown)
        self.hidden_note.setVisible(not shown)
        self.retranslate()

    def _update_note(self) -> None:
        left = self._clipboard.seconds_left() if self._clipboard.holds_secret else 0.0
        if left > 0 and self._contact is not None:
            self.copied_note.setText(
                self.tr("Copied. Cleared from the clipboard in %n s.", "", int(left + 0.999))
            )
            self.copied_note.show()
            self._timer.start()
        else:
            self.copied_note.setText("")
            self.copied_note.hide()
            self._timer.stop()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Customer"))
        self.alias_label.setText(self.tr("Alias"))
        self.handle_label.setText(self.tr("Contact"))
        self.copy_button.setText(self.tr("Copy handle"))
        self.copy_button.setToolTip(
            self.tr(
                "Copied as a secret: clipboard managers are asked not to keep it, and it is "
                "cleared after 30 seconds."
            )
        )
        self.hidden_note.setText(
            self._hidden_reason
            or self.tr(
                "The customer's contact shows only from shortly before the start until the "
                "session is finished."
            )
        )
        self._update_note()
