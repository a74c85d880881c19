"""``talentdesk-agency``: the staff commands, their messages and exit codes, and the demo data."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from talentdesk_agency import AgencyStore, seed_demo
from talentdesk_agency.cli import main
from talentdesk_agency.defaults import default_config
from talentdesk_agency.store import DbTarget
from talentdesk_agency.store.migrations import SCHEMA_VERSION
from talentdesk_agency.store.reports import TicketMove
from talentdesk_agency.store.staff import COMMAND_LINE, LOGIN_FAILURE_LIMIT, AuditEntry
from talentdesk_contract import wire
from talentdesk_contract.values import CrisisSign, ReportCategory
from talentdesk_contract.wire import EventType
from tests.fixtures.make_agency_schema1 import FIXTURE as SCHEMA_1
from tests.reference_agency import WIB, Paired, run_cli, soon


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run a command in this process; (exit code, stdout, stderr)."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def feed_types(db: DbTarget, talent: str) -> list[str]:
    with AgencyStore(db) as store:
        talent_id = store.talent_by_name(talent).id
        return [row.type for row in store.feed(talent_id, 0, 500)]


def test_help_and_usage_errors(capsys: pytest.CaptureFixture[str], agency_db: DbTarget) -> None:
    with pytest.raises(SystemExit) as helped:
        main(["--help"])
    assert helped.value.code == 0
    out = capsys.readouterr().out
    for command in (
        "serve",
        "pair",
        "book",
        "cancel",
        "config",
        "escalations",
        "ack",
        "resolve",
        "ticket",
        "reports",
        "fault",
        "inject",
    ):
        assert command in out
    with pytest.raises(SystemExit) as bad:
        main(["frobnicate"])
    assert bad.value.code == 2
    with pytest.raises(SystemExit) as bad_start:
        main(
            [
                "book",
                "--db",
                str(agency_db),
                "--talent",
                "x",
                "--start",
                "tonight",
                "--package",
                "p",
                "--alias",
                "a",
                "--handle",
                "h",
            ]
        )
    assert bad_start.value.code == 2
    assert "not an ISO 8601 time" in capsys.readouterr().err


def test_the_database_must_be_named(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TALENTDESK_AGENCY_DB", raising=False)
    code, _, err = cli(capsys, "talents")
    assert code == 2 and "--db PATH or $TALENTDESK_AGENCY_DB" in err


def test_commands_other_than_setup_need_an_existing_database(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "typo.db"
    code, _, err = cli(capsys, "cancel", "bk_x", "--db", str(missing))
    assert code == 1 and "no agency database at" in err
    assert not missing.exists()


def test_pair_book_cancel(capsys: pytest.CaptureFixture[str], agency_db: DbTarget) -> None:
    code, out, _ = cli(capsys, "pair", "--db", str(agency_db), "--talent", "Sari")
    assert code == 0 and len(out.strip()) == 9 and out[4] == "-"
    code, out, _ = cli(capsys, "talents", "--db", str(agency_db))
    assert "Sari" in out

    start = soon(90).isoformat()
    code, out, _ = cli(
        capsys,
        "book",
        "--db",
        str(agency_db),
        "--talent",
        "Sari",
        "--start",
        start,
        "--package",
        "chatcall-90",
        "--alias",
        "Contoh B",
        "--handle",
        "@contoh.b",
        "--returning",
    )
    assert code == 0
    booking_id = out.strip()
    assert booking_id.startswith("bk_")
    code, _, _ = cli(capsys, "update", booking_id, "--db", str(agency_db), "--start", start)
    assert code == 0
    code, _, _ = cli(capsys, "cancel", booking_id, "--db", str(agency_db))
    assert code == 0
    assert feed_types(agency_db, "Sari") == [
        EventType.CONFIG_UPDATED,
        EventType.BOOKING_REBOOKED,
        EventType.BOOKING_UPDATED,
        EventType.BOOKING_CANCELLED,
    ]
    code, _, err = cli(capsys, "cancel", booking_id, "--db", str(agency_db))
    assert code == 1 and "already cancelled" in err
    code, _, err = cli(capsys, "update", booking_id, "--db", str(agency_db))
    assert code == 2 and "--start and/or --package" in err


def test_booking_errors_say_what_is_wrong(
    capsys: pytest.CaptureFixture[str], agency_db: DbTarget
) -> None:
    cli(capsys, "pair", "--db", str(agency_db), "--talent", "Sari")
    base = [
        "book",
        "--db",
        str(agency_db),
        "--start",
        soon().isoformat(),
        "--alias",
        "A",
        "--handle",
        "@a",
    ]
    code, _, err = cli(capsys, *base, "--talent", "Nobody", "--package", "curhat-30")
    assert code == 1 and "no talent named 'Nobody'" in err
    code, _, err = cli(capsys, *base, "--talent", "Sari", "--package", "sleepover")
    assert code == 1 and "no package 'sleepover'" in err and "curhat-30" in err
    code, _, err = cli(
        capsys,
        "book",
        "--db",
        str(agency_db),
        "--talent",
        "Sari",
        "--start",
        soon().isoformat(),
        "--alias",
        "x" * 65,
        "--handle",
        "@a",
        "--package",
        "curhat-30",
    )
    assert code == 1 and "alias" in err and "x" * 65 not in err


def test_a_start_without_offset_is_local_time(
    capsys: pytest.CaptureFixture[str], agency_db: DbTarget
) -> None:
    cli(capsys, "pair", "--db", str(agency_db), "--talent", "Sari")
    naive = (datetime.now() + timedelta(hours=1)).replace(microsecond=0)
    code, _, _ = cli(
        capsys,
        "book",
        "--db",
        str(agency_db),
        "--talent",
        "Sari",
        "--start",
        naive.isoformat(),
        "--package",
        "curhat-30",
        "--alias",
        "A",
        "--handle",
        "@a",
    )
    assert code == 0
    with AgencyStore(agency_db) as store:
        talent_id = store.talent_by_name("Sari").id
        event = store.feed(talent_id, 0, 10)[-1]
    data = wire.decode(event.data, wire.BookingData)
    assert data.booking.start == naive.astimezone()


def test_config_show_and_replace(
    capsys: pytest.CaptureFixture[str], agency_db: DbTarget, tmp_path: Path
) -> None:
    for talent in ("Sari", "Dewi"):
        cli(capsys, "pair", "--db", str(agency_db), "--talent", talent)
    code, out, _ = cli(capsys, "config", "--db", str(agency_db), "--show")
    assert code == 0
    shown = wire.decode(out, wire.AgencyConfig)
    assert shown == default_config()

    changed = json.loads(out)
    changed["pace_thresholds"] = [{"slower_than_seconds": 90, "times": 4}]
    path = tmp_path / "config.json"
    path.write_text(json.dumps(changed))
    code, out, _ = cli(capsys, "config", "--db", str(agency_db), "--file", str(path))
    assert code == 0 and "2 talent(s)" in out
    for talent in ("Sari", "Dewi"):
        assert feed_types(agency_db, talent) == [EventType.CONFIG_UPDATED] * 2
    with AgencyStore(agency_db) as store:
        expected = (wire.PaceThreshold(slower_than_seconds=90, times=4),)
        assert store.config().pace_thresholds == expected

    changed["packages"][0]["price_idr"] = 1_000  # below the market's Rp 5.000
    path.write_text(json.dumps(changed))
    code, _, err = cli(capsys, "config", "--db", str(agency_db), "--file", str(path))
    assert code == 1 and "$.packages[0].price_idr" in err

    changed["packages"][0]["price_idr"] = 5_000
    changed["boundary_presets"][0]["items"][0]["decline_reply_ids"] = ["no-such-reply"]
    path.write_text(json.dumps(changed))
    code, _, err = cli(capsys, "config", "--db", str(agency_db), "--file", str(path))
    assert code == 1 and "no-such-reply" in err

    code, _, err = cli(capsys, "config", "--db", str(agency_db), "--file", str(path) + ".nope")
    assert code == 1 and "cannot read" in err

    code, _, _ = cli(capsys, "config", "--db", str(agency_db), "--agency-name", "Agensi Bulan")
    assert code == 0
    with AgencyStore(agency_db) as store:
        assert store.agency_name == "Agensi Bulan"


def test_fault_list_and_clear(capsys: pytest.CaptureFixture[str], agency_db: DbTarget) -> None:
    db = str(agency_db)
    code, out, _ = cli(
        capsys,
        "fault",
        "--db",
        db,
        "--kind",
        "delay",
        "--delay",
        "2",
        "--path-prefix",
        "/v1/feed",
        "--times",
        "3",
    )
    assert code == 0 and out.strip().isdigit()
    code, out, _ = cli(capsys, "fault", "--db", db, "--list")
    assert "/v1/feed" in out and "delay" in out
    code, out, _ = cli(capsys, "fault", "--db", db, "--clear")
    assert "cleared 1" in out
    code, _, err = cli(capsys, "fault", "--db", db, "--path-prefix", "v1", "--kind", "status")
    assert code == 1 and "must start with '/'" in err


def file_report(store: AgencyStore, talent_id: str, at: datetime) -> str:
    """A talent's report of threats, filed as the app files one; its id."""
    _, body = store.create_report(
        talent_id,
        wire.ReportRequest(
            session_id="s1",
            booking_id="bk_1",
            category=ReportCategory.THREATS,
            description="d",
            at=at,
        ),
    )
    return wire.decode(body, wire.Report).id


def test_listings(capsys: pytest.CaptureFixture[str], agency_db: DbTarget) -> None:
    db = str(agency_db)
    cli(capsys, "pair", "--db", db, "--talent", "Sari")
    code, out, _ = cli(capsys, "reports", "--db", db)
    assert code == 0 and out.strip() == "(none)"
    with AgencyStore(agency_db) as store:
        talent_id = store.talent_by_name("Sari").id
        at = datetime(2025, 5, 1, 21, 0, tzinfo=WIB)
        store.create_escalation(
            talent_id,
            wire.EscalationRequest(level="urgent", at=at, crisis_sign=CrisisSign.DISTRESS),
        )
        file_report(store, talent_id, at)
    code, out, _ = cli(capsys, "escalations", "--db", db, "--json")
    [row] = [json.loads(line) for line in out.splitlines()]
    assert (row["talent"], row["status"], row["crisis_sign"]) == ("Sari", "open", "distress")
    code, out, _ = cli(capsys, "escalations", "--db", db, "--open")
    assert row["id"] in out and "SUPERVISOR" in out
    code, out, _ = cli(capsys, "reports", "--db", db, "--json")
    [report] = [json.loads(line) for line in out.splitlines()]
    assert (report["ticket"], report["category"]) == ("TD-000001", "threats")
    code, out, _ = cli(capsys, "ticket", report["id"], "--db", db, "--level", "technical")
    assert code == 0 and "TD-000001: technical, delivered" in out
    code, _, err = cli(capsys, "ticket", "TD-000404", "--db", db, "--status", "resolved")
    assert code == 1 and "no report or ticket" in err
    code, _, err = cli(capsys, "ticket", "TD-000001", "--db", db)
    assert code == 1 and "say what changes" in err


def test_a_ticket_moved_from_the_command_line_is_audited_as_the_console_does(
    capsys: pytest.CaptureFixture[str], agency_db: DbTarget
) -> None:
    db = str(agency_db)
    cli(capsys, "pair", "--db", db, "--talent", "Sari")
    with AgencyStore(agency_db) as store:
        talent_id = store.talent_by_name("Sari").id
        report_id = file_report(store, talent_id, datetime(2025, 5, 1, 21, 0, tzinfo=WIB))
        before = len(store.staff.audit_log())

    def entries() -> list[AuditEntry]:
        with AgencyStore(agency_db) as store:
            log = store.staff.audit_log()
        return log[: len(log) - before]  # the newest first

    # By its ticket: the entry names the report by its id, as the console's do.
    args = ("--status", "in_progress", "--level", "supervisor")
    code, out, _ = cli(capsys, "ticket", "TD-000001", "--db", db, *args, "--note", "Kami cek.")
    assert code == 0 and "TD-000001: supervisor, in_progress" in out
    [moved] = entries()
    assert (moved.staff_name, moved.action, moved.target) == (
        COMMAND_LINE,
        "report.update",
        report_id,
    )
    assert TicketMove.read(moved.detail or "") == TicketMove(
        status=("delivered", "in_progress"), level=("first_line", "supervisor"), note=True
    )
    assert "Kami cek" not in (moved.detail or "")  # that a note went, never its words
    # The same again changes nothing: no entry.
    code, out, _ = cli(capsys, "ticket", report_id, "--db", db, *args)
    assert code == 0 and "TD-000001: supervisor, in_progress" in out
    assert len(entries()) == 1
    # One part changed: only it is said.
    code, _, _ = cli(capsys, "ticket", report_id, "--db", db, *args[:2], "--level", "technical")
    assert code == 0
    latest = entries()[0]
    assert (latest.target, TicketMove.read(latest.detail or "")) == (
        report_id,
        TicketMove(level=("supervisor", "technical")),
    )
    assert len(entries()) == 2


def test_inject_checks_only_that_data_is_json(
    capsys: pytest.CaptureFixture[str], agency_db: DbTarget
) -> None:
    cli(capsys, "pair", "--db", str(agency_db), "--talent", "Sari")
    code, _, err = cli(
        capsys,
        "inject",
        "--db",
        str(agency_db),
        "--talent",
        "Sari",
        "--type",
        "x",
        "--data",
        "{not json",
    )
    assert code == 1 and "not JSON" in err


def test_migrate_brings_a_database_up_to_date(
    capsys: pytest.CaptureFixture[str], agency_db: DbTarget, tmp_path: Path
) -> None:
    old = tmp_path / "schema1.db"
    shutil.copyfile(SCHEMA_1, old)
    code, out, _ = cli(capsys, "migrate", "--db", str(old))
    assert code == 0 and f"schema version 1 -> {SCHEMA_VERSION}" in out
    code, out, _ = cli(capsys, "migrate", "--db", str(old))
    assert code == 0 and f"schema version {SCHEMA_VERSION}, up to date" in out
    result = run_cli(agency_db, "migrate")  # a new database, in a process of its own
    assert result.returncode == 0, result.stderr
    assert re.search(rf"schema version (0 -> )?{SCHEMA_VERSION}\b", result.stdout)


def test_an_unreachable_postgresql_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    url = "postgresql://agency:pw-sentinel@/agency?host=/nonexistent-folder&port=1"
    code, _, err = cli(capsys, "talents", "--db", url)
    assert code == 1 and "cannot connect to postgresql://agency:***@" in err
    assert "pw-sentinel" not in err


def test_the_console_script_runs() -> None:
    result = run_cli(Path("unused.db"), "--version")
    # `--db` after `--version` is never parsed: argparse prints the version and exits.
    assert result.returncode == 0 and "talentdesk-agency" in result.stdout


def test_demo_data(agency_db: DbTarget) -> None:
    now = datetime(2025, 5, 1, 20, 3, 41, tzinfo=WIB)
    code = seed_demo(agency_db, "Sari", now)
    assert len(code) == 9
    with AgencyStore(agency_db) as store:
        talent_id = store.talent_by_name("Sari").id
        rows = store.feed(talent_id, 0, 100)
        config = store.config()
    bookings = [
        (row.type, wire.decode(row.data, wire.BookingData))
        for row in rows
        if row.type != EventType.CONFIG_UPDATED
    ]
    assert 3 <= len(bookings) <= 4
    starts = sorted(data.booking.start for _, data in bookings)
    assert now < starts[0] <= now + timedelta(minutes=15)
    assert all(s.utcoffset() == timedelta(hours=7) for s in starts)
    rebooked = [data for kind, data in bookings if kind == EventType.BOOKING_REBOOKED]
    assert len(rebooked) == 1 and rebooked[0].booking.needs_unblock
    assert all(data.customer.alias.startswith("Contoh ") for _, data in bookings)

    assert {p.name for p in config.packages} >= {
        "Teman Curhat 30 menit",
        "Sleep Call 60 menit",
        "Chat + Call 90 menit",
    }
    assert all(5_000 <= p.price_idr <= 300_000 for p in config.packages)
    for language in ("id", "en"):
        styles = {r.style for r in config.decline_replies if r.language == language}
        assert styles == {"polite", "humour", "alternative", "opening", "closing"}
    shortcodes = [r.shortcode for r in config.decline_replies]
    assert all(shortcodes) and len(set(shortcodes)) == len(shortcodes)
    indonesian = " ".join(r.text for r in config.decline_replies if r.language == "id")
    assert "kamu" in indonesian and "Anda" not in indonesian
    names = {p.name for p in config.boundary_presets}
    assert names == {"Standar", "Standard", "Chat saja malam ini", "Chat only tonight"}
    for preset in config.boundary_presets:
        answers = {item.key: item.answer for item in preset.items}
        for key in (
            "topic.sexual",
            "topic.personal_info",
            "topic.meet_offline",
            "topic.payment_outside",
            "service.video",
        ):
            assert answers[key] == "never"
    chat_only = next(p for p in config.boundary_presets if p.id == "chat-saja")
    assert {i.key: i.answer for i in chat_only.items}["service.call"] == "never"
    numbers = {c.number: c.note or "" for c in config.emergency_contacts}
    assert {"112", "110", "119"} <= set(numbers)
    assert "8" in numbers["119"]


def test_staff_accounts_from_the_command_line(agency_db: DbTarget) -> None:
    run = run_cli

    added = subprocess.run(
        [
            sys.executable,
            "-m",
            "talentdesk_agency.cli",
            "staff",
            "add",
            "--name",
            "Rina",
            "--role",
            "admin",
            "--db",
            str(agency_db),
        ],
        input="a long password 1\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert added.returncode == 0, added.stderr
    assert "password" not in added.stdout.lower().replace("sign in", "")
    listed = run(agency_db, "staff", "list")
    assert "Rina" in listed.stdout and "admin" in listed.stdout
    # The password typed at the prompt is the one stored (as a hash): it signs in, and
    # nothing else does.
    with AgencyStore(agency_db) as store:
        signed = store.staff.sign_in("Rina", "a long password 1")
        assert signed is not None
        assert signed[1].member.name == "Rina" and signed[1].member.is_admin
        assert store.staff.sign_in("Rina", "a long password 2") is None
        assert store.staff.sign_in("Rina", "a long password 1\n") is None
        for _ in range(LOGIN_FAILURE_LIMIT):
            store.staff.sign_in("Rina", "a long password 3")
        assert store.staff.throttled_for("Rina") > 0
    unlocked = run(agency_db, "staff", "unlock", "--name", "Rina")
    assert unlocked.returncode == 0 and "unlocked" in unlocked.stdout
    with AgencyStore(agency_db) as store:
        assert store.staff.throttled_for("Rina") == 0
        assert store.staff.audit_log()[0].action == "staff.unlock"
        with store.db.read() as tx:
            stored = tx.one("SELECT password_hash FROM staff WHERE name = ?", ("Rina",))
        assert stored is not None and str(stored[0]).startswith("$argon2id$")
        assert "a long password" not in str(stored[0])
    assert run(agency_db, "staff", "disable", "--name", "Rina").returncode == 0
    assert "disabled" in run(agency_db, "staff", "list").stdout
    bad = run(agency_db, "staff", "add", "--name", "Budi", "--role", "owner")
    assert bad.returncode == 2
    with AgencyStore(agency_db) as store:
        assert store.staff.sign_in("Rina", "a long password 1") is None  # disabled


def test_escalations_show_kind_priority_follow_ups_and_notes(sari: Paired) -> None:
    run = run_cli

    esc = sari.write(
        "POST",
        "/v1/escalations",
        {"level": "urgent", "at": soon().isoformat(), "kind": "wellbeing", "note": "capek banget"},
    ).json()["id"]
    sari.write(
        "POST",
        f"/v1/escalations/{esc}/follow-up",
        {"crisis_sign": "distress", "note": "masih nangis"},
    )
    out = run(sari.db, "escalations").stdout
    assert "wellbeing" in out and "high" in out
    assert "note: capek banget" in out and "[distress]: masih nangis" in out
    # Resolving needs a reason and a note: a usage error that says so, and it stays open.
    for missing, said in (
        (["--reason", "handled"], "--note"),
        (["--reason", "handled", "--note", " "], "needs a note"),
        (["--note", "ok"], "--reason"),
    ):
        refused = run(sari.db, "resolve", esc, "--supervisor", "Rina", *missing)
        assert refused.returncode == 2, missing
        assert said in refused.stderr and "Traceback" not in refused.stderr, refused.stderr
    with AgencyStore(sari.db) as store:
        assert store.escalation(sari.talent_id, esc).status == "open"
    resolved = run(
        sari.db, "resolve", esc, "--supervisor", "Rina", "--reason", "other", "--note", "ok"
    )
    assert resolved.returncode == 0, resolved.stderr
    assert '"reason": "other"' in run(sari.db, "escalations", "--json").stdout


def test_bookings_list_answers_and_decline_reasons(sari: Paired) -> None:
    run = run_cli

    with AgencyStore(sari.db) as store:
        booking = store.create_booking(
            "Sari",
            start=soon(),
            package_id="curhat-30",
            alias="Sentinel Alias",
            handle="@sentinel.handle",
        )
    sari.write(
        "POST", f"/v1/bookings/{booking}/answer", {"answer": "decline", "reason": "Jadwal bentrok"}
    )
    out = run(sari.db, "bookings").stdout
    assert booking in out and "decline" in out and "Jadwal bentrok" in out
    assert "Sentinel" not in out and "sentinel" not in out


def test_the_policy_command_shows_and_changes_it(agency_db: DbTarget) -> None:
    run = run_cli

    changed = run(
        agency_db,
        "policy",
        "--realert-after",
        "30",
        "--rounds",
        "2",
        "--supervisor-phone",
        "+62 811 222",
        "--contact",
        "Pak Manajer|+62 812 333",
    )
    assert changed.returncode == 0, changed.stderr
    shown = json.loads(run(agency_db, "policy").stdout)
    assert shown["escalation_policy"] == {
        "realert_after_seconds": 30,
        "remind_owner_after_seconds": 900,
        "rounds": 2,
    }
    assert shown["supervisor_phone"] == "+62 811 222"
    assert shown["next_level"] == [{"name": "Pak Manajer", "phone": "+62 812 333"}]
    bad = run(agency_db, "policy", "--rounds", "99")
    assert bad.returncode == 1 and "rounds" in bad.stderr
