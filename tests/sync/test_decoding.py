"""Reading the agency's answers: any bytes end as a value or a malformed answer.

Property-based (hypothesis) over arbitrary bytes, over JSON-like bytes with hostile
twists (duplicate keys, bad UTF-8, deep nesting, cut short), and over real pages with
poison events among good ones; then the cases of issue 15, one by one.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talentdesk.sync.decoding import (
    MAX_ANSWER_DEPTH,
    FeedAnswer,
    decode_answer,
    decode_feed_page,
)
from talentdesk.sync.errors import MalformedResponseError
from talentdesk.sync.requests import ROUTES
from talentdesk_contract import wire
from talentdesk_contract.values import Channel

ANSWERS: list[type[Any]] = [
    wire.FeedPage,
    wire.Health,
    wire.PairingResponse,
    wire.EscalationCreated,
    wire.Problem,
    wire.Report,
]
AT = "2026-11-22T14:00:00+00:00"


def read_page(data: bytes) -> FeedAnswer | None:
    """The page, or None for a malformed answer; anything else raised fails the test."""
    try:
        return decode_feed_page(data)
    except MalformedResponseError:
        return None


# ---------------------------------------------------------------------------- strategies

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False),
    st.text(max_size=12),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=20,
)


@st.composite
def hostile_json(draw: st.DrawFn) -> bytes:
    """JSON text, then twisted: a key repeated, bad bytes, deep nesting, cut short."""
    value = draw(json_values)
    text = json.dumps(value).encode()
    twist = draw(st.sampled_from(["none", "dup", "bytes", "deep", "cut", "splice"]))
    if twist == "dup" and text.startswith(b"{") and len(text) > 2:
        text = b'{"k": 1, "k": 2, ' + text[1:]
    elif twist == "bytes":
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.binary(min_size=1, max_size=4)) + text[at:]
    elif twist == "deep":
        levels = draw(st.integers(MAX_ANSWER_DEPTH - 2, 3000))
        text = b"[" * levels + text + b"]" * levels
    elif twist == "cut":
        text = text[: draw(st.integers(0, len(text)))]
    elif twist == "splice":
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from([b'"', b"\\", b"{", b"]", b":", b","])) + text[at:]
    return text


def good_event(seq: int) -> bytes:
    data = wire.BookingCancelledData(booking_id=f"BK-{seq}", reason="cancelled")
    event = wire.FeedEvent(
        seq=seq,
        type="booking.cancelled",
        at=datetime(2026, 11, 22, 14, tzinfo=UTC),
        data=msgspec.Raw(wire.encode(data)),
    )
    return wire.encode(event)


def event_with(seq: int, data: bytes) -> bytes:
    head = json.dumps({"seq": seq, "type": "booking.created", "at": AT}).encode()
    return head[:-1] + b', "data": ' + data + b"}"


def page_of(events: list[bytes], cursor: int) -> bytes:
    return b'{"events": [' + b",".join(events) + b'], "cursor": %d}' % cursor


@st.composite
def pages_with_poison(draw: st.DrawFn) -> tuple[bytes, set[int], set[int]]:
    """A page of good events and poison ones (any bytes as ``data``, well bracketed)."""
    count = draw(st.integers(1, 8))
    good, poison, events = set(), set(), []
    for seq in range(1, count + 1):
        if draw(st.booleans()):
            good.add(seq)
            events.append(good_event(seq))
        else:
            poison.add(seq)
            data = draw(
                st.sampled_from(
                    [
                        b"[" * 2000 + b"]" * 2000,
                        b'{"a": "\xff\xfe"}',
                        b'{"a": 1, "a": 2}',
                        b'{"a": tru}',
                        b'{"booking": {"\\u0061": 1, "a": 2}}',
                    ]
                )
            )
            events.append(event_with(seq, data))
    return page_of(events, count), good, poison


# ---------------------------------------------------------------------------- properties


@settings(max_examples=250, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_are_a_page_or_a_malformed_answer(data: bytes) -> None:
    answer = read_page(data)
    assert answer is None or isinstance(answer.page, wire.FeedPage)


#: Every answer the outbox reads (the contract's answer to each write it sends), and
#: ``object`` for a write whose answer has no shape of its own.
_ROUTE_ANSWERS = {route.answer for route in ROUTES.values() if route.answer is not None}
OUTBOX_ANSWERS: list[type[Any]] = [*sorted(_ROUTE_ANSWERS, key=lambda kind: kind.__name__), object]


@settings(max_examples=250, deadline=None)
@given(st.binary(max_size=600), st.sampled_from(OUTBOX_ANSWERS))
def test_any_bytes_are_an_outbox_answer_or_a_malformed_answer(data: bytes, kind: type[Any]) -> None:
    try:
        value = decode_answer(data, kind, "answer to a write")
    except MalformedResponseError as exc:
        why = str(exc)
    else:
        assert isinstance(value, kind)
        return
    assert why.startswith("answer to a write: ")


def test_the_outbox_answers_are_the_routes_answers() -> None:
    assert {wire.BookingAnswerResult, wire.EscalationCreated} <= set(OUTBOX_ANSWERS)


@settings(max_examples=150, deadline=None)
@given(hostile_json(), st.sampled_from(ANSWERS))
def test_hostile_json_is_a_value_or_a_malformed_answer(data: bytes, kind: type[Any]) -> None:
    try:
        value = decode_answer(data, kind)
    except MalformedResponseError:
        return
    assert isinstance(value, kind)
    assert b'"k": 1, "k": 2' not in data  # a repeated key never passes


@settings(max_examples=150, deadline=None)
@given(hostile_json())
def test_hostile_json_as_a_feed_page(data: bytes) -> None:
    answer = read_page(data)
    assert answer is None or isinstance(answer, FeedAnswer)


@settings(max_examples=80, deadline=None)
@given(pages_with_poison())
def test_poison_events_are_set_aside_and_the_good_ones_kept(
    case: tuple[bytes, set[int], set[int]],
) -> None:
    data, good, poison = case
    answer = decode_feed_page(data)
    assert {e.seq for e in answer.page.events} == good
    assert {e.seq for e in answer.unreadable} == poison
    assert all(e.type == "booking.created" and e.reason for e in answer.unreadable)
    assert answer.page.cursor == len(good) + len(poison)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(1, 10**9), max_size=20, unique=True))
def test_a_clean_page_reads_exactly_as_the_contract_decoder_reads_it(seqs: list[int]) -> None:
    data = page_of([good_event(s) for s in sorted(seqs)], max(seqs, default=0))
    answer = decode_feed_page(data)
    assert answer.unreadable == ()
    assert answer.page == wire.decode(data, wire.FeedPage)


# ---------------------------------------------------------------------------- issue 15's cases


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b'{"events": [], "cursor": "\xff\xfe"}', "not UTF-8"),
        (b'{"events": [], "cursor": 1, "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "deeper"),
        (b'{"events": [], "cursor": 5, "cursor": 900000000}', "twice"),
        (b'{"events": [], "\\u0063ursor": 5, "cursor": 9}', "twice"),  # the same key, escaped
        (page_of([good_event(1)] * 2, 1)[:-1] + b', "events": []}', "twice"),
        (b'{"events": [{"seq": 1, "seq": 2, "type": "x", "at": "' + AT.encode() + b'"}]}', "seq"),
        (page_of([b"7"], 7), "seq"),  # an event that is not even an object
        (page_of([good_event(s) for s in range(1, 502)], 501), "more than 500"),
        (b'{"events": ["abc', "never ends"),
        (b'\xef\xbb\xbf{"events": [], "cursor": 0}', "not"),  # a byte-order mark
        (b"[]", "not a JSON object"),
        (b"", "empty"),
        (b'{"events": [], "cursor": 0} {}', "more after"),
    ],
)
def test_the_page_itself_unreadable_is_malformed(data: bytes, why: str) -> None:
    with pytest.raises(MalformedResponseError, match=why):
        decode_feed_page(data)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"[" * 100_000 + b"]" * 100_000, f"nested deeper than {MAX_ANSWER_DEPTH} levels"),
        (b"[" * 990 + b"]" * 990, f"nested deeper than {MAX_ANSWER_DEPTH} levels"),
        (b'{"booking": "\xc3\x28"}', "not UTF-8"),
        (b'{"booking": {}, "booking": {}}', "a key appears twice in one object"),
        (b'{"a": tru}', "DecodeError"),
    ],
)
def test_one_poison_event_is_set_aside_with_its_seq_and_why(data: bytes, reason: str) -> None:
    answer = decode_feed_page(page_of([good_event(1), event_with(2, data), good_event(3)], 3))
    assert [e.seq for e in answer.page.events] == [1, 3]
    [bad] = answer.unreadable
    assert (bad.seq, bad.type) == (2, "booking.created")
    assert bad.reason.startswith(reason)


def test_reasons_never_quote_the_content() -> None:
    secret = "SENTINEL-alias-77"
    data = b'{"alias": "' + secret.encode() + b'", "alias": "x"}'
    answer = decode_feed_page(page_of([event_with(1, data)], 1))
    assert secret not in answer.unreadable[0].reason
    with pytest.raises(MalformedResponseError) as refused:
        decode_answer(b'{"token": "' + secret.encode() + b'\xff"}', wire.PairingResponse)
    assert secret not in str(refused.value)


def test_a_real_config_page_reads_on_the_fast_path() -> None:
    package = wire.Package(
        id="chat30", name="Chat", channel=Channel.CHAT, duration_minutes=30, price_idr=25_000
    )
    config = wire.AgencyConfig(
        packages=(package,),
        pace_thresholds=(),
        contact_window_minutes=15,
        decline_replies=(),
        boundary_presets=(),
        emergency_contacts=(),
    )
    event = wire.FeedEvent(
        seq=1,
        type="config.updated",
        at=datetime(2026, 11, 22, tzinfo=UTC),
        data=msgspec.Raw(wire.encode(config)),
    )
    data = wire.encode(wire.FeedPage(events=(event,), cursor=1))
    answer = decode_feed_page(data)
    assert answer.unreadable == ()
    assert wire.decode_event_data(answer.page.events[0]) == config
