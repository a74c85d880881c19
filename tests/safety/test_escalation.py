"""One-click escalation against the real reference agency: outages, acknowledgement by a
supervisor (through the real staff CLI), resolution, false alarms and follow-ups."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import msgspec
import pytest

from talentdesk.domain import Booking
from talentdesk.safety import (
    Delivery,
    EscalationClosedError,
    EscalationNotFoundError,
    Escalations,
    EscalationState,
    NoteTooLongError,
    NothingToAddError,
    SafetyService,
)
from talentdesk.safety.escalation import NOTE_MAX_CHARS
from talentdesk.sync.apply import UPDATE_KIND
from talentdesk.sync.outbox import OutboxState
from talentdesk.sync.service import SyncService
from talentdesk.vault import Vault
from talentdesk_agency import AgencyProcess, AgencyStore
from talentdesk_contract.values import CrisisSign
from tests.safety.conftest import PASSPHRASE, TALENT, Agency, App, make_app, run_cli, wait_for


def _state(app: App, escalation_id: str) -> EscalationState:
    view = app.safety.escalations.get(escalation_id)
    assert view is not None
    return view.state


def outbox_id_of(vault: Vault, escalation_id: str) -> str:
    """The outbox item that creates an escalation at the agency."""
    payload = vault.get("escalation", escalation_id)
    assert payload is not None
    return str(msgspec.json.decode(payload)["outbox_id"])


def _created_at_agency(store: AgencyStore) -> int:
    """Escalation writes the agency processed (one per idempotency key), not replays."""
    count = 0
    for (body,) in store._conn.execute(
        "SELECT body FROM idempotency WHERE body IS NOT NULL"
    ).fetchall():
        answer = msgspec.json.decode(body)
        # A follow-up or a cancel answers with the whole escalation (it has follow_ups).
        created = isinstance(answer, dict) and "follow_ups" not in answer
        if created and str(answer.get("id", "")).startswith("esc"):
            count += 1
    return count


def test_escalation_while_the_agency_is_down_is_delivered_once_it_is_back(
    tmp_path: Path, data_dir: Path
) -> None:
    db = tmp_path / "agency" / "agency.sqlite3"
    db.parent.mkdir()
    proc = AgencyProcess(db)
    url = proc.start()
    store = AgencyStore(db)
    app = make_app(data_dir, url, store)
    try:
        booking_id = store.create_booking(
            TALENT,
            start=datetime.now(UTC) + timedelta(minutes=30),
            package_id=store.config().packages[0].id,
            alias="Melati",
            handle="@melati",
        )
        wait_for(lambda: app.store.load(Booking, booking_id) is not None, what="booking")

        proc.kill()  # SIGKILL: the agency is gone
        view = app.safety.escalations.escalate(booking_id)
        assert view.state is EscalationState.QUEUED
        assert view.booking_id == booking_id
        assert view.remote_id is None
        # Durable before the call returned: a second connection to the file sees it.
        other = Vault.open(app.vault.path, passphrase=PASSPHRASE)
        reread = Escalations(other, SyncService(other).outbox).get(view.id)
        other.close()
        assert reread is not None
        assert reread.state is EscalationState.QUEUED

        # The sender keeps trying (urgent: backoff capped near 2 s); nothing arrives.
        wait_for(
            lambda: (v := app.safety.escalations.get(view.id)) is not None and v.attempts >= 2,
            what="two failed attempts",
        )
        assert _state(app, view.id) is EscalationState.QUEUED
        # Details can be added while it waits; they queue behind it.
        follow = app.safety.escalations.follow_up(view.id, crisis_sign=CrisisSign.DISTRESS)
        assert follow.follow_ups_waiting == 1
        assert store.escalations() == []

        proc.start()  # same database, same port
        took = wait_for(
            lambda: _state(app, view.id) is EscalationState.DELIVERED,
            timeout=3.0,
            what="delivery within 3 s of the agency coming back",
        )
        assert took <= 3.0
        wait_for(
            lambda: (
                (v := app.safety.escalations.get(view.id)) is not None and v.follow_ups_waiting == 0
            ),
            what="the follow-up",
        )
        time.sleep(0.5)  # give a duplicate every chance to show up

        rows = store.escalations()
        assert len(rows) == 1
        assert _created_at_agency(store) == 1
        delivered = app.safety.escalations.get(view.id)
        assert delivered is not None
        assert delivered.remote_id == rows[0].id
        assert rows[0].status == "open"
        assert rows[0].booking_id == booking_id
        assert rows[0].crisis_sign == "distress"
        assert rows[0].follow_ups == 1
        assert delivered.follow_ups == 1
        assert delivered.follow_ups_failed == 0
    finally:
        app.close()
        store.close()
        proc.stop()


def test_supervisor_acknowledges_with_the_cli_then_resolves(app: App, agency: Agency) -> None:
    booking_id = agency.book()
    view = app.safety.escalations.escalate(booking_id)
    wait_for(lambda: _state(app, view.id) is EscalationState.DELIVERED, what="delivery")
    delivered = app.safety.escalations.get(view.id)
    assert delivered is not None
    assert delivered.remote_id is not None
    changes_before = len(app.changes)

    # The real staff command, in its own process, as a supervisor would run it.
    result = run_cli(
        "ack",
        "--db",
        str(agency.db),
        delivered.remote_id,
        "--supervisor",
        "Mbak Rina",
        "--note",
        "Aku di sini, telepon aku.",
    )
    assert result.returncode == 0, result.stderr
    wait_for(lambda: _state(app, view.id) is EscalationState.ACKNOWLEDGED, what="acknowledgement")
    acked = app.safety.escalations.get(view.id)
    assert acked is not None
    assert acked.supervisor == "Mbak Rina"
    assert acked.supervisor_note == "Aku di sini, telepon aku."
    assert acked.acknowledged_at is not None
    assert acked.is_open
    # The UI is told right after the state is written, on the sync thread: wait for it.
    wait_for(lambda: len(app.changes) > changes_before, what="the UI told")
    item = app.sync.outbox.get(outbox_id_of(app.vault, view.id))
    assert item is not None
    assert item.state is OutboxState.ACKNOWLEDGED  # the outbox shows what the talent sees

    result = run_cli(
        "resolve",
        "--db",
        str(agency.db),
        delivered.remote_id,
        "--supervisor",
        "Pak Dodi",
        "--reason",
        "handled",
        "--note",
        "Aku di sini, telepon aku.",
    )
    assert result.returncode == 0, result.stderr
    wait_for(lambda: _state(app, view.id) is EscalationState.RESOLVED, what="resolution")
    resolved = app.safety.escalations.get(view.id)
    assert resolved is not None
    assert resolved.supervisor == "Pak Dodi"
    assert resolved.supervisor_note == "Aku di sini, telepon aku."  # the resolution's note
    assert not resolved.is_open
    item = app.sync.outbox.get(outbox_id_of(app.vault, view.id))
    assert item is not None
    assert item.state is OutboxState.RESOLVED

    # Closed: no more follow-ups, and it is too late for a false alarm.
    with pytest.raises(EscalationClosedError) as closed:
        app.safety.escalations.follow_up(view.id, note="masih di sini")
    assert closed.value.key == "escalation_closed"
    with pytest.raises(EscalationClosedError):
        app.safety.escalations.false_alarm(view.id)
    assert app.safety.escalations.open_for_booking(booking_id) is None


def test_false_alarm_reaches_the_agency(app: App, agency: Agency) -> None:
    view = app.safety.escalations.escalate()  # no booking: the button works any time
    wait_for(lambda: _state(app, view.id) is EscalationState.DELIVERED, what="delivery")
    cancelled = app.safety.escalations.false_alarm(view.id)
    assert cancelled.state is EscalationState.CANCELLED
    assert cancelled.cancel in (Delivery.QUEUED, Delivery.DELIVERED)
    wait_for(
        lambda: (
            (v := app.safety.escalations.get(view.id)) is not None
            and v.cancel is Delivery.DELIVERED
        ),
        what="the cancellation",
    )
    (row,) = agency.store.escalations()
    assert row.status == "cancelled"
    # Pressing it twice sends nothing more.
    again = app.safety.escalations.false_alarm(view.id)
    assert again.cancel is Delivery.DELIVERED
    assert app.sync.outbox.waiting() == 0


def test_false_alarm_before_delivery_waits_for_the_escalation(app: App, agency: Agency) -> None:
    # The agency answers 503 to the next escalations: ours waits in the outbox meanwhile.
    agency.store.add_fault(
        path_prefix="/v1/escalations", method="POST", kind="status", status=503, times=2
    )
    view = app.safety.escalations.escalate(crisis_sign=CrisisSign.AGGRESSION)
    follow = app.safety.escalations.follow_up(view.id, note="detail sesudahnya")
    assert follow.follow_ups_waiting == 1
    cancelled = app.safety.escalations.false_alarm(view.id)
    assert cancelled.state is EscalationState.CANCELLED
    assert cancelled.cancel is Delivery.QUEUED
    assert agency.store.escalations() == []
    wait_for(
        lambda: (
            (v := app.safety.escalations.get(view.id)) is not None
            and v.cancel is Delivery.DELIVERED
            and v.follow_ups_waiting == 0
        ),
        what="escalation, follow-up and cancellation",
    )
    (row,) = agency.store.escalations()
    assert row.status == "cancelled"
    assert row.crisis_sign == "aggression"
    assert row.follow_ups == 1
    view_after = app.safety.escalations.get(view.id)
    assert view_after is not None
    assert view_after.remote_id == row.id
    assert view_after.state is EscalationState.CANCELLED
    assert view_after.attempts >= 1


def test_details_are_checked_without_ever_blocking_the_escalation(app: App) -> None:
    with pytest.raises(EscalationNotFoundError):
        app.safety.escalations.follow_up("esc-nope", note="x")
    view = app.safety.escalations.escalate(
        "not a valid id!", note="  " + "x" * (NOTE_MAX_CHARS + 50)
    )
    assert view.booking_id is None  # an odd reference is left out, not refused
    with pytest.raises(NothingToAddError):
        app.safety.escalations.follow_up(view.id, note="   ")
    with pytest.raises(NoteTooLongError) as too_long:
        app.safety.escalations.follow_up(view.id, note="y" * (NOTE_MAX_CHARS + 1))
    assert too_long.value.key == "note_too_long"
    with pytest.raises(ValueError, match="crisis sign"):
        app.safety.escalations.escalate(crisis_sign="panic")  # type: ignore[arg-type]
    wait_for(lambda: _state(app, view.id) is EscalationState.DELIVERED, what="delivery")


def test_updates_applied_while_no_safety_service_listened_are_caught_up(
    agency: Agency, data_dir: Path
) -> None:
    vault = Vault.create(data_dir / "vault.sqlite3", passphrase=PASSPHRASE)
    sync = SyncService(vault, feed_wait=2)
    sync.pair(agency.server.url, agency.store.create_pairing_code(TALENT))
    desk = Escalations(vault, sync.outbox)  # no update handler registered
    sync.start()
    try:
        view = desk.escalate()
        wait_for(
            lambda: (
                (i := sync.outbox.get(outbox_id_of(vault, view.id))) is not None
                and i.remote_id is not None
            ),
            what="delivery",
        )
        item = sync.outbox.get(outbox_id_of(vault, view.id))
        assert item is not None
        assert item.remote_id is not None
        agency.store.acknowledge_escalation(item.remote_id, "Mbak Rina")
        wait_for(
            lambda: vault.get(UPDATE_KIND, f"escalation.acknowledged:{item.remote_id}") is not None,
            what="the feed",
        )
        stale = desk.get(view.id)
        assert stale is not None
        assert stale.state is EscalationState.DELIVERED  # nobody applied it yet

        safety = SafetyService(vault, sync)  # catches up from the stored feed update
        caught = safety.escalations.get(view.id)
        assert caught is not None
        assert caught.state is EscalationState.ACKNOWLEDGED
        assert caught.supervisor == "Mbak Rina"
        assert caught.remote_id == item.remote_id
    finally:
        sync.stop()
        vault.close()


def test_after_two_hundred_escalations_a_click_scans_nothing(
    app: App, agency: Agency, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing after a click grows with history (issue 11.5), checked by structure, not by
    time: with 200 escalations on the device (delivered, as over a few nights), one more
    is raised and delivered while every way to read a whole kind of records fails, on
    any thread: the click, the after-commit listeners, the safety catch-up, the sender."""
    escalations = app.safety.escalations
    for _ in range(200):
        escalations.escalate(None)
    wait_for(lambda: len(agency.store.escalations()) == 200, timeout=60, what="200 delivered")
    wait_for(lambda: app.sync.outbox.pending() == [], what="an idle outbox")
    time.sleep(0.1)  # the catch-up after the last delivery has run

    scans: list[tuple[str, str]] = []

    def no_scan(name: str) -> Callable[[str], object]:
        def refused(kind: str) -> object:
            scans.append((name, kind))
            raise AssertionError(f"{name}({kind!r}) after a click: it grows with history")

        return refused

    monkeypatch.setattr(app.vault, "read_all", no_scan("read_all"))
    monkeypatch.setattr(app.vault, "ids", no_scan("ids"))
    view = escalations.escalate(None)
    wait_for(lambda: len(agency.store.escalations()) == 201, what="the 201st at the agency")
    wait_for(lambda: _state(app, view.id) is EscalationState.DELIVERED, what="delivered")
    time.sleep(0.1)  # the catch-up after its delivery has run too
    assert scans == []
    assert escalations.open_escalations()[0].id == view.id
    # The guard bites: what has no index yet (a new reader over the vault) must scan.
    with pytest.raises(AssertionError, match="grows with history"):
        Escalations(app.vault, app.sync.outbox).escalations()
    assert scans
