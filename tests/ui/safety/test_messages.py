"""The safety words: "nobody took it" names the numbers of the language in use."""

from __future__ import annotations

from talentdesk.domain import EmergencyContact
from talentdesk.ui.language import LanguageSwitcher
from talentdesk.ui.safety.messages import SafetyMessages

HOTLINE = EmergencyContact(id="hotline", name="Agency hotline", number="+62 21 555 0101")
DARURAT = EmergencyContact(id="darurat", name="Darurat", number="112", language="id")
EMERGENCY = EmergencyContact(id="emergency", name="Emergency", number="112", language="en")


def test_nobody_took_it_names_the_numbers_in_the_language_in_use(qapp: object) -> None:
    switcher = LanguageSwitcher()
    try:
        switcher.set_language("en")
        words = SafetyMessages()
        english = words.unanswered("+62 812 0000", (HOTLINE, DARURAT, EMERGENCY))
        assert english == (
            "Nobody at your agency has taken it. Call your supervisor now: +62 812 0000. "
            "In danger, call Agency hotline +62 21 555 0101 · Emergency 112."
        )
        switcher.set_language("id")
        indonesian = words.unanswered(None, (HOTLINE, DARURAT, EMERGENCY))
        assert "Darurat 112" in indonesian
        assert "Emergency" not in indonesian
        assert "Agency hotline" in indonesian  # written in no language in particular
    finally:
        switcher.uninstall()
