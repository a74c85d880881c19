"""Decline, opening and closing replies: the agency's and the talent's own, kept apart.

Where replies live:

* **Agency replies** arrive with the agency's config (ids ``agency-…``,
  ``Source.AGENCY``). The feed applier replaces them wholesale on every update, so
  this module never writes them.
* **Own replies** are the talent's (``own-…``). Editing an agency reply stores the
  edit as an own reply with the id ``edit-<agency id>``: it survives every agency
  update, and while it exists it hides the agency original it overrides. Deleting
  the edit brings the original back (:meth:`ReplyBook.revert`).
* **Slots**: an edit and its original share a *slot* (the agency id). Pins and
  boundary links refer to slots, so a pinned agency reply stays pinned (now showing
  the edit) when the talent edits it, and a boundary item linked to the agency reply
  suggests the talent's wording.

Texts are templates: ``{talent}``, ``{minutes_left}`` and ``{package}`` are filled in
from the session, ``{name|fallback}`` gives a fallback when a value is missing, and
``{?reason}`` is a blank the talent fills in before copying (``{?reason|fallback}``
may be left empty). ``{{`` and ``}}`` are literal braces; any other brace is plain
text. No variable names the customer: nothing about them belongs in a reply.
"""

from __future__ import annotations

import bisect
import enum
import functools
import heapq
import itertools
import math
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import Final

import msgspec

from talentdesk.domain import LANGUAGES, DeclineReply, ReplyStyle, Source
from talentdesk.listeners import Listeners
from talentdesk.sessions._common import change_settings, is_agency_id, new_own_id
from talentdesk.sessions.settings import KIND as SETTINGS_KIND
from talentdesk.sessions.settings import DeskSettings, load_settings
from talentdesk.vault import IntegrityProblem, RecordIntegrityError, Vault
from talentdesk.vault.records import RecordStore, kind_of

_REPLY_KIND = kind_of(DeclineReply)

__all__ = [
    "EDIT_PREFIX",
    "KNOWN_VARIABLES",
    "MAX_PINS",
    "MAX_REPLY_CHARS",
    "MAX_SHORTCODE_CHARS",
    "STYLE_ORDER",
    "Blank",
    "MatchTier",
    "MissingBlanksError",
    "ReplyBook",
    "ReplyError",
    "ReplyValues",
    "SearchHit",
    "blanks",
    "edited_from",
    "empty_variables",
    "fill",
    "fold",
    "fuzzy_score",
    "preview",
    "slot_of",
    "unknown_variables",
    "variables",
]

#: Own edits of an agency reply are stored under this prefix + the agency id.
EDIT_PREFIX: Final = "edit-"
#: Ctrl+1 … Ctrl+9.
MAX_PINS: Final = 9
#: The Agency API's limit for a reply text; the talent's own follow it too.
MAX_REPLY_CHARS: Final = 1_000
MAX_SHORTCODE_CHARS: Final = 32
#: The kinds of reply in the order a session needs them: opening first, closing last.
STYLE_ORDER: Final = {
    style: number
    for number, style in enumerate(
        (
            ReplyStyle.OPENING,
            ReplyStyle.POLITE,
            ReplyStyle.HUMOUR,
            ReplyStyle.ALTERNATIVE,
            ReplyStyle.CLOSING,
        )
    )
}
#: Variables the app fills in itself.
KNOWN_VARIABLES: Final = frozenset({"talent", "minutes_left", "package"})

_SHORTCODE = re.compile(r"[a-z0-9_-]*")
# ``{{`` / ``}}`` escapes, or ``{`` [``?``] name [``|`` fallback] ``}``. Anything else is text.
_TOKEN = re.compile(r"\{\{|\}\}|\{(\?)?([A-Za-z_][A-Za-z0-9_]*)(?:\|([^{}]*))?\}")


class ReplyError(ValueError):
    """A reply change the app refuses. ``key`` is a machine key the UI translates.

    Keys: ``reply_not_found``, ``agency_reply`` (agency replies are edited, not deleted),
    ``text_empty``, ``text_too_long``, ``shortcode_invalid``, ``shortcode_taken``,
    ``language_invalid``, ``pins_full``.
    """

    def __init__(self, key: str, detail: str = "") -> None:
        super().__init__(f"{key}: {detail}" if detail else key)
        self.key = key
        self.detail = detail


class MissingBlanksError(ValueError):
    """Blanks without a fallback that the talent has not filled in yet."""

    def __init__(self, names: tuple[str, ...]) -> None:
        super().__init__("blanks to fill in: " + ", ".join(names))
        self.names = names


# --- ids and slots ----------------------------------------------------------------------


def edited_from(reply_id: str) -> str | None:
    """The agency reply an own edit overrides, or None if ``reply_id`` is no such edit."""
    if reply_id.startswith(EDIT_PREFIX):
        target = reply_id[len(EDIT_PREFIX) :]
        if is_agency_id(target):
            return target
    return None


def slot_of(reply_id: str) -> str:
    """The stable slot of a reply: the agency id for an edit of an agency reply, else its id."""
    return edited_from(reply_id) or reply_id


# --- templates --------------------------------------------------------------------------


class Blank(msgspec.Struct, frozen=True):
    """A blank the talent fills in, e.g. ``{?reason}``.

    Attributes:
        name: As written in the reply (lowercased); the UI shows it as the field's label.
        fallback: Used when the talent leaves it empty; None makes it required.
    """

    name: str
    fallback: str | None = None

    @property
    def required(self) -> bool:
        """Whether the reply cannot be copied until the talent fills this in."""
        return self.fallback is None


class ReplyValues(msgspec.Struct, frozen=True):
    """What the app knows when a reply is copied. Empty or None means "unknown".

    Attributes:
        talent: The talent's working name (``DeskSettings.talent_name``).
        minutes_left: Whole minutes left in the session, rounded up.
        package: The package's name.
    """

    talent: str = ""
    minutes_left: int | None = None
    package: str = ""

    def as_mapping(self) -> dict[str, str]:
        """The known values by variable name; unknown ones are left out."""
        out: dict[str, str] = {}
        if self.talent.strip():
            out["talent"] = self.talent.strip()
        if self.minutes_left is not None:
            out["minutes_left"] = str(max(0, self.minutes_left))
        if self.package.strip():
            out["package"] = self.package.strip()
        return out


def variables(text: str) -> tuple[str, ...]:
    """Names of the variables (not blanks) a text uses, in order, once each."""
    seen: dict[str, None] = {}
    for match in _TOKEN.finditer(text):
        if match.group(2) and not match.group(1):
            seen.setdefault(match.group(2).lower(), None)
    return tuple(seen)


def empty_variables(text: str, values: ReplyValues) -> tuple[str, ...]:
    """Variables that would come out empty: no value now and no fallback written.

    ``{talent}`` with no working name set, say: copying it would send a gap. Unknown
    names (typos) count too. In order, once each.
    """
    known = values.as_mapping()
    seen: dict[str, None] = {}
    for match in _TOKEN.finditer(text):
        is_blank, name, fallback = match.group(1), match.group(2), match.group(3)
        if name and not is_blank and not fallback and name.lower() not in known:
            seen.setdefault(name.lower(), None)
    return tuple(seen)


def unknown_variables(text: str) -> tuple[str, ...]:
    """Variables the app cannot fill (a typo such as ``{talnet}``), for the reply editor."""
    return tuple(name for name in variables(text) if name not in KNOWN_VARIABLES)


def blanks(text: str) -> tuple[Blank, ...]:
    """The blanks a text needs, in order, once each (the first fallback given wins)."""
    found: dict[str, Blank] = {}
    for match in _TOKEN.finditer(text):
        if match.group(1) and match.group(2):
            name = match.group(2).lower()
            if name not in found:
                found[name] = Blank(name, match.group(3))
    return tuple(found.values())


def preview(text: str, values: ReplyValues) -> str:
    """A reply as a list shows it: the variables known now filled in (the working name
    for ``{talent}``), blanks and the rest as written, so the talent sees what will go
    out without the list pretending to know what it does not."""
    known = values.as_mapping()

    def replace(match: re.Match[str]) -> str:
        name = match.group(2)
        if name and not match.group(1) and name.lower() in known:
            return known[name.lower()]
        return match.group(0)

    return _TOKEN.sub(replace, text)


def fill(
    text: str,
    values: ReplyValues | Mapping[str, str] | None = None,
    answers: Mapping[str, str] | None = None,
) -> str:
    """Fill a reply's variables and blanks.

    A variable without a value takes its fallback, or becomes empty (never the raw
    ``{name}``, which must not reach a customer). A blank takes the talent's answer, or
    its fallback when the answer is empty.

    Args:
        text: The reply text.
        values: Variable values (a :class:`ReplyValues` or a plain mapping).
        answers: The talent's answers to the blanks, by blank name.

    Raises:
        MissingBlanksError: A blank without a fallback has no answer.
    """
    known = values.as_mapping() if isinstance(values, ReplyValues) else dict(values or {})
    given = {k.lower(): v for k, v in (answers or {}).items() if v.strip()}
    missing = tuple(b.name for b in blanks(text) if b.required and b.name not in given)
    if missing:
        raise MissingBlanksError(missing)

    def replace(match: re.Match[str]) -> str:
        whole = match.group(0)
        if whole in ("{{", "}}"):
            return whole[0]
        is_blank, name, fallback = match.group(1), match.group(2).lower(), match.group(3)
        value = given.get(name) if is_blank else known.get(name)
        if value:
            return value.strip()
        return fallback or ""

    return _TOKEN.sub(replace, text)


# --- fuzzy matching ---------------------------------------------------------------------


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Case- and accent-insensitive form for matching ("Café" and "cafe" fold alike)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# Scores: a matched character, and the bonuses that make "what the talent meant" win.
_CHAR = 16
_CONSECUTIVE = 12
_WORD_START = 10
_FIRST_AT_WORD_START = 8
_GAP_START = 3
_GAP_EXTEND = 1


class _Term(msgspec.Struct, frozen=True):
    """A folded query term and what matching it needs, worked out once per term.

    Attributes:
        text: The term.
        whole: Score of the term found whole (its letters consecutive), before the two
            parts that depend on where: the first letter's word-start bonus and the
            early-position penalty. Inside the term, a letter's word-start bonus only
            depends on the term's own previous letter.
        at_word_start: Finds the term whole at a word start. The literal comes first so
            the regex engine scans for it in C; ``[^\\W_]`` is exactly ``str.isalnum``.
        forward: Matches from the start of a text up to the earliest end of the term as
            a subsequence (possessive, so a miss never backtracks).
        back: From the second-to-last letter back to the first: each letter and what
            the letter after it adds when it follows directly.
    """

    text: str
    whole: int
    at_word_start: re.Pattern[str]
    forward: re.Pattern[str]
    back: tuple[tuple[str, int], ...]


@functools.lru_cache(maxsize=1024)
def _term(text: str) -> _Term:
    # What each letter after the first adds when it follows the previous one directly.
    steps = [
        _CHAR + _CONSECUTIVE + (0 if before.isalnum() else _WORD_START) for before in text[:-1]
    ]
    literal = re.escape(text)
    return _Term(
        text=text,
        whole=_CHAR + sum(steps),
        at_word_start=re.compile(f"{literal}(?<![^\\W_]{literal})"),
        forward=re.compile("".join(f"[^{re.escape(ch)}]*+{re.escape(ch)}" for ch in text)),
        back=tuple(zip(text[-2::-1], reversed(steps), strict=True)),
    )


def _match_term(term: _Term, text: str, *, exact: bool = True) -> tuple[int, bool] | None:
    """Best-effort score of ``term`` as a subsequence of ``text`` (folded), or None.

    fzf's "v1" idea in linear time: scan forward to the first complete match, then
    backward from its end to the shortest window, and score that; a plain substring
    occurrence is scored too and the better one wins.

    A match scores per letter: 16, plus 12 when it follows the previous letter directly
    or minus 3 and 1 per further letter skipped, plus a word-start bonus (8 for the
    first letter, 10 for the others); less ``min(start, 40) // 4``, as earlier is
    better: the start of a reply is what the talent remembers. Worked out fast:

    An occurrence at ``p`` scores ``term.whole - min(p, 40) // 4``, plus the first-letter
    bonus at a word start. Later occurrences only lose points unless they start a word,
    so the best is the first occurrence or the first one at a word start.

    A window without a gap is the first occurrence itself (it ends as early as any
    match can). A window with gaps scores at most ``term.whole + 4 - skipped`` less the
    penalty of its start: a letter after a gap of ``g`` earns at most 24 - ``g``
    points, a consecutive letter at least 28, and the first letter at most 8 over
    ``whole``'s 16. A later start skips fewer letters faster than it adds penalty, so
    the latest start a gapped window ending at ``end`` can have, ``end - len(term)``,
    bounds it: ``term.whole + 3 - min(end - len(term), 40) // 4``. So the window is
    only worked out when that bound beats the best occurrence (checked first with the
    first occurrence of the first letter in place of the end, before looking for it).

    Args:
        term: The term.
        text: The folded text.
        exact: False to get that bound instead of working the window out.

    Returns:
        ``(score, True)``, or ``(bound, False)`` when not ``exact`` and the window
        might beat the best occurrence; None when the term does not match.
    """
    needle = term.text
    best: int | None = None
    found = text.find(needle)
    if found >= 0:
        best = term.whole - min(found, 40) // 4
        if found == 0 or not text[found - 1].isalnum():
            best += _FIRST_AT_WORD_START
        else:
            later = term.at_word_start.search(text, found + 1)
            if later is not None:
                best = max(best, term.whole + _FIRST_AT_WORD_START - min(later.start(), 40) // 4)
        if len(needle) == 1 or best >= term.whole + 3 - min(text.find(needle[0]), 40) // 4:
            return best, True
    forward = term.forward.match(text)
    if forward is None:
        return None
    after = forward.end() - 1
    bound = term.whole + 3 - min(after - len(needle), 40) // 4
    if best is not None and best >= bound:
        return best, True
    if not exact:
        return bound, False
    # Backward from the end: the latest position of each earlier letter gives the
    # tightest window; each letter is scored as its predecessor is found.
    window = 0
    rfind = text.rfind
    for letter, step in term.back:
        pos = rfind(letter, 0, after)
        if pos == after - 1:
            window += step
        else:
            window += _CHAR - _GAP_START - _GAP_EXTEND * (after - pos - 2)
            if not text[after - 1].isalnum():
                window += _WORD_START
        after = pos
    window += _CHAR - min(after, 40) // 4
    if after == 0 or not text[after - 1].isalnum():
        window += _FIRST_AT_WORD_START
    return (window if best is None or window > best else best), True


def fuzzy_score(query: str, text: str) -> int | None:
    """Score ``text`` against ``query``; None when it does not match at all.

    Each whitespace-separated term of the query must appear in the text as a
    subsequence (letters in order, gaps allowed); the score sums the terms'
    scores, favouring consecutive letters, word starts and early matches. Matching is
    case- and accent-insensitive.
    """
    return _score_terms([_term(t) for t in fold(query).split()], fold(text))


def _score_terms(terms: list[_Term], haystack: str) -> int | None:
    """:func:`fuzzy_score` on a query already split into terms and a folded text."""
    total = 0
    for term in terms:
        match = _match_term(term, haystack)
        if match is None:
            return None
        total += match[0]
    return total


class MatchTier(enum.IntEnum):
    """Why a reply matched a search; lower ranks first."""

    SHORTCODE_PREFIX = 0
    SHORTCODE = 1
    TEXT = 2


class SearchHit(msgspec.Struct, frozen=True):
    """One search result."""

    reply: DeclineReply
    tier: MatchTier
    score: int


#: Recent queries whose hits a search keeps (per index), to narrow the next keystroke from.
_RECENT_QUERIES = 32
#: Recent query terms whose scores a search keeps (per index).
_RECENT_TERMS = 64


class _SearchIndex(msgspec.Struct, frozen=True):
    """One language's replies as shown, with what searching them needs, for one vault state.

    Built once per change of the replies or the settings (pins), not once per keystroke.

    Attributes:
        stamp: The vault generations of replies and settings it was built from.
        replies: Pinned first (in pin order), then own, then the agency's.
        codes: Each reply's shortcode (as stored: the query is folded, not the code).
        texts: Each reply's folded text.
        code_room: Longer than any shortcode, to pack a shortcode-contains rank into an int.
        all_codes: Every shortcode, one after the other, so one ``str.find`` per
            occurrence finds the shortcodes that contain a query, instead of a check per
            reply.
        code_starts: Where each shortcode starts in ``all_codes``.
        recent: Folded query to the positions of all its hits (any tier), newest last.
        term_scores: Folded term to its score (None: no match) by position, for the
            positions scored so far, newest last. Both dicts change only under the
            book's lock, and their values are never changed once stored.
    """

    stamp: tuple[int, int]
    replies: tuple[DeclineReply, ...]
    codes: tuple[str, ...]
    texts: tuple[str, ...]
    code_room: int
    all_codes: str
    code_starts: tuple[int, ...]
    recent: dict[str, tuple[int, ...]] = msgspec.field(default_factory=dict)
    term_scores: dict[str, dict[int, int | None]] = msgspec.field(default_factory=dict)

    def code_matches(self, code_query: str) -> dict[int, int]:
        """Positions whose shortcode contains ``code_query``, to where it first occurs."""
        found: dict[int, int] = {}
        at = self.all_codes.find(code_query)
        while at >= 0:
            order = bisect.bisect_right(self.code_starts, at) - 1
            start = self.code_starts[order]
            # An occurrence running into the next shortcode is none; a later one may be.
            if at + len(code_query) <= start + len(self.codes[order]):
                found.setdefault(order, at - start)
            at = self.all_codes.find(code_query, at + 1)
        return found


# --- the reply book ---------------------------------------------------------------------


class ReplyBook:
    """The talent's replies over the vault.

    Thread-safe as far as the vault is; the feed thread may replace agency replies at
    any moment. What is decrypted, sorted and folded for reading and searching is kept
    until the vault's generation of replies or settings moves, so every call sees the
    latest write of this process.

    Args:
        vault: The open vault.
    """

    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        self.store = RecordStore(vault)
        self._copy_listeners: Listeners[[DeclineReply]] = Listeners("reply copy")
        self._lock = threading.Lock()
        self._cache: tuple[int, list[DeclineReply], list[IntegrityProblem]] | None = None
        self._pins_cache: tuple[int, tuple[str, ...]] | None = None
        self._folds: dict[str, str] = {}
        self._indexes: dict[str | None, _SearchIndex] = {}

    # ----------------------------------------------------------------- reading

    def _load(self) -> tuple[list[DeclineReply], list[IntegrityProblem]]:
        # Decrypted once per change, not once per keystroke: search runs as the talent
        # types, and 2,000 replies take ~50 ms to decrypt. Replies are no customer data.
        stamp = self.vault.generation(_REPLY_KIND)
        if self._cache is None or self._cache[0] != stamp:
            loaded = self.store.load_all(DeclineReply)
            self._cache = (stamp, loaded.items, loaded.problems)
        return list(self._cache[1]), list(self._cache[2])

    def forget_cache(self) -> None:
        """Drop the decrypted replies and the search indexes (the app locks)."""
        with self._lock:
            self._cache = None
            self._pins_cache = None
            self._folds.clear()
            self._indexes.clear()

    def _folded(self, text: str) -> str:
        folded = self._folds.get(text)
        if folded is None:
            if len(self._folds) > 20_000:  # texts edited many times: start afresh
                self._folds.clear()
            folded = self._folds[text] = fold(text)
        return folded

    def _pins(self) -> tuple[str, ...]:
        stamp = self.vault.generation(SETTINGS_KIND)
        if self._pins_cache is None or self._pins_cache[0] != stamp:
            self._pins_cache = (stamp, tuple(load_settings(self.vault).pinned_reply_ids))
        return self._pins_cache[1]

    def _effective(self) -> list[DeclineReply]:
        """Own replies and the agency replies no own edit overrides, pins applied."""
        items, _ = self._load()
        overridden = {t for r in items if (t := edited_from(r.id)) is not None}
        pins = {slot: n for n, slot in enumerate(self._pins())}
        out = []
        for reply in items:
            if reply.id in overridden:
                continue
            pinned = slot_of(reply.id) in pins
            out.append(reply if reply.pinned == pinned else _replace(reply, pinned=pinned))
        return out

    def replies(self, language: str | None = None) -> list[DeclineReply]:
        """What the talent sees: pinned first (in pin order), then own, then the agency's.

        Args:
            language: ``"id"`` or ``"en"`` to filter; None for both.
        """
        return list(self._index(language).replies)  # a copy: the index is shared

    def _index(self, language: str | None) -> _SearchIndex:
        """The replies in ``language`` as shown, sorted and folded once per vault change."""
        # Read before loading, so a write meanwhile only makes the next call rebuild.
        stamp = (self.vault.generation(_REPLY_KIND), self.vault.generation(SETTINGS_KIND))
        with self._lock:
            index = self._indexes.get(language)
        if index is not None and index.stamp == stamp:
            return index
        # Built outside the lock (it may decrypt every reply): two threads racing here
        # build the same thing, and the last one kept is as good as the other.
        pins = {slot: n for n, slot in enumerate(self._pins())}
        shown = [r for r in self._effective() if language is None or r.language == language]
        shown.sort(
            key=lambda r: (
                pins.get(slot_of(r.id), MAX_PINS),
                r.source is Source.AGENCY,
                STYLE_ORDER.get(r.style, len(STYLE_ORDER)),
                r.id,
            )
        )
        codes = tuple(r.shortcode for r in shown)
        index = _SearchIndex(
            stamp=stamp,
            replies=tuple(shown),
            codes=codes,
            texts=tuple(self._folded(r.text) for r in shown),
            code_room=max(map(len, codes), default=0) + 1,
            all_codes="".join(codes),
            code_starts=tuple(itertools.accumulate(map(len, codes[:-1]), initial=0)),
        )
        with self._lock:
            self._indexes[language] = index
        return index

    def problems(self) -> list[IntegrityProblem]:
        """Replies that could not be read, by name (never silently dropped)."""
        return self._load()[1]

    def agency_replies(self) -> list[DeclineReply]:
        """Every agency reply, including those an own edit hides."""
        return [r for r in self._load()[0] if is_agency_id(r.id)]

    def own_replies(self) -> list[DeclineReply]:
        """Every reply of the talent's own, including edits of agency replies."""
        return [r for r in self._load()[0] if not is_agency_id(r.id)]

    def get(self, reply_id: str) -> DeclineReply | None:
        """One reply as the talent sees it: an agency id yields the talent's edit if any."""
        for reply in self._effective():
            if reply.id == reply_id or slot_of(reply.id) == reply_id:
                return reply
        return None

    def resolve(self, reply_ids: Iterable[str]) -> list[DeclineReply]:
        """Replies for ids as a boundary item links them (edits stand in for originals).

        Ids that no longer exist are skipped; order is kept, duplicates dropped.
        """
        by_slot = {slot_of(r.id): r for r in self._effective()}
        out: dict[str, DeclineReply] = {}
        for rid in reply_ids:
            reply = by_slot.get(slot_of(rid))
            if reply is not None:
                out.setdefault(reply.id, reply)
        return list(out.values())

    def closing_reply(self, language: str) -> DeclineReply | None:
        """The closing reply to suggest: pinned first, then the talent's own, then the agency's.

        Only replies in ``language`` (the talent's); None if there is none.
        """
        for reply in self.replies(language):
            if reply.style is ReplyStyle.CLOSING:
                return reply
        return None

    # ----------------------------------------------------------------- search

    def search(
        self, query: str, language: str | None = None, limit: int | None = 50
    ) -> list[SearchHit]:
        """Find replies as the talent types.

        Ranking: shortcodes that start with the query (shortest first), then shortcodes
        that contain it, then fuzzy matches in the text (best score first); pinned
        replies first within a tie. A leading ``/`` is ignored (``/tutup`` finds
        ``tutup``). An empty query lists every reply, pinned first.

        Args:
            query: What the talent typed.
            language: Filter by language; None for both.
            limit: Most hits to return; None for all.
        """
        index = self._index(language)
        text = query.strip()
        if text.startswith("/"):
            text = text[1:]
        if not text:
            shown = index.replies if limit is None else index.replies[:limit]
            return [SearchHit(r, MatchTier.TEXT, 0) for r in shown]
        folded = fold(text)
        code_query = folded.replace(" ", "")
        codes = index.codes
        n, room = max(1, len(index.replies)), index.code_room
        # Each tier's rank is packed into one int, ints sorting much faster than tuples.
        # The position comes last, so "pinned first within a tie" holds (the index lists
        # pinned replies first); text keys are ``position - score * n``, best score first.
        # Only shortcodes that contain the query are looked at one by one.
        in_codes = index.code_matches(code_query) if code_query else {}
        prefix = [len(codes[o]) * n + o for o, at in in_codes.items() if at == 0]
        contains = [(at * room + len(codes[o])) * n + o for o, at in in_codes.items() if at]
        candidates = self._candidates(index, folded)
        orders = [o for o in candidates if o not in in_codes] if in_codes else list(candidates)
        wanted = None if limit is None or limit < 0 else limit - len(prefix) - len(contains)
        scored, unscored = self._rank_text(index, folded.split(), orders, wanted)
        prefix.sort()
        contains.sort()
        scored.sort()
        keys = itertools.chain(prefix, contains, scored)
        hit_positions = (*(key % n for key in keys), *unscored)
        self._remember(index, folded, hit_positions)

        hits: list[SearchHit] = []
        codes_end = len(prefix) + len(contains)
        # Hit objects only for what is returned (a scan may match every reply).
        for rank, order in enumerate(hit_positions if limit is None else hit_positions[:limit]):
            if rank < len(prefix):
                hit = SearchHit(index.replies[order], MatchTier.SHORTCODE_PREFIX, 0)
            elif rank < codes_end:
                hit = SearchHit(index.replies[order], MatchTier.SHORTCODE, 0)
            else:
                score = -(scored[rank - codes_end] // n)
                hit = SearchHit(index.replies[order], MatchTier.TEXT, score)
            hits.append(hit)
        return hits

    def _rank_text(
        self, index: _SearchIndex, words: list[str], orders: list[int], wanted: int | None
    ) -> tuple[list[int], list[int]]:
        """Text matches among ``orders`` (positions in ``index``) for the folded terms.

        Term by term over the replies still in the running. A term's scores are kept for
        the next keystroke, which mostly repeats all terms but the last. When only the
        best ``wanted`` count, a gapped match is only bounded at first (see
        :func:`_match_term`) and worked out only if that bound reaches the
        ``wanted``-th best exact total: anything below it cannot be shown.

        Returns:
            The keys ``position - score * n`` of the scored matches, and the positions of
            matches left unscored as they cannot rank.
        """
        n = max(1, len(index.replies))
        totals = [0] * len(orders)
        unsure: dict[int, list[tuple[_Term, int]]] = {}  # position: (term, bound) pairs
        for word in words:
            term = _term(word)
            known = self._term_scores(index, word)
            fresh: dict[int, int | None] = {}
            kept: list[int] = []
            kept_totals: list[int] = []
            for order, total in zip(orders, totals, strict=True):
                if known and order in known:
                    score = known[order]
                else:
                    match = _match_term(term, index.texts[order], exact=wanted is None)
                    if match is None:
                        score = fresh[order] = None
                    elif match[1]:
                        score = fresh[order] = match[0]
                    else:
                        score = match[0]
                        unsure.setdefault(order, []).append((term, score))
                if score is not None:
                    kept.append(order)
                    kept_totals.append(total + score)
            orders, totals = kept, kept_totals
            if fresh:
                self._keep_term_scores(index, word, fresh)
        if not unsure or wanted is None:
            return [o - t * n for o, t in zip(orders, totals, strict=True)], []

        sure = [t for o, t in zip(orders, totals, strict=True) if o not in unsure]
        if wanted <= 0:
            floor: float = math.inf  # shortcodes fill the list: no text match is shown
        elif wanted <= len(sure):
            floor = heapq.nlargest(wanted, sure)[-1]
        else:
            floor = -math.inf
        keys: list[int] = []
        unscored: list[int] = []
        worked_out: dict[str, dict[int, int | None]] = {}
        for order, total in zip(orders, totals, strict=True):
            pending = unsure.get(order)
            if pending is None:
                keys.append(order - total * n)
            elif total < floor:
                unscored.append(order)
            else:
                for term, bound in pending:
                    match = _match_term(term, index.texts[order])
                    assert match is not None  # it matched, only its score was unknown
                    worked_out.setdefault(term.text, {})[order] = match[0]
                    total += match[0] - bound
                keys.append(order - total * n)
        for word, scores in worked_out.items():
            self._keep_term_scores(index, word, scores)
        return keys, unscored

    def _candidates(self, index: _SearchIndex, folded: str) -> Iterable[int]:
        """Positions in ``index`` that can match the folded query: narrowed when it extends
        a recent query, else all.

        Why narrowing is exact: let the earlier query be ``q`` and the new one ``q + s``.
        Its shortcode query extends ``q``'s, so a shortcode that starts with or contains
        the new one did so with the old one too (or the old one was all spaces, which
        matches every reply). Every term of ``q`` is a term of ``q + s`` or a prefix of
        one (only the last may grow), and a prefix of a subsequence is a subsequence, so
        a text match now was a text match then. So whatever matches now, in any tier,
        matched ``q`` in some tier: only ``q``'s hits need looking at.
        """
        # Recent queries are kept per index: same replies, pins and language.
        with self._lock:
            best = max((q for q in index.recent if folded.startswith(q)), key=len, default=None)
            return range(len(index.replies)) if best is None else index.recent[best]

    def _remember(self, index: _SearchIndex, folded: str, hit_positions: tuple[int, ...]) -> None:
        with self._lock:
            recent = index.recent
            recent.pop(folded, None)
            recent[folded] = hit_positions
            while len(recent) > _RECENT_QUERIES:
                del recent[next(iter(recent))]

    def _term_scores(self, index: _SearchIndex, term: str) -> Mapping[int, int | None]:
        """Scores of ``term`` worked out so far, by position (a snapshot, never changed)."""
        with self._lock:
            return index.term_scores.get(term, {})

    def _keep_term_scores(
        self, index: _SearchIndex, term: str, fresh: Mapping[int, int | None]
    ) -> None:
        with self._lock:
            # A new dict rather than an update: another search may be reading the old one.
            known = index.term_scores.pop(term, {})
            index.term_scores[term] = {**known, **fresh}
            while len(index.term_scores) > _RECENT_TERMS:
                del index.term_scores[next(iter(index.term_scores))]

    # ----------------------------------------------------------------- editing

    def create(
        self, *, style: ReplyStyle, language: str, text: str, shortcode: str = ""
    ) -> DeclineReply:
        """Add an own reply.

        Raises:
            ReplyError: ``text_empty``, ``text_too_long``, ``shortcode_invalid``,
                ``shortcode_taken`` or ``language_invalid``.
        """
        reply = self._validated(
            reply_id=new_own_id(), style=style, language=language, text=text, shortcode=shortcode
        )
        with self.vault.transaction():
            self._check_shortcode(reply)
            self.store.save(reply)
        return reply

    def edit(
        self,
        reply_id: str,
        *,
        text: str | None = None,
        shortcode: str | None = None,
        style: ReplyStyle | None = None,
        language: str | None = None,
    ) -> DeclineReply:
        """Change a reply. Editing an agency reply stores the talent's own edit of it.

        The edit (``edit-<agency id>``) survives agency updates and hides the original;
        editing again changes the same edit.

        Raises:
            ReplyError: ``reply_not_found`` or any validation key of :meth:`create`.
        """
        with self.vault.transaction():
            current = self._load_one(reply_id)
            if current is None:
                raise ReplyError("reply_not_found", reply_id)
            target_id = current.id
            if is_agency_id(current.id):
                edit = self._load_one(EDIT_PREFIX + current.id)
                current = edit or current
                target_id = EDIT_PREFIX + slot_of(current.id)
            reply = self._validated(
                reply_id=target_id,
                style=style or current.style,
                language=language or current.language,
                text=current.text if text is None else text,
                shortcode=current.shortcode if shortcode is None else shortcode,
            )
            self._check_shortcode(reply)
            self.store.save(reply)
        return self._as_shown(reply)

    def delete(self, reply_id: str) -> None:
        """Delete an own reply. Deleting an edit brings back the agency original.

        Raises:
            ReplyError: ``agency_reply`` for an agency reply, ``reply_not_found``.
        """
        if is_agency_id(reply_id):
            raise ReplyError("agency_reply", reply_id)
        with self.vault.transaction():
            if not self.store.delete(DeclineReply, reply_id):
                raise ReplyError("reply_not_found", reply_id)
            if edited_from(reply_id) is None:
                # The slot is gone for good: so is its pin.
                change_settings(self.vault, lambda s: _drop_pin(s, reply_id))

    def revert(self, reply_id: str) -> DeclineReply:
        """Throw away the talent's edit of an agency reply; returns the original.

        Args:
            reply_id: The agency id or the edit's id.

        Raises:
            ReplyError: ``reply_not_found`` if there is no such edit or original.
        """
        agency_id = slot_of(reply_id)
        with self.vault.transaction():
            original = self._load_one(agency_id)
            if original is None or not is_agency_id(agency_id):
                raise ReplyError("reply_not_found", reply_id)
            self.store.delete(DeclineReply, EDIT_PREFIX + agency_id)
        return self._as_shown(original)

    # ----------------------------------------------------------------- pins

    def pinned(self, language: str | None = None) -> list[DeclineReply]:
        """Pinned replies in Ctrl+1…Ctrl+9 order (pins whose reply is gone are skipped)."""
        # The index sorts pinned replies in pin order: the reply panel asks on every
        # keystroke, so this must not decrypt the settings or rebuild the list.
        return [r for r in self._index(language).replies if r.pinned]

    def shortcut(self, number: int, language: str | None = None) -> DeclineReply | None:
        """The reply for Ctrl+``number`` (1 to 9), or None."""
        pinned = self.pinned(language)
        return pinned[number - 1] if 1 <= number <= len(pinned) else None

    def pin(self, reply_id: str, position: int | None = None) -> list[DeclineReply]:
        """Pin a reply, at the end or at ``position`` (1-based). Pinning again moves it.

        Raises:
            ReplyError: ``reply_not_found``, or ``pins_full`` when nine are pinned.
        """
        reply = self.get(reply_id)
        if reply is None:
            raise ReplyError("reply_not_found", reply_id)
        slot = slot_of(reply.id)
        live = {slot_of(r.id) for r in self._effective()}

        def change(settings: DeskSettings) -> None:
            pins = [p for p in settings.pinned_reply_ids if p in live and p != slot]
            if len(pins) >= MAX_PINS:
                raise ReplyError("pins_full", str(MAX_PINS))
            at = len(pins) if position is None else min(max(position, 1) - 1, len(pins))
            pins.insert(at, slot)
            settings.pinned_reply_ids = tuple(pins)

        change_settings(self.vault, change)
        return self.pinned()

    def unpin(self, reply_id: str) -> list[DeclineReply]:
        """Unpin a reply (no error if it was not pinned)."""
        change_settings(self.vault, lambda s: _drop_pin(s, slot_of(reply_id)))
        return self.pinned()

    # ----------------------------------------------------------------- copying

    def add_copy_listener(self, listener: Callable[[DeclineReply], object]) -> None:
        """Hear of every copied reply; the reply-pace meter counts a copy as an answer."""
        self._copy_listeners.add(listener)

    def copy(
        self,
        reply_id: str,
        values: ReplyValues | None = None,
        answers: Mapping[str, str] | None = None,
    ) -> str:
        """The filled-in text of a reply for the clipboard; listeners hear of the copy.

        Raises:
            ReplyError: ``reply_not_found``.
            MissingBlanksError: A required blank has no answer (nothing is counted then).
        """
        reply = self.get(reply_id)
        if reply is None:
            raise ReplyError("reply_not_found", reply_id)
        text = fill(reply.text, values, answers)
        self._copy_listeners(reply)
        return text

    # ----------------------------------------------------------------- internals

    def _as_shown(self, reply: DeclineReply) -> DeclineReply:
        """The reply as the lists show it (its ``pinned`` flag set from the pins)."""
        pinned = slot_of(reply.id) in self._pins()
        return reply if reply.pinned == pinned else _replace(reply, pinned=pinned)

    def _load_one(self, reply_id: str) -> DeclineReply | None:
        try:
            return self.store.load(DeclineReply, reply_id)
        except RecordIntegrityError:
            return None

    def _validated(
        self, *, reply_id: str, style: ReplyStyle, language: str, text: str, shortcode: str
    ) -> DeclineReply:
        if language not in LANGUAGES:
            raise ReplyError("language_invalid", language)
        if not text.strip():
            raise ReplyError("text_empty")
        if len(text) > MAX_REPLY_CHARS:
            raise ReplyError("text_too_long", str(MAX_REPLY_CHARS))
        code = shortcode.strip().lower().removeprefix("/")
        if len(code) > MAX_SHORTCODE_CHARS or not _SHORTCODE.fullmatch(code):
            raise ReplyError("shortcode_invalid", code)
        return DeclineReply(
            id=reply_id,
            style=ReplyStyle(style),
            language=language,
            text=text,
            shortcode=code,
            source=Source.PERSONAL,
        )

    def _check_shortcode(self, reply: DeclineReply) -> None:
        """One shortcode, one reply per language, among what the talent sees."""
        if not reply.shortcode:
            return
        own_slot = slot_of(reply.id)
        for other in self._effective():
            if (
                slot_of(other.id) != own_slot
                and other.language == reply.language
                and other.shortcode == reply.shortcode
            ):
                raise ReplyError("shortcode_taken", reply.shortcode)


def _replace(reply: DeclineReply, **changes: object) -> DeclineReply:
    return msgspec.structs.replace(reply, **changes)


def _drop_pin(settings: DeskSettings, slot: str) -> None:
    settings.pinned_reply_ids = tuple(p for p in settings.pinned_reply_ids if p != slot)
