"""The reply cards: the text cut into two lines that fit, what a row draws, and the
drawing itself (fonts, cut lines and laid-out texts kept between repaints)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage
from PySide6.QtWidgets import QApplication, QListView
from pytestqt.qtbot import QtBot

from talentdesk.domain import DeclineReply, ReplyStyle, Source
from talentdesk.ui.language import LanguageSwitcher
from talentdesk.ui.session.reply_list import (
    BASE,
    CARD_ROLE,
    CardFonts,
    ReplyCard,
    ReplyDelegate,
    ReplyListModel,
    make_reply_view,
    two_lines,
)

ELLIPSIS = "…"
LONG = (
    "Maaf ya kak, aku nggak bisa lanjut ke arah itu. Gimana kalau kita ngobrol soal hal "
    "lain yang seru, misalnya film favorit kamu minggu ini? Aku pengen tahu banget loh."
)


@pytest.fixture
def fonts(qapp: QApplication) -> CardFonts:
    return CardFonts(QFont(qapp.font()))


def reply(rid: str, text: str, *, source: Source = Source.PERSONAL, code: str = "") -> DeclineReply:
    return DeclineReply(
        id=rid, style=ReplyStyle.POLITE, language="id", text=text, shortcode=code, source=source
    )


# ---------------------------------------------------------------------- two lines


def test_a_short_text_is_one_line(fonts: CardFonts) -> None:
    assert two_lines("Makasih  ya\n kak", fonts.base, fonts.metrics, 400) == (
        "Makasih ya kak",
        "",
    )


def test_a_long_text_breaks_between_words_and_the_second_line_is_elided(
    fonts: CardFonts,
) -> None:
    first, second = two_lines(LONG, fonts.base, fonts.metrics, 300)

    assert fonts.metrics.horizontalAdvance(first) <= 300
    assert LONG.startswith(first + " ")  # cut at a space: no word split
    assert second.endswith(ELLIPSIS)
    assert fonts.metrics.horizontalAdvance(second) <= 300
    # The second line carries on where the first stopped.
    assert LONG[len(first) + 1 :].startswith(second[:-1].rstrip())
    # Nothing that fits was left off the first line: the next word would not fit.
    next_word = LONG[len(first) + 1 :].split(" ")[0]
    assert fonts.metrics.horizontalAdvance(f"{first} {next_word}") > 300


def test_a_word_longer_than_the_line_is_cut_inside(fonts: CardFonts) -> None:
    word = "a" * 400
    first, second = two_lines(word, fonts.base, fonts.metrics, 120)

    assert 0 < len(first) < len(word)
    assert fonts.metrics.horizontalAdvance(first) <= 120
    assert second.endswith(ELLIPSIS)


def test_zero_width_marks_do_not_shorten_the_first_line(fonts: CardFonts) -> None:
    # Combining marks take no room: more characters fit than the narrowest glyph says.
    marked = ("e\u0301" * 30 + " ") * 20
    first, _ = two_lines(marked, fonts.base, fonts.metrics, 300, narrowest=50)

    flat = " ".join(marked.split())
    assert flat.startswith(first)
    next_word = flat[len(first) :].split()[0]
    assert fonts.metrics.horizontalAdvance(f"{first} {next_word}") > 300


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyzAÉ?!.,éí", min_size=1, max_size=14),
        max_size=40,
    ),
    width=st.integers(min_value=40, max_value=600),
)
def test_the_first_line_always_fits_and_starts_the_text(
    qapp: QApplication, words: list[str], width: int
) -> None:
    font = QFont(qapp.font())
    metrics = QFontMetrics(font)
    text = " ".join(words)
    first, second = two_lines(text, font, metrics, width)

    flat = " ".join(text.split())
    assert flat.startswith(first)
    if second:
        assert metrics.horizontalAdvance(first) <= width or len(first) == 1
        assert metrics.horizontalAdvance(second) <= width or second == ELLIPSIS
    else:
        assert first == flat


def test_cut_lines_and_laid_out_texts_are_kept(fonts: CardFonts) -> None:
    lines = fonts.two_lines(LONG, 300)
    assert fonts.two_lines(LONG, 300) is lines
    assert fonts.two_lines(LONG, 301) is not lines  # another width is cut again

    laid_out, width = fonts.static(lines[0], BASE)
    assert fonts.static(lines[0], BASE)[0] is laid_out
    assert width == pytest.approx(laid_out.size().width(), abs=1)


def test_the_delegate_keeps_fonts_per_view_font(qapp: QApplication) -> None:
    delegate = ReplyDelegate()
    base = QFont(qapp.font())
    bigger = QFont(base)
    bigger.setPointSizeF(base.pointSizeF() * 2)

    assert delegate.fonts(QFont(base)) is delegate.fonts(QFont(base))
    assert delegate.fonts(bigger) is not delegate.fonts(base)
    assert delegate.fonts(bigger).line > delegate.fonts(base).line


# ---------------------------------------------------------------------- the card


def test_a_row_card_says_what_the_row_draws(qapp: QApplication) -> None:
    model = ReplyListModel()
    own = reply("own-1", "Aku punya jawaban sendiri", code="sendiri")
    agency = reply("agency-sopan", "Maaf ya", source=Source.AGENCY)
    model.set_replies([own, agency], pinned=[agency])

    first = model.data(model.index(0, 0), CARD_ROLE)
    second = model.data(model.index(1, 0), CARD_ROLE)
    assert isinstance(second, ReplyCard)

    assert first == ReplyCard(
        owner="own",
        source="Mine",
        pin=0,
        shortcode="/sendiri",
        style="Polite decline",
        text="Aku punya jawaban sendiri",
    )
    assert (second.owner, second.pin, second.shortcode) == ("agency", 1, "")


def test_cards_follow_new_rows_and_a_new_language(qapp: QApplication) -> None:
    model = ReplyListModel()
    model.set_replies([reply("own-1", "Satu")])
    assert model.card_at(0).text == "Satu"  # type: ignore[union-attr]
    model.set_replies([reply("own-2", "Dua")])
    assert model.card_at(0).text == "Dua"  # type: ignore[union-attr]

    switcher = LanguageSwitcher()
    try:
        switcher.set_language("en")
        model.retranslate()
        english = model.card_at(0).style  # type: ignore[union-attr]
        switcher.set_language("id")
        model.retranslate()
        indonesian = model.card_at(0).style  # type: ignore[union-attr]
    finally:
        switcher.uninstall()
    assert english == "Polite decline"
    assert indonesian != english


# ---------------------------------------------------------------------- drawing


def ink_rows(image: QImage, x0: int, x1: int) -> set[int]:
    """Rows of ``image`` where some pixel between x0 and x1 is dark (text)."""
    rows = set()
    for y in range(image.height()):
        for x in range(x0, x1):
            if QColor(image.pixel(x, y)).lightness() < 120:
                rows.add(y)
                break
    return rows


def test_cards_are_drawn_with_their_text(qtbot: QtBot) -> None:
    view = QListView()
    qtbot.addWidget(view)
    model = ReplyListModel(view)
    delegate = ReplyDelegate(view)
    view.setModel(model)
    view.setItemDelegate(delegate)
    view.resize(QSize(420, 300))
    view.show()
    model.set_replies([reply("own-1", LONG, code="kak")], pinned=[])
    qtbot.waitExposed(view)

    first = view.viewport().grab().toImage()
    height = view.visualRect(model.index(0, 0)).height()
    text_rows = ink_rows(first, 12, 400)

    assert text_rows, "nothing was drawn"
    assert max(text_rows) < height  # all inside the first card
    # Three lines of ink: the shortcode line and two lines of text.
    bands = sum(1 for y in sorted(text_rows) if y - 1 not in text_rows)
    assert bands == 3

    # A repaint from the kept texts draws the same picture.
    second = view.viewport().grab().toImage()
    assert second == first


def test_a_kind_too_wide_for_the_header_takes_a_line_of_its_own_and_the_row_grows(
    qtbot: QtBot,
) -> None:
    """At the session window's smallest size the list is ~245 px wide: "/contact", the
    pin and the "Agency" tag leave no room for "Polite decline". It is drawn whole on a
    line of its own (a line of ink more, the row taller than one whose kind fits), and
    the list never scrolls sideways."""
    view = make_reply_view(ReplyListModel())
    qtbot.addWidget(view)
    model = view.model()
    assert isinstance(model, ReplyListModel)
    view.resize(QSize(245, 400))
    view.show()
    long_kind = reply("agency-contact", "Maaf ya", source=Source.AGENCY, code="contact")
    short_kind = reply("agency-tanya", "Maaf ya", source=Source.AGENCY, code="t")
    switcher = LanguageSwitcher()
    try:
        switcher.set_language("en")
        model.set_replies([long_kind, short_kind], pinned=[long_kind])
        qtbot.waitExposed(view)
        QApplication.processEvents()
        card = model.card_at(0)
        assert card is not None and card.style == "Polite decline"
        delegate = view.itemDelegate()
        assert isinstance(delegate, ReplyDelegate)
        width = view.viewport().width() - 2 * ReplyDelegate.PADDING
        header = delegate.header(card, delegate.fonts(view.font()), width)
        image = view.viewport().grab().toImage()
    finally:
        switcher.uninstall()

    assert not header.kind_beside
    assert " ".join(header.kind_under) == "Polite decline"  # whole, no "…"
    first = view.visualRect(model.index(0, 0))
    second = view.visualRect(model.index(1, 0))
    assert first.height() > second.height()
    assert first.width() <= view.viewport().width()
    assert not view.horizontalScrollBar().isVisible()
    rows = ink_rows(image, 12, first.width() - 12)

    def bands(top: int, bottom: int) -> int:
        return sum(1 for y in sorted(rows) if y - 1 not in rows and top <= y < bottom)

    # The header, the kind, the text (one line); the other card: the header, the text.
    assert bands(first.top(), first.bottom()) == 3
    assert bands(second.top(), second.bottom()) == 2


def test_an_empty_row_draws_nothing(qtbot: QtBot) -> None:
    view = QListView()
    qtbot.addWidget(view)
    model = ReplyListModel(view)
    view.setModel(model)
    view.setItemDelegate(ReplyDelegate(view))
    view.resize(QSize(300, 200))
    model.set_replies([])
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()

    assert not ink_rows(image, 0, image.width())
    assert model.data(model.index(0, 0), CARD_ROLE) is None


def test_a_variable_is_never_cut_across_the_two_lines(fonts: CardFonts) -> None:
    """The walkthrough saw cards break inside ``{talent}``: at every width where a
    variable fits on a line, it stays whole on one of them."""
    text = (
        "Hai, aku {talent} dari agensi. Sesi kita tinggal {minutes_left} menit ya, "
        "makasih sudah ngobrol sama {talent}."
    )
    variables = ("{talent}", "{minutes_left}")
    widest = max(fonts.metrics.horizontalAdvance(v + ",") for v in variables)
    for width in range(widest, 700, 3):
        first, second = two_lines(text, fonts.base, fonts.metrics, width)
        for variable in variables:
            for cut in range(1, len(variable)):
                head, tail = variable[:cut], variable[cut:]
                assert not (first.endswith(head) and second.startswith(tail)), (width, first)
