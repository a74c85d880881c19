"""The client against a raw loopback server: an overall deadline, capped inflating.

A tiny TCP server (no HTTP library) answers each connection with a script of bytes and
pauses, so the agency can drip even its status line and headers, a byte at a time, or
send a gzip bomb.
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
import tracemalloc
import zlib
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from talentdesk.sync.client import (
    MAX_RETRY_AFTER_SECONDS,
    AgencyClient,
    MalformedResponseError,
    RetryableError,
    _retry_after,
    backoff_delay,
)
from talentdesk_contract import wire

Script = Sequence[bytes | float]
PAGE = b'{"events": [], "cursor": 0}'


class RawAgency:
    """Answers every connection with ``script``: bytes are sent, numbers are pauses."""

    def __init__(self, script: Script) -> None:
        self.script = script
        self._stop = threading.Event()
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self.requests: list[bytes] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        self._sock.settimeout(0.1)
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                head += chunk
            self.requests.append(head)
            try:
                for step in self.script:
                    if isinstance(step, bytes):
                        conn.sendall(step)
                    elif self._stop.wait(step):
                        return
            except OSError:
                return  # the client hung up: what a deadline does

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self._sock.close()


@pytest.fixture
def raw() -> Iterator[list[RawAgency]]:
    made: list[RawAgency] = []
    yield made
    for agency in made:
        agency.close()


def serve(raw: list[RawAgency], *script: bytes | float) -> RawAgency:
    agency = RawAgency(script)
    raw.append(agency)
    return agency


def drip(data: bytes, every: float = 0.05) -> list[bytes | float]:
    """``data`` a byte at a time, ``every`` seconds apart."""
    return [step for byte in data for step in (bytes([byte]), every)]


def answer(body: bytes, *headers: str, status: str = "200 OK") -> bytes:
    lines = [f"HTTP/1.1 {status}", f"Content-Length: {len(body)}", *headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def failure(client: AgencyClient) -> tuple[RetryableError, float]:
    started = time.monotonic()
    with pytest.raises(RetryableError) as failed:
        client.feed(0, wait=0)
    return failed.value, time.monotonic() - started


# --------------------------------------------------------------------------- the deadline


def test_headers_dripped_a_byte_at_a_time_end_at_the_deadline(raw: list[RawAgency]) -> None:
    # Each read gets a byte within 50 ms, so a per-read timeout never fires: 10 s of this.
    agency = serve(raw, b"HTTP/1.1 200 OK\r\nX-Slow: ", *drip(b"a" * 200))
    client = AgencyClient(agency.url, "token-0123456789abcdef", timeout=0.5)
    error, took = failure(client)
    assert error.reason == "slow"  # bytes came: the agency is there, very slow
    assert took < 2.0
    client.close()


def test_a_body_dripped_a_byte_at_a_time_ends_at_the_deadline(raw: list[RawAgency]) -> None:
    body = PAGE + b" " * 200
    agency = serve(
        raw, answer(b"")[: -len(b"\r\n")], *[x for b in body for x in (bytes([b]), 0.05)]
    )
    client = AgencyClient(agency.url, "token-0123456789abcdef", timeout=0.5)
    error, took = failure(client)
    assert error.reason == "slow"
    assert took < 2.0
    client.close()


def test_silence_is_a_timeout_within_the_deadline(raw: list[RawAgency]) -> None:
    agency = serve(raw, 30.0)
    client = AgencyClient(agency.url, "token-0123456789abcdef", timeout=0.3)
    error, took = failure(client)
    assert error.reason == "timeout"
    assert took < 1.5
    client.close()


def test_a_long_poll_gets_its_wait_on_top_of_the_deadline(raw: list[RawAgency]) -> None:
    agency = serve(raw, 1.2, answer(PAGE, "Content-Type: application/json"))
    client = AgencyClient(agency.url, "token-0123456789abcdef", timeout=0.5)
    assert client.feed(0, wait=1).page.cursor == 0  # 1.2 s < 1 s wait + 0.5 s
    client.close()


def test_a_proxy_from_the_environment_is_held_to_the_deadline_too(
    raw: list[RawAgency], monkeypatch: pytest.MonkeyPatch
) -> None:
    proxy = serve(raw, b"HTTP/1.1 200 OK\r\nX-Slow: ", *drip(b"a" * 200))
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY"):
        monkeypatch.setenv(name, proxy.url)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    client = AgencyClient("http://127.0.0.1:9", "token-0123456789abcdef", timeout=0.5)
    error, took = failure(client)
    assert proxy.requests, "the request went through the proxy"
    assert error.reason == "slow" and took < 2.0
    client.close()


# --------------------------------------------------------------------------- inflating


def bomb(inflated: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(1024 * 1024)
    return b"".join(
        [*(packer.compress(zeros) for _ in range(inflated // len(zeros))), packer.flush()]
    )


def test_a_gzip_bomb_stops_at_the_cap_without_inflating_it(raw: list[RawAgency]) -> None:
    body = bomb(256 * 1024 * 1024)  # ~250 KB on the wire
    agency = serve(raw, answer(body, "Content-Encoding: gzip"))
    client = AgencyClient(agency.url, "token-0123456789abcdef", timeout=5)
    tracemalloc.start()
    try:
        with pytest.raises(MalformedResponseError, match="over the cap once decompressed"):
            client.feed(0, wait=0)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # The cap (4 MiB) and slices of 64 KiB, not a 64 MB chunk inflated whole.
    assert peak < 3 * wire.MAX_RESPONSE_BYTES, f"peak {peak / 2**20:.1f} MiB"
    client.close()


@pytest.mark.parametrize(
    ("coding", "packed"),
    [
        ("gzip", gzip.compress(PAGE)),
        ("x-gzip", gzip.compress(PAGE)),
        ("deflate", zlib.compress(PAGE)),  # zlib-wrapped, as the RFC means it
        ("deflate", zlib.compress(PAGE)[2:-4]),  # raw, as many servers send it
        ("identity", PAGE),
    ],
)
def test_honest_compressed_answers_read(raw: list[RawAgency], coding: str, packed: bytes) -> None:
    agency = serve(raw, answer(packed, f"Content-Encoding: {coding}"))
    client = AgencyClient(agency.url, "token-0123456789abcdef", timeout=5)
    assert client.feed(0, wait=0).page == wire.FeedPage(events=(), cursor=0)
    client.close()


@pytest.mark.parametrize(
    ("coding", "packed", "why"),
    [
        ("br", PAGE, "not asked for"),
        ("gzip, gzip", gzip.compress(gzip.compress(PAGE)), "not asked for"),
        ("gzip", gzip.compress(PAGE)[:-6], "cut short"),
        ("gzip", gzip.compress(PAGE) + b"trailing", "after the end"),
        ("gzip", b"\x1f\x8b not gzip at all", "damaged"),
    ],
)
def test_dishonest_compressed_answers_are_malformed(
    raw: list[RawAgency], coding: str, packed: bytes, why: str
) -> None:
    agency = serve(raw, answer(packed, f"Content-Encoding: {coding}"))
    client = AgencyClient(agency.url, "token-0123456789abcdef", timeout=5)
    with pytest.raises(MalformedResponseError, match=why):
        client.feed(0, wait=0)
    client.close()


# --------------------------------------------------------------------------- Retry-After


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("120", 120.0),
        ("1000000000", 1e9),  # as sent: the service caps it, and says so
        ("-5", 0.0),
        ("nan", None),
        ("inf", float("inf")),
        ("soon", None),
        ("Mon, 99 Foo 2026 99:99:99 GMT", None),
        ("\x00", None),
    ],
)
def test_retry_after_reads_whatever_comes(value: str, seconds: float | None) -> None:
    assert _retry_after({"retry-after": value}) == seconds


def test_retry_after_as_a_date() -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=90), usegmt=True)
    got = _retry_after({"retry-after": when})
    assert got is not None and 80 <= got <= 90


def test_backoff_honours_retry_after_up_to_five_minutes() -> None:
    assert backoff_delay(1, retry_after=1e9) == MAX_RETRY_AFTER_SECONDS
    assert backoff_delay(1, retry_after=float("inf")) == MAX_RETRY_AFTER_SECONDS
    assert 7 <= backoff_delay(1, retry_after=7) <= 7.5
    assert backoff_delay(40, urgent=True) <= 2.0
    assert 0.01 <= backoff_delay(1, step=0.01) <= 0.02
