"""The view layer: windows, pages and the bridge from worker threads. The only place Qt lives.

The composition layer calls :func:`run_gui` (with a :class:`DemoAgency` for
``--demo``); the doctor command calls :func:`qt_platform_name`.
"""

from talentdesk.ui.application import TalentDeskApp, build_app, run_gui
from talentdesk.ui.demo import DemoAgency
from talentdesk.ui.qpa import qt_platform_name

__all__ = ["DemoAgency", "TalentDeskApp", "build_app", "qt_platform_name", "run_gui"]
