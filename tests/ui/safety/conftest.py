"""Fixtures for the safety screens: the real reference agency on loopback, a real vault,
the real agency, session and safety controllers, and fake clocks where time matters."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from talentdesk.domain import (
    Booking,
    BookingStatus,
    Channel,
    CustomerContact,
    Package,
    SessionOutcome,
    SessionRecord,
)
from talentdesk.safety import EscalationView
from talentdesk.sessions.runner import LiveSession
from talentdesk.sync.service import SyncService
from talentdesk.ui.agency_link import AgencyLink
from talentdesk.ui.bridge import Bridge, WorkspaceBridge
from talentdesk.ui.clipboard import SecretClipboard
from talentdesk.ui.safety import SafetyController, SafetyWindows
from talentdesk.ui.session.controller import SessionController
from talentdesk.ui.session.notifications import Notifier
from talentdesk.ui.session.windows import SessionWindows
from talentdesk.vault import Vault
from talentdesk.vault.records import RecordStore
from talentdesk.workspace import SafetyTuning, SessionClocks, SyncTuning, Workspace
from talentdesk_agency import AgencyStore, ServerThread
from tests.sessions.conftest import FakeClock
from tests.ui.session.conftest import package

PASSPHRASE = "keamanan dulu ya teman"
TALENT = "Sari"
WAIT_MS = 20_000
FAST = SyncTuning(feed_wait=1, client_timeout=3.0)


class Agency:
    """The reference agency on a loopback port that survives a stop and a start."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.port = 0
        self.server: ServerThread | None = None
        self.start()
        self.store = AgencyStore(db)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        """Serve (again) on the same port."""
        server = ServerThread(self.db, port=self.port)
        server.start()
        self.port = server.port
        self.server = server

    def stop(self) -> None:
        """The agency goes down: connections are refused."""
        if self.server is not None:
            self.server.stop()
            self.server = None

    def escalation(self, remote_id: str) -> tuple[str, str | None, str | None, int]:
        """(status, crisis sign, note, follow-ups) of one escalation at the agency."""
        for row in self.store.escalations():
            if row.id == remote_id:
                return row.status, row.crisis_sign, row.note, row.follow_ups
        raise AssertionError(f"the agency has no escalation {remote_id}")


@pytest.fixture
def agency(tmp_path: Path) -> Iterator[Agency]:
    db = tmp_path / "agency" / "agency.sqlite3"
    db.parent.mkdir()
    made = Agency(db)
    yield made
    made.store.close()
    made.stop()


@dataclass
class Desk:
    """An unlocked, paired vault with the real agency, session and safety controllers around it."""

    vault: Vault
    store: RecordStore
    bridge: Bridge
    agency_link: AgencyLink
    session: SessionController
    safety: SafetyController
    screens: SafetyWindows
    session_windows: SessionWindows
    clock: FakeClock

    def book(
        self, booking_id: str = "bk-1", *, pkg: Package | None = None, minutes: int = 30
    ) -> Booking:
        """An accepted booking starting now (on the fake wall clock), saved in the vault."""
        booking = Booking(
            id=booking_id,
            start=self.clock.wall(),
            package=pkg or package(Channel.CHAT, minutes, 25_000),
            status=BookingStatus.ACCEPTED,
        )
        self.store.save(booking)
        self.store.save(
            CustomerContact(
                booking_id=booking_id, alias="Contoh Bunga", contact_handle="@contoh.bunga"
            )
        )
        return booking

    def record(
        self,
        booking_id: str,
        *,
        ended_ago: timedelta,
        outcome: SessionOutcome = SessionOutcome.COMPLETED,
    ) -> SessionRecord:
        """A session that ended ``ended_ago`` before the fake now, saved as the runner would."""
        pkg = package(Channel.CALL, 60, 75_000)
        ended = self.clock.wall() - ended_ago
        record = SessionRecord(
            id=f"s-{booking_id}",
            booking_id=booking_id,
            package=pkg,
            started_at=ended - timedelta(minutes=60),
            ended_at=ended,
            planned_seconds=3600,
            actual_seconds=3600.0,
            price_idr=pkg.price_idr,
            outcome=outcome,
        )
        self.store.save(record)
        return record

    def escalation(self, escalation_id: str) -> EscalationView:
        view = self.safety.service.escalations.get(escalation_id)
        assert view is not None
        return view


def settle(qtbot: QtBot, desk: Desk, timeout: int = WAIT_MS) -> None:
    """Wait until every piece of background work has been delivered."""
    qtbot.waitUntil(lambda: not desk.bridge.busy, timeout=timeout)


def start_session(qtbot: QtBot, desk: Desk, booking: Booking) -> LiveSession:
    """Start ``booking``'s session and wait until the session window shows it."""
    desk.session.start(booking.id)
    qtbot.waitUntil(lambda: desk.session.live is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: desk.safety.live_booking_id == booking.id, timeout=WAIT_MS)
    settle(qtbot, desk)
    live = desk.session.live
    assert live is not None
    return live


def wait_for(qtbot: QtBot, condition: Callable[[], bool], timeout: int = WAIT_MS) -> None:
    qtbot.waitUntil(condition, timeout=timeout)


@pytest.fixture
def safety_clock() -> FakeClock:
    return FakeClock()


def build_desk(
    vault: Vault, clock: FakeClock, *, paired: bool = True, agency: Agency | None = None
) -> Desk:
    bridge = Bridge()
    clipboard = SecretClipboard(clock=clock.monotonic)
    if paired:
        assert agency is not None
        SyncService(vault, feed_wait=1, client_timeout=3.0).pair(
            agency.url, agency.store.create_pairing_code(TALENT)
        )
    workspace = Workspace(
        vault,
        sync=FAST,
        clocks=SessionClocks(clock.monotonic, clock.wall),
        safety=SafetyTuning(poll_ms=20),
    )
    view = WorkspaceBridge(workspace, bridge)
    agency_link = AgencyLink(view)
    session = SessionController(view, clipboard=clipboard, language="en")
    safety = SafetyController(view, paired=lambda: agency_link.pairing is not None)
    screens = SafetyWindows(safety, platform="offscreen")
    session_windows = SessionWindows(
        session,
        Notifier(tray_available=lambda: False),
        platform="offscreen",
        safety=safety,
        safety_windows=screens,
    )
    agency_link.start()
    return Desk(
        vault,
        RecordStore(vault),
        bridge,
        agency_link,
        session,
        safety,
        screens,
        session_windows,
        clock,
    )


def tear_down(qtbot: QtBot, desk: Desk) -> None:
    qtbot.waitUntil(lambda: not desk.bridge.busy, timeout=WAIT_MS)
    desk.screens.discard()
    desk.session_windows.discard()
    desk.safety.release()
    desk.session.release()
    desk.agency_link.release_now()
    desk.bridge.shutdown(wait=True)
    desk.session.clipboard.clear_secret("quit")
    if desk.vault.is_open:
        desk.vault.close()


@pytest.fixture
def desk(qtbot: QtBot, data_dir: Path, agency: Agency, safety_clock: FakeClock) -> Iterator[Desk]:
    """A fresh passphrase vault paired with the agency; English; sync running."""
    vault = Vault.create(data_dir / "vault.sqlite3", passphrase=PASSPHRASE)
    made = build_desk(vault, safety_clock, agency=agency)
    yield made
    tear_down(qtbot, made)


@pytest.fixture
def unpaired(qtbot: QtBot, data_dir: Path, safety_clock: FakeClock) -> Iterator[Desk]:
    """A fresh passphrase vault that is not paired with any agency."""
    vault = Vault.create(data_dir / "vault.sqlite3", passphrase=PASSPHRASE)
    made = build_desk(vault, safety_clock, paired=False)
    yield made
    tear_down(qtbot, made)
