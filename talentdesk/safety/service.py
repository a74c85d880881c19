"""The safety service: escalations, reports, the playbook, the lone-worker check and
after-care, wired to the sync service.

Plain Python on plain threads, no Qt: the UI builds one :class:`SafetyService` after
unlocking (beside the ``SyncService``) and listens with :meth:`SafetyService.subscribe`,
bridging the calls onto the GUI thread like every other worker callback.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime, tzinfo

from talentdesk.domain import SessionRecord
from talentdesk.listeners import Listeners
from talentdesk.safety._common import utc_now
from talentdesk.safety.aftercare import AfterCare, AfterCareOffer
from talentdesk.safety.escalation import Escalations
from talentdesk.safety.live import SessionEnds, WatchedSession
from talentdesk.safety.lone_worker import (
    DEFAULT_ANSWER_MINUTES,
    DEFAULT_MINUTES_OVER,
    LoneWorkerCheck,
)
from talentdesk.safety.playbook import Playbook
from talentdesk.safety.reports import IncidentReports
from talentdesk.sync.service import SyncService
from talentdesk.vault import Vault, VaultError
from talentdesk.vault.records import RecordStore
from talentdesk_contract import wire

__all__ = ["SafetyService"]

log = logging.getLogger(__name__)


class SafetyService:
    """Everything the Safety page and the session screen need, over one vault.

    Building it registers the feed update handler and an outbox listener with ``sync``,
    and catches up on anything that happened while no safety service was listening
    (deliveries and feed updates recorded by an earlier run, text due for removal).

    After an outbox change the catch-up runs on a thread of its own (``safety-catch-up``),
    not on the thread that made the change: an escalate click returns once its escalation
    is committed, without waiting for bookkeeping (or for the sender's, which shares the
    vault's lock). :meth:`close` stops the thread; it also ends when the vault is locked.

    Attributes:
        escalations: One-click escalation, follow-ups, false alarms.
        reports: Incident reports and their tickets.
        playbook: Crisis signs, actions, emergency contacts.
        lone_worker: The "Are you OK?" check (poll it, or :meth:`LoneWorkerCheck.start`).
        after_care: Check-in, break and debrief after a hard session; the night's counts.

    Args:
        vault: The open vault.
        sync: The sync service (its outbox, feed updates and sender).
        now: The wall clock (UTC), replaceable in tests.
        clock: Monotonic seconds for the lone-worker check, replaceable in tests.
        minutes_over: Minutes past the booked end before "Are you OK?".
        answer_minutes: Minutes to answer before the automatic escalation.
        tz: The talent's time zone for the night summary (default: this computer's).
    """

    def __init__(
        self,
        vault: Vault,
        sync: SyncService,
        *,
        now: Callable[[], datetime] = utc_now,
        clock: Callable[[], float] = time.monotonic,
        minutes_over: float = DEFAULT_MINUTES_OVER,
        answer_minutes: float = DEFAULT_ANSWER_MINUTES,
        tz: tzinfo | None = None,
    ) -> None:
        self.vault = vault
        self.sync = sync
        self._store = RecordStore(vault)
        self.escalations = Escalations(vault, sync.outbox, now=now)
        self.reports = IncidentReports(vault, sync.outbox, now=now)
        self.playbook = Playbook(vault, self.escalations)
        self.lone_worker = LoneWorkerCheck(
            self.escalations, clock=clock, minutes_over=minutes_over, answer_minutes=answer_minutes
        )
        self.after_care = AfterCare(
            vault, self.escalations, self.reports, now=now, tz=tz, monotonic=clock
        )
        self._listeners: Listeners[[]] = Listeners("safety")
        self.escalations.subscribe(self._listeners)
        self.reports.subscribe(self._listeners)
        # Several threads change the outbox; one catch-up at a time is enough.
        self._catching_up = threading.Lock()
        self._again = threading.Event()
        self._wake = threading.Event()
        self._closing = threading.Event()
        self._starting = threading.Lock()
        self._worker: threading.Thread | None = None
        sync.add_update_handler(self._on_update)
        sync.outbox.subscribe(self._on_outbox_change)
        self.catch_up(full=True)

    def subscribe(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` (from any thread) when an escalation or report changed.

        Lone-worker events have their own listener: ``lone_worker.subscribe``.
        """
        self._listeners.add(listener)

    # ------------------------------------------------------------------ sessions

    def session_started(self, session: WatchedSession) -> None:
        """A session went live: the lone-worker check watches it."""
        self.lone_worker.watch(session)

    def session_ended(self, record: SessionRecord) -> AfterCareOffer | None:
        """A session ended (call after its SessionRecord is saved).

        Stops the lone-worker check for it, removes report and note text that is no
        longer needed, and offers after-care if it was a hard session.

        Returns:
            The after-care offer, or None for an ordinary session.
        """
        self.lone_worker.forget(record.booking_id)
        self.tidy()
        return self.after_care.session_ended(record)

    # ------------------------------------------------------------------ upkeep

    def catch_up(self, *, full: bool = False) -> None:
        """Reconcile with the outbox and the stored feed updates, then tidy.

        Runs after every outbox change, and with ``full`` at start (to apply feed updates
        stored while no safety service listened); safe to call any time. If called while
        another thread is at it, that thread runs once more instead.
        """
        if full:
            self.escalations.reconcile(full=True)
        self._again.set()
        while self._again.is_set():
            if not self._catching_up.acquire(blocking=False):
                return  # the running catch-up sees the flag and goes round again
            try:
                self._again.clear()
                self.escalations.reconcile()
                self.reports.reconcile()
                self.tidy()
            finally:
                self._catching_up.release()

    def tidy(self) -> int:
        """Remove report descriptions and escalation notes that are no longer needed.

        Returns:
            How many reports and escalations lost their text.
        """
        ended = SessionEnds(self._store)
        return self.reports.remove_settled_text(ended) + self.escalations.remove_settled_notes(
            ended
        )

    def _on_update(self, event_type: str, data: wire.EventData) -> None:
        # Inside the feed page's transaction: both desks write in the same commit.
        try:
            self.escalations.handle_update(event_type, data)
            self.reports.handle_update(event_type, data)
        except Exception:
            # Raising would roll the page back and stop the feed thread: one unreadable
            # safety record must not block the talent's night. The update is stored with
            # the page (apply.UPDATE_KIND), so the catch-up at the next start applies it.
            log.exception("safety: feed update %s not applied", event_type)

    def _on_outbox_change(self) -> None:
        # Runs on whichever thread changed the outbox (the sender's, or the GUI thread
        # right after an escalate click's commit): only hand over to the catch-up thread.
        if self._closing.is_set():
            return
        self._wake.set()
        if self._worker is None:
            with self._starting:
                if self._worker is None and not self._closing.is_set():
                    self._worker = threading.Thread(
                        target=self._catch_up_loop, name="safety-catch-up", daemon=True
                    )
                    self._worker.start()

    def _catch_up_loop(self) -> None:
        while not self._closing.is_set():
            self._wake.wait()
            self._wake.clear()
            if self._closing.is_set():
                return
            # A failure here must not stop the thread: the next change retries.
            try:
                self.catch_up()
            except VaultError:
                log.info("vault locked; safety catch-up stops")
                return
            except Exception:
                log.exception("safety catch-up failed")

    def settle(self, timeout: float = 5.0) -> bool:
        """Wait until no catch-up is due or running (tests, and before a full report).

        Returns:
            Whether it settled within ``timeout``.
        """
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self._wake.is_set() and self._catching_up.acquire(timeout=0.05):
                try:
                    if not self._wake.is_set() and not self._again.is_set():
                        return True
                finally:
                    self._catching_up.release()
            time.sleep(0.005)
        return False

    def close(self, timeout: float = 5.0) -> None:
        """Stop the catch-up thread (before the vault closes)."""
        self._closing.set()
        self._wake.set()
        worker, self._worker = self._worker, None
        if worker is not None and worker is not threading.current_thread():
            worker.join(timeout)
