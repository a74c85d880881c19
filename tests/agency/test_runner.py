"""The server's runner: the HTTP parser and the event loop it serves with."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from talentdesk_agency import ServerThread
from talentdesk_agency.runner import HttpParser, LoopName, default_http, default_loop
from talentdesk_contract import wire
from talentdesk_contract.wire import ProblemType


def test_the_faster_parser_and_loop_are_the_defaults_where_installed() -> None:
    # Both are dependencies of the agency on Linux.
    assert (default_http(), default_loop()) == ("httptools", "uvloop")


@pytest.mark.parametrize(("http", "loop"), [("h11", "asyncio"), ("httptools", "uvloop")])
def test_the_server_serves_with_either_parser_and_loop(
    tmp_path: Path, http: HttpParser, loop: LoopName
) -> None:
    with ServerThread(tmp_path / "agency.db", http=http, loop=loop) as server:
        response = httpx.get(server.url + "/v1/health")
        assert response.status_code == 200
        assert wire.decode(response.content, wire.Health).status == "ok"
        # A bad body gets its problem answer (400, never 500) through either parser.
        bad = httpx.post(
            server.url + "/v1/pairing",
            content=b'{"code": "\xff"}',
            headers={"Content-Type": "application/json"},
        )
        assert bad.status_code == 400
        assert wire.decode(bad.content, wire.Problem).type == ProblemType.INVALID_UTF8
