"""The sync status in the talent's words, both languages: what each hostile agency shows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from talentdesk.sync.status import SyncPhase, SyncStatus
from talentdesk.ui.language import LanguageSwitcher
from talentdesk.ui.sync_messages import SyncMessages

NOW = 1_000.0
PAIRED = {"talent_name": "Sari", "agency_name": "Agensi Contoh"}


def status(
    phase: SyncPhase, reason: str | None = None, wait: float | None = None, **more: object
) -> SyncStatus:
    retry_at = NOW + wait if wait is not None else None
    return SyncStatus(phase=phase, reason=reason, retry_at=retry_at, **PAIRED, **more)  # type: ignore[arg-type]


#: Each hostile agency of issue 15, and what the talent reads (English).
SHOWN = [
    (
        status(SyncPhase.RETRYING, "slow", 3),
        "Retrying in 3 s: the agency is answering very slowly",
    ),
    (
        status(SyncPhase.RETRYING, "malformed", 2),
        "Retrying in 2 s: the agency's answer could not be read",
    ),
    (
        status(SyncPhase.RETRYING, "internal", 1, restarts=1),
        "TalentDesk ran into an internal problem and starts syncing again in 1 s",
    ),
    (
        status(SyncPhase.RETRYING, "forbidden", 300, http_status=403),
        "Agensi Contoh isn't letting this device sync for now. Trying again in 5 min.",
    ),
    (
        status(SyncPhase.RETRYING, "moved", 900, http_status=410),
        "Agensi Contoh's address no longer serves bookings (HTTP 410). Trying again in 15 min; "
        "ask your agency whether its address changed.",
    ),
    (
        status(SyncPhase.REFUSED, "refused", http_status=400),
        "Agensi Contoh refused to send your bookings (HTTP 400), so TalentDesk stopped asking. "
        "Tell your agency, then press Retry now.",
    ),
    (
        status(SyncPhase.RETRYING, "server_error", 300, asked_wait=1_000_000_000),
        "Retrying in 5 min: the agency's server has a problem (it asked to wait more than a "
        "year; TalentDesk waits at most 5 min, or press Retry now)",
    ),
    (
        status(SyncPhase.RETRYING, "rate_limited", 300, asked_wait=7200),
        "Retrying in 5 min: the agency asked to slow down (too many requests) (it asked to "
        "wait 2 hours; TalentDesk waits at most 5 min, or press Retry now)",
    ),
    (
        status(SyncPhase.RETRYING, "reset", 4),
        "Retrying in 4 s: the agency keeps saying its data was reset",
    ),
    (
        status(SyncPhase.UNAUTHORIZED, "revoked", http_status=401),
        "Agensi Contoh removed this device: unpair and pair again in Settings with a new code",
    ),
    (
        status(SyncPhase.UNAUTHORIZED, "unauthorized", http_status=401),
        "Token refused by Agensi Contoh: unpair and pair again in Settings",
    ),
    (
        status(SyncPhase.CONNECTED, outbox_queued=1, outbox_reason="malformed"),
        "Connected to Agensi Contoh as Sari · 1 item waiting to be sent: the "
        "agency's answer could not be read",
    ),
    (
        status(SyncPhase.CONNECTED, outbox_queued=2, outbox_reason="in_progress"),
        "Connected to Agensi Contoh as Sari · 2 items waiting to be sent: the "
        "agency is still handling an earlier try",
    ),
]


@pytest.fixture(params=["en", "id"])
def language(request: pytest.FixtureRequest, qapp: object) -> Iterator[str]:
    switcher = LanguageSwitcher()
    switcher.set_language(request.param)
    yield request.param
    switcher.uninstall()


@pytest.mark.parametrize(("shown", "english"), SHOWN)
def test_each_hostile_agency_is_put_in_words(
    language: str, shown: SyncStatus, english: str
) -> None:
    text = SyncMessages().status(shown, NOW)
    if language == "en":
        assert text == english
        return
    assert text and text != english
    for fact in ("Agensi Contoh", "HTTP 4", "Sari"):
        assert (fact in text) is (fact in english), fact
    for english_word in ("Retrying", "agency", "waiting", "TalentDesk waits", "Retry now"):
        assert english_word not in text
    if "Retry now" in english:
        assert "Coba lagi sekarang" in text  # the button's own words


def test_the_indonesian_words_speak_to_kamu(qapp: object) -> None:
    switcher = LanguageSwitcher()
    switcher.set_language("id")
    words = SyncMessages()
    refused = words.status(status(SyncPhase.REFUSED, "refused", http_status=400), NOW)
    assert "kamu" in refused and "Anda" not in refused
    assert words.retry_now() == "Coba lagi sekarang"
    switcher.uninstall()


@pytest.fixture
def english_plurals(qapp: object) -> Iterator[None]:
    """The English translation: it holds the plural forms ("1 day", "3 days")."""
    switcher = LanguageSwitcher()
    switcher.set_language("en")
    yield
    switcher.uninstall()


@pytest.mark.parametrize(
    ("seconds", "english"),
    [
        (0, "0 s"),
        (1.2, "2 s"),
        (99, "99 s"),
        (99.5, "2 min"),
        (300, "5 min"),
        (899.2, "15 min"),
        (7200, "2 hours"),
        (86_400 * 3, "3 days"),
        (1e9, "more than a year"),
    ],
)
def test_waits_read_in_the_largest_sensible_unit(
    seconds: float, english: str, english_plurals: None
) -> None:
    assert SyncMessages().duration(seconds) == english


def test_retry_now_is_offered_only_where_it_helps() -> None:
    offered = {phase for phase in SyncPhase if SyncStatus(phase=phase).can_retry_now}
    assert offered == {SyncPhase.RETRYING, SyncPhase.OFFLINE, SyncPhase.REFUSED}


def test_a_refused_feed_is_coloured_as_an_error(qapp: object) -> None:
    words = SyncMessages()
    assert words.tone(status(SyncPhase.REFUSED, "refused", http_status=400)) == "error"
    assert words.tone(status(SyncPhase.RETRYING, "forbidden", 300)) == "warning"
