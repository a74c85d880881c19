"""Does every text fit? The measuring half of the layout check (``test_layout.py``).

For a window on screen, :func:`misfits` looks at every visible label, button, check
box and combo box, measures the room its text needs with the widget's own font
metrics (wrapped at the widget's width where the label wraps), and compares that with
the widget's actual geometry. It also reports widgets that their parent cuts off,
widgets that overlap a sibling of the same layout, combo boxes whose popup opens
showing fewer than a few items, and controls that the mouse wheel changes while they
do not have the focus, and rows of a word-wrapping list whose height is not that of
their text wrapped at the row's width (a blank line under a wrapped item, or a line
cut), lists and tables that scroll sideways, empty text boxes (of one line or more)
and combo boxes whose hint (placeholder) does not fit them, and a table's cells whose
text is cut (:func:`cell_misfits`: elided with "…" without the whole text in its
tooltip, cut short of a wrapped line, or past the table's right edge), and cards that
reach past the margin their layouts keep or past a view that does not scroll sideways
(:func:`card_misfit`).
:func:`unseen_misfits` reports the cards and controls a talent must see at a stop (the
reply pace, the escalate button) that are not wholly in view: scrolled partly out of
their scroll area, which the text checks allow.

Measuring, not looking: the numbers are Qt's, with the fonts fontconfig gives
(DejaVu Sans on CI, ``fonts-dejavu-core``), so a text one pixel too wide is found
whatever the screenshot would make of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from PySide6 import QtGui
from PySide6.QtCore import QPoint, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollBar,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QStyleOptionViewItem,
    QTextEdit,
    QToolButton,
    QTreeView,
    QWidget,
)

#: Pixels of rounding forgiven (Qt rounds font metrics and layout sizes separately).
SLACK = 1
#: A popup must show at least this many items (or all, when there are fewer).
POPUP_ROWS = 5


@dataclass(frozen=True)
class Misfit:
    """One thing that does not fit, in words a failing test can print."""

    widget: str
    text: str
    problem: str

    def __str__(self) -> str:
        return f"{self.widget} {self.text!r}: {self.problem}"


def name_of(widget: QWidget) -> str:
    """``window/…/parent/widget`` by object names (class names where there is none)."""
    parts: list[str] = []
    each: QWidget | None = widget
    while each is not None:
        parts.append(each.objectName() or type(each).__name__)
        if each.isWindow():
            break
        each = each.parentWidget()
    named = [part for part in reversed(parts) if not part.startswith("qt_")]
    if len(named) > 4:
        named = [named[0], "…", *named[-3:]]
    return "/".join(named)


def shown_widgets(window: QWidget) -> Iterator[QWidget]:
    """Every widget of ``window`` that is on show (not hidden, not in another window)."""
    for widget in window.findChildren(QWidget):
        if widget.isWindow() or not widget.isVisibleTo(window):
            continue
        yield widget


def plain(text: str) -> str:
    """A button's text as drawn: "&Save" shows "Save", "&&" shows "&"."""
    return re.sub(r"&(.)", r"\1", text)


def text_size(widget: QWidget, text: str, width: int | None, rich: bool = False) -> QSize:
    """The room ``text`` needs in ``widget``'s font; wrapped at ``width`` when given."""
    if rich:
        document = QTextDocument()
        document.setDefaultFont(widget.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        if width is not None:
            document.setTextWidth(width)
        size = document.size()
        return QSize(int(size.width() + 0.999), int(size.height() + 0.999))
    metrics = QFontMetrics(widget.font())
    if width is None:
        lines = text.split("\n")
        return QSize(
            max(metrics.horizontalAdvance(line) for line in lines),
            metrics.height() * len(lines),
        )
    flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
    bound = metrics.boundingRect(QRect(0, 0, max(1, width), 1_000_000), flags, text)
    return bound.size()


def _too_small(needed: QSize, room: QRect | QSize) -> str:
    size = room.size() if isinstance(room, QRect) else room
    wide = needed.width() > size.width() + SLACK
    tall = needed.height() > size.height() + SLACK
    if not (wide or tall):
        return ""
    return f"needs {needed.width()}×{needed.height()} px, has {size.width()}×{size.height()}"


def label_indent(label: QLabel) -> int:
    """The pixels Qt keeps between a label's text and its contents' edge: its indent, or
    where none is set and it has a frame (a style sheet's border gives it one) half an
    "x" less its margin, as ``QLabel::paintEvent`` does."""
    indent = label.indent()
    if indent < 0 and label.frameWidth() > 0:
        indent = label.fontMetrics().horizontalAdvance("x") // 2 - label.margin()
    return max(0, indent)


def label_misfit(label: QLabel) -> Misfit | None:
    """A label whose text does not fit its contents rectangle."""
    text = label.text()
    if not text.strip() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    room = label.contentsRect()
    margin = label.margin()
    room = room.adjusted(margin, margin, -margin, -margin)
    indent = label_indent(label)
    if indent > 0:
        # Qt draws the text this far in from the side it is aligned to.
        align = label.alignment()
        if align & (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignRight):
            room = room.adjusted(0, 0, -indent, 0)
        elif align & (Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignBottom):
            room = room.adjusted(0, 0, 0, -indent)
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    )
    needed = text_size(label, text, room.width() if label.wordWrap() else None, rich)
    problem = _too_small(needed, room)
    return Misfit(name_of(label), text, problem) if problem else None


def lines_misfit(label: QLabel, most: int, whole: str) -> Misfit | None:
    """A label that takes more than ``most`` lines, or that shows less than ``whole``
    (its text cut, or in other words) without ``whole`` in its tooltip."""
    text = label.text()
    room = label.contentsRect()
    needed = text_size(label, text, room.width() if label.wordWrap() else None)
    lines = round(needed.height() / max(1, label.fontMetrics().height()))
    problems = []
    if lines > most:
        problems.append(f"takes {lines} lines, at most {most}")
    if " ".join(text.split()) != " ".join(whole.split()) and label.toolTip() != whole:
        problems.append(f"shows less than {whole!r} and its tooltip is {label.toolTip()!r}")
    return Misfit(name_of(label), text, "; ".join(problems)) if problems else None


def button_misfit(button: QAbstractButton) -> Misfit | None:
    """A push button, check box or radio button whose text does not fit."""
    text = plain(button.text())
    if not text.strip():
        return None
    option = QStyleOptionButton()
    option.initFrom(button)
    option.text = button.text()
    option.icon = button.icon()
    option.iconSize = button.iconSize()
    style = button.style()
    if isinstance(button, QCheckBox):
        element = QStyle.SubElement.SE_CheckBoxContents
    elif isinstance(button, QRadioButton):
        element = QStyle.SubElement.SE_RadioButtonContents
    elif isinstance(button, QPushButton):
        element = QStyle.SubElement.SE_PushButtonContents
    else:
        return None
    room = style.subElementRect(element, option, button)
    needed = text_size(button, text, None)
    if not button.icon().isNull():
        needed.setWidth(needed.width() + button.iconSize().width() + 4)
    problem = _too_small(needed, room)
    return Misfit(name_of(button), text, problem) if problem else None


def placeholder_misfit(box: QPlainTextEdit | QTextEdit) -> Misfit | None:
    """An empty text box whose hint does not fit it: Qt draws the placeholder wrapped at
    the viewport's width (less the document's margin) and cuts what falls below."""
    hint = box.placeholderText()
    if not hint.strip() or not box.document().isEmpty():
        return None
    margin = int(box.document().documentMargin())
    room = box.viewport().rect().adjusted(margin, margin, 0, 0)
    problem = _too_small(text_size(box, hint, room.width()), room)
    return Misfit(name_of(box), hint, f"its hint {problem}") if problem else None


#: Pixels QLineEdit keeps between its text and its contents' edges, on each side.
LINE_EDIT_MARGIN = 2


def line_placeholder_misfit(field: QLineEdit) -> Misfit | None:
    """An empty one-line box whose hint does not fit it.

    Measured as Qt draws it: in the contents rectangle less the text margins, less the
    room of each side button on show (a clear button shows only over text), less two
    pixels on each side; a longer hint is cut with "…".
    """
    hint = field.placeholderText()
    if not hint.strip() or field.text():
        return None
    option = QStyleOptionFrame()
    field.initStyleOption(option)
    room = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
    room = room.marginsRemoved(field.textMargins())
    small = field.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, field)
    icon = 16 if small < 24 else 32
    sides = [b for b in field.findChildren(QToolButton) if b.isVisibleTo(field)]
    width = room.width() - len(sides) * (icon // 4 + icon + 6) - 2 * LINE_EDIT_MARGIN
    metrics = QFontMetrics(field.font())
    if metrics.elidedText(hint, Qt.TextElideMode.ElideRight, width) == hint:
        return None
    needed = metrics.horizontalAdvance(hint)
    return Misfit(name_of(field), hint, f"its hint needs {needed} px, has {width} (cut with …)")


def combo_misfits(combo: QComboBox) -> list[Misfit]:
    """Items of a combo box, and its hint (shown while nothing is chosen), that would not
    fit its field."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    room = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    found = []
    for row in range(combo.count()):
        text = combo.itemText(row)
        problem = _too_small(text_size(combo, text, None), room)
        if problem:
            found.append(Misfit(name_of(combo), text, f"item {row}: {problem}"))
    hint = combo.placeholderText()
    problem = _too_small(text_size(combo, hint, None), room) if hint.strip() else ""
    if problem:
        found.append(Misfit(name_of(combo), hint, f"its hint {problem}"))
    return found


def row_misfits(view: QListView) -> list[Misfit]:
    """Rows of a word-wrapping list that do not take the height of their text.

    Each row's text is wrapped at the width the list gives its rows (the viewport less
    the spacing on both sides) and measured by the list's own delegate; the row, and the
    room the list leaves for it before the next row, must have that height. A list that
    laid a row out for another width leaves a blank line under it (Qt elides the line
    above) or cuts its last line; a row wider than the list is cut on the right.
    """
    model = view.model()
    if not view.wordWrap() or model is None:
        return []
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    spacing = view.spacing()
    width = view.viewport().width() - 2 * spacing
    rows = [row for row in range(model.rowCount(view.rootIndex())) if not view.isRowHidden(row)]
    found = []
    for number, row in enumerate(rows):
        index = model.index(row, view.modelColumn(), view.rootIndex())
        rect = view.visualRect(index)
        option.rect = QRect(0, 0, width, rect.height())
        needed = view.itemDelegateForIndex(index).sizeHint(option, index).height()
        problems = []
        if abs(needed - rect.height()) > SLACK:
            problems.append(f"is {rect.height()} px tall")
        if number + 1 < len(rows):
            following = model.index(rows[number + 1], view.modelColumn(), view.rootIndex())
            room = view.visualRect(following).top() - rect.top() - 2 * spacing
            if abs(needed - room) > SLACK:
                problems.append(f"has {room} px before the next row")
        if rect.width() > width + SLACK:
            problems.append(f"is {rect.width()} px wide")
        if problems:
            found.append(
                Misfit(
                    name_of(view),
                    str(index.data(Qt.ItemDataRole.DisplayRole)),
                    f"row {row} {' and '.join(problems)}; its text wrapped at the list's "
                    f"{width} px needs {needed} px",
                )
            )
    return found


def cell_misfits(view: QTreeView) -> list[Misfit]:
    """Cells of a table whose text does not show whole: wider than its cell where the
    table does not wrap (Qt elides it with "…"), taller than its row where it wraps, or
    reaching past the table's right edge where the table does not scroll sideways.

    Each cell is measured by the table's own delegate at the cell's width, as Qt lays a
    wrapped cell out; a row must be as tall as its tallest cell needs. A cell cut with
    "…" is allowed only where its tooltip holds its whole text (as the status line does):
    the talent can still read it by pointing at it.
    """
    model = view.model()
    header = view.header()
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    sideways = view.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    edge = view.viewport().width()
    found = []
    for row in range(model.rowCount(view.rootIndex())):
        for column in range(model.columnCount(view.rootIndex())):
            if header.isSectionHidden(column):
                continue
            index = model.index(row, column, view.rootIndex())
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if not isinstance(text, str) or not text.strip():
                continue
            rect = view.visualRect(index)
            cell = QStyleOptionViewItem(option)
            cell.rect = QRect(0, 0, rect.width(), rect.height())
            cell.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
            if view.wordWrap():
                cell.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
            needed = view.itemDelegateForIndex(index).sizeHint(cell, index)
            problems = []
            if view.wordWrap():
                if needed.height() > rect.height() + SLACK:
                    problems.append(
                        f"needs {needed.height()} px of height, its row has {rect.height()}"
                    )
            elif needed.width() > rect.width() + SLACK:
                tip = index.data(Qt.ItemDataRole.ToolTipRole)
                if not (isinstance(tip, str) and " ".join(text.split()) in " ".join(tip.split())):
                    problems.append(
                        f"needs {needed.width()} px, its cell has {rect.width()} "
                        f"(cut with …, and its tooltip is {tip!r})"
                    )
            if not sideways and rect.right() > edge + SLACK:
                problems.append(f"reaches {rect.right()} px, past the table's {edge} px")
            if problems:
                where = f"row {row}, column {column}"
                found.append(Misfit(name_of(view), text, f"{where}: {'; '.join(problems)}"))
    return found


def sideways_misfit(view: QAbstractItemView) -> Misfit | None:
    """A list or table that shows a horizontal scroll bar: the talent reads its rows by
    scrolling sideways, and the part out of view (a reply's kind, a label's end, a
    booking's price) is cut."""
    bar = view.horizontalScrollBar()
    if not bar.isVisibleTo(view) or bar.maximum() <= SLACK:
        return None
    return Misfit(
        name_of(view),
        "",
        f"scrolls sideways: its rows are {view.viewport().width() + bar.maximum()} px wide "
        f"in a {view.viewport().width()} px view",
    )


def _clipping_ancestor(widget: QWidget) -> str:
    """Which ancestor cuts ``widget`` off, if one does ("" if none)."""
    child: QWidget = widget
    rect = widget.rect()
    parent = widget.parentWidget()
    while parent is not None and not child.isWindow():
        rect = rect.translated(child.pos())
        scroll = parent.parentWidget()
        in_viewport = isinstance(scroll, QAbstractScrollArea) and scroll.viewport() is parent
        if in_viewport:
            # Content scrolls: it may be taller than the viewport, and wider only where
            # the talent can scroll sideways.
            assert isinstance(scroll, QAbstractScrollArea)
            sideways = scroll.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            if not sideways and rect.right() > parent.rect().right() + SLACK:
                return f"cut off on the right by {name_of(scroll)} (no sideways scrolling)"
            return ""
        inner = parent.rect()
        if (
            rect.left() < inner.left() - SLACK
            or rect.top() < inner.top() - SLACK
            or rect.right() > inner.right() + SLACK
            or rect.bottom() > inner.bottom() + SLACK
        ):
            return (
                f"cut off by {name_of(parent)}: at {rect.x()},{rect.y()} "
                f"{rect.width()}×{rect.height()} in {inner.width()}×{inner.height()}"
            )
        child, parent = parent, parent.parentWidget()
    return ""


def card_misfit(card: QWidget) -> Misfit | None:
    """A card that reaches past the margin its window's layouts keep round it, or past the
    right edge of a scroll area that does not scroll sideways (its border cut off there).

    Each ancestor with a layout keeps the card inside that layout's contents: the
    ancestor's own rect less the layout's margins (the layout's geometry is only set at its
    next activation, and was found stale for a scroll area's content: the walk then failed
    in about half its runs); a scroll area's viewport keeps it inside on the left
    and right (it may be taller: it scrolls), and only the part in view is followed up.
    """
    child: QWidget = card
    rect = card.rect()
    parent = card.parentWidget()
    while parent is not None and not child.isWindow():
        rect = rect.translated(child.pos())
        scroll = parent.parentWidget()
        layout = parent.layout()
        if isinstance(scroll, QAbstractScrollArea) and scroll.viewport() is parent:
            sideways = scroll.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            if sideways:
                return None  # the talent can scroll to its edge
            inner = parent.rect()
            where = f"the view of {name_of(scroll)}"
        elif isinstance(layout, QBoxLayout | QGridLayout | QFormLayout):
            inner = parent.rect().marginsRemoved(layout.contentsMargins())
            where = f"the margin of {name_of(parent)}"
        else:
            inner = parent.rect()
            where = name_of(parent)
        past = {
            "left": inner.left() - rect.left(),
            "right": rect.right() - inner.right(),
        }
        if not where.startswith("the view"):
            past |= {"top": inner.top() - rect.top(), "bottom": rect.bottom() - inner.bottom()}
        for side, pixels in past.items():
            if pixels > SLACK:
                return Misfit(name_of(card), "", f"reaches {pixels} px past {where} ({side})")
        if where.startswith("the view"):
            # Only what shows of it goes on up: the rest scrolls into view.
            top, bottom = max(rect.top(), inner.top()), min(rect.bottom(), inner.bottom())
            if top > bottom:
                return None
            rect = QRect(QPoint(rect.left(), top), QPoint(rect.right(), bottom))
        child, parent = parent, parent.parentWidget()
    return None


def _layout_widgets(layout: QLayout) -> Iterator[QWidget]:
    """The widgets ``layout`` and the layouts nested in it place.

    Found without ``itemAt()``: PySide keeps the wrapper of each layout item it hands
    out, and a layout item is no QObject, so when Qt deletes it (a message box rebuilds
    its grid when its text changes) the stale wrapper stays mapped to that address and
    is handed back, as a ``QWidgetItem``, for the next layout allocated there.
    """
    owner = layout.parentWidget()
    if owner is None:
        return
    layouts = [layout, *layout.findChildren(QLayout)]
    for widget in owner.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if any(each.indexOf(widget) >= 0 for each in layouts):
            yield widget


def overlap_misfits(window: QWidget) -> list[Misfit]:
    """Widgets that share pixels with a sibling laid out by the same layout."""
    found = []
    for parent in (window, *window.findChildren(QWidget)):
        layout = parent.layout()
        if layout is None or (parent is not window and not parent.isVisibleTo(window)):
            continue
        shown = [w for w in _layout_widgets(layout) if not w.isWindow() and w.isVisibleTo(window)]
        for number, first in enumerate(shown):
            for second in shown[number + 1 :]:
                common = first.geometry().intersected(second.geometry())
                if common.width() > SLACK and common.height() > SLACK:
                    found.append(
                        Misfit(
                            name_of(first),
                            "",
                            f"overlaps {name_of(second)} by {common.width()}×{common.height()}",
                        )
                    )
    return found


def misfits(window: QWidget) -> list[Misfit]:
    """Everything in ``window`` whose text does not fit, that is cut off, or that overlaps."""
    found: list[Misfit] = []
    for widget in shown_widgets(window):
        if widget.objectName().startswith("qt_") and not isinstance(widget, QLabel | QPushButton):
            continue
        misfit: Misfit | None = None
        if isinstance(widget, QLabel):
            misfit = label_misfit(widget)
        elif isinstance(widget, QAbstractButton):
            misfit = button_misfit(widget)
        elif isinstance(widget, QComboBox):
            found.extend(combo_misfits(widget))
        elif isinstance(widget, QListView):
            found.extend(row_misfits(widget))
            misfit = sideways_misfit(widget)
        elif isinstance(widget, QTreeView):
            found.extend(cell_misfits(widget))
            misfit = sideways_misfit(widget)
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            misfit = placeholder_misfit(widget)
        elif isinstance(widget, QLineEdit):
            misfit = line_placeholder_misfit(widget)
        if widget.property("role") == "card":
            misfit = card_misfit(widget)
        if misfit is not None:
            found.append(misfit)
        if isinstance(widget, QLabel | QAbstractButton | QComboBox):
            cut = _clipping_ancestor(widget)
            if cut:
                text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""
                found.append(Misfit(name_of(widget), text, cut))
    found.extend(overlap_misfits(window))
    return found


def in_view(widget: QWidget) -> bool:
    """Whether all of ``widget`` shows: not hidden, not scrolled or cut out of view."""
    return widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect()


def unseen_misfits(widgets: Iterable[QWidget]) -> list[Misfit]:
    """Those of ``widgets`` not wholly in view, with how much of them shows."""
    found = []
    for widget in widgets:
        if in_view(widget):
            continue
        shown = widget.visibleRegion().boundingRect()
        found.append(
            Misfit(
                name_of(widget),
                "",
                f"must be wholly in view, shows {shown.width()}×{shown.height()} of "
                f"{widget.width()}×{widget.height()}",
            )
        )
    return found


def popup_misfits(window: QWidget, rows: int = POPUP_ROWS) -> list[Misfit]:
    """Combo boxes whose popup opens showing fewer than ``rows`` items (or fewer than all)."""
    found = []
    for combo in window.findChildren(QComboBox):
        if not combo.isVisibleTo(window) or combo.count() == 0 or not combo.isEnabled():
            continue
        if combo.visibleRegion().boundingRect() != combo.rect():
            continue  # scrolled out of view: nobody opens it from there
        combo.showPopup()
        QApplication.processEvents()
        view = combo.view()
        row_height = max(1, view.sizeHintForRow(0))
        shown = view.viewport().height() // row_height
        where = view.window().geometry()
        combo.hidePopup()
        QApplication.processEvents()
        wanted = min(rows, combo.count())
        if shown < wanted:
            found.append(
                Misfit(
                    name_of(combo),
                    combo.currentText(),
                    f"its popup shows {shown} of {combo.count()} items (at least {wanted}) "
                    f"at {where.x()},{where.y()} {where.width()}×{where.height()}",
                )
            )
    return found


WHEELED = (QComboBox, QAbstractSpinBox, QAbstractSlider)


def _value(control: QWidget) -> object:
    if isinstance(control, QComboBox):
        return control.currentIndex()
    if isinstance(control, QAbstractSpinBox):
        return control.text()
    assert isinstance(control, QAbstractSlider)
    return control.value()


def wheel_misfits(window: QWidget) -> list[Misfit]:
    """Controls that a turn of the mouse wheel changes while they do not have the focus."""
    found = []
    for control in window.findChildren(QWidget):
        if not isinstance(control, WHEELED) or not control.isVisibleTo(window):
            continue
        if isinstance(control, QScrollBar):
            continue  # the wheel is what a scroll bar is for
        if control.hasFocus() or not control.isEnabled():
            continue
        before = _value(control)
        for delta in (-120, 120, 120, -120):
            centre = QPointF(control.rect().center())
            event = QWheelEvent(
                centre,
                QPointF(control.mapToGlobal(centre.toPoint())),
                QPoint(0, 0),
                QPoint(0, delta),
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
                Qt.ScrollPhase.NoScrollPhase,
                False,
            )
            QApplication.sendEvent(control, event)
            if _value(control) != before:
                found.append(
                    Misfit(name_of(control), "", "the mouse wheel changed it without the focus")
                )
                break
    return found
