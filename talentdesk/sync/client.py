"""The app's HTTP client of Agency API v1.

One request, one answer: no loops here. The sync worker decides when to retry,
using the error classes below, so the talent can be told "retrying in N s"
and why. Every response body is size-capped while it streams in and strictly
decoded before use.
"""

from __future__ import annotations

import ipaddress
import logging
import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit

import msgspec

from talentdesk_contract import wire

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Ceiling of the normal retry backoff, and of the urgent one (DESIGN: "near 2 s").
MAX_BACKOFF_SECONDS = 60.0
MAX_URGENT_BACKOFF_SECONDS = 2.0
#: Most a Retry-After may make us wait; a broken agency must not park us for a day.
MAX_RETRY_AFTER_SECONDS = 300.0


class SyncError(Exception):
    """Base of every error the client raises."""

    #: A short machine reason the UI turns into words.
    reason = "error"


class InsecureUrlError(SyncError):
    """Plain http to a host that is not loopback: the token would cross the network in clear."""

    reason = "insecure_url"


class RetryableError(SyncError):
    """Worth trying again later: network errors, timeouts, 429, 5xx.

    Attributes:
        retry_after: the server's ``Retry-After`` in seconds, if it sent one.
    """

    reason = "retryable"

    def __init__(self, message: str, *, reason: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.retry_after = retry_after


class RejectedError(SyncError):
    """The agency refused the request (a 4xx other than 429): retrying would not help.

    Attributes:
        status: the HTTP status.
        problem: the agency's problem document, when it sent a valid one.
    """

    reason = "rejected"

    def __init__(self, status: int, problem: wire.Problem | None) -> None:
        detail = problem.detail if problem else ""
        super().__init__(f"HTTP {status}: {problem.title if problem else ''} {detail}".strip())
        self.status = status
        self.problem = problem
        if status == 401:
            self.reason = "unauthorized"


class MalformedResponseError(SyncError):
    """The agency's answer was too large, not JSON, or of the wrong shape.

    Retrying may help (a proxy hiccup), so the worker backs off as for a 5xx.
    """

    reason = "malformed"


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


def backoff_delay(
    attempt: int,
    *,
    urgent: bool = False,
    retry_after: float | None = None,
    rng: random.Random | None = None,
) -> float:
    """Capped exponential backoff with full jitter, honouring ``Retry-After``.

    Args:
        attempt: 1 for the first retry.
        urgent: urgent items (escalations) cap near 2 s.
        retry_after: the server's wish, which wins when larger than our own delay.
        rng: for tests.
    """
    cap = MAX_URGENT_BACKOFF_SECONDS if urgent else MAX_BACKOFF_SECONDS
    base = min(cap, 0.25 * 2 ** min(attempt, 16))
    delay = (rng or random).uniform(base / 2, base)
    if retry_after is not None:
        delay = max(delay, min(retry_after, MAX_RETRY_AFTER_SECONDS))
    return delay


def _retry_after(headers: Mapping[str, str]) -> float | None:
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime  # rare (an HTTP date); ~20 ms to import

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


@dataclass(frozen=True)
class WriteResult:
    """The agency's answer to a write: status, raw JSON body, and whether it was a replay."""

    status: int
    body: bytes
    replayed: bool


class AgencyClient:
    """Agency API v1 over one ``httpx.Client``. Thread-safe for the requests it makes.

    Args:
        base_url: the agency's address (checked by :func:`check_agency_url`).
        token: the device token, or None before pairing.
        timeout: seconds for connect/read beyond a long-poll's own wait.
        transport: an httpx transport, for unit tests of error mapping only.
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
        self._http = httpx.Client(
            base_url=self.base_url,
            timeout=httpx.Timeout(timeout),
            transport=transport,
            follow_redirects=False,  # a redirect could carry the token to another host
            headers={"Accept": "application/json", "User-Agent": "TalentDesk"},
        )

    def close(self) -> None:
        self._http.close()

    @property
    def paired(self) -> bool:
        return self._token is not None

    # ------------------------------------------------------------------ calls

    def health(self) -> wire.Health:
        return self._request("GET", "/v1/health", wire.Health, auth=False)

    def pair(self, code: str, device_name: str) -> wire.PairingResponse:
        """Exchange a one-time code for a device token (not kept here: the caller stores it)."""
        body = wire.encode(wire.PairingRequest(code=code.strip(), device_name=device_name))
        return self._request("POST", "/v1/pairing", wire.PairingResponse, body=body, auth=False)

    def feed(self, after: int, wait: int, limit: int = wire.MAX_FEED_LIMIT) -> wire.FeedPage:
        """Long-poll the feed: events after ``after``, waiting up to ``wait`` seconds."""
        wait = max(0, min(wait, wire.MAX_FEED_WAIT_SECONDS))
        return self._request(
            "GET",
            "/v1/feed",
            wire.FeedPage,
            params={"after": after, "wait": wait, "limit": limit},
            read_timeout=wait + self._timeout,
        )

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

    def _request(
        self,
        method: str,
        path: str,
        kind: type[T],
        *,
        body: bytes | None = None,
        params: Mapping[str, int | str] | None = None,
        auth: bool = True,
        read_timeout: float | None = None,
    ) -> T:
        _, content, _ = self._send(
            method, path, body=body, params=params, auth=auth, read_timeout=read_timeout
        )
        try:
            return wire.decode(content, kind)
        except msgspec.DecodeError as exc:  # ValidationError is a DecodeError too
            raise MalformedResponseError(f"{path}: {exc}") from None

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
        try:
            with self._http.stream(
                method, path, content=body, params=params, headers=all_headers, timeout=timeout
            ) as response:
                content = self._read_capped(response)
                status, resp_headers = response.status_code, response.headers
        except httpx.TimeoutException:
            raise RetryableError(f"{path}: timed out", reason="timeout") from None
        except httpx.TransportError as exc:
            raise RetryableError(f"{path}: {type(exc).__name__}", reason="network") from None
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
        if status >= 400:
            raise RejectedError(status, _problem(content))
        if status >= 300:
            raise RejectedError(status, None)
        return status, content, resp_headers

    @staticmethod
    def _read_capped(response: httpx.Response) -> bytes:
        declared = response.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > wire.MAX_RESPONSE_BYTES:
            raise MalformedResponseError(f"response of {declared} bytes is over the cap")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > wire.MAX_RESPONSE_BYTES:
                raise MalformedResponseError("response body over the cap")
            chunks.append(chunk)
        return b"".join(chunks)


def _problem(content: bytes) -> wire.Problem | None:
    try:
        return wire.decode(content, wire.Problem)
    except msgspec.DecodeError:
        return None
