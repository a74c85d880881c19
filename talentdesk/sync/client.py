"""The app's HTTP client of Agency API v1.

One request, one answer: no loops here. The sync worker decides when to retry,
using the error classes of :mod:`talentdesk.sync.errors`, so the talent can be told
"retrying in N s" and why.

Whatever the agency does, a request ends within its **overall deadline** (a long-poll's
wait plus ``timeout``): every socket read and write is given at most the time left (a
network backend around httpcore's, :class:`_DeadlineBackend`), so a server sending one
byte a second cannot hold a request open. Every body is **capped while it streams in**,
compressed and decompressed alike (a gzip bomb stops at the cap, not after inflating a
whole chunk), and **decoded strictly** (:mod:`talentdesk.sync.decoding`): any byte
sequence ends as a value or a :class:`MalformedResponseError`.
"""

from __future__ import annotations

import functools
import ipaddress
import logging
import random
import threading
import time
import zlib
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Final, TypeVar
from urllib.parse import urlsplit

import msgspec

from talentdesk.sync.decoding import FeedAnswer, decode_answer, decode_feed_page
from talentdesk.sync.errors import (
    InsecureUrlError,
    MalformedResponseError,
    RejectedError,
    RetryableError,
    SyncError,
)
from talentdesk_contract import wire

if TYPE_CHECKING:
    import httpcore
    import httpx

__all__ = [
    "MAX_BACKOFF_SECONDS",
    "MAX_RETRY_AFTER_SECONDS",
    "MAX_URGENT_BACKOFF_SECONDS",
    "AgencyClient",
    "FeedAnswer",
    "InsecureUrlError",
    "MalformedResponseError",
    "RejectedError",
    "RetryableError",
    "SyncError",
    "WriteResult",
    "backoff_delay",
    "capped_retry_after",
    "check_agency_url",
    "is_loopback_host",
]

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Ceiling of the normal retry backoff, and of the urgent one (DESIGN: "near 2 s").
MAX_BACKOFF_SECONDS = 60.0
MAX_URGENT_BACKOFF_SECONDS = 2.0
#: Most a Retry-After may make us wait; a broken agency must not park us for a day.
MAX_RETRY_AFTER_SECONDS = 300.0
#: The content codings the client asks for and inflates itself, under the cap.
ACCEPT_ENCODING: Final = "gzip, deflate"


def is_loopback_host(host: str) -> bool:
    """Whether ``host`` names this machine (127.0.0.0/8, ::1 or localhost)."""
    if host.lower() in {"localhost", "localhost."}:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_agency_url(url: str) -> str:
    """Validate an agency base URL; returns it without a trailing slash.

    Raises:
        InsecureUrlError: ``http://`` to a host other than loopback, or not http(s) at all.
    """
    parts = urlsplit(url.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise InsecureUrlError(f"not an http(s) address: {url!r}")
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise InsecureUrlError("plain http is refused for any host but this machine: use https")
    return url.strip().rstrip("/")


def capped_retry_after(retry_after: float | None) -> float | None:
    """The server's ``Retry-After`` as the desk honours it: at most 5 minutes."""
    return None if retry_after is None else min(retry_after, MAX_RETRY_AFTER_SECONDS)


def backoff_delay(
    attempt: int,
    *,
    urgent: bool = False,
    retry_after: float | None = None,
    rng: random.Random | None = None,
    step: float = 0.25,
) -> float:
    """Capped exponential backoff with full jitter, honouring ``Retry-After``.

    Args:
        attempt: 1 for the first retry.
        urgent: urgent items (escalations) cap near 2 s.
        retry_after: the server's wish, which wins when larger than our own delay (capped
            at :data:`MAX_RETRY_AFTER_SECONDS`).
        rng: for tests.
        step: the first retry waits between ``step`` and twice that (tests shorten it).
    """
    cap = MAX_URGENT_BACKOFF_SECONDS if urgent else MAX_BACKOFF_SECONDS
    base = min(cap, step * 2 ** min(max(attempt, 1), 16))
    delay = (rng or random).uniform(base / 2, base)
    capped = capped_retry_after(retry_after)
    if capped is not None:
        delay = max(delay, capped)
    return delay


def _retry_after(headers: Mapping[str, str]) -> float | None:
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        if seconds != seconds:  # NaN: no wish at all
            return None
        return max(0.0, seconds)
    from email.utils import parsedate_to_datetime  # rare (an HTTP date); ~20 ms to import

    try:
        when = parsedate_to_datetime(value)
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return max(0.0, (when - datetime.now(UTC)).total_seconds())
    except Exception:  # any text at all may come in a header
        return None


class WriteResult(msgspec.Struct, frozen=True):
    """The agency's answer to a write: status, raw JSON body, and whether it was a replay."""

    status: int
    body: bytes
    replayed: bool


# ---------------------------------------------------------------------------- the deadline


class _DeadlinePassedError(Exception):
    """A request's overall deadline passed (raised inside httpcore, caught in ``_send``)."""


class _Budget:
    """The overall deadline of the request this thread is making, and what arrived so far."""

    def __init__(self, until: float) -> None:
        self.until = until
        self.received = 0

    def left(self, timeout: float | None) -> float:
        """The timeout to give one socket operation: its own, but never past the deadline."""
        remaining = self.until - time.monotonic()
        if remaining <= 0:
            raise _DeadlinePassedError
        return remaining if timeout is None else min(timeout, remaining)


_budgets = threading.local()


def _budget() -> _Budget | None:
    budget: _Budget | None = getattr(_budgets, "current", None)
    return budget


def _left(timeout: float | None) -> float | None:
    budget = _budget()
    return timeout if budget is None else budget.left(timeout)


def _deadline_backend(inner: httpcore.NetworkBackend) -> httpcore.NetworkBackend:
    """httpcore's network backend, with every socket operation held to the deadline."""
    import httpcore

    class DeadlineStream(httpcore.NetworkStream):
        def __init__(self, stream: httpcore.NetworkStream) -> None:
            self._stream = stream

        def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
            data = self._stream.read(max_bytes, _left(timeout))
            budget = _budget()
            if budget is not None:
                budget.received += len(data)
            return data

        def write(self, buffer: bytes, timeout: float | None = None) -> None:
            self._stream.write(buffer, _left(timeout))

        def close(self) -> None:
            self._stream.close()

        def start_tls(
            self,
            ssl_context: Any,
            server_hostname: str | None = None,
            timeout: float | None = None,
        ) -> httpcore.NetworkStream:
            return DeadlineStream(
                self._stream.start_tls(ssl_context, server_hostname, _left(timeout))
            )

        def get_extra_info(self, info: str) -> Any:
            return self._stream.get_extra_info(info)

    class DeadlineBackend(httpcore.NetworkBackend):
        def connect_tcp(
            self,
            host: str,
            port: int,
            timeout: float | None = None,
            local_address: str | None = None,
            socket_options: Iterable[Any] | None = None,
        ) -> httpcore.NetworkStream:
            return DeadlineStream(
                inner.connect_tcp(host, port, _left(timeout), local_address, socket_options)
            )

        def connect_unix_socket(
            self,
            path: str,
            timeout: float | None = None,
            socket_options: Iterable[Any] | None = None,
        ) -> httpcore.NetworkStream:
            return DeadlineStream(inner.connect_unix_socket(path, _left(timeout), socket_options))

        def sleep(self, seconds: float) -> None:
            inner.sleep(seconds)

    return DeadlineBackend()


def _held_to_deadlines(transport: httpx.HTTPTransport) -> httpx.HTTPTransport:
    """``transport`` with its connection pool's network backend held to the deadline.

    httpx has no overall timeout and no public hook below its transport; the pool's
    backend is replaced in place (direct, HTTP proxy and SOCKS pools all keep it there).
    ``tests/sync/test_client.py`` fails if a new httpx or httpcore moves it.
    """
    pool = getattr(transport, "_pool", None)
    inner = getattr(pool, "_network_backend", None)
    if pool is None or inner is None:
        raise RuntimeError("this httpx/httpcore keeps its network backend elsewhere")
    pool._network_backend = _deadline_backend(inner)
    return transport


@functools.cache
def _client_class() -> type[httpx.Client]:
    """``httpx.Client`` whose every transport is held to the deadline, also for a proxy
    from the environment (httpx offers no other way to reach its pools; passing a
    transport instead would turn the environment's proxies off). Made on first use:
    httpx is imported late."""
    import httpx

    class Client(httpx.Client):
        def _init_transport(  # type: ignore[override]
            self, *, transport: httpx.BaseTransport | None = None, **kwargs: Any
        ) -> httpx.BaseTransport:
            if transport is not None:
                return transport
            return _held_to_deadlines(httpx.HTTPTransport(**kwargs))

        def _init_proxy_transport(  # type: ignore[override]
            self, proxy: httpx.Proxy, **kwargs: Any
        ) -> httpx.BaseTransport:
            return _held_to_deadlines(httpx.HTTPTransport(proxy=proxy, **kwargs))

    return Client


# ---------------------------------------------------------------------------- the client


class AgencyClient:
    """Agency API v1 over one ``httpx.Client``. Thread-safe for the requests it makes.

    Args:
        base_url: the agency's address (checked by :func:`check_agency_url`).
        token: the device token, or None before pairing.
        timeout: seconds a request may take beyond a long-poll's own wait, all told
            (connecting, sending, every read); also the most one read may wait.
        transport: an httpx transport, for unit tests of error mapping only (it gets no
            overall deadline).
    """

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        timeout: float = 10.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        import httpx  # here, not at import: it costs ~0.4 s, which the first window need not wait

        self.base_url = check_agency_url(base_url)
        self._token = token
        self._timeout = timeout

        self._http = _client_class()(
            base_url=self.base_url,
            timeout=httpx.Timeout(timeout),
            transport=transport,
            follow_redirects=False,  # a redirect could carry the token to another host
            headers={
                "Accept": "application/json",
                "Accept-Encoding": ACCEPT_ENCODING,
                "User-Agent": "TalentDesk",
            },
        )

    def close(self) -> None:
        self._http.close()

    @property
    def paired(self) -> bool:
        return self._token is not None

    # ------------------------------------------------------------------ calls

    def health(self) -> wire.Health:
        _, content, _ = self._send("GET", "/v1/health", auth=False)
        return decode_answer(content, wire.Health, "/v1/health")

    def pair(self, code: str, device_name: str) -> wire.PairingResponse:
        """Exchange a one-time code for a device token (not kept here: the caller stores it)."""
        body = wire.encode(wire.PairingRequest(code=code.strip(), device_name=device_name))
        _, content, _ = self._send("POST", "/v1/pairing", body=body, auth=False)
        return decode_answer(content, wire.PairingResponse, "/v1/pairing")

    def feed(self, after: int, wait: int, limit: int = wire.MAX_FEED_LIMIT) -> FeedAnswer:
        """Long-poll the feed: events after ``after``, waiting up to ``wait`` seconds.

        Returns:
            The page, with any event that could not be read set aside (its sequence
            number and why), so one bad event never holds up the rest.
        """
        wait = max(0, min(wait, wire.MAX_FEED_WAIT_SECONDS))
        _, content, _ = self._send(
            "GET",
            "/v1/feed",
            params={"after": after, "wait": wait, "limit": limit},
            read_timeout=wait + self._timeout,
            budget=wait + self._timeout,
        )
        return decode_feed_page(content)

    def write(self, method: str, path: str, body: bytes, idempotency_key: str) -> WriteResult:
        """Send one write with its ``Idempotency-Key``; the caller decodes the body.

        Raises:
            RetryableError, RejectedError, MalformedResponseError.
        """
        response = self._send(
            method,
            path,
            body=body,
            headers={wire.IDEMPOTENCY_KEY_HEADER: idempotency_key},
        )
        status, content, headers = response
        return WriteResult(status, content, headers.get(wire.REPLAYED_HEADER.lower()) == "true")

    # ------------------------------------------------------------------ plumbing

    def _send(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        params: Mapping[str, int | str] | None = None,
        headers: Mapping[str, str] | None = None,
        auth: bool = True,
        read_timeout: float | None = None,
        budget: float | None = None,
    ) -> tuple[int, bytes, Mapping[str, str]]:
        all_headers = dict(headers or {})
        if body is not None:
            all_headers["Content-Type"] = "application/json"
        if auth:
            if self._token is None:
                raise RejectedError(401, None)
            all_headers["Authorization"] = f"Bearer {self._token}"
        import httpx

        timeout = httpx.Timeout(self._timeout, read=read_timeout or self._timeout)
        deadline = _Budget(time.monotonic() + (budget or self._timeout))
        _budgets.current = deadline
        try:
            with self._http.stream(
                method, path, content=body, params=params, headers=all_headers, timeout=timeout
            ) as response:
                status, resp_headers = response.status_code, response.headers
                content = _read_capped(response)
        except (_DeadlinePassedError, httpx.TimeoutException):
            raise self._too_late(path, deadline) from None
        except httpx.HTTPError as exc:  # TransportError, and anything httpx says is HTTP's
            if time.monotonic() >= deadline.until:
                raise self._too_late(path, deadline) from None
            raise RetryableError(f"{path}: {type(exc).__name__}", reason="network") from None
        finally:
            _budgets.current = None
        if status == 429:
            raise RetryableError(
                f"{path}: rate limited",
                reason="rate_limited",
                retry_after=_retry_after(resp_headers),
            )
        if status >= 500:
            raise RetryableError(
                f"{path}: HTTP {status}",
                reason="server_error",
                retry_after=_retry_after(resp_headers),
            )
        if status >= 300:
            raise RejectedError(
                status,
                _problem(content) if status >= 400 else None,
                retry_after=_retry_after(resp_headers),
            )
        return status, content, resp_headers

    @staticmethod
    def _too_late(path: str, deadline: _Budget) -> RetryableError:
        # Bytes came but not all of them: the agency is there, answering very slowly.
        if deadline.received:
            return RetryableError(f"{path}: answered too slowly", reason="slow")
        return RetryableError(f"{path}: timed out", reason="timeout")


def _read_capped(response: httpx.Response) -> bytes:
    """The body, decompressed, never more than :data:`wire.MAX_RESPONSE_BYTES` either way."""
    cap = wire.MAX_RESPONSE_BYTES
    declared = response.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > cap:
        raise MalformedResponseError(f"response of {declared} bytes is over the cap")
    inflater = _Inflater.for_coding(response.headers.get("content-encoding", ""))
    chunks: list[bytes] = []
    raw = size = 0
    for chunk in response.iter_raw():
        raw += len(chunk)
        if raw > cap:
            raise MalformedResponseError("response body over the cap")
        for piece in inflater.inflate(chunk) if inflater is not None else (chunk,):
            size += len(piece)
            if size > cap:
                raise MalformedResponseError("response body over the cap once decompressed")
            chunks.append(piece)
    if inflater is not None:
        inflater.finish()
    return b"".join(chunks)


class _Inflater:
    """Inflates a gzip or deflate body piece by piece, a slice at a time.

    httpx inflates each network chunk whole, so one 64 KiB chunk of a gzip bomb became
    ~64 MB before any cap could look at it; here no call yields more than :data:`SLICE`.
    """

    SLICE: Final = 64 * 1024

    def __init__(self, gzip: bool) -> None:
        self._gzip = gzip
        self._d: Any = None

    @classmethod
    def for_coding(cls, encoding: str) -> _Inflater | None:
        """The inflater for a ``Content-Encoding``; None for an uncompressed body.

        Raises:
            MalformedResponseError: a coding this client did not ask for, or several.
        """
        codings = [c.strip().lower() for c in encoding.split(",")]
        codings = [c for c in codings if c and c != "identity"]
        if not codings:
            return None
        if len(codings) > 1 or codings[0] not in ("gzip", "x-gzip", "deflate"):
            raise MalformedResponseError("response in a content coding not asked for")
        return cls(gzip=codings[0] != "deflate")

    def inflate(self, chunk: bytes) -> Iterator[bytes]:
        """What ``chunk`` inflates to, in slices."""
        try:
            if self._d is None:
                if self._gzip:
                    wbits = 16 + zlib.MAX_WBITS
                else:  # "deflate" means zlib-wrapped, but many servers send it raw
                    wrapped = len(chunk) >= 2 and (chunk[0] * 256 + chunk[1]) % 31 == 0
                    wbits = zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS
                self._d = zlib.decompressobj(wbits)
            d, data = self._d, chunk
            while True:
                if d.eof and (data or d.unused_data):
                    raise MalformedResponseError("bytes after the end of the compressed body")
                out = d.decompress(data, self.SLICE)
                if out:
                    yield out
                if d.unused_data:
                    raise MalformedResponseError("bytes after the end of the compressed body")
                data = d.unconsumed_tail
                # A full slice may leave output pending inside zlib: ask again.
                if not data and len(out) < self.SLICE:
                    return
        except zlib.error:
            raise MalformedResponseError("compressed body is damaged") from None

    def finish(self) -> None:
        """Check that the compressed body was complete."""
        if self._d is None or not self._d.eof:
            raise MalformedResponseError("compressed body cut short")


def _problem(content: bytes) -> wire.Problem | None:
    try:
        return decode_answer(content, wire.Problem, "problem")
    except MalformedResponseError:
        return None
