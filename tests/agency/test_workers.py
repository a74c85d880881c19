"""Several server processes on one PostgreSQL database: interchangeable workers.

Real processes only: ``serve`` children (:class:`AgencyProcess`), the ``--workers``
supervisor, ``kill -9``.
"""

from __future__ import annotations

import os
import signal
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from talentdesk_agency import AgencyProcess, AgencyStore
from talentdesk_contract import wire
from talentdesk_contract.wire import ProblemType
from tests.reference_agency import Paired, PostgresServer, pair, query, run_cli

ESCALATION = {"level": "urgent", "at": "2025-05-01T21:05:00+07:00"}


@pytest.fixture
def pg_db(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh PostgreSQL agency database (the workers' tests are PostgreSQL's only)."""
    url = postgres_server.create()
    yield url
    postgres_server.drop(url)


@pytest.fixture
def two_servers(pg_db: str, tmp_path: Path) -> Iterator[tuple[AgencyProcess, AgencyProcess]]:
    """Two server processes on one database, each on its own port (so a test can choose)."""
    with (tmp_path / "servers.log").open("w") as log:
        servers = (
            AgencyProcess(pg_db, stderr=log, faults=True),
            AgencyProcess(pg_db, stderr=log, faults=True),
        )
        for server in servers:
            server.start()
        yield servers
        for server in servers:
            server.stop()


def runtime_state(url: str) -> dict[str, Any]:
    response = httpx.get(f"{url}/test/runtime", timeout=10)
    assert response.status_code == 200, response.text
    state: dict[str, Any] = response.json()
    return state


def escalate(client: httpx.Client, url: str, key: str) -> httpx.Response:
    return client.post(
        f"{url}/v1/escalations",
        json=ESCALATION,
        headers={wire.IDEMPOTENCY_KEY_HEADER: key},
        timeout=60,
    )


def wait_until_reserved(db: str, key: str) -> None:
    deadline = time.monotonic() + 10
    while not query(db, "SELECT 1 FROM idempotency WHERE key = ?", (key,)):
        assert time.monotonic() < deadline, "the first request never reserved its key"
        time.sleep(0.02)


def test_workers_on_sqlite_are_refused_with_a_reason(tmp_path: Path) -> None:
    result = run_cli(tmp_path / "agency.db", "serve", "--port", "0", "--workers", "2")
    assert result.returncode == 2
    assert "--workers needs PostgreSQL" in result.stderr
    assert not (tmp_path / "agency.db").exists()


def test_one_key_sent_to_two_workers_at_once_has_one_effect(
    two_servers: tuple[AgencyProcess, AgencyProcess], pg_db: str, request: pytest.FixtureRequest
) -> None:
    first, second = two_servers
    sari = pair(first.url, pg_db, "Sari")
    request.addfinalizer(sari.client.close)
    with AgencyStore(pg_db) as store:
        store.add_fault(path_prefix="/v1/escalations", kind="delay", delay_seconds=1.5)
    key = uuid.uuid4().hex
    with ThreadPoolExecutor(1) as pool:
        held = pool.submit(escalate, sari.client, first.url, key)
        wait_until_reserved(pg_db, key)
        # The other worker: the owner lives, so the answer is "in progress", not a second run.
        meanwhile = escalate(sari.client, second.url, key)
        assert meanwhile.status_code == 409, meanwhile.text
        problem = wire.decode(meanwhile.content, wire.Problem)
        assert problem.type == ProblemType.REQUEST_IN_PROGRESS
        answer = held.result(timeout=30)
    assert answer.status_code == 201, answer.text
    replay = escalate(sari.client, second.url, key)
    assert replay.status_code == 201
    assert replay.headers[wire.REPLAYED_HEADER] == "true"
    assert replay.content == answer.content
    assert query(pg_db, "SELECT count(*) FROM escalations") == [(1,)]


def test_a_request_of_a_killed_worker_is_taken_over_once(
    two_servers: tuple[AgencyProcess, AgencyProcess], pg_db: str, request: pytest.FixtureRequest
) -> None:
    first, second = two_servers
    sari = pair(second.url, pg_db, "Sari")
    request.addfinalizer(sari.client.close)
    with AgencyStore(pg_db) as store:
        store.add_fault(path_prefix="/v1/escalations", kind="delay", delay_seconds=60)
    key = uuid.uuid4().hex
    with ThreadPoolExecutor(1) as pool:
        held = pool.submit(escalate, sari.client, first.url, key)
        wait_until_reserved(pg_db, key)
        first.kill()  # mid-request, its key reserved
        with pytest.raises(httpx.TransportError):
            held.result(timeout=30)
    # The desk retries elsewhere: the owner is dead, so this worker takes the key over.
    retried = escalate(sari.client, second.url, key)
    assert retried.status_code == 201, retried.text
    assert wire.REPLAYED_HEADER not in retried.headers
    again = escalate(sari.client, second.url, key)
    assert again.headers[wire.REPLAYED_HEADER] == "true"
    assert query(pg_db, "SELECT count(*) FROM escalations") == [(1,)]


def test_a_stream_on_one_worker_shows_an_escalation_written_through_another(
    two_servers: tuple[AgencyProcess, AgencyProcess], pg_db: str, request: pytest.FixtureRequest
) -> None:
    first, second = two_servers
    sari = pair(second.url, pg_db, "Sari")
    request.addfinalizer(sari.client.close)
    with (
        httpx.Client(base_url=first.url, timeout=10) as console,
        console.stream("GET", "/test/escalations/stream") as stream,
    ):
        lines = stream.iter_lines()
        assert next(lines) == 'data: {"open":[]}'
        sent = time.monotonic()
        created = escalate(sari.client, second.url, uuid.uuid4().hex)
        assert created.status_code == 201, created.text
        escalation_id = created.json()["id"]
        line = next(line for line in lines if line.startswith("data:"))
        shown = time.monotonic()
    assert escalation_id in line
    assert shown - sent < 1.0


def test_the_timer_leader_moves_when_it_dies(
    two_servers: tuple[AgencyProcess, AgencyProcess],
) -> None:
    states = {server.url: runtime_state(server.url) for server in two_servers}
    [leader] = [s for s in two_servers if states[s.url]["leading"]]
    [standby] = [s for s in two_servers if s is not leader]
    leader.kill()
    killed = time.monotonic()
    while not runtime_state(standby.url)["leading"]:
        assert time.monotonic() - killed < 5, "no one took over the timers"
        time.sleep(0.05)


# --- the crash test ---------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()]


@pytest.mark.slow
def test_fifty_kill_9s_of_workers_lose_and_double_nothing(
    pg_db: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    kills_wanted = 50
    desks = 4
    with (tmp_path / "workers.log").open("w") as log:
        supervisor = AgencyProcess(
            pg_db, stderr=log, faults=True, extra_args=["--workers", "4", "--test-jobs"]
        )
        url = supervisor.start(timeout=60)
        request.addfinalizer(supervisor.stop)  # also when an assertion fails midway
        assert supervisor.pid is not None
        talents = [pair(url, pg_db, f"Talent {n}") for n in range(desks)]
        for talent in talents:
            request.addfinalizer(talent.client.close)
        sent: dict[str, str] = {}  # key -> escalation id
        retried = 0  # requests cut off by a kill (or refused meanwhile), sent again
        stop = threading.Event()
        lock = threading.Lock()

        def desk(talent: Paired) -> None:
            nonlocal retried
            while not stop.is_set():
                key = uuid.uuid4().hex
                # As the desk's outbox does: the same key until an answer, whatever fails.
                while True:
                    try:
                        response = escalate(talent.client, url, key)
                    except httpx.TransportError:
                        with lock:
                            retried += 1
                        time.sleep(0.02)
                        continue
                    if response.status_code == 201:
                        break
                    assert response.status_code in (409, 500, 502, 503), response.text
                    with lock:
                        retried += 1
                    time.sleep(0.05)
                with lock:
                    sent[key] = response.json()["id"]
                time.sleep(0.01)  # a desk's pace, leaving CPU for the workers' restarts

        leaders: set[str] = set()

        def leader_instance() -> tuple[str, int] | None:
            rows = query(
                pg_db,
                "SELECT id, pid FROM agency_workers WHERE leader = 1 AND seen_at > ?",
                (time.time() - 3,),
            )
            return (str(rows[0][0]), int(rows[0][1])) if rows else None

        threads = [threading.Thread(target=desk, args=(t,)) for t in talents]
        for thread in threads:
            thread.start()
        kills = 0
        started = time.monotonic()
        try:
            while kills < kills_wanted:
                assert time.monotonic() - started < 150, f"only {kills} kills"
                # Serving workers: the supervisor's children that have a heartbeat row.
                children = set(_children(supervisor.pid))
                beating = query(
                    pg_db, "SELECT pid FROM agency_workers WHERE seen_at > ?", (time.time() - 3,)
                )
                serving = sorted(children & {int(row[0]) for row in beating})
                if len(serving) < 2:  # keep one serving the desks while the other dies
                    time.sleep(0.02)
                    continue
                target = serving[kills % len(serving)]
                # Every fifth kill is the timer leader's, so leadership has to move.
                if kills % 5 == 0 and (found := leader_instance()) is not None:
                    leaders.add(found[0])
                    target = found[1] if found[1] in serving else target
                time.sleep(0.1)  # in the middle of the desks' writes
                os.kill(target, signal.SIGKILL)
                kills += 1
                while target in _children(supervisor.pid):
                    time.sleep(0.01)
        finally:
            stop.set()
            for thread in threads:
                thread.join(60)
        # Each escalation reminded once, by whichever process led at the time.
        deadline = time.monotonic() + 20
        while query(
            pg_db,
            "SELECT count(*) FROM escalations e WHERE NOT EXISTS "
            "(SELECT 1 FROM test_reminders r WHERE r.escalation_id = e.id)",
        ) != [(0,)]:
            assert time.monotonic() < deadline, "reminders were lost"
            time.sleep(0.1)
        if (found := leader_instance()) is not None:
            leaders.add(found[0])
        supervisor.stop()

    stored = {row[0] for row in query(pg_db, "SELECT id FROM escalations")}
    assert kills == kills_wanted
    assert len(sent) > kills_wanted  # the desks kept writing throughout
    assert retried > 0  # and kills cut some of their requests off
    assert stored == set(sent.values())  # nothing lost, nothing duplicated
    assert len(set(sent.values())) == len(sent)
    doubled = query(
        pg_db,
        "SELECT escalation_id, count(*) FROM test_reminders GROUP BY escalation_id "
        "HAVING count(*) > 1",
    )
    assert doubled == []
    senders = {row[0] for row in query(pg_db, "SELECT DISTINCT sent_by FROM test_reminders")}
    assert len(senders) >= 2  # the timer leader moved
    assert len(leaders) >= 2
