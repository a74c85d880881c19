"""Reading the agency's answers: any byte sequence ends as a value or a malformed answer.

Whatever an agency sends, :func:`decode_answer` returns the contract's value or raises
:class:`~talentdesk.sync.errors.MalformedResponseError`; nothing else escapes (invalid
UTF-8, nesting deep enough to exhaust the decoders' recursion, duplicate keys, anything
msgspec or json raise). A feed page is read with :func:`decode_feed_page`, which goes one
step further: one unreadable event (a *poison* event) is set aside with its sequence
number and the reason, so the rest of the page is applied and the feed moves past it.

**Duplicate keys are refused.** msgspec, like most JSON decoders, keeps the last of two
equal keys, so ``{"cursor": 5, "cursor": 900000}`` would jump the cursor. JSON allows
such documents but gives them no meaning; here a page with one at its top level is
malformed, and an event with one is unreadable.

**Two paths.** Almost every page is well formed: msgspec decodes it, the bytes are checked
to be UTF-8 (msgspec does not look inside an event's raw ``data``) and the standard
library's C parser looks for duplicate keys through ``object_pairs_hook``. Only when one
of these fails does a slower scanner (a regular expression over the tokens, iterative,
so no nesting can exhaust the stack) find which events are at fault; each of those is
decoded on its own, and the page is rebuilt without the unreadable ones.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Annotated, Any, Final, TypeVar

import msgspec

from talentdesk.sync.errors import MalformedResponseError
from talentdesk_contract import wire

__all__ = [
    "MAX_ANSWER_DEPTH",
    "FeedAnswer",
    "MalformedResponseError",
    "UnreadableEvent",
    "decode_answer",
    "decode_feed_page",
]

T = TypeVar("T")

#: Deepest nesting of arrays and objects the scanner accepts. No answer of the contract
#: goes past 10; this is far below what msgspec and json can read without reaching
#: Python's recursion limit, so whatever passes the scan decodes without a RecursionError.
MAX_ANSWER_DEPTH: Final = 200

_SEQ: Final = Annotated[int, msgspec.Meta(ge=1, le=wire.MAX_SEQ)]
_EVENT_TYPE: Final = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]


class UnreadableEvent(msgspec.Struct, frozen=True):
    """An event of a feed page that could not be read: its place and why, never its content."""

    seq: int
    type: str
    reason: str


class FeedAnswer(msgspec.Struct, frozen=True):
    """A feed page as read: the readable events, and the unreadable ones set aside."""

    page: wire.FeedPage
    unreadable: tuple[UnreadableEvent, ...] = ()


# ---------------------------------------------------------------------------- answers


def decode_answer(data: bytes, kind: type[T], what: str = "answer") -> T:
    """Strictly decode an agency answer of type ``kind``.

    Raises:
        MalformedResponseError: for any byte sequence that is not UTF-8 JSON of that
            shape without duplicate keys (``what`` names the answer in the message).
    """
    problem = _whole_problem(data)
    if problem is not None:
        raise MalformedResponseError(f"{what}: {problem}")
    return _strict(data, kind, what)


def _strict(data: bytes, kind: type[T], what: str) -> T:
    try:
        return wire.decode(data, kind)
    except Exception as exc:  # hostile bytes: whatever the decoder raises is a bad answer
        raise MalformedResponseError(f"{what}: {_why(exc)}") from None


def _why(exc: BaseException) -> str:
    """What went wrong, without content: msgspec's messages name a place, never a value;
    anything else is named by its type only."""
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8"
    if isinstance(exc, msgspec.DecodeError):
        return f"{type(exc).__name__}: {str(exc)[:200]}"
    return type(exc).__name__


def _whole_problem(data: bytes) -> str | None:
    """Why ``data`` as a whole is not clean UTF-8 JSON without duplicate keys, or None.

    Shape is not checked here (msgspec does that).
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return "not UTF-8"
    try:
        json.loads(text, object_pairs_hook=_refuse_duplicates)
    except _DuplicateKeyError:
        return "a key appears twice in one object"
    except RecursionError:
        return "nested too deeply"
    except Exception as exc:  # ValueError mostly; msgspec gives the better message later
        return f"not JSON ({type(exc).__name__})"
    return None


class _DuplicateKeyError(Exception):
    pass


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> None:
    # Called for every object, innermost first; returns None so nothing is built.
    if len({key for key, _ in pairs}) != len(pairs):
        raise _DuplicateKeyError


# ---------------------------------------------------------------------------- feed pages


def decode_feed_page(data: bytes) -> FeedAnswer:
    """Read a feed page; unreadable events are set aside, not fatal.

    An event is unreadable when its bytes are not UTF-8, nest too deeply, repeat a key,
    or do not decode as an event; it is set aside with its sequence number, so the
    cursor moves past it. An event without one readable ``seq`` cannot be placed in the
    feed at all, and makes the page malformed, as does any problem outside the events.

    Raises:
        MalformedResponseError: the page itself is unreadable.
    """
    if _whole_problem(data) is None:
        try:
            return FeedAnswer(wire.decode(data, wire.FeedPage))
        except Exception:  # noqa: S110 - the slow path below finds out which part is bad
            pass
    return _decode_page_by_event(data)


def _decode_page_by_event(data: bytes) -> FeedAnswer:
    scan = _scan(data, feed=True)
    if scan.problem is not None:
        raise MalformedResponseError(f"feed page: {scan.problem}")
    if scan.events_span is None:
        return FeedAnswer(_strict(data, wire.FeedPage, "feed page"))  # its message says why
    if len(scan.events) > wire.MAX_FEED_LIMIT:
        raise MalformedResponseError(f"feed page: more than {wire.MAX_FEED_LIMIT} events")
    good: list[bytes] = []
    unreadable: list[UnreadableEvent] = []
    for index, (start, end) in enumerate(scan.events):
        chunk = data[start:end]
        reason = scan.event_problems.get(index)
        if reason is None:
            reason = _event_problem(chunk)
        if reason is None:
            good.append(chunk)
            continue
        members = scan.members[index] if index < len(scan.members) else {}
        seq = _member(data, members.get(b"seq"), _SEQ)
        if seq is None:
            raise MalformedResponseError(f"feed page: event {index} has no readable seq")
        event_type = _member(data, members.get(b"type"), _EVENT_TYPE) or "?"
        unreadable.append(UnreadableEvent(seq=seq, type=event_type, reason=reason))
    open_at, close_at = scan.events_span
    rebuilt = b"".join((data[: open_at + 1], b",".join(good), data[close_at - 1 :]))
    problem = _whole_problem(rebuilt)
    if problem is not None:
        raise MalformedResponseError(f"feed page: {problem}")
    return FeedAnswer(_strict(rebuilt, wire.FeedPage, "feed page"), tuple(unreadable))


def _event_problem(chunk: bytes) -> str | None:
    """Why one event (found well nested, without duplicate keys) cannot be read, or None."""
    try:
        chunk.decode("utf-8")
    except UnicodeDecodeError:
        return "not UTF-8"
    try:
        wire.decode(chunk, wire.FeedEvent)
    except Exception as exc:
        return _why(exc)
    return None


def _member(data: bytes, spans: list[tuple[int, int]] | None, kind: Any) -> Any:
    """The one value of an event's member, decoded as ``kind``; None unless exactly one."""
    if spans is None or len(spans) != 1:
        return None
    start, end = spans[0]
    try:
        return msgspec.json.decode(data[start:end], type=kind, strict=True)
    except Exception:
        return None


# ---------------------------------------------------------------------------- the scanner

_TOKEN: Final = re.compile(
    rb'"[^"\\]*(?:\\.[^"\\]*)*"'  # a whole string
    rb"|[{}\[\],:]"  # structure
    # A number, true, false, null, or junk (msgspec judges it); a run of them with commas
    # between is one token: it holds no key and no bracket, so nothing the scan looks for.
    rb'|[^\s{}\[\],:"]+(?:\s*,\s*[^\s{}\[\],:"]+)*'
    rb'|"',  # a string that never ends
    re.DOTALL,
)
_OPEN: Final = frozenset(b"{[")
_CLOSE: Final = frozenset(b"}]")
_QUOTE: Final = ord('"')
_COMMA: Final = ord(",")
_COLON: Final = ord(":")


class _Frame:
    """An open array or object while scanning."""

    __slots__ = ("event", "expect_key", "is_object", "keys", "member", "role", "value_start")

    def __init__(self, is_object: bool, role: str, event: int | None) -> None:
        self.is_object = is_object
        self.role = role  # "root", "events" (the page's events array), "event", "inner"
        self.event = event  # the index of the event this frame is part of
        self.expect_key = is_object
        self.member: bytes | None = None
        self.value_start = 0
        self.keys: set[bytes] = set()


@dataclass
class _Scan:
    """Where things are in a page, and what is wrong with it (nothing decoded)."""

    problem: str | None = None
    events_span: tuple[int, int] | None = None
    events: list[tuple[int, int]] = field(default_factory=list)
    members: list[dict[bytes, list[tuple[int, int]]]] = field(default_factory=list)
    event_problems: dict[int, str] = field(default_factory=dict)

    def failed(self) -> bool:
        """Whether the page itself is unreadable (scanning further is pointless)."""
        return self.problem is not None

    def fault(self, event: int | None, reason: str) -> None:
        if event is None:
            if self.problem is None:
                self.problem = reason
        else:
            self.event_problems.setdefault(event, reason)


def _key(token: bytes) -> bytes:
    """A key as the decoders see it: escapes resolved (``"s\\u0065q"`` is ``seq``)."""
    if b"\\" not in token:
        return token[1:-1]
    try:
        return str(json.loads(token)).encode("utf-8", "surrogatepass")
    except Exception:
        return token


_NESTED: Final = re.compile(
    rb'"[^"\\]*(?:\\.[^"\\]*)*"'  # a whole string (its brackets do not count)
    rb"|[{\[]+|[}\]]+"  # runs of brackets
    rb'|"',  # a string that never ends
    re.DOTALL,
)


def _end_of_nested(data: bytes, start: int) -> int | None:
    """Where the array or object opening at ``start`` ends (past its closing bracket),
    counting runs of brackets at once; None if it never does."""
    depth = 0
    for match in _NESTED.finditer(data, start):
        token = match.group()
        first = token[0]
        if first in _OPEN:
            depth += len(token)
        elif first in _CLOSE:
            if len(token) >= depth:
                return match.start() + depth
            depth -= len(token)
        elif len(token) == 1:
            return None  # a string that never ends
    return None


def _scan(data: bytes, *, feed: bool) -> _Scan:
    """Find the structure of a JSON object without recursion or decoding.

    Records the span of each element of the top-level ``events`` array (when ``feed``)
    and the spans of its ``seq`` and ``type`` members; notes nesting deeper than
    :data:`MAX_ANSWER_DEPTH` and duplicate keys where they are (an event, or the page).
    Broken structure (unbalanced brackets, a string that never ends, not an object) is a
    problem of the page: no event can be told from the next any more. A page of more
    events than the contract allows is refused as soon as that is known.
    """
    out = _Scan()
    stack: list[_Frame] = []
    done = False

    def begin_value(start: int) -> None:
        if stack:
            stack[-1].value_start = start

    def end_value(end: int) -> None:
        if not stack:
            return
        frame = stack[-1]
        if frame.role == "events":
            out.events.append((frame.value_start, end))
            if len(out.events) > wire.MAX_FEED_LIMIT:
                out.fault(None, f"more than {wire.MAX_FEED_LIMIT} events")
        elif frame.role == "event" and frame.member in (b"seq", b"type"):
            assert frame.event is not None
            spans = out.members[frame.event].setdefault(frame.member, [])
            spans.append((frame.value_start, end))

    position, size = 0, len(data)
    while position < size and not out.failed():
        resume = size
        for match in _TOKEN.finditer(data, position):
            token = match.group()
            first = token[0]
            start, end = match.span()
            if done:
                out.fault(None, "more after the end of the object")
                break
            if first in _OPEN:
                is_object = first == ord("{")
                if not stack:
                    if not is_object:
                        out.fault(None, "not a JSON object")
                        break
                    stack.append(_Frame(True, "root", None))
                    continue
                parent = stack[-1]
                begin_value(start)
                event = len(out.events) if parent.role == "events" else parent.event
                if len(stack) >= MAX_ANSWER_DEPTH:
                    # Too deep to decode: find where it ends without looking inside.
                    out.fault(event, f"nested deeper than {MAX_ANSWER_DEPTH} levels")
                    nested_end = _end_of_nested(data, start)
                    if nested_end is None:
                        out.fault(None, "the object never ends")
                        break
                    end_value(nested_end)
                    resume = nested_end
                    break
                if feed and parent.role == "root" and parent.member == b"events" and not is_object:
                    role = "events"
                    if out.events_span is not None:
                        out.fault(None, "two event lists")
                    out.events_span = (start, start)
                elif parent.role == "events" and is_object:
                    role = "event"
                    while len(out.members) <= len(out.events):
                        out.members.append({})
                else:
                    role = "inner"
                stack.append(_Frame(is_object, role, event))
            elif first in _CLOSE:
                if not stack or stack[-1].is_object != (first == ord("}")):
                    out.fault(None, "brackets do not match")
                    break
                frame = stack.pop()
                if frame.role == "events":
                    out.events_span = ((out.events_span or (start, start))[0], end)
                if not stack:
                    done = True
                else:
                    end_value(end)
            elif not stack:
                out.fault(None, "not a JSON object")
                break
            elif first == _COMMA:
                frame = stack[-1]
                frame.expect_key = frame.is_object
            elif first == _COLON:
                continue
            elif first == _QUOTE and len(token) == 1:
                out.fault(None, "a string never ends")
                break
            else:
                frame = stack[-1]
                if frame.expect_key and first == _QUOTE:
                    key = _key(token)
                    if key in frame.keys:
                        out.fault(frame.event, "a key appears twice in one object")
                    frame.keys.add(key)
                    frame.member = key
                    frame.expect_key = False
                    continue
                begin_value(start)
                end_value(end)
            if out.failed():
                break
        position = resume
    if out.problem is None and (stack or not done):
        out.fault(None, "the object never ends" if stack else "empty")
    return out
