"""Ready replies as a list model, and the delegate that draws each as a small card.

A row shows the pin (Ctrl+N), the shortcode, the kind of reply, who wrote it (the
agency's, the talent's own, or the talent's edit of an agency reply, each with its
own colour) and two lines of the text. The order is the service's: the search's
ranking, or pinned, own, then the agency's.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from talentdesk.domain import DeclineReply, Source
from talentdesk.sessions.replies import edited_from, slot_of
from talentdesk.ui.session.look import (
    AGENCY_TAG,
    EDITED_TAG,
    MUTED_COLOUR,
    OWN_TAG,
    SELECTED,
    SHORTCODE,
    TEXT_COLOUR,
)
from talentdesk.ui.session.words import SessionWords

ModelIndex = QModelIndex | QPersistentModelIndex

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
        self._words = SessionWords(self)

    # ------------------------------------------------------------------ contents

    def set_replies(
        self, replies: Sequence[DeclineReply], pinned: Sequence[DeclineReply] = ()
    ) -> None:
        """Show ``replies``; ``pinned`` gives the Ctrl+1…Ctrl+9 order of the pinned ones."""
        self.beginResetModel()
        self._replies = tuple(replies)
        self._pins = {slot_of(r.id): n for n, r in enumerate(pinned, start=1)}
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
        if self._replies:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._replies) - 1, 0))

    # ------------------------------------------------------------------ the model API

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._replies)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.column() != 0:
            return None
        reply = self.reply_at(index.row())
        if reply is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return reply.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return reply.text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [self._words.reply_style(reply.style), reply.text]
            if reply.shortcode:
                parts.insert(0, f"/{reply.shortcode}")
            return ". ".join(parts)
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


def _two_lines(text: str, metrics: QFontMetrics, width: int) -> tuple[str, str]:
    """Break ``text`` into a first line that fits and an elided second line."""
    flat = " ".join(text.split())
    if metrics.horizontalAdvance(flat) <= width:
        return flat, ""
    cut = len(flat)
    while cut > 0 and metrics.horizontalAdvance(flat[:cut]) > width:
        space = flat.rfind(" ", 0, cut)
        cut = space if space > 0 else cut - 1
    first, rest = flat[:cut], flat[cut:].lstrip()
    return first, metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)


class ReplyDelegate(QStyledItemDelegate):
    """Draws a reply as a small card: pin, shortcode, kind, who wrote it, two lines of text."""

    PADDING = 10
    LINE_GAP = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words = SessionWords(self)

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        metrics = QFontMetrics(option.font)
        height = 2 * self.PADDING + 3 * metrics.height() + 2 * self.LINE_GAP
        return QSize(260, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        rect: QRect = option.rect
        state = option.state
        base_font: QFont = option.font
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, SELECTED)
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, QColor("#f5f7fa"))
        painter.setPen(QPen(QColor("#eef1f5")))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())

        metrics = QFontMetrics(base_font)
        line = metrics.height()
        x = rect.left() + self.PADDING
        y = rect.top() + self.PADDING
        right = rect.right() - self.PADDING
        bold = QFont(base_font)
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)

        # The tag of who wrote it, on the right.
        owner = str(index.data(OWNER_ROLE) or "own")
        fg, bg = {"agency": AGENCY_TAG, "edited": EDITED_TAG}.get(owner, OWN_TAG)
        small = QFont(base_font)
        small.setPointSizeF(max(7.0, base_font.pointSizeF() * 0.85))
        small.setBold(True)
        small_metrics = QFontMetrics(small)
        tag = str(index.data(SOURCE_ROLE) or "")
        tag_width = small_metrics.horizontalAdvance(tag) + 14
        tag_rect = QRect(right - tag_width, y, tag_width, line)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bg)
        painter.drawRoundedRect(tag_rect, 6, 6)
        painter.setFont(small)
        painter.setPen(fg)
        painter.drawText(tag_rect, Qt.AlignmentFlag.AlignCenter, tag)

        # Pin, shortcode and kind on the left.
        pin = int(index.data(PIN_ROLE) or 0)
        if pin:
            badge = f"Ctrl+{pin}"
            badge_width = small_metrics.horizontalAdvance(badge) + 12
            badge_rect = QRect(x, y, badge_width, line)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TEXT_COLOUR)
            painter.drawRoundedRect(badge_rect, 5, 5)
            painter.setPen(QColor("white"))
            painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
            x += badge_width + 8
        code = str(index.data(SHORTCODE_ROLE) or "")
        if code:
            painter.setFont(bold)
            painter.setPen(SHORTCODE)
            painter.drawText(QRect(x, y, right - x, line), Qt.AlignmentFlag.AlignVCenter, code)
            x += bold_metrics.horizontalAdvance(code) + 10
        painter.setFont(base_font)
        painter.setPen(MUTED_COLOUR)
        kind = str(index.data(STYLE_ROLE) or "")
        space = max(0, right - tag_width - 8 - x)
        painter.drawText(
            QRect(x, y, space, line),
            Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(kind, Qt.TextElideMode.ElideRight, space),
        )

        # Two lines of the text.
        width = rect.width() - 2 * self.PADDING
        first, second = _two_lines(
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""), metrics, width
        )
        painter.setPen(TEXT_COLOUR)
        left = rect.left() + self.PADDING
        y += line + self.LINE_GAP
        painter.drawText(QRect(left, y, width, line), Qt.AlignmentFlag.AlignVCenter, first)
        if second:
            y += line + self.LINE_GAP
            painter.drawText(QRect(left, y, width, line), Qt.AlignmentFlag.AlignVCenter, second)
        painter.restore()
