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
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from talentdesk_agency import AgencyProcess, AgencyStore
from talentdesk_agency.store.dialect import lock_key
from talentdesk_agency.store.records import iso
from talentdesk_contract import wire
from talentdesk_contract.wire import ProblemType
from tests.agency.console.conftest import (
    ADMIN,
    SUPERVISOR,
    add_staff,
    csrf_of,
    queue_updates,
    sign_in,
)
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
    # The desk retries elsewhere: the owner is dead, so this worker takes the key over
    # (once PostgreSQL has seen the dead process's connection close; until then, 409).
    deadline = time.monotonic() + 5
    while (retried := escalate(sari.client, second.url, key)).status_code == 409:
        assert time.monotonic() < deadline, "the dead worker's key was never taken over"
        time.sleep(0.05)
    assert retried.status_code == 201, retried.text
    assert wire.REPLAYED_HEADER not in retried.headers
    again = escalate(sari.client, second.url, key)
    assert again.headers[wire.REPLAYED_HEADER] == "true"
    assert query(pg_db, "SELECT count(*) FROM escalations") == [(1,)]


def test_a_console_on_one_worker_shows_an_escalation_written_through_another(
    two_servers: tuple[AgencyProcess, AgencyProcess], pg_db: str, request: pytest.FixtureRequest
) -> None:
    first, second = two_servers
    add_staff(pg_db)
    sari = pair(second.url, pg_db, "Sari")
    request.addfinalizer(sari.client.close)
    # Signed in through the second worker; the session is a row, so the first knows it.
    supervisor = sign_in(second.url, SUPERVISOR)
    request.addfinalizer(supervisor.close)
    with supervisor.stream("GET", f"{first.url}/console/events") as stream:
        updates = queue_updates(stream.iter_lines())
        assert next(updates)["unacknowledged"] == []
        sent = time.monotonic()
        created = escalate(sari.client, second.url, uuid.uuid4().hex)
        assert created.status_code == 201, created.text
        escalation_id = created.json()["id"]
        shown = next(u for u in updates if u["unacknowledged"])
        elapsed = time.monotonic() - sent
        assert shown["unacknowledged"] == [escalation_id]
        assert elapsed < 1.0, f"the row took {elapsed:.2f} s"
        # Taken through the second worker with the CSRF token of a page from the first:
        # the first worker's stream shows it taken.
        queue = supervisor.get(f"{first.url}/console/queue")
        taken = supervisor.post(
            f"{second.url}/console/escalations/{escalation_id}/ack",
            data={"csrf": csrf_of(queue.text)},
            headers={"Origin": second.url},
        )
        assert taken.status_code == 303, taken.text
        after = next(updates)
    assert after["unacknowledged"] == []
    assert f'id="row-{escalation_id}"' in after["rows"] and SUPERVISOR in after["rows"]


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


def test_a_leader_killed_mid_policy_loses_no_round_and_doubles_none(
    two_servers: tuple[AgencyProcess, AgencyProcess], pg_db: str, request: pytest.FixtureRequest
) -> None:
    import psycopg

    states = {server.url: runtime_state(server.url) for server in two_servers}
    [leader] = [s for s in two_servers if states[s.url]["leading"]]
    [standby] = [s for s in two_servers if s is not leader]
    add_staff(pg_db)
    with AgencyStore(pg_db) as store:
        for name in (ADMIN, SUPERVISOR):  # two supervisors on duty: two notices a round
            member = store.staff.by_name(name)
            assert member is not None
            store.staff.set_on_duty(member, True)
    sari = pair(standby.url, pg_db, "Sari")
    request.addfinalizer(sari.client.close)
    ids = []
    for _ in range(3):
        created = escalate(sari.client, standby.url, uuid.uuid4().hex)
        assert created.status_code == 201, created.text
        ids.append(created.json()["id"])
    with psycopg.connect(pg_db, autocommit=True) as holder, psycopg.connect(pg_db) as blocker:
        # Hold every feed's append lock: the leader's tick records a round, then waits
        # to tell the talent's feed, with its transaction open.
        blocker.execute("SELECT pg_advisory_xact_lock(%s)", (lock_key("feeds"),))
        for escalation_id in ids:  # waiting 61 s: the first round is due
            [(created_at,)] = query(
                pg_db, "SELECT created_at FROM escalations WHERE id = ?", (escalation_id,)
            )
            earlier = datetime.fromisoformat(created_at) - timedelta(seconds=61)
            holder.execute(
                "UPDATE escalations SET created_at = %s WHERE id = %s",
                (iso(earlier), escalation_id),
            )
        deadline = time.monotonic() + 10
        mid_tick = "SELECT count(*) FROM pg_locks w JOIN pg_locks h ON h.pid = w.pid " + (
            "WHERE NOT w.granted AND w.locktype = 'advisory' AND h.granted "
            "AND h.locktype = 'relation' AND h.relation = 'escalation_rounds'::regclass "
            "AND h.mode = 'RowExclusiveLock'"
        )
        while holder.execute(mid_tick).fetchone() != (1,):
            assert time.monotonic() < deadline, "the leader's tick never reached the feed"
            time.sleep(0.02)
        leader.kill()  # mid-policy: a round inserted, not committed
        killed = time.monotonic()
        while not runtime_state(standby.url)["leading"]:
            assert time.monotonic() - killed < 5, "no one took over the timers"
            time.sleep(0.05)
        blocker.rollback()  # the dead leader's transaction can end now (rolled back)
    deadline = time.monotonic() + 10
    while query(pg_db, "SELECT count(*) FROM escalation_rounds") != [(len(ids),)]:
        assert time.monotonic() < deadline, "a round was lost"
        time.sleep(0.05)
    time.sleep(1.5)  # the new leader ticks again meanwhile: nothing more may appear
    rounds = query(pg_db, "SELECT escalation_id, kind, round FROM escalation_rounds")
    assert sorted(rounds) == sorted((i, "realert", 1) for i in ids)
    told = query(pg_db, "SELECT type FROM events WHERE type = 'escalation.alerted_again'")
    assert len(told) == len(ids)  # one feed event per round, none from the dead leader
    notices = query(
        pg_db,
        "SELECT escalation_id, recipient, count(*) FROM alert_notices "
        "GROUP BY escalation_id, recipient",
    )
    assert sorted(notices) == sorted((i, n, 1) for i in ids for n in (ADMIN, SUPERVISOR))
    moments = query(pg_db, "SELECT subject FROM timeline WHERE what = 'alerted_again'")
    assert sorted(m[0] for m in moments) == sorted(ids)


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
        try:
            url = supervisor.start(timeout=60)
        except RuntimeError as exc:
            log.flush()
            said = (tmp_path / "workers.log").read_text()[-3000:]
            raise AssertionError(f"{exc}; its log ends:\n{said}") from exc
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
