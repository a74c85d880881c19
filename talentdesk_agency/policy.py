"""The escalation policy: nobody may leave a call for help waiting.

* Unacknowledged ``realert_after_seconds`` (default 60) after it reached the agency, an
  escalation is **alerted again** (round 1): every supervisor on duty and the agency's
  next level (:class:`~talentdesk_agency.store.settings.Alerting` contacts) get a notice,
  and the talent's feed gets ``escalation.alerted_again``. Again each delay, up to
  ``rounds`` rounds (default 3). One delay after the last round the policy is
  **exhausted**: ``escalation.unanswered`` tells the talent's app to show the supervisor's
  phone number and the emergency numbers.
* Acknowledged but not resolved ``remind_owner_after_seconds`` (default 900) after it was
  taken, its **owner is reminded**, and again each such interval.

:func:`tick` does what is due at ``now`` and returns what it did. It is a job for one
process (the server runs it every second; a leader election may choose the process), yet
safe to run twice at once or again after a crash: each step is first recorded in the
database (``escalation_rounds``, keyed by escalation, step and round; the row is locked
and the state checked again inside the transaction), with its notices and feed event,
and only then are notices sent. A crash between two processes neither loses a round (it
is recorded, or still due) nor doubles one (the key is taken once). Webhook notices are
claimed before sending and retried if a sender died; a notice may then be sent twice,
never lost.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final, Protocol

import httpx
import msgspec

from talentdesk_agency.store import AgencyStore, feed, settings, timeline
from talentdesk_agency.store.engine import Tx
from talentdesk_agency.store.records import AlertChannel, AlertKind, NoticeStatus, iso
from talentdesk_agency.store.staff import on_duty as staff_on_duty
from talentdesk_agency.store.timeline import What
from talentdesk_contract import wire
from talentdesk_contract.values import EscalationStatus, EventType

__all__ = [
    "NOTICE_ATTEMPTS",
    "AlertNotice",
    "Notifier",
    "PolicyWork",
    "WebhookNotifier",
    "tick",
]

log = logging.getLogger("talentdesk.agency.policy")

#: A webhook notice is tried this many times before it is marked failed.
NOTICE_ATTEMPTS: Final = 5
#: A notice claimed this long ago by a sender that never finished is claimed again.
_CLAIM_SECONDS: Final = 60.0
_WEBHOOK_TIMEOUT: Final = 5.0


@dataclass(frozen=True, slots=True)
class AlertNotice:
    """One notice to send: what happened, about which escalation, to whom."""

    id: int
    escalation_id: str
    kind: AlertKind
    round: int
    recipient: str
    channel: AlertChannel
    address: str | None
    talent: str
    priority: str
    escalation_kind: str


class Notifier(Protocol):
    """Sends one notice; raises on failure (it is retried)."""

    def send(self, notice: AlertNotice) -> None: ...


class WebhookNotifier:
    """POSTs each notice as JSON to its address (the agency's paging hook, a chat bot...).

    The body names the escalation, the step and round, its kind and priority and the
    talent's working name; never a customer or a note.
    """

    def __init__(self, client: httpx.Client | None = None) -> None:
        self._client = client or httpx.Client(timeout=_WEBHOOK_TIMEOUT, follow_redirects=False)

    def send(self, notice: AlertNotice) -> None:
        assert notice.address is not None
        body = {
            "type": f"talentdesk.escalation.{notice.kind}",
            "escalation_id": notice.escalation_id,
            "round": notice.round,
            "kind": notice.escalation_kind,
            "priority": notice.priority,
            "talent": notice.talent,
        }
        response = self._client.post(notice.address, json=body)
        if response.status_code >= 300:
            raise RuntimeError(f"the webhook answered {response.status_code}")

    def close(self) -> None:
        self._client.close()


@dataclass
class PolicyWork:
    """What one :func:`tick` did."""

    alerted_again: list[tuple[str, int]] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)
    reminded: list[tuple[str, int]] = field(default_factory=list)
    notices_sent: int = 0
    notices_failed: int = 0

    def __bool__(self) -> bool:
        return bool(
            self.alerted_again
            or self.unanswered
            or self.reminded
            or self.notices_sent
            or self.notices_failed
        )


@dataclass(frozen=True, slots=True)
class _Step:
    escalation_id: str
    kind: AlertKind
    round: int


def _seconds(since: str, now: datetime) -> float:
    return (now - datetime.fromisoformat(since)).total_seconds()


def due_steps(
    rows: list[tuple[Any, ...]], policy: wire.EscalationPolicy, now: datetime
) -> list[_Step]:
    """The steps due at ``now`` for rows of (id, status, created_at, acknowledged_at,
    alerted_rounds, reminded_rounds, unanswered)."""
    steps = []
    delay = policy.realert_after_seconds
    for esc_id, status, created, acknowledged, alerted, reminded, unanswered in rows:
        alerted_n, reminded_n = int(alerted), int(reminded)
        if status == EscalationStatus.OPEN:
            waited = _seconds(created, now)
            slot = math.floor(waited / delay)
            if alerted_n < min(slot, policy.rounds):
                steps.append(_Step(esc_id, AlertKind.REALERT, min(slot, policy.rounds)))
            elif slot > policy.rounds and not unanswered:
                steps.append(_Step(esc_id, AlertKind.UNANSWERED, max(1, alerted_n)))
        elif status == EscalationStatus.ACKNOWLEDGED and isinstance(acknowledged, str):
            slot = math.floor(_seconds(acknowledged, now) / policy.remind_owner_after_seconds)
            if reminded_n < slot:
                steps.append(_Step(esc_id, AlertKind.REMIND, slot))
    return steps


def tick(
    store: AgencyStore,
    now: datetime,
    *,
    notifier: Notifier | None = None,
    clock: Callable[[], float] | None = None,
) -> PolicyWork:
    """Do what the escalation policy says is due at ``now``; see the module.

    Args:
        store: The agency's database.
        now: The current time (a test clock in tests).
        notifier: Sends webhook notices (default: :class:`WebhookNotifier`, created only
            when there is one to send).
        clock: Seconds for claiming notices (default: ``now``'s timestamp).

    Returns:
        What was done (empty when nothing was due).
    """
    work = PolicyWork()
    db = store.db
    with db.read() as tx:
        policy = settings.policy(tx)
        rows = tx.all(
            "SELECT id, status, created_at, acknowledged_at, alerted_rounds, reminded_rounds, "
            "unanswered FROM escalations WHERE status IN (?, ?)",
            (EscalationStatus.OPEN, EscalationStatus.ACKNOWLEDGED),
        )
    for step in due_steps(rows, policy, now):
        with db.write() as tx:
            if _record(tx, step, policy, now):
                if step.kind is AlertKind.REALERT:
                    work.alerted_again.append((step.escalation_id, step.round))
                elif step.kind is AlertKind.UNANSWERED:
                    work.unanswered.append(step.escalation_id)
                else:
                    work.reminded.append((step.escalation_id, step.round))
    _deliver(store, work, notifier, now.timestamp() if clock is None else clock())
    return work


def _record(tx: Tx, step: _Step, policy: wire.EscalationPolicy, now: datetime) -> bool:
    """Record one step with its notices and feed event; False if it is no longer due or
    another process recorded it first."""
    row = tx.one_locked(
        "SELECT e.status, e.alerted_rounds, e.reminded_rounds, e.unanswered, e.talent_id, "
        "e.owner_id, e.supervisor FROM escalations e WHERE e.id = ?",
        (step.escalation_id,),
    )
    if row is None:
        return False
    status, alerted, reminded, unanswered, talent_id, owner_id, owner_name = row
    if step.kind is AlertKind.REMIND:
        if status != EscalationStatus.ACKNOWLEDGED or int(reminded) >= step.round:
            return False
    elif (
        status != EscalationStatus.OPEN
        or (step.kind is AlertKind.REALERT and int(alerted) >= step.round)
        or (step.kind is AlertKind.UNANSWERED and unanswered)
    ):
        return False
    on_duty = staff_on_duty(tx)
    if not tx.run(
        "INSERT INTO escalation_rounds(escalation_id, kind, round, at, supervisors_alerted) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        (step.escalation_id, step.kind, step.round, iso(now), len(on_duty)),
    ):
        return False
    alerting = settings.alerting(tx)
    recipients: list[tuple[str, AlertChannel, str | None]] = []
    if step.kind is AlertKind.REMIND:
        recipients.append((owner_name or "?", AlertChannel.CONSOLE, owner_id))
        tx.execute(
            "UPDATE escalations SET reminded_rounds = ? WHERE id = ?",
            (step.round, step.escalation_id),
        )
        timeline.append(
            tx, step.escalation_id, What.REMINDED, who=owner_name, detail=str(step.round)
        )
    else:
        recipients.extend((m.name, AlertChannel.CONSOLE, m.id) for m in on_duty)
        recipients.extend((c.name, AlertChannel.CONSOLE, c.phone) for c in alerting.contacts)
        data = wire.EscalationAlertData(
            escalation_id=step.escalation_id,
            at=now,
            round=step.round,
            supervisors_alerted=len(on_duty),
        )
        if step.kind is AlertKind.REALERT:
            tx.execute(
                "UPDATE escalations SET alerted_rounds = ? WHERE id = ?",
                (step.round, step.escalation_id),
            )
            timeline.append(
                tx, step.escalation_id, What.ALERTED_AGAIN, detail=f"{step.round}/{len(on_duty)}"
            )
            event = EventType.ESCALATION_ALERTED_AGAIN
        else:
            tx.execute("UPDATE escalations SET unanswered = 1 WHERE id = ?", (step.escalation_id,))
            timeline.append(tx, step.escalation_id, What.UNANSWERED, detail=str(len(on_duty)))
            event = EventType.ESCALATION_UNANSWERED
        feed.append(tx, str(talent_id), event, wire.encode(data))
    if alerting.webhook_url is not None:
        recipients.append(("webhook", AlertChannel.WEBHOOK, alerting.webhook_url))
    for name, channel, address in recipients:
        # Console notices are shown by the console from the moment they commit.
        shown = channel is AlertChannel.CONSOLE
        tx.execute(
            "INSERT INTO alert_notices(escalation_id, kind, round, recipient, channel, address, "
            "status, created_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                step.escalation_id,
                step.kind,
                step.round,
                name,
                channel,
                address,
                NoticeStatus.SENT if shown else NoticeStatus.PENDING,
                iso(now),
                iso(now) if shown else None,
            ),
        )
    log.info("escalation %s: %s round %d", step.escalation_id, step.kind, step.round)
    return True


def _deliver(store: AgencyStore, work: PolicyWork, notifier: Notifier | None, clock: float) -> None:
    """Send pending webhook notices, each claimed first so only one sender sends it."""
    db = store.db
    with db.read() as tx:
        pending = tx.all(
            "SELECT n.id, n.escalation_id, n.kind, n.round, n.recipient, n.channel, n.address, "
            "t.display_name, e.priority, e.kind FROM alert_notices n "
            "JOIN escalations e ON e.id = n.escalation_id JOIN talents t ON t.id = e.talent_id "
            "WHERE n.channel = ? AND (n.status = ? OR (n.status = ? AND n.claimed_at < ?)) "
            "ORDER BY n.id",
            (
                AlertChannel.WEBHOOK,
                NoticeStatus.PENDING,
                NoticeStatus.SENDING,
                clock - _CLAIM_SECONDS,
            ),
        )
    own: WebhookNotifier | None = None
    for row in pending:
        notice = AlertNotice(
            id=int(row[0]),
            escalation_id=str(row[1]),
            kind=AlertKind(row[2]),
            round=int(row[3]),
            recipient=str(row[4]),
            channel=AlertChannel(row[5]),
            address=row[6],
            talent=str(row[7]),
            priority=str(row[8]),
            escalation_kind=str(row[9]),
        )
        with db.write() as tx:
            claimed = tx.run(
                "UPDATE alert_notices SET status = ?, claimed_at = ?, attempts = attempts + 1 "
                "WHERE id = ? AND (status = ? OR (status = ? AND claimed_at < ?))",
                (
                    NoticeStatus.SENDING,
                    clock,
                    notice.id,
                    NoticeStatus.PENDING,
                    NoticeStatus.SENDING,
                    clock - _CLAIM_SECONDS,
                ),
            )
        if not claimed:
            continue
        if notifier is None:
            notifier = own = WebhookNotifier()
        try:
            notifier.send(notice)
        except (httpx.HTTPError, RuntimeError, OSError, msgspec.EncodeError) as exc:
            error = f"{type(exc).__name__}: {str(exc)[:200]}"
            with db.write() as tx:
                tries = tx.one("SELECT attempts FROM alert_notices WHERE id = ?", (notice.id,))
                failed = tries is not None and int(tries[0]) >= NOTICE_ATTEMPTS
                tx.execute(
                    "UPDATE alert_notices SET status = ?, error = ? WHERE id = ?",
                    (NoticeStatus.FAILED if failed else NoticeStatus.PENDING, error, notice.id),
                )
            work.notices_failed += 1
            log.warning("alert notice %d not delivered: %s", notice.id, error)
            continue
        with db.write() as tx:
            tx.execute(
                "UPDATE alert_notices SET status = ?, sent_at = ? WHERE id = ?",
                (NoticeStatus.SENT, iso(datetime.fromtimestamp(clock).astimezone()), notice.id),
            )
        work.notices_sent += 1
    if own is not None:
        own.close()
