"""Shared fixtures: isolated folders, and real keyrings or an honest skip.

Every test runs with its own data dir, and the process's XDG folders and
TMPDIR point into one session folder, so no test touches the developer's
real files and privacy tests can scan every place the app could write.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.required import missing

# pytest-xdist's workers inherit the TMPDIR set below by the controlling process: each
# worker's root goes beside it, not inside it (Chromium's socket paths have a length limit).
_OUTER_TMPDIR = "TALENTDESK_TESTS_OUTER_TMPDIR"
os.environ.setdefault(_OUTER_TMPDIR, tempfile.gettempdir())
SESSION_ROOT = Path(tempfile.mkdtemp(prefix="talentdesk-tests-", dir=os.environ[_OUTER_TMPDIR]))

# Before any Qt import: tests never need a screen. The offscreen one is a 1366×768
# laptop screen at 96 dpi (what the talents have, and what the layout check measures
# against), not Qt's default 800×800.
_SCREEN = SESSION_ROOT / "offscreen-screen.json"
_SCREEN.write_text(
    json.dumps(
        {
            "screens": [
                {
                    "name": "laptop",
                    "x": 0,
                    "y": 0,
                    "width": 1366,
                    "height": 768,
                    "logicalDpi": 96,
                    "logicalBaseDpi": 96,
                    "dpr": 1,
                }
            ]
        }
    )
)
# (An xdist worker inherits its controller's configfile: it takes its own.)
if os.environ.get("QT_QPA_PLATFORM", "offscreen").split(":")[0] == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = str(SESSION_ROOT / _var.lower())
os.environ["TMPDIR"] = str(SESSION_ROOT / "tmp")
(SESSION_ROOT / "tmp").mkdir()
tempfile.tempdir = None  # re-read TMPDIR

from talentdesk.vault import VaultInfo, forget_keys, keyring_status  # noqa: E402
from talentdesk.vault.keys import KeyringStatus  # noqa: E402

#: The reference agency fixtures (``agency``, ``agency_db``, ``sari``) for every package.
#: ``tests.watchdog``: a hung test ends its worker with every thread's stack.
pytest_plugins = ["tests.reference_agency", "tests.watchdog"]

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

REQUIRE_SECRET_SERVICE = "TALENTDESK_REQUIRE_SECRET_SERVICE"


@pytest.fixture(scope="session")
def qapp(qapp: QApplication) -> QApplication:
    """pytest-qt's application, with cycles collected on its thread only, as the desk's is.

    (:mod:`talentdesk.ui.collector`: a Qt object in a cycle collected on a sync or
    operation thread deadlocks against the GUI thread.)
    """
    from talentdesk.ui.collector import collect_on_gui_thread

    collect_on_gui_thread(qapp)
    return qapp


def pytest_runtest_teardown(item: pytest.Item) -> None:
    """Collect the cycles that are due after each test, on the GUI thread.

    Once a Qt test switched automatic collection off, tests that never run Qt's event
    loop (the agency's, say) would otherwise leave their cycles until the next Qt test.
    """
    if "talentdesk.ui.collector" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication

    from talentdesk.ui.collector import installed_collector

    app = QCoreApplication.instance()
    collector = installed_collector(app) if app is not None else None
    if collector is not None:
        collector.collect_due()


@pytest.fixture
def session_root() -> Path:
    """The folder holding this test session's XDG folders and TMPDIR."""
    return SESSION_ROOT


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data dir, also exported as TALENTDESK_DATA_DIR."""
    path = tmp_path / "data"
    monkeypatch.setenv("TALENTDESK_DATA_DIR", str(path))
    return path


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Behave as a machine with no keyring backend at all (the keyring library's fail backend)."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    import keyring.core

    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    yield
    # The library caches the backend; let the next test choose afresh.
    keyring.core._keyring_backend = None


@pytest.fixture
def secret_service() -> KeyringStatus:
    """A real, unlocked OS keyring; skipped where none runs, failed where CI requires one."""
    status = keyring_status()
    if not status.available:
        missing(REQUIRE_SECRET_SERVICE, f"no usable Secret Service: {status.reason}")
    return status


@pytest.fixture
def keyring_cleanup() -> Iterator[list[VaultInfo]]:
    """Collects keyring vaults a test created and deletes their keys afterwards."""
    created: list[VaultInfo] = []
    yield created
    for info in created:
        forget_keys(info)
