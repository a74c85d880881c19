"""The console's words: both languages complete, every key the pages use exists, and every
value of the contract's lists the console shows has a word in both."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from talentdesk_agency.console import i18n
from talentdesk_agency.console.i18n import MESSAGES, MISSING, NAMED_VALUES, translator
from talentdesk_agency.console.site import ERROR_STATUSES
from talentdesk_agency.console.times import ZONES
from talentdesk_agency.console.views import (
    AUDIT_ACTIONS,
    audit_action,
    audit_detail,
    audit_target,
    timeline_sentence,
)
from talentdesk_agency.store.records import AlertChannel, AlertKind, NoticeStatus, StaffRole
from talentdesk_agency.store.reports import TicketMove
from talentdesk_agency.store.subjects import ID_KINDS
from talentdesk_agency.store.timeline import Moment, What
from talentdesk_contract.values import (
    Channel,
    CrisisSign,
    EscalationKind,
    Language,
    ReplyStyle,
    ReportCategory,
    ReportStatus,
    ResolutionReason,
    TicketLevel,
)

CONSOLE = Path(str(resources.files("talentdesk_agency.console")))
#: t("literal") in templates and handlers.
LITERAL = re.compile(r"""\bt\(\s*["']([a-z_.]+)["']""")
#: t("prefix." ~ value) in templates: each prefix's values are listed below.
PREFIX = re.compile(r"""\bt\(\s*["']([a-z_]+\.)["']\s*~""")
PREFIX_VALUES: dict[str, list[str]] = {
    **{f"{prefix}.": [str(v) for v in kind] for prefix, kind in NAMED_VALUES},
    "role.": [str(v) for v in StaffRole],
    "zone.": [z.name for z in ZONES],
    "alert.": [str(v) for v in AlertKind],
    "notice.": [str(v) for v in AlertChannel],
    "notice_status.": [str(v) for v in NoticeStatus],
    "choice.": [str(v) for v in (*Channel, *ReplyStyle, *Language)],
    "kind.": ["button", "lone_worker", "wellbeing", "debrief"],
    "reports.": ["first_response", "next_update"],
    "bookings.status.": ["booked", "cancelled"],
    "bookings.answer.": ["none", "accept", "decline"],
    "field.": [
        "id",
        "name",
        "channel",
        "duration_minutes",
        "price_idr",
        "slower_than_seconds",
        "times",
        "number",
        "note",
        "style",
        "language",
        "shortcode",
        "text",
    ],
}


def sources() -> dict[str, str]:
    files = [*CONSOLE.joinpath("templates").glob("*.html"), *CONSOLE.glob("*.py")]
    return {f.name: f.read_text("utf-8") for f in files}


def test_both_languages_have_the_same_keys_and_no_empty_text() -> None:
    assert set(MESSAGES[Language.ID]) == set(MESSAGES[Language.EN])
    for language, table in MESSAGES.items():
        assert all(text.strip() for text in table.values()), language


def test_every_key_the_console_uses_exists() -> None:
    used: set[str] = set()
    prefixes: set[str] = set()
    for text in sources().values():
        used |= {k for k in LITERAL.findall(text) if not k.endswith(".")}
        prefixes |= set(PREFIX.findall(text))
    assert len(used) > 150
    missing = sorted(k for k in used if k not in MESSAGES[Language.EN])
    assert missing == []
    assert prefixes <= set(PREFIX_VALUES), prefixes - set(PREFIX_VALUES)
    for prefix in prefixes:
        for value in PREFIX_VALUES[prefix]:
            for language in Language:
                assert f"{prefix}{value}" in MESSAGES[language], (language, prefix, value)


def test_a_missing_key_is_marked_and_values_are_filled_in() -> None:
    t = translator(Language.EN)
    assert t("no.such.key") == MISSING.format("no.such.key")
    assert t("queue.unacked", count=3) == "3 alarms waiting for a supervisor"
    assert translator(Language.ID)("queue.unacked", count=3) == "3 alarm menunggu supervisor"
    assert i18n.MESSAGES[Language.ID]["escalation.take"].startswith("Tanggapi")  # GLOSSARY.md


#: One timeline row of each kind, as the store writes them (detail and who).
MOMENTS = [
    (What.RAISED, None, EscalationKind.LONE_WORKER),
    (What.FOLLOW_UP, None, CrisisSign.THREAT_OF_HARM),
    (What.FOLLOW_UP, None, None),
    (What.CANCELLED, None, None),
    (What.ALERTED_AGAIN, None, "1/0"),
    (What.ALERTED_AGAIN, None, "2/1"),
    (What.ALERTED_AGAIN, None, "3/4"),
    (What.UNANSWERED, None, "2"),
    (What.REMINDED, "Budi", "1"),
    (What.ACKNOWLEDGED, "Budi", None),
    (What.RESOLVED, "Budi", ResolutionReason.EMERGENCY_SERVICES_CALLED),
    (What.DEBRIEF_REQUESTED, None, None),
    (What.REPORT_FILED, None, "threats"),
    (What.REPORT_UPDATED, "Rina", "in_progress, supervisor"),
    (What.REPORT_UPDATED, None, "resolved"),
    (What.REPORT_UPDATED, None, None),
]


@pytest.mark.parametrize("language", list(Language))
def test_every_timeline_row_reads_as_a_sentence(language: Language) -> None:
    t = translator(language)
    assert {what for what, _, _ in MOMENTS} == set(What)
    sentences = []
    for what, who, detail in MOMENTS:
        text = timeline_sentence(Moment(1, "", "esc_1", what, who, detail), t)
        assert "⟦" not in text, text
        assert "{" not in text and "_" not in text, text  # no raw values or placeholders
        assert text[0].isupper() and text.endswith("."), text
        if who:
            assert who in text, text
        sentences.append(text)
    assert len(set(sentences)) == len(sentences)
    english = translator(Language.EN)
    line = timeline_sentence(Moment(1, "", "e", What.ALERTED_AGAIN, None, "2/1"), english)
    assert line == "Nobody took it in time: alerted again, round 2, to 1 supervisor on duty."
    moved = timeline_sentence(
        Moment(1, "", "r", What.REPORT_UPDATED, "Rina", "in_progress, supervisor"), english
    )
    assert moved == "Ticket moved by Rina: in progress, supervisor."


@pytest.mark.parametrize("language", list(Language))
def test_audit_log_actions_are_words(language: Language) -> None:
    t = translator(language)
    for action in sorted(AUDIT_ACTIONS - {"config"}):
        assert audit_action(action, t) == MESSAGES[language][f"audit.{action}"]
    resolved = audit_action("escalation.resolve:false_alarm", t)
    assert resolved.endswith(f"({t('reason.false_alarm')})")
    assert t("config.policy") in audit_action("config.policy", t)
    assert audit_action("something.new", t) == "something.new"  # shown as recorded


@pytest.mark.parametrize("language", list(Language))
def test_audit_log_details_are_words(language: Language) -> None:
    t = translator(language)
    address = audit_detail("login.failed", "203.0.113.7", t)
    assert address == t("audit.detail.address", address="203.0.113.7")
    said = {Language.ID: "dari alamat 203.0.113.7", Language.EN: "from address 203.0.113.7"}
    assert address == said[language]
    for role in StaffRole:
        assert audit_detail("staff.add", role, t) == t("audit.detail.role", role=t(f"role.{role}"))
    # A role with no words yet reads as itself, labelled; never as an error.
    assert audit_detail("staff.add", "auditor", t) == t("audit.detail.role", role="auditor")
    values: list[tuple[str, list[str]]] = [
        ("report_status", list(ReportStatus)),
        ("level", [v for v in TicketLevel if v not in StaffRole]),  # "supervisor": same words
        ("category", list(ReportCategory)),
        ("reason", list(ResolutionReason)),
        ("config", ["general", "policy", "packages", "pace", "emergency", "replies", "presets"]),
    ]
    for prefix, kind in values:
        for value in kind:
            words = audit_detail("report.update", value, t)
            assert words == MESSAGES[language][f"{prefix}.{value}"], (prefix, value)
    both = audit_detail("report.update", "in_progress, technical", t)
    assert both == f"{t('report_status.in_progress')}, {t('level.technical')}"
    # A ticket's save: what changed, before and after; a name as it is (the page escapes).
    move = TicketMove(
        status=("delivered", "in_progress"),
        level=("first_line", "technical"),
        owner="<b>Budi</b>",
        note=True,
    )
    assert audit_detail("report.update", move.detail(), t) == "; ".join(
        (
            t(
                "audit.detail.status",
                was=t("report_status.delivered"),
                now=t("report_status.in_progress"),
            ),
            t("audit.detail.level", was=t("level.first_line"), now=t("level.technical")),
            t("audit.detail.owner", who="<b>Budi</b>"),
            t("audit.detail.note"),
        )
    )
    moved = {
        Language.ID: "status: baru → selesai",
        Language.EN: "status: new → resolved",
    }
    assert (
        audit_detail("report.update", '{"status":["delivered","resolved"]}', t) == moved[language]
    )
    # A status newer than these words reads as recorded; another shape, all as recorded.
    newer = audit_detail("report.update", '{"status":["resolved","archived"]}', t)
    assert newer == t("audit.detail.status", was=t("report_status.resolved"), now="archived")
    for odd in ('{"status":"resolved"}', '{"note":true,"words":"x"}', "{"):
        assert audit_detail("report.update", odd, t) == odd
    assert audit_detail("report.update", "{}", t) == t("none")
    # Data, or data mixed with values: as recorded, never half translated.
    assert audit_detail("something.new", "Mawar, resolved", t) == "Mawar, resolved"
    assert audit_detail("something.new", "<b>x</b>", t) == "<b>x</b>"  # the page escapes
    assert audit_detail("logout", None, t) == audit_detail("login", "", t) == t("none")


@pytest.mark.parametrize("language", list(Language))
def test_every_kind_of_id_in_the_audit_log_has_words(language: Language) -> None:
    for kind in ID_KINDS.values():
        assert MESSAGES[language][f"subject.{kind}"].strip()
        assert MESSAGES[language][f"subject.{kind}.gone"].strip()
    t = translator(language)
    gone = audit_target("rep_00000000deadbeef", {}, t, ZONES[0], language)
    assert (gone.words, gone.raw) == (t("subject.report.gone"), "rep_00000000deadbeef")
    for name in ("Budi", "bk_Mawar", "esc_"):  # names, not ids, whatever they look like
        named = audit_target(name, {}, t, ZONES[0], language)
        assert (named.words, named.raw) == (name, None)


@pytest.mark.parametrize("language", list(Language))
def test_every_error_status_has_a_title_and_what_to_do(language: Language) -> None:
    for status in ERROR_STATUSES:
        assert MESSAGES[language][f"error.title.{status}"].strip()
        assert MESSAGES[language][f"error.todo.{status}"].strip()
