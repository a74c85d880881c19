"""The services' one listener list: every listener called, a broken one never stops the rest."""

from __future__ import annotations

import logging
import threading

import pytest

from talentdesk.listeners import Listeners


def test_listeners_are_called_in_order_with_the_arguments() -> None:
    heard: list[tuple[str, int]] = []
    listeners: Listeners[[int]] = Listeners("test")
    listeners.add(lambda n: heard.append(("first", n)))
    listeners.add(lambda n: heard.append(("second", n)))
    listeners(7)
    assert heard == [("first", 7), ("second", 7)]
    assert len(listeners) == 2


def test_a_broken_listener_is_logged_and_the_others_still_run(
    caplog: pytest.LogCaptureFixture,
) -> None:
    heard: list[str] = []

    def broken() -> None:
        raise RuntimeError("broken listener")

    listeners: Listeners[[]] = Listeners("outbox")
    listeners.add(broken)
    listeners.add(lambda: heard.append("ran"))
    with caplog.at_level(logging.ERROR):
        listeners()
    assert heard == ["ran"]
    assert "outbox listener failed" in caplog.text


def test_a_removed_listener_is_not_called_and_adding_while_calling_is_safe() -> None:
    heard: list[str] = []
    listeners: Listeners[[]] = Listeners("test")

    def adds_another() -> None:
        heard.append("adds")
        listeners.add(lambda: heard.append("added"))

    def gone() -> None:
        heard.append("gone")

    listeners.add(adds_another)
    listeners.add(gone)
    listeners.remove(gone)
    listeners()  # the one added meanwhile waits for the next call
    assert heard == ["adds"]
    listeners.remove(adds_another)
    listeners()
    assert heard == ["adds", "added"]


def test_listeners_may_be_added_and_called_from_many_threads() -> None:
    count = 0
    lock = threading.Lock()

    def bump() -> None:
        nonlocal count
        with lock:
            count += 1

    listeners: Listeners[[]] = Listeners("test")
    adders = [threading.Thread(target=lambda: listeners.add(bump)) for _ in range(10)]
    for thread in adders:
        thread.start()
    for thread in adders:
        thread.join()
    callers = [threading.Thread(target=listeners) for _ in range(10)]
    for thread in callers:
        thread.start()
    for thread in callers:
        thread.join()
    assert count == 100
