"""Versioned migrations: every earlier schema upgrades to the current one, on both backends.

A database upgraded from any version has exactly the schema of a new one (tables,
columns, types, keys, indexes), keeps its data, and a failed upgrade changes nothing.
The schema-1 fixture was made by the store before migrations existed.
"""

from __future__ import annotations

import json
import re
import shutil
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from talentdesk_agency import AgencyError, AgencyStore, ServerThread
from talentdesk_agency.store import (
    DbTarget,
    Talent,
    database_errors,
    is_postgres_url,
    open_database,
)
from talentdesk_agency.store.migrations import SCHEMA_VERSION, migrate, schema_version
from talentdesk_agency.store.records import (
    AlertChannel,
    AlertKind,
    BookingStatus,
    NoticeStatus,
    StaffRole,
)
from talentdesk_contract import wire
from talentdesk_contract.values import (
    BookingAnswer,
    CrisisSign,
    EscalationKind,
    EscalationPriority,
    EscalationStatus,
    Language,
    ReportCategory,
    ReportStatus,
    ResolutionReason,
    SessionEventType,
    SessionOutcome,
    TicketLevel,
)
from tests.fixtures.make_agency_schema1 import FACTS, FIXTURE, LIVE_ALIAS
from tests.reference_agency import Paired, query, soon

KNOWN = json.loads(FACTS.read_text())
AT = "2025-05-01T21:00:00+00:00"


def schema(db: DbTarget) -> dict[str, Any]:
    """Tables, columns, keys and indexes, in a form two databases can be compared by."""
    if is_postgres_url(db):
        return {
            "columns": query(
                db,
                "SELECT table_name, column_name, data_type, is_nullable, column_default, "
                "is_identity FROM information_schema.columns WHERE table_schema = 'public' "
                "ORDER BY table_name, ordinal_position",
            ),
            "indexes": query(
                db,
                "SELECT tablename, indexname, indexdef FROM pg_indexes "
                "WHERE schemaname = 'public' ORDER BY indexname",
            ),
            "constraints": query(
                db,
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                "FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2",
            ),
        }
    tables = [
        name
        for (name,) in query(
            db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
    ]
    out: dict[str, Any] = {}
    for table in tables:
        indexes = query(db, f"PRAGMA index_list({table})")
        out[table] = {
            "columns": query(db, f"PRAGMA table_info({table})"),
            "foreign_keys": query(db, f"PRAGMA foreign_key_list({table})"),
            "indexes": sorted(
                (index[1:], query(db, f"PRAGMA index_info({index[1]})")) for index in indexes
            ),
        }
    return out


def migrated_to(db: DbTarget, version: int) -> None:
    database = open_database(db)
    try:
        migrate(database, target=version)
    finally:
        database.close()


def version_of(db: DbTarget) -> int:
    database = open_database(db, create=False)
    try:
        return schema_version(database)
    finally:
        database.close()


def table_exists(db: DbTarget, name: str) -> bool:
    database = open_database(db, create=False)
    try:
        with database.read() as tx:
            return database.dialect.table_exists(tx, name)
    finally:
        database.close()


@pytest.fixture
def schema1_db(tmp_path: Path) -> Path:
    """A copy of the schema-1 fixture (opening the original would write beside it)."""
    copy = tmp_path / "agency.db"
    shutil.copyfile(FIXTURE, copy)
    return copy


def test_the_schema_1_fixture_upgrades_and_keeps_everything(
    schema1_db: Path, tmp_path: Path
) -> None:
    assert version_of(schema1_db) == 1
    assert table_exists(schema1_db, "faults")
    talent_id = KNOWN["talent_id"]
    with AgencyStore(schema1_db) as store:
        assert version_of(schema1_db) == SCHEMA_VERSION
        assert store.agency_name == "Agensi Fixture"
        assert store.talent_for_token(KNOWN["token"]) == Talent(talent_id, "Sari")
        assert {t.display_name for t in store.talents()} == {"Sari", "Dewi"}
        assert store.max_seq() == KNOWN["max_seq"]
        # The stored answer of a write replays as it was first given.
        replay = store.begin_request(
            talent_id, KNOWN["stored_key"], KNOWN["stored_fingerprint"], "upgraded"
        )
        assert replay.outcome == "replay" and replay.stored is not None
        created = wire.decode(replay.stored.body, wire.EscalationCreated)
        assert created.id == KNOWN["open_escalation"]
        state = store.escalation(talent_id, created.id)
        assert (state.follow_ups, state.crisis_sign) == (1, "aggression")
        assert sorted(e.status for e in store.escalations()) == [
            "acknowledged",
            "cancelled",
            "open",
            "resolved",
        ]
        # Customer data: still there for the live booking, removed for the others.
        bookings = {
            data.booking.id: data.customer.alias
            for row in store.feed(talent_id, 0, 100)
            if row.type != "config.updated"
            and row.type != "booking.cancelled"
            and row.type.startswith("booking.")
            and isinstance(data := wire.decode(row.data, wire.BookingData), wire.BookingData)
        }
        assert bookings[KNOWN["live_booking"]] == LIVE_ALIAS
        assert bookings[KNOWN["cancelled_booking"]] == "(removed)"
        assert bookings[KNOWN["ended_booking"]] == "(removed)"
        # Ticket numbers go on from the fixture's last one.
        assert [r.ticket for r in store.reports()] == ["TD-000002", "TD-000001"]
        status, body = store.create_report(
            talent_id,
            wire.ReportRequest(
                session_id="s-new",
                booking_id="bk_x",
                category=ReportCategory.OTHER,
                description="after the upgrade",
                at=wire.decode(f'"{AT}"', wire.Timestamp),
            ),
        )
        assert status == 201 and wire.decode(body, wire.Report).ticket == "TD-000003"
        # The faults table left the schema with its pending fault.
        assert store.faults() == []
        store.cancel_booking(KNOWN["live_booking"])
        assert store.pair(KNOWN["unused_code"], "new laptop").talent.id == talent_id
    assert not table_exists(schema1_db, "faults")
    assert LIVE_ALIAS.encode() not in schema1_db.read_bytes()

    fresh = tmp_path / "fresh.db"
    AgencyStore(fresh).close()
    assert schema(schema1_db) == schema(fresh)


def test_a_server_serves_the_upgraded_fixture(schema1_db: Path) -> None:
    with ServerThread(schema1_db) as server:
        client = httpx.Client(
            base_url=server.url, headers={"Authorization": f"Bearer {KNOWN['token']}"}
        )
        with client:
            page = wire.decode(client.get("/v1/feed").content, wire.FeedPage)
            # Every event is Sari's but one: Dewi's first configuration. The fixture's
            # open escalation waited long: the policy may alert about it again at once.
            policy = {"escalation.alerted_again", "escalation.unanswered"}
            events = [e for e in page.events if e.type not in policy]
            assert events[-1].seq == KNOWN["max_seq"] and len(events) == KNOWN["max_seq"] - 1
            escalation = client.get(f"/v1/escalations/{KNOWN['open_escalation']}")
            assert wire.decode(escalation.content, wire.Escalation).status == "open"
            created = client.post(
                "/v1/escalations",
                json={"level": "urgent", "at": AT},
                headers={wire.IDEMPOTENCY_KEY_HEADER: "after-upgrade"},
            )
            assert created.status_code == 201, created.text


@pytest.mark.parametrize("start", range(SCHEMA_VERSION))
def test_every_earlier_version_upgrades_to_the_schema_of_a_new_database(
    empty_agency_db: DbTarget, agency_db_each_backend: DbTarget, start: int
) -> None:
    migrated_to(empty_agency_db, start)
    assert version_of(empty_agency_db) == start
    if start >= 1:
        # Data as that version held it: a talent and two reports, the last numbered 7.
        database = open_database(empty_agency_db)
        try:
            with database.write() as tx:
                tx.execute(
                    "INSERT INTO talents(id, display_name, created_at) VALUES (?, ?, ?)",
                    ("tal_1", "Sari", AT),
                )
                for number in (3, 7):
                    tx.execute(
                        "INSERT INTO reports(id, number, talent_id, session_id, booking_id, "
                        "category, description, at, level, status, created_at, updated_at) "
                        "VALUES (?, ?, 'tal_1', 's', 'b', 'other', 'd', ?, 'first_line', "
                        "'delivered', ?, ?)",
                        (f"rep_{number}", number, AT, AT, AT),
                    )
                if start >= 2:  # the counter that schema 2 brought counts them
                    tx.execute("UPDATE counters SET value = ? WHERE name = ?", (7, "report_number"))
        finally:
            database.close()
    with AgencyStore(empty_agency_db) as store:
        if start >= 1:
            request = wire.ReportRequest(
                session_id="s2",
                booking_id="b2",
                category=ReportCategory.OTHER,
                description="next",
                at=wire.decode(f'"{AT}"', wire.Timestamp),
            )
            _, body = store.create_report("tal_1", request)
            assert wire.decode(body, wire.Report).ticket == "TD-000008"
        else:
            assert store.agency_name and store.talents() == []
    assert version_of(empty_agency_db) == SCHEMA_VERSION
    AgencyStore(agency_db_each_backend).close()
    assert schema(empty_agency_db) == schema(agency_db_each_backend)


def test_schema_5_forgets_names_typed_at_failed_log_ins(
    empty_agency_db: DbTarget, agency_db_each_backend: DbTarget
) -> None:
    typed = "SENTINEL-typed-password-6620"
    migrated_to(empty_agency_db, 4)
    database = open_database(empty_agency_db)
    try:
        with database.write() as tx:
            tx.execute(
                "INSERT INTO staff(id, name, role, password_hash, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                ("stf_1", "Rina", "admin", "x", AT),
            )
            for name in ("Rina", typed):
                tx.execute("INSERT INTO login_failures(name, at) VALUES (?, ?)", (name, 1.0))
                tx.execute(
                    "INSERT INTO audit_log(at, staff_name, action, target) VALUES (?, ?, ?, ?)",
                    (AT, name, "login.failed", name),
                )
            tx.execute(
                "INSERT INTO audit_log(at, staff_name, action, target) VALUES (?, ?, ?, ?)",
                (AT, "command line", "staff.add", "Rina"),
            )
    finally:
        database.close()
    with AgencyStore(empty_agency_db) as store:
        entries = [(e.staff_name, e.action, e.target) for e in store.staff.audit_log()]
        with store.db.read() as tx:
            assert tx.all("SELECT staff_id FROM login_failures") == []
    assert entries == [  # newest first
        ("command line", "staff.add", "Rina"),
        ("", "login.failed", None),
        ("Rina", "login.failed", "Rina"),
    ]


def test_a_failed_upgrade_changes_nothing(empty_agency_db: DbTarget) -> None:
    migrated_to(empty_agency_db, 1)
    database = open_database(empty_agency_db)
    try:
        with database.write() as tx:
            # In the way of migration 2, which first drops the faults table.
            tx.execute("CREATE TABLE counters (other TEXT)")
    finally:
        database.close()
    with pytest.raises(AgencyError, match="not a usable agency database"):
        AgencyStore(empty_agency_db)
    assert version_of(empty_agency_db) == 1
    assert table_exists(empty_agency_db, "faults")


def test_a_database_from_a_newer_version_is_refused(empty_agency_db: DbTarget) -> None:
    migrated_to(empty_agency_db, SCHEMA_VERSION)
    database = open_database(empty_agency_db)
    try:
        with database.write() as tx:
            database.dialect.write_version(tx, SCHEMA_VERSION + 1)
    finally:
        database.close()
    with pytest.raises(AgencyError, match="newer talentdesk-agency"):
        AgencyStore(empty_agency_db)


def test_an_empty_database_is_not_created_unless_asked(empty_agency_db: DbTarget) -> None:
    if not is_postgres_url(empty_agency_db):
        Path(empty_agency_db).touch()  # an empty file, as a typo'd sqlite3 command leaves
    with pytest.raises(AgencyError, match="no agency database at"):
        AgencyStore(empty_agency_db, create=False)
    assert version_of(empty_agency_db) == 0


def test_processes_starting_at_once_migrate_once(empty_agency_db: DbTarget) -> None:
    barrier = threading.Barrier(4)
    results: list[tuple[int, int]] = []
    errors: list[BaseException] = []

    def start() -> None:
        database = open_database(empty_agency_db)
        try:
            barrier.wait()
            results.append(migrate(database))
        except BaseException as exc:
            errors.append(exc)
        finally:
            database.close()

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(results) == [(0, SCHEMA_VERSION)] + [(SCHEMA_VERSION, SCHEMA_VERSION)] * 3
    assert query(empty_agency_db, "SELECT name, value FROM counters") == [("report_number", 0)]


#: Columns with a CHECK built from a value list: (table, column) -> the list.
CHECKED = {
    ("escalations", "kind"): EscalationKind,
    ("escalations", "priority"): EscalationPriority,
    ("escalations", "resolution_reason"): ResolutionReason,
    ("debriefs", "status"): EscalationStatus,
    ("debriefs", "priority"): EscalationPriority,
    ("debriefs", "resolution_reason"): ResolutionReason,
    ("escalation_rounds", "kind"): AlertKind,
    ("alert_notices", "kind"): AlertKind,
    ("alert_notices", "channel"): AlertChannel,
    ("alert_notices", "status"): NoticeStatus,
    ("staff", "role"): StaffRole,
    ("staff", "language"): Language,
}
#: Older columns without one: the store writes only the list's values (checked below).
UNCHECKED = {
    ("escalations", "status"): EscalationStatus,
    ("escalations", "crisis_sign"): CrisisSign,
    ("escalation_follow_ups", "crisis_sign"): CrisisSign,
    ("reports", "category"): ReportCategory,
    ("reports", "level"): TicketLevel,
    ("reports", "status"): ReportStatus,
    ("bookings", "status"): BookingStatus,
    ("bookings", "answer"): BookingAnswer,
    ("session_events", "type"): SessionEventType,
    ("session_events", "outcome"): SessionOutcome,
}


def check_constraints(db: DbTarget) -> dict[tuple[str, str], set[str]]:
    """(table, column) -> the values its CHECK allows, read back from the database."""
    found: dict[tuple[str, str], set[str]] = {}
    if is_postgres_url(db):
        rows = query(
            db,
            "SELECT conrelid::regclass::text, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE contype = 'c'",
        )
        for table, definition in rows:
            column = re.search(r"\((\w+) = ANY", definition)
            if column is not None:  # a value-list check (the catalog holds others too)
                found[(table, column.group(1))] = set(re.findall(r"'([^']*)'", definition))
        return found
    for table, sql in query(db, "SELECT name, sql FROM sqlite_master WHERE type = 'table'"):
        for column, listed in re.findall(
            r"CHECK \((?:\w+ IS NULL OR )?(\w+) IN \(([^)]*)\)\)", sql
        ):
            found[(table, column)] = set(re.findall(r"'([^']*)'", listed))
    return found


def test_every_value_list_column_follows_the_contract(agency_db_each_backend: DbTarget) -> None:
    AgencyStore(agency_db_each_backend).close()
    constraints = check_constraints(agency_db_each_backend)
    for key, kind in CHECKED.items():
        assert constraints.get(key) == {member.value for member in kind}, key
    # A value outside the list is refused by the database itself.
    database = open_database(agency_db_each_backend)
    try:
        with pytest.raises(database_errors()), database.write() as tx:
            tx.execute(
                "INSERT INTO staff(id, name, role, password_hash, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                ("stf_1", "Eve", "owner", "x", AT),
            )
    finally:
        database.close()


def test_older_value_list_columns_hold_only_the_lists_values(sari: Paired) -> None:
    from talentdesk_agency import policy
    from talentdesk_agency.store import now_utc

    db = sari.db
    with AgencyStore(db) as store:
        booking = store.create_booking(
            "Sari", start=soon(), package_id="curhat-30", alias="A", handle="@a"
        )
        cancelled = store.create_booking(
            "Sari", start=soon(), package_id="curhat-30", alias="B", handle="@b"
        )
        store.cancel_booking(cancelled)
    sari.write("POST", f"/v1/bookings/{booking}/answer", {"answer": "decline", "reason": "x"})
    for kind in ("started", "ended"):
        sari.write(
            "POST",
            f"/v1/sessions/{booking}/events",
            {"type": kind, "at": AT, "planned_seconds": 60, "outcome": "escalated"},
        )
    for sign in CrisisSign:
        esc = sari.write(
            "POST", "/v1/escalations", {"level": "urgent", "at": AT, "crisis_sign": sign}
        ).json()["id"]
        sari.write("POST", f"/v1/escalations/{esc}/follow-up", {"crisis_sign": sign})
    sari.write("POST", f"/v1/escalations/{esc}/cancel", {"reason": "false_alarm"})
    rep = sari.write(
        "POST",
        "/v1/reports",
        {
            "session_id": "s",
            "booking_id": booking,
            "category": "threats",
            "description": "d",
            "at": AT,
        },
    ).json()
    with AgencyStore(db) as store:
        store.update_ticket(rep["id"], status=ReportStatus.RESOLVED, level=TicketLevel.TECHNICAL)
        store.resolve_escalation(
            store.escalations(open_only=True)[0].id, "Rina", "ok", ResolutionReason.HANDLED
        )
        policy.tick(store, now_utc() + timedelta(hours=1))
    for (table, column), values in {**UNCHECKED, **CHECKED}.items():
        written = {row[0] for row in query(db, f"SELECT DISTINCT {column} FROM {table}")} - {None}
        assert written <= {member.value for member in values}, (table, column, written)
        if (table, column) in UNCHECKED and table != "bookings":
            assert written, (table, column)  # the run above wrote some
