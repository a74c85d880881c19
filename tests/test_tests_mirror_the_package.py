"""Tests mirror the package: a module's tests are at the same path under ``tests/``.

``talentdesk/sync/outbox.py`` -> ``tests/sync/test_outbox.py``, ``talentdesk/domain.py`` ->
``tests/test_domain.py``, ``talentdesk_agency/cli.py`` -> ``tests/agency/test_cli.py``,
``talentdesk_contract/values.py`` -> ``tests/contract/test_values.py``. A second file for
one module names the module first and then what it is about
(``tests/sync/test_service_crash.py``, ``tests/sessions/test_runner_sync.py``). The few
tests that cross the whole desk (privacy, translations, architecture rules) are listed
below, each with why.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
#: The top folder under tests/ and the package it mirrors ("" is the desk's).
PACKAGES = {"agency": "talentdesk_agency", "contract": "talentdesk_contract", "": "talentdesk"}

#: Tests about no single module, and why.
CROSS_CUTTING = {
    "tests/test_tests_mirror_the_package.py": "this rule itself",
    "tests/test_watchdog.py": "the suite's own hang watchdog (tests/watchdog.py)",
    "tests/sessions/test_privacy.py": "a sentinel customer through every place data can go",
    "tests/ui/session/test_session_flow.py": "a whole session through the app, privacy too",
    "tests/ui/test_contract_words.py": "every contract value in every messages module",
    "tests/ui/test_rendering.py": "every window renders",
    "tests/ui/test_layout.py": "every window fits, both languages, both sizes",
    "tests/ui/test_translations.py": "both languages complete over the whole view layer",
    "tests/ui/test_pyside_build.py": "the PySide6 build the view layer runs on",
    "tests/ui/test_no_services_in_ui.py": "an architecture rule over the whole view layer",
    "tests/agency/test_crash.py": "the agency server killed mid-request (its process)",
    "tests/contract/test_contract.py": "the YAML, wire.py and the server agree",
    "tests/contract/test_schemathesis.py": "the server fuzzed from the contract",
}


def mirrored_folder(test_folder: Path) -> Path:
    """The package folder a folder under tests/ mirrors."""
    parts = test_folder.relative_to(TESTS).parts
    if parts and parts[0] in PACKAGES:
        return ROOT / PACKAGES[parts[0]] / Path(*parts[1:])
    return ROOT / PACKAGES[""] / Path(*parts)


def is_module(folder: Path, name: str) -> bool:
    return (folder / f"{name}.py").is_file() or (folder / name / "__init__.py").is_file()


def names_a_module(test_file: Path) -> bool:
    """``test_X.py`` or ``test_X_aspect.py`` where X is a module of the mirrored folder."""
    folder = mirrored_folder(test_file.parent)
    words = test_file.stem.removeprefix("test_").split("_")
    return any(is_module(folder, "_".join(words[:end])) for end in range(len(words), 0, -1))


def test_every_test_file_names_a_module_that_exists() -> None:
    test_files = sorted(TESTS.rglob("test_*.py"))
    assert len(test_files) > 60  # the walk reaches the whole suite
    strays = [
        path.relative_to(ROOT).as_posix()
        for path in test_files
        if path.relative_to(ROOT).as_posix() not in CROSS_CUTTING and not names_a_module(path)
    ]
    assert strays == []


def test_the_cross_cutting_list_names_only_files_that_exist_and_need_it() -> None:
    for name in CROSS_CUTTING:
        path = ROOT / name
        assert path.is_file(), name
        assert name.endswith("test_tests_mirror_the_package.py") or not names_a_module(path), (
            f"{name} names a module: it needs no place on the list"
        )


def test_the_rule_tells_a_mirrored_test_from_a_stray() -> None:
    assert names_a_module(TESTS / "sync" / "test_outbox.py")
    assert names_a_module(TESTS / "sync" / "test_service_crash.py")
    assert names_a_module(TESTS / "ui" / "pages" / "test_bookings_model.py")
    assert names_a_module(TESTS / "agency" / "test_cli.py")
    assert names_a_module(TESTS / "test_domain.py")
    assert not names_a_module(TESTS / "sync" / "test_app_sync.py")
    assert not names_a_module(TESTS / "ui" / "session" / "test_replies_page.py")
