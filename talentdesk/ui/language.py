"""Which language the app speaks, and switching it live.

Source strings are English; ``talentdesk/i18n/talentdesk_<code>.qm`` holds
each language (and :mod:`talentdesk.ui.qt_words` Qt's own words in Indonesian).
Installing a translator makes Qt send ``LanguageChange`` to every widget, whose
``changeEvent`` calls its ``retranslate()``: no restart.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator, Signal

from talentdesk.ui.qt_words import QtWordsTranslator
from talentdesk.vault.prefs import LANGUAGES

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parent.parent / "i18n"
DEFAULT_LANGUAGE = "en"

# Each language is named in itself, so anyone can find their own.
LANGUAGE_NAMES: dict[str, str] = {"id": "Bahasa Indonesia", "en": "English"}


def qm_path(code: str) -> Path:
    """The compiled translation file of ``code``."""
    return I18N_DIR / f"talentdesk_{code}.qm"


def system_language(locale: QLocale | None = None) -> str:
    """Indonesian for an Indonesian (or Malay) locale and for an unknown one; else English.

    An unknown locale (``C``, ``POSIX``: a fresh install, a container, a shell without
    ``LANG``) says nothing about the talent, so it gets Indonesian, the app's first
    language; the first run asks anyway, with it preselected.
    """
    chosen = locale or QLocale.system()
    if chosen.language() == QLocale.Language.C:
        return "id"
    name = chosen.name().lower()
    return "id" if name.startswith(("id", "ms")) else DEFAULT_LANGUAGE


def pick_language(requested: str | None, preferred: str | None, system: str) -> str:
    """``--lang`` first, then the saved preference, then the system locale."""
    for candidate in (requested, preferred, system):
        if candidate in LANGUAGES:
            return candidate
    return DEFAULT_LANGUAGE


def current_language() -> str:
    """The language the app shows now ("id" or "en"; the switcher sets Qt's default locale)."""
    return "id" if QLocale().language() == QLocale.Language.Indonesian else DEFAULT_LANGUAGE


_OTHER_LANGUAGES: dict[str, QTranslator | None] = {}


def translate_in(code: str, context: str, source: str) -> str:
    """``source`` as the ``code`` language says it, whatever language the app shows.

    For words that belong to something written in a language of its own (a boundary
    preset's answers beside its labels): a line reads in one language. ``context`` is
    the class whose ``tr()`` has the string.
    """
    if code == DEFAULT_LANGUAGE or code not in LANGUAGES:
        return source
    if code not in _OTHER_LANGUAGES:
        translator: QTranslator | None = QTranslator()
        assert translator is not None
        if not translator.load(str(qm_path(code))):
            translator = None
        _OTHER_LANGUAGES[code] = translator
    found = _OTHER_LANGUAGES[code]
    text = found.translate(context, source) if found is not None else ""
    return text or source


class LanguageSwitcher(QObject):
    """Installs the app's translator and swaps it when the language changes.

    Signals:
        language_changed(str): the new language code, after its translator is installed.
    """

    language_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._translator: QTranslator | None = None
        self._qt_words: QtWordsTranslator | None = None  # Qt's own words, in Indonesian
        self._language = ""

    @property
    def language(self) -> str:
        """The current language code ("" before the first :meth:`set_language`)."""
        return self._language

    def set_language(self, code: str) -> None:
        """Switch every visible string to ``code`` ("id" or "en").

        Raises:
            ValueError: an unknown language code.
        """
        if code not in LANGUAGES:
            raise ValueError(f"unknown language {code!r}")
        if code == self._language:
            return
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("LanguageSwitcher needs a QApplication")
        translator: QTranslator | None = QTranslator(self)
        assert translator is not None
        if not translator.load(str(qm_path(code))):
            log.warning("translation %s missing; showing the English source texts", qm_path(code))
            translator.setParent(None)  # gone with this name: nothing waits on it
            translator = None
        QLocale.setDefault(QLocale(code))
        if code == "id" and self._qt_words is None:
            # Before the app's translator, which Qt asks first: Qt's own words only come
            # here when the app's catalogue has no answer.
            self._qt_words = QtWordsTranslator(self)
            app.installTranslator(self._qt_words)
        elif code != "id" and self._qt_words is not None:
            app.removeTranslator(self._qt_words)
            self._qt_words.setParent(None)
            self._qt_words = None
        old, self._translator = self._translator, translator
        if translator is not None:
            app.installTranslator(translator)
        if old is not None:
            app.removeTranslator(old)
            # Let go of it now rather than deleteLater(): a talent switching back and forth
            # would pile translators up until the event loop next deletes.
            old.setParent(None)
        self._language = code
        self.language_changed.emit(code)

    def uninstall(self) -> None:
        """Remove the translator and the default locale (when the app object is torn down)."""
        app = QCoreApplication.instance()
        if self._translator is not None and app is not None:
            app.removeTranslator(self._translator)
        if self._qt_words is not None and app is not None:
            app.removeTranslator(self._qt_words)
        self._qt_words = None
        if self._language:
            QLocale.setDefault(QLocale.system())
        self._translator = None
        self._language = ""
