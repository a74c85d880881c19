"""The workspace: every service of one unlocked vault, built and wired in one place.

The composition layer makes one :class:`Workspace` per unlocked vault and hands it to the
view, which builds no service of its own: it calls the workspace (on a worker thread for
anything that touches the vault or the network) and listens to its one change event,
:class:`~talentdesk.workspace.changes.Changes`, which says which kinds of data changed.

**Built on first use.** Making the workspace reads nothing and imports no service. The
services over the vault's records alone (outbox, bookings, replies, boundaries, night
summary) are built by the first call that needs one of them: tonight's bookings, on a
worker, for the first window. The ones that talk to the agency or keep time (sync, the
session runner, safety) are built together after the first paint, in the order their
wiring needs: the session runner attaches to sync (a live session's customer data
outlives the feed's sweeps) and the safety service registers its feed handlers before
sync can start.

**Threads.** Services call their listeners on whichever thread changed something (the
feed's, the sender's, a worker's, the GUI thread's); the workspace turns each into a
:class:`Changes` and calls its own listeners on that same thread. The view's bridge
(``talentdesk/ui/workspace_bridge.py``) merges bursts and re-emits them on the GUI thread.

**Rules that used to live in the view**: the join of tonight's bookings to the outbox
items that answer them, the settings transaction, the 24-hour report window, and the
live session as the lone-worker check sees it (booked end on the monotonic clock).

**The live session's reply pace** lives here too (:class:`~talentdesk.sessions.pace.
SessionPace`), not in a window: the compact window's buttons, the system-wide hotkeys
and a copied reply all mark it, also while the app is locked, and every mark is saved.

**The lock locks data, never the panic button** (:meth:`Workspace.guard`): while a
session is live or an escalation is open, a lock keeps the workspace running (the
session's clock, escalating, sync, the lone-worker check) over a guarded vault that can
no longer show anything; :meth:`Workspace.unguard` gives it back to the view after the
talent unlocks. docs/architecture.md, "The lock", says which keys stay in memory.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from talentdesk.listeners import Listeners
from talentdesk.workspace.changes import Changes
from talentdesk.workspace.tuning import DemoAgency, SafetyTuning, SessionClocks, SyncTuning
from talentdesk.workspace.views import (
    AcceptCheck,
    BookingRow,
    HelpNumbers,
    OpenedSession,
    SafetySnapshot,
    SessionChoice,
    SessionContext,
    SessionWatch,
    TonightView,
)

if TYPE_CHECKING:
    from talentdesk.domain import Booking, BoundaryPreset, IncidentCategory, ShiftLimits
    from talentdesk.safety import EscalationView, LoneWorkerEvent, ReportView, SafetyService
    from talentdesk.sessions.bookings import Bookings
    from talentdesk.sessions.boundaries import BoundaryBook
    from talentdesk.sessions.pace import PaceAnswer, SessionPace
    from talentdesk.sessions.replies import ReplyBook
    from talentdesk.sessions.runner import (
        ClosingRoutine,
        FinishedSession,
        LiveSession,
        SessionRunner,
    )
    from talentdesk.sessions.settings import DeskSettings
    from talentdesk.sessions.summary import NightSummaries
    from talentdesk.sync.apply import PageResult
    from talentdesk.sync.outbox import Outbox, OutboxItem
    from talentdesk.sync.service import PairingInfo, SyncService, SyncStatus
    from talentdesk.vault import Vault
    from talentdesk_contract import wire

__all__ = ["Workspace"]

log = logging.getLogger(__name__)

#: How far back the report dialog lists sessions (the older ones say they are too late).
RECENT_SESSIONS = timedelta(days=3)
#: How many ended sessions the report dialog lists at most.
RECENT_SESSIONS_MAX = 12
#: The working name a demo run gives its talent when none is set (``{talent}`` in replies).
DEMO_WORKING_NAME = "Sari"


class _Records:
    """The services over the vault's records alone: no network, no threads.

    Enough for the first window (tonight's bookings and their answers), so they are built
    first, and without importing sync, the session runner or safety.
    """

    def __init__(self, workspace: Workspace) -> None:
        from talentdesk.sessions.bookings import Bookings
        from talentdesk.sessions.boundaries import BoundaryBook
        from talentdesk.sessions.replies import ReplyBook
        from talentdesk.sessions.summary import NightSummaries
        from talentdesk.sync.outbox import Outbox

        vault, clocks = workspace.vault, workspace.clocks
        self.outbox = Outbox(vault)
        # The view hears of a queued item right after the commit, before the safety
        # service's own catch-up runs on the same thread.
        self.outbox.subscribe(lambda: workspace.notify(Changes(outbox=True)))
        self.bookings = Bookings(vault, self.outbox, now=clocks.wall)
        self.replies = ReplyBook(vault)
        self.replies.add_copy_listener(lambda _reply: workspace.notify(Changes(replies_copied=1)))
        self.boundaries = BoundaryBook(vault, self.replies)
        self.summary = NightSummaries(vault, clocks.wall)


class _Services:
    """The services that talk to the agency or keep time, over the records' services."""

    def __init__(self, workspace: Workspace, records: _Records) -> None:
        from talentdesk.safety import SafetyService
        from talentdesk.sessions.runner import SessionRunner
        from talentdesk.sync.service import SyncService

        vault, clocks, tune = workspace.vault, workspace.clocks, workspace.sync_tuning
        self.records = records
        self.sync = SyncService(
            vault,
            outbox=records.outbox,
            feed_wait=tune.feed_wait,
            client_timeout=tune.client_timeout,
            pacing=tune.pacing,
            clock=tune.clock,
        )
        self.runner = SessionRunner(
            vault,
            records.outbox,
            monotonic=clocks.monotonic,
            wall=clocks.wall,
            replies=records.replies,
        )
        # Before sync can start: a live session's customer data outlives the feed's
        # sweeps (an agency cancelling mid-session) until the talent finishes it, and the
        # safety service's feed handlers are registered. A guarded vault shreds nothing:
        # the sweep waits for the unlock.
        self.runner.attach(self.sync)
        self.sync.keep_customer_data_while(lambda _booking: vault.guarded)
        safety_tune = workspace.safety_tuning
        limits: dict[str, float] = {}
        if safety_tune.minutes_over is not None:
            limits["minutes_over"] = safety_tune.minutes_over
        if safety_tune.answer_minutes is not None:
            limits["answer_minutes"] = safety_tune.answer_minutes
        self.safety = SafetyService(
            vault,
            self.sync,
            now=clocks.wall,
            clock=clocks.monotonic,
            tz=safety_tune.tz,
            **limits,
        )


class Workspace:
    """The services of one unlocked vault, and the one change event they report through.

    Args:
        vault: the open vault; close the workspace (:meth:`close`) before the vault.
        demo: the sample agency of a demo run; the workspace pairs with it if not paired.
        sync: long-poll length, timeouts and the status clock.
        clocks: the session services' monotonic and wall clocks.
        safety: the lone-worker check's limits and the night's time zone.

    Blocking methods (marked so) touch the vault or the network: the view calls them on a
    worker thread. The few meant for the GUI thread say so.
    """

    def __init__(
        self,
        vault: Vault,
        *,
        demo: DemoAgency | None = None,
        sync: SyncTuning | None = None,
        clocks: SessionClocks | None = None,
        safety: SafetyTuning | None = None,
    ) -> None:
        self.vault = vault
        self.demo = demo
        self._demo_preset_done = False
        self._demo_named = False
        self.sync_tuning = sync or SyncTuning()
        self.clocks = clocks or SessionClocks()
        self.safety_tuning = safety or SafetyTuning()
        self._listeners: Listeners[[Changes]] = Listeners("workspace")
        self._build_lock = threading.RLock()
        self._records_built: _Records | None = None
        self._built: _Services | None = None
        self._pairing_lock = threading.Lock()
        self._pairing: PairingInfo | None = None
        self._pairing_read = False
        self._watched: SessionWatch | None = None
        self._pace: SessionPace | None = None
        self._closed = False

    # ------------------------------------------------------------------ the change event

    def subscribe(self, listener: Callable[[Changes], None]) -> None:
        """Call ``listener(changes)`` after every change, on the thread that made it."""
        self._listeners.add(listener)

    def notify(self, changes: Changes) -> None:
        """Tell every listener that ``changes`` happened (also for edits the view made
        through a service directly, such as a reply saved on the Replies page)."""
        if changes and not self._closed:
            self._listeners(changes)

    # ------------------------------------------------------------------ the services

    def _records(self) -> _Records:
        built = self._records_built
        if built is not None:
            return built
        with self._build_lock:
            if self._records_built is None:
                self._records_built = _Records(self)
            return self._records_built

    def _services(self) -> _Services:
        built = self._built
        if built is not None:
            return built
        with self._build_lock:
            if self._built is None:
                started = time.perf_counter()
                built = _Services(self, self._records())
                self._wire(built)
                self._built = built
                log.debug("services built in %.1f ms", (time.perf_counter() - started) * 1000)
            return self._built

    def _wire(self, built: _Services) -> None:
        """Turn every service's news into one :class:`Changes` (on the service's thread)."""
        built.sync.add_status_listener(lambda _status: self.notify(Changes(sync_status=True)))
        built.sync.add_page_listener(self._page_applied)
        built.safety.subscribe(lambda: self.notify(Changes(safety=True)))
        built.safety.lone_worker.subscribe(self._lone_worker_event)

    def _page_applied(self, result: PageResult) -> None:
        changes = Changes(bookings=bool(result.bookings_changed), safety=bool(result.updates))
        if result.config_changed:
            changes |= Changes.from_agency_config()
        self.notify(changes)

    def _lone_worker_event(self, event: LoneWorkerEvent) -> None:
        self.notify(Changes(safety=True, lone_worker=(event,)))

    @property
    def built(self) -> bool:
        """Whether the services have been built yet (they are on first use)."""
        return self._built is not None

    @property
    def sync(self) -> SyncService:
        """The sync service (pairing, the feed thread and the outbox sender)."""
        return self._services().sync

    @property
    def outbox(self) -> Outbox:
        """The outbox: writes to the agency, durable before any network call."""
        return self._records().outbox

    @property
    def bookings(self) -> Bookings:
        """Tonight's bookings, the warnings before answering, and answering."""
        return self._records().bookings

    @property
    def runner(self) -> SessionRunner:
        """The session runner (start, end, finish; the live session)."""
        return self._services().runner

    @property
    def replies(self) -> ReplyBook:
        """The decline replies (agency's and the talent's own), search and copying."""
        return self._records().replies

    @property
    def boundaries(self) -> BoundaryBook:
        """The boundary presets."""
        return self._records().boundaries

    @property
    def summary(self) -> NightSummaries:
        """The night summary over the session records."""
        return self._records().summary

    @property
    def safety(self) -> SafetyService:
        """Escalations, reports, the playbook, the lone-worker check and after-care."""
        return self._services().safety

    # ------------------------------------------------------------------ the agency link

    def pairing(self) -> PairingInfo | None:
        """Who the app is paired as, and with which agency; None when not paired.

        Read from the vault once, then kept (pairing and unpairing here update it).
        """
        with self._pairing_lock:
            if not self._pairing_read:
                from talentdesk.sync.pairing import load_pairing

                self._pairing = load_pairing(self.vault)
                self._pairing_read = True
            return self._pairing

    def _set_pairing(self, info: PairingInfo | None) -> None:
        with self._pairing_lock:
            self._pairing, self._pairing_read = info, True

    def sync_status(self) -> SyncStatus:
        """The newest sync status; before the services are built, what the pairing says."""
        built = self._built
        if built is not None:
            return built.sync.status
        from talentdesk.sync.status import SyncPhase, SyncStatus

        pairing = self.pairing()
        if pairing is None:
            return SyncStatus()
        return SyncStatus(
            phase=SyncPhase.STOPPED,
            talent_name=pairing.talent_name,
            agency_name=pairing.agency_name,
        )

    @property
    def syncing(self) -> bool:
        """Whether the sync threads run."""
        built = self._built
        return built is not None and built.sync.running

    def demo_pairing(self) -> tuple[str, str] | None:
        """The demo agency's address and code when this vault must pair with it first.

        A demo vault paired with the sample agency at another address (its port was taken
        this time) pairs again with the new code. Blocking (reads the pairing once).
        """
        demo = self.demo
        if demo is None or not demo.pairing_code or not demo.url:
            return None
        pairing = self.pairing()
        paired_with = pairing.agency_url if pairing is not None else None
        if paired_with == demo.url.strip().rstrip("/"):
            return None
        return demo.url, demo.pairing_code

    def start_sync(self) -> bool:
        """Build the services if needed and start syncing; False when not paired. Blocking."""
        if self._closed:
            return False
        return self.sync.start()

    def retry_sync_now(self) -> None:
        """Ask the agency again at once, cutting any wait short ("retry now"). Non-blocking:
        it only wakes the sync threads, so the GUI thread may call it."""
        built = self._built
        if built is not None and not self._closed:
            built.sync.retry_now()

    def pair(self, agency_url: str, code: str) -> PairingInfo:
        """Pair with an agency, then sync. Blocking (the network).

        Sync is stopped first if it runs, and started again if pairing fails.

        Raises:
            InsecureUrlError, RejectedError, RetryableError, MalformedResponseError: see
                ``SyncService.pair``.
        """
        sync = self.sync
        was_running = sync.running
        if was_running:
            sync.stop(timeout=self.sync_tuning.stop_timeout)
        try:
            info = sync.pair(agency_url, code)
        except Exception:
            if was_running and not self._closed:
                sync.start()
            raise
        self._set_pairing(info)
        self.notify(Changes(pairing=True))
        if not self._closed:
            sync.start()
        return info

    def unpair(self) -> None:
        """Stop syncing and forget the device token and the pairing. Blocking."""
        sync = self.sync
        sync.stop(timeout=self.sync_tuning.stop_timeout)
        sync.unpair()
        self._set_pairing(None)
        self.notify(Changes(pairing=True))

    # ------------------------------------------------------------------ bookings

    def tonight(self) -> TonightView:
        """Tonight's bookings, each with the state of the answer sent for it. Blocking."""
        from talentdesk.sync.outbox import OutboxState
        from talentdesk_contract.values import OperationKind

        records = self._records()
        found = records.bookings.tonight()
        answers = records.outbox.latest_for(
            OperationKind.BOOKING_ANSWER, (b.id for b in found.bookings)
        )
        rows = []
        for booking in found.bookings:
            answer = answers.get(booking.id)
            rows.append(
                BookingRow(
                    booking,
                    answer.state if answer is not None else None,
                    answer.last_error
                    if answer is not None and answer.state is OutboxState.FAILED
                    else None,
                )
            )
        return TonightView(tuple(rows), tuple(p.name for p in found.problems))

    def check_accept(self, booking: Booking) -> AcceptCheck:
        """Warnings before accepting ``booking``. Blocking."""
        from talentdesk.sessions.settings import load_settings

        bookings = self.bookings
        warnings = bookings.warnings_for(booking)
        preset = bookings.active_preset()
        return AcceptCheck(
            booking,
            warnings,
            load_settings(self.vault).shift_limits,
            preset.name if preset is not None else None,
        )

    def answer(self, booking_id: str, *, accept: bool, reason: str | None = None) -> OutboxItem:
        """Accept or decline; the answer is queued for the agency. Blocking.

        Raises:
            BookingNotFoundError, BookingAlreadyAnsweredError: see ``Bookings.answer``.
        """
        item = self.bookings.answer(booking_id, accept=accept, reason=reason)
        self.notify(Changes(bookings=True))
        return item

    # ------------------------------------------------------------------ settings

    def desk_settings(self) -> DeskSettings:
        """The talent's desk settings. Blocking."""
        from talentdesk.sessions.settings import load_settings

        return load_settings(self.vault)

    def save_shift_limits(self, limits: ShiftLimits) -> DeskSettings:
        """Save new shift limits, keeping the other settings (one transaction). Blocking."""
        from talentdesk.sessions._common import change_settings

        def change(settings: DeskSettings) -> None:
            settings.shift_limits = limits

        settings = change_settings(self.vault, change)
        self.notify(Changes(settings=True))
        return settings

    def choose_demo_preset(self, language: str) -> BoundaryPreset | None:
        """A demo run starts with the sample agency's boundaries in force. Blocking.

        Once per run, and only while no preset is in force: the fullest of the agency's
        presets in ``language`` (the app's), else its fullest. None when there is nothing to
        do (not a demo, done already, a preset in force, no agency presets yet).
        """
        if self.demo is None or self._demo_preset_done:
            return None
        boundaries = self.boundaries
        if boundaries.active() is not None:
            self._demo_preset_done = True
            return None
        from talentdesk.domain import Source

        agency = [p for p in boundaries.presets() if p.source is Source.AGENCY]
        if not agency:
            return None  # the sample agency's configuration has not arrived yet
        mine = [p for p in agency if p.language == language] or agency
        chosen = max(mine, key=lambda p: (len(p.items), p.id))
        self._demo_preset_done = True
        boundaries.activate(chosen.id)
        self.notify(Changes(boundaries=True))
        return chosen

    def name_the_demo_talent(self) -> str | None:
        """A demo run's talent works as :data:`DEMO_WORKING_NAME` if no name is set.

        So the sample replies read whole ("Hi, I'm Sari") without a setup step. Once per
        run: a name the talent clears stays cleared. Blocking. Returns the name given, or
        None (not a demo, done already, or a name is set).
        """
        if self.demo is None or self._demo_named:
            return None
        from talentdesk.sessions.settings import load_settings

        self._demo_named = True
        if load_settings(self.vault).talent_name:
            return None
        self.save_working_name(DEMO_WORKING_NAME)
        return DEMO_WORKING_NAME

    def save_working_name(self, name: str) -> DeskSettings:
        """Save the talent's working name (``{talent}`` in replies), cleaned. Blocking."""
        from talentdesk.sessions._common import change_settings
        from talentdesk.sessions.settings import clean_talent_name

        cleaned = clean_talent_name(name)

        def change(settings: DeskSettings) -> None:
            settings.talent_name = cleaned

        settings = change_settings(self.vault, change)
        self.notify(Changes(settings=True))
        return settings

    def save_session_keys(self, message_in: str, replied: str, *, pace_sound: bool) -> DeskSettings:
        """Save the system-wide pace hotkeys and the pace sound (one transaction). Blocking."""
        from talentdesk.sessions._common import change_settings

        def change(settings: DeskSettings) -> None:
            settings.hotkey_message_in = message_in
            settings.hotkey_replied = replied
            settings.pace_sound = pace_sound

        settings = change_settings(self.vault, change)
        self.notify(Changes(settings=True))
        return settings

    # ------------------------------------------------------------------ the live session

    def session_context(self) -> SessionContext:
        """The talent's name, the contact window and the active preset. Blocking."""
        from talentdesk.sessions.settings import load_settings

        settings = load_settings(self.vault)
        return SessionContext(
            talent_name=settings.talent_name,
            contact_minutes=self.runner.contact_window_minutes(),
            preset=self.boundaries.active(),
            hotkey_message_in=settings.hotkey_message_in,
            hotkey_replied=settings.hotkey_replied,
            pace_sound=settings.pace_sound,
        )

    def break_left(self) -> float | None:
        """Seconds left of the talent's break after a hard session; None when none runs.

        Cheap (no vault), so the view may ask on the GUI thread.
        """
        built = self._built
        return built.safety.after_care.pause.left() if built is not None else None

    def end_break(self) -> None:
        """End the break now (the talent goes on)."""
        built = self._built
        if built is not None:
            built.safety.after_care.pause.end()

    def start_session(
        self,
        booking_id: str,
        *,
        customer_unblocked: bool = False,
        language: str = "en",
        override_break: bool = False,
    ) -> OpenedSession:
        """Start the session of an accepted booking; the lone-worker check watches it.

        Blocking. Raises ``SessionError`` (see ``SessionRunner.start``), and
        ``SessionError("on_break")`` (``detail``: whole minutes left) while the talent's
        break after a hard session runs, unless ``override_break`` (which ends the break).
        """
        from talentdesk.sessions.terms import SessionError

        left = self.break_left()
        if left is not None:
            if not override_break:
                raise SessionError("on_break", str(math.ceil(left / 60)))
            self.end_break()
        live = self.runner.start(booking_id, customer_unblocked=customer_unblocked)
        opened = self._open(live, language)
        self.notify(Changes(session=True, bookings=True))
        return opened

    def resume_session(self, *, language: str = "en") -> OpenedSession | None:
        """Pick up a session that was live when the app stopped or locked, if any. Blocking."""
        live = self.runner.resume()
        if live is None:
            return None
        opened = self._open(live, language)
        self.notify(Changes(session=True))
        return opened

    def _open(self, live: LiveSession, language: str) -> OpenedSession:
        from talentdesk.sessions.pace import SessionPace, agency_thresholds, applies_to
        from talentdesk.sessions.runner import SessionPhase

        pace = self._pace
        if pace is None or pace.booking_id != live.booking_id:
            pace = None
            if applies_to(live.package):
                # The session's own clock: a wait started before a restart goes on.
                pace = SessionPace(
                    self.vault, live.booking_id, live.elapsed, agency_thresholds(self.vault)
                )
            self._pace = pace
        routine = live.end(language) if live.phase is SessionPhase.CLOSING else None
        opened = OpenedSession(live, live.contact(), self.session_context(), pace, routine)
        self.watch(live)
        return opened

    def watch(self, live: LiveSession) -> SessionWatch:
        """Let the lone-worker check watch ``live`` (a session started or resumed).

        Watching the session already watched changes nothing (after an unlock the check
        goes on where it was: a question asked while locked stays asked).
        """
        watched = self._watched
        if watched is not None and watched.booking_id == live.booking_id and not watched.ended:
            return watched
        watched = SessionWatch(live, self.clocks.monotonic)
        self._watched = watched
        self.safety.session_started(watched)
        return watched

    # ------------------------------------------------------------------ the reply pace

    @property
    def pace(self) -> SessionPace | None:
        """The live chat session's reply pace (None for calls and with no session)."""
        pace, live = self._pace, self._live()
        if pace is None or live is None or live.booking_id != pace.booking_id:
            return None
        return pace

    def customer_wrote(self) -> bool:
        """The customer wrote (a button, a hotkey): the wait starts. Saved at once.

        Returns:
            Whether a chat session's pace was there to mark.
        """
        pace = self._pace_while_running()
        if pace is None:
            return False
        pace.customer_wrote()
        self.notify(Changes(pace=True))
        return True

    def talent_answered(self) -> PaceAnswer | None:
        """The talent answered (a button, a hotkey, a copied reply). Saved at once."""
        pace = self._pace_while_running()
        if pace is None:
            return None
        answer = pace.talent_answered()
        self.notify(Changes(pace=True))
        return answer

    def _pace_while_running(self) -> SessionPace | None:
        from talentdesk.sessions.runner import SessionPhase

        live = self._live()
        pace = self.pace
        if (
            live is None
            or pace is None
            or live.phase
            in (
                SessionPhase.CLOSING,
                SessionPhase.FINISHED,
            )
        ):
            return None
        return pace

    def _live(self) -> LiveSession | None:
        built = self._built
        return built.runner.live if built is not None else None

    @property
    def watched(self) -> SessionWatch | None:
        """The live session the lone-worker check watches, if any."""
        return self._watched

    def end_session(self, live: LiveSession, language: str) -> ClosingRoutine:
        """Stop the clock and start the closing routine. Blocking."""
        routine = live.end(language)
        self.notify(Changes(session=True))
        return routine

    def finish_session(
        self, live: LiveSession, *, slow_replies: int = 0, flags: tuple[str, ...] = ()
    ) -> FinishedSession:
        """Keep the record, tell the agency, destroy the customer's data; then after-care.

        The lone-worker check stops watching the session; report and note text no longer
        needed is removed, and after a hard session an after-care offer comes with the
        change event (:attr:`Changes.after_care`). Blocking.
        """
        pace = self._pace
        if pace is not None and pace.booking_id == live.booking_id:
            slow_replies = max(slow_replies, pace.slow_replies)
            flags = tuple(dict.fromkeys((*flags, *pace.record_flags())))
        finished = live.finish(slow_replies=slow_replies, flags=flags)
        if pace is not None and pace.booking_id == live.booking_id:
            self._pace = None  # its saved counts went with the session's customer data
        watched = self._watched
        if watched is not None and watched.booking_id == finished.record.booking_id:
            self._watched = None
        offer = self.safety.session_ended(finished.record)
        self.notify(
            Changes(
                session=True,
                bookings=True,
                safety=True,
                after_care=(offer,) if offer is not None else (),
            )
        )
        return finished

    def forget_watched(self) -> None:
        """Stop watching the live session (the view lets go of it: a lock, a quit)."""
        watched, self._watched = self._watched, None
        if watched is not None and self._built is not None:
            self._built.safety.lone_worker.forget(watched.booking_id)

    # ------------------------------------------------------------------ the lock

    def needs_guard(self) -> bool:
        """Whether a lock now must keep the safety net: a session is live or an
        escalation is open. Cheap (in memory): auto-lock asks it on the GUI thread."""
        built = self._built
        if built is None or self._closed:
            return False
        if built.runner.live is not None:
            return True
        return bool(built.safety.escalations.open_escalations())

    @property
    def guarded(self) -> bool:
        """Locked with the safety net kept (see :meth:`guard`)."""
        return self.vault.guarded

    def guard(self) -> None:
        """Lock the data, keep the safety net (the talent locked during a live session or
        with an escalation open).

        Keeps running: the session's clock, escalating (durable and delivered), the feed,
        the lone-worker check, the reply pace. The vault keeps only the keys that needs
        (:meth:`Vault.guard`), the decrypted replies are dropped, and nothing is shredded
        until :meth:`unguard`. The view builds nothing on a guarded workspace but the
        lock screen's panel.
        """
        live = self._live()
        self.vault.guard(live.booking_id if live is not None else None)
        records = self._records_built
        if records is not None:
            records.replies.forget_cache()
        log.info("locked with the safety net kept")

    def unguard(self, opened: Vault) -> None:
        """The talent unlocked: take the keys of ``opened`` (a fresh open of the same
        vault, which is closed). Then :meth:`sweep` what waited meanwhile.

        Raises:
            VaultError: ``opened`` is another vault.
        """
        self.vault.unguard(opened)
        self.notify(Changes(bookings=True, session=True))

    def sweep(self) -> list[str]:
        """Shred the customer data no booking needs any more (after an unlock). Blocking.

        Returns:
            The bookings whose customer data was shredded.
        """
        built = self._built
        if built is None or self.vault.guarded:
            return []
        from talentdesk.sync.apply import sweep_customer_data

        return sweep_customer_data(self.vault, keep=built.runner.keeps_customer_data)

    def open_escalations(self) -> list[EscalationView]:
        """The escalations still open, newest first (the lock screen shows the newest)."""
        if self._built is None:
            return []
        return self._built.safety.escalations.open_escalations()

    # ------------------------------------------------------------------ safety

    def escalate(self, booking_id: str | None = None) -> EscalationView:
        """Ask a supervisor for help now: durable before this returns. GUI thread on purpose.

        Args:
            booking_id: the booking it is about; None takes the watched session's, if any.
        """
        about = booking_id if booking_id is not None else self._watched_booking()
        return self.safety.escalations.escalate(about)

    def not_ok(self, booking_id: str) -> EscalationView:
        """The talent answered "not OK" after a hard session: a ``wellbeing`` escalation,
        durable before this returns. GUI thread on purpose, like :meth:`escalate`."""
        return self.safety.after_care.not_ok(booking_id)

    def escalate_with_sign(
        self, sign: wire.CrisisSign, booking_id: str | None = None
    ) -> EscalationView:
        """Escalate from the playbook with the sign filled in (a follow-up if one is open)."""
        about = booking_id if booking_id is not None else self._watched_booking()
        return self.safety.playbook.escalate(sign, about)

    def _watched_booking(self) -> str | None:
        watched = self._watched
        return watched.booking_id if watched is not None else None

    def poll_lone_worker(self) -> list[LoneWorkerEvent]:
        """Let the lone-worker check look at the clock now; its events also come as changes."""
        if self._built is None:
            return []
        return self._built.safety.lone_worker.poll()

    def safety_snapshot(self) -> SafetySnapshot:
        """Escalations, reports, tonight's counts and the emergency contacts. Blocking."""
        safety = self.safety
        help_numbers = self.help_numbers()
        return SafetySnapshot(
            escalations=tuple(safety.escalations.escalations()),
            reports=tuple(safety.reports.reports()),
            counts=safety.after_care.night_counts(),
            contacts=help_numbers.contacts,
            supervisor_phone=help_numbers.supervisor_phone,
        )

    def help_numbers(self) -> HelpNumbers:
        """Whom to call when nobody takes an escalation: the supervisor's phone from the
        agency's config, and the emergency numbers. Blocking (reads the config)."""
        from talentdesk.domain import AgencyConfig
        from talentdesk.vault import RecordIntegrityError
        from talentdesk.vault.records import RecordStore

        try:
            config = RecordStore(self.vault).load(AgencyConfig, "current")
        except RecordIntegrityError:
            config = None
        return HelpNumbers(
            supervisor_phone=config.supervisor_phone if config is not None else None,
            contacts=self.safety.playbook.contacts(),
        )

    def recent_sessions(self) -> list[SessionChoice]:
        """The live session and the sessions that ended lately, newest first. Blocking.

        A report is accepted up to 24 hours after its session (``FILING_WINDOW``); older
        sessions are listed too, marked too late, so the talent sees why.
        """
        from talentdesk.domain import SessionRecord
        from talentdesk.safety import FILING_WINDOW
        from talentdesk.vault.records import RecordStore

        now = self.clocks.wall()
        choices: list[SessionChoice] = []
        watched = self._watched
        if watched is not None and not watched.ended:
            session = watched.session
            choices.append(
                SessionChoice(
                    booking_id=watched.booking_id,
                    session_id=session.session_id,
                    package_name=session.package.name,
                    started_at=session.started_at,
                )
            )
        loaded = RecordStore(self.vault).load_all(SessionRecord)
        records = [r for r in loaded.items if now - r.ended_at <= RECENT_SESSIONS]
        records.sort(key=lambda r: r.ended_at, reverse=True)
        for record in records[:RECENT_SESSIONS_MAX]:
            deadline = record.ended_at + FILING_WINDOW
            choices.append(
                SessionChoice(
                    booking_id=record.booking_id,
                    session_id=record.id,
                    package_name=record.package.name,
                    started_at=record.started_at,
                    ended_at=record.ended_at,
                    deadline=deadline,
                    too_late=now > deadline,
                    record=record,
                )
            )
        return choices

    def file_report(
        self, choice: SessionChoice, category: IncidentCategory, description: str
    ) -> ReportView:
        """File an incident report about ``choice``. Blocking.

        A live session that ended while the talent wrote is reported from its record.
        """
        from talentdesk.domain import SessionRecord
        from talentdesk.vault.records import RecordStore

        reports = self.safety.reports
        if choice.record is not None:
            return reports.file(choice.record, category, description)
        watched = self._watched
        if watched is None or watched.booking_id != choice.booking_id:
            record = RecordStore(self.vault).load(SessionRecord, choice.session_id)
            if record is None:
                return reports.file(_Ended(choice.booking_id), category, description)
            return reports.file(record, category, description)
        return reports.file(watched, category, description)

    # ------------------------------------------------------------------ closing

    @property
    def closed(self) -> bool:
        """True once closed: no more change events."""
        return self._closed

    def close(self, timeout: float | None = None) -> None:
        """Stop syncing and the lone-worker check. Blocking: waits for the sync threads
        (``timeout``, by default long enough for a long-poll in flight to end)."""
        self._closed = True
        built = self._built
        if built is None:
            return
        built.safety.lone_worker.stop()
        built.sync.stop(timeout=self.sync_tuning.stop_timeout if timeout is None else timeout)
        built.safety.close()


class _Ended:
    """A session reference by booking id, for a live session that ended mid-dialog."""

    def __init__(self, booking_id: str) -> None:
        self.booking_id = booking_id
        self.booked_end = 0.0
        self.ended = True
