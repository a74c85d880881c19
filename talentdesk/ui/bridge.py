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
from typing import TYPE_CHECKING, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

if TYPE_CHECKING:
    from talentdesk.workspace import Changes, Workspace

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
        # The work and ``done`` may hold the last reference to a Qt object (a window
        # closed while its work ran). The worker must never be the one to let go of it:
        # ~QObject on a worker deadlocks against the GUI thread (talentdesk.ui.collector).
        # So both stay in ``held`` until the delivery takes them, on the GUI thread.
        held = _Held(work, done)
        future = self._executor.submit(held.run)

        def finished(f: Future[T]) -> None:  # runs on the worker thread
            self.delivery_requested.emit(lambda: held.deliver(f))

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


class _Held(Generic[T]):
    """A piece of work and its ``done``, kept until the GUI thread lets go of them."""

    __slots__ = ("_done", "_work")

    def __init__(self, work: Callable[[], T], done: Callable[[Future[T]], None]) -> None:
        self._work: Callable[[], T] | None = work
        self._done: Callable[[Future[T]], None] | None = done

    def run(self) -> T:  # worker thread
        work = self._work
        assert work is not None, "run once"
        return work()

    def deliver(self, future: Future[T]) -> None:  # GUI thread
        done = self._done
        self._work = self._done = None
        if done is not None:
            done(future)


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


Runner = Callable[..., None]


class Coalescer(Generic[T]):
    """Hands values from any thread to the GUI thread, one delivery per burst.

    Values that arrive while a delivery is on its way are merged into it (``merge``), so a
    burst of updates (a sync thread reporting after every page) costs one delivery and
    the GUI thread gets all of it.

    Args:
        bridge: carries the delivery to the GUI thread.
        receive: called on the GUI thread with the merged value.
        merge: how two values become one (the newer is the second argument).
    """

    def __init__(
        self, bridge: Bridge, receive: Callable[[T], None], merge: Callable[[T, T], T]
    ) -> None:
        self._bridge = bridge
        self._receive = receive
        self._merge = merge
        self._lock = threading.Lock()
        self._value: T | None = None
        self._posted = False

    def put(self, value: T) -> None:
        """Add ``value`` to the next delivery; may be called from any thread."""
        with self._lock:
            self._value = value if self._value is None else self._merge(self._value, value)
            if self._posted:
                return
            self._posted = True
        self._bridge.post(self._deliver)

    def _deliver(self) -> None:
        with self._lock:
            value, self._value = self._value, None
            self._posted = False
        if value is not None:
            self._receive(value)


class LatestOnly(Generic[T]):
    """Keeps only the latest reload of one view: the newest answer wins.

    By default a request while a load runs asks for one more load after it, however many
    requests came meanwhile: what the view shows is never older than the last request,
    and a burst of changes costs two loads at most. With ``newest_only`` every request
    loads at once and only the answer to the newest request is shown: a search as the
    talent types answers each keystroke without waiting for the one before, and an answer
    to what was typed before never replaces a newer one.

    Args:
        run: runs blocking work on the bridge (:meth:`WorkspaceBridge.run`).
        load: the blocking load (called on a worker for each load); None when every
            :meth:`request` brings its own.
        loaded: called on the GUI thread with the result.
        failed: called on the GUI thread with the exception; None logs it.
        receiver: the widget the outcome is for (dropped if it was deleted meanwhile).
        again_after_failure: still load again after a failed load if asked meanwhile.
        newest_only: load at every request and show only the newest request's answer.
    """

    def __init__(
        self,
        run: Runner,
        load: Callable[[], T] | None,
        loaded: Callable[[T], None],
        failed: Callable[[Exception], None] | None = None,
        *,
        receiver: QObject | None = None,
        again_after_failure: bool = False,
        newest_only: bool = False,
    ) -> None:
        self._run = run
        self._load = load
        self._loaded = loaded
        self._failed = failed
        self._receiver = receiver
        self._again_after_failure = again_after_failure
        self._newest_only = newest_only
        self._running = 0
        self._again = False
        self._next_load = load
        self._newest = 0  # counts requests (newest_only) and drops; a load shows if still newest

    @property
    def loading(self) -> bool:
        """True while a load runs."""
        return self._running > 0

    def request(self, load: Callable[[], T] | None = None) -> None:
        """Load now, or (unless ``newest_only``) once more after the load that runs.

        Args:
            load: this request's load, holding what the view asks for now (read on the
                GUI thread); the one given at construction when None.
        """
        self._next_load = load or self._load
        if self._newest_only:
            self._newest += 1
            self._start()
        elif self._running:
            self._again = True
        else:
            self._start()

    def drop(self) -> None:
        """Show nothing of a load that runs, and forget a request that waits."""
        self._newest += 1
        self._again = False

    def _start(self) -> None:
        load, number = self._next_load, self._newest
        if load is None:
            raise ValueError("LatestOnly.request() needs a load: none was given at construction")
        self._running += 1
        self._run(
            load,
            lambda result: self._succeeded(number, result),
            self._failure,
            receiver=self._receiver,
        )

    def _succeeded(self, number: int, result: T) -> None:
        self._running -= 1
        if number == self._newest:  # else a newer request, or drop(), came meanwhile
            self._loaded(result)
        self._next()

    def _failure(self, exc: Exception) -> None:
        self._running -= 1
        if not self._again_after_failure:
            self._again = False
        if self._failed is not None:
            self._failed(exc)
        else:
            log.error("view load failed", exc_info=exc)
        self._next()

    def _next(self) -> None:
        if self._again and not self._running:
            self._again = False
            self._start()


class RunsOnTheBridge(QObject):
    """A controller whose blocking work runs on its :class:`WorkspaceBridge` (``view``).

    Its outcomes are dropped once the controller is gone (a lock: the workspace may go on
    behind the lock screen, its windows do not).
    """

    view: WorkspaceBridge

    def run(
        self,
        work: Callable[[], T],
        success: Callable[[T], None],
        failure: Callable[[Exception], None] | None = None,
        *,
        receiver: QObject | None = None,
    ) -> None:
        """Run blocking work on the bridge (:meth:`WorkspaceBridge.run`) for ``receiver``
        (this controller when None)."""
        self.view.run(work, success, failure, receiver=receiver or self)


class WorkspaceBridge(QObject):
    """The workspace of one unlocked vault, on the GUI thread.

    Re-emits the workspace's change event on the GUI thread (a burst merged into one),
    and runs the workspace's blocking calls on the bridge with :meth:`run`. Once closed
    (the vault locks), it emits nothing more and drops outcomes still on their way.

    Args:
        workspace: the workspace (plain Python; any object with ``subscribe``).
        bridge: the app's bridge.

    Signals:
        changed(object): the :class:`~talentdesk.workspace.Changes` of a burst.
    """

    changed = Signal(object)

    def __init__(self, workspace: Workspace, bridge: Bridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.bridge = bridge
        self._closed = False
        self._box: Coalescer[Changes] = Coalescer(bridge, self._deliver, lambda a, b: a | b)
        # Called on the thread that made the change: only hand over.
        workspace.subscribe(self._box.put)

    @property
    def closed(self) -> bool:
        """True once closed: nothing more is emitted or started."""
        return self._closed

    def close(self) -> None:
        """Emit nothing more and drop every outcome still on its way."""
        self._closed = True

    def _deliver(self, changes: Changes) -> None:
        if not self._closed:
            self.changed.emit(changes)

    def run(
        self,
        work: Callable[[], T],
        success: Callable[[T], None],
        failure: Callable[[Exception], None] | None = None,
        *,
        receiver: QObject | None = None,
    ) -> None:
        """Run ``work`` on the bridge; its outcome is dropped once closed.

        Args:
            work: blocking work (vault or network); never touches a widget.
            success: called on the GUI thread with the result.
            failure: called on the GUI thread with the exception; logged if None.
            receiver: the widget the outcome is for; dropped if it was deleted meanwhile.
        """
        if self._closed:
            return

        def succeeded(result: T) -> None:
            if not self._closed:
                success(result)

        def failed(exc: Exception) -> None:
            if self._closed:
                log.debug("outcome after closing dropped: %s", type(exc).__name__)
            elif failure is not None:
                failure(exc)
            else:
                log.error("workspace work failed", exc_info=exc)

        try:
            Operation(work, success=succeeded, parent=receiver or self).failure(
                failed
            ).run_in_background(self.bridge)
        except RuntimeError:  # the bridge is shut down: the app is quitting
            log.debug("workspace work not started: the bridge is shut down")
