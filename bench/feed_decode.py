"""What reading the agency's answers strictly costs, and what a gzip bomb costs now.

* A page of 500 booking events (about 250 KB), as the agency sends it: the desk's
  decoder (msgspec, a UTF-8 check and the duplicate-key check) against msgspec alone.
* The same page with one poison event (the scanner finds it; the rest is decoded per
  event): what a hostile page costs.
* The worst the scanner sees: a 4 MiB page (the cap) of nesting, of small events, and
  one event of 4 MiB of numbers (the scanner reads every token of it).
* A gzip bomb (64 KB inflating to 64 MiB): peak memory while the desk's inflater reads
  it up to the 4 MiB cap, against httpx's decoder inflating the same network chunk.

Run: ``uv run python -m bench.feed_decode``.
"""

from __future__ import annotations

import time
import tracemalloc
import zlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import msgspec

from bench._support import report
from talentdesk.sync.client import _Inflater
from talentdesk.sync.decoding import decode_feed_page
from talentdesk.sync.errors import MalformedResponseError
from talentdesk_contract import wire
from talentdesk_contract.values import Channel

PAGE = wire.MAX_FEED_LIMIT


def booking_page(poison_at: int | None = None) -> bytes:
    start = datetime(2026, 11, 22, 12, tzinfo=UTC)
    package = wire.Package(
        id="chat30", name="Teman Curhat 30 menit", channel=Channel.CHAT, duration_minutes=30,
        price_idr=25_000,
    )  # fmt: skip
    events = []
    for seq in range(1, PAGE + 1):
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
        raw = wire.encode(data) if seq != poison_at else b"[" * 10_000 + b"]" * 10_000
        events.append(
            wire.FeedEvent(seq=seq, type="booking.created", at=start, data=msgspec.Raw(raw))
        )
    return wire.encode(wire.FeedPage(events=tuple(events), cursor=PAGE))


def timed(work: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        out.append((time.perf_counter() - started) * 1000)
    return out


def refused(data: bytes) -> Callable[[], None]:
    def work() -> None:
        try:
            decode_feed_page(data)
        except MalformedResponseError:
            return
        raise AssertionError("a hostile page was read")

    return work


def peak_mib(work: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def main() -> None:
    clean = booking_page()
    poisoned = booking_page(poison_at=250)
    print(f"page of {PAGE} booking events: {len(clean) / 1024:.0f} KiB")
    report("msgspec alone (wire.decode)", timed(lambda: wire.decode(clean, wire.FeedPage), 40))
    report("the desk's decoder, clean page", timed(lambda: decode_feed_page(clean), 40))
    answer = decode_feed_page(poisoned)
    assert [e.seq for e in answer.unreadable] == [250]
    report("the desk's decoder, one poison event", timed(lambda: decode_feed_page(poisoned), 20))

    cap = wire.MAX_RESPONSE_BYTES
    deep = b'{"events": [], "cursor": 0, "x": ' + b"[" * (cap // 2 - 40) + b"]" * (cap // 2 - 40)
    report("4 MiB of nesting (refused)", timed(refused(deep + b"}"), 5))
    small = b'{"seq": 1, "type": "x", "at": 0, "data": {"a": [1, 2]}}'
    many = b'{"events": [' + b",".join([small] * (cap // (len(small) + 1) - 1)) + b"]}"
    report("4 MiB of small events (refused)", timed(refused(many), 5))
    flat = b"[" + b"1," * (cap // 2 - 100) + b"1]"
    one = b'{"events": [{"seq": 1, "type": "x", "at": 0, "data": ' + flat + b'}], "cursor": 1}'
    report("one event of 4 MiB of numbers (set aside)", timed(lambda: decode_feed_page(one), 5))

    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(1 << 20)
    bomb = b"".join([*(packer.compress(zeros) for _ in range(64)), packer.flush()])
    print(f"gzip bomb: {len(bomb) / 1024:.0f} KiB inflating to 64 MiB")

    def ours() -> None:
        size = 0
        inflater = _Inflater(gzip=True)
        try:
            for piece in inflater.inflate(bomb):
                size += len(piece)
                if size > cap:
                    raise MalformedResponseError("over the cap")
        except MalformedResponseError:
            return

    def httpx_whole_chunk() -> None:
        from httpx._decoders import GZipDecoder  # what httpx.Response.iter_bytes() uses

        GZipDecoder().decode(bomb)

    print(f"peak while reading it, the desk's inflater: {peak_mib(ours):.1f} MiB")
    print(f"peak while reading it, httpx's decoder (before): {peak_mib(httpx_whole_chunk):.1f} MiB")


if __name__ == "__main__":
    main()
