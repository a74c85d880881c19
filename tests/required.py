"""A part a test needs but this machine lacks: skipped here, failed where CI requires it.

CI sets ``TALENTDESK_REQUIRE_SECRET_SERVICE``, ``TALENTDESK_REQUIRE_POSTGRES``,
``TALENTDESK_REQUIRE_BROWSER`` and ``TALENTDESK_REQUIRE_X11`` to 1, so a keyring,
database, browser or X server it failed to start never turns into a quiet skip.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def missing(variable: str, problem: str) -> NoReturn:
    """Skip for ``problem``, or fail if ``variable`` says this run requires the part."""
    if os.environ.get(variable) == "1":
        pytest.fail(f"{variable}=1 but {problem}")
    pytest.skip(problem)
