"""Incident reports and their tickets: filed by the talent's app, moved along by staff."""

from __future__ import annotations

import msgspec

from talentdesk_agency.problems import AgencyError, ApiError
from talentdesk_agency.store import feed, timeline
from talentdesk_agency.store.engine import Database, Tx
from talentdesk_agency.store.records import ReportRow, iso, new_id, now_utc
from talentdesk_agency.store.timeline import What
from talentdesk_contract import wire
from talentdesk_contract.values import ReportStatus, TicketLevel
from talentdesk_contract.wire import EventType, ProblemType

_COUNTER = "report_number"

__all__ = ["Reports", "TicketMove", "ticket", "ticket_number"]


class TicketMove(msgspec.Struct, frozen=True, omit_defaults=True, forbid_unknown_fields=True):
    """What one save of a ticket changed, kept as the audit log's detail: stored values
    only. A status or level as (before, after); the name of the staff member who took
    it; whether a note went to the talent (never its words: staff may quote the
    customer in it)."""

    status: tuple[str, str] | None = None
    level: tuple[str, str] | None = None
    owner: str | None = None
    note: bool = False

    def detail(self) -> str:
        """The audit log's detail: ``{"status":["delivered","in_progress"],...}``."""
        return msgspec.json.encode(self).decode()

    @classmethod
    def read(cls, detail: str) -> TicketMove | None:
        """A detail :meth:`detail` wrote, or None if it is anything else."""
        if not detail.startswith("{"):
            return None  # another entry's values, such as a status alone
        try:
            return msgspec.json.decode(detail.encode(), type=cls)
        except msgspec.MsgspecError:
            return None


def ticket(number: int) -> str:
    """A report's ticket, e.g. ``TD-000012``."""
    return f"TD-{number:06d}"


def ticket_number(text: str) -> int:
    """The number in a ticket (``TD-000012`` or ``12``), or -1 if it is none."""
    digits = text.upper().removeprefix("TD-")
    return int(digits) if digits.isdigit() and len(digits) < 12 else -1


class Reports:
    """Incident reports, from both sides."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def create(self, talent_id: str, request: wire.ReportRequest) -> tuple[int, bytes]:
        """File an incident report with a new ticket (inside ``run_write``)."""
        report_id = new_id("rep")
        now = iso(now_utc())
        with self._db.write() as tx:
            # A counter row, locked by the update until commit: concurrent reports get
            # distinct numbers on PostgreSQL too.
            (number,) = tx.returning(
                "UPDATE counters SET value = value + 1 WHERE name = ? RETURNING value", (_COUNTER,)
            )
            tx.execute(
                "INSERT INTO reports(id, number, talent_id, session_id, booking_id, category, "
                "description, at, level, status, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    report_id,
                    number,
                    talent_id,
                    request.session_id,
                    request.booking_id,
                    request.category,
                    request.description,
                    iso(request.at),
                    TicketLevel.FIRST_LINE,
                    ReportStatus.DELIVERED,
                    now,
                    now,
                ),
            )
            timeline.append(tx, report_id, What.REPORT_FILED, detail=request.category)
            report = self._get(tx, talent_id, report_id)
        return 201, wire.encode(report)

    def get(self, talent_id: str, report_id: str) -> wire.Report:
        """One of the talent's reports.

        Raises:
            ApiError: 404 if the talent has no such report.
        """
        with self._db.read() as tx:
            return self._get(tx, talent_id, report_id)

    @staticmethod
    def _get(tx: Tx, talent_id: str, report_id: str) -> wire.Report:
        row = tx.one(
            "SELECT id, number, level, status, note FROM reports WHERE id = ? AND talent_id = ?",
            (report_id, talent_id),
        )
        if row is None:
            raise ApiError(404, ProblemType.NOT_FOUND, "No such report for this talent.")
        return wire.Report(
            id=row[0], ticket=ticket(row[1]), level=row[2], status=row[3], note=row[4]
        )

    def rows(self) -> list[ReportRow]:
        """Every incident report, newest first."""
        with self._db.read() as tx:
            rows = tx.all(
                "SELECT r.id, r.number, t.display_name, r.category, r.level, r.status, r.at, "
                "r.booking_id, r.description, r.note, r.owner, r.created_at, "
                "r.first_response_at, r.staff_updated_at "
                "FROM reports r JOIN talents t ON t.id = r.talent_id ORDER BY r.number DESC"
            )
        return [
            ReportRow(
                id=r[0],
                ticket=ticket(r[1]),
                talent=r[2],
                category=r[3],
                level=r[4],
                status=r[5],
                at=r[6],
                booking_id=r[7],
                description=r[8],
                note=r[9],
                owner=r[10],
                created_at=r[11],
                first_response_at=r[12],
                staff_updated_at=r[13],
            )
            for r in rows
        ]

    def row(self, report: str) -> ReportRow | None:
        """One report as staff see it (by id or ticket), or None."""
        for row in self.rows():
            if report in (row.id, row.ticket):
                return row
        return None

    def move_ticket(
        self,
        report: str,
        *,
        status: wire.ReportStatus | None = None,
        level: wire.TicketLevel | None = None,
        note: str | None = None,
        owner: tuple[str, str] | None = None,
    ) -> tuple[wire.Report, TicketMove | None]:
        """Move a report along (status, level, note) and push ``report.updated``.

        Args:
            report: The report id or its ticket number (``TD-000012``).
            status: The new status.
            level: The new level.
            note: A note for the talent.
            owner: (staff id, name) of who takes the ticket, from the console.

        A status, level or owner the ticket already has is no change: when nothing changes
        (and there is no note), nothing is written, logged or sent.

        Returns:
            The report as it now stands, and what changed (None: nothing).

        Raises:
            AgencyError: If the report is unknown, nothing is asked, or the note is too long.
        """
        if status is None and level is None and note is None and owner is None:
            raise AgencyError(
                "say what changes: --status, --level and/or --note", code="nothing_changes"
            )
        if note is not None and len(note) > 2000:
            raise AgencyError(
                "the note must be at most 2000 characters long", code="note_too_long", limit=2000
            )
        with self._db.write() as tx:
            row = tx.one_locked(
                "SELECT id, talent_id, status, level, owner_id FROM reports "
                "WHERE id = ? OR number = ?",
                (report, ticket_number(report)),
            )
            if row is None:
                raise AgencyError(f"no report or ticket {report}", code="no_report")
            report_id, talent_id, was_status, was_level, was_owner = row
            status = None if status == was_status else status
            level = None if level == was_level else level
            takes = owner is not None and owner[0] != was_owner
            if status is None and level is None and note is None and not takes:
                return self._get(tx, talent_id, report_id), None
            now = iso(now_utc())
            owner_id, owner_name = owner if owner is not None else (None, None)
            tx.execute(
                "UPDATE reports SET status = coalesce(?, status), level = coalesce(?, level), "
                "note = coalesce(?, note), updated_at = ?, staff_updated_at = ?, "
                "first_response_at = coalesce(first_response_at, ?), "
                "owner_id = coalesce(?, owner_id), owner = coalesce(?, owner) WHERE id = ?",
                (status, level, note, now, now, now, owner_id, owner_name, report_id),
            )
            parts = [str(p) for p in (status, level) if p is not None]
            timeline.append(
                tx,
                report_id,
                What.REPORT_UPDATED,
                who=owner_name,
                detail=", ".join(parts) or None,
            )
            current = self._get(tx, talent_id, report_id)
            data = wire.ReportUpdateData(
                report_id=current.id,
                ticket=current.ticket,
                level=current.level,
                status=current.status,
                note=current.note,
            )
            feed.append(tx, talent_id, EventType.REPORT_UPDATED, wire.encode(data))
        move = TicketMove(
            status=None if status is None else (was_status, status),
            level=None if level is None else (was_level, level),
            owner=owner_name if takes else None,
            note=note is not None,
        )
        return current, move
