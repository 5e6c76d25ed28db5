"""The shapes beside a warning: each of the seven warning kinds has its own outline and
mark, so a packer who cannot tell red from orange still tells a wrong item (a crossed
circle) from an over-scan (a plus in a square). Drawn, not taken from a font: every
station shows the same shape whatever fonts it has."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

SHAPES = ("cross", "plus", "octagon", "triangle", "label", "person", "bubble")


def shape_pixmap(shape: str, fill: str, mark: str, size: int) -> QPixmap:
    """`shape` filled with `fill`, its mark drawn in `mark`; a transparent square."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    if shape not in SHAPES:
        return pixmap
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(fill))
    s = float(size)
    painter.drawPath(_outline(shape, s))
    pen = QPen(QColor(mark), s * 0.12, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    _mark(painter, shape, s, QColor(mark))
    painter.end()
    return pixmap


def _outline(shape: str, s: float) -> QPainterPath:
    path = QPainterPath()
    if shape == "cross":
        path.addEllipse(QRectF(s * 0.04, s * 0.04, s * 0.92, s * 0.92))
    elif shape == "plus":
        path.addRoundedRect(QRectF(s * 0.06, s * 0.06, s * 0.88, s * 0.88), s * 0.12, s * 0.12)
    elif shape == "octagon":
        path.addPolygon(_regular(8, s, math.pi / 8))
        path.closeSubpath()
    elif shape == "triangle":
        path.addPolygon(QPolygonF([QPointF(s * 0.5, s * 0.05), QPointF(s * 0.97, s * 0.92),
                                   QPointF(s * 0.03, s * 0.92)]))
        path.closeSubpath()
    elif shape == "label":  # a shipping label, upright
        path.addRoundedRect(QRectF(s * 0.2, s * 0.04, s * 0.6, s * 0.92), s * 0.06, s * 0.06)
    elif shape == "person":
        path.addEllipse(QRectF(s * 0.32, s * 0.04, s * 0.36, s * 0.36))
        path.addRoundedRect(QRectF(s * 0.12, s * 0.46, s * 0.76, s * 0.5), s * 0.25, s * 0.25)
    elif shape == "bubble":  # a speech bubble: the buyer said something
        path.addRoundedRect(QRectF(s * 0.04, s * 0.08, s * 0.92, s * 0.64), s * 0.14, s * 0.14)
        path.addPolygon(QPolygonF([QPointF(s * 0.22, s * 0.66), QPointF(s * 0.44, s * 0.66),
                                   QPointF(s * 0.16, s * 0.94)]))
        path.closeSubpath()
        path.setFillRule(Qt.FillRule.WindingFill)
    return path


def _regular(sides: int, s: float, turn: float) -> QPolygonF:
    centre, radius = s / 2, s * 0.48
    return QPolygonF([QPointF(centre + radius * math.cos(turn + 2 * math.pi * k / sides),
                              centre + radius * math.sin(turn + 2 * math.pi * k / sides))
                      for k in range(sides)])


def _mark(painter: QPainter, shape: str, s: float, colour: QColor) -> None:
    def line(x1, y1, x2, y2):
        painter.drawLine(QPointF(s * x1, s * y1), QPointF(s * x2, s * y2))

    if shape == "cross":
        line(0.32, 0.32, 0.68, 0.68)
        line(0.68, 0.32, 0.32, 0.68)
    elif shape == "plus":
        line(0.5, 0.26, 0.5, 0.74)
        line(0.26, 0.5, 0.74, 0.5)
    elif shape == "octagon":  # no entry: a bar across
        line(0.26, 0.5, 0.74, 0.5)
    elif shape == "triangle":  # "!" for a weight that is off
        line(0.5, 0.38, 0.5, 0.62)
        line(0.5, 0.78, 0.5, 0.78)
    elif shape == "label":  # struck through: not printed
        line(0.34, 0.26, 0.66, 0.26)
        line(0.34, 0.42, 0.66, 0.42)
        painter.setPen(QPen(colour, s * 0.09, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        line(0.1, 0.9, 0.9, 0.1)
    elif shape == "person":  # a supervisor's badge: a star on the chest would be too small
        painter.setPen(QPen(colour, s * 0.07, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        line(0.5, 0.58, 0.5, 0.86)
    elif shape == "bubble":  # lines of writing
        painter.setPen(QPen(colour, s * 0.08, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        line(0.22, 0.28, 0.78, 0.28)
        line(0.22, 0.5, 0.62, 0.5)
