"""Typed outbox requests: each operation's method and path, and only sync knows them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import yaml

import talentdesk_contract
from talentdesk.sync.requests import (
    ROUTES,
    AgencyRequest,
    AnswerBooking,
    CancelEscalation,
    FileReport,
    FollowUpEscalation,
    RaiseEscalation,
    SendSessionEvent,
    SetAvailability,
)
from talentdesk_contract import wire
from talentdesk_contract.values import (
    BookingAnswer,
    OperationKind,
    ReportCategory,
    SessionEventType,
)

AT = datetime(2026, 11, 22, 14, 0, tzinfo=UTC)
CONTRACT = Path(talentdesk_contract.__file__).parent / "agency-api.yaml"


def contract_operations() -> set[tuple[str, str]]:
    """(method, path) of every operation in agency-api.yaml, parameters as ``{target}``."""
    document = yaml.safe_load(CONTRACT.read_text("utf-8"))
    found = set()
    for path, item in document["paths"].items():
        generic = path
        for name in ("booking_id", "escalation_id", "report_id"):
            generic = generic.replace(f"{{{name}}}", "{target}")
        for method in item:
            if method in {"get", "post", "put", "delete", "patch"}:
                found.add((method.upper(), generic))
    return found


def test_every_operation_kind_has_a_route_of_the_contract() -> None:
    assert set(ROUTES) == set(OperationKind)
    operations = contract_operations()
    for kind, route in ROUTES.items():
        assert (route.method, route.template) in operations, kind


def test_every_operation_kind_has_one_request_type() -> None:
    def concrete(cls: type[AgencyRequest]) -> list[type[AgencyRequest]]:
        found = [cls] if "kind" in vars(cls) else []
        for sub in cls.__subclasses__():
            found += concrete(sub)
        return found

    kinds = [cls.kind for cls in concrete(AgencyRequest)]
    assert sorted(kinds) == sorted(OperationKind)


def test_a_request_says_its_target_urgency_and_body() -> None:
    answer = AnswerBooking(
        booking_id="BK-1", body=wire.BookingAnswerRequest(answer=BookingAnswer.ACCEPT)
    )
    assert answer.target == "BK-1" and not answer.urgent and not answer.follows
    assert ROUTES[answer.kind].path(answer.target) == "/v1/bookings/BK-1/answer"
    assert msgspec_json(answer) == {"answer": "accept", "reason": None}
    event = SendSessionEvent(
        booking_id="BK-1",
        body=wire.SessionEventRequest(type=SessionEventType.STARTED, at=AT, planned_seconds=60),
    )
    assert ROUTES[event.kind].path(event.target) == "/v1/sessions/BK-1/events"
    raised = RaiseEscalation(body=wire.EscalationRequest(level="urgent", at=AT))
    assert raised.urgent and raised.target is None
    follow = FollowUpEscalation(body=wire.EscalationFollowUpRequest(note="tolong"))
    cancel = CancelEscalation(body=wire.EscalationCancelRequest(reason="false_alarm"))
    for waiting in (follow, cancel):
        assert waiting.urgent and waiting.follows
        assert "{remote_id}" in ROUTES[waiting.kind].path(waiting.target)
    report = FileReport(
        body=wire.ReportRequest(
            session_id="BK-1",
            booking_id="BK-1",
            category=ReportCategory.INSULTS,
            description="kasar",
            at=AT,
        )
    )
    assert ROUTES[report.kind].path(report.target) == "/v1/reports"
    available = SetAvailability(body=wire.AvailabilityRequest(available=False))
    assert ROUTES[available.kind].method == "PUT"
    assert msgspec_json(available) == {"available": False, "until": None}


def msgspec_json(request: AgencyRequest) -> object:
    return wire.decode(request.encode(), dict)


def test_no_module_outside_sync_knows_a_method_or_path() -> None:
    desk = Path(talentdesk_contract.__file__).parent.parent / "talentdesk"
    offences = []
    for module in sorted(desk.rglob("*.py")):
        relative = module.relative_to(desk).as_posix()
        if relative.startswith("sync/"):
            continue
        text = module.read_text("utf-8")
        for needle in ('"/v1', "API_PREFIX", '"POST"', '"PUT"'):
            if needle in text:
                offences.append(f"{relative}: {needle}")
    assert offences == []


def test_every_route_reads_the_contracts_answer_to_a_success() -> None:
    """An item is "delivered" only when the agency's answer reads as the contract's."""
    document = yaml.safe_load(CONTRACT.read_text("utf-8"))
    answers: dict[tuple[str, str], str] = {}
    for path, item in document["paths"].items():
        generic = path
        for name in ("booking_id", "escalation_id", "report_id"):
            generic = generic.replace(f"{{{name}}}", "{target}")
        for method, operation in item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            for status, response in operation["responses"].items():
                schema = response.get("content", {}).get("application/json", {}).get("schema")
                if str(status).startswith("2") and schema is not None:
                    answers[(method.upper(), generic)] = schema["$ref"].rsplit("/", 1)[-1]
    for kind, route in ROUTES.items():
        assert route.answer is not None, kind
        assert route.answer.__name__ == answers[(route.method, route.template)], kind
