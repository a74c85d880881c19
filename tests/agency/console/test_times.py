"""Times as the console shows them: the agency's zone, the page's language, live timers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from talentdesk_agency import AgencyStore
from talentdesk_agency.console.times import (
    DEFAULT_ZONE,
    ZONE_SETTING,
    ZONES,
    clock,
    format_when,
    stored_zone,
    zone_named,
)
from talentdesk_agency.store import DbTarget, settings
from talentdesk_contract.values import Language

#: Saturday 6 December 2025, 16:02:09 UTC: 23:02 in Jakarta, 01:02 on Sunday in Jayapura.
MOMENT = datetime(2025, 12, 6, 16, 2, 9, tzinfo=UTC)


def test_times_are_in_the_agencys_zone_and_the_pages_language() -> None:
    wib, wita, wit, utc = ZONES
    assert format_when(MOMENT, wib, Language.EN) == "Sat 6 Dec, 23:02"
    assert format_when(MOMENT, wib, Language.ID) == "Sab 6 Des, 23:02"
    assert format_when(MOMENT.isoformat(), wita, Language.ID) == "Min 7 Des, 00:02"
    assert format_when(MOMENT, wit, Language.EN, seconds=True) == "Sun 7 Dec, 01:02:09"
    assert format_when(MOMENT, utc, Language.EN) == "Sat 6 Dec, 16:02"
    # A time stored with another offset is the same moment.
    shifted = MOMENT.astimezone(wit.tz).isoformat()
    assert format_when(shifted, wib, Language.EN) == "Sat 6 Dec, 23:02"
    assert format_when(None, wib, Language.EN) == format_when("", wib, Language.ID) == "—"
    assert (wib.label, wit.offset) == ("WIB (UTC+07:00)", "+09:00")


def test_waiting_times_read_like_the_live_timers() -> None:
    assert clock(timedelta(seconds=7)) == "0:07"
    assert clock(65.9) == "1:05"
    assert clock(timedelta(minutes=59, seconds=59)) == "59:59"
    assert clock(timedelta(hours=1, minutes=2, seconds=3)) == "1:02:03"
    assert clock(timedelta(seconds=-4)) == "0:00"  # a clock a little ahead of ours


def test_the_zone_is_a_setting_wib_until_changed(agency_db: DbTarget) -> None:
    with AgencyStore(agency_db) as store:
        with store.db.read() as tx:
            assert stored_zone(tx) == DEFAULT_ZONE == zone_named("WIB")
        with store.db.write() as tx:
            settings.put(tx, ZONE_SETTING, "WIT")
        with store.db.read() as tx:
            assert stored_zone(tx).hours == 9
        with store.db.write() as tx:
            settings.put(tx, ZONE_SETTING, "Mars/Olympus")  # never 500: back to WIB
        with store.db.read() as tx:
            assert stored_zone(tx) == DEFAULT_ZONE
