"""The look: one calm light theme, set once on the application.

Widgets say what they are with a ``role`` property (``title``, ``body``,
``card``, ``primary``, ``warning``...) and the style sheet below decides how
that looks, so no widget module carries colours or sizes of its own. The
session windows and the safety screens add their rules
(:mod:`talentdesk.ui.session.style`, :mod:`talentdesk.ui.safety.style`);
:func:`configure_application` sets all three as one application-wide sheet. One
sheet on the application, not one per window or page: Qt re-polishes every child
of a widget whose sheet is set, and nested sheets are merged per widget, which
cost ~230 ms of the main window's first show.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#0f766e"
ACCENT_HOVER = "#115e59"
ACCENT_SOFT = "#ccfbf1"
TEXT = "#1f2937"
MUTED = "#4b5563"
BACKGROUND = "#f3f5f8"
SURFACE = "#ffffff"
BORDER = "#dfe3ea"
NAV_BACKGROUND = "#e8edf2"
#: The combo box's arrow. PNG, with @2x and @3x beside it for high-DPI screens (the style
#: sheet picks them): an SVG here loaded Qt's SVG library and icon plugin into every
#: process, 0.7 MiB, for one 12-pixel arrow (tools/render_chevron.py draws the PNGs).
CHEVRON = (Path(__file__).resolve().parent / "assets" / "chevron-down.png").as_posix()

STYLE_SHEET = f"""
QWidget {{
    color: {TEXT};
    font-size: 10.5pt;
}}
QWidget#unlockScreen, QScrollArea#unlockScroll, QWidget#unlockContent, QMainWindow,
QWidget#pageArea, QScrollArea#settingsScroll, QWidget#settingsContent {{
    background: {BACKGROUND};
}}
QFrame[role="card"] {{
    background: {SURFACE};
    border: 1px solid {BORDER};
    border-radius: 12px;
}}
QLabel[role="brand"] {{
    font-size: 15pt;
    font-weight: 700;
    color: {ACCENT};
}}
QLabel[role="tagline"], QLabel[role="muted"] {{
    color: {MUTED};
}}
QLabel[role="small"] {{
    color: {MUTED};
    font-size: 9pt;
}}
QLabel[role="title"] {{
    font-size: 15pt;
    font-weight: 600;
}}
QLabel[role="pageTitle"] {{
    font-size: 19pt;
    font-weight: 600;
}}
QLabel[role="heading"] {{
    font-size: 12.5pt;
    font-weight: 600;
}}
QLabel[role="fieldLabel"] {{
    font-weight: 600;
}}
QFrame[role="warning"] {{
    background: #fffbeb;
    border: 1px solid #f5c56b;
    border-radius: 8px;
}}
QFrame[role="warning"] QLabel {{
    color: #713f12;
}}
QFrame[role="error"] {{
    background: #fef2f2;
    border: 1px solid #f4a5a5;
    border-radius: 8px;
}}
QFrame[role="error"] QLabel {{
    color: #991b1b;
}}
QFrame[role="success"] {{
    background: #ecfdf5;
    border: 1px solid #86d9b4;
    border-radius: 8px;
}}
QFrame[role="success"] QLabel {{
    color: #065f46;
}}
QFrame[role="note"] {{
    background: #f0fdfa;
    border: 1px solid #99ddd3;
    border-radius: 8px;
}}
QFrame[role="note"] QLabel {{
    color: #134e4a;
}}
QLabel[role="demoBanner"] {{
    background: #fef3c7;
    color: #78350f;
    border-bottom: 1px solid #f5c56b;
    font-weight: 600;
    padding: 8px 36px;
}}
QLabel[role="syncChip"] {{
    font-weight: 600;
    border-radius: 6px;
    padding: 3px 8px;
    color: #374151;
    background: #e5e7eb;
}}
QLabel[role="syncChip"][tone="ok"] {{
    color: #065f46;
    background: #d1fae5;
}}
QLabel[role="syncChip"][tone="warning"] {{
    color: #7c2d12;
    background: #fed7aa;
}}
QLabel[role="syncChip"][tone="error"] {{
    color: #ffffff;
    background: #b91c1c;
}}
QLabel#agencyLine[tone="ok"] {{
    color: #065f46;
}}
QLabel#agencyLine[tone="warning"] {{
    color: #92400e;
}}
QLabel#agencyLine[tone="error"] {{
    color: #991b1b;
    font-weight: 600;
}}
QTreeView#bookingsView {{
    background: {SURFACE};
    border: 1px solid {BORDER};
    border-radius: 8px;
    outline: none;
    selection-background-color: {ACCENT_SOFT};
    selection-color: {TEXT};
}}
QTreeView#bookingsView::item {{
    padding: 7px 4px;
    border-bottom: 1px solid #eef1f5;
}}
QTreeView#bookingsView::item:selected {{
    background: {ACCENT_SOFT};
}}
QHeaderView::section {{
    background: #f7f9fb;
    color: {MUTED};
    border: none;
    border-bottom: 1px solid {BORDER};
    padding: 7px 4px;
    font-weight: 600;
}}
QLineEdit, QSpinBox, QDoubleSpinBox, QComboBox {{
    background: {SURFACE};
    border: 1px solid #c8ced8;
    border-radius: 8px;
    padding: 7px 10px;
    min-height: 20px;
    selection-background-color: {ACCENT};
}}
QLineEdit:focus, QSpinBox:focus, QDoubleSpinBox:focus, QComboBox:focus {{
    border: 2px solid {ACCENT};
    padding: 6px 9px;
}}
QComboBox {{
    padding-right: 30px;
    /* A plain list under the box (or above it), as tall as its items: the style's own
       popup, centred on the current item, could open showing one item and a half. */
    combobox-popup: 0;
}}
QComboBox:focus {{
    padding-right: 29px;
}}
QComboBox::drop-down {{
    subcontrol-origin: padding;
    subcontrol-position: center right;
    width: 28px;
    border: none;
}}
QComboBox::down-arrow {{
    image: url("{CHEVRON}");
    width: 12px;
    height: 12px;
}}
QComboBox QAbstractItemView {{
    background: {SURFACE};
    border: 1px solid {BORDER};
    selection-background-color: {ACCENT_SOFT};
    selection-color: {TEXT};
    padding: 4px;
    outline: none;
}}
QScrollBar:vertical {{
    background: transparent;
    width: 10px;
    margin: 4px 2px;
}}
QScrollBar::handle:vertical {{
    background: #c3cad4;
    border-radius: 3px;
    min-height: 32px;
}}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{
    height: 0;
}}
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{
    background: transparent;
}}
QPushButton {{
    background: {SURFACE};
    border: 1px solid #c8ced8;
    border-radius: 8px;
    padding: 8px 18px;
    font-weight: 600;
}}
QPushButton:hover {{
    background: #f0f3f7;
}}
QPushButton:disabled {{
    color: #9ca3af;
}}
QPushButton[role="primary"] {{
    background: {ACCENT};
    border: 1px solid {ACCENT};
    color: white;
}}
QPushButton[role="primary"]:hover {{
    background: {ACCENT_HOVER};
}}
QPushButton[role="primary"]:disabled {{
    background: #7fb3ae;
    border-color: #7fb3ae;
    color: #eef6f5;
}}
QListWidget#navigation {{
    background: {NAV_BACKGROUND};
    border: none;
    outline: none;
    padding: 6px 10px;
}}
QListWidget#navigation::item {{
    padding: 10px 14px;
    margin: 2px 0;
    border-radius: 8px;
    color: {TEXT};
}}
QListWidget#navigation::item:hover {{
    background: #dde4eb;
}}
QListWidget#navigation::item:selected {{
    background: {SURFACE};
    color: {ACCENT};
    font-weight: 600;
}}
QWidget#navigationPane {{
    background: {NAV_BACKGROUND};
}}
QStatusBar {{
    background: {SURFACE};
    border-top: 1px solid {BORDER};
    color: {MUTED};
}}
QStatusBar QLabel {{
    color: {MUTED};
    padding: 0 6px;
}}
QMessageBox QLabel#qt_msgbox_label, QMessageBox QLabel#qt_msgbox_informativelabel {{
    min-width: 460px;
}}
QProgressBar {{
    border: none;
    background: {ACCENT_SOFT};
    border-radius: 3px;
    max-height: 6px;
}}
QProgressBar::chunk {{
    background: {ACCENT};
    border-radius: 3px;
}}
"""


def full_style_sheet() -> str:
    """The whole look: the base rules, then the session windows', then the safety screens'."""
    # Imported here: the style modules use this module's colours.
    from talentdesk.ui.safety.style import SAFETY_STYLE
    from talentdesk.ui.session.style import SESSION_STYLE

    return STYLE_SHEET + SESSION_STYLE + SAFETY_STYLE


#: Qt's style under the style sheet: the same on every desktop.
FUSION = "Fusion"


def configure_application(app: QApplication, *, style_chosen: bool = False) -> None:
    """The look for every window: Fusion, a light palette and the one style sheet.

    Args:
        style_chosen: the application was started with ``-style Fusion`` already.
    """
    if not style_chosen:
        app.setStyle(FUSION)
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(BACKGROUND))
    palette.setColor(QPalette.ColorRole.Base, QColor(SURFACE))
    palette.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Button, QColor(SURFACE))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    app.setPalette(palette)
    sheet = full_style_sheet()
    if app.styleSheet() != sheet:  # setting it again would re-polish every widget
        app.setStyleSheet(sheet)
