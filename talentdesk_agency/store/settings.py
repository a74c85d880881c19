"""The agency's settings: its name and the configuration pushed to every talent."""

from __future__ import annotations

from typing import Annotated, Final

import msgspec
from msgspec import Meta

from talentdesk_agency.defaults import DEFAULT_AGENCY_NAME, default_config
from talentdesk_agency.problems import AgencyError
from talentdesk_agency.store import feed
from talentdesk_agency.store.engine import Database, Tx
from talentdesk_contract import wire
from talentdesk_contract.values import EscalationKind, EscalationPriority
from talentdesk_contract.wire import EventType

__all__ = ["DEFAULT_PRIORITIES", "AlertContact", "Alerting", "Settings", "get", "put"]

#: The priority each kind of alarm gets unless the agency says otherwise.
DEFAULT_PRIORITIES: Final = {
    EscalationKind.BUTTON: EscalationPriority.URGENT,
    EscalationKind.LONE_WORKER: EscalationPriority.URGENT,
    EscalationKind.WELLBEING: EscalationPriority.HIGH,
}


class AlertContact(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Someone at the agency's next level, alerted when supervisors do not answer."""

    name: Annotated[str, Meta(min_length=1, max_length=80)]
    phone: wire.PhoneNumber | None = None


class Alerting(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """The agency's alerting, kept on the server only (the talent's app never sees it).

    Attributes:
        priorities: The priority each kind of escalation gets.
        contacts: The next level, alerted from the first round on (shown in the console).
        webhook_url: Where every alert round is POSTed as JSON (e.g. a paging service),
            if anywhere.
        first_response_minutes: A new report ticket needs a first answer within this.
        update_every_minutes: An open ticket needs an update at least this often.
    """

    priorities: dict[EscalationKind, EscalationPriority] = msgspec.field(
        default_factory=lambda: dict(DEFAULT_PRIORITIES)
    )
    contacts: Annotated[tuple[AlertContact, ...], Meta(max_length=20)] = ()
    first_response_minutes: Annotated[int, Meta(ge=1, le=1440)] = 10
    update_every_minutes: Annotated[int, Meta(ge=1, le=1440)] = 5
    webhook_url: Annotated[str, Meta(max_length=500, pattern=r"^https?://\S+\Z")] | None = None

    def priority(self, kind: EscalationKind) -> EscalationPriority:
        """The priority of an escalation of ``kind``."""
        return self.priorities.get(kind, DEFAULT_PRIORITIES[kind])


def alerting(tx: Tx) -> Alerting:
    """The alerting settings (defaults if never set)."""
    raw = get(tx, "alerting")
    return Alerting() if raw is None else msgspec.json.decode(raw, type=Alerting)


def priority_sql(tx: Tx, kind: EscalationKind) -> tuple[str, tuple[str, str, str]]:
    """An SQL expression (and its parameters) for the priority of an escalation of
    ``kind``, as :meth:`Alerting.priority` says: read inside the statement that needs it,
    so a new escalation costs no read (and no round trip) of its own."""
    sql = (
        f"COALESCE((SELECT {tx.dialect.json_text('value')} FROM settings "  # noqa: S608
        "WHERE key = 'alerting'), ?)"
    )
    return sql, ("priorities", kind.value, DEFAULT_PRIORITIES[kind].value)


def policy(tx: Tx) -> wire.EscalationPolicy:
    """The escalation policy of the configuration (the defaults if it names none)."""
    raw = get(tx, "config")
    config = default_config() if raw is None else wire.decode(raw, wire.AgencyConfig)
    return config.escalation_policy or wire.EscalationPolicy()


def get(tx: Tx, key: str) -> str | None:
    """A setting's stored text, or None."""
    row = tx.one("SELECT value FROM settings WHERE key = ?", (key,))
    return None if row is None else str(row[0])


def put(tx: Tx, key: str, value: str) -> None:
    """Store a setting (inside a write)."""
    tx.execute(
        "INSERT INTO settings(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def config_json(tx: Tx) -> bytes:
    """The configuration as pushed on the feed."""
    return (get(tx, "config") or wire.encode(default_config()).decode()).encode()


class Settings:
    """The agency's name and configuration."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @property
    def agency_name(self) -> str:
        """The agency's name, as told to paired apps."""
        with self._db.read() as tx:
            return get(tx, "agency_name") or DEFAULT_AGENCY_NAME

    def set_agency_name(self, name: str) -> None:
        """Rename the agency.

        Raises:
            AgencyError: If the name is empty or longer than 80 characters.
        """
        if not 1 <= len(name) <= 80:
            raise AgencyError(
                "the agency name must be 1 to 80 characters long", code="agency_name_length"
            )
        with self._db.write() as tx:
            put(tx, "agency_name", name)

    def config(self) -> wire.AgencyConfig:
        """The current agency configuration."""
        with self._db.read() as tx:
            raw = get(tx, "config")
        return default_config() if raw is None else wire.decode(raw, wire.AgencyConfig)

    def alerting(self) -> Alerting:
        """The server-side alerting settings."""
        with self._db.read() as tx:
            return alerting(tx)

    def set_alerting(self, value: Alerting) -> None:
        """Replace the server-side alerting settings."""
        with self._db.write() as tx:
            put(tx, "alerting", msgspec.json.encode(value).decode())

    def policy(self) -> wire.EscalationPolicy:
        """The escalation policy in force."""
        with self._db.read() as tx:
            return policy(tx)

    def set_config(self, config: wire.AgencyConfig) -> int:
        """Replace the configuration and push ``config.updated`` to every talent.

        Returns:
            How many talents were told.

        Raises:
            AgencyError: If ids repeat or a boundary item names a reply that does not exist.
        """
        check_config(config)
        data = wire.encode(config)
        with self._db.write() as tx:
            # Appends first take the feed lock: a talent added meanwhile either sees this
            # configuration when it is added, or is on the list below.
            feed.lock(tx, "*")
            put(tx, "config", data.decode())
            talents = [row[0] for row in tx.all("SELECT id FROM talents")]
            for talent_id in talents:
                feed.append(tx, talent_id, EventType.CONFIG_UPDATED, data)
        return len(talents)


def check_config(config: wire.AgencyConfig) -> None:
    """Cross-field rules the wire types cannot express.

    Raises:
        AgencyError: If ids repeat or a boundary item names a reply that does not exist.
    """

    def unique(kind: str, ids: list[str]) -> None:
        seen: set[str] = set()
        for item in ids:
            if item in seen:
                raise AgencyError(
                    f"the configuration has two {kind} with id {item!r}",
                    code="duplicate_id",
                    id=item,
                )
            seen.add(item)

    unique("packages", [p.id for p in config.packages])
    unique("decline replies", [r.id for r in config.decline_replies])
    unique("boundary presets", [p.id for p in config.boundary_presets])
    unique("emergency contacts", [c.id for c in config.emergency_contacts])
    replies = {r.id for r in config.decline_replies}
    for preset in config.boundary_presets:
        unique(f"items in preset {preset.id!r}", [i.key for i in preset.items])
        for item in preset.items:
            for reply_id in item.decline_reply_ids:
                if reply_id not in replies:
                    raise AgencyError(
                        f"boundary preset {preset.id!r}, item {item.key!r}: no decline reply "
                        f"with id {reply_id!r}",
                        code="preset_reply_unknown",
                        preset=preset.id,
                        item=item.key,
                        id=reply_id,
                    )
