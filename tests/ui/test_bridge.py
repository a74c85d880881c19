"""The bridge: work runs on a worker, its outcome arrives on the GUI thread, through one signal."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from talentdesk.ui.bridge import Bridge, Operation


@pytest.fixture
def bridge() -> Iterator[Bridge]:
    b = Bridge()
    yield b
    b.shutdown()


def test_result_arrives_on_the_gui_thread(qtbot: QtBot, bridge: Bridge) -> None:
    ran_on: list[threading.Thread] = []
    got: list[tuple[int, threading.Thread]] = []

    def work() -> int:
        ran_on.append(threading.current_thread())
        return 42

    def success(result: int) -> None:
        got.append((result, threading.current_thread()))

    Operation(work, success=success).run_in_background(bridge)
    qtbot.waitUntil(lambda: bool(got))
    assert ran_on[0] is not threading.main_thread()
    assert got == [(42, threading.main_thread())]
    assert not bridge.busy


def test_failure_arrives_on_the_gui_thread(qtbot: QtBot, bridge: Bridge) -> None:
    failures: list[tuple[Exception, threading.Thread]] = []

    def work() -> int:
        raise ValueError("boom")

    Operation(work, success=lambda r: pytest.fail("no result expected")).failure(
        lambda exc: failures.append((exc, threading.current_thread()))
    ).run_in_background(bridge)
    qtbot.waitUntil(lambda: bool(failures))
    exc, thread = failures[0]
    assert isinstance(exc, ValueError) and str(exc) == "boom"
    assert thread is threading.main_thread()


def test_outcome_is_never_delivered_synchronously(qtbot: QtBot, bridge: Bridge) -> None:
    got: list[int] = []
    future = Operation(lambda: 1, success=got.append).run_in_background(bridge)
    future.result(timeout=5)  # done on the worker...
    assert got == []  # ...but only the event loop delivers it
    assert bridge.busy
    qtbot.waitUntil(lambda: got == [1])


def test_outcome_for_a_deleted_receiver_is_dropped(qtbot: QtBot, bridge: Bridge) -> None:
    receiver = QObject()
    got: list[int] = []
    release = threading.Event()

    def work() -> int:
        release.wait(5)
        return 1

    Operation(work, success=got.append, parent=receiver).run_in_background(bridge)
    receiver.deleteLater()
    qtbot.waitUntil(lambda: not _alive(receiver))
    release.set()
    qtbot.waitUntil(lambda: not bridge.busy)
    assert got == []


def test_unhandled_failure_is_logged(
    qtbot: QtBot, bridge: Bridge, caplog: pytest.LogCaptureFixture
) -> None:
    def work() -> None:
        raise RuntimeError("nobody listens")

    with caplog.at_level(logging.ERROR, logger="talentdesk.ui.bridge"):
        Operation(work, success=lambda r: None).run_in_background(bridge)
        qtbot.waitUntil(lambda: not bridge.busy)
    assert "background operation failed" in caplog.text
    assert "nobody listens" in caplog.text


def test_shut_down_bridge_refuses_work(bridge: Bridge) -> None:
    bridge.shutdown()
    with pytest.raises(RuntimeError):
        Operation(lambda: 1, success=lambda r: None).run_in_background(bridge)


def test_many_operations_all_arrive(qtbot: QtBot, bridge: Bridge) -> None:
    got: list[int] = []
    for i in range(50):
        Operation(lambda i=i: i * i, success=got.append).run_in_background(bridge)  # type: ignore[misc]
    qtbot.waitUntil(lambda: len(got) == 50)
    assert sorted(got) == [i * i for i in range(50)]


def _alive(obj: QObject) -> bool:
    return bool(shiboken6.isValid(obj))
