"""One TalentDesk per data folder: a second launch raises the first and exits 0."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from talentdesk.ui import single_instance
from talentdesk.ui.single_instance import SingleInstance, instance_key, socket_path
from tests.ui.conftest import AppFactory, wait_for_step

ROOT = Path(__file__).resolve().parents[2]


def run_python(code: str, timeout: float = 60) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_key_depends_on_the_folder_only(tmp_path: Path) -> None:
    assert instance_key(tmp_path / "a") == instance_key(tmp_path / "a")
    assert instance_key(tmp_path / "a") == instance_key(tmp_path / "b" / ".." / "a")
    assert instance_key(tmp_path / "a") != instance_key(tmp_path / "b")
    assert str(tmp_path) not in instance_key(tmp_path / "a")


@pytest.mark.parametrize("posix", [True, False], ids=["unix-socket", "qlocalserver"])
def test_second_claim_in_process_raises_the_first(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch, posix: bool
) -> None:
    # Windows' channel (QLocalServer, a named pipe there) runs on Linux too: test both.
    monkeypatch.setattr(single_instance, "_POSIX", posix)
    first = SingleInstance(data_dir)
    assert first.claim()
    try:
        second = SingleInstance(data_dir)
        with qtbot.waitSignal(first.raise_requested, timeout=5000):
            assert not second.claim()
        assert not second.is_primary
        other = SingleInstance(data_dir.parent / "other")
        assert other.claim()
        other.release()
    finally:
        first.release()
    again = SingleInstance(data_dir)
    assert again.claim()
    again.release()


@pytest.mark.usefixtures("no_keyring", "passphrase_vault")
def test_second_launch_raises_the_running_window_and_exits_0(
    qtbot: QtBot, make_app: AppFactory, data_dir: Path
) -> None:
    app = make_app()
    app.start()
    wait_for_step(qtbot, app, "passphrase")
    app.unlock_screen.showMinimized()

    # A real second launch. Were it to open the vault it would sit on its own
    # unlock screen forever (it has no passphrase) instead of exiting.
    with qtbot.waitSignal(app.instance.raise_requested, timeout=30_000):
        second = run_python(
            f"""
            import sys
            from pathlib import Path
            from talentdesk.app import run_gui
            sys.exit(run_gui(Path({str(data_dir)!r}), "en"))
            """
        )
    _, err = second.communicate(timeout=30)
    assert second.returncode == 0, err
    assert not app.unlock_screen.isMinimized()
    assert app.unlock_screen.isVisible()
    assert app.unlock_screen.current_step is app.unlock_screen.passphrase


def test_a_crashed_instance_does_not_block_the_next(qtbot: QtBot, data_dir: Path) -> None:
    crashed = run_python(
        f"""
        import os
        import sys
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication
        import talentdesk.ui
        from talentdesk.ui.single_instance import SingleInstance
        app = QCoreApplication([])
        holder = SingleInstance(Path({str(data_dir)!r}))
        assert holder.claim()
        assert "PySide6.QtNetwork" not in sys.modules  # a plain socket on POSIX
        os.kill(os.getpid(), 9)
        """
    )
    crashed.communicate(timeout=30)
    assert crashed.returncode == -9
    assert (data_dir / "instance.lock").exists()
    assert socket_path(data_dir).exists()  # the crashed run's socket, replaced

    after = SingleInstance(data_dir)
    assert after.claim()
    after.release()
