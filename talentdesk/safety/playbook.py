"""The crisis playbook: each crisis sign, the actions it calls for, and who to call.

Data only, with stable machine keys the UI translates (see :data:`MESSAGE_KEYS`); no
prose lives here. The signs are the contract's :data:`~talentdesk_contract.wire.CrisisSign`
values, so picking one can escalate with the sign filled in (:meth:`Playbook.escalate`).

From DESIGN.md, "Rules of the trade":

* agitation or distress: ask calmly, offer support;
* threats of self-harm or harm to others: contact emergency services now;
* suicidal thoughts: listen, support, refer to mental-health professionals;
* aggression or threats of violence: end the conversation and report.

Emergency contacts come from the agency's configuration, else Indonesia's public lines
(112 emergency, 110 police, 119 extension 8 for mental health).
"""

from __future__ import annotations

import enum
import logging
from typing import Final

import msgspec

from talentdesk.domain import (
    DEFAULT_EMERGENCY_CONTACTS,
    AgencyConfig,
    EmergencyContact,
    IncidentCategory,
)
from talentdesk.safety.errors import EscalationClosedError
from talentdesk.safety.escalation import Escalations, EscalationView
from talentdesk.vault import RecordIntegrityError, Vault
from talentdesk.vault.records import RecordStore
from talentdesk_contract import wire
from talentdesk_contract.values import CrisisSign
from talentdesk_contract.wire import in_language

__all__ = [
    "DEFAULT_CONTACT_KEYS",
    "EMERGENCY_NUMBER",
    "MENTAL_HEALTH_NUMBER",
    "MESSAGE_KEYS",
    "PLAYBOOK",
    "POLICE_NUMBER",
    "Action",
    "CrisisGuide",
    "Playbook",
    "emergency_contacts",
    "guide_for",
    "in_language",
]

log = logging.getLogger(__name__)


class Action(enum.StrEnum):
    """What a crisis sign calls for. The UI translates ``crisis.action.<value>``."""

    ASK_CALMLY = "ask_calmly"
    OFFER_SUPPORT = "offer_support"
    CALL_EMERGENCY_NOW = "call_emergency_now"
    LISTEN = "listen"
    SUPPORT = "support"
    REFER_MENTAL_HEALTH = "refer_mental_health"
    END_CONVERSATION = "end_conversation"
    REPORT = "report"

    @property
    def key(self) -> str:
        """The message key the UI translates, e.g. ``crisis.action.ask_calmly``."""
        return f"crisis.action.{self.value}"


class CrisisGuide(msgspec.Struct, frozen=True):
    """One crisis sign and what to do about it.

    Attributes:
        sign: The contract's value (sent with an escalation).
        actions: What to do, in order.
        emergency_now: Contact emergency services at once (show the numbers first).
        suggested_numbers: Public numbers that fit this sign, best first; contacts with
            these numbers (the agency's or the defaults) are listed first.
        report_category: The category a report about it starts with, if one fits.
    """

    sign: wire.CrisisSign
    actions: tuple[Action, ...]
    emergency_now: bool = False
    suggested_numbers: tuple[str, ...] = ()
    report_category: IncidentCategory | None = None

    @property
    def key(self) -> str:
        """The sign's title key, e.g. ``crisis.sign.distress`` ("agitation or distress")."""
        return f"crisis.sign.{self.sign}"


#: Indonesia's public lines (also in ``domain.DEFAULT_EMERGENCY_CONTACTS``).
EMERGENCY_NUMBER: Final = "112"
POLICE_NUMBER: Final = "110"
MENTAL_HEALTH_NUMBER: Final = "119"  # extension 8: mental health

#: The playbook, in the order the UI lists it.
PLAYBOOK: Final[tuple[CrisisGuide, ...]] = (
    CrisisGuide(
        sign=CrisisSign.DISTRESS,
        actions=(Action.ASK_CALMLY, Action.OFFER_SUPPORT),
        suggested_numbers=(MENTAL_HEALTH_NUMBER,),
    ),
    CrisisGuide(
        sign=CrisisSign.THREAT_OF_HARM,
        actions=(Action.CALL_EMERGENCY_NOW,),
        emergency_now=True,
        suggested_numbers=(EMERGENCY_NUMBER, POLICE_NUMBER),
    ),
    CrisisGuide(
        sign=CrisisSign.SUICIDAL_THOUGHTS,
        actions=(Action.LISTEN, Action.SUPPORT, Action.REFER_MENTAL_HEALTH),
        suggested_numbers=(MENTAL_HEALTH_NUMBER, EMERGENCY_NUMBER),
    ),
    CrisisGuide(
        sign=CrisisSign.AGGRESSION,
        actions=(Action.END_CONVERSATION, Action.REPORT),
        suggested_numbers=(POLICE_NUMBER,),
        report_category=IncidentCategory.THREATS,
    ),
)

#: Message keys for the names and notes of the default contacts (``domain``'s English
#: names are for logs and the doctor; the UI shows these translated). An agency's own
#: contacts are shown as the agency wrote them.
DEFAULT_CONTACT_KEYS: Final = {
    "emergency": ("contact.emergency", None),
    "police": ("contact.police", None),
    "mental-health": ("contact.mental_health", "contact.mental_health.extension"),
}

#: Every message key of this module, for a translation-completeness test in the UI.
MESSAGE_KEYS: Final = (
    *(g.key for g in PLAYBOOK),
    *(a.key for a in Action),
    *(name for name, _ in DEFAULT_CONTACT_KEYS.values()),
    *(note for _, note in DEFAULT_CONTACT_KEYS.values() if note is not None),
)


def guide_for(sign: wire.CrisisSign) -> CrisisGuide:
    """The guide for one sign.

    Raises:
        KeyError: If ``sign`` is not a crisis sign of the contract.
    """
    for guide in PLAYBOOK:
        if guide.sign == sign:
            return guide
    raise KeyError(sign)


def emergency_contacts(vault: Vault) -> tuple[EmergencyContact, ...]:
    """The agency's emergency contacts, or Indonesia's public lines if it sent none.

    A damaged configuration record falls back to the defaults too: in a crisis a number
    that works beats none.
    """
    try:
        config = RecordStore(vault).load(AgencyConfig, "current")
    except RecordIntegrityError:
        log.warning("agency configuration unreadable; showing the default emergency numbers")
        config = None
    if config is None or not config.emergency_contacts:
        return DEFAULT_EMERGENCY_CONTACTS
    return config.emergency_contacts


def _digits(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit() or ch == "+")


class Playbook:
    """The playbook over an open vault, and a way to escalate from it.

    Args:
        vault: The open vault (for the agency's emergency contacts).
        escalations: Where an escalation goes.
    """

    guides: Final = PLAYBOOK

    def __init__(self, vault: Vault, escalations: Escalations) -> None:
        self.vault = vault
        self.escalations = escalations

    def guide(self, sign: wire.CrisisSign) -> CrisisGuide:
        """The guide for one sign (see :func:`guide_for`)."""
        return guide_for(sign)

    def contacts(self, sign: wire.CrisisSign | None = None) -> tuple[EmergencyContact, ...]:
        """Emergency contacts; with a sign, the ones that fit it come first."""
        contacts = emergency_contacts(self.vault)
        if sign is None:
            return contacts
        order = {number: n for n, number in enumerate(guide_for(sign).suggested_numbers)}
        return tuple(sorted(contacts, key=lambda c: order.get(_digits(c.number), len(order))))

    def escalate(self, sign: wire.CrisisSign, booking_id: str | None = None) -> EscalationView:
        """Escalate with the sign filled in.

        If an escalation about the same booking is still open, the sign goes to it as a
        follow-up instead of opening a second one.
        """
        guide_for(sign)  # refuse an unknown sign before anything is written
        current = self.escalations.open_for_booking(booking_id)
        if current is not None:
            try:
                return self.escalations.follow_up(current.id, crisis_sign=sign)
            except EscalationClosedError:
                pass  # closed a moment ago: open a new one
        return self.escalations.escalate(booking_id, crisis_sign=sign)
