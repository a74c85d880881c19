"""The view layer's packages import their modules on first use, not with the package."""

from __future__ import annotations

import textwrap

from tests.python_child import run_python

CHECK = textwrap.dedent(
    """
    import sys
    import talentdesk.ui, talentdesk.ui.pages, talentdesk.ui.safety, talentdesk.ui.unlock
    heavy = ("talentdesk.ui.application", "talentdesk.ui.pages.settings",
             "talentdesk.ui.unlock.screen")
    assert not [m for m in heavy if m in sys.modules], [m for m in heavy if m in sys.modules]

    from talentdesk.ui.unlock import UnlockScreen
    assert "talentdesk.ui.unlock.screen" in sys.modules
    assert vars(talentdesk.ui.unlock)["UnlockScreen"] is UnlockScreen  # kept for next time
    assert talentdesk.ui.pages.SettingsPage.__module__ == "talentdesk.ui.pages.settings"
    try:
        talentdesk.ui.unlock.Nothing
    except AttributeError as exc:
        assert "talentdesk.ui.unlock" in str(exc) and "Nothing" in str(exc)
    else:
        raise AssertionError("an unknown name was found")
    print("ok")
    """
)


def test_packages_import_their_modules_when_a_name_is_asked_for() -> None:
    done = run_python(CHECK)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


FIRST_WINDOW = textwrap.dedent(
    """
    import sys
    import talentdesk.app
    import talentdesk.ui.application, talentdesk.workspace
    # hashlib loads the system's OpenSSL beside cryptography's own (the view's digests
    # use the vault's sha256); the HTTP client and TLS load when sync starts.
    print(sorted(m for m in ("_hashlib", "hashlib", "ssl", "httpx") if m in sys.modules))
    """
)


def test_the_first_windows_modules_load_no_second_openssl_and_no_http_client() -> None:
    done = run_python(FIRST_WINDOW)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
