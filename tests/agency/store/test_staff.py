"""Staff accounts: Argon2id hashes only, sessions, sign-in throttled per account and
address (growing delays, never a lock-out by name alone), unlocking, disabling, duty."""

from __future__ import annotations

import time

import pytest

from talentdesk_agency import AgencyError, AgencyStore
from talentdesk_agency.store import DbTarget
from talentdesk_agency.store.records import StaffRole
from talentdesk_agency.store.staff import (
    ACCOUNT_DELAY,
    ACCOUNT_FAILURE_LIMIT,
    ADDRESS_FAILURE_LIMIT,
    LOGIN_FAILURE_LIMIT,
    LOGIN_FIRST_DELAY,
    LOGIN_MAX_DELAY,
    UNKNOWN_NAME,
    failure_key,
)
from tests.reference_agency import stored_bytes

PASSWORD = "Sentinel-Password-0042"


def test_only_argon2id_hashes_and_token_hashes_are_stored(agency_db: DbTarget) -> None:
    with AgencyStore(agency_db) as store:
        store.staff.add("Rina", StaffRole.ADMIN, PASSWORD)
        signed = store.staff.sign_in("Rina", PASSWORD)
        assert signed is not None
        token, session = signed
        assert session.member.on_duty and session.member.is_admin
        assert store.staff.session(token) == session
        with store.db.read() as tx:
            row = tx.one("SELECT password_hash FROM staff")
        assert row is not None and str(row[0]).startswith("$argon2id$")
    data = stored_bytes(agency_db)
    assert PASSWORD.encode() not in data and token.encode() not in data


def test_bad_accounts_and_passwords_are_refused(agency_db: DbTarget) -> None:
    with AgencyStore(agency_db) as store:
        store.staff.add("Rina", StaffRole.SUPERVISOR, PASSWORD)
        for name, password in (
            ("Rina", PASSWORD),
            ("", PASSWORD),
            ("Budi", "short"),
            ("Budi", " " * 12),
            ("Budi", "\t \u3000" * 4),
        ):
            with pytest.raises(AgencyError):
                store.staff.add(name, StaffRole.SUPERVISOR, password)


def test_failed_sign_ins_are_throttled_per_name(agency_db: DbTarget) -> None:
    with AgencyStore(agency_db) as store:
        store.staff.add("Rina", StaffRole.SUPERVISOR, PASSWORD)
        for _ in range(LOGIN_FAILURE_LIMIT):
            assert store.staff.throttled_for("Rina") == 0
            assert store.staff.sign_in("Rina", "wrong password!") is None
        assert store.staff.throttled_for("Rina") > 0
        assert store.staff.throttled_for("Budi") == 0
        assert store.staff.sign_in("Nobody", PASSWORD) is None  # unknown names fail alike
        actions = [e.action for e in store.staff.audit_log()]
        assert actions.count("login.failed") == LOGIN_FAILURE_LIMIT + 1


def failures(store: AgencyStore, staff_id: str, addresses: list[str], at: float) -> None:
    """Failed sign-ins as :meth:`Staff.sign_in` records them (without Argon2's time)."""
    with store.db.write() as tx:
        for address in addresses:
            tx.execute(
                "INSERT INTO login_failures(staff_id, address, at) VALUES (?, ?, ?)",
                (staff_id, address, at),
            )


def test_the_throttle_slows_one_address_with_growing_delays_and_never_locks_out(
    agency_db: DbTarget,
) -> None:
    with AgencyStore(agency_db) as store:
        rina = store.staff.add("Rina", StaffRole.SUPERVISOR, PASSWORD)
        for _ in range(LOGIN_FAILURE_LIMIT):
            assert store.staff.throttled_for("Rina", "192.0.2.1") == 0
            assert store.staff.sign_in("Rina", "wrong password!", "192.0.2.1") is None
        now = time.time()
        assert 0 < store.staff.throttled_for("Rina", "192.0.2.1", now) <= LOGIN_FIRST_DELAY
        # Rina herself, from her own desk, is not slowed by someone else's guesses.
        assert store.staff.throttled_for("Rina", "198.51.100.9", now) == 0
        # Each failure more doubles the wait, up to a ceiling; then it ends by itself.
        waits = []
        for _ in range(8):
            failures(store, rina.id, ["192.0.2.1"], now)
            waits.append(store.staff.throttled_for("Rina", "192.0.2.1", now))
        assert waits == [60, 120, 240, 480, 900, 900, 900, 900]
        later = now + LOGIN_MAX_DELAY + 1
        assert store.staff.throttled_for("Rina", "192.0.2.1", later) == 0
        assert store.staff.sign_in("Rina", PASSWORD, "198.51.100.9") is not None
        # Signing in from one address forgives that address only.
        assert store.staff.throttled_for("Rina", "192.0.2.1", now) == 900
        assert store.staff.sign_in("Rina", PASSWORD, "192.0.2.1") is not None
        assert store.staff.throttled_for("Rina", "192.0.2.1", now) == 0


def key_of(store: AgencyStore, name: str) -> str:
    """What :meth:`Staff.sign_in` counts a failure with ``name`` under."""
    with store.db.write() as tx:
        return failure_key(tx, name, create=True)


def test_guessing_many_names_from_one_address_is_slowed(agency_db: DbTarget) -> None:
    with AgencyStore(agency_db) as store:
        store.staff.add("Rina", StaffRole.SUPERVISOR, PASSWORD)
        budi = store.staff.add("Budi", StaffRole.SUPERVISOR, PASSWORD)
        now = time.time()
        # An unknown name counts for itself, as an account does: another unknown name is
        # not slowed by it any more than an account is (that would tell them apart).
        failures(store, key_of(store, "Nobody"), ["192.0.2.1"] * LOGIN_FAILURE_LIMIT, now)
        assert store.staff.throttled_for("Nobody", "192.0.2.1", now) > 0
        assert store.staff.throttled_for("Somebody", "192.0.2.1", now) == 0
        assert store.staff.throttled_for("Rina", "192.0.2.1", now) == 0
        failures(store, budi.id, ["192.0.2.1"] * (ADDRESS_FAILURE_LIMIT - LOGIN_FAILURE_LIMIT), now)
        # Twenty failures of any names: every name waits from that address.
        assert 0 < store.staff.throttled_for("Rina", "192.0.2.1", now) <= LOGIN_FIRST_DELAY
        assert store.staff.throttled_for("Rina", "198.51.100.9", now) == 0


def test_guessing_one_account_from_many_addresses_only_slows_it(agency_db: DbTarget) -> None:
    with AgencyStore(agency_db) as store:
        rina = store.staff.add("Rina", StaffRole.SUPERVISOR, PASSWORD)
        now = time.time()
        addresses = [f"203.0.113.{n}" for n in range(ACCOUNT_FAILURE_LIMIT - 1)]
        failures(store, rina.id, addresses, now)
        assert store.staff.throttled_for("Rina", "198.51.100.9", now) == 0
        failures(store, rina.id, ["203.0.113.250"], now)
        # Past the ceiling, every address waits a little: never long.
        assert store.staff.throttled_for("Rina", "198.51.100.9", now) == ACCOUNT_DELAY
        assert store.staff.throttled_for("Rina", "198.51.100.9", now + ACCOUNT_DELAY) == 0
        assert store.staff.throttled_for("Budi", "198.51.100.9", now) == 0


def test_a_name_no_account_has_is_throttled_on_the_same_schedule(agency_db: DbTarget) -> None:
    with AgencyStore(agency_db) as store:
        store.staff.add("Rina", StaffRole.SUPERVISOR, PASSWORD)
        now = time.time()

        def schedule(name: str, net: str) -> list[int]:
            """The waits ``name`` is told as failures grow: from one address, then from
            everywhere (each name from addresses of its own)."""
            key, one = key_of(store, name), f"{net}.1"
            waits = []
            for _ in range(LOGIN_FAILURE_LIMIT + 6):
                waits.append(store.staff.throttled_for(name, one, now))
                failures(store, key, [one], now)
            elsewhere = f"{net}.250"
            many = [f"{net}.{n}" for n in range(2, 2 + ACCOUNT_FAILURE_LIMIT)]
            for address in many:
                failures(store, key, [address], now)
                waits.append(store.staff.throttled_for(name, elsewhere, now))
            waits.append(store.staff.throttled_for(name, elsewhere, now + ACCOUNT_DELAY))
            return waits

        known = schedule("Rina", "192.0.2")
        unknown = schedule("Rena", "198.51.100")
        assert unknown == known
        # Not alike by being empty: the delays grow, then everywhere waits a little.
        assert known[:LOGIN_FAILURE_LIMIT] == [0] * LOGIN_FAILURE_LIMIT
        assert known[LOGIN_FAILURE_LIMIT : LOGIN_FAILURE_LIMIT + 5] == [30, 60, 120, 240, 480]
        assert ACCOUNT_DELAY in known and known[-1] == 0
        # What was typed is not kept: a short digest, under a key of this database's.
        key = key_of(store, "Rena")
        assert key.startswith("?") and len(key) == 5 and "Rena" not in key
        assert key_of(store, "Rena") == key != key_of(store, "Rena2")


def test_an_admin_unlocks_an_account_and_it_is_audited(agency_db: DbTarget) -> None:
    with AgencyStore(agency_db) as store:
        admin = store.staff.add("Admin", StaffRole.ADMIN, PASSWORD)
        rina = store.staff.add("Rina", StaffRole.SUPERVISOR, PASSWORD)
        now = time.time()
        failures(store, rina.id, ["192.0.2.1"] * 12 + ["192.0.2.2"] * 3, now)
        assert store.staff.throttled_for("Rina", "192.0.2.1", now) == LOGIN_MAX_DELAY
        [counted] = [m.failed_sign_ins for m in store.staff.members() if m.name == "Rina"]
        assert counted == 15
        assert store.staff.unlock("Rina", by=admin) == 15
        assert store.staff.throttled_for("Rina", "192.0.2.1", now) == 0
        assert all(m.failed_sign_ins == 0 for m in store.staff.members())
        entry = store.staff.audit_log()[0]
        assert (entry.staff_name, entry.action, entry.target) == ("Admin", "staff.unlock", "Rina")
        with pytest.raises(AgencyError):
            store.staff.unlock("Nobody", by=admin)


def test_a_failed_sign_in_keeps_the_name_only_if_an_account_has_it(agency_db: DbTarget) -> None:
    typed = "SENTINEL-typed-as-name-4410"
    with AgencyStore(agency_db) as store:
        store.staff.add("Rina", StaffRole.SUPERVISOR, PASSWORD)
        assert store.staff.sign_in(typed, typed, "192.0.2.7") is None
        assert store.staff.sign_in(" Rina ", typed, "192.0.2.7") is None
        failed = [
            (e.staff_name, e.target, e.detail)
            for e in store.staff.audit_log()
            if e.action == "login.failed"
        ]
        assert failed == [("Rina", "Rina", "192.0.2.7"), (UNKNOWN_NAME, None, "192.0.2.7")]
    assert typed.encode() not in stored_bytes(agency_db)


def test_disabling_ends_sessions_and_signing_out_ends_duty(agency_db: DbTarget) -> None:
    with AgencyStore(agency_db) as store:
        store.staff.add("Rina", StaffRole.SUPERVISOR, PASSWORD)
        signed = store.staff.sign_in("Rina", PASSWORD)
        assert signed is not None
        token, session = signed
        store.staff.sign_out(token, session.member)
        member = store.staff.by_name("Rina")
        assert member is not None and not member.on_duty
        assert store.staff.session(token) is None
        again = store.staff.sign_in("Rina", PASSWORD)
        assert again is not None
        store.staff.set_disabled("Rina", True)
        assert store.staff.session(again[0]) is None
        assert store.staff.sign_in("Rina", PASSWORD) is None
