"""The session window: the countdown, what the package covers, the customer, replies, boundaries.

Thin: every number comes from the session controller's ticks (the runner's monotonic
clock), every decision from the services. While the session runs the window shows
the countdown, the scope banner in the talent's language, the warnings at 5 and 1
minutes left, the time over once the booked time is up, and where extending is
arranged (the agency). After "End session" it shows the closing routine.

Closing the window does not end anything: the session goes on (and shows in Today
and the compact window) until the talent finishes it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QProgressBar,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from talentdesk.domain import BoundaryItem, CustomerContact, DeclineReply, format_idr
from talentdesk.sessions.runner import LiveSession, SessionError, SessionPhase, SessionTick
from talentdesk.ui.agency_link import AgencyLink
from talentdesk.ui.safety.controller import SafetyController
from talentdesk.ui.safety.escalate import EscalateBox
from talentdesk.ui.session.clock_window import SessionClockWindow
from talentdesk.ui.session.closing import ClosingPanel
from talentdesk.ui.session.contact import ContactPanel
from talentdesk.ui.session.controller import SessionController
from talentdesk.ui.session.messages import clock_text
from talentdesk.ui.session.pace_bar import ReplyPaceBar
from talentdesk.ui.session.preset_view import PresetView
from talentdesk.ui.session.reply_search import ReplySearchPanel
from talentdesk.ui.session.scope_banner import ScopeBanner
from talentdesk.ui.sync_chip import SyncChip
from talentdesk.ui.widgets import (
    CARD_GAP,
    Callout,
    Card,
    make_button,
    make_label,
    restyle,
    scrolling,
    set_role,
)

#: Ending earlier than this before the booked end asks first.
CONFIRM_EARLY_SECONDS = 60.0


class SessionWindow(SessionClockWindow):
    """One live session, full size.

    Args:
        session: The session controller (its live session is the one shown).
        safety: The safety controller: the escalate button (and Ctrl+Shift+E) sits at the right
            of the scope banner, always in view; an escalation's panel opens above the
            replies. None leaves them out (tests of the session controller alone).
        agency: The agency link: the header says whether the agency can be reached
            (offline shows where the talent looks). None leaves it out.

    Attributes:
        escalate: The escalate button and its companions, with a safety controller.
        pace_card: The reply-pace meter's card (a chat session only), above the
            contact's card.
        contact_card: The customer's alias and contact.

    Signals:
        compact_requested(): The talent wants the small always-on-top window.
    """

    compact_requested = Signal()

    def __init__(
        self,
        session: SessionController,
        parent: QWidget | None = None,
        *,
        safety: SafetyController | None = None,
        agency: AgencyLink | None = None,
    ) -> None:
        super().__init__(session, parent)
        self.setObjectName("sessionWindow")
        self.escalate = EscalateBox(safety, row=True) if safety is not None else None
        self.sync = SyncChip(agency) if agency is not None else None
        self._closable = False
        self.end_dialog: QMessageBox | None = None
        self.scope_banner = ScopeBanner()
        self.package = make_label("heading", name="sessionPackage")
        self.booked = make_label("muted", name="sessionBooked")
        self.countdown = make_label("countdown", wrap=False, name="countdown")
        self.caption = make_label("muted", wrap=False, name="countdownCaption")
        self.progress = QProgressBar()
        self.progress.setObjectName("sessionProgress")
        self.progress.setTextVisible(False)
        self.progress.setRange(0, 1000)
        self.time_note = Callout("warning", name="timeNote")
        self.extend_note = make_label("small", name="extendNote")
        self.cancelled_note = Callout("error", name="cancelledNote")
        self.contact = ContactPanel(session.clipboard)
        self.pace = ReplyPaceBar(session)
        self.replies = ReplySearchPanel(session)
        self.boundaries = PresetView()
        self.closing = ClosingPanel(session)
        self.compact_button = make_button(name="compactButton")
        self.end_button = make_button("danger", name="endSession")
        self.error = Callout("error", name="sessionError")
        self._stack = QStackedWidget()
        self.contact_card = Card(margins=18)
        self.contact_card.setObjectName("contactCard")
        self.pace_card = Card(margins=18)
        self.pace_card.setObjectName("paceCard")
        self._build_layout()
        self._make_shortcuts()
        self._connect_signals()
        self.setMinimumSize(QSize(1000, 656))  # a maximized window on a 1280×720 screen
        self.resize(1180, 700)  # fits a 1366×768 screen with its title bar and a panel
        self.retranslate()
        self.show_live(session.live)
        self.load_presets()

    # ------------------------------------------------------------------ layout

    def _build_layout(self) -> None:
        timer_card = Card(margins=18)
        timer_card.setObjectName("timerCard")
        body = timer_card.body
        body.setSpacing(4)
        body.addWidget(self.package)
        body.addWidget(self.booked)
        body.addSpacing(4)
        body.addWidget(self.countdown)
        body.addWidget(self.caption)
        body.addWidget(self.progress)
        body.addSpacing(4)
        body.addWidget(self.time_note)
        body.addWidget(self.cancelled_note)
        self.contact_card.body.addWidget(self.contact)
        self.pace_card.body.addWidget(self.pace)
        # The clock never moves: the cards under it scroll when the window is short.
        below = QWidget()
        below.setObjectName("sessionLeft")
        below_column = QVBoxLayout(below)
        # Scrolled to its end, the last card keeps a gap under it, as the closing page does.
        below_column.setContentsMargins(0, 0, 0, CARD_GAP)
        below_column.setSpacing(CARD_GAP)
        # Reply pace first: the talent presses it for every message and its warning must
        # show while there is still time; the contact is read once, at the start.
        below_column.addWidget(self.pace_card)
        below_column.addWidget(self.contact_card)
        below_column.addStretch(1)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(12)
        left.addWidget(timer_card)
        left.addWidget(scrolling(below, "sessionLeftScroll"), 1)
        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setFixedWidth(380)

        replies_card = Card(margins=18)
        replies_card.setObjectName("sessionRepliesCard")
        replies_card.body.addWidget(self.replies)
        preset_card = Card(margins=18)
        preset_card.setObjectName("sessionBoundariesCard")
        preset_card.body.addWidget(self.boundaries)
        live_page = QWidget()
        live_row = QHBoxLayout(live_page)
        live_row.setContentsMargins(0, 0, 0, 0)
        live_row.setSpacing(12)
        live_row.addWidget(replies_card, 3)
        live_row.addWidget(preset_card, 2)
        # Both pages keep the height they need and scroll under an escalation's panel
        # rather than being squeezed to nothing: the panel comes first.
        self._stack.addWidget(scrolling(live_page, "liveScroll"))
        self._stack.addWidget(scrolling(self.closing, "closingScroll"))

        content = QWidget()
        content.setObjectName("sessionContent")
        row = QHBoxLayout(content)
        row.setContentsMargins(20, 16, 20, 10)
        row.setSpacing(14)
        row.addWidget(left_widget)
        right = QVBoxLayout()
        right.setSpacing(12)
        if self.escalate is not None:
            # An escalation's state and details above the replies while it matters, whole
            # (every crisis sign, the note, Send and False alarm in view): the replies or
            # the closing routine under it scroll instead. The clock and the customer's
            # contact on the left stay as they are.
            right.addWidget(self.escalate.error)
            right.addWidget(self.escalate.panel)
        right.addWidget(self._stack, 1)
        row.addLayout(right, 1)

        header = QWidget()
        header.setObjectName("sessionHeader")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        header_row = QHBoxLayout(header)
        header_row.setContentsMargins(0, 0, 20, 0)
        header_row.setSpacing(0)
        header_row.addWidget(self.scope_banner, 1)
        if self.sync is not None:
            header_row.addWidget(self.sync, 0, Qt.AlignmentFlag.AlignVCenter)
            header_row.addSpacing(12)
        if self.escalate is not None:
            header_row.addWidget(self.escalate, 0, Qt.AlignmentFlag.AlignVCenter)
        self._header = header

        bar = QHBoxLayout()
        bar.setContentsMargins(20, 0, 20, 14)
        bar.setSpacing(12)
        self.compact_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        bar.addWidget(self.compact_button)
        bar.addSpacing(8)
        bar.addWidget(self.extend_note, 1)
        bar.addWidget(self.error, 1)
        bar.addStretch(0)
        bar.addWidget(self.end_button)
        # Once the session has ended, "Finish session" takes End session's place.
        bar.addWidget(self.closing.finish_bar, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(content, 1)
        layout.addLayout(bar)
        for widget in (self.time_note, self.cancelled_note, self.error):
            widget.hide()

    def _make_shortcuts(self) -> None:
        super()._make_shortcuts()  # F8, F9
        self.search_shortcut = self._shortcut("Ctrl+F")
        self.pin_shortcuts = [self._shortcut(f"Ctrl+{n}") for n in range(1, 10)]

    def _connect_signals(self) -> None:
        super()._connect_signals()  # the clock, F8 and F9
        session = self._session
        session.closing_started.connect(self._closing_started)
        session.contact_changed.connect(self._contact_changed)
        session.context_changed.connect(self._context_changed)
        session.busy_changed.connect(self._busy_changed)
        session.failed.connect(self._failed)
        session.agency_cancelled.connect(self.retranslate)
        self.contact.copy_requested.connect(session.copy_handle)
        self.boundaries.item_chosen.connect(self._boundary_chosen)
        self.boundaries.preset_chosen.connect(self._preset_chosen)
        session.presets_changed.connect(self.load_presets)
        self.compact_button.clicked.connect(self.compact_requested)
        self.end_button.clicked.connect(self._end_clicked)
        self.search_shortcut.activated.connect(self.replies.field.setFocus)
        for number, made in enumerate(self.pin_shortcuts, start=1):
            made.activated.connect(lambda number=number: self.replies.copy_pinned(number))

    # ------------------------------------------------------------------ state

    @property
    def live(self) -> LiveSession | None:
        """The session on show."""
        return self._session.live

    @property
    def shown_tick(self) -> SessionTick | None:
        """The tick the countdown was last drawn from."""
        return self._tick

    def show_live(self, live: LiveSession | None) -> None:
        """Show ``live`` (a new session resets the warnings on show)."""
        self._new_session()
        chat = live is not None and live.package.channel.allows_chat
        self.pace_card.setVisible(chat)
        self._show_page(1 if self._session.routine is not None else 0)
        self.contact.set_contact(self._session.contact, self._hidden_reason())
        self.boundaries.set_preset(self._session.context.preset)
        self.retranslate()
        self._show_last_tick()

    def _draw_clock(self, tick: SessionTick, text: str, look: str) -> None:
        self.countdown.setText(text)
        self._set_look(self.countdown, look, "countdown")
        live = self.live
        if live is not None and live.planned_seconds > 0:
            share = min(1.0, tick.elapsed / live.planned_seconds)
            self.progress.setValue(round(share * 1000))

    def _show_page(self, index: int) -> None:
        """Show the live page (0) or the closing routine (1).

        The page not on show asks for no room (a stack is otherwise as tall as its
        tallest page), so an escalation's panel above it fits without squeezing.
        """
        self._stack.setCurrentIndex(index)
        for number in range(self._stack.count()):
            page = self._stack.widget(number)
            if page is None:
                continue
            policy = QSizePolicy.Policy.Preferred if number == index else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)

    def _closing_started(self, _routine: object) -> None:
        self._show_closing()

    def _busy_changed(self, _busy: bool) -> None:
        self._update_buttons()

    def _show_closing(self) -> None:
        self._show_page(1)
        self.pace_card.hide()
        if self.escalate is not None:
            self.escalate.panel.fold_details()  # the checklist needs the room now
        self.retranslate()

    def _contact_changed(self, contact: CustomerContact | None) -> None:
        self.contact.set_contact(contact, self._hidden_reason())

    def _context_changed(self) -> None:
        self.boundaries.set_preset(self._session.context.preset)

    def load_presets(self) -> None:
        """Offer every boundary preset in the chooser (read on the bridge)."""
        boundaries = self._session.boundaries
        self._session.run(boundaries.presets, self.boundaries.set_presets, receiver=self)

    def _preset_chosen(self, preset_id: str | None) -> None:
        session = self._session
        boundaries = session.boundaries

        def chosen(_preset: object) -> None:
            session.changed_presets()  # the context (the preset in force) is read again

        session.run(lambda: boundaries.activate(preset_id), chosen, receiver=self)

    def _hidden_reason(self) -> str:
        if self._session.live is None:
            return ""
        return self.tr("The customer's contact could not be read. Ask the agency if you need it.")

    def _boundary_chosen(self, item: BoundaryItem) -> None:
        replies = self._session.replies

        def work() -> list[DeclineReply]:
            return replies.resolve(item.decline_reply_ids)

        def found(resolved: list[DeclineReply]) -> None:
            self.replies.show_linked(item.label, resolved)

        self._session.run(work, found, receiver=self)

    # ------------------------------------------------------------------ ending

    def _end_clicked(self) -> None:
        tick = self._tick
        if (
            tick is not None
            and tick.phase is SessionPhase.RUNNING
            and tick.time_left > CONFIRM_EARLY_SECONDS
        ):
            dialog = QMessageBox(self)
            dialog.setObjectName("endEarlyDialog")
            dialog.setIcon(QMessageBox.Icon.Question)
            dialog.setWindowTitle(self.tr("End the session early?"))
            dialog.setText(
                self.tr("%1 of the booked time are still left. End the session now?").replace(
                    "%1", clock_text(tick.time_left)
                )
            )
            end = dialog.addButton(self.tr("End session"), QMessageBox.ButtonRole.AcceptRole)
            keep = dialog.addButton(self.tr("Keep going"), QMessageBox.ButtonRole.RejectRole)
            dialog.setDefaultButton(keep)
            dialog.setEscapeButton(keep)
            dialog.finished.connect(lambda _result: self._end_decided(dialog, end))
            self.end_dialog = dialog
            dialog.open()
            return
        self._session.end()

    def _end_decided(self, dialog: QMessageBox, end: object) -> None:
        self.end_dialog = None
        if dialog.clickedButton() is end:
            self._session.end()
        dialog.deleteLater()

    def _failed(self, step: str, exc: Exception) -> None:
        if step not in ("end", "resume"):
            return
        if isinstance(exc, SessionError):
            self.error.setText(self._words.session_error(exc.key))
        else:
            self.error.setText(self.tr("Something went wrong. Try again."))
        self.error.show()

    def _update_buttons(self) -> None:
        session = self._session
        closing = session.routine is not None
        self.end_button.setVisible(not closing)
        self.closing.finish_bar.setVisible(closing)
        self.end_button.setEnabled(session.live is not None and not session.busy)

    # ------------------------------------------------------------------ closing the window

    def allow_close(self) -> None:
        """Let the window really close (the session is over, or the app locks or quits)."""
        self._closable = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closable or self._session.live is None:
            super().closeEvent(event)
            return
        # The session goes on: the window only steps aside (Today and the compact
        # window bring it back).
        event.ignore()
        self.hide()

    # ------------------------------------------------------------------ texts

    def _update_texts(self) -> None:
        tick = self._tick
        phase = tick.phase if tick is not None else SessionPhase.RUNNING
        if phase is SessionPhase.RUNNING:
            caption = self.tr("time left")
        elif phase is SessionPhase.OVERRUN:
            caption = self.tr("over time")
        else:
            caption = self.tr("session length")
        live = self.live
        if live is not None:
            started = self.tr("started %1").replace("%1", self._words.clock(live.started_at))
            caption = f"{caption} · {started}"
        self.caption.setText(caption)
        note: tuple[str, str] | None = None
        if phase is SessionPhase.OVERRUN and tick is not None:
            note = (
                self.tr("Time is up: %1 over the booked time. Close the session politely.").replace(
                    "%1", clock_text(tick.overrun, round_up=False)
                ),
                "error",
            )
        elif phase is SessionPhase.RUNNING and self._warning is not None:
            note = (
                self.tr(
                    "%n minute(s) left. Start wrapping up the conversation.", "", self._warning
                ),
                "warning",
            )
        self.time_note.setVisible(note is not None)
        if note is not None:
            self.time_note.setText(note[0])
            self.time_note.set_role(note[1])
        self.extend_note.setVisible(phase is not SessionPhase.CLOSING)

    def retranslate(self) -> None:
        session = self._session
        live = session.live
        if live is not None:
            scope = live.scope
            words = self._words
            self.scope_banner.set_scope(
                words.scope_banner(scope), words.scope_short(scope), words.scope_rest(scope)
            )
            if self.scope_banner.property("scope") != scope.value:
                self.scope_banner.setProperty("scope", scope.value)
                set_role(self.scope_banner, "scopeBanner")
                self._header.setProperty("scope", scope.value)
                restyle(self._header)
            self.package.setText(live.package.name)
            booking = live.booking
            booked = (
                f"{self._words.span(booking.start, booking.end)} · "
                f"{self._words.minutes(live.package.duration_minutes)} · "
                f"{format_idr(live.package.price_idr)}"
            )
            if live.resumed:
                booked += " · " + self.tr("resumed after a restart")
            self.booked.setText(booked)
            self.setWindowTitle(self.tr("Session: %1").replace("%1", live.package.name))
        else:
            self.setWindowTitle(self.tr("Session"))
        self.extend_note.setText(self._words.extend_note())
        self.cancelled_note.setVisible(session.cancelled_by_agency)
        self.cancelled_note.setText(
            self.tr(
                "The agency cancelled this booking. End the session politely; the customer's "
                "details are kept until you finish."
            )
        )
        self.compact_button.setText(self.tr("Compact window"))
        self.compact_button.setToolTip(
            self.tr("A small window with the timer and your pinned replies, kept on top.")
        )
        self.end_button.setText(self.tr("End session"))
        self._update_texts()
        self._update_buttons()
