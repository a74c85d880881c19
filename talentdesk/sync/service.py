"""The sync service: pairing, the feed poller and the outbox sender, on plain threads.

Two threads, so that an urgent escalation never waits behind a long-poll:
the feed thread long-polls and applies pages; the sender thread delivers the
outbox, urgent items first. Both report a :class:`SyncStatus` to listeners
(the UI bridges them onto the GUI thread); neither touches anything but the
vault and the network.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

import msgspec

from talentdesk.listeners import Listeners
from talentdesk.sync.apply import (
    PageResult,
    apply_page,
    load_feed_state,
    reset_feed_cursor,
    sweep_customer_data,
)
from talentdesk.sync.client import (
    AgencyClient,
    MalformedResponseError,
    RejectedError,
    RetryableError,
    SyncError,
    backoff_delay,
    check_agency_url,
)
from talentdesk.sync.outbox import Outbox, OutboxItem, OutboxState
from talentdesk.sync.pairing import PAIRING_ID, PairingInfo, load_pairing
from talentdesk.sync.status import SyncPhase, SyncStatus
from talentdesk.vault import Vault, VaultError
from talentdesk_contract import wire

log = logging.getLogger(__name__)

TOKEN_SECRET = "agency-token"  # noqa: S105 - the name under which the token is kept
#: Consecutive network failures after which "retrying" becomes "offline".
OFFLINE_AFTER = 3

__all__ = [
    "OFFLINE_AFTER",
    "TOKEN_SECRET",
    "PairingInfo",
    "SyncPhase",
    "SyncService",
    "SyncStatus",
    "load_pairing",
]


class _Run:
    """One start of the service: its client, stop flag, sender wake-up and threads."""

    def __init__(self, client: AgencyClient) -> None:
        self.client = client
        self.stop = threading.Event()
        self.wake = threading.Event()
        self.threads: list[threading.Thread] = []
        self.lock = threading.Lock()
        self.finished = 0


StatusListener = Callable[[SyncStatus], None]
PageListener = Callable[[PageResult], None]


class SyncService:
    """Keeps the app and the agency in step while the vault is open.

    Args:
        vault: the open vault (the service stops by itself when it is locked).
        outbox: the vault's outbox, if the caller already made it.
        device_name: sent when pairing, shown to agency staff.
        feed_wait: long-poll seconds.
        client_timeout: seconds to wait for an answer beyond a long-poll's own wait.
        clock: monotonic seconds, replaceable in tests.
        rng: jitter source, replaceable in tests.
    """

    def __init__(
        self,
        vault: Vault,
        *,
        outbox: Outbox | None = None,
        device_name: str = "TalentDesk",
        feed_wait: int = 25,
        client_timeout: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
    ) -> None:
        self.vault = vault
        self.outbox = outbox if outbox is not None else Outbox(vault)
        self.device_name = device_name
        self.feed_wait = feed_wait
        self.client_timeout = client_timeout
        self._clock = clock
        self._rng = rng or random.Random()  # noqa: S311 - backoff jitter, not a secret
        self._status_listeners: Listeners[[SyncStatus]] = Listeners("sync status")
        self._page_listeners: Listeners[[PageResult]] = Listeners("feed page")
        self._update_listeners: Listeners[[str, wire.EventData]] = Listeners("feed update")
        self._keep_customer: list[Callable[[object], bool]] = []
        self._lock = threading.Lock()
        self._status = SyncStatus()
        self._run: _Run | None = None
        self.outbox.subscribe(self._on_outbox_change)
        pairing = load_pairing(vault)
        if pairing is not None:
            self._status = replace(
                self._status,
                phase=SyncPhase.STOPPED,
                talent_name=pairing.talent_name,
                agency_name=pairing.agency_name,
            )
        self._refresh_counts()

    # ------------------------------------------------------------------ listeners

    def add_status_listener(self, listener: StatusListener) -> None:
        """Hear every new status (on the thread that changed it)."""
        self._status_listeners.add(listener)

    def add_page_listener(self, listener: PageListener) -> None:
        """Hear what each applied feed page changed (on the feed thread, after its commit)."""
        self._page_listeners.add(listener)

    def add_update_handler(self, handler: Callable[[str, wire.EventData], None]) -> None:
        """Called inside the page's transaction for escalation/report updates."""
        self._update_listeners.add(handler)

    @property
    def status(self) -> SyncStatus:
        with self._lock:
            return self._status

    def _set_status(self, **changes: object) -> None:
        with self._lock:
            self._status = replace(self._status, **changes)  # type: ignore[arg-type]
            status = self._status
        self._status_listeners(status)

    def _refresh_counts(self) -> None:
        try:
            items, _ = self.outbox.items()
            feed = load_feed_state(self.vault)
        except VaultError:
            return
        with self._lock:
            self._status = replace(
                self._status,
                outbox_queued=sum(i.state is OutboxState.QUEUED for i in items),
                outbox_failed=sum(i.state is OutboxState.FAILED for i in items),
                unknown_skipped=feed.unknown_skipped,
                rejected_total=feed.rejected_total,
            )

    def _on_outbox_change(self) -> None:
        self.wake()
        self._refresh_counts()
        self._set_status()

    # ------------------------------------------------------------------ pairing

    def pairing(self) -> PairingInfo | None:
        return load_pairing(self.vault)

    def pair(self, agency_url: str, code: str) -> PairingInfo:
        """Exchange a one-time code for a device token; blocking (run it off the GUI thread).

        Raises:
            InsecureUrlError: plain http to a non-loopback host.
            RejectedError: the code is unknown, used or expired.
            RetryableError / MalformedResponseError: the agency could not be reached properly.
        """
        url = check_agency_url(agency_url)
        client = AgencyClient(url)
        try:
            answer = client.pair(code, self.device_name)
        finally:
            client.close()
        info = PairingInfo(
            agency_url=url,
            talent_id=answer.talent.id,
            talent_name=answer.talent.display_name,
            agency_name=answer.agency.name,
            paired_at=datetime.now(UTC),
        )
        was_running = self.running
        self.stop()
        self.vault.put_secret(TOKEN_SECRET, answer.token.encode())
        self.vault.put("sync", PAIRING_ID, msgspec.json.encode(info))
        log.info("paired with %s as talent %s", info.agency_name, info.talent_id)
        self._set_status(
            phase=SyncPhase.STOPPED, talent_name=info.talent_name, agency_name=info.agency_name
        )
        if was_running:
            self.start()
        return info

    def unpair(self) -> None:
        self.stop()
        self.vault.delete_secret(TOKEN_SECRET)
        self.vault.delete("sync", PAIRING_ID)
        self._set_status(phase=SyncPhase.UNPAIRED, talent_name=None, agency_name=None)

    # ------------------------------------------------------------------ threads

    def start(self) -> bool:
        """Start the feed and sender threads; False when not paired."""
        if self._run is not None:
            return True
        pairing = load_pairing(self.vault)
        token = self.vault.get_secret(TOKEN_SECRET)
        if pairing is None or token is None:
            self._set_status(phase=SyncPhase.UNPAIRED)
            return False
        run = _Run(AgencyClient(pairing.agency_url, token.decode(), timeout=self.client_timeout))
        self._run = run
        self._set_status(phase=SyncPhase.CONNECTING, reason=None, retry_at=None)
        run.threads = [
            threading.Thread(
                target=self._guard, args=(run, self._feed_loop), name="sync-feed", daemon=True
            ),
            threading.Thread(
                target=self._guard, args=(run, self._send_loop), name="sync-outbox", daemon=True
            ),
        ]
        for thread in run.threads:
            thread.start()
        return True

    def stop(self, timeout: float = 2.0) -> None:
        """Stop both threads; returns within about ``timeout`` seconds.

        A long-poll in flight cannot be cut short by httpx; its thread is left to
        finish the request on its own, and then ends without touching the vault
        or telling anyone (each start has its own stop flag). A write in flight is
        delivered or not; if its answer comes too late to be recorded, the next start
        sends it again under the same Idempotency-Key and the agency replays it.
        """
        run, self._run = self._run, None
        if run is not None:
            run.stop.set()
            run.wake.set()
            deadline = time.monotonic() + timeout
            for thread in run.threads:
                thread.join(max(0.0, deadline - time.monotonic()))
        if self.status.phase is not SyncPhase.UNPAIRED:
            self._set_status(phase=SyncPhase.STOPPED, retry_at=None)

    @property
    def running(self) -> bool:
        return self._run is not None

    def wake(self) -> None:
        """Send queued items now (e.g. after the talent presses "retry")."""
        run = self._run
        if run is not None:
            run.wake.set()

    def _guard(self, run: _Run, loop: Callable[[_Run], None]) -> None:
        try:
            loop(run)
        except VaultError:
            log.info("vault locked; %s stops", threading.current_thread().name)
        except Exception:  # never let a thread die silently: say so in the status line
            if not run.stop.is_set():
                log.exception("%s crashed", threading.current_thread().name)
                self._set_status(phase=SyncPhase.RETRYING, reason="internal")
        finally:
            with run.lock:
                run.finished += 1
                last = run.finished == len(run.threads)
            if last:
                run.client.close()  # the last of the run's threads closes its connections

    def _failure_status(self, error: SyncError, attempt: int, delay: float) -> None:
        phase = SyncPhase.RETRYING
        if error.reason in ("network", "timeout") and attempt >= OFFLINE_AFTER:
            phase = SyncPhase.OFFLINE
        self._set_status(phase=phase, reason=error.reason, retry_at=self._clock() + delay)

    def _feed_loop(self, run: _Run) -> None:
        client, stop = run.client, run.stop
        attempt = 0
        answered = False
        while not stop.is_set():
            cursor = load_feed_state(self.vault).cursor
            # Until the agency has answered (at start, after a failure) the poll returns
            # at once: a long-poll with nothing new would keep "Connecting…" on screen
            # for its whole wait although the agency is there.
            wait = self.feed_wait if answered else 0
            answered = False
            try:
                page = client.feed(cursor, wait)
            except (RetryableError, MalformedResponseError) as exc:
                if stop.is_set():
                    return
                attempt += 1
                retry_after = exc.retry_after if isinstance(exc, RetryableError) else None
                delay = backoff_delay(attempt, retry_after=retry_after, rng=self._rng)
                log.info("feed: %s; retry in %.1f s", exc.reason, delay)
                self._failure_status(exc, attempt, delay)
                stop.wait(delay)
                continue
            except RejectedError as exc:
                if stop.is_set():
                    return
                if exc.problem is not None and exc.problem.type == wire.ProblemType.CURSOR_AHEAD:
                    # The agency's feed was reset (its data restored or rebuilt): read it
                    # again from the start. Applying is idempotent per booking, and the
                    # cursor is rewritten in the same transaction as the first page.
                    log.warning("agency feed is behind our cursor %d; reading from 0", cursor)
                    reset_feed_cursor(self.vault)
                    continue
                attempt += 1
                delay = backoff_delay(attempt, rng=self._rng)
                log.warning("feed refused: HTTP %d", exc.status)
                self._failure_status(exc, attempt, delay)
                if exc.status == 401:
                    self._set_status(phase=SyncPhase.UNAUTHORIZED, retry_at=None)
                    stop.wait(60)
                else:
                    stop.wait(delay)
                continue
            if stop.is_set():
                return  # stopped while the poll was in flight: the vault may be closing
            attempt = 0
            answered = True
            result = apply_page(self.vault, page, on_update=self._update_listeners)
            sweep_customer_data(self.vault, keep=self._keep)
            self._refresh_counts()
            self._set_status(phase=SyncPhase.CONNECTED, reason=None, retry_at=None)
            if page.events:
                self._page_listeners(result)

    def keep_customer_data_while(self, veto: Callable[[object], bool]) -> None:
        """Let a running session keep its customer's data past a cancellation until it ends."""
        self._keep_customer.append(veto)

    def _keep(self, booking: object) -> bool:
        return any(veto(booking) for veto in self._keep_customer)

    def _send_loop(self, run: _Run) -> None:
        client, stop = run.client, run.stop
        next_try: dict[str, float] = {}
        attempts: dict[str, int] = {}
        while not stop.is_set():
            run.wake.clear()
            pending = self.outbox.pending()
            now = self._clock()
            due = [i for i in pending if next_try.get(i.id, 0.0) <= now]
            if not due:
                waits = [next_try[i.id] - now for i in pending if i.id in next_try]
                run.wake.wait(min(waits) if waits else None)
                continue
            item = due[0]
            try:
                result = client.write(item.method, item.path, item.body.encode(), item.id)
            except (RetryableError, MalformedResponseError) as exc:
                if stop.is_set():
                    return
                attempts[item.id] = attempts.get(item.id, 0) + 1
                retry_after = exc.retry_after if isinstance(exc, RetryableError) else None
                delay = backoff_delay(
                    attempts[item.id], urgent=item.urgent, retry_after=retry_after, rng=self._rng
                )
                next_try[item.id] = self._clock() + delay
                self.outbox.mark_attempt(item, exc.reason)
                self._set_status(outbox_reason=exc.reason)
                continue
            except RejectedError as exc:
                if stop.is_set():
                    return
                in_progress = (
                    exc.problem is not None
                    and exc.problem.type == wire.ProblemType.REQUEST_IN_PROGRESS
                )
                if exc.status == 409 and in_progress:  # our own key, still being handled
                    next_try[item.id] = self._clock() + 0.5
                    continue
                if exc.status == 401:
                    self._set_status(phase=SyncPhase.UNAUTHORIZED, outbox_reason="unauthorized")
                    stop.wait(60)
                    continue
                detail = exc.problem.detail if exc.problem else f"HTTP {exc.status}"
                self.outbox.mark_failed(item, detail[:500])
                continue
            self._delivered(item, result.body)
            next_try.pop(item.id, None)
            attempts.pop(item.id, None)
            self._set_status(outbox_reason=None)

    def _delivered(self, item: OutboxItem, body: bytes) -> None:
        remote_id: str | None = None
        try:
            answer = msgspec.json.decode(body)
        except msgspec.DecodeError:
            answer = None
        if isinstance(answer, dict) and isinstance(answer.get("id"), str):
            remote_id = answer["id"]
        self.outbox.mark_delivered(item, body, remote_id)
