"""Text from orders (names, addresses, notes) is shown as it was typed, never as markup: a
ship name of `<font size=40>` or an address with `<!--` in it must not restyle or hide
what the bench shows. QLabel guesses rich text from a leading tag unless told otherwise."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_labels(widget: QWidget) -> None:
    """Every label in `widget` shows plain text from now on."""
    for label in widget.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)
