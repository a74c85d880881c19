"""Decline replies: templates, fuzzy search, agency vs own, edits that survive updates, pins."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from talentdesk.domain import DeclineReply, ReplyStyle, Source
from talentdesk.sessions.replies import (
    EDIT_PREFIX,
    MAX_PINS,
    STYLE_ORDER,
    Blank,
    MatchTier,
    MissingBlanksError,
    ReplyBook,
    ReplyError,
    ReplyValues,
    blanks,
    edited_from,
    empty_variables,
    fill,
    fold,
    fuzzy_score,
    preview,
    slot_of,
    unknown_variables,
    variables,
)
from talentdesk.sessions.settings import load_settings
from talentdesk.sync.apply import apply_page
from talentdesk_agency.defaults import default_config
from talentdesk_contract import wire
from tests.sessions.conftest import Desk

# --------------------------------------------------------------------------- templates


def test_variables_with_fallbacks() -> None:
    text = "Halo, aku {talent|temanmu}. Sisa {minutes_left} menit di paket {package}."
    values = ReplyValues(talent="Sari", minutes_left=12, package="Curhat 30")
    assert fill(text, values) == "Halo, aku Sari. Sisa 12 menit di paket Curhat 30."
    assert fill(text, ReplyValues()) == "Halo, aku temanmu. Sisa  menit di paket ."
    assert fill(text, {"talent": "Dewi"}) == "Halo, aku Dewi. Sisa  menit di paket ."
    assert fill("{TALENT}", ReplyValues(talent="  Sari ")) == "Sari"  # names ignore case
    assert fill("{minutes_left|sebentar}", ReplyValues(minutes_left=-3)) == "0"
    assert variables(text) == ("talent", "minutes_left", "package")
    assert unknown_variables("Hai {talnet}, {talent}") == ("talnet",)


def test_variables_that_would_come_out_empty() -> None:
    text = "Halo, aku {talent}. Sisa {minutes_left|sebentar lagi}. {Talent} {?alasan} {{x}}"
    assert empty_variables(text, ReplyValues()) == ("talent",)  # the fallback covers one
    assert empty_variables(text, ReplyValues(talent="Sari")) == ()
    assert empty_variables("{package} {talnet}", ReplyValues(package="Curhat")) == ("talnet",)
    assert empty_variables("no variables at all", ReplyValues()) == ()


def test_blanks_the_talent_fills_in() -> None:
    text = "Maaf, aku harus akhiri sesi karena {?alasan}. {?catatan|Makasih ya}. {?alasan}"
    assert blanks(text) == (Blank("alasan", None), Blank("catatan", "Makasih ya"))
    assert blanks(text)[0].required
    assert not blanks(text)[1].required
    with pytest.raises(MissingBlanksError) as missing:
        fill(text)
    assert missing.value.names == ("alasan",)
    with pytest.raises(MissingBlanksError):
        fill(text, answers={"alasan": "   "})  # blank answers do not count
    assert (
        fill(text, answers={"ALASAN": "koneksi putus"})
        == "Maaf, aku harus akhiri sesi karena koneksi putus. Makasih ya. koneksi putus"
    )


def test_braces_that_are_not_variables_stay_text() -> None:
    assert fill("{{talent}} is literal, {talent} is not", {"talent": "Sari"}) == (
        "{talent} is literal, Sari is not"
    )
    assert fill("Senyum :-{ dan } juga {1abc} {a b}", {}) == "Senyum :-{ dan } juga {1abc} {a b}"
    assert blanks("{? reason}") == ()


# --------------------------------------------------------------------------- fuzzy matching


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Café ÉLÉGANT Straße") == "cafe elegant strasse"
    assert fuzzy_score("CAFE", "un café noir") is not None
    assert fuzzy_score("élé", "ELEGANT") is not None


def test_fuzzy_score_prefers_tight_word_start_matches() -> None:
    assert fuzzy_score("xyz", "maaf ya") is None
    assert fuzzy_score("ktm", "ketemuan") is not None  # letters in order, gaps allowed
    assert fuzzy_score("mtk", "ketemuan") is None  # out of order
    tight = fuzzy_score("ketemu", "aku nggak bisa ketemuan")
    loose = fuzzy_score("ketemu", "ke temanmu")
    assert tight is not None
    assert loose is not None
    assert tight > loose
    word_start = fuzzy_score("bay", "pembayaran lewat agensi")
    starts = fuzzy_score("bay", "bayar lewat agensi")
    assert word_start is not None
    assert starts is not None
    assert starts > word_start
    # Every term must match, in any order of the terms.
    assert fuzzy_score("agensi bayar", "pembayaran lewat agensi") is not None
    assert fuzzy_score("agensi video", "pembayaran lewat agensi") is None
    assert fuzzy_score("   ", "anything") == 0


# --------------------------------------------------------------------------- the book


def agency_defaults(desk: Desk) -> None:
    desk.agency_reply("id-polite", "Maaf ya, untuk hal itu aku nggak bisa.", shortcode="sopan")
    desk.agency_reply(
        "id-contact",
        "Maaf, aku nggak bisa berbagi kontak pribadi atau nama asli ya.",
        shortcode="kontak",
    )
    desk.agency_reply(
        "id-payment",
        "Untuk pembayaran apa pun, semuanya lewat agensi ya.",
        shortcode="bayar",
    )
    desk.agency_reply(
        "id-closing",
        "Sesi kita sudah selesai ya. Makasih banyak!",
        style=ReplyStyle.CLOSING,
        shortcode="tutup",
    )
    desk.agency_reply(
        "en-polite", "Sorry, that's something I can't do.", language="en", shortcode="polite"
    )


def test_agency_and_own_replies_are_kept_apart(desk: Desk) -> None:
    agency_defaults(desk)
    book = ReplyBook(desk.vault)
    mine = book.create(
        style=ReplyStyle.HUMOUR, language="id", text="Hehe, itu rahasia!", shortcode="/Rahasia"
    )
    assert mine.id.startswith("own-")
    assert mine.source is Source.PERSONAL
    assert mine.shortcode == "rahasia"  # lowercased, leading slash dropped
    assert [r.id for r in book.own_replies()] == [mine.id]
    assert len(book.agency_replies()) == 5
    shown = book.replies("id")
    assert shown[0] == mine  # own before agency
    assert {r.language for r in shown} == {"id"}
    assert len(book.replies()) == 6
    with pytest.raises(ReplyError) as refused:
        book.delete("agency-id-polite")
    assert refused.value.key == "agency_reply"
    book.delete(mine.id)
    assert book.own_replies() == []
    with pytest.raises(ReplyError) as missing:
        book.delete(mine.id)
    assert missing.value.key == "reply_not_found"


def test_own_reply_validation(desk: Desk) -> None:
    agency_defaults(desk)
    book = ReplyBook(desk.vault)
    cases = [
        ({"text": "   "}, "text_empty"),
        ({"text": "x" * 1001}, "text_too_long"),
        ({"shortcode": "dua kata"}, "shortcode_invalid"),
        ({"shortcode": "émoji"}, "shortcode_invalid"),
        ({"shortcode": "x" * 33}, "shortcode_invalid"),
        ({"shortcode": "sopan"}, "shortcode_taken"),  # the agency's, same language
        ({"language": "fr"}, "language_invalid"),
    ]
    for changes, key in cases:
        args: dict[str, str] = {"language": "id", "text": "Teks", "shortcode": ""}
        args.update(changes)
        with pytest.raises(ReplyError) as refused:
            book.create(style=ReplyStyle.POLITE, **args)
        assert refused.value.key == key, changes
    # The same shortcode in the other language is fine.
    book.create(style=ReplyStyle.POLITE, language="en", text="Nope", shortcode="sopan")


def test_editing_an_agency_reply_makes_an_own_edit_that_hides_it(desk: Desk) -> None:
    agency_defaults(desk)
    book = ReplyBook(desk.vault)
    edit = book.edit("agency-id-polite", text="Maaf banget, aku nggak bisa ya {talent|}.")
    assert edit.id == EDIT_PREFIX + "agency-id-polite"
    assert edit.source is Source.PERSONAL
    assert edit.shortcode == "sopan"  # kept from the original
    assert edited_from(edit.id) == "agency-id-polite"
    assert slot_of(edit.id) == "agency-id-polite"
    shown = {r.id for r in book.replies()}
    assert edit.id in shown
    assert "agency-id-polite" not in shown
    assert book.get("agency-id-polite") == edit  # the agency id finds the talent's wording
    again = book.edit("agency-id-polite", shortcode="maaf")
    assert again.id == edit.id
    assert again.text == edit.text
    assert again.shortcode == "maaf"
    assert book.edit(edit.id, style=ReplyStyle.ALTERNATIVE).style is ReplyStyle.ALTERNATIVE
    assert len(book.agency_replies()) == 5  # the original is untouched

    original = book.revert(edit.id)
    assert original.id == "agency-id-polite"
    assert book.get("agency-id-polite") == original
    with pytest.raises(ReplyError):
        book.revert("own-nothing")
    with pytest.raises(ReplyError) as missing:
        book.edit("agency-gone", text="x")
    assert missing.value.key == "reply_not_found"


def config_page(seq: int, replies: tuple[wire.DeclineReply, ...]) -> wire.FeedPage:
    config = msgspec.structs.replace(default_config(), decline_replies=replies)
    return wire.FeedPage(
        events=(
            wire.FeedEvent(
                seq=seq,
                type="config.updated",
                at=datetime.now(UTC),
                data=msgspec.Raw(wire.encode(config)),
            ),
        ),
        cursor=seq,
    )


def test_the_talents_edit_and_pins_survive_an_agency_update(desk: Desk) -> None:
    replies = default_config().decline_replies
    apply_page(desk.vault, config_page(1, replies))
    book = ReplyBook(desk.vault)
    assert all(r.source is Source.AGENCY for r in book.replies())
    book.pin("agency-id-closing")
    book.pin("agency-id-polite")
    edit = book.edit("agency-id-polite", text="Versi aku sendiri.")
    assert [r.id for r in book.pinned()] == ["agency-id-closing", edit.id]  # the pin followed

    # The agency rewrites its polite reply and drops the closing one.
    changed = tuple(
        msgspec.structs.replace(r, text="Teks baru agensi.") if r.id == "id-polite" else r
        for r in replies
        if r.id != "id-closing"
    )
    apply_page(desk.vault, config_page(2, changed))
    assert book.get("agency-id-polite") == edit  # still the talent's wording
    assert book.get("agency-id-closing") is None
    assert [r.id for r in book.pinned()] == [edit.id]
    assert book.shortcut(1) == msgspec.structs.replace(edit, pinned=True)
    assert book.shortcut(2) is None
    reverted = book.revert("agency-id-polite")
    assert reverted.text == "Teks baru agensi."


def test_the_list_follows_a_session_opening_first_closing_last(desk: Desk) -> None:
    apply_page(desk.vault, config_page(1, default_config().decline_replies))
    book = ReplyBook(desk.vault)
    styles = [r.style for r in book.replies("id")]
    assert styles[0] is ReplyStyle.OPENING  # not after "alternative", as an alphabet would
    assert styles[-1] is ReplyStyle.CLOSING
    order = [STYLE_ORDER[style] for style in styles]
    assert order == sorted(order)


def test_pins_order_ctrl_numbers(desk: Desk) -> None:
    agency_defaults(desk)
    book = ReplyBook(desk.vault)
    book.pin("agency-id-polite")
    book.pin("agency-id-contact")
    book.pin("agency-en-polite")
    book.pin("agency-id-payment", position=1)
    assert [r.id for r in book.pinned()] == [
        "agency-id-payment",
        "agency-id-polite",
        "agency-id-contact",
        "agency-en-polite",
    ]
    assert all(r.pinned for r in book.pinned())
    assert [r.id for r in book.pinned("en")] == ["agency-en-polite"]
    shortcut = book.shortcut(3)
    assert shortcut is not None
    assert shortcut.id == "agency-id-contact"
    assert book.shortcut(0) is None
    assert book.shortcut(10) is None
    assert [r.id for r in book.replies("id")][:3] == [
        "agency-id-payment",
        "agency-id-polite",
        "agency-id-contact",
    ]
    book.pin("agency-id-polite", position=99)  # pinning again moves it
    assert book.pinned()[-1].id == "agency-id-polite"
    book.unpin("agency-id-payment")
    book.unpin("agency-id-payment")  # no error
    assert len(book.pinned()) == 3
    assert load_settings(desk.vault).pinned_reply_ids[0] == "agency-id-contact"

    for n in range(MAX_PINS - 3):
        mine = book.create(style=ReplyStyle.POLITE, language="en", text=f"Reply {n}")
        book.pin(mine.id)
    extra = book.create(style=ReplyStyle.POLITE, language="en", text="One too many")
    with pytest.raises(ReplyError) as full:
        book.pin(extra.id)
    assert full.value.key == "pins_full"
    book.delete(book.pinned()[-1].id)  # deleting an own reply frees its pin
    book.pin(extra.id)
    with pytest.raises(ReplyError):
        book.pin("agency-nothing")


def test_search_ranks_shortcode_prefix_then_shortcode_then_text(desk: Desk) -> None:
    agency_defaults(desk)
    book = ReplyBook(desk.vault)
    book.create(
        style=ReplyStyle.POLITE, language="id", text="Aku butuh jeda sebentar.", shortcode="jeda"
    )
    book.create(
        style=ReplyStyle.POLITE,
        language="id",
        text="Tunggu ya, aku cek dulu ke agensi.",
        shortcode="cek-agen",
    )
    hits = book.search("ag")
    assert [(h.reply.shortcode, h.tier) for h in hits[:1]] == [("cek-agen", MatchTier.SHORTCODE)]
    assert {h.tier for h in hits[1:]} == {MatchTier.TEXT}  # "agensi" in the texts

    hits = book.search("/tu")
    assert hits[0].reply.shortcode == "tutup"
    assert hits[0].tier is MatchTier.SHORTCODE_PREFIX

    hits = book.search("ko")
    assert [h.tier for h in hits][:1] == [MatchTier.SHORTCODE_PREFIX]
    assert hits[0].reply.shortcode == "kontak"

    # Fuzzy text: accents and case do not matter, best match first.
    hits = book.search("PEMBAYARAN")
    assert hits[0].reply.id == "agency-id-payment"
    assert book.search("pmbyrn")[0].reply.id == "agency-id-payment"
    assert book.search("zzzz") == []

    # Language filter, limits, and the empty query listing everything pinned first.
    assert [h.reply.id for h in book.search("sorry", language="en")] == ["agency-en-polite"]
    assert book.search("sorry", language="id") == []
    assert len(book.search("a", limit=2)) == 2
    book.pin("agency-id-contact")
    everything = book.search("  ")
    assert everything[0].reply.id == "agency-id-contact"
    assert len(everything) == 7


def test_copy_fills_in_and_tells_the_pace_meter(desk: Desk) -> None:
    agency_defaults(desk)
    book = ReplyBook(desk.vault)
    mine = book.create(
        style=ReplyStyle.ALTERNATIVE,
        language="id",
        text="Sisa {minutes_left} menit ya, {?tawaran}?",
    )
    copied: list[DeclineReply] = []
    book.add_copy_listener(copied.append)
    with pytest.raises(MissingBlanksError):
        book.copy(mine.id, ReplyValues(minutes_left=7))
    assert copied == []  # nothing was copied, nothing counted
    text = book.copy(mine.id, ReplyValues(minutes_left=7), {"tawaran": "mau lanjut cerita"})
    assert text == "Sisa 7 menit ya, mau lanjut cerita?"
    assert copied == [mine]
    assert book.copy("agency-id-polite") == "Maaf ya, untuk hal itu aku nggak bisa."
    assert len(copied) == 2
    with pytest.raises(ReplyError):
        book.copy("agency-none")


def test_resolve_and_closing_reply(desk: Desk) -> None:
    agency_defaults(desk)
    book = ReplyBook(desk.vault)
    edit = book.edit("agency-id-contact", text="Kontak? Lewat agensi aja ya.")
    resolved = book.resolve(["agency-id-contact", "agency-gone", "agency-id-polite", edit.id])
    assert [r.id for r in resolved] == [edit.id, "agency-id-polite"]
    closing = book.closing_reply("id")
    assert closing is not None
    assert closing.id == "agency-id-closing"
    assert book.closing_reply("en") is None
    assert book.problems() == []


# --------------------------------------------------------------------------- search, fast paths
#
# The search keeps an index per vault change, narrows each keystroke from earlier ones,
# keeps term scores and scores matches in closed form. These tests hold it to the
# plain algorithm it replaced, kept here word for word as the reference.


def _reference_positions_score(text: str, positions: list[int]) -> int:
    score = 0
    previous = -2
    for n, pos in enumerate(positions):
        score += 16
        if pos == previous + 1:
            score += 12
        elif n:
            gap = pos - previous - 1
            score -= 3 + 1 * (gap - 1)
        if pos == 0 or not text[pos - 1].isalnum():
            score += 8 if n == 0 else 10
        previous = pos
    return score - min(positions[0], 40) // 4


def _reference_match_term(term: str, text: str) -> int | None:
    pos = -1
    for ch in term:
        pos = text.find(ch, pos + 1)
        if pos < 0:
            return None
    positions = [0] * len(term)
    cursor = pos
    for j in range(len(term) - 1, -1, -1):
        cursor = text.rfind(term[j], 0, cursor + 1)
        positions[j] = cursor
        cursor -= 1
    best = _reference_positions_score(text, positions)
    found = text.find(term)
    while found >= 0:
        contiguous = list(range(found, found + len(term)))
        best = max(best, _reference_positions_score(text, contiguous))
        if found == 0 or not text[found - 1].isalnum():
            break
        found = text.find(term, found + 1)
    return best


def _reference_fuzzy_score(query: str, text: str) -> int | None:
    haystack = fold(text)
    total = 0
    for term in fold(query).split():
        score = _reference_match_term(term, haystack)
        if score is None:
            return None
        total += score
    return total


def _reference_search(
    book: ReplyBook, query: str, language: str | None, limit: int | None
) -> list[tuple[str, MatchTier, int]]:
    candidates = book.replies(language)
    text = query.strip()
    if text.startswith("/"):
        text = text[1:]
    if not text:
        everything = [(r.id, MatchTier.TEXT, 0) for r in candidates]
        return everything if limit is None else everything[:limit]
    code_query = fold(text).replace(" ", "")
    ranked: list[tuple[tuple[int, int, int, int, str], tuple[str, MatchTier, int]]] = []
    for order, reply in enumerate(candidates):
        code = reply.shortcode
        if code and code_query and code.startswith(code_query):
            key = (MatchTier.SHORTCODE_PREFIX, len(code), 0, order, reply.id)
            ranked.append((key, (reply.id, MatchTier.SHORTCODE_PREFIX, 0)))
        elif code and code_query and code_query in code:
            key = (MatchTier.SHORTCODE, code.index(code_query), len(code), order, reply.id)
            ranked.append((key, (reply.id, MatchTier.SHORTCODE, 0)))
        else:
            score = _reference_fuzzy_score(text, reply.text)
            if score is not None:
                key = (MatchTier.TEXT, -score, 0, order, reply.id)
                ranked.append((key, (reply.id, MatchTier.TEXT, score)))
    ranked.sort(key=lambda pair: pair[0])
    hits = [hit for _, hit in ranked]
    return hits if limit is None else hits[:limit]


def _found(book: ReplyBook, query: str, language: str | None, limit: int | None) -> list[object]:
    return [(h.reply.id, h.tier, h.score) for h in book.search(query, language, limit)]


# Letters, word breaks, accents and ligatures that fold to more letters, a lone combining
# mark, digits, underscore (a word character that is not alphanumeric) and regex syntax.
_TRICKY = "aabkkeé sS-_1ßﬁİ\u0301.]\\^(\n"
_SEARCH_PROPS = settings(
    database=None,
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@settings(database=None, deadline=None, max_examples=2_000)
@given(query=st.text(_TRICKY, max_size=8), text=st.text(_TRICKY, max_size=60))
def test_fuzzy_score_matches_the_plain_algorithm(query: str, text: str) -> None:
    assert fuzzy_score(query, text) == _reference_fuzzy_score(query, text)


def test_fuzzy_score_on_windows_that_beat_or_lose_to_whole_matches() -> None:
    # A gapped window of word starts beats a late whole match; an early one does not.
    for query, text in (
        ("ab", "a-b " + "x" * 30 + " ab"),
        ("ab", "ab a-b"),
        ("ab", "xa-b xab"),
        ("kontak", "kita ok nanti tak kontak"),
        ("a_b", "a__b a_b"),
        ("a.", "xa. a."),
    ):
        assert fuzzy_score(query, text) == _reference_fuzzy_score(query, text), (query, text)


@st.composite
def _reply_sets(draw: st.DrawFn) -> list[DeclineReply]:
    count = draw(st.integers(0, 24))
    replies = []
    for n in range(count):
        agency = draw(st.booleans())
        # Agency shortcodes arrive as the agency wrote them: lowercase, not always folded.
        codes = "abké.-_1ß" if agency else "abk-_1"
        replies.append(
            DeclineReply(
                id=f"agency-{n}" if agency else f"own-{n}",
                style=draw(st.sampled_from(list(ReplyStyle))),
                language=draw(st.sampled_from(["id", "en"])),
                text=draw(st.text(_TRICKY, min_size=1, max_size=40).filter(str.strip)),
                shortcode=draw(st.text(codes, max_size=6)),
                source=Source.AGENCY if agency else Source.PERSONAL,
            )
        )
    return replies


@st.composite
def _typing(draw: st.DrawFn) -> list[str]:
    """What the search field holds keystroke by keystroke: typing, backspace, new words."""
    field = ""
    states = []
    for _ in range(draw(st.integers(1, 14))):
        if field and draw(st.integers(0, 4)) == 0:
            field = field[:-1]
        else:
            field += draw(st.sampled_from([*"/ aabkKe-_1é.ß", "\u0301"]))
        states.append(field)
    return states


@_SEARCH_PROPS
@given(
    replies=_reply_sets(),
    pins=st.lists(st.integers(0, 23), max_size=4, unique=True),
    typed=_typing(),
    language=st.sampled_from([None, "id", "en"]),
    limit=st.sampled_from([None, 50, 3, 1, 0, -2]),
)
def test_search_as_you_type_matches_a_search_from_scratch(
    desk: Desk,
    replies: list[DeclineReply],
    pins: list[int],
    typed: list[str],
    language: str | None,
    limit: int | None,
) -> None:
    with desk.vault.transaction():
        for old in desk.store.load_all(DeclineReply).items:
            desk.store.delete(DeclineReply, old.id)
        for reply in replies:
            desk.store.save(reply)
    book = ReplyBook(desk.vault)
    for n in pins:
        if n < len(replies):
            book.pin(replies[n].id)
    for query in typed:
        expected = _reference_search(book, query, language, limit)
        assert _found(book, query, language, limit) == expected, query
        # From scratch too: nothing narrowed, no scores kept, only what can rank scored.
        assert _found(ReplyBook(desk.vault), query, language, limit) == expected, query
    # Typed again from the start: the narrowing and the kept scores must not leak.
    for query in typed:
        expected = _reference_search(book, query, language, limit)
        assert _found(book, query, language, limit) == expected, query


def test_shortcode_ranks_by_where_then_length_then_pins(desk: Desk) -> None:
    book = ReplyBook(desk.vault)
    made = {
        code: book.create(style=ReplyStyle.POLITE, language="id", text="Teks.", shortcode=code)
        for code in ("xxb", "abbbb", "bz", "b-1", "b", "xbz", "ybz", "ab")
    }
    book.pin(made["ybz"].id)
    ranked = [(h.reply.shortcode, h.tier) for h in book.search("/b")]
    prefix, contains = MatchTier.SHORTCODE_PREFIX, MatchTier.SHORTCODE
    assert ranked == [
        ("b", prefix),  # shortest first
        ("bz", prefix),
        ("b-1", prefix),
        ("ab", contains),  # found at 1, then shortest first
        ("ybz", contains),  # a tie with "xbz": the pinned one first
        ("xbz", contains),
        ("abbbb", contains),
        ("xxb", contains),  # found later in the code: last, however short
    ]
    expected = _reference_search(book, "/b", None, 50)
    assert [(h.reply.id, h.tier, h.score) for h in book.search("/b")] == expected
    # The end of one shortcode and the start of the next do not make a match.
    assert [h.reply.shortcode for h in book.search("/bx")] == []
    assert [h.reply.shortcode for h in book.search("/1x")] == []


def test_gapped_matches_are_worked_out_when_they_can_rank(desk: Desk) -> None:
    book = ReplyBook(desk.vault)

    def mine(text: str) -> DeclineReply:
        return book.create(style=ReplyStyle.POLITE, language="id", text=text)

    gapped = mine("a b")  # 47, only bounded at first: "ab" is not in it whole
    first = mine("ab " + "x" * 30)  # 52
    tie = mine("x" * 19 + " ab")  # 47 too
    late = mine("x" * 50 + "ab")  # 34, bounded at 37 at first
    book.pin(gapped.id)  # first of the tie
    for limit in (None, 0, 1, 2, 3, 4, -1):
        fresh = ReplyBook(desk.vault)  # no scores kept from another limit
        assert _found(fresh, "ab", None, limit) == _reference_search(book, "ab", None, limit)
    assert [h.reply.id for h in ReplyBook(desk.vault).search("ab", limit=2)] == [
        first.id,
        gapped.id,
    ]
    ranked = [(h.reply.id, h.score) for h in book.search("ab")]
    assert ranked == [(first.id, 52), (gapped.id, 47), (tie.id, 47), (late.id, 34)]


def test_search_follows_changes_between_keystrokes(desk: Desk) -> None:
    agency_defaults(desk)
    book = ReplyBook(desk.vault)
    assert book.search("zz") == []
    mine = book.create(style=ReplyStyle.POLITE, language="id", text="Zzz, aku ngantuk.")
    # "zzz" extends "zz", whose hits were none: a change in between must end the narrowing.
    assert [h.reply.id for h in book.search("zzz")] == [mine.id]
    # Two replies start with "Maaf": a tie, so the one listed first wins.
    assert [h.reply.id for h in book.search("maaf", "id")][:2] == [
        "agency-id-contact",
        "agency-id-polite",
    ]
    book.pin("agency-id-polite")  # a settings change: pinned replies come first in ties
    assert [h.reply.id for h in book.search("maaf", "id")][:2] == [
        "agency-id-polite",
        "agency-id-contact",
    ]
    assert [r.id for r in book.pinned("id")] == ["agency-id-polite"]
    assert book.pinned("en") == []
    book.delete(mine.id)
    assert book.search("zzz") == []


def test_lists_handed_out_are_copies(desk: Desk) -> None:
    agency_defaults(desk)
    book = ReplyBook(desk.vault)
    book.pin("agency-id-closing")
    before = book.replies("id")
    for handed_out in (book.replies("id"), book.pinned("id"), book.search("", "id")):
        handed_out.clear()  # the index behind them is shared by every later call
    assert book.replies("id") == before
    assert [h.reply for h in book.search("", "id")] == before
    assert [r.id for r in book.pinned("id")] == ["agency-id-closing"]


def test_searching_from_many_threads_while_the_agency_replaces_replies(desk: Desk) -> None:
    agency_defaults(desk)
    book = ReplyBook(desk.vault)
    typed = ["k", "ko", "kon", "kontak", "m", "ma", "maaf", "maaf y", "/tu", "a", "ag"]
    problems: list[BaseException] = []
    done = threading.Event()

    def type_along() -> None:
        try:
            while not done.is_set():
                for query in typed:
                    for hit in book.search(query):
                        assert hit.reply.language in ("id", "en")
        except BaseException as exc:  # handed to the test thread
            problems.append(exc)

    threads = [threading.Thread(target=type_along) for _ in range(3)]
    for thread in threads:
        thread.start()
    try:
        for n in range(30):
            desk.agency_reply(f"id-extra-{n}", f"Kontak lewat agensi ya, nomor {n}.")
    finally:
        done.set()
        for thread in threads:
            thread.join()
    assert problems == []
    for query in typed:
        assert _found(book, query, None, None) == _reference_search(book, query, None, None)


def test_a_preview_fills_what_is_known_and_keeps_the_rest_as_written() -> None:
    text = "Halo, aku {talent}. {?alasan|karena capek}, {{kurung}} {minutes_left} {talnet}"
    shown = preview(text, ReplyValues(talent="Sari"))
    assert shown == "Halo, aku Sari. {?alasan|karena capek}, {{kurung}} {minutes_left} {talnet}"
    assert preview(text, ReplyValues()) == text  # no working name yet: as written
