"""Injected faults: a test instrument, never part of the production request path.

Tests and screenshot tools drive a real server into 429s, 5xx, timeouts, malformed JSON
and oversized bodies by writing rows to the faults table (``talentdesk-agency fault``,
or ``AgencyStore.add_fault`` from another process). Only a server started in test mode
(``ServerThread(..., faults=True)``, ``AgencyProcess(..., faults=True)``,
``serve --test-faults``) installs :class:`FaultMiddleware`, which looks the table up
before each request. A production server has no such middleware and never reads the
table.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Final

from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from talentdesk_agency.problems import ApiError
from talentdesk_agency.store import Fault
from talentdesk_contract import wire
from talentdesk_contract.wire import ProblemType

__all__ = ["FaultMiddleware"]

log = logging.getLogger("talentdesk.agency")

_WRITE_METHODS: Final = frozenset({"POST", "PUT", "PATCH", "DELETE"})
#: Where a delay fault on a write leaves its seconds for :meth:`FaultMiddleware.hold_write`.
_HOLD_KEY: Final = "talentdesk_fault_hold_seconds"

TakeFault = Callable[[str, str], Awaitable[Fault | None]]


class FaultMiddleware:
    """Applies the next matching injected fault to each request.

    Args:
        app: The application behind it.
        take: Consumes one use of the oldest fault matching (method, path), if any.
    """

    def __init__(self, app: ASGIApp, take: TakeFault) -> None:
        self.app = app
        self._take = take

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not await self._apply(scope, receive, send):
            await self.app(scope, receive, send)

    async def _apply(self, scope: Scope, receive: Receive, send: Send) -> bool:
        """Apply a fault if one matches. Returns True if the answer was sent."""
        method, path = scope["method"], scope["path"]
        fault = await self._take(method, path)
        if fault is None:
            return False
        log.info("injecting fault %d (%s) on %s %s", fault.id, fault.kind, method, path)
        headers = {} if fault.retry_after is None else {"Retry-After": str(fault.retry_after)}
        response: Response
        if fault.kind == "status":
            error = ApiError(
                fault.status,
                ProblemType.INJECTED_FAULT,
                f"Fault {fault.id} injected by agency staff (status {fault.status}).",
                headers=headers,
            )
            response = Response(
                error.body(),
                status_code=error.status,
                media_type=wire.PROBLEM_CONTENT_TYPE,
                headers=error.headers,
            )
        elif fault.kind == "malformed_json":
            # Cut off mid-document, as a proxy dropping the connection would leave it.
            body = b'{"events": [{"seq": 1, "type": "booking.cre'
            response = Response(body, media_type="application/json", headers=headers)
        elif fault.kind == "oversize":
            padding = b"x" * (wire.MAX_RESPONSE_BYTES + 1024 * 1024)
            body = b'{"events": [], "cursor": 0, "padding": "' + padding + b'"}'
            response = Response(body, media_type="application/json", headers=headers)
        else:  # delay
            if method in _WRITE_METHODS:
                # Held later, after the write's key is reserved (see hold_write).
                scope.setdefault("state", {})[_HOLD_KEY] = fault.delay_seconds
            else:
                await asyncio.sleep(fault.delay_seconds)
            return False
        await response(scope, receive, send)
        return True

    @staticmethod
    def holds(scope: Scope) -> bool:
        """Whether this request met a delay fault that :meth:`hold_write` will apply."""
        return bool(scope.get("state", {}).get(_HOLD_KEY))

    @staticmethod
    async def hold_write(scope: Scope) -> None:
        """Hold a write whose request met a delay fault.

        The server calls this after the write's ``Idempotency-Key`` is reserved: exactly
        the window in which a client's timed-out retry must get 409, not a second write.
        """
        delay = scope.get("state", {}).get(_HOLD_KEY)
        if delay:
            await asyncio.sleep(delay)
