"""Sign-in with a wrong password: an account's name against a name nobody has, over HTTP.

The reference server on loopback, the console's real sign-in form (CSRF cookie and token).
Each round tries a wrong password for an account's name and for an unknown name, in
alternating order, timing the POST; the failures are then forgotten (not timed) so the
throttle never answers instead of Argon2. An unknown name is verified against a dummy
hash, so the two should take as long: the figures say how close they are.

    uv run python -m bench.sign_in_names [--rounds 40]
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from bench._support import report
from talentdesk_agency import AgencyStore, ServerThread
from talentdesk_agency.store.records import StaffRole

ROUNDS = 40
PASSWORD = "bench password 1"
KNOWN, UNKNOWN = "Rina", "Rxna"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args()
    db = Path(tempfile.mkdtemp(prefix="bench-sign-in-")) / "agency.sqlite3"
    with AgencyStore(db) as store:
        store.staff.add(KNOWN, StaffRole.SUPERVISOR, PASSWORD)
    times: dict[str, list[float]] = {KNOWN: [], UNKNOWN: []}
    with (
        ServerThread(db, app_options={"policy_interval": None}) as server,
        AgencyStore(db) as store,
        httpx.Client(base_url=server.url, timeout=30) as client,
    ):
        for n in range(args.rounds):
            for name in (KNOWN, UNKNOWN) if n % 2 else (UNKNOWN, KNOWN):
                page = client.get("/console/login")
                found = re.search(r'name="csrf" value="([^"]*)"', page.text)
                assert found is not None
                form = {"csrf": found.group(1), "name": name, "password": "not the password"}
                started = time.perf_counter()
                answer = client.post("/console/login", data=form)
                times[name].append((time.perf_counter() - started) * 1000)
                assert answer.status_code == 401, answer.status_code
            with store.db.write() as tx:
                tx.execute("DELETE FROM login_failures")
    report("wrong password, an account's name", times[KNOWN])
    report("wrong password, a name nobody has", times[UNKNOWN])
    gap = statistics.median(times[UNKNOWN]) - statistics.median(times[KNOWN])
    print(f"median difference (unknown - known): {gap:+.2f} ms", flush=True)


if __name__ == "__main__":
    main()
