"""One timer leader among the server processes of one database; the next takes over."""

from __future__ import annotations

import time
from typing import Any

import httpx

from talentdesk_agency import ServerThread
from talentdesk_agency.store import DbTarget


def state(server: ServerThread) -> dict[str, Any]:
    response = httpx.get(f"{server.url}/test/runtime", timeout=10)
    assert response.status_code == 200, response.text
    found: dict[str, Any] = response.json()
    return found


def test_one_of_two_servers_leads_and_the_other_takes_over(agency_db: DbTarget) -> None:
    first = ServerThread(agency_db, faults=True)
    second = ServerThread(agency_db, faults=True)
    first.start()
    second.start()
    try:
        deadline = time.monotonic() + 10
        while not (state(first)["leading"] or state(second)["leading"]):
            assert time.monotonic() < deadline, "nobody leads"
            time.sleep(0.05)
        states = [state(first), state(second)]
        assert [s["leading"] for s in states].count(True) == 1
        leader, standby = (first, second) if states[0]["leading"] else (second, first)
        # Only the leader ticks the jobs.
        assert state(leader)["ticks"]["idempotency purge"] >= 1
        assert state(standby)["ticks"]["idempotency purge"] == 0
        leader.stop()
        stopped = time.monotonic()
        # It leads, then ticks its jobs (the first tick right after taking over).
        while not state(standby)["ticks"].get("idempotency purge"):
            assert time.monotonic() - stopped < 5, "the standby never took over"
            time.sleep(0.05)
        assert state(standby)["leading"]
    finally:
        first.stop()
        second.stop()
