"""Tests for the domain layer: records, validation and the pure rules."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talentdesk import domain
from talentdesk.domain import (
    DEFAULT_CONTACT_WINDOW_MINUTES,
    DEFAULT_PACE_THRESHOLDS,
    PRICE_MAX_IDR,
    PRICE_MIN_IDR,
    RECORD_TYPES,
    AgencyConfig,
    Booking,
    BookingStatus,
    BoundaryAnswer,
    BoundaryItem,
    BoundaryPreset,
    Channel,
    Conflict,
    CustomerContact,
    DeclineReply,
    DomainError,
    Incident,
    IncidentCategory,
    IncidentStatus,
    PaceThreshold,
    Package,
    Record,
    ReplyStyle,
    SessionOutcome,
    SessionRecord,
    ShiftLimits,
    SlowReplyCounter,
    Source,
    TicketLevel,
    boundary_conflicts,
    busy_span,
    contact_visible,
    contact_window,
    find_overlaps,
    format_idr,
    record_id,
    record_kind,
    shift_limit_problems,
)

# No example database: keeps the test run from writing a .hypothesis directory.
PROPS = settings(database=None, deadline=None)

T0 = datetime(2025, 3, 1, 14, 0, tzinfo=UTC)  # 21:00 WIB
WIB = timezone(timedelta(hours=7))
SENTINEL_ALIAS = "Sentinel-Alias-7f3a"
SENTINEL_HANDLE = "@sentinel_handle_91c2"


def make_package(
    *,
    channel: Channel = Channel.CHAT,
    minutes: int = 60,
    price: int = 50_000,
    pid: str = "pkg-1",
) -> Package:
    return Package(
        id=pid, name="Teman curhat", channel=channel, duration_minutes=minutes, price_idr=price
    )


def make_booking(
    *,
    bid: str = "b-1",
    start: datetime = T0,
    minutes: int = 60,
    status: BookingStatus = BookingStatus.ACCEPTED,
    channel: Channel = Channel.CHAT,
) -> Booking:
    return Booking(
        id=bid, start=start, package=make_package(minutes=minutes, channel=channel), status=status
    )


def make_preset(**answers: BoundaryAnswer) -> BoundaryPreset:
    items = tuple(
        BoundaryItem(key=key.replace("_", ".", 1), label=key, answer=answer)
        for key, answer in answers.items()
    )
    return BoundaryPreset(id="preset-1", name="Default", items=items)


def sample_records() -> list[Record]:
    pkg = make_package(channel=Channel.CHAT_CALL)
    return [
        Booking(
            id="b-1",
            start=T0,
            package=pkg,
            status=BookingStatus.ACCEPTED,
            returning_customer=True,
            needs_unblock=True,
            updated_at=T0 - timedelta(hours=2),
        ),
        CustomerContact(booking_id="b-1", alias=SENTINEL_ALIAS, contact_handle=SENTINEL_HANDLE),
        BoundaryPreset(
            id="preset-1",
            name="Agency default",
            items=(
                BoundaryItem(
                    key="topic.sexual",
                    label="Sexual content",
                    answer=BoundaryAnswer.NEVER,
                    decline_reply_ids=("r-1", "r-2"),
                ),
                BoundaryItem(key="service.call", label="Calls", answer=BoundaryAnswer.ASK),
            ),
            source=Source.AGENCY,
        ),
        DeclineReply(
            id="r-1",
            style=ReplyStyle.POLITE,
            language="id",
            text="Maaf ya, itu di luar batasan aku.",
            shortcode="tolak1",
            source=Source.AGENCY,
            pinned=True,
        ),
        SessionRecord(
            id="s-1",
            booking_id="b-1",
            package=pkg,
            started_at=T0,
            ended_at=T0 + timedelta(minutes=61),
            planned_seconds=3600,
            actual_seconds=3660.25,
            price_idr=50_000,
            outcome=SessionOutcome.COMPLETED,
            flags=("overtime",),
            slow_replies=2,
        ),
        Incident(
            id="i-1",
            session_id="s-1",
            booking_id="b-1",
            category=IncidentCategory.THREATS,
            description="Customer threatened to find me.",
            created_at=T0 + timedelta(minutes=30),
            ticket="T-1001",
            level=TicketLevel.SUPERVISOR,
            status=IncidentStatus.IN_PROGRESS,
        ),
    ]


# --- enums ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("channel", "chat", "call"),
    [
        (Channel.CHAT, True, False),
        (Channel.CALL, False, True),
        (Channel.CHAT_CALL, True, True),
    ],
)
def test_channel_allows(channel: Channel, chat: bool, call: bool) -> None:
    assert channel.allows_chat is chat
    assert channel.allows_call is call


def test_enum_wire_values_are_stable() -> None:
    assert [c.value for c in Channel] == ["chat", "call", "chat_call"]
    assert [s.value for s in BookingStatus] == [
        "pending",
        "accepted",
        "declined",
        "cancelled",
        "live",
        "done",
    ]
    assert [a.value for a in BoundaryAnswer] == ["ok", "ask", "never"]
    assert [s.value for s in Source] == ["agency", "personal"]
    assert [s.value for s in ReplyStyle] == [
        "polite",
        "humour",
        "alternative",
        "opening",
        "closing",
    ]
    assert [o.value for o in SessionOutcome] == [
        "completed",
        "ended_early",
        "escalated",
        "no_show",
        "cancelled",
    ]
    assert [c.value for c in IncidentCategory] == [
        "sexual_harassment",
        "insults",
        "threats",
        "personal_info_or_meeting",
        "extra_payment_or_exploitation",
        "discrimination",
        "outside_package_or_boundaries",
        "other",
    ]
    assert [e.value for e in TicketLevel] == ["first_line", "supervisor", "technical"]
    assert [s.value for s in IncidentStatus] == [
        "draft",
        "queued",
        "delivered",
        "in_progress",
        "resolved",
    ]


# --- round trips ----------------------------------------------------------------------


@pytest.mark.parametrize("record", sample_records(), ids=lambda r: type(r).__name__)
def test_record_round_trips_through_json(record: Record) -> None:
    kind = record_kind(record)
    data = msgspec.json.encode(record)
    back = msgspec.json.decode(data, type=RECORD_TYPES[kind])
    assert back == record
    assert type(back) is type(record)


@pytest.mark.parametrize(
    "obj",
    [
        make_package(),
        Conflict(key="service.call", answer=BoundaryAnswer.ASK, message_key="call_ask_first"),
        ShiftLimits(max_hours_per_night=4.5, min_break_minutes=15),
        PaceThreshold(120, 5),
        BoundaryItem(key="service.video", label="Video", answer=BoundaryAnswer.NEVER),
    ],
    ids=lambda o: type(o).__name__,
)
def test_helper_structs_round_trip(obj: msgspec.Struct) -> None:
    assert msgspec.json.decode(msgspec.json.encode(obj), type=type(obj)) == obj


def test_datetimes_encode_as_utc() -> None:
    booking = make_booking()
    assert b'"start":"2025-03-01T14:00:00Z"' in msgspec.json.encode(booking)


def test_record_types_and_kinds() -> None:
    assert dict(RECORD_TYPES) == {
        "booking": Booking,
        "customer_contact": CustomerContact,
        "boundary_preset": BoundaryPreset,
        "decline_reply": DeclineReply,
        "session_record": SessionRecord,
        "incident": Incident,
        "agency_config": AgencyConfig,
    }
    for record in sample_records():
        assert RECORD_TYPES[record_kind(record)] is type(record)
    with pytest.raises(TypeError):
        RECORD_TYPES["booking"] = Booking  # type: ignore[index]


def test_record_kind_rejects_non_records() -> None:
    with pytest.raises(TypeError, match="not a record type: Package"):
        record_kind(make_package())  # type: ignore[arg-type]


def test_record_id() -> None:
    ids = [record_id(r) for r in sample_records()]
    assert ids == ["b-1", "b-1", "preset-1", "r-1", "s-1", "i-1"]


def test_structs_are_frozen() -> None:
    booking = make_booking()
    with pytest.raises(AttributeError):
        booking.status = BookingStatus.DONE  # type: ignore[misc]


def test_strict_decode_rejects_wrong_types() -> None:
    payload = b'{"id":"p","name":"n","channel":"chat","duration_minutes":"60","price_idr":50000}'
    with pytest.raises(msgspec.ValidationError, match="duration_minutes"):
        msgspec.json.decode(payload, type=Package)
    with pytest.raises(msgspec.ValidationError, match="channel"):
        msgspec.json.decode(payload.replace(b'"chat"', b'"video"'), type=Package)


# --- Package --------------------------------------------------------------------------


@pytest.mark.parametrize("minutes", [1, 30, 720])
def test_package_accepts_duration_bounds(minutes: int) -> None:
    assert make_package(minutes=minutes).duration == timedelta(minutes=minutes)


@pytest.mark.parametrize("minutes", [0, -5, 721])
def test_package_rejects_duration(minutes: int) -> None:
    with pytest.raises(
        DomainError, match=rf"duration_minutes must be between 1 and 720, got {minutes}"
    ):
        make_package(minutes=minutes)


@pytest.mark.parametrize("price", [PRICE_MIN_IDR, 150_000, PRICE_MAX_IDR])
def test_package_accepts_price_bounds(price: int) -> None:
    assert make_package(price=price).price_idr == price


@pytest.mark.parametrize(
    ("price", "shown"), [(4_999, "Rp 4.999"), (300_001, "Rp 300.001"), (0, "Rp 0")]
)
def test_package_rejects_price(price: int, shown: str) -> None:
    with pytest.raises(DomainError) as info:
        make_package(price=price)
    assert str(info.value) == (
        f"Package 'pkg-1': price_idr must be between Rp 5.000 and Rp 300.000, got {shown}"
    )


def test_domain_error_is_value_error() -> None:
    assert issubclass(DomainError, ValueError)


def test_package_rejects_empty_id() -> None:
    with pytest.raises(DomainError, match=r"Package\.id must not be empty"):
        make_package(pid=" ")


def test_invalid_package_payload_fails_decoding() -> None:
    payload = b'{"id":"p","name":"n","channel":"call","duration_minutes":60,"price_idr":1}'
    with pytest.raises(msgspec.ValidationError, match="price_idr must be between"):
        msgspec.json.decode(payload, type=Package)


@PROPS
@given(
    minutes=st.integers(min_value=1, max_value=720),
    price=st.integers(min_value=PRICE_MIN_IDR, max_value=PRICE_MAX_IDR),
    channel=st.sampled_from(Channel),
)
def test_valid_packages_round_trip(minutes: int, price: int, channel: Channel) -> None:
    pkg = make_package(minutes=minutes, price=price, channel=channel)
    assert msgspec.json.decode(msgspec.json.encode(pkg), type=Package) == pkg


@PROPS
@given(
    minutes=st.integers().filter(lambda m: not 1 <= m <= 720)
    | st.integers(min_value=1, max_value=720),
    price=st.integers(),
)
def test_package_validation_matches_ranges(minutes: int, price: int) -> None:
    valid = 1 <= minutes <= 720 and PRICE_MIN_IDR <= price <= PRICE_MAX_IDR
    if valid:
        make_package(minutes=minutes, price=price)
    else:
        with pytest.raises(DomainError):
            make_package(minutes=minutes, price=price)


# --- Booking and datetimes ------------------------------------------------------------


def test_booking_defaults_and_end() -> None:
    booking = Booking(id="b-9", start=T0, package=make_package(minutes=90))
    assert booking.status is BookingStatus.PENDING
    assert booking.returning_customer is False
    assert booking.needs_unblock is False
    assert booking.updated_at is None
    assert booking.end == T0 + timedelta(minutes=90)


def test_booking_has_no_customer_fields() -> None:
    for name in Booking.__struct_fields__:
        assert "alias" not in name
        assert "handle" not in name
        assert "contact" not in name


def test_booking_rejects_naive_start() -> None:
    with pytest.raises(DomainError, match=r"Booking\.start must be a timezone-aware datetime"):
        make_booking(start=datetime(2025, 3, 1, 21, 0))


def test_booking_rejects_naive_updated_at() -> None:
    with pytest.raises(DomainError, match=r"Booking\.updated_at must be a timezone-aware"):
        Booking(id="b", start=T0, package=make_package(), updated_at=datetime(2025, 1, 1))


def test_booking_normalises_offset_to_utc() -> None:
    booking = make_booking(start=datetime(2025, 3, 1, 21, 0, tzinfo=WIB))
    assert booking.start == T0
    assert booking.start.tzinfo is UTC


def test_decoding_naive_or_offset_datetimes() -> None:
    pkg = msgspec.json.encode(make_package()).decode()
    naive = f'{{"id":"b","start":"2025-03-01T21:00:00","package":{pkg}}}'.encode()
    with pytest.raises(msgspec.ValidationError, match="timezone-aware"):
        msgspec.json.decode(naive, type=Booking)
    wib = f'{{"id":"b","start":"2025-03-01T21:00:00+07:00","package":{pkg}}}'.encode()
    booking = msgspec.json.decode(wib, type=Booking)
    assert booking.start == T0
    assert booking.start.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    ("offset_min", "minutes", "expected"),
    [
        (0, 60, True),  # same time
        (30, 60, True),  # partial
        (60, 60, False),  # back to back: half-open intervals
        (-60, 60, False),
        (-59, 60, True),
        (10, 5, True),  # inside
        (120, 60, False),
    ],
)
def test_overlaps(offset_min: int, minutes: int, expected: bool) -> None:
    a = make_booking(bid="a")
    b = make_booking(bid="b", start=T0 + timedelta(minutes=offset_min), minutes=minutes)
    assert a.overlaps(b) is expected
    assert b.overlaps(a) is expected


booking_starts = st.integers(min_value=-24 * 60, max_value=24 * 60).map(
    lambda m: T0 + timedelta(minutes=m)
)
durations = st.integers(min_value=1, max_value=720)


@PROPS
@given(s1=booking_starts, d1=durations, s2=booking_starts, d2=durations)
def test_overlaps_is_symmetric_and_matches_minutes(
    s1: datetime, d1: int, s2: datetime, d2: int
) -> None:
    a = make_booking(bid="a", start=s1, minutes=d1)
    b = make_booking(bid="b", start=s2, minutes=d2)
    assert a.overlaps(b) == b.overlaps(a)
    # Brute force over whole minutes (all starts and durations are whole minutes).
    minutes_a = {s1 + timedelta(minutes=i) for i in range(d1)}
    minutes_b = {s2 + timedelta(minutes=i) for i in range(d2)}
    assert a.overlaps(b) == bool(minutes_a & minutes_b)
    assert a.overlaps(a)


# --- CustomerContact privacy ----------------------------------------------------------


def make_contact() -> CustomerContact:
    return CustomerContact(booking_id="b-1", alias=SENTINEL_ALIAS, contact_handle=SENTINEL_HANDLE)


def test_customer_contact_repr_is_redacted() -> None:
    contact = make_contact()
    for text in (repr(contact), str(contact), f"{contact}", f"{contact!r}", repr([contact])):
        assert SENTINEL_ALIAS not in text
        assert SENTINEL_HANDLE not in text
        assert "b-1" in text
    assert repr(contact) == (
        "CustomerContact(booking_id='b-1', alias=<redacted>, contact_handle=<redacted>)"
    )


def test_customer_contact_rich_repr_is_redacted() -> None:
    fields = list(make_contact().__rich_repr__())
    assert ("booking_id", "b-1") in fields
    flat = repr(fields)
    assert SENTINEL_ALIAS not in flat
    assert SENTINEL_HANDLE not in flat


def test_logging_a_contact_does_not_leak(caplog: pytest.LogCaptureFixture) -> None:
    contact = make_contact()
    logger = logging.getLogger("talentdesk.test")
    with caplog.at_level(logging.DEBUG, logger="talentdesk.test"):
        logger.info("contact %s / %r", contact, contact)
        logger.info("in a dict: %s", {"c": contact})
        logger.info("struct %s", contact, extra={"contact": contact})
    assert caplog.records
    assert SENTINEL_ALIAS not in caplog.text
    assert SENTINEL_HANDLE not in caplog.text


def test_customer_contact_keeps_its_data() -> None:
    contact = make_contact()
    assert contact.alias == SENTINEL_ALIAS
    assert contact.contact_handle == SENTINEL_HANDLE
    decoded = msgspec.json.decode(msgspec.json.encode(contact), type=CustomerContact)
    assert decoded.alias == SENTINEL_ALIAS


def test_customer_contact_error_does_not_quote_customer_data() -> None:
    with pytest.raises(DomainError) as info:
        CustomerContact(booking_id="", alias=SENTINEL_ALIAS, contact_handle=SENTINEL_HANDLE)
    assert SENTINEL_ALIAS not in str(info.value)
    assert "booking_id must not be empty" in str(info.value)


# --- boundary presets and replies -----------------------------------------------------


def test_answer_for() -> None:
    preset = make_preset(service_call=BoundaryAnswer.NEVER, topic_sexual=BoundaryAnswer.NEVER)
    assert preset.source is Source.PERSONAL
    assert preset.answer_for("service.call") is BoundaryAnswer.NEVER
    assert preset.answer_for("service.chat") is None


def test_preset_rejects_duplicate_keys() -> None:
    item = BoundaryItem(key="service.call", label="Calls", answer=BoundaryAnswer.OK)
    with pytest.raises(DomainError, match=r"duplicate item key 'service\.call'"):
        BoundaryPreset(id="p", name="Dup", items=(item, item))


def test_boundary_item_defaults() -> None:
    item = BoundaryItem(key="topic.meet_offline", label="Meet", answer=BoundaryAnswer.NEVER)
    assert item.decline_reply_ids == ()


def make_reply(**changes: Any) -> DeclineReply:
    fields: dict[str, Any] = {
        "id": "r-1",
        "style": ReplyStyle.HUMOUR,
        "language": "en",
        "text": "Ha, nice try!",
        "shortcode": "nice-try",
    }
    fields.update(changes)
    return DeclineReply(**fields)


def test_decline_reply_defaults() -> None:
    reply = make_reply()
    assert reply.source is Source.PERSONAL
    assert reply.pinned is False


@pytest.mark.parametrize("shortcode", ["", "tolak", "t1", "no_video", "nice-try"])
def test_decline_reply_accepts_shortcode(shortcode: str) -> None:
    assert make_reply(shortcode=shortcode).shortcode == shortcode


@pytest.mark.parametrize("shortcode", ["Tolak", "no video", "tab\there", " lead"])
def test_decline_reply_rejects_shortcode(shortcode: str) -> None:
    with pytest.raises(DomainError, match="shortcode must be lowercase without spaces"):
        make_reply(shortcode=shortcode)


@pytest.mark.parametrize("language", ["", "ID", "fr", "id-ID"])
def test_decline_reply_rejects_language(language: str) -> None:
    with pytest.raises(DomainError, match=r"language must be one of \['en', 'id'\]"):
        make_reply(language=language)


def test_decline_reply_rejects_blank_text() -> None:
    with pytest.raises(DomainError, match="text must not be empty"):
        make_reply(text="  ")


# --- SessionRecord and Incident -------------------------------------------------------


def test_session_record_has_no_customer_fields() -> None:
    for name in SessionRecord.__struct_fields__:
        lowered = name.lower()
        for word in ("alias", "handle", "customer", "contact", "name"):
            assert word not in lowered, name


def make_session(**changes: Any) -> SessionRecord:
    fields: dict[str, Any] = {
        "id": "s-1",
        "booking_id": "b-1",
        "package": make_package(),
        "started_at": T0,
        "ended_at": T0 + timedelta(minutes=60),
        "planned_seconds": 3600,
        "actual_seconds": 3600.0,
        "price_idr": 50_000,
        "outcome": SessionOutcome.COMPLETED,
    }
    fields.update(changes)
    return SessionRecord(**fields)


def test_session_record_defaults() -> None:
    record = make_session()
    assert record.flags == ()
    assert record.slow_replies == 0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"ended_at": T0 - timedelta(seconds=1)}, "ended_at .* is before started_at"),
        ({"planned_seconds": -1}, "planned_seconds must be >= 0"),
        ({"actual_seconds": -0.5}, "actual_seconds must be a finite number >= 0"),
        ({"actual_seconds": float("nan")}, "actual_seconds must be a finite number >= 0"),
        ({"price_idr": -1}, "price_idr must be >= 0"),
        ({"slow_replies": -1}, "slow_replies must be >= 0"),
        ({"started_at": datetime(2025, 3, 1)}, "started_at must be a timezone-aware"),
    ],
)
def test_session_record_validation(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(DomainError, match=message):
        make_session(**changes)


def test_incident_defaults_and_validation() -> None:
    incident = Incident(
        id="i-1",
        session_id="s-1",
        booking_id="b-1",
        category=IncidentCategory.OTHER,
        description="",
        created_at=datetime(2025, 3, 1, 21, 30, tzinfo=WIB),
    )
    assert incident.ticket is None
    assert incident.level is TicketLevel.FIRST_LINE
    assert incident.status is IncidentStatus.DRAFT
    assert incident.created_at == T0 + timedelta(minutes=30)
    with pytest.raises(DomainError, match=r"Incident\.created_at must be a timezone-aware"):
        Incident(
            id="i-2",
            session_id="s-1",
            booking_id="b-1",
            category=IncidentCategory.OTHER,
            description="x",
            created_at=datetime(2025, 3, 1),
        )


# --- contact window -------------------------------------------------------------------


def test_contact_window_default() -> None:
    booking = make_booking(minutes=60)
    assert DEFAULT_CONTACT_WINDOW_MINUTES == 10
    assert contact_window(booking) == (T0 - timedelta(minutes=10), T0 + timedelta(minutes=60))


def test_contact_window_closes_when_session_ends() -> None:
    booking = make_booking(minutes=60)
    early = T0 + timedelta(minutes=20)
    assert contact_window(booking, ended_at=early) == (T0 - timedelta(minutes=10), early)
    late = T0 + timedelta(minutes=75)
    assert contact_window(booking, 5, late) == (T0 - timedelta(minutes=5), late)


def test_contact_window_never_inverted() -> None:
    booking = make_booking()
    opens, closes = contact_window(booking, ended_at=T0 - timedelta(hours=1))
    assert opens == closes == T0 - timedelta(minutes=10)


def test_contact_window_rejects_bad_arguments() -> None:
    with pytest.raises(DomainError, match="minutes_before must be >= 0, got -1"):
        contact_window(make_booking(), minutes_before=-1)
    with pytest.raises(DomainError, match="ended_at must be a timezone-aware"):
        contact_window(make_booking(), ended_at=datetime(2025, 3, 1))


@pytest.mark.parametrize(
    ("offset", "visible"),
    [
        (timedelta(minutes=-10, microseconds=-1), False),
        (timedelta(minutes=-10), True),  # opens inclusive
        (timedelta(0), True),
        (timedelta(minutes=59, seconds=59), True),
        (timedelta(minutes=60), False),  # closes exclusive
    ],
)
def test_contact_visible_edges(offset: timedelta, visible: bool) -> None:
    assert contact_visible(make_booking(minutes=60), T0 + offset) is visible


@pytest.mark.parametrize(
    "status", [BookingStatus.CANCELLED, BookingStatus.DECLINED, BookingStatus.DONE]
)
def test_contact_hidden_for_closed_bookings(status: BookingStatus) -> None:
    assert not contact_visible(make_booking(status=status), T0)


def test_contact_hidden_until_the_talent_accepts() -> None:
    """Inside its contact window a booking still waiting for an answer shows no contact."""
    assert not contact_visible(make_booking(status=BookingStatus.PENDING), T0)
    assert contact_visible(make_booking(status=BookingStatus.ACCEPTED), T0)


@pytest.mark.parametrize("status", [BookingStatus.ACCEPTED, BookingStatus.LIVE])
def test_contact_shown_for_open_bookings(status: BookingStatus) -> None:
    assert contact_visible(make_booking(status=status), T0)


def test_contact_hidden_after_session_ended_early() -> None:
    booking = make_booking(minutes=60, status=BookingStatus.LIVE)
    ended = T0 + timedelta(minutes=15)
    assert not contact_visible(booking, ended, ended_at=ended)
    assert contact_visible(booking, ended - timedelta(seconds=1), ended_at=ended)


def test_contact_visible_accepts_other_offsets_and_rejects_naive() -> None:
    assert contact_visible(make_booking(), datetime(2025, 3, 1, 21, 5, tzinfo=WIB))
    with pytest.raises(DomainError, match=r"contact_visible\.now must be a timezone-aware"):
        contact_visible(make_booking(), datetime(2025, 3, 1, 14, 5))


@PROPS
@given(
    minutes_before=st.integers(min_value=0, max_value=120),
    duration=durations,
    now_offset=st.integers(min_value=-300 * 60, max_value=900 * 60),
    ended_offset=st.none() | st.integers(min_value=-300 * 60, max_value=900 * 60),
    status=st.sampled_from(BookingStatus),
)
def test_contact_visible_matches_window(
    minutes_before: int,
    duration: int,
    now_offset: int,
    ended_offset: int | None,
    status: BookingStatus,
) -> None:
    booking = make_booking(minutes=duration, status=status)
    now = T0 + timedelta(seconds=now_offset)
    ended_at = None if ended_offset is None else T0 + timedelta(seconds=ended_offset)
    opens, closes = contact_window(booking, minutes_before, ended_at)
    assert opens <= closes
    assert opens == T0 - timedelta(minutes=minutes_before)
    visible = contact_visible(booking, now, minutes_before, ended_at)
    closed = status not in {BookingStatus.ACCEPTED, BookingStatus.LIVE}
    assert visible == (not closed and opens <= now < closes)
    if now < opens or (ended_at is not None and now >= ended_at):
        assert not visible


# --- boundary conflicts ---------------------------------------------------------------


def test_no_conflicts_when_preset_allows_or_is_silent() -> None:
    pkg = make_package(channel=Channel.CHAT_CALL)
    assert boundary_conflicts(pkg, make_preset()) == ()
    allowed = make_preset(service_call=BoundaryAnswer.OK, service_chat=BoundaryAnswer.OK)
    assert boundary_conflicts(pkg, allowed) == ()


@pytest.mark.parametrize(
    ("channel", "call", "chat", "expected"),
    [
        (Channel.CALL, BoundaryAnswer.NEVER, None, [("service.call", "never", "call_not_allowed")]),
        (Channel.CALL, BoundaryAnswer.ASK, None, [("service.call", "ask", "call_ask_first")]),
        (Channel.CHAT, BoundaryAnswer.NEVER, None, []),
        (Channel.CHAT, None, BoundaryAnswer.NEVER, [("service.chat", "never", "chat_not_allowed")]),
        (Channel.CHAT, None, BoundaryAnswer.ASK, [("service.chat", "ask", "chat_ask_first")]),
        (Channel.CALL, None, BoundaryAnswer.NEVER, []),
        (
            Channel.CHAT_CALL,
            BoundaryAnswer.NEVER,
            BoundaryAnswer.ASK,
            [
                ("service.chat", "ask", "chat_ask_first"),
                ("service.call", "never", "call_not_allowed"),
            ],
        ),
    ],
)
def test_boundary_conflicts(
    channel: Channel,
    call: BoundaryAnswer | None,
    chat: BoundaryAnswer | None,
    expected: list[tuple[str, str, str]],
) -> None:
    answers = {}
    if call is not None:
        answers["service_call"] = call
    if chat is not None:
        answers["service_chat"] = chat
    conflicts = boundary_conflicts(make_package(channel=channel), make_preset(**answers))
    assert [(c.key, c.answer.value, c.message_key) for c in conflicts] == expected


def test_conflict_blocking() -> None:
    never = Conflict(
        key="service.call", answer=BoundaryAnswer.NEVER, message_key="call_not_allowed"
    )
    ask = Conflict(key="service.call", answer=BoundaryAnswer.ASK, message_key="call_ask_first")
    assert never.blocking
    assert not ask.blocking


@PROPS
@given(
    channel=st.sampled_from(Channel),
    chat=st.none() | st.sampled_from(BoundaryAnswer),
    call=st.none() | st.sampled_from(BoundaryAnswer),
)
def test_boundary_conflicts_properties(
    channel: Channel, chat: BoundaryAnswer | None, call: BoundaryAnswer | None
) -> None:
    answers = {k: v for k, v in (("service_chat", chat), ("service_call", call)) if v is not None}
    conflicts = boundary_conflicts(make_package(channel=channel), make_preset(**answers))
    keys = [c.key for c in conflicts]
    assert len(keys) == len(set(keys))
    for c in conflicts:
        assert c.answer is not BoundaryAnswer.OK
        if c.key == "service.call":
            assert channel.allows_call
            assert c.answer is call
        else:
            assert channel.allows_chat
            assert c.answer is chat
        assert c.message_key.endswith("not_allowed" if c.blocking else "ask_first")
    expected_count = int(channel.allows_chat and chat in {BoundaryAnswer.ASK, BoundaryAnswer.NEVER})
    expected_count += int(
        channel.allows_call and call in {BoundaryAnswer.ASK, BoundaryAnswer.NEVER}
    )
    assert len(conflicts) == expected_count


# --- overlaps -------------------------------------------------------------------------


def test_find_overlaps_filters_status_and_self() -> None:
    me = make_booking(bid="me", status=BookingStatus.PENDING)
    me_updated = make_booking(bid="me", status=BookingStatus.ACCEPTED)
    cancelled = make_booking(bid="c", status=BookingStatus.CANCELLED)
    declined = make_booking(bid="d", status=BookingStatus.DECLINED)
    accepted = make_booking(bid="a", start=T0 + timedelta(minutes=30))
    pending = make_booking(bid="p", start=T0 - timedelta(minutes=30), status=BookingStatus.PENDING)
    later = make_booking(bid="l", start=T0 + timedelta(minutes=60))
    others = [me, me_updated, cancelled, declined, accepted, pending, later]
    assert find_overlaps(me, others) == (accepted, pending)
    assert find_overlaps(me, []) == ()
    assert find_overlaps(me, iter(others)) == (accepted, pending)


def ended_session(booking: Booking, minutes: float) -> SessionRecord:
    """The record of ``booking``'s session, started on time and ended after ``minutes``."""
    return SessionRecord(
        id=f"s-{booking.id}",
        booking_id=booking.id,
        package=booking.package,
        started_at=booking.start,
        ended_at=booking.start + timedelta(minutes=minutes),
        planned_seconds=booking.package.duration_minutes * 60,
        actual_seconds=minutes * 60,
        price_idr=booking.package.price_idr,
        outcome=SessionOutcome.COMPLETED,
    )


def test_overlaps_use_the_time_a_session_really_took() -> None:
    # 20:00-21:00 booked, ended early at 20:20: a booking at 20:30 clashes with nothing.
    done = make_booking(bid="done", status=BookingStatus.DONE)
    early = busy_span(done, ended_session(done, 20), now=T0 + timedelta(hours=2))
    after = make_booking(bid="after", start=T0 + timedelta(minutes=30), minutes=30)
    assert find_overlaps(after, [early]) == ()
    assert find_overlaps(after, [done]) == (done,)  # by the booked times it would
    # A session that ran over holds its time until it really ended.
    over = busy_span(done, ended_session(done, 75), now=T0 + timedelta(hours=2))
    next_one = make_booking(bid="next", start=T0 + timedelta(minutes=65), minutes=30)
    assert find_overlaps(next_one, [over]) == (done,)
    # A live session past its booked end holds the time up to now.
    live = make_booking(bid="live", status=BookingStatus.LIVE)
    now = T0 + timedelta(minutes=80)
    assert busy_span(live, None, now).end == now
    assert find_overlaps(next_one, [busy_span(live, None, now)]) == (live,)
    assert busy_span(live, None, T0).end == live.end  # not over yet: as booked
    accepted = make_booking(bid="acc")
    assert busy_span(accepted, None, now) == (accepted, accepted.start, accepted.end)


def test_shift_limits_count_the_time_sessions_really_took() -> None:
    done = make_booking(bid="done", minutes=240, status=BookingStatus.DONE)
    candidate = make_booking(bid="c", start=T0 + timedelta(hours=5), minutes=180)
    limits = ShiftLimits(max_hours_per_night=6, min_break_minutes=10)
    assert shift_limit_problems(candidate, [done], limits) == ("too_many_hours",)
    short = busy_span(done, ended_session(done, 120), now=T0 + timedelta(hours=3))
    assert shift_limit_problems(candidate, [short], limits) == ()


# --- shift limits ---------------------------------------------------------------------


def test_shift_limits_defaults_and_validation() -> None:
    limits = ShiftLimits()
    assert limits.max_hours_per_night == 6.0
    assert limits.min_break_minutes == 10
    with pytest.raises(DomainError, match="max_hours_per_night must be > 0, got 0"):
        ShiftLimits(max_hours_per_night=0)
    with pytest.raises(DomainError, match="min_break_minutes must be >= 0, got -1"):
        ShiftLimits(min_break_minutes=-1)


def test_shift_ok() -> None:
    candidate = make_booking(bid="c", start=T0 + timedelta(hours=2))
    night = [make_booking(bid="a"), make_booking(bid="b", start=T0 + timedelta(hours=4))]
    assert shift_limit_problems(candidate, night, ShiftLimits()) == ()


def test_shift_exactly_max_hours_is_ok() -> None:
    night = [make_booking(bid=f"n{i}", start=T0 + timedelta(minutes=70 * i)) for i in range(5)]
    candidate = make_booking(bid="c", start=T0 + timedelta(minutes=70 * 5))
    assert shift_limit_problems(candidate, night, ShiftLimits()) == ()
    longer = make_booking(bid="c", start=T0 + timedelta(minutes=350), minutes=61)
    assert shift_limit_problems(longer, night, ShiftLimits()) == ("too_many_hours",)


def test_shift_night_is_twelve_hours_either_side() -> None:
    candidate = make_booking(bid="c", minutes=120)
    limits = ShiftLimits(max_hours_per_night=6)
    edge = [
        make_booking(bid="before", start=T0 - timedelta(hours=12), minutes=240),
        make_booking(bid="after", start=T0 + timedelta(hours=12), minutes=240),
    ]
    assert shift_limit_problems(candidate, edge[:1], limits) == ()
    assert shift_limit_problems(candidate, edge, limits) == ("too_many_hours",)
    outside = [
        make_booking(bid="x", start=T0 - timedelta(hours=12, seconds=1), minutes=720),
        make_booking(bid="y", start=T0 + timedelta(hours=12, seconds=1), minutes=720),
    ]
    assert shift_limit_problems(candidate, outside, limits) == ()


def test_shift_ignores_uncommitted_and_self() -> None:
    candidate = make_booking(bid="c", minutes=300, status=BookingStatus.PENDING)
    ignored = [
        make_booking(bid="c", minutes=300),  # the candidate itself, already stored
        make_booking(bid="x", start=T0 + timedelta(hours=6), status=BookingStatus.CANCELLED),
        make_booking(bid="y", start=T0 + timedelta(hours=6), status=BookingStatus.DECLINED),
        make_booking(bid="z", start=T0 + timedelta(hours=6), status=BookingStatus.PENDING),
    ]
    assert shift_limit_problems(candidate, ignored, ShiftLimits()) == ()
    counted = [
        make_booking(bid="l", start=T0 + timedelta(hours=6), status=BookingStatus.LIVE),
        make_booking(bid="d", start=T0 - timedelta(hours=2), status=BookingStatus.DONE),
    ]
    assert shift_limit_problems(candidate, counted, ShiftLimits()) == ("too_many_hours",)


@pytest.mark.parametrize(
    ("gap_before", "gap_after", "expected"),
    [
        (10, 10, ()),
        (9, 30, ("break_too_short",)),
        (30, 9, ("break_too_short",)),
        (0, 30, ("break_too_short",)),
        (-15, 30, ("break_too_short",)),  # overlap
    ],
)
def test_shift_break(gap_before: int, gap_after: int, expected: tuple[str, ...]) -> None:
    candidate = make_booking(bid="c", start=T0, minutes=60)
    before = make_booking(bid="b", start=T0 - timedelta(minutes=60 + gap_before), minutes=60)
    after = make_booking(bid="a", start=T0 + timedelta(minutes=60 + gap_after), minutes=60)
    assert shift_limit_problems(candidate, [before, after], ShiftLimits()) == expected


def test_shift_reports_both_problems_once() -> None:
    candidate = make_booking(bid="c", minutes=240)
    night = [
        make_booking(bid="b", start=T0 - timedelta(minutes=125), minutes=120),
        make_booking(bid="a", start=T0 + timedelta(minutes=245), minutes=120),
    ]
    assert shift_limit_problems(candidate, night, ShiftLimits()) == (
        "too_many_hours",
        "break_too_short",
    )


def test_shift_zero_break_allows_back_to_back() -> None:
    candidate = make_booking(bid="c")
    before = make_booking(bid="b", start=T0 - timedelta(minutes=60))
    assert shift_limit_problems(candidate, [before], ShiftLimits(min_break_minutes=0)) == ()


@PROPS
@given(
    offsets=st.lists(st.integers(min_value=-18 * 60, max_value=18 * 60), max_size=8),
    minutes=st.lists(durations, min_size=8, max_size=8),
    cand_minutes=durations,
    max_hours=st.integers(min_value=1, max_value=28).map(lambda half_hours: half_hours / 2),
)
def test_shift_hours_property(
    offsets: list[int], minutes: list[int], cand_minutes: int, max_hours: float
) -> None:
    candidate = make_booking(bid="c", minutes=cand_minutes)
    others = [
        make_booking(bid=f"o{i}", start=T0 + timedelta(minutes=off), minutes=m)
        for i, (off, m) in enumerate(zip(offsets, minutes, strict=False))
    ]
    limits = ShiftLimits(max_hours_per_night=max_hours, min_break_minutes=0)
    in_night = [o for o in others if abs(o.start - T0) <= timedelta(hours=12)]
    total_min = cand_minutes + sum(o.package.duration_minutes for o in in_night)
    problems = shift_limit_problems(candidate, others, limits)
    assert ("too_many_hours" in problems) == (total_min > max_hours * 60)
    # Adding bookings never removes a problem.
    assert set(shift_limit_problems(candidate, others[:-1], limits)) <= set(problems)


# --- reply pace -----------------------------------------------------------------------

TWO_MIN = PaceThreshold(120, 5)
FIVE_MIN = PaceThreshold(300, 3)


def reply_after(meter: SlowReplyCounter, start: float, wait: float) -> float | None:
    meter.customer_wrote(start)
    return meter.talent_replied(start + wait)


def test_pace_threshold_validation() -> None:
    assert DEFAULT_PACE_THRESHOLDS == (TWO_MIN, FIVE_MIN)
    with pytest.raises(DomainError, match="slower_than_seconds must be >= 1, got 0"):
        PaceThreshold(0, 3)
    with pytest.raises(DomainError, match="times must be >= 1, got 0"):
        PaceThreshold(60, 0)


def test_pace_meter_starts_clean() -> None:
    meter = SlowReplyCounter()
    assert meter.thresholds == DEFAULT_PACE_THRESHOLDS
    assert meter.waiting_since is None
    assert meter.counts() == {TWO_MIN: 0, FIVE_MIN: 0}
    assert meter.breached() == ()
    assert meter.warnings() == ()
    assert meter.slow_replies == 0
    assert meter.waits == ()


def test_reply_without_customer_message_counts_nothing() -> None:
    meter = SlowReplyCounter(DEFAULT_PACE_THRESHOLDS)
    assert meter.talent_replied(1000.0) is None
    assert meter.counts() == {TWO_MIN: 0, FIVE_MIN: 0}
    assert list(meter.waits) == []
    # A second reply after an answered message is not a new wait either.
    assert reply_after(meter, 0.0, 10.0) == 10.0
    assert meter.talent_replied(500.0) is None
    assert meter.waits == (10.0,)


def test_wait_counts_from_first_unanswered_message() -> None:
    meter = SlowReplyCounter()
    meter.customer_wrote(100.0)
    meter.customer_wrote(150.0)
    meter.customer_wrote(200.0)
    pending = meter.waiting_since
    assert pending == 100.0
    assert meter.talent_replied(221.0) == 121.0
    after_reply = meter.waiting_since
    assert after_reply is None
    assert meter.counts()[TWO_MIN] == 1
    meter.customer_wrote(300.0)
    assert meter.waiting_since == 300.0


@pytest.mark.parametrize(
    ("wait", "two", "five", "slow"),
    [
        (0.0, 0, 0, 0),
        (119.999, 0, 0, 0),
        (120.0, 0, 0, 0),  # exactly 2 min is not slower than 2 min
        (120.001, 1, 0, 1),
        (300.0, 1, 0, 1),  # exactly 5 min is not slower than 5 min
        (300.5, 1, 1, 1),  # slower than 5 min also counts as slower than 2 min
        (3600.0, 1, 1, 1),
    ],
)
def test_pace_boundaries(wait: float, two: int, five: int, slow: int) -> None:
    meter = SlowReplyCounter()
    assert reply_after(meter, 50.0, wait) == pytest.approx(wait)
    assert meter.counts() == {TWO_MIN: two, FIVE_MIN: five}
    assert meter.slow_replies == slow


def test_two_minute_rule_warns_then_breaches() -> None:
    meter = SlowReplyCounter()
    t = 0.0
    for i in range(1, 6):
        reply_after(meter, t, 121)
        t += 1000
        assert meter.counts()[TWO_MIN] == i
        if i < 4:
            assert meter.warnings() == ()
            assert meter.breached() == ()
        elif i == 4:
            assert meter.warnings() == (TWO_MIN,)
            assert meter.breached() == ()
    assert meter.breached() == (TWO_MIN,)
    assert meter.warnings() == ()
    assert meter.slow_replies == 5
    reply_after(meter, t, 121)
    assert meter.breached() == (TWO_MIN,)  # still breached past the limit


def test_five_minute_rule_breaches_first() -> None:
    meter = SlowReplyCounter()
    reply_after(meter, 0, 301)
    reply_after(meter, 1000, 301)
    assert meter.warnings() == (FIVE_MIN,)
    reply_after(meter, 2000, 301)
    assert meter.counts() == {TWO_MIN: 3, FIVE_MIN: 3}
    assert meter.breached() == (FIVE_MIN,)
    reply_after(meter, 3000, 200)
    assert meter.warnings() == (TWO_MIN,)
    assert meter.slow_replies == 4


def test_fast_replies_count_nothing() -> None:
    meter = SlowReplyCounter()
    for i in range(50):
        reply_after(meter, i * 100.0, 30.0)
    assert meter.counts() == {TWO_MIN: 0, FIVE_MIN: 0}
    assert len(meter.waits) == 50


def test_reply_before_message_is_rejected() -> None:
    meter = SlowReplyCounter()
    meter.customer_wrote(100.0)
    with pytest.raises(DomainError, match="one monotonic clock"):
        meter.talent_replied(99.0)
    assert meter.waiting_since == 100.0


def test_custom_thresholds_and_duplicates() -> None:
    once = PaceThreshold(60, 1)
    meter = SlowReplyCounter([once, once])
    assert meter.thresholds == (once,)
    assert meter.warnings() == (once,)  # one slow reply away from the start
    reply_after(meter, 0, 61)
    assert meter.breached() == (once,)
    empty = SlowReplyCounter(())
    assert reply_after(empty, 0, 10_000) == 10_000
    assert empty.counts() == {}
    assert empty.slow_replies == 0


def test_counts_returns_a_copy() -> None:
    meter = SlowReplyCounter()
    meter.counts()[TWO_MIN] = 99
    assert meter.counts()[TWO_MIN] == 0


@PROPS
@given(waits=st.lists(st.floats(min_value=0, max_value=1000, allow_nan=False), max_size=40))
def test_pace_meter_properties(waits: list[float]) -> None:
    meter = SlowReplyCounter()
    t = 0.0
    for wait in waits:
        meter.customer_wrote(t)
        meter.customer_wrote(t + wait / 2)  # a follow-up does not reset the wait
        meter.talent_replied(t + wait)
        t += wait + 1.0
    counts = meter.counts()
    assert counts[FIVE_MIN] <= counts[TWO_MIN]
    assert counts[TWO_MIN] == meter.slow_replies
    assert len(meter.waits) == len(waits)
    for threshold in DEFAULT_PACE_THRESHOLDS:
        observed = sum(1 for w in meter.waits if w > threshold.slower_than_seconds)
        assert counts[threshold] == observed
        assert (threshold in meter.breached()) == (observed >= threshold.times)
        assert (threshold in meter.warnings()) == (observed == threshold.times - 1)
        assert not (threshold in meter.breached() and threshold in meter.warnings())


# --- money ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (0, "Rp 0"),
        (999, "Rp 999"),
        (5_000, "Rp 5.000"),
        (50_000, "Rp 50.000"),
        (300_000, "Rp 300.000"),
        (1_250_000, "Rp 1.250.000"),
        (-5_000, "-Rp 5.000"),
    ],
)
def test_format_idr(amount: int, text: str) -> None:
    assert format_idr(amount) == text


@PROPS
@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_format_idr_round_trips(amount: int) -> None:
    text = format_idr(amount)
    negative = text.startswith("-")
    body = text.removeprefix("-").removeprefix("Rp ")
    assert text.removeprefix("-").startswith("Rp ")
    assert "," not in body
    groups = body.split(".")
    assert all(len(g) == 3 for g in groups[1:])
    assert 1 <= len(groups[0]) <= 3
    assert int(body.replace(".", "")) * (-1 if negative else 1) == amount


def test_module_is_pure() -> None:
    source = Path(domain.__file__).read_text(encoding="utf-8")
    for forbidden in ("PySide6", "shiboken6", ".now(", ".utcnow(", "time.time(", "monotonic()"):
        assert forbidden not in source, forbidden
