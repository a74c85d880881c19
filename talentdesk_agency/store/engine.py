"""Connections and the one transaction helper every part of the agency store goes through.

:meth:`Database.write` is a write transaction, :meth:`Database.read` a read; both hand
out a :class:`Tx`. A ``write()`` or ``read()`` opened while this thread already has a
transaction joins it, so parts compose: an app write runs inside the idempotency
record's transaction (:meth:`.idempotency.Idempotency.run_write`) and its events,
bookings and stored answer commit together or not at all.

Two backends:

* **SQLite** (a file path): one connection, WAL, ``synchronous=FULL``,
  ``secure_delete``; one writer at a time (``BEGIN IMMEDIATE``), other processes queue on
  ``busy_timeout``. A transaction that removed customer data checkpoints and truncates
  the WAL after it commits, so the old page images leave the disk too.
* **PostgreSQL** (``postgresql://...``, any libpq URI): psycopg 3, one connection for a
  command, a psycopg-pool pool for the server. A connection is taken for one
  transaction or read and given back at once, never held while a long-poll waits.
"""

from __future__ import annotations

import abc
import contextlib
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from talentdesk_agency.problems import AgencyError
from talentdesk_agency.store.dialect import POSTGRESQL, SQLITE, Dialect

if TYPE_CHECKING:
    import psycopg
    from psycopg_pool import ConnectionPool

__all__ = [
    "Database",
    "DbTarget",
    "Notice",
    "PostgresDatabase",
    "SQLiteDatabase",
    "Tx",
    "as_target",
    "database_errors",
    "describe",
    "is_postgres_url",
    "open_database",
    "outage_errors",
]

#: A SQLite file path, or a ``postgresql://`` connection URI.
DbTarget = str | os.PathLike[str]

_POSTGRES_SCHEMES = ("postgresql://", "postgres://")
#: Seconds to wait for a connection: to the server, or from a busy pool.
_CONNECT_TIMEOUT = 10


def is_postgres_url(target: DbTarget) -> bool:
    """Whether ``target`` names a PostgreSQL database rather than a SQLite file."""
    return isinstance(target, str) and target.startswith(_POSTGRES_SCHEMES)


def as_target(target: DbTarget) -> Path | str:
    """``target`` as kept: a PostgreSQL URI as text, anything else as a file path."""
    if is_postgres_url(target):
        assert isinstance(target, str)
        return target
    return Path(target)


def describe(target: DbTarget) -> str:
    """``target`` fit for messages and logs: a URI's password is masked, wherever it is."""
    if not is_postgres_url(target):
        return os.fspath(target)
    assert isinstance(target, str)
    parts = urlsplit(target)
    if parts.password is not None:
        userinfo, _, hostinfo = parts.netloc.rpartition("@")
        user = userinfo.split(":", 1)[0]
        parts = parts._replace(netloc=f"{user}:***@{hostinfo}")
    query = parse_qsl(parts.query, keep_blank_values=True)
    if any(key == "password" for key, _ in query):
        masked = [(key, "***" if key == "password" else value) for key, value in query]
        parts = parts._replace(query=urlencode(masked, safe="/*"))
    return urlunsplit(parts)


def database_errors() -> tuple[type[Exception], ...]:
    """The exception types a database failure raises (psycopg's only once it is loaded)."""
    errors: list[type[Exception]] = [sqlite3.Error]
    psycopg = sys.modules.get("psycopg")
    if psycopg is not None:
        errors.append(psycopg.Error)
    return tuple(errors)


class Notice(NamedTuple):
    """A wake-up a transaction sends when it commits (see :meth:`Tx.notify`)."""

    topic: str
    seq: int = 0
    #: PostgreSQL: sent by ``NOTIFY`` inside the commit (exact even if this process dies
    #: right after), or relayed just after it (:class:`talentdesk_agency.wakeups.Relay`).
    in_commit: bool = True


def outage_errors() -> tuple[type[Exception], ...]:
    """The exception types that mean "the database is unreachable or down" (not a bug):
    the server answers them with 503 ``unavailable``."""
    errors: list[type[Exception]] = [sqlite3.OperationalError]
    psycopg = sys.modules.get("psycopg")
    if psycopg is not None:
        errors.extend((psycopg.OperationalError, psycopg.InterfaceError))
    return tuple(errors)


class _Cursor(Protocol):
    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


class Tx:
    """One connection inside a transaction (or, for a read, a connection in autocommit).

    Attributes:
        dialect: How this database spells things.
        writing: Whether this is a write transaction.
        scrubbed: Set when the transaction removed customer data (see :mod:`.bookings`).
        notices: The wake-ups to send once it commits.
    """

    __slots__ = ("_conn", "_pipeline", "dialect", "notices", "scrubbed", "writing")

    def __init__(self, conn: Any, dialect: Dialect, *, writing: bool) -> None:
        self._conn = conn
        self.dialect = dialect
        self.writing = writing
        self.scrubbed = False
        self.notices: list[Notice] = []
        self._pipeline: Any = None  # psycopg's Pipeline inside pipelined()

    def notify(self, topic: str, seq: int = 0, *, in_commit: bool = True) -> None:
        """Wake the waiters of ``topic`` in every process once this transaction commits
        (nothing if it rolls back). ``seq`` orders a topic's wake-ups (0: unordered).

        In this process the database's commit listeners are called. On PostgreSQL a
        ``NOTIFY`` goes out inside the commit, or with ``in_commit=False`` just after it,
        batched with others: PostgreSQL serialises the commits of transactions that
        notify, so a topic written by many concurrent transactions whose waiters re-read
        everything anyway (the supervisors' escalations) is relayed (see
        :mod:`talentdesk_agency.wakeups`).
        """
        self.notices.append(Notice(topic, seq, in_commit))

    def execute(self, sql: str, params: Sequence[Any] = ()) -> _Cursor:
        """Run one statement written with ``?`` placeholders."""
        cursor: _Cursor = self._conn.execute(self.dialect.sql(sql), self.dialect.params(params))
        return cursor

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        """The first row of a query, or None."""
        row = self.execute(sql, params).fetchone()
        return None if row is None else tuple(row)

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Every row of a query."""
        return [tuple(row) for row in self.execute(sql, params).fetchall()]

    def one_locked(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        """Like :meth:`one`, for rows this transaction is about to change: they stay locked
        until it ends where the database needs that (``FOR UPDATE`` on PostgreSQL; SQLite's
        one writer needs nothing)."""
        return self.one(sql + self.dialect.for_update, params)

    def all_locked(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Like :meth:`all`, with the rows locked as :meth:`one_locked` does."""
        return self.all(sql + self.dialect.for_update, params)

    def returning(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...]:
        """The row an ``INSERT`` or ``UPDATE ... RETURNING`` gave back (read to the end,
        so SQLite finishes the statement before the transaction commits)."""
        rows = self.execute(sql, params).fetchall()
        assert len(rows) == 1, f"expected one row, got {len(rows)}"
        return tuple(rows[0])

    def run(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run a change; returns how many rows it touched (inside :meth:`pipelined`, after
        waiting for every answer so far)."""
        cursor = self.execute(sql, params)
        if self._pipeline is not None:
            self._pipeline.sync()
        return cursor.rowcount

    @contextmanager
    def pipelined(self) -> Iterator[None]:
        """Statements in the block are sent without waiting for each answer (psycopg's
        pipeline mode; nothing on SQLite, whose statements are calls, not round trips).
        A read, and :meth:`run`, wait for what was sent before them; the ``rowcount`` of
        a cursor from :meth:`execute` is known once the block ends. Errors may surface
        later than the statement that caused them."""
        if self.dialect.name != "postgresql":
            yield
            return
        if self._pipeline is not None:
            # Inside a transaction begun pipelined (:meth:`Database.write`): the block's
            # answers are in once it ends, as if it had a pipeline of its own.
            yield
            self._pipeline.sync()
            return
        with self._conn.pipeline() as pipeline:
            self._pipeline = pipeline
            try:
                yield
            finally:
                self._pipeline = None

    @contextmanager
    def savepoint(self, name: str = "operation") -> Iterator[None]:
        """Undo only what the block did if it raises (the exception still propagates)."""
        self.execute(f"SAVEPOINT {name}")
        notices = len(self.notices)
        try:
            yield
        except BaseException:
            del self.notices[notices:]  # what was undone wakes no one
            self.execute(f"ROLLBACK TO SAVEPOINT {name}")
            self.execute(f"RELEASE SAVEPOINT {name}")
            raise
        self.execute(f"RELEASE SAVEPOINT {name}")


class Database(abc.ABC):
    """A connection (or pool) to the agency database, and its transactions.

    Attributes:
        dialect: The database's dialect.
        target: What was opened, fit for messages (no password).
    """

    dialect: Dialect

    def __init__(self, target: str) -> None:
        self.target = target
        self._local = threading.local()
        self._commit_listeners: list[Callable[[list[Notice]], None]] = []

    def add_commit_listener(self, listener: Callable[[list[Notice]], None]) -> None:
        """Call ``listener`` with a transaction's notices after it commits (on the thread
        that committed; it must be quick and must not raise)."""
        self._commit_listeners.append(listener)

    def remove_commit_listener(self, listener: Callable[[list[Notice]], None]) -> None:
        """Stop calling ``listener``."""
        with contextlib.suppress(ValueError):
            self._commit_listeners.remove(listener)

    @property
    def max_threads(self) -> int:
        """How many threads can usefully run store calls at once."""
        return 1

    @abc.abstractmethod
    def _connection(self) -> contextlib.AbstractContextManager[Any]:
        """This thread's connection for one transaction or read."""

    def _after_scrub(self) -> None:  # noqa: B027 - a hook; PostgreSQL needs nothing here
        """Called after a transaction that removed customer data has committed."""

    @abc.abstractmethod
    def close(self) -> None:
        """Close every connection."""

    def _current(self) -> Tx | None:
        current: Tx | None = getattr(self._local, "tx", None)
        return current

    @contextmanager
    def write(self, *, pipelined: bool = False) -> Iterator[Tx]:
        """A write transaction: committed when the block ends, rolled back if it raises.

        Inside another ``write()`` on this thread, joins that transaction instead.

        Args:
            pipelined: PostgreSQL: ``BEGIN`` and the block's statements go out in pipeline
                mode (as in :meth:`Tx.pipelined`, which the block must use to wait for
                its answers), so the transaction costs one round trip less.
        """
        current = self._current()
        if current is not None:
            if not current.writing:
                raise RuntimeError("a write inside a read")
            yield current
            return
        with self._connection() as conn:
            tx = Tx(conn, self.dialect, writing=True)
            self._local.tx = tx
            pipeline = (
                conn.pipeline()
                if pipelined and self.dialect.name == "postgresql"
                else contextlib.nullcontext()
            )
            try:
                with pipeline as tx._pipeline:
                    tx.execute(self.dialect.begin_write)
                    try:
                        yield tx
                        in_commit = [n for n in tx.notices if n.in_commit]
                        if in_commit:
                            self.dialect.send_notices(tx, in_commit)
                        tx.execute("COMMIT")
                        if tx._pipeline is not None:
                            tx._pipeline.sync()
                    except BaseException:
                        # Also after a failed COMMIT: the connection must leave the
                        # transaction. In a pipeline, the server drops what follows an
                        # error until the next sync: sync first, then roll back.
                        if tx._pipeline is not None:
                            with contextlib.suppress(Exception):
                                tx._pipeline.sync()
                        with contextlib.suppress(Exception):
                            tx.execute("ROLLBACK")
                            if tx._pipeline is not None:
                                tx._pipeline.sync()
                        raise
            finally:
                tx._pipeline = None
                self._local.tx = None
        if tx.scrubbed:
            self._after_scrub()
        if tx.notices:
            for listener in self._commit_listeners:
                listener(tx.notices)

    @contextmanager
    def read(self) -> Iterator[Tx]:
        """Reads, each statement on its own (or inside this thread's open transaction)."""
        current = self._current()
        if current is not None:
            yield current
            return
        with self._connection() as conn:
            tx = Tx(conn, self.dialect, writing=False)
            self._local.tx = tx
            try:
                yield tx
            finally:
                self._local.tx = None


class SQLiteDatabase(Database):
    """One SQLite file, one connection, used by one thread at a time.

    Raises:
        AgencyError: If the file is missing (and ``create`` is false) or is not SQLite.
    """

    dialect = SQLITE

    def __init__(self, path: Path, *, create: bool) -> None:
        super().__init__(os.fspath(path))
        self.path = path
        if not create and not path.exists():
            raise AgencyError(
                f"no agency database at {path} (create one with `serve`, `pair` or `migrate`)"
            )
        # Autocommit mode: every write is an explicit BEGIN IMMEDIATE ... COMMIT.
        self._conn = sqlite3.connect(
            path, isolation_level=None, check_same_thread=False, timeout=10.0
        )
        self._lock = threading.RLock()
        try:
            self._conn.execute("PRAGMA busy_timeout = 10000")
            self._use_wal()
            self._conn.execute("PRAGMA synchronous = FULL")
            self._conn.execute("PRAGMA foreign_keys = ON")
            # Scrubbed customer data must not linger in free pages.
            self._conn.execute("PRAGMA secure_delete = ON")
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise AgencyError(f"{path} is not a usable agency database: {exc}") from exc

    def _use_wal(self) -> None:
        # Switching a new file to WAL needs it to itself and does not wait on busy_timeout:
        # processes opening a new database at the same moment retry (once WAL, it stays).
        deadline = time.monotonic() + 10.0
        while True:
            try:
                self._conn.execute("PRAGMA journal_mode = WAL").fetchone()
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)

    @property
    def connection(self) -> sqlite3.Connection:
        """The one connection (for tests reading the file with SQL of their own)."""
        return self._conn

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            yield self._conn

    def _after_scrub(self) -> None:
        # Old page images of scrubbed rows live on in the WAL until it is checkpointed and
        # truncated. Best effort: a busy reader only delays this to a later checkpoint.
        with self._lock, contextlib.suppress(sqlite3.OperationalError):
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()

    def close(self) -> None:
        with self._lock:
            self._conn.close()


class PostgresDatabase(Database):
    """A PostgreSQL database: one connection, or a pool of ``pool_size`` for the server.

    Raises:
        AgencyError: If the server cannot be reached or refuses the connection.
    """

    dialect = POSTGRESQL

    def __init__(self, url: str, *, pool_size: int | None = None) -> None:
        super().__init__(describe(url))
        import psycopg  # only PostgreSQL users load it

        kwargs: dict[str, Any] = {"autocommit": True, "application_name": "talentdesk-agency"}
        try:
            # First one plain connection: its error says why, where a pool only times out.
            conn = psycopg.connect(url, connect_timeout=_CONNECT_TIMEOUT, **kwargs)
        except psycopg.Error as exc:
            reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
            raise AgencyError(f"cannot connect to {self.target}: {reason}") from None
        self._conn: psycopg.Connection[Any] | None = None
        self._pool: ConnectionPool[psycopg.Connection[Any]] | None = None
        self._lock = threading.RLock()
        self._size = 1
        if pool_size is None:
            self._conn = conn
            return
        conn.close()
        from psycopg_pool import ConnectionPool

        self._size = pool_size
        self._pool = ConnectionPool(
            url,
            min_size=1,
            max_size=pool_size,
            kwargs={**kwargs, "connect_timeout": _CONNECT_TIMEOUT},
            timeout=_CONNECT_TIMEOUT,
            name="talentdesk-agency",
            open=False,
        )
        self._pool.open(wait=True, timeout=_CONNECT_TIMEOUT)

    @property
    def max_threads(self) -> int:
        return self._size

    @contextmanager
    def _connection(self) -> Iterator[psycopg.Connection[Any]]:
        if self._pool is not None:
            with self._pool.connection() as conn:
                yield conn
            return
        assert self._conn is not None
        with self._lock:
            yield self._conn

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
        if self._conn is not None:
            with self._lock:
                self._conn.close()


def open_database(
    target: DbTarget, *, create: bool = True, pool_size: int | None = None
) -> Database:
    """Connect to the agency database ``target`` names (no migrations: see :mod:`.migrations`).

    Args:
        target: A SQLite file path, or a ``postgresql://`` URI.
        create: Whether a missing SQLite file may be created.
        pool_size: PostgreSQL only: keep a pool of this many connections (the server);
            None keeps one connection (a command).

    Raises:
        AgencyError: If the database cannot be opened.
    """
    if is_postgres_url(target):
        assert isinstance(target, str)
        return PostgresDatabase(target, pool_size=pool_size)
    return SQLiteDatabase(Path(target), create=create)
