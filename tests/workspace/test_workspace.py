"""The workspace: every service of one vault, its rules, and its one change event."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from talentdesk.domain import (
    BookingStatus,
    BoundaryAnswer,
    BoundaryItem,
    BoundaryPreset,
    Channel,
    IncidentCategory,
    SessionOutcome,
    SessionRecord,
    ShiftLimits,
    Source,
)
from talentdesk.safety import HardReason, LoneWorkerEventKind
from talentdesk.sessions.settings import load_settings, save_settings
from talentdesk.sessions.terms import SessionError
from talentdesk.sync.outbox import OutboxState
from talentdesk.vault import Vault
from talentdesk.workspace import Changes, DemoAgency, SafetyTuning, SessionClocks, Workspace
from talentdesk.workspace.workspace import DEMO_WORKING_NAME
from tests.python_child import run_python
from tests.sessions.conftest import PASSPHRASE, Desk, FakeClock, package


class Heard:
    """Every change event, from whichever thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.changes: list[Changes] = []

    def __call__(self, changes: Changes) -> None:
        with self._lock:
            self.changes.append(changes)

    def merged(self) -> Changes:
        with self._lock:
            total = Changes()
            for changes in self.changes:
                total |= changes
            self.changes.clear()
            return total


@pytest.fixture
def workspace(desk: Desk, clock: FakeClock) -> Iterator[Workspace]:
    made = Workspace(
        desk.vault,
        clocks=SessionClocks(clock.monotonic, clock.wall),
        safety=SafetyTuning(minutes_over=10, answer_minutes=2),
    )
    yield made
    made.close(timeout=2)


@pytest.fixture
def heard(workspace: Workspace) -> Heard:
    listener = Heard()
    workspace.subscribe(listener)
    return listener


def test_making_a_workspace_imports_and_builds_no_service(data_dir: Path) -> None:
    Vault.create(data_dir / "vault.sqlite3", passphrase=PASSPHRASE).close()
    script = f"""
        import sys
        from pathlib import Path
        from talentdesk.vault import Vault
        from talentdesk.workspace import Workspace
        vault = Vault.open(Path({str(data_dir / "vault.sqlite3")!r}), passphrase={PASSPHRASE!r})
        workspace = Workspace(vault)
        print(workspace.built, workspace.pairing(), workspace.sync_status().phase)
        heavy = ("talentdesk.sync.service", "talentdesk.sessions.runner", "httpx")
        print(sorted(m for m in (*heavy, "talentdesk.safety") if m in sys.modules))
        workspace.tonight()  # the records' services only: no sync, runner or safety yet
        print(workspace.built, sorted(m for m in (*heavy, "talentdesk.safety") if m in sys.modules))
        workspace.start_sync()
        print(workspace.built, "talentdesk.sync.service" in sys.modules)
        workspace.close()
        vault.close()
        """
    done = run_python(script)
    assert done.returncode == 0, done.stderr
    out = done.stdout.splitlines()
    assert out == ["False None unpaired", "[]", "False []", "True True"]


def test_tonight_joins_each_booking_to_its_newest_answer(
    workspace: Workspace, desk: Desk, clock: FakeClock, heard: Heard
) -> None:
    soon = clock.wall() + timedelta(hours=1)
    desk.book("bk-1", start=soon, status=BookingStatus.PENDING)
    desk.book("bk-2", start=soon + timedelta(hours=1), status=BookingStatus.PENDING)
    desk.book("bk-3", start=soon + timedelta(hours=2), status=BookingStatus.PENDING)
    first = workspace.answer("bk-1", accept=True)
    refused = workspace.answer("bk-2", accept=False, reason="jadwal bentrok")
    workspace.outbox.mark_failed(refused, "the agency says no")
    assert workspace.outbox.get(first.id) is not None
    rows = {row.booking.id: row for row in workspace.tonight().rows}
    assert (rows["bk-1"].answer, rows["bk-1"].answer_error) == (OutboxState.QUEUED, None)
    assert (rows["bk-2"].answer, rows["bk-2"].answer_error) == (
        OutboxState.FAILED,
        "the agency says no",
    )
    assert (rows["bk-3"].answer, rows["bk-3"].answer_error) == (None, None)
    changes = heard.merged()
    assert changes.bookings and changes.outbox


def test_saving_shift_limits_keeps_the_other_settings(
    workspace: Workspace, desk: Desk, heard: Heard
) -> None:
    settings = load_settings(desk.vault)
    settings.talent_name = "Sari"
    save_settings(desk.vault, settings)
    limits = ShiftLimits(max_hours_per_night=4, min_break_minutes=20)
    saved = workspace.save_shift_limits(limits)
    assert saved.shift_limits == limits and saved.talent_name == "Sari"
    assert workspace.desk_settings().talent_name == "Sari"
    assert heard.merged() == Changes(settings=True)


def test_the_working_name_is_saved_cleaned_and_fills_replies(
    workspace: Workspace, desk: Desk, heard: Heard
) -> None:
    limits = ShiftLimits(max_hours_per_night=4, min_break_minutes=20)
    workspace.save_shift_limits(limits)
    heard.merged()  # what saving the limits said
    saved = workspace.save_working_name("  Sari \n  Melati  " + "x" * 60)
    assert saved.talent_name == ("Sari Melati " + "x" * 60)[:40].strip()
    assert saved.shift_limits == limits  # the other settings stay
    assert workspace.session_context().talent_name == saved.talent_name
    assert heard.merged() == Changes(settings=True)
    assert workspace.save_working_name("   ").talent_name == ""


def test_reports_are_offered_for_24_hours_after_a_session(
    workspace: Workspace, desk: Desk, clock: FakeClock
) -> None:
    def ended(booking_id: str, ago: timedelta) -> None:
        end = clock.wall() - ago
        desk.store.save(
            SessionRecord(
                id=f"s-{booking_id}",
                booking_id=booking_id,
                package=package(Channel.CALL, 60),
                started_at=end - timedelta(hours=1),
                ended_at=end,
                planned_seconds=3600,
                actual_seconds=3600.0,
                price_idr=25_000,
                outcome=SessionOutcome.COMPLETED,
            )
        )

    ended("bk-recent", timedelta(hours=23))
    ended("bk-late", timedelta(hours=25))
    ended("bk-old", timedelta(days=4))
    desk.book("bk-live", start=clock.wall())
    workspace.start_session("bk-live")
    choices = workspace.recent_sessions()
    assert [(c.booking_id, c.live, c.too_late) for c in choices] == [
        ("bk-live", True, False),
        ("bk-recent", False, False),
        ("bk-late", False, True),
    ]
    recent = choices[1]
    assert recent.deadline == recent.ended_at + timedelta(hours=24)  # type: ignore[operator]
    view = workspace.file_report(recent, IncidentCategory.INSULTS, "kata-kata kasar")
    assert view.booking_id == "bk-recent"


def test_a_session_is_watched_escalated_about_and_offered_after_care(
    workspace: Workspace, desk: Desk, clock: FakeClock, heard: Heard
) -> None:
    desk.book("bk-1", start=clock.wall())
    opened = workspace.start_session("bk-1", language="id")
    assert opened.contact is not None and opened.pace is not None  # a chat session
    watched = workspace.watched
    assert watched is not None and watched.booking_id == "bk-1"
    assert watched.booked_end == pytest.approx(clock.monotonic() + 30 * 60)
    assert heard.merged().session

    escalation = workspace.escalate()  # about the watched session
    assert escalation.booking_id == "bk-1"
    assert heard.merged().safety

    workspace.end_session(opened.live, "id")
    finished = workspace.finish_session(opened.live)
    assert finished.record.booking_id == "bk-1"
    assert workspace.watched is None
    changes = heard.merged()
    assert changes.session and changes.bookings
    [offer] = changes.after_care
    assert offer.booking_id == "bk-1" and HardReason.ESCALATED in offer.reasons


def test_a_break_after_a_hard_session_holds_new_sessions_until_overridden(
    workspace: Workspace, desk: Desk, clock: FakeClock
) -> None:
    desk.book("bk-1", start=clock.wall())
    desk.book("bk-2", start=clock.wall() + timedelta(minutes=40))
    opened = workspace.start_session("bk-1")
    clock.advance(30 * 60)
    workspace.end_session(opened.live, "en")
    workspace.finish_session(opened.live)
    assert workspace.break_left() is None
    workspace.safety.after_care.break_taken("bk-1", minutes=10)
    clock.advance(8 * 60)  # bk-2's contact window is open; 2 minutes of break left
    left = workspace.break_left()
    assert left is not None and 60 < left <= 10 * 60
    with pytest.raises(SessionError) as refused:
        workspace.start_session("bk-2")
    assert refused.value.key == "on_break"
    assert workspace.runner.live is None
    # The talent goes on anyway: the break ends and the session starts.
    started = workspace.start_session("bk-2", override_break=True)
    assert started.live.booking.id == "bk-2"
    assert workspace.break_left() is None


def test_the_lone_worker_check_speaks_through_the_change_event(
    workspace: Workspace, desk: Desk, clock: FakeClock, heard: Heard
) -> None:
    desk.book("bk-1", start=clock.wall(), pkg=package(Channel.CALL, 30))
    workspace.start_session("bk-1")
    heard.merged()
    clock.advance(30 * 60 + 10 * 60 + 1)  # booked end, then ten minutes over
    [event] = workspace.poll_lone_worker()
    assert event.kind is LoneWorkerEventKind.ASK
    changes = heard.merged()
    assert changes.safety and [e.kind for e in changes.lone_worker] == [LoneWorkerEventKind.ASK]


def test_a_copied_reply_and_an_edit_made_elsewhere_are_changes(
    workspace: Workspace, desk: Desk, heard: Heard
) -> None:
    desk.agency_reply("polite", "Maaf ya, aku nggak bisa.")
    workspace.replies.copy("agency-polite")
    workspace.notify(Changes(replies=True))
    assert heard.merged() == Changes(replies=True, replies_copied=1)


def test_a_demo_run_starts_with_the_agencys_boundaries_in_force(
    desk: Desk, clock: FakeClock
) -> None:
    plain = Workspace(desk.vault, clocks=SessionClocks(clock.monotonic, clock.wall))
    demo = Workspace(
        desk.vault,
        demo=DemoAgency("http://127.0.0.1:1", "CODE"),
        clocks=SessionClocks(clock.monotonic, clock.wall),
    )
    try:
        assert demo.choose_demo_preset("id") is None  # the agency's presets are not in yet
        for preset_id, name, language, items in (
            ("agency-chat", "Chat saja malam ini", "id", 1),
            ("agency-standar", "Standar", "id", 3),
            ("agency-standard", "Standard", "en", 3),
        ):
            desk.store.save(
                BoundaryPreset(
                    id=preset_id,
                    name=name,
                    language=language,
                    source=Source.AGENCY,
                    items=tuple(
                        BoundaryItem(key=f"topic.k{n}", label=f"k{n}", answer=BoundaryAnswer.OK)
                        for n in range(items)
                    ),
                )
            )
        assert plain.choose_demo_preset("id") is None  # only a demo run does it
        chosen = demo.choose_demo_preset("id")
        assert chosen is not None and chosen.id == "agency-standar"
        assert demo.boundaries.active() == chosen
        demo.boundaries.activate(None)  # the talent chose none: it stays so this run
        assert demo.choose_demo_preset("id") is None
        assert demo.boundaries.active() is None

        # The demo's talent has a working name, so "{talent}" reads whole.
        assert plain.name_the_demo_talent() is None
        assert demo.name_the_demo_talent() == DEMO_WORKING_NAME
        assert demo.session_context().talent_name == DEMO_WORKING_NAME
        demo.save_working_name("")
        assert demo.name_the_demo_talent() is None  # once a run: cleared stays cleared
        assert demo.session_context().talent_name == ""
    finally:
        plain.close()
        demo.close()
