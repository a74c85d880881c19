"""The console's machinery: sign-in sessions, CSRF, roles, security headers, rendering,
error pages, and the live stream of the queue (server-sent events).

Security, in one place:

* Sign-in: Argon2id passwords (:mod:`talentdesk_agency.store.staff`), throttled after
  failures per account and client address with growing delays (an admin can unlock),
  answered alike whether the name typed exists or not;
  the session cookie is HttpOnly, SameSite=Strict, path ``/console``, and Secure unless
  the console is reached on loopback. An ended session ends the live stream, and sends
  the browser to sign in again with the reason and a way back (same-site paths only).
* CSRF: every state-changing request is a POST whose form carries the session's token
  (the sign-in form a double-submitted one); a foreign ``Origin`` is refused too. Either
  failure is a 403.
* Roles: supervisors handle escalations and reports; admin pages answer them 403.
* Every response: a Content-Security-Policy with no inline script or style, frame
  ancestors none (and X-Frame-Options), no referrer to other sites, nosniff, no caching of pages.
* Talent-typed text is rendered by Jinja with autoescape on, never marked safe.

Nothing of a signed-in session lives in a process's memory: sessions, their CSRF tokens
and failed sign-ins are rows in the database (:mod:`talentdesk_agency.store.staff`), the
sign-in form's token is a double-submitted cookie, so any worker of ``serve --workers N``
answers any request. The live stream waits on the escalations topic of the process's
wake-up hub (:mod:`talentdesk_agency.wakeups`), woken by a change committed through any
worker.
"""

from __future__ import annotations

import hmac
import json
import re
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import urlencode, urlsplit

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from talentdesk_agency.console.forms import Form, FormError, read_form
from talentdesk_agency.console.i18n import Translate, translator
from talentdesk_agency.console.times import (
    DEFAULT_ZONE,
    AgencyZone,
    clock,
    format_when,
    stored_zone,
)
from talentdesk_agency.problems import AgencyError, ApiError
from talentdesk_agency.store.feed import ESCALATIONS_TOPIC
from talentdesk_agency.store.staff import StaffSession
from talentdesk_contract.values import Language

if TYPE_CHECKING:
    from talentdesk_agency.app import AgencyApp

__all__ = [
    "CSP",
    "ERROR_STATUSES",
    "LANG_COOKIE",
    "SESSION_COOKIE",
    "THEME_COOKIE",
    "Console",
    "ConsoleError",
    "Page",
    "explain",
    "field_label",
    "safe_next",
]

SESSION_COOKIE: Final = "td_console"
_LOGIN_CSRF_COOKIE: Final = "td_login"
LANG_COOKIE: Final = "td_lang"
#: The colour scheme picked in the header ("light" or "dark"; none: the device's). Set by
#: console.js, read here so the page is drawn in it from the first paint.
THEME_COOKIE: Final = "td_theme"
_THEMES: Final = ("light", "dark")
CSP: Final = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "media-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'"
)
_HEADERS: Final = {
    "content-security-policy": CSP,
    "x-frame-options": "DENY",
    # same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on our
    # own form posts, which the origin check must refuse.
    "referrer-policy": "same-origin",
    "x-content-type-options": "nosniff",
}
#: A live stream re-reads this often when no wake-up came (a wake-up relayed after a commit
#: is lost if its process dies just then), and otherwise sends a comment (keeps proxies open).
#: It also checks the session that often: a signed-out or disabled account's stream ends.
HEARTBEAT_SECONDS: Final = 5.0
#: Why the sign-in page is shown (``?reason=``): the session ended, and (on a POST) what
#: was asked was not done.
SIGNED_OUT_REASONS: Final = ("ended", "not_done")
#: A POST on an alarm's or a debrief's page returns, after signing in, to that page.
_ITEM_ACTION: Final = re.compile(r"^(/console/(?:escalations|debriefs)/[\w-]+)/(?:ack|resolve)$")
_SIGNED_OUT_EVENT: Final = "event: signed_out\ndata: {}\n\n"
#: Error statuses with a plain title and a line of what to do of their own
#: (``error.title.<status>``, ``error.todo.<status>``); any other is "Something is wrong".
ERROR_STATUSES: Final = (400, 403, 404, 405, 409, 413, 429, 500, 503)
#: Messages that only repeat an error page's title: not shown under it.
_SAID_BY_TITLE: Final = frozenset({"error.not_found", "error.unavailable"})


def safe_next(value: str | None) -> str | None:
    """A console page to return to after signing in, or None: only a path on this site
    under ``/console/`` (never another site, ``//host``, a backslash or a control
    character: no open redirect)."""
    if not value or len(value) > 500 or not value.startswith("/console/"):
        return None
    if "//" in value or "\\" in value or any(ord(c) < 0x20 or ord(c) == 0x7F for c in value):
        return None
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or parts.path.startswith(("/console/login", "/console/logout")):
        return None
    if parts.path.startswith(("/console/events", "/console/static/")):
        return None
    return value


def page_before(request: Request) -> str | None:
    """The console page the browser came from (its ``Referer``), to go back to from an
    error page: only one of this site's, by :func:`safe_next`, and not the failing one."""
    referer = request.headers.get("referer")
    if not referer:
        return None
    parts = urlsplit(referer)
    if parts.netloc != request.url.netloc or parts.path == request.url.path:
        return None
    return safe_next(parts.path + (f"?{parts.query}" if parts.query else ""))


#: The words of a form field named in a message (a table's cells: ``field.<column>``).
_FIELD_LABELS: Final = {
    "language": "field.language",
    "role": "col.role",
    "name": "col.name",
    "password": "staff.password",
    "status": "col.status",
    "level": "col.level",
    "reason": "escalation.reason",
    "note": "report.note",
    "talent": "bookings.talent",
    "start": "bookings.start",
    "offset": "bookings.offset",
    "package": "bookings.package",
    "alias": "bookings.alias",
    "handle": "bookings.handle",
    "agency_name": "config.agency_name",
    "supervisor_phone": "config.supervisor_phone_short",
    "time_zone": "config.time_zone",
    "contact_window_minutes": "config.contact_window",
    "realert_after_seconds": "config.realert",
    "remind_owner_after_seconds": "config.remind",
    "rounds": "config.rounds",
    "contacts": "config.contacts",
    "webhook_url": "config.webhook",
    "first_response_minutes": "config.first_response",
    "update_every_minutes": "config.update_every",
    "presets": "config.presets",
}


def field_label(t: Translate, field: str | None) -> str:
    """A form field as the page names it (``packages-2-price_idr``: row 3, its column)."""
    if field is None:
        return ""
    if field in _FIELD_LABELS:
        return t(_FIELD_LABELS[field])
    if field.startswith("priority-"):
        return t("config.priority_of", kind=t("kind." + field.removeprefix("priority-")))
    parts = field.split("-")
    if len(parts) == 3 and parts[1].isdigit():
        return t("form.cell", row=int(parts[1]) + 1, field=t("field." + parts[2]))
    return field


def explain(t: Translate, error: Exception) -> str:
    """What is wrong with a form or a refused action, in the page's language: a form
    error's key, a store error's code (its English message where it has none)."""
    if isinstance(error, FormError):
        return t("form." + error.key, field=field_label(t, error.field), **error.values)
    if isinstance(error, AgencyError) and error.code is not None:
        return t("store." + error.code, **error.values)
    return str(error)


class ConsoleError(Exception):
    """An error page: ``status`` and a message key (with values)."""

    def __init__(self, status: int, key: str, **values: object) -> None:
        super().__init__(key)
        self.status = status
        self.key = key
        self.values = values


class _Redirect(Exception):
    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url


@dataclass
class Page:
    """Who is asking and in which language: what every template gets."""

    request: Request
    session: StaffSession | None
    language: Language
    t: Translate
    zone: AgencyZone = DEFAULT_ZONE
    theme: str | None = None

    @property
    def csrf(self) -> str:
        return self.session.csrf if self.session else ""


@jinja2.pass_context
def _when(context: Any, value: str | datetime | None) -> str:
    page: Page = context["page"]
    return format_when(value, page.zone, page.language)


@jinja2.pass_context
def _when_s(context: Any, value: str | datetime | None) -> str:
    """With seconds: for timelines, where several things happen in one minute."""
    page: Page = context["page"]
    return format_when(value, page.zone, page.language, seconds=True)


def _epoch_ms(value: str | datetime) -> int:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return int(moment.timestamp() * 1000)


def _theme(request: Request) -> str | None:
    theme = request.cookies.get(THEME_COOKIE)
    return theme if theme in _THEMES else None


class _Headers:
    """Adds the security headers to every console response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() not in {name.encode() for name in _HEADERS}
                ]
                headers += [(k.encode(), v.encode()) for k, v in _HEADERS.items()]
                if not scope["path"].startswith("/console/static/"):
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


class Console:
    """The console, mounted by :class:`~talentdesk_agency.app.AgencyApp` at ``/console``.

    Args:
        agency: The agency app (its store and database threads).
        secure_cookies: Mark cookies ``Secure``; None: unless the request came to a
            loopback host.
    """

    def __init__(self, agency: AgencyApp, *, secure_cookies: bool | None = None) -> None:
        from talentdesk_agency.console.pages import Pages

        self.agency = agency
        #: Seconds between a live stream's checks when nothing wakes it (tests shorten it).
        self.heartbeat = HEARTBEAT_SECONDS
        self._secure = secure_cookies
        self.templates = jinja2.Environment(
            loader=jinja2.PackageLoader("talentdesk_agency.console", "templates"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        from talentdesk_agency.console.views import audit_action, audit_detail, timeline_sentence

        self.templates.filters["when"] = _when
        self.templates.filters["when_s"] = _when_s
        self.templates.filters["epoch_ms"] = _epoch_ms
        self.templates.globals["clock"] = clock
        self.templates.globals["sentence"] = timeline_sentence
        self.templates.globals["audit_action"] = audit_action
        self.templates.globals["audit_detail"] = audit_detail
        self.pages = Pages(self)
        routes = [
            *self.pages.routes(),
            Route("/events", self._events, methods=["GET"]),
            Mount(
                "/static",
                app=StaticFiles(packages=[("talentdesk_agency.console", "static")]),
                name="static",
            ),
        ]
        app = Starlette(
            routes=routes,
            exception_handlers={
                ConsoleError: self._error_page,
                FormError: self._form_error,
                _Redirect: self._redirect,
                ApiError: self._api_error,
                HTTPException: self._http_error,
                # Starlette's outermost middleware: a real fault (a bug, not bad input)
                # still answers with the console's page; the agency's guard logs it.
                Exception: self._fault_page,
            },
        )
        self.asgi: ASGIApp = _Headers(app)

    # --- requests -----------------------------------------------------------------------

    async def db(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run a store call on the agency's database threads."""
        return await self.agency._db(fn, *args)

    @property
    def store(self) -> Any:
        return self.agency.store

    async def page(self, request: Request, *, admin: bool = False, signed_in: bool = True) -> Page:
        """Who asks. Redirects to sign-in when ``signed_in`` is needed and missing; 403 for
        a supervisor on an admin page."""
        token = request.cookies.get(SESSION_COOKIE)
        session, zone = await self.db(self._who, token if token and len(token) < 200 else None)
        if session is None and signed_in:
            raise _Redirect(self._sign_in_url(request, ended=bool(token)))
        if admin and (session is None or not session.member.is_admin):
            raise ConsoleError(403, "error.forbidden")
        if session is not None:
            language = session.member.language
        else:
            cookie = request.cookies.get(LANG_COOKIE, "")
            language = Language(cookie) if cookie in tuple(Language) else Language.ID
        return Page(request, session, language, translator(language), zone, _theme(request))

    @staticmethod
    def _sign_in_url(request: Request, *, ended: bool) -> str:
        """The sign-in page, saying why when a session ended, returning afterwards to the
        page asked for (a GET), or to the page a POST came from (its alarm's page for
        take and resolve): a POST's action is not done, and the page says so."""
        query: dict[str, str] = {}
        if request.method == "GET":
            back = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            if ended:
                query["reason"] = "ended"
        else:
            item = _ITEM_ACTION.match(request.url.path)
            referer = urlsplit(request.headers.get("referer", ""))
            if item is not None:
                back = item.group(1)
            elif referer.netloc == request.headers.get("host"):
                back = referer.path + (f"?{referer.query}" if referer.query else "")
            else:
                back = ""
            # The browser drops the cookie when the session expires: a POST without a live
            # session is always one whose action was not done.
            query["reason"] = "not_done"
        back = safe_next(back) or ""
        if back and back != "/console/queue":
            query["next"] = back
        return "/console/login" + (f"?{urlencode(query)}" if query else "")

    def _who(self, token: str | None) -> tuple[StaffSession | None, AgencyZone]:
        session = None if token is None else self.store.staff.session(token)
        with self.store.db.read() as tx:
            return session, stored_zone(tx)

    async def form(self, request: Request, page: Page) -> Form:
        """The posted form of a signed-in page, its CSRF token and origin checked.

        Raises:
            ConsoleError: 403 without the session's token or from another origin.
            FormError: For an unreadable form (the console's handler answers 400).
        """
        self._check_origin(request)
        form = await read_form(request)
        if page.session is None or not hmac.compare_digest(
            form.get("csrf").encode(), page.session.csrf.encode()
        ):
            raise ConsoleError(403, "error.csrf")
        return form

    @staticmethod
    def _check_origin(request: Request) -> None:
        # Browsers send Origin with every POST; a TLS proxy may change the scheme, so the
        # host is what must match.
        origin = request.headers.get("origin")
        if origin is not None and urlsplit(origin).netloc != request.headers.get("host"):
            raise ConsoleError(403, "error.csrf")

    async def login_form(self, request: Request) -> Form:
        """The posted sign-in form, its double-submitted CSRF token checked."""
        self._check_origin(request)
        form = await read_form(request)
        cookie = request.cookies.get(_LOGIN_CSRF_COOKIE, "")
        if not cookie or not hmac.compare_digest(form.get("csrf").encode(), cookie.encode()):
            raise ConsoleError(403, "error.csrf")
        return form

    def secure(self, request: Request) -> bool:
        if self._secure is not None:
            return self._secure
        from talentdesk_agency.runner import is_loopback

        return not is_loopback(request.url.hostname or "")

    def set_cookie(
        self, response: Response, request: Request, name: str, value: str, max_age: int | None
    ) -> None:
        response.set_cookie(
            name,
            value,
            max_age=max_age,
            path="/console",
            httponly=True,
            samesite="strict",
            secure=self.secure(request),
        )

    def login_token_cookie(self, request: Request, response: Response, token: str) -> None:
        """Set the sign-in form's double-submit token as a cookie too."""
        self.set_cookie(response, request, _LOGIN_CSRF_COOKIE, token, 3600)

    def render(self, page: Page, template: str, status: int = 200, **values: Any) -> HTMLResponse:
        """A page from ``template`` with what every page gets."""
        html = self.templates.get_template(template).render(
            page=page, t=page.t, lang=page.language, **values
        )
        return HTMLResponse(html, status_code=status)

    # --- errors -----------------------------------------------------------------------

    async def _plain_page(self, request: Request) -> Page:
        try:
            return await self.page(request, signed_in=False)
        except (ConsoleError, ApiError, _Redirect):
            return self._fallback_page(request)

    @staticmethod
    def _fallback_page(request: Request) -> Page:
        """A page for when the database cannot say who asks: the language cookie's."""
        cookie = request.cookies.get(LANG_COOKIE, "")
        language = Language(cookie) if cookie in tuple(Language) else Language.ID
        return Page(request, None, language, translator(language), theme=_theme(request))

    def _show_error(self, page: Page, status: int, message: str | None = None) -> HTMLResponse:
        """The error page: a plain title, what went wrong (``message``, if it says more
        than the title), what to do, the ways back, and the status in small print."""
        back = page_before(page.request)
        known = status in ERROR_STATUSES
        return self.render(
            page,
            "error.html",
            status,
            title=page.t(f"error.title.{status}" if known else "error.title"),
            message=message,
            todo=page.t(f"error.todo.{status}" if known else "error.todo"),
            code=status,
            back=back,
        )

    async def _error_page(self, request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ConsoleError)
        page = await self._plain_page(request)
        message = None if exc.key in _SAID_BY_TITLE else page.t(exc.key, **exc.values)
        return self._show_error(page, exc.status, message)

    async def _form_error(self, request: Request, exc: Exception) -> Response:
        """A form that cannot be read or holds a value no page offers (a tampered
        choice, a number out of range): a 400 page saying which field (413 for a form
        too large to read), never a 500."""
        assert isinstance(exc, FormError)
        page = await self._plain_page(request)
        status = 413 if exc.key == "too_large" else 400
        return self._show_error(page, status, page.t("error.bad_form", detail=explain(page.t, exc)))

    async def _api_error(self, request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        # With the database away, who asks cannot be read: the language cookie says.
        page = (
            self._fallback_page(request) if exc.status == 503 else await self._plain_page(request)
        )
        response = self._show_error(page, exc.status)
        response.headers.update(exc.headers)
        return response

    async def _http_error(self, request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        page = await self._plain_page(request)
        response = self._show_error(page, exc.status_code)
        if exc.headers:
            response.headers.update(exc.headers)  # a 405's Allow
        return response

    async def _fault_page(self, request: Request, exc: Exception) -> Response:
        """A real fault: the 500 page, drawn without the database if need be (it may be
        what failed). Nothing of the request or the exception is shown."""
        try:
            page = await self._plain_page(request)
        except Exception:
            page = self._fallback_page(request)
        return self._show_error(page, 500)

    async def _redirect(self, request: Request, exc: Exception) -> Response:
        assert isinstance(exc, _Redirect)
        return RedirectResponse(exc.url, status_code=303)

    # --- the live queue -----------------------------------------------------------------

    async def _events(self, request: Request) -> Response:
        """Server-sent events: the queue's rows at once, and again each time it changes.

        Woken by the escalations topic (every timeline row wakes it, written through any
        worker); on a heartbeat without a wake-up it re-reads the timeline's newest row
        and sends the queue if that moved, else a comment. Each time it first checks the
        session: once signed out, expired or disabled, it sends ``signed_out`` and ends
        (at once when the session is already gone), so a dead session receives nothing.
        """
        page = await self.page(request, signed_in=False)
        token = request.cookies.get(SESSION_COOKIE, "")
        hub = self.agency.runtime.hub
        newest = self.store.timeline.newest
        session_of = self.store.staff.session

        async def signed_in() -> bool:
            try:
                return await self.db(session_of, token) is not None
            except ApiError:  # the database is away: the next heartbeat checks again
                return True

        async def stream() -> AsyncIterator[str]:
            seen = -1
            yield "retry: 1000\n\n"
            if page.session is None:
                yield _SIGNED_OUT_EVENT
                return
            async for woke in hub.watch(ESCALATIONS_TOPIC, self.heartbeat):
                if not await signed_in():
                    yield _SIGNED_OUT_EVENT
                    return
                try:
                    current = await self.db(newest)
                    if woke or current != seen:
                        seen = current
                        payload = await self.pages.queue_payload(page)
                        yield f"event: queue\ndata: {json.dumps(payload)}\n\n"
                        continue
                except ApiError:  # the database is away: say nothing new, try again later
                    pass
                yield ": still here\n\n"

        return StreamingResponse(
            stream(),
            media_type="text/event-stream",
            headers={"x-accel-buffering": "no"},
        )
