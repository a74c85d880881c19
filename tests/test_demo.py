"""``talentdesk --demo``: the sample agency on loopback, and a vault that asks nothing."""

from __future__ import annotations

import gc
import stat
from pathlib import Path

import pytest

from talentdesk import app
from talentdesk.demo import DEMO_KEY_FILE, demo_vault_key, start_demo
from talentdesk.workspace import DemoAgency


def test_the_demo_vault_key_is_random_kept_and_says_it_is_unprotected(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    folder.mkdir(mode=0o700)
    key = demo_vault_key(folder)
    assert len(key) >= 40
    assert demo_vault_key(folder) == key  # the same key at every start
    path = folder / DEMO_KEY_FILE
    assert "UNPROTECTED" in path.name
    text = path.read_text()
    assert "UNPROTECTED on purpose" in text and text.strip().endswith(key)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    other = tmp_path / "other"
    other.mkdir(mode=0o700)
    assert demo_vault_key(other) != key  # random, not fixed
    path.write_text("# emptied by hand\n")
    assert demo_vault_key(folder) not in ("", key)  # a lost key makes a new one


def test_demo_gives_the_window_its_sample_agency_and_its_key(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, object] = {}

    def run_gui(
        data: Path,
        language: str | None,
        demo: DemoAgency | None = None,
        vault_key: str | None = None,
    ) -> int:
        seen.update(data=data, demo=demo, key=vault_key)
        return 0

    monkeypatch.setattr(app, "run_gui", run_gui)
    collecting = gc.isenabled()  # off where this worker's Qt tests installed their collector
    assert app.main(["--demo", "--data-dir", str(data_dir)]) == 0
    assert gc.isenabled() is collecting  # main() switched it off for the window, then back
    demo_dir = data_dir / "demo"
    assert seen["data"] == demo_dir
    assert isinstance(seen["demo"], DemoAgency)
    assert seen["key"] == demo_vault_key(demo_dir)


def test_start_demo_seeds_the_agency_once_and_serves_it(data_dir: Path) -> None:
    run = start_demo(data_dir)
    try:
        assert run.url.startswith("http://127.0.0.1:")
        assert run.pairing_code
        assert run.vault_key == demo_vault_key(run.data_dir)
    finally:
        run.stop()
