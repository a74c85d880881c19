"""A vault writer that the crash test kills with SIGKILL in the middle of commits.

It appends one line to an ack file after each commit returns, so every line
in that file names a write the vault acknowledged as durable. Plain records
cycle through a fixed set of slots (so the vault stays small however long the
test runs), each value saying which run and which write produced it.
"""

from __future__ import annotations

import os
from pathlib import Path

from talentdesk.vault import Vault

SLOTS = 97


def write_until_killed(vault_path: str, passphrase: str, ack_path: str, run: int) -> None:
    """Write records forever (until killed): plain ones, customer ones, and shreds."""
    vault = Vault.open(Path(vault_path), passphrase=passphrase)
    fd = os.open(ack_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    n = 0
    while True:
        n += 1
        slot = f"slot-{n % SLOTS}"
        vault.put("booking", slot, f"{run}:{n}".encode())
        os.write(fd, f"put {slot} {run}:{n}\n".encode())
        if n % 5 == 0:
            booking = f"c{run}-{n}"
            vault.put_customer(booking, "customer_contact", booking, booking.encode())
            os.write(fd, f"cust {booking} -\n".encode())
        if n % 10 == 0:
            victim = f"c{run}-{n - 5}"
            vault.shred_booking(victim)
            os.write(fd, f"shred {victim} -\n".encode())
