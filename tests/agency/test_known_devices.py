"""The tokens a server process checked lately: known for a while, seen in batches."""

from __future__ import annotations

import time

from talentdesk_agency.known_devices import KnownDevices
from talentdesk_agency.store.records import Talent, sha256

SARI = Talent(id="tal_sari", display_name="Sari")


def test_a_checked_token_is_known_until_its_trust_runs_out() -> None:
    known = KnownDevices(trust_seconds=0.2)
    assert known.talent("tdk_sari") is None
    known.checked("tdk_sari", SARI)
    assert known.talent("tdk_sari") == SARI
    assert known.talent("tdk_other") is None
    time.sleep(0.25)
    assert known.talent("tdk_sari") is None
    assert len(known) == 0


def test_a_forgotten_token_is_asked_again() -> None:
    known = KnownDevices()
    known.checked("tdk_sari", SARI)
    known.forget("tdk_sari")
    known.forget("tdk_never_known")
    assert known.talent("tdk_sari") is None


def test_uses_from_memory_are_handed_out_once_for_last_seen() -> None:
    known = KnownDevices()
    known.checked("tdk_sari", SARI)
    known.checked("tdk_dewi", Talent(id="tal_dewi", display_name="Dewi"))
    assert known.take_seen() == []  # a check in the database notes the device itself
    known.talent("tdk_sari")
    known.talent("tdk_sari")
    known.talent("tdk_unknown")
    assert known.take_seen() == [sha256("tdk_sari")]
    assert known.take_seen() == []
