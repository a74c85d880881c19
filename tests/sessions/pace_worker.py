"""The crashing side of tests/sessions/test_pace_saved.py: marks the pace, then dies by
SIGKILL (no close, no clean-up), as a crashed app would."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from talentdesk.sessions.pace import SessionPace
from talentdesk.sessions.runner import SessionRunner
from talentdesk.sync.outbox import Outbox
from talentdesk.vault import Vault


def mark_then_die(vault_path: str, passphrase: str, marks: list[tuple[str, float]]) -> None:
    """Resume the live session, make ``marks`` (("wrote" | "answered", seconds later))
    on a clock of our own, then SIGKILL this process."""
    now = [0.0]
    vault = Vault.open(Path(vault_path), passphrase=passphrase)
    runner = SessionRunner(vault, Outbox(vault), monotonic=lambda: now[0])
    live = runner.resume()
    assert live is not None
    pace = SessionPace(vault, live.booking_id, live.elapsed)
    for what, after in marks:
        now[0] += after
        if what == "wrote":
            pace.customer_wrote()
        else:
            pace.talent_answered()
    os.kill(os.getpid(), signal.SIGKILL)
