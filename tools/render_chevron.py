"""Draw the combo box's arrow (``talentdesk/ui/assets/chevron-down*.png``) at 1x, 2x and 3x.

The arrow is a PNG so the desk needs no SVG library at run time (docs/architecture.md,
"Start-up and memory"); this draws the same path with QPainter. Run it after changing
the arrow's shape or colour: ``uv run python tools/render_chevron.py``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

from talentdesk.ui.style import MUTED

ASSETS = Path(__file__).resolve().parent.parent / "talentdesk" / "ui" / "assets"
SIZE = 12  # logical pixels, as the style sheet's ``width``/``height`` say


def draw(scale: int) -> QImage:
    image = QImage(SIZE * scale, SIZE * scale, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(scale, scale)
    pen = QPen(QColor(MUTED), 1.6)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    path = QPainterPath(QPointF(2.5, 4.5))
    path.lineTo(6, 8)
    path.lineTo(9.5, 4.5)
    painter.drawPath(path)
    painter.end()
    return image


def main() -> None:
    app = QGuiApplication([])
    for scale, suffix in ((1, ""), (2, "@2x"), (3, "@3x")):
        target = ASSETS / f"chevron-down{suffix}.png"
        if not draw(scale).save(str(target)):
            raise SystemExit(f"could not write {target}")
        print(target)
    del app


if __name__ == "__main__":
    main()
