"""Ready replies as a list model, and the delegate that draws each as a small card.

A row shows the pin (Ctrl+N), the shortcode, the kind of reply, who wrote it (the
agency's, the talent's own, or the talent's edit of an agency reply, each with its
own colour) and two lines of the text. A row is as wide as the list (which never
scrolls sideways); where the kind does not fit beside the shortcode it takes lines
of its own, and the row grows. The order is the service's: the search's
ranking, or pinned, own, then the agency's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from math import ceil
from typing import Generic, NamedTuple, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPen,
    QStaticText,
    QTextLayout,
    QTextOption,
    QTransform,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from talentdesk.domain import DeclineReply, Source
from talentdesk.sessions.replies import ReplyValues, edited_from, preview, slot_of
from talentdesk.ui.item_models import item_flags
from talentdesk.ui.session.messages import SessionMessages
from talentdesk.ui.session.style import (
    AGENCY_TAG,
    EDITED_TAG,
    MUTED_COLOUR,
    OWN_TAG,
    SELECTED,
    SHORTCODE,
    TEXT_COLOUR,
)

ModelIndex = QModelIndex | QPersistentModelIndex
K = TypeVar("K")
V = TypeVar("V")

HOVER = QColor("#f5f7fa")
DIVIDER = QPen(QColor("#eef1f5"))
BADGE_TEXT = QColor("white")

#: The ``DeclineReply`` of a row.
REPLY_ROLE = int(Qt.ItemDataRole.UserRole) + 1
#: The reply's id, a ``str``.
REPLY_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 2
#: Its Ctrl+N number (1-9), or 0 when not pinned.
PIN_ROLE = int(Qt.ItemDataRole.UserRole) + 3
#: "/shortcode", or "" when it has none.
SHORTCODE_ROLE = int(Qt.ItemDataRole.UserRole) + 4
#: The kind of reply, in words.
STYLE_ROLE = int(Qt.ItemDataRole.UserRole) + 5
#: Who wrote it, in words.
SOURCE_ROLE = int(Qt.ItemDataRole.UserRole) + 6
#: "agency", "own" or "edited" (the talent's edit of an agency reply).
OWNER_ROLE = int(Qt.ItemDataRole.UserRole) + 7
#: All a card draws, as a :class:`ReplyCard` (one call per row while painting).
CARD_ROLE = int(Qt.ItemDataRole.UserRole) + 8


class ReplyCard(NamedTuple):
    """What the delegate draws for one row, in words."""

    owner: str
    source: str
    pin: int
    shortcode: str
    style: str
    text: str


class CardHeader(NamedTuple):
    """Where a card's kind of reply goes: beside the pin and the shortcode, or on lines
    of its own under them (where the card is too narrow for it whole)."""

    kind_beside: bool
    kind_under: tuple[str, ...]


def owner_of(reply: DeclineReply) -> str:
    """``agency``, ``edited`` or ``own``."""
    if reply.source is Source.AGENCY:
        return "agency"
    return "edited" if edited_from(reply.id) is not None else "own"


class ReplyListModel(QAbstractListModel):
    """Replies, one per row, in the order given."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._replies: tuple[DeclineReply, ...] = ()
        self._pins: dict[str, int] = {}
        self._words = SessionMessages(self)
        self._cards: dict[int, ReplyCard] = {}
        self._values = ReplyValues()

    # ------------------------------------------------------------------ contents

    def set_values(self, values: ReplyValues) -> None:
        """Fill these variables into the texts on show (the working name, say)."""
        if values == self._values:
            return
        self._values = values
        self.retranslate()  # every card's text changes the same way

    def shown_text(self, reply: DeclineReply) -> str:
        """A reply's text as its card shows it (:func:`preview`)."""
        return preview(reply.text, self._values)

    def set_replies(
        self, replies: Sequence[DeclineReply], pinned: Sequence[DeclineReply] = ()
    ) -> None:
        """Show ``replies``; ``pinned`` gives the Ctrl+1…Ctrl+9 order of the pinned ones."""
        self.beginResetModel()
        self._replies = tuple(replies)
        self._pins = {slot_of(r.id): n for n, r in enumerate(pinned, start=1)}
        self._cards.clear()
        self.endResetModel()

    def replies(self) -> tuple[DeclineReply, ...]:
        """The replies on show."""
        return self._replies

    def reply_at(self, row: int) -> DeclineReply | None:
        """The reply of a row, or None."""
        return self._replies[row] if 0 <= row < len(self._replies) else None

    def row_of(self, reply_id: str) -> int | None:
        """The row of a reply (by id or by the agency reply it stands in for)."""
        for row, reply in enumerate(self._replies):
            if reply.id == reply_id or slot_of(reply.id) == reply_id:
                return row
        return None

    def pin_of(self, reply: DeclineReply) -> int:
        """The reply's Ctrl+N number, 0 when not pinned."""
        return self._pins.get(slot_of(reply.id), 0)

    def retranslate(self) -> None:
        """Every text changed (the language was switched)."""
        self._cards.clear()
        if self._replies:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._replies) - 1, 0))

    def card_at(self, row: int) -> ReplyCard | None:
        """What the card of a row shows; kept until the rows or the language change."""
        card = self._cards.get(row)
        if card is None:
            reply = self.reply_at(row)
            if reply is None:
                return None
            owner = owner_of(reply)
            card = self._cards[row] = ReplyCard(
                owner=owner,
                source=self._words.source(reply.source, edited=owner == "edited"),
                pin=self.pin_of(reply),
                shortcode=f"/{reply.shortcode}" if reply.shortcode else "",
                style=self._words.reply_style(reply.style),
                text=self.shown_text(reply),
            )
        return card

    # ------------------------------------------------------------------ the model API

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._replies)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return item_flags(index)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.column() != 0:
            return None
        reply = self.reply_at(index.row())
        if reply is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return reply.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.shown_text(reply)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [self._words.reply_style(reply.style), reply.text]
            if reply.shortcode:
                parts.insert(0, f"/{reply.shortcode}")
            return ". ".join(parts)
        if role == CARD_ROLE:
            return self.card_at(index.row())
        if role == REPLY_ROLE:
            return reply
        if role == REPLY_ID_ROLE:
            return reply.id
        if role == PIN_ROLE:
            return self.pin_of(reply)
        if role == SHORTCODE_ROLE:
            return f"/{reply.shortcode}" if reply.shortcode else ""
        if role == STYLE_ROLE:
            return self._words.reply_style(reply.style)
        if role == SOURCE_ROLE:
            return self._words.source(reply.source, edited=owner_of(reply) == "edited")
        if role == OWNER_ROLE:
            return owner_of(reply)
        return None


class _Kept(Generic[K, V]):
    """Values made once per key; past :data:`TEXTS_KEPT` of them it starts afresh."""

    def __init__(self) -> None:
        self._values: dict[K, V] = {}

    def get(self, key: K, make: Callable[[], V]) -> V:
        value = self._values.get(key)
        if value is None:
            if len(self._values) >= TEXTS_KEPT:
                self._values.clear()
            value = self._values[key] = make()
        return value


class CardFonts:
    """The fonts of a card, their metrics, and the texts drawn in them, made once.

    A repaint draws every visible row, and the next keystroke's results are mostly
    rows drawn before: building fonts and metrics, cutting the text into two lines
    and laying out each text cost more than drawing it, so all of that is kept, per
    base font (``QFont.key()``). Texts are kept as QStaticText, laid out once.
    """

    def __init__(self, base: QFont) -> None:
        self.base = QFont(base)
        self.metrics = QFontMetrics(self.base)
        self.line = self.metrics.height()
        self.bold = QFont(base)
        self.bold.setBold(True)
        self.small = QFont(base)
        self.small.setPointSizeF(max(7.0, base.pointSizeF() * 0.85))
        self.small.setBold(True)
        self.small_offset = max(0, (self.line - QFontMetrics(self.small).height()) // 2)
        self.narrowest = max(1, min(self.metrics.horizontalAdvance(c) for c in NARROW_GLYPHS))
        self._lines: _Kept[tuple[str, int], tuple[str, str]] = _Kept()
        self._elided: _Kept[tuple[str, int], str] = _Kept()
        self._texts: _Kept[tuple[str, int], tuple[QStaticText, int]] = _Kept()
        self._headers: _Kept[tuple[int, str, str, str, int], CardHeader] = _Kept()

    def two_lines(self, text: str, width: int) -> tuple[str, str]:
        """``text`` as a first line that fits ``width`` and an elided second line."""
        return self._lines.get(
            (text, width),
            lambda: two_lines(text, self.base, self.metrics, width, self.narrowest),
        )

    def header(self, card: ReplyCard, width: int) -> CardHeader:
        """The header of ``card`` in a card whose contents are ``width`` wide (see
        :meth:`ReplyDelegate.header`); kept, as a list lays every row out on each search."""
        return self._headers.get(
            (card.pin, card.shortcode, card.style, card.source, width),
            lambda: self._lay_out_header(card, width),
        )

    def _lay_out_header(self, card: ReplyCard, width: int) -> CardHeader:
        used = 0
        if card.pin:
            used += self.static(f"Ctrl+{card.pin}", SMALL)[1] + 12 + 8
        if card.shortcode:
            used += self.static(self.elided(card.shortcode, width - used), BOLD)[1] + 10
        tag_width = self.static(card.source, SMALL)[1] + 14
        if self.static(card.style, BASE)[1] <= width - tag_width - 8 - used:
            return CardHeader(kind_beside=True, kind_under=())
        return CardHeader(kind_beside=False, kind_under=wrapped(card.style, self.base, width))

    def elided(self, text: str, width: int) -> str:
        """``text`` cut with "…" to fit ``width`` in the base font."""
        if width <= 0:
            return ""
        return self._elided.get(
            (text, width),
            lambda: self.metrics.elidedText(text, Qt.TextElideMode.ElideRight, width),
        )

    def static(self, text: str, font: int) -> tuple[QStaticText, int]:
        """``text`` laid out in one of the card's fonts (``BASE``, ``BOLD``, ``SMALL``).

        Returns:
            The laid-out text and its width in pixels (rounded up).
        """

        def lay_out() -> tuple[QStaticText, int]:
            laid_out = QStaticText(text)
            laid_out.setTextFormat(Qt.TextFormat.PlainText)
            laid_out.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
            laid_out.prepare(QTransform(), self.font(font))
            return laid_out, ceil(laid_out.size().width())

        return self._texts.get((text, font), lay_out)

    def font(self, font: int) -> QFont:
        """The font ``BASE``, ``BOLD`` or ``SMALL``."""
        return (self.base, self.bold, self.small)[font]


#: The card's fonts, for :meth:`CardFonts.static`.
BASE, BOLD, SMALL = 0, 1, 2

#: Texts (and cut lines) kept per font before the store starts afresh: a hundred
#: times what a list shows. A laid-out text takes ~2.5 KB, so at most ~2.5 MB.
TEXTS_KEPT = 1024

#: Glyphs narrower than most letters in common fonts.
NARROW_GLYPHS = " .,'il|!:;"


def two_lines(
    text: str, font: QFont, metrics: QFontMetrics, width: int, narrowest: int = 1
) -> tuple[str, str]:
    """Break ``text`` into a first line that fits ``width`` and an elided second line.

    One QTextLayout line breaks at the last word that fits (or inside a word too long
    for a line), shaping the text once; measuring prefix after prefix shaped it a
    dozen times per row. ``narrowest`` is the font's narrowest glyph width: two
    lines never hold more characters than fit at that width, and what is never drawn
    need not be shaped.
    """
    flat = " ".join(text.split())
    if width <= 0 or not flat:
        return flat, ""
    room = 2 * width // max(1, narrowest) + 2
    cut = _first_line_length(flat[:room], font, width)
    if cut >= room and len(flat) > room:  # zero-width marks: shape it all after all
        cut = _first_line_length(flat, font, width)
    if cut >= len(flat):
        return flat, ""
    first, rest = flat[:cut].rstrip(), flat[cut:].lstrip()
    elided = metrics.elidedText(rest[:room], Qt.TextElideMode.ElideRight, width)
    if len(rest) > room and elided == rest[:room]:
        elided = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return first, elided


def wrapped(text: str, font: QFont, width: int) -> tuple[str, ...]:
    """``text`` in lines that fit ``width``: broken between words, inside a word only
    where one word is wider than the line."""
    lines = []
    rest = " ".join(text.split())
    while rest:
        cut = max(1, _first_line_length(rest, font, width))
        lines.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return tuple(lines)


def _first_line_length(text: str, font: QFont, width: int) -> int:
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(width)
    length = line.textLength()
    layout.endLayout()
    return length


class ReplyDelegate(QStyledItemDelegate):
    """Draws a reply as a small card: pin, shortcode, kind, who wrote it, two lines of text."""

    PADDING = 10
    LINE_GAP = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fonts: dict[str, CardFonts] = {}
        self._last: CardFonts | None = None

    def fonts(self, base: QFont) -> CardFonts:
        """The card fonts for ``base`` (the view's font), made on first use."""
        last = self._last
        if last is not None and last.base == base:  # a font compares faster than its key
            return last
        key = base.key()
        fonts = self._fonts.get(key)
        if fonts is None:
            fonts = self._fonts[key] = CardFonts(base)
        self._last = fonts
        return fonts

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        fonts = self.fonts(option.font)
        view = option.widget
        if isinstance(view, QListView):  # as wide as the list: it never scrolls sideways
            width = max(1, view.viewport().width() - 2 * view.spacing())
        else:
            width = option.rect.width() if option.rect.width() > 0 else 260
        lines = 3
        card = index.data(CARD_ROLE)
        if isinstance(card, ReplyCard):
            lines += len(self.header(card, fonts, width - 2 * self.PADDING).kind_under)
        height = 2 * self.PADDING + lines * fonts.line + (lines - 1) * self.LINE_GAP
        return QSize(width, height)

    def header(self, card: ReplyCard, fonts: CardFonts, width: int) -> CardHeader:
        """Where the kind of reply goes in a card whose contents are ``width`` wide: beside
        the pin and the shortcode where it fits whole, else on lines of its own under
        them (a talent picks a reply by its kind: it is never cut)."""
        return fonts.header(card, width)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        card = index.data(CARD_ROLE)
        if not isinstance(card, ReplyCard):
            return
        rect: QRect = option.rect
        state = option.state
        fonts = self.fonts(option.font)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, SELECTED)
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, HOVER)
        painter.setPen(DIVIDER)
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())

        line = fonts.line
        x = rect.left() + self.PADDING
        y = rect.top() + self.PADDING
        right = rect.right() - self.PADDING

        # The tag of who wrote it, on the right.
        fg, bg = {"agency": AGENCY_TAG, "edited": EDITED_TAG}.get(card.owner, OWN_TAG)
        tag, tag_width = fonts.static(card.source, SMALL)
        tag_width += 14
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bg)
        painter.drawRoundedRect(QRect(right - tag_width, y, tag_width, line), 6, 6)
        painter.setFont(fonts.small)
        painter.setPen(fg)
        painter.drawStaticText(right - tag_width + 7, y + fonts.small_offset, tag)

        # Pin, shortcode and kind on the left.
        if card.pin:
            badge, badge_width = fonts.static(f"Ctrl+{card.pin}", SMALL)
            badge_width += 12
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TEXT_COLOUR)
            painter.drawRoundedRect(QRect(x, y, badge_width, line), 5, 5)
            painter.setPen(BADGE_TEXT)
            painter.drawStaticText(x + 6, y + fonts.small_offset, badge)
            x += badge_width + 8
        if card.shortcode:
            code, code_width = fonts.static(fonts.elided(card.shortcode, right - x), BOLD)
            painter.setFont(fonts.bold)
            painter.setPen(SHORTCODE)
            painter.drawStaticText(x, y, code)
            x += code_width + 10
        painter.setFont(fonts.base)
        painter.setPen(MUTED_COLOUR)
        width = rect.width() - 2 * self.PADDING
        left = rect.left() + self.PADDING
        header = self.header(card, fonts, width)
        if header.kind_beside:
            painter.drawStaticText(x, y, fonts.static(card.style, BASE)[0])
        for kind_line in header.kind_under:
            y += line + self.LINE_GAP
            painter.drawStaticText(left, y, fonts.static(kind_line, BASE)[0])

        # Two lines of the text.
        first, second = fonts.two_lines(card.text, width)
        painter.setPen(TEXT_COLOUR)
        y += line + self.LINE_GAP
        painter.drawStaticText(left, y, fonts.static(first, BASE)[0])
        if second:
            y += line + self.LINE_GAP
            painter.drawStaticText(left, y, fonts.static(second, BASE)[0])
        painter.restore()


def make_reply_view(model: ReplyListModel) -> QListView:
    """A list of ``model``'s replies drawn as cards: rows as wide as the list, each as tall
    as its card at that width (re-laid out when the list is resized), never scrolled
    sideways."""
    view = QListView()
    view.setObjectName("replyList")
    view.setModel(model)
    view.setItemDelegate(ReplyDelegate(view))
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setWordWrap(True)  # the rows' heights follow the width (and the layout check knows)
    view.setMouseTracking(True)
    return view
