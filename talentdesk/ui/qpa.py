"""Which Qt platform plugin (QPA) TalentDesk would run on, and what it lacks to start.

Qt's X11 plugin (``xcb``) needs a dozen system libraries a fresh Linux install may not
have. Missing one, Qt aborts the process with a message that names the wrong library
(it blames ``libxcb-cursor0`` whatever is missing). :func:`missing_platform_libraries`
finds out before Qt tries, and :func:`missing_libraries_message` says in plain words
which libraries, and which packages bring them.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import PySide6
from PySide6.QtGui import QGuiApplication

#: The Debian/Ubuntu package that brings each system library the xcb plugin needs
#: (the README lists them, and what Fedora and macOS need).
DEBIAN_PACKAGES: Mapping[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
_CANNOT_OPEN = re.compile(r"(\S+\.so[.\d]*): cannot open shared object file")

_PROBE = (
    "import sys\n"
    "from PySide6.QtGui import QGuiApplication\n"
    "app = QGuiApplication([sys.argv[0]])\n"
    "print(app.platformName())\n"
)


def qt_platform_name(timeout: float = 15.0) -> str:
    """The QPA platform name Qt uses or would use here, e.g. ``xcb``, ``wayland``, ``offscreen``.

    Inside a running GUI this is the app's own platform. Otherwise Qt is
    started in a child process (a failing platform plugin aborts the process
    that loads it, so this one is never put at risk) with the same
    environment, ``QT_QPA_PLATFORM`` included.

    Returns:
        The platform name; or, when no platform plugin can start (no display,
        missing system libraries), ``"unavailable: "`` followed by Qt's own
        ``qt.qpa`` messages saying why.
    """
    if QGuiApplication.instance() is not None:
        return QGuiApplication.platformName()
    return probe_platform_name(timeout)


def probe_platform_name(timeout: float = 15.0) -> str:
    """Start Qt in a child process and report the platform it chose; see `qt_platform_name`."""
    try:
        result = subprocess.run(
            [sys.executable, "-c", _PROBE],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=os.environ.copy(),
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"unavailable: {type(exc).__name__}: {exc}"
    name = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    if result.returncode == 0 and name:
        return name
    lines = [line.strip() for line in result.stderr.splitlines() if line.strip()]
    qpa = [line for line in lines if line.startswith("qt.qpa")]
    reason = "; ".join(qpa) if qpa else (lines[-1] if lines else f"exit {result.returncode}")
    return f"unavailable: {reason}"


def would_use_xcb(environ: Mapping[str, str] | None = None) -> bool:
    """Whether Qt would start its X11 plugin here (Linux, and no other platform asked for)."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return False
    asked = env.get("QT_QPA_PLATFORM", "").split(":", 1)[0].split(";", 1)[0].strip()
    if asked:
        return asked == "xcb"
    return not env.get("WAYLAND_DISPLAY")  # under Wayland, Qt tries its own plugin first


def platform_plugin(name: str = "xcb", environ: Mapping[str, str] | None = None) -> Path | None:
    """The platform plugin file Qt would load (``QT_QPA_PLATFORM_PLUGIN_PATH`` first)."""
    env = os.environ if environ is None else environ
    folders = [Path(p) for p in env.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(os.pathsep) if p]
    folders += [Path(p) / "platforms" for p in env.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    folders.append(Path(PySide6.__file__).resolve().parent / "Qt" / "plugins" / "platforms")
    for folder in folders:
        candidate = folder / f"libq{name}.so"
        if candidate.is_file():
            return candidate
    return None


def missing_platform_libraries(plugin: Path) -> list[str]:
    """The system libraries ``plugin`` needs that cannot be found; [] when it loads.

    The quick way first (load it: a few milliseconds at each start); only when that
    fails, ``ldd`` lists every library missing, not just the first.
    """
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        first = _CANNOT_OPEN.findall(str(exc))
    else:
        return []
    ldd = shutil.which("ldd")
    if ldd is not None:
        try:
            listed = subprocess.run(
                [ldd, str(plugin)], capture_output=True, text=True, timeout=15, check=False
            )
        except (OSError, subprocess.TimeoutExpired):
            listed = None
        if listed is not None:
            found = list(dict.fromkeys(_NOT_FOUND.findall(listed.stdout)))
            if found:
                return found
    return first or ["(unknown: " + plugin.name + " does not load)"]


def missing_libraries_message(missing: list[str]) -> str:
    """In plain words, Indonesian first: what is missing and how to install it."""
    libraries = ", ".join(missing)
    packages = sorted({DEBIAN_PACKAGES[name] for name in missing if name in DEBIAN_PACKAGES})
    lines = [
        "TalentDesk tidak bisa membuka jendelanya: pustaka sistem ini tidak ada di komputer "
        f"ini: {libraries}.",
        "TalentDesk cannot open its window: these system libraries are missing on this "
        f"computer: {libraries}.",
    ]
    if packages:
        install = "sudo apt install " + " ".join(packages)
        lines += [
            "",
            f"Debian/Ubuntu: {install}",
            "Fedora, other systems and macOS: see “System packages” in the README.",
        ]
    return "\n".join(lines)


def check_platform(environ: Mapping[str, str] | None = None) -> str | None:
    """What keeps Qt from opening a window here, in plain words; None when nothing does."""
    if not would_use_xcb(environ):
        return None
    plugin = platform_plugin("xcb", environ)
    if plugin is None:
        return None  # Qt says itself that it has no such plugin
    missing = missing_platform_libraries(plugin)
    return missing_libraries_message(missing) if missing else None
