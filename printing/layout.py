"""Text on a page: runs per font, wrapping, and shrinking to fit a box.

Addresses come from buyers and can be any length. Nothing may run off a label, so every
text block is given a box: it wraps (between words for Latin, between any two characters
for CJK), shrinks down to a floor size, and only then is cut with an ellipsis.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from printing.fonts import FontSet, label_fonts

ELLIPSIS = "…"
LEADING = 1.18


@dataclass(frozen=True)
class Box:
    x: float
    y: float  # bottom
    width: float
    height: float

    @property
    def top(self) -> float:
        return self.y + self.height


class Writer:
    """Draws text on one canvas with the label font set."""

    def __init__(self, canvas: Canvas, fonts: FontSet | None = None) -> None:
        self.canvas = canvas
        self.fonts = fonts or label_fonts()

    def width(self, text: str, size: float) -> float:
        return self.fonts.width(text, size)

    def text(self, x: float, y: float, text: str, size: float, *, bold: bool = False,
             align: str = "left") -> None:
        """One line at baseline y; bold is drawn as fill plus a thin outline."""
        if align != "left":
            shift = self.width(text, size)
            x -= shift if align == "right" else shift / 2
        canvas = self.canvas
        canvas.saveState()
        obj = canvas.beginText(x, y)
        obj.setTextRenderMode(2 if bold else 0)
        if bold:
            canvas.setLineWidth(size * 0.04)
        for name, run in self.fonts.runs(text):
            obj.setFont(name, size)
            obj.textOut(run)
        canvas.drawText(obj)
        canvas.restoreState()

    def block(self, box: Box, paragraphs: list[str], size: float, *, min_size: float = 6,
              bold: bool = False, align: str = "left") -> float:
        """Fill the box from its top; returns the height used. Never draws outside it."""
        size, lines = self.fit(paragraphs, box.width, box.height, size, min_size)
        baseline = box.top - size
        for line in lines:
            anchor = {"left": box.x, "center": box.x + box.width / 2}.get(align, box.x + box.width)
            self.text(anchor, baseline, line, size, bold=bold, align=align)
            baseline -= size * LEADING
        return size + (len(lines) - 1) * size * LEADING + size * 0.25

    def fit(self, paragraphs: list[str], width: float, height: float, size: float,
            min_size: float) -> tuple[float, list[str]]:
        """The largest size (in 0.5 pt steps) at which the wrapped text fits the box."""
        while True:
            lines = [ln for p in paragraphs for ln in self.wrap(p, width, size)]
            rows = max(1, int((height - size) / (size * LEADING)) + 1)
            if len(lines) <= rows or size <= min_size:
                break
            size = max(min_size, size - 0.5)
        if len(lines) > rows:
            lines = lines[:rows]
            lines[-1] = self._cut(lines[-1] + ELLIPSIS, width, size)
        return size, lines

    def wrap(self, paragraph: str, width: float, size: float) -> list[str]:
        """Greedy wrap at spaces and CJK characters; over-long words break anywhere."""
        lines: list[str] = []
        line = ""
        for token in _tokens(paragraph):
            candidate = line + token
            if self.width(candidate, size) <= width:
                line = candidate
                continue
            if line.strip():
                lines.append(line.rstrip())
            line = token.lstrip()
            while self.width(line, size) > width and len(line) > 1:
                head = self._cut(line, width, size, ellipsis=False)
                lines.append(head)
                line = line[len(head):]
        if line.strip() or not lines:
            lines.append(line.rstrip())
        return lines

    def _cut(self, text: str, width: float, size: float, ellipsis: bool = True) -> str:
        """The longest prefix that fits (ending in … when cut and ellipsis is asked)."""
        if self.width(text, size) <= width:
            return text
        tail = ELLIPSIS if ellipsis else ""
        body = text[:-1] if ellipsis and text.endswith(ELLIPSIS) else text
        low, high = 1, len(body)
        while low < high:
            mid = (low + high + 1) // 2
            if self.width(body[:mid] + tail, size) <= width:
                low = mid
            else:
                high = mid - 1
        return body[:low] + tail


def _tokens(text: str) -> list[str]:
    """Words with their leading space, and each wide (CJK) character on its own."""
    tokens: list[str] = []
    word = ""
    for ch in text:
        if ch == " " or unicodedata.east_asian_width(ch) in ("W", "F"):
            if word:
                tokens.append(word)
            word = ch
            if ch != " ":
                tokens.append(word)
                word = ""
        else:
            word += ch
    if word:
        tokens.append(word)
    return tokens
