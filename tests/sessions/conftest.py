"""Fixtures for the session controller: a real passphrase vault, fake clocks, sample bookings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from talentdesk.domain import (
    AgencyConfig,
    Booking,
    BookingStatus,
    Channel,
    CustomerContact,
    DeclineReply,
    Package,
    ReplyStyle,
    Source,
)
from talentdesk.sync.outbox import Outbox
from talentdesk.vault import Vault
from talentdesk.vault.records import RecordStore

PASSPHRASE = "sesi malam ini aman"
#: 21:00 in Jakarta (WIB, UTC+7).
T0 = datetime(2026, 3, 4, 14, 0, tzinfo=UTC)


@dataclass
class FakeClock:
    """A monotonic clock and a wall clock the test moves by hand.

    The wall clock follows the monotonic one, plus ``wall_jump`` (a clock set by hand
    or NTP): durations must never see the jump.
    """

    mono: float = 5_000.0
    wall0: datetime = T0
    mono0: float = 5_000.0
    wall_jump: timedelta = field(default_factory=timedelta)

    def monotonic(self) -> float:
        return self.mono

    def wall(self) -> datetime:
        return self.wall0 + timedelta(seconds=self.mono - self.mono0) + self.wall_jump

    def advance(self, seconds: float) -> None:
        self.mono += seconds


def package(
    channel: Channel = Channel.CHAT, minutes: int = 30, price: int = 25_000, name: str = ""
) -> Package:
    return Package(
        id=f"pkg-{channel.value}-{minutes}",
        name=name or f"Paket {channel.value} {minutes} menit",
        channel=channel,
        duration_minutes=minutes,
        price_idr=price,
    )


@dataclass
class Desk:
    """An open vault and what the session services need around it."""

    vault: Vault
    store: RecordStore
    outbox: Outbox
    clock: FakeClock

    def book(
        self,
        booking_id: str = "bk-1",
        *,
        start: datetime = T0,
        pkg: Package | None = None,
        status: BookingStatus = BookingStatus.ACCEPTED,
        alias: str = "Bunga",
        needs_unblock: bool = False,
    ) -> Booking:
        booking = Booking(
            id=booking_id,
            start=start,
            package=pkg or package(),
            status=status,
            needs_unblock=needs_unblock,
            returning_customer=needs_unblock,
        )
        self.store.save(booking)
        self.store.save(
            CustomerContact(booking_id=booking_id, alias=alias, contact_handle=f"@{alias}")
        )
        return booking

    def agency_reply(
        self,
        suffix: str,
        text: str,
        *,
        style: ReplyStyle = ReplyStyle.POLITE,
        language: str = "id",
        shortcode: str = "",
    ) -> DeclineReply:
        reply = DeclineReply(
            id=f"agency-{suffix}",
            style=style,
            language=language,
            text=text,
            shortcode=shortcode,
            source=Source.AGENCY,
        )
        self.store.save(reply)
        return reply

    def config(self, **changes: object) -> AgencyConfig:
        config = AgencyConfig(**changes)  # type: ignore[arg-type]
        self.store.save(config)
        return config


def open_desk(path: Path, clock: FakeClock, *, create: bool) -> Desk:
    if create:
        vault = Vault.create(path, passphrase=PASSPHRASE)
    else:
        vault = Vault.open(path, passphrase=PASSPHRASE)
    return Desk(vault, RecordStore(vault), Outbox(vault), clock)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def desk(data_dir: Path, clock: FakeClock) -> Iterator[Desk]:
    made = open_desk(data_dir / "vault.sqlite3", clock, create=True)
    yield made
    if made.vault.is_open:
        made.vault.close()
