"""Fixtures for the safety tests: the real reference agency on loopback, a real vault,
the real sync service, and fake clocks where time matters. No mocks."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from talentdesk.domain import Booking, Channel, Package, SessionOutcome, SessionRecord
from talentdesk.safety import SafetyService
from talentdesk.sync.service import SyncService
from talentdesk.vault import Vault
from talentdesk.vault.records import RecordStore
from talentdesk_agency import AgencyStore, ServerThread

PASSPHRASE = "safety test passphrase"
TALENT = "Sari"


def wait_for(condition: Callable[[], bool], timeout: float = 15.0, what: str = "") -> float:
    """Wait until ``condition()``; returns the seconds it took."""
    started = time.monotonic()
    deadline = started + timeout
    while time.monotonic() < deadline:
        if condition():
            return time.monotonic() - started
        time.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what or condition}")


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m talentdesk_agency.cli ARGS`` in its own process, as staff would run it."""
    return subprocess.run(
        [sys.executable, "-m", "talentdesk_agency.cli", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


class FakeClock:
    """Monotonic seconds that move only when told."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class WallClock:
    """A settable UTC wall clock."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@dataclass
class FakeLiveSession:
    """Satisfies ``talentdesk.safety.LiveSession`` as the session runner will."""

    booking_id: str
    booked_end: float
    ended: bool = False


@dataclass
class App:
    """The app's side: vault, sync and safety services over one data dir."""

    vault: Vault
    sync: SyncService
    safety: SafetyService
    store: RecordStore
    changes: list[float] = field(default_factory=list)

    def close(self) -> None:
        self.sync.stop()
        self.safety.close()
        self.vault.close()


@dataclass
class Agency:
    """The reference agency: a server thread on loopback and its database."""

    server: ServerThread
    store: AgencyStore

    @property
    def db(self) -> Path:
        return self.store.path

    def escalations(self) -> list[tuple[str, str, str | None, str | None, str | None, int]]:
        """(id, status, booking, crisis sign, note, follow-ups) of every escalation."""
        return [
            (e.id, e.status, e.booking_id, e.crisis_sign, e.note, e.follow_ups)
            for e in self.store.escalations()
        ]

    def book(self, minutes: int = 60, alias: str = "Bunga") -> str:
        return self.store.create_booking(
            TALENT,
            start=datetime.now(UTC) + timedelta(minutes=minutes),
            package_id=self.store.config().packages[0].id,
            alias=alias,
            handle=f"@{alias.lower()}",
        )


@pytest.fixture
def agency(tmp_path: Path) -> Iterator[Agency]:
    db = tmp_path / "agency" / "agency.sqlite3"
    db.parent.mkdir()
    server = ServerThread(db, faults=True)
    server.start()
    store = AgencyStore(db)
    yield Agency(server, store)
    store.close()
    server.stop()


def make_app(data_dir: Path, url: str, store: AgencyStore, **safety_kwargs: object) -> App:
    """A fresh vault paired with the agency, sync running, safety service built."""
    vault = Vault.create(data_dir / "vault.sqlite3", passphrase=PASSPHRASE)
    sync = SyncService(vault, feed_wait=1, client_timeout=2.0)
    sync.pair(url, store.create_pairing_code(TALENT))
    safety = SafetyService(vault, sync, **safety_kwargs)  # type: ignore[arg-type]
    app = App(vault, sync, safety, RecordStore(vault))
    safety.subscribe(lambda: app.changes.append(time.monotonic()))
    sync.start()
    return app


@pytest.fixture
def app(agency: Agency, data_dir: Path) -> Iterator[App]:
    made = make_app(data_dir, agency.server.url, agency.store)
    yield made
    made.close()


def session_record(
    booking_id: str,
    *,
    ended_at: datetime | None = None,
    outcome: SessionOutcome = SessionOutcome.COMPLETED,
    store: RecordStore | None = None,
) -> SessionRecord:
    """A finished session of ``booking_id`` (saved if a store is given), as the runner
    would write it."""
    ended = ended_at or datetime.now(UTC)
    package = None
    if store is not None:
        booking = store.load(Booking, booking_id)
        package = booking.package if booking is not None else None
    if package is None:
        package = Package(
            id="chat-30",
            name="Chat 30",
            channel=Channel.CHAT,
            duration_minutes=30,
            price_idr=25_000,
        )
    record = SessionRecord(
        id=f"s-{booking_id}",
        booking_id=booking_id,
        package=package,
        started_at=ended - timedelta(minutes=30),
        ended_at=ended,
        planned_seconds=1800,
        actual_seconds=1800.0,
        price_idr=package.price_idr,
        outcome=outcome,
    )
    if store is not None:
        store.save(record)
    return record
