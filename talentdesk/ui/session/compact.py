"""The compact session window: the timer, the scope and the pinned replies, kept on top.

Small enough to sit beside the talent's chat app. It stays on top where the
platform lets an application ask for that (X11, Windows, macOS); on Wayland, where
only the compositor decides, and on the offscreen platform the toggle is hidden
rather than offered and silently ignored. With a safety controller, the escalate button sits
above "Open full window" (Ctrl+Shift+E works here too), and an escalation's state
and details fold out beneath it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from talentdesk.domain import DeclineReply
from talentdesk.sessions.replies import MAX_PINS
from talentdesk.sessions.runner import LiveSession, SessionPhase, SessionTick
from talentdesk.ui.safety.controller import SafetyController
from talentdesk.ui.safety.escalate import EscalateBox
from talentdesk.ui.session.controller import SessionController
from talentdesk.ui.session.messages import SessionMessages, clock_text
from talentdesk.ui.session.reply_search import ReplyCopier
from talentdesk.ui.widgets import (
    TranslatedWidget,
    keep_tall_enough,
    make_button,
    make_label,
    set_role,
)

#: The compact window is never narrower than this.
MIN_WIDTH = 300
#: Qt platforms on which a window may ask to stay on top.
ON_TOP_PLATFORMS = frozenset({"xcb", "windows", "cocoa"})


def on_top_supported(platform: str | None = None) -> bool:
    """Whether ``platform`` (the running one if None) honours WindowStaysOnTopHint."""
    name = platform if platform is not None else QGuiApplication.platformName()
    return name in ON_TOP_PLATFORMS


class CompactWindow(TranslatedWidget):
    """The session in a small window.

    Args:
        session: The session controller.
        platform: The Qt platform name (tests pretend another); None asks Qt.
        safety: The safety controller, for the escalate button; None leaves it out.

    Attributes:
        escalate: The escalate button and the panel of its escalation, with a safety controller.

    Signals:
        full_requested(): The talent wants the full session window.
    """

    full_requested = Signal()

    def __init__(
        self,
        session: SessionController,
        parent: QWidget | None = None,
        *,
        platform: str | None = None,
        safety: SafetyController | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compactWindow")
        self._session = session
        self._words = SessionMessages(self)
        self._tick: SessionTick | None = None
        self._warning: int | None = None
        self._pinned: tuple[DeclineReply, ...] = ()
        self._seq = 0
        self.on_top_available = on_top_supported(platform)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, self.on_top_available)
        self.copier = ReplyCopier(session, self)
        self.scope = make_label("scopeChip", wrap=False, name="compactScope")
        self.on_top = QCheckBox()
        self.on_top.setObjectName("onTopToggle")
        self.on_top.setChecked(self.on_top_available)
        self.on_top.setVisible(self.on_top_available)
        self.package = make_label("small", name="compactPackage")
        self.time = make_label("compactTime", wrap=False, name="compactTime")
        self.caption = make_label("small", wrap=False, name="compactCaption")
        self.note = make_label("small", name="compactNote")
        self.pins_title = make_label("fieldLabel", wrap=False, name="pinsTitle")
        self.pins_empty = make_label("small", name="pinsEmpty")
        self.pin_buttons: list[QPushButton] = []
        self.wrote_button = make_button(name="compactWrote")
        self.answered_button = make_button(name="compactAnswered")
        self.escalate = EscalateBox(safety, compact=True) if safety is not None else None
        self.full_button = make_button(name="fullWindow")
        self._pins_box = QVBoxLayout()
        self._pins_box.setSpacing(4)
        self._pace_row = QWidget()
        self._shortcuts: list[QShortcut] = []
        self._build_layout()
        self._make_shortcuts()
        self._connect_signals()
        self.resize(330, 500)
        self.retranslate()
        self.show_live(session.live)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.scope)
        top.addStretch(1)
        top.addWidget(self.on_top)
        pace = QHBoxLayout(self._pace_row)
        pace.setContentsMargins(0, 0, 0, 0)
        pace.setSpacing(6)
        pace.addWidget(self.wrote_button)
        pace.addWidget(self.answered_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.package)
        layout.addWidget(self.time)
        layout.addWidget(self.caption)
        layout.addWidget(self.note)
        layout.addSpacing(4)
        layout.addWidget(self.pins_title)
        layout.addLayout(self._pins_box)
        layout.addWidget(self.pins_empty)
        layout.addStretch(1)
        layout.addWidget(self._pace_row)
        if self.escalate is not None:
            layout.addWidget(self.escalate)
        layout.addWidget(self.full_button)
        # As tall as what is on show needs: an escalation's panel unfolding makes the
        # window grow rather than squeezing it.
        keep_tall_enough(self, min_width=MIN_WIDTH)
        self.note.hide()

    def _make_shortcuts(self) -> None:
        def shortcut(keys: str) -> QShortcut:
            made = QShortcut(QKeySequence(keys), self)
            made.setContext(Qt.ShortcutContext.WindowShortcut)
            self._shortcuts.append(made)
            return made

        self.wrote_shortcut = shortcut("F8")
        self.answered_shortcut = shortcut("F9")
        self.pin_shortcuts = [shortcut(f"Ctrl+{n}") for n in range(1, MAX_PINS + 1)]

    def _connect_signals(self) -> None:
        session = self._session
        session.session_changed.connect(self.show_live)
        session.ticked.connect(self.show_tick)
        session.warning_due.connect(self._warning_due)
        session.replies_changed.connect(self.load_pins)
        session.reply_language_changed.connect(self._reply_language_changed)
        session.reply_copied.connect(self._copied)
        self.on_top.toggled.connect(self.set_on_top)
        self.full_button.clicked.connect(self.full_requested)
        self.wrote_button.clicked.connect(session.customer_wrote)
        self.answered_button.clicked.connect(session.talent_answered)
        self.wrote_shortcut.activated.connect(session.customer_wrote)
        self.answered_shortcut.activated.connect(session.talent_answered)
        for number, made in enumerate(self.pin_shortcuts, start=1):
            made.activated.connect(lambda number=number: self.copy_pinned(number))

    # ------------------------------------------------------------------ on top

    def is_on_top(self) -> bool:
        """Whether the window asks to stay on top."""
        return bool(self.windowFlags() & Qt.WindowType.WindowStaysOnTopHint)

    def set_on_top(self, on: bool) -> None:
        """Ask to stay on top (or not); ignored where the platform cannot."""
        if not self.on_top_available or on == self.is_on_top():
            return
        visible = self.isVisible()
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, on)
        if visible:
            self.show()  # changing the flags hides a window

    # ------------------------------------------------------------------ the session

    def show_live(self, live: LiveSession | None) -> None:
        """Show ``live``."""
        self._warning = None
        self._tick = None
        chat = live is not None and live.package.channel.allows_chat
        self._pace_row.setVisible(chat)
        self.retranslate()
        self.load_pins()
        tick = self._session.last_tick
        if tick is not None:
            self.show_tick(tick)

    def show_tick(self, tick: SessionTick) -> None:
        """Draw the clock of ``tick``."""
        self._tick = tick
        if tick.phase is SessionPhase.RUNNING:
            self.time.setText(clock_text(tick.time_left))
            look = "warning" if self._warning is not None else "normal"
        elif tick.phase is SessionPhase.OVERRUN:
            self.time.setText("+" + clock_text(tick.overrun, round_up=False))
            look = "overrun"
        else:
            self.time.setText(clock_text(tick.elapsed, round_up=False))
            look = "closing"
        if self.time.property("phase") != look:
            self.time.setProperty("phase", look)
            set_role(self.time, "compactTime")
        self._update_texts()

    def _warning_due(self, minutes: int) -> None:
        self._warning = minutes
        if self._tick is not None:
            self.show_tick(self._tick)

    # ------------------------------------------------------------------ pinned replies

    def _reply_language_changed(self, _code: object) -> None:
        self.load_pins()

    def load_pins(self) -> None:
        """Load the pinned replies (on the bridge), both languages: Ctrl+N is the same
        reply in every window, whatever language the reply list shows."""
        self._seq += 1
        seq, replies = self._seq, self._session.replies

        def loaded(pinned: list[DeclineReply]) -> None:
            if seq == self._seq:
                self.set_pins(pinned)

        self._session.run(lambda: replies.pinned(), loaded, receiver=self)

    def set_pins(self, pinned: list[DeclineReply]) -> None:
        """Show ``pinned`` as buttons, Ctrl+1 first."""
        self._pinned = tuple(pinned[:MAX_PINS])
        for button in self.pin_buttons:
            self._pins_box.removeWidget(button)
            button.deleteLater()
        self.pin_buttons = []
        for number, reply in enumerate(self._pinned, start=1):
            button = make_button("pinned", name=f"pin{number}")
            button.setToolTip(reply.text)
            button.clicked.connect(lambda _checked=False, number=number: self.copy_pinned(number))
            self._pins_box.addWidget(button)
            self.pin_buttons.append(button)
        self.pins_empty.setVisible(not self._pinned)
        self._label_pins()

    @staticmethod
    def pin_text(number: int, reply: DeclineReply) -> str:
        """A pinned reply's whole label: its number, shortcode and text on one line."""
        text = " ".join(reply.text.split())
        code = f"/{reply.shortcode} · " if reply.shortcode else ""
        return f"{number}   {code}{text}"

    def _label_pins(self) -> None:
        """Each pin's label, elided to its button (QPushButton never elides by itself)."""
        for number, (button, reply) in enumerate(
            zip(self.pin_buttons, self._pinned, strict=True), start=1
        ):
            room = max(40, self.width() - 2 * 16 - 24)
            button.setText(
                button.fontMetrics().elidedText(
                    self.pin_text(number, reply), Qt.TextElideMode.ElideRight, room
                )
            )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._label_pins()

    def copy_pinned(self, number: int) -> bool:
        """Copy the pinned reply of Ctrl+``number``; False (and says so) when there is none."""
        if not 1 <= number <= len(self._pinned):
            self.note.setText(self.tr("Nothing is pinned at Ctrl+%1.").replace("%1", str(number)))
            self.note.show()
            return False
        self.copier.copy(self._pinned[number - 1])
        return True

    def _copied(self, reply: DeclineReply, _text: str) -> None:
        code = f"/{reply.shortcode}" if reply.shortcode else ""
        self.note.setText(" ".join(self.tr("Copied %1").replace("%1", code).split()))
        self.note.show()

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the compact window only hides it; the session goes on.
        self.hide()
        event.accept()

    # ------------------------------------------------------------------ texts

    def _update_texts(self) -> None:
        tick = self._tick
        phase = tick.phase if tick is not None else SessionPhase.RUNNING
        if phase is SessionPhase.RUNNING:
            caption = self.tr("time left")
            if self._warning is not None:
                caption += " · " + self.tr("wrap up")
        elif phase is SessionPhase.OVERRUN:
            caption = self.tr("over time · to extend, ask the agency")
        else:
            caption = self.tr("session ended · finish in the full window")
        self.caption.setText(caption)

    def retranslate(self) -> None:
        live = self._session.live
        if live is not None:
            scope = live.scope
            self.scope.setText(self._words.scope_short(scope))
            if self.scope.property("scope") != scope.value:
                self.scope.setProperty("scope", scope.value)
                set_role(self.scope, "scopeChip")
            self.setWindowTitle(live.package.name)
        else:
            self.setWindowTitle("TalentDesk")
        self.scope.setToolTip(self._words.scope_banner(live.scope) if live is not None else "")
        self.on_top.setText(self.tr("Keep on top"))
        self.pins_title.setText(self.tr("Pinned replies"))
        self.pins_empty.setText(self.tr("Pin replies on the Replies page to see them here."))
        self.wrote_button.setText(self.tr("Message in (F8)"))
        self.wrote_button.setToolTip(self.tr("The customer wrote"))
        self.answered_button.setText(self.tr("I answered (F9)"))
        self.answered_button.setToolTip(self.tr("I answered"))
        self.full_button.setText(self.tr("Open full window"))
        if live is not None:
            booking = live.booking
            self.package.setText(
                f"{live.package.name} · {self._words.span(booking.start, booking.end)}"
            )
        self._label_pins()
        self._update_texts()
