"""One instance of every record kind, with a chosen text in every free-text field.

Privacy tests pass a sentinel as ``text`` and then look for it in every file.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from talentdesk.domain import (
    AgencyConfig,
    Booking,
    BoundaryAnswer,
    BoundaryItem,
    BoundaryPreset,
    Channel,
    CustomerContact,
    DeclineReply,
    EmergencyContact,
    Incident,
    IncidentCategory,
    Package,
    Record,
    ReplyStyle,
    SessionOutcome,
    SessionRecord,
)

START = datetime(2026, 11, 22, 20, 0, tzinfo=UTC)


#: The sample agency's packages, as the demo offers them.
CURHAT = Package(
    id="curhat-30",
    name="Teman Curhat 30 menit",
    channel=Channel.CHAT,
    duration_minutes=30,
    price_idr=25_000,
)
SLEEP_CALL = Package(
    id="sleepcall-60",
    name="Sleep Call 60 menit",
    channel=Channel.CALL,
    duration_minutes=60,
    price_idr=75_000,
)
CHAT_AND_CALL = Package(
    id="chatcall-90",
    name="Chat + Call 90 menit",
    channel=Channel.CHAT_CALL,
    duration_minutes=90,
    price_idr=120_000,
)


def package(text: str = "Teman Curhat 30 menit") -> Package:
    return Package(
        id="PKG-CHAT30", name=text, channel=Channel.CHAT, duration_minutes=30, price_idr=25_000
    )


def every_record(text: str, booking_id: str = "BK-1") -> list[Record]:
    """A record of every kind; ``text`` goes into every free-text field."""
    pkg = package(text)
    return [
        Booking(id=booking_id, start=START, package=pkg, returning_customer=True),
        CustomerContact(booking_id=booking_id, alias=text, contact_handle=f"@{text}"),
        BoundaryPreset(
            id="preset-standard",
            name=text,
            items=(
                BoundaryItem(
                    key="service.call",
                    label=text,
                    answer=BoundaryAnswer.NEVER,
                    decline_reply_ids=("reply-1",),
                ),
            ),
        ),
        DeclineReply(
            id="reply-1", style=ReplyStyle.POLITE, language="id", text=text, shortcode="tolak"
        ),
        SessionRecord(
            id="session-1",
            booking_id=booking_id,
            package=pkg,
            started_at=START,
            ended_at=START + timedelta(minutes=31),
            planned_seconds=1800,
            actual_seconds=1860.25,
            price_idr=25_000,
            outcome=SessionOutcome.COMPLETED,
            flags=("overtime",),
        ),
        AgencyConfig(
            packages=(pkg,),
            contact_window_minutes=15,
            emergency_contacts=(EmergencyContact(id="ec-1", name=text, number="112"),),
        ),
        Incident(
            id="incident-1",
            session_id="session-1",
            booking_id=booking_id,
            category=IncidentCategory.INSULTS,
            description=text,
            created_at=START,
        ),
    ]
