"""The next item to scan, as big as a packer reads it from a metre away: the product's
photo when the catalogue has one (else its SKU and name, large: never a grey box), the
bin to take it from and how many are still to scan. Which line is next is the core's
rule (`app.services.views.next_to_scan`); this panel only paints it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.services.views import LineView

PHOTO = 140  # pixels: a picture a packer knows the item by at a glance


class NextItemPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nextItem")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#nextItem { background: #fffde7; border: 3px solid #f9a825;"
                           " border-radius: 6px; } QLabel { color: #212121; }")
        self.setMaximumHeight(PHOTO + 16)  # the lines below keep their room at 1280 × 800
        self._pixmaps: dict[str, QPixmap] = {}
        self.photo = QLabel(self)
        self.photo.setFixedSize(PHOTO, PHOTO)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel(self.tr("NEXT"), self)
        self.caption.setStyleSheet("font-size: 16px; font-weight: 700; color: #6d4c41;")
        self.sku = QLabel(self)
        self.sku.setObjectName("nextSku")
        self.name = QLabel(self)
        self.name.setObjectName("nextName")
        self.name.setWordWrap(True)
        self.bin = QLabel(self)
        self.bin.setObjectName("nextBin")
        self.bin.setStyleSheet("font-size: 44px; font-weight: 800;")
        self.left = QLabel(self)
        self.left.setObjectName("nextCount")
        self.left.setStyleSheet("font-size: 40px; font-weight: 800; color: #0d47a1;")
        words = QVBoxLayout()
        words.setSpacing(0)
        words.addWidget(self.caption)
        words.addWidget(self.sku)
        words.addWidget(self.name)
        words.addStretch(1)
        where = QVBoxLayout()
        where.addWidget(self.bin, 0, Qt.AlignmentFlag.AlignRight)
        where.addWidget(self.left, 0, Qt.AlignmentFlag.AlignRight)
        where.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.photo)
        row.addLayout(words, 3)
        row.addLayout(where, 2)
        self.line: LineView | None = None
        self._big: bool | None = None  # the SKU's size: large without a photo
        self.hide()

    def show_line(self, line: LineView | None) -> None:
        """The next line to scan, or nothing (no order, or every line done)."""
        self.line = line
        if line is None:
            self.hide()
            return
        pixmap = self._photo(line.image_path)
        self.photo.setVisible(pixmap is not None)
        if pixmap is not None:
            self.photo.setPixmap(pixmap)
        # without a photo, the SKU is what the packer matches against the shelf: larger
        big = pixmap is None
        if big != self._big:  # a style sheet set again re-polishes: only when it changes
            self._big = big
            self.sku.setStyleSheet(f"font-size: {48 if big else 34}px; font-weight: 800;")
            self.name.setStyleSheet(f"font-size: {28 if big else 24}px; font-weight: 600;")
        self.sku.setText(line.sku)
        self.name.setText(line.name + (f"  ·  {line.order_number}" if line.order_number
                                       else ""))
        self.bin.setText(self.tr("Bin {0}").format(line.bin_location) if line.bin_location
                         else self.tr("No bin"))
        left = line.quantity - line.verified
        self.left.setText(self.tr("1 more to scan") if left == 1
                          else self.tr("{0} more to scan").format(left))
        self.show()

    def _photo(self, path: str | None) -> QPixmap | None:
        if not path:
            return None
        if path not in self._pixmaps:
            pixmap = QPixmap(path)
            self._pixmaps[path] = pixmap.scaled(
                PHOTO, PHOTO, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation) if not pixmap.isNull() else QPixmap()
        pixmap = self._pixmaps[path]
        return None if pixmap.isNull() else pixmap
