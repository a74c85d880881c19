"""The console's pages: what each one reads, and what each form does.

Every state-changing request is a POST whose CSRF token :meth:`Console.form` checks, and
every staff action writes its audit-log entry in the same transaction as the change.
"""

from __future__ import annotations

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
    safe_next,
)
from talentdesk_agency.console.times import ZONE_SETTING, ZONES, format_when, zone_named
from talentdesk_agency.console.views import PLAYBOOK, SUPERVISOR_TODO, queue, report_timer
from talentdesk_agency.problems import AgencyError, ApiError
from talentdesk_agency.store import AgencyStore, Alerting, Supervisor, settings
from talentdesk_agency.store.records import StaffRole, now_utc
from talentdesk_agency.store.settings import check_config
from talentdesk_agency.store.staff import audit
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
    "emergency": ("emergency_contacts", wire.EmergencyContact, ("id", "name", "number", "note")),
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
_NUMBERS: Final = frozenset({"duration_minutes", "price_idr", "slower_than_seconds", "times"})


def _go(url: str) -> Response:
    return RedirectResponse(url, status_code=303)


def _note(form: Form, name: str = "note") -> str | None:
    text = form.get(name)
    if len(text) > 2000:
        raise ConsoleError(400, "error.bad_form", detail="note: at most 2000 characters")
    return text or None


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
            ConsoleError: 409 with the store's words if the action is refused.
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
            raise ConsoleError(409, "error.refused", detail=str(exc)) from None

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
        return _go(self._back(form))

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
        values = await self.c.db(self._item_values, item_id, debrief)
        values["emergency"] = wire.in_language(values["emergency"], page.language)
        template = "_live_item.html" if request.query_params.get("part") == "live" else "item.html"
        notice = None
        if request.query_params.get("taken") == "1":
            notice = ("ok", page.t("escalation.taken_notice"))
        elif request.query_params.get("already") == "1":
            notice = ("warn", page.t("escalation.not_waiting"))
        return self.c.render(page, template, notice=notice, **values)

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
        try:
            reason = form.choice("reason", ResolutionReason)
        except FormError:
            raise ConsoleError(400, "escalation.note_required") from None
        note = _note(form)
        if note is None or not note.strip():
            raise ConsoleError(400, "escalation.note_required")
        who = Supervisor(member.name, member.id)
        if request.url.path.startswith("/console/debriefs/"):
            log = self.store.escalation_log
            await self.act(
                page,
                "debrief.resolve",
                item_id,
                lambda: log.supervise_debrief(item_id, who, note, resolve=True, reason=reason),
            )
            return _go(f"/console/debriefs/{item_id}")
        await self.act(
            page,
            f"escalation.resolve:{reason}",
            item_id,
            lambda: self.store.resolve_escalation(item_id, who, note, reason),
        )
        return _go(f"/console/escalations/{item_id}")

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
            level = form.choice("level", TicketLevel) if form.get("level") else None
            owner = (member.id, member.name) if form.has("take") else None
            note = _note(form)
            await self.act(
                page,
                "report.update",
                report_id,
                lambda: self.store.report_log.update_ticket(
                    report_id, status=status, level=level, note=note, owner=owner
                ),
            )
            return _go(f"/console/reports/{report_id}")

        def values() -> dict[str, Any]:
            row = self.store.report_log.row(report_id)
            if row is None:
                raise ConsoleError(404, "error.not_found")
            rules = self.store.settings.alerting()
            return {
                "row": row,
                "timer": report_timer(row, rules),
                "now": now_utc(),
                "timeline": self.store.timeline.of(row.id),
                "statuses": tuple(ReportStatus),
                "levels": tuple(TicketLevel),
            }

        return self.c.render(page, "report.html", **await self.c.db(values))

    # --- roster ----------------------------------------------------------------------------

    def _roster_values(self) -> dict[str, Any]:
        store = self.store
        now = now_utc()
        local = now.astimezone()
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
        values = await self.c.db(self._roster_values)
        return self.c.render(page, "roster.html", message=None, **values)

    async def pair(self, request: Request) -> Response:
        page = await self.c.page(request, admin=True)
        form = await self.c.form(request, page)
        name = form.get("talent")
        code = await self.act(
            page, "talent.pairing_code", name, self.store.create_pairing_code, name
        )
        values = await self.c.db(self._roster_values)
        message = page.t("roster.code", talent=name, code=code)
        return self.c.render(page, "roster.html", message=message, **values)

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
        values = await self.c.db(self._roster_values)
        message = page.t("roster.revoked_done", device=device)
        return self.c.render(page, "roster.html", message=message, **values)

    # --- bookings (admins) -------------------------------------------------------------------

    async def bookings(self, request: Request) -> Response:
        page = await self.c.page(request, admin=True)
        message = None
        if request.method == "POST":
            form = await self.c.form(request, page)
            talent = form.get("talent")
            try:
                offset = form.get("offset", page.zone.offset)
                start = datetime.fromisoformat(form.get("start") + offset)
            except ValueError:
                raise ConsoleError(400, "error.bad_form", detail="start") from None
            booking_id = await self.act(
                page,
                "booking.create",
                talent,
                lambda: self.store.create_booking(
                    talent,
                    start=start,
                    package_id=form.get("package"),
                    alias=form.get("alias"),
                    handle=form.get("handle"),
                    returning=form.has("returning"),
                ),
            )
            message = page.t("bookings.created", id=booking_id, talent=talent)
        rebook = request.query_params.get("rebook")

        def values() -> dict[str, Any]:
            rows = self.store.bookings.rows()
            prefill = next((b for b in rows if b.id == rebook), None)
            return {
                "rows": rows,
                "talents": self.store.talents(),
                "packages": self.store.config().packages,
                "zones": ZONES,
                "prefill": prefill,
            }

        cancelled = request.query_params.get("cancelled") == "1"
        return self.c.render(
            page, "bookings.html", message=message, cancelled=cancelled, **await self.c.db(values)
        )

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
        reason = form.get("reason") or "cancelled by the agency"
        await self.act(
            page, "booking.cancel", booking_id, self.store.cancel_booking, booking_id, reason[:500]
        )
        return _go("/console/bookings?cancelled=1")

    # --- configuration (admins) ----------------------------------------------------------------

    def _config_values(self) -> dict[str, Any]:
        config = self.store.config()
        presets = msgspec.json.format(wire.encode(config.boundary_presets), indent=2).decode()
        return {
            "config": config,
            "agency_name": self.store.agency_name,
            "policy": config.escalation_policy or wire.EscalationPolicy(),
            "rules": self.store.settings.alerting(),
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
        try:
            change = self._config_change(section, form)
        except (FormError, msgspec.ValidationError, msgspec.DecodeError, AgencyError) as exc:
            values = await self.c.db(self._config_values)
            message = page.t("error.bad_form", detail=str(exc))
            return self.c.render(page, "config.html", 400, message=message, saved=False, **values)
        await self.act(page, f"config.{section}", None, change)
        return _go(f"/console/config?saved=1#{section}")

    def _config_change(self, section: str, form: Form) -> Callable[[], None]:
        """What saving ``section`` does, checked before anything is written.

        Raises:
            FormError, msgspec.ValidationError, AgencyError: With what is wrong.
        """
        store = self.store
        config = store.config()
        if section == "general":
            phone = form.optional("supervisor_phone")
            name = form.get("agency_name")
            zone = zone_named(form.get("time_zone") or None)
            new = msgspec.structs.replace(
                config,
                supervisor_phone=phone,
                contact_window_minutes=form.integer("contact_window_minutes", 0, 240),
            )
            new = wire.decode(wire.encode(new), wire.AgencyConfig)

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
            rules = msgspec.convert(
                {
                    "priorities": {
                        k: form.choice(f"priority-{k}", EscalationPriority) for k in EscalationKind
                    },
                    "contacts": contacts,
                    "webhook_url": form.optional("webhook_url"),
                    "first_response_minutes": form.integer("first_response_minutes", 1, 1440),
                    "update_every_minutes": form.integer("update_every_minutes", 1, 1440),
                },
                Alerting,
            )
            new = msgspec.structs.replace(config, escalation_policy=policy)
            new = wire.decode(wire.encode(new), wire.AgencyConfig)

            def save_policy() -> None:
                store.settings.set_alerting(rules)
                store.set_config(new)

            return save_policy
        if section == "presets":
            raw = form.raw("presets").encode()
            check_body(raw)
            presets = wire.decode(raw, tuple[wire.BoundaryPreset, ...])
            new = msgspec.structs.replace(config, boundary_presets=presets)
        elif section in CONFIG_TABLES:
            attr, struct, fields = CONFIG_TABLES[section]
            rows = []
            count = form.integer(f"{section}-count", 0, 300)
            for n in range(count):
                row: dict[str, Any] = {}
                for name in fields:
                    value = form.get(f"{section}-{n}-{name}")
                    if name in _NUMBERS and value.lstrip("-").isdigit() and len(value) < 10:
                        row[name] = int(value)
                    elif value or name not in ("note",):
                        row[name] = value
                if form.has(f"{section}-{n}-delete") or not any(
                    str(v) for k, v in row.items() if k not in _CHOICES
                ):
                    continue
                rows.append(row)
            items = msgspec.convert(rows, tuple[struct, ...])  # type: ignore[valid-type]
            new = msgspec.structs.replace(config, **{attr: items})
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
                role = form.choice("role", StaffRole)
                password = form.raw("password")
                await self.act(page, None, name, lambda: staff.add(name, role, password, by=member))
                message = page.t("staff.added", name=name)
        members = await self.c.db(self.store.staff.members)
        return self.c.render(
            page, "staff.html", message=message, members=members, roles=tuple(StaffRole)
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
        entries = await self.c.db(self.store.staff.audit_log)
        return self.c.render(page, "audit.html", entries=entries)
