"""The console's pages: what each one reads, and what each form does.

Every state-changing request is a POST whose CSRF token :meth:`Console.form` checks, and
every staff action writes its audit-log entry in the same transaction as the change.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import urlencode

import msgspec
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from talentdesk_agency.bodies import check_body
from talentdesk_agency.console.forms import Form, FormError
from talentdesk_agency.console.i18n import translator
from talentdesk_agency.console.site import (
    LANG_COOKIE,
    SESSION_COOKIE,
    SIGNED_OUT_REASONS,
    ConsoleError,
    Page,
    explain,
    safe_next,
)
from talentdesk_agency.console.times import (
    DEFAULT_ZONE,
    ZONE_SETTING,
    ZONES,
    AgencyZone,
    format_when,
    stored_zone,
    zone_named,
)
from talentdesk_agency.console.views import (
    PLAYBOOK,
    SUPERVISOR_TODO,
    TICKET_MOVES,
    AuditTarget,
    audit_target,
    queue,
    report_timer,
)
from talentdesk_agency.problems import AgencyError, ApiError
from talentdesk_agency.store import AgencyStore, Alerting, Supervisor, settings
from talentdesk_agency.store.records import StaffRole, now_utc
from talentdesk_agency.store.settings import check_config
from talentdesk_agency.store.staff import COMMAND_LINE, AuditEntry, audit
from talentdesk_agency.store.subjects import subjects
from talentdesk_contract import wire
from talentdesk_contract.values import (
    Channel,
    EscalationKind,
    EscalationPriority,
    EscalationStatus,
    Language,
    ReplyStyle,
    ReportStatus,
    ResolutionReason,
    TicketLevel,
)

if TYPE_CHECKING:
    from talentdesk_agency.console.site import Console

__all__ = ["CONFIG_TABLES", "Pages"]

#: The configuration's lists edited as tables: section -> (config field, struct, columns).
CONFIG_TABLES: Final[dict[str, tuple[str, type[msgspec.Struct], tuple[str, ...]]]] = {
    "packages": (
        "packages",
        wire.Package,
        ("id", "name", "channel", "duration_minutes", "price_idr"),
    ),
    "pace": ("pace_thresholds", wire.PaceThreshold, ("slower_than_seconds", "times")),
    "emergency": (
        "emergency_contacts",
        wire.EmergencyContact,
        ("id", "name", "number", "note", "language"),
    ),
    "replies": (
        "decline_replies",
        wire.DeclineReply,
        ("id", "style", "language", "shortcode", "text"),
    ),
}
_CHOICES: Final[dict[str, tuple[str, ...]]] = {
    "channel": tuple(Channel),
    "style": tuple(ReplyStyle),
    "language": tuple(Language),
}
#: Choices a table's row may leave open ("any"): saved as None.
_OPTIONAL_CHOICES: Final = frozenset({("emergency", "language")})
_NUMBERS: Final = frozenset({"duration_minutes", "price_idr", "slower_than_seconds", "times"})
#: Form fields checked by a pattern, and what their message says they take.
_FORMATS: Final = {
    "id": "form.id_format",
    "number": "form.phone_format",
    "phone": "form.phone_format",
    "supervisor_phone": "form.phone_format",
    "webhook_url": "form.url_format",
}
_INVALID_AT: Final = re.compile(r" - at `\$(.*)`$")


def _invalid(
    exc: msgspec.ValidationError, struct: Any, field: str | None = None, prefix: str = ""
) -> FormError:
    """A library's validation error as a form error naming the field and what it takes.

    ``struct``: what the value was checked as (its field's limits say what it takes);
    ``field``: the form field, if not ``prefix`` and the path's last name.
    """
    found = _INVALID_AT.search(str(exc))
    path = found.group(1) if found else ""
    name = re.split(r"[.\[\]]", path.rstrip("]"))[-1] if path else ""
    kind: Any = None
    if isinstance(struct, type) and issubclass(struct, msgspec.Struct):
        info = msgspec.inspect.type_info(struct)
        assert isinstance(info, msgspec.inspect.StructType)
        kind = next((f.type for f in info.fields if f.name == name), None)
    if isinstance(kind, msgspec.inspect.UnionType):
        kind = next(k for k in kind.types if not isinstance(k, msgspec.inspect.NoneType))
    target = field or (prefix + name if name else None)
    message = str(exc)
    if isinstance(kind, msgspec.inspect.IntType):
        low, high = kind.ge or 0, kind.le or 999_999_999
        return FormError(message, "number", target, low=low, high=high)
    if name in _FORMATS:
        return FormError(message, _FORMATS[name].removeprefix("form."), target)
    if isinstance(kind, msgspec.inspect.StrType) and kind.max_length is not None:
        low = kind.min_length or 0
        return FormError(message, "length", target, low=low, high=kind.max_length)
    if isinstance(kind, msgspec.inspect.EnumType):
        return FormError(message, "choice", target)
    return FormError(message, "invalid", target)


def _go(url: str) -> Response:
    return RedirectResponse(url, status_code=303)


def _note(form: Form, name: str = "note") -> str | None:
    return form.text(name, 2000) or None


#: Store errors that say the thing changed meanwhile (409); the rest are about what was
#: asked: an id in the address that names nothing (404) or a value in the form (400).
_CONFLICTS: Final = frozenset(
    {
        "already_resolved",
        "already_taken",
        "escalation_cancelled",
        "already_revoked",
        "already_cancelled",
        "staff_name_taken",
    }
)
_NOT_FOUND: Final = frozenset({"no_escalation", "no_booking", "no_report"})


#: The form field a store error is about (its message is shown by that field).
_STORE_FIELDS: Final = {
    "alias_length": "alias",
    "handle_length": "handle",
    "no_talent": "talent",
    "talent_name_length": "talent",
    "no_package": "package",
    "start_needs_zone": "start",
    "staff_name_length": "name",
    "staff_name_taken": "name",
    "password_short": "password",
    "password_long": "password",
    "password_blank": "password",
    "agency_name_length": "agency_name",
}
#: A booking may start this long ago (typed a minute late), not earlier.
_PAST_GRACE: Final = timedelta(minutes=5)


def _field_of(error: Exception) -> str:
    """The form field an error is about ("" for the form as a whole)."""
    if isinstance(error, FormError):
        return error.field or ""
    if isinstance(error, AgencyError):
        return _STORE_FIELDS.get(error.code or "", "")
    return ""


def _zone_of(moment: datetime, default: AgencyZone) -> AgencyZone:
    """The console's zone with ``moment``'s offset (``default`` if none has it)."""
    offset = moment.utcoffset()
    return next((z for z in ZONES if offset == timedelta(hours=z.hours)), default)


class Refused(ConsoleError):
    """The store refused a staff action: ``error`` says why (a page that keeps its form
    shows it by the field)."""

    def __init__(self, error: AgencyError, detail: str) -> None:
        code = error.code
        status = 409 if code is None or code in _CONFLICTS else 404 if code in _NOT_FOUND else 400
        super().__init__(status, "error.refused", detail=detail)
        self.error = error


def _submitted(section: str, form: Form, values: dict[str, Any]) -> dict[str, Any]:
    """The configuration page's values for ``section`` as submitted (to show them again)."""
    if section == "general":
        return {
            "general": {
                name: form.get(name)
                for name in (
                    "agency_name",
                    "supervisor_phone",
                    "time_zone",
                    "contact_window_minutes",
                )
            }
        }
    if section == "policy":
        names = (
            "realert_after_seconds",
            "remind_owner_after_seconds",
            "rounds",
            "webhook_url",
            "first_response_minutes",
            "update_every_minutes",
        )
        typed: dict[str, Any] = {name: form.get(name) for name in names}
        typed["contacts"] = form.raw("contacts")
        typed["priorities"] = {k: form.get(f"priority-{k}") for k in EscalationKind}
        return {"policy_form": typed}
    if section == "presets":
        return {"presets": form.raw("presets")}
    fields = CONFIG_TABLES[section][2]
    count = form.get(f"{section}-count")
    rows = []
    for n in range(min(int(count), 300) if count.isdigit() and len(count) < 4 else 0):
        row: dict[str, Any] = {f: form.raw(f"{section}-{n}-{f}") for f in fields}
        row["delete"] = form.has(f"{section}-{n}-delete")
        if row["delete"] or any(v for k, v in row.items() if k not in _CHOICES):
            rows.append(row)
    return {"tables": {**values["tables"], section: (fields, rows)}}


class Pages:
    """Every console page."""

    def __init__(self, console: Console) -> None:
        self.c = console

    def routes(self) -> list[Route]:
        return [
            Route("/", self.home, methods=["GET"]),
            Route("/login", self.login, methods=["GET", "POST"]),
            Route("/logout", self.logout, methods=["POST"]),
            Route("/duty", self.duty, methods=["POST"]),
            Route("/language", self.language, methods=["POST"]),
            Route("/queue", self.queue, methods=["GET"]),
            Route("/escalations/{item_id}", self.escalation, methods=["GET"]),
            Route("/escalations/{item_id}/ack", self.take, methods=["POST"]),
            Route("/escalations/{item_id}/resolve", self.resolve, methods=["POST"]),
            Route("/debriefs/{item_id}", self.escalation, methods=["GET"]),
            Route("/debriefs/{item_id}/ack", self.take, methods=["POST"]),
            Route("/debriefs/{item_id}/resolve", self.resolve, methods=["POST"]),
            Route("/reports", self.reports, methods=["GET"]),
            Route("/reports/{report_id}", self.report, methods=["GET", "POST"]),
            Route("/roster", self.roster, methods=["GET"]),
            Route("/roster/pair", self.pair, methods=["POST"]),
            Route("/roster/revoke", self.revoke, methods=["GET", "POST"]),
            Route("/bookings", self.bookings, methods=["GET", "POST"]),
            Route("/bookings/{booking_id}/cancel", self.cancel_booking, methods=["GET", "POST"]),
            Route("/config", self.config, methods=["GET"]),
            Route("/config/{section}", self.save_config, methods=["POST"]),
            Route("/staff", self.staff, methods=["GET", "POST"]),
            Route("/staff/unlock", self.unlock_staff, methods=["POST"]),
            Route("/audit", self.audit, methods=["GET"]),
        ]

    @property
    def store(self) -> AgencyStore:
        store: AgencyStore = self.c.store
        return store

    async def act(
        self,
        page: Page,
        action: str | None,
        target: str | None,
        fn: Callable[..., Any],
        *args: Any,
    ) -> Any:
        """Run a staff action and its audit-log entry in one transaction (``action``
        None: the store's call writes its own entry).

        Raises:
            Refused: If the store refused it, with its words in the page's language.
        """
        assert page.session is not None
        member = page.session.member
        store = self.store

        def run() -> Any:
            with store.db.write() as tx:
                result = fn(*args)
                if action is not None:
                    audit(tx, member, action, target)
                return result

        try:
            return await self.c.db(run)
        except AgencyError as exc:
            if isinstance(exc, ApiError):
                raise
            raise Refused(exc, explain(page.t, exc)) from None

    # --- signing in ---------------------------------------------------------------------

    async def home(self, request: Request) -> Response:
        await self.c.page(request)
        return _go("/console/queue")

    async def login(self, request: Request) -> Response:
        page = await self.c.page(request, signed_in=False)
        lang = request.query_params.get("lang")
        if request.method == "GET":
            back = safe_next(request.query_params.get("next"))
            if page.session is not None:
                return _go(back or "/console/queue")
            if lang in tuple(Language):
                page.language = Language(str(lang))
                page.t = translator(page.language)
            reason = request.query_params.get("reason")
            notice = page.t(f"login.{reason}") if reason in SIGNED_OUT_REASONS else None
            token = secrets.token_urlsafe(24)
            response = self.c.render(
                page,
                "login.html",
                message=None,
                notice=notice,
                csrf=token,
                name="",
                back=back or "",
            )
            self.c.login_token_cookie(request, response, token)
            if lang in tuple(Language):
                self.c.set_cookie(response, request, LANG_COOKIE, str(lang), 365 * 86400)
            return response
        form = await self.c.login_form(request)
        name, password = form.get("name")[:80], form.raw("password")[:1024]
        back = safe_next(form.get("next")) or ""
        address = request.client.host if request.client else ""
        wait = await self.c.db(self.store.staff.throttled_for, name, address)
        if wait:
            message = page.t("login.throttled", minutes=-(-wait // 60))
            return self._login_again(request, page, message, name, back, 429, wait)
        signed = await self.c.db(self.store.staff.sign_in, name, password, address)
        if signed is None:
            return self._login_again(request, page, page.t("login.failed"), name, back, 401)
        token, session = signed
        chosen = request.cookies.get(LANG_COOKIE)
        if chosen in tuple(Language) and chosen != session.member.language:
            # The language picked on the sign-in page becomes the account's.
            await self.c.db(self.store.staff.set_language, session.member, Language(chosen))
        signed_in = _go(back or "/console/queue")
        lifetime = int(session.expires_at - now_utc().timestamp())
        self.c.set_cookie(signed_in, request, SESSION_COOKIE, token, lifetime)
        if chosen not in tuple(Language):
            # The account's language, for the pages drawn without the database.
            language = str(session.member.language)
            self.c.set_cookie(signed_in, request, LANG_COOKIE, language, 365 * 86400)
        return signed_in

    def _login_again(
        self,
        request: Request,
        page: Page,
        message: str,
        name: str,
        back: str,
        status: int,
        wait: int = 0,
    ) -> Response:
        token = secrets.token_urlsafe(24)
        response = self.c.render(
            page,
            "login.html",
            status,
            message=message,
            notice=None,
            csrf=token,
            name=name,
            back=back,
        )
        self.c.login_token_cookie(request, response, token)
        if wait:
            response.headers["retry-after"] = str(wait)
        return response

    async def logout(self, request: Request) -> Response:
        page = await self.c.page(request)
        await self.c.form(request, page)
        assert page.session is not None
        await self.c.db(
            self.store.staff.sign_out, request.cookies.get(SESSION_COOKIE, ""), page.session.member
        )
        response = _go("/console/login")
        response.delete_cookie(SESSION_COOKIE, path="/console")
        return response

    async def duty(self, request: Request) -> Response:
        page = await self.c.page(request)
        form = await self.c.form(request, page)
        assert page.session is not None
        await self.c.db(self.store.staff.set_on_duty, page.session.member, form.has("on"))
        return _go(self._back(form))

    async def language(self, request: Request) -> Response:
        page = await self.c.page(request)
        form = await self.c.form(request, page)
        assert page.session is not None
        choice = form.choice("language", Language)
        await self.c.db(self.store.staff.set_language, page.session.member, choice)
        response = _go(self._back(form))
        # Also for the pages drawn without the database (it is away): in this language.
        self.c.set_cookie(response, request, LANG_COOKIE, str(choice), 365 * 86400)
        return response

    @staticmethod
    def _back(form: Form) -> str:
        back = form.get("back")
        # Only back to a console page (never an open redirect).
        return back if back.startswith("/console/") and "//" not in back else "/console/queue"

    # --- the queue ------------------------------------------------------------------------

    def _queue_values(self, page: Page) -> dict[str, Any]:
        open_items, closed = queue(self.store)
        rules = self.store.settings.alerting()
        config = self.store.config()
        return {
            "items": open_items,
            "closed": closed,
            "now": now_utc(),
            "playbook": PLAYBOOK,
            "todo": SUPERVISOR_TODO,
            "emergency": wire.in_language(config.emergency_contacts, page.language),
            "contacts": rules.contacts,
            "supervisor_phone": config.supervisor_phone,
            "next_level": any(i.alerted_rounds and i.unacknowledged for i in open_items),
        }

    async def queue(self, request: Request) -> Response:
        page = await self.c.page(request)
        values = await self.c.db(self._queue_values, page)
        return self.c.render(page, "queue.html", **values)

    async def queue_payload(self, page: Page) -> dict[str, Any]:
        """What the live stream sends: the queue's rows and counts."""
        values = await self.c.db(self._queue_values, page)
        rows = self.c.templates.get_template("_queue_rows.html").render(
            page=page, t=page.t, lang=page.language, **values
        )
        unacked = [i for i in values["items"] if i.unacknowledged]
        t = page.t
        return {
            "rows": rows,
            "open": len(values["items"]),
            "unacknowledged": [i.id for i in unacked],
            # What a screen reader announces and a desktop notification says of each.
            "alarms": [
                {
                    "id": i.id,
                    "text": t(
                        "announce.alarm",
                        talent=i.talent,
                        kind=t("kind." + i.kind),
                        priority=t("priority." + i.priority),
                    ),
                }
                for i in unacked
            ],
            "server_now": int(values["now"].timestamp() * 1000),
            "title": t("nav.queue") + " — " + t("app.title"),
            "notify": t(
                "queue.unacked_one" if len(unacked) == 1 else "queue.unacked", count=len(unacked)
            ),
        }

    # --- one escalation or debrief --------------------------------------------------------

    async def escalation(self, request: Request) -> Response:
        page = await self.c.page(request)
        item_id = str(request.path_params["item_id"])
        debrief = request.url.path.startswith("/console/debriefs/")
        notice: tuple[str, ...] | None = None
        asked = request.query_params
        if asked.get("taken") == "1":
            notice = ("ok", page.t("escalation.taken_notice"))
        elif asked.get("already") == "1":
            notice = ("warn", page.t("escalation.not_waiting"))
        elif debrief and asked.get("resolved") == "1":
            notice = ("ok", page.t("escalation.debrief_closed_notice"), "queue")
        elif asked.get("resolved") in tuple(ResolutionReason):
            reason = page.t("reason." + str(asked.get("resolved")))
            notice = ("ok", page.t("escalation.resolved_notice", reason=reason), "queue")
        return await self._item_page(page, item_id, debrief, notice, part=asked.get("part"))

    async def _item_page(
        self,
        page: Page,
        item_id: str,
        debrief: bool,
        notice: tuple[str, ...] | None,
        status: int = 200,
        *,
        part: str | None = None,
    ) -> Response:
        values = await self.c.db(self._item_values, item_id, debrief)
        values["emergency"] = wire.in_language(values["emergency"], page.language)
        # The live parts: the facts above the forms, the history below them.
        parts = {"live": "_live_item.html", "history": "_item_history.html"}
        template = parts.get(part or "", "item.html")
        return self.c.render(page, template, status, notice=notice, **values)

    def _item_values(self, item_id: str, debrief: bool) -> dict[str, Any]:
        store = self.store
        if debrief:
            row: Any = next((d for d in store.escalation_log.debriefs() if d.id == item_id), None)
        else:
            row = store.escalation_log.row(item_id)
        if row is None:
            raise ConsoleError(404, "error.not_found")
        booking = store.bookings.row(row.booking_id) if row.booking_id else None
        notices = [] if debrief else self._notices(item_id)
        return {
            "now": now_utc(),
            "received": datetime.fromisoformat(row.created_at),
            "todo": SUPERVISOR_TODO,
            "emergency": store.config().emergency_contacts,
            "item": row,
            "debrief": debrief,
            "booking": booking,
            "follow_ups": [] if debrief else store.escalation_log.follow_ups(item_id),
            "timeline": store.timeline.of(item_id),
            "notices": notices,
            "playbook": PLAYBOOK,
            "reasons": tuple(ResolutionReason),
            "is_open": row.status in (EscalationStatus.OPEN, EscalationStatus.ACKNOWLEDGED),
            "kind": "debrief" if debrief else row.kind,
            "base": "/console/debriefs/" if debrief else "/console/escalations/",
        }

    def _notices(self, item_id: str) -> list[tuple[Any, ...]]:
        with self.store.db.read() as tx:
            return tx.all(
                "SELECT kind, round, recipient, channel, status, created_at FROM alert_notices "
                "WHERE escalation_id = ? ORDER BY id",
                (item_id,),
            )

    async def take(self, request: Request) -> Response:
        page = await self.c.page(request)
        form = await self.c.form(request, page)
        assert page.session is not None
        member = page.session.member
        item_id = str(request.path_params["item_id"])
        who = Supervisor(member.name, member.id)
        note = _note(form)
        debrief = request.url.path.startswith("/console/debriefs/")
        base = "/console/debriefs/" if debrief else "/console/escalations/"
        log = self.store.escalation_log
        try:
            if debrief:
                await self.act(
                    page,
                    "debrief.take",
                    item_id,
                    lambda: log.supervise_debrief(item_id, who, note, resolve=False),
                )
            else:
                await self.act(
                    page,
                    "escalation.acknowledge",
                    item_id,
                    lambda: self.store.acknowledge_escalation(item_id, who, note),
                )
        except ConsoleError as exc:
            if exc.status != 409:
                raise
            # Someone else took it a moment earlier (or the talent cancelled it): its page
            # says who and what.
            return _go(f"{base}{item_id}?already=1")
        return _go(f"{base}{item_id}?taken=1")

    async def resolve(self, request: Request) -> Response:
        page = await self.c.page(request)
        form = await self.c.form(request, page)
        assert page.session is not None
        member = page.session.member
        item_id = str(request.path_params["item_id"])
        debrief = request.url.path.startswith("/console/debriefs/")
        try:
            reason = form.choice("reason", ResolutionReason)
            note = _note(form)
        except FormError as exc:
            if exc.key != "choice":
                raise
            note = None
        if note is None or not note.strip():
            # On the item's own page (not an error page): pick a reason, write a note.
            notice = ("warn error", page.t("escalation.note_required"))
            try:
                return await self._item_page(page, item_id, debrief, notice, 400)
            except ConsoleError:  # no such item: the error page says the same
                raise ConsoleError(400, "escalation.note_required") from None
        who = Supervisor(member.name, member.id)
        if debrief:
            log = self.store.escalation_log
            await self.act(
                page,
                "debrief.resolve",
                item_id,
                lambda: log.supervise_debrief(item_id, who, note, resolve=True, reason=reason),
            )
            return _go(f"/console/debriefs/{item_id}?resolved=1")
        await self.act(
            page,
            f"escalation.resolve:{reason}",
            item_id,
            lambda: self.store.resolve_escalation(item_id, who, note, reason),
        )
        # A one-shot notice: the reason is in the address, so a reload shows it again
        # but posts nothing.
        return _go(f"/console/escalations/{item_id}?resolved={reason}")

    # --- reports ---------------------------------------------------------------------------

    async def reports(self, request: Request) -> Response:
        page = await self.c.page(request)

        def values() -> dict[str, Any]:
            rules = self.store.settings.alerting()
            rows = self.store.reports()
            return {"rows": [(r, report_timer(r, rules)) for r in rows], "now": now_utc()}

        return self.c.render(page, "reports.html", **await self.c.db(values))

    async def report(self, request: Request) -> Response:
        page = await self.c.page(request)
        report_id = str(request.path_params["report_id"])
        if request.method == "POST":
            form = await self.c.form(request, page)
            assert page.session is not None
            member = page.session.member
            status = form.choice("status", ReportStatus) if form.get("status") else None
            if status is not None and status not in TICKET_MOVES:
                raise ConsoleError(400, "error.bad_form", detail="status")
            level = form.choice("level", TicketLevel) if form.get("level") else None
            owner = (member.id, member.name) if form.has("take") else None
            note = _note(form)
            if status is None and level is None and owner is None and note is None:
                return _go(f"/console/reports/{report_id}")  # nothing asked, nothing saved

            # The store audits what it changed (nothing when the ticket already stood so;
            # no timeline read), under the report's id even at its ticket's address.
            await self.act(
                page,
                None,
                report_id,
                lambda: self.store.update_ticket(
                    report_id, status=status, level=level, note=note, owner=owner, by=member
                ),
            )
            return _go(f"/console/reports/{report_id}?saved=1")

        def values() -> dict[str, Any]:
            row = self.store.report_log.row(report_id)
            if row is None:
                raise ConsoleError(404, "error.not_found")
            rules = self.store.settings.alerting()
            return {
                "row": row,
                "booking": self.store.bookings.row(row.booking_id) if row.booking_id else None,
                "timer": report_timer(row, rules),
                "now": now_utc(),
                "timeline": self.store.timeline.of(row.id),
                "statuses": TICKET_MOVES,
                "levels": tuple(TicketLevel),
                "saved": request.query_params.get("saved") == "1",
            }

        return self.c.render(page, "report.html", **await self.c.db(values))

    # --- roster ----------------------------------------------------------------------------

    def _roster_values(self, zone: AgencyZone) -> dict[str, Any]:
        """The roster; "tonight" is from noon to noon in the agency's zone (not the
        server's: a UTC server would miss a 21:00 WIB booking)."""
        store = self.store
        now = now_utc()
        local = now.astimezone(zone.tz)
        noon = local.replace(hour=12, minute=0, second=0, microsecond=0)
        night_start = noon if local >= noon else noon - timedelta(days=1)
        bookings = store.bookings.rows(since=night_start - timedelta(hours=12))
        tonight = [
            b
            for b in bookings
            if night_start <= datetime.fromisoformat(b.start) < night_start + timedelta(days=1)
        ]
        devices = store.devices.devices()
        with store.db.read() as tx:
            availability = {
                r[0]: (bool(r[1]), r[2])
                for r in tx.all("SELECT id, available, available_until FROM talents")
            }
        talents = []
        for talent in store.talents():
            talents.append(
                {
                    "talent": talent,
                    "available": availability.get(talent.id, (False, None)),
                    "devices": [d for d in devices if d.talent_id == talent.id],
                    "live": [b for b in bookings if b.talent == talent.display_name and b.live],
                    "tonight": [b for b in tonight if b.talent == talent.display_name],
                }
            )
        return {"talents": talents, "tonight": tonight}

    async def roster(self, request: Request) -> Response:
        page = await self.c.page(request)
        values = await self.c.db(self._roster_values, page.zone)
        message = None
        revoked = request.query_params.get("revoked")
        for row in values["talents"] if revoked else ():
            for device in row["devices"]:
                if device.id == revoked:
                    message = page.t(
                        "roster.revoked_done",
                        device=device.name,
                        talent=row["talent"].display_name,
                    )
        return self.c.render(page, "roster.html", message=message, **values)

    async def pair(self, request: Request) -> Response:
        page = await self.c.page(request, admin=True)
        form = await self.c.form(request, page)
        name = form.get("talent")
        try:
            code = await self.act(
                page, "talent.pairing_code", name, self.store.create_pairing_code, name
            )
        except Refused as exc:
            values = await self.c.db(self._roster_values, page.zone)
            return self.c.render(
                page,
                "roster.html",
                400,
                message=None,
                pair_error=explain(page.t, exc.error),
                typed_talent=name,
                **values,
            )
        # Drawn on the POST's answer, not redirected to: the code must not go into a URL
        # (history, proxy logs); it is shown once.
        values = await self.c.db(self._roster_values, page.zone)
        return self.c.render(page, "roster.html", message=None, pairing=(name, code), **values)

    def _confirm(self, page: Page, **values: Any) -> Response:
        """A page that asks before a destructive action: what it does, a button to do it
        (a POST with the CSRF token) and a way back."""
        values.setdefault("fields", [])
        values.setdefault("reason_label", None)
        values.setdefault("keep", page.t("confirm.keep"))
        return self.c.render(page, "confirm.html", **values)

    async def revoke(self, request: Request) -> Response:
        page = await self.c.page(request, admin=True)
        if request.method == "GET":
            device_id = request.query_params.get("device", "")
            devices = await self.c.db(self.store.devices.devices)
            device = next((d for d in devices if d.id == device_id), None)
            if device is None or device.revoked_at is not None:
                raise ConsoleError(404, "error.not_found")
            talents = await self.c.db(self.store.talents)
            talent = next((x.display_name for x in talents if x.id == device.talent_id), "?")
            return self._confirm(
                page,
                title=page.t("roster.revoke_title", device=device.name),
                text=page.t("roster.revoke_text", talent=talent),
                action="/console/roster/revoke",
                fields=[("device", device.id)],
                confirm=page.t("roster.revoke_confirm"),
                back="/console/roster",
            )
        form = await self.c.form(request, page)
        device = form.get("device")
        await self.act(page, "device.revoke", device, self.store.devices.revoke, device)
        return _go(f"/console/roster?revoked={device}")

    # --- bookings (admins) -------------------------------------------------------------------

    async def bookings(self, request: Request) -> Response:
        page = await self.c.page(request, admin=True)
        typed: dict[str, Any] | None = None
        errors: dict[str, str] = {}
        if request.method == "POST":
            form = await self.c.form(request, page)
            typed = {
                name: form.get(name)
                for name in ("talent", "start", "offset", "package", "alias", "handle")
            }
            typed["returning"] = form.has("returning")
            try:
                booking_id = await self._book(page, form)
            except (FormError, Refused) as exc:
                error = exc.error if isinstance(exc, Refused) else exc
                errors[_field_of(error)] = explain(page.t, error)
            else:
                return _go(f"/console/bookings?created={booking_id}")
        rebook = request.query_params.get("rebook")
        created = request.query_params.get("created")

        def values() -> dict[str, Any]:
            rows = self.store.bookings.rows()
            prefill = next((b for b in rows if b.id == rebook), None)
            return {
                "rows": rows,
                "talents": self.store.talents(),
                "packages": self.store.config().packages,
                "zones": ZONES,
                "created": next((b for b in rows if b.id == created), None),
                "typed": typed
                or {
                    "talent": prefill.talent if prefill else "",
                    "start": "",
                    "offset": page.zone.offset,
                    "package": prefill.package.id if prefill else "",
                    "alias": "",
                    "handle": "",
                    "returning": prefill is not None,
                },
            }

        shown = await self.c.db(values)
        message = None
        if shown["created"] is not None:
            booking = shown["created"]
            start = datetime.fromisoformat(booking.start)
            zone = _zone_of(start, page.zone)
            message = page.t(
                "bookings.created",
                talent=booking.talent,
                time=format_when(start, zone, page.language),
                zone=zone.name,
                package=booking.package.name,
            )
        cancelled = request.query_params.get("cancelled") == "1"
        return self.c.render(
            page,
            "bookings.html",
            400 if errors else 200,
            message=message,
            cancelled=cancelled,
            errors=errors,
            **shown,
        )

    async def _book(self, page: Page, form: Form) -> str:
        """Make the booking the form asks for, checked field by field first.

        Raises:
            FormError: Naming the field that is wrong.
            Refused: If the store refuses it.
        """
        talent = form.get("talent")
        offset = form.get("offset") or page.zone.offset
        if offset not in {z.offset for z in ZONES}:
            raise FormError("offset: unknown", "choice", "offset")
        try:
            start = datetime.fromisoformat(form.get("start") + offset)
        except ValueError:
            raise FormError("start: not a date and time", "date", "start") from None
        if start < now_utc() - _PAST_GRACE:
            raise FormError("start: in the past", "past", "start")
        alias, handle = form.text("alias", 64), form.text("handle", 128)
        for name, value in (("alias", alias), ("handle", handle)):
            if not value:
                raise FormError(f"{name}: required", "required", name)
        booking_id: str = await self.act(
            page,
            "booking.create",
            talent,
            lambda: self.store.create_booking(
                talent,
                start=start,
                package_id=form.get("package"),
                alias=alias,
                handle=handle,
                returning=form.has("returning"),
            ),
        )
        return booking_id

    async def cancel_booking(self, request: Request) -> Response:
        page = await self.c.page(request, admin=True)
        booking_id = str(request.path_params["booking_id"])
        if request.method == "GET":
            booking = await self.c.db(self.store.bookings.row, booking_id)
            if booking is None:
                raise ConsoleError(404, "error.not_found")
            if booking.status != "booked" or booking.ended_at:
                return _go("/console/bookings")
            time = format_when(booking.start, page.zone, page.language)
            return self._confirm(
                page,
                title=page.t("bookings.cancel_title", talent=booking.talent, time=time),
                text=page.t("bookings.cancel_text"),
                action=f"/console/bookings/{booking.id}/cancel",
                reason_label=page.t("bookings.cancel_reason"),
                confirm=page.t("bookings.cancel_confirm"),
                back="/console/bookings",
            )
        form = await self.c.form(request, page)
        # The talent reads the reason: in the language of the admin's page.
        reason = form.text("reason", 500) or page.t("bookings.cancel_default")
        await self.act(
            page, "booking.cancel", booking_id, self.store.cancel_booking, booking_id, reason
        )
        return _go("/console/bookings?cancelled=1")

    # --- configuration (admins) ----------------------------------------------------------------

    def _config_values(self) -> dict[str, Any]:
        config = self.store.config()
        presets = msgspec.json.format(wire.encode(config.boundary_presets), indent=2).decode()
        policy = config.escalation_policy or wire.EscalationPolicy()
        rules = self.store.settings.alerting()
        with self.store.db.read() as tx:
            zone = stored_zone(tx)
        contacts = "".join(
            c.name + (f" | {c.phone}" if c.phone else "") + "\n" for c in rules.contacts
        )
        return {
            "config": config,
            # What the forms show: the saved settings, or what was typed if refused.
            "general": {
                "agency_name": self.store.agency_name,
                "supervisor_phone": config.supervisor_phone or "",
                "time_zone": zone.name,
                "contact_window_minutes": config.contact_window_minutes,
            },
            "policy_form": {
                "realert_after_seconds": policy.realert_after_seconds,
                "remind_owner_after_seconds": policy.remind_owner_after_seconds,
                "rounds": policy.rounds,
                "priorities": {k: rules.priority(k) for k in EscalationKind},
                "contacts": contacts,
                "webhook_url": rules.webhook_url or "",
                "first_response_minutes": rules.first_response_minutes,
                "update_every_minutes": rules.update_every_minutes,
            },
            "failed": None,
            "failed_field": None,
            "optional_choices": _OPTIONAL_CHOICES,
            "tables": {
                name: (fields, [msgspec.structs.asdict(r) for r in getattr(config, attr)])
                for name, (attr, _, fields) in CONFIG_TABLES.items()
            },
            "choices": _CHOICES,
            "numbers": _NUMBERS,
            "presets": presets,
            "kinds": tuple(EscalationKind),
            "priorities": tuple(EscalationPriority),
            "zones": ZONES,
        }

    async def config(self, request: Request) -> Response:
        page = await self.c.page(request, admin=True)
        saved = request.query_params.get("saved") == "1"
        values = await self.c.db(self._config_values)
        return self.c.render(page, "config.html", message=None, saved=saved, **values)

    async def save_config(self, request: Request) -> Response:
        page = await self.c.page(request, admin=True)
        form = await self.c.form(request, page)
        section = str(request.path_params["section"])
        if section not in ("general", "policy", "presets", *CONFIG_TABLES):
            raise ConsoleError(404, "error.not_found")
        try:
            change = self._config_change(section, form)
            await self.act(page, f"config.{section}", None, change)
        except (FormError, AgencyError, Refused) as exc:
            # The same page again with what was typed, the message in its section.
            error = exc.error if isinstance(exc, Refused) else exc
            values = await self.c.db(self._config_values)
            values.update(
                _submitted(section, form, values), failed=section, failed_field=_field_of(error)
            )
            message = explain(page.t, error)
            return self.c.render(page, "config.html", 400, message=message, saved=False, **values)
        return _go(f"/console/config?saved=1#{section}")

    def _config_change(self, section: str, form: Form) -> Callable[[], None]:
        """What saving ``section`` does, checked before anything is written.

        Raises:
            FormError: Naming the field that is wrong.
            AgencyError: If the configuration as a whole is refused (repeated ids).
        """
        store = self.store
        config = store.config()
        if section == "general":
            phone = form.optional("supervisor_phone")
            name = form.text("agency_name", 80)
            if not name:
                raise FormError("agency_name: required", "required", "agency_name")
            zone_name = form.get("time_zone") or DEFAULT_ZONE.name
            if zone_name not in {z.name for z in ZONES}:
                raise FormError("time_zone: unknown", "choice", "time_zone")
            zone = zone_named(zone_name)
            new = msgspec.structs.replace(
                config,
                supervisor_phone=phone,
                contact_window_minutes=form.integer("contact_window_minutes", 0, 240),
            )
            try:
                new = wire.decode(wire.encode(new), wire.AgencyConfig)
            except msgspec.ValidationError as exc:
                raise _invalid(exc, wire.AgencyConfig) from None

            def general() -> None:
                store.set_agency_name(name)
                store.set_config(new)
                with store.db.write() as tx:
                    settings.put(tx, ZONE_SETTING, zone.name)

            return general
        if section == "policy":
            policy = wire.EscalationPolicy(
                realert_after_seconds=form.integer("realert_after_seconds", 10, 3600),
                remind_owner_after_seconds=form.integer("remind_owner_after_seconds", 60, 86400),
                rounds=form.integer("rounds", 1, 10),
            )
            contacts = []
            for line in form.get("contacts").splitlines():
                if not line.strip():
                    continue
                name, _, phone = line.partition("|")
                contacts.append({"name": name.strip(), "phone": phone.strip() or None})
            priorities = {
                k: form.choice(f"priority-{k}", EscalationPriority) for k in EscalationKind
            }
            first = form.integer("first_response_minutes", 1, 1440)
            every = form.integer("update_every_minutes", 1, 1440)
            webhook = form.optional("webhook_url")
            try:
                rules = msgspec.convert(
                    {
                        "priorities": priorities,
                        "contacts": contacts,
                        "webhook_url": webhook,
                        "first_response_minutes": first,
                        "update_every_minutes": every,
                    },
                    Alerting,
                )
            except msgspec.ValidationError as exc:
                field = "contacts" if "contacts" in str(exc) else None
                raise _invalid(exc, Alerting, field) from None
            new = msgspec.structs.replace(config, escalation_policy=policy)
            new = wire.decode(wire.encode(new), wire.AgencyConfig)

            def save_policy() -> None:
                store.settings.set_alerting(rules)
                store.set_config(new)

            return save_policy
        if section == "presets":
            raw = form.raw("presets").encode()
            try:
                check_body(raw)
                presets = wire.decode(raw, tuple[wire.BoundaryPreset, ...])
            except msgspec.ValidationError as exc:
                found = _INVALID_AT.search(str(exc))
                where = "$" + found.group(1) if found else "$"
                raise FormError(str(exc), "presets_at", "presets", where=where) from None
            except (msgspec.DecodeError, ApiError) as exc:
                raise FormError(str(exc), "presets_json", "presets") from None
            new = msgspec.structs.replace(config, boundary_presets=presets)
        elif section in CONFIG_TABLES:
            attr, struct, fields = CONFIG_TABLES[section]
            items = []
            count = form.integer(f"{section}-count", 0, 300)
            for n in range(count):
                row: dict[str, Any] = {}
                for name in fields:
                    value = form.get(f"{section}-{n}-{name}")
                    if name in _NUMBERS and value.lstrip("-").isdigit() and len(value) < 10:
                        row[name] = int(value)
                    elif value or (name != "note" and (section, name) not in _OPTIONAL_CHOICES):
                        row[name] = value
                if form.has(f"{section}-{n}-delete") or not any(
                    str(v) for k, v in row.items() if k not in _CHOICES
                ):
                    continue
                try:
                    items.append(msgspec.convert(row, struct))
                except msgspec.ValidationError as exc:
                    raise _invalid(exc, struct, prefix=f"{section}-{n}-") from None
            new = msgspec.structs.replace(config, **{attr: tuple(items)})
        else:
            raise ConsoleError(404, "error.not_found")
        new = wire.decode(wire.encode(new), wire.AgencyConfig)
        check_config(new)

        def save() -> None:
            store.set_config(new)

        return save

    # --- staff and the audit log (admins) -------------------------------------------------------

    async def staff(self, request: Request) -> Response:
        page = await self.c.page(request, admin=True)
        message = None
        typed = {"name": "", "role": ""}
        errors: dict[str, str] = {}
        asked = request.query_params.get("disable")
        assert page.session is not None
        if request.method == "GET" and asked == page.session.member.name:
            return _go("/console/staff")  # nobody locks themselves out from here
        if request.method == "GET" and asked:
            return self._confirm(
                page,
                title=page.t("staff.disable_title", name=asked),
                text=page.t("staff.disable_text", name=asked),
                action="/console/staff",
                fields=[("action", "disable"), ("name", asked)],
                confirm=page.t("staff.disable_confirm"),
                back="/console/staff",
            )
        if request.method == "POST":
            form = await self.c.form(request, page)
            assert page.session is not None
            member = page.session.member
            staff = self.store.staff
            if form.get("action") in ("disable", "enable"):
                name = form.get("name")
                disabled = form.get("action") == "disable"
                if disabled and name == member.name:
                    raise ConsoleError(409, "staff.not_yourself")
                # The store writes the audit-log entry (by this member).
                await self.act(
                    page, None, name, lambda: staff.set_disabled(name, disabled, by=member)
                )
            else:
                name = form.get("name")
                # Shown again on an error (never the password).
                typed = {"name": name, "role": form.get("role")}
                try:
                    role = form.choice("role", StaffRole)
                    password = form.raw("password")
                    await self.act(
                        page, None, name, lambda: staff.add(name, role, password, by=member)
                    )
                except (FormError, Refused) as exc:
                    error = exc.error if isinstance(exc, Refused) else exc
                    errors[_field_of(error)] = explain(page.t, error)
                else:
                    return _go(f"/console/staff?{urlencode({'added': name})}")
        members = await self.c.db(self.store.staff.members)
        added = request.query_params.get("added")
        if request.method == "GET" and any(m.name == added for m in members):
            message = page.t("staff.added", name=added)
        return self.c.render(
            page,
            "staff.html",
            400 if errors else 200,
            message=message,
            members=members,
            roles=tuple(StaffRole),
            typed=typed,
            errors=errors,
        )

    async def unlock_staff(self, request: Request) -> Response:
        """An admin forgets an account's failed sign-ins (the store audits it)."""
        page = await self.c.page(request, admin=True)
        form = await self.c.form(request, page)
        assert page.session is not None
        member, name = page.session.member, form.get("name")
        await self.act(page, None, name, lambda: self.store.staff.unlock(name, by=member))
        return _go("/console/staff?" + urlencode({"unlocked": name}))

    async def audit(self, request: Request) -> Response:
        page = await self.c.page(request, admin=True)
        store = self.store

        def read() -> list[tuple[AuditEntry, AuditTarget]]:
            with store.db.read() as tx:
                entries = store.staff.audit_log()
                found = subjects(tx, (e.target for e in entries))
            return [
                (e, audit_target(e.target, found, page.t, page.zone, page.language))
                for e in entries
            ]

        rows = await self.c.db(read)
        return self.c.render(page, "audit.html", rows=rows, command_line=COMMAND_LINE)
