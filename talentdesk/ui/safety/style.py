"""The safety screens' part of the look: the escalate button, states, numbers, the prompt.

Calm first: one strong colour (the escalate button's red), everything else in the
app's quiet palette, large type where a glance must be enough (the state of an
escalation, an emergency number, "Are you OK?"). As elsewhere, widgets carry a
``role`` (and a ``state`` where it changes) and these rules decide how that looks.
"""

from __future__ import annotations

from talentdesk.ui.style import ACCENT, ACCENT_SOFT, BORDER, MUTED, SURFACE, TEXT

DANGER = "#b91c1c"
DANGER_HOVER = "#991b1b"

#: (background, border, text) of each escalation state.
STATE_COLOURS: dict[str, tuple[str, str, str]] = {
    "queued": ("#fffbeb", "#f5c56b", "#713f12"),
    "delivered": ("#eff6ff", "#93c5fd", "#1e3a8a"),
    "acknowledged": ("#f0fdfa", "#5eead4", "#134e4a"),
    "resolved": ("#ecfdf5", "#86d9b4", "#065f46"),
    "cancelled": ("#f3f4f6", "#d1d5db", "#374151"),
    "failed": ("#fef2f2", "#f4a5a5", "#991b1b"),
}


def _state_rules() -> str:
    rules = []
    for state, (background, border, text) in STATE_COLOURS.items():
        rules.append(
            f'QFrame[role="escalationState"][state="{state}"] {{ background: {background}; '
            f"border: 1px solid {border}; border-radius: 10px; }}\n"
            f'QFrame[role="escalationState"][state="{state}"] QLabel {{ color: {text}; }}\n'
            f'QLabel[role="stateChip"][state="{state}"] {{ background: {background}; '
            f"color: {text}; border: 1px solid {border}; border-radius: 6px; "
            f"padding: 3px 8px; font-weight: 600; }}\n"
        )
    return "".join(rules)


SAFETY_STYLE = f"""
QLabel#escalationLine[tone="open"] {{
    color: #9a3412;
    font-weight: 600;
}}
QLabel#escalationLine[tone="taken"] {{
    color: #065f46;
    font-weight: 600;
}}
QLabel#escalationLine[tone="error"] {{
    color: #991b1b;
    font-weight: 700;
}}
QWidget#guardPanel {{
    background: #ffffff;
    border: 2px solid #fca5a5;
    border-radius: 12px;
}}
QFrame#guardQuestion {{
    background: #fef3c7;
    border-radius: 8px;
}}
QPushButton[role="escalate"] {{
    background: {DANGER};
    border: 1px solid {DANGER};
    border-radius: 10px;
    color: white;
    font-size: 12.5pt;
    font-weight: 700;
    padding: 12px 18px;
}}
QPushButton[role="escalate"]:hover {{
    background: {DANGER_HOVER};
}}
QPushButton[role="escalate"]:pressed {{
    background: #7f1d1d;
}}
QPushButton[role="escalate"][density="compact"] {{
    font-size: 11pt;
    padding: 9px 12px;
}}
QPushButton[role="danger"] {{
    background: {DANGER};
    border: 1px solid {DANGER};
    color: white;
}}
QPushButton[role="danger"]:hover {{
    background: {DANGER_HOVER};
}}
QPushButton[role="quiet"] {{
    background: transparent;
    border: 1px solid #c8ced8;
    color: {TEXT};
    font-weight: 600;
}}
QPushButton[role="quiet"]:hover {{
    background: #eef1f5;
}}
QFrame#escalationPanel[density="compact"] QPushButton {{
    padding: 6px 10px;
}}
QPushButton[role="sign"] {{
    text-align: left;
    padding: 9px 12px;
    font-weight: 600;
    background: {SURFACE};
}}
QPushButton[role="sign"]:checked {{
    background: {ACCENT_SOFT};
    border: 2px solid {ACCENT};
    padding: 8px 11px;
    color: #134e4a;
}}
QPushButton[role="sign"][urgent="true"] {{
    border-color: #e79b9b;
}}
QPushButton[role="sign"][urgent="true"]:checked {{
    background: #fef2f2;
    border: 2px solid {DANGER};
    color: #7f1d1d;
}}
QLabel[role="stateHeadline"] {{
    font-size: 14pt;
    font-weight: 700;
}}
QLabel[role="sectionTitle"] {{
    font-size: 12.5pt;
    font-weight: 600;
}}
QLabel[role="action"] {{
    font-size: 11pt;
    padding: 2px 0;
}}
QLabel[role="bigNumber"] {{
    font-size: 22pt;
    font-weight: 700;
    color: {TEXT};
}}
QLabel[role="contactName"] {{
    font-weight: 600;
}}
QFrame[role="contact"] {{
    background: #f7f9fb;
    border: 1px solid {BORDER};
    border-radius: 10px;
}}
QFrame[role="emergencyNow"] {{
    background: #fef2f2;
    border: 1px solid #f4a5a5;
    border-radius: 10px;
}}
QFrame[role="emergencyNow"] QLabel {{
    color: #7f1d1d;
    font-weight: 600;
}}
QLabel[role="promptTitle"] {{
    font-size: 20pt;
    font-weight: 700;
    color: {TEXT};
}}
QLabel[role="promptTime"] {{
    font-size: 13pt;
    font-weight: 700;
    color: #92400e;
}}
QWidget#areYouOkPrompt {{
    background: #fffdf7;
}}
QWidget#areYouOkPrompt[phase="escalated"] {{
    background: #fef7f7;
}}
QLabel[role="removedText"] {{
    color: {MUTED};
    font-style: italic;
    background: #f7f9fb;
    border: 1px dashed #c8ced8;
    border-radius: 8px;
    padding: 10px 12px;
}}
QLabel[role="reportText"] {{
    background: #f7f9fb;
    border: 1px solid {BORDER};
    border-radius: 8px;
    padding: 10px 12px;
}}
QTreeView#escalationsView, QTreeView#reportsView, QListView#sessionsView {{
    background: {SURFACE};
    border: 1px solid {BORDER};
    border-radius: 8px;
    outline: none;
    selection-background-color: {ACCENT_SOFT};
    selection-color: {TEXT};
}}
QTreeView#escalationsView::item, QTreeView#reportsView::item, QListView#sessionsView::item {{
    padding: 7px 4px;
    border-bottom: 1px solid #eef1f5;
}}
QTreeView#escalationsView::item:selected, QTreeView#reportsView::item:selected,
QListView#sessionsView::item:selected {{
    background: {ACCENT_SOFT};
    color: {TEXT};
}}
QScrollArea#safetyScroll, QWidget#safetyContent {{
    background: transparent;
}}
{_state_rules()}
"""


__all__ = [
    "DANGER",
    "SAFETY_STYLE",
    "STATE_COLOURS",
]
