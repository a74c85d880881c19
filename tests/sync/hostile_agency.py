"""A fake agency on loopback that switches between good and hostile answers.

Real HTTP: uvicorn (over h11) on a port of its own. By default every request is served by
the real reference agency (:class:`talentdesk_agency.app.AgencyApp` over the test's
database), so pairing, bookings pushed by staff, answers and escalations are the real
thing. A test sets hostile answers for a path (and for one talent's token): a body with
bad bytes, one that drips a byte at a time, a gzip bomb, a status, the real answer with
its body rewritten, anything a function of the request returns. :meth:`behave` goes
back to good behaviour.

Every request is logged (when, method, path, query, token), and the bodies of the good
feed pages passed through are kept per token, so a test can replay them later.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import threading
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import uvicorn
from starlette.types import Message, Receive, Scope, Send

from talentdesk_agency.app import AgencyApp
from talentdesk_agency.runner import base_url, bind_socket
from talentdesk_contract import wire


@dataclass(frozen=True)
class Seen:
    """One request the agency got."""

    at: float  # time.monotonic()
    method: str
    path: str
    query: dict[str, str]
    token: str | None


class Answer:
    """A hostile answer; :meth:`serve` writes it."""

    async def serve(
        self, agency: HostileAgency, scope: Scope, receive: Receive, send: Send
    ) -> None:
        raise NotImplementedError


@dataclass(frozen=True)
class Reply(Answer):
    """A status, headers and body, as given (bytes need not be UTF-8, nor JSON)."""

    status: int = 200
    body: bytes = b""
    headers: Sequence[tuple[str, str]] = ()
    content_type: str = "application/json"

    async def serve(
        self, agency: HostileAgency, scope: Scope, receive: Receive, send: Send
    ) -> None:
        await _drain(receive)
        headers = [(b"content-type", self.content_type.encode())]
        headers += [(k.lower().encode(), v.encode()) for k, v in self.headers]
        headers.append((b"content-length", str(len(self.body)).encode()))
        await send({"type": "http.response.start", "status": self.status, "headers": headers})
        await send({"type": "http.response.body", "body": self.body})


@dataclass(frozen=True)
class Drip(Answer):
    """A 200 whose body comes ``size`` bytes every ``every`` seconds: the agency is there,
    answering very slowly."""

    body: bytes
    every: float = 0.2
    size: int = 1

    async def serve(
        self, agency: HostileAgency, scope: Scope, receive: Receive, send: Send
    ) -> None:
        await _drain(receive)
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(self.body)).encode()),
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        for at in range(0, len(self.body), self.size):
            if await agency.closing(self.every):
                return
            piece = self.body[at : at + self.size]
            await send({"type": "http.response.body", "body": piece, "more_body": True})
        await send({"type": "http.response.body", "body": b""})


@dataclass(frozen=True)
class Rewrite(Answer):
    """The reference agency's real answer, with its body (and status) changed."""

    body: Callable[[bytes], bytes]
    status: int | None = None

    async def serve(
        self, agency: HostileAgency, scope: Scope, receive: Receive, send: Send
    ) -> None:
        status, headers, body = await agency.reference_answer(scope, receive)
        await Reply(
            status=self.status or status,
            body=self.body(body),
            headers=[(k, v) for k, v in headers if k not in ("content-length", "content-type")],
        ).serve(agency, scope, _nothing, send)


@dataclass(frozen=True)
class Custom(Answer):
    """Whatever ``make(seen)`` returns, for this very request."""

    make: Callable[[Seen], Answer]

    async def serve(
        self, agency: HostileAgency, scope: Scope, receive: Receive, send: Send
    ) -> None:
        await self.make(agency.seen_of(scope)).serve(agency, scope, receive, send)


@dataclass
class _Rule:
    path: str
    answer: Answer
    times: int | None
    token: str | None
    method: str | None


@dataclass
class HostileAgency:
    """The fake agency over the reference agency's database ``db``."""

    db: Path
    reference: AgencyApp = field(init=False)
    log: list[Seen] = field(default_factory=list)
    pages: dict[str, list[bytes]] = field(default_factory=dict)
    _rules: list[_Rule] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: uvicorn.Server | None = None
    _thread: threading.Thread | None = None
    _loop: asyncio.AbstractEventLoop | None = None
    _closing: asyncio.Event | None = None
    url: str = ""

    def __post_init__(self) -> None:
        self.reference = AgencyApp(self.db, feed_poll_interval=0.02)

    # ------------------------------------------------------------------ the test's side

    def answer(
        self,
        path: str,
        answer: Answer,
        *,
        times: int | None = None,
        token: str | None = None,
        method: str | None = None,
    ) -> None:
        """Answer requests whose path starts with ``path`` with ``answer``.

        ``times`` requests (None: until :meth:`behave`), only with ``token`` if given.
        The rule set first is used first.
        """
        with self._lock:
            self._rules.append(_Rule(path, answer, times, token, method))

    def behave(self) -> None:
        """Good behaviour again: the reference agency answers everything."""
        with self._lock:
            self._rules.clear()

    def requests(self, path: str, token: str | None = None, since: float = 0.0) -> list[Seen]:
        """The requests made to ``path`` (by ``token``), from ``since`` on."""
        with self._lock:
            return [
                seen
                for seen in self.log
                if seen.path.startswith(path)
                and seen.at >= since
                and (token is None or seen.token == token)
            ]

    # ------------------------------------------------------------------ ASGI

    def seen_of(self, scope: Scope) -> Seen:
        query = {k: v[-1] for k, v in parse_qs(scope.get("query_string", b"").decode()).items()}
        token = None
        for name, value in scope.get("headers", []):
            if name == b"authorization" and value.startswith(b"Bearer "):
                token = value[7:].decode("latin-1")
        return Seen(time.monotonic(), scope["method"], scope["path"], query, token)

    def _rule_for(self, seen: Seen, *, log: bool = True) -> Answer | None:
        with self._lock:
            if log:
                self.log.append(seen)
            for rule in self._rules:
                if not seen.path.startswith(rule.path):
                    continue
                if rule.token is not None and seen.token != rule.token:
                    continue
                if rule.method is not None and seen.method != rule.method:
                    continue
                if rule.times is not None:
                    rule.times -= 1
                    if rule.times == 0:
                        self._rules.remove(rule)
                return rule.answer
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.reference.asgi(scope, receive, send)
            return
        seen = self.seen_of(scope)
        answer = self._rule_for(seen)
        if answer is not None:
            await answer.serve(self, scope, receive, send)
            return
        if seen.path != "/v1/feed" or seen.token is None:
            await self.reference.asgi(scope, receive, send)
            return
        status, headers, body = await self._long_poll(scope, seen)
        if isinstance(status, Answer):
            await status.serve(self, scope, _nothing, send)  # a rule set while it waited
            return
        if status == 200:
            with self._lock:
                self.pages.setdefault(seen.token, []).append(body)
        await Reply(
            status=status,
            body=body,
            headers=[(k, v) for k, v in headers if k not in ("content-length", "content-type")],
        ).serve(self, scope, _nothing, send)

    async def _long_poll(
        self, scope: Scope, seen: Seen
    ) -> tuple[int | Answer, list[tuple[str, str]], bytes]:
        """The reference agency's long-poll, held here: asked with ``wait=0`` every 20 ms,
        so a rule a test sets meanwhile answers a poll already waiting."""
        wait = float(seen.query.get("wait", "0") or 0)
        query = {**seen.query, "wait": "0"}
        asking = {**scope, "query_string": "&".join(f"{k}={v}" for k, v in query.items())}
        asking["query_string"] = asking["query_string"].encode()
        until = time.monotonic() + wait
        while True:
            status, headers, body = await self.reference_answer(asking, _nothing)
            empty = status == 200 and b'"events":[]' in body.replace(b" ", b"")
            if not empty or time.monotonic() >= until:
                return status, headers, body
            if await self.closing(0.02):
                return status, headers, body
            rule = self._rule_for(seen, log=False)
            if rule is not None:
                return rule, [], b""

    async def reference_answer(
        self, scope: Scope, receive: Receive
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        """What the reference agency answers to this request."""
        started: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                started.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.reference.asgi(scope, receive, keep)
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in started["headers"]]
        return int(started["status"]), headers, b"".join(chunks)

    async def closing(self, seconds: float) -> bool:
        """Sleep ``seconds``; True at once if the agency is shutting down."""
        assert self._closing is not None
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._closing.wait(), seconds)
        return self._closing.is_set()

    # ------------------------------------------------------------------ running

    def start(self) -> str:
        sock = bind_socket("127.0.0.1", 0)
        self.url = base_url(sock)
        config = uvicorn.Config(
            self,
            http="h11",
            ws="none",
            lifespan="on",
            access_log=False,
            log_config=None,
            log_level="warning",
            timeout_graceful_shutdown=1,
        )
        server = uvicorn.Server(config)
        agency = self

        async def serve() -> None:
            agency._loop = asyncio.get_running_loop()
            agency._closing = asyncio.Event()
            await server.serve([sock])

        self._server = server
        self._thread = threading.Thread(target=lambda: asyncio.run(serve()), daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 15
        while not server.started:
            assert time.monotonic() < deadline, "the hostile agency did not start"
            time.sleep(0.01)
        return self.url

    def stop(self) -> None:
        loop, server = self._loop, self._server
        if loop is not None and server is not None:

            def begin() -> None:
                assert self._closing is not None
                self._closing.set()
                self.reference.begin_shutdown()

            loop.call_soon_threadsafe(begin)
            server.should_exit = True
        if self._thread is not None:
            self._thread.join(10)


async def _drain(receive: Receive) -> None:
    """Read the request body (a polite server does, before it answers)."""
    while True:
        message = await receive()
        if message["type"] != "http.request" or not message.get("more_body"):
            return


async def _nothing() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


# ---------------------------------------------------------------------------- bodies


def problem(status: int, kind: str, detail: str = "said the fake agency") -> bytes:
    """A problem document (RFC 9457) as the contract shapes it."""
    return json.dumps(
        {"type": kind, "title": "Refused", "status": status, "detail": detail}
    ).encode()


def page(events: Sequence[bytes], cursor: int) -> bytes:
    """A feed page from raw event objects (each any bytes at all)."""
    return b'{"events": [' + b",".join(events) + b'], "cursor": ' + str(cursor).encode() + b"}"


def event(seq: int, data: bytes, kind: str = "booking.created") -> bytes:
    """A raw feed event whose ``data`` is any bytes at all."""
    head = {"seq": seq, "type": kind, "at": "2026-11-22T14:00:00+00:00"}
    return json.dumps(head).encode()[:-1] + b', "data": ' + data + b"}"


def deep(levels: int = 100_000) -> bytes:
    """Arrays nested ``levels`` deep: more than any recursive decoder survives."""
    return b"[" * levels + b"]" * levels


@functools.cache
def gzip_bomb(inflated: int = 64 * 1024 * 1024) -> bytes:
    """A gzip body of some 64 KB that inflates to ``inflated`` bytes of zeros (one network
    chunk, which httpx would inflate whole)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(1024 * 1024)
    out = [packer.compress(zeros) for _ in range(inflated // len(zeros))]
    return b"".join([*out, packer.flush()])


def empty_page_for(seen: Seen) -> Answer:
    """An empty page at once, whatever the wait asked (a server that never holds a poll)."""
    return Reply(200, page([], int(seen.query.get("after", "0"))))


__all__ = [
    "Answer",
    "Custom",
    "Drip",
    "HostileAgency",
    "Reply",
    "Rewrite",
    "Seen",
    "deep",
    "empty_page_for",
    "event",
    "gzip_bomb",
    "page",
    "problem",
    "wire",
]
