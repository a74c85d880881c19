"""The status line and "Retry now" in the window, against the reference agency on loopback;
and the line cut short with "…" where the window is narrow.

The agency refuses the feed with 403 (faults of its test mode): the line says why and
when it tries again (5 minutes by the contract), "Retry now" shows; pressing it asks at
once; once the agency lets the device in again the line says connected and the button
goes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from talentdesk.ui.status_line import SyncStatusLine
from talentdesk.workspace import SyncTuning
from talentdesk_agency import AgencyStore, ServerThread
from tests.ui.conftest import AppFactory, click
from tests.ui.pages.test_agency import WAIT_MS, Agency, paired_vault, unlock, wait_connected


@pytest.mark.usefixtures("english")
def test_a_narrow_window_cuts_the_line_and_keeps_it_whole_in_the_tooltip(qtbot: QtBot) -> None:
    line = SyncStatusLine(None)
    qtbot.addWidget(line)
    line.resize(600, 24)
    line.show()
    assert line.full_text == "Not paired with an agency"
    assert line.text() == line.full_text
    line.resize(120, 24)
    qtbot.waitUntil(lambda: line.text() != line.full_text)
    assert line.text().endswith("…")
    assert line.fontMetrics().horizontalAdvance(line.text()) <= line.contentsRect().width()
    assert line.toolTip() == "Not paired with an agency"
    line.resize(600, 24)
    qtbot.waitUntil(lambda: line.text() == line.full_text)


@pytest.fixture
def agency(tmp_path: Path) -> Iterator[Agency]:
    db = tmp_path / "agency.sqlite3"
    server = ServerThread(db, faults=True)
    server.start()
    store = AgencyStore(db)
    yield Agency(server, store, db)
    store.close()
    server.stop()


@pytest.mark.usefixtures("no_keyring")
def test_a_refused_feed_says_why_and_retry_now_asks_at_once(
    qtbot: QtBot, agency: Agency, make_app: AppFactory, vault_path: Path
) -> None:
    paired_vault(vault_path, agency)
    window = unlock(qtbot, make_app("en", sync_tuning=SyncTuning(feed_wait=1, client_timeout=5)))
    wait_connected(qtbot, window)
    line, button = window.agency_line, window.retry_now
    assert button.isHidden()

    name = agency.store.agency_name
    agency.store.add_fault(path_prefix="/v1/feed", kind="status", status=403, times=2)
    qtbot.waitUntil(lambda: "isn't letting this device sync" in line.full_text, timeout=WAIT_MS)
    assert line.full_text == (
        f"{name} isn't letting this device sync for now. Trying again in 5 min."
    )
    assert line.property("tone") == "warning"
    qtbot.waitUntil(button.isVisible, timeout=WAIT_MS)
    assert button.text() == "Retry now"

    click(button)  # the second 403 at once, not in 5 minutes
    qtbot.waitUntil(lambda: not agency.store.fault_table.pending(), timeout=WAIT_MS)
    assert button.isVisible()
    click(button)  # the agency lets the device in again
    wait_connected(qtbot, window)
    qtbot.waitUntil(button.isHidden, timeout=WAIT_MS)
