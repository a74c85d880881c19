"""The escalate button, its shortcut, and the panel that follows the escalation to its end.

One click (or Ctrl+Shift+E anywhere in the window) calls
:meth:`SafetyController.escalate` at once: no form and no question come before it, and the
escalation is durable when the click returns. Only then does the panel offer to add
details (a crisis sign, a note) as a follow-up, and show each state as it arrives:
queued, delivered (with the agency's reference), acknowledged by the supervisor,
resolved, or cancelled as a false alarm ("salah tekan").
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from talentdesk.safety import CRISIS_SIGNS, EscalationState, EscalationView, SafetyError
from talentdesk.safety.escalation import NOTE_MAX_CHARS
from talentdesk.ui.safety.controller import SafetyController
from talentdesk.ui.safety.messages import SafetyMessages
from talentdesk.ui.safety.shortcut import ESCALATE_KEYS, make_escalate_shortcut
from talentdesk.ui.session.messages import clock_text
from talentdesk.ui.widgets import (
    Callout,
    ElidedLabel,
    TranslatedWidget,
    make_button,
    make_label,
    restyle,
    set_role,
)
from talentdesk_contract import wire
from talentdesk_contract.values import EscalationKind

#: Signs that call for emergency services at once (their buttons are tinted).
URGENT_SIGNS = frozenset({"threat_of_harm"})

BookingSource = Callable[[], str | None]


def repolish(widget: QWidget) -> None:
    """Apply the style sheet again to ``widget`` and everything in it (a property changed)."""
    for each in (widget, *widget.findChildren(QWidget)):
        restyle(each)


class EscalationPanel(QFrame):
    """One escalation: its state at a glance, details to add, and "False alarm".

    Args:
        safety: The safety controller.
        compact: The small form for the compact window (details fold away).
        sign_columns: Crisis-sign buttons side by side (default: 1 compact, else 2).
        inline_note: The note and "Send details" share one row (where height is scarce).
        folded: The details start folded away behind "Add details" (always so when
            compact).

    Signals:
        closed_by_talent(): The talent cancelled it as a false alarm.
    """

    closed_by_talent = Signal()

    def __init__(
        self,
        safety: SafetyController,
        parent: QWidget | None = None,
        *,
        compact: bool = False,
        sign_columns: int | None = None,
        inline_note: bool = False,
        folded: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("escalationPanel")
        self._foldable = compact or folded
        self._sign_columns = sign_columns or (1 if compact else 2)
        self._inline_note = inline_note
        self.setProperty("role", "escalationState")
        self.setProperty("state", "queued")
        self.setProperty("density", "compact" if compact else "normal")
        self._safety = safety
        self._words = SafetyMessages(self)
        self._compact = compact
        self._view: EscalationView | None = None
        self._sending = False
        self._details_open = not self._foldable
        self._columns_shown = 0
        self._margin = 12 if compact else 18
        self.headline = make_label("stateHeadline", name="escalationHeadline")
        self.explanation = make_label("body", name="escalationExplanation")
        self.facts = make_label("small", name="escalationFacts")
        self.follow_up_state = make_label("small", name="escalationFollowUps")
        self.details_toggle = make_button("quiet", name="detailsToggle")
        self.details = QWidget()
        self.details.setObjectName("escalationDetails")
        self.details_title = make_label("fieldLabel", name="detailsTitle")
        self.sign_buttons: dict[wire.CrisisSign, QPushButton] = {}
        for sign in CRISIS_SIGNS:
            button = make_button("sign", name=f"sign_{sign}")
            button.setCheckable(True)
            button.setProperty("urgent", sign in URGENT_SIGNS)
            self.sign_buttons[sign] = button
        self.note = QPlainTextEdit()
        self.note.setObjectName("escalationNote")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(46 if inline_note else 64 if compact else 72)
        self.send_button = make_button("primary", name="sendDetails")
        self.false_alarm_button = make_button("quiet", name="falseAlarm")
        self.confirm_row = QWidget()
        self.confirm_text = make_label("body", name="falseAlarmQuestion")
        self.confirm_button = make_button("quiet", name="confirmFalseAlarm")
        self.keep_button = make_button("primary", name="keepEscalation")
        self.error = Callout("error", name="escalationError")
        self.instruction = Callout("error", name="escalationUnanswered")
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._build_layout()
        self._connect_signals()
        self.retranslate()
        self.set_view(None)

    # ------------------------------------------------------------------ layout

    def _build_layout(self) -> None:
        signs = self._signs = QGridLayout()
        signs.setHorizontalSpacing(8)
        signs.setVerticalSpacing(6)
        self._grid_signs(self._sign_columns)
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 6, 0, 0)
        details.setSpacing(8)
        details.addWidget(self.details_title)
        if self._inline_note:  # where room is scarce, "Add details" has said it already
            self.details_title.hide()
        details.addLayout(signs)
        send_row = QHBoxLayout()
        send_row.setSpacing(8)
        if self._inline_note:
            send_row.addWidget(self.note, 1)
            send_row.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignTop)
        else:
            details.addWidget(self.note)
            send_row.addStretch(1)
            send_row.addWidget(self.send_button)
        details.addLayout(send_row)

        if self._compact:
            # Too narrow for the question and both answers on one line: one under another.
            stacked = QVBoxLayout(self.confirm_row)
            stacked.setContentsMargins(0, 0, 0, 0)
            stacked.setSpacing(6)
            stacked.addWidget(self.confirm_text)
            stacked.addWidget(self.keep_button)
            stacked.addWidget(self.confirm_button)
        else:
            confirm = QHBoxLayout(self.confirm_row)
            confirm.setContentsMargins(0, 0, 0, 0)
            confirm.setSpacing(8)
            confirm.addWidget(self.confirm_text, 1)
            confirm.addWidget(self.confirm_button)
            confirm.addWidget(self.keep_button)

        bottom = QHBoxLayout()
        bottom.setSpacing(8)
        if not self._compact:
            bottom.addWidget(self.follow_up_state, 1)
        if self._foldable:
            bottom.addWidget(self.details_toggle)
        bottom.addWidget(self.false_alarm_button)
        if self._compact:
            bottom.addStretch(1)

        layout = QVBoxLayout(self)
        margin = self._margin
        layout.setContentsMargins(margin, margin - 2, margin, margin - 2)
        layout.setSpacing(6)
        layout.addWidget(self.headline)
        layout.addWidget(self.explanation)
        layout.addWidget(self.instruction)
        layout.addWidget(self.facts)
        if self._compact:  # too narrow to share a row with the buttons
            layout.addWidget(self.follow_up_state)
        layout.addWidget(self.details)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        layout.addWidget(self.confirm_row)
        self.confirm_row.hide()
        self.error.hide()
        self.instruction.hide()
        if self._compact:
            self.explanation.hide()
        if not self._foldable:
            self.details_toggle.hide()

    def _grid_signs(self, columns: int) -> None:
        """Put the crisis-sign buttons in ``columns`` columns."""
        signs = self._signs
        for button in self.sign_buttons.values():
            signs.removeWidget(button)
        for number, button in enumerate(self.sign_buttons.values()):
            signs.addWidget(button, number // columns, number % columns)
        self._columns_shown = columns

    def _fit_signs(self) -> None:
        """Side by side where every sign's words fit, else one under another."""
        wanted = self._sign_columns
        if wanted > 1:
            margins = self._margin * 2
            room = self.contentsRect().width() - margins
            each = (room - self._signs.horizontalSpacing() * (wanted - 1)) // wanted
            widest = max(button.sizeHint().width() for button in self.sign_buttons.values())
            wanted = wanted if widest <= each else 1
        if wanted != self._columns_shown:
            self._grid_signs(wanted)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_signs()

    def _connect_signals(self) -> None:
        self._safety.changed.connect(self._snapshot_changed)
        self._ticker.timeout.connect(self._show_facts)
        self.send_button.clicked.connect(self.send_details)
        self.false_alarm_button.clicked.connect(self._ask_false_alarm)
        self.confirm_button.clicked.connect(self.confirm_false_alarm)
        self.keep_button.clicked.connect(self._keep)
        self.details_toggle.clicked.connect(self._toggle_details)
        self.note.textChanged.connect(self._update_send)
        for sign, button in self.sign_buttons.items():
            button.toggled.connect(lambda on, sign=sign: self._sign_toggled(sign, on))

    # ------------------------------------------------------------------ the escalation

    @property
    def view(self) -> EscalationView | None:
        """The escalation on show."""
        return self._view

    @property
    def escalation_id(self) -> str | None:
        """The id of the escalation on show."""
        return self._view.id if self._view is not None else None

    def set_view(self, view: EscalationView | None) -> None:
        """Show ``view`` (None hides the panel)."""
        changed = view is None or self._view is None or view.id != self._view.id
        self._view = view
        self.setVisible(view is not None)
        if view is None:
            return
        if changed:
            self._reset_details()
            self.confirm_row.hide()
            self.error.hide()
        state = view.state.value
        if self.property("state") != state:
            self.setProperty("state", state)
            repolish(self)
        self.retranslate()

    def _show_facts(self) -> None:
        """The facts line: when it was sent, how long it has waited (live), what raised it."""
        view, words = self._view, self._words
        if view is None:
            self._ticker.stop()
            return
        facts = [self.tr("Sent at %1").replace("%1", words.time(view.raised_at))]
        if self._compact:
            facts = [words.state_line(view)]
        waiting = view.state in (EscalationState.QUEUED, EscalationState.DELIVERED)
        if waiting:
            waited = clock_text(self._safety.waits.waited(view), round_up=False)
            facts.append(self.tr("waiting %1").replace("%1", waited))
            self._ticker.start()
        else:
            self._ticker.stop()
        if view.kind is not EscalationKind.BUTTON:
            facts.append(words.escalation_kind(view.kind))
        if view.crisis_sign is not None:
            facts.append(words.sign(view.crisis_sign))
        # The agency's id for it is for a supervisor on the phone, not for the line the
        # talent reads at a glance: in the tooltip.
        self.facts.setToolTip(
            self.tr("agency reference %1").replace("%1", view.remote_id) if view.remote_id else ""
        )
        self.facts.setText(" · ".join(facts))

    def _snapshot_changed(self) -> None:
        if self._view is None:
            return
        fresh = self._safety.snapshot.escalation(self._view.id)
        if fresh is not None and fresh != self._view:
            self.set_view(fresh)

    # ------------------------------------------------------------------ details

    def _sign_toggled(self, sign: str, on: bool) -> None:
        if on:  # one sign at a time, but none is fine too
            for other, button in self.sign_buttons.items():
                if other != sign and button.isChecked():
                    button.setChecked(False)
        self._update_send()

    def chosen_sign(self) -> wire.CrisisSign | None:
        """The crisis sign picked in the details, if any."""
        for sign in CRISIS_SIGNS:
            if self.sign_buttons[sign].isChecked():
                return sign
        return None

    def _toggle_details(self) -> None:
        self._details_open = not self._details_open
        self.retranslate()
        self._update_details()

    def fold_details(self) -> None:
        """Fold the details away (where they can fold), e.g. when the window needs the room."""
        if self._foldable and self._details_open:
            self._toggle_details()

    def _update_details(self) -> None:
        view = self._view
        open_ = view is not None and view.is_open
        self.details.setVisible(open_ and self._details_open)
        self.details_toggle.setVisible(self._foldable and open_)
        self.false_alarm_button.setVisible(open_ and self.confirm_row.isHidden())
        self._update_send()

    def _update_send(self) -> None:
        has = self.chosen_sign() is not None or bool(self.note.toPlainText().strip())
        too_long = len(self.note.toPlainText().strip()) > NOTE_MAX_CHARS
        self.send_button.setEnabled(has and not too_long and not self._sending)

    def _reset_details(self) -> None:
        for button in self.sign_buttons.values():
            button.setChecked(False)
        self.note.clear()

    def send_details(self) -> None:
        """Send the picked sign and the note as a follow-up."""
        view = self._view
        sign = self.chosen_sign()
        note = self.note.toPlainText().strip() or None
        if view is None or (sign is None and note is None) or self._sending:
            return
        self._sending = True
        self.error.hide()
        self._update_send()
        escalation_id = view.id

        def done(_view: EscalationView) -> None:
            if not shiboken6.isValid(self):
                return  # the panel closed while the follow-up was being written
            self._sending = False
            if self.escalation_id == escalation_id:
                self._reset_details()  # the line under the details counts them now
            self._update_send()

        def failed(exc: Exception) -> None:
            if not shiboken6.isValid(self):
                return
            self._sending = False
            self._show_error(exc)
            self._update_send()

        self._safety.follow_up(
            escalation_id, crisis_sign=sign, note=note, done=done, failure=failed
        )

    # ------------------------------------------------------------------ false alarm

    def _ask_false_alarm(self) -> None:
        self.confirm_row.show()
        self.false_alarm_button.hide()
        self.keep_button.setFocus()

    def _keep(self) -> None:
        self.confirm_row.hide()
        self._update_details()

    def confirm_false_alarm(self) -> None:
        """Cancel the escalation as a false alarm (after the talent confirmed)."""
        view = self._view
        self.confirm_row.hide()
        if view is None:
            return

        def done(_view: EscalationView) -> None:
            self.closed_by_talent.emit()

        self._safety.false_alarm(view.id, done=done, failure=self._show_error)
        self._update_details()

    def _show_error(self, exc: Exception) -> None:
        if isinstance(exc, SafetyError):
            text = self._words.error(exc.key)
        else:
            text = self.tr("That did not work. Try again, or call your agency.")
        self.error.setText(text)
        self.error.show()

    # ------------------------------------------------------------------ texts

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        words = self._words
        view = self._view
        self.details_title.setText(self.tr("Add details (optional): what is happening?"))
        for sign, button in self.sign_buttons.items():
            button.setText(words.sign(sign))
        self._fit_signs()
        # Short: in the session window the note is one line (the layout check measures it).
        self.note.setPlaceholderText(self.tr("Note (no customer names or contacts)"))
        self.send_button.setText(self.tr("Send details"))
        self.false_alarm_button.setText(self.tr("False alarm"))
        self.false_alarm_button.setToolTip(
            self.tr("Pressed by mistake? Cancel it, and your agency is told.")
        )
        self.confirm_text.setText(self.tr("Cancel this escalation as a false alarm?"))
        self.confirm_button.setText(self.tr("Yes, it was a mistake"))
        self.keep_button.setText(self.tr("No, keep it"))
        self.details_toggle.setText(
            self.tr("Hide details") if self._details_open else self.tr("Add details")
        )
        role = "quiet" if self._details_open else "primary"
        if self.details_toggle.property("role") != role:
            set_role(self.details_toggle, role)
        if view is None:
            return
        self.headline.setText(words.headline(view))
        self.explanation.setText(words.explanation(view))
        snapshot = self._safety.snapshot
        self.instruction.setVisible(view.unanswered)
        if view.unanswered:
            self.instruction.setText(words.unanswered(snapshot.supervisor_phone, snapshot.contacts))
        self._show_facts()
        follow = words.follow_ups(view)
        self.follow_up_state.setText(follow)
        if self._compact:
            self.follow_up_state.setVisible(bool(follow))
        self._update_details()


class EscalateBox(TranslatedWidget):
    """The escalate button with its shortcut, and the panel of its latest escalation.

    Args:
        safety: The safety controller.
        booking: Which booking an escalation is about (None: the live session's).
        compact: The small form for the compact window.
        shortcut: Give the window Ctrl+Shift+E (one box per window should).
        sign_columns: Crisis-sign buttons side by side in the panel.
        row: The buttons in one row, the escalate button last (a window's header), and
            the panel and error left out of the box: the window places :attr:`panel` and
            :attr:`error` itself, where an escalation has room.

    Signals:
        playbook_requested(): The talent wants the crisis playbook.
        report_requested(): The talent wants to report an incident.
    """

    playbook_requested = Signal()
    report_requested = Signal()

    def __init__(
        self,
        safety: SafetyController,
        parent: QWidget | None = None,
        *,
        booking: BookingSource | None = None,
        compact: bool = False,
        shortcut: bool = True,
        sign_columns: int | None = None,
        row: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("escalateBox")
        self._safety = safety
        self._booking = booking or (lambda: safety.live_booking_id)
        self._compact = compact
        self._row = row
        self.button = make_button("escalate", name="escalateButton")
        if compact:
            self.button.setProperty("density", "compact")
        self.button.setAutoDefault(False)
        self.playbook_button = make_button("quiet", name="playbookButton")
        self.report_button = make_button("quiet", name="reportButton")
        self.panel = EscalationPanel(
            safety, compact=compact, sign_columns=sign_columns, inline_note=row, folded=row
        )
        self.error = Callout("error", name="escalateError")
        self.shortcut = make_escalate_shortcut(self, self.escalate) if shortcut else None
        self._build_layout()
        self.button.clicked.connect(self.escalate)
        self.playbook_button.clicked.connect(self.playbook_requested)
        self.report_button.clicked.connect(self.report_requested)
        safety.escalation_raised.connect(self._raised)
        safety.live_changed.connect(self._live_changed)
        safety.failed.connect(self._failed)
        self.retranslate()
        self.follow_latest()

    def _build_layout(self) -> None:
        if self._row:
            line = QHBoxLayout(self)
            line.setContentsMargins(0, 6, 0, 6)
            line.setSpacing(8)
            line.addWidget(self.playbook_button)
            line.addWidget(self.report_button)
            line.addWidget(self.button)
            self.button.setProperty("density", "compact")
            self.error.hide()
            return
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.button)
        if not self._compact:
            row = QHBoxLayout()
            row.setSpacing(8)
            row.addWidget(self.playbook_button, 1)
            row.addWidget(self.report_button, 1)
            layout.addLayout(row)
        else:
            self.playbook_button.hide()
            self.report_button.hide()
        layout.addWidget(self.error)
        layout.addWidget(self.panel)
        self.error.hide()

    def booking_id(self) -> str | None:
        """The booking an escalation from here is about."""
        return self._booking()

    def escalate(self) -> EscalationView | None:
        """Escalate now (the button and Ctrl+Shift+E): durable when this returns."""
        self.error.hide()
        return self._safety.escalate(self.booking_id())

    def _live_changed(self, _booking: object) -> None:
        self.follow_latest()

    def follow_latest(self) -> None:
        """Show the newest open escalation about this box's booking, if any."""
        booking = self.booking_id()
        latest = self._safety.snapshot.latest_for(booking)
        current = self.panel.view
        showing_it = current is not None and latest is not None and current.id == latest.id
        if latest is not None and (latest.is_open or showing_it):
            self.panel.set_view(latest)
        elif current is not None and current.booking_id != booking:
            self.panel.set_view(None)

    def _raised(self, view: EscalationView) -> None:
        if view.booking_id == self.booking_id():
            self.panel.set_view(view)

    def _failed(self, step: str, _exc: object) -> None:
        if step != "escalate":
            return
        self.error.setText(
            self.tr(
                "The escalation could not be saved on this device. Call your agency now, or "
                "112 in an emergency."
            )
        )
        self.error.show()

    def retranslate(self) -> None:
        if self._compact and not self._row:
            self.button.setText(self.tr("Escalate · Ctrl+Shift+E"))
        else:
            self.button.setText(self.tr("Escalate — ask a supervisor for help"))
        self.button.setToolTip(
            self.tr(
                "One click asks your supervisor for help at once (Ctrl+Shift+E). "
                "You can add details afterwards."
            )
        )
        self.playbook_button.setText(self.tr("Crisis playbook"))
        self.report_button.setText(self.tr("Report an incident"))


class EscalateStrip(TranslatedWidget):
    """The escalate button and one line about the latest escalation, for a fixed layout.

    The compact window has no room for an escalation's panel (details, false alarm): a
    line that never grows says where it is and how long it has waited; the full window
    has the rest. One click (or Ctrl+Shift+E) escalates, durable when it returns.

    Args:
        safety: The safety controller.
        booking: Which booking an escalation is about (None: the live session's).
        shortcut: Give the window Ctrl+Shift+E.
    """

    def __init__(
        self,
        safety: SafetyController,
        parent: QWidget | None = None,
        *,
        booking: BookingSource | None = None,
        shortcut: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("escalateStrip")
        self._safety = safety
        self._booking = booking or (lambda: safety.live_booking_id)
        self._words = SafetyMessages(self)
        self._view: EscalationView | None = None
        self._failed_text = ""
        self.button = make_button("escalate", name="escalateButton")
        self.button.setProperty("density", "compact")
        self.button.setAutoDefault(False)
        self.line = ElidedLabel("small", name="escalationLine")
        self.shortcut = make_escalate_shortcut(self, self.escalate) if shortcut else None
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.button)
        layout.addWidget(self.line)
        self.line.setFixedHeight(self.line.fontMetrics().height() + 4)
        self.button.clicked.connect(self.escalate)
        self._timer.timeout.connect(self._render)
        safety.escalation_raised.connect(self._raised)
        safety.changed.connect(self.follow_latest)
        # Bound methods, not lambdas: a lambda would outlive this strip on the controller.
        safety.live_changed.connect(self._live_changed)
        safety.failed.connect(self._failed)
        self.retranslate()
        self.follow_latest()

    @property
    def view(self) -> EscalationView | None:
        """The escalation the line is about."""
        return self._view

    def booking_id(self) -> str | None:
        """The booking an escalation from here is about."""
        return self._booking()

    def escalate(self) -> EscalationView | None:
        """Escalate now (the button and Ctrl+Shift+E): durable when this returns."""
        self._failed_text = ""
        return self._safety.escalate(self.booking_id())

    def _live_changed(self, _booking: object) -> None:
        self.follow_latest()

    def follow_latest(self) -> None:
        """Show the newest escalation about this strip's booking (open, or the one shown)."""
        latest = self._safety.snapshot.latest_for(self.booking_id())
        current = self._view
        if latest is not None and (
            latest.is_open or (current is not None and current.id == latest.id)
        ):
            self._view = latest
        elif current is not None:
            self._view = self._safety.snapshot.escalation(current.id) or current
        self._render()

    def _raised(self, view: EscalationView) -> None:
        if view.booking_id == self.booking_id():
            self._view = view
            self._render()

    def _failed(self, step: str, _exc: object) -> None:
        if step != "escalate":
            return
        self._failed_text = self.tr("Not saved: call your agency now, or 112 in an emergency.")
        self._render()

    def _render(self) -> None:
        view = self._view
        if self._failed_text:
            text = self._failed_text
            tone = "error"
        elif view is None:
            text, tone = self.tr("No escalation in this session"), "idle"
        elif view.unanswered:
            phone = self._safety.snapshot.supervisor_phone
            text = (
                self.tr("Nobody has taken it: call %1 now").replace("%1", phone)
                if phone
                else self._words.state_line(view)
            )
            tone = "error"
        else:
            text = self._words.state_line(view)
            if view.state in (EscalationState.QUEUED, EscalationState.DELIVERED):
                waited = clock_text(self._safety.waits.waited(view), round_up=False)
                text += " · " + self.tr("waiting %1").replace("%1", waited)
            tone = "open" if view.is_open else "idle"
            if view.state is EscalationState.ACKNOWLEDGED:
                tone = "taken"  # a supervisor is on it: calm, not a warning
        if view is not None and view.is_open:
            self._timer.start()
        else:
            self._timer.stop()
        self.line.set_full_text(text)
        if self.line.property("tone") != tone:
            self.line.setProperty("tone", tone)
            restyle(self.line)

    def retranslate(self) -> None:
        self.button.setText(self.tr("Escalate · Ctrl+Shift+E"))
        self.button.setToolTip(
            self.tr(
                "One click asks your supervisor for help at once (Ctrl+Shift+E). "
                "Add details in the full window."
            )
        )
        self._render()


__all__ = [
    "ESCALATE_KEYS",
    "EscalateBox",
    "EscalateStrip",
    "EscalationPanel",
    "make_escalate_shortcut",
    "repolish",
]
