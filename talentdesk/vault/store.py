"""The encrypted vault: one SQLite file, every row sealed with AES-256-GCM.

Keys (see docs/architecture.md):

* master key: random, in the OS keyring, or wrapped by an Argon2id key from
  the talent's passphrase where there is no keyring;
* record key: derived from the master key; seals ordinary records;
* epoch key: random, in the keyring (in passphrase mode sealed by the master
  key inside the vault); wraps every per-booking data key; replaced each time
  a booking's customer data is shredded;
* per-booking data key: random; seals that booking's customer records, and what the
  talent typed during its session (notes, report text and the outbox items carrying
  them), so the shred at the session's end makes every older copy of them undecryptable.

The associated data of a record binds the vault id, the record's kind, id and
schema version, so a row moved, swapped or relabelled fails to open and is
reported by name while the rest of the vault stays readable.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping
from enum import StrEnum
from pathlib import Path

import msgspec

from talentdesk.vault import crypto
from talentdesk.vault.errors import (
    CustomerDataShredded,
    MasterKeyMissing,
    RecordIntegrityError,
    VaultError,
    VaultExists,
    VaultFormatError,
    VaultLocked,
    VaultNotFound,
    VaultTooNew,
    WeakPassphrase,
    WrongPassphrase,
)
from talentdesk.vault.keys import KeyringSecretStore, SecretStore
from talentdesk.vault.paths import create_private_file, ensure_private_dir, fsync_dir

log = logging.getLogger(__name__)

FORMAT = "talentdesk-vault"
SCHEMA_VERSION = 1
MIN_PASSPHRASE_CHARS = 8
#: The sealed record that lists the bookings whose customer data was shredded.
SHREDDED_KIND, SHREDDED_ID = "shredded", "bookings"
#: How many shredded bookings are remembered (the oldest are forgotten first): about a
#: year of a busy talent's bookings, a few tens of kilobytes.
SHREDDED_KEPT = 4000

_SCHEMA_V1 = """
CREATE TABLE meta (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
CREATE TABLE records (
    kind    TEXT NOT NULL,
    id      TEXT NOT NULL,
    schema  INTEGER NOT NULL,
    key_ref TEXT,            -- NULL means the record key, else the booking whose data key
    sealed  BLOB NOT NULL,
    PRIMARY KEY (kind, id)
) STRICT;
CREATE INDEX records_key_ref ON records (key_ref) WHERE key_ref IS NOT NULL;
CREATE TABLE booking_keys (
    booking_id TEXT PRIMARY KEY,
    epoch      INTEGER NOT NULL,
    wrapped    BLOB NOT NULL
) STRICT;
"""

Migration = Callable[[sqlite3.Connection], None]
#: What a shred keeps of one customer record: ``keeper(record_id, payload)`` returns the
#: payload to keep under the record key (stripped of what must not outlive the session),
#: or None to destroy the record with the rest.
Keeper = Callable[[str, bytes], "bytes | None"]

# Schema N -> N+1 steps. Each runs inside the one transaction that also bumps
# the version, so a failed step leaves the vault exactly as it was.
MIGRATIONS: dict[int, Migration] = {}


class Protection(StrEnum):
    """How the master key is protected."""

    KEYRING = "keyring"
    PASSPHRASE = "passphrase"  # noqa: S105 - the name of a mode, not a secret


class VaultInfo(msgspec.Struct, frozen=True):
    """What can be read from a vault file without any key."""

    path: Path
    vault_id: str
    protection: Protection
    schema_version: int
    epoch: int


class IntegrityProblem(msgspec.Struct, frozen=True):
    """A record that failed its check."""

    kind: str
    record_id: str
    reason: str

    @property
    def name(self) -> str:
        """How the record is named to the talent and in logs: kind and id, no content."""
        return f"{self.kind} {self.record_id!r}"


class Listing(msgspec.Struct):
    """Every readable row of a kind, and a named problem for each unreadable one."""

    rows: dict[str, bytes] = msgspec.field(default_factory=dict)
    problems: list[IntegrityProblem] = msgspec.field(default_factory=list)


def _master_name() -> str:
    return "master"


def _epoch_name(epoch: int) -> str:
    return f"epoch-{epoch}"


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30.0)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA secure_delete=ON")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise VaultFormatError(f"not a TalentDesk vault: {exc}") from exc
    return conn


def _read_meta(conn: sqlite3.Connection) -> dict[str, str]:
    try:
        return dict(conn.execute("SELECT name, value FROM meta").fetchall())
    except sqlite3.DatabaseError as exc:
        raise VaultFormatError(f"not a TalentDesk vault: {exc}") from exc


def _info_from_meta(path: Path, meta: Mapping[str, str]) -> VaultInfo:
    if meta.get("format") != FORMAT:
        raise VaultFormatError("not a TalentDesk vault (format marker missing)")
    try:
        version = int(meta["schema_version"])
        epoch = int(meta["epoch"])
        protection = Protection(meta["protection"])
        vault_id = meta["vault_id"]
    except (KeyError, ValueError) as exc:
        raise VaultFormatError(f"vault metadata damaged: {exc}") from exc
    return VaultInfo(path, vault_id, protection, version, epoch)


def probe(path: Path) -> VaultInfo | None:
    """Read a vault's plain metadata; None when there is no vault file."""
    if not path.exists():
        return None
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return _info_from_meta(path, _read_meta(conn))
    except sqlite3.DatabaseError as exc:
        raise VaultFormatError(f"not a TalentDesk vault: {exc}") from exc
    finally:
        conn.close()


class Vault:
    """An open (unlocked) vault. Thread-safe: one connection behind a lock.

    Use :meth:`create` or :meth:`open`; :meth:`close` locks it again and
    forgets every key held in memory.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        info: VaultInfo,
        master_key: bytes,
        secrets: SecretStore | None,
    ) -> None:
        self._conn: sqlite3.Connection | None = conn
        self._info = info
        self._record_key = crypto.derive_subkey(master_key, "records")
        self._epoch_seal_key = crypto.derive_subkey(master_key, "epoch-seal")
        self._secrets = secrets
        self._lock = threading.RLock()
        self._txn_depth = 0
        self._after_commit: list[Callable[[], None]] = []
        self._generations: dict[str, int] = {}
        self._data_keys: dict[str, bytes] = {}
        self._shredded: list[str] | None = None  # read on first use
        self._savepoints = 0
        self._epoch = info.epoch
        self._epoch_key: bytes | None = None
        self._epoch_problem: str | None = None
        self._rollbacks = 0
        self._keepers: dict[str, Keeper] = {}
        self._guarded = False
        self._guarded_booking: str | None = None
        self._load_epoch_key()

    # ------------------------------------------------------------------ create / open

    @classmethod
    def create(
        cls,
        path: Path,
        *,
        passphrase: str | None = None,
        secrets: SecretStore | None = None,
        kdf: crypto.KdfParams | None = None,
    ) -> Vault:
        """Create a new vault at ``path``.

        Args:
            path: the vault file; its folder is created 0700.
            passphrase: when given, the master key is wrapped by it (no keyring needed);
                when None, the master key goes into the OS keyring.
            secrets: the keyring to use (defaults to the OS keyring); ignored with a passphrase.
            kdf: Argon2id parameters (defaults to 64 MiB, 3 passes, 4 lanes).

        Raises:
            VaultExists: a vault is already there.
            KeyringUnavailable: no passphrase given and no keyring reachable.
            WeakPassphrase: the passphrase is shorter than 8 characters.
        """
        if path.exists() and path.stat().st_size > 0:
            raise VaultExists(str(path))
        if passphrase is not None and len(passphrase) < MIN_PASSPHRASE_CHARS:
            raise WeakPassphrase(f"at least {MIN_PASSPHRASE_CHARS} characters")
        vault_id = crypto.new_key()[:16].hex()
        protection = Protection.PASSPHRASE if passphrase is not None else Protection.KEYRING
        store: SecretStore | None = None
        if protection is Protection.KEYRING:
            store = secrets if secrets is not None else KeyringSecretStore(f"vault-{vault_id}")
        master = crypto.new_key()
        epoch_key = crypto.new_key()
        meta: dict[str, str] = {
            "format": FORMAT,
            "schema_version": str(SCHEMA_VERSION),
            "vault_id": vault_id,
            "protection": protection.value,
            "epoch": "1",
        }
        if passphrase is not None:
            params = kdf or crypto.KdfParams.fresh()
            kek = crypto.derive_kek(passphrase, params)
            meta["kdf"] = json.dumps(params.to_json())
            meta["wrapped_master"] = crypto.seal(kek, master, _master_aad(vault_id)).hex()
        record_key = crypto.derive_subkey(master, "records")
        meta["key_check"] = crypto.seal(record_key, b"talentdesk", _check_aad(vault_id)).hex()
        if protection is Protection.PASSPHRASE:
            seal_key = crypto.derive_subkey(master, "epoch-seal")
            meta["sealed_epoch"] = crypto.seal(seal_key, epoch_key, _epoch_aad(vault_id, 1)).hex()

        ensure_private_dir(path.parent)
        if store is not None:
            # Keys first: a vault file must never exist whose keys were not stored.
            store.set(_master_name(), master)
            store.set(_epoch_name(1), epoch_key)
        if not path.exists():
            create_private_file(path)
        conn = _connect(path)
        try:
            conn.execute("BEGIN IMMEDIATE")
            for statement in _SCHEMA_V1.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.executemany("INSERT INTO meta (name, value) VALUES (?, ?)", meta.items())
            conn.execute("COMMIT")
        except BaseException:
            conn.close()
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            raise
        fsync_dir(path.parent)
        info = _info_from_meta(path, meta)
        log.info("created vault %s (%s)", vault_id, protection.value)
        return cls(conn, info, master, store)

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        passphrase: str | None = None,
        secrets: SecretStore | None = None,
    ) -> Vault:
        """Open (unlock) an existing vault, migrating its schema if it is older.

        Raises:
            VaultNotFound: nothing at ``path``.
            VaultFormatError: not a vault, or its metadata is damaged.
            VaultTooNew: written by a newer TalentDesk.
            WrongPassphrase: passphrase mode, and the passphrase is wrong (or missing).
            KeyringUnavailable / MasterKeyMissing: keyring mode, and the key can't be had.
        """
        if not path.exists():
            raise VaultNotFound(str(path))
        conn = _connect(path)
        try:
            meta = _read_meta(conn)
            info = _info_from_meta(path, meta)
            if info.schema_version > SCHEMA_VERSION:
                raise VaultTooNew(info.schema_version, SCHEMA_VERSION)
            store: SecretStore | None = None
            if info.protection is Protection.PASSPHRASE:
                master = _unwrap_with_passphrase(meta, info.vault_id, passphrase)
            else:
                store = (
                    secrets if secrets is not None else KeyringSecretStore(f"vault-{info.vault_id}")
                )
                found = store.get(_master_name())
                if found is None:
                    raise MasterKeyMissing(
                        f"the keyring ({store.description}) holds no key for this vault"
                    )
                master = found
            _verify_key_check(meta, info.vault_id, master)
            if info.schema_version < SCHEMA_VERSION:
                migrate(conn, info.schema_version, SCHEMA_VERSION, MIGRATIONS)
                info = _info_from_meta(path, _read_meta(conn))
        except BaseException:
            conn.close()
            raise
        return cls(conn, info, master, store)

    # ------------------------------------------------------------------ properties

    @property
    def info(self) -> VaultInfo:
        return self._info

    @property
    def path(self) -> Path:
        return self._info.path

    @property
    def protection(self) -> Protection:
        return self._info.protection

    @property
    def strong_shredding(self) -> bool:
        """True when a shred makes old copies undecryptable (epoch key outside the file)."""
        return self._info.protection is Protection.KEYRING

    @property
    def epoch(self) -> int:
        return self._epoch

    @property
    def keyring_description(self) -> str | None:
        return self._secrets.description if self._secrets is not None else None

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def close(self) -> None:
        """Lock: close the file and drop every key held in memory."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            self._data_keys.clear()
            self._shredded = None
            self._record_key = b""
            self._epoch_seal_key = b""
            self._epoch_key = None
            self._guarded, self._guarded_booking = False, None

    # ------------------------------------------------------------------ transactions

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise VaultLocked("the vault is locked")
        return self._conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Vault]:
        """Group writes: all of them are durable together, or none is.

        Nested use joins the outer transaction. Other threads wait meanwhile.
        """
        with self._lock:
            db = self._db()
            if self._txn_depth:
                self._txn_depth += 1
                try:
                    yield self
                finally:
                    self._txn_depth -= 1
                return
            db.execute("BEGIN IMMEDIATE")
            self._txn_depth = 1
            try:
                yield self
            except BaseException:
                self._txn_depth = 0
                self._after_commit.clear()
                db.execute("ROLLBACK")
                self._rollbacks += 1
                # Keys cached during the failed transaction may not exist on disk.
                self._data_keys.clear()
                raise
            self._txn_depth = 0
            db.execute("COMMIT")
            callbacks, self._after_commit = self._after_commit, []
        # Outside the lock: a callback may wake a thread that reads the vault at once.
        for callback in callbacks:
            callback()

    @contextlib.contextmanager
    def serialized(self) -> Iterator[Vault]:
        """Hold the vault's lock without a transaction: no other thread reads or writes
        meanwhile (for an in-memory index that must agree with :meth:`generation`)."""
        with self._lock:
            self._db()
            yield self

    def generation(self, kind: str) -> int:
        """A number that changes whenever this process writes a record of ``kind``.

        For caches of decrypted records (the reply list searched on every keystroke):
        they reload when it moves. Writes by other processes are not seen.
        """
        with self._lock:
            return self._generations.get(kind, 0)

    def _bump(self, kind: str) -> None:
        self._generations[kind] = self._generations.get(kind, 0) + 1

    @property
    def rollbacks(self) -> int:
        """How many transactions rolled back so far: an in-memory index of records made
        inside one is rebuilt when this moves (see :meth:`generation`)."""
        with self._lock:
            return self._rollbacks

    def after_commit(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the current transaction commits (now, if there is none).

        Dropped if the transaction rolls back: listeners only hear of durable changes.
        """
        with self._lock:
            if self._txn_depth:
                self._after_commit.append(callback)
                return
        callback()

    @contextlib.contextmanager
    def savepoint(self) -> Iterator[None]:
        """Undo what the block wrote, and only that, if it raises; inside a transaction.

        For one step of a bigger transaction that may fail on its own (one feed event of
        a page): its writes and its after-commit callbacks go, the rest stays.

        Raises:
            RuntimeError: outside a transaction.
        """
        with self._lock:
            if not self._txn_depth:
                raise RuntimeError("savepoint() must run inside a transaction")
            db = self._db()
            self._savepoints += 1
            name = f"step{self._savepoints}"
            callbacks = len(self._after_commit)
            db.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                db.execute(f"ROLLBACK TO {name}")
                db.execute(f"RELEASE {name}")
                del self._after_commit[callbacks:]
                # Keys cached inside the step may not exist on disk any more.
                self._data_keys.clear()
                raise
            finally:
                self._savepoints -= 1
            db.execute(f"RELEASE {name}")

    # ------------------------------------------------------------------ ordinary records

    def put(self, kind: str, record_id: str, payload: bytes) -> None:
        """Store (insert or replace) one record, sealed by the record key."""
        _check_name(kind, record_id)
        with self.transaction():
            sealed = crypto.seal(
                self._record_key, payload, self._aad(kind, record_id, SCHEMA_VERSION)
            )
            self._db().execute(
                "INSERT OR REPLACE INTO records (kind, id, schema, key_ref, sealed) "
                "VALUES (?, ?, ?, NULL, ?)",
                (kind, record_id, SCHEMA_VERSION, sealed),
            )
            self._bump(kind)

    def update(self, kind: str, record_id: str, payload: bytes) -> bool:
        """Replace an existing record, sealed under the key it is sealed with now.

        For records that move on (an outbox item delivered, a report ticketed) while they
        may be sealed under a live session's data key: the change keeps them there, and
        a record destroyed meanwhile (shredded with its session) is not written again.

        Returns:
            Whether the record existed (and was replaced).
        """
        _check_name(kind, record_id)
        with self.transaction():
            row = (
                self._db()
                .execute("SELECT key_ref FROM records WHERE kind=? AND id=?", (kind, record_id))
                .fetchone()
            )
            if row is None:
                return False
            key_ref: str | None = row[0]
            key = self._record_key if key_ref is None else self._data_key(key_ref, create=False)
            sealed = crypto.seal(key, payload, self._aad(kind, record_id, SCHEMA_VERSION))
            self._db().execute(
                "UPDATE records SET schema=?, sealed=? WHERE kind=? AND id=?",
                (SCHEMA_VERSION, sealed, kind, record_id),
            )
            self._bump(kind)
            return True

    def get(self, kind: str, record_id: str) -> bytes | None:
        """One record's payload, None if absent.

        Raises:
            RecordIntegrityError: the row exists but fails authentication.
            VaultLocked: the vault is guarded and the row is another booking's customer data.
        """
        with self._lock:
            row = (
                self._db()
                .execute(
                    "SELECT kind, id, schema, key_ref, sealed FROM records WHERE kind=? AND id=?",
                    (kind, record_id),
                )
                .fetchone()
            )
            if row is None:
                return None
            return self._open_row(*row)

    def delete(self, kind: str, record_id: str) -> bool:
        """Delete one record; returns whether it existed."""
        with self.transaction():
            cur = self._db().execute("DELETE FROM records WHERE kind=? AND id=?", (kind, record_id))
            self._bump(kind)
            return cur.rowcount > 0

    def read_all(self, kind: str) -> Listing:
        """Every record of ``kind``: readable ones, and a named problem for each damaged one."""
        out = Listing()
        with self._lock:
            rows = (
                self._db()
                .execute(
                    "SELECT kind, id, schema, key_ref, sealed FROM records WHERE kind=? "
                    "ORDER BY id",
                    (kind,),
                )
                .fetchall()
            )
            for row in rows:
                try:
                    out.rows[row[1]] = self._open_row(*row)
                except RecordIntegrityError as exc:
                    out.problems.append(IntegrityProblem(exc.kind, exc.record_id, exc.reason))
                except VaultLocked:
                    out.problems.append(IntegrityProblem(row[0], row[1], "locked"))
        return out

    def ids(self, kind: str) -> list[str]:
        """The ids of every record of ``kind`` (no decryption)."""
        with self._lock:
            return [
                r[0]
                for r in self._db().execute(
                    "SELECT id FROM records WHERE kind=? ORDER BY id", (kind,)
                )
            ]

    def counts(self) -> dict[str, int]:
        """Number of records of each kind."""
        with self._lock:
            return dict(
                self._db().execute("SELECT kind, count(*) FROM records GROUP BY kind").fetchall()
            )

    # ------------------------------------------------------------------ customer records

    def put_customer(self, booking_id: str, kind: str, record_id: str, payload: bytes) -> None:
        """Store a customer record, sealed by ``booking_id``'s own data key.

        The key is created on first use. :meth:`shred_booking` destroys it.

        Raises:
            CustomerDataShredded: the booking's customer data was shredded before; it
                never comes back.
        """
        _check_name(kind, record_id)
        _check_name("booking", booking_id)
        with self.transaction():
            if booking_id in self.shredded_bookings():
                raise CustomerDataShredded(booking_id)
            key = self._data_key(booking_id, create=True)
            sealed = crypto.seal(key, payload, self._aad(kind, record_id, SCHEMA_VERSION))
            self._db().execute(
                "INSERT OR REPLACE INTO records (kind, id, schema, key_ref, sealed) "
                "VALUES (?, ?, ?, ?, ?)",
                (kind, record_id, SCHEMA_VERSION, booking_id, sealed),
            )
            self._bump(kind)

    def shredded_bookings(self) -> frozenset[str]:
        """The bookings whose customer data was shredded (the newest :data:`SHREDDED_KEPT`).

        A damaged list counts as empty (it is reported by the integrity check, and
        rewritten at the next shred); the bookings' own states still guard them.
        """
        with self._lock:
            if self._shredded is None:
                try:
                    payload = self.get(SHREDDED_KIND, SHREDDED_ID)
                    self._shredded = [] if payload is None else list(json.loads(payload))
                except (RecordIntegrityError, ValueError, TypeError):
                    log.warning("the list of shredded bookings is damaged; starting it again")
                    self._shredded = []
            return frozenset(self._shredded)

    def put_typed(self, booking_id: str | None, kind: str, record_id: str, payload: bytes) -> None:
        """Store what the talent typed about a booking (a note, a report, their outbox items).

        Sealed under the booking's data key while the booking still has one (its session
        is live or about to be), so the shred at the session's end makes every older copy
        undecryptable; otherwise (about no booking, or typed after the session) under the
        record key. A keeper registered for ``kind`` (:meth:`keep_on_shred`) decides what
        of it survives the shred.
        """
        with self.transaction():
            if booking_id is not None and self.has_customer_data(booking_id):
                self.put_customer(booking_id, kind, record_id, payload)
            else:
                self.put(kind, record_id, payload)

    def keep_on_shred(self, kind: str, keeper: Keeper) -> None:
        """Let :meth:`shred_booking` keep part of the booking's records of ``kind``.

        The keeper gets each record's id and payload inside the shred's transaction and
        returns what to keep, sealed under the record key from then on, or None.
        """
        with self._lock:
            self._keepers[kind] = keeper

    def has_customer_data(self, booking_id: str) -> bool:
        """Whether ``booking_id`` has a data key (customer records may be sealed under it)."""
        with self._lock:
            row = (
                self._db()
                .execute("SELECT 1 FROM booking_keys WHERE booking_id=?", (booking_id,))
                .fetchone()
            )
            return row is not None

    def sealed_for(self, kind: str, record_id: str) -> str | None:
        """The booking whose data key seals a record; None for the record key or no record."""
        with self._lock:
            row = (
                self._db()
                .execute("SELECT key_ref FROM records WHERE kind=? AND id=?", (kind, record_id))
                .fetchone()
            )
            return None if row is None else row[0]

    def customer_bookings(self) -> list[str]:
        """The bookings that still hold customer data."""
        with self._lock:
            return [r[0] for r in self._db().execute("SELECT booking_id FROM booking_keys")]

    # ------------------------------------------------------------------ guarded (locked)

    @property
    def guarded(self) -> bool:
        """Locked while a session is live or an escalation is open (see :meth:`guard`)."""
        return self._guarded

    @property
    def guarded_booking(self) -> str | None:
        """The booking whose data key a guarded vault keeps, if any."""
        return self._guarded_booking

    def guard(self, booking_id: str | None) -> None:
        """Lock the data but not the safety net: what a lock during a live session keeps.

        Kept in memory: the record key (an escalation, its outbox item, the feed's cursor,
        acknowledgements), the epoch key (the feed may write a newly pushed booking's
        customer fields under a fresh data key), and the data key of ``booking_id`` (the
        live session: its pace counts). Dropped: the epoch-seal key and every other
        booking's data key. While guarded, no other booking's customer record can be
        read (:class:`VaultLocked`), and nothing is shredded (a shred rotates keys in the
        keyring: it waits for :meth:`unguard`). See docs/architecture.md, "The lock".
        """
        with self._lock:
            kept: bytes | None = None
            if booking_id is not None and self.has_customer_data(booking_id):
                kept = self._data_key(booking_id, create=False)
            self._data_keys.clear()
            if booking_id is not None and kept is not None:
                self._data_keys[booking_id] = kept
            self._epoch_seal_key = b""
            self._guarded, self._guarded_booking = True, booking_id
        log.info("vault guarded (locked with a live session or an open escalation)")

    def unguard(self, opened: Vault) -> None:
        """Unlock a guarded vault with the keys of ``opened``, a fresh open of the same file
        (the talent's passphrase or keyring proved it). ``opened`` is closed.

        Raises:
            VaultError: ``opened`` is another vault.
        """
        try:
            if opened.info.vault_id != self._info.vault_id:
                raise VaultError("another vault was unlocked")
            with self._lock:
                self._db()
                self._epoch_seal_key = opened._epoch_seal_key
                self._guarded, self._guarded_booking = False, None
        finally:
            opened.close()
        log.info("vault unlocked again")

    def shred_booking(self, booking_id: str) -> int:
        """Destroy every customer record of one booking, and its data key.

        The booking is remembered as shredded (:meth:`shredded_bookings`), in the same
        transaction, so its customer data is never stored again.

        Then rotate the epoch key: every remaining data key is re-wrapped under a
        fresh epoch key and the old one is deleted, so a copy of the vault taken
        before the shred cannot yield this booking's data with any key that still
        exists (with a keyring; in passphrase mode the old sealed epoch key may
        survive in free disk blocks, which the talent is told).

        Returns:
            How many customer records were destroyed.
        """
        with self._lock:
            if self._txn_depth:
                # The keyring changes around the commit cannot be rolled back with an
                # outer transaction: shred only after the caller's transaction committed.
                raise RuntimeError("shred_booking() must not run inside a transaction")
            if self._guarded:
                raise VaultLocked("shredding waits until the vault is unlocked")
            self._db()
            epoch_key = self._require_epoch_key()
            old_epoch, new_epoch = self._epoch, self._epoch + 1
            new_key = crypto.new_key()
            self.shredded_bookings()  # read the list (oldest first) if not yet
            kept = [b for b in self._shredded or () if b != booking_id]
            shredded = [*kept, booking_id][-SHREDDED_KEPT:]
            if self._secrets is not None:
                # Stored before the commit, so that a crash never leaves wrapped keys
                # whose epoch key is nowhere; a leftover is removed on next open.
                self._secrets.set(_epoch_name(new_epoch), new_key)
            try:
                with self.transaction():
                    removed = self._shred_rows(booking_id, epoch_key, new_epoch, new_key)
                    self.put(SHREDDED_KIND, SHREDDED_ID, json.dumps(shredded).encode())
            except BaseException:
                if self._secrets is not None:
                    self._secrets.delete(_epoch_name(new_epoch))
                raise
            self._epoch, self._epoch_key = new_epoch, new_key
            self._data_keys.pop(booking_id, None)
            self._shredded = shredded
            if self._secrets is not None:
                self._secrets.delete(_epoch_name(old_epoch))
            # Push freed pages through the WAL into the (secure_delete) main file and
            # truncate the WAL, so the shredded rows are not left readable in it.
            self.checkpoint()
            log.info("shredded customer data of booking %s (epoch %d)", booking_id, new_epoch)
            return removed

    def _shred_rows(self, booking_id: str, epoch_key: bytes, new_epoch: int, new_key: bytes) -> int:
        """The shred's transaction: keep what the keepers keep, delete the rest, re-wrap."""
        db = self._db()
        kept = self._kept_on_shred(booking_id)
        kinds = [
            r[0]
            for r in db.execute("SELECT DISTINCT kind FROM records WHERE key_ref=?", (booking_id,))
        ]
        removed = db.execute("DELETE FROM records WHERE key_ref=?", (booking_id,)).rowcount
        for kind, record_id, payload in kept:
            self.put(kind, record_id, payload)
        for kind in kinds:
            self._bump(kind)
        db.execute("DELETE FROM booking_keys WHERE booking_id=?", (booking_id,))
        rewrapped = []
        for other_id, epoch, wrapped in db.execute(
            "SELECT booking_id, epoch, wrapped FROM booking_keys"
        ).fetchall():
            try:
                data_key = crypto.open_sealed(
                    epoch_key, wrapped, self._booking_key_aad(other_id, epoch)
                )
            except crypto.InvalidTag:
                # Leave a damaged key as it is: it stays reported, never silently lost.
                log.warning("booking key %s failed authentication", other_id)
                continue
            rewrapped.append(
                (
                    new_epoch,
                    crypto.seal(new_key, data_key, self._booking_key_aad(other_id, new_epoch)),
                    other_id,
                )
            )
        db.executemany("UPDATE booking_keys SET epoch=?, wrapped=? WHERE booking_id=?", rewrapped)
        db.execute("UPDATE meta SET value=? WHERE name='epoch'", (str(new_epoch),))
        if self._secrets is None:
            sealed_epoch = crypto.seal(
                self._epoch_seal_key, new_key, _epoch_aad(self._info.vault_id, new_epoch)
            )
            db.execute("UPDATE meta SET value=? WHERE name='sealed_epoch'", (sealed_epoch.hex(),))
        return int(removed) - len(kept)

    def _kept_on_shred(self, booking_id: str) -> list[tuple[str, str, bytes]]:
        """What the keepers keep of a booking's records, as (kind, id, payload to keep)."""
        kept: list[tuple[str, str, bytes]] = []
        if not self._keepers:
            return kept
        rows = (
            self._db()
            .execute(
                "SELECT kind, id, schema, key_ref, sealed FROM records WHERE key_ref=? "
                "ORDER BY kind, id",
                (booking_id,),
            )
            .fetchall()
        )
        for row in rows:
            if row[0] not in self._keepers:
                continue
            try:
                payload = self._open_row(*row)
            except RecordIntegrityError:
                log.warning("%s %r failed authentication; shredded with its booking", *row[:2])
                continue
            keep = self._keepers[row[0]](row[1], payload)
            if keep is not None:
                kept.append((row[0], row[1], keep))
        return kept

    def checkpoint(self) -> None:
        """Move the WAL into the main file and truncate it.

        After deleting or overwriting sensitive text, so the old pages do not linger in
        the WAL (the main file zeroes freed pages itself: secure_delete is on).
        """
        with self._lock:
            if self._txn_depth:
                raise RuntimeError("checkpoint() must not run inside a transaction")
            self._db().execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # ------------------------------------------------------------------ small secrets

    def put_secret(self, name: str, value: bytes) -> None:
        """Keep a secret (the agency device token): in the keyring where there is one,
        otherwise sealed in the vault like any record."""
        if self._secrets is not None:
            self._secrets.set(f"secret-{name}", value)
            self.delete("secret", name)
        else:
            self.put("secret", name, value)

    def get_secret(self, name: str) -> bytes | None:
        if self._secrets is not None:
            return self._secrets.get(f"secret-{name}")
        return self.get("secret", name)

    def delete_secret(self, name: str) -> None:
        if self._secrets is not None:
            self._secrets.delete(f"secret-{name}")
        self.delete("secret", name)

    # ------------------------------------------------------------------ integrity

    def integrity_check(self) -> list[IntegrityProblem]:
        """Check the SQLite structure and authenticate every record and booking key."""
        problems: list[IntegrityProblem] = []
        with self._lock:
            db = self._db()
            for (line,) in db.execute("PRAGMA quick_check").fetchall():
                if line != "ok":
                    problems.append(IntegrityProblem("file", self.path.name, str(line)))
            if self._epoch_problem is not None:
                problems.append(
                    IntegrityProblem("epoch key", str(self._epoch), self._epoch_problem)
                )
            for booking_id, epoch, wrapped in db.execute(
                "SELECT booking_id, epoch, wrapped FROM booking_keys"
            ).fetchall():
                try:
                    self._unwrap_data_key(booking_id, epoch, wrapped)
                except RecordIntegrityError as exc:
                    problems.append(IntegrityProblem("booking key", booking_id, exc.reason))
            for row in db.execute(
                "SELECT kind, id, schema, key_ref, sealed FROM records ORDER BY kind, id"
            ).fetchall():
                try:
                    self._open_row(*row)
                except RecordIntegrityError as exc:
                    problems.append(IntegrityProblem(exc.kind, exc.record_id, exc.reason))
        return problems

    # ------------------------------------------------------------------ internals

    def _aad(self, kind: str, record_id: str, schema: int) -> bytes:
        vault_id = self._info.vault_id
        return f"talentdesk/record\x00{vault_id}\x00{kind}\x00{record_id}\x00{schema}".encode()

    def _booking_key_aad(self, booking_id: str, epoch: int) -> bytes:
        return (
            f"talentdesk/booking-key\x00{self._info.vault_id}\x00{booking_id}\x00{epoch}".encode()
        )

    def _open_row(
        self, kind: str, record_id: str, schema: int, key_ref: str | None, sealed: bytes
    ) -> bytes:
        if key_ref is None:
            key = self._record_key
        else:
            if self._guarded and key_ref != self._guarded_booking:
                raise VaultLocked("another booking's customer data is locked")
            try:
                key = self._data_key(key_ref, create=False)
            except RecordIntegrityError as exc:
                raise RecordIntegrityError(kind, record_id, exc.reason) from exc
        try:
            return crypto.open_sealed(key, bytes(sealed), self._aad(kind, record_id, schema))
        except crypto.InvalidTag:
            raise RecordIntegrityError(
                kind, record_id, "failed authentication (damaged or tampered)"
            ) from None

    def _require_epoch_key(self) -> bytes:
        if self._epoch_key is None:
            raise VaultError(f"epoch key unavailable: {self._epoch_problem}")
        return self._epoch_key

    def _data_key(self, booking_id: str, *, create: bool) -> bytes:
        cached = self._data_keys.get(booking_id)
        if cached is not None:
            return cached
        row = (
            self._db()
            .execute("SELECT epoch, wrapped FROM booking_keys WHERE booking_id=?", (booking_id,))
            .fetchone()
        )
        if row is None:
            if not create:
                raise RecordIntegrityError("booking key", booking_id, "data key missing")
            epoch_key = self._require_epoch_key()
            key = crypto.new_key()
            self._db().execute(
                "INSERT INTO booking_keys (booking_id, epoch, wrapped) VALUES (?, ?, ?)",
                (
                    booking_id,
                    self._epoch,
                    crypto.seal(epoch_key, key, self._booking_key_aad(booking_id, self._epoch)),
                ),
            )
        else:
            key = self._unwrap_data_key(booking_id, row[0], row[1])
        if not self._guarded or booking_id == self._guarded_booking:
            self._data_keys[booking_id] = key  # a guarded vault keeps only the live one
        return key

    def _unwrap_data_key(self, booking_id: str, epoch: int, wrapped: bytes) -> bytes:
        if self._epoch_key is None:
            raise RecordIntegrityError(
                "booking key", booking_id, f"epoch key unavailable: {self._epoch_problem}"
            )
        if epoch > self._epoch:
            # Another process (a writer the test harness runs, a doctor run) shredded
            # since we opened: follow it to the current epoch.
            self._refresh_epoch()
        if epoch != self._epoch or self._epoch_key is None:
            raise RecordIntegrityError(
                "booking key", booking_id, f"wrapped under epoch {epoch}, current is {self._epoch}"
            )
        try:
            return crypto.open_sealed(
                self._epoch_key, bytes(wrapped), self._booking_key_aad(booking_id, epoch)
            )
        except crypto.InvalidTag:
            raise RecordIntegrityError(
                "booking key", booking_id, "failed authentication (damaged or tampered)"
            ) from None

    def _refresh_epoch(self) -> None:
        meta = _read_meta(self._db())
        self._epoch = int(meta["epoch"])
        self._epoch_key, self._epoch_problem = None, None
        self._data_keys.clear()
        self._load_epoch_key(tidy=False)

    def _load_epoch_key(self, *, tidy: bool = True) -> None:
        """Fetch the current epoch key and tidy what an interrupted shred left behind."""
        vault_id, epoch = self._info.vault_id, self._epoch
        if self._secrets is None:
            meta = _read_meta(self._db())
            try:
                self._epoch_key = crypto.open_sealed(
                    self._epoch_seal_key,
                    bytes.fromhex(meta["sealed_epoch"]),
                    _epoch_aad(vault_id, epoch),
                )
            except (KeyError, ValueError, crypto.InvalidTag):
                self._epoch_problem = "sealed epoch key damaged"
            return
        key = self._secrets.get(_epoch_name(epoch))
        if key is None:
            self._epoch_problem = "the keyring holds no epoch key for this vault"
            log.warning("epoch key %d missing from the keyring", epoch)
        else:
            self._epoch_key = key
        if not tidy:
            return
        # A crash inside shred_booking leaves the next key (before commit) or the
        # previous one (after commit); neither may linger.
        self._secrets.delete(_epoch_name(epoch + 1))
        if epoch > 1:
            self._secrets.delete(_epoch_name(epoch - 1))


# ---------------------------------------------------------------------- module helpers


def _master_aad(vault_id: str) -> bytes:
    return f"talentdesk/master\x00{vault_id}".encode()


def _check_aad(vault_id: str) -> bytes:
    return f"talentdesk/key-check\x00{vault_id}".encode()


def _epoch_aad(vault_id: str, epoch: int) -> bytes:
    return f"talentdesk/epoch\x00{vault_id}\x00{epoch}".encode()


def _check_name(kind: str, record_id: str) -> None:
    if not kind or not record_id or "\x00" in kind or "\x00" in record_id:
        raise ValueError("record kind and id must be non-empty and contain no NUL")
    if len(record_id) > 256:
        raise ValueError("record id longer than 256 characters")


def _unwrap_with_passphrase(
    meta: Mapping[str, str], vault_id: str, passphrase: str | None
) -> bytes:
    if passphrase is None:
        raise WrongPassphrase("this vault needs its passphrase")
    try:
        params = crypto.KdfParams.from_json(json.loads(meta["kdf"]))
        wrapped = bytes.fromhex(meta["wrapped_master"])
    except (KeyError, ValueError, TypeError) as exc:
        raise VaultFormatError(f"key-derivation metadata damaged: {exc}") from exc
    kek = crypto.derive_kek(passphrase, params)
    try:
        return crypto.open_sealed(kek, wrapped, _master_aad(vault_id))
    except crypto.InvalidTag:
        raise WrongPassphrase("the passphrase is wrong") from None


def _verify_key_check(meta: Mapping[str, str], vault_id: str, master: bytes) -> None:
    try:
        sealed = bytes.fromhex(meta["key_check"])
    except (KeyError, ValueError) as exc:
        raise VaultFormatError("key check missing") from exc
    try:
        crypto.open_sealed(crypto.derive_subkey(master, "records"), sealed, _check_aad(vault_id))
    except crypto.InvalidTag:
        raise MasterKeyMissing("the key found does not open this vault") from None


def migrate(
    conn: sqlite3.Connection, found: int, target: int, steps: Mapping[int, Migration]
) -> None:
    """Bring a vault from schema ``found`` to ``target`` in one transaction.

    Raises:
        VaultFormatError: a step is missing; nothing was changed.
    """
    missing = [v for v in range(found, target) if v not in steps]
    if missing:
        raise VaultFormatError(f"no migration from schema {missing[0]}")
    conn.execute("BEGIN IMMEDIATE")
    try:
        for version in range(found, target):
            steps[version](conn)
        conn.execute("UPDATE meta SET value=? WHERE name='schema_version'", (str(target),))
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    log.info("migrated vault schema %d -> %d", found, target)


def forget_keys(info: VaultInfo, secrets: SecretStore | None = None) -> None:
    """Delete a keyring vault's keys from the keyring (used by reset, and by tests).

    Without its keys the vault file can never be opened again; delete it too.
    """
    if info.protection is not Protection.KEYRING:
        return
    store = secrets if secrets is not None else KeyringSecretStore(f"vault-{info.vault_id}")
    store.delete(_master_name())
    store.delete("secret-agency-token")
    for epoch in range(max(1, info.epoch - 1), info.epoch + 2):
        store.delete(_epoch_name(epoch))
