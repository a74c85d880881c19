"""Heartbeat rows, and telling a live server process from a dead one."""

from __future__ import annotations

import time

from talentdesk_agency import AgencyStore
from talentdesk_agency.store import DbTarget, is_postgres_url, open_database


def beat(store: AgencyStore, instance: str, *, leader: bool, now: float) -> None:
    store.workers.beat(
        instance, host="h", pid=100, version="1", started_at=now - 5, leader=leader, now=now
    )


def test_heartbeats_name_one_leader_and_old_rows_go(agency_db: DbTarget) -> None:
    with AgencyStore(agency_db) as store:
        beat(store, "a", leader=True, now=1000.0)
        beat(store, "b", leader=False, now=1001.0)
        # b takes over: a died and cannot say so, b's heartbeat says it for it.
        beat(store, "b", leader=True, now=1003.0)
        rows = {row.id: row for row in store.workers.rows()}
        assert rows["b"].leader and not rows["a"].leader
        assert rows["b"].seen_at == 1003.0 and rows["b"].started_at == 996.0
        assert store.workers.forget(2.5, now=1003.0) == 1
        assert [row.id for row in store.workers.rows()] == ["b"]
        store.workers.gone("b")
        assert store.workers.rows() == []


def test_a_process_lives_while_it_holds_its_presence_lock(agency_db: DbTarget) -> None:
    dialect = open_database(agency_db, create=True)
    presence = open_database(agency_db)
    try:
        with dialect.read() as tx:
            assert not tx.dialect.process_alive(tx, "worker-1")
        if not is_postgres_url(agency_db):
            return  # SQLite: one process per file, any other owner is gone
        sql, params = presence.dialect.presence_lock("worker-1")
        with presence.read() as held:
            held.execute(sql.replace("%s", "?"), params)
        with dialect.read() as tx:
            assert tx.dialect.process_alive(tx, "worker-1")
            assert not tx.dialect.process_alive(tx, "worker-2")
        presence.close()  # the process's connection ends: so does its presence
        # (once its server process has ended, just after the close: not waited for)
        deadline = time.monotonic() + 5
        while True:
            with dialect.read() as tx:
                if not tx.dialect.process_alive(tx, "worker-1"):
                    break
            assert time.monotonic() < deadline, "the closed connection's lock outlived it"
            time.sleep(0.02)
    finally:
        dialect.close()
        presence.close()
