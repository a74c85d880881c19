"""200 SIGKILLs of a writer in the middle of commits: nothing acknowledged is lost."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from pathlib import Path

import pytest

from talentdesk.vault import Vault
from tests.vault.crash_writer import write_until_killed

PASSPHRASE = "crash test passphrase"
KILLS = 200


def _version(value: bytes) -> tuple[int, int]:
    run, n = value.decode().split(":")
    return int(run), int(n)


@pytest.mark.slow
def test_sigkill_during_commits_loses_no_acknowledged_write(tmp_path: Path) -> None:
    path = tmp_path / "vault.sqlite3"
    Vault.create(path, passphrase=PASSPHRASE).close()
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["talentdesk.vault", "tests.vault.crash_writer"])
    rng = random.Random(20261122)
    acked_version: dict[str, tuple[int, int]] = {}
    customers: set[str] = set()
    shredded: set[str] = set()
    acked_writes = 0
    checker = Vault.open(path, passphrase=PASSPHRASE)
    try:
        for run in range(KILLS):
            ack = tmp_path / f"ack-{run}"
            proc = ctx.Process(
                target=write_until_killed, args=(str(path), PASSPHRASE, str(ack), run)
            )
            proc.start()
            deadline = time.monotonic() + 30
            while not (ack.exists() and ack.stat().st_size) and time.monotonic() < deadline:
                assert proc.is_alive(), f"writer {run} died on its own: {proc.exitcode}"
                time.sleep(0.002)
            time.sleep(rng.uniform(0, 0.03))
            assert proc.pid is not None
            os.kill(proc.pid, signal.SIGKILL)
            proc.join()
            assert proc.exitcode == -signal.SIGKILL

            # Only whole lines count: a kill may land in the middle of writing an ack.
            last_put = 0
            for line in ack.read_text().split("\n")[:-1]:
                op, name, value = line.split(" ")
                acked_writes += 1
                if op == "put":
                    acked_version[name] = _version(value.encode())
                    last_put = acked_version[name][1]
                elif op == "cust":
                    customers.add(name)
                else:
                    shredded.add(name)
            # The shred that follows the last acknowledged put may have committed unacked.
            in_doubt = {f"c{run}-{last_put - 5}"} if last_put % 10 == 0 else set()

            if run % 20 == 19 or run == KILLS - 1:
                # A fresh open replays the WAL as a restarted app would.
                checker.close()
                checker = Vault.open(path, passphrase=PASSPHRASE)
            assert checker.integrity_check() == [], f"after kill {run}"
            listing = checker.read_all("booking")
            assert not listing.problems
            stale = [
                slot
                for slot, version in acked_version.items()
                if slot not in listing.rows or _version(listing.rows[slot]) < version
            ]
            assert stale == [], f"acknowledged writes lost after kill {run}: {stale[:5]}"
            present: set[str] = set(checker.customer_bookings())
            lost = customers - shredded - in_doubt - present
            assert not lost, f"customer data lost after kill {run}: {lost}"
            assert not (shredded & present), f"shredded data came back after kill {run}"
            customers -= shredded | (in_doubt - present)
    finally:
        checker.close()
    assert acked_writes > 2 * KILLS  # the kills really landed among many commits
    assert shredded, "no shred was acknowledged, so crashes during shreds were not exercised"
