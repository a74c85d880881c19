"""A test that hangs ends its worker with every thread's stack, not the CI run's 90 minutes.

Each test runs under ``faulthandler``'s watchdog. The watchdog is a C thread: it fires
even when a deadlock holds the GIL (the GUI thread waiting for Qt's lock while holding
it), which a Python timer thread could not. It writes every thread's stack to the
worker's file in this run's hang folder and ends the worker; pytest-xdist reports the
test as failed (its worker crashed) and the controller prints the stacks at the end.
"""

from __future__ import annotations

import faulthandler
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

#: Seconds one test (set-up, call and tear-down) may take before it counts as hung.
HANG_SECONDS_VAR = "TALENTDESK_TEST_HANG_SECONDS"
DEFAULT_HANG_SECONDS = 300.0

#: This run's hang folder, made by the controller and inherited by its workers.
HANG_DIR_VAR = "TALENTDESK_TEST_HANG_DIR"

_stacks: IO[str] | None = None


def _is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def pytest_configure(config: pytest.Config) -> None:
    global _stacks
    if not _is_worker(config):
        # A new folder per run, even inside another run's test (which has its own).
        os.environ[HANG_DIR_VAR] = tempfile.mkdtemp(prefix="talentdesk-hangs-")
    folder = Path(os.environ[HANG_DIR_VAR])
    worker = getattr(config, "workerinput", {}).get("workerid", "main")
    _stacks = (folder / f"{worker}-{os.getpid()}.txt").open("w", encoding="utf-8")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    seconds = float(os.environ.get(HANG_SECONDS_VAR, DEFAULT_HANG_SECONDS))
    stacks = _stacks
    if stacks is None or seconds <= 0:
        yield
        return
    stacks.seek(0)
    stacks.truncate()
    stacks.write(f"{item.nodeid} ran over {seconds:g} s. Every thread's stack:\n")
    stacks.flush()
    faulthandler.dump_traceback_later(seconds, exit=True, file=stacks)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
        stacks.seek(0)
        stacks.truncate()


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    if _is_worker(config):
        return
    folder = Path(os.environ[HANG_DIR_VAR])
    for found in sorted(folder.glob("*.txt")):
        text = found.read_text(encoding="utf-8", errors="replace")
        if text.strip():
            terminalreporter.section(f"hung test ({found.stem})", sep="!")
            terminalreporter.write(text)


def pytest_unconfigure(config: pytest.Config) -> None:
    global _stacks
    if _stacks is not None:
        _stacks.close()
        _stacks = None
