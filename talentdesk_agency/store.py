"""The reference agency's SQLite database and every operation on it.

One file holds everything: talents, pairing codes, token hashes, the event feeds,
bookings, escalations, reports, idempotency records and injected faults. The HTTP server
and the staff commands (other processes) share the file: WAL lets readers and a writer
work at once, ``busy_timeout`` queues writers, and every write is one ``BEGIN IMMEDIATE``
transaction with ``synchronous=FULL``, so an event is either durable or absent after a
``kill -9``.

An :class:`AgencyStore` wraps one connection and is used from one thread at a time (the
server runs all its calls on a single worker thread).
"""

from __future__ import annotations

import contextlib
import hashlib
import secrets
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final, Literal

import msgspec

from talentdesk_agency.defaults import DEFAULT_AGENCY_NAME, default_config
from talentdesk_agency.problems import AgencyError, ApiError
from talentdesk_contract import wire
from talentdesk_contract.values import EscalationStatus
from talentdesk_contract.wire import EventType, ProblemType

__all__ = [
    "FAULT_KINDS",
    "AgencyStore",
    "BeginResult",
    "EscalationRow",
    "Fault",
    "FeedRow",
    "ReportRow",
    "StoredResponse",
    "Talent",
    "now_utc",
]

SCHEMA_VERSION: Final = 1
FAULT_KINDS: Final = ("status", "malformed_json", "oversize", "delay")
#: How long pairing codes live unless the issuer says otherwise.
DEFAULT_CODE_TTL_SECONDS: Final = 24 * 3600
#: Idempotency records are kept this long: an outbox may retry after days offline.
IDEMPOTENCY_RETENTION_SECONDS: Final = 30 * 24 * 3600
#: An in-progress reservation of this server process older than this is taken to be
#: abandoned. Longer than any request can be held (injected delays stop at 600 s); a
#: crashed process's reservations are taken over at once (see ``begin_request``).
IDEMPOTENCY_LEASE_SECONDS: Final = 900.0
#: A feed page stops growing past this many bytes of event data (but holds at least one).
FEED_PAGE_SOFT_BYTES: Final = 1024 * 1024
#: What replaces customer data in stored events once a session is over.
REMOVED: Final = "(removed)"

_CODE_ALPHABET: Final = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L
_BOOKING_EVENTS: Final = (
    EventType.BOOKING_CREATED,
    EventType.BOOKING_UPDATED,
    EventType.BOOKING_REBOOKED,
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS talents (
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    available INTEGER NOT NULL DEFAULT 0,
    available_until TEXT
);
CREATE TABLE IF NOT EXISTS pairing_codes (
    code_hash TEXT PRIMARY KEY,
    talent_id TEXT NOT NULL REFERENCES talents(id),
    created_at TEXT NOT NULL,
    expires_at REAL NOT NULL,
    used_at TEXT
);
CREATE TABLE IF NOT EXISTS tokens (
    token_hash TEXT PRIMARY KEY,
    talent_id TEXT NOT NULL REFERENCES talents(id),
    device_name TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    talent_id TEXT NOT NULL REFERENCES talents(id),
    type TEXT NOT NULL,
    at TEXT NOT NULL,
    data TEXT NOT NULL,
    booking_id TEXT
);
CREATE INDEX IF NOT EXISTS events_by_talent ON events(talent_id, seq);
CREATE INDEX IF NOT EXISTS events_by_booking ON events(booking_id) WHERE booking_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS bookings (
    id TEXT PRIMARY KEY,
    talent_id TEXT NOT NULL REFERENCES talents(id),
    start TEXT NOT NULL,
    package TEXT NOT NULL,
    alias TEXT,
    handle TEXT,
    returning_customer INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'booked',
    cancel_reason TEXT,
    answer TEXT,
    answer_reason TEXT,
    answered_at TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS session_events (
    booking_id TEXT NOT NULL REFERENCES bookings(id),
    type TEXT NOT NULL,
    at TEXT NOT NULL,
    planned_seconds INTEGER NOT NULL,
    actual_seconds INTEGER,
    outcome TEXT,
    received_at TEXT NOT NULL,
    PRIMARY KEY (booking_id, type)
);
CREATE TABLE IF NOT EXISTS escalations (
    id TEXT PRIMARY KEY,
    talent_id TEXT NOT NULL REFERENCES talents(id),
    booking_id TEXT,
    level TEXT NOT NULL,
    at TEXT NOT NULL,
    crisis_sign TEXT,
    note TEXT,
    status TEXT NOT NULL,
    follow_ups INTEGER NOT NULL DEFAULT 0,
    supervisor TEXT,
    supervisor_note TEXT,
    acknowledged_at TEXT,
    resolved_at TEXT,
    cancelled_at TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS escalation_follow_ups (
    id INTEGER PRIMARY KEY,
    escalation_id TEXT NOT NULL REFERENCES escalations(id),
    crisis_sign TEXT,
    note TEXT,
    received_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS reports (
    id TEXT PRIMARY KEY,
    number INTEGER NOT NULL UNIQUE,
    talent_id TEXT NOT NULL REFERENCES talents(id),
    session_id TEXT NOT NULL,
    booking_id TEXT NOT NULL,
    category TEXT NOT NULL,
    description TEXT NOT NULL,
    at TEXT NOT NULL,
    level TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS idempotency (
    talent_id TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    state TEXT NOT NULL,
    owner TEXT NOT NULL,
    started_at REAL NOT NULL,
    status INTEGER,
    content_type TEXT,
    body BLOB,
    PRIMARY KEY (talent_id, key)
);
CREATE TABLE IF NOT EXISTS faults (
    id INTEGER PRIMARY KEY,
    path_prefix TEXT NOT NULL,
    method TEXT,
    kind TEXT NOT NULL,
    status INTEGER NOT NULL,
    retry_after INTEGER,
    delay_seconds REAL NOT NULL,
    remaining INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
"""


def now_utc() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    # Full precision and the original offset: what the client sent comes back unchanged.
    return moment.isoformat()


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(8)}"


def _normalise_code(code: str) -> str:
    # People read codes aloud and retype them: case, spaces and dashes do not matter.
    return "".join(ch for ch in code.upper() if ch.isalnum())


def _time(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


@dataclass(frozen=True, slots=True)
class Talent:
    """A talent the agency works with."""

    id: str
    display_name: str


@dataclass(frozen=True, slots=True)
class FeedRow:
    """One stored feed event."""

    seq: int
    type: str
    at: str
    data: bytes


@dataclass(frozen=True, slots=True)
class StoredResponse:
    """An HTTP answer kept for an idempotency key."""

    status: int
    content_type: str
    body: bytes


@dataclass(frozen=True, slots=True)
class BeginResult:
    """What reserving an idempotency key found.

    ``outcome`` is ``"new"`` (go ahead), ``"replay"`` (``stored`` is the first answer),
    ``"mismatch"`` (the key was used with another request) or ``"in_progress"``.
    """

    outcome: Literal["new", "replay", "mismatch", "in_progress"]
    stored: StoredResponse | None = None


@dataclass(frozen=True, slots=True)
class Fault:
    """An injected fault, as taken for one request."""

    id: int
    path_prefix: str
    method: str | None
    kind: str
    status: int
    retry_after: int | None
    delay_seconds: float
    remaining: int


@dataclass(frozen=True, slots=True)
class EscalationRow:
    """An escalation as agency staff see it."""

    id: str
    talent: str
    status: str
    at: str
    booking_id: str | None
    crisis_sign: str | None
    note: str | None
    follow_ups: int
    supervisor: str | None


@dataclass(frozen=True, slots=True)
class ReportRow:
    """An incident report as agency staff see it."""

    id: str
    ticket: str
    talent: str
    category: str
    level: str
    status: str
    at: str
    booking_id: str
    description: str
    note: str | None


WriteOp = Callable[[], tuple[int, bytes]]


class AgencyStore:
    """The agency database.

    Args:
        path: The SQLite file.
        create: Create the file (with the default configuration) if it does not exist.
            When false, a missing file is an :class:`AgencyError`.

    Raises:
        AgencyError: If the file is missing (and ``create`` is false) or is not an agency
            database this version understands.
    """

    def __init__(self, path: Path | str, *, create: bool = True) -> None:
        self.path = Path(path)
        self._scrubbed = False
        if not create and not self.path.exists():
            raise AgencyError(
                f"no agency database at {self.path} (create one with `serve` or `pair`)"
            )
        # The server opens the store on its worker thread; autocommit mode, so every
        # write is an explicit BEGIN IMMEDIATE ... COMMIT below.
        self._conn = sqlite3.connect(
            self.path, isolation_level=None, check_same_thread=False, timeout=10.0
        )
        try:
            self._setup()
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise AgencyError(f"{self.path} is not a usable agency database: {exc}") from exc

    # --- plumbing -------------------------------------------------------------------

    def _setup(self) -> None:
        conn = self._conn
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        # Scrubbed customer data must not linger in free pages.
        conn.execute("PRAGMA secure_delete = ON")
        with self._write():
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise AgencyError(
                    f"{self.path} was written by a newer talentdesk-agency "
                    f"(schema {version}, this one knows {SCHEMA_VERSION})"
                )
            if version == 0:
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                self._set_setting("agency_name", DEFAULT_AGENCY_NAME)
                self._set_setting("config", wire.encode(default_config()).decode())

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def __enter__(self) -> AgencyStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def _set_setting(self, key: str, value: str) -> None:
        self._conn.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def _setting(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _append_event(
        self, talent_id: str, kind: str, data: bytes, booking_id: str | None = None
    ) -> int:
        cursor = self._conn.execute(
            "INSERT INTO events(talent_id, type, at, data, booking_id) VALUES (?, ?, ?, ?, ?)",
            (talent_id, kind, _iso(now_utc()), data.decode("utf-8"), booking_id),
        )
        seq = cursor.lastrowid
        assert seq is not None
        return seq

    # --- settings and configuration -------------------------------------------------

    @property
    def agency_name(self) -> str:
        """The agency's name, as told to paired apps."""
        return self._setting("agency_name") or DEFAULT_AGENCY_NAME

    def set_agency_name(self, name: str) -> None:
        """Rename the agency.

        Raises:
            AgencyError: If the name is empty or longer than 80 characters.
        """
        if not 1 <= len(name) <= 80:
            raise AgencyError("the agency name must be 1 to 80 characters long")
        with self._write():
            self._set_setting("agency_name", name)

    def config(self) -> wire.AgencyConfig:
        """The current agency configuration."""
        raw = self._setting("config")
        return default_config() if raw is None else wire.decode(raw, wire.AgencyConfig)

    def set_config(self, config: wire.AgencyConfig) -> int:
        """Replace the configuration and push ``config.updated`` to every talent.

        Returns:
            How many talents were told.

        Raises:
            AgencyError: If ids repeat or a boundary item names a reply that does not exist.
        """
        _check_config(config)
        data = wire.encode(config)
        with self._write() as conn:
            self._set_setting("config", data.decode())
            talents = [row[0] for row in conn.execute("SELECT id FROM talents")]
            for talent_id in talents:
                self._append_event(talent_id, EventType.CONFIG_UPDATED, data)
        return len(talents)

    # --- talents, pairing and tokens ------------------------------------------------

    def talents(self) -> list[Talent]:
        """Every talent, by name."""
        rows = self._conn.execute("SELECT id, display_name FROM talents ORDER BY display_name")
        return [Talent(id=r[0], display_name=r[1]) for r in rows]

    def talent_by_name(self, name: str) -> Talent:
        """Find a talent by display name.

        Raises:
            AgencyError: If there is none.
        """
        row = self._conn.execute(
            "SELECT id, display_name FROM talents WHERE display_name = ?", (name,)
        ).fetchone()
        if row is None:
            raise AgencyError(f"no talent named {name!r} (add one with `pair --talent {name!r}`)")
        return Talent(id=row[0], display_name=row[1])

    def create_pairing_code(
        self, talent_name: str, *, ttl_seconds: float = DEFAULT_CODE_TTL_SECONDS
    ) -> str:
        """Issue a one-time pairing code for a talent, adding the talent if new.

        A new talent's feed starts with the current configuration.

        Returns:
            The code, formatted ``XXXX-XXXX``.

        Raises:
            AgencyError: If the name is empty or longer than 80 characters.
        """
        if not 1 <= len(talent_name) <= 80 or not talent_name.strip():
            raise AgencyError("the talent name must be 1 to 80 characters long")
        raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(8))
        code = f"{raw[:4]}-{raw[4:]}"
        now = now_utc()
        with self._write() as conn:
            row = conn.execute(
                "SELECT id FROM talents WHERE display_name = ?", (talent_name,)
            ).fetchone()
            if row is None:
                talent_id = _new_id("tal")
                conn.execute(
                    "INSERT INTO talents(id, display_name, created_at) VALUES (?, ?, ?)",
                    (talent_id, talent_name, _iso(now)),
                )
                config = self._setting("config") or wire.encode(default_config()).decode()
                self._append_event(talent_id, EventType.CONFIG_UPDATED, config.encode())
            else:
                talent_id = row[0]
            conn.execute(
                "INSERT INTO pairing_codes(code_hash, talent_id, created_at, expires_at) "
                "VALUES (?, ?, ?, ?)",
                (_sha256(_normalise_code(code)), talent_id, _iso(now), time.time() + ttl_seconds),
            )
        return code

    def pair(self, code: str, device_name: str) -> wire.PairingResponse:
        """Exchange a pairing code for a new device token.

        Raises:
            ApiError: 401 for an unknown code, 410 for a used or expired one.
        """
        code_hash = _sha256(_normalise_code(code))
        token = "tdk_" + secrets.token_urlsafe(32)
        with self._write() as conn:
            row = conn.execute(
                "SELECT p.talent_id, p.expires_at, p.used_at, t.display_name "
                "FROM pairing_codes p JOIN talents t ON t.id = p.talent_id "
                "WHERE p.code_hash = ?",
                (code_hash,),
            ).fetchone()
            if row is None:
                raise ApiError(
                    401,
                    ProblemType.PAIRING_CODE_UNKNOWN,
                    "The agency does not know this pairing code. Check it, or ask the agency "
                    "for a new one.",
                )
            talent_id, expires_at, used_at, display_name = row
            if used_at is not None:
                raise ApiError(
                    410,
                    ProblemType.PAIRING_CODE_USED,
                    "This pairing code was already used. Each code works once: ask the agency "
                    "for a new one.",
                )
            if expires_at < time.time():
                raise ApiError(
                    410,
                    ProblemType.PAIRING_CODE_EXPIRED,
                    "This pairing code has expired. Ask the agency for a new one.",
                )
            now = _iso(now_utc())
            conn.execute(
                "UPDATE pairing_codes SET used_at = ? WHERE code_hash = ?", (now, code_hash)
            )
            # Only a hash of the token is stored: a copy of this file pairs nobody.
            conn.execute(
                "INSERT INTO tokens(token_hash, talent_id, device_name, created_at) "
                "VALUES (?, ?, ?, ?)",
                (_sha256(token), talent_id, device_name, now),
            )
            agency = self.agency_name
        return wire.PairingResponse(
            token=token,
            talent=wire.TalentInfo(id=talent_id, display_name=display_name),
            agency=wire.AgencyInfo(name=agency),
        )

    def talent_for_token(self, token: str) -> Talent | None:
        """The talent a device token belongs to, or None."""
        row = self._conn.execute(
            "SELECT t.id, t.display_name FROM tokens k JOIN talents t ON t.id = k.talent_id "
            "WHERE k.token_hash = ?",
            (_sha256(token),),
        ).fetchone()
        return None if row is None else Talent(id=row[0], display_name=row[1])

    # --- the feed -------------------------------------------------------------------

    def max_seq(self) -> int:
        """The highest sequence number of any feed (0 when all are empty)."""
        row = self._conn.execute("SELECT max(seq) FROM events").fetchone()
        return int(row[0] or 0)

    def feed(self, talent_id: str, after: int, limit: int) -> list[FeedRow]:
        """A talent's events after ``after``, oldest first, at most ``limit`` of them.

        The page also stops once it holds about a megabyte, so it stays well under the
        response size limit whatever the events hold.
        """
        rows = self._conn.execute(
            "SELECT seq, type, at, data FROM events WHERE talent_id = ? AND seq > ? "
            "ORDER BY seq LIMIT ?",
            (talent_id, after, limit),
        )
        page: list[FeedRow] = []
        size = 0
        for seq, kind, at, data in rows:
            encoded = data.encode("utf-8")
            if page and size + len(encoded) > FEED_PAGE_SOFT_BYTES:
                break
            size += len(encoded)
            page.append(FeedRow(seq=seq, type=kind, at=at, data=encoded))
        return page

    def inject_event(self, talent_name: str, kind: str, data: str) -> int:
        """Append a raw event to a talent's feed, unchecked (for testing clients).

        Raises:
            AgencyError: If the talent is unknown, the type is empty or too long, or the
                data is not JSON.
        """
        if not 1 <= len(kind) <= 64:
            raise AgencyError("the event type must be 1 to 64 characters long")
        try:
            msgspec.json.decode(data)
        except msgspec.DecodeError as exc:
            raise AgencyError(f"the event data is not JSON: {exc}") from exc
        talent = self.talent_by_name(talent_name)
        with self._write():
            return self._append_event(talent.id, kind, data.encode("utf-8"))

    # --- bookings (staff side) ------------------------------------------------------

    def _package(self, package_id: str) -> wire.Package:
        packages = self.config().packages
        for package in packages:
            if package.id == package_id:
                return package
        known = ", ".join(p.id for p in packages) or "none"
        raise AgencyError(f"no package {package_id!r} in the configuration (known: {known})")

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
        """Book a session and push it to the talent.

        A returning customer's booking is pushed as ``booking.rebooked`` with
        ``needs_unblock``: the talent blocked them after the last session.

        Returns:
            The booking id.

        Raises:
            AgencyError: If the talent or package is unknown, ``start`` has no offset, or
                the alias or handle is empty or too long.
        """
        if start.tzinfo is None:
            raise AgencyError("the start time needs a UTC offset, e.g. 2025-05-01T21:00+07:00")
        if not 1 <= len(alias) <= 64:
            raise AgencyError("the customer alias must be 1 to 64 characters long")
        if not 1 <= len(handle) <= 128:
            raise AgencyError("the contact handle must be 1 to 128 characters long")
        talent = self.talent_by_name(talent_name)
        package = self._package(package_id)
        booking_id = _new_id("bk")
        data = wire.BookingData(
            booking=wire.BookingInfo(
                id=booking_id,
                start=start,
                package=package,
                returning_customer=returning,
                needs_unblock=returning,
            ),
            customer=wire.Customer(alias=alias, contact_handle=handle),
        )
        kind = EventType.BOOKING_REBOOKED if returning else EventType.BOOKING_CREATED
        with self._write() as conn:
            conn.execute(
                "INSERT INTO bookings(id, talent_id, start, package, alias, handle, "
                "returning_customer, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    booking_id,
                    talent.id,
                    _iso(start),
                    wire.encode(package).decode(),
                    alias,
                    handle,
                    int(returning),
                    _iso(now_utc()),
                ),
            )
            self._append_event(talent.id, kind, wire.encode(data), booking_id)
        return booking_id

    def update_booking(
        self, booking_id: str, *, start: datetime | None = None, package_id: str | None = None
    ) -> None:
        """Move a booking or change its package, and push ``booking.updated``.

        Raises:
            AgencyError: If the booking is unknown, cancelled or its customer data is
                already removed (the session is over), or the change is invalid.
        """
        if start is not None and start.tzinfo is None:
            raise AgencyError("the start time needs a UTC offset, e.g. 2025-05-01T21:00+07:00")
        package = None if package_id is None else self._package(package_id)
        with self._write() as conn:
            row = conn.execute(
                "SELECT talent_id, start, package, alias, handle, returning_customer, status "
                "FROM bookings WHERE id = ?",
                (booking_id,),
            ).fetchone()
            if row is None:
                raise AgencyError(f"no booking {booking_id}")
            talent_id, old_start, old_package, alias, handle, returning, status = row
            if status == "cancelled":
                raise AgencyError(f"booking {booking_id} is cancelled")
            if alias is None:
                raise AgencyError(f"booking {booking_id} is over; its customer data is removed")
            new_start = start or datetime.fromisoformat(old_start)
            new_package = package or wire.decode(old_package, wire.Package)
            conn.execute(
                "UPDATE bookings SET start = ?, package = ? WHERE id = ?",
                (_iso(new_start), wire.encode(new_package).decode(), booking_id),
            )
            data = wire.BookingData(
                booking=wire.BookingInfo(
                    id=booking_id,
                    start=new_start,
                    package=new_package,
                    returning_customer=bool(returning),
                    needs_unblock=bool(returning),
                ),
                customer=wire.Customer(alias=alias, contact_handle=handle),
            )
            self._append_event(talent_id, EventType.BOOKING_UPDATED, wire.encode(data), booking_id)

    def cancel_booking(self, booking_id: str, reason: str = "cancelled by the agency") -> None:
        """Cancel a booking, push ``booking.cancelled`` and remove the customer's data.

        Raises:
            AgencyError: If the booking is unknown or already cancelled, or the reason is
                longer than 500 characters.
        """
        if len(reason) > 500:
            raise AgencyError("the reason must be at most 500 characters long")
        with self._write() as conn:
            row = conn.execute(
                "SELECT talent_id, status FROM bookings WHERE id = ?", (booking_id,)
            ).fetchone()
            if row is None:
                raise AgencyError(f"no booking {booking_id}")
            if row[1] == "cancelled":
                raise AgencyError(f"booking {booking_id} is already cancelled")
            conn.execute(
                "UPDATE bookings SET status = 'cancelled', cancel_reason = ? WHERE id = ?",
                (reason, booking_id),
            )
            data = wire.BookingCancelledData(booking_id=booking_id, reason=reason)
            self._append_event(row[0], EventType.BOOKING_CANCELLED, wire.encode(data), booking_id)
            self._scrub_customer(booking_id)
        self._truncate_wal_if_scrubbed()

    def _scrub_customer(self, booking_id: str) -> None:
        """Remove a booking's customer data from the bookings table and its feed events.

        The agency no longer needs it once the session is over or cancelled; with
        ``secure_delete`` and a WAL truncation afterwards it leaves the file too.
        """
        conn = self._conn
        self._scrubbed = True
        conn.execute("UPDATE bookings SET alias = NULL, handle = NULL WHERE id = ?", (booking_id,))
        conn.execute(
            "UPDATE events SET data = json_set(data, '$.customer.alias', ?, "
            "'$.customer.contact_handle', ?) "
            "WHERE booking_id = ? AND type IN (?, ?, ?)",
            (REMOVED, REMOVED, booking_id, *_BOOKING_EVENTS),
        )

    def _truncate_wal_if_scrubbed(self) -> None:
        # Old page images of scrubbed rows live on in the WAL until it is checkpointed and
        # truncated. Best effort: a busy reader only delays this to a later checkpoint.
        if not self._scrubbed:
            return
        self._scrubbed = False
        with contextlib.suppress(sqlite3.OperationalError):
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()

    # --- writes from the app --------------------------------------------------------

    def _booking_row(self, talent_id: str, booking_id: str) -> tuple[Any, ...]:
        row = self._conn.execute(
            "SELECT status, answer FROM bookings WHERE id = ? AND talent_id = ?",
            (booking_id, talent_id),
        ).fetchone()
        if row is None:
            raise ApiError(404, ProblemType.NOT_FOUND, "No such booking for this talent.")
        return tuple(row)

    def answer_booking(
        self, talent_id: str, booking_id: str, request: wire.BookingAnswerRequest
    ) -> tuple[int, bytes]:
        """Record the talent's answer to a booking (inside :meth:`run_write`).

        Raises:
            ApiError: 404 for an unknown booking, 409 if it was cancelled or already
                answered the other way.
        """
        status, answer = self._booking_row(talent_id, booking_id)
        if status == "cancelled":
            raise ApiError(
                409, ProblemType.CONFLICT, "The agency cancelled this booking; it needs no answer."
            )
        if answer is not None and answer != request.answer:
            raise ApiError(
                409,
                ProblemType.CONFLICT,
                f"This booking was already answered ({answer}). Contact the agency to change it.",
            )
        self._conn.execute(
            "UPDATE bookings SET answer = ?, answer_reason = ?, answered_at = ? WHERE id = ?",
            (request.answer, request.reason, _iso(now_utc()), booking_id),
        )
        result = wire.BookingAnswerResult(booking_id=booking_id, answer=request.answer)
        return 200, wire.encode(result)

    def record_session_event(
        self, talent_id: str, booking_id: str, request: wire.SessionEventRequest
    ) -> tuple[int, bytes]:
        """Record that a booking's session started or ended (inside :meth:`run_write`).

        When it ended, the customer's data is removed from the agency's copy too.

        Raises:
            ApiError: 404 for an unknown booking, 409 if this event was already recorded.
        """
        self._booking_row(talent_id, booking_id)
        try:
            self._conn.execute(
                "INSERT INTO session_events(booking_id, type, at, planned_seconds, "
                "actual_seconds, outcome, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    booking_id,
                    request.type,
                    _iso(request.at),
                    request.planned_seconds,
                    request.actual_seconds,
                    request.outcome,
                    _iso(now_utc()),
                ),
            )
        except sqlite3.IntegrityError:
            raise ApiError(
                409,
                ProblemType.CONFLICT,
                f"This session's '{request.type}' event is already recorded.",
            ) from None
        if request.type == "ended":
            self._scrub_customer(booking_id)
        result = wire.SessionEventResult(booking_id=booking_id, type=request.type)
        return 200, wire.encode(result)

    def create_escalation(
        self, talent_id: str, request: wire.EscalationRequest
    ) -> tuple[int, bytes]:
        """Open an escalation (inside :meth:`run_write`). Never refused for its booking id."""
        escalation_id = _new_id("esc")
        self._conn.execute(
            "INSERT INTO escalations(id, talent_id, booking_id, level, at, crisis_sign, note, "
            "status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?)",
            (
                escalation_id,
                talent_id,
                request.booking_id,
                request.level,
                _iso(request.at),
                request.crisis_sign,
                request.note,
                _iso(now_utc()),
            ),
        )
        return 201, wire.encode(
            wire.EscalationCreated(id=escalation_id, status=EscalationStatus.OPEN)
        )

    def escalation(self, talent_id: str, escalation_id: str) -> wire.Escalation:
        """One of the talent's escalations.

        Raises:
            ApiError: 404 if the talent has no such escalation.
        """
        row = self._conn.execute(
            "SELECT id, status, level, at, follow_ups, booking_id, crisis_sign, note, "
            "supervisor, supervisor_note, acknowledged_at, resolved_at, cancelled_at "
            "FROM escalations WHERE id = ? AND talent_id = ?",
            (escalation_id, talent_id),
        ).fetchone()
        if row is None:
            raise ApiError(404, ProblemType.NOT_FOUND, "No such escalation for this talent.")
        return wire.Escalation(
            id=row[0],
            status=row[1],
            level=row[2],
            at=datetime.fromisoformat(row[3]),
            follow_ups=row[4],
            booking_id=row[5],
            crisis_sign=row[6],
            note=row[7],
            supervisor=row[8],
            supervisor_note=row[9],
            acknowledged_at=_time(row[10]),
            resolved_at=_time(row[11]),
            cancelled_at=_time(row[12]),
        )

    def _open_escalation(self, talent_id: str, escalation_id: str) -> wire.Escalation:
        current = self.escalation(talent_id, escalation_id)
        if current.status in ("resolved", "cancelled"):
            raise ApiError(
                409,
                ProblemType.CONFLICT,
                f"This escalation is {current.status} and closed. Open a new one if you need help.",
            )
        return current

    def follow_up_escalation(
        self, talent_id: str, escalation_id: str, request: wire.EscalationFollowUpRequest
    ) -> tuple[int, bytes]:
        """Add a follow-up to an open escalation (inside :meth:`run_write`).

        A follow-up's crisis sign becomes the escalation's current one.

        Raises:
            ApiError: 404 if unknown, 409 if resolved or cancelled.
        """
        self._open_escalation(talent_id, escalation_id)
        conn = self._conn
        conn.execute(
            "INSERT INTO escalation_follow_ups(escalation_id, crisis_sign, note, received_at) "
            "VALUES (?, ?, ?, ?)",
            (escalation_id, request.crisis_sign, request.note, _iso(now_utc())),
        )
        conn.execute(
            "UPDATE escalations SET follow_ups = min(follow_ups + 1, 10000), "
            "crisis_sign = coalesce(?, crisis_sign) WHERE id = ?",
            (request.crisis_sign, escalation_id),
        )
        return 200, wire.encode(self.escalation(talent_id, escalation_id))

    def cancel_escalation(
        self, talent_id: str, escalation_id: str, request: wire.EscalationCancelRequest
    ) -> tuple[int, bytes]:
        """Withdraw an escalation as a false alarm (inside :meth:`run_write`).

        Raises:
            ApiError: 404 if unknown, 409 if already resolved or cancelled.
        """
        del request  # the only reason v1 knows is a false alarm
        self._open_escalation(talent_id, escalation_id)
        self._conn.execute(
            "UPDATE escalations SET status = 'cancelled', cancelled_at = ? WHERE id = ?",
            (_iso(now_utc()), escalation_id),
        )
        return 200, wire.encode(self.escalation(talent_id, escalation_id))

    def create_report(self, talent_id: str, request: wire.ReportRequest) -> tuple[int, bytes]:
        """File an incident report with a new ticket (inside :meth:`run_write`)."""
        conn = self._conn
        number = int(conn.execute("SELECT coalesce(max(number), 0) + 1 FROM reports").fetchone()[0])
        report_id = _new_id("rep")
        now = _iso(now_utc())
        conn.execute(
            "INSERT INTO reports(id, number, talent_id, session_id, booking_id, category, "
            "description, at, level, status, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'first_line', 'delivered', ?, ?)",
            (
                report_id,
                number,
                talent_id,
                request.session_id,
                request.booking_id,
                request.category,
                request.description,
                _iso(request.at),
                now,
                now,
            ),
        )
        return 201, wire.encode(self.report(talent_id, report_id))

    def report(self, talent_id: str, report_id: str) -> wire.Report:
        """One of the talent's reports.

        Raises:
            ApiError: 404 if the talent has no such report.
        """
        row = self._conn.execute(
            "SELECT id, number, level, status, note FROM reports WHERE id = ? AND talent_id = ?",
            (report_id, talent_id),
        ).fetchone()
        if row is None:
            raise ApiError(404, ProblemType.NOT_FOUND, "No such report for this talent.")
        return wire.Report(
            id=row[0], ticket=_ticket(row[1]), level=row[2], status=row[3], note=row[4]
        )

    def set_availability(
        self, talent_id: str, request: wire.AvailabilityRequest
    ) -> tuple[int, bytes]:
        """Record whether the talent takes bookings (inside :meth:`run_write`)."""
        until = None if request.until is None else _iso(request.until)
        self._conn.execute(
            "UPDATE talents SET available = ?, available_until = ? WHERE id = ?",
            (int(request.available), until, talent_id),
        )
        result = wire.Availability(available=request.available, until=request.until)
        return 200, wire.encode(result)

    # --- idempotency ----------------------------------------------------------------

    def begin_request(self, talent_id: str, key: str, fingerprint: str, owner: str) -> BeginResult:
        """Reserve an idempotency key for a request, or say why not.

        A reservation left ``in_progress`` by another server process (one that crashed) or
        older than the lease is taken over: its request's effects were never committed,
        because they commit together with the stored answer.
        """
        now = time.time()
        with self._write() as conn:
            row = conn.execute(
                "SELECT fingerprint, state, owner, started_at, status, content_type, body "
                "FROM idempotency WHERE talent_id = ? AND key = ?",
                (talent_id, key),
            ).fetchone()
            if row is None:
                conn.execute(
                    "INSERT INTO idempotency(talent_id, key, fingerprint, state, owner, "
                    "started_at) VALUES (?, ?, ?, 'in_progress', ?, ?)",
                    (talent_id, key, fingerprint, owner, now),
                )
                return BeginResult("new")
            stored_fp, state, stored_owner, started_at, status, content_type, body = row
            if stored_fp != fingerprint:
                return BeginResult("mismatch")
            if state == "done":
                return BeginResult(
                    "replay", StoredResponse(int(status), str(content_type), bytes(body))
                )
            if stored_owner == owner and now - started_at < IDEMPOTENCY_LEASE_SECONDS:
                return BeginResult("in_progress")
            conn.execute(
                "UPDATE idempotency SET owner = ?, started_at = ? WHERE talent_id = ? AND key = ?",
                (owner, now, talent_id, key),
            )
            return BeginResult("new")

    def release_request(self, talent_id: str, key: str) -> None:
        """Forget a reservation whose request failed (5xx): a retry starts afresh."""
        with self._write() as conn:
            conn.execute(
                "DELETE FROM idempotency WHERE talent_id = ? AND key = ? AND state = 'in_progress'",
                (talent_id, key),
            )

    def run_write(self, talent_id: str, key: str, operation: WriteOp) -> StoredResponse:
        """Run a write and store its answer under the key, in one transaction.

        A business refusal (:class:`ApiError`, e.g. 404 or 409) undoes the operation's
        changes but is stored and replayed like a success. Any other exception rolls back
        everything and propagates; the caller then releases the reservation.
        """
        with self._write() as conn:
            conn.execute("SAVEPOINT operation")
            try:
                status, body = operation()
                content_type = "application/json"
                conn.execute("RELEASE operation")
            except ApiError as exc:
                conn.execute("ROLLBACK TO operation")
                conn.execute("RELEASE operation")
                status, body, content_type = exc.status, exc.body(), wire.PROBLEM_CONTENT_TYPE
            conn.execute(
                "UPDATE idempotency SET state = 'done', status = ?, content_type = ?, body = ? "
                "WHERE talent_id = ? AND key = ?",
                (status, content_type, body, talent_id, key),
            )
        self._truncate_wal_if_scrubbed()
        return StoredResponse(status, content_type, body)

    def purge_idempotency(self, older_than_seconds: float = IDEMPOTENCY_RETENTION_SECONDS) -> int:
        """Delete idempotency records older than the retention. Returns how many."""
        with self._write() as conn:
            cursor = conn.execute(
                "DELETE FROM idempotency WHERE started_at < ?", (time.time() - older_than_seconds,)
            )
            return cursor.rowcount

    # --- escalations and reports (staff side) ---------------------------------------

    def escalations(self, *, open_only: bool = False) -> list[EscalationRow]:
        """Every escalation, newest first; only open or acknowledged ones if asked."""
        rows = self._conn.execute(
            "SELECT e.id, t.display_name, e.status, e.at, e.booking_id, e.crisis_sign, e.note, "
            "e.follow_ups, e.supervisor FROM escalations e JOIN talents t ON t.id = e.talent_id "
            "WHERE ? = 0 OR e.status IN ('open', 'acknowledged') ORDER BY e.created_at DESC",
            (int(open_only),),
        )
        return [EscalationRow(*row) for row in rows]

    def acknowledge_escalation(
        self, escalation_id: str, supervisor: str, note: str | None = None
    ) -> None:
        """A supervisor takes an open escalation; the talent sees it on the feed.

        Raises:
            AgencyError: If the escalation is unknown or not open.
        """
        self._supervise(escalation_id, supervisor, note, resolve=False)

    def resolve_escalation(
        self, escalation_id: str, supervisor: str, note: str | None = None
    ) -> None:
        """A supervisor closes an escalation; the talent sees it on the feed.

        Raises:
            AgencyError: If the escalation is unknown, resolved or cancelled.
        """
        self._supervise(escalation_id, supervisor, note, resolve=True)

    def _supervise(
        self, escalation_id: str, supervisor: str, note: str | None, *, resolve: bool
    ) -> None:
        if not 1 <= len(supervisor) <= 80:
            raise AgencyError("the supervisor name must be 1 to 80 characters long")
        if note is not None and len(note) > 2000:
            raise AgencyError("the note must be at most 2000 characters long")
        now = now_utc()
        with self._write() as conn:
            row = conn.execute(
                "SELECT talent_id, status, supervisor FROM escalations WHERE id = ?",
                (escalation_id,),
            ).fetchone()
            if row is None:
                raise AgencyError(f"no escalation {escalation_id}")
            talent_id, status, current = row
            if status == "cancelled":
                raise AgencyError(
                    f"escalation {escalation_id} was cancelled by the talent as a false alarm"
                )
            if status == "resolved":
                raise AgencyError(f"escalation {escalation_id} is already resolved")
            if not resolve and status == "acknowledged":
                raise AgencyError(
                    f"escalation {escalation_id} is already acknowledged by {current}"
                )
            if resolve:
                conn.execute(
                    "UPDATE escalations SET status = 'resolved', resolved_at = ?, supervisor = ?, "
                    "supervisor_note = coalesce(?, supervisor_note) WHERE id = ?",
                    (_iso(now), supervisor, note, escalation_id),
                )
            else:
                conn.execute(
                    "UPDATE escalations SET status = 'acknowledged', acknowledged_at = ?, "
                    "supervisor = ?, supervisor_note = ? WHERE id = ?",
                    (_iso(now), supervisor, note, escalation_id),
                )
            data = wire.EscalationUpdateData(
                escalation_id=escalation_id, supervisor=supervisor, at=now, note=note
            )
            kind = EventType.ESCALATION_RESOLVED if resolve else EventType.ESCALATION_ACKNOWLEDGED
            self._append_event(talent_id, kind, wire.encode(data))

    def reports(self) -> list[ReportRow]:
        """Every incident report, newest first."""
        rows = self._conn.execute(
            "SELECT r.id, r.number, t.display_name, r.category, r.level, r.status, r.at, "
            "r.booking_id, r.description, r.note "
            "FROM reports r JOIN talents t ON t.id = r.talent_id ORDER BY r.number DESC"
        )
        return [
            ReportRow(
                id=r[0],
                ticket=_ticket(r[1]),
                talent=r[2],
                category=r[3],
                level=r[4],
                status=r[5],
                at=r[6],
                booking_id=r[7],
                description=r[8],
                note=r[9],
            )
            for r in rows
        ]

    def update_ticket(
        self,
        report: str,
        *,
        status: wire.ReportStatus | None = None,
        level: wire.TicketLevel | None = None,
        note: str | None = None,
    ) -> wire.Report:
        """Move a report along (status, level, note) and push ``report.updated``.

        Args:
            report: The report id or its ticket number (``TD-000012``).
            status: The new status.
            level: The new level.
            note: A note for the talent.

        Returns:
            The report as it now stands.

        Raises:
            AgencyError: If the report is unknown, nothing changes, or the note is too long.
        """
        if status is None and level is None and note is None:
            raise AgencyError("say what changes: --status, --level and/or --note")
        if note is not None and len(note) > 2000:
            raise AgencyError("the note must be at most 2000 characters long")
        with self._write() as conn:
            row = conn.execute(
                "SELECT id, talent_id FROM reports WHERE id = ? OR number = ?",
                (report, _ticket_number(report)),
            ).fetchone()
            if row is None:
                raise AgencyError(f"no report or ticket {report}")
            report_id, talent_id = row
            conn.execute(
                "UPDATE reports SET status = coalesce(?, status), level = coalesce(?, level), "
                "note = coalesce(?, note), updated_at = ? WHERE id = ?",
                (status, level, note, _iso(now_utc()), report_id),
            )
            current = self.report(talent_id, report_id)
            data = wire.ReportUpdateData(
                report_id=current.id,
                ticket=current.ticket,
                level=current.level,
                status=current.status,
                note=current.note,
            )
            self._append_event(talent_id, EventType.REPORT_UPDATED, wire.encode(data))
        return current

    # --- faults ---------------------------------------------------------------------

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
        """Arrange for the next ``times`` matching requests to fail (see the CLI's ``fault``).

        Returns:
            The fault's id.

        Raises:
            AgencyError: If a value is out of range.
        """
        if kind not in FAULT_KINDS:
            raise AgencyError(f"unknown fault kind {kind!r} (one of {', '.join(FAULT_KINDS)})")
        if not path_prefix.startswith("/"):
            raise AgencyError("the path prefix must start with '/', e.g. /v1/feed")
        if not 100 <= status <= 599:
            raise AgencyError("the status must be an HTTP status from 100 to 599")
        if retry_after is not None and not 0 <= retry_after <= 86_400:
            raise AgencyError("--retry-after must be 0 to 86400 seconds")
        if not 0 <= delay_seconds <= 600:
            raise AgencyError("--delay must be 0 to 600 seconds")
        if not 1 <= times <= 1_000_000:
            raise AgencyError("--times must be at least 1")
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO faults(path_prefix, method, kind, status, retry_after, "
                "delay_seconds, remaining, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    path_prefix,
                    None if method is None else method.upper(),
                    kind,
                    status,
                    retry_after,
                    delay_seconds,
                    times,
                    _iso(now_utc()),
                ),
            )
            fault_id = cursor.lastrowid
        assert fault_id is not None
        return fault_id

    def faults(self) -> list[Fault]:
        """Faults that still have requests to fail, oldest first."""
        rows = self._conn.execute(
            "SELECT id, path_prefix, method, kind, status, retry_after, delay_seconds, remaining "
            "FROM faults WHERE remaining > 0 ORDER BY id"
        )
        return [Fault(*row) for row in rows]

    def clear_faults(self) -> int:
        """Drop every pending fault. Returns how many."""
        with self._write() as conn:
            return conn.execute("DELETE FROM faults WHERE remaining > 0").rowcount

    def take_fault(self, method: str, path: str) -> Fault | None:
        """Consume one use of the oldest fault matching a request, if any."""
        # A cheap read first: almost always there is no fault, and a write transaction
        # (with its fsync) on every request would be wasteful.
        pending = self._conn.execute("SELECT 1 FROM faults WHERE remaining > 0 LIMIT 1")
        if pending.fetchone() is None:
            return None
        with self._write() as conn:
            row = conn.execute(
                "SELECT id, path_prefix, method, kind, status, retry_after, delay_seconds, "
                "remaining FROM faults WHERE remaining > 0 "
                "AND substr(?, 1, length(path_prefix)) = path_prefix "
                "AND (method IS NULL OR method = ?) ORDER BY id LIMIT 1",
                (path, method.upper()),
            ).fetchone()
            if row is None:
                return None
            conn.execute("UPDATE faults SET remaining = remaining - 1 WHERE id = ?", (row[0],))
            return Fault(*row)


def _ticket(number: int) -> str:
    return f"TD-{number:06d}"


def _ticket_number(text: str) -> int:
    digits = text.upper().removeprefix("TD-")
    return int(digits) if digits.isdigit() and len(digits) < 12 else -1


def _check_config(config: wire.AgencyConfig) -> None:
    """Cross-field rules the wire types cannot express."""

    def unique(kind: str, ids: list[str]) -> None:
        seen: set[str] = set()
        for item in ids:
            if item in seen:
                raise AgencyError(f"the configuration has two {kind} with id {item!r}")
            seen.add(item)

    unique("packages", [p.id for p in config.packages])
    unique("decline replies", [r.id for r in config.decline_replies])
    unique("boundary presets", [p.id for p in config.boundary_presets])
    unique("emergency contacts", [c.id for c in config.emergency_contacts])
    replies = {r.id for r in config.decline_replies}
    for preset in config.boundary_presets:
        unique(f"items in preset {preset.id!r}", [i.key for i in preset.items])
        for item in preset.items:
            for reply_id in item.decline_reply_ids:
                if reply_id not in replies:
                    raise AgencyError(
                        f"boundary preset {preset.id!r}, item {item.key!r}: no decline reply "
                        f"with id {reply_id!r}"
                    )
