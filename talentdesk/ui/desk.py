"""The agency desk: the sync service and the booking desk of one unlocked vault, for the pages.

:class:`AgencyDesk` is created when the vault is unlocked and released before
the vault closes. The sync service calls its listeners on its own worker
threads; the desk hands every one of them to the bridge, so the desk's
signals are always emitted on the GUI thread and no worker touches a widget.

Slow or vault-bound work (pairing, answering, loading tonight's bookings)
runs on the bridge through :meth:`AgencyDesk.run`; the blocking methods here
(:meth:`AgencyDesk.tonight`, :meth:`AgencyDesk.check_accept`...) are meant
for exactly that and must not be called on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QObject, Signal, SignalInstance

from talentdesk.domain import Booking, ShiftLimits
from talentdesk.sessions.bookings import AnswerWarnings, BookingDesk
from talentdesk.sessions.settings import DeskSettings, load_settings, save_settings
from talentdesk.sync.outbox import OutboxItem, OutboxState
from talentdesk.sync.service import PairingInfo, SyncService, SyncStatus
from talentdesk.ui.bridge import Bridge, Operation
from talentdesk.ui.demo import DemoAgency
from talentdesk.ui.session.services import SessionClocks, SessionServices
from talentdesk.vault import Vault

log = logging.getLogger(__name__)

T = TypeVar("T")

#: The outbox kind of a booking answer (see ``BookingDesk.answer``).
ANSWER_KIND = "booking_answer"


@dataclass(frozen=True)
class SyncTuning:
    """How the desk runs the sync service; tests shorten the waits and replace the clock.

    Attributes:
        feed_wait: seconds of each feed long-poll. Shorter than the service's own 25 s
            default because locking waits for a long-poll in flight to end before the
            vault closes (httpx cannot cut it short); new events still end a poll at once.
        client_timeout: seconds to wait for the agency beyond a long-poll's own wait.
        clock: monotonic seconds; the status line counts down on the same clock.
    """

    feed_wait: int = 10
    client_timeout: float = 10.0
    clock: Callable[[], float] = time.monotonic

    @property
    def stop_timeout(self) -> float:
        """Long enough for a long-poll in flight to end by itself, and its page to be applied."""
        return self.feed_wait + 2 * self.client_timeout + 30.0


@dataclass(frozen=True)
class BookingRow:
    """One booking as Today shows it, with the state of the answer sent for it.

    Attributes:
        answer: the outbox state of the talent's latest answer, None if not answered here.
        answer_error: the agency's words when it refused the answer.
    """

    booking: Booking
    answer: OutboxState | None = None
    answer_error: str | None = None


@dataclass(frozen=True)
class TonightView:
    """Tonight's bookings, oldest first, and the names of those that could not be read."""

    rows: tuple[BookingRow, ...] = ()
    unreadable: tuple[str, ...] = ()


@dataclass(frozen=True)
class AcceptCheck:
    """What to tell the talent before accepting a booking.

    Attributes:
        limits: the shift limits the warnings were checked against.
        preset_name: the active boundary preset, if any.
    """

    booking: Booking
    warnings: AnswerWarnings
    limits: ShiftLimits
    preset_name: str | None


class _Mailbox:
    """Hands the newest value from any thread to the GUI thread, one delivery at a time.

    A burst of updates (a sync thread reporting after every page) costs one
    delivery; the GUI thread always gets the newest value.
    """

    def __init__(self, bridge: Bridge, receive: Callable[[object], None]) -> None:
        self._bridge = bridge
        self._receive = receive
        self._lock = threading.Lock()
        self._value: object = None
        self._posted = False

    def put(self, value: object = None) -> None:
        with self._lock:
            self._value = value
            if self._posted:
                return
            self._posted = True
        self._bridge.post(self._deliver)

    def _deliver(self) -> None:
        with self._lock:
            value, self._value = self._value, None
            self._posted = False
        self._receive(value)


class AgencyDesk(QObject):
    """The agency side of one unlocked vault: sync, pairing, tonight's bookings and answers.

    Args:
        vault: the open vault; the desk must be released before it closes.
        bridge: runs the blocking work and carries the sync threads' news.
        demo: the sample agency of a demo run; the desk pairs with it if not paired.
        tuning: long-poll length, timeouts and the monotonic clock.
        session_clocks: the clocks of the session desk and the booking desk (the
            system's by default; fake ones in tests).

    Attributes:
        sync: the sync service (other services may add listeners and handlers to it
            between ``vault_changed`` and :meth:`start`).
        bookings: the booking desk, whose answers go to ``sync.outbox``.
        session_services: the session runner, reply book, boundary book and night
            summary of this vault. The runner is attached to ``sync`` (a live session's
            customer data survives the feed's sweeps); the session desk
            (:class:`talentdesk.ui.session.controller.SessionDesk`) resumes a session
            that was live before the lock on the bridge, right after unlocking.
        runner, replies, boundaries: the same services, by name.

    Signals:
        status_changed(object): the newest ``SyncStatus``.
        pairing_changed(object): ``PairingInfo`` after pairing; None after unpairing.
        pairing_failed(object): the exception a pairing or unpairing ended with.
        busy_changed(bool): pairing or unpairing started (True) or ended (False).
        bookings_changed(): the agency changed bookings (a feed page applied).
        outbox_changed(): an outbox item was added or moved on (queued, delivered...).
    """

    status_changed = Signal(object)
    pairing_changed = Signal(object)
    pairing_failed = Signal(object)
    busy_changed = Signal(bool)
    bookings_changed = Signal()
    outbox_changed = Signal()

    def __init__(
        self,
        vault: Vault,
        bridge: Bridge,
        *,
        demo: DemoAgency | None = None,
        tuning: SyncTuning | None = None,
        session_clocks: SessionClocks | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.demo = demo
        self._bridge = bridge
        self._tuning = tuning or SyncTuning()
        clocks = session_clocks or SessionClocks()
        self.sync = SyncService(
            vault,
            feed_wait=self._tuning.feed_wait,
            client_timeout=self._tuning.client_timeout,
            clock=self._tuning.clock,
        )
        self.bookings = BookingDesk(vault, self.sync.outbox, now=clocks.wall)
        self.session_services = SessionServices.build(vault, self.sync.outbox, clocks)
        self.runner = self.session_services.runner
        self.replies = self.session_services.replies
        self.boundaries = self.session_services.boundaries
        # Before sync can start: a live session's customer data outlives the feed's
        # sweeps (an agency cancelling mid-session) until the talent finishes it.
        self.runner.attach(self.sync)
        self._pairing = self.sync.pairing()
        self._status = self.sync.status
        self._busy = False
        self._closed = False
        self._releaser: threading.Thread | None = None
        self._status_box = _Mailbox(bridge, self._status_arrived)
        self._bookings_box = _Mailbox(bridge, lambda _: self._emit(self.bookings_changed))
        self._outbox_box = _Mailbox(bridge, lambda _: self._emit(self.outbox_changed))
        # Called on the sync threads: only hand over, never touch anything here.
        self.sync.add_status_listener(self._status_box.put)
        self.sync.add_page_listener(
            lambda result: self._bookings_box.put() if result.bookings_changed else None
        )
        self.sync.outbox.subscribe(self._outbox_box.put)

    # ------------------------------------------------------------------ state

    @property
    def clock(self) -> Callable[[], float]:
        """The monotonic clock of the sync status (``SyncStatus.retry_at`` is on it)."""
        return self._tuning.clock

    @property
    def status(self) -> SyncStatus:
        """The newest sync status delivered to the GUI thread."""
        return self._status

    @property
    def pairing(self) -> PairingInfo | None:
        """Who the app is paired as, and with which agency; None when not paired."""
        return self._pairing

    @property
    def busy(self) -> bool:
        """True while pairing or unpairing."""
        return self._busy

    @property
    def closed(self) -> bool:
        """True once released: the desk no longer emits or starts anything."""
        return self._closed

    def _status_arrived(self, status: object) -> None:
        if isinstance(status, SyncStatus) and not self._closed:
            self._status = status
            self.status_changed.emit(status)

    def _emit(self, signal: SignalInstance) -> None:
        if not self._closed:
            signal.emit()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_changed.emit(busy)

    # ------------------------------------------------------------------ running work

    def run(
        self,
        work: Callable[[], T],
        success: Callable[[T], None],
        failure: Callable[[Exception], None] | None = None,
        *,
        receiver: QObject | None = None,
    ) -> None:
        """Run ``work`` on the bridge; its outcome is dropped once the desk is released.

        Args:
            work: blocking work (vault or network); never touches a widget.
            success: called on the GUI thread with the result.
            failure: called on the GUI thread with the exception; logged if None.
            receiver: the widget the outcome is for; dropped if it was deleted meanwhile.
        """
        if self._closed:
            return

        def succeeded(result: T) -> None:
            if not self._closed:
                success(result)

        def failed(exc: Exception) -> None:
            if self._closed:
                log.debug("outcome after release dropped: %s", type(exc).__name__)
            elif failure is not None:
                failure(exc)
            else:
                log.error("agency desk work failed", exc_info=exc)

        try:
            Operation(work, success=succeeded, parent=receiver or self).failure(
                failed
            ).run_in_background(self._bridge)
        except RuntimeError:  # the bridge is shut down: the app is quitting
            log.debug("agency desk work not started: the bridge is shut down")

    # ------------------------------------------------------------------ sync and pairing

    def start(self) -> None:
        """Start syncing when paired; in a demo run, pair with the sample agency first.

        A demo vault paired with the sample agency at another address (its port was
        taken this time) pairs again with the new code.
        """
        if self._closed:
            return
        demo = self.demo
        if demo is not None and demo.pairing_code and demo.url:
            paired_with = self._pairing.agency_url if self._pairing is not None else None
            if paired_with != demo.url.strip().rstrip("/"):
                self.pair(demo.url, demo.pairing_code)
                return
        self.sync.start()

    def pair(self, agency_url: str, code: str) -> None:
        """Pair with an agency on the bridge; then sync starts.

        The outcome arrives as ``pairing_changed`` or ``pairing_failed``.
        """
        if self._closed or self._busy:
            return
        sync, timeout = self.sync, self._tuning.stop_timeout
        was_running = sync.running
        self._set_busy(True)

        def work() -> PairingInfo:
            if was_running:
                sync.stop(timeout=timeout)
            return sync.pair(agency_url, code)

        def paired(info: PairingInfo) -> None:
            self._pairing = info
            self._set_busy(False)
            self.pairing_changed.emit(info)
            sync.start()

        def failed(exc: Exception) -> None:
            log.info("pairing failed: %s", type(exc).__name__)
            self._set_busy(False)
            self.pairing_failed.emit(exc)
            if was_running:
                sync.start()

        self.run(work, paired, failed)

    def unpair(self) -> None:
        """Stop syncing and forget the device token and the pairing, on the bridge."""
        if self._closed or self._busy:
            return
        sync, timeout = self.sync, self._tuning.stop_timeout
        self._set_busy(True)

        def work() -> None:
            sync.stop(timeout=timeout)
            sync.unpair()

        def done(_: None) -> None:
            self._pairing = None
            self._set_busy(False)
            self.pairing_changed.emit(None)

        def failed(exc: Exception) -> None:
            log.warning("unpairing failed: %s", type(exc).__name__)
            self._set_busy(False)
            self.pairing_failed.emit(exc)

        self.run(work, done, failed)

    # ------------------------------------------------------------------ blocking work (bridge)

    def tonight(self) -> TonightView:
        """Tonight's bookings with the state of each answer. Blocking: run it on the bridge."""
        found = self.bookings.tonight()
        answers: dict[str, OutboxItem] = {}
        for item in self.sync.outbox.items()[0]:  # oldest first: the newest answer wins
            if item.kind == ANSWER_KIND:
                answers[item.ref] = item
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
        """Warnings before accepting ``booking``. Blocking: run it on the bridge."""
        warnings = self.bookings.warnings_for(booking)
        preset = self.bookings.active_preset()
        return AcceptCheck(
            booking,
            warnings,
            load_settings(self.vault).shift_limits,
            preset.name if preset is not None else None,
        )

    def answer(self, booking_id: str, *, accept: bool, reason: str | None = None) -> OutboxItem:
        """Accept or decline; the answer is queued for the agency. Blocking: run it on the bridge.

        Raises:
            BookingNotFoundError, BookingAlreadyAnsweredError: see ``BookingDesk.answer``.
        """
        return self.bookings.answer(booking_id, accept=accept, reason=reason)

    def desk_settings(self) -> DeskSettings:
        """The talent's desk settings. Blocking: run it on the bridge."""
        return load_settings(self.vault)

    def save_shift_limits(self, limits: ShiftLimits) -> DeskSettings:
        """Save new shift limits, keeping the other settings. Blocking: run it on the bridge."""
        with self.vault.transaction():
            settings = load_settings(self.vault)
            settings.shift_limits = limits
            save_settings(self.vault, settings)
        return settings

    # ------------------------------------------------------------------ release

    def release(self, then: Callable[[], None]) -> None:
        """Stop syncing, then call ``then`` on the GUI thread (where the vault may be closed).

        A long-poll in flight is not cut short by the sync service, so the
        threads are stopped on a helper thread and the window does not freeze
        meanwhile. When nothing runs, ``then`` is called at once.
        """
        self._closed = True
        if not self.sync.running:
            self.sync.stop()
            then()
            return
        sync, timeout, bridge = self.sync, self._tuning.stop_timeout, self._bridge

        def stop() -> None:
            sync.stop(timeout=timeout)
            bridge.post(then)

        self._releaser = threading.Thread(target=stop, name="sync-release", daemon=True)
        self._releaser.start()

    def release_now(self) -> None:
        """Stop syncing and wait until it has stopped (at quit, when no event loop runs)."""
        self._closed = True
        if self._releaser is not None:
            self._releaser.join(self._tuning.stop_timeout)
        else:
            self.sync.stop(timeout=self._tuning.stop_timeout)
