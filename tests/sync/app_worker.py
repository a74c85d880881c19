"""The app's side of the crash test: sync running, every pending booking accepted at once.

Killed with SIGKILL at random moments by tests/sync/test_service_crash.py.
"""

from __future__ import annotations

import time
from pathlib import Path

from talentdesk.domain import Booking, BookingStatus
from talentdesk.sessions.bookings import Bookings
from talentdesk.sync.service import SyncService
from talentdesk.vault import Vault
from talentdesk.vault.records import RecordStore


def answer_until_killed(vault_path: str, passphrase: str) -> None:
    vault = Vault.open(Path(vault_path), passphrase=passphrase)
    sync = SyncService(vault, feed_wait=1)
    desk = Bookings(vault, sync.outbox)
    store = RecordStore(vault)
    sync.start()
    while True:
        for booking in store.load_all(Booking).items:
            if booking.status is BookingStatus.PENDING:
                desk.answer(booking.id, accept=True)
        time.sleep(0.005)
