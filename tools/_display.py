"""An X server of the screenshot tools' own, started before Qt is imported (no Qt here)."""

from __future__ import annotations

import os
import subprocess

from bench._support import start_xvfb as start_server

SCREEN = (1366, 768)


def start_xvfb(screen: tuple[int, int] = SCREEN) -> subprocess.Popen[bytes]:
    """Xvfb at ``screen`` on a free display number; DISPLAY points at it from here on."""
    xvfb, display = start_server(screen)
    os.environ["DISPLAY"] = display
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    return xvfb
