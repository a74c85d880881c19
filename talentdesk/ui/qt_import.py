"""Import Qt without PySide6's ``__feature__`` import hook (start-up time and memory).

Importing PySide6 replaces ``builtins.__import__`` with ``__feature_import__``, which
serves ``from __feature__ import snake_case, true_property``. After every import it
reads the whole source of the module just imported (``inspect.getsource``, kept in
``linecache`` for the life of the process) to look for the word "PySide6". The desk
never imports ``__feature__``: in a desk start that reading cost ~40 ms of CPU and
~6 MiB that stayed (bench/startup.py, bench/session_memory.py). With no feature
selected, PySide6 behaves the same without the hook, so the import it wrapped is put
back (PySide6 keeps it as ``builtins.__orig_import__``, and documents that name).
"""

from __future__ import annotations

import builtins

import PySide6  # noqa: F401  (installs the hook this module takes off again)


def drop_feature_hook() -> bool:
    """Put back the import that PySide6's ``__feature__`` hook wraps; True if it was there.

    Idempotent. Leaves ``__import__`` alone when something else replaced it since.
    """
    hook = getattr(builtins, "__feature_import__", None)
    wrapped = getattr(builtins, "__orig_import__", None)
    if hook is None or wrapped is None or builtins.__import__ is not hook:
        return False
    builtins.__import__ = wrapped
    return True
