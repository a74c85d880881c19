"""The workspace's one change event: kinds that changed, merged over a burst."""

from __future__ import annotations

from talentdesk.safety import LoneWorkerEvent, LoneWorkerEventKind
from talentdesk.workspace import Changes


def test_no_change_is_false_and_any_kind_is_true() -> None:
    assert not Changes()
    assert Changes(bookings=True)
    assert Changes(replies_copied=1)


def test_a_burst_merges_flags_events_in_order_and_counts() -> None:
    ask = LoneWorkerEvent(LoneWorkerEventKind.ASK, "bk-1", 1.0)
    cleared = LoneWorkerEvent(LoneWorkerEventKind.CLEARED, "bk-1", 2.0)
    merged = (
        Changes(bookings=True, lone_worker=(ask,), replies_copied=1)
        | Changes(outbox=True, replies_copied=2)
        | Changes(lone_worker=(cleared,))
    )
    assert merged == Changes(
        bookings=True, outbox=True, lone_worker=(ask, cleared), replies_copied=3
    )


def test_an_agency_config_changes_replies_presets_settings_and_safety() -> None:
    changes = Changes.from_agency_config()
    assert (changes.replies, changes.boundaries, changes.settings, changes.safety) == (
        True,
        True,
        True,
        True,
    )
    assert not (changes.bookings or changes.session or changes.outbox)
