"""Test-mode probes of a running server process (``serve --test-faults`` only).

Tests and the load benchmark talk to real server processes over HTTP; this route lets
them see what happens inside one without a debugger, and is never served in production:
``GET /test/runtime`` answers this process's instance id, pid, whether it leads the
timers, how many waiters are parked, how many waiters each topic's changes woke, how
many ticks each job has run, and how many long-polls read the feed or were parked from
memory (``feed_polls``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import msgspec
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

if TYPE_CHECKING:
    from talentdesk_agency.runtime import ServerRuntime

__all__ = ["probe_routes"]


def probe_routes(
    runtime: Callable[[], ServerRuntime], feed_polls: Callable[[], Mapping[str, int]]
) -> list[Route]:
    """The probe routes, reading the runtime (and the feed's counts) as they are when
    asked."""

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
            "listener_catch_ups": (
                current.listener.catch_ups if current.listener is not None else 0
            ),
            "feed_polls": dict(feed_polls()),
        }
        return Response(msgspec.json.encode(body), media_type="application/json")

    return [Route("/test/runtime", state, methods=["GET"])]
