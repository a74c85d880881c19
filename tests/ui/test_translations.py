"""The shipped translations are complete, current with the code, compiled, and loadable."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from talentdesk.ui.language import I18N_DIR, qm_path

ROOT = Path(__file__).resolve().parents[2]
UI_SOURCES = ROOT / "talentdesk" / "ui"
LANGUAGES = {"id": "id_ID", "en": "en_US"}
PLACEHOLDER = re.compile(r"%(?:\d+|n)")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    numerus: bool
    status: str | None
    texts: tuple[str, ...]


def read_ts(path: Path) -> list[Message]:
    root = ET.parse(path).getroot()
    messages = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{path.name}: no <translation> in {name}"
            forms = tuple(form.text or "" for form in translation.findall("numerusform"))
            messages.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    numerus=message.get("numerus") == "yes",
                    status=translation.get("type"),
                    texts=forms if forms else (translation.text or "",),
                )
            )
    return messages


def lupdate_fresh(tmp_path: Path) -> list[Message]:
    """What lupdate finds in the code now, in a brand-new .ts."""
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in UI_SOURCES.rglob("*.py"))
    subprocess.run(
        [str(lupdate), *sources, "-locations", "none", "-silent", "-ts", str(fresh)],
        check=True,
        timeout=120,
    )
    return read_ts(fresh)


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_every_message_is_translated(code: str) -> None:
    ts = I18N_DIR / f"talentdesk_{code}.ts"
    messages = read_ts(ts)
    assert len(messages) > 50
    problems = [
        f"{m.context}: {m.source!r} ({m.status or 'empty'})"
        for m in messages
        if m.status is not None or not all(text.strip() for text in m.texts)
    ]
    assert problems == [], f"{ts.name} has unfinished or empty translations"


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_declares_its_language_and_plural_forms(code: str) -> None:
    ts = I18N_DIR / f"talentdesk_{code}.ts"
    assert ET.parse(ts).getroot().get("language") == LANGUAGES[code]
    expected_forms = {"id": 1, "en": 2}[code]
    for message in read_ts(ts):
        if message.numerus:
            assert len(message.texts) == expected_forms, message.source


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_placeholders_and_shortcuts_survive_translation(code: str) -> None:
    for message in read_ts(I18N_DIR / f"talentdesk_{code}.ts"):
        for text in message.texts:
            wanted = sorted(set(PLACEHOLDER.findall(message.source)))
            assert sorted(set(PLACEHOLDER.findall(text))) == wanted, message.source
            assert ("&" in message.source) == ("&" in text), message.source


def test_indonesian_is_really_translated_and_speaks_to_kamu() -> None:
    messages = read_ts(I18N_DIR / "talentdesk_id.ts")
    same = [m.source for m in messages if m.texts == (m.source,)]
    assert same == []
    everything = " ".join(text for m in messages for text in m.texts)
    assert "kamu" in everything
    assert not re.search(r"\bAnda\b", everything)


#: What the walkthrough of issue 12 found in the Indonesian texts, and what it says now.
WALKTHROUGH_WORDING = {
    r"\bset batasan\b": "profil batasan (GLOSSARY)",
    r"\bdimulai mulai\b|\bmulai jam\b|\bjam %\d(?! menit)": "pukul (a time of day)",
    r"Tersambung: terhubung": "Terhubung ke … sebagai …",
    r"Sedang berjalan — Sesi ini": "one word for a live session",
    r"\bmeja kerja\b": "TalentDesk, not a translated product name",
    r"[Ss]upervisor \S+ menerima|\bditerima supervisor\b": "Rina sudah menanggapi (acknowledged)",
    r"\bMinta debrief\b|\bdebrief\b": "minta waktu bicara (no English left)",
    r"\b[Vv]ideo call\b": "panggilan video",
}
#: Words that end in "mu" without being the "-mu" of "you".
NOT_YOUR = {"kamu", "temu", "ketemu", "bertemu", "menemu", "ilmu", "jamu", "tamu"}


def test_indonesian_keeps_the_walkthroughs_wording() -> None:
    """Issue 12's wording fixes stay fixed, and "kamu" is never mixed with "-mu"."""
    messages = read_ts(I18N_DIR / "talentdesk_id.ts")
    texts = [text for m in messages for text in m.texts]
    for pattern, instead in WALKTHROUGH_WORDING.items():
        found = [text for text in texts if re.search(pattern, text)]
        assert found == [], f"{pattern!r} (say {instead}): {found}"
    your = sorted(
        {
            word
            for text in texts
            for word in re.findall(r"\b\w+mu\b", text)
            if word.lower() not in NOT_YOUR
        }
    )
    assert your == [], "say “… kamu”, not “…mu”"


def test_no_source_string_is_missing_from_the_shipped_files(tmp_path: Path) -> None:
    found = {(m.context, m.source) for m in lupdate_fresh(tmp_path)}
    assert len(found) > 50
    for code in LANGUAGES:
        shipped = {(m.context, m.source) for m in read_ts(I18N_DIR / f"talentdesk_{code}.ts")}
        missing = sorted(found - shipped)
        stale = sorted(shipped - found)
        assert missing == [], (
            f"talentdesk_{code}.ts lacks strings from the code; "
            "run `uv run python tools/update_translations.py` and translate them"
        )
        assert stale == [], f"talentdesk_{code}.ts has strings the code no longer uses"


@pytest.mark.parametrize(
    ("code", "context", "source", "expected"),
    [
        ("id", "MainWindow", "Today", "Hari ini"),
        ("id", "PassphraseStep", "Unlock", "Buka kunci"),
        ("en", "MainWindow", "Today", "Today"),
        # The desk review's words: not "Batal" (cancel the booking?) nor "Putuskan…"
        # (decide…).
        ("id", "TodayPage", "Don't decline", "Jangan tolak"),
        ("id", "AgencySection", "Unpair…", "Putuskan hubungan…"),
        ("id", "AgencySection", "Unpair", "Putuskan hubungan"),
    ],
)
def test_compiled_files_exist_and_load(code: str, context: str, source: str, expected: str) -> None:
    qm = qm_path(code)
    assert qm.is_file()
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate(context, source) == expected


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_compiled_files_match_their_sources(code: str, tmp_path: Path) -> None:
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    rebuilt = tmp_path / f"talentdesk_{code}.qm"
    ts = I18N_DIR / f"talentdesk_{code}.ts"
    subprocess.run(
        [str(lrelease), "-silent", str(ts), "-qm", str(rebuilt)], check=True, timeout=120
    )
    assert rebuilt.read_bytes() == qm_path(code).read_bytes(), (
        f"{qm_path(code).name} is older than {ts.name}; run tools/update_translations.py"
    )


def test_compiled_plural_forms() -> None:
    for code, one, many in (
        ("en", "After 1 minute", "After 5 minutes"),
        ("id", "Setelah 1 menit", "Setelah 5 menit"),
    ):
        translator = QTranslator()
        assert translator.load(str(qm_path(code)))
        for n, expected in ((1, one), (5, many)):
            form = translator.translate("SettingsPage", "After %n minute(s)", "", n)
            assert form is not None
            assert form.replace("%n", str(n)) == expected
