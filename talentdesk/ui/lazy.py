"""Package names imported on first use (PEP 562), for the view layer's packages.

Importing one module of a package must not pull in every window with it (start-up
time): a package lists where each name lives and hands look-ups to this.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping


def lazy_exports(package: str, homes: Mapping[str, str]) -> Callable[[str], object]:
    """A module ``__getattr__`` for ``package`` that imports ``homes[name]`` when asked.

    Args:
        package: the package's ``__name__``.
        homes: each exported name and the module that defines it.
    """

    def look_up(name: str) -> object:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(home), name)
        setattr(sys.modules[package], name, value)  # the next look-up is a plain attribute
        return value

    return look_up
