"""Importing the view layer takes PySide6's ``__feature__`` import hook off again."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.python_child import run_python

CHECK = textwrap.dedent(
    """
    import builtins, linecache, sys
    sys.path.insert(0, sys.argv[1])
    import PySide6.QtCore
    hooked = builtins.__import__ is builtins.__feature_import__
    import sentinel_before  # read by the hook: its source stays in linecache
    import talentdesk.ui
    from talentdesk.ui.qt_import import drop_feature_hook
    import sentinel_after
    from PySide6.QtWidgets import QWidget  # Qt still imports, lazily as before
    cached = sorted(name.rsplit("/", 1)[-1] for name in linecache.cache if "sentinel" in name)
    print(hooked, builtins.__import__ is builtins.__orig_import__, cached, drop_feature_hook(),
          QWidget.__name__)
    """
)


def test_the_view_layer_drops_the_hook_that_reads_every_module_s_source(tmp_path: Path) -> None:
    for name in ("sentinel_before", "sentinel_after"):
        (tmp_path / f"{name}.py").write_text("VALUE = 1\n", encoding="utf-8")
    done = run_python(CHECK, str(tmp_path))
    assert done.returncode == 0, done.stderr
    # Hooked by PySide6 at first; after talentdesk.ui, a new module's source is not read,
    # and dropping the hook again does nothing.
    assert done.stdout.split("\n")[0] == "True True ['sentinel_before.py'] False QWidget"
