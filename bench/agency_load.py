"""The agency server under load: thousands of parked devices, pushes, escalations.

For each configuration (embedded SQLite, one process; PostgreSQL with ``--workers 2``) it
starts the real server (``talentdesk-agency serve`` as a child process), then in steps of
more and more simulated devices:

1. each device holds a long-poll open (``GET /v1/feed?wait=30``, re-asked at once after
   each answer, as the desk does), on its own keep-alive connection;
2. bookings are pushed at a steady rate to random talents (``AgencyStore.create_booking``
   from this process: another process, as staff commands are); each booking's push ->
   receipt time is measured, and missed and duplicated bookings are counted;
3. at the configuration's target size, escalations are fired at increasing concurrency
   (``POST /v1/escalations`` with fresh Idempotency-Keys) while the devices stay parked.

It prints push -> receipt p50/p95/p99, missed and duplicated events, escalations per second
and their p95, the CPU of the server, of PostgreSQL and of this load generator, the
machine's busy and steal time, the server's memory, and where each configuration stops and
why (file descriptors, CPU, the database).

**The load generator shares the machine with the server.** It runs at a lower priority
(``nice`` 10) after the server has started, and its own CPU is printed. Its client is a
minimal HTTP/1.1 client on asyncio streams (keep-alive, ``Content-Length`` bodies only):
10,000 connections through httpx's pool cost more CPU than the server being measured.

Talents and device tokens are written straight into the database before the server
starts (pairing 10,000 devices over HTTP would measure pairing, not parked polls).

Run: ``uv run python -m bench.agency_load [--pg URL] [--only sqlite|pg]``. Without
``--pg`` (or ``TALENTDESK_BENCH_POSTGRES``) only SQLite runs. The PostgreSQL server's
settings that matter here are printed with the results: give it ``max_connections`` of
at least 50 (2 workers x (4 pooled + 3 dedicated) + this bench).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import resource
import secrets
import statistics
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import msgspec

from bench._support import percentile
from talentdesk_agency import AgencyProcess, AgencyStore
from talentdesk_agency.store import open_database
from talentdesk_agency.store.records import iso, now_utc, sha256

PUSH_P95_TARGET_MS = 300.0
ESCALATION_P95_TARGET_MS = 50.0
POLL_WAIT = 30
CLK_TCK = os.sysconf("SC_CLK_TCK")


# --- a minimal HTTP/1.1 client ----------------------------------------------------------


class Closed(Exception):
    """The server closed the connection."""


class Connection:
    """One keep-alive HTTP/1.1 connection (answers with Content-Length only)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, target: str, headers: bytes, body: bytes = b"") -> Any:
        await self.send(method, target, headers, body)
        return await self.receive()

    async def send(self, method: str, target: str, headers: bytes, body: bytes = b"") -> None:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        head = f"{method} {target} HTTP/1.1\r\nHost: {self.host}\r\n".encode() + headers
        if body:
            head += b"Content-Length: %d\r\n" % len(body)
        self.writer.write(head + b"\r\n" + body)
        await self.writer.drain()

    async def receive(self) -> tuple[int, bytes]:
        assert self.reader is not None
        try:
            raw = await self.reader.readuntil(b"\r\n\r\n")
        except (asyncio.IncompleteReadError, ConnectionError) as exc:
            self.close()
            raise Closed from exc
        status = int(raw[9:12])
        lower = raw.lower()
        at = lower.find(b"content-length:")
        length = int(raw[at + 15 : raw.index(b"\r\n", at)]) if at >= 0 else 0
        data = await self.reader.readexactly(length)
        return status, data

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


class _Booking(msgspec.Struct):
    id: str


class _Data(msgspec.Struct):
    booking: _Booking | None = None


class _Event(msgspec.Struct):
    type: str
    data: msgspec.Raw


class _Page(msgspec.Struct):
    events: list[_Event]
    cursor: int


_page_decoder = msgspec.json.Decoder(_Page)
_data_decoder = msgspec.json.Decoder(_Data)


# --- measuring processes ----------------------------------------------------------------


def children(pid: int) -> list[int]:
    with contextlib.suppress(OSError):
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    return []


def cpu_seconds(pids: Sequence[int]) -> float:
    total = 0.0
    for pid in pids:
        with contextlib.suppress(OSError, IndexError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / CLK_TCK
    return total


def rss_bytes(pid: int) -> int:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def open_fds(pid: int) -> int:
    with contextlib.suppress(OSError):
        return len(os.listdir(f"/proc/{pid}/fd"))
    return 0


def machine_times() -> tuple[float, float, float]:
    """(busy, steal, total) CPU seconds of the whole machine since boot."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    user, nice, system, idle, iowait, irq, softirq, steal = fields[:8]
    busy = user + nice + system + irq + softirq
    return busy / CLK_TCK, steal / CLK_TCK, (busy + idle + iowait + steal) / CLK_TCK


@dataclass
class Meter:
    """CPU of the server, the database and this process over a phase."""

    server_pid: int
    postmaster: int | None
    started: float = 0.0
    marks: dict[str, float] = field(default_factory=dict)

    def start(self) -> None:
        self.started = time.monotonic()
        self.marks = self._read()

    async def at_rest(self, cores: float = 0.5, limit: float = 20.0) -> float:
        """Wait until the server uses under ``cores`` over half a second (at most ``limit``
        seconds); how long it took."""
        began = time.monotonic()
        while time.monotonic() - began < limit:
            before = cpu_seconds(self._server_pids())
            await asyncio.sleep(0.5)
            if (cpu_seconds(self._server_pids()) - before) / 0.5 < cores:
                break
        return time.monotonic() - began

    def _server_pids(self) -> list[int]:
        return [self.server_pid, *children(self.server_pid)]

    def _read(self) -> dict[str, float]:
        busy, steal, total = machine_times()
        return {
            "server": cpu_seconds(self._server_pids()),
            "database": cpu_seconds(children(self.postmaster)) if self.postmaster else 0.0,
            "bench": time.process_time(),
            "busy": busy,
            "steal": steal,
            "total": total,
        }

    def stop(self) -> str:
        elapsed = time.monotonic() - self.started
        now = self._read()
        used = {k: (now[k] - self.marks[k]) / elapsed for k in now}
        others = max(0.0, used["busy"] - used["server"] - used["database"] - used["bench"])
        used["others"] = others
        rss = sum(rss_bytes(pid) for pid in self._server_pids()) / 2**20
        line = (
            f"CPU (cores): server {used['server']:.2f}, "
            + (f"postgres {used['database']:.2f}, " if self.postmaster else "")
            + f"load generator {used['bench']:.2f}, other processes {others:.2f}; "
            f"machine busy {used['busy']:.2f} of {os.cpu_count()}, steal "
            f"{used['steal']:.2f}; server RSS {rss:.0f} MiB"
        )
        self.last = used
        return line


# --- the load ---------------------------------------------------------------------------


@dataclass
class Devices:
    host: str
    port: int
    tokens: list[tuple[str, str]]  # (talent name, token)
    receipts: dict[str, list[float]] = field(default_factory=dict)
    errors: Counter[str] = field(default_factory=Counter)
    parked: int = 0
    stop: asyncio.Event = field(default_factory=asyncio.Event)
    tasks: list[asyncio.Task[None]] = field(default_factory=list)

    def add(self, count: int) -> None:
        start = len(self.tasks)
        for n in range(start, start + count):
            self.tasks.append(asyncio.create_task(self._device(n)))

    async def _device(self, n: int) -> None:
        _, token = self.tokens[n]
        auth = f"Authorization: Bearer {token}\r\n".encode()
        conn = Connection(self.host, self.port)
        cursor = 0
        # Devices connected at different times: spread the first wait, so the parked polls
        # time out (and are asked again) at a steady N / 30 per second, not all at once.
        wait = random.randint(1, POLL_WAIT)
        while not self.stop.is_set():
            try:
                await conn.send("GET", f"/v1/feed?after={cursor}&wait={wait}", auth)
                wait = POLL_WAIT
                self.parked += 1
                try:
                    status, body = await conn.receive()
                finally:
                    self.parked -= 1
            except (Closed, OSError) as exc:
                self.errors[
                    type(exc).__name__ if not isinstance(exc, OSError) else f"OSError {exc.errno}"
                ] += 1
                conn.close()
                await asyncio.sleep(0.2)
                continue
            if status != 200:
                self.errors[f"HTTP {status}"] += 1
                await asyncio.sleep(0.5)
                continue
            received = time.perf_counter()
            page = _page_decoder.decode(body)
            for event in page.events:
                if event.type == "booking.created":
                    data = _data_decoder.decode(event.data)
                    if data.booking is not None:
                        self.receipts.setdefault(data.booking.id, []).append(received)
            cursor = page.cursor
        conn.close()


def seed(target: str, count: int) -> list[tuple[str, str]]:
    """``count`` talents with one device token each, written straight into the database."""
    with AgencyStore(target):
        pass  # create and migrate
    db = open_database(target)
    tokens = []
    created = iso(now_utc())
    try:
        with db.write() as tx:
            for n in range(count):
                talent_id = f"tal_bench{n:06d}"
                name = f"Bench {n:06d}"
                token = "tdk_" + secrets.token_urlsafe(32)
                tx.execute(
                    "INSERT INTO talents(id, display_name, created_at) VALUES (?, ?, ?)",
                    (talent_id, name, created),
                )
                tx.execute(
                    "INSERT INTO tokens(token_hash, talent_id, device_name, created_at) "
                    "VALUES (?, ?, ?, ?)",
                    (sha256(token), talent_id, "bench", created),
                )
                tokens.append((name, token))
    finally:
        db.close()
    return tokens


def push(
    target: str, names: Sequence[str], rate: float, seconds: float
) -> tuple[dict[str, float], float]:
    """Book for random talents at ``rate`` per second; (booking id -> push time, how long
    a booking's own transaction took at p95, ms)."""
    pushed: dict[str, float] = {}
    commit_ms: list[float] = []
    start = datetime.now(UTC) + timedelta(days=1)
    rng = random.Random(7)
    with AgencyStore(target) as store:
        package = store.config().packages[0].id
        began = time.perf_counter()
        for k in range(int(rate * seconds)):
            pause = began + k / rate - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            t0 = time.perf_counter()
            booking_id = store.create_booking(
                rng.choice(names), start=start, package_id=package, alias="Tamu", handle="@t"
            )
            pushed[booking_id] = t0
            commit_ms.append((time.perf_counter() - t0) * 1000)
    return pushed, percentile(commit_ms, 95)


async def escalate(
    host: str, port: int, tokens: Sequence[tuple[str, str]], concurrency: int, seconds: float
) -> tuple[int, list[float], Counter[str]]:
    body = b'{"level":"urgent","at":"2025-05-01T21:05:00+07:00"}'
    latencies: list[float] = []
    errors: Counter[str] = Counter()
    deadline = time.perf_counter() + seconds

    async def one(n: int) -> None:
        _, token = tokens[n % len(tokens)]
        auth = f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n".encode()
        conn = Connection(host, port)
        while time.perf_counter() < deadline:
            key = f"Idempotency-Key: {uuid.uuid4().hex}\r\n".encode()
            t0 = time.perf_counter()
            try:
                status, _ = await conn.request("POST", "/v1/escalations", auth + key, body)
            except (Closed, OSError) as exc:
                errors[type(exc).__name__] += 1
                continue
            if status == 201:
                latencies.append((time.perf_counter() - t0) * 1000)
            else:
                errors[f"HTTP {status}"] += 1
        conn.close()

    await asyncio.gather(*(one(n) for n in range(concurrency)))
    return len(latencies), latencies, errors


def figures(values: Sequence[float]) -> str:
    if not values:
        return "n=0"
    return (
        f"n={len(values)} p50={statistics.median(values):.0f} ms "
        f"p95={percentile(values, 95):.0f} ms p99={percentile(values, 99):.0f} ms"
    )


async def run_config(
    name: str,
    target: str,
    steps: Sequence[int],
    goal: int,
    workers: int,
    postmaster: int | None,
    args: argparse.Namespace,
) -> None:
    total = steps[-1]
    print(f"\n=== {name}: steps {', '.join(map(str, steps))} devices; target {goal} ===")
    t0 = time.monotonic()
    tokens = seed(target, total)
    print(f"seeded {total} talents and tokens in {time.monotonic() - t0:.1f} s")
    extra = ["--workers", str(workers)] if workers > 1 else []
    log = open(os.devnull, "w")  # noqa: SIM115 - closed below
    server = AgencyProcess(target, extra_args=extra, stderr=log)
    url = server.start(timeout=120)
    assert server.pid is not None
    if not args.no_nice:
        os.nice(10)  # the server keeps its priority; the load generator yields to it
    host, port = urlsplit(url).hostname or "127.0.0.1", urlsplit(url).port or 0
    devices = Devices(host, port, tokens)
    meter = Meter(server.pid, postmaster)
    stop_reason = None
    try:
        for size in steps:
            ramp_started = time.monotonic()
            while len(devices.tasks) < size:  # ramp up at about 2,000 connections a second
                devices.add(min(200, size - len(devices.tasks)))
                await asyncio.sleep(0.1)
            deadline = time.monotonic() + 60
            while devices.parked < size:
                if time.monotonic() > deadline:
                    break
                await asyncio.sleep(0.1)
            ramp = time.monotonic() - ramp_started
            # Pushes are measured against parked devices at rest: a device counts as parked
            # once its poll is sent, while the server may still be working through the
            # connection wave (pushes in that first half second took up to 1.8 s).
            settled = await meter.at_rest()
            server_fds = [open_fds(p) for p in [server.pid, *children(server.pid)]]
            print(
                f"\n-- {size} devices: {devices.parked} parked after {ramp:.1f} s, the server "
                f"at rest {settled:.1f} s later; "
                f"open fds: load generator {open_fds(os.getpid())}, server "
                f"{'+'.join(map(str, server_fds))}"
            )
            meter.start()
            names = [tokens[n][0] for n in range(size)]
            pushed, commit_p95 = await asyncio.to_thread(
                push, target, names, args.rate, args.seconds
            )
            await asyncio.sleep(3.0)  # late receipts
            cpu_line = meter.stop()
            latencies = []
            missed = duplicated = 0
            for booking_id, at in pushed.items():
                got = devices.receipts.get(booking_id)
                if not got:
                    missed += 1
                    continue
                duplicated += len(got) - 1
                latencies.append((got[0] - at) * 1000)
            p95 = percentile(latencies, 95) if latencies else float("inf")
            print(
                f"push -> receipt ({args.rate:.0f}/s for {args.seconds:.0f} s): "
                f"{figures(latencies)}; missed {missed}, duplicated {duplicated} "
                f"(booking commit p95 {commit_p95:.0f} ms)"
            )
            print(cpu_line)
            if devices.errors:
                print(f"client errors so far: {dict(devices.errors)}")
            if size == goal:
                for concurrency in args.concurrency:
                    meter.start()
                    count, lat, errors = await escalate(
                        host, port, tokens[:size], concurrency, args.escalation_seconds
                    )
                    cpu = meter.stop()
                    rate = count / args.escalation_seconds
                    print(
                        f"escalations at {concurrency:>2} concurrent: {rate:,.0f}/s, "
                        f"{figures(lat)}"
                        + (f", errors {dict(errors)}" if errors else "")
                        + f"; {devices.parked} devices still parked"
                    )
                    print(f"  {cpu}")
            over = p95 > PUSH_P95_TARGET_MS or missed or duplicated
            if over or devices.parked < size * 0.99:
                stop_reason = why(meter, devices, size, server_fds, p95, missed)
                print(f"stops at {size} devices: {stop_reason}")
                break
        if stop_reason is None:
            limit = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
            print(
                f"did not stop up to {steps[-1]} devices (the largest step asked); this load "
                f"generator holds one connection per device, within its {limit} open files"
            )
    finally:
        devices.stop.set()
        for task in devices.tasks:
            task.cancel()
        await asyncio.gather(*devices.tasks, return_exceptions=True)
        server.stop(timeout=30)
        log.close()
        if not args.no_nice:
            with contextlib.suppress(PermissionError):
                os.nice(-10)


def why(
    meter: Meter, devices: Devices, size: int, server_fds: list[int], p95: float, missed: int
) -> str:
    used = meter.last
    limit = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    reasons = []
    if any(k.startswith("OSError 24") for k in devices.errors) or max(server_fds) > limit * 0.95:
        reasons.append(f"file descriptors (limit {limit} per process)")
    cores = os.cpu_count() or 1
    if used["busy"] + used["steal"] > cores * 0.9:
        names = {
            "server": "the agency server",
            "database": "PostgreSQL",
            "bench": "this load generator",
            "others": "other processes on the machine (not this bench)",
        }
        top = max(names, key=lambda k: used[k])
        reasons.append(
            f"CPU: the machine is busy ({used['busy']:.2f} + steal {used['steal']:.2f} of "
            f"{cores} cores), most of it {names[top]} ({used[top]:.2f})"
        )
    if used["database"] > 0.8:
        reasons.append(f"the database ({used['database']:.2f} cores)")
    if not reasons:
        reasons.append("latency without a saturated resource (the server's event loop)")
    return f"push p95 {p95:.0f} ms, missed {missed}: " + "; ".join(reasons)


def pg_settings(url: str) -> tuple[str, int | None]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        names = (
            "server_version",
            "max_connections",
            "shared_buffers",
            "fsync",
            "synchronous_commit",
        )
        values = [conn.execute(f"SHOW {n}").fetchone()[0] for n in names]  # type: ignore[index]
        row = conn.execute("SELECT pg_backend_pid()").fetchone()
        assert row is not None
        # The postmaster is our backend's parent; its children are every PostgreSQL process.
        postmaster = None
        with contextlib.suppress(OSError):
            stat = Path(f"/proc/{row[0]}/stat").read_text().rsplit(")", 1)[1].split()
            postmaster = int(stat[1])
    return ", ".join(f"{n}={v}" for n, v in zip(names, values, strict=True)), postmaster


def database_url(base: str, name: str) -> str:
    return urlunsplit(urlsplit(base)._replace(path=f"/{name}"))


async def main_async(args: argparse.Namespace) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    print(
        f"agency load bench: {os.cpu_count()} cores shared by the server, PostgreSQL and "
        f"this load generator (nice {0 if args.no_nice else 10}); "
        f"open files raised from {soft} to {hard} (the hard limit) for every process"
    )
    if args.only in (None, "sqlite"):
        with tempfile.TemporaryDirectory() as tmp:
            await run_config(
                "embedded SQLite, 1 process",
                str(Path(tmp) / "agency.sqlite3"),
                args.sqlite_steps,
                5000,
                1,
                None,
                args,
            )
    if args.only in (None, "pg") and args.pg:
        import psycopg

        name = f"td_bench_{os.getpid()}"
        with psycopg.connect(args.pg, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            settings, postmaster = pg_settings(args.pg)
            print(f"\nPostgreSQL: {settings}")
            await run_config(
                "PostgreSQL, --workers 2",
                database_url(args.pg, name),
                args.pg_steps,
                10000,
                2,
                postmaster,
                args,
            )
        finally:
            with psycopg.connect(args.pg, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    elif args.only in (None, "pg"):
        print("\nPostgreSQL: skipped (give --pg URL or TALENTDESK_BENCH_POSTGRES)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg", default=os.environ.get("TALENTDESK_BENCH_POSTGRES"))
    parser.add_argument("--only", choices=("sqlite", "pg"))
    parser.add_argument("--rate", type=float, default=20.0, help="pushes per second")
    parser.add_argument("--seconds", type=float, default=10.0, help="push phase length")
    parser.add_argument("--escalation-seconds", type=float, default=5.0)
    parser.add_argument(
        "--concurrency", type=int, nargs="+", default=[1, 4, 16, 32], help="escalation steps"
    )
    parser.add_argument(
        "--sqlite-steps", type=int, nargs="+", default=[1000, 2500, 5000, 7500, 10000]
    )
    parser.add_argument(
        "--pg-steps", type=int, nargs="+", default=[2500, 5000, 10000, 15000, 19000]
    )
    parser.add_argument("--no-nice", action="store_true", help="run the load at full priority")
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
