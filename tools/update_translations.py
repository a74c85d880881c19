"""Regenerate TalentDesk's translations: lupdate over talentdesk/ui, then lrelease.

Usage:
    uv run python tools/update_translations.py
    uv run python tools/update_translations.py --merge-from REV   # after a merge

* with ``--merge-from REV`` (a git revision, e.g. the branch just merged), each
  message still unfinished takes its translation from that revision's ``.ts``
  (same context, source and comment): the way to resolve a merge conflict in
  the ``.ts`` files is to keep either side and regenerate with the other;

* ``pyside6-lupdate`` merges the strings found in ``talentdesk/ui`` into
  ``talentdesk/i18n/talentdesk_<lang>.ts``, keeping every existing
  translation and dropping strings the code no longer has;
* the English file translates each message to its own source text (source
  strings are English), so it is completed here;
* ``pyside6-lrelease`` compiles each ``.ts`` into the ``.qm`` the app loads.

New Indonesian strings stay ``unfinished`` until someone translates them (in
Qt Linguist, ``pyside6-linguist``, or by editing the .ts); the test suite
fails until then, so nothing ships half-translated. Exit code 1 means some
are still unfinished.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "talentdesk" / "ui"
I18N = ROOT / "talentdesk" / "i18n"
# language code -> the Qt locale name that decides the plural forms in the .ts
LANGUAGES = {"id": "id_ID", "en": "en_US"}
SOURCE_LANGUAGE = "en"


def qt_tool(name: str) -> str:
    """The path of a PySide6 tool (``pyside6-lupdate``...), next to this Python first."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found; run this with the project's environment (uv run)")
    return found


def ts_path(code: str) -> Path:
    """The translation source of ``code``."""
    return I18N / f"talentdesk_{code}.ts"


def source_files(sources: Path = SOURCES) -> list[str]:
    """Every Python file under ``sources``, in a stable order."""
    return sorted(str(path) for path in sources.rglob("*.py"))


def lupdate(ts: Path, locale: str, sources: Path = SOURCES) -> None:
    """Merge the strings of the Python files under ``sources`` into ``ts`` (created if missing)."""
    subprocess.run(
        [
            qt_tool("pyside6-lupdate"),
            *source_files(sources),
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en_US",
            "-target-language",
            locale,
            "-silent",
            "-ts",
            str(ts),
        ],
        check=True,
    )


def lrelease(ts: Path) -> Path:
    """Compile ``ts`` into the ``.qm`` beside it."""
    qm = ts.with_suffix(".qm")
    subprocess.run([qt_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def fill_from_source(ts: Path) -> int:
    """Translate every unfinished or empty message of ``ts`` to its source text.

    Only for the source language (English). Returns how many were filled.
    """
    tree = ET.parse(ts)  # noqa: S314 (our own file)
    filled = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        forms = translation.findall("numerusform")
        unfinished = translation.get("type") == "unfinished"
        if forms:
            empty = any(not (form.text or "") for form in forms)
            if unfinished or empty:
                for form in forms:
                    form.text = source
                filled += 1
        elif unfinished or not (translation.text or ""):
            translation.text = source
            filled += 1
        if "type" in translation.attrib and translation.get("type") == "unfinished":
            del translation.attrib["type"]
    if filled:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def _key(context: str, message: ET.Element) -> tuple[str, str, str]:
    return (context, message.findtext("source") or "", message.findtext("comment") or "")


def fill_from_revision(ts: Path, revision: str) -> int:
    """Finish the unfinished messages of ``ts`` with the translations in ``revision``'s copy.

    Returns how many were filled.
    """
    shown = subprocess.run(
        ["git", "show", f"{revision}:{ts.relative_to(ROOT).as_posix()}"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout
    theirs: dict[tuple[str, str, str], ET.Element] = {}
    for context in ET.fromstring(shown).iter("context"):  # noqa: S314 (our own file)
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None:
                theirs[_key(name, message)] = translation
    tree = ET.parse(ts)  # noqa: S314 (our own file)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") != "unfinished":
                continue
            found = theirs.get(_key(name, message))
            if found is None:
                continue
            if translation is not None:
                message.remove(translation)
            message.append(found)
            filled += 1
    if filled:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def unfinished(ts: Path) -> list[str]:
    """The source texts of ``ts`` that still lack a finished translation."""
    tree = ET.parse(ts)  # noqa: S314 (our own file)
    missing = []
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        texts = (
            [form.text or "" for form in translation.findall("numerusform")]
            if translation is not None
            else []
        )
        if translation is not None and not texts:
            texts = [translation.text or ""]
        if (
            translation is None
            or translation.get("type") in ("unfinished", "vanished", "obsolete")
            or not all(text.strip() for text in texts)
        ):
            missing.append(message.findtext("source") or "")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--merge-from",
        metavar="REV",
        action="append",
        default=[],
        help="take unfinished messages' translations from this git revision's .ts",
    )
    args = parser.parse_args(argv)
    status = 0
    for code, locale in LANGUAGES.items():
        ts = ts_path(code)
        lupdate(ts, locale)
        if any([fill_from_revision(ts, revision) for revision in args.merge_from]):
            lupdate(ts, locale)
        if code == SOURCE_LANGUAGE and fill_from_source(ts):
            lupdate(ts, locale)  # let lupdate write the file back in its own layout
        qm = lrelease(ts)
        left = unfinished(ts)
        print(f"{ts.relative_to(ROOT)}: {len(left)} unfinished -> {qm.relative_to(ROOT)}")
        for source in left:
            print(f"    untranslated: {source!r}")
        if left:
            status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
