"""Running the reference agency server: in a thread, in a subprocess, or in the foreground.

* :class:`ServerThread` embeds the server in this process (the app's ``--demo``, tests).
* :class:`AgencyProcess` runs ``python -m talentdesk_agency.cli serve`` as a child
  process that tests can ``SIGKILL`` in the middle of a request and start again on the
  same database and port.
* :func:`serve` is the ``serve`` command: it prints ``listening on http://HOST:PORT``
  once the server accepts connections.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import ipaddress
import logging
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from types import FrameType, TracebackType
from typing import Any, Final, Literal, TextIO

import uvicorn

from talentdesk_agency.app import AgencyApp
from talentdesk_agency.store import DbTarget, as_target, describe

__all__ = [
    "HTTP_PARSERS",
    "LOOPS",
    "AgencyProcess",
    "ServerThread",
    "base_url",
    "bind_socket",
    "default_http",
    "default_loop",
    "is_loopback",
    "serve",
]

log = logging.getLogger("talentdesk.agency")

LISTENING_PREFIX: Final = "listening on "
#: Long-polls are released at shutdown; this bounds any other request still running.
_GRACEFUL_SECONDS: Final = 2
#: HTTP/1.1 parsers uvicorn offers: httptools (C, the faster) and h11 (pure Python).
HTTP_PARSERS: Final = ("httptools", "h11")
#: Event loops for ``serve``: uvloop (libuv, the faster; not on Windows) and asyncio's own.
LOOPS: Final = ("uvloop", "asyncio")

HttpParser = Literal["httptools", "h11"]
LoopName = Literal["uvloop", "asyncio"]


def default_http() -> HttpParser:
    """httptools where it is installed, else h11."""
    return "httptools" if importlib.util.find_spec("httptools") is not None else "h11"


def default_loop() -> LoopName:
    """uvloop where it is installed, else asyncio's loop."""
    return "uvloop" if importlib.util.find_spec("uvloop") is not None else "asyncio"


def _loop_factory(name: LoopName) -> Callable[[], asyncio.AbstractEventLoop] | None:
    if name == "uvloop":
        import uvloop

        return uvloop.new_event_loop
    return None


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this computer only (``localhost``, 127.0.0.0/8, ``::1``)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def bind_socket(host: str, port: int, *, reuse_port: bool = False) -> socket.socket:
    """A listening TCP socket on ``host:port`` (port 0 picks a free one).

    ``SO_REUSEADDR`` lets a restarted server bind the same port at once, even while the
    killed one's connections linger in TIME_WAIT. ``reuse_port`` sets ``SO_REUSEPORT``
    (Linux): several sockets on one port, among which the kernel spreads new connections.

    Raises:
        OSError: If the address cannot be bound.
    """
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind(address)
        # As uvicorn's default: room for thousands of devices reconnecting at once.
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(False)
    return sock


def base_url(sock: socket.socket) -> str:
    """``http://host:port`` for a bound socket (IPv6 hosts in brackets)."""
    host, port = sock.getsockname()[:2]
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


class _Server(uvicorn.Server):
    """A uvicorn server that releases long-polls as soon as shutdown begins."""

    def __init__(self, config: uvicorn.Config, agency: AgencyApp) -> None:
        super().__init__(config)
        self._agency = agency
        self.loop: asyncio.AbstractEventLoop | None = None

    async def serve(self, sockets: list[socket.socket] | None = None) -> None:
        self.loop = asyncio.get_running_loop()
        await super().serve(sockets)

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        # Only release the long-polls here: uvicorn itself decides between a graceful
        # and (on a second Ctrl+C) a forced exit.
        self._release_long_polls()
        super().handle_exit(sig, frame)

    def request_exit(self) -> None:
        """Start shutting down; safe from any thread."""
        self._release_long_polls()
        self.should_exit = True

    def _release_long_polls(self) -> None:
        loop = self.loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop may just have stopped
                loop.call_soon_threadsafe(self._agency.begin_shutdown)


def _config(
    agency: AgencyApp,
    *,
    access_log: bool,
    configure_logging: bool,
    http: HttpParser,
    loop: LoopName,
) -> uvicorn.Config:
    return uvicorn.Config(
        agency.asgi,
        http=http,
        loop=loop,
        ws="none",
        lifespan="on",
        access_log=access_log,
        # Embedded servers must not reconfigure the host application's logging.
        log_config=uvicorn.config.LOGGING_CONFIG if configure_logging else None,
        log_level="info" if access_log else "warning",
        timeout_graceful_shutdown=_GRACEFUL_SECONDS,
        server_header=False,
    )


class ServerThread:
    """The reference agency server on a background thread of this process.

    Args:
        db_path: The agency database (created if missing): a SQLite file or a
            ``postgresql://`` URI.
        host: Address to bind; loopback unless you mean otherwise.
        port: Port to bind; 0 picks a free one.
        feed_poll_interval: Seconds between checks for new events during a long-poll.
        faults: Test mode: apply injected faults (:mod:`talentdesk_agency.faults`).
        app_options: More keyword arguments for :class:`AgencyApp` (a test clock, ...).
        http: The HTTP/1.1 parser (default: :func:`default_http`).
        loop: The event loop (default: :func:`default_loop`).

    Example:
        >>> with ServerThread(tmp / "agency.db") as server:  # doctest: +SKIP
        ...     httpx.get(server.url + "/v1/health")
    """

    def __init__(
        self,
        db_path: DbTarget,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        feed_poll_interval: float = 0.05,
        faults: bool = False,
        app_options: Mapping[str, Any] | None = None,
        http: HttpParser | None = None,
        loop: LoopName | None = None,
    ) -> None:
        self.db_path = as_target(db_path)
        self.host = host
        self.port = port
        self._http = http or default_http()
        self._loop = loop or default_loop()
        self._agency = AgencyApp(
            self.db_path,
            feed_poll_interval=feed_poll_interval,
            test_faults=faults,
            **dict(app_options or {}),
        )
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._url: str | None = None

    @property
    def app(self) -> AgencyApp:
        """The agency app this thread serves."""
        return self._agency

    @property
    def url(self) -> str:
        """The base URL, e.g. ``http://127.0.0.1:43125`` (after :meth:`start`)."""
        if self._url is None:
            raise RuntimeError("the server is not started")
        return self._url

    def start(self, timeout: float = 15.0) -> str:
        """Start serving and wait until connections are accepted.

        Returns:
            The base URL.

        Raises:
            RuntimeError: If the server is already running or does not start in time.
            OSError: If the address cannot be bound.
        """
        if self._thread is not None:
            raise RuntimeError("the server is already running")
        sock = bind_socket(self.host, self.port)
        self.port = sock.getsockname()[1]
        url = base_url(sock)
        config = _config(
            self._agency,
            access_log=False,
            configure_logging=False,
            http=self._http,
            loop=self._loop,
        )
        server = _Server(config, self._agency)
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="agency-server", daemon=True
        )
        self._server, self._thread = server, thread
        thread.start()
        deadline = time.monotonic() + timeout
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                server.request_exit()
                thread.join(timeout)
                sock.close()
                self._server = self._thread = None
                raise RuntimeError(f"the agency server on {url} did not start")
            time.sleep(0.01)
        # uvicorn listens on this very socket object and closes it at shutdown.
        self._url = url
        return url

    def stop(self, timeout: float = 15.0) -> None:
        """Stop serving (waiting long-polls answer at once) and wait for the thread."""
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        server.request_exit()
        thread.join(timeout)
        self._server = self._thread = None
        self._url = None
        if thread.is_alive():
            raise RuntimeError("the agency server did not stop in time")

    def __enter__(self) -> ServerThread:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


class AgencyProcess:
    """The reference agency server as a child process, for crash tests.

    The child is ``python -m talentdesk_agency.cli serve``. :meth:`start` waits for its
    ``listening on`` line; after a :meth:`kill`, :meth:`start` again brings a new server
    up on the same database and port.

    Args:
        db_path: The agency database.
        host: Address to bind.
        port: Port to bind first; 0 picks a free one (kept for restarts).
        extra_args: More arguments for ``serve``.
        stderr: Where the child's log goes (default: this process's stderr).
        faults: Test mode: apply injected faults (``serve --test-faults``).
    """

    def __init__(
        self,
        db_path: DbTarget,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        extra_args: Sequence[str] = (),
        stderr: TextIO | int | None = None,
        faults: bool = False,
    ) -> None:
        self.db_path = as_target(db_path)
        self.host = host
        self.port = port
        self._extra = [*extra_args, *(["--test-faults"] if faults else [])]
        self._stderr = stderr
        self._proc: subprocess.Popen[str] | None = None
        self._url: str | None = None

    @property
    def url(self) -> str:
        """The base URL (after :meth:`start`)."""
        if self._url is None:
            raise RuntimeError("the server process is not started")
        return self._url

    @property
    def pid(self) -> int | None:
        """The child's process id while it runs."""
        return None if self._proc is None else self._proc.pid

    def start(self, timeout: float = 30.0) -> str:
        """Start the child and wait for its ``listening on`` line.

        Returns:
            The base URL.

        Raises:
            RuntimeError: If it is running already, exits, or says nothing in time.
        """
        if self._proc is not None and self._proc.poll() is None:
            raise RuntimeError("the server process is already running")
        command = [
            sys.executable,
            "-m",
            "talentdesk_agency.cli",
            "serve",
            "--db",
            str(self.db_path),
            "--host",
            self.host,
            "--port",
            str(self.port),
            *self._extra,
        ]
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        proc = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=self._stderr, text=True, env=env
        )
        self._proc = proc
        lines: queue.Queue[str | None] = queue.Queue()

        def pump() -> None:
            # Read stdout to the end so the child never blocks on a full pipe.
            assert proc.stdout is not None
            for line in proc.stdout:
                lines.put(line)
            lines.put(None)

        threading.Thread(target=pump, name="agency-stdout", daemon=True).start()
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                self.kill()
                raise RuntimeError(
                    "the agency server process did not say it was listening"
                ) from None
            if line is None:
                code = proc.wait()
                self._close(proc)
                raise RuntimeError(f"the agency server process exited with code {code}")
            if line.startswith(LISTENING_PREFIX):
                self._url = line[len(LISTENING_PREFIX) :].strip()
                self.port = int(self._url.rsplit(":", 1)[1])
                return self._url

    def kill(self) -> None:
        """``SIGKILL`` the child (no shutdown at all) and reap it."""
        proc = self._proc
        if proc is None:
            return
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
        proc.wait()
        self._close(proc)

    def stop(self, timeout: float = 15.0) -> int:
        """Ask the child to shut down (``SIGTERM``), killing it if it does not in time.

        Returns:
            The child's exit code.
        """
        proc = self._proc
        if proc is None:
            return 0
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        code = proc.returncode
        self._close(proc)
        return code

    def _close(self, proc: subprocess.Popen[str]) -> None:
        if proc.stdout is not None:
            proc.stdout.close()
        self._proc = None
        self._url = None

    def __enter__(self) -> AgencyProcess:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def serve(
    db_path: DbTarget,
    host: str,
    port: int,
    *,
    access_log: bool = False,
    test_faults: bool = False,
    test_jobs: bool = False,
    out: TextIO | None = None,
    sock: socket.socket | None = None,
    http: HttpParser | None = None,
    loop: LoopName | None = None,
) -> int:
    """Serve in the foreground until interrupted; the ``serve`` command.

    Prints ``listening on http://HOST:PORT`` (flushed) once connections are accepted.
    ``test_faults`` is the test mode that applies injected faults, ``test_jobs`` the one
    whose timer leader also runs :class:`~talentdesk_agency.jobs.TestReminders`. ``sock``
    is an already listening socket (a worker of ``serve --workers``); otherwise
    ``host:port`` is bound. ``http`` and ``loop`` choose the HTTP parser and the event
    loop (default: httptools and uvloop where installed).

    Returns:
        The process exit code (0 after a clean shutdown, 1 if the server never started).

    Raises:
        OSError: If the address cannot be bound.
    """
    out = out or sys.stdout
    # Staff watching the console see pairings and escalations come in (ids only).
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    # No format of this process shows where, in which thread or process, a line was
    # logged: skip gathering it for every line (the logging HOWTO's "Optimization"; every
    # escalation logs one).
    logging._srcfile = None
    logging.logThreads = logging.logProcesses = logging.logMultiprocessing = False
    sock = sock if sock is not None else bind_socket(host, port)
    url = base_url(sock)
    log.info("agency database: %s", describe(db_path))
    agency = AgencyApp(db_path, test_faults=test_faults, test_jobs=test_jobs)
    loop = loop or default_loop()
    config = _config(
        agency,
        access_log=access_log,
        configure_logging=True,
        http=http or default_http(),
        loop=loop,
    )
    server = _Server(config, agency)

    async def run() -> bool:
        task = asyncio.create_task(server.serve(sockets=[sock]))
        while not server.started and not task.done():
            await asyncio.sleep(0.01)
        if server.started:
            print(f"{LISTENING_PREFIX}{url}", file=out, flush=True)
        await task
        return server.started

    try:
        with asyncio.Runner(loop_factory=_loop_factory(loop)) as runner:
            started = runner.run(run())
    finally:
        sock.close()
    return 0 if started else 1
