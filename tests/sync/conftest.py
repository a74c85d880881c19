"""The hostile agency for the sync tests: one server per module, one talent per test."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from talentdesk.domain import Booking, BookingStatus, CustomerContact
from talentdesk.sync.apply import FeedState, load_feed_state
from talentdesk.sync.pacing import SyncPacing
from talentdesk.sync.service import TOKEN_SECRET, SyncPhase, SyncService, SyncStatus
from talentdesk.vault import Vault
from talentdesk.vault.records import RecordStore
from talentdesk_agency import AgencyStore
from tests.sync.hostile_agency import HostileAgency

PASSPHRASE = "agensi nakal sekali"
START = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=2)
#: Short waits, so the suite stays fast: every pause of the service, scaled down.
FAST = SyncPacing(
    poll_floor=0.05,
    quick_poll_cap=0.4,
    quick_seconds=0.5,
    forbidden_retry=30.0,
    moved_retry=60.0,
    in_progress_give_up=2.5,
    restart_cap=0.3,
    backoff_step=0.02,
)
_names = itertools.count(1)


def wait_for(condition: Callable[[], bool], what: str = "", timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what or condition}")


@dataclass
class StatusLog:
    """Every status the service reported, with the monotonic time it was seen."""

    seen: list[tuple[float, SyncStatus]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __call__(self, status: SyncStatus) -> None:
        with self.lock:
            self.seen.append((time.monotonic(), status))

    def any(self, test: Callable[[SyncStatus], bool], since: float = 0.0) -> SyncStatus | None:
        with self.lock:
            return next((s for t, s in self.seen if t >= since and test(s)), None)

    def phases(self) -> list[SyncPhase]:
        with self.lock:
            return [s.phase for _, s in self.seen]

    def first(self, phase: SyncPhase, after: float = 0.0) -> tuple[float, SyncStatus] | None:
        with self.lock:
            for t, s in self.seen:
                if s.phase is phase and t >= after:
                    return t, s
        return None


@dataclass
class Desk:
    """A talent's desk paired with the hostile agency: vault, sync and what it said."""

    name: str
    data_dir: Path
    vault: Vault
    sync: SyncService
    statuses: StatusLog
    token: str

    @property
    def store(self) -> RecordStore:
        return RecordStore(self.vault)

    def booking(self, booking_id: str) -> Booking | None:
        return self.store.load(Booking, booking_id)

    def status_of(self, booking_id: str) -> BookingStatus | None:
        booking = self.booking(booking_id)
        return booking.status if booking is not None else None

    def contact(self, booking_id: str) -> CustomerContact | None:
        return self.store.load(CustomerContact, booking_id)

    def feed(self) -> FeedState:
        return load_feed_state(self.vault)

    def said(
        self,
        test: Callable[[SyncStatus], bool],
        what: str,
        timeout: float = 15,
        since: float = 0.0,
    ) -> None:
        """Wait until the service reported a status passing ``test`` (from ``since`` on)."""
        wait_for(lambda: self.statuses.any(test, since) is not None, what, timeout)


@dataclass
class Agency:
    """The hostile agency and its staff's store."""

    fake: HostileAgency
    store: AgencyStore

    def book(self, desk: Desk, alias: str = "Bunga", *, minutes: int = 120) -> str:
        return self.store.create_booking(
            desk.name,
            start=START + timedelta(minutes=minutes),
            package_id=self.store.config().packages[0].id,
            alias=alias,
            handle=f"@{alias.lower()}",
        )


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Agency]:
    """The hostile agency, shared by a module's tests (each pairs a talent of its own)."""
    db = tmp_path_factory.mktemp("hostile") / "agency.sqlite3"
    fake = HostileAgency(db)
    fake.start()
    store = AgencyStore(db)
    yield Agency(fake, store)
    store.close()
    fake.stop()


@pytest.fixture
def make_desk(hostile: Agency, tmp_path: Path) -> Iterator[Callable[..., Desk]]:
    """Pair a new talent's desk with the hostile agency (started unless ``start=False``)."""
    made: list[Desk] = []

    def make(
        *,
        start: bool = True,
        keyring: bool = False,
        feed_wait: int = 1,
        client_timeout: float = 1.0,
        pacing: SyncPacing = FAST,
    ) -> Desk:
        name = f"Talent {next(_names)} {tmp_path.name[-12:]}"
        data_dir = tmp_path / f"desk{len(made)}"
        path = data_dir / "vault.sqlite3"
        vault = Vault.create(path) if keyring else Vault.create(path, passphrase=PASSPHRASE)
        sync = SyncService(vault, feed_wait=feed_wait, client_timeout=client_timeout, pacing=pacing)
        statuses = StatusLog()
        sync.add_status_listener(statuses)
        sync.pair(hostile.fake.url, hostile.store.create_pairing_code(name))
        token = vault.get_secret(TOKEN_SECRET)
        assert token is not None
        desk = Desk(name, data_dir, vault, sync, statuses, token.decode())
        made.append(desk)
        if start:
            sync.start()
            desk.said(lambda s: s.phase is SyncPhase.CONNECTED, "connected")
        return desk

    yield make
    hostile.fake.behave()
    for desk in made:
        desk.sync.stop()
        if desk.vault.is_open:
            desk.vault.close()
