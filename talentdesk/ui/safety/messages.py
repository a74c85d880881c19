"""The safety services' machine keys in the talent's words (one place, so every screen agrees).

The services say what happened with machine keys: escalation states, ``crisis.*`` and
``contact.*`` keys of the playbook, incident categories, levels and statuses, error
keys (``SafetyError.key``), after-care reasons and offers. Only this module turns them
into sentences, through ``tr()``, so both languages stay complete.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QDate, QLocale, QObject, QTime

from talentdesk.domain import (
    DEFAULT_EMERGENCY_CONTACTS,
    EmergencyContact,
    IncidentCategory,
    IncidentStatus,
    TicketLevel,
)
from talentdesk.safety import (
    CareOffer,
    DebriefRoute,
    Delivery,
    EscalationState,
    EscalationView,
    HardReason,
    NightCounts,
    ReportView,
)
from talentdesk.safety.playbook import DEFAULT_CONTACT_KEYS, in_language
from talentdesk.ui.language import current_language
from talentdesk_contract.values import EscalationKind, ResolutionReason

#: The default contacts by id, to tell them from an agency's own list.
_DEFAULT_CONTACTS = {c.id: c for c in DEFAULT_EMERGENCY_CONTACTS}


class SafetyMessages(QObject):
    """Translations of the safety services' keys; one per widget that needs them."""

    # ------------------------------------------------------------------ the playbook

    def message(self, key: str) -> str:
        """A playbook key (``crisis.sign.*``, ``crisis.action.*``, ``contact.*``) in words.

        An unknown key comes back as it is (a newer service, an older UI): visible, never
        an empty line.
        """
        texts = {
            "crisis.sign.distress": self.tr("Agitation or distress"),
            "crisis.sign.threat_of_harm": self.tr("Threats of self-harm or harm to others"),
            "crisis.sign.suicidal_thoughts": self.tr("Suicidal thoughts"),
            "crisis.sign.aggression": self.tr("Aggression or threats of violence"),
            "crisis.action.ask_calmly": self.tr("Ask calmly what is going on."),
            "crisis.action.offer_support": self.tr(
                "Offer support: listen, and let them know they are heard."
            ),
            "crisis.action.call_emergency_now": self.tr(
                "Contact emergency services now, then tell your supervisor."
            ),
            "crisis.action.listen": self.tr("Listen without judging or arguing."),
            "crisis.action.support": self.tr("Stay with them and be supportive."),
            "crisis.action.refer_mental_health": self.tr(
                "Refer them to mental-health professionals (the numbers below)."
            ),
            "crisis.action.end_conversation": self.tr(
                "End the conversation. Your safety comes first."
            ),
            "crisis.action.report": self.tr("Report it to your agency."),
            "contact.emergency": self.tr("Emergency"),
            "contact.police": self.tr("Police"),
            "contact.mental_health": self.tr("Mental health line"),
            "contact.mental_health.extension": self.tr("extension 8"),
        }
        return texts.get(key, key)

    def sign(self, sign: str | None) -> str:
        """A crisis sign's title, or "none" when there is none."""
        if sign is None:
            return self.tr("No crisis sign")
        return self.message(f"crisis.sign.{sign}")

    def contact_name(self, contact: EmergencyContact) -> str:
        """A contact's name: the default lines translated, an agency's own as written."""
        default = _DEFAULT_CONTACTS.get(contact.id)
        if default is not None and default == contact:
            name_key, _ = DEFAULT_CONTACT_KEYS[contact.id]
            return self.message(name_key)
        return contact.name

    def contact_note(self, contact: EmergencyContact) -> str:
        """A contact's note ("extension 8"), translated for the default lines."""
        default = _DEFAULT_CONTACTS.get(contact.id)
        if default is not None and default == contact:
            _, note_key = DEFAULT_CONTACT_KEYS[contact.id]
            return self.message(note_key) if note_key is not None else ""
        return contact.note

    # ------------------------------------------------------------------ escalations

    def state(self, state: EscalationState) -> str:
        """An escalation's state in a word or two (lists)."""
        return {
            EscalationState.QUEUED: self.tr("Queued"),
            EscalationState.DELIVERED: self.tr("Delivered"),
            EscalationState.ACKNOWLEDGED: self.tr("Acknowledged"),
            EscalationState.RESOLVED: self.tr("Resolved"),
            EscalationState.CANCELLED: self.tr("False alarm"),
            EscalationState.FAILED: self.tr("Refused by the agency"),
        }[state]

    def escalation_kind(self, kind: EscalationKind) -> str:
        """What raised an escalation (lists, the panel's facts)."""
        return {
            EscalationKind.BUTTON: self.tr("Escalate button"),
            EscalationKind.LONE_WORKER: self.tr("No answer to “Are you OK?”"),
            EscalationKind.WELLBEING: self.tr("“Not OK” after a session"),
        }[kind]

    def resolution_reason(self, reason: ResolutionReason) -> str:
        """Why the supervisor resolved an escalation."""
        return {
            ResolutionReason.HANDLED: self.tr("handled"),
            ResolutionReason.FALSE_ALARM: self.tr("a false alarm"),
            ResolutionReason.EMERGENCY_SERVICES_CALLED: self.tr("emergency services called"),
            ResolutionReason.TALENT_UNREACHABLE: self.tr("you could not be reached"),
            ResolutionReason.OTHER: self.tr("another reason"),
        }[reason]

    def unanswered(self, phone: str | None, contacts: Sequence[EmergencyContact]) -> str:
        """What to do when nobody at the agency took an escalation: call, now.

        The agency's contacts in the language in use (with those in no language).
        """
        shown = in_language(tuple(contacts), current_language())
        numbers = " · ".join(f"{self.contact_name(c)} {c.number}" for c in shown)
        if phone:
            text = self.tr("Nobody at your agency has taken it. Call your supervisor now: %1.")
            text = text.replace("%1", phone)
        else:
            text = self.tr("Nobody at your agency has taken it. Call your agency now.")
        if numbers:
            text += " " + self.tr("In danger, call %1.").replace("%1", numbers)
        return text

    def state_line(self, view: EscalationView) -> str:
        """An escalation's state as one line, with who and when (lists, the compact window)."""
        state = view.state
        if view.unanswered:
            return self.tr("Nobody has taken it · call your supervisor")
        if view.alerted_rounds and state in (EscalationState.QUEUED, EscalationState.DELIVERED):
            return self.tr("Delivered · your agency alerted its supervisors again (%1)").replace(
                "%1", str(view.alerted_rounds)
            )
        if state is EscalationState.QUEUED:
            if view.attempts:
                return self.tr("Queued on this device · agency not reachable yet, retrying")
            return self.tr("Queued on this device · sending to your agency")
        if state is EscalationState.DELIVERED:
            return self.tr("Delivered to your agency · waiting for a supervisor")
        if state is EscalationState.ACKNOWLEDGED:
            return self.tr("Acknowledged by %1").replace("%1", view.supervisor or "—")
        if state is EscalationState.RESOLVED:
            text = self.tr("Resolved by %1").replace("%1", view.supervisor or "—")
            if view.resolution_reason is not None:
                text += " · " + self.resolution_reason(view.resolution_reason)
            return text
        if state is EscalationState.CANCELLED:
            if view.cancel is Delivery.QUEUED:
                return self.tr("False alarm · telling your agency")
            return self.tr("False alarm · your agency knows")
        return self.tr("Refused by the agency · call your agency")

    def headline(self, view: EscalationView) -> str:
        """The big line of the escalation panel."""
        state = view.state
        if state is EscalationState.QUEUED:
            return self.tr("Help requested · queued")
        if state is EscalationState.DELIVERED:
            return self.tr("Help requested · delivered")
        if state is EscalationState.ACKNOWLEDGED:
            return self.tr("%1 is on it").replace("%1", view.supervisor or "—")
        if state is EscalationState.RESOLVED:
            return self.tr("Resolved by %1").replace("%1", view.supervisor or "—")
        if state is EscalationState.CANCELLED:
            return self.tr("Cancelled as a false alarm")
        return self.tr("Your agency refused the escalation")

    def explanation(self, view: EscalationView) -> str:
        """What the state means for the talent, in a sentence or two."""
        state = view.state
        if state is EscalationState.QUEUED:
            if view.attempts:
                return self.tr(
                    "It is saved on this device and will be sent the moment your agency can be "
                    "reached (tried %n time(s) so far). If you are in danger, call an emergency "
                    "number now.",
                    "",
                    view.attempts,
                )
            return self.tr(
                "It is saved on this device and is being sent to your agency. If you are in "
                "danger, call an emergency number now."
            )
        if state is EscalationState.DELIVERED:
            # The agency's reference is in the facts line under it, once.
            if view.alerted_rounds:
                return self.tr(
                    "Your agency has it, but nobody took it yet: it alerted its supervisors "
                    "again (%n time(s)).",
                    "",
                    view.alerted_rounds,
                )
            return self.tr("Your agency has it. A supervisor will acknowledge it here.")
        if state is EscalationState.ACKNOWLEDGED:
            text = self.tr("Supervisor %1 acknowledged it at %2.").replace(
                "%1", view.supervisor or "—"
            )
            text = text.replace("%2", self.time(view.acknowledged_at))
            if view.supervisor_note:
                text += " " + self.tr("Their note: “%1”").replace("%1", view.supervisor_note)
            return text
        if state is EscalationState.RESOLVED:
            text = self.tr("Closed at %1.").replace("%1", self.time(view.resolved_at))
            if view.resolution_reason is not None:
                text += " " + self.tr("Reason: %1.").replace(
                    "%1", self.resolution_reason(view.resolution_reason)
                )
            if view.supervisor_note:
                text += " " + self.tr("Their note: “%1”").replace("%1", view.supervisor_note)
            return text
        if state is EscalationState.CANCELLED:
            if view.cancel is Delivery.QUEUED:
                return self.tr(
                    "Your agency will be told it was pressed by mistake as soon as it can be "
                    "reached."
                )
            return self.tr("Your agency knows it was pressed by mistake. Nothing more to do.")
        text = self.tr(
            "It could not be delivered. Call your agency directly, or an emergency number if "
            "you are in danger."
        )
        if view.last_error:
            text += " " + self.tr("The agency said: %1").replace("%1", view.last_error)
        return text

    def follow_ups(self, view: EscalationView) -> str:
        """How the details the talent added are doing ("" if none)."""
        if not view.follow_ups:
            return ""
        text = self.tr("%n detail(s) added", "", view.follow_ups)
        if view.follow_ups_waiting:
            text += " · " + self.tr("%n waiting to be sent", "", view.follow_ups_waiting)
        if view.follow_ups_failed:
            text += " · " + self.tr("%n refused", "", view.follow_ups_failed)
        return text

    def origin(self, view: EscalationView) -> str:
        """Who raised it and about what."""
        if view.automatic:
            return self.tr("Sent automatically (no answer to “Are you OK?”)")
        if view.booking_id is not None:
            return self.tr("During a session")
        return self.tr("Outside a session")

    # ------------------------------------------------------------------ reports

    def category(self, category: IncidentCategory) -> str:
        """An incident category."""
        return {
            IncidentCategory.SEXUAL_HARASSMENT: self.tr("Sexual harassment"),
            IncidentCategory.INSULTS: self.tr("Insults or rude language"),
            IncidentCategory.THREATS: self.tr("Threats"),
            IncidentCategory.PERSONAL_INFO_OR_MEETING: self.tr(
                "Asked for personal details or to meet"
            ),
            IncidentCategory.EXTRA_PAYMENT_OR_EXPLOITATION: self.tr(
                "Extra payment or exploitation"
            ),
            IncidentCategory.DISCRIMINATION: self.tr("Discrimination"),
            IncidentCategory.OUTSIDE_PACKAGE_OR_BOUNDARIES: self.tr(
                "Outside the package or your boundaries"
            ),
            IncidentCategory.OTHER: self.tr("Something else"),
        }[category]

    def level(self, level: TicketLevel) -> str:
        """A ticket's escalation level."""
        return {
            TicketLevel.FIRST_LINE: self.tr("First line"),
            TicketLevel.SUPERVISOR: self.tr("Supervisor"),
            TicketLevel.TECHNICAL: self.tr("Technical"),
        }[level]

    def status(self, status: IncidentStatus) -> str:
        """A report's progress."""
        return {
            IncidentStatus.DRAFT: self.tr("Draft"),
            IncidentStatus.QUEUED: self.tr("Queued"),
            IncidentStatus.DELIVERED: self.tr("Delivered"),
            IncidentStatus.IN_PROGRESS: self.tr("In progress"),
            IncidentStatus.RESOLVED: self.tr("Resolved"),
        }[status]

    def report_status(self, view: ReportView) -> str:
        """A report's progress, saying so when the agency refused it."""
        if view.delivery is Delivery.FAILED:
            return self.tr("Refused by the agency")
        return self.status(view.status)

    def ticket(self, view: ReportView) -> str:
        """The ticket number, or why there is none yet."""
        if view.ticket:
            return view.ticket
        if view.delivery is Delivery.FAILED:
            return "—"
        return self.tr("waiting for a ticket")

    def text_removed(self) -> str:
        """What shows instead of a report's text once it was removed."""
        return self.tr(
            "Text removed on this device. Your agency has the report; the category, ticket, "
            "level and status stay here."
        )

    def error(self, key: str) -> str:
        """A ``SafetyError.key`` in words."""
        texts = {
            "escalation_not_found": self.tr("That escalation is no longer on this device."),
            "escalation_closed": self.tr(
                "That escalation is closed. Press Escalate again if you need help."
            ),
            "nothing_to_add": self.tr("Pick a crisis sign or write a note first."),
            "note_too_long": self.tr("The note is too long (at most 2000 characters)."),
            "report_not_found": self.tr("That report is no longer on this device."),
            "description_empty": self.tr("Describe what happened first."),
            "description_too_long": self.tr(
                "The description is too long (at most 4000 characters)."
            ),
            "report_too_late": self.tr(
                "This session ended more than 24 hours ago, so it can no longer be reported in "
                "the app. Contact your agency directly."
            ),
            "invalid_reference": self.tr(
                "This session cannot be reported from the app. Contact your agency directly."
            ),
        }
        return texts.get(key, self.tr("Something went wrong. Try again."))

    # ------------------------------------------------------------------ after-care

    def hard_reason(self, reason: HardReason) -> str:
        """Why a session counts as hard."""
        return {
            HardReason.ESCALATED: self.tr("you asked a supervisor for help"),
            HardReason.REPORTED: self.tr("you reported an incident"),
            HardReason.ENDED_EARLY: self.tr("it ended early"),
        }[reason]

    def offer(self, offer: CareOffer) -> str:
        """An after-care offer, as its button says it."""
        return {
            CareOffer.CHECK_IN: self.tr("Short check-in"),
            CareOffer.BREAK: self.tr("Take a break"),
            CareOffer.DEBRIEF: self.tr("Ask for a debrief"),
        }[offer]

    def debrief(self, route: DebriefRoute) -> str:
        """Where a debrief request went."""
        return {
            DebriefRoute.SENT: self.tr(
                "Debrief requested: it goes to your agency's supervisors (as soon as your "
                "agency can be reached), and one of them will talk it over with you."
            ),
        }[route]

    def night_counts(self, counts: NightCounts | None) -> str:
        """Tonight's after-care counts in one line ("" before they are loaded)."""
        if counts is None:
            return ""
        debriefs = counts.debriefs_sent + counts.debriefs_recorded
        parts = (
            self.tr("%n hard session(s)", "", counts.hard_sessions),
            self.tr("%n check-in(s)", "", counts.check_ins),
            self.tr("%n break(s)", "", counts.breaks),
            self.tr("%n debrief(s) asked for", "", debriefs),
        )
        return self.tr("Tonight, after hard sessions:") + " " + " · ".join(parts)

    # ------------------------------------------------------------------ times

    def time(self, moment: datetime | None) -> str:
        """A local clock time such as 21:14 ("—" if unknown)."""
        if moment is None:
            return "—"
        local = moment.astimezone()
        return QLocale().toString(QTime(local.hour, local.minute), self.tr("HH:mm"))

    def day_time(self, moment: datetime) -> str:
        """A local day and time such as "Tue 3 Mar, 21:14"."""
        local = moment.astimezone()
        day = QLocale().toString(QDate(local.year, local.month, local.day), self.tr("ddd d MMM"))
        return f"{day}, {self.time(moment)}"
