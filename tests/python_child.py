"""A fresh Python process, for the tests about what a process imports or does at its start.

Used where the test's own process cannot answer: it has imported everything already.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Mapping


def run_python(
    code: str, *args: str, env: Mapping[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run ``code`` (dedented) with ``args`` in a new interpreter; its output, whatever its
    exit code (the caller says what it expects)."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        env=None if env is None else dict(env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
