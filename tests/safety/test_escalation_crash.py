"""100 SIGKILLs of the app's process while escalations are written and sent: none lost,
none duplicated at the agency."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from collections import Counter
from pathlib import Path
from typing import Any

import msgspec
import pytest

from talentdesk.safety import Delivery, Escalations, EscalationState
from talentdesk.sync.outbox import Outbox
from talentdesk.sync.service import SyncService
from talentdesk.vault import Vault
from talentdesk_agency import AgencyStore, ServerThread
from tests.safety.conftest import TALENT
from tests.safety.crash_worker import PER_RUN, escalate_until_killed

PASSPHRASE = "safety crash passphrase"
KILLS = 100


def _returned(log_path: Path) -> tuple[set[str], Counter[str], Counter[int]]:
    """Escalations whose call returned, the follow-up calls that returned for each, and
    how many escalations each run got out before its kill."""
    escalated: set[str] = set()
    followed: Counter[str] = Counter()
    per_run: Counter[int] = Counter()
    if not log_path.exists():
        return escalated, followed, per_run
    for line in log_path.read_text().splitlines():
        what, run, escalation_id = line.split(" ")
        if what == "escalated":
            escalated.add(escalation_id)
            per_run[int(run)] += 1
        elif what == "followed":
            followed[escalation_id] += 1
    return escalated, followed, per_run


@pytest.mark.slow
def test_sigkill_during_escalation_writes_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    db = tmp_path / "agency" / "agency.sqlite3"
    db.parent.mkdir()
    vault_path = tmp_path / "app" / "vault.sqlite3"
    log_path = tmp_path / "returned.log"
    server = ServerThread(db)
    url = server.start()
    agency = AgencyStore(db)
    vault = Vault.create(vault_path, passphrase=PASSPHRASE)
    SyncService(vault).pair(url, agency.create_pairing_code(TALENT))
    vault.close()

    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["talentdesk.safety", "tests.safety.crash_worker"])
    rng = random.Random(11)
    started = time.monotonic()
    spawned: list[multiprocessing.process.BaseProcess] = []

    def spawn(run: int) -> tuple[multiprocessing.process.BaseProcess, Any, Any]:
        go, opened = ctx.Event(), ctx.Event()
        proc = ctx.Process(
            target=escalate_until_killed,
            args=(str(vault_path), PASSPHRASE, run, str(log_path), go, opened),
        )
        proc.start()
        spawned.append(proc)
        return proc, go, opened

    following = spawn(0)
    try:
        for run in range(KILLS + 1):
            proc, go, opened = following
            go.set()
            if run == KILLS:
                break  # the last one runs until everything is delivered
            if rng.random() < 0.2:
                time.sleep(rng.uniform(0.0, 0.35))  # mostly while it unlocks (Argon2id)
            else:
                # Unlocked: the first escalation comes at once, then the sender starts
                # (~0.2 s) and more escalations follow every 30 ms: the kills land in the
                # writes and in the sender's deliveries.
                assert opened.wait(30), f"run {run} did not unlock"
                following = spawn(run + 1)  # boots now, not while this one unlocks
                time.sleep(rng.uniform(0.0, 0.25))
            assert proc.pid is not None
            os.kill(proc.pid, signal.SIGKILL)
            proc.join()
            assert proc.exitcode == -signal.SIGKILL
            if following[0] is proc:
                following = spawn(run + 1)

        deadline = time.monotonic() + 60
        while _returned(log_path)[2][KILLS] < PER_RUN:
            assert time.monotonic() < deadline, "the last run did not escalate"
            time.sleep(0.05)
        escalated = _returned(log_path)[0]
        while len(agency.escalations()) < len(escalated) and time.monotonic() < deadline:
            time.sleep(0.05)
        watcher = Vault.open(vault_path, passphrase=PASSPHRASE)
        while Outbox(watcher).pending() and time.monotonic() < deadline:
            time.sleep(0.05)  # everything queued is sent and recorded as delivered
        watcher.close()
    finally:
        for child in spawned:  # only the processes this test started, each by its id
            if child.is_alive() and child.pid is not None:
                os.kill(child.pid, signal.SIGKILL)
                child.join()
        server.stop()
    elapsed = time.monotonic() - started

    escalated, followed, per_run = _returned(log_path)
    vault = Vault.open(vault_path, passphrase=PASSPHRASE)
    views = {v.id: v for v in Escalations(vault, Outbox(vault)).escalations()}
    assert vault.integrity_check() == []
    vault.close()

    # None lost: every call that returned is on the device, and at the agency.
    assert escalated <= set(views)
    # The kills landed all over: while unlocking (before any escalation) and in the
    # middle of a run's writes and deliveries.
    cut_short = sum(1 for run in range(KILLS) if 0 < per_run[run] < PER_RUN)
    before_any = sum(1 for run in range(KILLS) if per_run[run] == 0)
    assert cut_short >= 20, per_run
    assert before_any >= 5, per_run
    assert {v.state for v in views.values()} == {EscalationState.DELIVERED}
    for escalation_id, count in followed.items():
        assert views[escalation_id].follow_ups >= count
    assert all(v.follow_ups_waiting == 0 and v.follow_ups_failed == 0 for v in views.values())
    assert all(v.cancel is None or v.cancel is Delivery.DELIVERED for v in views.values())

    # None duplicated: one agency escalation per local one, created by one write each.
    rows = {row.id: row for row in agency.escalations()}
    assert len(rows) == len(views)
    assert {v.remote_id for v in views.values()} == set(rows)
    for view in views.values():
        assert view.remote_id is not None
        assert rows[view.remote_id].booking_id == view.booking_id
        assert rows[view.remote_id].follow_ups == view.follow_ups
    created: Counter[str] = Counter()
    for (body,) in agency._conn.execute(
        "SELECT body FROM idempotency WHERE body IS NOT NULL"
    ).fetchall():
        answer = msgspec.json.decode(body)
        if isinstance(answer, dict) and "follow_ups" not in answer:  # a creation's answer
            created[answer["id"]] += 1
    assert created == Counter(dict.fromkeys(rows, 1))
    assert len({v.booking_id for v in views.values()}) == len(views)
    agency.close()
    assert len(views) <= (KILLS + 1) * PER_RUN
    assert elapsed < 90, f"the kill loop took {elapsed:.0f} s"
