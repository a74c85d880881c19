"""The agency's escalation policy as the desk sees it, against the real reference agency
(its policy run with a test clock): every alarm its own escalation with a kind; "alerted
again" and "nobody answered" from the feed; the resolution's reason; the supervisor's
phone from the agency's config."""

from __future__ import annotations

from datetime import timedelta

import msgspec

from talentdesk.domain import AgencyConfig
from talentdesk.safety import EscalationKind, EscalationState
from talentdesk.vault.records import RecordStore
from talentdesk_agency import policy
from talentdesk_agency.store.records import now_utc
from talentdesk_contract import wire
from talentdesk_contract.values import ResolutionReason
from tests.safety.conftest import Agency, App, wait_for

PHONE = "+62 812 0000 1111"


def remote_of(app: App, escalation_id: str) -> str:
    def delivered() -> bool:
        view = app.safety.escalations.get(escalation_id)
        return view is not None and view.remote_id is not None

    wait_for(delivered, what="delivered")
    view = app.safety.escalations.get(escalation_id)
    assert view is not None and view.remote_id is not None
    return view.remote_id


def test_nobody_takes_it_the_agency_alerts_again_then_says_call(app: App, agency: Agency) -> None:
    config = agency.store.config()
    agency.store.set_config(
        msgspec.structs.replace(
            config,
            supervisor_phone=PHONE,
            escalation_policy=wire.EscalationPolicy(realert_after_seconds=30, rounds=2),
        )
    )
    wait_for(
        lambda: (
            (c := RecordStore(app.vault).load(AgencyConfig, "current")) is not None
            and c.supervisor_phone == PHONE
        ),
        what="the config",
    )
    stored = RecordStore(app.vault).load(AgencyConfig, "current")
    assert stored is not None
    assert (stored.realert_after_seconds, stored.escalation_rounds) == (30, 2)

    view = app.safety.escalations.escalate(None)
    assert view.kind is EscalationKind.BUTTON
    remote = remote_of(app, view.id)
    (row,) = agency.store.escalations()
    assert (row.kind, row.priority) == ("button", "urgent")

    start = now_utc()
    assert policy.tick(agency.store, start + timedelta(seconds=31)).alerted_again == [(remote, 1)]
    wait_for(
        lambda: (v := app.safety.escalations.get(view.id)) is not None and v.alerted_rounds == 1,
        what="alerted again",
    )
    again = app.safety.escalations.get(view.id)
    assert again is not None and not again.unanswered
    assert again.supervisors_alerted >= 0 and again.state is EscalationState.DELIVERED

    policy.tick(agency.store, start + timedelta(seconds=61))
    policy.tick(agency.store, start + timedelta(seconds=91))
    wait_for(
        lambda: (v := app.safety.escalations.get(view.id)) is not None and v.unanswered,
        what="unanswered",
    )
    unanswered = app.safety.escalations.get(view.id)
    assert unanswered is not None and unanswered.alerted_rounds == 2
    assert app.safety.escalations.open_escalations()[0].id == view.id

    # Someone takes it at last: no longer "nobody answered"; resolved with a reason.
    agency.store.acknowledge_escalation(remote, "Rina")
    wait_for(
        lambda: (
            (v := app.safety.escalations.get(view.id)) is not None
            and v.state is EscalationState.ACKNOWLEDGED
        ),
        what="acknowledged",
    )
    taken = app.safety.escalations.get(view.id)
    assert taken is not None and not taken.unanswered
    agency.store.resolve_escalation(
        remote, "Rina", "ambulance sent", ResolutionReason.EMERGENCY_SERVICES_CALLED
    )
    wait_for(
        lambda: (
            (v := app.safety.escalations.get(view.id)) is not None
            and v.resolution_reason is ResolutionReason.EMERGENCY_SERVICES_CALLED
        ),
        what="resolved with its reason",
    )
    assert app.safety.escalations.open_escalations() == []


def test_alerts_that_came_before_the_desk_knew_the_id_are_caught_up(
    app: App, agency: Agency
) -> None:
    """An alert stored by the feed while no handler knew the escalation (it arrived before
    the sender recorded the agency's id) is applied by the catch-up."""
    view = app.safety.escalations.escalate(None)
    remote = remote_of(app, view.id)
    app.sync.stop()
    policy.tick(agency.store, now_utc() + timedelta(seconds=61))
    # Forget the remote id locally, as if the delivery had not been recorded yet.
    record = app.safety.escalations._load(view.id)
    assert record is not None
    record.remote_id = None
    app.safety.escalations._save(record)
    app.sync.start()
    wait_for(
        lambda: (v := app.safety.escalations.get(view.id)) is not None and v.alerted_rounds == 1,
        what="the stored alert applied",
    )
    assert app.safety.escalations.get(view.id).remote_id == remote  # type: ignore[union-attr]
