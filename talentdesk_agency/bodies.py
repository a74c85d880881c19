"""Checks every request body passes before it is parsed: valid UTF-8, not nested too deep.

A JSON parser given invalid UTF-8 inside a string raises ``UnicodeDecodeError``, and one
given 30,000 nested arrays (well under the 64 KiB cap) runs out of stack; both used to end
in a 500. These checks turn them into the contract's 400 problems before any parser runs.
"""

from __future__ import annotations

import re
from typing import Final

from talentdesk_agency.problems import ApiError
from talentdesk_contract import wire
from talentdesk_contract.wire import ProblemType

__all__ = ["check_body", "nesting_depth"]

#: The only bytes that matter for nesting: quotes, backslashes and brackets.
_SPECIAL: Final = re.compile(rb'["\\\[\]{}]')


def nesting_depth(raw: bytes, stop_after: int = wire.MAX_NESTING_DEPTH) -> int:
    """How deep arrays and objects nest in a JSON text (0 for a scalar).

    Counting stops once past ``stop_after``, so a hostile body costs one pass at most.
    Brackets inside strings do not count; an unbalanced text is the parser's to refuse.
    """
    # One pass over the special bytes only (linear, whatever the body holds).
    depth = deepest = 0
    in_string = False
    escaped_at = -1
    for match in _SPECIAL.finditer(raw):
        at = match.start()
        if at == escaped_at:
            continue
        byte = raw[at]
        if in_string:
            if byte == 0x5C:  # a backslash escapes the next byte
                escaped_at = at + 1
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in b"[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > stop_after:
                    break
        elif byte in b"]}":
            depth -= 1
    return deepest


def check_body(raw: bytes) -> None:
    """Refuse a body that is not UTF-8, or nests deeper than the contract allows.

    Raises:
        ApiError: 400 ``invalid-utf8`` or ``nesting-too-deep``.
    """
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(
            400,
            ProblemType.INVALID_UTF8,
            f"The body is not valid UTF-8 (a bad byte at position {exc.start}). Send JSON "
            "encoded as UTF-8.",
        ) from None
    if nesting_depth(raw) > wire.MAX_NESTING_DEPTH:
        raise ApiError(
            400,
            ProblemType.NESTING_TOO_DEEP,
            f"Arrays and objects in the body nest deeper than {wire.MAX_NESTING_DEPTH} levels.",
        )
