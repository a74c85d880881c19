"""Talents, their pairing codes and device tokens, and whether they take bookings."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Final, Literal

from talentdesk_agency.defaults import DEFAULT_AGENCY_NAME
from talentdesk_agency.problems import AgencyError, ApiError
from talentdesk_agency.store import feed, settings
from talentdesk_agency.store.engine import Database
from talentdesk_agency.store.records import Talent, iso, new_id, now_utc, sha256
from talentdesk_contract import wire
from talentdesk_contract.wire import EventType, ProblemType

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["DEFAULT_CODE_TTL_SECONDS", "REVOKED", "SEEN_EVERY_SECONDS", "Device", "Devices"]

#: What :meth:`Devices.authenticate` answers for a token an admin revoked.
REVOKED: Final = "revoked"
#: A device's last-seen time is written at most this often (seconds).
SEEN_EVERY_SECONDS: Final = 60
#: Devices noted as seen per statement (SQLite allows 32,766 parameters).
_SEEN_BATCH: Final = 500


@dataclass(frozen=True, slots=True)
class Device:
    """A paired device, as the console's roster shows it (never its token)."""

    id: str
    talent_id: str
    name: str
    paired_at: str
    last_seen_at: str | None
    revoked_at: str | None


def device_id(token_hash: str) -> str:
    """A device's public id: a prefix of its token's hash (which reveals nothing of it)."""
    return "dev_" + token_hash[:16]


#: How long pairing codes live unless the issuer says otherwise.
DEFAULT_CODE_TTL_SECONDS: Final = 24 * 3600
_CODE_ALPHABET: Final = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L


def _normalise_code(code: str) -> str:
    # People read codes aloud and retype them: case, spaces and dashes do not matter.
    return "".join(ch for ch in code.upper() if ch.isalnum())


class Devices:
    """Talents and the devices paired for them."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def talents(self) -> list[Talent]:
        """Every talent, by name."""
        with self._db.read() as tx:
            rows = tx.all("SELECT id, display_name FROM talents ORDER BY display_name")
        return [Talent(id=r[0], display_name=r[1]) for r in rows]

    def talent_by_name(self, name: str) -> Talent:
        """Find a talent by display name.

        Raises:
            AgencyError: If there is none.
        """
        with self._db.read() as tx:
            row = tx.one("SELECT id, display_name FROM talents WHERE display_name = ?", (name,))
        if row is None:
            raise AgencyError(
                f"no talent named {name!r} (add one with `pair --talent {name!r}`)",
                code="no_talent",
                name=name,
            )
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
            raise AgencyError(
                "the talent name must be 1 to 80 characters long", code="talent_name_length"
            )
        raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(8))
        code = f"{raw[:4]}-{raw[4:]}"
        now = now_utc()
        with self._db.write() as tx:
            added = tx.run(
                "INSERT INTO talents(id, display_name, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                (new_id("tal"), talent_name, iso(now)),
            )
            row = tx.one("SELECT id FROM talents WHERE display_name = ?", (talent_name,))
            assert row is not None
            talent_id = str(row[0])
            if added:
                # Under the feed lock, so a configuration change cannot slip in between.
                feed.lock(tx, talent_id)
                feed.append(tx, talent_id, EventType.CONFIG_UPDATED, settings.config_json(tx))
            tx.execute(
                "INSERT INTO pairing_codes(code_hash, talent_id, created_at, expires_at) "
                "VALUES (?, ?, ?, ?)",
                (sha256(_normalise_code(code)), talent_id, iso(now), time.time() + ttl_seconds),
            )
        return code

    def pair(self, code: str, device_name: str) -> wire.PairingResponse:
        """Exchange a pairing code for a new device token.

        Raises:
            ApiError: 401 for an unknown code, 410 for a used or expired one.
        """
        code_hash = sha256(_normalise_code(code))
        token = "tdk_" + secrets.token_urlsafe(32)
        used = ApiError(
            410,
            ProblemType.PAIRING_CODE_USED,
            "This pairing code was already used. Each code works once: ask the agency "
            "for a new one.",
        )
        with self._db.write() as tx:
            row = tx.one(
                "SELECT p.talent_id, p.expires_at, p.used_at, t.display_name "
                "FROM pairing_codes p JOIN talents t ON t.id = p.talent_id "
                "WHERE p.code_hash = ?",
                (code_hash,),
            )
            if row is None:
                raise ApiError(
                    401,
                    ProblemType.PAIRING_CODE_UNKNOWN,
                    "The agency does not know this pairing code. Check it, or ask the agency "
                    "for a new one.",
                )
            talent_id, expires_at, used_at, display_name = row
            if used_at is not None:
                raise used
            if expires_at < time.time():
                raise ApiError(
                    410,
                    ProblemType.PAIRING_CODE_EXPIRED,
                    "This pairing code has expired. Ask the agency for a new one.",
                )
            now = iso(now_utc())
            # Only if still unused: two devices pairing with one code at once get one token.
            if not tx.run(
                "UPDATE pairing_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL",
                (now, code_hash),
            ):
                raise used
            # Only a hash of the token is stored: a copy of the database pairs nobody.
            tx.execute(
                "INSERT INTO tokens(token_hash, talent_id, device_name, created_at) "
                "VALUES (?, ?, ?, ?)",
                (sha256(token), talent_id, device_name, now),
            )
            agency = settings.get(tx, "agency_name") or DEFAULT_AGENCY_NAME
        return wire.PairingResponse(
            token=token,
            talent=wire.TalentInfo(id=talent_id, display_name=display_name),
            agency=wire.AgencyInfo(name=agency),
        )

    def talent_for_token(self, token: str) -> Talent | None:
        """The talent a live device token belongs to, or None (unknown or revoked)."""
        found = self.authenticate(token)
        return found if isinstance(found, Talent) else None

    def authenticate(self, token: str) -> Talent | Literal["revoked"] | None:
        """The talent of a device token, :data:`REVOKED` if an admin revoked it, or None.

        Notes when the device was last seen (at most once a minute per device).
        """
        token_hash = sha256(token)
        with self._db.read() as tx:
            row = tx.one(
                "SELECT t.id, t.display_name, k.revoked_at, k.last_seen_at FROM tokens k "
                "JOIN talents t ON t.id = k.talent_id WHERE k.token_hash = ?",
                (token_hash,),
            )
        if row is None:
            return None
        if row[2] is not None:
            return REVOKED
        now = now_utc()
        stale = iso(now - timedelta(seconds=SEEN_EVERY_SECONDS))
        if row[3] is None or row[3] < stale:
            with self._db.write() as tx:
                tx.execute(
                    "UPDATE tokens SET last_seen_at = ? WHERE token_hash = ? AND "
                    "(last_seen_at IS NULL OR last_seen_at < ?)",
                    (iso(now), token_hash, stale),
                )
        return Talent(id=row[0], display_name=row[1])

    def note_seen(self, token_hashes: Sequence[str]) -> None:
        """Note these devices as seen now (those not noted in the last minute): the
        server's renewals served from memory, written in a batch."""
        if not token_hashes:
            return
        now = now_utc()
        stale = iso(now - timedelta(seconds=SEEN_EVERY_SECONDS))
        with self._db.write() as tx:
            for start in range(0, len(token_hashes), _SEEN_BATCH):
                batch = token_hashes[start : start + _SEEN_BATCH]
                marks = ", ".join("?" * len(batch))
                tx.execute(
                    f"UPDATE tokens SET last_seen_at = ? WHERE token_hash IN ({marks}) AND "  # noqa: S608 - placeholders only
                    "(last_seen_at IS NULL OR last_seen_at < ?)",
                    (iso(now), *batch, stale),
                )

    def devices(self) -> list[Device]:
        """Every paired device, newest first."""
        with self._db.read() as tx:
            rows = tx.all(
                "SELECT token_hash, talent_id, device_name, created_at, last_seen_at, revoked_at "
                "FROM tokens ORDER BY created_at DESC"
            )
        return [Device(device_id(r[0]), r[1], r[2], r[3], r[4], r[5]) for r in rows]

    def revoke(self, device: str) -> Device:
        """Revoke a device: its token then gets 401 ``token-revoked``.

        Args:
            device: The device's id (``dev_...``, see :meth:`devices`).

        Raises:
            AgencyError: If there is no such device, or it is revoked already.
        """
        prefix = device.removeprefix("dev_")
        if len(prefix) != 16 or not all(c in "0123456789abcdef" for c in prefix):
            raise AgencyError(f"no device {device}", code="no_device")
        with self._db.write() as tx:
            row = tx.one_locked(
                "SELECT token_hash, talent_id, device_name, created_at, last_seen_at, revoked_at "
                "FROM tokens WHERE substr(token_hash, 1, 16) = ?",
                (prefix,),
            )
            if row is None:
                raise AgencyError(f"no device {device}", code="no_device")
            if row[5] is not None:
                raise AgencyError(f"device {device} is already revoked", code="already_revoked")
            now = iso(now_utc())
            tx.execute("UPDATE tokens SET revoked_at = ? WHERE token_hash = ?", (now, row[0]))
            # Unordered: every process forgets what it knew of the talent's feed, so the
            # device's next poll, or its parked one woken now, checks its token again.
            tx.notify(feed.talent_topic(row[1]))
        return Device(device_id(row[0]), row[1], row[2], row[3], row[4], now)

    def set_availability(
        self, talent_id: str, request: wire.AvailabilityRequest
    ) -> tuple[int, bytes]:
        """Record whether the talent takes bookings (inside :meth:`run_write`)."""
        until = None if request.until is None else iso(request.until)
        with self._db.write() as tx:
            tx.execute(
                "UPDATE talents SET available = ?, available_until = ? WHERE id = ?",
                (int(request.available), until, talent_id),
            )
        result = wire.Availability(available=request.available, until=request.until)
        return 200, wire.encode(result)
