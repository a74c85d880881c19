"""The reference agency server on a loopback port, for every test that needs an agency.

No mocks: every test talks HTTP to :class:`ServerThread` (or a child process), and the
staff commands run as real ``python -m talentdesk_agency.cli`` processes where the test
is about another process writing to the database.

Databases: ``agency_db`` is a fresh SQLite file. The agency's own tests (``tests/agency``,
``tests/contract``) override it with ``agency_db_each_backend``, which (through the
parametrized ``agency_backend``) runs each test twice: on SQLite and on a fresh
PostgreSQL database, made from a migrated template in the
server ``TALENTDESK_TEST_POSTGRES`` names (a libpq URI of a database the tests may create
databases from, e.g. ``postgresql://postgres@/postgres?host=/tmp/pg&port=5433``). Without
that variable the PostgreSQL runs are skipped, unless ``TALENTDESK_REQUIRE_POSTGRES=1``
(as in CI) makes them fail.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest

from talentdesk_agency import AgencyStore, ServerThread
from talentdesk_agency.store import DbTarget, database_errors, is_postgres_url, open_database
from talentdesk_agency.store.migrations import migrate
from talentdesk_contract import wire
from tests.required import missing

_T = TypeVar("_T")

POSTGRES_ENV = "TALENTDESK_TEST_POSTGRES"
REQUIRE_POSTGRES = "TALENTDESK_REQUIRE_POSTGRES"
BACKENDS = ("sqlite", "postgresql")


@dataclass
class Paired:
    """A talent paired with the server: an authenticated client and the talent's name."""

    client: httpx.Client
    token: str
    talent: str
    talent_id: str
    db: DbTarget
    url: str

    def write(
        self,
        method: str,
        path: str,
        body: Any,
        *,
        key: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        """Send a JSON write with an Idempotency-Key (a fresh one unless given)."""
        all_headers = {wire.IDEMPOTENCY_KEY_HEADER: key or uuid.uuid4().hex, **(headers or {})}
        return self.client.request(method, path, json=body, headers=all_headers)

    def feed(self, after: int = 0, wait: int = 0, limit: int = 100) -> wire.FeedPage:
        """One feed page, strictly decoded."""
        response = self.client.get(
            "/v1/feed", params={"after": after, "wait": wait, "limit": limit}, timeout=wait + 10
        )
        assert response.status_code == 200, response.text
        return wire.decode(response.content, wire.FeedPage)

    def events(self, after: int = 0) -> list[wire.FeedEvent]:
        """Every event after ``after`` (no waiting)."""
        out: list[wire.FeedEvent] = []
        while True:
            page = self.feed(after, limit=wire.MAX_FEED_LIMIT)
            out.extend(page.events)
            if not page.events:
                return out
            after = page.cursor


def run_cli(db: DbTarget, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run a staff command in its own process, as agency staff would."""
    return subprocess.run(
        [sys.executable, "-m", "talentdesk_agency.cli", *args, "--db", os.fspath(db)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def pair(url: str, db: DbTarget, talent: str, device: str = "test laptop") -> Paired:
    """Issue a code for ``talent`` and pair a new client with it."""
    with AgencyStore(db) as store:
        code = store.create_pairing_code(talent)
    response = httpx.post(f"{url}/v1/pairing", json={"code": code, "device_name": device})
    assert response.status_code == 201, response.text
    paired = wire.decode(response.content, wire.PairingResponse)
    client = httpx.Client(
        base_url=url, headers={"Authorization": f"Bearer {paired.token}"}, timeout=30
    )
    return Paired(client, paired.token, talent, paired.talent.id, db, url)


WIB = timezone(timedelta(hours=7))


def soon(minutes: int = 30) -> datetime:
    """A booking start in the near future, with the WIB offset an agency in Jakarta uses."""
    return (datetime.now(WIB) + timedelta(minutes=minutes)).replace(second=0, microsecond=0)


def at_once(count: int, work: Callable[[int], _T]) -> list[_T | Exception]:
    """Run ``work(0)`` ... ``work(count - 1)`` on as many threads, released together;
    each one's result or exception, in order."""
    barrier = threading.Barrier(count)
    results: list[_T | Exception] = [RuntimeError("did not run")] * count

    def run(n: int) -> None:
        barrier.wait()
        try:
            results[n] = work(n)
        except Exception as exc:
            results[n] = exc

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def query(db: DbTarget, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """Rows of a query of the tests' own (``?`` placeholders), on either backend."""
    database = open_database(db, create=False)
    try:
        with database.read() as tx:
            return tx.all(sql, params)
    finally:
        database.close()


def stored_bytes(db: DbTarget) -> bytes:
    """What the database keeps, for privacy checks with sentinel values.

    SQLite: every byte of the file and its WAL, free pages included. PostgreSQL: every
    live row of every table, as text (old row versions are the server's to vacuum; see
    docs/architecture.md).
    """
    if not is_postgres_url(db):
        path = Path(db)
        return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    tables = query(
        db, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
    )
    rows = [query(db, f"SELECT t::text FROM {name} t") for (name,) in tables]
    return "\n".join(str(row[0]) for table in rows for row in table).encode()


class PostgresServer:
    """A PostgreSQL server the tests may create databases in; each test gets its own.

    Args:
        url: A libpq URI of a database on it (for CREATE/DROP DATABASE).
    """

    def __init__(self, url: str) -> None:
        import psycopg  # only where PostgreSQL tests run

        self.url = url
        self._admin = psycopg.connect(url, autocommit=True, connect_timeout=10)
        self._prefix = f"td_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        self._template: str | None = None

    def url_of(self, name: str) -> str:
        """The URI of database ``name`` on this server."""
        return urlunsplit(urlsplit(self.url)._replace(path=f"/{name}"))

    def create(self, *, migrated: bool = True) -> str:
        """A new database: with the current schema (from a template), or empty."""
        name = f"{self._prefix}_{uuid.uuid4().hex[:10]}"
        template = self._migrated_template() if migrated else "template0"
        self._admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return self.url_of(name)

    def allow_connections(self, url: str, allowed: bool) -> None:
        """Let new sessions into database ``url`` or not (none may connect, superusers
        included; the sessions already there stay)."""
        name = urlsplit(url).path.lstrip("/")
        assert name.startswith(self._prefix), name
        self._admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {str(allowed).lower()}')

    def drop(self, url: str) -> None:
        """Drop a database made by :meth:`create` (ending its sessions)."""
        name = urlsplit(url).path.lstrip("/")
        assert name.startswith(self._prefix), name
        self._admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _migrated_template(self) -> str:
        if self._template is None:
            name = f"{self._prefix}_template"
            self._admin.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
            database = open_database(self.url_of(name))
            try:
                migrate(database)
            finally:
                database.close()
            self._template = name
        return self._template

    def close(self) -> None:
        if self._template is not None:
            self._admin.execute(f'DROP DATABASE IF EXISTS "{self._template}" WITH (FORCE)')
        self._admin.close()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """The tests' PostgreSQL server: skipped where there is none, failed where CI needs one."""
    url = os.environ.get(POSTGRES_ENV)
    problem = None
    server = None
    if not url:
        problem = f"no PostgreSQL for tests (set {POSTGRES_ENV} to a postgresql:// URI)"
    else:
        try:
            server = PostgresServer(url)
        except database_errors() as exc:
            problem = f"cannot reach the tests' PostgreSQL: {exc}"
    if server is None:
        assert problem is not None
        missing(REQUIRE_POSTGRES, problem)
    yield server
    server.close()


@pytest.fixture
def agency_db(tmp_path: Path) -> Path:
    """A fresh agency database path (created by the server on start)."""
    return tmp_path / "agency.db"


@pytest.fixture(params=BACKENDS)
def agency_backend(request: pytest.FixtureRequest) -> str:
    """Each backend in turn: the one parametrized fixture of the agency's tests."""
    backend: str = request.param
    return backend


def _database(request: pytest.FixtureRequest, backend: str, name: str, *, migrated: bool) -> Any:
    if backend == "sqlite":
        path: Path = request.getfixturevalue("tmp_path") / name
        return path
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = server.create(migrated=migrated)
    request.addfinalizer(lambda: server.drop(url))
    return url


@pytest.fixture
def agency_db_each_backend(request: pytest.FixtureRequest, agency_backend: str) -> DbTarget:
    """A fresh agency database: a SQLite path (made on first open), or a PostgreSQL
    database with the current schema."""
    target: DbTarget = _database(request, agency_backend, "agency.db", migrated=True)
    return target


@pytest.fixture
def empty_agency_db(request: pytest.FixtureRequest, agency_backend: str) -> DbTarget:
    """An empty database on the same backend (no schema at all), for migration tests."""
    target: DbTarget = _database(request, agency_backend, "empty.db", migrated=False)
    return target


@pytest.fixture
def agency(agency_db: DbTarget) -> Iterator[ServerThread]:
    """The reference server on a free loopback port, in test mode (injected faults apply)."""
    server = ServerThread(agency_db, faults=True)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def sari(agency: ServerThread, agency_db: DbTarget) -> Iterator[Paired]:
    """Talent "Sari", paired."""
    paired = pair(agency.url, agency_db, "Sari")
    yield paired
    paired.client.close()
