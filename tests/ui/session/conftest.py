"""Fixtures for the session controller's windows: a real vault, fake clocks, the real services."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from talentdesk.domain import (
    AgencyConfig,
    Booking,
    BookingStatus,
    BoundaryAnswer,
    BoundaryItem,
    BoundaryPreset,
    Channel,
    CustomerContact,
    DeclineReply,
    Package,
    ReplyStyle,
    Source,
)
from talentdesk.sessions.settings import load_settings, save_settings
from talentdesk.ui.agency_link import AgencyLink
from talentdesk.ui.bridge import Bridge, WorkspaceBridge
from talentdesk.ui.clipboard import SecretClipboard
from talentdesk.ui.session.controller import SessionController
from talentdesk.vault import Vault
from talentdesk.vault.records import RecordStore
from talentdesk.workspace import SessionClocks, Workspace
from tests.sessions.conftest import FakeClock

PASSPHRASE = "sesi di jendela aman"
ALIAS = "Contoh Bunga"
HANDLE = "@contoh.bunga"


def package(
    channel: Channel = Channel.CHAT, minutes: int = 30, price: int = 25_000, name: str = ""
) -> Package:
    names = {
        Channel.CHAT: "Teman Curhat",
        Channel.CALL: "Sleep Call",
        Channel.CHAT_CALL: "Chat + Call",
    }
    return Package(
        id=f"pkg-{channel.value}-{minutes}",
        name=name or f"{names[channel]} {minutes} menit",
        channel=channel,
        duration_minutes=minutes,
        price_idr=price,
    )


AGENCY_REPLIES = (
    ("id-polite", ReplyStyle.POLITE, "id", "sopan", "Maaf ya, untuk hal itu aku nggak bisa."),
    ("id-offline", ReplyStyle.POLITE, "id", "ketemu", "Makasih, tapi aku nggak bisa ketemuan."),
    ("id-humour", ReplyStyle.HUMOUR, "id", "canda", "Wah, itu di luar kemampuan super aku."),
    (
        "id-closing",
        ReplyStyle.CLOSING,
        "id",
        "tutup",
        "Sesi kita sudah selesai ya. Makasih, salam dari {talent}!",
    ),
    ("id-reason", ReplyStyle.ALTERNATIVE, "id", "alasan", "Aku nggak bisa karena {?alasan}."),
    ("en-polite", ReplyStyle.POLITE, "en", "polite", "Sorry, that's something I can't do."),
    ("en-closing", ReplyStyle.CLOSING, "en", "bye", "Our session is over now. Thank you!"),
)


@dataclass
class Desk:
    """An unlocked vault with the real agency link and session controller around it."""

    vault: Vault
    store: RecordStore
    bridge: Bridge
    agency: AgencyLink
    session: SessionController
    clipboard: SecretClipboard
    clock: FakeClock

    def book(
        self,
        booking_id: str = "bk-1",
        *,
        start: datetime | None = None,
        pkg: Package | None = None,
        status: BookingStatus = BookingStatus.ACCEPTED,
        alias: str = ALIAS,
        handle: str = HANDLE,
        needs_unblock: bool = False,
    ) -> Booking:
        booking = Booking(
            id=booking_id,
            start=start or self.clock.wall(),
            package=pkg or package(),
            status=status,
            needs_unblock=needs_unblock,
            returning_customer=needs_unblock,
        )
        self.store.save(booking)
        self.store.save(CustomerContact(booking_id=booking_id, alias=alias, contact_handle=handle))
        return booking

    def agency_replies(self) -> None:
        for suffix, style, language, code, text in AGENCY_REPLIES:
            self.store.save(
                DeclineReply(
                    id=f"agency-{suffix}",
                    style=style,
                    language=language,
                    text=text,
                    shortcode=code,
                    source=Source.AGENCY,
                )
            )

    def agency_presets(self) -> BoundaryPreset:
        items = (
            BoundaryItem(key="service.chat", label="Chat", answer=BoundaryAnswer.OK),
            BoundaryItem(
                key="service.call",
                label="Telepon",
                answer=BoundaryAnswer.ASK,
                decline_reply_ids=("agency-id-polite",),
            ),
            BoundaryItem(
                key="topic.meet_offline",
                label="Ketemuan di luar",
                answer=BoundaryAnswer.NEVER,
                decline_reply_ids=("agency-id-offline", "agency-id-humour"),
            ),
            BoundaryItem(
                key="topic.personal_info",
                label="Berbagi kontak pribadi",
                answer=BoundaryAnswer.NEVER,
            ),
        )
        standar = BoundaryPreset(
            id="agency-standar", name="Standar", items=items, source=Source.AGENCY, language="id"
        )
        english = BoundaryPreset(
            id="agency-standard",
            name="Standard",
            items=(BoundaryItem(key="service.chat", label="Chat", answer=BoundaryAnswer.OK),),
            source=Source.AGENCY,
            language="en",
        )
        self.store.save(standar)
        self.store.save(english)
        return standar

    def settings(self, **changes: object) -> None:
        with self.vault.transaction():
            settings = load_settings(self.vault)
            for name, value in changes.items():
                setattr(settings, name, value)
            save_settings(self.vault, settings)

    def config(self, **changes: object) -> AgencyConfig:
        config = AgencyConfig(**changes)  # type: ignore[arg-type]
        self.store.save(config)
        return config


def make_session_controller(
    vault: Vault, bridge: Bridge, clock: FakeClock, clipboard: SecretClipboard, language: str
) -> tuple[AgencyLink, SessionController]:
    workspace = Workspace(vault, clocks=SessionClocks(clock.monotonic, clock.wall))
    view = WorkspaceBridge(workspace, bridge)
    agency = AgencyLink(view)
    session = SessionController(view, clipboard=clipboard, language=language)
    return agency, session


@pytest.fixture
def session_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def desk(qtbot: QtBot, data_dir: Path, session_clock: FakeClock) -> Iterator[Desk]:
    """A fresh passphrase vault with the session controller (English, not paired)."""
    clock = session_clock
    vault = Vault.create(data_dir / "vault.sqlite3", passphrase=PASSPHRASE)
    bridge = Bridge()
    clipboard = SecretClipboard(clock=clock.monotonic)
    agency, session = make_session_controller(vault, bridge, clock, clipboard, "en")
    made = Desk(vault, RecordStore(vault), bridge, agency, session, clipboard, clock)
    yield made
    qtbot.waitUntil(lambda: not bridge.busy, timeout=10_000)
    session.release()
    agency.release_now()
    bridge.shutdown(wait=True)
    clipboard.clear_secret("quit")
    if vault.is_open:
        vault.close()


def settle(qtbot: QtBot, desk: Desk, timeout: int = 10_000) -> None:
    """Wait until every piece of background work has been delivered."""
    qtbot.waitUntil(lambda: not desk.bridge.busy, timeout=timeout)


def end_with_every_step_done(qtbot: QtBot, session: SessionController) -> None:
    """End the live session and tick every step of its closing checklist (not finished)."""
    session.end()
    qtbot.waitUntil(lambda: session.routine is not None)
    routine = session.routine
    assert routine is not None
    for key in routine.checklist:
        session.set_step_done(key, True)
