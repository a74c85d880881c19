"""The escalation policy on a real database (both backends), on a test clock: alert again,
the rounds, unanswered, reminding the owner, idempotence, and webhook notices to a real
HTTP server on loopback."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any, ClassVar

import pytest

from talentdesk_agency import AgencyStore, policy
from talentdesk_agency.store import Alerting, DbTarget, Supervisor, now_utc
from talentdesk_agency.store.records import StaffRole
from talentdesk_agency.store.settings import AlertContact
from talentdesk_contract import wire
from talentdesk_contract.values import EscalationKind, EventType, ResolutionReason
from tests.reference_agency import at_once

PASSWORD = "a long enough password"


def escalate(
    store: AgencyStore, talent_id: str, kind: EscalationKind = EscalationKind.BUTTON
) -> str:
    request = wire.EscalationRequest(level="urgent", at=now_utc(), kind=kind)
    _, body = store.create_escalation(talent_id, request)
    return wire.decode(body, wire.EscalationCreated).id


@pytest.fixture
def store(agency_db: DbTarget) -> Iterator[AgencyStore]:
    with AgencyStore(agency_db) as opened:
        opened.create_pairing_code("Sari")
        for name in ("Rina", "Budi"):
            opened.staff.add(name, StaffRole.SUPERVISOR, PASSWORD)
            assert opened.staff.sign_in(name, PASSWORD) is not None  # signing in: on duty
        yield opened


def talent_id(store: AgencyStore) -> str:
    return store.talent_by_name("Sari").id


def feed_alerts(store: AgencyStore) -> list[tuple[str, wire.EscalationAlertData]]:
    with store.db.read() as tx:
        rows = tx.all(
            "SELECT type, data FROM events WHERE type IN (?, ?) ORDER BY seq",
            (EventType.ESCALATION_ALERTED_AGAIN, EventType.ESCALATION_UNANSWERED),
        )
    return [(t, wire.decode(d, wire.EscalationAlertData)) for t, d in rows]


def test_nothing_is_due_before_the_delay(store: AgencyStore) -> None:
    escalate(store, talent_id(store))
    assert not policy.tick(store, now_utc() + timedelta(seconds=59))
    assert feed_alerts(store) == []


def test_unacknowledged_after_60_s_alerts_again_then_each_round_then_unanswered(
    store: AgencyStore,
) -> None:
    esc = escalate(store, talent_id(store))
    start = now_utc()
    work = policy.tick(store, start + timedelta(seconds=61))
    assert work.alerted_again == [(esc, 1)]
    # Twice at the same moment: nothing more (idempotent).
    assert not policy.tick(store, start + timedelta(seconds=61))
    assert policy.tick(store, start + timedelta(seconds=121)).alerted_again == [(esc, 2)]
    assert policy.tick(store, start + timedelta(seconds=181)).alerted_again == [(esc, 3)]
    assert not policy.tick(store, start + timedelta(seconds=200))
    assert policy.tick(store, start + timedelta(seconds=241)).unanswered == [esc]
    assert not policy.tick(store, start + timedelta(seconds=900))

    events = feed_alerts(store)
    assert [t for t, _ in events] == [EventType.ESCALATION_ALERTED_AGAIN] * 3 + [
        EventType.ESCALATION_UNANSWERED
    ]
    assert [d.round for _, d in events] == [1, 2, 3, 3]
    assert all(d.escalation_id == esc and d.supervisors_alerted == 2 for _, d in events)
    fetched = store.escalation(talent_id(store), esc)
    assert fetched.alerted_rounds == 3 and fetched.unanswered
    # Every round was recorded with the notices for both supervisors on duty.
    with store.db.read() as tx:
        rounds = tx.all(
            "SELECT kind, round, supervisors_alerted FROM escalation_rounds ORDER BY at"
        )
        recipients = tx.all("SELECT DISTINCT recipient FROM alert_notices ORDER BY recipient")
    assert rounds == [("realert", 1, 2), ("realert", 2, 2), ("realert", 3, 2), ("unanswered", 3, 2)]
    assert recipients == [("Budi",), ("Rina",)]


def test_the_policy_follows_the_configuration(store: AgencyStore) -> None:
    config = store.config()
    store.set_config(
        wire.decode(
            wire.encode(
                {
                    **json.loads(wire.encode(config)),
                    "escalation_policy": {"realert_after_seconds": 20, "rounds": 1},
                }
            ),
            wire.AgencyConfig,
        )
    )
    esc = escalate(store, talent_id(store))
    start = now_utc()
    assert policy.tick(store, start + timedelta(seconds=21)).alerted_again == [(esc, 1)]
    assert policy.tick(store, start + timedelta(seconds=41)).unanswered == [esc]


def test_an_acknowledged_escalation_reminds_its_owner(store: AgencyStore) -> None:
    esc = escalate(store, talent_id(store))
    rina = store.staff.by_name("Rina")
    assert rina is not None
    store.acknowledge_escalation(esc, Supervisor(rina.name, rina.id))
    start = now_utc()
    assert not policy.tick(store, start + timedelta(minutes=14))
    work = policy.tick(store, start + timedelta(minutes=15, seconds=1))
    assert work.reminded == [(esc, 1)] and not work.alerted_again
    with store.db.read() as tx:
        notices = tx.all("SELECT kind, recipient, address FROM alert_notices")
    assert notices == [("remind", "Rina", rina.id)]
    # Acknowledged escalations are never alerted again, nor told unanswered.
    assert feed_alerts(store) == []
    store.resolve_escalation(esc, "Rina", "talked to her", ResolutionReason.HANDLED)
    assert not policy.tick(store, start + timedelta(hours=5))


def test_every_alarm_is_its_own_escalation_with_its_priority(store: AgencyStore) -> None:
    tid = talent_id(store)
    first = escalate(store, tid)
    store.acknowledge_escalation(first, "Rina")
    lone = escalate(store, tid, EscalationKind.LONE_WORKER)
    wellbeing = escalate(store, tid, EscalationKind.WELLBEING)
    assert len({first, lone, wellbeing}) == 3
    got = {e: store.escalation(tid, e) for e in (first, lone, wellbeing)}
    assert (got[lone].kind, got[lone].priority, got[lone].status) == (
        "lone_worker",
        "urgent",
        "open",
    )
    assert (got[wellbeing].kind, got[wellbeing].priority) == ("wellbeing", "high")
    # The lone-worker alarm is alerted again on its own; the acknowledged one is not.
    work = policy.tick(store, now_utc() + timedelta(seconds=61))
    assert {e for e, _ in work.alerted_again} == {lone, wellbeing}


def test_two_processes_ticking_at_once_record_each_round_once(store: AgencyStore) -> None:
    escs = [escalate(store, talent_id(store)) for _ in range(3)]
    later = now_utc() + timedelta(seconds=61)
    target = store.db.target

    def run(_: int) -> policy.PolicyWork:
        with AgencyStore(target) as other:
            return policy.tick(other, later)

    results = at_once(4, run)
    done = [r for r in results if isinstance(r, policy.PolicyWork)]
    assert len(done) == 4, results
    recorded = sorted(e for r in done for e, _ in r.alerted_again)
    assert recorded == sorted(escs)  # each round by exactly one of them
    assert len(feed_alerts(store)) == 3


class _Hook(http.server.BaseHTTPRequestHandler):
    received: ClassVar[list[dict[str, Any]]] = []
    fail_first: ClassVar[int] = 0

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["content-length"]))
        if _Hook.fail_first > 0:
            _Hook.fail_first -= 1
            self.send_response(503)
        else:
            _Hook.received.append(json.loads(body))
            self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def hook() -> Iterator[str]:
    _Hook.received = []
    _Hook.fail_first = 0
    server = http.server.HTTPServer(("127.0.0.1", 0), _Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/page"
    server.shutdown()
    server.server_close()


def test_alerts_reach_the_webhook_and_failed_ones_are_retried(
    store: AgencyStore, hook: str
) -> None:
    store.settings.set_alerting(
        Alerting(
            contacts=(AlertContact(name="Pak Manajer", phone="+62 811 1234"),), webhook_url=hook
        )
    )
    esc = escalate(store, talent_id(store))
    _Hook.fail_first = 1
    start = now_utc()
    work = policy.tick(store, start + timedelta(seconds=61))
    assert work.alerted_again == [(esc, 1)] and work.notices_failed == 1 and work.notices_sent == 0
    # The next tick sends the notice the webhook refused, once.
    work = policy.tick(store, start + timedelta(seconds=62))
    assert work.notices_sent == 1 and not work.alerted_again
    assert not policy.tick(store, start + timedelta(seconds=63))
    [sent] = _Hook.received
    assert sent == {
        "type": "talentdesk.escalation.realert",
        "escalation_id": esc,
        "round": 1,
        "kind": "button",
        "priority": "urgent",
        "talent": "Sari",
    }
    with store.db.read() as tx:
        contacts = tx.all(
            "SELECT recipient, address FROM alert_notices WHERE recipient = ?", ("Pak Manajer",)
        )
    assert contacts == [("Pak Manajer", "+62 811 1234")]


def test_due_steps_is_pure_time_arithmetic() -> None:
    now = datetime.fromisoformat("2026-01-01T12:00:00+00:00")
    pol = wire.EscalationPolicy()
    created = (now - timedelta(seconds=130)).isoformat()
    steps = policy.due_steps([("e1", "open", created, None, 0, 0, 0)], pol, now)
    assert [(s.escalation_id, s.kind, s.round) for s in steps] == [("e1", "realert", 2)]
    steps = policy.due_steps([("e1", "open", created, None, 2, 0, 0)], pol, now)
    assert steps == []
