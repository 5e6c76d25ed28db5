"""A read-only table of rows a person picks one of (review list, failed messages)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)


def row_table(headers: Sequence[str], parent: QWidget, stretch: int | None = None) -> QTableWidget:
    """`stretch`: the column of long texts (a reason) that takes the room left, its rows as
    tall as their wrapped text (no "…"); the last one when not given. The others fit their
    contents once filled."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        wrap_rows(table)
    return table


def wrap_rows(table: QTableView) -> None:
    """Rows as tall as their wrapped text, measured again once a column's new width is in
    (the signal comes before the view uses it)."""
    table.horizontalHeader().sectionResized.connect(
        lambda *_: QTimer.singleShot(0, table, table.resizeRowsToContents))  # not once gone


def fill(table: QTableWidget, texts: Sequence[Sequence[str]]) -> None:
    table.setRowCount(len(texts))
    for index, row in enumerate(texts):
        for column, text in enumerate(row):
            table.setItem(index, column, QTableWidgetItem(text))
    table.resizeColumnsToContents()  # and the headings: Chinese ones run wider than "SKU"
    table.resizeRowsToContents()


def chosen(table: QTableWidget, rows: Sequence):
    """The row behind the table's selection, or None."""
    index = table.currentRow()
    selected = table.selectionModel().hasSelection()
    return rows[index] if selected and 0 <= index < len(rows) else None
