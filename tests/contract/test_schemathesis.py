"""Schemathesis against the running reference server, with its own spec and every check.

The server gets a paired talent whose feed holds every event type (so response
conformance covers each ``data`` shape), then schemathesis runs all phases (examples,
coverage, fuzzing, stateful) with ``--checks all``. Bounded by ``--max-examples`` and a
fixed seed so the run is repeatable and takes seconds, not minutes. The hooks it loads
are explained in ``contract_hooks.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from talentdesk_agency import AgencyStore, ServerThread, policy
from talentdesk_agency.store import DbTarget, now_utc
from talentdesk_contract import wire
from talentdesk_contract.values import ReportStatus, ResolutionReason, TicketLevel
from tests.reference_agency import Paired, pair, soon

SPEC = Path(wire.__file__).with_name("agency-api.yaml")
HOOKS = Path(__file__).with_name("contract_hooks.py")
MAX_EXAMPLES = 25
SEED = 20250501


def _fill_feed(talent: Paired) -> list[str]:
    """Give the talent one event of every type (and one of an unknown type)."""
    db = talent.db
    escalations = [
        wire.decode(
            talent.write(
                "POST", "/v1/escalations", {"level": "urgent", "at": soon().isoformat()}
            ).content,
            wire.EscalationCreated,
        ).id
        for _ in range(3)
    ]
    report = wire.decode(
        talent.write(
            "POST",
            "/v1/reports",
            {
                "session_id": "s-1",
                "booking_id": "bk_1",
                "category": "other",
                "description": "seed",
                "at": soon().isoformat(),
            },
        ).content,
        wire.Report,
    )
    with AgencyStore(db) as store:
        bookings = [
            store.create_booking(
                talent.talent,
                start=soon(15 * n),
                package_id="curhat-30",
                alias=f"Contoh {n}",
                handle=f"@contoh.{n}",
                returning=n % 2 == 1,
            )
            for n in range(6)
        ]
        store.update_booking(bookings[0], package_id="chatcall-90")
        store.cancel_booking(bookings[1], "customer asked")
        store.set_config(store.config())
        store.acknowledge_escalation(escalations[0], "Bu Rina", "on it")
        store.resolve_escalation(escalations[0], "Bu Rina", "ok", ResolutionReason.HANDLED)
        store.resolve_escalation(
            escalations[1], "Pak Budi", "false alarm", ResolutionReason.FALSE_ALARM
        )
        store.update_ticket(
            report.id, status=ReportStatus.IN_PROGRESS, level=TicketLevel.SUPERVISOR
        )
        store.inject_event(talent.talent, "talent.wave", '{"any": ["thing", 1]}')
        # Nobody takes the last one: alerted again, then unanswered.
        later = now_utc() + timedelta(hours=1)
        assert policy.tick(store, later).alerted_again
        assert policy.tick(store, later).unanswered
    kinds = {event.type for event in talent.events()}
    assert kinds >= set(wire.EventType)
    return bookings[2:]


def test_schemathesis_all_checks_pass(tmp_path: Path, agency_db: DbTarget) -> None:
    db = agency_db
    with ServerThread(db) as server:
        talent = pair(server.url, db, "Schemathesis")
        try:
            bookings = _fill_feed(talent)
            with AgencyStore(db) as store:
                codes = [store.create_pairing_code("Schemathesis") for _ in range(60)]
            command = [
                str(Path(sys.executable).with_name("schemathesis")),
                "run",
                str(SPEC),
                "--url",
                server.url,
                "--checks",
                "all",
                "--max-examples",
                str(MAX_EXAMPLES),
                "--seed",
                str(SEED),
                "--header",
                f"Authorization: Bearer {talent.token}",
                "--generation-database",
                "none",
                "--request-timeout",
                "10",
                "--no-color",
            ]
            env = dict(
                os.environ,
                SCHEMATHESIS_HOOKS=str(HOOKS),
                TALENTDESK_ST_BOOKING_IDS=",".join(bookings),
                TALENTDESK_ST_PAIRING_CODES=",".join(codes),
            )
            result = subprocess.run(
                command,
                cwd=tmp_path,
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
        finally:
            talent.client.close()
    report = result.stdout + result.stderr
    print(report[-4000:])  # shown by pytest -s or on failure
    assert result.returncode == 0, report[-12_000:]
    # Not even a warning (an operation never reached, auth never passing, ...).
    assert "No issues found" in report, report[-6_000:]
