"""The one bridge that moves results from worker threads onto the GUI thread.

Slow work (unlocking the vault runs Argon2id, the keyring answers over D-Bus)
must never freeze the window, and a widget must never be touched from a
worker. The pattern, after Anki's ``QueryOp``:

* an :class:`Operation` names the work (a plain callable, run on a
  ``concurrent.futures`` thread) and what to do with its outcome;
* the :class:`Bridge` runs it and, when it finishes, emits its ONE queued
  signal carrying the delivery; the slot runs on the GUI thread, where the
  ``success`` or ``failure`` callback may touch widgets freely;
* a service that calls listeners on its own threads hands them to
  :meth:`Bridge.post`, which uses the same signal.

Example:
    >>> Operation(lambda: Vault.open(path, passphrase=p), success=self._opened) \\
    ...     .failure(self._refused) \\
    ...     .run_in_background(bridge)
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")

Delivery = Callable[[], None]


class Bridge(QObject):
    """Runs callables on a thread pool and hands their outcome to the GUI thread.

    Create it on the GUI thread; it lives there, so its queued signal always
    lands there, whichever thread emits it.

    Signals:
        delivery_requested(object): emitted from a worker thread with a
            zero-argument callable; the bridge runs it on the GUI thread. This
            is the only way results cross threads.
    """

    delivery_requested = Signal(object)

    def __init__(self, parent: QObject | None = None, *, max_workers: int = 2) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(
            max_workers=max_workers, thread_name_prefix="talentdesk-op"
        )
        self._in_flight = 0
        self._counter_lock = threading.Lock()
        self._closed = False
        self.delivery_requested.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        """True while an operation runs or its result waits to be delivered."""
        with self._counter_lock:
            return self._in_flight > 0

    def submit(self, work: Callable[[], T], done: Callable[[Future[T]], None]) -> Future[T]:
        """Run ``work`` on a worker; later call ``done(future)`` on the GUI thread.

        ``done`` is always called asynchronously, from the event loop, even if
        the work finished before this method returned.

        Raises:
            RuntimeError: the bridge was shut down.
        """
        if self._closed:
            raise RuntimeError("the bridge is shut down")
        with self._counter_lock:
            self._in_flight += 1
        future = self._executor.submit(work)

        def finished(f: Future[T]) -> None:  # runs on the worker thread
            self.delivery_requested.emit(lambda: done(f))

        future.add_done_callback(finished)
        return future

    def post(self, delivery: Delivery) -> None:
        """Run ``delivery`` on the GUI thread soon; may be called from any thread.

        For listeners that a service calls on its own threads (the sync
        service's status, page and outbox listeners). Dropped once the bridge
        is shut down or deleted.
        """
        if self._closed or not shiboken6.isValid(self):
            return
        with self._counter_lock:
            self._in_flight += 1
        try:
            self.delivery_requested.emit(delivery)
        except RuntimeError:  # deleted between the check and the emit (teardown)
            with self._counter_lock:
                self._in_flight -= 1

    @Slot(object)
    def _deliver(self, delivery: Delivery) -> None:
        with self._counter_lock:
            self._in_flight -= 1
        delivery()

    def shutdown(self, *, wait: bool = True) -> None:
        """Refuse new work and stop the workers; queued work that has not started is dropped."""
        self._closed = True
        self._executor.shutdown(wait=wait, cancel_futures=True)


class Operation(Generic[T]):
    """One piece of background work and what the GUI does with its outcome.

    Args:
        work: runs on a worker thread; must not touch any widget.
        success: called on the GUI thread with the result.
        parent: when given, the outcome is dropped if this object has been
            deleted meanwhile (a window closed while its work ran).
    """

    def __init__(
        self,
        work: Callable[[], T],
        *,
        success: Callable[[T], None],
        parent: QObject | None = None,
    ) -> None:
        self._work = work
        self._success = success
        self._failure: Callable[[Exception], None] | None = None
        self._parent = parent

    def failure(self, callback: Callable[[Exception], None]) -> Operation[T]:
        """Call ``callback`` on the GUI thread with the exception if the work raises.

        Without one, a failure is logged with its traceback.
        """
        self._failure = callback
        return self

    def run_in_background(self, bridge: Bridge) -> Future[T]:
        """Start the work on ``bridge``'s pool; returns its future (for tests and cancelling)."""
        return bridge.submit(self._work, self._finish)

    def _finish(self, future: Future[T]) -> None:
        if self._parent is not None and not shiboken6.isValid(self._parent):
            log.debug("operation outcome dropped: its receiver was deleted")
            return
        if future.cancelled():
            return
        exc = future.exception()
        if exc is None:
            self._success(future.result())
        elif isinstance(exc, Exception) and self._failure is not None:
            self._failure(exc)
        else:
            log.error("background operation failed", exc_info=exc)
