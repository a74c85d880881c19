"""The session controller's part of the look: the countdown, the scope banner, reply tags, pins.

The same idea as :mod:`talentdesk.ui.style`: widgets carry a ``role`` (and a few
state properties such as ``scope`` or ``phase``); the rules below decide how that
looks. :func:`talentdesk.ui.style.configure_application` sets these rules on the
application with the rest.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from talentdesk.ui.style import ACCENT, ACCENT_SOFT, BORDER, MUTED, SURFACE, TEXT

#: Tag colours (text, background) of who wrote a reply or preset.
AGENCY_TAG = (QColor("#1e40af"), QColor("#dbeafe"))
OWN_TAG = (QColor("#5b21b6"), QColor("#ede9fe"))
#: The shortcode's colour in a reply row.
SHORTCODE = QColor("#115e59")
EDITED_TAG = (QColor("#92400e"), QColor("#fef3c7"))
#: Boundary answers: OK, ask me, never.
ANSWER_COLOURS = {
    "ok": QColor("#047857"),
    "ask": QColor("#b45309"),
    "never": QColor("#b91c1c"),
}
BAR = QColor(ACCENT)
BAR_SOFT = QColor("#99d5ce")
GRID = QColor("#e5e9ef")
MUTED_COLOUR = QColor(MUTED)
TEXT_COLOUR = QColor(TEXT)
SELECTED = QColor(ACCENT_SOFT)

SESSION_STYLE = f"""
QWidget#sessionWindow, QWidget#compactWindow, QWidget#sessionContent {{
    background: #f3f5f8;
}}
QLabel[role="scopeBanner"] {{
    font-size: 14pt;
    font-weight: 700;
    /* Its text starts where the cards under it do (20 px in); little on the right, where
       the sync chip follows: at the window's smallest the scope needs the room. */
    padding: 12px 8px 12px 20px;
    color: #134e4a;
    background: #ccfbf1;
    border-bottom: 1px solid #99ddd3;
}}
QLabel[role="scopeBanner"][scope="call_only"] {{
    color: #312e81;
    background: #e0e7ff;
    border-bottom: 1px solid #a5b4fc;
}}
QLabel[role="scopeBanner"][scope="chat_and_call"] {{
    color: #1f2937;
    background: #e5e7eb;
    border-bottom: 1px solid #cbd2da;
}}
QWidget#sessionHeader {{
    background: #ccfbf1;
    border-bottom: 1px solid #99ddd3;
}}
QWidget#sessionHeader[scope="call_only"] {{
    background: #e0e7ff;
    border-bottom: 1px solid #a5b4fc;
}}
QWidget#sessionHeader[scope="chat_and_call"] {{
    background: #e5e7eb;
    border-bottom: 1px solid #cbd2da;
}}
QWidget#sessionHeader QLabel[role="scopeBanner"] {{
    background: transparent;
    border-bottom: none;
}}
QLabel[role="scopeChip"] {{
    font-weight: 700;
    color: #134e4a;
    background: #ccfbf1;
    border-radius: 6px;
    padding: 4px 10px;
}}
QLabel[role="scopeChip"][scope="call_only"] {{
    color: #312e81;
    background: #e0e7ff;
}}
QLabel[role="scopeChip"][scope="chat_and_call"] {{
    color: #1f2937;
    background: #e5e7eb;
}}
QLabel[role="countdown"] {{
    font-size: 40pt;
    font-weight: 700;
    color: {TEXT};
}}
QLabel[role="countdown"][phase="warning"] {{
    color: #b45309;
}}
QLabel[role="countdown"][phase="overrun"] {{
    color: #b91c1c;
}}
QLabel[role="countdown"][phase="closing"] {{
    color: {MUTED};
}}
QLabel[role="compactTime"] {{
    font-size: 24pt;
    font-weight: 700;
}}
QLabel[role="compactTime"][phase="warning"] {{
    color: #b45309;
}}
QLabel[role="compactTime"][phase="overrun"] {{
    color: #b91c1c;
}}
QFrame#compactPace {{
    background: {SURFACE};
    border: 1px solid {BORDER};
    border-radius: 8px;
}}
QFrame#compactPace[level="near"] {{
    background: #fef3c7;
    border: 1px solid #f5c56b;
}}
QFrame#compactPace[level="over"] {{
    background: #fee2e2;
    border: 1px solid #f19999;
}}
QLabel[role="paceWait"] {{
    font-size: 13pt;
    font-weight: 700;
}}
QFrame#compactPace[level="near"] QLabel {{
    color: #78350f;
}}
QFrame#compactPace[level="over"] QLabel {{
    color: #991b1b;
}}
QPushButton[role="paceButton"] {{
    font-weight: 700;
    font-size: 11pt;
    padding: 4px 6px;
}}
QLabel[role="handle"] {{
    font-size: 12pt;
    font-weight: 600;
    color: {TEXT};
}}
QLabel[role="stat"] {{
    font-size: 17pt;
    font-weight: 700;
}}
QLabel[role="closingText"] {{
    background: #f7f9fb;
    border: 1px solid {BORDER};
    border-radius: 8px;
    padding: 10px 12px;
}}
QListView#replyList, QListView#presetList, QListWidget#presetItems,
QListWidget#linkedReplies, QTreeView#boundaryItems {{
    background: {SURFACE};
    border: 1px solid {BORDER};
    border-radius: 8px;
    outline: none;
    selection-background-color: {ACCENT_SOFT};
    selection-color: {TEXT};
}}
QListView#presetList::item {{
    padding: 8px 6px;
    border-bottom: 1px solid #eef1f5;
}}
QListView#presetList::item:selected, QListWidget#presetItems::item:selected {{
    background: {ACCENT_SOFT};
    color: {TEXT};
}}
QTreeView#boundaryItems::item {{
    padding: 6px 4px;
    border-bottom: 1px solid #eef1f5;
}}
QTreeView#boundaryItems::item:selected {{
    background: {ACCENT_SOFT};
    color: {TEXT};
}}
QPushButton#compactWrote, QPushButton#compactAnswered {{
    padding: 8px 10px;
}}
QPushButton#customerWrote, QPushButton#talentAnswered {{
    padding: 4px 10px;  /* two lines (the words, the hotkey): the pace card stays short */
}}
QPushButton[role="pinned"] {{
    text-align: left;
    padding: 6px 10px;
    font-weight: 500;
}}
QPushButton[role="answer"]:checked {{
    background: {ACCENT};
    border-color: {ACCENT};
    color: white;
}}
QPushButton[role="danger"] {{
    background: #b91c1c;
    border: 1px solid #b91c1c;
    color: white;
}}
QPushButton[role="danger"]:hover {{
    background: #991b1b;
}}
QPushButton[role="danger"]:disabled {{
    background: #e3a6a6;
    border-color: #e3a6a6;
}}
QCheckBox[role="step"] {{
    spacing: 10px;
    padding: 4px 0;
}}
QPlainTextEdit {{
    background: {SURFACE};
    border: 1px solid #c8ced8;
    border-radius: 8px;
    padding: 6px 8px;
    selection-background-color: {ACCENT};
}}
QPlainTextEdit:focus {{
    border: 2px solid {ACCENT};
    padding: 5px 7px;
}}
"""
