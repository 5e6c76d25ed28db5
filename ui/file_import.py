"""A supervisor's file import, one way for every kind of file (the catalogue, opening
stock): choose a CSV or Excel workbook, see every row checked with each bad row named by
its line, then store the good rows and write the others to FILE.rejected.csv to fix and
import again. The rules are the core's; a screen says only which core functions read,
check and store its rows, and how to word the result."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.errors import PackdeskError
from app.services import opening_stock
from sync.csv_encoding import CsvImportError
from sync.tabular import read_table
from ui.i18n import core_text, error_text
from ui.ops import OpChanges, QueryOp, StoreOp
from ui.row_table import fill, row_table
from ui.tasks import TaskManager


def failure_text(error: BaseException) -> str:
    if isinstance(error, PackdeskError):
        return error_text(error)
    return str(error) if isinstance(error, CsvImportError | OSError) else repr(error)


class FileImport(QWidget):
    """The screen; a subclass gives `read_rows`, `check`, `store`, `rejected_csv`,
    `taken` and the texts. Reading and checking run on the store worker (the check asks
    the store), so the main thread never waits."""

    imported = Signal(object)  # the core's report of the rows stored
    changes = OpChanges()  # what an import changes, for the other views (a subclass's part)

    def __init__(self, uow_factory, tasks: TaskManager, supervisor: str, intro: str,
                 file_caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uow_factory, self.tasks, self.supervisor = uow_factory, tasks, supervisor
        self.file_caption = file_caption
        self.resize(980, 600)
        self.path: Path | None = None
        self.parsed = None
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        choose = QPushButton(self.tr("Choose the file…"), self)
        choose.clicked.connect(self._on_choose_clicked)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = row_table([self.tr("Line"), self.tr("SKU"), self.tr("Problem")], self)
        self.import_button = QPushButton(self.tr("Import the good rows"), self)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        column = QVBoxLayout(self)
        for widget in (self.intro, choose, self.summary):
            column.addWidget(widget)
        column.addWidget(self.table, 1)
        column.addWidget(self.import_button)

    # -- what a kind of file says (a subclass's part) ---------------------------------
    def read_rows(self, headers, rows):
        raise NotImplementedError

    def check(self, parsed):
        raise NotImplementedError

    def store(self, parsed):
        raise NotImplementedError

    def rejected_csv(self, parsed, report) -> str:
        raise NotImplementedError

    def taken(self, report) -> int:
        raise NotImplementedError

    def checked_text(self, report) -> str:
        raise NotImplementedError

    def imported_text(self, report) -> str:
        raise NotImplementedError

    # -- the screen --------------------------------------------------------------------
    def _on_choose_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.file_caption, "",
                                              self.tr("CSV files and workbooks (*.csv *.txt "
                                                      "*.xlsx)"))
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> None:
        """Read and check the file; nothing is stored yet."""
        self.path, self.parsed = path, None
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Checking {0}…").format(path.name))

        def check():
            table = read_table(path.read_bytes(), path.name)
            parsed = self.read_rows(table.headers, table.rows)
            return parsed, self.check(parsed)

        QueryOp(self, self.tasks, check, self._on_checked).failure(self._on_failed) \
            .in_store_order().run_in_background()  # a preview: nothing is stored

    def _on_checked(self, checked) -> None:
        self.parsed, report = checked
        self._show_problems(report)
        self.summary.setText(self.checked_text(report))
        self.import_button.setEnabled(self.taken(report) > 0)

    def _show_problems(self, report) -> None:
        fill(self.table, [(str(p.line), p.sku, core_text(p.problem)) for p in report.problems])

    def _on_import_button_clicked(self) -> None:
        parsed, path = self.parsed, self.path
        if parsed is None or path is None:
            return
        self.import_button.setEnabled(False)

        def store():
            report = self.store(parsed)
            rejects = None
            if report.problems:
                rejects = path.with_suffix(".rejected.csv")
                rejects.write_text(self.rejected_csv(parsed, report), encoding="utf-8")
            return report, rejects

        StoreOp(self, self.tasks, store, self.changes).success(self._on_imported) \
            .failure(self._on_failed).run_in_background(self)

    def _on_imported(self, done) -> None:
        report, rejects = done
        self._show_problems(report)
        text = self.imported_text(report)
        if rejects is not None:
            text += " " + self.tr("Rows not imported: {0}. They are in {1}, each with its "
                                  "problem: fix them there and import that file.").format(
                len(report.problems), rejects)
        self.summary.setText(text)
        self.parsed = None
        self.imported.emit(report)

    def _on_failed(self, error: BaseException) -> None:
        self.summary.setText(failure_text(error))
        self.import_button.setEnabled(self.parsed is not None)


class StockImport(FileImport):
    """Opening stock from a file (app/services/opening_stock.py): SKU, bin, quantity, lot
    and expiry; every unit goes through the ledger as “opening stock”."""

    changes = OpChanges(stock=True)

    def __init__(self, uow_factory, tasks: TaskManager, supervisor: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(uow_factory, tasks, supervisor, self.tr(
            "A CSV file or an Excel workbook (.xlsx) whose first line names the columns: sku "
            "and quantity, and where known bin, lot and expiry (YYYY-MM-DD), one line per lot. "
            "Every unit goes into the stock ledger as “opening stock”; a SKU that has stock "
            "already is counted with Tools → Cycle count instead."),
            self.tr("The opening stock file"), parent)
        self.setObjectName("stockImport")
        self.setWindowTitle(self.tr("Import opening stock — for supervisors"))
        self.summary.setObjectName("stockSummary")
        self.import_button.setObjectName("importStock")

    def read_rows(self, headers, rows):
        return opening_stock.read_stock_rows(headers, rows)

    def check(self, parsed):
        return opening_stock.import_stock(self.uow_factory(), parsed, self.supervisor,
                                          preview=True)

    def store(self, parsed):
        return opening_stock.import_stock(self.uow_factory(), parsed, self.supervisor)

    def rejected_csv(self, parsed, report) -> str:
        return opening_stock.rejected_stock_csv(parsed, report)

    def taken(self, report) -> int:
        return report.rows

    def checked_text(self, report) -> str:
        text = self.tr("{0} — rows to import: {1} ({2} units of {3} SKUs; lots: {4}). Rows "
                       "with problems, kept aside: {5}.").format(
            self.path.name if self.path else "", report.rows, report.units, report.skus,
            report.lots, len(report.problems))
        if self.parsed is not None and self.parsed.ignored_columns:
            text += " " + self.tr("Columns not used: {0}.").format(
                ", ".join(self.parsed.ignored_columns))
        return text

    def imported_text(self, report) -> str:
        return self.tr("Imported. Opening stock: {0} units of {1} SKUs; lots: {2}; bins set: "
                       "{3}.").format(report.units, report.skus, report.lots, report.bins_set)
