"""What the benchmarks share: a real keyring session, an X server for child windows,
percentiles, printing."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
from collections.abc import Sequence

from talentdesk.vault import keyring_status

_REEXEC = "TALENTDESK_BENCH_IN_KEYRING_SESSION"


def start_xvfb(screen: tuple[int, int]) -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb at ``screen`` on a free display number (it says which): the server and its
    DISPLAY. The caller terminates it."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write),
            "-screen",
            "0",
            f"{screen[0]}x{screen[1]}x24",
            "-nolisten",
            "tcp",
        ],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number.isdigit():
        xvfb.kill()
        raise RuntimeError("Xvfb did not start")
    return xvfb, f":{number}"


def display_for_children(env: dict[str, str]) -> tuple[subprocess.Popen[bytes] | None, str]:
    """Point ``env`` at a screen for the windows of child processes; say which.

    An X server of our own (Xvfb, on a free display number) when it is installed and
    ``env`` has none, else Qt's offscreen platform. The caller terminates the server.
    """
    if "DISPLAY" in env:
        return None, "xcb (DISPLAY)"
    if not shutil.which("Xvfb"):
        env["QT_QPA_PLATFORM"] = "offscreen"
        return None, "offscreen"
    xvfb, display = start_xvfb((1280, 800))
    env["DISPLAY"] = display
    env.pop("QT_QPA_PLATFORM", None)
    return xvfb, "xcb (Xvfb)"


def ensure_keyring() -> None:
    """Run this benchmark inside a session bus with an unlocked gnome-keyring if there is
    no usable keyring yet (as CI does), so keyring-mode figures are real ones."""
    if keyring_status().available or os.environ.get(_REEXEC):
        return
    if not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")):
        sys.exit("no keyring here, and no dbus-run-session/gnome-keyring to start one")
    os.environ[_REEXEC] = "1"
    spec = sys.modules["__main__"].__spec__
    if spec is None:
        sys.exit("run benchmarks as modules: uv run python -m bench.NAME")
    script = (
        'export XDG_DATA_HOME="$(mktemp -d)"; '  # a fresh login keyring, whatever exists
        'eval "$(printf "bench\\n" | gnome-keyring-daemon --unlock --components=secrets)"; '
        'export GNOME_KEYRING_CONTROL; exec "$0" "$@"'
    )
    os.execvp(
        "dbus-run-session",
        [
            "dbus-run-session",
            "--",
            "bash",
            "-c",
            script,
            sys.executable,
            "-m",
            spec.name,
            *sys.argv[1:],
        ],
    )


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100), nearest-rank."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def report(name: str, values_ms: Sequence[float], target_ms: float | None = None) -> None:
    """Print one figure line: median, p95, p99 and the target, if any."""
    line = (
        f"{name}: n={len(values_ms)} median={statistics.median(values_ms):.2f} ms "
        f"p95={percentile(values_ms, 95):.2f} ms p99={percentile(values_ms, 99):.2f} ms"
    )
    if target_ms is not None:
        verdict = "within" if percentile(values_ms, 95) <= target_ms else "OVER"
        line += f" (target {target_ms:g} ms: {verdict})"
    print(line, flush=True)
