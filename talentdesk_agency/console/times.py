"""Dates, times and waiting timers as the console shows them: in the agency's own time
zone (Indonesia's three have no daylight saving, so fixed offsets do), with the weekday
and month in the page's language, and waiting times as ``m:ss`` like the live timers
``console.js`` keeps counting.

The agency's zone is a console setting (Configuration → Agency), kept in the settings
table under :data:`ZONE_SETTING`; WIB until an admin picks another.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Final

from talentdesk_agency.store import settings
from talentdesk_agency.store.engine import Tx
from talentdesk_contract.values import Language

__all__ = [
    "DEFAULT_ZONE",
    "ZONES",
    "ZONE_SETTING",
    "AgencyZone",
    "clock",
    "format_when",
    "stored_zone",
    "zone_named",
]

ZONE_SETTING: Final = "console_time_zone"


@dataclass(frozen=True, slots=True)
class AgencyZone:
    """A time zone the console can show times in."""

    name: str  # WIB, WITA, WIT or UTC
    hours: int

    @property
    def tz(self) -> timezone:
        return timezone(timedelta(hours=self.hours), self.name)

    @property
    def offset(self) -> str:
        """``+07:00``: as the bookings form's time zone choice says it."""
        return f"+{self.hours:02d}:00"

    @property
    def label(self) -> str:
        """``WIB (UTC+07:00)``."""
        return f"{self.name} (UTC{self.offset})"


ZONES: Final = (
    AgencyZone("WIB", 7),
    AgencyZone("WITA", 8),
    AgencyZone("WIT", 9),
    AgencyZone("UTC", 0),
)
DEFAULT_ZONE: Final = ZONES[0]

_WEEKDAYS: Final = {
    Language.EN: ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    Language.ID: ("Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"),
}
_MONTHS: Final = {
    Language.EN: (
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Oct",
        "Nov",
        "Dec",
    ),
    Language.ID: (
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Mei",
        "Jun",
        "Jul",
        "Agu",
        "Sep",
        "Okt",
        "Nov",
        "Des",
    ),
}


def zone_named(name: str | None) -> AgencyZone:
    """The zone called ``name``, or WIB for anything else."""
    return next((z for z in ZONES if z.name == name), DEFAULT_ZONE)


def stored_zone(tx: Tx) -> AgencyZone:
    """The agency's zone as stored (inside a transaction of the caller's)."""
    return zone_named(settings.get(tx, ZONE_SETTING))


def format_when(
    value: str | datetime | None,
    zone: AgencyZone,
    language: Language,
    *,
    seconds: bool = False,
) -> str:
    """``Sat 6 Dec, 15:02`` (``Sab 6 Des, 15:02``) in ``zone``; ``—`` for nothing."""
    if value is None or value == "":
        return "—"
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    local = moment.astimezone(zone.tz)
    time = local.strftime("%H:%M:%S" if seconds else "%H:%M")
    weekday = _WEEKDAYS[language][local.weekday()]
    month = _MONTHS[language][local.month - 1]
    return f"{weekday} {local.day} {month}, {time}"


def clock(elapsed: timedelta | float) -> str:
    """A waiting time as the live timers show it: ``0:07``, ``12:45``, ``1:02:03``."""
    total = elapsed.total_seconds() if isinstance(elapsed, timedelta) else elapsed
    whole = max(0, int(total))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"
