"""The agency's database: SQLite or PostgreSQL, one store interface.

One part per concern, each over the one transaction helper in :mod:`.engine`:

* :mod:`.settings`: the agency's name and configuration.
* :mod:`.devices`: talents, pairing codes, device tokens, availability.
* :mod:`.feed`: each talent's event feed.
* :mod:`.bookings`: bookings and session events, and removing customer data after them.
* :mod:`.escalations` and :mod:`.reports`: calls for help and incident tickets.
* :mod:`.idempotency`: reservations and stored answers of the app's writes.
* :mod:`.faults`: injected faults, a test instrument outside the schema.
* :mod:`.workers`: a heartbeat row per server process.

:mod:`.dialect` holds every SQLite/PostgreSQL difference, :mod:`.migrations` the
versioned schema. :class:`AgencyStore` opens a database (migrating it) and offers every
operation under one name, so the server, the staff commands and tests stay simple.

The HTTP server and the staff commands (other processes) share the database. Every
write is one transaction, committed durably, so an event is either durable or absent
after a ``kill -9``.
"""

from __future__ import annotations

import functools
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Final, Literal

from talentdesk_agency.problems import AgencyError
from talentdesk_agency.store import migrations
from talentdesk_agency.store.bookings import REMOVED, Bookings
from talentdesk_agency.store.devices import DEFAULT_CODE_TTL_SECONDS, Devices
from talentdesk_agency.store.engine import (
    Database,
    DbTarget,
    SQLiteDatabase,
    as_target,
    database_errors,
    describe,
    is_postgres_url,
    open_database,
    outage_errors,
)
from talentdesk_agency.store.escalations import DebriefRow, Escalations, FollowUp, Supervisor
from talentdesk_agency.store.faults import FAULT_KINDS, Faults
from talentdesk_agency.store.feed import FEED_PAGE_SOFT_BYTES, Feed
from talentdesk_agency.store.idempotency import (
    IDEMPOTENCY_LEASE_SECONDS,
    IDEMPOTENCY_RETENTION_SECONDS,
    Idempotency,
    WriteOp,
)
from talentdesk_agency.store.migrations import SCHEMA_VERSION
from talentdesk_agency.store.records import (
    BeginResult,
    ChangeMarks,
    EscalationRow,
    Fault,
    FeedRow,
    ReportRow,
    StoredResponse,
    Talent,
    now_utc,
)
from talentdesk_agency.store.reports import Reports
from talentdesk_agency.store.settings import Alerting, Settings
from talentdesk_agency.store.staff import COMMAND_LINE, Staff, StaffMember, audit
from talentdesk_agency.store.timeline import Timeline
from talentdesk_agency.store.workers import WorkerRow, Workers
from talentdesk_contract import wire
from talentdesk_contract.values import ResolutionReason

__all__ = [
    "DEFAULT_CODE_TTL_SECONDS",
    "FAULT_KINDS",
    "FEED_PAGE_SOFT_BYTES",
    "IDEMPOTENCY_LEASE_SECONDS",
    "IDEMPOTENCY_RETENTION_SECONDS",
    "REMOVED",
    "SCHEMA_VERSION",
    "SERVER_POOL_SIZE",
    "AgencyStore",
    "Alerting",
    "BeginResult",
    "ChangeMarks",
    "DbTarget",
    "DebriefRow",
    "EscalationRow",
    "Fault",
    "FeedRow",
    "FollowUp",
    "ReportRow",
    "StoredResponse",
    "Supervisor",
    "Talent",
    "WorkerRow",
    "WriteOp",
    "as_target",
    "database_errors",
    "describe",
    "is_postgres_url",
    "now_utc",
    "open_database",
    "outage_errors",
]

#: Connections the server keeps to PostgreSQL per process, and its database threads
#: (SQLite always has one writer). With 4, not 8, a process took about a fifth more
#: escalations for the same CPU (fewer threads contending for the GIL; bench/agency_load).
SERVER_POOL_SIZE: Final = 4


class AgencyStore:
    """The agency database, migrated to the current schema.

    Args:
        target: A SQLite file path, or a ``postgresql://USER@HOST/DB`` URI (any libpq
            connection URI, e.g. ``postgresql://USER@/DB?host=/run/pg&port=5433``).
        create: Create the database (with the default configuration) if it is new.
            When false, a missing file or empty database is an :class:`AgencyError`.
        pool_size: PostgreSQL only: keep a pool of this many connections (the server).

    Raises:
        AgencyError: If the database cannot be opened, is missing (and ``create`` is
            false), or is not an agency database this version understands.

    Attributes:
        db: The database and its transaction helper.
        settings, devices, feed_log, bookings, escalation_log, report_log, idempotency,
            fault_table, staff, timeline, workers: The parts, one per concern.
    """

    def __init__(
        self, target: DbTarget, *, create: bool = True, pool_size: int | None = None
    ) -> None:
        self.db: Database = open_database(target, create=create, pool_size=pool_size)
        try:
            migrations.migrate(self.db, create=create)
        except database_errors() as exc:
            self.db.close()
            raise AgencyError(f"{describe(target)} is not a usable agency database: {exc}") from exc
        except BaseException:
            self.db.close()
            raise
        self.settings = Settings(self.db)
        self.devices = Devices(self.db)
        self.feed_log = Feed(self.db, self.devices)
        self.bookings = Bookings(self.db, self.devices, self.settings)
        self.escalation_log = Escalations(self.db)
        self.report_log = Reports(self.db)
        self.idempotency = Idempotency(self.db)
        self.fault_table = Faults(self.db)
        self.staff = Staff(self.db)
        self.timeline = Timeline(self.db)
        self.workers = Workers(self.db)

    @property
    def path(self) -> Path:
        """The SQLite file (a PostgreSQL store has none: AttributeError)."""
        return self._sqlite().path

    @property
    def _conn(self) -> sqlite3.Connection:
        # For the desk's tests, which check what the agency stored with SQL of their own.
        return self._sqlite().connection

    def _sqlite(self) -> SQLiteDatabase:
        if not isinstance(self.db, SQLiteDatabase):
            raise AttributeError(f"{self.db.target} is a PostgreSQL database, not a file")
        return self.db

    @property
    def max_threads(self) -> int:
        """How many threads can usefully call the store at once (SQLite: one)."""
        return self.db.max_threads

    def close(self) -> None:
        """Close the connections."""
        self.db.close()

    def __enter__(self) -> AgencyStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- settings -------------------------------------------------------------------

    @property
    def agency_name(self) -> str:
        """The agency's name, as told to paired apps."""
        return self.settings.agency_name

    def set_agency_name(self, name: str) -> None:
        """Rename the agency (:meth:`.Settings.set_agency_name`)."""
        self.settings.set_agency_name(name)

    def config(self) -> wire.AgencyConfig:
        """The current agency configuration."""
        return self.settings.config()

    def set_config(self, config: wire.AgencyConfig) -> int:
        """Replace the configuration and tell every talent (:meth:`.Settings.set_config`)."""
        return self.settings.set_config(config)

    # --- talents, pairing and devices -----------------------------------------------

    def talents(self) -> list[Talent]:
        """Every talent, by name."""
        return self.devices.talents()

    def talent_by_name(self, name: str) -> Talent:
        """Find a talent by display name (:meth:`.Devices.talent_by_name`)."""
        return self.devices.talent_by_name(name)

    def create_pairing_code(
        self, talent_name: str, *, ttl_seconds: float = DEFAULT_CODE_TTL_SECONDS
    ) -> str:
        """Issue a one-time pairing code (:meth:`.Devices.create_pairing_code`)."""
        return self.devices.create_pairing_code(talent_name, ttl_seconds=ttl_seconds)

    def pair(self, code: str, device_name: str) -> wire.PairingResponse:
        """Exchange a pairing code for a device token (:meth:`.Devices.pair`)."""
        return self.devices.pair(code, device_name)

    def talent_for_token(self, token: str) -> Talent | None:
        """The talent a device token belongs to, or None."""
        return self.devices.talent_for_token(token)

    def set_availability(
        self, talent_id: str, request: wire.AvailabilityRequest
    ) -> tuple[int, bytes]:
        """Record whether the talent takes bookings (an app write)."""
        return self.devices.set_availability(talent_id, request)

    # --- the feed -------------------------------------------------------------------

    def max_seq(self) -> int:
        """The highest sequence number of any feed (0 when all are empty)."""
        return self.feed_log.max_seq()

    def change_marks(self) -> ChangeMarks:
        """The highest sequence numbers of the feeds and of the timeline, and how many
        devices were revoked and when last, in one read: how a process polling a SQLite
        file learns that another process changed any of them."""
        with self.db.read() as tx:
            row = tx.one(
                "SELECT (SELECT max(seq) FROM events), (SELECT max(seq) FROM timeline), "
                "(SELECT count(*) FROM tokens WHERE revoked_at IS NOT NULL), "
                "(SELECT max(revoked_at) FROM tokens)"
            )
        if row is None:
            return ChangeMarks(0, 0, 0, None)
        return ChangeMarks(int(row[0] or 0), int(row[1] or 0), int(row[2] or 0), row[3])

    def revoked_talents(self, since: str | None) -> list[str]:
        """The talents with a device revoked at or after ``since`` (any time if None)."""
        with self.db.read() as tx:
            rows = tx.all(
                "SELECT DISTINCT talent_id FROM tokens WHERE revoked_at IS NOT NULL "
                "AND revoked_at >= ?",
                (since or "",),
            )
        return [str(row[0]) for row in rows]

    def feed(self, talent_id: str, after: int, limit: int) -> list[FeedRow]:
        """A talent's events after ``after`` (:meth:`.Feed.page`)."""
        return self.feed_log.page(talent_id, after, limit)

    def feed_or_newest(
        self, talent_id: str, after: int, limit: int
    ) -> tuple[list[FeedRow], int | None]:
        """A feed page, and the newest sequence number of all feeds if it is empty."""
        return self.feed_log.page_or_newest(talent_id, after, limit)

    def device_feed(
        self, token: str, talent_id: str, after: int, limit: int
    ) -> tuple[Talent | Literal["revoked"] | None, list[FeedRow], int | None]:
        """A long-poll's first read in one call: the device's token checked again
        (:meth:`.Devices.authenticate`) and, if it is still ``talent_id``'s, the page of
        :meth:`feed_or_newest` (else no rows)."""
        found = self.devices.authenticate(token)
        if not isinstance(found, Talent) or found.id != talent_id:
            return found, [], None
        rows, newest = self.feed_log.page_or_newest(talent_id, after, limit)
        return found, rows, newest

    def inject_event(self, talent_name: str, kind: str, data: str) -> int:
        """Append a raw, unchecked event (:meth:`.Feed.inject_event`)."""
        return self.feed_log.inject_event(talent_name, kind, data)

    # --- bookings -------------------------------------------------------------------

    def create_booking(
        self,
        talent_name: str,
        *,
        start: datetime,
        package_id: str,
        alias: str,
        handle: str,
        returning: bool = False,
    ) -> str:
        """Book a session and push it to the talent (:meth:`.Bookings.create`)."""
        return self.bookings.create(
            talent_name,
            start=start,
            package_id=package_id,
            alias=alias,
            handle=handle,
            returning=returning,
        )

    def update_booking(
        self, booking_id: str, *, start: datetime | None = None, package_id: str | None = None
    ) -> None:
        """Move a booking or change its package (:meth:`.Bookings.update`)."""
        self.bookings.update(booking_id, start=start, package_id=package_id)

    def cancel_booking(self, booking_id: str, reason: str = "cancelled by the agency") -> None:
        """Cancel a booking and remove the customer's data (:meth:`.Bookings.cancel`)."""
        self.bookings.cancel(booking_id, reason)

    def answer_booking(
        self, talent_id: str, booking_id: str, request: wire.BookingAnswerRequest
    ) -> tuple[int, bytes]:
        """Record the talent's answer (an app write, :meth:`.Bookings.answer`)."""
        return self.bookings.answer(talent_id, booking_id, request)

    def record_session_event(
        self, talent_id: str, booking_id: str, request: wire.SessionEventRequest
    ) -> tuple[int, bytes]:
        """Record a session's start or end (an app write)."""
        return self.bookings.record_session_event(talent_id, booking_id, request)

    # --- escalations ----------------------------------------------------------------

    def create_escalation(
        self, talent_id: str, request: wire.EscalationRequest
    ) -> tuple[int, bytes]:
        """Open an escalation (an app write)."""
        return self.escalation_log.create(talent_id, request)

    def escalation(self, talent_id: str, escalation_id: str) -> wire.Escalation:
        """One of the talent's escalations (404 :class:`ApiError` if none)."""
        return self.escalation_log.get(talent_id, escalation_id)

    def follow_up_escalation(
        self, talent_id: str, escalation_id: str, request: wire.EscalationFollowUpRequest
    ) -> tuple[int, bytes]:
        """Add a follow-up to an open escalation (an app write)."""
        return self.escalation_log.follow_up(talent_id, escalation_id, request)

    def cancel_escalation(
        self, talent_id: str, escalation_id: str, request: wire.EscalationCancelRequest
    ) -> tuple[int, bytes]:
        """Withdraw an escalation as a false alarm (an app write)."""
        return self.escalation_log.cancel(talent_id, escalation_id, request)

    def create_debrief(self, talent_id: str, request: wire.DebriefRequest) -> tuple[int, bytes]:
        """Queue a debrief request at low priority (an app write)."""
        return self.escalation_log.create_debrief(talent_id, request)

    def escalations(self, *, open_only: bool = False) -> list[EscalationRow]:
        """Every escalation, newest first; only open or acknowledged ones if asked."""
        return self.escalation_log.rows(open_only=open_only)

    def acknowledge_escalation(
        self, escalation_id: str, supervisor: str | Supervisor, note: str | None = None
    ) -> None:
        """A supervisor takes an open escalation (becoming its owner); the talent sees it
        on the feed.

        Raises:
            AgencyError: If the escalation is unknown or not open.
        """
        self.escalation_log.supervise(escalation_id, supervisor, note, resolve=False)

    def resolve_escalation(
        self,
        escalation_id: str,
        supervisor: str | Supervisor,
        note: str,
        reason: ResolutionReason,
    ) -> None:
        """A supervisor closes an escalation with a reason and a note saying what was done;
        the talent sees it on the feed.

        Raises:
            AgencyError: If the escalation is unknown, resolved or cancelled, or the note is
                blank.
        """
        self.escalation_log.supervise(escalation_id, supervisor, note, resolve=True, reason=reason)

    # --- reports --------------------------------------------------------------------

    def create_report(self, talent_id: str, request: wire.ReportRequest) -> tuple[int, bytes]:
        """File an incident report with a new ticket (an app write)."""
        return self.report_log.create(talent_id, request)

    def report(self, talent_id: str, report_id: str) -> wire.Report:
        """One of the talent's reports (404 :class:`ApiError` if none)."""
        return self.report_log.get(talent_id, report_id)

    def reports(self) -> list[ReportRow]:
        """Every incident report, newest first."""
        return self.report_log.rows()

    def update_ticket(
        self,
        report: str,
        *,
        status: wire.ReportStatus | None = None,
        level: wire.TicketLevel | None = None,
        note: str | None = None,
        owner: tuple[str, str] | None = None,
        by: StaffMember | None = None,
    ) -> wire.Report:
        """Move a report along and push ``report.updated`` (:meth:`.Reports.move_ticket`),
        audited as ``report.update`` under ``by`` (None: the staff command line), with what
        changed, in the same transaction. A move that changes nothing writes no entry.

        The entry names the report by its id even when ``report`` is its ticket
        (``TD-…``): the audit log reads ids as words (:mod:`.subjects`)."""
        with self.db.write() as tx:
            current, move = self.report_log.move_ticket(
                report, status=status, level=level, note=note, owner=owner
            )
            if move is not None:
                audit(tx, by, "report.update", current.id, move.detail(), name=COMMAND_LINE)
        return current

    # --- idempotency ----------------------------------------------------------------

    def begin_request(self, talent_id: str, key: str, fingerprint: str, owner: str) -> BeginResult:
        """Reserve an idempotency key for a request (:meth:`.Idempotency.begin`)."""
        return self.idempotency.begin(talent_id, key, fingerprint, owner)

    def begin_and_run(
        self, talent_id: str, key: str, fingerprint: str, owner: str, operation: WriteOp
    ) -> tuple[BeginResult, StoredResponse | None]:
        """Reserve a key and run a new request's write in one transaction
        (:meth:`.Idempotency.begin_and_run`)."""
        return self.idempotency.begin_and_run(talent_id, key, fingerprint, owner, operation)

    def run_fresh_request(
        self,
        talent_id: str,
        key: str,
        fingerprint: str,
        owner: str,
        operation: WriteOp,
        token_hash: str,
    ) -> StoredResponse | None:
        """A new key's write and answer in one short transaction, or None to go the
        careful way (:meth:`.Idempotency.run_fresh`)."""
        return self.idempotency.run_fresh(talent_id, key, fingerprint, owner, operation, token_hash)

    def run_fresh_escalation(
        self,
        talent_id: str,
        key: str,
        fingerprint: str,
        owner: str,
        request: wire.EscalationRequest,
        token_hash: str,
    ) -> StoredResponse | None:
        """:meth:`run_fresh_request` for a new escalation (on PostgreSQL in one statement:
        :meth:`.Escalations.create_fresh`)."""
        if self.db.dialect.name == "postgresql":
            return self.escalation_log.create_fresh(
                talent_id, request, key, fingerprint, owner, token_hash
            )
        operation = functools.partial(self.create_escalation, talent_id, request)
        return self.run_fresh_request(talent_id, key, fingerprint, owner, operation, token_hash)

    def release_request(self, talent_id: str, key: str, owner: str | None = None) -> None:
        """Forget a reservation whose request failed (5xx)."""
        self.idempotency.release(talent_id, key, owner)

    def run_write(
        self, talent_id: str, key: str, operation: WriteOp, owner: str | None = None
    ) -> StoredResponse:
        """Run an app write and store its answer, in one transaction (fenced by ``owner``:
        :meth:`.Idempotency.run_write`)."""
        return self.idempotency.run_write(talent_id, key, operation, owner)

    def purge_idempotency(self, older_than_seconds: float = IDEMPOTENCY_RETENTION_SECONDS) -> int:
        """Delete idempotency records older than the retention. Returns how many."""
        return self.idempotency.purge(older_than_seconds)

    # --- injected faults (a test instrument) ----------------------------------------

    def add_fault(
        self,
        *,
        path_prefix: str,
        kind: str,
        status: int = 500,
        retry_after: int | None = None,
        delay_seconds: float = 5.0,
        times: int = 1,
        method: str | None = None,
    ) -> int:
        """Make a test-mode server fail the next matching requests (:meth:`.Faults.add`)."""
        return self.fault_table.add(
            path_prefix=path_prefix,
            kind=kind,
            status=status,
            retry_after=retry_after,
            delay_seconds=delay_seconds,
            times=times,
            method=method,
        )

    def faults(self) -> list[Fault]:
        """Faults that still have requests to fail, oldest first."""
        return self.fault_table.pending()

    def clear_faults(self) -> int:
        """Drop every pending fault. Returns how many."""
        return self.fault_table.clear()

    def take_fault(self, method: str, path: str) -> Fault | None:
        """Consume one use of the oldest fault matching a request (test-mode servers only)."""
        return self.fault_table.take(method, path)
