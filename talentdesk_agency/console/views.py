"""What the console's pages show, built from the store's rows: plain data, no HTTP.

* The queue: escalations and debrief requests still open, sorted by priority (urgent,
  high, low), then crisis sign (most severe first, :data:`CRISIS_SEVERITY`), then age
  (oldest first), with the talent's working name and the booking
  (time, package), never the customer.
* Report tickets with their response timers from the agency's service rules.
* Timelines as sentences (who did what), in the page's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from talentdesk_agency.console.i18n import Translate
from talentdesk_agency.console.times import AgencyZone, format_when
from talentdesk_agency.store import AgencyStore, Alerting, DebriefRow, EscalationRow, ReportRow
from talentdesk_agency.store.bookings import BookingRow
from talentdesk_agency.store.records import StaffRole
from talentdesk_agency.store.reports import TicketMove
from talentdesk_agency.store.subjects import Subject, kind_of
from talentdesk_agency.store.timeline import Moment, What
from talentdesk_contract.values import (
    CrisisSign,
    EscalationPriority,
    EscalationStatus,
    Language,
    ReportCategory,
    ReportStatus,
    ResolutionReason,
    TicketLevel,
)

__all__ = [
    "AUDIT_ACTIONS",
    "CRISIS_SEVERITY",
    "PLAYBOOK",
    "PRIORITY_ORDER",
    "SUPERVISOR_TODO",
    "TICKET_MOVES",
    "AuditTarget",
    "QueueItem",
    "ReportTimer",
    "audit_action",
    "audit_detail",
    "audit_target",
    "queue",
    "report_timer",
    "timeline_sentence",
]

PRIORITY_ORDER: Final = {p: n for n, p in enumerate(EscalationPriority)}
#: The crisis playbook's action for each sign (DESIGN.md, "Rules of the trade"); the
#: console translates ``action.<sign>``.
PLAYBOOK: Final = {sign: f"action.{sign}" for sign in CrisisSign}
#: What each sign asks of the supervisor (``todo.<sign>``).
SUPERVISOR_TODO: Final = {sign: f"todo.{sign}" for sign in CrisisSign}
#: The crisis signs, most severe first: within one priority the queue shows a more severe
#: sign first, and an alarm with no sign after every sign. The order follows the playbook's
#: actions (DESIGN.md): a threat of harm means emergency services now; suicidal thoughts,
#: support and a referral; aggression, ending the conversation; distress, calm support.
CRISIS_SEVERITY: Final[dict[str, int]] = {
    sign: n
    for n, sign in enumerate(
        (
            CrisisSign.THREAT_OF_HARM,
            CrisisSign.SUICIDAL_THOUGHTS,
            CrisisSign.AGGRESSION,
            CrisisSign.DISTRESS,
        )
    )
}
_OPEN: Final = (EscalationStatus.OPEN, EscalationStatus.ACKNOWLEDGED)


@dataclass(frozen=True, slots=True)
class QueueItem:
    """One row of the queue."""

    id: str
    debrief: bool
    kind: str
    priority: str
    status: str
    talent: str
    received_at: datetime
    booking_start: datetime | None
    booking_package: str | None
    owner: str | None
    crisis_sign: str | None
    follow_ups: int
    alerted_rounds: int
    unanswered: bool
    resolution_reason: str | None
    acknowledged_at: datetime | None = None

    @property
    def unacknowledged(self) -> bool:
        """Nobody has taken it yet: the row flashes and the sound plays."""
        return self.status == EscalationStatus.OPEN and not self.debrief

    @property
    def is_open(self) -> bool:
        return self.status in _OPEN

    @property
    def waiting(self) -> bool:
        """Nobody has taken it yet (an alarm, or a debrief request)."""
        return self.status == EscalationStatus.OPEN

    def waited(self, now: datetime) -> timedelta:
        return max(timedelta(0), now - self.received_at)

    @property
    def taken_after(self) -> timedelta | None:
        """How long it waited before someone took it."""
        if self.acknowledged_at is None:
            return None
        return max(timedelta(0), self.acknowledged_at - self.received_at)


def _booking_index(bookings: list[BookingRow]) -> dict[str, BookingRow]:
    return {b.id: b for b in bookings}


def _item(row: EscalationRow | DebriefRow, bookings: dict[str, BookingRow]) -> QueueItem:
    booking = bookings.get(row.booking_id) if row.booking_id else None
    start = datetime.fromisoformat(booking.start) if booking else None
    package = booking.package.name if booking else None
    if isinstance(row, EscalationRow):
        return QueueItem(
            id=row.id,
            debrief=False,
            kind=row.kind,
            priority=row.priority,
            status=row.status,
            talent=row.talent,
            received_at=datetime.fromisoformat(row.created_at),
            booking_start=start,
            booking_package=package,
            owner=row.supervisor,
            crisis_sign=row.crisis_sign,
            follow_ups=row.follow_ups,
            alerted_rounds=row.alerted_rounds,
            unanswered=bool(row.unanswered),
            resolution_reason=row.resolution_reason,
            acknowledged_at=(
                datetime.fromisoformat(row.acknowledged_at) if row.acknowledged_at else None
            ),
        )
    return QueueItem(
        id=row.id,
        debrief=True,
        kind="debrief",
        priority=EscalationPriority.LOW,
        status=row.status,
        talent=row.talent,
        received_at=datetime.fromisoformat(row.created_at),
        booking_start=start,
        booking_package=package,
        owner=row.supervisor,
        crisis_sign=None,
        follow_ups=0,
        alerted_rounds=0,
        unanswered=False,
        resolution_reason=row.resolution_reason,
    )


def _queue_order(item: QueueItem) -> tuple[int, int, datetime]:
    """Priority, then the crisis sign's severity (none last), then age (oldest first)."""
    severity = CRISIS_SEVERITY.get(item.crisis_sign or "", len(CRISIS_SEVERITY))
    return (PRIORITY_ORDER[EscalationPriority(item.priority)], severity, item.received_at)


def queue(store: AgencyStore) -> tuple[list[QueueItem], list[QueueItem]]:
    """(open items by priority, crisis sign then age, the 20 most recently closed)."""
    bookings = _booking_index(store.bookings.rows())
    items = [_item(r, bookings) for r in store.escalation_log.rows(limit=300)]
    items += [_item(r, bookings) for r in store.escalation_log.debriefs()]
    open_items = sorted((i for i in items if i.is_open), key=_queue_order)
    closed = sorted((i for i in items if not i.is_open), key=lambda i: i.received_at)
    return open_items, closed[::-1][:20]


#: The states a supervisor can move a ticket to ("queued" and "new" are the delivery's, set
#: by the talent's app and the server, never chosen).
TICKET_MOVES: Final = (ReportStatus.IN_PROGRESS, ReportStatus.RESOLVED)


@dataclass(frozen=True, slots=True)
class ReportTimer:
    """A ticket's response timer: what is due (first response or next update) and when."""

    what: str  # "first_response", "next_update" or "done"
    due: datetime | None

    def overdue(self, now: datetime) -> bool:
        return self.due is not None and now > self.due

    def minutes(self, now: datetime) -> int:
        """Whole minutes until due (or since, if overdue)."""
        if self.due is None:
            return 0
        return int(abs((self.due - now).total_seconds()) // 60)


def report_timer(report: ReportRow, rules: Alerting) -> ReportTimer:
    """The service rules' timer for a ticket: a first response within
    ``first_response_minutes`` of filing, then an update at least every
    ``update_every_minutes`` while it is open."""
    if report.status == ReportStatus.RESOLVED:
        return ReportTimer("done", None)
    if report.first_response_at is None:
        filed = datetime.fromisoformat(report.created_at)
        return ReportTimer(
            "first_response", filed + timedelta(minutes=rules.first_response_minutes)
        )
    last = datetime.fromisoformat(report.staff_updated_at or report.first_response_at)
    return ReportTimer("next_update", last + timedelta(minutes=rules.update_every_minutes))


# --- timelines ------------------------------------------------------------------------------


def _report_change(part: str, t: Translate) -> str:
    if part in tuple(ReportStatus):
        return t("report_status." + part)
    if part in tuple(TicketLevel):
        return t("level." + part)
    return part


def timeline_sentence(moment: Moment, t: Translate) -> str:
    """One timeline row as a sentence: what happened and who did it."""
    what, who, detail = moment.what, moment.who or "?", moment.detail
    if what is What.RAISED:
        return t("timeline.raised", kind=t("kind." + (detail or "button")))
    if what is What.FOLLOW_UP:
        if detail in tuple(CrisisSign):
            return t("timeline.follow_up_sign", sign=t("sign." + str(detail)))
        return t("timeline.follow_up")
    if what is What.ALERTED_AGAIN:
        round_, _, count = (detail or "1/0").partition("/")
        on_duty = int(count) if count.isdigit() else 0
        key = "none" if on_duty == 0 else "one" if on_duty == 1 else "many"
        return t(f"timeline.alerted_again.{key}", round=round_, count=on_duty)
    if what is What.REMINDED:
        return t("timeline.reminded", who=who, round=detail or "1")
    if what is What.ACKNOWLEDGED:
        return t("timeline.acknowledged", who=who)
    if what is What.RESOLVED:
        reason = t("reason." + detail) if detail else t("reason.handled")
        return t("timeline.resolved", who=who, reason=reason)
    if what is What.REPORT_FILED:
        return t("timeline.report_filed", category=t("category." + (detail or "other")))
    if what is What.REPORT_UPDATED:
        changes = ", ".join(_report_change(p.strip(), t) for p in (detail or "").split(","))
        if detail and moment.who:
            return t("timeline.report_moved_by", changes=changes, who=who)
        if detail:
            return t("timeline.report_moved", changes=changes)
        return (
            t("timeline.report_updated_by", who=who) if moment.who else t("timeline.report_updated")
        )
    # cancelled, unanswered, debrief_requested: nothing to fill in.
    return t("timeline." + what)


# --- the audit log ---------------------------------------------------------------------------

#: Audit-log actions the console names (``audit.<action>``); others are shown as recorded.
AUDIT_ACTIONS: Final = frozenset(
    {
        "login",
        "login.failed",
        "logout",
        "duty.on",
        "duty.off",
        "staff.add",
        "staff.disable",
        "staff.enable",
        "staff.unlock",
        "escalation.acknowledge",
        "escalation.resolve",
        "debrief.take",
        "debrief.resolve",
        "report.update",
        "talent.pairing_code",
        "device.revoke",
        "booking.create",
        "booking.cancel",
        "config",
    }
)


def audit_action(action: str, t: Translate) -> str:
    """An audit-log action in words: ``escalation.resolve:false_alarm`` → "resolved an
    escalation (false alarm)", ``config.policy`` → "changed the configuration (Escalation
    policy)"."""
    name, _, reason = action.partition(":")
    if name.startswith("config."):
        section = name.removeprefix("config.")
        title = t(f"config.{section}") if section in _CONFIG_SECTIONS else section
        return t("audit.config", section=title)
    if name not in AUDIT_ACTIONS:
        return action
    words = t("audit." + name)
    if reason in tuple(ResolutionReason):
        words += f" ({t('reason.' + reason)})"
    return words


_CONFIG_SECTIONS: Final = frozenset(
    {"general", "policy", "packages", "pace", "emergency", "replies", "presets"}
)

#: Stored values the console has words for (``<prefix>.<value>``), in the order a detail
#: part is looked up: a staff role, a ticket's status and level, a report category, a
#: resolution reason, a configuration section.
_DETAIL_VALUES: Final[dict[str, frozenset[str]]] = {
    "role": frozenset(StaffRole),
    "report_status": frozenset(ReportStatus),
    "level": frozenset(TicketLevel),
    "category": frozenset(ReportCategory),
    "reason": frozenset(ResolutionReason),
    "config": _CONFIG_SECTIONS,
}


def _value_words(value: str, t: Translate) -> str | None:
    for prefix, values in _DETAIL_VALUES.items():
        if value in values:
            return t(f"{prefix}.{value}")
    return None


def audit_detail(action: str, detail: str | None, t: Translate) -> str:
    """An audit-log entry's detail in words: a failed sign-in's client address labelled
    ("from address 203.0.113.7": an admin sees who is guessing), an added account's role
    ("role: supervisor"), a list of stored values (statuses, levels, categories, reasons,
    configuration sections) each in words, a ticket's save as what it changed
    ("status: new → in progress; assigned to Budi"). Data (a name, an address) and a value with no
    words yet read as recorded; the template escapes them."""
    if not detail:
        return t("none")
    name = action.partition(":")[0]
    if name == "login.failed":
        return t("audit.detail.address", address=detail)
    if name == "staff.add":
        return t("audit.detail.role", role=_value_words(detail, t) or detail)
    if name == "report.update" and (move := TicketMove.read(detail)) is not None:
        return _ticket_move_words(move, t)
    words = [_value_words(part.strip(), t) for part in detail.split(",")]
    if all(w is not None for w in words):
        return ", ".join(w for w in words if w is not None)
    return detail  # partly data: as recorded, never half translated


def _ticket_move_words(move: TicketMove, t: Translate) -> str:
    """What a ticket's save changed: "status: new → in progress; assigned to Budi"."""

    def words(prefix: str, value: str) -> str:
        # A value newer than these words reads as recorded.
        return t(f"{prefix}.{value}") if value in _DETAIL_VALUES[prefix] else value

    parts = []
    if move.status is not None:
        was, now = (words("report_status", v) for v in move.status)
        parts.append(t("audit.detail.status", was=was, now=now))
    if move.level is not None:
        was, now = (words("level", v) for v in move.level)
        parts.append(t("audit.detail.level", was=was, now=now))
    if move.owner is not None:
        parts.append(t("audit.detail.owner", who=move.owner))
    if move.note:
        parts.append(t("audit.detail.note"))
    return "; ".join(parts) or t("none")


@dataclass(frozen=True, slots=True)
class AuditTarget:
    """What an audit-log entry was about, in words; ``raw`` is the id it was recorded
    with (for support), None when the target is already a name (a staff account, a
    talent)."""

    words: str
    raw: str | None


def audit_target(
    target: str | None,
    found: dict[str, Subject],
    t: Translate,
    zone: AgencyZone,
    language: Language,
) -> AuditTarget:
    """An audit-log target in words: "Escalation · Mawar · 23:10", "Report · Mawar ·
    threats", "Device · Mawar · TalentDesk", "Booking · Mawar · Sat 6 Dec, 21:00"; an id
    whose row is gone: "Device (deleted)"."""
    kind = kind_of(target)
    if target is None or kind is None:
        return AuditTarget(target or t("none"), None)
    subject = found.get(target)
    if subject is None:
        return AuditTarget(t(f"subject.{kind}.gone"), target)
    parts = [t(f"subject.{kind}"), subject.talent]
    if kind in ("escalation", "debrief") and subject.at:
        parts.append(datetime.fromisoformat(subject.at).astimezone(zone.tz).strftime("%H:%M"))
    elif kind == "booking" and subject.at:
        parts.append(format_when(subject.at, zone, language))
    elif kind == "report" and subject.detail:
        parts.append(t("category." + subject.detail))
    elif kind == "device" and subject.detail:
        parts.append(subject.detail)  # the desk's name for itself: often "TalentDesk"
    return AuditTarget(" · ".join(parts), target)
