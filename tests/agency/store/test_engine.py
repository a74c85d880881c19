"""The transaction helper: nested writes join, failures undo everything, URIs stay secret."""

from __future__ import annotations

import time

import pytest

from talentdesk_agency.store import DbTarget, database_errors, describe, open_database
from talentdesk_agency.store.migrations import migrate
from tests.reference_agency import query


def test_a_write_inside_a_write_joins_it_and_a_failure_undoes_both(agency_db: DbTarget) -> None:
    database = open_database(agency_db)
    try:
        migrate(database)
        insert = "INSERT INTO settings(key, value) VALUES (?, ?)"
        with pytest.raises(RuntimeError, match="after both"), database.write() as outer:
            outer.execute(insert, ("outer", "1"))
            with database.write() as inner:
                assert inner is outer
                inner.execute(insert, ("inner", "2"))
            raise RuntimeError("after both")
        with database.write() as tx:
            tx.execute(insert, ("kept", "3"))
            with pytest.raises(ValueError, match="undone"), tx.savepoint():
                tx.execute(insert, ("savepoint", "4"))
                raise ValueError("undone")
    finally:
        database.close()
    keys = {key for (key,) in query(agency_db, "SELECT key FROM settings")}
    assert "kept" in keys and not keys & {"outer", "inner", "savepoint"}


def test_a_write_inside_a_read_is_refused(agency_db: DbTarget) -> None:
    database = open_database(agency_db)
    try:
        with database.read(), pytest.raises(RuntimeError), database.write():
            pass
    finally:
        database.close()


def test_messages_never_show_a_password() -> None:
    url = "postgresql://agency:s3cret-pw@db.example:5433/agency?sslmode=require"
    shown = describe(url)
    assert "s3cret-pw" not in shown
    assert shown == "postgresql://agency:***@db.example:5433/agency?sslmode=require"
    socket = "postgresql://agency@/agency?host=/run/postgresql&port=5433"
    assert describe(socket) == socket
    in_query = describe("postgresql://agency@/agency?host=/run/pg&password=s3cret-pw")
    assert in_query == "postgresql://agency@/agency?host=/run/pg&password=***"


@pytest.mark.parametrize("begun_pipelined", [False, True], ids=["begin-apart", "begin-pipelined"])
def test_a_pipelined_block_counts_changes_and_a_failure_in_it_undoes_all(
    agency_db: DbTarget, begun_pipelined: bool
) -> None:
    database = open_database(agency_db)
    try:
        migrate(database)
        insert = "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT DO NOTHING"
        with database.write(pipelined=begun_pipelined) as tx, tx.pipelined():
            assert tx.run(insert, ("one", "1")) == 1
            assert tx.run(insert, ("one", "again")) == 0  # the answer waited for, not -1
            cursor = tx.execute(insert, ("two", "2"))
            assert tx.one("SELECT value FROM settings WHERE key = ?", ("two",)) == ("2",)
            late = tx.execute(insert, ("late", "4"))
        assert (cursor.rowcount, late.rowcount) == (1, 1)  # known once the block ends
        with (
            pytest.raises(ValueError, match="undone"),
            database.write(pipelined=begun_pipelined) as tx,
            tx.pipelined(),
        ):
            tx.execute(insert, ("three", "3"))
            raise ValueError("undone")
        # A statement that fails undoes its transaction; the connection serves the next.
        with (
            pytest.raises(database_errors()),
            database.write(pipelined=begun_pipelined) as tx,
            tx.pipelined(),
        ):
            tx.execute(insert, ("four", "4"))
            tx.execute("INSERT INTO settings(key, value) VALUES (?, ?)", ("one", "twice"))
            time.sleep(0.2)  # the error is in by the next statement, before any sync
            tx.execute(insert, ("five", "5"))
        with database.write(pipelined=begun_pipelined) as tx, tx.pipelined():
            assert tx.run(insert, ("six", "6")) == 1
    finally:
        database.close()
    keys = {key for (key,) in query(agency_db, "SELECT key FROM settings")}
    assert {"one", "two", "late", "six"} <= keys
    assert not {"three", "four", "five"} & keys
