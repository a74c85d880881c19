"""An X server of the screenshot tools' own, started before Qt is imported (no Qt here)."""

from __future__ import annotations

import os
import subprocess

SCREEN = (1366, 768)


def start_xvfb(screen: tuple[int, int] = SCREEN) -> subprocess.Popen[bytes]:
    """Xvfb at ``screen`` on a free display number; DISPLAY points at it from here on."""
    read, write = os.pipe()
    proc = subprocess.Popen(
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
        raise SystemExit("Xvfb did not start")
    os.environ["DISPLAY"] = f":{number}"
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    return proc
