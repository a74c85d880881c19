"""A server process's runtime: its heartbeat row while it serves, gone when it stops."""

from __future__ import annotations

import os
import time

from talentdesk_agency import AgencyStore, ServerThread
from talentdesk_agency.store import DbTarget


def test_a_serving_process_beats_and_leaves_no_row_behind(agency_db: DbTarget) -> None:
    with ServerThread(agency_db), AgencyStore(agency_db) as store:
        [row] = store.workers.rows()
        assert row.pid == os.getpid()
        assert time.time() - row.seen_at < 5
        deadline = time.monotonic() + 5
        while not store.workers.rows()[0].leader:  # the leader says so at its next beat
            assert time.monotonic() < deadline
            time.sleep(0.05)
    with AgencyStore(agency_db) as store:
        assert store.workers.rows() == []
