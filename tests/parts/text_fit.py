"""Texts on a screen that do not fit the room they have: what a person would see cut off or
elided in the screenshots, found mechanically (Chinese runs wider than English in places
and narrower in others, so each screen is checked in each language).

Looked at: labels (one line: the widest line against the label's width; word-wrapped: the
height the text needs against the label's height), buttons and check boxes, a line edit's
placeholder, a combo box's current text, group box titles and column headings.
"""

from __future__ import annotations

import re

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QTableView,
    QWidget,
)

SLACK = 1  # px: rounding


def _plain(label: QLabel) -> str:
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def _widest(widget: QWidget, text: str) -> int:
    metrics = widget.fontMetrics()
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _label(label: QLabel) -> str | None:
    text = _plain(label)
    if not text.strip() or label.pixmap() is not None and not label.pixmap().isNull():
        return None
    room = label.contentsRect().adjusted(label.margin(), label.margin(), -label.margin(),
                                         -label.margin())
    indent = max(label.indent(), 0)
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            return f"QLabel {text!r}: needs {needed} px of height, has {label.height()}"
        return None
    needed = _widest(label, text) + indent
    if needed > room.width() + SLACK:
        return f"QLabel {text!r}: needs {needed} px, has {room.width()}"
    return None


def _button(button: QAbstractButton) -> str | None:
    text = re.sub(r"&(.)", r"\1", button.text())
    if not text.strip():
        return None
    if isinstance(button, QPushButton):
        option = QStyleOptionButton()
        button.initStyleOption(option)
        room = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option,
                                             button).width()
        needed = _widest(button, text) + (button.iconSize().width() + 4
                                          if not button.icon().isNull() else 0)
    elif isinstance(button, QCheckBox | QRadioButton):
        room, needed = button.width(), button.sizeHint().width()
    else:
        return None
    if needed > room + SLACK:
        return f"{type(button).__name__} {text!r}: needs {needed} px, has {room}"
    return None


def _line_edit(edit: QLineEdit) -> str | None:
    text = edit.placeholderText()
    if edit.text() or not text:
        return None
    room = edit.width() - 12  # the frame and Qt's text margins
    needed = _widest(edit, text)
    return f"QLineEdit placeholder {text!r}: needs {needed} px, has {room}" \
        if needed > room + SLACK else None


def _combo(combo: QComboBox) -> str | None:
    text = combo.currentText()
    if not text or combo.isEditable():
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    room = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                        QStyle.SubControl.SC_ComboBoxEditField, combo).width()
    needed = _widest(combo, text)
    return f"QComboBox {text!r}: needs {needed} px, has {room}" if needed > room + SLACK \
        else None


def _group(group: QGroupBox) -> str | None:
    text = re.sub(r"&(.)", r"\1", group.title())
    if not text:
        return None
    needed = _widest(group, text) + 16
    return f"QGroupBox {text!r}: needs {needed} px, has {group.width()}" \
        if needed > group.width() + SLACK else None


def _header(header: QHeaderView) -> list[str]:
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return []
    found = []
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    for section in range(header.count()):
        if header.isSectionHidden(section) or header.sectionSize(section) == 0:
            continue
        text = model.headerData(section, Qt.Orientation.Horizontal,
                                Qt.ItemDataRole.DisplayRole)
        if not text:
            continue
        needed = _widest(header, str(text)) + margin
        if needed > header.sectionSize(section) + SLACK:
            found.append(f"column {text!r}: needs {needed} px, has "
                         f"{header.sectionSize(section)}")
    return found


def _cells(view: QTableView, rows: int = 40) -> list[str]:
    """Cells whose text Qt elides: wider than the column and, where the view wraps, taller
    than the row."""
    model = view.model()
    if model is None:
        return []
    found = []
    # QCommonStyle's item text margin, each side: the focus frame's and one pixel
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                           view) + 1)
    for row in range(min(model.rowCount(), rows)):
        if view.isRowHidden(row):
            continue
        for column in range(model.columnCount()):
            text = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
            if view.isColumnHidden(column) or not isinstance(text, str) or not text:
                continue
            font = model.data(model.index(row, column), Qt.ItemDataRole.FontRole)
            metrics = QFontMetrics(font if isinstance(font, QFont) else view.font())
            room = view.columnWidth(column) - margin
            needed = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
            if needed <= room:
                continue
            if view.wordWrap() and view.rowHeight(row) >= view.sizeHintForRow(row):
                continue  # wrapped, and the row as tall as Qt measures the wrapped text
            found.append(f"cell {text!r}: needs {needed} px, has {room}")
    return found


def clipped_texts(root: QWidget) -> list[str]:
    """What on `root` (a shown window) is wider, or taller, than its widget, as the next
    frame shows it: layouts asked for by a text set just before are done first (Qt does
    them before it paints; a label whose text changed a moment ago still had its old
    height, and a loaded CI machine checked in between: "needs 19 px of height, has 14")."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(3):  # a layout done can ask its parent's again
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not (widget is root or widget.isVisibleTo(root)) or widget.width() <= 0 \
                or widget.height() <= 0:
            continue
        if isinstance(widget, QLabel):
            found.append(_label(widget))
        elif isinstance(widget, QAbstractButton):
            found.append(_button(widget))
        elif isinstance(widget, QLineEdit):
            found.append(_line_edit(widget))
        elif isinstance(widget, QComboBox):
            found.append(_combo(widget))
        elif isinstance(widget, QGroupBox):
            found.append(_group(widget))
        elif isinstance(widget, QHeaderView):
            found.extend(_header(widget))
        if isinstance(widget, QTableView):
            found.extend(_cells(widget))
    return [problem for problem in found if problem]


def record_fit(out_dir, language: str, screen: str, root: QWidget) -> list[str]:
    """Appends what does not fit on `screen` to OUT/<language>-clipped.txt (made even when
    all fits, so a run that checked nothing is told from one that found nothing)."""
    from pathlib import Path

    problems = clipped_texts(root)
    with (Path(out_dir) / f"{language}-clipped.txt").open("a", encoding="utf-8") as report:
        report.writelines(f"{screen}: {problem}\n" for problem in problems)
    return problems
