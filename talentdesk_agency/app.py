"""The reference agency server's HTTP side: a Starlette app implementing ``agency-api.yaml``.

Request handling, outermost first:

1. :class:`_GuardMiddleware` turns any unexpected exception into a 500 problem (logging
   the exception type and frames, never request data).
2. In test mode only (``test_faults``), :class:`~talentdesk_agency.faults.FaultMiddleware`
   applies injected faults (``talentdesk-agency fault``), so tests drive this real server
   into 429s, 5xx, timeouts, malformed JSON and oversized bodies. A production server
   does not have it and never reads the faults table.
3. Starlette routing (404/405 become problems; 405 carries ``Allow``).
4. The handler: bearer auth, then for writes the ``Idempotency-Key``, media type, size
   cap and strict msgspec decoding, then the key's reservation, then the operation and
   its stored answer in one database transaction.

Database work runs on worker threads, so the event loop never blocks on the database:
one thread for SQLite (its one connection, its one writer), as many as the connection
pool for PostgreSQL. A thread holds a connection for one call only. The feed's long-poll
waits on the runtime's wake-up hub for its talent's topic (:mod:`.wakeups`): only a new
event of that talent wakes it, whichever process wrote it. Presence, the timer leader
and the heartbeat are the runtime's too (:mod:`.runtime`).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import logging
import math
import re
import time
import traceback
import uuid
from collections import Counter, deque
from collections.abc import AsyncIterator, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final, NoReturn, TypeVar

import msgspec
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from talentdesk_agency import __version__, policy
from talentdesk_agency.bodies import check_body
from talentdesk_agency.jobs import DEFAULT_JOBS, POLICY_JOB, Job, TestReminders, policy_job
from talentdesk_agency.known_devices import KnownDevices
from talentdesk_agency.problems import ApiError
from talentdesk_agency.runtime import ServerRuntime
from talentdesk_agency.store import (
    SERVER_POOL_SIZE,
    AgencyStore,
    DbTarget,
    Fault,
    FeedRow,
    StoredResponse,
    Talent,
    as_target,
    database_errors,
    is_postgres_url,
    now_utc,
    outage_errors,
)
from talentdesk_agency.store.devices import REVOKED, SEEN_EVERY_SECONDS
from talentdesk_agency.store.feed import talent_topic
from talentdesk_agency.store.records import sha256
from talentdesk_agency.wakeups import Token
from talentdesk_contract import wire
from talentdesk_contract.wire import ProblemType

if TYPE_CHECKING:
    from talentdesk_agency.faults import FaultMiddleware

__all__ = ["AgencyApp"]

log = logging.getLogger("talentdesk.agency")

_T = TypeVar("_T")
_S = TypeVar("_S", bound=msgspec.Struct)

_ID_RE: Final = re.compile(r"[A-Za-z0-9_-]{1,64}")
_KEY_RE: Final = re.compile(f"[!-~]{{1,{wire.IDEMPOTENCY_KEY_MAX_LENGTH}}}")
_UINT_RE: Final = re.compile(r"[0-9]{1,16}")
#: An oversized body is read (and dropped) up to this much before answering 413, so the
#: client finishes sending and reads the answer instead of seeing a reset connection.
_DRAIN_LIMIT: Final = 8 * 1024 * 1024
_JSON: Final = "application/json"
_WWW_AUTHENTICATE: Final = 'Bearer realm="talentdesk-agency"'


# --- helpers --------------------------------------------------------------------------


def _json(body: bytes, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(body, status_code=status, media_type=_JSON, headers=headers)


def _problem(error: ApiError) -> Response:
    return Response(
        error.body(),
        status_code=error.status,
        media_type=wire.PROBLEM_CONTENT_TYPE,
        headers=error.headers,
    )


def _stored(stored: StoredResponse, *, replayed: bool) -> Response:
    headers = {wire.REPLAYED_HEADER: "true"} if replayed else None
    return Response(
        stored.body, status_code=stored.status, media_type=stored.content_type, headers=headers
    )


def _unauthorized(detail: str, *, invalid: bool) -> ApiError:
    challenge = _WWW_AUTHENTICATE + (', error="invalid_token"' if invalid else "")
    return ApiError(401, ProblemType.UNAUTHORIZED, detail, headers={"WWW-Authenticate": challenge})


def _path_id(request: Request, name: str, what: str) -> str:
    value = str(request.path_params[name])
    if _ID_RE.fullmatch(value) is None:
        # Not an id this server could have issued: as absent as any unknown id.
        raise ApiError(404, ProblemType.NOT_FOUND, f"No such {what} for this talent.")
    return value


def _query_int(request: Request, name: str, default: int, low: int, high: int) -> int:
    values = request.query_params.getlist(name)
    if not values:
        return default
    if len(values) > 1:
        raise ApiError(
            400, ProblemType.INVALID_PARAMETER, f"Query parameter `{name}` is given more than once."
        )
    text = values[0]
    number = int(text) if _UINT_RE.fullmatch(text) else -1
    if not low <= number <= high:
        raise ApiError(
            400,
            ProblemType.INVALID_PARAMETER,
            f"Query parameter `{name}` must be a whole number from {low} to {high}.",
        )
    return number


async def _read_body(request: Request) -> bytes:
    """The request body, refusing more than the contract allows (413) and empty ones (400)."""
    too_large = ApiError(
        413,
        ProblemType.PAYLOAD_TOO_LARGE,
        f"The request body is larger than {wire.MAX_REQUEST_BYTES} bytes.",
    )
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > _DRAIN_LIMIT:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size <= wire.MAX_REQUEST_BYTES:
                chunks.append(chunk)
            elif size > _DRAIN_LIMIT:
                break
    except ClientDisconnect:
        # The client went away mid-body: nobody reads this answer, and it is no error of ours.
        raise ApiError(400, ProblemType.INVALID_JSON, "The request body was cut short.") from None
    if size > wire.MAX_REQUEST_BYTES:
        raise too_large
    if size == 0:
        raise ApiError(400, ProblemType.INVALID_JSON, "This request needs a JSON body.")
    return b"".join(chunks)


def _check_json_media_type(request: Request) -> None:
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media_type != _JSON:
        raise ApiError(
            415,
            ProblemType.UNSUPPORTED_MEDIA_TYPE,
            "Send the body as JSON with `Content-Type: application/json`.",
        )


def _decode(raw: bytes, kind: type[_S]) -> _S:
    check_body(raw)  # UTF-8 and nesting first: parsers fail on both in ways of their own
    try:
        return wire.decode(raw, kind)
    except msgspec.ValidationError as exc:
        raise ApiError(422, ProblemType.INVALID_BODY, f"Invalid request body: {exc}") from None
    except msgspec.DecodeError as exc:
        detail = f"The body is not valid JSON: {exc}"
        raise ApiError(400, ProblemType.INVALID_JSON, detail) from None


def _fingerprint(method: str, path: str, raw: bytes) -> str:
    # Canonical JSON (sorted keys, no spacing), so only a change of meaning is a mismatch.
    canonical = msgspec.json.encode(msgspec.json.decode(raw), order="sorted")
    digest = hashlib.sha256(f"{method} {path}\n".encode())
    digest.update(canonical)
    return digest.hexdigest()


class _PairingThrottle:
    """Slows down guessing of pairing codes: at most ``limit`` failures per ``window`` s."""

    def __init__(self, limit: int = 10, window: float = 60.0) -> None:
        self._limit = limit
        self._window = window
        self._failures: deque[float] = deque()

    def check(self) -> None:
        now = time.monotonic()
        while self._failures and self._failures[0] <= now - self._window:
            self._failures.popleft()
        if len(self._failures) >= self._limit:
            wait = max(1, math.ceil(self._failures[0] + self._window - now))
            raise ApiError(
                429,
                ProblemType.RATE_LIMITED,
                f"Too many failed pairing attempts. Try again in {wait} seconds.",
                headers={"Retry-After": str(wait)},
            )

    def failed(self) -> None:
        self._failures.append(time.monotonic())


# --- the application ------------------------------------------------------------------


class AgencyApp:
    """The reference agency server as an ASGI application.

    Args:
        db_path: The agency database (created with the default configuration if missing):
            a SQLite file, or a ``postgresql://`` URI.
        feed_poll_interval: SQLite: seconds between checks for other processes' events
            while a long-poll waits.
        test_faults: Test mode: apply the faults written by ``talentdesk-agency fault``
            (see :mod:`talentdesk_agency.faults`) and answer the probes of
            :mod:`talentdesk_agency.probe`. Off in production.
        jobs: The periodic jobs of the timer leader (default: :data:`.jobs.DEFAULT_JOBS`,
            the escalation policy among them).
        test_jobs: Test mode: the leader also runs :class:`.jobs.TestReminders`.
        clock: The wall clock the leader's jobs (the escalation policy) run on (a test
            clock in tests).
        policy_interval: Seconds between runs of the escalation policy on the leader
            (None: never).
        notifier: Sends the policy's webhook notices (default: HTTP POSTs).
        secure_cookies: Mark console cookies ``Secure`` (None: unless serving loopback).

    Attributes:
        asgi: The ASGI callable to serve.
    """

    def __init__(
        self,
        db_path: DbTarget,
        *,
        feed_poll_interval: float = 0.05,
        test_faults: bool = False,
        jobs: Sequence[Job] | None = None,
        test_jobs: bool = False,
        clock: Callable[[], datetime] = now_utc,
        policy_interval: float | None = POLICY_JOB.every,
        notifier: policy.Notifier | None = None,
        secure_cookies: bool | None = None,
    ) -> None:
        from talentdesk_agency.console import Console  # the console's own stack, loaded here

        self.db_path = as_target(db_path)
        self.clock = clock
        self._poll_interval = feed_poll_interval
        self._executor: ThreadPoolExecutor | None = None
        self._store: AgencyStore | None = None
        self._runtime: ServerRuntime | None = None
        self._throttle = _PairingThrottle()
        # Device tokens checked lately (see _talent), and their last-seen batches.
        self._devices = KnownDevices()
        #: Long-polls that read the feed first, and renewals parked without reading
        #: (``"read"``, ``"from memory"``; for tests and the bench).
        self.feed_polls: Counter[str] = Counter()
        # Names this server process as the owner of idempotency reservations (with a
        # request id), so other processes tell live requests from a dead one's leftovers.
        self._instance = uuid.uuid4().hex
        self._jobs: list[Job] = []
        for job in DEFAULT_JOBS if jobs is None else jobs:
            if job.name == POLICY_JOB.name:
                if policy_interval is None:
                    continue
                job = policy_job(every=policy_interval, notifier=notifier)
            self._jobs.append(job)
        self._test_reminders = TestReminders(self._instance) if test_jobs else None
        if self._test_reminders is not None:
            self._jobs.append(self._test_reminders.job())
        routes: list[Route | Mount] = [
            Route("/v1/health", self._health, methods=["GET"]),
            Route("/v1/pairing", self._pairing, methods=["POST"]),
            Route("/v1/feed", self._feed, methods=["GET"]),
            Route("/v1/bookings/{booking_id}/answer", self._answer, methods=["POST"]),
            Route("/v1/sessions/{booking_id}/events", self._session_event, methods=["POST"]),
            Route("/v1/escalations", self._escalate, methods=["POST"]),
            Route("/v1/escalations/{escalation_id}", self._get_escalation, methods=["GET"]),
            Route("/v1/escalations/{escalation_id}/follow-up", self._follow_up, methods=["POST"]),
            Route("/v1/escalations/{escalation_id}/cancel", self._cancel, methods=["POST"]),
            Route("/v1/reports", self._report, methods=["POST"]),
            Route("/v1/reports/{report_id}", self._get_report, methods=["GET"]),
            Route("/v1/availability", self._availability, methods=["PUT"]),
            Route("/v1/debriefs", self._debrief, methods=["POST"]),
        ]
        if test_faults:
            from talentdesk_agency.probe import probe_routes

            routes += probe_routes(lambda: self.runtime, lambda: self.feed_polls)
        self.console = Console(self, secure_cookies=secure_cookies)
        routes.append(Mount("/console", app=self.console.asgi, name="console"))
        app = Starlette(
            routes=routes,
            exception_handlers={
                HTTPException: self._http_exception,
                ApiError: self._api_error,
                # Used by Starlette's outermost error middleware, so even a crash answers
                # with a problem document (the guard below logs it).
                Exception: self._internal_error,
            },
            lifespan=self._lifespan,
        )
        self._starlette = app
        self._faults: FaultMiddleware | None = None
        inner: ASGIApp = app
        if test_faults:
            # Imported here: a production server does not even load the instrument.
            from talentdesk_agency.faults import FaultMiddleware

            self._faults = inner = FaultMiddleware(app, self._take_fault)
        self.asgi: ASGIApp = _GuardMiddleware(inner)

    @property
    def routes(self) -> list[tuple[str, str]]:
        """Every (method, path template) this server answers, for the contract test."""
        out = []
        for route in self._starlette.routes:
            if isinstance(route, Mount):
                continue  # the console: web pages, not the Agency API
            assert isinstance(route, Route)
            for method in sorted(route.methods or ()):
                if method != "HEAD":
                    out.append((method, route.path))
        return out

    # --- lifecycle ------------------------------------------------------------------

    @contextlib.asynccontextmanager
    async def _lifespan(self, app: Starlette) -> AsyncIterator[None]:
        pool_size = SERVER_POOL_SIZE if is_postgres_url(self.db_path) else None
        store = await asyncio.to_thread(AgencyStore, self.db_path, pool_size=pool_size)
        self._store = store
        self._executor = ThreadPoolExecutor(
            max_workers=store.max_threads, thread_name_prefix="agency-db"
        )
        runtime: ServerRuntime | None = None
        try:
            if self._faults is not None:
                await self._db(store.fault_table.ensure_table)
            if self._test_reminders is not None:
                await self._db(self._test_reminders.ensure_table, store)
            runtime = ServerRuntime(
                store,
                self.db_path,
                self._run_db,
                jobs=self._jobs,
                poll_interval=self._poll_interval,
                instance=self._instance,
                clock=self.clock,
            )
            self._runtime = runtime
            await runtime.start()
            seen = asyncio.create_task(self._note_seen(), name="last seen")
            try:
                yield
            finally:
                seen.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await seen
                with contextlib.suppress(*database_errors()):
                    await self._run_db(store.devices.note_seen, self._devices.take_seen())
        finally:
            if runtime is not None:
                await runtime.stop()
            await self._db(store.close)
            self._executor.shutdown(wait=True)
            self._store = None

    async def _note_seen(self) -> None:
        # The devices served from memory, noted as seen in one write a minute.
        while True:
            await asyncio.sleep(SEEN_EVERY_SECONDS)
            seen = self._devices.take_seen()
            if seen:
                try:
                    await self._run_db(self.store.devices.note_seen, seen)
                except database_errors() as exc:
                    log.warning("noting devices as seen failed: %s", type(exc).__name__)

    def begin_shutdown(self) -> None:
        """Answer waiting long-polls now (call on the server's event loop)."""
        if self._runtime is not None:
            self._runtime.begin_shutdown()

    @property
    def runtime(self) -> ServerRuntime:
        """Wake-ups, presence and the timer leader (only while serving)."""
        if self._runtime is None:
            raise RuntimeError("the agency app is not running")
        return self._runtime

    @property
    def store(self) -> AgencyStore:
        """The open store (only while serving)."""
        if self._store is None:
            raise RuntimeError("the agency app is not running")
        return self._store

    async def _take_fault(self, method: str, path: str) -> Fault | None:
        # Test mode only: the fault middleware asks before each request.
        if self._store is None:
            return None
        return await self._db(self._store.take_fault, method, path)

    async def _run_db(self, fn: Callable[..., _T], *args: Any) -> _T:
        # Worker threads own the connections (SQLite: one thread); the event loop only
        # awaits them.
        assert self._executor is not None
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, *args))

    async def _db(self, fn: Callable[..., _T], *args: Any) -> _T:
        # For requests: an outage is a 503 (the runtime's tasks use _run_db and retry).
        try:
            return await self._run_db(fn, *args)
        except outage_errors() as exc:
            # The database is down or unreachable: say so (503), never a 500.
            log.warning("database unavailable: %s", type(exc).__name__)
            raise ApiError(
                503,
                ProblemType.UNAVAILABLE,
                "The agency's database cannot be reached. Nothing was stored; try again.",
                headers={"Retry-After": "5"},
            ) from None

    # --- error mapping --------------------------------------------------------------

    async def _api_error(self, request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return _problem(exc)

    async def _internal_error(self, request: Request, exc: Exception) -> Response:
        return _problem(
            ApiError(500, ProblemType.INTERNAL_ERROR, "The agency server failed. Try again.")
        )

    async def _http_exception(self, request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 405:
            kind, detail = (
                ProblemType.METHOD_NOT_ALLOWED,
                (f"{request.method} is not allowed here; see the Allow header."),
            )
        elif exc.status_code == 404:
            kind, detail = ProblemType.NOT_FOUND, "There is nothing at this path in API v1."
        else:
            kind, detail = ProblemType.INVALID_PARAMETER, str(exc.detail)
        return _problem(ApiError(exc.status_code, kind, detail, headers=exc.headers))

    # --- auth -----------------------------------------------------------------------

    @staticmethod
    def _token(request: Request) -> str:
        header = request.headers.get("authorization")
        if header is None:
            raise _unauthorized(
                "Send the device token from pairing as `Authorization: Bearer <token>`.",
                invalid=False,
            )
        scheme, _, token = header.partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token or len(token) > 256:
            raise _unauthorized("The Authorization header must be `Bearer <token>`.", invalid=True)
        return token

    async def _talent(self, request: Request, *, checked_in_write: bool = False) -> Talent:
        """The requesting device's talent; 401 for a missing, unknown or revoked token.

        With ``checked_in_write`` the caller's write checks the token again in its own
        transaction (:meth:`.Idempotency.run_fresh`), so the talent of a token this process
        checked lately (:class:`.KnownDevices`) is taken without asking the database: a
        revoked token still never writes.
        """
        token = self._token(request)
        if checked_in_write:
            known = self._devices.talent(token)
            if known is not None:
                return known
        talent = await self._db(self.store.devices.authenticate, token)
        if not isinstance(talent, Talent):
            self._refuse(token, talent)
        self._devices.checked(token, talent)
        return talent

    def _refuse(self, token: str, found: object) -> NoReturn:
        """401 for a token the database says is revoked (``found`` is REVOKED) or unknown."""
        self._devices.forget(token)
        if found == REVOKED:
            raise ApiError(
                401,
                ProblemType.TOKEN_REVOKED,
                "The agency revoked this device. Pair the app again with a new code.",
                headers={"WWW-Authenticate": _WWW_AUTHENTICATE + ', error="invalid_token"'},
            )
        raise _unauthorized(
            "This device token is not known to the agency. Pair the app again.",
            invalid=True,
        )

    # --- handlers -------------------------------------------------------------------

    async def _health(self, request: Request) -> Response:
        return _json(wire.encode(wire.Health(status="ok", version=__version__)))

    async def _pairing(self, request: Request) -> Response:
        raw = await _read_body(request)
        _check_json_media_type(request)
        body = _decode(raw, wire.PairingRequest)
        self._throttle.check()
        try:
            paired = await self._db(self.store.pair, body.code, body.device_name)
        except ApiError:
            self._throttle.failed()
            raise
        log.info("paired a device for talent %s", paired.talent.id)
        return _json(wire.encode(paired), 201)

    async def _feed(self, request: Request) -> Response:
        after = _query_int(request, "after", 0, 0, wire.MAX_SEQ)
        wait = _query_int(request, "wait", 0, 0, wire.MAX_FEED_WAIT_SECONDS)
        limit = _query_int(request, "limit", 100, 1, wire.MAX_FEED_LIMIT)
        hub = self.runtime.hub
        deadline = time.monotonic() + wait
        device_token = self._token(request)
        talent = self._devices.talent(device_token)
        rows: list[FeedRow] = []
        if talent is not None:
            topic = talent_topic(talent.id)
            token = hub.token(topic)
            if hub.newest(topic) != after:
                # One database call: the token checked again, the page, and the newest
                # number of all feeds if it is empty (the talent, hence the topic, is
                # known before the call).
                rows = await self._read_feed(device_token, talent, token, after, limit)
            else:
                # A renewal. The hub knows this feed has nothing after the cursor and will
                # hear anything committed from now on: park without asking the database.
                self.feed_polls["from memory"] += 1
        else:
            talent = await self._talent(request)
            topic = talent_topic(talent.id)
            token = hub.token(topic)
            rows, newest = await self._db(self.store.feed_or_newest, talent.id, after, limit)
            self.feed_polls["read"] += 1
            self._check_cursor(after, newest)
            if not rows:
                hub.learn(token, after)
        while True:
            remaining = deadline - time.monotonic()
            if rows or remaining <= 0 or hub.closed:
                break
            if not await hub.wait(token, remaining):
                # Nothing of this talent's committed meanwhile: the desk asks again at once.
                break
            # A new event, a catch-up, or a revoked device of the talent: read, and check
            # the token again.
            token = hub.token(topic)
            rows = await self._read_feed(device_token, talent, token, after, limit)
        return _json(_feed_page(rows, after))

    async def _read_feed(
        self, device_token: str, talent: Talent, token: Token, after: int, limit: int
    ) -> list[FeedRow]:
        """A feed page for a device whose talent this process knows, its token checked
        again in the same database call (401 if it is no longer valid)."""
        found, rows, newest = await self._db(
            self.store.device_feed, device_token, talent.id, after, limit
        )
        self.feed_polls["read"] += 1
        if not isinstance(found, Talent) or found.id != talent.id:
            # Revoked or gone since (a token never moves to another talent).
            self._refuse(device_token, found)
        # Just checked (and its last-seen noted): known a while longer.
        self._devices.checked(device_token, found)
        self._check_cursor(after, newest)
        if not rows:
            self.runtime.hub.learn(token, after)
        return rows

    @staticmethod
    def _check_cursor(after: int, newest: int | None) -> None:
        if newest is not None and after > newest:
            raise ApiError(
                409,
                ProblemType.CURSOR_AHEAD,
                f"Cursor {after} is beyond the end of the feed ({newest}): the agency's data "
                "was reset. Start again from 0.",
            )

    async def _answer(self, request: Request) -> Response:
        booking_id = _path_id(request, "booking_id", "booking")
        return await self._write(
            request,
            wire.BookingAnswerRequest,
            lambda talent, body: functools.partial(
                self.store.answer_booking, talent.id, booking_id, body
            ),
        )

    async def _session_event(self, request: Request) -> Response:
        booking_id = _path_id(request, "booking_id", "booking")
        return await self._write(
            request,
            wire.SessionEventRequest,
            lambda talent, body: functools.partial(
                self.store.record_session_event, talent.id, booking_id, body
            ),
        )

    async def _escalate(self, request: Request) -> Response:
        response = await self._write(
            request,
            wire.EscalationRequest,
            lambda talent, body: functools.partial(self.store.create_escalation, talent.id, body),
            fresh=self.store.run_fresh_escalation,
        )
        if response.status_code == 201 and wire.REPLAYED_HEADER not in response.headers:
            # Supervisors watch this log: say an escalation came in (ids only, no text).
            created = wire.decode(bytes(response.body), wire.EscalationCreated)
            log.info("new escalation %s", created.id)
        return response

    async def _get_escalation(self, request: Request) -> Response:
        talent = await self._talent(request)
        escalation_id = _path_id(request, "escalation_id", "escalation")
        escalation = await self._db(self.store.escalation, talent.id, escalation_id)
        return _json(wire.encode(escalation))

    async def _follow_up(self, request: Request) -> Response:
        escalation_id = _path_id(request, "escalation_id", "escalation")
        return await self._write(
            request,
            wire.EscalationFollowUpRequest,
            lambda talent, body: functools.partial(
                self.store.follow_up_escalation, talent.id, escalation_id, body
            ),
        )

    async def _cancel(self, request: Request) -> Response:
        escalation_id = _path_id(request, "escalation_id", "escalation")
        return await self._write(
            request,
            wire.EscalationCancelRequest,
            lambda talent, body: functools.partial(
                self.store.cancel_escalation, talent.id, escalation_id, body
            ),
        )

    async def _report(self, request: Request) -> Response:
        return await self._write(
            request,
            wire.ReportRequest,
            lambda talent, body: functools.partial(self.store.create_report, talent.id, body),
        )

    async def _get_report(self, request: Request) -> Response:
        talent = await self._talent(request)
        report_id = _path_id(request, "report_id", "report")
        report = await self._db(self.store.report, talent.id, report_id)
        return _json(wire.encode(report))

    async def _debrief(self, request: Request) -> Response:
        return await self._write(
            request,
            wire.DebriefRequest,
            lambda talent, body: functools.partial(self.store.create_debrief, talent.id, body),
        )

    async def _availability(self, request: Request) -> Response:
        return await self._write(
            request,
            wire.AvailabilityRequest,
            lambda talent, body: functools.partial(self.store.set_availability, talent.id, body),
        )

    # --- the write pipeline ---------------------------------------------------------

    async def _write(
        self,
        request: Request,
        kind: type[_S],
        operation: Callable[[Talent, _S], Callable[[], tuple[int, bytes]]],
        *,
        fresh: Callable[[str, str, str, str, _S, str], StoredResponse | None] | None = None,
    ) -> Response:
        """Authenticate, validate, reserve the key, run the operation, store its answer.

        ``fresh`` does what :meth:`.AgencyStore.run_fresh_request` does with the operation,
        its own quicker way (talent id, key, fingerprint, owner, body, token hash).
        """
        talent = await self._talent(request, checked_in_write=True)
        key = request.headers.get(wire.IDEMPOTENCY_KEY_HEADER)
        if key is None:
            raise ApiError(
                400,
                ProblemType.IDEMPOTENCY_KEY_MISSING,
                "Every write needs an `Idempotency-Key` header (1 to 128 visible ASCII "
                "characters; the app's outbox id).",
            )
        if _KEY_RE.fullmatch(key) is None:
            raise ApiError(
                400,
                ProblemType.IDEMPOTENCY_KEY_INVALID,
                "`Idempotency-Key` must be 1 to 128 visible ASCII characters, without spaces.",
            )
        raw = await _read_body(request)
        _check_json_media_type(request)
        body = _decode(raw, kind)
        # The scope's path is the URL's for every path a handler accepts (ids are plain
        # characters), without building the whole URL.
        fingerprint = _fingerprint(request.method, request.scope["path"], raw)
        held = self._faults is not None and self._faults.holds(request.scope)
        if not held:
            # The common case: a new key, in one short transaction that also checks the
            # token (the talent may come from memory).
            token_hash = sha256(self._token(request))
            if fresh is not None:
                answer = await self._db(
                    fresh, talent.id, key, fingerprint, self._instance, body, token_hash
                )
            else:
                answer = await self._db(
                    self.store.run_fresh_request,
                    talent.id,
                    key,
                    fingerprint,
                    self._instance,
                    operation(talent, body),
                    token_hash,
                )
            if answer is not None:
                return _stored(answer, replayed=False)
            # A known key, a refusal, or a token no longer valid: the careful way.
            self._devices.forget(self._token(request))
            talent = await self._talent(request)
        owner = f"{self._instance}/{uuid.uuid4().hex}"
        done: StoredResponse | None = None
        if held:
            # A write held by a test fault reserves its key in a transaction of its own.
            begun = await self._db(self.store.begin_request, talent.id, key, fingerprint, owner)
        else:
            write = operation(talent, body)
            begun, done = await self._db(
                self.store.begin_and_run, talent.id, key, fingerprint, owner, write
            )
        if done is not None:
            return _stored(done, replayed=False)
        if begun.outcome == "replay":
            assert begun.stored is not None
            return _stored(begun.stored, replayed=True)
        if begun.outcome == "mismatch":
            raise ApiError(
                422,
                ProblemType.IDEMPOTENCY_KEY_REUSED,
                "This Idempotency-Key was already used for a different request. Use a new key "
                "for a new request.",
            )
        if begun.outcome == "in_progress":
            raise ApiError(
                409,
                ProblemType.REQUEST_IN_PROGRESS,
                "A request with this Idempotency-Key is still being processed. Retry shortly.",
                headers={"Retry-After": "1"},
            )
        try:
            if self._faults is not None:
                await self._faults.hold_write(request.scope)
            stored = await self._db(
                self.store.run_write, talent.id, key, operation(talent, body), owner
            )
        except BaseException:
            # Nothing was committed; free the key so a retry can run (shielded, because
            # this may be a cancellation).
            with contextlib.suppress(Exception):
                await asyncio.shield(self._db(self.store.release_request, talent.id, key, owner))
            raise
        return _stored(stored, replayed=False)


def _feed_page(rows: list[FeedRow], after: int) -> bytes:
    events = tuple(
        wire.FeedEvent(
            seq=row.seq,
            type=row.type,
            at=datetime.fromisoformat(row.at),
            data=msgspec.Raw(row.data),
        )
        for row in rows
    )
    cursor = rows[-1].seq if rows else after
    return wire.encode(wire.FeedPage(events=events, cursor=cursor))


# --- outermost middleware -------------------------------------------------------------


class _GuardMiddleware:
    """Catches unexpected errors: a 500 problem, logged without request data."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            # Frames only: an exception's message could quote request data.
            frames = "".join(traceback.format_tb(exc.__traceback__))
            log.error(
                "internal error on %s %s: %s\n%s",
                scope["method"],
                scope["path"],
                type(exc).__name__,
                frames,
            )
            if not started:
                error = ApiError(
                    500, ProblemType.INTERNAL_ERROR, "The agency server failed. Try again."
                )
                await _problem(error)(scope, receive, send)
