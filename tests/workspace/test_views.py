"""What the workspace hands the view: the safety snapshot follows a new escalation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import msgspec

from talentdesk.safety import EscalationState, EscalationView
from talentdesk.workspace import SafetySnapshot

T0 = datetime(2026, 11, 22, 21, 0, tzinfo=UTC)


def view(n: int, **changes: object) -> EscalationView:
    made = EscalationView(
        id=f"esc-{n:04d}",
        booking_id="bk-1",
        raised_at=T0 + timedelta(minutes=n),
        state=EscalationState.QUEUED,
        automatic=False,
        crisis_sign=None,
        remote_id=None,
        supervisor=None,
        supervisor_note=None,
        acknowledged_at=None,
        resolved_at=None,
        cancelled_at=None,
        attempts=0,
        last_error=None,
        follow_ups=0,
        follow_ups_waiting=0,
        follow_ups_failed=0,
        cancel=None,
    )
    return msgspec.structs.replace(made, **changes)


def test_a_new_escalation_goes_in_front_and_a_changed_one_keeps_its_place() -> None:
    snapshot = SafetySnapshot()
    for n in range(5):
        snapshot = snapshot.with_escalation(view(n))
    assert [v.id for v in snapshot.escalations] == [f"esc-{n:04d}" for n in (4, 3, 2, 1, 0)]
    delivered = view(2, state=EscalationState.DELIVERED, remote_id="R-2")
    snapshot = snapshot.with_escalation(delivered)
    assert [v.id for v in snapshot.escalations][2] == "esc-0002"
    assert snapshot.escalation("esc-0002") == delivered
    assert len(snapshot.escalations) == 5
    # One raised earlier than the newest (read back late) still lands in order.
    snapshot = snapshot.with_escalation(
        view(1, id="esc-late", raised_at=T0 + timedelta(seconds=90))
    )
    assert [v.id for v in snapshot.escalations] == [
        "esc-0004",
        "esc-0003",
        "esc-0002",
        "esc-late",
        "esc-0001",
        "esc-0000",
    ]
    assert snapshot.latest_for("bk-1") == view(4)
