"""The bridge: work runs on a worker, its outcome arrives on the GUI thread, through one signal."""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from talentdesk.ui.bridge import Bridge, Coalescer, LatestOnly, Operation, WorkspaceBridge
from talentdesk.vault import Vault
from talentdesk.workspace import Changes, Workspace


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


def test_what_the_work_holds_is_let_go_of_on_the_gui_thread(qtbot: QtBot, bridge: Bridge) -> None:
    """A window closed while its work ran is never destroyed on the worker (~QObject there
    deadlocks against the GUI thread): not even when the worker finishes last."""
    let_go_on: list[int] = []
    window = QObject()
    weakref.finalize(window, lambda: let_go_on.append(threading.get_ident()))
    started, delivered = threading.Event(), threading.Event()

    def work(window: QObject = window) -> int:
        started.wait(5)
        return 42

    results: list[int] = []

    def done(f: Future[int]) -> None:
        results.append(f.result())
        delivered.set()

    future = bridge.submit(work, done)
    # The worker's last step before letting go of its work item waits for the delivery:
    # the order in which the worker would be the last to hold the window.
    future.add_done_callback(lambda _f: delivered.wait(5))
    del window, work
    started.set()
    qtbot.waitUntil(lambda: results == [42])
    qtbot.waitUntil(lambda: bool(let_go_on))
    assert let_go_on == [threading.get_ident()]


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


# --------------------------------------------------------------------------- the helpers


def test_a_burst_from_worker_threads_arrives_merged_on_the_gui_thread(
    qtbot: QtBot, bridge: Bridge
) -> None:
    got: list[tuple[frozenset[int], threading.Thread]] = []
    box: Coalescer[frozenset[int]] = Coalescer(
        bridge, lambda value: got.append((value, threading.current_thread())), frozenset.union
    )
    threads = [threading.Thread(target=lambda n=n: box.put(frozenset({n}))) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    qtbot.waitUntil(lambda: bool(got))
    qtbot.waitUntil(lambda: not bridge.busy)
    merged = frozenset().union(*(value for value, _ in got))
    assert merged == frozenset(range(20))  # nothing lost
    assert len(got) < 20  # and fewer deliveries than puts
    assert {thread for _, thread in got} == {threading.main_thread()}


def test_latest_only_loads_once_more_after_a_burst_of_requests(
    qtbot: QtBot, bridge: Bridge, workspace: Workspace
) -> None:
    release = threading.Event()
    version = [0]
    loads: list[int] = []
    shown: list[int] = []

    def load() -> int:
        seen = version[0]
        loads.append(seen)
        release.wait(5)
        return seen

    view = WorkspaceBridge(workspace, bridge)
    loader = LatestOnly(view.run, load, shown.append, lambda exc: None)
    loader.request()
    qtbot.waitUntil(lambda: len(loads) == 1)
    for n in range(1, 6):  # five changes while the first load runs
        version[0] = n
        loader.request()
    release.set()
    qtbot.waitUntil(lambda: len(shown) == 2)
    qtbot.waitUntil(lambda: not bridge.busy)
    assert loads == [0, 5] and shown == [0, 5]  # two loads, the second sees the latest


def test_latest_only_newest_only_shows_only_the_answer_to_the_last_request(
    qtbot: QtBot, bridge: Bridge, workspace: Workspace
) -> None:
    release = threading.Event()
    loads: list[str] = []
    shown: list[str] = []

    def search(query: str) -> Callable[[], str]:
        def load() -> str:  # each request carries what was typed when it was made
            loads.append(query)
            release.wait(5)
            return query

        return load

    view = WorkspaceBridge(workspace, bridge)
    loader: LatestOnly[str] = LatestOnly(view.run, None, shown.append, newest_only=True)
    loader.request(search("s"))
    qtbot.waitUntil(lambda: len(loads) == 1)
    for typed in ("sa", "say", "sayang"):
        loader.request(search(typed))
    release.set()
    qtbot.waitUntil(lambda: len(loads) == 4 and not bridge.busy)
    # Every keystroke was searched at once; only the answer to the last one shows.
    assert sorted(loads) == ["s", "sa", "say", "sayang"] and shown == ["sayang"]

    release.clear()
    loader.request(search("pagi"))
    qtbot.waitUntil(lambda: len(loads) == 5)
    loader.drop()  # e.g. a boundary's linked replies replace the search
    release.set()
    qtbot.waitUntil(lambda: not loader.loading and not bridge.busy)
    assert shown == ["sayang"]
    loader.request(search("malam"))
    qtbot.waitUntil(lambda: shown == ["sayang", "malam"])


def test_the_workspace_bridge_re_emits_changes_on_the_gui_thread_until_closed(
    qtbot: QtBot, bridge: Bridge, workspace: Workspace
) -> None:
    view = WorkspaceBridge(workspace, bridge)
    got: list[tuple[Changes, threading.Thread]] = []
    view.changed.connect(lambda changes: got.append((changes, threading.current_thread())))
    worker = threading.Thread(target=lambda: workspace.notify(Changes(bookings=True)))
    worker.start()
    worker.join()
    workspace.notify(Changes(outbox=True))
    qtbot.waitUntil(lambda: bool(got))
    qtbot.waitUntil(lambda: not bridge.busy)
    merged = Changes()
    for changes, thread in got:
        assert thread is threading.main_thread()
        merged |= changes
    assert merged == Changes(bookings=True, outbox=True)

    outcomes: list[int] = []
    view.run(lambda: 1, outcomes.append)
    view.close()
    workspace.notify(Changes(safety=True))
    view.run(lambda: 2, outcomes.append)
    qtbot.waitUntil(lambda: not bridge.busy)
    assert outcomes == []  # closed: the outcome on its way is dropped, nothing new starts
    assert all(not changes.safety for changes, _ in got)


@pytest.fixture
def workspace(data_dir: Path) -> Iterator[Workspace]:
    vault = Vault.create(data_dir / "vault.sqlite3", passphrase="jembatan ke layar")
    made = Workspace(vault)
    yield made
    made.close()
    vault.close()
