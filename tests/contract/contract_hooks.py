"""Schemathesis hooks for the contract run in ``test_schemathesis.py``.

The schemathesis process loads this file through ``SCHEMATHESIS_HOOKS``; pytest collects
no tests here and registers nothing. The hooks make generated traffic behave like a real
client without hiding anything from the checks:

* A *valid* ``Idempotency-Key`` is replaced by a fresh UUID. Generated keys repeat ("0",
  "0", ...) across cases with different bodies, and the contract requires a 422 for
  that, which the positive-data check would read as refusing valid data. Invalid keys
  (negative cases) and missing ones pass through untouched, so their rejection is still
  checked.
* A *valid* ``wait`` on the feed is capped at one second, so boundary values (30) do not
  park the run for 30 s per case. Out-of-range values pass through untouched.
* A *valid* ``booking_id`` is swapped for one of the bookings the test pushed (listed in
  ``TALENTDESK_ST_BOOKING_IDS``): booking ids come from the agency's feed, so generated
  ones would only ever reach the 404 path. Invalid ones pass through untouched.
* A *valid* pairing ``code`` is swapped for a fresh one-time code from
  ``TALENTDESK_ST_PAIRING_CODES`` while any are left, so pairing's success path is
  fuzzed too (generated codes only ever reach the 401 path).

Schemathesis re-derives whether a case is valid after ``before_call``, so the checks
judge the request actually sent.
"""

from __future__ import annotations

import os
import random
import re
import uuid
from typing import Any

_VALID_KEY = re.compile(r"[!-~]{1,128}")
BOOKING_IDS_ENV = "TALENTDESK_ST_BOOKING_IDS"
PAIRING_CODES_ENV = "TALENTDESK_ST_PAIRING_CODES"
_codes = [c for c in os.environ.get(PAIRING_CODES_ENV, "").split(",") if c]


def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    """Give each valid case a fresh key, a short wait, a real booking and a real code."""
    if case.meta is None or case.meta.generation.mode.is_negative:
        # A negative case is refused before its key or wait matter; editing it would make
        # schemathesis re-judge it (and send headers it meant to leave out).
        return
    headers = case.headers
    if headers:
        for name in list(headers):
            value = headers[name]
            is_key = name.lower() == "idempotency-key" and isinstance(value, str)
            if is_key and _VALID_KEY.fullmatch(value):
                headers[name] = uuid.uuid4().hex
    query = case.query
    if case.operation.path == "/v1/feed" and query:
        wait = query.get("wait")
        if isinstance(wait, int) and not isinstance(wait, bool) and 1 < wait <= 30:
            query["wait"] = 1
    bookings = [b for b in os.environ.get(BOOKING_IDS_ENV, "").split(",") if b]
    path_parameters = case.path_parameters
    if bookings and path_parameters and "booking_id" in path_parameters:
        path_parameters["booking_id"] = random.choice(bookings)
    body = case.body
    if case.operation.path == "/v1/pairing" and isinstance(body, dict) and _codes:
        body["code"] = _codes.pop()


if __name__ == "_schemathesis_hooks":  # the name schemathesis loads hook files under
    import schemathesis

    schemathesis.hook("before_call")(before_call)
