"""Staff accounts: Argon2id hashes only, sessions, throttled sign-in, disabling, duty."""

from __future__ import annotations

import pytest

from talentdesk_agency import AgencyError, AgencyStore
from talentdesk_agency.store import DbTarget
from talentdesk_agency.store.records import StaffRole
from talentdesk_agency.store.staff import LOGIN_FAILURE_LIMIT, UNKNOWN_NAME
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
        for name, password in (("Rina", PASSWORD), ("", PASSWORD), ("Budi", "short")):
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
