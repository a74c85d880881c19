"""Staff accounts of the console: passwords (Argon2id), sign-in sessions, failed sign-ins,
who is on duty, and the audit log of every staff action.

Only hashes are stored: the password's Argon2id hash (argon2-cffi's defaults, RFC 9106's
low-memory profile) and the SHA-256 of each session token, so a copy of the database
signs nobody in.
"""

from __future__ import annotations

import dataclasses
import hmac
import math
import secrets
import time
from dataclasses import dataclass
from typing import Any, Final

import argon2

from talentdesk_agency.problems import AgencyError
from talentdesk_agency.store import settings
from talentdesk_agency.store.engine import Database, Tx
from talentdesk_agency.store.records import StaffRole, iso, new_id, now_utc, sha256
from talentdesk_contract.values import Language

__all__ = [
    "ACCOUNT_DELAY",
    "ACCOUNT_FAILURE_LIMIT",
    "ADDRESS_FAILURE_LIMIT",
    "COMMAND_LINE",
    "LOGIN_FAILURE_LIMIT",
    "LOGIN_FAILURE_WINDOW",
    "LOGIN_FIRST_DELAY",
    "LOGIN_MAX_DELAY",
    "MIN_PASSWORD_LENGTH",
    "SESSION_SECONDS",
    "UNKNOWN_NAME",
    "AuditEntry",
    "Staff",
    "StaffMember",
    "StaffSession",
    "audit",
    "check_password",
    "failure_key",
    "on_duty",
]

#: Console sign-ins last this long (a night shift and then some).
SESSION_SECONDS: Final = 14 * 3600
#: Failed sign-ins count for this long (and are kept a day, for the admins to see).
LOGIN_FAILURE_WINDOW: Final = 3600.0
#: After this many failed sign-ins for one account (or unknown name) from one address,
#: that address waits before its next try: :data:`LOGIN_FIRST_DELAY`, doubling with each
#: failure up to :data:`LOGIN_MAX_DELAY`. Nobody is locked out by a name alone: another
#: address is not slowed, and an admin can unlock the account.
LOGIN_FAILURE_LIMIT: Final = 5
#: Guessing many names' passwords from one address: after this many failures of any
#: names, that address waits too (the same growing delays).
ADDRESS_FAILURE_LIMIT: Final = 20
#: Guessing one account's password from many addresses: past this many failures from
#: anywhere, every try at the account waits :data:`ACCOUNT_DELAY` after the last failure
#: (a slowdown, never a long lock-out).
ACCOUNT_FAILURE_LIMIT: Final = 50
ACCOUNT_DELAY: Final = 60.0
LOGIN_FIRST_DELAY: Final = 30.0
LOGIN_MAX_DELAY: Final = 15 * 60.0
MIN_PASSWORD_LENGTH: Final = 10
_MAX_PASSWORD_LENGTH: Final = 1024
#: Who failed to sign in, in the audit log, when no account has the name typed (the
#: console shows it as "(unknown name)"; what was typed is never kept).
UNKNOWN_NAME: Final = ""
#: Who the audit log names for an action taken with the staff command line (no account).
COMMAND_LINE: Final = "command line"

_hasher = argon2.PasswordHasher()  # Argon2id
#: Verified against when the name is unknown, so both cases take as long.
_DUMMY_HASH: Final = _hasher.hash(secrets.token_hex(16))
#: Failed sign-ins with a name no account has are counted per name, as an account's are,
#: so the throttle answers alike whether a name exists or not. They are counted under a
#: keyed digest of the name typed, cut to this many hex digits: people type their password
#: into the name field, and 16 bits tell next to nothing of it, while two names rarely
#: share a count (and then only slow a guesser sooner). The key is random per database
#: (a setting), so nobody can pick names that share a count.
_UNKNOWN_DIGITS: Final = 4
_NAME_KEY_SETTING: Final = "login_name_key"


@dataclass(frozen=True, slots=True)
class StaffMember:
    """A staff account (never its password hash)."""

    id: str
    name: str
    role: StaffRole
    disabled: bool
    on_duty: bool
    language: Language
    created_at: str
    #: Failed sign-ins within :data:`LOGIN_FAILURE_WINDOW` (filled by
    #: :meth:`Staff.members`, for the admins' unlock; 0 elsewhere).
    failed_sign_ins: int = 0

    @property
    def is_admin(self) -> bool:
        """Admins manage talents, devices, bookings, configuration and staff too."""
        return self.role is StaffRole.ADMIN


@dataclass(frozen=True, slots=True)
class StaffSession:
    """A signed-in console session."""

    member: StaffMember
    csrf: str
    expires_at: float


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One staff action: who, what, when."""

    seq: int
    at: str
    staff_name: str
    action: str
    target: str | None
    detail: str | None


_MEMBERS = "SELECT id, name, role, disabled, on_duty, language, created_at FROM staff"


def _member(row: tuple[Any, ...]) -> StaffMember:
    return StaffMember(
        id=str(row[0]),
        name=str(row[1]),
        role=StaffRole(row[2]),
        disabled=bool(row[3]),
        on_duty=bool(row[4]),
        language=Language(row[5]),
        created_at=str(row[6]),
    )


def audit(
    tx: Tx,
    member: StaffMember | None,
    action: str,
    target: str | None = None,
    detail: str | None = None,
    *,
    name: str | None = None,
) -> None:
    """Record a staff action in the audit log (inside the action's own write)."""
    tx.execute(
        "INSERT INTO audit_log(at, staff_id, staff_name, action, target, detail) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            iso(now_utc()),
            member.id if member else None,
            member.name if member else ("?" if name is None else name),
            action,
            target,
            None if detail is None else detail[:500],
        ),
    )


def on_duty(tx: Tx) -> list[StaffMember]:
    """Staff on duty now (inside a transaction of the caller's)."""
    rows = tx.all(_MEMBERS + " WHERE on_duty = 1 AND disabled = 0 ORDER BY name")
    return [_member(r) for r in rows]


def check_password(password: str) -> None:
    """Refuse passwords too short, too long or blank (only spaces) to be sensible.

    Raises:
        AgencyError: With what is wrong.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AgencyError(
            f"the password must be at least {MIN_PASSWORD_LENGTH} characters long",
            code="password_short",
            limit=MIN_PASSWORD_LENGTH,
        )
    if not password.strip():
        raise AgencyError("the password must not be only spaces", code="password_blank")
    if len(password) > _MAX_PASSWORD_LENGTH:
        raise AgencyError(
            f"the password must be at most {_MAX_PASSWORD_LENGTH} characters long",
            code="password_long",
            limit=_MAX_PASSWORD_LENGTH,
        )


def _growing(counted: tuple[Any, ...] | None, free: int) -> float:
    """The delay after ``counted`` failures: none for the first ``free``, then doubling."""
    failures = 0 if counted is None else int(counted[0])
    if failures < free:
        return 0.0
    return float(min(LOGIN_MAX_DELAY, LOGIN_FIRST_DELAY * 2.0 ** min(failures - free, 20)))


def _waited(counted: tuple[Any, ...] | None, delay: float, now: float) -> int:
    """Whole seconds left of ``delay`` after the last counted failure."""
    if not delay or counted is None or counted[1] is None:
        return 0
    return max(0, math.ceil(float(counted[1]) + delay - now))


def _name_key(tx: Tx, *, create: bool) -> bytes | None:
    """The database's key for unknown names' digests (made by the first failure)."""
    stored = settings.get(tx, _NAME_KEY_SETTING)
    if stored is None and create:
        # Two processes may make one at once: the first one written is everyone's.
        tx.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING",
            (_NAME_KEY_SETTING, secrets.token_hex(32)),
        )
        stored = settings.get(tx, _NAME_KEY_SETTING)
    return None if stored is None else bytes.fromhex(stored)


def failure_key(tx: Tx, name: str, *, create: bool = False) -> str:
    """What failed sign-ins with ``name`` are counted under: the account's id, or for a
    name no account has, ``?`` and its digest (see :data:`_UNKNOWN_DIGITS`); ``create``
    (inside a write) makes the database's key if there is none yet."""
    name = name.strip()
    row = tx.one("SELECT id FROM staff WHERE name = ?", (name,))
    # Read whether it is needed or not: both kinds of name cost the same queries.
    key = _name_key(tx, create=create)
    if row is not None:
        return str(row[0])
    if key is None:
        return "?"  # no unknown name has failed yet: a count of nothing
    digest = hmac.new(key, name.encode("utf-8", "replace"), "sha256").hexdigest()
    return "?" + digest[:_UNKNOWN_DIGITS]


def _staff_id(tx: Tx, name: str) -> str:
    """The id of the account named ``name``, locked for the rest of the write.

    Raises:
        AgencyError: If there is no such account.
    """
    row = tx.one_locked("SELECT id FROM staff WHERE name = ?", (name,))
    if row is None:
        raise AgencyError(f"no staff account named {name!r}", code="no_staff", name=name)
    return str(row[0])


class Staff:
    """Staff accounts, their sessions and the audit log."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # --- accounts ---------------------------------------------------------------------

    def add(
        self,
        name: str,
        role: StaffRole,
        password: str,
        *,
        by: StaffMember | None = None,
        language: Language = Language.ID,
    ) -> StaffMember:
        """Add a staff account.

        Raises:
            AgencyError: If the name is taken or invalid, or the password unfit.
        """
        name = name.strip()
        if not 1 <= len(name) <= 80:
            raise AgencyError(
                "the staff name must be 1 to 80 characters long", code="staff_name_length"
            )
        check_password(password)
        digest = _hasher.hash(password)
        staff_id = new_id("stf")
        with self._db.write() as tx:
            added = tx.run(
                "INSERT INTO staff(id, name, role, password_hash, on_duty, language, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (staff_id, name, role, digest, 0, language, iso(now_utc())),
            )
            if not added:
                raise AgencyError(
                    f"there is already a staff account named {name!r}",
                    code="staff_name_taken",
                    name=name,
                )
            audit(tx, by, "staff.add", name, role, name=COMMAND_LINE)
            row = tx.one(_MEMBERS + " WHERE id = ?", (staff_id,))
        assert row is not None
        return _member(row)

    def members(self) -> list[StaffMember]:
        """Every staff account, by name, with its recent failed sign-ins."""
        with self._db.read() as tx:
            rows = tx.all(_MEMBERS + " ORDER BY name")
            failed = dict(
                tx.all(
                    "SELECT staff_id, count(*) FROM login_failures WHERE at > ? GROUP BY staff_id",
                    (time.time() - LOGIN_FAILURE_WINDOW,),
                )
            )
        return [
            dataclasses.replace(_member(r), failed_sign_ins=int(failed.get(r[0], 0))) for r in rows
        ]

    def by_name(self, name: str) -> StaffMember | None:
        """The account with this name, or None."""
        with self._db.read() as tx:
            row = tx.one(_MEMBERS + " WHERE name = ?", (name,))
        return None if row is None else _member(row)

    def set_disabled(self, name: str, disabled: bool, *, by: StaffMember | None = None) -> None:
        """Disable (or enable again) an account; disabling ends its sessions.

        Raises:
            AgencyError: If there is no such account.
        """
        with self._db.write() as tx:
            staff_id = _staff_id(tx, name)
            tx.execute(
                "UPDATE staff SET disabled = ?, on_duty = 0 WHERE id = ?", (int(disabled), staff_id)
            )
            if disabled:
                tx.execute("DELETE FROM staff_sessions WHERE staff_id = ?", (staff_id,))
            audit(tx, by, "staff.disable" if disabled else "staff.enable", name, name=COMMAND_LINE)

    def unlock(self, name: str, *, by: StaffMember | None = None) -> int:
        """Forget an account's failed sign-ins from every address, so its owner may sign
        in at once (a supervisor someone else's guesses slowed down); audited. The
        number forgotten.

        Raises:
            AgencyError: If there is no such account.
        """
        with self._db.write() as tx:
            staff_id = _staff_id(tx, name)
            forgotten = tx.run("DELETE FROM login_failures WHERE staff_id = ?", (staff_id,))
            audit(tx, by, "staff.unlock", name, name=COMMAND_LINE)
        return forgotten

    def set_on_duty(self, member: StaffMember, on_duty: bool) -> None:
        """Say whether a supervisor is on duty (alerted by the escalation policy)."""
        with self._db.write() as tx:
            tx.execute("UPDATE staff SET on_duty = ? WHERE id = ?", (int(on_duty), member.id))
            audit(tx, member, "duty.on" if on_duty else "duty.off")

    def set_language(self, member: StaffMember, language: Language) -> None:
        """Remember the console language a staff member chose."""
        with self._db.write() as tx:
            tx.execute("UPDATE staff SET language = ? WHERE id = ?", (language, member.id))

    # --- signing in -------------------------------------------------------------------

    def throttled_for(self, name: str, address: str = "", now: float | None = None) -> int:
        """Seconds until ``name`` may try to sign in again from ``address`` (0: now).

        The longest of: the growing delay of this account (or this unknown name) from this
        address, that of this address for any name, and the short wait of an account (or
        unknown name) guessed at from everywhere (see :data:`LOGIN_FAILURE_LIMIT` and
        below). A name no account has is answered exactly as an account is.
        """
        now = time.time() if now is None else now
        since = now - LOGIN_FAILURE_WINDOW
        address = address[:64]
        with self._db.read() as tx:
            key = failure_key(tx, name)
            counted = "SELECT count(*), max(at) FROM login_failures WHERE at > ? AND "
            pair = tx.one(counted + "staff_id = ? AND address = ?", (since, key, address))
            place = tx.one(counted + "address = ?", (since, address))
            account = tx.one(counted + "staff_id = ?", (since, key))
        waits = [
            _waited(pair, _growing(pair, LOGIN_FAILURE_LIMIT), now),
            _waited(place, _growing(place, ADDRESS_FAILURE_LIMIT), now),
        ]
        if account is not None and int(account[0]) >= ACCOUNT_FAILURE_LIMIT:
            waits.append(_waited(account, ACCOUNT_DELAY, now))
        return max(waits)

    def sign_in(
        self, name: str, password: str, address: str = ""
    ) -> tuple[str, StaffSession] | None:
        """Check a name and password; a new session (token, session) or None.

        A failure is recorded for the account, or for the unknown name by its digest (see
        :meth:`throttled_for`), and in the audit log under the account's name, or under
        :data:`UNKNOWN_NAME` when no account has the name typed: people type their
        password into the name field, and what they typed must not be kept. The caller
        checks the throttle first. Unknown names cost as much time as known ones: their
        password is verified against a dummy hash.
        """
        with self._db.read() as tx:
            row = tx.one(
                "SELECT id, name, role, disabled, on_duty, language, created_at, password_hash "
                "FROM staff WHERE name = ?",
                (name.strip(),),
            )
        digest = str(row[7]) if row is not None else _DUMMY_HASH
        try:
            ok = _hasher.verify(digest, password) and row is not None and not row[3]
        except (argon2.exceptions.VerificationError, argon2.exceptions.InvalidHashError):
            ok = False
        now = time.time()
        if not ok or row is None:
            account = None if row is None else str(row[1])
            with self._db.write() as tx:
                tx.execute(
                    "INSERT INTO login_failures(staff_id, address, at) VALUES (?, ?, ?)",
                    (failure_key(tx, name, create=True), address[:64], now),
                )
                tx.execute("DELETE FROM login_failures WHERE at < ?", (now - 86_400,))
                audit(
                    tx,
                    None,
                    "login.failed",
                    account,
                    address[:64] or None,
                    name=account or UNKNOWN_NAME,
                )
            return None
        member = _member(row)
        token = secrets.token_urlsafe(32)
        csrf = secrets.token_urlsafe(32)
        expires = now + SESSION_SECONDS
        with self._db.write() as tx:
            if _hasher.check_needs_rehash(digest):
                tx.execute(
                    "UPDATE staff SET password_hash = ? WHERE id = ?",
                    (_hasher.hash(password), member.id),
                )
            tx.execute(
                "INSERT INTO staff_sessions(token_hash, staff_id, csrf, created_at, expires_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (sha256(token), member.id, csrf, now, expires),
            )
            # This address guessed nothing: its own failures for the account are forgiven.
            tx.execute(
                "DELETE FROM login_failures WHERE staff_id = ? AND address = ?",
                (member.id, address[:64]),
            )
            tx.execute("DELETE FROM staff_sessions WHERE expires_at < ?", (now,))
            # Signing in is going on duty: the policy alerts who is at the console.
            tx.execute("UPDATE staff SET on_duty = 1 WHERE id = ?", (member.id,))
            audit(tx, member, "login")
        member = dataclasses.replace(member, on_duty=True)
        return token, StaffSession(member, csrf, expires)

    def session(self, token: str) -> StaffSession | None:
        """The live session of a token, or None (unknown, expired or account disabled)."""
        with self._db.read() as tx:
            row = tx.one(
                "SELECT s.id, s.name, s.role, s.disabled, s.on_duty, s.language, s.created_at, "
                "k.csrf, k.expires_at FROM staff_sessions k JOIN staff s ON s.id = k.staff_id "
                "WHERE k.token_hash = ?",
                (sha256(token),),
            )
        if row is None or row[3] or float(row[8]) < time.time():
            return None
        return StaffSession(_member(row[:7]), str(row[7]), float(row[8]))

    def sign_out(self, token: str, member: StaffMember) -> None:
        """End a session; the member goes off duty unless signed in elsewhere."""
        with self._db.write() as tx:
            tx.execute("DELETE FROM staff_sessions WHERE token_hash = ?", (sha256(token),))
            left = tx.one(
                "SELECT count(*) FROM staff_sessions WHERE staff_id = ? AND expires_at > ?",
                (member.id, time.time()),
            )
            if left is not None and int(left[0]) == 0:
                tx.execute("UPDATE staff SET on_duty = 0 WHERE id = ?", (member.id,))
            audit(tx, member, "logout")

    # --- the audit log ------------------------------------------------------------------

    def record(
        self, member: StaffMember, action: str, target: str | None = None, detail: str | None = None
    ) -> None:
        """Record a staff action on its own (most actions record inside their write)."""
        with self._db.write() as tx:
            audit(tx, member, action, target, detail)

    def audit_log(self, limit: int = 500) -> list[AuditEntry]:
        """The newest staff actions first."""
        with self._db.read() as tx:
            rows = tx.all(
                "SELECT seq, at, staff_name, action, target, detail FROM audit_log "
                "ORDER BY seq DESC LIMIT ?",
                (limit,),
            )
        return [AuditEntry(*r) for r in rows]
