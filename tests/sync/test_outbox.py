"""The outbox: typed requests queued with the local change; old rows still delivered."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from talentdesk.sync.outbox import Outbox, OutboxItem, OutboxState
from talentdesk.sync.requests import FollowUpEscalation, RaiseEscalation
from talentdesk.sync.service import SyncService
from talentdesk.vault import Vault
from talentdesk_agency import AgencyStore, ServerThread
from talentdesk_contract import wire
from talentdesk_contract.values import OperationKind
from tests.fixtures.make_outbox_v1 import FIXTURE, PASSPHRASE

AT = datetime(2026, 11, 22, 14, 0, tzinfo=UTC)


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def old_vault(data_dir: Path) -> Iterator[Vault]:
    """A copy of the outbox-v1 fixture: rows that stored their method and path."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "vault.sqlite3"
    shutil.copyfile(FIXTURE, path)
    path.chmod(0o600)
    vault = Vault.open(path, passphrase=PASSPHRASE)
    yield vault
    if vault.is_open:
        vault.close()


def by_kind(items: list[OutboxItem]) -> dict[OperationKind, OutboxItem]:
    return {item.kind: item for item in items}


def test_old_rows_are_read_with_the_method_and_path_they_stored(old_vault: Vault) -> None:
    items, problems = Outbox(old_vault).items()
    assert problems == []
    found = by_kind(items)
    # Every kind the old format could hold (availability was never queued; debriefs came
    # with contract 1.1, after rows stopped storing their method and path).
    assert set(found) == set(OperationKind) - {OperationKind.AVAILABILITY, OperationKind.DEBRIEF}
    assert {item.method for item in items} == {"POST"}
    assert found[OperationKind.BOOKING_ANSWER].path == "/v1/bookings/BK-OLD-1/answer"
    assert found[OperationKind.SESSION_EVENT].path == "/v1/sessions/BK-OLD-1/events"
    assert found[OperationKind.REPORT].path == "/v1/reports"
    follow_up = found[OperationKind.ESCALATION_FOLLOW_UP]
    assert follow_up.waits_for_remote_id
    assert follow_up.path == "/v1/escalations/{remote_id}/follow-up"
    # Until the escalation is delivered, what follows it is not sendable.
    pending = {item.kind for item in Outbox(old_vault).pending()}
    assert OperationKind.ESCALATION_FOLLOW_UP not in pending
    assert OperationKind.ESCALATION in pending


def test_an_old_follow_up_gets_the_remote_id_once_its_escalation_is_delivered(
    old_vault: Vault,
) -> None:
    outbox = Outbox(old_vault)
    escalation = by_kind(outbox.items()[0])[OperationKind.ESCALATION]
    outbox.mark_delivered(escalation, b'{"id": "esc_remote_1"}', "esc_remote_1")
    ready = by_kind(outbox.pending())
    assert ready[OperationKind.ESCALATION_FOLLOW_UP].path == (
        "/v1/escalations/esc_remote_1/follow-up"
    )
    assert ready[OperationKind.ESCALATION_CANCEL].path == "/v1/escalations/esc_remote_1/cancel"


def test_a_typed_request_is_stored_without_method_or_path(data_dir: Path) -> None:
    vault = Vault.create(data_dir / "vault.sqlite3", passphrase=PASSPHRASE)
    try:
        outbox = Outbox(vault)
        with vault.transaction():
            first = outbox.enqueue(
                RaiseEscalation(body=wire.EscalationRequest(level="urgent", at=AT)), ref="esc-1"
            )
            follow = outbox.enqueue(
                FollowUpEscalation(body=wire.EscalationFollowUpRequest(note="tolong")),
                ref="esc-1",
                after=first.id,
            )
        stored = vault.get("outbox", follow.id)
        assert stored is not None
        assert b'"method"' not in stored.replace(b'"method":null', b"")
        assert b"/v1" not in stored
        assert first.urgent and first.path == "/v1/escalations" and first.method == "POST"
        assert follow.waits_for_remote_id
        outbox.mark_delivered(first, b'{"id": "esc_9"}', "esc_9")
        [ready] = outbox.pending()
        assert ready.path == "/v1/escalations/esc_9/follow-up"
        with pytest.raises(ValueError, match="after"):
            outbox.enqueue(FollowUpEscalation(body=wire.EscalationFollowUpRequest()), ref="x")
    finally:
        vault.close()


def test_old_rows_are_delivered_after_an_upgrade(old_vault: Vault, tmp_path: Path) -> None:
    db = tmp_path / "agency.sqlite3"
    server = ServerThread(db)
    server.start()
    agency = AgencyStore(db)
    sync = SyncService(old_vault, feed_wait=1)
    try:
        sync.pair(server.url, agency.create_pairing_code("Sari"))
        sync.start()

        def settled() -> bool:
            return all(i.state is not OutboxState.QUEUED for i in sync.outbox.items()[0])

        wait_for(settled, "every old row sent")
        found = by_kind(sync.outbox.items()[0])
        for kind in (
            OperationKind.ESCALATION,
            OperationKind.ESCALATION_FOLLOW_UP,
            OperationKind.ESCALATION_CANCEL,
            OperationKind.REPORT,
        ):
            assert found[kind].state is OutboxState.DELIVERED, kind
        remote = found[OperationKind.ESCALATION].remote_id
        [row] = [e for e in agency.escalations() if e.id == remote]
        assert (row.status, row.crisis_sign, row.follow_ups) == ("cancelled", "distress", 1)
        assert [r.category for r in agency.reports()] == ["insults"]
        # The agency does not know booking BK-OLD-1: it said so, to the path stored.
        for kind in (OperationKind.BOOKING_ANSWER, OperationKind.SESSION_EVENT):
            assert found[kind].state is OutboxState.FAILED, kind
            assert found[kind].last_error
    finally:
        sync.stop()
        agency.close()
        server.stop()
