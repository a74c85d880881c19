"""Sample data for ``talentdesk --demo``: one talent, tonight's bookings, a pairing code.

Customer aliases and handles are obviously made up ("Contoh ..." means "example").
"""

from __future__ import annotations

from datetime import datetime, timedelta

from talentdesk_agency.store import AgencyStore, DbTarget

__all__ = ["DEMO_BOOKINGS", "seed_demo"]

#: (minutes from now, package id, alias, handle, returning customer)
DEMO_BOOKINGS: tuple[tuple[int, str, str, str, bool], ...] = (
    (10, "curhat-30", "Contoh Kucing Oranye", "@contoh.kucing.oranye", False),
    (55, "sleepcall-60", "Contoh Bintang Jatuh", "@contoh.bintang.jatuh", False),
    (135, "chatcall-90", "Contoh Awan Biru", "@contoh.awan.biru", True),
    (240, "curhat-30", "Contoh Kopi Susu", "@contoh.kopi.susu", False),
)


def seed_demo(db_path: DbTarget, talent_name: str, now: datetime) -> str:
    """Fill an agency database with a demo talent and tonight's bookings.

    The database gets the default configuration (packages, replies in Indonesian and
    English, boundary presets, emergency contacts) if it is new. Bookings start relative to
    ``now``, on the minute: one within 15 minutes, one of them a returning customer (pushed
    as ``booking.rebooked``, so the app asks the talent to unblock first).

    Args:
        db_path: The agency database (created if missing): a SQLite file or a
            ``postgresql://`` URI.
        talent_name: The demo talent's display name.
        now: The current time, timezone-aware; bookings keep its offset.

    Returns:
        A one-time pairing code for the talent.

    Raises:
        ValueError: If ``now`` is naive.
    """
    if now.tzinfo is None:
        raise ValueError("seed_demo needs a timezone-aware `now`")
    base = now.replace(second=0, microsecond=0)
    with AgencyStore(db_path) as store:
        code = store.create_pairing_code(talent_name)
        for minutes, package_id, alias, handle, returning in DEMO_BOOKINGS:
            store.create_booking(
                talent_name,
                start=base + timedelta(minutes=minutes),
                package_id=package_id,
                alias=alias,
                handle=handle,
                returning=returning,
            )
    return code
