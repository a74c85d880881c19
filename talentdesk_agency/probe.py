"""Test-mode probes of a running server process (``serve --test-faults`` only).

Tests and the load benchmark talk to real server processes over HTTP; these routes let
them see what happens inside one without a debugger, and are never served in production:

* ``GET /test/runtime``: this process's instance id, pid, whether it leads the timers, how
  many waiters are parked, and how many waiters each topic's changes woke.
* ``GET /test/escalations/stream``: a server-sent-events stream of the open escalations'
  ids, sent at once and after each change of the escalations topic, as a supervisors'
  console would show them (ids only, never text).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TYPE_CHECKING, Any, Final

import msgspec
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from talentdesk_agency.store.feed import ESCALATIONS_TOPIC

if TYPE_CHECKING:
    from talentdesk_agency.runtime import ServerRuntime
    from talentdesk_agency.store import AgencyStore

__all__ = ["probe_routes"]

#: Seconds between keep-alive comments on an idle stream.
_STREAM_HEARTBEAT: Final = 15.0


def probe_routes(
    runtime: Callable[[], ServerRuntime],
    store: Callable[[], AgencyStore],
    db: Callable[..., Awaitable[Any]],
) -> list[Route]:
    """The probe routes, reading the runtime and store as they are when asked."""

    async def state(request: Request) -> Response:
        current = runtime()
        body = {
            "instance": current.instance,
            "pid": os.getpid(),
            "leading": current.leading,
            "waiting": current.hub.waiting,
            "woken": dict(current.hub.woken),
            "ticks": current.leader.ticks,
            "listener_connections": (
                current.listener.connections if current.listener is not None else 0
            ),
        }
        return Response(msgspec.json.encode(body), media_type="application/json")

    async def escalations(request: Request) -> Response:
        hub = runtime().hub
        current = store()

        def open_ids() -> list[str]:
            return sorted(row.id for row in current.escalations(open_only=True))

        async def events() -> AsyncIterator[bytes]:
            shown: list[str] | None = None
            async for woke in hub.watch(ESCALATIONS_TOPIC, _STREAM_HEARTBEAT):
                # Re-read on each heartbeat too: a relayed wake-up lost in a crash costs
                # one heartbeat, never a missed escalation.
                ids = await db(open_ids)
                if woke or ids != shown:
                    shown = ids
                    yield b"data: " + msgspec.json.encode({"open": ids}) + b"\n\n"
                else:
                    yield b": keep-alive\n\n"

        return StreamingResponse(
            events(),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )

    return [
        Route("/test/runtime", state, methods=["GET"]),
        Route("/test/escalations/stream", escalations, methods=["GET"]),
    ]
