"""A hung test fails its run in seconds, with every thread's stack, even holding the GIL."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.watchdog import HANG_DIR_VAR, HANG_SECONDS_VAR

REPO = Path(__file__).resolve().parents[1]

HUNG = """
import ctypes
import threading


def test_passes() -> None:
    assert True


def test_hangs_holding_the_gil() -> None:
    # A C call made through PyDLL keeps the GIL, as a deadlock inside Qt does.
    threading.Thread(target=lambda: None, name="sync-outbox").start()
    ctypes.PyDLL(None).sleep(120)
"""


def test_a_test_holding_the_gil_fails_with_every_threads_stack(tmp_path: Path) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    (tmp_path / "test_hung.py").write_text(HUNG)
    env = {k: v for k, v in os.environ.items() if k != HANG_DIR_VAR}
    env[HANG_SECONDS_VAR] = "3"
    env["PYTHONPATH"] = str(REPO)
    ini = ["-c", str(tmp_path / "pytest.ini"), "-n", "1", "--max-worker-restart", "0"]
    plugins = ["-p", "tests.watchdog", "-p", "no:cacheprovider"]
    run = subprocess.run(
        [sys.executable, "-m", "pytest", *ini, *plugins, str(tmp_path / "test_hung.py")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    out = run.stdout
    assert run.returncode == 1, out + run.stderr
    assert "1 passed" in out and "1 failed" in out, out
    # The suite's own addopts: no replacement worker (under --dist loadfile one can wait
    # for ever), the run ends with the failure.
    assert "worker restarting disabled" in out, out
    assert "hung test (gw0-" in out, out
    assert "test_hung.py::test_hangs_holding_the_gil ran over 3 s" in out, out
    assert "line 13 in test_hangs_holding_the_gil" in out, out
