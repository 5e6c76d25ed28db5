"""The lines of the order being packed, for the bench's big table."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPixmap

from app.services.views import LineView

ICON = QSize(56, 56)
Index = QModelIndex | QPersistentModelIndex


BY_HAND_LINE = "#b3e5fc"  # confirmed by hand: not the green of a scanned line

class OrderLinesModel(QAbstractTableModel):
    COLUMNS = ("image", "sku", "name", "verified", "bin", "order")  # order: merged parcels

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._lines: tuple[LineView, ...] = ()
        self._highlight_sku = ""
        self._pixmaps: dict[str, QPixmap] = {}
        self._lot_hints: dict[str, str] = {}
        self._cancelled: frozenset[str] = frozenset()  # orders of the parcel now cancelled
        self._by_hand: dict[str, int] = {}  # units per SKU confirmed by hand, not scanned

    def set_lines(self, lines: tuple[LineView, ...], highlight_sku: str = "") -> None:
        """New lines; the same order's lines again only repaint the rows that changed."""
        same_rows = ([(line.order_number, line.sku) for line in lines]
                     == [(line.order_number, line.sku) for line in self._lines])
        if not same_rows:
            self.beginResetModel()
            self._lines, self._highlight_sku = lines, highlight_sku
            self._lot_hints, self._by_hand = {}, {}
            self.endResetModel()
            return
        # verdicts carry no image paths (one query less per scan): keep the ones we have
        lines = tuple(replace(new, image_path=new.image_path or old.image_path)
                      for old, new in zip(self._lines, lines, strict=True))
        marked = {self._highlight_sku, highlight_sku}
        changed = [row for row, (old, new) in enumerate(zip(self._lines, lines, strict=True))
                   if old != new or old.sku in marked]
        self._lines, self._highlight_sku = lines, highlight_sku
        for row in changed:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    @property
    def lines(self) -> tuple[LineView, ...]:
        """The lines shown, with the picture paths the model keeps between verdicts."""
        return self._lines

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return ("", self.tr("SKU"), self.tr("Item"), self.tr("Verified"),
                self.tr("Bin"), self.tr("Order"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            bin_text = line.bin_location
            if line.sku in self._lot_hints:
                bin_text += "\n" + self.tr("lot {0}").format(self._lot_hints[line.sku])
            verified = f"{line.verified} / {line.quantity}"
            if self._by_hand.get(line.sku):
                verified += "\n" + self.tr("{0} by hand").format(self._by_hand[line.sku])
            return {"sku": line.sku, "name": line.name, "bin": bin_text,
                    "verified": verified,
                    "order": line.order_number}.get(column)
        if role == Qt.ItemDataRole.DecorationRole and column == "image":
            return self._pixmap(line)
        if role == Qt.ItemDataRole.BackgroundRole:
            if line.order_number in self._cancelled:
                return QBrush(QColor("#ef9a9a"))
            if self._by_hand.get(line.sku):
                return QBrush(QColor(BY_HAND_LINE))
            if line.complete:
                return QBrush(QColor("#c8e6c9"))
            if line.sku == self._highlight_sku:
                return QBrush(QColor("#fff59d"))
            return None
        if role == Qt.ItemDataRole.FontRole and column == "order":
            font = QFont()
            font.setPixelSize(20)  # the whole number fits: it is what tells the lines apart
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.FontRole and column in ("verified", "sku"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "verified":
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.SizeHintRole and column == "image":
            return ICON
        if role == Qt.ItemDataRole.UserRole:
            return line.sku
        return None

    def _pixmap(self, line: LineView) -> QPixmap | None:
        if not line.image_path:
            return None
        if line.image_path not in self._pixmaps:
            pixmap = QPixmap(line.image_path)
            self._pixmaps[line.image_path] = (
                pixmap.scaled(ICON, Qt.AspectRatioMode.KeepAspectRatio,
                              Qt.TransformationMode.SmoothTransformation)
                if not pixmap.isNull() else QPixmap())
        pixmap = self._pixmaps[line.image_path]
        return pixmap if not pixmap.isNull() else None

    def set_lot_hints(self, hints: dict[str, str]) -> None:
        """Lots to pick first (first expiry first out), shown under each line's bin."""
        self._lot_hints = dict(hints)
        if self._lines:
            self.dataChanged.emit(self.index(0, 4), self.index(len(self._lines) - 1, 4))

    def set_by_hand(self, units: dict[str, int]) -> None:
        """Lines with units confirmed by hand show in their own colour and say how many."""
        if units != self._by_hand:
            self._by_hand = dict(units)
            if self._lines:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self._lines) - 1, len(self.COLUMNS) - 1))

    def set_cancelled(self, numbers: frozenset[str]) -> None:
        """Lines of a merged parcel's cancelled orders show red until the order is dropped."""
        if numbers != self._cancelled:
            self._cancelled = numbers
            if self._lines:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self._lines) - 1, len(self.COLUMNS) - 1))

    def order_at(self, row: int) -> str:
        return self._lines[row].order_number

    def sku_at(self, row: int) -> str:
        return self._lines[row].sku
