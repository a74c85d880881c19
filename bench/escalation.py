"""Escalation latency: a real click on the escalate button, offscreen, against the reference
agency on loopback.

Two figures per escalation:

* **click to durable**: from the mouse click to the moment the escalation and its urgent
  outbox item are committed (``synchronous=FULL``) in the vault: the outbox's first
  after-commit listener.
* **click to return**: until the click handler returns, after the listeners that run on
  the committing thread (the outbox's, the safety service's catch-up). Target: p99 at most
  20 ms over 1,000 escalations, and the same in the last tenth as in the first: nothing
  after a click may grow with the escalations kept on the device.
* **click to received**: from the click until the agency's database holds the
  escalation (polled every 0.2 ms from the test thread). Target: p95 at most 100 ms.

Beside the wall-clock figures, the CPU time the GUI thread spent in each click
(``time.thread_time``): what the code itself costs, without the waits for the disk
(``fsync`` of the commit) and for the machine's other tenants, which make the tails.

The click goes through the Safety page's escalate box, as in the app (its lists of every
escalation and report are updated in the click); the machine's load average is printed
with the figures, as the wall-clock tails depend on it.

Each click waits for the previous escalation to arrive and for the screens to catch up,
so the sender and the bridge are idle when the next click comes, as they would be for a
talent. Run it with
``uv run python -m bench.escalation [--clicks N]``.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from bench._support import ensure_keyring, percentile, report
from talentdesk.sync.service import SyncService
from talentdesk.ui.agency_link import AgencyLink
from talentdesk.ui.bridge import Bridge, WorkspaceBridge
from talentdesk.ui.pages.safety import SafetyPage
from talentdesk.ui.safety import SafetyController
from talentdesk.vault import Vault, forget_keys
from talentdesk.workspace import SyncTuning, Workspace
from talentdesk_agency import AgencyStore, ServerThread

CLICKS = 1000
DURABLE_P99_MS = 20.0
RETURN_P99_MS = 20.0
RECEIVED_P95_MS = 100.0


def _count(agency: AgencyStore) -> int:
    row = agency._conn.execute("SELECT count(*) FROM escalations").fetchone()
    return int(row[0])


def _wait_received(agency: AgencyStore, expected: int, timeout: float = 10.0) -> float:
    deadline = time.perf_counter() + timeout
    while True:
        if _count(agency) >= expected:
            return time.perf_counter()
        if time.perf_counter() > deadline:
            raise TimeoutError(f"escalation {expected} did not reach the agency")
        time.sleep(0.0002)


def _settle(app: QApplication, bridge: Bridge, quiet: float = 0.05) -> None:
    """Run the event loop until the bridge is idle, then a moment more."""
    deadline = time.perf_counter() + 10
    while bridge.busy and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.001)
    end = time.perf_counter() + quiet
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--clicks", type=int, default=CLICKS)
    args = parser.parse_args()
    ensure_keyring()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "agency.sqlite3"
        server = ServerThread(db)
        url = server.start()
        agency = AgencyStore(db)
        vault = Vault.create(Path(tmp) / "app" / "vault.sqlite3")
        SyncService(vault).pair(url, agency.create_pairing_code("Sari"))
        bridge = Bridge()
        workspace = Workspace(vault, sync=SyncTuning(feed_wait=10))
        committed: list[float] = []
        # The workspace hears of an outbox change right after the commit, before the
        # safety service's own catch-up runs on the same thread.
        workspace.subscribe(
            lambda changes: committed.append(time.perf_counter()) if changes.outbox else None
        )
        view = WorkspaceBridge(workspace, bridge)
        desk = AgencyLink(view)
        safety = SafetyController(view, paired=lambda: desk.pairing is not None)
        # The app's click goes through the Safety page's box (Ctrl+Shift+E builds the
        # page): its lists of every escalation and report are updated in the click.
        page = SafetyPage(safety)
        page.resize(1100, 800)
        page.show()
        box = page.box
        desk.start()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not workspace.syncing:
            app.processEvents()
        time.sleep(0.5)  # connected and idle in a long-poll

        durable: list[float] = []
        clicks: list[float] = []
        calls: list[float] = []
        cpu: list[float] = []
        received: list[float] = []
        for n in range(1, args.clicks + 1):
            committed.clear()
            c0 = time.thread_time()
            t0 = time.perf_counter()
            QTest.mouseClick(box.button, Qt.MouseButton.LeftButton)
            t1 = time.perf_counter()
            cpu.append((time.thread_time() - c0) * 1000)
            assert committed, "the click returned before the escalation was committed"
            durable.append((committed[0] - t0) * 1000)
            arrived = _wait_received(agency, n)
            clicks.append((t1 - t0) * 1000)
            assert safety.last_escalate_seconds is not None
            calls.append(safety.last_escalate_seconds * 1000)
            received.append((arrived - t0) * 1000)
            _settle(app, bridge)  # the panel and lists catch up, as between a talent's clicks

        print(f"escalations: {args.clicks}, vault in {vault.info.protection.value} mode")
        one, five, fifteen = os.getloadavg()
        print(
            f"load average (1, 5, 15 min): {one:.2f} {five:.2f} {fifteen:.2f} "
            f"on {os.cpu_count()} cores"
        )
        report("click to durable (committed in the vault)", durable)
        p99 = percentile(durable, 99)
        verdict = "within" if p99 <= DURABLE_P99_MS else "OVER"
        print(f"  click to durable p99 {p99:.2f} ms (target {DURABLE_P99_MS:g} ms: {verdict})")
        report("click to return (after-commit listeners included)", clicks)
        p99 = percentile(clicks, 99)
        verdict = "within" if p99 <= RETURN_P99_MS else "OVER"
        print(f"  click to return p99 {p99:.2f} ms (target {RETURN_P99_MS:g} ms: {verdict})")
        report("escalate call alone", calls)
        report("CPU time of the click on the GUI thread (no waits)", cpu)
        tenth = max(1, len(clicks) // 10)
        for name, values in (("durable", durable), ("return", clicks), ("click CPU", cpu)):
            report(f"{name}, first tenth (escalations 1-{tenth})", values[:tenth])
            report(
                f"{name}, last tenth (escalations {len(values) - tenth + 1}-{len(values)})",
                values[-tenth:],
            )
        report("click to received by the agency", received, target_ms=RECEIVED_P95_MS)

        page.close()
        safety.release()
        desk.release_now()
        bridge.shutdown(wait=True)
        forget_keys(vault.info)
        vault.close()
        agency.close()
        server.stop()


if __name__ == "__main__":
    main()
