"""The sync service: pairing, the feed poller and the outbox senders, on plain threads.

Three threads, so that nothing the agency does to one request holds up another: the
feed thread long-polls and applies pages; one sender delivers urgent outbox items
(escalations and what follows them), another everything else, each over its own
connection, so a slow booking answer never delays a call for help. All report a
:class:`SyncStatus` to listeners (the UI bridges them onto the GUI thread); none touches
anything but the vault and the network.

**Whatever the agency does** (issue 15; the contract's "Feed errors"):

* a thread that fails anyway starts again with backoff, and the status says so;
* a long-poll that comes back at once is followed by a pause (:class:`SyncPacing`),
  longer each time it brings nothing new;
* 429, 5xx, timeouts, very slow answers and unreadable ones are retried with backoff,
  honouring ``Retry-After`` up to 5 minutes (the status says when the agency asked for
  more); "retry now" (:meth:`SyncService.retry_now`) cuts any wait short;
* on the feed, 401 stops syncing until the talent pairs again; 403 retries every 5
  minutes, 404, 410 and redirects every 15 (the agency's address no longer serves the
  feed); any other 4xx is not repeated until "retry now";
* on the outbox, 409 "request in progress" is asked again after ``Retry-After``, and
  given up after :attr:`SyncPacing.in_progress_give_up`; a 2xx whose body is not the
  contract's answer is not "delivered" (the agency's id would be missing): it is sent
  again under the same Idempotency-Key until a readable answer comes.
"""

from __future__ import annotations

import logging
import math
import random
import threading
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

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
    MAX_RETRY_AFTER_SECONDS,
    AgencyClient,
    MalformedResponseError,
    RejectedError,
    RetryableError,
    SyncError,
    backoff_delay,
    check_agency_url,
)
from talentdesk.sync.decoding import FeedAnswer, decode_answer
from talentdesk.sync.outbox import Outbox, OutboxItem
from talentdesk.sync.pacing import SyncPacing
from talentdesk.sync.pairing import PAIRING_ID, PairingInfo, load_pairing
from talentdesk.sync.requests import ROUTES
from talentdesk.sync.status import SyncPhase, SyncStatus
from talentdesk.vault import Vault, VaultError, VaultLocked
from talentdesk_contract import wire

log = logging.getLogger(__name__)

TOKEN_SECRET = "agency-token"  # noqa: S105 - the name under which the token is kept
#: Consecutive network failures after which "retrying" becomes "offline".
OFFLINE_AFTER = 3

__all__ = [
    "OFFLINE_AFTER",
    "TOKEN_SECRET",
    "PairingInfo",
    "SyncPacing",
    "SyncPhase",
    "SyncService",
    "SyncStatus",
    "load_pairing",
]


class _Run:
    """One start of the service: its client, stop flag, wake-ups and threads.

    ``stop`` sets every wake-up too, so a thread pausing on its own wake-up ends at once.
    """

    def __init__(self, client: AgencyClient) -> None:
        self.client = client
        self.stop = threading.Event()
        self.feed_wake = threading.Event()  # "retry now"
        self.urgent_wake = threading.Event()  # an urgent item queued, or "retry now"
        self.normal_wake = threading.Event()
        self.retry_round = 0  # "retry now" bumps it: the senders forget their waits
        self.threads: list[threading.Thread] = []
        self.lock = threading.Lock()
        self.finished = 0

    def wake_all(self) -> None:
        for event in (self.feed_wake, self.urgent_wake, self.normal_wake):
            event.set()

    def sender_wake(self, urgent: bool) -> threading.Event:
        return self.urgent_wake if urgent else self.normal_wake

    @staticmethod
    def pause(wake: threading.Event, seconds: float | None) -> None:
        """Wait ``seconds`` (None: until woken), or less when ``wake`` is set meanwhile."""
        wake.wait(None if seconds is None or math.isinf(seconds) else max(0.0, seconds))
        wake.clear()


StatusListener = Callable[[SyncStatus], None]
PageListener = Callable[[PageResult], None]


class SyncService:
    """Keeps the app and the agency in step while the vault is open.

    Args:
        vault: the open vault (the service stops by itself when it is locked).
        outbox: the vault's outbox, if the caller already made it.
        device_name: sent when pairing, shown to agency staff.
        feed_wait: long-poll seconds.
        client_timeout: seconds a request may take beyond a long-poll's own wait, all
            told (the overall deadline of each request).
        pacing: pauses between polls, slow retries, give-up bounds (tests shorten them).
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
        pacing: SyncPacing | None = None,
        clock: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
    ) -> None:
        self.vault = vault
        self.outbox = outbox if outbox is not None else Outbox(vault)
        self.device_name = device_name
        self.feed_wait = feed_wait
        self.client_timeout = client_timeout
        self.pacing = pacing or SyncPacing()
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
            self._status = msgspec.structs.replace(
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
            self._status = msgspec.structs.replace(self._status, **changes)
            status = self._status
        self._status_listeners(status)

    def _refresh_counts(self) -> None:
        try:
            queued, failed = self.outbox.counts()  # the outbox's index: no item is read
            feed = load_feed_state(self.vault)
        except VaultError:
            return
        with self._lock:
            self._status = msgspec.structs.replace(
                self._status,
                outbox_queued=queued,
                outbox_failed=failed,
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
        """Start the feed thread and the two senders; False when not paired."""
        if self._run is not None:
            return True
        pairing = load_pairing(self.vault)
        token = self.vault.get_secret(TOKEN_SECRET)
        if pairing is None or token is None:
            self._set_status(phase=SyncPhase.UNPAIRED)
            return False
        run = _Run(AgencyClient(pairing.agency_url, token.decode(), timeout=self.client_timeout))
        self._run = run
        self._set_status(
            phase=SyncPhase.CONNECTING,
            reason=None,
            retry_at=None,
            asked_wait=None,
            http_status=None,
        )
        loops: list[tuple[str, Callable[[_Run], None]]] = [
            ("sync-feed", self._feed_loop),
            ("sync-urgent", lambda run: self._send_loop(run, urgent=True)),
            ("sync-outbox", lambda run: self._send_loop(run, urgent=False)),
        ]
        run.threads = [
            threading.Thread(target=self._guard, args=(run, loop), name=name, daemon=True)
            for name, loop in loops
        ]
        for thread in run.threads:
            thread.start()
        return True

    def stop(self, timeout: float = 2.0) -> None:
        """Stop every thread; returns within about ``timeout`` seconds.

        A request in flight ends by its own deadline at the latest; its thread is left
        to finish it on its own, and then ends without touching the vault or telling
        anyone (each start has its own stop flag). A write in flight is delivered or
        not; if its answer comes too late to be recorded, the next start sends it again
        under the same Idempotency-Key and the agency replays it.
        """
        run, self._run = self._run, None
        if run is not None:
            run.stop.set()
            run.wake_all()
            deadline = time.monotonic() + timeout
            for thread in run.threads:
                thread.join(max(0.0, deadline - time.monotonic()))
        if self.status.phase is not SyncPhase.UNPAIRED:
            self._set_status(phase=SyncPhase.STOPPED, retry_at=None)

    @property
    def running(self) -> bool:
        return self._run is not None

    def wake(self) -> None:
        """Send queued items now (an item was queued)."""
        run = self._run
        if run is not None:
            run.urgent_wake.set()
            run.normal_wake.set()

    def retry_now(self) -> None:
        """The talent pressed "retry now": ask the agency again at once, feed and outbox.

        Ends any wait: a backoff, a ``Retry-After``, the slow retries after 403, 404 or
        410, a refused or unauthorized feed. Non-blocking.
        """
        run = self._run
        if run is None:
            return
        run.retry_round += 1
        run.wake_all()

    def _guard(self, run: _Run, loop: Callable[[_Run], None]) -> None:
        """Run ``loop`` until the run stops; start it again, with backoff, if it fails."""
        name = threading.current_thread().name
        failures = 0
        try:
            while not run.stop.is_set():
                try:
                    loop(run)
                    return
                except VaultLocked:
                    log.info("vault locked; %s stops", name)
                    return
                except Exception as exc:  # never let a thread die: say so, start again
                    if run.stop.is_set():
                        return
                    failures += 1
                    delay = min(
                        backoff_delay(failures, rng=self._rng, step=self.pacing.backoff_step),
                        self.pacing.restart_cap,
                    )
                    # The type and where, never the message: it may quote the agency's data.
                    where = "".join(traceback.format_tb(exc.__traceback__)[-3:])
                    log.error(
                        "%s failed (%s); starting again in %.1f s\n%s",
                        name,
                        type(exc).__name__,
                        delay,
                        where,
                    )
                    with self._lock:
                        restarts = self._status.restarts + 1
                    self._set_status(
                        phase=SyncPhase.RETRYING,
                        reason="internal",
                        retry_at=self._clock() + delay,
                        asked_wait=None,
                        restarts=restarts,
                    )
                    wakes = {"sync-feed": run.feed_wake, "sync-urgent": run.urgent_wake}
                    run.pause(wakes.get(name, run.normal_wake), delay)
        finally:
            with run.lock:
                run.finished += 1
                last = run.finished == len(run.threads)
            if last:
                run.client.close()  # the last of the run's threads closes its connections

    # ------------------------------------------------------------------ the feed

    def _feed_loop(self, run: _Run) -> None:
        client, stop, pace = run.client, run.stop, self.pacing
        failures = 0
        answered = False
        quiet = 0  # long-polls in a row that came back at once with nothing new
        resets: list[float] = []  # when the agency said "your cursor is ahead", lately
        while not stop.is_set():
            cursor = load_feed_state(self.vault).cursor
            # Until the agency has answered (at start, after a failure) the poll returns
            # at once: a long-poll with nothing new would keep "Connecting…" on screen
            # for its whole wait although the agency is there.
            wait = self.feed_wait if answered else 0
            answered = False
            asked_at = time.monotonic()  # real time: the status clock may be a test's
            failure: SyncError | None = None
            try:
                answer = client.feed(cursor, wait)
            except SyncError as exc:
                failure = exc
            # The request that just ended was the retry: a "retry now" pressed while it
            # ran does not cut the wait that follows it.
            run.feed_wake.clear()
            if stop.is_set():
                return  # stopped while the poll was in flight: the vault may be closing
            if isinstance(failure, RejectedError):
                failures += 1
                if not self._feed_refused(run, failure, cursor, resets):
                    failures = 0
                continue
            if failure is not None:  # retryable, malformed (nothing else reaches here)
                failures += 1
                self._feed_retry(run, failure, failures)
                continue
            failures = 0
            answered = True
            result = self._apply(answer)
            took = time.monotonic() - asked_at
            if wait == 0 or took >= pace.quick_seconds:
                quiet = 0
                continue
            # It came back at once: a page, or a server that does not hold long-polls.
            full = len(answer.page.events) + len(answer.unreadable) >= wire.MAX_FEED_LIMIT
            if result.new_events and full:
                quiet = 0
                continue  # more is waiting: fetch it now
            if result.new_events:
                quiet, gap = 0, pace.news_floor
            else:
                quiet += 1
                gap = min(pace.quick_poll_cap, pace.poll_floor * 2 ** min(quiet - 1, 16))
                if quiet == 4:
                    log.info("the agency answers long-polls at once; polling every %.0f s", gap)
            stop.wait(gap)

    def _apply(self, answer: FeedAnswer) -> PageResult:
        result = apply_page(
            self.vault,
            answer.page,
            unreadable=answer.unreadable,
            on_update=self._update_listeners,
        )
        sweep_customer_data(self.vault, keep=self._keep)
        self._refresh_counts()
        self._set_status(
            phase=SyncPhase.CONNECTED, reason=None, retry_at=None, asked_wait=None, http_status=None
        )
        if result.new_events:
            self._page_listeners(result)
        return result

    def _feed_retry(self, run: _Run, error: SyncError, failures: int) -> None:
        """After a failure worth retrying: say why and when, then wait (or "retry now")."""
        asked = error.retry_after if isinstance(error, RetryableError) else None
        delay = backoff_delay(
            failures, retry_after=asked, rng=self._rng, step=self.pacing.backoff_step
        )
        log.info("feed: %s; retry in %.1f s", error.reason, delay)
        phase = SyncPhase.RETRYING
        if error.reason in ("network", "timeout") and failures >= OFFLINE_AFTER:
            phase = SyncPhase.OFFLINE
        self._set_status(
            phase=phase,
            reason=error.reason,
            retry_at=self._clock() + delay,
            asked_wait=asked if asked is not None and asked > MAX_RETRY_AFTER_SECONDS else None,
            http_status=None,
        )
        run.pause(run.feed_wake, delay)

    def _feed_refused(
        self, run: _Run, error: RejectedError, cursor: int, resets: list[float]
    ) -> bool:
        """After the agency refused the feed request; False when it was no failure at all."""
        pace, status = self.pacing, error.status
        if status == 409 and error.problem_type == wire.ProblemType.CURSOR_AHEAD and cursor:
            # The agency's feed was reset (its data restored or rebuilt): read it again
            # from the start. Applying is idempotent by sequence number and by each
            # booking's own state, so nothing that is over comes back.
            now = time.monotonic()
            resets[:] = [t for t in resets if now - t < pace.reset_window]
            resets.append(now)
            log.warning("agency feed is behind our cursor %d; reading from 0", cursor)
            reset_feed_cursor(self.vault)
            if len(resets) == 1:
                return False
            # Again, and soon: an agency that keeps saying so is read from 0 with backoff.
            delay = backoff_delay(len(resets) - 1, rng=self._rng, step=self.pacing.backoff_step)
            self._set_status(
                phase=SyncPhase.RETRYING, reason="reset", retry_at=self._clock() + delay
            )
            run.pause(run.feed_wake, delay)
            return True
        log.warning("feed refused: HTTP %d", status)
        if status == 401:
            # The contract: stop, and ask to pair again (the token is unknown or revoked).
            revoked = error.problem_type == wire.ProblemType.TOKEN_REVOKED
            self._set_status(
                phase=SyncPhase.UNAUTHORIZED,
                reason="revoked" if revoked else "unauthorized",
                retry_at=None,
                asked_wait=None,
                http_status=status,
            )
            run.pause(run.feed_wake, None)
            return True
        if status == 403 or status in (404, 410) or status < 400:
            # 403: the agency refuses this talent for now; 404, 410, a redirect: its
            # address no longer serves the feed. Retried slowly, never given up.
            forbidden = status == 403
            delay = pace.forbidden_retry if forbidden else pace.moved_retry
            self._set_status(
                phase=SyncPhase.RETRYING,
                reason="forbidden" if forbidden else "moved",
                retry_at=self._clock() + delay,
                asked_wait=None,
                http_status=status,
            )
            run.pause(run.feed_wake, delay)
            return True
        # Any other 4xx: the request is wrong, and repeating it as it is would not help.
        self._set_status(
            phase=SyncPhase.REFUSED,
            reason="refused",
            retry_at=None,
            asked_wait=None,
            http_status=status,
        )
        run.pause(run.feed_wake, None)
        return True

    def keep_customer_data_while(self, veto: Callable[[object], bool]) -> None:
        """Let a running session keep its customer's data past a cancellation until it ends."""
        self._keep_customer.append(veto)

    def _keep(self, booking: object) -> bool:
        return any(veto(booking) for veto in self._keep_customer)

    # ------------------------------------------------------------------ the outbox

    def _send_loop(self, run: _Run, *, urgent: bool) -> None:
        """Deliver the outbox items of one urgency, oldest first."""
        client, stop, pace = run.client, run.stop, self.pacing
        wake = run.sender_wake(urgent)
        next_try: dict[str, float] = {}
        attempts: dict[str, int] = {}
        busy_since: dict[str, float] = {}  # the first "request in progress" of an item
        seen_round = run.retry_round
        while not stop.is_set():
            wake.clear()
            if run.retry_round != seen_round:
                seen_round = run.retry_round
                next_try.clear()
            pending = [i for i in self.outbox.pending() if i.urgent is urgent]
            now = self._clock()
            due = [i for i in pending if next_try.get(i.id, 0.0) <= now]
            if not due:
                waits = [next_try[i.id] - now for i in pending if i.id in next_try]
                run.pause(wake, min(waits) if waits else None)
                continue
            item = due[0]
            try:
                result = client.write(item.method, item.path, item.body.encode(), item.id)
                answer = _read_answer(item, result.body)
            except (RetryableError, MalformedResponseError) as exc:
                if stop.is_set():
                    return
                attempts[item.id] = attempts.get(item.id, 0) + 1
                asked = exc.retry_after if isinstance(exc, RetryableError) else None
                delay = backoff_delay(
                    attempts[item.id],
                    urgent=item.urgent,
                    retry_after=asked,
                    rng=self._rng,
                    step=self.pacing.backoff_step,
                )
                next_try[item.id] = self._clock() + delay
                self.outbox.mark_attempt(item, exc.reason)
                self._set_status(outbox_reason=exc.reason)
                continue
            except RejectedError as exc:
                if stop.is_set():
                    return
                if exc.status == 409 and exc.problem_type == wire.ProblemType.REQUEST_IN_PROGRESS:
                    # Our own key, still being handled at the agency: ask again when it
                    # says, and give up (shown as refused) if it never finishes.
                    first = busy_since.setdefault(item.id, time.monotonic())
                    if time.monotonic() - first >= pace.in_progress_give_up:
                        said = exc.problem.detail if exc.problem else ""
                        self.outbox.mark_failed(item, (said or "request still in progress")[:500])
                        self._set_status(outbox_reason="in_progress")
                        continue
                    attempts[item.id] = attempts.get(item.id, 0) + 1
                    delay = backoff_delay(
                        attempts[item.id],
                        urgent=item.urgent,
                        retry_after=exc.retry_after,
                        rng=self._rng,
                        step=self.pacing.backoff_step,
                    )
                    next_try[item.id] = self._clock() + delay
                    self.outbox.mark_attempt(item, "in_progress")
                    self._set_status(outbox_reason="in_progress")
                    continue
                if exc.status == 401:
                    # The contract: stop, and ask to pair again; "retry now" tries anew.
                    self._set_status(phase=SyncPhase.UNAUTHORIZED, outbox_reason="unauthorized")
                    next_try[item.id] = math.inf
                    continue
                detail = exc.problem.detail if exc.problem else f"HTTP {exc.status}"
                self.outbox.mark_failed(item, detail[:500])
                continue
            for waits_of in (next_try, attempts, busy_since):
                waits_of.pop(item.id, None)
            self.outbox.mark_delivered(item, result.body, _remote_id(answer))
            self._set_status(outbox_reason=None)


def _read_answer(item: OutboxItem, body: bytes) -> Any:
    """The agency's answer to ``item``, as the contract says it looks.

    Raises:
        MalformedResponseError: a 2xx whose body is not that answer. The item is then not
            delivered: its agency id (an escalation's, for its follow-ups) is unknown.
    """
    route = ROUTES.get(item.kind)
    kind: type[Any] = route.answer if route is not None and route.answer is not None else object
    return decode_answer(body, kind, f"answer to {item.kind}")


def _remote_id(answer: Any) -> str | None:
    remote_id = getattr(answer, "id", None)
    return remote_id if isinstance(remote_id, str) else None
