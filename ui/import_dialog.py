"""Import orders from a CSV export: layout detected or mapped by hand, every row previewed
with its problems, and nothing written until the file is clean (or bad rows are skipped).

Mappings are saved per source: a file whose header row matches a saved mapping gets it
back next time. File reading and the import run off the main thread.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import replace
from pathlib import Path

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.intake import take_in_with_retries
from sync import intake_map
from sync.csv_catalogue import catalogue_from_store
from sync.csv_import import CsvImportError, EncodingUnsure, parse, preview, read_rows
from sync.csv_layouts import ColumnMapping, detect
from ui.i18n import error_text
from ui.ops import OpChanges, QueryOp, StoreOp
from ui.tasks import TaskManager

# orders taken in (some waiting for a person), their units set aside for shipment
ORDERS_TAKEN_IN = OpChanges(orders=True, review=True, stock=True)

EDITABLE = ("order_id", "sku", "quantity", "unit_price", "line_name", "buyer_name", "ship_name",
            "phone", "line1", "city", "postcode", "country", "placed_at", "status", "tracking")


def layout_key(headers: list[str]) -> str:
    return hashlib.sha1("\x1f".join(headers).encode()).hexdigest()[:16]


class ImportDialog(QDialog):
    def __init__(self, uow_factory, tasks: TaskManager, mappings_dir: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import orders from a CSV file"))
        self.uow_factory, self.tasks, self.mappings_dir = uow_factory, tasks, mappings_dir
        self.path: Path | None = None
        self.headers: list[str] = []
        self.mapping: ColumnMapping | None = None
        self.rows = []
        self._preview_seq = 0  # the newest preview asked for; older answers are dropped
        self.encoding: str | None = None  # chosen by the person when detection is unsure
        self.fields: dict[str, QComboBox] = {}
        self._build()

    def _field_label(self, name: str) -> str:
        """What each column of the file is for, in the station's language."""
        return {"order_id": self.tr("Order id"), "sku": self.tr("SKU"),
                "quantity": self.tr("Quantity"), "unit_price": self.tr("Unit price"),
                "line_name": self.tr("Item name"), "buyer_name": self.tr("Buyer name"),
                "ship_name": self.tr("Ship to name"), "phone": self.tr("Phone"),
                "line1": self.tr("Street line"), "city": self.tr("City"),
                "postcode": self.tr("Postcode"), "country": self.tr("Country"),
                "placed_at": self.tr("Placed at"), "status": self.tr("Status"),
                "tracking": self.tr("Tracking number")}.get(name, name)

    def _build(self) -> None:
        self.file_label = QLabel(self.tr("No file chosen."), self)
        choose = QPushButton(self.tr("Choose file…"), self)
        choose.clicked.connect(self._on_choose_clicked)
        self.encoding_combo = QComboBox(self)
        self.encoding_combo.setVisible(False)
        self.encoding_combo.currentIndexChanged.connect(self._on_encoding_chosen)
        form_box = QWidget(self)
        form = QFormLayout(form_box)
        for name in EDITABLE:
            combo = QComboBox(self)
            combo.currentIndexChanged.connect(self._on_mapping_edited)
            self.fields[name] = combo
            form.addRow(self._field_label(name), combo)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Order"),
                                              self.tr("Problems")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.skip_bad = QCheckBox(self.tr("Import the good rows, skip the bad ones"), self)
        self.save_button = QPushButton(self.tr("Save this mapping for files like this"), self)
        self.save_button.clicked.connect(self.save_mapping)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.clicked.connect(self.start_import)
        top = QHBoxLayout()
        top.addWidget(choose)
        top.addWidget(self.file_label, 1)
        top.addWidget(self.encoding_combo, 1)
        body = QHBoxLayout()
        body.addWidget(form_box)
        body.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        for widget in (self.skip_bad, self.save_button, self.import_button):
            bottom.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        layout.addLayout(bottom)
        self.resize(1100, 640)
        self._set_ready(False)

    def _on_choose_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Order export"), "",
                                              self.tr("CSV files (*.csv *.txt)"))
        if path:
            self.load(Path(path))

    def load(self, path: Path, encoding: str | None = None) -> None:
        self.path, self.encoding = path, encoding
        if encoding is None:
            self.encoding_combo.setVisible(False)
        self.file_label.setText(str(path))
        self.status.setText(self.tr("Reading the file…"))
        QueryOp(self, self.tasks, lambda: read_rows(path, encoding)[0],
                self._on_headers_read).failure(self._on_failed).run_in_background()

    def _ask_encoding(self, unsure: EncodingUnsure) -> None:
        """Detection is unsure: each reading of the names is shown, the person picks one."""
        combo = self.encoding_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Choose the text encoding…"), "")
        for candidate in unsure.candidates:
            combo.addItem(f"{candidate.encoding}: {candidate.sample}", candidate.encoding)
        combo.setCurrentIndex(0)
        combo.blockSignals(False)
        combo.setVisible(True)
        self.status.setText(self.tr("Packdesk cannot tell this file's text encoding for sure. "
                                    "Choose the reading in which the names and addresses "
                                    "look right; nothing is imported until then."))

    def _on_encoding_chosen(self) -> None:
        encoding = self.encoding_combo.currentData()
        if encoding and self.path is not None:
            self.load(self.path, encoding)

    def _on_headers_read(self, headers: list[str]) -> None:
        self.headers = headers
        saved = self._saved_mapping()
        self.mapping = saved or detect(headers) or ColumnMapping(
            name="custom", order_id="", sku="", quantity="", unit_price="")
        for name, combo in self.fields.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("—", "")
            for header in headers:
                combo.addItem(header, header)
            combo.setCurrentIndex(max(0, combo.findData(getattr(self.mapping, name))))
            combo.blockSignals(False)
        self.refresh_preview()

    def _on_mapping_edited(self) -> None:
        if self.mapping is None:
            return
        self.mapping = replace(self.mapping,
                               **{n: c.currentData() or "" for n, c in self.fields.items()})
        self.refresh_preview()

    def refresh_preview(self) -> None:
        """Read the file again with the mapping as it is now. Previews run on the I/O pool
        and may finish out of order: only the newest one's answer is shown."""
        path, mapping, encoding, uow = self.path, self.mapping, self.encoding, self.uow_factory
        self._set_ready(False)
        self._preview_seq = seq = self._preview_seq + 1

        def shown(callback):
            return lambda result: callback(result) if seq == self._preview_seq else None

        QueryOp(self, self.tasks, lambda: preview(path, mapping, encoding=encoding,
                                                  catalogue=catalogue_from_store(uow)),
                shown(self._on_preview)).failure(shown(self._on_failed)).run_in_background()

    def _on_preview(self, rows) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            cells = (str(row.row_number), row.order_key, "; ".join(row.errors) or self.tr("ok"))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if row.errors:
                    item.setBackground(QBrush(QColor("#ffcdd2")))
                self.table.setItem(index, column, item)
        bad = sum(1 for row in rows if row.errors)
        self.status.setText(self.tr("{0} rows, {1} with problems. Nothing is imported until "
                                    "you press Import.").format(len(rows), bad))
        self._set_ready(True)

    def _on_failed(self, error: BaseException) -> None:
        self.rows = []
        self.table.setRowCount(0)
        self._set_ready(False)
        if isinstance(error, EncodingUnsure):
            self._ask_encoding(error)
            return
        self.status.setText(error_text(error) if isinstance(error, CsvImportError | ValueError)
                            else repr(error))
        self.save_button.setEnabled(self.mapping is not None)

    def _set_ready(self, ready: bool) -> None:
        self.import_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    def _mapping_file(self) -> Path:
        return self.mappings_dir / f"{layout_key(self.headers)}.json"

    def _saved_mapping(self) -> ColumnMapping | None:
        try:
            return ColumnMapping.from_json(self._mapping_file().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def save_mapping(self) -> None:
        self.mappings_dir.mkdir(parents=True, exist_ok=True)
        self._mapping_file().write_text(self.mapping.to_json(), encoding="utf-8")
        self.status.setText(self.tr("Mapping saved: files with these columns will use it."))

    def start_import(self) -> None:
        bad = [row for row in self.rows if row.errors]
        if bad and not self.skip_bad.isChecked():
            self.status.setText(self.tr("{0} rows have problems: fix the file, or tick “skip "
                                        "the bad ones”. Nothing was imported.").format(len(bad)))
            return
        path, mapping, uow, encoding = self.path, self.mapping, self.uow_factory, self.encoding

        def work():
            orders, errors = parse(path, mapping, None, channel="csv", encoding=encoding,
                                   catalogue=catalogue_from_store(uow))
            return take_in_with_retries(intake_map.batch(orders, [], "csv"), uow), len(errors)

        self._set_ready(False)
        StoreOp(self, self.tasks, work, ORDERS_TAKEN_IN).success(self._on_imported) \
            .failure(self._on_failed).run_in_background(self)

    def _on_imported(self, outcome) -> None:
        results, skipped = outcome
        counts = Counter(result.outcome for result in results)
        summary = ", ".join(f"{n} {what}" for what, n in sorted(counts.items()))
        self.status.setText(self.tr("Imported {0} orders ({1}); skipped {2} with bad rows.")
                            .format(len(results), summary, skipped))
        self.table.setRowCount(0)

