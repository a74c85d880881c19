"""Bodies are checked for UTF-8 and nesting before any parser sees them."""

from __future__ import annotations

import time

import pytest

from talentdesk_agency.bodies import check_body, nesting_depth
from talentdesk_agency.problems import ApiError
from talentdesk_contract import wire
from talentdesk_contract.wire import ProblemType


@pytest.mark.parametrize(
    ("raw", "depth"),
    [
        (b'"x"', 0),
        (b"[]", 1),
        (b'{"a": [1, {"b": []}]}', 4),
        (b'{"a": "[[[[[[", "b": "\\"[[["}', 1),  # brackets in strings, escaped quotes
        (b'["\\\\", [[]]]', 3),  # an escaped backslash ends before the quote
    ],
)
def test_nesting_depth(raw: bytes, depth: int) -> None:
    assert nesting_depth(raw) == depth


def test_a_hostile_body_costs_one_pass() -> None:
    started = time.perf_counter()
    nesting_depth(b'"' + b'\\"' * 30_000)
    nesting_depth(b"[" * 60_000)
    assert nesting_depth(b"[" * 60_000) == wire.MAX_NESTING_DEPTH + 1  # stops counting
    assert time.perf_counter() - started < 2  # generous: linear, not quadratic


def test_check_body_names_the_problem() -> None:
    check_body(b'{"note": "baik-baik saja \xe2\x9c\x93"}')
    with pytest.raises(ApiError) as bad:
        check_body(b'{"note": "\xc3\x28"}')
    assert (bad.value.status, bad.value.kind) == (400, ProblemType.INVALID_UTF8)
    with pytest.raises(ApiError) as deep:
        check_body(b"[" * 33 + b"]" * 33)
    assert deep.value.kind == ProblemType.NESTING_TOO_DEEP
    check_body(b"[" * 32 + b"]" * 32)
