"""The compact session window: what the talent needs beside the chat app, kept on top.

Small enough to sit beside WhatsApp or Telegram, and laid out once: every line has its
height and every button its place, so a longer translation, a long package name, a wait
turning into minutes or an escalation's state never moves a button the talent is about to
click (the window has a fixed size; lines too long end in "…" and say the rest in their
tooltip).

Top to bottom: what the package covers, the link to the agency (offline shows here);
the time left; the reply pace (how long the customer has waited, the slow replies against
the agency's limit, coloured as a reply nears it, with an optional sound) and the two
large buttons "Message in" and "Replied" (also F8/F9 here, and the system-wide hotkeys
anywhere, see :mod:`talentdesk.ui.hotkeys`); reply search over every reply (pinned ones
first while the field is empty), a click or Ctrl+1…4 copies; the escalate button and a
line on the latest escalation (how long it has waited); "Open full window".

It stays on top where the platform lets an application ask for that (X11, Windows,
macOS); on Wayland, where only the compositor decides, and on the offscreen platform the
toggle is hidden rather than offered and silently ignored.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from talentdesk.domain import DeclineReply
from talentdesk.sessions.pace import PaceMessage, PaceStatus
from talentdesk.sessions.replies import ReplyValues, SearchHit, preview
from talentdesk.sessions.runner import LiveSession, SessionPhase, SessionTick
from talentdesk.ui.agency_link import AgencyLink
from talentdesk.ui.bridge import LatestOnly
from talentdesk.ui.hotkeys import hotkey_text
from talentdesk.ui.safety.controller import SafetyController
from talentdesk.ui.safety.escalate import EscalateStrip
from talentdesk.ui.session.clock_window import SessionClockWindow
from talentdesk.ui.session.controller import SessionController
from talentdesk.ui.session.messages import clock_text
from talentdesk.ui.session.reply_search import ReplyCopier
from talentdesk.ui.sync_chip import SyncChip
from talentdesk.ui.widgets import ElidedLabel, make_button, restyle, set_role

#: Qt platforms on which a window may ask to stay on top.
ON_TOP_PLATFORMS = frozenset({"xcb", "windows", "cocoa"})
#: The compact window's one size: beside a phone-sized chat window on a 1366×768 screen.
COMPACT_SIZE = QSize(340, 600)
#: The room of the sync chip and the "on top" toggle in the top row (fixed: a longer
#: word never pushes the scope chip).
SYNC_WIDTH = 124
ON_TOP_WIDTH = 78
#: How many replies the search shows (Ctrl+1… copies them).
RESULT_ROWS = 4
#: How a pace message colours the pace box: nearing the limit, or past it.
_NEAR = frozenset({PaceMessage.REPLY_SOON, PaceMessage.ONE_MORE_BREAKS})
_OVER = frozenset({PaceMessage.SLOW_NOW, PaceMessage.BREAKING_NOW, PaceMessage.RULE_BROKEN})


def _fix_line_height(label: ElidedLabel, extra: int) -> None:
    """Give a one-line label the height of a line in its styled font, padding included,
    plus ``extra`` pixels: measured once the style sheet has given it its font (a role's
    larger font, a chip's padding), not with the default font it was made with."""
    label.ensurePolished()
    shown = label.text()
    label.setText("Ág")  # a capital with an accent and a descender: a whole line's height
    height = label.sizeHint().height()
    label.setText(shown)
    label.setFixedHeight(height + extra)


def on_top_supported(platform: str | None = None) -> bool:
    """Whether ``platform`` (the running one if None) honours WindowStaysOnTopHint."""
    name = platform if platform is not None else QGuiApplication.platformName()
    return name in ON_TOP_PLATFORMS


def pace_level(status: PaceStatus | None) -> str:
    """``ok``, ``near`` (a reply nears the agency's limit) or ``over`` (past it)."""
    message = status.message if status is not None else None
    if message in _OVER:
        return "over"
    if message in _NEAR:
        return "near"
    return "ok"


class CompactWindow(SessionClockWindow):
    """The session in a small window of one fixed size.

    Args:
        session: The session controller.
        platform: The Qt platform name (tests pretend another); None asks Qt.
        safety: The safety controller, for the escalate button; None leaves it out.
        agency: The agency link, for the sync state; None leaves it out.

    Attributes:
        escalate: The escalate button and its escalation's line, with a safety controller.
        sync: The link to the agency in a few words, with an agency link.
        result_buttons: The replies found (pinned first while nothing is typed).

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
        agency: AgencyLink | None = None,
    ) -> None:
        super().__init__(session, parent)
        self.setObjectName("compactWindow")
        self._pace: PaceStatus | None = None
        self._level = "ok"
        self._results: tuple[DeclineReply, ...] = ()
        self._search: LatestOnly[list[SearchHit]] = LatestOnly(
            session.run,
            None,
            lambda hits: self.set_results([hit.reply for hit in hits]),
            receiver=self,
            newest_only=True,
        )
        self.sounds = 0  # how many times the pace sound played (tests count it)
        self.on_top_available = on_top_supported(platform)
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, self.on_top_available)
        self.copier = ReplyCopier(session, self)
        self.scope = ElidedLabel("scopeChip", name="compactScope")
        self.sync = SyncChip(agency, elide_to=SYNC_WIDTH - 18) if agency is not None else None
        self.on_top = QCheckBox()
        self.on_top.setObjectName("onTopToggle")
        self.on_top.setChecked(self.on_top_available)
        self.on_top.setVisible(self.on_top_available)
        self.package = ElidedLabel("small", name="compactPackage")
        self.time = ElidedLabel("compactTime", name="compactTime")
        self.caption = ElidedLabel("small", name="compactCaption")
        self.pace_box = QFrame()
        self.pace_box.setObjectName("compactPace")
        self.pace_box.setProperty("level", "ok")
        self.waiting = ElidedLabel("paceWait", name="compactWaiting")
        self.slow = ElidedLabel("small", name="compactSlow")
        self.wrote_button = make_button("paceButton", name="compactWrote")
        self.answered_button = make_button("paceButton", name="compactAnswered")
        self.search = QLineEdit()
        self.search.setObjectName("compactSearch")
        self.search.setClearButtonEnabled(True)
        self.result_buttons: list[QPushButton] = []
        for number in range(1, RESULT_ROWS + 1):
            button = make_button("pinned", name=f"result{number}")
            button.clicked.connect(lambda _checked=False, n=number: self.copy_result(n))
            self.result_buttons.append(button)
        self.note = ElidedLabel("small", name="compactNote")
        self.escalate = EscalateStrip(safety) if safety is not None else None
        self.full_button = make_button(name="fullWindow")
        self._pace_row = QWidget()
        self._build_layout()
        self._make_shortcuts()
        self._connect_signals()
        self.setFixedSize(COMPACT_SIZE)
        self.retranslate()
        self.show_live(session.live)

    # ------------------------------------------------------------------ layout

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.scope, 1)
        if self.sync is not None:
            top.addWidget(self.sync)
        top.addWidget(self.on_top)
        buttons = QHBoxLayout(self._pace_row)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(6)
        buttons.addWidget(self.wrote_button, 1)
        buttons.addWidget(self.answered_button, 1)
        pace = QVBoxLayout(self.pace_box)
        pace.setContentsMargins(10, 8, 10, 8)
        pace.setSpacing(4)
        pace.addWidget(self.waiting)
        pace.addWidget(self.slow)
        pace.addWidget(self._pace_row)
        results = QVBoxLayout()
        results.setSpacing(4)
        for button in self.result_buttons:
            results.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.package)
        layout.addWidget(self.time)
        layout.addWidget(self.caption)
        layout.addWidget(self.pace_box)
        layout.addWidget(self.search)
        layout.addLayout(results)
        layout.addWidget(self.note)
        layout.addStretch(1)
        if self.escalate is not None:
            layout.addWidget(self.escalate)
        layout.addWidget(self.full_button)
        if self.sync is not None:
            self.sync.setFixedWidth(SYNC_WIDTH)
        self.on_top.setFixedWidth(ON_TOP_WIDTH)
        for label in (self.scope, self.package, self.caption, self.slow, self.note):
            _fix_line_height(label, 4)
        _fix_line_height(self.waiting, 6)
        _fix_line_height(self.time, 4)
        for button in (self.wrote_button, self.answered_button):
            button.setFixedHeight(54)
        for button in self.result_buttons:
            button.setFixedHeight(30)

    def _make_shortcuts(self) -> None:
        super()._make_shortcuts()  # F8, F9
        self.result_shortcuts = [self._shortcut(f"Ctrl+{n}") for n in range(1, RESULT_ROWS + 1)]

    def _connect_signals(self) -> None:
        super()._connect_signals()  # the clock, F8 and F9
        session = self._session
        session.pace_changed.connect(self.show_pace)
        session.replies_changed.connect(self.find_replies)
        # Bound methods only on the controller: it outlives this window (a lambda would
        # call into a deleted one in the next session).
        session.reply_language_changed.connect(self._reply_language_changed)
        session.context_changed.connect(self.retranslate)
        session.reply_copied.connect(self._copied)
        self.on_top.toggled.connect(self.set_on_top)
        self.full_button.clicked.connect(self.full_requested)
        self.wrote_button.clicked.connect(session.customer_wrote)
        self.answered_button.clicked.connect(session.talent_answered)
        self.search.textChanged.connect(lambda _text: self.find_replies())
        self.search.returnPressed.connect(lambda: self.copy_result(1))
        for number, made in enumerate(self.result_shortcuts, start=1):
            made.activated.connect(lambda number=number: self.copy_result(number))

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
        self._new_session()
        chat = live is not None and live.package.channel.allows_chat
        self.pace_box.setVisible(chat)
        pace = self._session.pace
        self._pace = pace.status() if pace is not None else None
        self.retranslate()
        self.find_replies()
        self._show_last_tick()

    def _draw_clock(self, tick: SessionTick, text: str, look: str) -> None:
        self.time.set_full_text(text)
        self._set_look(self.time, look, "compactTime")

    # ------------------------------------------------------------------ the reply pace

    @property
    def level(self) -> str:
        """How the pace box is coloured: ``ok``, ``near`` or ``over``."""
        return self._level

    def show_pace(self, status: PaceStatus) -> None:
        """Show the wait, the slow replies and the colour of ``status``."""
        self._pace = status
        level = pace_level(status)
        rising = (level, self._level) in (("near", "ok"), ("over", "ok"), ("over", "near"))
        if level != self._level:
            self._level = level
            self.pace_box.setProperty("level", level)
            for widget in (self.pace_box, self.waiting, self.slow):
                restyle(widget)
        if rising and self._session.context.pace_sound:
            self.sounds += 1
            QApplication.beep()
        self._render_pace()

    def _render_pace(self) -> None:
        status = self._pace
        if status is None or status.waiting_seconds is None:
            self.waiting.set_full_text(self.tr("Nobody is waiting"))
        else:
            self.waiting.set_full_text(
                self.tr("Waiting %1").replace(
                    "%1", clock_text(status.waiting_seconds, round_up=False)
                )
            )
        slow = status.slow_replies if status is not None else 0
        pace = self._session.pace
        rules = pace.thresholds if pace is not None else ()
        smallest = min(rules, key=lambda t: t.slower_than_seconds) if rules else None
        if smallest is None:
            text = self.tr("%n slow reply(s)", "", slow)
        else:
            text = (
                self.tr("%n slow reply(s) · limit %1 over %2", "", slow)
                .replace("%1", str(smallest.times))
                .replace("%2", self._limit_text(smallest.slower_than_seconds))
            )
        self.slow.set_full_text(text)

    def _limit_text(self, seconds: int) -> str:
        if seconds % 60 == 0:
            return self._words.minutes(seconds // 60)
        return self.tr("%n s", "", seconds)

    # ------------------------------------------------------------------ replies

    def _reply_language_changed(self, _code: object) -> None:
        self.find_replies()

    def find_replies(self) -> None:
        """Search the replies for what is typed (on the bridge); pinned first when empty."""
        query = self.search.text()
        language, replies = self._session.reply_language, self._session.replies
        self._search.request(lambda: replies.search(query, language, RESULT_ROWS))

    def set_results(self, replies: Sequence[DeclineReply]) -> None:
        """Show ``replies`` on the result buttons (Ctrl+1 first); the rest stay empty."""
        self._results = tuple(replies[:RESULT_ROWS])
        for number, button in enumerate(self.result_buttons, start=1):
            reply = self._results[number - 1] if number <= len(self._results) else None
            button.setEnabled(reply is not None)
            button.setToolTip(reply.text if reply is not None else "")
        self._label_results()

    def result_text(self, number: int, reply: DeclineReply) -> str:
        """A found reply's whole label: its number, shortcode and text on one line."""
        text = " ".join(preview(reply.text, self._preview_values()).split())
        code = f"/{reply.shortcode} · " if reply.shortcode else ""
        return f"{number}   {code}{text}"

    def _preview_values(self) -> ReplyValues:
        # The working name and the package, as the full window's list fills them.
        values = self._session.reply_values()
        return ReplyValues(talent=values.talent, package=values.package)

    def _label_results(self) -> None:
        """Each result's label, elided to its button (a push button never elides itself)."""
        room = COMPACT_SIZE.width() - 2 * 14 - 24
        for number, button in enumerate(self.result_buttons, start=1):
            if number <= len(self._results):
                full = self.result_text(number, self._results[number - 1])
            elif number == 1:
                full = self.tr("No reply found")
            else:
                full = ""
            metrics = button.fontMetrics()
            button.setText(metrics.elidedText(full, Qt.TextElideMode.ElideRight, room))

    def copy_result(self, number: int) -> bool:
        """Copy the reply of Ctrl+``number``; False (and says so) when there is none."""
        if not 1 <= number <= len(self._results):
            self.note.set_full_text(
                self.tr("No reply at Ctrl+%1 in this list.").replace("%1", str(number))
            )
            return False
        self.copier.copy(self._results[number - 1])
        return True

    def _copied(self, reply: DeclineReply, _text: str) -> None:
        code = f"/{reply.shortcode}" if reply.shortcode else ""
        self.note.set_full_text(" ".join(self.tr("Copied %1").replace("%1", code).split()))

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
        self.caption.set_full_text(caption)

    def retranslate(self) -> None:
        live = self._session.live
        context = self._session.context
        if live is not None:
            scope = live.scope
            self.scope.set_full_text(self._words.scope_short(scope))
            if self.scope.property("scope") != scope.value:
                self.scope.setProperty("scope", scope.value)
                set_role(self.scope, "scopeChip")
            self.setWindowTitle(live.package.name)  # Qt adds " — TalentDesk"
            booking = live.booking
            self.package.set_full_text(
                f"{live.package.name} · {self._words.span(booking.start, booking.end)}"
            )
        else:
            self.setWindowTitle("TalentDesk")
        self.scope.setToolTip(self._words.scope_banner(live.scope) if live is not None else "")
        self.on_top.setText(self.tr("On top"))
        self.on_top.setToolTip(self.tr("Keep this window above your chat app"))
        wrote_key = hotkey_text(context.hotkey_message_in)
        replied_key = hotkey_text(context.hotkey_replied)
        # The words of the full window's buttons; under them the system-wide hotkey, or
        # this window's own key where there is none (Wayland, turned off).
        wrote = self._words.message_in_button()
        replied = self._words.replied_button()
        self.wrote_button.setText(f"{wrote}\n{wrote_key or 'F8'}")
        self.answered_button.setText(f"{replied}\n{replied_key or 'F9'}")
        self.wrote_button.setToolTip(self.tr("The customer wrote: the wait starts (F8)."))
        self.answered_button.setToolTip(
            self.tr("You answered (F9). Copying a ready reply counts as an answer.")
        )
        self.search.setPlaceholderText(self.tr("Search… (Enter copies the top one)"))
        self.full_button.setText(self.tr("Open full window"))
        self._label_results()
        self._render_pace()
        self._update_texts()
