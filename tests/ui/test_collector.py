"""Reference cycles, Qt objects in them included, are collected on the GUI thread only."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from talentdesk.ui.application import ensure_qapplication
from talentdesk.ui.collector import (
    GuiThreadCollector,
    collect_on_gui_thread,
    due_generation,
    installed_collector,
)


class Cycle:
    """A Qt object owned by Python, reachable only through a reference cycle."""

    def __init__(self) -> None:
        self.me = self
        self.qobject = QObject()


def drop_a_cycle(collected_on: list[int]) -> None:
    """Make a cycle, note on which thread it is collected, and drop it."""
    cycle = Cycle()
    weakref.finalize(cycle, lambda: collected_on.append(threading.get_ident()))
    del cycle


def allocate_on_a_worker(count: int = 50_000) -> list[list[int]]:
    """Allocate and keep enough containers to pass every collector threshold, as a worker."""
    kept: list[list[int]] = []

    def allocate() -> None:
        kept.extend([i] for i in range(count))

    worker = threading.Thread(target=allocate, name="sync-outbox")
    worker.start()
    worker.join()
    return kept


@pytest.fixture
def collector(qapp: QApplication) -> Iterator[GuiThreadCollector]:
    found = installed_collector(qapp)
    assert found is not None
    yield found
    assert not gc.isenabled()


def test_the_desk_collects_cycles_on_its_gui_thread_only(qapp: QApplication) -> None:
    assert ensure_qapplication() is qapp
    found = qapp.findChildren(GuiThreadCollector)
    assert len(found) == 1, "one collector per application, however often it is asked for"
    assert collect_on_gui_thread(qapp) is found[0]
    assert not gc.isenabled()


def test_a_cycle_dropped_while_a_worker_allocates_is_collected_on_the_gui_thread(
    qtbot: QtBot, collector: GuiThreadCollector
) -> None:
    collected_on: list[int] = []
    drop_a_cycle(collected_on)
    kept = allocate_on_a_worker()
    assert collected_on == [], "collected before the GUI thread's timer fired"
    qtbot.waitUntil(lambda: bool(collected_on), timeout=5_000)
    assert collected_on == [threading.get_ident()]
    assert len(kept) == 50_000


def test_with_automatic_collection_the_worker_would_collect_it(
    collector: GuiThreadCollector,
) -> None:
    """What the collector prevents: the same steps, automatic collection back on."""
    collected_on: list[int] = []
    gc.collect()
    gc.enable()
    try:
        drop_a_cycle(collected_on)
        allocate_on_a_worker()
    finally:
        gc.disable()
    assert len(collected_on) == 1
    assert collected_on[0] != threading.get_ident()


def test_it_collects_the_generation_that_is_due(collector: GuiThreadCollector) -> None:
    gc.collect()
    assert collector.collect_due() is None, "nothing allocated, nothing due"
    kept = [[i] for i in range(collector.thresholds[0] * 3)]
    before = list(collector.collections)
    generation = collector.collect_due()
    assert generation is not None
    assert collector.collections[generation] == before[generation] + 1
    assert gc.get_count()[0] < collector.thresholds[0]
    assert len(kept) == collector.thresholds[0] * 3


def test_it_refuses_to_collect_from_another_thread(collector: GuiThreadCollector) -> None:
    raised: list[BaseException] = []

    def collect() -> None:
        try:
            collector.collect_due()
        except RuntimeError as exc:
            raised.append(exc)

    worker = threading.Thread(target=collect)
    worker.start()
    worker.join()
    assert len(raised) == 1
    assert "GUI thread" in str(raised[0])


@pytest.mark.parametrize(
    ("counts", "full_worth_it", "due"),
    [
        ((10, 0, 0), True, None),  # nothing passed its threshold
        ((701, 0, 0), True, 0),
        ((701, 11, 0), True, 1),  # the oldest due generation
        ((701, 11, 11), True, 2),
        # The oldest has not grown by a quarter: the younger due ones, as CPython does.
        ((701, 11, 11), False, 1),
        ((701, 3, 11), False, 0),
        ((5, 3, 11), False, None),
    ],
)
def test_due_generation_follows_cpythons_rules(
    counts: tuple[int, int, int], full_worth_it: bool, due: int | None
) -> None:
    assert due_generation(counts, (700, 10, 10), full_worth_it=full_worth_it) == due


def test_a_full_collection_waits_until_the_oldest_generation_grew(
    collector: GuiThreadCollector,
) -> None:
    thresholds = collector.thresholds
    collector.thresholds = (0, 0, 0)  # every generation due at every look
    try:
        # Whatever came before, the oldest generation doubles: a full collection comes.
        kept = [[i] for i in range(len(gc.get_objects(generation=2)) + 1000)]
        looks = [collector.collect_due() for _ in range(12)]
        assert 2 in looks, looks
        kept += [[i] for i in range(10)]  # then far less than a quarter more
        looks = [collector.collect_due() for _ in range(12)]
        assert 2 not in looks, looks
        assert 1 in looks and 0 in looks, looks  # the younger ones go on
        kept += [[i] for i in range(len(gc.get_objects(generation=2)))]  # twice as many
        looks = [collector.collect_due() for _ in range(6)]
        assert 2 in looks, looks
    finally:
        collector.thresholds = thresholds
    assert len(kept) > 1000
