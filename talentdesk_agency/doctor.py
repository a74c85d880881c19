"""``talentdesk-agency doctor``: is the agency's database and server healthy?

Checks, each printed on its own line as ``ok``, ``WARN`` or ``FAIL``:

* **database**: reachable (and which server version);
* **schema**: the migrations are current (or how far behind; a newer schema is refused);
* **workers**: which server processes are alive (a heartbeat within
  :data:`ALIVE_SECONDS`), when each was last seen, which are gone;
* **leader**: exactly one live process leads the timers;
* PostgreSQL: **connections** of the live processes' wake-up listeners.

Speaks English, as the desk's doctor does: its output is pasted to support staff. Exit
code 0 when nothing failed, 1 otherwise.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Final

from talentdesk_agency.problems import AgencyError
from talentdesk_agency.store import DbTarget, database_errors, describe, open_database
from talentdesk_agency.store.engine import Database
from talentdesk_agency.store.migrations import SCHEMA_VERSION, schema_version
from talentdesk_agency.store.workers import WorkerRow, Workers

__all__ = ["ALIVE_SECONDS", "run_doctor"]

#: A process whose last heartbeat is older than this is taken to be gone (five beats).
ALIVE_SECONDS: Final = 10.0


def _ago(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.1f} s ago"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min ago"
    return f"{seconds / 3600:.1f} h ago"


def run_doctor(target: DbTarget, write: Callable[[str], None] = print) -> int:
    """Check the database and the server processes. Returns the exit code."""
    failed = False

    def line(name: str, verdict: str, text: str) -> None:
        nonlocal failed
        failed = failed or verdict == "FAIL"
        write(f"{name:<12}{verdict:<6}{text}")

    errors: tuple[type[Exception], ...] = (AgencyError, *database_errors())
    try:
        db = open_database(target, create=False)
    except errors as exc:
        line("database", "FAIL", str(exc))
        return 1
    try:
        line("database", "ok", f"{describe(target)} ({_server(db)})")
        version = schema_version(db)
        if version == SCHEMA_VERSION:
            line("schema", "ok", f"version {version}, current")
        elif version > SCHEMA_VERSION:
            line("schema", "FAIL", f"version {version} is newer than this program's")
        else:
            line(
                "schema",
                "FAIL",
                f"version {version}, this program needs {SCHEMA_VERSION}: run "
                "`talentdesk-agency migrate` (serve does it at start)",
            )
        if version < 4:  # no heartbeat table before schema 4
            return 1
        _workers(db, line)
    except database_errors() as exc:
        line("database", "FAIL", f"{type(exc).__name__}: {exc}")
    finally:
        db.close()
    return 1 if failed else 0


def _server(db: Database) -> str:
    with db.read() as tx:
        if db.dialect.name == "postgresql":
            row = tx.one("SHOW server_version")
            return f"PostgreSQL {row[0] if row else '?'}"
        row = tx.one("SELECT sqlite_version()")
        return f"SQLite {row[0] if row else '?'}"


def _workers(db: Database, line: Callable[[str, str, str], None]) -> None:
    now = time.time()
    rows = Workers(db).rows()
    alive = [r for r in rows if now - r.seen_at <= ALIVE_SECONDS]
    gone = [r for r in rows if now - r.seen_at > ALIVE_SECONDS]
    if alive:
        line("workers", "ok", f"{len(alive)} alive")
    else:
        line("workers", "FAIL", f"no server process seen in the last {ALIVE_SECONDS:.0f} s")
    for row in alive:
        line("", "", _describe(row, now))
    for row in gone:
        line("", "", f"pid {row.pid} on {row.host}: gone, last seen {_ago(now - row.seen_at)}")
    leaders = [r for r in alive if r.leader]
    if len(leaders) == 1:
        line("leader", "ok", f"pid {leaders[0].pid} on {leaders[0].host} runs the timers")
    elif not leaders and alive:
        # A leader that just died is replaced within a second or two.
        line("leader", "WARN", "no live process leads the timers right now; ask again shortly")
    elif leaders:
        pids = ", ".join(str(r.pid) for r in leaders)
        line("leader", "WARN", f"several processes said they lead ({pids}); ask again shortly")
    if db.dialect.name == "postgresql" and alive:
        with db.read() as tx:
            found = tx.one(
                "SELECT count(*) FROM pg_catalog.pg_stat_activity "
                "WHERE datname = current_database() "
                "AND application_name = 'talentdesk-agency listener'"
            )
        listeners = int(found[0]) if found else 0
        verdict = "ok" if listeners >= len(alive) else "WARN"
        line("listeners", verdict, f"{listeners} wake-up listener connection(s)")


def _describe(row: WorkerRow, now: float) -> str:
    up = now - row.started_at
    parts = [
        f"pid {row.pid} on {row.host}",
        f"version {row.version}",
        f"up {_ago(up).removesuffix(' ago')}",
        f"seen {_ago(now - row.seen_at)}",
    ]
    if row.leader:
        parts.append("leads the timers")
    return ", ".join(parts)
