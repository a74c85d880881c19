"""Push-to-visible latency: 200 bookings pushed one by one through the reference server.

Measured from the agency's `book` call to the app's page listener holding the
booking (applied in the vault, the moment the window is told to refresh).
Target: p95 at most 300 ms on loopback.
"""

from __future__ import annotations

import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench._support import ensure_keyring, report
from talentdesk.sync.apply import PageResult
from talentdesk.sync.service import SyncService
from talentdesk.vault import Vault, forget_keys
from talentdesk_agency import AgencyStore, ServerThread

PUSHES = 200


def main() -> None:
    ensure_keyring()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "agency.sqlite3"
        server = ServerThread(db)
        url = server.start()
        agency = AgencyStore(db)
        vault = Vault.create(Path(tmp) / "app" / "vault.sqlite3")
        sync = SyncService(vault)
        sync.pair(url, agency.create_pairing_code("Sari"))
        seen: dict[str, float] = {}
        arrived = threading.Condition()

        def on_page(result: PageResult) -> None:
            with arrived:
                for booking_id in result.bookings_changed:
                    seen.setdefault(booking_id, time.perf_counter())
                arrived.notify_all()

        sync.add_page_listener(on_page)
        sync.start()
        time.sleep(0.5)  # connected and idle in a long-poll
        package = agency.config().packages[0].id
        start = datetime.now(UTC) + timedelta(hours=1)
        latencies = []
        for i in range(PUSHES):
            t0 = time.perf_counter()
            booking_id = agency.create_booking(
                "Sari",
                start=start + timedelta(minutes=i),
                package_id=package,
                alias=f"Tamu {i}",
                handle=f"@tamu{i}",
            )
            with arrived:
                arrived.wait_for(lambda: booking_id in seen, timeout=10)  # noqa: B023
            latencies.append((seen[booking_id] - t0) * 1000)
        report(f"push to visible, {PUSHES} bookings one by one", latencies, target_ms=300)
        sync.stop()
        forget_keys(vault.info)
        vault.close()
        agency.close()
        server.stop()


if __name__ == "__main__":
    main()
