"""Escalations: opened, followed up and withdrawn by the talent's app; taken and resolved
by a supervisor, which the talent sees on the feed."""

from __future__ import annotations

from datetime import datetime

from talentdesk_agency.problems import AgencyError, ApiError
from talentdesk_agency.store import feed
from talentdesk_agency.store.engine import Database, Tx
from talentdesk_agency.store.records import EscalationRow, iso, new_id, now_utc, parse_time
from talentdesk_contract import wire
from talentdesk_contract.values import EscalationStatus
from talentdesk_contract.wire import EventType, ProblemType

__all__ = ["Escalations"]


class Escalations:
    """Escalations, from both sides."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # --- the app side (writes inside Idempotency.run_write) -------------------------

    def create(self, talent_id: str, request: wire.EscalationRequest) -> tuple[int, bytes]:
        """Open an escalation. Never refused for its booking id."""
        escalation_id = new_id("esc")
        with self._db.write() as tx:
            tx.execute(
                "INSERT INTO escalations(id, talent_id, booking_id, level, at, crisis_sign, "
                "note, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?)",
                (
                    escalation_id,
                    talent_id,
                    request.booking_id,
                    request.level,
                    iso(request.at),
                    request.crisis_sign,
                    request.note,
                    iso(now_utc()),
                ),
            )
            tx.notify(feed.ESCALATIONS_TOPIC, in_commit=False)
        return 201, wire.encode(
            wire.EscalationCreated(id=escalation_id, status=EscalationStatus.OPEN)
        )

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
            "supervisor, supervisor_note, acknowledged_at, resolved_at, cancelled_at "
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
        )

    def _open(self, tx: Tx, talent_id: str, escalation_id: str) -> wire.Escalation:
        current = self._get(tx, talent_id, escalation_id, lock=True)
        if current.status in ("resolved", "cancelled"):
            raise ApiError(
                409,
                ProblemType.CONFLICT,
                f"This escalation is {current.status} and closed. Open a new one if you need help.",
            )
        return current

    def follow_up(
        self, talent_id: str, escalation_id: str, request: wire.EscalationFollowUpRequest
    ) -> tuple[int, bytes]:
        """Add a follow-up to an open escalation.

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
            tx.notify(feed.ESCALATIONS_TOPIC, in_commit=False)
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
                "UPDATE escalations SET status = 'cancelled', cancelled_at = ? WHERE id = ?",
                (iso(now_utc()), escalation_id),
            )
            tx.notify(feed.ESCALATIONS_TOPIC, in_commit=False)
            current = self._get(tx, talent_id, escalation_id)
        return 200, wire.encode(current)

    # --- the staff side -------------------------------------------------------------

    def rows(self, *, open_only: bool = False) -> list[EscalationRow]:
        """Every escalation, newest first; only open or acknowledged ones if asked."""
        with self._db.read() as tx:
            rows = tx.all(
                "SELECT e.id, t.display_name, e.status, e.at, e.booking_id, e.crisis_sign, "
                "e.note, e.follow_ups, e.supervisor FROM escalations e "
                "JOIN talents t ON t.id = e.talent_id "
                "WHERE ? = 0 OR e.status IN ('open', 'acknowledged') ORDER BY e.created_at DESC",
                (int(open_only),),
            )
        return [EscalationRow(*row) for row in rows]

    def supervise(
        self, escalation_id: str, supervisor: str, note: str | None, *, resolve: bool
    ) -> None:
        """A supervisor takes (or with ``resolve``, closes) an escalation; the talent's feed
        says so.

        Raises:
            AgencyError: If the escalation is unknown, cancelled or resolved, or (taking it)
                already taken.
        """
        if not 1 <= len(supervisor) <= 80:
            raise AgencyError("the supervisor name must be 1 to 80 characters long")
        if note is not None and len(note) > 2000:
            raise AgencyError("the note must be at most 2000 characters long")
        now = now_utc()
        with self._db.write() as tx:
            row = tx.one_locked(
                "SELECT talent_id, status, supervisor FROM escalations WHERE id = ?",
                (escalation_id,),
            )
            if row is None:
                raise AgencyError(f"no escalation {escalation_id}")
            talent_id, status, current = row
            if status == "cancelled":
                raise AgencyError(
                    f"escalation {escalation_id} was cancelled by the talent as a false alarm"
                )
            if status == "resolved":
                raise AgencyError(f"escalation {escalation_id} is already resolved")
            if not resolve and status == "acknowledged":
                raise AgencyError(
                    f"escalation {escalation_id} is already acknowledged by {current}"
                )
            if resolve:
                tx.execute(
                    "UPDATE escalations SET status = 'resolved', resolved_at = ?, "
                    "supervisor = ?, supervisor_note = coalesce(?, supervisor_note) WHERE id = ?",
                    (iso(now), supervisor, note, escalation_id),
                )
            else:
                tx.execute(
                    "UPDATE escalations SET status = 'acknowledged', acknowledged_at = ?, "
                    "supervisor = ?, supervisor_note = ? WHERE id = ?",
                    (iso(now), supervisor, note, escalation_id),
                )
            data = wire.EscalationUpdateData(
                escalation_id=escalation_id, supervisor=supervisor, at=now, note=note
            )
            kind = EventType.ESCALATION_RESOLVED if resolve else EventType.ESCALATION_ACKNOWLEDGED
            feed.append(tx, talent_id, kind, wire.encode(data))
            tx.notify(feed.ESCALATIONS_TOPIC, in_commit=False)
