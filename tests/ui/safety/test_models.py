"""The safety screens' item models pass Qt's model tester, empty and full, and say each
state in words; the words cover every machine key of the playbook."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from talentdesk.domain import IncidentCategory, IncidentStatus, TicketLevel
from talentdesk.safety import (
    MESSAGE_KEYS,
    Delivery,
    EscalationState,
    EscalationView,
    ReportView,
)
from talentdesk.ui.language import LanguageSwitcher
from talentdesk.ui.safety import (
    EscalationsModel,
    ReportsModel,
    SafetyMessages,
    SessionsModel,
)
from talentdesk.ui.safety.models import ITEM_ROLE, EscalationColumn, ReportColumn
from talentdesk.workspace import SessionChoice

T0 = datetime(2026, 3, 4, 14, 0, tzinfo=UTC)


def escalation(state: EscalationState, n: int = 0, **changes: object) -> EscalationView:
    values: dict[str, object] = {
        "id": f"esc-{n}",
        "booking_id": "bk-1",
        "raised_at": T0 + timedelta(minutes=n),
        "state": state,
        "automatic": False,
        "crisis_sign": None,
        "remote_id": None,
        "supervisor": None,
        "supervisor_note": None,
        "acknowledged_at": None,
        "resolved_at": None,
        "cancelled_at": None,
        "attempts": 0,
        "last_error": None,
        "follow_ups": 0,
        "follow_ups_waiting": 0,
        "follow_ups_failed": 0,
        "cancel": None,
    }
    values.update(changes)
    return EscalationView(**values)  # type: ignore[arg-type]


def report(n: int = 0, **changes: object) -> ReportView:
    values: dict[str, object] = {
        "id": f"inc-{n}",
        "session_id": "s-1",
        "booking_id": "bk-1",
        "category": IncidentCategory.THREATS,
        "description": "Ancaman.",
        "created_at": T0 + timedelta(minutes=n),
        "ticket": None,
        "level": TicketLevel.FIRST_LINE,
        "status": IncidentStatus.QUEUED,
        "delivery": Delivery.QUEUED,
        "failure": None,
        "agency_note": None,
        "text_removed": False,
    }
    values.update(changes)
    return ReportView(**values)  # type: ignore[arg-type]


ESCALATIONS = [
    escalation(EscalationState.QUEUED, 6, attempts=3),
    escalation(EscalationState.DELIVERED, 5, remote_id="esc-remote", crisis_sign="distress"),
    escalation(
        EscalationState.ACKNOWLEDGED,
        4,
        supervisor="Rina",
        acknowledged_at=T0,
        remote_id="esc-r4",
        automatic=True,
    ),
    escalation(EscalationState.RESOLVED, 3, supervisor="Rina", resolved_at=T0, booking_id=None),
    escalation(EscalationState.CANCELLED, 2, cancel=Delivery.QUEUED, cancelled_at=T0),
    escalation(EscalationState.FAILED, 1, last_error="Unprocessable"),
]
REPORTS = [
    report(3, ticket="TD-000003", status=IncidentStatus.IN_PROGRESS, delivery=Delivery.DELIVERED),
    report(2, delivery=Delivery.FAILED, failure="Bad request"),
    report(
        1,
        ticket="TD-000001",
        description="",
        text_removed=True,
        status=IncidentStatus.RESOLVED,
        level=TicketLevel.TECHNICAL,
        delivery=Delivery.DELIVERED,
    ),
]


@pytest.mark.usefixtures("english")
def test_the_escalations_model_passes_the_model_tester(qtmodeltester: object) -> None:
    model = EscalationsModel()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.set_rows(ESCALATIONS)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 6 and model.columnCount() == 4
    states = [model.data(model.index(r, EscalationColumn.STATE)) for r in range(6)]
    assert states == [
        "Queued on this device · agency not reachable yet, retrying",
        "Delivered to your agency · waiting for a supervisor",
        "Acknowledged by Rina",
        "Resolved by Rina",
        "False alarm · telling your agency",
        "Refused by the agency · call your agency",
    ]
    assert model.data(model.index(1, EscalationColumn.SIGN)) == "Agitation or distress"
    assert model.data(model.index(0, EscalationColumn.SIGN)) == "—"
    assert model.data(model.index(2, EscalationColumn.ABOUT)).startswith("Sent automatically")
    assert model.data(model.index(3, EscalationColumn.ABOUT)) == "Outside a session"
    assert model.data(model.index(0, EscalationColumn.ABOUT)) == "During a session"
    assert model.data(model.index(0, 0), ITEM_ROLE) is ESCALATIONS[0]
    assert model.headerData(1, Qt.Orientation.Horizontal) == "State"
    assert model.row_of("esc-4") == 2
    model.set_rows([])
    qtmodeltester.check(model)  # type: ignore[attr-defined]


@pytest.mark.usefixtures("english")
def test_the_reports_model_passes_the_model_tester(qtmodeltester: object) -> None:
    model = ReportsModel()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.set_rows(REPORTS)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    rows = [[model.data(model.index(r, c)) for c in ReportColumn] for r in range(3)]
    assert [row[1:] for row in rows] == [
        ["Threats", "TD-000003", "First line", "In progress"],
        ["Threats", "—", "First line", "Refused by the agency"],
        ["Threats", "TD-000001", "Technical", "Resolved"],
    ]
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Ticket"


@pytest.mark.usefixtures("english")
def test_the_sessions_model_passes_the_model_tester(qtmodeltester: object) -> None:
    model = SessionsModel()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.set_rows(
        [
            SessionChoice("bk-1", "s-1", "Chat 30", T0),
            SessionChoice(
                "bk-0",
                "s-0",
                "Call 60",
                T0 - timedelta(days=2),
                T0 - timedelta(days=2) + timedelta(hours=1),
                T0 - timedelta(days=1) + timedelta(hours=1),
                too_late=True,
            ),
        ]
    )
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert str(model.data(model.index(0, 0))).startswith("Now: Chat 30 · started ")
    assert str(model.data(model.index(1, 0))).endswith("too late to report in the app")


@pytest.mark.parametrize("code", ["en", "id"])
def test_every_playbook_key_has_words(qapp: object, code: str) -> None:
    switcher = LanguageSwitcher()
    switcher.set_language(code)
    try:
        words = SafetyMessages()
        texts = {key: words.message(key) for key in MESSAGE_KEYS}
        assert all(text and text != key for key, text in texts.items())
        if code == "id":
            english = SafetyMessages()
            switcher.set_language("en")
            same = [k for k in MESSAGE_KEYS if english.message(k) == texts[k]]
            assert same == [], "untranslated playbook keys"
    finally:
        switcher.uninstall()
