"""The view layer builds no service: it receives the workspace and calls it.

import-linter sees imports, not constructor calls, so this test reads every module under
``talentdesk/ui/`` with :mod:`ast` and fails on a call to any service class. The one place
a workspace is made is the composition layer (``talentdesk/app.py``), which hands the view
a way to open one.
"""

from __future__ import annotations

import ast
import dataclasses
import enum
import importlib
import inspect
import pkgutil
from pathlib import Path

import msgspec

import talentdesk.ui

UI = Path(talentdesk.ui.__file__).parent

#: The packages whose classes are services (or build them): the model under the view.
SERVICE_PACKAGES = (
    "talentdesk.sessions",
    "talentdesk.safety",
    "talentdesk.sync",
    "talentdesk.workspace",
    "talentdesk.vault",
)


def _is_value(cls: type) -> bool:
    """Plain data the view may build freely: errors, enums, records, protocols."""
    return (
        issubclass(cls, (BaseException, enum.Enum, tuple, msgspec.Struct))
        or dataclasses.is_dataclass(cls)
        or bool(getattr(cls, "_is_protocol", False))
    )


def public_service_classes() -> frozenset[str]:
    """The name of every public class of :data:`SERVICE_PACKAGES` that is not plain data."""
    names = set()
    for package_name in SERVICE_PACKAGES:
        package = importlib.import_module(package_name)
        modules = [package] + [
            importlib.import_module(info.name)
            for info in pkgutil.walk_packages(package.__path__, package_name + ".")
        ]
        for module in modules:
            for name, value in vars(module).items():
                if (
                    inspect.isclass(value)
                    and not name.startswith("_")
                    and value.__module__.startswith(package_name)
                    and not _is_value(value)
                ):
                    names.add(value.__name__)
    return frozenset(names)


#: Every class that is (or builds) a service of the desk, read from the packages.
SERVICES = public_service_classes()

#: Modules under ui/ allowed to call one of them, and why. Empty: none is.
ALLOWED: dict[str, str] = {}


def _called_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def service_calls(source: str) -> list[tuple[int, str]]:
    """(line, class) of every call to a service class in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = _called_name(node)
            if name in SERVICES:
                found.append((node.lineno, name))
    return found


def test_no_module_under_ui_constructs_a_service() -> None:
    modules = sorted(UI.rglob("*.py"))
    assert len(modules) > 50  # the walk reaches the whole view layer
    offences = []
    for module in modules:
        relative = module.relative_to(UI.parent.parent).as_posix()
        if relative in ALLOWED:
            continue
        offences += [
            f"{relative}:{line} calls {name}()"
            for line, name in service_calls(module.read_text("utf-8"))
        ]
    assert offences == []


def test_the_services_are_read_from_the_packages() -> None:
    # Every service the hand-kept list named, and none of the values the view may build.
    assert {
        "Workspace",
        "SyncService",
        "AgencyClient",
        "Outbox",
        "Bookings",
        "SessionRunner",
        "ReplyBook",
        "BoundaryBook",
        "NightSummaries",
        "SafetyService",
        "Escalations",
        "IncidentReports",
        "Playbook",
        "LoneWorkerCheck",
        "AfterCare",
        "ReplyPace",
        "RecordStore",
        "Vault",
    } <= SERVICES
    assert not {"Changes", "SafetySnapshot", "EscalationView", "VaultError"} & SERVICES


def test_the_check_finds_a_constructor_call_in_any_form() -> None:
    source = (
        "from talentdesk.sessions import replies\n"
        "from talentdesk.workspace import Workspace\n"
        "book = replies.ReplyBook(vault)\n"
        "def build(vault):\n"
        "    return Workspace(vault, demo=None)\n"
        "reply_book = ReplyBook  # a reference alone builds nothing\n"
    )
    assert service_calls(source) == [(3, "ReplyBook"), (5, "Workspace")]


def test_the_one_place_that_opens_a_workspace_is_the_composition_layer() -> None:
    app = Path(talentdesk.ui.__file__).parent.parent / "app.py"
    assert any(name == "Workspace" for _, name in service_calls(app.read_text("utf-8")))
