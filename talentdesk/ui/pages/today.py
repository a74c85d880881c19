"""Today: tonight's bookings, and accepting or declining the ones that wait for an answer.

Until the agency has sent a booking the page keeps its honest empty state.
Every vault call runs on the bridge through the agency link; the list is
loaded again when a feed page changes bookings, when an answer moves on in
the outbox (queued → delivered), after each answer, when a session starts,
ends or is finished, and once a minute.

With a session agency, each booking's state is its stage on the way to its
session (upcoming, contact window open, live, wrap-up, done, cancelled), and the
session card under the list (:class:`SessionStartPanel`) shows the selected
booking's customer while the contact window allows it, asks the talent to
confirm they unblocked a returning customer, and starts the session.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from talentdesk.domain import (
    MSG_BREAK_TOO_SHORT,
    MSG_CALL_ASK_FIRST,
    MSG_CALL_NOT_ALLOWED,
    MSG_CHAT_ASK_FIRST,
    MSG_CHAT_NOT_ALLOWED,
    MSG_TOO_MANY_HOURS,
    Booking,
    BookingStatus,
)
from talentdesk.sync.outbox import OutboxState
from talentdesk.ui.agency_link import AgencyLink
from talentdesk.ui.bridge import LatestOnly
from talentdesk.ui.pages.bookings_model import DETAILS, BookingsModel, Column, local_now
from talentdesk.ui.pages.empty_state import EmptyStatePage
from talentdesk.ui.session.controller import SessionController
from talentdesk.ui.session.stages import BookingStage, stage_of
from talentdesk.ui.session.today_panel import SessionStartPanel
from talentdesk.ui.widgets import (
    Callout,
    Card,
    ask_to_confirm,
    coalesced,
    make_button,
    make_label,
    wrap_cells,
)
from talentdesk.workspace import AcceptCheck, BookingRow, TonightView

log = logging.getLogger(__name__)

#: How often the list is loaded again without news (times roll over midnight).
REFRESH_MS = 60_000
#: The longest decline reason the agency accepts.
MAX_REASON_CHARS = 500
#: The list's least height, and how many bookings it shows before it scrolls.
MIN_LIST_HEIGHT = 200
SHOWN_ROWS = 6
#: Rows beyond those in view that a column sized to its contents is measured on.
MEASURED_ROWS = 50
#: Characters of a package's name that must fit beside the other columns; on a narrower
#: table the package's details go under its name.
PACKAGE_ROOM_CHARS = 18

if TYPE_CHECKING:
    from talentdesk.sync.pairing import PairingInfo


class TodayPage(EmptyStatePage):
    """The bookings of today and tonight, each with its package, price and state.

    Args:
        agency: the agency link of the unlocked vault; None shows the empty state only.
        now: the wall clock, to say "tomorrow" of bookings after midnight.
        session: the session agency of the same vault: stages, the session card, Start.

    Signals:
        settings_requested(): the talent wants Settings, to pair with the agency.
        session_requested(): the talent wants the live session's window.
    """

    settings_requested = Signal()
    session_requested = Signal()

    def __init__(
        self,
        agency: AgencyLink | None = None,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = local_now,
        session: SessionController | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("todayPage")
        self._agency = agency
        self._session = session
        self._loader = (
            LatestOnly(
                agency.run,
                agency.workspace.tonight,
                self._loaded,
                self._load_failed,
                receiver=self,
            )
            if agency is not None
            else None
        )
        self._answering: str | None = None
        self._last_answer: tuple[str, bool] | None = None
        self._card_shown_for: tuple[str, BookingStatus] | None = None
        self._card_wanted = False
        self._card_scrolled_to: int | None = None  # where the last scroll to the card left it
        # The talent scrolled the page (wheel, scroll bar, keys) since the card was chosen:
        # from then on it is theirs, nothing scrolls it for them.
        self._talent_scrolled = False
        self._error: str | None = None
        self._unreadable: tuple[str, ...] = ()
        self.confirm_dialog: QMessageBox | None = None
        self.decline_dialog: QInputDialog | None = None
        self.model = BookingsModel(self, now=now)
        if session is not None:
            self.model.set_stage_source(self._stage_of)
        self.session_panel = SessionStartPanel(session) if session is not None else None
        self.list_scroll: QScrollArea | None = None
        self._list_content: QWidget | None = None
        # The list's viewport, followed from the first fit on (:meth:`_fit_columns`): asked
        # for before the first paint, PySide would resolve every widget class of QtWidgets
        # to name the QWidget it returns (~60 enums, ~4.6 ms on the way to the window).
        self._viewport: QWidget | None = None
        self.view = QTreeView()
        self.view.setObjectName("bookingsView")
        self.list_title = make_label("heading", wrap=False, name="bookingsTitle")
        self.list_summary = make_label("muted", name="bookingsSummary")
        self.list_hint = make_label("muted", name="bookingsHint")
        self.accept_button = make_button("primary", name="acceptButton")
        self.decline_button = make_button(name="declineButton")
        self.answer_note = Callout("note", name="answerNote")
        self.error = Callout("error", name="todayError")
        self.unreadable = Callout("warning", name="unreadableBookings")
        self.list_header = QWidget()
        self.list_header.setObjectName("bookingsHeader")
        self.list_card = Card(margins=22)
        self.list_card.setObjectName("bookingsCard")
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._build_list()
        self._connect_signals()
        self.retranslate()
        self._show_rows(False)
        if agency is not None:
            self._timer.start()
            # Loaded once the window that holds this page is built: the worker's load
            # (importing the records' services, decrypting) would otherwise share the GIL
            # with the build and hold back the first paint.
            QTimer.singleShot(0, self, self.refresh)

    # ------------------------------------------------------------------ layout

    def _build_list(self) -> None:
        self.action_button.show()
        view = self.view
        view.setModel(self.model)
        view.setRootIsDecorated(False)
        view.setItemsExpandable(False)
        view.setUniformRowHeights(False)  # a returning customer's state has a second line
        view.setAllColumnsShowFocus(True)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setMinimumHeight(MIN_LIST_HEIGHT)
        header = view.header()
        header.setStretchLastSection(False)
        # Columns fitted to their contents measure the rows in view and this many more, as
        # on the Safety page (Qt's default, up to 1,000, took ~23 ms more to show 1,000
        # bookings); a night never holds that many.
        header.setResizeContentsPrecision(MEASURED_ROWS)
        for column in Column:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # The package's name gives way first: it wraps where the other columns need the
        # room, and on a narrow window what it covers, its length and its price go under
        # it (:meth:`_fit_columns`), so nothing scrolls sideways or ends in "…".
        header.setSectionResizeMode(Column.PACKAGE, QHeaderView.ResizeMode.Stretch)
        # Only the package's name wraps at its column's width; the other columns fit
        # their contents on one line, measured by Qt's own delegate (no Python per cell:
        # 1,000 bookings took ~60 ms more to show with every cell measured in Python).
        wrap_cells(view, columns=(Column.PACKAGE,))
        # What to do about a booking comes right after its time.
        header.moveSection(header.visualIndex(Column.STATE), 1)
        header.setSectionsMovable(False)
        # Fitted once the event loop is back: the header holds its sections' new widths
        # only after it told of them, and a new load changes several at once.
        self._fit_soon = coalesced(self, self._fit_columns)
        self.model.modelReset.connect(self._fit_soon)
        self.model.dataChanged.connect(self._fit_soon)
        # Narrower columns are taller (wrapped) rows.
        header.sectionResized.connect(self._fit_soon)
        for callout in (self.answer_note, self.error, self.unreadable):
            callout.hide()

        # Accept and Decline sit beside the list's title, above the part that scrolls:
        # wherever the page was scrolled to (a session card further down), they are in view.
        title_row = QHBoxLayout(self.list_header)
        title_row.setContentsMargins(0, 0, 0, 0)
        title_row.setSpacing(10)
        title_row.addWidget(self.list_title)
        title_row.addStretch(1)
        title_row.addWidget(self.accept_button)
        title_row.addWidget(self.decline_button)
        card = self.list_card.body
        card.addWidget(self.list_summary)
        card.addWidget(self.list_hint)
        card.addWidget(view, 1)
        card.addWidget(self.answer_note)
        page = self.column
        page.insertWidget(2, self.error)
        page.insertWidget(3, self.unreadable)
        page.insertWidget(4, self.list_header)
        if self.session_panel is None:
            page.insertWidget(5, self.list_card, 1)
            return
        # The list and the session card scroll together when the window is too short
        # for both (rather than squeezing the list under its buttons).
        content = QWidget()
        content.setObjectName("todayContent")
        stacked = QVBoxLayout(content)
        stacked.setContentsMargins(0, 0, 0, 0)
        stacked.setSpacing(18)
        stacked.addWidget(self.list_card, 1)
        stacked.addWidget(self.session_panel)
        # Whatever grows after the scroll to the card (the note about the answer above it,
        # the card's own lines) would push it out of view again: followed (eventFilter).
        content.installEventFilter(self)
        self._list_content = content
        # Made in the page, so the content it polishes is not moved (and polished) again.
        self.list_scroll = QScrollArea(self)
        self.list_scroll.setObjectName("todayScroll")
        self.list_scroll.setWidgetResizable(True)
        self.list_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.list_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_scroll.setWidget(content)
        page.insertWidget(5, self.list_scroll, 1)

    def _connect_signals(self) -> None:
        self.action_button.clicked.connect(self.settings_requested)
        self.accept_button.clicked.connect(self._accept_clicked)
        self.decline_button.clicked.connect(self._decline_clicked)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self._timer.timeout.connect(self.refresh)
        agency = self._agency
        if agency is not None:
            agency.bookings_changed.connect(self.refresh)
            agency.outbox_changed.connect(self.refresh)
            agency.pairing_changed.connect(self._pairing_changed)
        session, panel = self._session, self.session_panel
        if session is not None and panel is not None:
            panel.open_session_requested.connect(self.session_requested)
            if self.list_scroll is not None:
                bar = self.list_scroll.verticalScrollBar()
                bar.actionTriggered.connect(self._scrolled_by_talent)
            panel.filled.connect(self._card_filled)
            # Bound methods, not lambdas: Qt lets go of them when this page goes.
            session.session_changed.connect(self._session_moved)
            session.closing_started.connect(self._session_moved)
            session.context_changed.connect(self.model.retranslate)

    def _session_moved(self, _what: object) -> None:
        self._last_answer = None  # "your answer was delivered" is old news once a session moves
        self.refresh()

    def _stage_of(self, booking: Booking) -> BookingStage | None:
        session = self._session
        if session is None:
            return None
        return stage_of(booking, session.now(), session.context.contact_minutes, session.live)

    def _show_rows(self, has_rows: bool) -> None:
        self.empty_area.setVisible(not has_rows)
        self.list_header.setVisible(has_rows)
        self.list_card.setVisible(has_rows)
        if self.list_scroll is not None:
            self.list_scroll.setVisible(has_rows)
        if self.session_panel is not None:
            self.session_panel.setVisible(has_rows and self.selected_booking() is not None)
        # The list takes the height when there is one; otherwise the empty card sits on top.
        self.column.setStretch(self.column.count() - 1, 0 if has_rows else 1)

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:
        """Load tonight's bookings again (on the bridge); overlapping calls are merged."""
        if self._loader is not None:
            self._loader.request()

    def _loaded(self, tonight: TonightView) -> None:
        selected = self.selected_booking()
        self.model.set_rows(tonight.rows)
        if selected is not None:
            self.select_booking(selected.id)
        if self.session_panel is not None:
            self.session_panel.set_booking(self.selected_booking())
            self._bring_card_into_view(self.selected_booking())  # e.g. just accepted
        self._unreadable = tonight.unreadable
        self._show_rows(bool(tonight.rows))
        self.retranslate()

    def _load_failed(self, exc: Exception) -> None:
        log.warning("tonight's bookings not loaded: %s", type(exc).__name__)
        self._error = "load"
        self.retranslate()

    def _pairing_changed(self, _info: PairingInfo | None) -> None:
        self.retranslate()
        self.refresh()

    # ------------------------------------------------------------------ selection

    def selected_row(self) -> BookingRow | None:
        """The booking row the talent selected, if any."""
        indexes = self.view.selectionModel().selectedRows()
        if not indexes:
            return None
        rows = self.model.rows()
        number = indexes[0].row()
        return rows[number] if 0 <= number < len(rows) else None

    def selected_booking(self) -> Booking | None:
        """The booking the talent selected, if any."""
        row = self.selected_row()
        return row.booking if row is not None else None

    def select_booking(self, booking_id: str) -> bool:
        """Select a booking's row; False when it is not listed."""
        number = self.model.row_of(booking_id)
        if number is None:
            return False
        index = self.model.index(number, 0)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()
        if self.session_panel is not None:
            booking = self.selected_booking()
            self.session_panel.set_booking(booking)
            self._bring_card_into_view(booking)

    def _bring_card_into_view(self, booking: Booking | None) -> None:
        """On a short window the session card is below the list: scroll to it, once.

        Once per booking and state (a reload reselects the row, which must not pull the
        page back from where the talent scrolled it), and not for a booking that waits
        for an answer: its card has nothing to do yet (Accept and Decline are above the
        scrolled part, always in view).
        """
        key = (booking.id, booking.status) if booking is not None else None
        if key == self._card_shown_for:
            return
        self._card_shown_for = key
        self._card_scrolled_to = None
        self._talent_scrolled = False
        panel = self.session_panel
        self._card_wanted = (
            booking is not None
            and booking.status is not BookingStatus.PENDING
            and panel is not None
            and panel.booking is not None
        )
        if self._card_wanted:
            # Tied to the page: a lock may delete it (and the card) before this runs.
            QTimer.singleShot(0, self, self._show_session_card)

    def _card_filled(self) -> None:
        # The card was read again and may have grown (the customer's contact can come
        # a read or two later, with the feed): follow it until the contact is there.
        # Never once the talent has scrolled the page themselves.
        panel = self.session_panel
        if self._card_wanted and not self._talent_scrolled:
            self._card_wanted = panel is not None and not panel.has_contact
            self._show_session_card()

    def _scrolled_by_talent(self, _action: int) -> None:
        # Only the talent's own scrolling triggers a scroll bar action (not setValue).
        self._talent_scrolled = True
        self._card_wanted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            if watched is self._list_content:
                QTimer.singleShot(0, self, self._keep_card_in_view)
            elif watched is self._viewport:  # a scroll bar came or went
                self._fit_soon()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Keep the package's details in their columns while the table is wide enough for
        them beside a package name; under the name (their columns hidden) when not.

        The other columns' widths do not depend on where the details are, and a table
        that put them under the name only gets narrower (its taller rows may bring a
        scroll bar), so the choice does not flip back and forth.
        """
        view = self.view
        if self._viewport is None:
            self._viewport = view.viewport()
            self._viewport.installEventFilter(self)
        header = view.header()
        # A shown column is as wide as the header made it for its contents (measured once,
        # by the header); a hidden one is measured here. Measuring every column again took
        # ~25 ms with 1,000 bookings.
        beside = sum(
            max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
            if header.isSectionHidden(column)
            else header.sectionSize(column)
            for column in Column
            if column is not Column.PACKAGE
        )
        room = self._viewport.width() - beside
        under = room < view.fontMetrics().averageCharWidth() * PACKAGE_ROOM_CHARS
        if under != self.model.details_under_package:
            self.model.set_details_under_package(under)  # first: hiding resizes sections
            for column in DETAILS:
                header.setSectionHidden(column, under)
        self._fit_height()

    def _fit_height(self) -> None:
        """At least as tall as the first :data:`SHOWN_ROWS` bookings (two-line rows where
        the details went under the package): tonight reads without scrolling the table,
        the page scrolls instead."""
        view = self.view
        rows = min(self.model.rowCount(), SHOWN_ROWS)
        height = (
            view.header().sizeHint().height()
            + sum(view.sizeHintForRow(row) for row in range(rows))
            + 2 * view.frameWidth()
            + 4
        )
        view.setMinimumHeight(max(MIN_LIST_HEIGHT, height))

    def _keep_card_in_view(self) -> None:
        """Scroll to the card again if it was scrolled to and the talent has not scrolled
        the page since."""
        if self._card_scrolled_to is not None and not self._talent_scrolled:
            self._show_session_card()

    def _show_session_card(self) -> None:
        panel, scroll = self.session_panel, self.list_scroll
        if (
            panel is not None
            and scroll is not None
            and shiboken6.isValid(panel)
            and panel.isVisible()
        ):
            # The card just grew (the customer's contact): lay it out before measuring.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            scroll.ensureWidgetVisible(panel, 0, 0)
            self._card_scrolled_to = scroll.verticalScrollBar().value()

    def _update_buttons(self) -> None:
        booking = self.selected_booking()
        can_answer = (
            self._agency is not None
            and booking is not None
            and booking.status is BookingStatus.PENDING
            and self._answering is None
        )
        self.accept_button.setEnabled(can_answer)
        self.decline_button.setEnabled(can_answer)

    # ------------------------------------------------------------------ answering

    def _accept_clicked(self) -> None:
        agency, booking = self._agency, self.selected_booking()
        if agency is None or booking is None or booking.status is not BookingStatus.PENDING:
            return
        self._begin_answer(booking.id)
        agency.run(
            lambda: agency.workspace.check_accept(booking),
            self._checked,
            self._answer_failed,
            receiver=self,
        )

    def _checked(self, check: AcceptCheck) -> None:
        if check.warnings.overlaps:
            self._refuse_overlap(check.booking, check.warnings.overlaps)
            return
        if not check.warnings.any:
            self._send_answer(check.booking, accept=True)
            return
        self.confirm_dialog = ask_to_confirm(
            self,
            name="acceptWarnings",
            icon=QMessageBox.Icon.Warning,
            role=QMessageBox.ButtonRole.AcceptRole,
            title=self.tr("Check before you accept"),
            text=self.tr("Before you accept the booking at %1 (%2):")
            .replace("%1", self.model.time_text(check.booking))
            .replace("%2", check.booking.package.name),
            details="\n".join(f"• {line}" for line in self.warning_lines(check)),
            confirm=self.tr("Accept anyway"),
            keep=self.tr("Don't accept"),
            decided=lambda accept: self._confirmed(accept, check.booking),
        )

    def _refuse_overlap(self, booking: Booking, overlaps: tuple[Booking, ...]) -> None:
        """Say why a booking that clashes with a session cannot be accepted (no "anyway")."""
        dialog = QMessageBox(self)
        dialog.setObjectName("overlapRefused")
        dialog.setIcon(QMessageBox.Icon.Warning)
        dialog.setWindowTitle(self.tr("This booking cannot be accepted"))
        dialog.setText(
            self.tr("The booking at %1 (%2) is at the same time as:")
            .replace("%1", self.model.time_text(booking))
            .replace("%2", booking.package.name)
        )
        lines = [
            "• "
            + self.tr("your booking at %1 (%2)")
            .replace("%1", self.model.time_text(other))
            .replace("%2", other.package.name)
            for other in overlaps
        ]
        lines.append(
            self.tr(
                "You can't be in two sessions at once. Decline it, or ask your agency to move "
                "one of them."
            )
        )
        dialog.setInformativeText("\n".join(lines))
        ok = dialog.addButton(self.tr("OK"), QMessageBox.ButtonRole.AcceptRole)
        dialog.setDefaultButton(ok)
        dialog.setEscapeButton(ok)

        def closed(_result: int) -> None:
            self.confirm_dialog = None
            dialog.deleteLater()
            self._end_answer()

        dialog.finished.connect(closed)
        self.confirm_dialog = dialog
        dialog.open()

    def warning_lines(self, check: AcceptCheck) -> list[str]:
        """Each warning of ``check`` as one plain sentence."""
        preset = check.preset_name or self.tr("your boundaries")
        boundary = {
            MSG_CHAT_NOT_ALLOWED: self.tr(
                "Your boundaries (%1) say never to chat, and this package includes chat."
            ),
            MSG_CHAT_ASK_FIRST: self.tr(
                "Your boundaries (%1) say to ask you first about chat, and this package "
                "includes chat."
            ),
            MSG_CALL_NOT_ALLOWED: self.tr(
                "Your boundaries (%1) say never to take calls, and this package includes a call."
            ),
            MSG_CALL_ASK_FIRST: self.tr(
                "Your boundaries (%1) say to ask you first about calls, and this package "
                "includes a call."
            ),
        }
        lines = [
            boundary.get(
                conflict.message_key, self.tr("It goes against your boundaries (%1).")
            ).replace("%1", preset)
            for conflict in check.warnings.conflicts
        ]
        limits = check.limits
        for problem in check.warnings.shift_problems:
            if problem == MSG_TOO_MANY_HOURS:
                hours = self.locale().toString(float(limits.max_hours_per_night), "g", 3)
                lines.append(
                    self.tr(
                        "It takes you past your limit of %1 hours of sessions in a night."
                    ).replace("%1", hours)
                )
            elif problem == MSG_BREAK_TOO_SHORT:
                lines.append(
                    self.tr(
                        "It leaves you less than your %n minute(s) of break between sessions.",
                        "",
                        limits.min_break_minutes,
                    )
                )
            else:
                lines.append(self.tr("It breaks one of your shift limits."))
        return lines

    def _confirmed(self, accept: bool, booking: Booking) -> None:
        self.confirm_dialog = None
        if accept:
            self._send_answer(booking, accept=True)
        else:
            self._end_answer()

    def _decline_clicked(self) -> None:
        booking = self.selected_booking()
        if self._agency is None or booking is None or booking.status is not BookingStatus.PENDING:
            return
        self._begin_answer(booking.id)
        dialog = QInputDialog(self)
        dialog.setObjectName("declineDialog")
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setWindowTitle(self.tr("Decline booking"))
        dialog.setLabelText(
            self.tr("Decline the booking at %1 (%2)?\n\nYou can tell the agency why (optional):")
            .replace("%1", self.model.time_text(booking))
            .replace("%2", booking.package.name)
        )
        dialog.setOkButtonText(self.tr("Decline"))
        dialog.setCancelButtonText(self.tr("Don't decline"))
        field = dialog.findChild(QLineEdit)
        if field is not None:
            field.setMaxLength(MAX_REASON_CHARS)
        dialog.finished.connect(lambda result: self._decline_decided(dialog, result, booking))
        self.decline_dialog = dialog
        dialog.open()

    def _decline_decided(self, dialog: QInputDialog, result: int, booking: Booking) -> None:
        self.decline_dialog = None
        if result == QInputDialog.DialogCode.Accepted:
            reason = dialog.textValue().strip()[:MAX_REASON_CHARS]
            self._send_answer(booking, accept=False, reason=reason or None)
        else:
            self._end_answer()
        dialog.deleteLater()

    def _begin_answer(self, booking_id: str) -> None:
        self._answering = booking_id
        self._error = None
        self.retranslate()
        self._update_buttons()

    def _end_answer(self) -> None:
        self._answering = None
        self._update_buttons()

    def _send_answer(self, booking: Booking, *, accept: bool, reason: str | None = None) -> None:
        agency = self._agency
        if agency is None:
            return
        self._answering = booking.id
        workspace = agency.workspace
        agency.run(
            lambda: workspace.answer(booking.id, accept=accept, reason=reason),
            lambda _item: self._answered(booking.id, accept),
            self._answer_failed,
            receiver=self,
        )

    def _answered(self, booking_id: str, accept: bool) -> None:
        self._last_answer = (booking_id, accept)
        self._end_answer()
        self.refresh()

    def _answer_failed(self, exc: Exception) -> None:
        from talentdesk.sessions.bookings import (
            BookingAlreadyAnsweredError,
            BookingNotFoundError,
            BookingOverlapError,
        )

        if isinstance(exc, BookingAlreadyAnsweredError | BookingNotFoundError):
            self._error = "stale"
        elif isinstance(exc, BookingOverlapError):
            self._error = "overlap"  # it clashed with a session accepted meanwhile
        else:
            log.warning("answer not saved: %s", type(exc).__name__)
            self._error = "answer"
        self._end_answer()
        self.retranslate()
        self.refresh()

    # ------------------------------------------------------------------ texts

    def _answer_note_text(self) -> tuple[str, str] | None:
        """The note about the last answer, and its callout role."""
        if self._last_answer is None:
            return None
        booking_id, accept = self._last_answer
        number = self.model.row_of(booking_id)
        if number is None:
            return None
        row = self.model.rows()[number]
        when = self.model.time_text(row.booking)
        said = (
            self.tr("You accepted the booking at %1 (%2).")
            if accept
            else self.tr("You declined the booking at %1 (%2).")
        )
        said = said.replace("%1", when).replace("%2", row.booking.package.name)
        if row.answer is OutboxState.FAILED:
            refused = self.tr("The agency refused your answer: %1").replace(
                "%1", row.answer_error or "?"
            )
            return f"{said} {refused}", "error"
        if row.answer is OutboxState.QUEUED or row.answer is None:
            queued = self.tr(
                "Your answer is queued: it is sent as soon as the agency can be reached."
            )
            return f"{said} {queued}", "note"
        delivered = self.tr("Your answer was delivered to the agency.")
        return f"{said} {delivered}", "success"

    def retranslate(self) -> None:
        agency = self._agency
        pairing = agency.pairing if agency is not None else None
        self.page_title.setText(self.tr("Today"))
        self.heading.setText(self.tr("No bookings yet"))
        self.body.setText(
            self.tr(
                "Your bookings for today and tonight appear here when your agency sends them, "
                "each with its package and start time, so you can start and end every session "
                "on time."
            )
        )
        if pairing is None:
            self.hint.setText(
                self.tr("To receive bookings, pair TalentDesk with your agency in Settings.")
            )
        else:
            self.hint.setText(
                self.tr(
                    "You're paired with %1: new bookings appear here as soon as it sends them."
                ).replace("%1", pairing.agency_name)
            )
        self.action_button.setVisible(pairing is None)
        self.action_button.setText(self.tr("Open Settings"))
        self.model.retranslate()
        self.list_title.setText(self.tr("Tonight"))
        rows = self.model.rows()
        waiting = sum(row.booking.status is BookingStatus.PENDING for row in rows)
        summary = self.tr("%n booking(s)", "", len(rows))
        if waiting:
            summary += " · " + self.tr("%n waiting for your answer", "", waiting)
        self.list_summary.setText(summary)
        self.list_hint.setText(
            self.tr("Select a booking that waits for your answer to accept or decline it.")
            if waiting
            else ""
        )
        self.list_hint.setVisible(bool(waiting))
        self.accept_button.setText(self.tr("Accept"))
        self.decline_button.setText(self.tr("Decline…"))
        note = self._answer_note_text()
        if note is None:
            self.answer_note.hide()
        else:
            self.answer_note.setText(note[0])
            self.answer_note.set_role(note[1])
            self.answer_note.show()
        errors = {
            "stale": self.tr(
                "This booking was already answered, or the agency cancelled it meanwhile."
            ),
            "answer": self.tr("Your answer could not be saved. Try again."),
            "overlap": self.tr(
                "This booking is at the same time as another session of yours, so it cannot "
                "be accepted. Decline it, or ask your agency to move one of them."
            ),
            "load": self.tr("Tonight's bookings could not be loaded. They are loaded again soon."),
        }
        self.error.setVisible(self._error is not None)
        self.error.setText(errors.get(self._error or "", ""))
        self.unreadable.setVisible(bool(self._unreadable))
        self.unreadable.setText(
            self.tr(
                "%n booking(s) could not be read: the vault's check failed. Ask your agency to "
                "send them again if they are missing here.",
                "",
                len(self._unreadable),
            )
        )
        self._update_buttons()
