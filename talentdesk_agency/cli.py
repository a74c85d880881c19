"""``talentdesk-agency``: the reference agency server and the commands agency staff use.

Every command works on one database (``--db``, or ``TALENTDESK_AGENCY_DB``): a SQLite file,
or a PostgreSQL ``postgresql://`` URI. Commands may run while ``serve`` runs on the same
database: their changes reach waiting apps within about 50 ms.

Exit codes: 0 done, 1 the command failed (message on stderr), 2 bad usage,
130 interrupted.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Final

import msgspec

from talentdesk_agency import __version__
from talentdesk_agency.problems import AgencyError
from talentdesk_agency.store import (
    FAULT_KINDS,
    AgencyStore,
    database_errors,
    describe,
    is_postgres_url,
    open_database,
)
from talentdesk_agency.store.migrations import SCHEMA_VERSION, migrate
from talentdesk_agency.store.records import StaffRole
from talentdesk_agency.store.settings import AlertContact
from talentdesk_contract import wire
from talentdesk_contract.values import ReportStatus, ResolutionReason, TicketLevel

__all__ = ["build_parser", "main"]

PROG: Final = "talentdesk-agency"
DB_ENV: Final = "TALENTDESK_AGENCY_DB"

_DESCRIPTION = """\
The reference agency server for TalentDesk, and the commands agency staff use with it.

Start the server, pair a talent's app, push a booking:

  talentdesk-agency serve --db agency.db --port 8765
  talentdesk-agency serve --db postgresql://agency@/agency?host=/run/postgresql
  talentdesk-agency pair  --db agency.db --talent "Sari"
  talentdesk-agency book  --db agency.db --talent "Sari" --start 2025-05-01T21:00+07:00 \\
      --package curhat-30 --alias "Bintang" --handle "@bintang"

--db is a SQLite file (created if new) or a PostgreSQL connection URI; it may also come
from the TALENTDESK_AGENCY_DB environment variable. The schema is brought up to date
when any command opens the database (or with `migrate`).
"""


class _UsageError(Exception):
    """Bad arguments that argparse cannot see (reported like argparse does, exit 2)."""


def _start_time(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an ISO 8601 time, e.g. 2025-05-01T21:00+07:00"
        ) from None
    # A time without an offset means this computer's local time.
    return moment if moment.tzinfo is not None else moment.astimezone()


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        default=os.environ.get(DB_ENV) or None,
        metavar="PATH|URL",
        help="the agency database: a SQLite file, or a PostgreSQL URI such as "
        f"postgresql://USER@HOST/DB (default: ${DB_ENV})",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    parser = argparse.ArgumentParser(
        prog=PROG, description=_DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        _add_db(sub)
        return sub

    serve = command("serve", "run the Agency API server until interrupted")
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this computer only)",
    )
    serve.add_argument(
        "--port",
        type=int,
        default=8765,
        help="port to listen on; 0 picks a free one (default: 8765)",
    )
    serve.add_argument(
        "--access-log", action="store_true", help="log every request (paths and status only)"
    )
    serve.add_argument(
        "--workers",
        type=_positive,
        default=1,
        metavar="N",
        help="serve with N worker processes on the one port (PostgreSQL only; default: 1)",
    )
    serve.add_argument(
        "--http",
        choices=("httptools", "h11"),
        help="HTTP/1.1 parser (default: httptools where installed, else h11)",
    )
    serve.add_argument(
        "--loop",
        choices=("uvloop", "asyncio"),
        help="event loop (default: uvloop where installed, else asyncio's)",
    )
    serve.add_argument("--test-jobs", action="store_true", help=argparse.SUPPRESS)
    serve.add_argument(
        "--test-faults",
        action="store_true",
        help="TEST MODE, never in production: apply the faults written by the `fault` "
        "command (off by default; a server without it never reads them)",
    )

    command(
        "migrate",
        f"create the database or bring its schema up to date (to version {SCHEMA_VERSION}); "
        "every other command does this too",
    )

    pair = command("pair", "issue a one-time pairing code for a talent (adds the talent if new)")
    pair.add_argument("--talent", required=True, metavar="NAME", help="the talent's display name")
    pair.add_argument(
        "--ttl-minutes",
        type=_positive,
        default=24 * 60,
        metavar="N",
        help="how long the code stays valid (default: 1440, one day)",
    )

    command("talents", "list talents")

    command(
        "doctor",
        "check the database (reachable, migrations current) and the server processes "
        "(alive, last seen, which one leads the timers)",
    )

    book = command("book", "push a booking to a talent's app; prints the booking id")
    book.add_argument("--talent", required=True, metavar="NAME", help="the talent's display name")
    book.add_argument(
        "--start",
        required=True,
        type=_start_time,
        metavar="ISO",
        help="start time, e.g. 2025-05-01T21:00+07:00 (no offset: this computer's time zone)",
    )
    book.add_argument(
        "--package", required=True, metavar="ID", help="package id (see `config --show`)"
    )
    book.add_argument("--alias", required=True, help="the customer's alias (1-64 characters)")
    book.add_argument(
        "--handle", required=True, help="the customer's contact handle (1-128 characters)"
    )
    book.add_argument(
        "--returning",
        action="store_true",
        help="a returning customer: sent as booking.rebooked, the talent must unblock them first",
    )

    update = command("update", "move a booking or change its package (pushes booking.updated)")
    update.add_argument("booking_id", metavar="BOOKING_ID")
    update.add_argument("--start", type=_start_time, metavar="ISO", help="new start time")
    update.add_argument("--package", metavar="ID", help="new package id")

    cancel = command("cancel", "cancel a booking (pushes booking.cancelled)")
    cancel.add_argument("booking_id", metavar="BOOKING_ID")
    cancel.add_argument(
        "--reason",
        default="cancelled by the agency",
        help="told to the talent (default: %(default)s)",
    )

    config = command(
        "config",
        "show or replace the agency configuration (packages, pace thresholds, contact window, "
        "decline replies, boundary presets, emergency contacts)",
    )
    action = config.add_mutually_exclusive_group(required=True)
    action.add_argument("--show", action="store_true", help="print the configuration as JSON")
    action.add_argument(
        "--file",
        type=Path,
        metavar="JSON",
        help="replace it with this JSON file and push config.updated to every talent",
    )
    action.add_argument("--agency-name", metavar="NAME", help="rename the agency (told at pairing)")

    escalations = command("escalations", "list escalations, newest first")
    escalations.add_argument("--open", action="store_true", help="only open or acknowledged ones")
    escalations.add_argument("--json", action="store_true", help="one JSON object per line")

    escalations.add_argument("--limit", type=_positive, default=200, metavar="N")

    ack = command("ack", "acknowledge an escalation: you take it (the talent's app shows who)")
    ack.add_argument("escalation_id", metavar="ESC_ID")
    ack.add_argument("--supervisor", required=True, metavar="NAME", help="who is handling it")
    ack.add_argument("--note", help="a note for the talent")
    resolve = command("resolve", "resolve an escalation with a reason and a note")
    resolve.add_argument("escalation_id", metavar="ESC_ID")
    resolve.add_argument("--supervisor", required=True, metavar="NAME", help="who resolves it")
    resolve.add_argument(
        "--reason", required=True, type=ResolutionReason, choices=list(ResolutionReason)
    )
    resolve.add_argument("--note", required=True, help="what was done (the talent sees it)")

    bookings = command("bookings", "list bookings with the talents' answers and decline reasons")
    bookings.add_argument("--json", action="store_true", help="one JSON object per line")

    staff = command("staff", "staff accounts of the web console (/console)")
    staff_do = staff.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    staff_add = staff_do.add_parser(
        "add",
        help="add an account; the password is asked for (or read from stdin when piped)",
    )
    _add_db(staff_add)
    staff_add.add_argument("--name", required=True)
    staff_add.add_argument("--role", required=True, type=StaffRole, choices=list(StaffRole))
    staff_list = staff_do.add_parser("list", help="list accounts")
    _add_db(staff_list)
    for verb, verb_help in (
        ("disable", "disable an account (signs it out)"),
        ("enable", "enable an account again"),
        ("unlock", "forget an account's failed sign-ins, so it can sign in at once"),
    ):
        sub = staff_do.add_parser(verb, help=verb_help)
        _add_db(sub)
        sub.add_argument("--name", required=True)

    command("devices", "list paired devices (ids for revoke-device)")
    revoke = command(
        "revoke-device", "revoke a paired device: its token then gets 401 token-revoked"
    )
    revoke.add_argument("device_id", metavar="DEVICE_ID", help="from `devices` (dev_...)")

    policy = command(
        "policy",
        "show or change the escalation policy (also in the console's configuration)",
    )
    policy.add_argument("--realert-after", type=int, metavar="SECONDS")
    policy.add_argument("--remind-after", type=int, metavar="SECONDS")
    policy.add_argument("--rounds", type=int, metavar="N")
    policy.add_argument("--supervisor-phone", metavar="NUMBER")
    policy.add_argument(
        "--contact",
        action="append",
        metavar="NAME|PHONE",
        help="the next level to alert (repeat; replaces the list)",
    )
    policy.add_argument("--webhook", metavar="URL", help="POST every alert round here")

    reports = command("reports", "list incident reports, newest first")
    reports.add_argument("--json", action="store_true", help="one JSON object per line")

    ticket = command("ticket", "move an incident report's ticket along (pushes report.updated)")
    ticket.add_argument(
        "report", metavar="REPORT_ID", help="the report id or its ticket (TD-000012)"
    )
    ticket.add_argument("--status", type=ReportStatus, choices=list(ReportStatus))
    ticket.add_argument("--level", type=TicketLevel, choices=list(TicketLevel))
    ticket.add_argument("--note", help="a note for the talent")

    fault = command(
        "fault",
        "make a server in test mode (`serve --test-faults`) fail the next matching requests "
        "(for testing clients)",
    )
    fault.add_argument(
        "--path-prefix",
        default="/v1/",
        metavar="PATH",
        help="requests whose path starts with this (default: %(default)s)",
    )
    fault.add_argument("--method", help="only requests with this method (default: any)")
    fault.add_argument(
        "--kind",
        choices=FAULT_KINDS,
        default="status",
        help="status: answer with --status as a problem; malformed_json: 200 with a cut-off "
        "JSON body; oversize: 200 with a body over 4 MiB; delay: hold the request --delay "
        "seconds, then serve it (a write is held after its Idempotency-Key is reserved) "
        "(default: status)",
    )
    fault.add_argument(
        "--status", type=int, default=500, help="HTTP status for --kind status (default: 500)"
    )
    fault.add_argument(
        "--retry-after", type=int, metavar="SECONDS", help="send this Retry-After header"
    )
    fault.add_argument(
        "--delay",
        type=float,
        default=5.0,
        metavar="SECONDS",
        help="seconds to hold requests for --kind delay (default: 5)",
    )
    fault.add_argument(
        "--times",
        type=_positive,
        default=1,
        metavar="N",
        help="how many requests fail (default: 1)",
    )
    fault.add_argument("--list", action="store_true", help="list pending faults instead")
    fault.add_argument("--clear", action="store_true", help="drop every pending fault instead")

    inject = command(
        "inject", "append a raw, unchecked event to a talent's feed (for testing clients)"
    )
    inject.add_argument("--talent", required=True, metavar="NAME")
    inject.add_argument("--type", required=True, help="event type (any text, 1-64 characters)")
    inject.add_argument("--data", required=True, metavar="JSON", help="event data (any JSON)")
    return parser


# --- commands -------------------------------------------------------------------------


def _target(args: argparse.Namespace) -> str:
    if args.db is None:
        raise _UsageError(
            f"say which database: --db PATH or ${DB_ENV} (a SQLite file or a postgresql:// URI)"
        )
    return str(args.db)


def _open(args: argparse.Namespace, *, create: bool = False) -> AgencyStore:
    return AgencyStore(_target(args), create=create)


def _print_table(rows: list[dict[str, Any]], columns: Sequence[str]) -> None:
    if not rows:
        print("(none)")
        return
    cells = [[str(row[c]) if row[c] is not None else "-" for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    print("  ".join(c.upper().ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    for r in cells:
        print("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip())


def _serve(args: argparse.Namespace) -> int:
    from talentdesk_agency.runner import is_loopback, serve

    target = _target(args)
    if not 0 <= args.port <= 65_535:
        raise _UsageError("--port must be 0 to 65535")
    if not is_loopback(args.host):
        print(
            f"{PROG}: warning: serving plain HTTP on {args.host}, beyond this computer. "
            "The app accepts plain http only on loopback: put a TLS proxy in front.",
            file=sys.stderr,
        )
    if args.test_faults:
        print(
            f"{PROG}: warning: test mode: requests fail as `{PROG} fault` says",
            file=sys.stderr,
        )
    if args.workers > 1 and not is_postgres_url(target):
        raise _UsageError(
            "--workers needs PostgreSQL: a SQLite file has one writer, which one process "
            "already uses to the full. Serve SQLite with one process, or move to "
            "--db postgresql://... (see docs/agency-server.md)"
        )
    # Open (and create) the database first, so a bad file is reported before listening.
    AgencyStore(target).close()
    try:
        if args.workers > 1:
            from talentdesk_agency.workers import Supervisor

            flags = [
                flag
                for flag, on in (
                    ("--access-log", args.access_log),
                    ("--test-faults", args.test_faults),
                    ("--test-jobs", args.test_jobs),
                )
                if on
            ]
            flags += [f"--http={args.http}"] if args.http else []
            flags += [f"--loop={args.loop}"] if args.loop else []
            return Supervisor(target, args.host, args.port, args.workers, worker_args=flags).run()
        return serve(
            target,
            args.host,
            args.port,
            access_log=args.access_log,
            test_faults=args.test_faults,
            test_jobs=args.test_jobs,
            http=args.http,
            loop=args.loop,
        )
    except OSError as exc:
        reason = exc.strerror or exc
        raise AgencyError(f"cannot listen on {args.host}:{args.port}: {reason}") from exc


def _migrate(args: argparse.Namespace) -> int:
    target = _target(args)
    db = open_database(target)
    try:
        before, after = migrate(db)
    finally:
        db.close()
    if before == after:
        print(f"{describe(target)}: schema version {after}, up to date")
    else:
        print(f"{describe(target)}: schema version {before} -> {after}")
    return 0


def _doctor(args: argparse.Namespace) -> int:
    from talentdesk_agency.doctor import run_doctor

    return run_doctor(_target(args))


def _pair(args: argparse.Namespace) -> int:
    with _open(args, create=True) as store:
        print(store.create_pairing_code(args.talent, ttl_seconds=args.ttl_minutes * 60))
    return 0


def _talents(args: argparse.Namespace) -> int:
    with _open(args) as store:
        _print_table(
            [{"id": t.id, "name": t.display_name} for t in store.talents()], ["id", "name"]
        )
    return 0


def _book(args: argparse.Namespace) -> int:
    with _open(args) as store:
        booking_id = store.create_booking(
            args.talent,
            start=args.start,
            package_id=args.package,
            alias=args.alias,
            handle=args.handle,
            returning=args.returning,
        )
    print(booking_id)
    return 0


def _update(args: argparse.Namespace) -> int:
    if args.start is None and args.package is None:
        raise _UsageError("say what changes: --start and/or --package")
    with _open(args) as store:
        store.update_booking(args.booking_id, start=args.start, package_id=args.package)
    print(f"booking {args.booking_id} updated")
    return 0


def _cancel(args: argparse.Namespace) -> int:
    with _open(args) as store:
        store.cancel_booking(args.booking_id, args.reason)
    print(f"booking {args.booking_id} cancelled")
    return 0


def _config(args: argparse.Namespace) -> int:
    with _open(args, create=True) as store:
        if args.show:
            print(json.dumps(json.loads(wire.encode(store.config())), indent=2, ensure_ascii=False))
            return 0
        if args.agency_name is not None:
            store.set_agency_name(args.agency_name)
            print(f"agency name set to {args.agency_name!r}")
            return 0
        try:
            raw = args.file.read_bytes()
        except OSError as exc:
            raise AgencyError(f"cannot read {args.file}: {exc.strerror or exc}") from exc
        try:
            config = wire.decode(raw, wire.AgencyConfig)
        except msgspec.DecodeError as exc:
            raise AgencyError(f"{args.file} is not a valid agency configuration: {exc}") from exc
        told = store.set_config(config)
    print(f"configuration updated; config.updated pushed to {told} talent(s)")
    return 0


def _escalations(args: argparse.Namespace) -> int:
    with _open(args) as store:
        rows: list[dict[str, Any]] = []
        for e in store.escalation_log.rows(open_only=args.open, limit=args.limit):
            follow_ups = store.escalation_log.follow_ups(e.id)
            rows.append(
                {
                    "id": e.id,
                    "talent": e.talent,
                    "kind": e.kind,
                    "priority": e.priority,
                    "status": e.status,
                    "at": e.at,
                    "crisis_sign": e.crisis_sign,
                    "booking": e.booking_id,
                    "follow_ups": e.follow_ups,
                    "alerted": e.alerted_rounds,
                    "supervisor": e.supervisor,
                    "reason": e.resolution_reason,
                    "note": e.note,
                    "supervisor_note": e.supervisor_note,
                    "follow_up_details": [
                        {"at": f.received_at, "crisis_sign": f.crisis_sign, "note": f.note}
                        for f in follow_ups
                    ],
                }
            )
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return 0
    columns = ["id", "talent", "kind", "priority", "status", "at", "crisis_sign"]
    _print_table(rows, [*columns, "follow_ups", "alerted", "supervisor", "reason"])
    for row in rows:
        # Notes and follow-ups below the table: free text does not fit a column.
        lines = [f"  note: {row['note']}"] if row["note"] else []
        for f in row["follow_up_details"]:
            sign = f" [{f['crisis_sign']}]" if f["crisis_sign"] else ""
            lines.append(f"  follow-up {f['at']}{sign}: {f['note'] or ''}".rstrip())
        if lines:
            print(f"{row['id']}:")
            print("\n".join(lines))
    return 0


def _bookings(args: argparse.Namespace) -> int:
    with _open(args) as store:
        rows = [
            {
                "id": b.id,
                "talent": b.talent,
                "start": b.start,
                "package": b.package.id,
                "returning": b.returning,
                "status": b.status,
                "answer": b.answer,
                "decline_reason": b.answer_reason,
                "cancel_reason": b.cancel_reason,
                "session": "live" if b.live else ("ended" if b.ended_at else None),
            }
            for b in store.bookings.rows()
        ]
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    else:
        _print_table(
            rows,
            ["id", "talent", "start", "package", "status", "answer", "decline_reason", "session"],
        )
    return 0


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("password: ")
        if getpass.getpass("again: ") != first:
            raise AgencyError("the two passwords differ")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def _staff(args: argparse.Namespace) -> int:
    with _open(args, create=True) as store:
        if args.staff_command == "add":
            member = store.staff.add(args.name, args.role, _read_password())
            print(f"added {member.role} {member.name!r}; sign in at /console/login")
        elif args.staff_command == "list":
            _print_table(
                [
                    {
                        "name": m.name,
                        "role": m.role,
                        "state": "disabled" if m.disabled else "active",
                        "on_duty": "yes" if m.on_duty else "no",
                    }
                    for m in store.staff.members()
                ],
                ["name", "role", "state", "on_duty"],
            )
        elif args.staff_command == "unlock":
            forgotten = store.staff.unlock(args.name)
            print(f"{args.name}: unlocked ({forgotten} failed sign-ins forgotten)")
        else:
            store.staff.set_disabled(args.name, args.staff_command == "disable")
            print(f"{args.name}: {args.staff_command}d")
    return 0


def _devices(args: argparse.Namespace) -> int:
    with _open(args) as store:
        names = {t.id: t.display_name for t in store.talents()}
        _print_table(
            [
                {
                    "id": d.id,
                    "talent": names.get(d.talent_id, d.talent_id),
                    "device": d.name,
                    "paired": d.paired_at,
                    "last_seen": d.last_seen_at,
                    "revoked": d.revoked_at,
                }
                for d in store.devices.devices()
            ],
            ["id", "talent", "device", "paired", "last_seen", "revoked"],
        )
    return 0


def _revoke_device(args: argparse.Namespace) -> int:
    with _open(args) as store:
        device = store.devices.revoke(args.device_id)
    print(f"device {device.id} ({device.name}) revoked: its app must pair again")
    return 0


def _policy(args: argparse.Namespace) -> int:
    with _open(args, create=True) as store:
        config = store.config()
        current = config.escalation_policy or wire.EscalationPolicy()
        rules = store.settings.alerting()
        changes = {
            "realert_after_seconds": args.realert_after,
            "remind_owner_after_seconds": args.remind_after,
            "rounds": args.rounds,
        }
        changed = any(v is not None for v in changes.values())
        changed = changed or args.supervisor_phone is not None
        if changed:
            merged = {**msgspec.structs.asdict(current)}
            merged.update({k: v for k, v in changes.items() if v is not None})
            phone = config.supervisor_phone
            if args.supervisor_phone is not None:
                phone = args.supervisor_phone or None
            raw = wire.encode(
                msgspec.structs.replace(config, escalation_policy=merged, supervisor_phone=phone)
            )
            try:
                store.set_config(wire.decode(raw, wire.AgencyConfig))
            except msgspec.ValidationError as exc:
                raise AgencyError(f"not a valid policy: {exc}") from None
        if args.contact is not None or args.webhook is not None:
            contacts = rules.contacts
            if args.contact is not None:
                contacts = tuple(
                    AlertContact(name=n.strip(), phone=p.strip() or None)
                    for n, _, p in (c.partition("|") for c in args.contact)
                )
            try:
                rules = msgspec.convert(
                    {
                        **msgspec.structs.asdict(rules),
                        "contacts": [msgspec.structs.asdict(c) for c in contacts],
                        "webhook_url": args.webhook or rules.webhook_url,
                    },
                    type(rules),
                )
            except msgspec.ValidationError as exc:
                raise AgencyError(f"not valid: {exc}") from None
            store.settings.set_alerting(rules)
        config = store.config()
        shown = {
            "escalation_policy": msgspec.structs.asdict(
                config.escalation_policy or wire.EscalationPolicy()
            ),
            "supervisor_phone": config.supervisor_phone,
            "next_level": [msgspec.structs.asdict(c) for c in rules.contacts],
            "webhook_url": rules.webhook_url,
            "priorities": dict(rules.priorities),
        }
    print(json.dumps(shown, indent=2, ensure_ascii=False))
    return 0


def _ack(args: argparse.Namespace) -> int:
    with _open(args) as store:
        store.acknowledge_escalation(args.escalation_id, args.supervisor, args.note)
    print(f"escalation {args.escalation_id} acknowledged")
    return 0


def _resolve(args: argparse.Namespace) -> int:
    if not args.note.strip():
        raise _UsageError("resolving needs a note saying what was done")
    with _open(args) as store:
        store.resolve_escalation(args.escalation_id, args.supervisor, args.note, args.reason)
    print(f"escalation {args.escalation_id} resolved")
    return 0


def _reports(args: argparse.Namespace) -> int:
    with _open(args) as store:
        rows = [
            {
                "id": r.id,
                "ticket": r.ticket,
                "talent": r.talent,
                "category": r.category,
                "level": r.level,
                "status": r.status,
                "at": r.at,
                "booking": r.booking_id,
                "description": r.description,
                "note": r.note,
            }
            for r in store.reports()
        ]
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    else:
        _print_table(rows, ["ticket", "id", "talent", "category", "level", "status", "at"])
    return 0


def _ticket(args: argparse.Namespace) -> int:
    with _open(args) as store:
        report = store.update_ticket(
            args.report, status=args.status, level=args.level, note=args.note
        )
    print(f"{report.ticket}: {report.level}, {report.status}")
    return 0


def _fault(args: argparse.Namespace) -> int:
    with _open(args, create=True) as store:
        if args.list:
            _print_table(
                [
                    {
                        "id": f.id,
                        "path_prefix": f.path_prefix,
                        "method": f.method,
                        "kind": f.kind,
                        "status": f.status,
                        "retry_after": f.retry_after,
                        "delay": f.delay_seconds,
                        "remaining": f.remaining,
                    }
                    for f in store.faults()
                ],
                [
                    "id",
                    "path_prefix",
                    "method",
                    "kind",
                    "status",
                    "retry_after",
                    "delay",
                    "remaining",
                ],
            )
            return 0
        if args.clear:
            print(f"cleared {store.clear_faults()} fault(s)")
            return 0
        fault_id = store.add_fault(
            path_prefix=args.path_prefix,
            kind=args.kind,
            status=args.status,
            retry_after=args.retry_after,
            delay_seconds=args.delay,
            times=args.times,
            method=args.method,
        )
    print(fault_id)
    return 0


def _inject(args: argparse.Namespace) -> int:
    with _open(args) as store:
        print(store.inject_event(args.talent, args.type, args.data))
    return 0


_COMMANDS: Final[dict[str, Callable[[argparse.Namespace], int]]] = {
    "serve": _serve,
    "migrate": _migrate,
    "doctor": _doctor,
    "pair": _pair,
    "talents": _talents,
    "book": _book,
    "update": _update,
    "cancel": _cancel,
    "config": _config,
    "escalations": _escalations,
    "ack": _ack,
    "resolve": _resolve,
    "bookings": _bookings,
    "staff": _staff,
    "devices": _devices,
    "revoke-device": _revoke_device,
    "policy": _policy,
    "reports": _reports,
    "ticket": _ticket,
    "fault": _fault,
    "inject": _inject,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command.

    Args:
        argv: The arguments (default: ``sys.argv[1:]``).

    Returns:
        The exit code.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except _UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"{PROG} {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except AgencyError as exc:
        print(f"{PROG} {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except database_errors() as exc:
        where = describe(args.db) if args.db is not None else "?"
        print(f"{PROG} {args.command}: error: database {where}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # python -m talentdesk_agency.cli
    sys.exit(main())
