"""Small building blocks shared by the screens: labelled roles, cards, live retranslation."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QMouseEvent, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)


def restyle(widget: QWidget) -> None:
    """Apply the style sheet again to ``widget`` after a property it selects on changed.

    Only a widget already polished needs it: the first polish (when the widget is shown
    or first measured) reads the properties anyway. Skipping it for new widgets saves a
    second style sheet match per widget, and keeps Python from asking for the QStyle
    before the first window is painted (building QStyle's enums, ~14 ms of start-up).
    """
    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)


def set_role(widget: QWidget, role: str) -> None:
    """Tag ``widget`` for the style sheet (see :mod:`talentdesk.ui.style`)."""
    widget.setProperty("role", role)
    restyle(widget)


def make_label(role: str = "body", *, wrap: bool = True, name: str = "") -> QLabel:
    """A label with a style role; wrapped text by default (translations differ in length)."""
    label = QLabel()
    label.setProperty("role", role)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        label.setObjectName(name)
    return label


def ask_to_confirm(
    parent: QWidget,
    *,
    name: str,
    title: str,
    text: str,
    confirm: str,
    keep: str,
    decided: Callable[[bool], None],
    details: str = "",
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
    role: QMessageBox.ButtonRole = QMessageBox.ButtonRole.DestructiveRole,
) -> QMessageBox:
    """Ask once before an action, window-modal; keeping things as they are is the default.

    Args:
        name: the dialog's object name (tests and screenshots find it by that).
        confirm, keep: the two buttons' words; ``keep`` is the default and Esc.
        decided: called with True when ``confirm`` was chosen, False otherwise; the
            dialog deletes itself afterwards.
        details: a second paragraph, if any.

    Returns:
        The dialog, open (not blocking: the window goes on painting).
    """
    dialog = QMessageBox(parent)
    dialog.setObjectName(name)
    dialog.setIcon(icon)
    dialog.setWindowTitle(title)
    dialog.setText(text)
    if details:
        dialog.setInformativeText(details)
    yes = dialog.addButton(confirm, role)
    no = dialog.addButton(keep, QMessageBox.ButtonRole.RejectRole)
    dialog.setDefaultButton(no)
    dialog.setEscapeButton(no)

    def finished(_result: int) -> None:
        chosen = dialog.clickedButton() is yes
        dialog.deleteLater()
        decided(chosen)

    dialog.finished.connect(finished)
    dialog.open()
    return dialog


class _WheelGuard(QObject):
    """Hands a wheel turn over an unfocused control to the scroll area holding it.

    Without it, scrolling a page changes whichever combo box passes under the pointer,
    and a setting changed that way is saved at once. The turn goes to the scroll area
    itself (Qt would pass an ignored turn up only when it came from the mouse, not one
    sent by the app or a test), so the page scrolls by the same step either way.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() != QEvent.Type.Wheel
            or not isinstance(watched, QWidget)
            or not isinstance(event, QWheelEvent)
            or watched.hasFocus()
        ):
            return False
        area = _scroll_area_of(watched)
        if area is None:
            event.ignore()  # Qt hands an ignored turn from the mouse to the parent
            return True
        viewport = area.viewport()
        position = QPointF(watched.mapTo(viewport, event.position().toPoint()))
        passed = QWheelEvent(
            position,
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
        )
        QApplication.sendEvent(viewport, passed)
        event.accept()
        return True


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    """The nearest scroll area around ``widget`` that can scroll up or down, if any."""
    parent = widget.parentWidget()
    while parent is not None:
        holder = parent.parentWidget()
        if (
            isinstance(holder, QAbstractScrollArea)
            and holder.viewport() is parent
            and holder.verticalScrollBar().maximum() > 0
        ):
            return holder
        parent = holder
    return None


_WHEEL_GUARD: _WheelGuard | None = None


def guard_wheel(control: QWidget) -> None:
    """Let the mouse wheel change ``control`` only while it has the keyboard focus.

    For combo boxes, spin boxes and sliders: it no longer takes the focus from a wheel
    turn either (a click or Tab gives it the focus, then the wheel works as usual).
    """
    global _WHEEL_GUARD
    if _WHEEL_GUARD is None:
        _WHEEL_GUARD = _WheelGuard()
    control.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    control.installEventFilter(_WHEEL_GUARD)


class _TallEnough(QObject):
    """Keeps each watched window as tall as its wrapped texts need at its width."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QWidget) and event.type() in (
            QEvent.Type.LayoutRequest,
            QEvent.Type.Resize,
            QEvent.Type.Show,
        ):
            _fit_minimum(watched)
        return False


_TALL_ENOUGH: _TallEnough | None = None


def _fit_minimum(window: QWidget) -> None:
    layout = window.layout()
    if layout is None:
        return
    floor = window.property("minimumWidthFloor")
    least = layout.totalMinimumSize()
    width = max(least.width(), int(floor) if isinstance(floor, int) else 0)
    at = max(window.width(), width)
    height = least.height()
    if layout.hasHeightForWidth():
        height = max(height, layout.totalMinimumHeightForWidth(at))
    if window.minimumWidth() != width or window.minimumHeight() != height:
        window.setMinimumSize(width, height)
        _keep_on_screen(window)


def _keep_on_screen(window: QWidget) -> None:
    """A window that grew past the bottom of its screen moves up (its buttons stay in reach)."""
    screen = window.screen()
    if not window.isVisible() or screen is None:
        return
    room = screen.availableGeometry()
    frame = window.frameGeometry()
    if frame.bottom() > room.bottom() and frame.height() <= room.height():
        window.move(window.x(), window.y() - (frame.bottom() - room.bottom()))


def keep_tall_enough(window: QWidget, *, min_width: int = 0) -> None:
    """Never let ``window`` be shorter than its texts need, wrapped at its current width.

    Qt sizes a window from its layout's minimum, which does not know that a wrapped
    label needs more lines when the window is narrower (or a text longer in another
    language): the window could be made so short that texts and buttons are squeezed
    to nothing. This keeps the minimum height right as the width and the texts change.

    Args:
        min_width: The narrowest the window may be (at least what its layout needs).
    """
    global _TALL_ENOUGH
    if _TALL_ENOUGH is None:
        _TALL_ENOUGH = _TallEnough()
    layout = window.layout()
    if layout is not None:
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    window.setProperty("minimumWidthFloor", min_width)
    window.installEventFilter(_TALL_ENOUGH)
    _fit_minimum(window)


def make_combo(name: str = "") -> QComboBox:
    """A combo box that a wheel turn changes only while it has the focus (:func:`guard_wheel`)."""
    combo = QComboBox()
    if name:
        combo.setObjectName(name)
    # As wide as its longest item, in the language on show (not the first one shown).
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    guard_wheel(combo)
    return combo


def make_button(role: str = "", *, name: str = "") -> QPushButton:
    """A push button, ``role="primary"`` for the one main action of a screen."""
    button = QPushButton()
    if role:
        button.setProperty("role", role)
    if name:
        button.setObjectName(name)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


def field_row(label: QLabel, field: QWidget, *, label_width: int = 270) -> QGridLayout:
    """A label and its field side by side (one row of :func:`field_grid`)."""
    return field_grid([(label, field)], label_width=label_width)


def field_grid(rows: Sequence[tuple[QLabel, QWidget]], *, label_width: int = 270) -> QGridLayout:
    """Labels and their fields in one grid, so every field starts at the same place."""
    grid = QGridLayout()
    grid.setHorizontalSpacing(16)
    grid.setVerticalSpacing(10)
    grid.setColumnMinimumWidth(0, label_width)
    for number, (label, field) in enumerate(rows):
        label.setBuddy(field)
        grid.addWidget(label, number, 0)
        grid.addWidget(field, number, 1)
    grid.setColumnStretch(2, 1)
    return grid


class _FittingScrollArea(QScrollArea):
    """A scroll area that asks for the height its content needs at its width, no more."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        content = self.widget()
        if content is None or content.isHidden():
            return hint
        width = self.viewport().width() if self.isVisible() else content.sizeHint().width()
        needed = (
            content.heightForWidth(width)
            if content.hasHeightForWidth()
            else content.sizeHint().height()
        )
        if needed < 0:
            needed = content.sizeHint().height()
        margins = self.contentsMargins()
        return QSize(hint.width(), needed + margins.top() + margins.bottom())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # wrapped text needs another height at another width

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the content grew or shrank
        return super().eventFilter(watched, event)


def scrolling(content: QWidget, name: str, *, fit: bool = False) -> QScrollArea:
    """``content`` in a frameless scroll area that scrolls up and down only.

    For a part of a window that must keep the height its text needs: when the window is
    short, it scrolls instead of being squeezed (and its texts cut).

    Args:
        fit: Never taller than ``content`` needs (at the area's width), however much
            room the window has; it gives the rest to its neighbours.
    """
    area = _FittingScrollArea() if fit else QScrollArea()
    if fit:
        area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    area.setObjectName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)  # this shows ``content``
    area.viewport().setAutoFillBackground(False)
    content.setAutoFillBackground(False)
    return area


class TextBox(QPlainTextEdit):
    """A plain-text box that asks for a few lines, not Qt's default 192 px, and grows
    into whatever room its layout gives it.

    Inside a scroll area the page's height follows its parts' preferred heights (word-
    wrapped labels make the layout height-for-width), so a text box asking 192 px pushed
    the buttons under it below the fold on a 1366×768 screen with a banner on show.
    """

    def __init__(self, lines: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines = lines
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        margins = self.contentsMargins()
        document = 2 * int(self.document().documentMargin())
        lines = self.fontMetrics().lineSpacing() * self._lines
        return QSize(hint.width(), lines + document + margins.top() + margins.bottom())


class WrappedCheckBox(QWidget):
    """A check box whose text wraps (QCheckBox's own text never does).

    The box has no text of its own; the label beside it wraps, and a click on the label
    ticks the box as a click on a check box's text would.

    Attributes:
        box: The check box.
        label: Its text.

    Signals:
        toggled(bool): The box was ticked (True) or unticked.
    """

    toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox()
        self.label = make_label("checkText")
        self.label.setBuddy(self.box)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1)
        self.box.toggled.connect(self.toggled)

    def isChecked(self) -> bool:
        """Whether the box is ticked."""
        return self.box.isChecked()

    def setChecked(self, on: bool) -> None:
        """Tick the box (or untick it)."""
        self.box.setChecked(on)

    def text(self) -> str:
        """The text beside the box."""
        return self.label.text()

    def setText(self, text: str) -> None:
        """Show ``text`` beside the box (also the box's accessible name)."""
        self.label.setText(text)
        self.box.setAccessibleName(text)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.setAccepted(event.button() == Qt.MouseButton.LeftButton)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.box.isEnabled() and event.button() == Qt.MouseButton.LeftButton:
            self.box.toggle()
        event.accept()


class Columns(QWidget):
    """Two parts side by side, or the first above the second where the width is too small.

    Args:
        first, second: The parts (the first is the left one, or the top one).
        side_by_side_from: The narrowest width at which both parts go side by side.
        stretches: How the width is shared side by side.
        first_width: A fixed width for the first part while side by side (None: shared
            by ``stretches``).
    """

    def __init__(
        self,
        first: QWidget,
        second: QWidget,
        *,
        side_by_side_from: int,
        stretches: tuple[int, int] = (1, 1),
        first_width: int | None = None,
        spacing: int = 16,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._first, self._second = first, second
        self._from = side_by_side_from
        self._first_width = first_width
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(spacing)
        self._box.addWidget(first, stretches[0])
        self._box.addWidget(second, stretches[1])
        self._arrange(True)

    @property
    def side_by_side(self) -> bool:
        """Whether the parts are side by side now."""
        return self._box.direction() == QBoxLayout.Direction.LeftToRight

    def _arrange(self, side_by_side: bool) -> None:
        direction = (
            QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        )
        self._box.setDirection(direction)
        if self._first_width is not None:
            if side_by_side:
                self._first.setFixedWidth(self._first_width)
            else:
                self._first.setMinimumWidth(0)
                self._first.setMaximumWidth(16_777_215)

    def minimumSizeHint(self) -> QSize:
        # As narrow as one part under the other: the parts go side by side only where
        # there is room, so the side-by-side minimum must not hold the width up.
        least = super().minimumSizeHint()
        narrow = max(self._first.minimumSizeHint().width(), self._second.minimumSizeHint().width())
        return QSize(min(least.width(), narrow), least.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = event.size().width() >= self._from
        if wide != self.side_by_side:
            self._arrange(wide)


class ElidedLabel(QLabel):
    """One line that never grows: a text too long for its room ends in "…".

    For fixed layouts (the compact window), where a longer translation or a longer name
    must not push anything: the label keeps its height and width, the whole text is
    :attr:`full_text` (and the tooltip).
    """

    def __init__(self, role: str = "body", *, name: str = "") -> None:
        super().__init__()
        self.setProperty("role", role)
        self.setWordWrap(False)
        self.setTextFormat(Qt.TextFormat.PlainText)
        if name:
            self.setObjectName(name)
        self._full = ""

    @property
    def full_text(self) -> str:
        """The whole text, before it was cut to the room."""
        return self._full

    def minimumSizeHint(self) -> QSize:
        # It may get less room than its text: it cuts the text, never pushes a neighbour.
        return QSize(0, super().minimumSizeHint().height())

    def set_full_text(self, text: str) -> None:
        """Show ``text``, cut to the label's width."""
        self._full = text
        self.setToolTip(text if text else "")
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = max(10, self.contentsRect().width())
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        if shown != self.text():
            self.setText(shown)


class WrappedCells(QStyledItemDelegate):
    """Cells whose text wraps at their column's width, each row as tall as it needs.

    QTreeView asks a delegate for a row's height with a rect of no width at hand; here
    the cell is measured at its column's width, so a long text takes two lines (and the
    row two lines' height) instead of being cut with "…".
    """

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        at_width = QStyleOptionViewItem(option)
        header = self._view.header()
        if header.sectionResizeMode(index.column()) is QHeaderView.ResizeMode.ResizeToContents:
            # Sized to its text: measured on one line, or it could never grow past the
            # width it happens to have (its text would wrap to fit that instead).
            at_width.rect = QRect()
        else:
            width = header.sectionSize(index.column())
            at_width.rect = QRect(0, 0, max(1, width), max(1, option.rect.height()))
        return super().sizeHint(at_width, index)


def wrap_cells(view: QTreeView, *, columns: Iterable[int] | None = None) -> None:
    """Make ``view``'s cells wrap at their column's width (rows grow), never end in "…".

    Args:
        columns: the columns whose text may wrap (the others fit their contents on one
            line and keep Qt's own delegate, which measures a cell without calling
            Python); None for every column.
    """
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setUniformRowHeights(False)
    delegate = WrappedCells(view)
    if columns is None:
        view.setItemDelegate(delegate)
    else:
        for column in columns:
            view.setItemDelegateForColumn(column, delegate)
    # A column's new width is new heights for its wrapped rows. Qt tells of a section
    # resized by the header itself (stretched, fitted to contents) before the header
    # holds the new width: laid out again once it does, once for all the sections.
    view.header().sectionResized.connect(coalesced(view, view.doItemsLayout))


def coalesced(parent: QObject, call: Callable[[], object]) -> Callable[..., None]:
    """A slot that calls ``call`` once the event loop is back, once however often it was
    called meanwhile (a burst of signals is one call); its arguments are ignored. Its
    timer goes with ``parent``."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(call)
    return lambda *_: timer.start()


#: Pixels between two cards, and under the last one where a column of cards scrolls.
CARD_GAP = 12


class Card(QFrame):
    """A white, rounded panel with generous padding; children go in :attr:`body`."""

    def __init__(self, parent: QWidget | None = None, *, margins: int = 28) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(margins, margins, margins, margins)
        self.body.setSpacing(12)


class Callout(QFrame):
    """A tinted box holding one message; ``role`` is "note", "warning", "error" or "success"."""

    def __init__(self, role: str, *, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", role)
        if name:
            self.setObjectName(name)
        self.label = make_label("callout")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.label)

    def text(self) -> str:
        """The message."""
        return self.label.text()

    def setText(self, text: str) -> None:
        """Show ``text``."""
        self.label.setText(text)

    def set_role(self, role: str) -> None:
        """Change the tint ("note", "warning", "error" or "success")."""
        if self.property("role") != role:
            set_role(self, role)
            set_role(self.label, "callout")


class TranslatedWidget(QWidget):
    """A widget whose texts follow the app language live.

    Subclasses set every visible text in :meth:`retranslate`, call it once at
    the end of ``__init__``, and never cache a translated string elsewhere.
    """

    def retranslate(self) -> None:
        """Set every visible text in the current language."""
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
