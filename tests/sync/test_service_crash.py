"""100 SIGKILLs of the app's process while booking answers are queued: each is delivered
to the agency exactly once."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import msgspec
import pytest

from talentdesk.domain import Booking, BookingStatus
from talentdesk.sync.outbox import Outbox, OutboxState
from talentdesk.sync.service import SyncService
from talentdesk.vault import Vault
from talentdesk.vault.records import RecordStore
from talentdesk_agency import AgencyStore, ServerThread
from tests.sync.app_worker import answer_until_killed

PASSPHRASE = "app crash passphrase"
KILLS = 100


@pytest.mark.slow
def test_sigkill_while_answers_are_queued_delivers_each_exactly_once(tmp_path: Path) -> None:
    db = tmp_path / "agency.sqlite3"
    vault_path = tmp_path / "app" / "vault.sqlite3"
    server = ServerThread(db)
    url = server.start()
    agency = AgencyStore(db)
    vault = Vault.create(vault_path, passphrase=PASSPHRASE)
    SyncService(vault).pair(url, agency.create_pairing_code("Sari"))
    vault.close()

    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["talentdesk.sync.service", "tests.sync.app_worker"])
    rng = random.Random(7)
    start = datetime.now(UTC) + timedelta(hours=1)
    package = agency.config().packages[0].id
    booked: list[str] = []
    try:
        for run in range(KILLS + 1):
            booked.append(
                agency.create_booking(
                    "Sari",
                    start=start + timedelta(minutes=45 * run),
                    package_id=package,
                    alias=f"Tamu{run}",
                    handle=f"@tamu{run}",
                )
            )
            proc = ctx.Process(target=answer_until_killed, args=(str(vault_path), PASSPHRASE))
            proc.start()
            if run == KILLS:
                break  # the last one runs until everything is delivered
            time.sleep(rng.uniform(0.2, 0.45))  # unlock takes ~0.2 s: kills land all over
            assert proc.pid is not None
            os.kill(proc.pid, signal.SIGKILL)
            proc.join()
            assert proc.exitcode == -signal.SIGKILL

        def answered() -> set[str]:
            rows = agency._conn.execute(
                "SELECT id FROM bookings WHERE answer = 'accept'"
            ).fetchall()
            return {r[0] for r in rows}

        deadline = time.monotonic() + 60
        while answered() != set(booked) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert answered() == set(booked)
        watcher = Vault.open(vault_path, passphrase=PASSPHRASE)
        while Outbox(watcher).pending() and time.monotonic() < deadline:
            time.sleep(0.05)  # the agency has it; wait for the app to mark it delivered
        watcher.close()
        assert proc.pid is not None
        os.kill(proc.pid, signal.SIGKILL)
        proc.join()
    finally:
        server.stop()

    # At the agency: one processed write (one idempotency key) per booking, no more.
    processed: Counter[str] = Counter()
    for (body,) in agency._conn.execute(
        "SELECT body FROM idempotency WHERE body IS NOT NULL"
    ).fetchall():
        answer = msgspec.json.decode(body)
        if isinstance(answer, dict) and "booking_id" in answer:
            processed[answer["booking_id"]] += 1
    agency.close()
    assert processed == Counter({b: 1 for b in booked})

    # In the app: one outbox item per booking, every one delivered, every booking accepted.
    vault = Vault.open(vault_path, passphrase=PASSPHRASE)
    items, problems = Outbox(vault).items()
    assert problems == []
    assert Counter(i.ref for i in items) == Counter({b: 1 for b in booked})
    assert {i.state for i in items} == {OutboxState.DELIVERED}
    bookings = RecordStore(vault).load_all(Booking).items
    assert {b.id for b in bookings if b.status is BookingStatus.ACCEPTED} == set(booked)
    assert vault.integrity_check() == []
    vault.close()
