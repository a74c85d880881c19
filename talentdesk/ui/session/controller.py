"""The session controller: the live session as the windows show it.

:class:`SessionController` holds no rules of its own. It runs the workspace's
vault-bound steps (start, end, finish, copying a reply) on the bridge, keeps what the
windows show (the live session, its last tick, the closing routine, the customer's
contact while it may be shown, the reply pace) and says what changed with signals,
always on the GUI thread.

**The clock.** Time always comes from the runner's monotonic clock: the desk's timer
only decides *when to look*. It is scheduled to fire just after the next whole
second of the countdown, so the number on screen changes within a few milliseconds
of the true second, and a late or missed tick never shows a wrong time.

**The reply pace.** The meter is the workspace's (it is saved at every mark and goes on
while the app is locked); the controller marks it from the windows' buttons and shortcuts
and shows it. A copied reply counts as an answer: the workspace's change event says how
many replies were copied (``Changes.replies_copied``), wherever they were copied from; a
mark made elsewhere (a system-wide hotkey) arrives as ``Changes.pace``.
"""

from __future__ import annotations

import logging
import math
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from talentdesk.sessions.terms import SessionPhase
from talentdesk.ui.bridge import RunsOnTheBridge, WorkspaceBridge
from talentdesk.ui.clipboard import SecretClipboard
from talentdesk.workspace import Changes, SessionContext

if TYPE_CHECKING:
    from talentdesk.domain import CustomerContact, DeclineReply
    from talentdesk.sessions.boundaries import BoundaryBook
    from talentdesk.sessions.pace import PaceAnswer, SessionPace
    from talentdesk.sessions.replies import ReplyBook, ReplyValues
    from talentdesk.sessions.runner import (
        ClosingRoutine,
        FinishedSession,
        LiveSession,
        SessionRunner,
        SessionTick,
    )
    from talentdesk.sessions.summary import NightSummaries
    from talentdesk.workspace import OpenedSession, Workspace

log = logging.getLogger(__name__)


#: The timer never looks more often than this (a frozen test clock must not spin).
MIN_TICK_MS = 40
#: Fired this long after the next whole second, so the display has already turned.
TICK_SLACK_MS = 5


def next_tick_ms(tick: SessionTick) -> int:
    """Milliseconds until the number on show changes (just after the next whole second)."""
    if tick.phase is SessionPhase.RUNNING:
        value = tick.time_left  # counts down: turns at each whole second
        fraction = value - math.floor(value)
    elif tick.phase is SessionPhase.OVERRUN:
        value = tick.overrun  # counts up
        fraction = 1.0 - (value - math.floor(value))
    elif tick.wrap_up_left:
        value = tick.wrap_up_left
        fraction = value - math.floor(value)
    else:
        fraction = 1.0
    if fraction <= 0.0:
        fraction = 1.0
    return max(MIN_TICK_MS, min(1000, round(fraction * 1000) + TICK_SLACK_MS))


class SessionController(RunsOnTheBridge):
    """The live session of one unlocked vault as the windows show it; replies, boundaries.

    Args:
        view: The workspace on the GUI thread (its change event, its runner).
        clipboard: Where replies and the customer's handle are copied.
        language: The talent's language ("id" or "en"): the reply list's language at
            first, and the closing reply's when the list shows both.

    Attributes:
        workspace: The workspace (call its blocking methods through :meth:`run`).

    Signals:
        session_changed(object): The live session after a start or resume; None once it
            is finished or the controller is released.
        ticked(object): The newest ``SessionTick``.
        warning_due(int): Minutes left at a warning mark (5, 1...), once each.
        overrun_started(): The booked time is up.
        closing_started(object): The ``ClosingRoutine`` after ending.
        checklist_changed(): A closing step was ticked off or on again.
        finished(object): The ``FinishedSession``.
        contact_changed(object): The customer's contact, or None when it may not show.
        pace_changed(object): The newest ``PaceStatus`` (chat sessions only).
        pace_answered(object): The ``PaceAnswer`` of one answer.
        reply_copied(object, str): The reply copied and the text put on the clipboard.
        replies_changed(): Replies were added, edited, pinned or pushed by the agency.
        presets_changed(): Boundary presets changed (here or by the agency).
        context_changed(): Talent name, contact window or active preset changed.
        busy_changed(bool): A start, end or finish is under way (True) or done.
        reply_language_changed(object): The language of the replies on show ("id",
            "en", or None for both), chosen in one window and followed by the others.
        agency_cancelled(): The agency cancelled the live session's booking.
        failed(str, object): A step failed: its name (``start``, ``end``, ``finish``,
            ``copy``, ``resume``) and the exception.
    """

    session_changed = Signal(object)
    ticked = Signal(object)
    warning_due = Signal(int)
    overrun_started = Signal()
    closing_started = Signal(object)
    checklist_changed = Signal()
    finished = Signal(object)
    contact_changed = Signal(object)
    pace_changed = Signal(object)
    pace_answered = Signal(object)
    reply_copied = Signal(object, str)
    replies_changed = Signal()
    presets_changed = Signal()
    context_changed = Signal()
    busy_changed = Signal(bool)
    reply_language_changed = Signal(object)
    agency_cancelled = Signal()
    failed = Signal(str, object)

    def __init__(
        self,
        view: WorkspaceBridge,
        *,
        clipboard: SecretClipboard,
        language: str = "en",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.workspace: Workspace = view.workspace
        self.clipboard = clipboard
        self.language = language
        self._reply_language: str | None = language
        self._cancelled = False
        self._live: LiveSession | None = None
        self._tick: SessionTick | None = None
        self._routine: ClosingRoutine | None = None
        self._contact: CustomerContact | None = None
        self._pace: SessionPace | None = None
        self._context = SessionContext()
        self._busy = False
        self._released = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self.tick_now)
        self.view.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if self._released:
            return
        if changes.bookings:
            self._check_cancelled()
        if changes.replies_copied:
            for _ in range(changes.replies_copied):
                self.talent_answered()
        elif changes.pace and self._pace is not None:
            self.pace_changed.emit(self._pace.status())
        if changes.replies:
            self.replies_changed.emit()
        if changes.boundaries:
            self.presets_changed.emit()
        if changes.boundaries or changes.settings:
            self.load_context()

    # ------------------------------------------------------------------ state

    @property
    def runner(self) -> SessionRunner:
        """The session runner."""
        return self.workspace.runner

    @property
    def replies(self) -> ReplyBook:
        """The reply book."""
        return self.workspace.replies

    @property
    def boundaries(self) -> BoundaryBook:
        """The boundary presets."""
        return self.workspace.boundaries

    @property
    def summary(self) -> NightSummaries:
        """The night summary."""
        return self.workspace.summary

    @property
    def live(self) -> LiveSession | None:
        """The live session on show, if any."""
        return self._live

    @property
    def last_tick(self) -> SessionTick | None:
        """The tick on show."""
        return self._tick

    @property
    def routine(self) -> ClosingRoutine | None:
        """The closing routine once the session was ended."""
        return self._routine

    @property
    def contact(self) -> CustomerContact | None:
        """The live session's customer, until the session is finished."""
        return self._contact

    @property
    def context(self) -> SessionContext:
        """Talent name, contact window and the active preset, as last loaded."""
        return self._context

    @property
    def pace(self) -> SessionPace | None:
        """The reply-pace meter of a live chat session."""
        return self._pace

    @property
    def busy(self) -> bool:
        """True while a start, end or finish runs."""
        return self._busy

    @property
    def reply_language(self) -> str | None:
        """The language of the replies on show ("id", "en"), or None for both."""
        return self._reply_language

    def set_reply_language(self, code: str | None) -> None:
        """Show replies in ``code`` in every session window."""
        if code != self._reply_language:
            self._reply_language = code
            self.reply_language_changed.emit(code)

    @property
    def cancelled_by_agency(self) -> bool:
        """Whether the agency cancelled the live session's booking meanwhile."""
        return self._cancelled

    def _check_cancelled(self) -> None:
        live = self._live
        if live is None or self._cancelled:
            return

        def cancelled(yes: bool) -> None:
            if yes and self._live is live and not self._cancelled:
                self._cancelled = True
                self.agency_cancelled.emit()

        self.run(live.cancelled_by_agency, cancelled)

    def now(self) -> datetime:
        """The session services' wall clock."""
        return self.workspace.clocks.wall()

    def _set_busy(self, busy: bool) -> None:
        if self._busy != busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    # ------------------------------------------------------------------ context

    def load_context(self) -> None:
        """Read the talent's name, the contact window and the active preset again.

        A demo run first puts the sample agency's boundaries in force (once) and names
        its talent if no name is set.
        """
        workspace, language = self.workspace, self.language

        def work() -> SessionContext:
            workspace.choose_demo_preset(language)
            workspace.name_the_demo_talent()
            return workspace.session_context()

        self.run(work, self._context_loaded)

    def _context_loaded(self, context: SessionContext) -> None:
        self._context = context
        self.context_changed.emit()

    def changed_replies(self) -> None:
        """Say that replies changed (after an edit on a page)."""
        self.workspace.notify(Changes(replies=True))

    def changed_presets(self) -> None:
        """Say that presets changed (after an edit on a page); the active one is read again."""
        self.workspace.notify(Changes(boundaries=True))

    # ------------------------------------------------------------------ start and resume

    def resume(self) -> None:
        """Pick up a session that was live when the app stopped or locked, if any."""
        workspace, language = self.workspace, self.language

        def done(opened: OpenedSession | None) -> None:
            if opened is not None:
                self._opened(opened)

        self.run(
            lambda: workspace.resume_session(language=language),
            done,
            lambda exc: self._failed("resume", exc),
        )

    def start(
        self, booking_id: str, *, customer_unblocked: bool = False, override_break: bool = False
    ) -> None:
        """Start the session of an accepted booking (on the bridge).

        The outcome arrives as ``session_changed`` or ``failed("start", SessionError)``
        (``on_break`` while the talent's break runs, unless ``override_break``).
        """
        if self._busy or self._live is not None:
            return
        self._set_busy(True)
        workspace, language = self.workspace, self.language

        def work() -> OpenedSession:
            return workspace.start_session(
                booking_id,
                customer_unblocked=customer_unblocked,
                language=language,
                override_break=override_break,
            )

        self.run(work, self._opened, lambda exc: self._failed("start", exc))

    def _opened(self, opened: OpenedSession) -> None:
        self._set_busy(False)
        self._live = opened.live
        self._contact = opened.contact
        self._context = opened.context
        self._pace = opened.pace
        self._routine = opened.routine
        self._tick = None
        self._cancelled = False
        self.session_changed.emit(opened.live)
        self.contact_changed.emit(opened.contact)
        self.context_changed.emit()
        if opened.routine is not None:
            self.closing_started.emit(opened.routine)
        self.tick_now()
        self._check_cancelled()

    # ------------------------------------------------------------------ the clock

    def tick_now(self) -> SessionTick | None:
        """Read the clock, say what is due, and schedule the next look."""
        live = self._live
        if live is None or self._released:
            self._timer.stop()
            return None
        tick = live.tick()
        self._tick = tick
        self.ticked.emit(tick)
        if tick.warnings:
            self.warning_due.emit(min(tick.warnings))
        if tick.overrun_started:
            self.overrun_started.emit()
        if self._pace is not None and tick.phase is not SessionPhase.CLOSING:
            self.pace_changed.emit(self._pace.status())
        if tick.phase is not SessionPhase.FINISHED:
            self._timer.start(next_tick_ms(tick))
        return tick

    def break_left(self) -> float | None:
        """Seconds left of the talent's break after a hard session; None when none runs."""
        return self.workspace.break_left()

    def minutes_left(self) -> int | None:
        """Whole minutes left of the live session (rounded up), without side effects."""
        live = self._live
        if live is None:
            return None
        return max(0, math.ceil((live.planned_seconds - live.elapsed()) / 60))

    # ------------------------------------------------------------------ ending

    def end(self) -> None:
        """Stop the clock and start the closing routine (on the bridge)."""
        live = self._live
        if live is None or self._busy or self._routine is not None:
            return
        self._set_busy(True)
        # The closing reply goes to the customer: in the language the talent replies in
        # during this session (the reply list's), else the app's.
        workspace, language = self.workspace, self._reply_language or self.language
        self.run(
            lambda: workspace.end_session(live, language),
            self._ended,
            lambda exc: self._failed("end", exc),
        )

    def _ended(self, routine: ClosingRoutine) -> None:
        self._set_busy(False)
        self._routine = routine
        self.closing_started.emit(routine)
        self.tick_now()

    def set_step_done(self, key: str, done: bool) -> None:
        """Tick a closing step off (or on again)."""
        routine = self._routine
        if routine is None or key not in routine.checklist:
            return
        if done:
            routine.tick_off(key)
        else:
            routine.done.discard(key)
        self.checklist_changed.emit()

    def finish(self) -> None:
        """Keep the record, tell the agency and destroy the customer's data (on the bridge)."""
        live = self._live
        if live is None or self._busy:
            return
        self._set_busy(True)
        pace = self._pace
        slow = pace.slow_replies if pace is not None else 0
        flags = pace.record_flags() if pace is not None else ()
        workspace = self.workspace

        def work() -> FinishedSession:
            return workspace.finish_session(live, slow_replies=slow, flags=flags)

        self.run(work, self._finished, lambda exc: self._failed("finish", exc))

    def _finished(self, result: FinishedSession) -> None:
        self._set_busy(False)
        self._forget_session()
        self.finished.emit(result)
        self.session_changed.emit(None)

    def _forget_session(self, *, over: bool = True) -> None:
        self._timer.stop()
        if over:  # the handle, and any reply filled in for the customer
            self.clipboard.end_session()
        self._live = None
        self._tick = None
        self._routine = None
        self._pace = None
        had_contact, self._contact = self._contact is not None, None
        if had_contact:
            self.contact_changed.emit(None)

    def _failed(self, step: str, exc: Exception) -> None:
        self._set_busy(False)
        log.info("session step %s failed: %s", step, type(exc).__name__)
        self.failed.emit(step, exc)
        if step == "start" and self._live is None and self.runner.live is not None:
            self.resume()  # it did start; only reading around it failed: pick it up

    # ------------------------------------------------------------------ copying

    def copy_handle(self, contact: CustomerContact | None = None) -> bool:
        """Put a customer's handle on the clipboard as an expiring secret.

        Args:
            contact: The contact to copy (Today's, inside the contact window); None
                takes the live session's.
        """
        contact = contact or self._contact
        if contact is None:
            return False
        self.clipboard.copy_secret(contact.contact_handle)
        return True

    def reply_values(self) -> ReplyValues:
        """What the app fills into a reply now: the talent, minutes left, the package."""
        from talentdesk.sessions.replies import ReplyValues

        live = self._live
        return ReplyValues(
            talent=self._context.talent_name,
            minutes_left=self.minutes_left(),
            package=live.package.name if live is not None else "",
        )

    def copy_reply(self, reply: DeclineReply, answers: dict[str, str] | None = None) -> None:
        """Fill a reply in and put it on the clipboard (on the bridge).

        The outcome arrives as ``reply_copied`` or ``failed("copy", exc)``
        (``MissingBlanksError``, ``ReplyError``). The copy counts as an answer for the
        reply pace when its change event arrives.
        """
        values = self.reply_values()
        replies = self.replies

        def work() -> str:
            return replies.copy(reply.id, values, answers)

        def copied(text: str) -> None:
            self.clipboard.copy_text(text, session=self._live is not None)
            self.reply_copied.emit(reply, text)

        self.run(work, copied, lambda exc: self._failed("copy", exc))

    # ------------------------------------------------------------------ reply pace

    def customer_wrote(self) -> None:
        """The customer wrote (F8, a button, a hotkey): the wait starts, if none runs yet.

        Saved at once (a vault write of a few milliseconds, on the GUI thread like the
        escalate click: the mark is durable when the click returns).
        """
        pace = self._pace
        if pace is None or self._routine is not None:
            return
        self.workspace.customer_wrote()
        self.pace_changed.emit(pace.status())

    def talent_answered(self) -> PaceAnswer | None:
        """The talent answered (F9, a button, a hotkey, or a copied reply). Saved at once."""
        pace = self._pace
        if pace is None or self._routine is not None:
            return None
        answer = self.workspace.talent_answered()
        if answer is None:
            return None
        self.pace_answered.emit(answer)
        self.pace_changed.emit(pace.status())
        return answer

    # ------------------------------------------------------------------ release

    def release(self) -> None:
        """Let go before the vault closes: stop the clock, take the handle off the clipboard.

        The live session itself goes on in the vault and is resumed after unlocking.
        """
        if self._released:
            return
        self._timer.stop()
        self.clipboard.clear_secret("locked")
        had_session = self._live is not None
        self._forget_session(over=False)  # locked: the session goes on (so do its copies)
        self._released = True
        self._set_busy(False)
        if had_session:
            self.session_changed.emit(None)
