"""Which Qt platform plugin (QPA) TalentDesk would run on, for the doctor command."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QGuiApplication

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
