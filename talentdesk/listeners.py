"""One listener list for the desk's plain-Python services.

A service tells whoever listens that something happened (a status, an outbox change, a
copied reply, a lone-worker event) by calling their callables, on whichever thread made
the change. A broken listener must never stop the others, nor the thread that called it
(the feed thread, the sender, the GUI thread in the middle of an escalation): its error is
logged and the next one is called.

``docs/architecture.md`` ("Libraries") says why this is ours rather than psygnal's or
blinker's.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Generic, ParamSpec

__all__ = ["Listeners"]

log = logging.getLogger(__name__)

P = ParamSpec("P")


class Listeners(Generic[P]):
    """Callables to call with the same arguments, from any thread.

    Args:
        name: what they listen to, for the log when one fails.
    """

    def __init__(self, name: str) -> None:
        self._name = name
        self._lock = threading.Lock()
        self._listeners: tuple[Callable[P, object], ...] = ()

    def add(self, listener: Callable[P, object]) -> None:
        """Call ``listener`` from now on."""
        with self._lock:
            self._listeners = (*self._listeners, listener)

    def remove(self, listener: Callable[P, object]) -> None:
        """Stop calling ``listener`` (if it was added)."""
        with self._lock:
            self._listeners = tuple(x for x in self._listeners if x is not listener)

    def __len__(self) -> int:
        return len(self._listeners)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> None:
        """Call every listener in the order added; a failing one is logged and skipped."""
        for listener in self._listeners:  # a tuple: adding meanwhile changes nothing here
            try:
                listener(*args, **kwargs)
            except Exception:
                log.exception("%s listener failed", self._name)
