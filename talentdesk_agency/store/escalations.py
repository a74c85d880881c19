"""Escalations and debriefs: raised, followed up and withdrawn by the talent's app; taken and
resolved by a supervisor, which the talent sees on the feed.

Every alarm is its own escalation (a kind and a priority of its own): a new alarm never
joins one that is already acknowledged or resolved. Follow-ups (a crisis sign, a note)
add to an escalation that is still open or acknowledged, and supervisors see them. A
debrief is a low-priority item in the same queue, outside the alerting policy.

Every change appends to the subject's timeline (:mod:`.timeline`) in its transaction.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from talentdesk_agency.problems import AgencyError, ApiError
from talentdesk_agency.store import feed, settings, timeline
from talentdesk_agency.store.engine import Database, Tx
from talentdesk_agency.store.feed import ESCALATIONS_TOPIC
from talentdesk_agency.store.records import (
    EscalationRow,
    StoredResponse,
    iso,
    new_id,
    now_utc,
    parse_time,
)
from talentdesk_agency.store.timeline import What
from talentdesk_contract import wire
from talentdesk_contract.values import (
    EscalationPriority,
    EscalationStatus,
    ResolutionReason,
)
from talentdesk_contract.wire import EventType, ProblemType

__all__ = ["Escalations", "FollowUp", "Supervisor"]

#: Still waiting for a supervisor to finish with it.
OPEN_STATES = (EscalationStatus.OPEN, EscalationStatus.ACKNOWLEDGED)
_NOTE_MAX = 2000
_JSON: Final = "application/json"


def _check_note(note: str | None, *, closing: bool, reason: ResolutionReason | None) -> None:
    """Closing an alarm needs a reason and a note saying what was done (the issue's policy:
    the talent and the next supervisor read them); any note fits the limit.

    Raises:
        AgencyError: With what is missing or too long.
    """
    if note is not None and len(note) > _NOTE_MAX:
        raise AgencyError(
            f"the note must be at most {_NOTE_MAX} characters long",
            code="note_too_long",
            limit=_NOTE_MAX,
        )
    if closing and reason is None:
        raise AgencyError("resolving needs a reason", code="resolve_needs_note")
    if closing and (note is None or not note.strip()):
        raise AgencyError("resolving needs a note saying what was done", code="resolve_needs_note")


_ROWS = (
    "SELECT e.id, t.display_name, e.status, e.at, e.booking_id, e.crisis_sign, e.note, "
    "e.follow_ups, e.supervisor, e.kind, e.priority, e.alerted_rounds, e.unanswered, "
    "e.resolution_reason, "
    "e.supervisor_note, e.created_at, e.acknowledged_at, e.resolved_at, e.owner_id, e.talent_id "
    "FROM escalations e JOIN talents t ON t.id = e.talent_id "
)


@dataclass(frozen=True, slots=True)
class Supervisor:
    """Who acts on an escalation: a staff account (``id``) or a name typed at a command."""

    name: str
    id: str | None = None


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A follow-up as supervisors see it."""

    crisis_sign: str | None
    note: str | None
    received_at: str


#: The columns of a new escalation, in the order of :func:`_new_values`, then its priority
#: (SQL from the alerting settings: ``settings.priority_sql``).
_NEW_COLUMNS = (
    "id, talent_id, booking_id, level, at, crisis_sign, note, status, kind, created_at, priority"
)


def _new_values(
    escalation_id: str, talent_id: str, request: wire.EscalationRequest, created_at: str
) -> tuple[object, ...]:
    """A new escalation's values for :data:`_NEW_COLUMNS` but the priority."""
    return (
        escalation_id,
        talent_id,
        request.booking_id,
        request.level,
        iso(request.at),
        request.crisis_sign,
        request.note,
        EscalationStatus.OPEN,
        request.kind,
        created_at,
    )


def _row(r: tuple[object, ...]) -> EscalationRow:
    return EscalationRow(*r)  # type: ignore[arg-type]


class Escalations:
    """Escalations and debriefs, from both sides."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # --- the app side (writes inside Idempotency.run_write) -------------------------

    def create(self, talent_id: str, request: wire.EscalationRequest) -> tuple[int, bytes]:
        """Open a new escalation of the request's kind. Never refused for its booking id."""
        escalation_id = new_id("esc")
        with self._db.write() as tx:
            priority, priority_params = settings.priority_sql(tx, request.kind)
            tx.execute(
                f"INSERT INTO escalations({_NEW_COLUMNS}) "  # noqa: S608
                f"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, {priority})",
                (
                    *_new_values(escalation_id, talent_id, request, iso(now_utc())),
                    *priority_params,
                ),
            )
            timeline.append(tx, escalation_id, What.RAISED, detail=request.kind)
        return 201, wire.encode(
            wire.EscalationCreated(id=escalation_id, status=EscalationStatus.OPEN)
        )

    def create_fresh(
        self,
        talent_id: str,
        request: wire.EscalationRequest,
        key: str,
        fingerprint: str,
        owner: str,
        token_hash: str,
    ) -> StoredResponse | None:
        """PostgreSQL: :meth:`create` and its answer under a new idempotency key, as
        :meth:`.Idempotency.run_fresh` would, in one statement.

        The answer is inserted first (``ON CONFLICT DO NOTHING``, only while the device's
        token is unrevoked), and the escalation and its timeline row only for the answer
        inserted: ``BEGIN``, the statement and ``COMMIT`` go out in one round trip, with no
        decision to wait for in between (the busiest write of all, every call for help).

        Returns:
            The answer, or None (nothing written) when the key was known or the token is
            revoked or gone: the caller then goes the careful way, which says why.
        """
        escalation_id = new_id("esc")
        body = wire.encode(wire.EscalationCreated(id=escalation_id, status=EscalationStatus.OPEN))
        now = iso(now_utc())
        with self._db.write(pipelined=True) as tx:
            priority, priority_params = settings.priority_sql(tx, request.kind)
            statement = (
                "WITH answer AS (INSERT INTO idempotency(talent_id, key, fingerprint, state, "  # noqa: S608
                "owner, started_at, status, content_type, body) "
                "SELECT ?, ?, ?, 'done', ?, ?, 201, ?, ? WHERE EXISTS "
                "(SELECT 1 FROM tokens WHERE token_hash = ? AND revoked_at IS NULL) "
                "ON CONFLICT DO NOTHING RETURNING 1), "
                f"raised AS (INSERT INTO escalations({_NEW_COLUMNS}) "
                f"SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, {priority} FROM answer), "
                "moment AS (INSERT INTO timeline(at, subject, what, detail) "
                "SELECT ?, ?, ?, ? FROM answer) "
                "SELECT count(*) FROM answer"
            )
            inserted = tx.execute(
                statement,
                (
                    talent_id,
                    key,
                    fingerprint,
                    owner,
                    time.time(),
                    _JSON,
                    body,
                    token_hash,
                    *_new_values(escalation_id, talent_id, request, now),
                    *priority_params,
                    now,
                    escalation_id,
                    What.RAISED,
                    request.kind,
                ),
            )
            # Relayed after the commit (see timeline.append); a wake-up for nothing is
            # harmless, the consoles re-read.
            tx.notify(ESCALATIONS_TOPIC, in_commit=False)
        # Answered by the commit's round trip.
        row = inserted.fetchone()
        if row is None or row[0] != 1:
            return None
        return StoredResponse(201, _JSON, body)

    def create_debrief(self, talent_id: str, request: wire.DebriefRequest) -> tuple[int, bytes]:
        """Put a debrief request in the supervisors' queue, at low priority."""
        debrief_id = new_id("deb")
        with self._db.write() as tx:
            tx.execute(
                "INSERT INTO debriefs(id, talent_id, session_id, booking_id, at, note, status, "
                "priority, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    debrief_id,
                    talent_id,
                    request.session_id,
                    request.booking_id,
                    iso(request.at),
                    request.note,
                    EscalationStatus.OPEN,
                    EscalationPriority.LOW,
                    iso(now_utc()),
                ),
            )
            timeline.append(tx, debrief_id, What.DEBRIEF_REQUESTED)
        answer = wire.Debrief(
            id=debrief_id, status=EscalationStatus.OPEN, priority=EscalationPriority.LOW
        )
        return 201, wire.encode(answer)

    def get(self, talent_id: str, escalation_id: str) -> wire.Escalation:
        """One of the talent's escalations.

        Raises:
            ApiError: 404 if the talent has no such escalation.
        """
        with self._db.read() as tx:
            return self._get(tx, talent_id, escalation_id)

    @staticmethod
    def _get(tx: Tx, talent_id: str, escalation_id: str, *, lock: bool = False) -> wire.Escalation:
        read = tx.one_locked if lock else tx.one
        row = read(
            "SELECT id, status, level, at, follow_ups, booking_id, crisis_sign, note, "
            "supervisor, supervisor_note, acknowledged_at, resolved_at, cancelled_at, "
            "kind, priority, alerted_rounds, unanswered, resolution_reason "
            "FROM escalations WHERE id = ? AND talent_id = ?",
            (escalation_id, talent_id),
        )
        if row is None:
            raise ApiError(404, ProblemType.NOT_FOUND, "No such escalation for this talent.")
        return wire.Escalation(
            id=row[0],
            status=row[1],
            level=row[2],
            at=datetime.fromisoformat(row[3]),
            follow_ups=row[4],
            booking_id=row[5],
            crisis_sign=row[6],
            note=row[7],
            supervisor=row[8],
            supervisor_note=row[9],
            acknowledged_at=parse_time(row[10]),
            resolved_at=parse_time(row[11]),
            cancelled_at=parse_time(row[12]),
            kind=row[13],
            priority=row[14],
            alerted_rounds=min(int(row[15]), 100),
            unanswered=bool(row[16]),
            resolution_reason=row[17],
        )

    def _open(self, tx: Tx, talent_id: str, escalation_id: str) -> wire.Escalation:
        current = self._get(tx, talent_id, escalation_id, lock=True)
        if current.status not in OPEN_STATES:
            raise ApiError(
                409,
                ProblemType.CONFLICT,
                f"This escalation is {current.status} and closed. Open a new one if you need help.",
            )
        return current

    def follow_up(
        self, talent_id: str, escalation_id: str, request: wire.EscalationFollowUpRequest
    ) -> tuple[int, bytes]:
        """Add a follow-up to an open or acknowledged escalation (supervisors see it).

        A follow-up's crisis sign becomes the escalation's current one.

        Raises:
            ApiError: 404 if unknown, 409 if resolved or cancelled.
        """
        with self._db.write() as tx:
            self._open(tx, talent_id, escalation_id)
            tx.execute(
                "INSERT INTO escalation_follow_ups(escalation_id, crisis_sign, note, "
                "received_at) VALUES (?, ?, ?, ?)",
                (escalation_id, request.crisis_sign, request.note, iso(now_utc())),
            )
            tx.execute(
                "UPDATE escalations SET "
                "follow_ups = CASE WHEN follow_ups < 10000 THEN follow_ups + 1 ELSE 10000 END, "
                "crisis_sign = coalesce(?, crisis_sign) WHERE id = ?",
                (request.crisis_sign, escalation_id),
            )
            timeline.append(tx, escalation_id, What.FOLLOW_UP, detail=request.crisis_sign)
            current = self._get(tx, talent_id, escalation_id)
        return 200, wire.encode(current)

    def cancel(
        self, talent_id: str, escalation_id: str, request: wire.EscalationCancelRequest
    ) -> tuple[int, bytes]:
        """Withdraw an escalation as a false alarm.

        Raises:
            ApiError: 404 if unknown, 409 if already resolved or cancelled.
        """
        del request  # the only reason v1 knows is a false alarm
        with self._db.write() as tx:
            self._open(tx, talent_id, escalation_id)
            tx.execute(
                "UPDATE escalations SET status = ?, cancelled_at = ? WHERE id = ?",
                (EscalationStatus.CANCELLED, iso(now_utc()), escalation_id),
            )
            timeline.append(tx, escalation_id, What.CANCELLED)
            current = self._get(tx, talent_id, escalation_id)
        return 200, wire.encode(current)

    # --- the staff side -------------------------------------------------------------

    def rows(self, *, open_only: bool = False, limit: int = 500) -> list[EscalationRow]:
        """Escalations, newest first; only open or acknowledged ones if asked."""
        with self._db.read() as tx:
            if open_only:
                rows = tx.all(
                    _ROWS + "WHERE e.status IN (?, ?) ORDER BY e.created_at DESC LIMIT ?",
                    (*OPEN_STATES, limit),
                )
            else:
                rows = tx.all(
                    _ROWS + "ORDER BY e.created_at DESC LIMIT ?",
                    (limit,),
                )
        return [_row(row) for row in rows]

    def row(self, escalation_id: str) -> EscalationRow | None:
        """One escalation as staff see it, or None."""
        with self._db.read() as tx:
            row = tx.one(
                _ROWS + "WHERE e.id = ?",
                (escalation_id,),
            )
        return None if row is None else _row(row)

    def follow_ups(self, escalation_id: str) -> list[FollowUp]:
        """An escalation's follow-ups, oldest first."""
        with self._db.read() as tx:
            rows = tx.all(
                "SELECT crisis_sign, note, received_at FROM escalation_follow_ups "
                "WHERE escalation_id = ? ORDER BY id",
                (escalation_id,),
            )
        return [FollowUp(*r) for r in rows]

    def supervise(
        self,
        escalation_id: str,
        supervisor: str | Supervisor,
        note: str | None,
        *,
        resolve: bool,
        reason: ResolutionReason | None = None,
    ) -> None:
        """A supervisor takes (or with ``resolve``, closes) an escalation; the talent's feed
        says so. Taking it makes the supervisor its owner.

        Raises:
            AgencyError: If the escalation is unknown, cancelled or resolved, or (taking it)
                already taken, or (closing it) without a reason and a note.
        """
        who = supervisor if isinstance(supervisor, Supervisor) else Supervisor(supervisor)
        if not 1 <= len(who.name) <= 80:
            raise AgencyError("the supervisor name must be 1 to 80 characters long")
        _check_note(note, closing=resolve, reason=reason)
        now = now_utc()
        with self._db.write() as tx:
            row = tx.one_locked(
                "SELECT talent_id, status, supervisor FROM escalations WHERE id = ?",
                (escalation_id,),
            )
            if row is None:
                raise AgencyError(f"no escalation {escalation_id}", code="no_escalation")
            talent_id, status, current = row
            if status == EscalationStatus.CANCELLED:
                raise AgencyError(
                    f"escalation {escalation_id} was cancelled by the talent as a false alarm",
                    code="escalation_cancelled",
                )
            if status == EscalationStatus.RESOLVED:
                raise AgencyError(
                    f"escalation {escalation_id} is already resolved", code="already_resolved"
                )
            if not resolve and status == EscalationStatus.ACKNOWLEDGED:
                raise AgencyError(
                    f"escalation {escalation_id} is already acknowledged by {current}",
                    code="already_taken",
                    name=current,
                )
            if resolve:
                tx.execute(
                    "UPDATE escalations SET status = ?, resolved_at = ?, supervisor = ?, "
                    "supervisor_note = coalesce(?, supervisor_note), resolution_reason = ?, "
                    "owner_id = coalesce(owner_id, ?) WHERE id = ?",
                    (
                        EscalationStatus.RESOLVED,
                        iso(now),
                        who.name,
                        note,
                        reason,
                        who.id,
                        escalation_id,
                    ),
                )
            else:
                tx.execute(
                    "UPDATE escalations SET status = ?, acknowledged_at = ?, supervisor = ?, "
                    "supervisor_note = ?, owner_id = ? WHERE id = ?",
                    (
                        EscalationStatus.ACKNOWLEDGED,
                        iso(now),
                        who.name,
                        note,
                        who.id,
                        escalation_id,
                    ),
                )
            what = What.RESOLVED if resolve else What.ACKNOWLEDGED
            detail = reason if resolve else None
            timeline.append(tx, escalation_id, what, who=who.name, detail=detail)
            data = wire.EscalationUpdateData(
                escalation_id=escalation_id,
                supervisor=who.name,
                at=now,
                note=note,
                reason=reason if resolve else None,
            )
            kind = EventType.ESCALATION_RESOLVED if resolve else EventType.ESCALATION_ACKNOWLEDGED
            feed.append(tx, talent_id, kind, wire.encode(data))

    # --- debriefs (staff side) --------------------------------------------------------

    def debriefs(self, *, open_only: bool = False) -> list[DebriefRow]:
        """Debrief requests, newest first."""
        sql = (
            "SELECT d.id, t.display_name, d.status, d.at, d.session_id, d.booking_id, d.note, "
            "d.supervisor, d.supervisor_note, d.resolution_reason, d.created_at "
            "FROM debriefs d JOIN talents t ON t.id = d.talent_id "
        )
        with self._db.read() as tx:
            if open_only:
                rows = tx.all(
                    sql + "WHERE d.status IN (?, ?) ORDER BY d.created_at DESC", OPEN_STATES
                )
            else:
                rows = tx.all(sql + "ORDER BY d.created_at DESC LIMIT 500")
        return [DebriefRow(*r) for r in rows]

    def supervise_debrief(
        self,
        debrief_id: str,
        supervisor: Supervisor,
        note: str | None,
        *,
        resolve: bool,
        reason: ResolutionReason | None = None,
    ) -> None:
        """A supervisor takes (or closes) a debrief request.

        Raises:
            AgencyError: If it is unknown or already closed, or (taking it) already taken,
                or (closing it) without a reason and a note.
        """
        _check_note(note, closing=resolve, reason=reason)
        now = iso(now_utc())
        with self._db.write() as tx:
            row = tx.one_locked(
                "SELECT status, supervisor FROM debriefs WHERE id = ?", (debrief_id,)
            )
            if row is None:
                raise AgencyError(f"no debrief {debrief_id}", code="no_escalation")
            status, current = row
            if status not in OPEN_STATES:
                raise AgencyError(
                    f"debrief {debrief_id} is already closed", code="already_resolved"
                )
            if not resolve and status == EscalationStatus.ACKNOWLEDGED:
                raise AgencyError(
                    f"debrief {debrief_id} is already taken by {current}",
                    code="already_taken",
                    name=current,
                )
            if resolve:
                tx.execute(
                    "UPDATE debriefs SET status = ?, resolved_at = ?, supervisor = ?, "
                    "supervisor_note = coalesce(?, supervisor_note), resolution_reason = ?, "
                    "owner_id = coalesce(owner_id, ?) WHERE id = ?",
                    (
                        EscalationStatus.RESOLVED,
                        now,
                        supervisor.name,
                        note,
                        reason or ResolutionReason.HANDLED,
                        supervisor.id,
                        debrief_id,
                    ),
                )
            else:
                tx.execute(
                    "UPDATE debriefs SET status = ?, acknowledged_at = ?, supervisor = ?, "
                    "supervisor_note = ?, owner_id = ? WHERE id = ?",
                    (
                        EscalationStatus.ACKNOWLEDGED,
                        now,
                        supervisor.name,
                        note,
                        supervisor.id,
                        debrief_id,
                    ),
                )
            what = What.RESOLVED if resolve else What.ACKNOWLEDGED
            timeline.append(
                tx, debrief_id, what, who=supervisor.name, detail=reason if resolve else None
            )


@dataclass(frozen=True, slots=True)
class DebriefRow:
    """A debrief request as supervisors see it."""

    id: str
    talent: str
    status: str
    at: str
    session_id: str | None
    booking_id: str | None
    note: str | None
    supervisor: str | None
    supervisor_note: str | None
    resolution_reason: str | None
    created_at: str
