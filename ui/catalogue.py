"""The catalogue for a supervisor: the product editor, and the catalogue file import
(preview with every bad row named, then the good rows stored and the others written to a
.rejected.csv file). The rules are the core's: app/services/catalogue.py."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.barcodes import product_code_problem
from app.services import catalogue, product_labels
from ui.file_import import FileImport
from ui.file_import import failure_text as _failure_text
from ui.i18n import core_text
from ui.ops import OpChanges, QueryOp, StoreOp
from ui.product_labels import MoreBarcodes, ProductLabelsDialog, print_product_labels
from ui.product_pictures import ProductPictures
from ui.row_table import chosen, fill, row_table
from ui.tasks import TaskManager

PRODUCTS_CHANGED = OpChanges(products=True)  # the catalogue lists and the batch labels


class ProductEditor(QWidget):
    """A supervisor's products: the list on the left, the chosen product on the right."""

    saved = Signal(object)  # ProductView
    picture_kept = Signal(str)  # the picture's path in the picture folder

    def __init__(self, uow_factory, tasks: TaskManager,
                 print_label: Callable[[catalogue.ProductView], object] | None = None,
                 parent: QWidget | None = None, pull_bar: QWidget | None = None,
                 print_labels: Callable[[str, bytes], object] | None = None,
                 pictures: ProductPictures | None = None, by: str = "") -> None:
        super().__init__(parent)
        self.uow_factory, self.tasks, self.print_label = uow_factory, tasks, print_label
        self.print_labels, self.pictures, self.by = print_labels, pictures, by
        self.shown: catalogue.ProductView | None = None  # the stored product on the form
        self.setObjectName("productEditor")
        self.setWindowTitle(self.tr("Products — for supervisors"))
        self.resize(1240, 760)
        self.rows: list[catalogue.ProductView] = []
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Find by SKU or name"))
        self.search.textChanged.connect(self.refresh)
        self.table = row_table([self.tr("SKU"), self.tr("Product name"), self.tr("Barcode"),
                                self.tr("Weight (g)"), self.tr("Bin")], self, stretch=1)
        self.table.verticalHeader().hide()  # the SKU names the row; the room goes to names
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        form = self._build_form()
        self.notice = QLabel(self)
        self.notice.setObjectName("productNotice")
        self.notice.setWordWrap(True)
        left = QVBoxLayout()
        self.pull_bar = pull_bar  # "Pull the catalogue from the channel", when offered
        if pull_bar is not None:
            pull_bar.setParent(self)
            pull_bar.pulled.connect(lambda _report: self.refresh())
            left.addWidget(pull_bar)
        left.addWidget(self.search)
        left.addWidget(self.table, 1)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(self._build_buttons())
        right.addWidget(self.notice)
        right.addStretch(1)
        columns = QHBoxLayout(self)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        tasks.ops.operation_did_execute.connect(self._on_operation_did_execute)
        self.refresh()

    @Slot(object, object)
    def _on_operation_did_execute(self, changes: OpChanges, initiator: object) -> None:
        """Another screen changed products (a pull, a difference settled, a code attached
        at receiving): the list is read again; the form being typed is left alone."""
        if changes.products and initiator not in (self, self.pull_bar):
            self.refresh()

    def _build_form(self) -> QFormLayout:
        self.sku, self.name, self.name_zh = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.sku.setObjectName("productSku")
        self.name_zh.setObjectName("productNameZh")
        self.name_zh.setPlaceholderText(self.tr("e.g. 宜兴紫砂壶 (printed on its label too)"))
        self.barcode = QLineEdit(self)
        self.barcode.setPlaceholderText(self.tr("EAN-13, UPC-A, GTIN-14 or the shop's own code"))
        self.barcode.textChanged.connect(self._on_barcode_text_changed)
        self.barcode_problem = QLabel(self)
        self.barcode_problem.setObjectName("barcodeProblem")
        self.barcode_problem.setStyleSheet("color: #b71c1c;")
        self.barcode_problem.setWordWrap(True)
        self.more_codes = MoreBarcodes(self)
        self.must_scan = QCheckBox(self.tr("Must be scanned: nobody may confirm it by hand"),
                                   self)
        self.must_scan.setObjectName("productMustScan")
        self.weight = QSpinBox(self)
        self.weight.setRange(0, catalogue.MAX_WEIGHT_G)
        self.weight.setSuffix(self.tr(" g"))
        self.weight.setMaximumWidth(180)
        self.weight_source = QLabel(self)  # whose figure the stored weight is
        self.weight_source.setObjectName("weightSource")
        self.weight_source.setStyleSheet("color: #555555;")
        self.weight_source.setWordWrap(True)
        # not self.width / self.height: those are QWidget's own width() and height()
        self.side_length, self.side_width, self.side_height = (QLineEdit(self), QLineEdit(self),
                                                               QLineEdit(self))
        size_row = QHBoxLayout()
        for side, hint in ((self.side_length, self.tr("length")),
                           (self.side_width, self.tr("width")),
                           (self.side_height, self.tr("height"))):
            side.setPlaceholderText(hint)
            side.setMaximumWidth(110)
            size_row.addWidget(side, 1)
            if side is not self.side_height:
                size_row.addWidget(QLabel("×", self))
        size_row.addWidget(QLabel(self.tr("mm"), self))
        size_row.addStretch(1)
        self.bin = QLineEdit(self)
        self.bin.setPlaceholderText(self.tr("e.g. A-01-2"))
        form = self.form = QFormLayout()
        form.addRow(self.tr("SKU"), self.sku)
        form.addRow(self.tr("Product name"), self.name)
        form.addRow(self.tr("Name in Chinese"), self.name_zh)
        form.addRow(self.tr("Barcode"), self.barcode)
        form.addRow("", self.barcode_problem)
        form.addRow(self.tr("More barcodes"), self.more_codes)
        form.addRow("", self.must_scan)
        form.addRow(self.tr("Weight of one unit"), self.weight)
        form.addRow("", self.weight_source)
        form.addRow(self.tr("Size (L × W × H)"), size_row)
        form.addRow(self.tr("Bin"), self.bin)
        form.addRow(self.tr("Picture"), self._build_picture_row())
        form.setRowVisible(self.barcode_problem, False)
        form.setRowVisible(self.weight_source, False)
        return form

    def _build_picture_row(self) -> QHBoxLayout:
        self.picture = QLabel(self)
        self.picture.setObjectName("productPicture")
        self.picture.setFixedSize(96, 96)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setStyleSheet("border: 1px solid #bdbdbd; background: white;")
        self.image = QLineEdit(self)
        self.image.textChanged.connect(self._on_image_text_changed)
        self._on_image_text_changed("")
        browse = QPushButton(self.tr("From a file…"), self)
        browse.clicked.connect(self._on_browse_clicked)
        self.camera_button = QPushButton(self.tr("Take it with the camera"), self)
        self.camera_button.setObjectName("productPhoto")
        self.camera_button.setEnabled(self.pictures is not None and self.pictures.has_camera)
        if not self.camera_button.isEnabled():
            self.camera_button.setToolTip(self.tr("No camera is set for this station "
                                                  "(Settings → Camera)."))
        self.camera_button.clicked.connect(self.take_picture)
        side = QVBoxLayout()
        side.addWidget(self.image)
        choices = QHBoxLayout()
        choices.addWidget(browse)
        choices.addWidget(self.camera_button)
        choices.addStretch(1)
        side.addLayout(choices)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.picture)
        row.addLayout(side, 1)
        return row

    def _build_buttons(self) -> QHBoxLayout:
        self.save_button = QPushButton(self.tr("Save the product"), self)
        self.save_button.setObjectName("saveProduct")
        self.save_button.clicked.connect(self._on_save_button_clicked)
        new_button = QPushButton(self.tr("New product"), self)
        new_button.clicked.connect(self.clear_form)
        self.label_button = QPushButton(self.tr("Print its barcode label…"), self)
        self.label_button.setObjectName("printProductLabel")
        self.label_button.setEnabled(False)
        self.label_button.setVisible(print_label_offered(self))
        self.label_button.clicked.connect(self._on_label_button_clicked)
        self.labels_button = QPushButton(self.tr("Labels for many products…"), self)
        self.labels_button.setObjectName("printManyLabels")
        self.labels_button.setVisible(self.print_labels is not None)
        self.labels_button.clicked.connect(self.open_batch_labels)
        buttons = QHBoxLayout()
        for button in (self.save_button, new_button, self.label_button, self.labels_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        return buttons

    def refresh(self) -> None:
        text = self.search.text()
        QueryOp(self, self.tasks, lambda: catalogue.find_products(self.uow_factory(), text),
                self._show).failure(self._on_failed).in_store_order().run_in_background()

    def _show(self, rows) -> None:
        self.rows = list(rows)
        fill(self.table, [(p.sku, p.name, p.barcode, str(p.weight_g), p.bin_location)
                          for p in self.rows])

    def clear_form(self) -> None:
        for field in (self.sku, self.name, self.name_zh, self.barcode, self.bin, self.image,
                      self.side_length, self.side_width, self.side_height):
            field.clear()
        self.more_codes.set_codes(())
        self.must_scan.setChecked(False)
        self.weight.setValue(0)
        self._weight_note("")
        self._set_shown(None)
        self.table.clearSelection()
        self.sku.setFocus()

    def _on_table_selection_changed(self) -> None:
        product = chosen(self.table, self.rows)
        if product is None:
            return
        self._set_shown(product)
        self.sku.setText(product.sku)
        self.name.setText(product.name)
        self.name_zh.setText(product.name_zh)
        self.barcode.setText(product.barcode)
        self.more_codes.set_codes(product.more_barcodes)
        self.must_scan.setChecked(product.must_scan)
        self.weight.setValue(product.weight_g)
        self._weight_note(self._weight_words(product))
        for side, mm in zip((self.side_length, self.side_width, self.side_height),
                            product.size_mm, strict=True):
            side.setText(str(mm) if mm else "")
        self.bin.setText(product.bin_location)
        self.image.setText(product.image_path)
        # the channel's picture by its file name (a CDN address runs past any field); the
        # whole address in the tooltip
        file_name = product.image_url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
        self.image.setPlaceholderText(self.tr("At the channel: {address}").format(
            address=file_name) if product.image_url else "")
        self.image.setToolTip(product.image_url)

    def _weight_note(self, text: str) -> None:
        self.weight_source.setText(text)
        self.form.setRowVisible(self.weight_source, bool(text))

    def _weight_words(self, product) -> str:
        if product.weight_g <= 0:
            return self.tr("No weight yet: the weight gate learns it from the scale, or type "
                           "it here.")
        if product.weight_from_channel:
            return self.tr("From channel {channel}; a pull follows its changes until a weight "
                           "is typed here.").format(channel=product.weight_from_channel)
        if product.weight_learned:
            return self.tr("Learned from the scale; a weight typed here replaces it.")
        return self.tr("Set by a person; a pull from a channel never replaces it.")

    def _on_barcode_text_changed(self, text: str) -> None:
        """The check digit is checked while typing, so a typo shows before Save."""
        problem = product_code_problem(text) if text.strip() else None
        self.barcode_problem.setText(core_text(problem) if problem else "")
        self.form.setRowVisible(self.barcode_problem, bool(problem))  # no gap when fine

    def _on_image_text_changed(self, path: str) -> None:
        image = QPixmap(path) if path.strip() else QPixmap()
        if image.isNull():
            self.picture.setPixmap(QPixmap())
            self.picture.setText(self.tr("No picture") if not path.strip() else "?")
            return
        self.picture.setPixmap(image.scaled(self.picture.size(),
                                            Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation))

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The product's picture"), "",
                                              self.tr("Pictures (*.png *.jpg *.jpeg *.webp)"))
        if path:
            self.use_picture_file(path)

    def use_picture_file(self, path: str) -> None:
        """A copy goes into the picture folder (the file chosen may be on a USB stick)."""
        if self.pictures is None:
            self._on_picture_kept(path)
            return
        sku = self.sku.text()
        QueryOp(self, self.tasks, lambda: self.pictures.from_file(path, sku),
                self._on_picture_kept).failure(self._on_picture_failed).run_in_background()

    def take_picture(self) -> None:
        """A webcam still, taken off the main thread."""
        if self.pictures is None or not self.pictures.has_camera:
            return
        self.camera_button.setEnabled(False)
        self._say(self.tr("Taking a picture…"), error=False)
        sku = self.sku.text()
        QueryOp(self, self.tasks, lambda: self.pictures.from_camera(sku),
                self._on_picture_kept).failure(self._on_picture_failed).run_in_background()

    def _on_picture_kept(self, path: str) -> None:
        self.camera_button.setEnabled(self.pictures is not None and self.pictures.has_camera)
        self.image.setText(path)
        self._say(self.tr("Picture ready; Save the product to keep it."), error=False)
        self.picture_kept.emit(path)

    def _on_picture_failed(self, error: BaseException) -> None:
        self.camera_button.setEnabled(self.pictures is not None and self.pictures.has_camera)
        self._say(self.tr("No picture: {0}").format(error), error=True)

    def _on_save_button_clicked(self) -> None:
        texts = (self.side_length.text(), self.side_width.text(), self.side_height.text())
        fields = (self.sku.text(), self.name.text(), self.barcode.text(), self.weight.value(),
                  self.bin.text(), self.image.text())
        more, must_scan, name_zh, by = (self.more_codes.codes(), self.must_scan.isChecked(),
                                        self.name_zh.text(), self.by)
        # the codes shown when this product was opened: one attached elsewhere since stays
        shown = self.shown.barcodes if self.shown is not None \
            and self.shown.sku == fields[0].strip() else None

        def save():
            given = catalogue.ProductInput(*fields, name_zh=name_zh, more_barcodes=more,
                                           must_scan=must_scan,
                                           size_mm=catalogue.read_size(*texts), by=by,
                                           shown_barcodes=shown)
            return catalogue.save_product(self.uow_factory(), given)

        self.save_button.setEnabled(False)
        StoreOp(self, self.tasks, save, PRODUCTS_CHANGED).success(self._on_saved) \
            .failure(self._on_failed).run_in_background(self)

    def _on_saved(self, view) -> None:
        self.save_button.setEnabled(True)
        self._say(self.tr("{0} saved: {1}, {2} g.").format(
            view.sku, view.barcode or self.tr("no barcode"), view.weight_g), error=False)
        self._weight_note(self._weight_words(view))
        self._set_shown(view)
        self.saved.emit(view)
        self.refresh()

    def _set_shown(self, view) -> None:
        """The label prints what is stored: a product saved (one with no barcode gets the
        shop's own code when its label is printed)."""
        self.shown = view
        can_make_code = self.print_labels is not None
        self.label_button.setEnabled(bool(view is not None and (view.barcode or can_make_code)))

    def _on_label_button_clicked(self) -> None:
        if self.shown is None:
            return
        if self.print_labels is None:
            if self.print_label is not None:
                self.print_label(self.shown)
            return
        sku = self.shown.sku
        print_product_labels(self, [product_labels.LabelRequest(sku, 1)],
                             self.tr("Product label {0}").format(sku))

    def open_batch_labels(self) -> None:
        if self.print_labels is None:
            return
        dialog = ProductLabelsDialog(self.uow_factory, self.tasks, self.print_labels,
                                     self.by, self)
        dialog.setWindowFlag(Qt.WindowType.Window)
        dialog.show()
        self.batch_labels = dialog

    def _on_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self._say(_failure_text(error), error=True)
        if isinstance(error, catalogue.SizeProblem):  # the field the message names
            field = {"length": self.side_length, "width": self.side_width,
                     "height": self.side_height}[error.side]
            field.setStyleSheet("border: 2px solid #b71c1c;")
            field.setFocus()
            field.selectAll()

    def _say(self, text: str, error: bool) -> None:
        for side in (self.side_length, self.side_width, self.side_height):
            side.setStyleSheet("")
        self.notice.setText(text)
        self.notice.setProperty("error", error)
        self.notice.setStyleSheet("font-size: 16px; color: %s;" % ("#b71c1c" if error
                                                                    else "#1b5e20"))


def print_label_offered(editor: ProductEditor) -> bool:
    return editor.print_label is not None or editor.print_labels is not None


class CatalogueImport(FileImport):
    """Choose a catalogue CSV; every row is checked before anything is stored."""

    changes = OpChanges(products=True, stock=True)  # a row's opening_stock is stock

    def __init__(self, uow_factory, tasks: TaskManager, supervisor: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(uow_factory, tasks, supervisor, self.tr(
            "A CSV file or an Excel workbook (.xlsx) whose first line names the columns: sku "
            "and name, and any of name_zh (the Chinese name), barcode, weight_g (or "
            "weight_kg), bin, image, opening_stock. Opening stock goes into the stock ledger as “opening stock”, "
            "once per SKU."), self.tr("The catalogue file"), parent)
        self.setObjectName("catalogueImport")
        self.setWindowTitle(self.tr("Import the catalogue — for supervisors"))
        self.summary.setObjectName("catalogueSummary")
        self.import_button.setObjectName("importCatalogue")

    def read_rows(self, headers, rows):
        return catalogue.read_catalogue_rows(headers, rows)

    def check(self, parsed):
        return catalogue.import_catalogue(self.uow_factory(), parsed, self.supervisor,
                                          preview=True)

    def store(self, parsed):
        return catalogue.import_catalogue(self.uow_factory(), parsed, self.supervisor)

    def rejected_csv(self, parsed, report) -> str:
        return catalogue.rejected_rows_csv(parsed, report)

    def taken(self, report) -> int:
        return report.rows_taken

    def checked_text(self, report) -> str:
        return self.tr("{0} — rows to import: {1} (new products: {2}, changed: {3}, with "
                       "opening stock: {4}). Rows with problems, kept aside: {5}.").format(
            self.path.name if self.path else "", report.rows_taken, report.added,
            report.updated, report.stocked, len(report.problems))

    def imported_text(self, report) -> str:
        return self.tr("Imported. New products: {0}, changed: {1}; opening stock: {3} units "
                       "for {2} SKUs.").format(report.added, report.updated, report.stocked,
                                               report.units)
