"""``agency-api.yaml`` and ``wire.py`` say the same thing, and the server serves all of it.

* Every component schema named like a wire struct equals msgspec's own JSON Schema for
  that struct, after both are put in one normal form (refs inlined, nullability spelled
  one way, descriptions dropped): same fields, required set, types, enums, lengths,
  ranges, patterns and unknown-field policy.
* Every wire struct has a component; every path and method is routed by the server.
* Sample payloads and the server's real answers validate against the YAML, and the feed's
  per-type ``data`` rules are really enforced.
"""

from __future__ import annotations

import inspect
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema_rs
import msgspec
import pytest
import yaml

from talentdesk_agency import AgencyApp, AgencyStore
from talentdesk_agency.defaults import default_config
from talentdesk_contract import wire
from talentdesk_contract.values import (
    BookingAnswer,
    CrisisSign,
    EscalationKind,
    EscalationPriority,
    EscalationStatus,
    ReportCategory,
    ReportStatus,
    ResolutionReason,
    SessionEventType,
    SessionOutcome,
    TicketLevel,
)
from tests.reference_agency import Paired, soon

HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
_IGNORED_KEYS = {"title", "description", "default", "examples", "example", "$comment"}


def load_spec() -> dict[str, Any]:
    text = resources.files("talentdesk_contract").joinpath("agency-api.yaml").read_text("utf-8")
    spec = yaml.safe_load(text)
    assert isinstance(spec, dict)
    return spec


SPEC = load_spec()
COMPONENTS: dict[str, Any] = SPEC["components"]["schemas"]
STRUCTS: dict[str, type[msgspec.Struct]] = {
    name: obj
    for name in wire.__all__
    if inspect.isclass(obj := getattr(wire, name)) and issubclass(obj, msgspec.Struct)
}


def inline(node: Any, defs: dict[str, Any]) -> Any:
    """Replace every local ``$ref`` with (a copy of) its target."""
    if isinstance(node, list):
        return [inline(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        target = defs[node["$ref"].rsplit("/", 1)[1]]
        rest = {k: v for k, v in node.items() if k != "$ref"}
        return inline({**target, **rest}, defs)
    return {key: inline(value, defs) for key, value in node.items()}


def normal(node: Any) -> Any:
    """One spelling for one meaning: nullable flag, sorted enums and required, no prose."""
    if isinstance(node, list):
        return [normal(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {k: v for k, v in node.items() if k not in _IGNORED_KEYS}
    nullable = False
    branches = out.pop("anyOf", None)
    if branches is not None:
        rest = [b for b in branches if b != {"type": "null"}]
        nullable = len(rest) < len(branches)
        assert len(rest) == 1, f"unexpected anyOf: {branches}"
        out = {**out, **{k: v for k, v in rest[0].items() if k not in _IGNORED_KEYS}}
    kind = out.get("type")
    if isinstance(kind, list):
        nullable = nullable or "null" in kind
        kinds = [k for k in kind if k != "null"]
        out["type"] = kinds[0] if len(kinds) == 1 else kinds
    if "enum" in out:
        nullable = nullable or None in out["enum"]
        out["enum"] = sorted(v for v in out["enum"] if v is not None)
        out.pop("type", None)  # an enum of strings says its type already
    if isinstance(out.get("pattern"), str) and out["pattern"].endswith("\\Z"):
        out["pattern"] = out["pattern"][:-2] + "$"
    if "required" in out:
        out["required"] = sorted(out["required"])
        if not out["required"]:
            del out["required"]
    if "properties" in out:
        out["properties"] = {k: normal(v) for k, v in out["properties"].items()}
    if "items" in out:
        out["items"] = normal(out["items"])
    if nullable:
        out["nullable"] = True
    return out


def msgspec_schema(struct: type[msgspec.Struct]) -> dict[str, Any]:
    (root,), defs = msgspec.json.schema_components([struct], ref_template="#/$defs/{name}")
    schema = normal(inline(root, defs))
    assert isinstance(schema, dict)
    return schema


def yaml_schema(name: str) -> dict[str, Any]:
    """A component in normal form, without FeedEvent's per-type ``data`` rules.

    Those rules (``allOf`` of ``if``/``then``) have no msgspec twin: the struct keeps
    ``data`` raw. They are checked on their own below.
    """
    plain = dict(COMPONENTS)
    plain["FeedEvent"] = {k: v for k, v in COMPONENTS["FeedEvent"].items() if k != "allOf"}
    schema = normal(inline(plain[name], plain))
    assert isinstance(schema, dict)
    return schema


def validator(name: str) -> Any:
    return jsonschema_rs.Draft202012Validator(
        inline(COMPONENTS[name], COMPONENTS), validate_formats=True
    )


# --- the document ---------------------------------------------------------------------


def test_the_contract_ships_inside_the_package() -> None:
    assert SPEC["openapi"] == "3.1.0"
    assert resources.files("talentdesk_contract").joinpath("agency-api.yaml").is_file()


def test_every_ref_resolves_and_every_operation_is_named() -> None:
    text = json.dumps(SPEC)
    for ref in {part.split('"')[0] for part in text.split('"$ref": "')[1:]}:
        section, name = ref.removeprefix("#/components/").split("/")
        assert name in SPEC["components"][section], ref
    ids = [
        op["operationId"]
        for item in SPEC["paths"].values()
        for method, op in item.items()
        if method in HTTP_METHODS
    ]
    assert len(ids) == len(set(ids))


def test_the_sections_the_desk_cites_exist_and_the_feed_lists_what_it_retries() -> None:
    """The desk's sync cites the contract's "Feed errors" and "Write errors"; the feed
    operation documents every refusal those sections tell a client to retry slowly."""
    description = SPEC["info"]["description"]
    root = Path(__file__).resolve().parents[2]
    cited = {
        name
        for source in (
            "talentdesk/sync/service.py",
            "talentdesk/sync/pacing.py",
            "docs/architecture.md",
        )
        for name in re.findall(r'contract\'s "(\w+ errors)"', (root / source).read_text("utf-8"))
    }
    assert cited >= {"Feed errors"}
    for name in cited:
        assert f"**{name}**" in description, name
    assert "never retry another 4xx" not in description
    feed = SPEC["paths"]["/v1/feed"]["get"]["responses"]
    assert {"403", "404", "410"} <= set(feed)
    assert "redirect" in SPEC["paths"]["/v1/feed"]["get"]["description"]


def test_every_operation_is_routed_by_the_server(tmp_path: Path) -> None:
    documented = {
        (method.upper(), path)
        for path, item in SPEC["paths"].items()
        for method in item
        if method in HTTP_METHODS
    }
    served = set(AgencyApp(tmp_path / "agency.db").routes)
    assert documented == served


def test_writes_need_a_key_and_reads_do_not() -> None:
    for path, item in SPEC["paths"].items():
        for method, op in item.items():
            if method not in HTTP_METHODS:
                continue
            params = {p["$ref"].rsplit("/", 1)[1] for p in op.get("parameters", []) if "$ref" in p}
            has_key = "IdempotencyKey" in params
            public = op.get("security") == []
            assert has_key == (method != "get" and not public), (method, path)
            # Every answer the server can give is documented, with a problem for errors.
            responses = op["responses"]
            assert {"429", "500", "503"} <= set(responses)
            if not public:
                assert "401" in responses
            if method != "get":
                assert {"400", "413", "415", "422"} <= set(responses)


def test_request_examples_are_valid_on_both_sides() -> None:
    examples = 0
    for item in SPEC["paths"].values():
        for method, op in item.items():
            if method not in HTTP_METHODS or "requestBody" not in op:
                continue
            media = op["requestBody"]["content"]["application/json"]
            name = media["schema"]["$ref"].rsplit("/", 1)[1]
            validator(name).validate(media["example"])
            wire.decode(json.dumps(media["example"]), STRUCTS[name])
            examples += 1
    assert examples == 9


def test_limits_match_the_wire_constants() -> None:
    params = SPEC["components"]["parameters"]
    key = params["IdempotencyKey"]["schema"]
    assert key["maxLength"] == wire.IDEMPOTENCY_KEY_MAX_LENGTH
    feed = {p["name"]: p["schema"] for p in SPEC["paths"]["/v1/feed"]["get"]["parameters"]}
    assert feed["wait"]["maximum"] == wire.MAX_FEED_WAIT_SECONDS
    assert feed["limit"]["maximum"] == wire.MAX_FEED_LIMIT
    assert COMPONENTS["FeedPage"]["properties"]["events"]["maxItems"] == wire.MAX_FEED_LIMIT
    assert COMPONENTS["Cursor"]["maximum"] == wire.MAX_SEQ
    description = SPEC["info"]["description"]
    assert str(wire.MAX_REQUEST_BYTES) in description
    assert str(wire.MAX_RESPONSE_BYTES) in description
    retry = SPEC["components"]["responses"]["TooManyRequests"]["headers"]["Retry-After"]
    assert inline(retry, SPEC["components"]["headers"])["required"] is True


def test_every_string_and_array_is_bounded() -> None:
    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            kind = node.get("type")
            kinds = kind if isinstance(kind, list) else [kind]
            if "string" in kinds and "enum" not in node and node.get("format") != "date-time":
                assert "maxLength" in node, where
            if "array" in kinds:
                assert "maxItems" in node, where
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for n, value in enumerate(node):
                walk(value, f"{where}/{n}")

    walk(SPEC, "#")


# --- wire.py and the YAML agree -------------------------------------------------------


def test_every_wire_struct_has_a_component() -> None:
    assert set(STRUCTS) <= set(COMPONENTS)


@pytest.mark.parametrize("name", sorted(STRUCTS))
def test_component_equals_the_wire_struct(name: str) -> None:
    expected = msgspec_schema(STRUCTS[name])
    assert yaml_schema(name) == expected


def test_requests_forbid_unknown_fields_and_answers_allow_them() -> None:
    for name, struct in STRUCTS.items():
        forbids = COMPONENTS[name].get("additionalProperties") is False
        assert forbids == name.endswith("Request"), name
        assert forbids == struct.__struct_config__.forbid_unknown_fields, name


def test_feed_data_rules_cover_every_event_type() -> None:
    rules = {
        rule["if"]["properties"]["type"]["const"]: rule["then"]["properties"]["data"]["$ref"]
        for rule in COMPONENTS["FeedEvent"]["allOf"]
    }
    assert rules == {
        kind: f"#/components/schemas/{data.__name__}"
        for kind, data in wire.EVENT_DATA_TYPES.items()
    }
    assert set(rules) == set(wire.EventType)


# --- payloads validate against the YAML -----------------------------------------------

AT = soon()
CONFIG = default_config()
PACKAGE = CONFIG.packages[0]
SAMPLES: list[tuple[str, msgspec.Struct]] = [
    ("Health", wire.Health(status="ok", version="1.0.0")),
    ("PairingRequest", wire.PairingRequest(code="ABCD-2345", device_name="laptop")),
    (
        "PairingResponse",
        wire.PairingResponse(
            token="tdk_" + "x" * 43,
            talent=wire.TalentInfo(id="tal_1", display_name="Sari"),
            agency=wire.AgencyInfo(name="Agensi"),
        ),
    ),
    ("AgencyConfig", CONFIG),
    (
        "AgencyConfig",
        msgspec.structs.replace(
            CONFIG,
            supervisor_phone="+62 811 0000 111",
            escalation_policy=wire.EscalationPolicy(realert_after_seconds=30, rounds=5),
        ),
    ),
    ("EscalationPolicy", wire.EscalationPolicy()),
    (
        "BookingData",
        wire.BookingData(
            booking=wire.BookingInfo(
                id="bk_1", start=AT, package=PACKAGE, returning_customer=True, needs_unblock=True
            ),
            customer=wire.Customer(alias="Contoh", contact_handle="@contoh"),
        ),
    ),
    ("BookingCancelledData", wire.BookingCancelledData(booking_id="bk_1", reason="")),
    (
        "EscalationUpdateData",
        wire.EscalationUpdateData(escalation_id="esc_1", supervisor="Bu Rina", at=AT),
    ),
    (
        "EscalationUpdateData",
        wire.EscalationUpdateData(
            escalation_id="esc_1",
            supervisor="Bu Rina",
            at=AT,
            note="Pelanggan diblokir",
            reason=ResolutionReason.EMERGENCY_SERVICES_CALLED,
        ),
    ),
    (
        "EscalationAlertData",
        wire.EscalationAlertData(escalation_id="esc_1", at=AT, round=2, supervisors_alerted=3),
    ),
    (
        "DebriefRequest",
        wire.DebriefRequest(at=AT, session_id="s1", booking_id="bk_1", note="berat"),
    ),
    (
        "Debrief",
        wire.Debrief(id="deb_1", status=EscalationStatus.OPEN, priority=EscalationPriority.LOW),
    ),
    (
        "ReportUpdateData",
        wire.ReportUpdateData(
            report_id="rep_1",
            ticket="TD-000001",
            level=TicketLevel.TECHNICAL,
            status=ReportStatus.RESOLVED,
            note="ok",
        ),
    ),
    (
        "BookingAnswerRequest",
        wire.BookingAnswerRequest(answer=BookingAnswer.DECLINE, reason="busy"),
    ),
    (
        "BookingAnswerResult",
        wire.BookingAnswerResult(booking_id="bk_1", answer=BookingAnswer.ACCEPT),
    ),
    (
        "SessionEventRequest",
        wire.SessionEventRequest(
            type=SessionEventType.ENDED,
            at=AT,
            planned_seconds=1800,
            actual_seconds=1805,
            outcome=SessionOutcome.COMPLETED,
        ),
    ),
    (
        "SessionEventResult",
        wire.SessionEventResult(booking_id="bk_1", type=SessionEventType.STARTED),
    ),
    (
        "EscalationRequest",
        wire.EscalationRequest(
            level="urgent",
            at=AT,
            booking_id="bk_1",
            crisis_sign=CrisisSign.THREAT_OF_HARM,
            note="help",
            kind=EscalationKind.LONE_WORKER,
        ),
    ),
    ("EscalationCreated", wire.EscalationCreated(id="esc_1", status=EscalationStatus.OPEN)),
    ("EscalationFollowUpRequest", wire.EscalationFollowUpRequest()),
    ("EscalationCancelRequest", wire.EscalationCancelRequest(reason="false_alarm")),
    (
        "Escalation",
        wire.Escalation(
            id="esc_1",
            status=EscalationStatus.RESOLVED,
            level="urgent",
            at=AT,
            follow_ups=2,
            supervisor="Bu Rina",
            acknowledged_at=AT,
            resolved_at=AT,
            kind=EscalationKind.WELLBEING,
            priority=EscalationPriority.HIGH,
            alerted_rounds=2,
            unanswered=True,
            resolution_reason=ResolutionReason.TALENT_UNREACHABLE,
        ),
    ),
    (
        "ReportRequest",
        wire.ReportRequest(
            session_id="s1",
            booking_id="bk_1",
            category=ReportCategory.THREATS,
            description="x",
            at=AT,
        ),
    ),
    (
        "Report",
        wire.Report(
            id="rep_1", ticket="TD-000001", level=TicketLevel.FIRST_LINE, status=ReportStatus.QUEUED
        ),
    ),
    ("AvailabilityRequest", wire.AvailabilityRequest(available=True, until=AT)),
    ("Availability", wire.Availability(available=False)),
    ("Problem", wire.Problem(type="urn:x", title="Gone", status=410, detail="d")),
]


@pytest.mark.parametrize(("name", "sample"), SAMPLES, ids=[name for name, _ in SAMPLES])
def test_samples_validate_against_the_yaml(name: str, sample: msgspec.Struct) -> None:
    encoded = wire.encode(sample)
    validator(name).validate(json.loads(encoded))
    assert wire.decode(encoded, type(sample)) == sample


def test_every_struct_has_a_sample() -> None:
    sampled = {name for name, _ in SAMPLES}
    assert set(STRUCTS) - sampled == {
        # Covered through the feed tests below: their samples come from a real server.
        "FeedEvent",
        "FeedPage",
        # Parts of other samples.
        "Package",
        "PaceThreshold",
        "DeclineReply",
        "BoundaryItem",
        "BoundaryPreset",
        "EmergencyContact",
        "BookingInfo",
        "Customer",
        "TalentInfo",
        "AgencyInfo",
    }


@pytest.mark.parametrize(
    ("name", "bad"),
    [
        ("EscalationRequest", {"level": "urgent", "at": "2025-05-01T21:00:00Z", "extra": 1}),
        ("EscalationRequest", {"level": "soon", "at": "2025-05-01T21:00:00Z"}),
        (
            "EscalationRequest",
            {"level": "urgent", "at": "2025-05-01T21:00:00Z", "note": "x" * 2001},
        ),
        (
            "ReportRequest",
            {
                "session_id": "s\n",
                "booking_id": "b",
                "category": "other",
                "description": "d",
                "at": "2025-05-01T21:00:00Z",
            },
        ),
        (
            "SessionEventRequest",
            {"type": "started", "at": "2025-05-01T21:00:00Z", "planned_seconds": -1},
        ),
        ("BookingAnswerRequest", {"answer": "maybe"}),
        ("AvailabilityRequest", {"available": "yes"}),
        ("PairingRequest", {"code": "", "device_name": "x"}),
    ],
)
def test_both_sides_refuse_the_same_bad_requests(name: str, bad: dict[str, Any]) -> None:
    assert not validator(name).is_valid(bad)
    with pytest.raises(msgspec.ValidationError):
        wire.decode(json.dumps(bad), STRUCTS[name])


def test_integral_floats_are_integers_as_in_json_schema() -> None:
    body = '{"type": "ended", "at": "2025-05-01T21:00:00Z", "planned_seconds": 1800.0}'
    assert validator("SessionEventRequest").is_valid(json.loads(body))
    assert wire.decode(body, wire.SessionEventRequest).planned_seconds == 1800
    with pytest.raises(msgspec.ValidationError):
        wire.decode(body.replace("1800.0", "1800.5"), wire.SessionEventRequest)
    with pytest.raises(msgspec.ValidationError):
        wire.decode(body.replace("1800.0", '"1800"'), wire.SessionEventRequest)


def test_the_real_feed_validates_and_data_rules_bite(sari: Paired) -> None:
    with AgencyStore(sari.db) as store:
        booking = store.create_booking(
            "Sari",
            start=soon(),
            package_id="curhat-30",
            alias="Contoh",
            handle="@c",
            returning=True,
        )
        store.cancel_booking(booking)
        store.inject_event("Sari", "future.thing", '{"whatever": true}')
    response = sari.client.get("/v1/feed")
    page = response.json()
    validator("FeedPage").validate(page)
    assert [e["type"] for e in page["events"]] == [
        "config.updated",
        "booking.rebooked",
        "booking.cancelled",
        "future.thing",
    ]
    check = validator("FeedEvent")
    wrong = {**page["events"][1], "data": {"booking_id": "bk_1", "reason": "x"}}
    assert not check.is_valid(wrong)  # a booking.rebooked must carry BookingData
    assert check.is_valid({**page["events"][3], "data": [1, "any"]})  # unknown types: anything


def test_problem_answers_validate(sari: Paired) -> None:
    for response in (
        sari.client.get("/v1/nothing"),
        sari.client.get("/v1/feed", params={"wait": 99}),
        sari.client.post("/v1/escalations", json={}),
    ):
        assert response.status_code >= 400
        validator("Problem").validate(response.json())


def test_customer_and_token_reprs_are_redacted() -> None:
    customer = wire.Customer(alias="Sentinel-Alias", contact_handle="@sentinel")
    assert "Sentinel" not in repr(customer) and "sentinel" not in str(customer)
    data = wire.BookingData(
        booking=wire.BookingInfo(
            id="bk_1", start=AT, package=PACKAGE, returning_customer=False, needs_unblock=False
        ),
        customer=customer,
    )
    assert "Sentinel" not in repr(data)
