"""Apply 10,000 booking events from the feed (pages of 500, as the server sends them).

Target: at most 2 s. Each event writes the booking and the customer's contact
under a fresh per-booking key, with the cursor, in one transaction per page.
"""

from __future__ import annotations

import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import msgspec

from bench._support import ensure_keyring
from talentdesk.sync.apply import apply_page, load_feed_state
from talentdesk.vault import Vault, forget_keys
from talentdesk_contract import wire
from talentdesk_contract.values import Channel

EVENTS = 10_000
PAGE = wire.MAX_FEED_LIMIT


def pages() -> list[wire.FeedPage]:
    start = datetime(2026, 11, 22, 12, tzinfo=UTC)
    package = wire.Package(
        id="chat30",
        name="Teman Curhat 30 menit",
        channel=Channel.CHAT,
        duration_minutes=30,
        price_idr=25_000,
    )
    out, events = [], []
    for seq in range(1, EVENTS + 1):
        data = wire.BookingData(
            booking=wire.BookingInfo(
                id=f"BK-{seq:05d}",
                start=start + timedelta(minutes=seq),
                package=package,
                returning_customer=False,
                needs_unblock=False,
            ),
            customer=wire.Customer(alias=f"Tamu {seq}", contact_handle=f"@tamu{seq}"),
        )
        # Through JSON and back, as the client receives it.
        raw = wire.encode(
            wire.FeedEvent(
                seq=seq, type="booking.created", at=start, data=msgspec.Raw(wire.encode(data))
            )
        )
        events.append(wire.decode(raw, wire.FeedEvent))
        if len(events) == PAGE:
            out.append(wire.FeedPage(events=tuple(events), cursor=seq))
            events = []
    return out


def main() -> None:
    ensure_keyring()
    feed = pages()
    with tempfile.TemporaryDirectory() as tmp:
        vault = Vault.create(Path(tmp) / "vault.sqlite3")
        start = time.perf_counter()
        for page in feed:
            apply_page(vault, page)
        elapsed = time.perf_counter() - start
        state = load_feed_state(vault)
        assert state.applied == EVENTS
        assert state.cursor == EVENTS
        verdict = "within" if elapsed <= 2.0 else "OVER"
        print(
            f"applied {EVENTS} booking events in {len(feed)} pages: {elapsed * 1000:.0f} ms "
            f"({elapsed / EVENTS * 1e6:.0f} µs/event; target 2000 ms: {verdict})",
            flush=True,
        )
        forget_keys(vault.info)
        vault.close()


if __name__ == "__main__":
    main()
