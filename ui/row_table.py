"""A read-only table of rows a person picks one of (review list, failed messages)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget


def row_table(headers: Sequence[str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill(table: QTableWidget, texts: Sequence[Sequence[str]]) -> None:
    table.setRowCount(len(texts))
    for index, row in enumerate(texts):
        for column, text in enumerate(row):
            table.setItem(index, column, QTableWidgetItem(text))


def chosen(table: QTableWidget, rows: Sequence):
    """The row behind the table's selection, or None."""
    index = table.currentRow()
    selected = table.selectionModel().hasSelection()
    return rows[index] if selected and 0 <= index < len(rows) else None
