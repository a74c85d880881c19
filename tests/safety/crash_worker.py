"""The app's side of the escalation crash test: escalating while sync delivers.

Killed with SIGKILL at random moments by tests/safety/test_escalation_crash.py. After each
escalation (and each follow-up) returns, a line goes to ``log_path`` with one
``write`` call: the kernel keeps it even when the process is killed the next instant,
so the test knows which calls returned and must therefore never be lost.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Protocol

from talentdesk.safety import SafetyService
from talentdesk.sync.service import SyncService
from talentdesk.vault import Vault
from talentdesk_contract.values import CrisisSign

#: Most escalations one run writes (each with a follow-up).
PER_RUN = 6


class Event(Protocol):
    """A ``multiprocessing`` event."""

    def set(self) -> None: ...

    def wait(self, timeout: float | None = None) -> bool: ...


def escalate_until_killed(
    vault_path: str, passphrase: str, run: int, log_path: str, go: Event, opened: Event
) -> None:
    """Unlock when ``go`` is set, say so with ``opened``, then escalate until killed."""
    # Started ahead of time (a new process takes a while to boot): wait for our turn, so
    # only one process at a time has the vault open, as in the app.
    go.wait()
    log = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    vault = Vault.open(Path(vault_path), passphrase=passphrase)
    sync = SyncService(vault, feed_wait=1)
    safety = SafetyService(vault, sync)
    opened.set()
    for i in range(PER_RUN):
        view = safety.escalations.escalate(f"run{run}-{i}")
        os.write(log, f"escalated {run} {view.id}\n".encode())
        safety.escalations.follow_up(view.id, crisis_sign=CrisisSign.DISTRESS)
        os.write(log, f"followed {run} {view.id}\n".encode())
        if i == 0:
            # The first one is written before the sender starts, the others while it
            # delivers: kills land in both.
            sync.start()
        time.sleep(0.03)
    while True:
        time.sleep(0.01)
