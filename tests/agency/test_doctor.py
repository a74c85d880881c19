"""``talentdesk-agency doctor``: the database, its schema and the server processes."""

from __future__ import annotations

import time
from pathlib import Path

from talentdesk_agency import ServerThread
from talentdesk_agency.doctor import run_doctor
from talentdesk_agency.store import DbTarget, open_database
from talentdesk_agency.store.migrations import migrate
from tests.reference_agency import run_cli


def doctor(db: DbTarget) -> tuple[int, list[str]]:
    lines: list[str] = []
    return run_doctor(db, lines.append), lines


def verdicts(lines: list[str]) -> dict[str, str]:
    return {line.split()[0]: line.split()[1] for line in lines if not line.startswith(" ")}


def test_a_running_server_is_alive_and_leads(agency: ServerThread, agency_db: DbTarget) -> None:
    deadline = time.monotonic() + 10
    while True:  # the leader says so in its next heartbeat
        code, lines = doctor(agency_db)
        if verdicts(lines).get("leader") == "ok" or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert code == 0, lines
    found = verdicts(lines)
    assert found["database"] == found["schema"] == found["workers"] == "ok"
    assert found["leader"] == "ok"
    assert any("1 alive" in line for line in lines)
    assert any("leads the timers" in line for line in lines)


def test_without_a_server_the_workers_check_fails(agency_db: DbTarget) -> None:
    with ServerThread(agency_db):
        pass  # creates the database; its heartbeat row goes when it stops
    result = run_cli(agency_db, "doctor")
    assert result.returncode == 1, result.stdout
    found = verdicts(result.stdout.splitlines())
    assert found["database"] == found["schema"] == "ok"
    assert found["workers"] == "FAIL"
    assert "no server process seen" in result.stdout


def test_a_schema_behind_is_a_failure_with_the_remedy(empty_agency_db: DbTarget) -> None:
    database = open_database(empty_agency_db)
    try:
        migrate(database, target=2)
    finally:
        database.close()
    code, lines = doctor(empty_agency_db)
    assert code == 1
    assert verdicts(lines)["schema"] == "FAIL"
    assert any("talentdesk-agency migrate" in line for line in lines)


def test_a_missing_database_is_reported(tmp_path: Path) -> None:
    code, lines = doctor(tmp_path / "nowhere.db")
    assert code == 1
    assert verdicts(lines)["database"] == "FAIL"
    assert not (tmp_path / "nowhere.db").exists()
