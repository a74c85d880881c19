"""The crisis playbook: the signs, one click each, what to do, and who to call.

Picking a sign shows its recommended actions (from
:data:`talentdesk.safety.PLAYBOOK`, translated) and the emergency contacts, the ones
that fit the sign first, with the numbers large, selectable and one click to copy. A
button escalates with the sign filled in; for aggression, another starts a report.
The contacts show even before a sign is picked: in a crisis a number must never be a
click away.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from talentdesk.domain import DEFAULT_EMERGENCY_CONTACTS, EmergencyContact, IncidentCategory
from talentdesk.safety import PLAYBOOK, CrisisGuide, EscalationView, guide_for
from talentdesk.safety.playbook import in_language
from talentdesk.ui.language import current_language
from talentdesk.ui.safety.controller import SafetyController
from talentdesk.ui.safety.escalate import BookingSource
from talentdesk.ui.safety.messages import SafetyMessages
from talentdesk.ui.widgets import Callout, TranslatedWidget, make_button, make_label
from talentdesk_contract import wire


def _digits(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit() or ch == "+")


def contacts_for(
    contacts: Sequence[EmergencyContact], sign: wire.CrisisSign | None
) -> list[EmergencyContact]:
    """``contacts`` with the ones that fit ``sign`` first (as ``Playbook.contacts`` orders)."""
    if sign is None:
        return list(contacts)
    order = {number: n for n, number in enumerate(guide_for(sign).suggested_numbers)}
    return sorted(contacts, key=lambda c: order.get(_digits(c.number), len(order)))


def copy_to_clipboard(text: str) -> None:
    """Put a public number on the clipboard (plain text: nothing secret about it)."""
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(text)


class ContactCard(QFrame):
    """One emergency contact: its name, the number large and selectable, and "Copy"."""

    copy_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "contact")
        self.contact: EmergencyContact | None = None
        self.name = make_label("contactName", name="contactName")
        self.number = make_label("bigNumber", wrap=False, name="contactNumber")
        self.number.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.note = make_label("small", name="contactNote")
        self.copy_button = make_button("quiet", name="copyNumber")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(2)
        layout.addWidget(self.name)
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(self.number, 1)
        row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.copy_button.clicked.connect(self._copy)

    def set_contact(self, contact: EmergencyContact, name: str, note: str) -> None:
        """Show ``contact`` with its (translated) name and note."""
        self.contact = contact
        self.name.setText(name)
        self.number.setText(contact.number)
        self.note.setText(note)
        self.note.setVisible(bool(note))

    def _copy(self) -> None:
        if self.contact is not None:
            self.copy_requested.emit(self.contact.number)


class PlaybookPanel(TranslatedWidget):
    """Signs, actions, contacts, and "escalate with this sign".

    Args:
        safety: The safety controller (contacts from its snapshot; escalating).
        booking: Which booking an escalation is about (None: the live session's).
        copy: Where a number goes when "Copy" is pressed (the clipboard).
        columns: How many contact cards side by side.
        sign_columns: How many sign buttons side by side.

    Signals:
        report_requested(object): The talent wants to report it; the category to start
            with (an ``IncidentCategory``) or None.
        escalated(object): The ``EscalationView`` after escalating from here.
    """

    report_requested = Signal(object)
    escalated = Signal(object)

    def __init__(
        self,
        safety: SafetyController,
        parent: QWidget | None = None,
        *,
        booking: BookingSource | None = None,
        copy: Callable[[str], None] = copy_to_clipboard,
        columns: int = 3,
        sign_columns: int = 2,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("playbookPanel")
        self._safety = safety
        self._booking = booking or (lambda: safety.live_booking_id)
        self._copy = copy
        self._columns = max(1, columns)
        self._sign_columns = max(1, sign_columns)
        self._words = SafetyMessages(self)
        self._guide: CrisisGuide | None = None
        self._last: EscalationView | None = None
        self.title = make_label("sectionTitle", name="playbookTitle")
        self.intro = make_label("muted", name="playbookIntro")
        self.signs = QButtonGroup(self)
        self.signs.setExclusive(True)
        self.sign_buttons: dict[wire.CrisisSign, QPushButton] = {}
        for guide in PLAYBOOK:
            button = make_button("sign", name=f"playbook_{guide.sign}")
            button.setCheckable(True)
            button.setProperty("urgent", guide.emergency_now)
            self.signs.addButton(button)
            self.sign_buttons[guide.sign] = button
        self.guide_area = QWidget()
        self.guide_area.setObjectName("guideArea")
        self.emergency_now = QFrame()
        self.emergency_now.setProperty("role", "emergencyNow")
        self.emergency_text = make_label("body", name="emergencyNowText")
        self.actions_title = make_label("fieldLabel", name="actionsTitle")
        self.action_labels: list[QLabel] = []
        self._actions_box = QVBoxLayout()
        self._actions_box.setSpacing(2)
        self.escalate_button = make_button("danger", name="escalateWithSign")
        self.report_button = make_button("quiet", name="reportFromPlaybook")
        self.result = Callout("success", name="playbookResult")
        self.contacts_title = make_label("sectionTitle", name="contactsTitle")
        self.contacts_hint = make_label("small", name="contactsHint")
        self.contact_cards: list[ContactCard] = []
        self._contacts_grid = QGridLayout()
        self._contacts_grid.setHorizontalSpacing(10)
        self._contacts_grid.setVerticalSpacing(10)
        self.copied = make_label("small", name="numberCopied")
        self._build_layout()
        self._connect_signals()
        self.retranslate()
        self._show_guide()

    # ------------------------------------------------------------------ layout

    def _build_layout(self) -> None:
        signs = QGridLayout()
        signs.setHorizontalSpacing(8)
        signs.setVerticalSpacing(8)
        per_row = self._sign_columns
        for number, button in enumerate(self.sign_buttons.values()):
            signs.addWidget(button, number // per_row, number % per_row)
        emergency = QVBoxLayout(self.emergency_now)
        emergency.setContentsMargins(14, 10, 14, 10)
        emergency.addWidget(self.emergency_text)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.escalate_button)
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        guide = QVBoxLayout(self.guide_area)
        guide.setContentsMargins(0, 4, 0, 4)
        guide.setSpacing(8)
        guide.addWidget(self.emergency_now)
        guide.addWidget(self.actions_title)
        guide.addLayout(self._actions_box)
        guide.addLayout(buttons)
        guide.addWidget(self.result)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(signs)
        layout.addWidget(self.guide_area)
        layout.addSpacing(4)
        layout.addWidget(self.contacts_title)
        layout.addWidget(self.contacts_hint)
        layout.addLayout(self._contacts_grid)
        layout.addWidget(self.copied)
        self.result.hide()
        self.copied.hide()

    def _connect_signals(self) -> None:
        for sign, button in self.sign_buttons.items():
            button.toggled.connect(lambda on, sign=sign: self._sign_toggled(sign, on))
        self.escalate_button.clicked.connect(self.escalate_with_sign)
        self.report_button.clicked.connect(self._report)
        self._safety.changed.connect(self.show_contacts)
        self._safety.changed.connect(self._follow_escalation)
        self._safety.escalation_raised.connect(self._raised_elsewhere)

    # ------------------------------------------------------------------ signs

    def _sign_toggled(self, sign: wire.CrisisSign, on: bool) -> None:
        if on:
            self.choose(sign)

    @property
    def guide(self) -> CrisisGuide | None:
        """The guide of the sign picked, if any."""
        return self._guide

    def choose(self, sign: wire.CrisisSign) -> None:
        """Pick a sign: show its actions, and the contacts that fit it first."""
        guide = guide_for(sign)
        if self._guide is not None and self._guide.sign == guide.sign:
            return
        self._guide = guide
        button = self.sign_buttons[guide.sign]
        if not button.isChecked():
            button.setChecked(True)
        self._last = None
        self.result.hide()
        self._show_guide()

    def _show_guide(self) -> None:
        guide = self._guide
        self.guide_area.setVisible(guide is not None)
        for label in self.action_labels:
            self._actions_box.removeWidget(label)
            label.deleteLater()
        self.action_labels = []
        if guide is None:
            return
        for number, action in enumerate(guide.actions, start=1):
            label = make_label("action", name=f"action{number}")
            label.setText(f"{number}.  {self._words.message(action.key)}")
            self._actions_box.addWidget(label)
            self.action_labels.append(label)
        self.emergency_now.setVisible(guide.emergency_now)
        self.report_button.setVisible(guide.report_category is not None)
        self.retranslate()

    def action_texts(self) -> list[str]:
        """The actions on show, as the talent reads them."""
        return [label.text() for label in self.action_labels]

    # ------------------------------------------------------------------ contacts

    def show_contacts(self) -> None:
        """Lay the contact cards out again (new contacts, or another sign picked)."""
        sign = self._guide.sign if self._guide is not None else None
        contacts = self._contacts(sign)
        while len(self.contact_cards) < len(contacts):
            card = ContactCard()
            card.copy_requested.connect(self._copy_number)
            self.contact_cards.append(card)
        for card in self.contact_cards[len(contacts) :]:
            self._contacts_grid.removeWidget(card)
            card.hide()
        for number, (card, contact) in enumerate(zip(self.contact_cards, contacts, strict=False)):
            card.set_contact(
                contact, self._words.contact_name(contact), self._words.contact_note(contact)
            )
            self._contacts_grid.addWidget(card, number // self._columns, number % self._columns)
            card.show()
            card.copy_button.setText(self.tr("Copy"))
            card.copy_button.setToolTip(self.tr("Copy the number"))
        for column in range(self._columns):
            self._contacts_grid.setColumnStretch(column, 1)
        defaults = {c.id for c in DEFAULT_EMERGENCY_CONTACTS}
        if all(c.id in defaults for c in contacts):
            hint = self.tr("Indonesia's public lines, until your agency sends its own.")
        else:
            hint = self.tr("From your agency.")
        self.contacts_hint.setText(hint)

    def _contacts(self, sign: wire.CrisisSign | None) -> list[EmergencyContact]:
        """The contacts in the app's language (and those in none), for ``sign`` first."""
        return contacts_for(in_language(self._safety.snapshot.contacts, current_language()), sign)

    def shown_numbers(self) -> list[str]:
        """The numbers on show, in order."""
        return [c.number.text() for c in self.contact_cards if not c.isHidden()]

    def _copy_number(self, number: str) -> None:
        self._copy(number)
        self.copied.setText(self.tr("Copied %1").replace("%1", number))
        self.copied.show()

    # ------------------------------------------------------------------ escalating

    def escalate_with_sign(self) -> EscalationView | None:
        """Escalate with the sign picked (a follow-up if this session's is still open)."""
        guide = self._guide
        if guide is None:
            return None
        view = self._safety.escalate_with_sign(guide.sign, self._booking())
        if view is not None:
            self._last = view
            self.escalated.emit(view)
            self.retranslate()
        return view

    def _raised_elsewhere(self, view: EscalationView) -> None:
        if self._last is not None and view.id == self._last.id:
            self._last = view

    def _follow_escalation(self) -> None:
        """The escalation sent from here moved on (delivered, taken, resolved): say so."""
        last = self._last
        if last is None:
            return
        fresh = self._safety.snapshot.escalation(last.id)
        if fresh is not None and fresh != last:
            self._last = fresh
            self.retranslate()

    @property
    def escalation(self) -> EscalationView | None:
        """The escalation sent from here, as last heard of."""
        return self._last

    def _report(self) -> None:
        guide = self._guide
        category = guide.report_category if guide is not None else None
        self.report_requested.emit(category or IncidentCategory.OTHER)

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        words = self._words
        self.title.setText(self.tr("Crisis playbook"))
        self.intro.setText(
            self.tr("Pick what you notice. Each sign shows what to do, and who to call.")
        )
        for sign, button in self.sign_buttons.items():
            button.setText(words.sign(sign))
        guide = self._guide
        if guide is not None:
            for number, (label, action) in enumerate(
                zip(self.action_labels, guide.actions, strict=True), start=1
            ):
                label.setText(f"{number}.  {words.message(action.key)}")
            numbers = [c.number for c in self._contacts(guide.sign)]
            first = numbers[0] if numbers else "112"
            self.emergency_text.setText(
                self.tr("Call emergency services now: %1. Then escalate.").replace("%1", first)
            )
        self.actions_title.setText(self.tr("What to do"))
        self.escalate_button.setText(self.tr("Escalate with this sign"))
        self.escalate_button.setToolTip(
            self.tr("Asks your supervisor for help now, with this crisis sign filled in.")
        )
        self.report_button.setText(self.tr("Report it"))
        last = self._last
        if last is not None:
            asked = self.tr("Your supervisor was asked for help, with “%1”.").replace(
                "%1", words.sign(last.crisis_sign)
            )
            self.result.setText(f"{asked} {words.state_line(last)}")
            self.result.show()
        self.contacts_title.setText(self.tr("Emergency contacts"))
        self.show_contacts()  # the contacts written in the language now on show
        self.show_contacts()


class PlaybookWindow(TranslatedWidget):
    """The playbook in its own window, beside the session (non-modal)."""

    def __init__(
        self,
        safety: SafetyController,
        parent: QWidget | None = None,
        *,
        booking: BookingSource | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("playbookWindow")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.panel = PlaybookPanel(safety, booking=booking, columns=2, sign_columns=1)
        scroll = QScrollArea()
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setObjectName("safetyScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        holder.setObjectName("safetyContent")
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(22, 18, 22, 18)
        inner.addWidget(self.panel)
        inner.addStretch(1)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.setMinimumWidth(560)
        self.resize(QSize(620, 680))  # fits a 1366×768 screen with its title bar
        self.retranslate()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape closes it, as it does a dialog (it only hides; it opens again as it was).
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.hide()
        event.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Crisis playbook"))
