"""The crisis playbook: its data, the emergency contacts the agency pushes (or the
defaults), and escalating with a sign filled in, against the real reference agency."""

from __future__ import annotations

from pathlib import Path

import msgspec

from talentdesk.domain import (
    DEFAULT_EMERGENCY_CONTACTS,
    AgencyConfig,
    EmergencyContact,
    IncidentCategory,
)
from talentdesk.safety import (
    MESSAGE_KEYS,
    PLAYBOOK,
    Action,
    EscalationState,
    emergency_contacts,
    guide_for,
)
from talentdesk.safety.playbook import in_language
from talentdesk.vault import Vault
from talentdesk_contract import wire
from talentdesk_contract.values import CrisisSign
from tests.safety.conftest import PASSPHRASE, Agency, App, wait_for


def test_the_playbook_is_the_brief_as_data() -> None:
    assert tuple(g.sign for g in PLAYBOOK) == tuple(wire.CrisisSign)
    actions = {g.sign: g.actions for g in PLAYBOOK}
    assert actions == {
        # agitation or distress: ask calmly, offer support
        "distress": (Action.ASK_CALMLY, Action.OFFER_SUPPORT),
        # threats of self-harm or harm to others: contact emergency services now
        "threat_of_harm": (Action.CALL_EMERGENCY_NOW,),
        # suicidal thoughts: listen, support, refer to mental-health professionals
        "suicidal_thoughts": (Action.LISTEN, Action.SUPPORT, Action.REFER_MENTAL_HEALTH),
        # aggression or threats of violence: end the conversation and report
        "aggression": (Action.END_CONVERSATION, Action.REPORT),
    }
    assert [g.sign for g in PLAYBOOK if g.emergency_now] == ["threat_of_harm"]
    assert guide_for(CrisisSign.AGGRESSION).report_category is IncidentCategory.THREATS
    assert guide_for(CrisisSign.DISTRESS).key == "crisis.sign.distress"
    assert Action.REFER_MENTAL_HEALTH.key == "crisis.action.refer_mental_health"
    # Machine keys only, each once, for the UI to translate.
    assert len(set(MESSAGE_KEYS)) == len(MESSAGE_KEYS)
    assert all(k.isascii() and " " not in k for k in MESSAGE_KEYS)
    assert {g.key for g in PLAYBOOK} <= set(MESSAGE_KEYS)


def test_default_contacts_are_indonesias_public_lines(data_dir: Path) -> None:
    vault = Vault.create(data_dir / "vault.sqlite3", passphrase=PASSPHRASE)
    try:
        contacts = emergency_contacts(vault)  # nothing from an agency yet
        assert contacts == DEFAULT_EMERGENCY_CONTACTS
        numbers = {c.id: (c.number, c.note) for c in contacts}
        assert numbers["emergency"] == ("112", "")
        assert numbers["police"] == ("110", "")
        assert numbers["mental-health"] == ("119", "extension 8")
    finally:
        vault.close()


def test_contacts_come_from_the_agency_config(app: App, agency: Agency) -> None:
    # The reference agency pushes its configuration when the talent pairs.
    wait_for(lambda: app.store.load(AgencyConfig, "current") is not None, what="config")
    pushed = agency.store.config().emergency_contacts
    assert [c.id for c in app.safety.playbook.contacts()] == [c.id for c in pushed]
    # Each keeps the language it is written in; the screen shows the talent's.
    kept = app.safety.playbook.contacts()
    assert {c.language for c in kept} == {"id", "en"}
    assert [c.name for c in in_language(kept, "id")] == [
        "Darurat",
        "Polisi",
        "Kesehatan jiwa (SEJIWA)",
    ]
    assert [c.number for c in in_language(kept, "en")] == ["112", "110", "119"]

    # Its own list replaces it; sorted for the sign, the matching public lines first.
    own = (
        wire.EmergencyContact(id="hotline", name="Agency hotline", number="+62 21 555 0101"),
        wire.EmergencyContact(id="polisi", name="Polisi", number="110"),
        wire.EmergencyContact(id="darurat", name="Darurat", number="112"),
        wire.EmergencyContact(id="jiwa", name="Sejiwa", number="119", note="tekan 8"),
    )
    agency.store.set_config(msgspec.structs.replace(agency.store.config(), emergency_contacts=own))
    wait_for(
        lambda: [c.id for c in app.safety.playbook.contacts()] == [c.id for c in own],
        what="the new contacts",
    )
    assert [c.number for c in app.safety.playbook.contacts(CrisisSign.THREAT_OF_HARM)][:2] == [
        "112",
        "110",
    ]
    assert app.safety.playbook.contacts(CrisisSign.SUICIDAL_THOUGHTS)[0].id == "jiwa"
    assert app.safety.playbook.contacts(CrisisSign.AGGRESSION)[0].id == "polisi"

    # An agency that sends no contacts leaves the talent with the public lines.
    agency.store.set_config(msgspec.structs.replace(agency.store.config(), emergency_contacts=()))
    wait_for(lambda: app.safety.playbook.contacts() == DEFAULT_EMERGENCY_CONTACTS, what="defaults")


def test_contacts_in_no_language_show_in_every_one_and_one_language_beats_none() -> None:
    anyone = EmergencyContact(id="hotline", name="Hotline", number="+62 21 555 0101")
    indonesian = EmergencyContact(id="darurat", name="Darurat", number="112", language="id")
    assert in_language((anyone, indonesian), "id") == (anyone, indonesian)
    assert in_language((anyone, indonesian), "en") == (anyone,)
    assert in_language((indonesian,), "en") == (indonesian,)  # a number beats no number


def test_picking_a_sign_escalates_with_it(app: App, agency: Agency) -> None:
    booking_id = agency.book()
    view = app.safety.playbook.escalate(CrisisSign.SUICIDAL_THOUGHTS, booking_id)
    assert view.crisis_sign == "suicidal_thoughts"
    wait_for(
        lambda: (
            (v := app.safety.escalations.get(view.id)) is not None
            and v.state is EscalationState.DELIVERED
        ),
        what="delivery",
    )
    (row,) = agency.store.escalations()
    assert row.crisis_sign == "suicidal_thoughts"
    assert row.booking_id == booking_id

    # A second sign for the same session goes to the open escalation, not a new one.
    again = app.safety.playbook.escalate(CrisisSign.THREAT_OF_HARM, booking_id)
    assert again.id == view.id
    assert again.crisis_sign == "threat_of_harm"
    wait_for(
        lambda: (
            (v := app.safety.escalations.get(view.id)) is not None and v.follow_ups_waiting == 0
        ),
        what="follow-up",
    )
    (row,) = agency.store.escalations()
    assert row.crisis_sign == "threat_of_harm"
    assert row.follow_ups == 1
