"""The reference agency server: a real Agency API v1 server for demos, tests and small agencies.

Embedding::

    from talentdesk_agency import ServerThread, seed_demo

    code = seed_demo(db_path, "Sari", now)
    with ServerThread(db_path) as server:  # loopback, a free port
        ...  # pair the app at server.url with `code`

Staff commands (``talentdesk-agency``) are in :mod:`.cli`; the database and every
operation on it in :mod:`.store`, usable directly as :class:`AgencyStore`.

Names are imported on first use, so the staff commands start without loading the HTTP
stack.
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("talentdesk")  # one distribution ships the desk and the agency
except PackageNotFoundError:  # pragma: no cover - run from a bare source tree
    __version__ = "0.0.0"

if TYPE_CHECKING:
    from talentdesk_agency.app import AgencyApp
    from talentdesk_agency.demo import seed_demo
    from talentdesk_agency.problems import AgencyError, ApiError
    from talentdesk_agency.runner import AgencyProcess, ServerThread, is_loopback
    from talentdesk_agency.store import AgencyStore

__all__ = [
    "AgencyApp",
    "AgencyError",
    "AgencyProcess",
    "AgencyStore",
    "ApiError",
    "ServerThread",
    "is_loopback",
    "seed_demo",
]

_HOMES = {
    "AgencyApp": "app",
    "AgencyError": "problems",
    "AgencyProcess": "runner",
    "AgencyStore": "store",
    "ApiError": "problems",
    "ServerThread": "runner",
    "is_loopback": "runner",
    "seed_demo": "demo",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
