"""The agency's web console under ``/console``: supervisors' live queue, reports, roster;
admins' bookings, configuration, staff and audit log.

Server-rendered (Jinja2, autoescaped) with a little vanilla script from static files, under
a strict Content-Security-Policy. :class:`~talentdesk_agency.console.site.Console` is the
ASGI app the agency server mounts; :mod:`.pages` holds the pages, :mod:`.views` what they
show, :mod:`.forms` how forms are read, :mod:`.i18n` the words in both languages.
"""

from __future__ import annotations

from talentdesk_agency.console.site import Console

__all__ = ["Console"]
