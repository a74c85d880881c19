"""Today's session card: the selected booking's stage, its customer while allowed, and Start.

The card sits under Today's list. For the selected booking it says where the
booking is (upcoming, contact window open, live, wrap-up, done, cancelled), shows
the customer's alias and handle only inside the contact window (the runner decides),
asks the talent to confirm they unblocked a returning customer, and starts the
session. It looks again every :data:`REFRESH_MS`, as the contact window opens by
the clock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QMessageBox, QVBoxLayout, QWidget

from talentdesk.domain import Booking, BookingStatus, CustomerContact, contact_window
from talentdesk.sessions.terms import SessionError
from talentdesk.ui.bridge import LatestOnly
from talentdesk.ui.session.contact import ContactPanel
from talentdesk.ui.session.controller import SessionController
from talentdesk.ui.session.messages import SessionMessages, clock_text
from talentdesk.ui.session.stages import BookingStage, can_start, stage_of
from talentdesk.ui.widgets import Callout, Card, ask_to_confirm, make_button, make_label

#: How often the break's countdown on the card looks at the clock.
BREAK_TICK_MS = 1000
#: How often the card looks at the clock and the contact again.
REFRESH_MS = 15_000

if TYPE_CHECKING:
    from talentdesk.sessions.runner import LiveSession


class _Loaded(msgspec.Struct, frozen=True):
    booking: Booking
    contact: CustomerContact | None


class SessionStartPanel(Card):
    """The selected booking's way to its session.

    Args:
        session: The session controller.

    Signals:
        open_session_requested(): The talent wants the live session's window.
        filled(): The booking and its contact were read again (the card may have grown).
    """

    open_session_requested = Signal()
    filled = Signal()

    def __init__(self, session: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent, margins=18)
        self.setObjectName("sessionStartPanel")
        self._session = session
        self._words = SessionMessages(self)
        self._booking: Booking | None = None
        self._contact: CustomerContact | None = None
        self._error: str | None = None
        self._reload: LatestOnly[_Loaded] = LatestOnly(
            session.run,
            None,
            self._reloaded,
            receiver=self,
            newest_only=True,
        )
        self.title = make_label("heading", name="startTitle")
        self.stage = make_label("muted", name="startStage")
        self.contact = ContactPanel(session.clipboard)
        self.unblock_note = Callout("warning", name="unblockNote")
        self.break_note = Callout("note", name="breakNote")
        self.confirm_dialog: QMessageBox | None = None
        self._break_timer = QTimer(self)
        self._break_timer.setInterval(BREAK_TICK_MS)
        self.unblocked = QCheckBox()
        self.unblocked.setObjectName("unblockedConfirm")
        self.start_button = make_button("primary", name="startSession")
        self.open_button = make_button(name="openSession")
        self.error = Callout("error", name="startError")
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._build_layout()
        self._connect_signals()
        self.retranslate()
        self.set_booking(None)

    def _build_layout(self) -> None:
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.title)
        titles.addWidget(self.stage)
        head = QHBoxLayout()
        head.setSpacing(12)
        head.addLayout(titles, 1)
        head.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignTop)
        self.body.setSpacing(10)
        self.body.addLayout(head)
        self.body.addWidget(self.contact)
        self.body.addWidget(self.break_note)
        self.body.addWidget(self.unblock_note)
        self.body.addWidget(self.unblocked)
        self.body.addWidget(self.error)
        self.error.hide()
        self.break_note.hide()

    def _connect_signals(self) -> None:
        self._break_timer.timeout.connect(self._update)
        session = self._session
        self.start_button.clicked.connect(self._start_clicked)
        self.open_button.clicked.connect(self.open_session_requested)
        self.unblocked.toggled.connect(lambda _on: self._update())
        self.contact.copy_requested.connect(self._copy_handle)
        self._timer.timeout.connect(self.reload)
        session.session_changed.connect(self._session_changed)
        session.busy_changed.connect(self._busy_changed)
        session.context_changed.connect(self._update)
        session.failed.connect(self._failed)
        session.contact_changed.connect(self._contact_changed)

    # ------------------------------------------------------------------ the booking

    @property
    def booking(self) -> Booking | None:
        """The booking on show."""
        return self._booking

    @property
    def has_contact(self) -> bool:
        """Whether the card shows the customer's contact (it grows when it comes)."""
        return self._contact is not None

    def set_booking(self, booking: Booking | None) -> None:
        """Show ``booking`` (Today's selection), or hide the card for None."""
        changed = (booking.id if booking else None) != (self._booking.id if self._booking else None)
        self._booking = booking
        if changed:
            self._contact = None
            self._error = None
            self.unblocked.setChecked(False)
        self.setVisible(booking is not None)
        if booking is None:
            self._timer.stop()
            self.contact.set_contact(None)
            return
        self._timer.start()
        self._update()
        self.reload()

    def reload(self) -> None:
        """Read the booking and its contact again (on the bridge)."""
        booking = self._booking
        if booking is None:
            return
        runner = self._session.runner

        def work() -> _Loaded:
            fresh = runner.store.load(Booking, booking.id) or booking
            return _Loaded(fresh, runner.contact(fresh))

        self._reload.request(work)

    def _reloaded(self, result: _Loaded) -> None:
        current = self._booking
        if current is not None and result.booking.id == current.id:
            self._booking = result.booking
            self._contact = result.contact
            self._update()
            self.filled.emit()

    def stage_now(self) -> BookingStage | None:
        """The stage of the booking on show, now."""
        booking = self._booking
        if booking is None:
            return None
        session = self._session
        return stage_of(booking, session.now(), session.context.contact_minutes, session.live)

    # ------------------------------------------------------------------ actions

    def _start_clicked(self) -> None:
        booking = self._booking
        if booking is None or not self._can_start():
            return
        left = self._session.break_left()
        if left is not None:
            # On a break after a hard session: starting is the talent's call, asked once.
            self.confirm_dialog = ask_to_confirm(
                self,
                name="startOnBreak",
                role=QMessageBox.ButtonRole.AcceptRole,
                title=self.tr("You are on a break"),
                text=self.tr("Your break has %1 left. Start this session anyway?").replace(
                    "%1", clock_text(left)
                ),
                confirm=self.tr("Start anyway"),
                keep=self.tr("Keep my break"),
                decided=lambda start: self._start_decided(start, booking.id),
            )
            return
        self._start(booking.id, override_break=False)

    def _start_decided(self, start: bool, booking_id: str) -> None:
        self.confirm_dialog = None
        booking = self._booking
        if start and booking is not None and booking.id == booking_id and self._can_start():
            self._start(booking_id, override_break=True)

    def _start(self, booking_id: str, *, override_break: bool) -> None:
        self._error = None
        self._session.start(
            booking_id,
            customer_unblocked=self.unblocked.isChecked(),
            override_break=override_break,
        )
        self._update()

    def _copy_handle(self) -> None:
        self._session.copy_handle(self._contact)

    def _busy_changed(self, _busy: bool) -> None:
        self._update()

    def _contact_changed(self, _contact: object) -> None:
        self.reload()

    def _session_changed(self, _live: LiveSession | None) -> None:
        self.reload()
        self._update()

    def _failed(self, step: str, exc: Exception) -> None:
        if step != "start":
            return
        if isinstance(exc, SessionError):
            self._error = self._words.session_error(exc.key)
        else:
            self._error = self.tr("The session could not start. Try again.")
        self._update()
        self.reload()

    def _can_start(self) -> bool:
        booking = self._booking
        stage = self.stage_now()
        if booking is None or stage is None or self._session.busy:
            return False
        if booking.needs_unblock and not self.unblocked.isChecked():
            return False
        return can_start(stage, self._session.live)

    # ------------------------------------------------------------------ texts

    def _stage_detail(self, booking: Booking, stage: BookingStage) -> str:
        session = self._session
        if stage is BookingStage.UPCOMING:
            opens, _ = contact_window(booking, session.context.contact_minutes)
            return self.tr(
                "The customer's contact shows and the session can start from %1."
            ).replace("%1", self._words.clock(opens))
        if stage is BookingStage.CONTACT_OPEN:
            if session.live is not None:
                return self.tr("Another session is live: finish it before starting this one.")
            return self.tr("You can start the session now.")
        if stage is BookingStage.LIVE:
            return ""  # "Live" says it all
        if stage is BookingStage.WRAP_UP:
            return self.tr("The session ended: close it, block the customer, then finish.")
        if stage is BookingStage.DONE:
            return self.tr("The customer's details were destroyed.")
        if stage is BookingStage.CANCELLED:
            if booking.cancel_reason:
                return self.tr("The agency's reason: “%1”").replace("%1", booking.cancel_reason)
            return ""
        if stage is BookingStage.MISSED:
            return self.tr("The booked time has passed. Ask the agency if the customer shows up.")
        if stage is BookingStage.WAITING:
            return self.tr("Accept or decline it first.")
        return ""

    def _update(self) -> None:
        booking = self._booking
        if booking is None:
            return
        words = self._words
        stage = self.stage_now()
        assert stage is not None
        self.title.setText(f"{words.span(booking.start, booking.end)} · {booking.package.name}")
        line = f"{words.scope_short_of(booking.package)} · {words.stage(stage)}"
        detail = self._stage_detail(booking, stage)
        self.stage.setText(f"{line} — {detail}" if detail else line)
        live_here = stage in (BookingStage.LIVE, BookingStage.WRAP_UP)
        ahead = stage in (BookingStage.UPCOMING, BookingStage.CONTACT_OPEN)
        unblock = booking.needs_unblock and ahead and booking.status is BookingStatus.ACCEPTED
        self.unblock_note.setVisible(unblock)
        self.unblocked.setVisible(unblock)
        # Over and done with (or never to be): no Start to look at, greyed out.
        over = stage in (BookingStage.DONE, BookingStage.CANCELLED, BookingStage.DECLINED)
        self.start_button.setVisible(not live_here and not over)
        self.start_button.setEnabled(self._can_start())
        self.open_button.setVisible(live_here and self._session.live is not None)
        self.contact.set_contact(self._contact, self._hidden_reason(booking, stage))
        self.error.setVisible(self._error is not None)
        self.error.setText(self._error or "")
        left = self._session.break_left() if ahead else None
        self.break_note.setVisible(left is not None)
        if left is not None:
            self.break_note.setText(
                self.tr(
                    "You are on a break: %1 left. New sessions wait until it is over; you can "
                    "still start this one if you are ready."
                ).replace("%1", clock_text(left))
            )
            self._break_timer.start()
        else:
            self._break_timer.stop()

    def _hidden_reason(self, booking: Booking, stage: BookingStage) -> str:
        if stage is BookingStage.WAITING:
            return self.tr("The customer's contact shows once you accept this booking.")
        if stage is BookingStage.UPCOMING:
            opens, _ = contact_window(booking, self._session.context.contact_minutes)
            return self.tr(
                "The contact shows from %1, %n minute(s) before the start.",
                "",
                self._session.context.contact_minutes,
            ).replace("%1", self._words.clock(opens))
        if stage in (
            BookingStage.DONE,
            BookingStage.CANCELLED,
            BookingStage.DECLINED,
            BookingStage.MISSED,
        ):
            return self.tr("The customer's details are gone with this booking.")
        return ""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.unblock_note.setText(
            self.tr(
                "Returning customer: you blocked them after their last session. They booked "
                "again through the agency, so unblock them in your chat and call apps before "
                "you start."
            )
        )
        self.unblocked.setText(self.tr("I have unblocked this customer"))
        self.start_button.setText(self.tr("Start session"))
        self.open_button.setText(self.tr("Open session window"))
        self._update()
