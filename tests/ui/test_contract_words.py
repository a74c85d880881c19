"""The desk puts every value of the contract's value lists into words, in both languages.

Adding a value to ``talentdesk_contract.values`` (a crisis sign, a report category, a
ticket level...) fails here until the desk can show it to the talent.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator

import pytest

from talentdesk.ui.language import LanguageSwitcher
from talentdesk.ui.pages.bookings_model import BookingsModel
from talentdesk.ui.safety.messages import SafetyMessages
from talentdesk.ui.session.messages import SessionMessages
from talentdesk_contract import values


@pytest.fixture(params=["id", "en"])
def language(request: pytest.FixtureRequest, qapp: object) -> Iterator[str]:
    switcher = LanguageSwitcher()
    switcher.set_language(request.param)
    yield request.param
    switcher.uninstall()


def _shown() -> list[tuple[type[enum.StrEnum], Callable[[object], str]]]:
    safety, session, bookings = SafetyMessages(), SessionMessages(), BookingsModel()
    return [
        (values.CrisisSign, safety.sign),  # type: ignore[list-item]
        (values.ReportCategory, safety.category),  # type: ignore[list-item]
        (values.TicketLevel, safety.level),  # type: ignore[list-item]
        (values.EscalationKind, safety.escalation_kind),  # type: ignore[list-item]
        (values.ResolutionReason, safety.resolution_reason),  # type: ignore[list-item]
        (values.BoundaryAnswer, session.answer),  # type: ignore[list-item]
        (values.ReplyStyle, session.reply_style),  # type: ignore[list-item]
        (values.Channel, bookings.channel_text),  # type: ignore[list-item]
    ]


def test_every_value_the_desk_shows_has_words(language: str) -> None:
    seen: dict[str, set[str]] = {}
    for kind, words in _shown():
        texts = {words(member) for member in kind}
        for member in kind:
            text = words(member)
            assert text.strip(), f"{kind.__name__}.{member.name} has no words in {language}"
            # A raw fallback shows a machine key ("threat_of_harm", "crisis.sign.x"); a
            # one-word value may be its own word ("supervisor" is Indonesian too).
            assert "_" not in text and not text.startswith(("crisis.", "contact.")), (
                f"{kind.__name__}.{member.name} shows a machine key: {text!r}"
            )
        assert len(texts) == len(kind), f"two {kind.__name__} values read the same"
        seen[kind.__name__] = texts
    assert len(seen) == 8
