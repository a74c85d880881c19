"""Incident reports: filed in one step, ticketed by the agency, then kept without text.

:meth:`IncidentReports.file` writes the local :class:`~talentdesk.domain.Incident` and its
outbox item (``POST /v1/reports``) in one vault transaction. A report may be filed during
the session or up to :data:`FILING_WINDOW` after it ended; a later one is refused with
:class:`~talentdesk.safety.errors.ReportTooLateError`.

Once delivered, the agency's answer gives the ticket number; ``report.updated`` events
from the feed move its level (first line, supervisor, technical) and status on
(:meth:`IncidentReports.handle_update`, run inside the feed page's transaction).

What stays: a report filed during a session is sealed (its Incident and its outbox item)
under the session's booking data key, so the shred at the session's end makes every older
copy of its text undecryptable; the shred keeps the report itself, without its text if
the agency has it, whole if it must still be sent (:meth:`IncidentReports.keep_on_shred`).
Once a report is settled at the agency (delivered, or refused) and its session is over,
its description is removed on this device, from the Incident and from the outbox item's
body and answer, and the WAL is checkpointed. Category, ticket, level and status remain.
Nothing about the customer is kept.

The links (no text) are indexed in memory (:class:`~talentdesk.vault.index.RecordIndex`),
so what runs after every outbox change looks only at reports still waiting for the
agency's id or still holding text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Final

import msgspec

from talentdesk.domain import (
    Incident,
    IncidentCategory,
    IncidentStatus,
    SessionRecord,
    TicketLevel,
)
from talentdesk.safety._common import (
    REACHED,
    SETTLED,
    Delivery,
    DurableChanges,
    checkpoint_after_commit,
    delivery_of,
    is_wire_id,
    new_local_id,
    utc_now,
    validated,
)
from talentdesk.safety.errors import (
    DescriptionEmptyError,
    DescriptionTooLongError,
    InvalidReferenceError,
    ReportNotFoundError,
    ReportTooLateError,
)
from talentdesk.safety.live import WatchedSession
from talentdesk.sync.apply import UPDATE_KIND
from talentdesk.sync.outbox import Outbox, OutboxEntry
from talentdesk.sync.requests import FileReport
from talentdesk.vault import RecordIntegrityError, Vault
from talentdesk.vault.index import RecordIndex
from talentdesk.vault.records import RecordStore
from talentdesk_contract import wire
from talentdesk_contract.values import OperationKind

__all__ = [
    "DESCRIPTION_MAX_CHARS",
    "FILING_WINDOW",
    "LINK_KIND",
    "OUTBOX_KIND",
    "Delivery",
    "IncidentReports",
    "ReportLink",
    "ReportView",
]

log = logging.getLogger(__name__)

#: How long after a session ends a report about it is still accepted.
FILING_WINDOW: Final = timedelta(hours=24)
#: Longest description the contract accepts (``ReportRequest.description``).
DESCRIPTION_MAX_CHARS: Final = 4000
#: Outbox kind of a report.
OUTBOX_KIND: Final = OperationKind.REPORT
#: Vault kind of the small record linking an Incident to its outbox item.
LINK_KIND: Final = "report_link"

#: Fields of the request body and of the agency's answer that may hold the report's text.
_TEXT_FIELDS: Final = ("description",)

_STATUS: Final = {
    "queued": IncidentStatus.QUEUED,
    "delivered": IncidentStatus.DELIVERED,
    "in_progress": IncidentStatus.IN_PROGRESS,
    "resolved": IncidentStatus.RESOLVED,
}


class ReportLink(msgspec.Struct, kw_only=True):
    """Local bookkeeping of a report, beside its Incident (which has no room for it).

    Attributes:
        id: The Incident's id.
        outbox_id: The outbox item that files it.
        remote_id: The agency's report id, once delivered.
        agency_note: The agency's latest note for the talent, if any.
        text_removed: The description has been removed on this device.
    """

    id: str
    outbox_id: str
    remote_id: str | None = None
    agency_note: str | None = None
    text_removed: bool = False


class ReportView(msgspec.Struct, frozen=True):
    """A report as the UI shows it.

    Attributes:
        description: The talent's text; ``""`` once removed (``text_removed``).
        delivery: Whether the agency has it (queued, delivered, or failed: refused).
        failure: The agency's words if it refused the report.
        level: Escalation level of the ticket (first line, supervisor, technical).
        status: Queued, delivered, in progress or resolved.
        agency_note: The agency's latest note for the talent.
    """

    id: str
    session_id: str
    booking_id: str
    category: IncidentCategory
    description: str
    created_at: datetime
    ticket: str | None
    level: TicketLevel
    status: IncidentStatus
    delivery: Delivery
    failure: str | None
    agency_note: str | None
    text_removed: bool


#: Vault kind of the Incident records.
INCIDENT_KIND: Final = "incident"


class _Links:
    """The report links as the index keeps them (encoded), and what is asked of them."""

    def __init__(self) -> None:
        self.payloads: dict[str, bytes] = {}
        self.by_remote: dict[str, str] = {}
        self.awaiting_remote: set[str] = set()
        self.text_pending: set[str] = set()

    def put(self, link: ReportLink, payload: bytes) -> None:
        self.payloads[link.id] = payload
        if link.remote_id is not None:
            self.by_remote[link.remote_id] = link.id
            self.awaiting_remote.discard(link.id)
        else:
            self.awaiting_remote.add(link.id)
        if link.text_removed:
            self.text_pending.discard(link.id)
        else:
            self.text_pending.add(link.id)

    def link(self, incident_id: str) -> ReportLink | None:
        payload = self.payloads.get(incident_id)
        return None if payload is None else msgspec.json.decode(payload, type=ReportLink)


class IncidentReports(DurableChanges):
    """Files incident reports and follows their tickets.

    Args:
        vault: The open vault.
        outbox: The sync service's outbox.
        now: The wall clock (UTC), replaceable in tests.
    """

    def __init__(
        self, vault: Vault, outbox: Outbox, *, now: Callable[[], datetime] = utc_now
    ) -> None:
        super().__init__(vault, "report")
        self.store = RecordStore(vault)
        self.outbox = outbox
        self._now = now
        self._index = RecordIndex(vault, LINK_KIND, self._scan)
        vault.keep_on_shred(INCIDENT_KIND, self._kept_on_shred)

    # ------------------------------------------------------------------ filing

    def file(
        self,
        session: SessionRecord | WatchedSession,
        category: IncidentCategory,
        description: str,
    ) -> ReportView:
        """File a report about a session, during it or up to 24 hours after it.

        Args:
            session: The ended session's record, or the live session. A report filed
                during the session uses the booking id as its session reference (one
                booking, one session).
            category: One of the eight categories.
            description: What happened, in the talent's words (1 to 4000 characters).

        Returns:
            The report, queued.

        Raises:
            ReportTooLateError: The session ended more than 24 hours ago.
            DescriptionEmptyError / DescriptionTooLongError: The description's length.
            InvalidReferenceError: The session or booking id is not one the Agency API
                accepts.
        """
        category = IncidentCategory(category)
        text = description.strip()
        if not text:
            raise DescriptionEmptyError("a report needs a description")
        if len(text) > DESCRIPTION_MAX_CHARS:
            raise DescriptionTooLongError(
                f"descriptions are at most {DESCRIPTION_MAX_CHARS} characters"
            )
        now = self._now()
        if isinstance(session, SessionRecord):
            deadline = session.ended_at + FILING_WINDOW
            if now > deadline:
                raise ReportTooLateError(session.id, deadline)
            session_id, booking_id = session.id, session.booking_id
        else:
            session_id = booking_id = session.booking_id
        for ref in (session_id, booking_id):
            if not is_wire_id(ref):
                raise InvalidReferenceError("the session reference is not a valid agency id")
        request = validated(
            wire.ReportRequest(
                session_id=session_id,
                booking_id=booking_id,
                category=category,  # the same enum
                description=text,
                at=now,
            )
        )
        incident = Incident(
            id=new_local_id("inc"),
            session_id=session_id,
            booking_id=booking_id,
            category=category,
            description=text,
            created_at=now,
            status=IncidentStatus.QUEUED,
        )
        with self.vault.transaction():
            item = self.outbox.enqueue(
                FileReport(body=request), ref=incident.id, seal_for=booking_id
            )
            link = ReportLink(id=incident.id, outbox_id=item.id)
            self.vault.put_typed(
                booking_id, INCIDENT_KIND, incident.id, msgspec.json.encode(incident)
            )
            self._save_link(link)
            self._changed()
        log.info("report %s (%s) queued", incident.id, category.value)
        return _view(incident, link, OutboxEntry.of(item))

    # ------------------------------------------------------------------ reading

    def get(self, incident_id: str) -> ReportView | None:
        """One report, or None."""
        incident = self.store.load(Incident, incident_id)
        link = self._load_link(incident_id)
        if incident is None or link is None:
            return None
        return _view(incident, link, self.outbox.entry(link.outbox_id))

    def require(self, incident_id: str) -> ReportView:
        """One report.

        Raises:
            ReportNotFoundError: Unknown report.
        """
        view = self.get(incident_id)
        if view is None:
            raise ReportNotFoundError(f"no report {incident_id!r}")
        return view

    def reports(self) -> list[ReportView]:
        """Every report filed on this device, newest first."""
        with self.vault.serialized():
            known = self._index.current()
            links = {i: link for i in list(known.payloads) if (link := known.link(i)) is not None}
        entries = self.outbox.entries(link.outbox_id for link in links.values())
        views = []
        loaded = self.store.load_all(Incident)
        for problem in loaded.problems:
            log.warning("unreadable incident: %s", problem.name)
        for incident in loaded.items:
            link = links.get(incident.id)
            if link is not None:
                views.append(_view(incident, link, entries.get(link.outbox_id)))
        views.sort(key=lambda v: (v.created_at, v.id), reverse=True)
        return views

    def for_booking(self, booking_id: str) -> list[ReportView]:
        """The reports about one booking, newest first."""
        return [v for v in self.reports() if v.booking_id == booking_id]

    # ------------------------------------------------------------------ the agency's side

    def handle_update(self, event_type: str, data: wire.EventData) -> None:
        """Apply ``report.updated`` from the feed: ticket, level and status.

        Register with ``SyncService.add_update_handler``; it runs inside the feed page's
        transaction. An update that arrives before the report's delivery is recorded is
        picked up by :meth:`reconcile` from the feed's stored updates.
        """
        if not isinstance(data, wire.ReportUpdateData):
            return
        with self.vault.transaction():
            found = self._find_remote(data.report_id)
            if found is None:
                return
            incident, link = found
            _, dirty = self._apply(incident, link, data.ticket, data.level, data.status, data.note)
            if dirty:
                self._changed()
                log.info("report %s: %s, %s", incident.id, data.level, data.status)

    def reconcile(self) -> bool:
        """Record the agency's answer of newly delivered reports, and any stored update.

        Called after outbox changes and at start-up. Idempotent.

        Returns:
            Whether anything changed.
        """
        changed = False
        with self.vault.transaction():
            for incident_id in sorted(self._index.current().awaiting_remote):
                link = self._load_link(incident_id)
                if link is None or link.remote_id is not None:
                    continue  # the feed's handler keeps it current from here on
                if self.outbox.state_of(link.outbox_id) not in REACHED:
                    continue
                item = self.outbox.get(link.outbox_id)
                if item is None or item.state not in REACHED or item.remote_id is None:
                    continue
                incident = self._load_incident(link.id)
                if incident is None:
                    continue
                link.remote_id = item.remote_id
                answer = _decode_report(item.response)
                if answer is not None:
                    incident, _ = self._apply(
                        incident, link, answer.ticket, answer.level, answer.status, answer.note
                    )
                stored = self.vault.get(
                    UPDATE_KIND, f"{wire.EventType.REPORT_UPDATED}:{item.remote_id}"
                )
                update = _decode_update(stored)
                if update is not None:
                    # The feed's latest word wins over the (older) answer to the filing.
                    self._apply(
                        incident, link, update.ticket, update.level, update.status, update.note
                    )
                self._save_link(link)
                changed = True
            if changed:
                self._changed()
        return changed

    # ------------------------------------------------------------------ what stays

    def remove_settled_text(self, session_ended: Callable[[str], bool]) -> int:
        """Remove the description of every settled report whose session is over.

        Settled: the agency has it (or refused it; it is never retried). Removed from the
        Incident and from the outbox item's body and answer; the WAL is checkpointed once
        the change is committed. Category, ticket, level and status remain.

        Args:
            session_ended: Tells whether a booking's session is over.

        Returns:
            How many reports lost their text.
        """
        removed = 0
        with self.vault.transaction():
            for incident_id in sorted(self._index.current().text_pending):
                link = self._load_link(incident_id)
                if link is None or link.text_removed:
                    continue
                state = self.outbox.state_of(link.outbox_id)
                if state is not None and state not in SETTLED:
                    continue  # still to be sent: the text is needed
                incident = self._load_incident(link.id)
                if incident is None or not session_ended(incident.booking_id):
                    continue
                if state is not None:
                    self.outbox.redact(link.outbox_id, _TEXT_FIELDS)
                self._save_incident(msgspec.structs.replace(incident, description=""))
                link.text_removed = True
                self._save_link(link)
                removed += 1
            if removed:
                checkpoint_after_commit(self.vault)
                self._changed()
        if removed:
            log.info("removed the text of %d settled report(s)", removed)
        return removed

    # ------------------------------------------------------------------ internals

    def _apply(
        self,
        incident: Incident,
        link: ReportLink,
        ticket: str,
        level: wire.TicketLevel,
        status: wire.ReportStatus,
        note: str | None,
    ) -> tuple[Incident, bool]:
        """Write the agency's word on a report; returns the Incident and whether it changed."""
        updated = msgspec.structs.replace(
            incident,
            ticket=ticket,
            level=TicketLevel(level),
            status=_STATUS[status],
        )
        dirty = False
        if updated != incident:
            self._save_incident(updated)
            dirty = True
        if note is not None and note != link.agency_note:
            link.agency_note = note
            self._save_link(link)
            dirty = True
        return updated, dirty

    def _find_remote(self, remote_id: str) -> tuple[Incident, ReportLink] | None:
        with self.vault.serialized():
            local = self._index.current().by_remote.get(remote_id)
        link = self._load_link(local) if local is not None else None
        if link is None:
            item = self.outbox.find_by_remote_id(remote_id)
            if item is None or item.kind != OUTBOX_KIND:
                return None
            link = self._load_link(item.ref)
            if link is None:
                return None
            link.remote_id = remote_id
            self._save_link(link)
        incident = self._load_incident(link.id)
        return None if incident is None else (incident, link)

    def _load_incident(self, incident_id: str) -> Incident | None:
        try:
            return self.store.load(Incident, incident_id)
        except RecordIntegrityError as exc:
            log.warning("unreadable incident: %s %r", exc.kind, exc.record_id)
            return None

    def _save_incident(self, incident: Incident) -> None:
        """Write an Incident that moved on, under the key it is sealed with now."""
        payload = msgspec.json.encode(incident)
        if not self.vault.update(INCIDENT_KIND, incident.id, payload):
            self.store.save(incident)

    def _kept_on_shred(self, _incident_id: str, payload: bytes) -> bytes | None:
        """What a session's shred keeps of a report filed during it: the report, without
        its text once the agency has it (or refused it), whole while it must be sent."""
        try:
            incident = msgspec.json.decode(payload, type=Incident)
        except (msgspec.DecodeError, msgspec.ValidationError):
            return None
        link = self._load_link(incident.id)
        state = self.outbox.state_of(link.outbox_id) if link is not None else None
        if state is not None and state not in SETTLED:
            return payload
        return msgspec.json.encode(msgspec.structs.replace(incident, description=""))

    def _save_link(self, link: ReportLink) -> None:
        payload = msgspec.json.encode(link)
        self.vault.put(LINK_KIND, link.id, payload)
        self._index.wrote(lambda links: links.put(link, payload))

    def _scan(self) -> _Links:
        links = _Links()
        for link in self._links().values():
            links.put(link, msgspec.json.encode(link))
        return links

    def _load_link(self, incident_id: str) -> ReportLink | None:
        with self.vault.serialized():
            return self._index.current().link(incident_id)

    def _links(self) -> dict[str, ReportLink]:
        listing = self.vault.read_all(LINK_KIND)
        for problem in listing.problems:
            log.warning("unreadable report link: %s", problem.name)
        return {
            rid: msgspec.json.decode(payload, type=ReportLink)
            for rid, payload in listing.rows.items()
        }


def _decode_report(text: str | None) -> wire.Report | None:
    if text is None:
        return None
    try:
        return wire.decode(text, wire.Report)
    except msgspec.DecodeError:
        return None  # not a report answer: the ticket comes with the next feed update


def _decode_update(payload: bytes | None) -> wire.ReportUpdateData | None:
    if payload is None:
        return None
    try:
        return wire.decode(payload, wire.ReportUpdateData)
    except msgspec.DecodeError:
        return None


def _view(incident: Incident, link: ReportLink, item: OutboxEntry | None) -> ReportView:
    delivery = delivery_of(item)
    failure = item.last_error if item is not None and delivery is Delivery.FAILED else None
    return ReportView(
        id=incident.id,
        session_id=incident.session_id,
        booking_id=incident.booking_id,
        category=incident.category,
        description=incident.description,
        created_at=incident.created_at,
        ticket=incident.ticket,
        level=incident.level,
        status=incident.status,
        delivery=delivery,
        failure=failure,
        agency_note=link.agency_note,
        text_removed=link.text_removed,
    )
