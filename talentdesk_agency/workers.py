"""``serve --workers N``: N interchangeable server processes on one port (PostgreSQL only).

The supervisor (the ``serve`` process) binds the port and starts N workers,
``python -m talentdesk_agency.workers``, each handed a listening socket (its file
descriptor is inherited). On Linux each worker has a socket of its own on the port
(``SO_REUSEPORT``), and the kernel spreads new connections evenly among them (by a hash
of the client's address and port); elsewhere all share one socket, and whichever worker
accepts first takes a connection (then a burst of connections can all go to one). Workers
share nothing but the database, so any worker answers any request (no sticky sessions):
the events table is the truth, wake-ups travel by ``LISTEN/NOTIFY``, and one of them
leads the timers (:mod:`.leader`).

A worker that dies (``kill -9``, a crash) is started again at once, on the same socket:
the supervisor keeps every socket open, so connections that arrive for a dead worker's
socket wait in its backlog for the replacement (a second or two) and none is refused.
``SIGTERM`` or ``SIGINT`` stops every worker gracefully (killed after :data:`STOP_SECONDS`).
Each worker dies with the supervisor (``PR_SET_PDEATHSIG`` on Linux), so none is left
serving alone.

SQLite is refused: a SQLite file has one writer, and the server's one process already
uses it to the full (see ``docs/agency-server.md``).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from types import FrameType
from typing import Final, TextIO

from talentdesk_agency.runner import (
    HTTP_PARSERS,
    LISTENING_PREFIX,
    LOOPS,
    base_url,
    bind_socket,
    serve,
)

__all__ = ["STOP_SECONDS", "Supervisor"]

log = logging.getLogger("talentdesk.agency")

#: Seconds a stopping worker gets before it is killed.
STOP_SECONDS: Final = 10.0
#: Seconds the first start of a worker may take.
_START_SECONDS: Final = 60.0
#: Pause before restarting a worker that died before serving, growing while it keeps on.
_RESTART_DELAYS: Final = (0.0, 0.1, 0.5, 1.0, 2.0)


class _Worker:
    """One worker process and whether it said it is listening."""

    def __init__(self, command: list[str], fd: int) -> None:
        self.ready = threading.Event()
        self.proc = subprocess.Popen(
            command, stdout=subprocess.PIPE, text=True, pass_fds=(fd,), close_fds=True
        )
        self.started = time.monotonic()
        threading.Thread(target=self._pump, name="agency-worker-stdout", daemon=True).start()

    def _pump(self) -> None:
        # Read stdout to the end so the worker never blocks on a full pipe.
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.startswith(LISTENING_PREFIX):
                self.ready.set()
        self.proc.stdout.close()


class Supervisor:
    """Runs N workers on one listening socket until told to stop.

    Args:
        target: The PostgreSQL URI.
        host: Address to bind.
        port: Port to bind (0 picks a free one).
        workers: How many worker processes.
        worker_args: Extra arguments for every worker (``--access-log``, test modes).
        out: Where the ``listening on`` line goes.
    """

    def __init__(
        self,
        target: str,
        host: str,
        port: int,
        workers: int,
        *,
        worker_args: Sequence[str] = (),
        out: TextIO | None = None,
    ) -> None:
        self._target = target
        self._host = host
        self._port = port
        self._count = workers
        self._args = list(worker_args)
        self._out = out or sys.stdout
        self._stopping = threading.Event()
        self._workers: list[_Worker] = []
        self._fds: list[int] = []
        self.restarts = 0

    def run(self) -> int:
        """Serve until SIGTERM or SIGINT. Returns the exit code.

        Raises:
            OSError: If the address cannot be bound.
        """
        reuse_port = hasattr(socket, "SO_REUSEPORT") and sys.platform.startswith("linux")
        first = bind_socket(self._host, self._port, reuse_port=reuse_port)
        socks = [first]
        try:
            if reuse_port:
                port = first.getsockname()[1]
                socks += [
                    bind_socket(self._host, port, reuse_port=True) for _ in range(self._count - 1)
                ]
        except OSError:
            for sock in socks:
                sock.close()
            raise
        url = base_url(first)
        self._fds = [sock.fileno() for sock in socks]
        for fd in self._fds:
            os.set_inheritable(fd, True)
        previous = {
            sig: signal.signal(sig, self._on_signal) for sig in (signal.SIGTERM, signal.SIGINT)
        }
        try:
            self._workers = [self._start(index) for index in range(self._count)]
            deadline = time.monotonic() + _START_SECONDS
            for worker in self._workers:
                while not worker.ready.wait(0.1):
                    if (
                        worker.proc.poll() is not None
                        or time.monotonic() > deadline
                        or self._stopping.is_set()
                    ):
                        log.error("a worker did not start; stopping")
                        self._stop_all()
                        return 1
            print(f"{LISTENING_PREFIX}{url}", file=self._out, flush=True)
            log.info("%d workers serving %s", self._count, url)
            self._watch()
            self._stop_all()
            return 0
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            for sock in socks:
                sock.close()

    def _on_signal(self, sig: int, frame: FrameType | None) -> None:
        self._stopping.set()

    def _command(self, fd: int) -> list[str]:
        return [
            sys.executable,
            "-m",
            "talentdesk_agency.workers",
            "--fd",
            str(fd),
            "--parent",
            str(os.getpid()),
            "--db",
            self._target,
            *self._args,
        ]

    def _start(self, index: int) -> _Worker:
        fd = self._fds[index % len(self._fds)]
        return _Worker(self._command(fd), fd)

    def _watch(self) -> None:
        # A worker that dies before it serves (a bad configuration, the database down) is
        # started again after a growing pause; one that served for a while, at once.
        quick_deaths = [0] * len(self._workers)
        while not self._stopping.wait(0.05):
            for index, worker in enumerate(self._workers):
                code = worker.proc.poll()
                if code is None:
                    continue
                served = worker.ready.is_set()
                quick_deaths[index] = 0 if served else quick_deaths[index] + 1
                log.warning(
                    "worker %d (pid %d) exited with code %d; starting another",
                    index,
                    worker.proc.pid,
                    code,
                )
                if quick_deaths[index]:
                    delay = _RESTART_DELAYS[min(quick_deaths[index], len(_RESTART_DELAYS) - 1)]
                    if self._stopping.wait(delay):
                        return
                self._workers[index] = self._start(index)
                self.restarts += 1

    def _stop_all(self) -> None:
        for worker in self._workers:
            if worker.proc.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    worker.proc.terminate()
        deadline = time.monotonic() + STOP_SECONDS
        for worker in self._workers:
            try:
                worker.proc.wait(max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                worker.proc.kill()
                worker.proc.wait()


def _die_with_parent(parent: int) -> None:
    """Have the kernel stop this worker when the supervisor dies (Linux)."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)
    if os.getppid() != parent:  # it died before we asked
        sys.exit(1)


def main(argv: Sequence[str] | None = None) -> int:
    """A worker: serve on the inherited listening socket."""
    parser = argparse.ArgumentParser(prog="talentdesk_agency.workers")
    parser.add_argument("--fd", type=int, required=True)
    parser.add_argument("--parent", type=int, required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--access-log", action="store_true")
    parser.add_argument("--test-faults", action="store_true")
    parser.add_argument("--test-jobs", action="store_true")
    parser.add_argument("--http", choices=HTTP_PARSERS)
    parser.add_argument("--loop", choices=LOOPS)
    args = parser.parse_args(argv)
    _die_with_parent(args.parent)
    sock = socket.socket(fileno=args.fd)
    try:
        return serve(
            args.db,
            "",
            0,
            access_log=args.access_log,
            test_faults=args.test_faults,
            test_jobs=args.test_jobs,
            sock=sock,
            http=args.http,
            loop=args.loop,
        )
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":  # python -m talentdesk_agency.workers
    sys.exit(main())
