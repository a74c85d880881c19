"""The view layer: windows, pages and the bridge from worker threads. The only place Qt lives.

The composition layer calls :func:`run_gui` with a way to open the workspace of an
unlocked vault (the view builds no service itself); the doctor command calls
:func:`qt_platform_name`.

Names are imported on first use (PEP 562), not with the package: importing one
module of it must not pull in every window (startup time).

Importing Qt here first also undoes PySide6's ``__feature__`` import hook (see
:func:`talentdesk.ui.qt_import.drop_feature_hook`) before any window module is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from talentdesk.ui.lazy import lazy_exports
from talentdesk.ui.qt_import import drop_feature_hook

drop_feature_hook()

if TYPE_CHECKING:
    from talentdesk.ui.application import TalentDeskApp, build_app, run_gui
    from talentdesk.ui.qpa import qt_platform_name

_HOME = {
    "TalentDeskApp": "talentdesk.ui.application",
    "build_app": "talentdesk.ui.application",
    "qt_platform_name": "talentdesk.ui.qpa",
    "run_gui": "talentdesk.ui.application",
}


__getattr__ = lazy_exports(__name__, _HOME)


__all__ = ["TalentDeskApp", "build_app", "qt_platform_name", "run_gui"]
