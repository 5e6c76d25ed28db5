"""Tools → Carriers… (supervisors): the carrier profiles, a new own-range carrier, or a
carrier API with its settings and secrets, and a connection test.

Secrets are handed to the `secrets` port the station wires in (the OS keyring through
printing/carriers/credentials.py) on the I/O pool; they never reach the store or a log.
The connection test asks the carrier something harmless, also on the I/O pool.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import carrier_setup
from printing.carriers.credentials import OPTIONAL_SECRET_FIELDS, SECRET_FIELDS
from ui.i18n import core_text, error_text
from ui.ops import OpChanges, QueryOp, StoreOp
from ui.row_table import chosen, fill, row_table
from ui.tasks import TaskManager

# a carrier's row is shown by this screen alone: its writes wake no other view
TEST_LABEL_PRINTED = OpChanges(print_jobs=True)

API_NAMES = {"easypost": "EasyPost", "shippo": "Shippo", "sf_express": "SF Express 顺丰",
             "cainiao": "Cainiao 菜鸟", "kdniao": "KDNiao 快递鸟",
             "pdd_waybill": "Pinduoduo e-waybill 拼多多电子面单",
             "douyin_waybill": "Douyin e-waybill 抖音电子面单",
             "jd_logistics": "JD Logistics 京东快递"}
SETTINGS_NEEDED = {"easypost": (), "shippo": ("carrier", "carrier_account"),
                   "sf_express": ("partner_id", "monthly_card"),
                   "cainiao": ("app_key", "cp_code", "template_url"),
                   "kdniao": ("ebusiness_id", "shipper_code"),
                   "pdd_waybill": ("client_id", "wp_code", "template_url"),
                   "douyin_waybill": ("app_key", "logistics_code"),
                   "jd_logistics": ("app_key", "customer_code")}  # pool_size: optional


class CarrierSetupScreen(QWidget):
    changed = Signal()

    def __init__(self, uow_factory, tasks: TaskManager, secrets: carrier_setup.CarrierSecrets,
                 check_connection: Callable[[carrier_setup.CarrierView], str],
                 parent: QWidget | None = None,
                 print_test: Callable[[carrier_setup.CarrierView], object] | None = None
                 ) -> None:
        """`print_test(view)` prints an own-range carrier's test label on the station's
        label printer (on the I/O pool) and says which job it is."""
        super().__init__(parent)
        self.uow_factory, self.tasks = uow_factory, tasks
        self.secrets, self.check_connection = secrets, check_connection
        self.print_test = print_test
        self.rows: list[carrier_setup.CarrierView] = []
        self.setObjectName("carrierSetup")
        self.setWindowTitle(self.tr("Carriers — for supervisors"))
        self.resize(900, 680)
        self.table = row_table([self.tr("Code"), self.tr("Name on the labels"),
                                self.tr("Labels from"), self.tr("Next number / address")],
                               self)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._own_range_tab(), self.tr("Own number range"))
        self.tabs.addTab(self._api_tab(), self.tr("Carrier API"))
        self.notice = QLabel(self)
        self.notice.setObjectName("carrierNotice")
        self.notice.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(self.table, 1)
        column.addWidget(self.tabs)
        column.addWidget(self.notice)
        self.refresh()

    # -- building ----------------------------------------------------------------------
    def _own_range_tab(self) -> QWidget:
        tab = QWidget(self)
        self.own_code, self.own_name, self.own_prefix = (QLineEdit(tab), QLineEdit(tab),
                                                         QLineEdit(tab))
        self.own_code.setPlaceholderText(self.tr("e.g. OWN"))
        self.own_prefix.setPlaceholderText(self.tr("capital letters, e.g. PK"))
        self.own_digits = QSpinBox(tab)
        self.own_digits.setRange(6, 12)
        self.own_digits.setValue(8)
        self.own_digits.setToolTip(self.tr("8 digits: a UPU S10 check digit; otherwise GS1 "
                                           "mod-10"))
        self.own_sender, self.own_phone, self.own_address = (QLineEdit(tab), QLineEdit(tab),
                                                             QLineEdit(tab))
        self.add_button = QPushButton(self.tr("Add the carrier"), tab)
        self.add_button.setObjectName("addOwnCarrier")
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.test_print_button = QPushButton(self.tr("Print a test label"), tab)
        self.test_print_button.setObjectName("printCarrierTest")
        self.test_print_button.setToolTip(self.tr("The carrier's label on this station's label "
                                                  "printer, with the range's next number: "
                                                  "scan it. The number is not used up."))
        self.test_print_button.clicked.connect(self._on_test_print_button_clicked)
        self.test_print_button.setVisible(self.print_test is not None)
        form = QFormLayout(tab)
        form.addRow(self.tr("Code"), self.own_code)
        form.addRow(self.tr("Name on the labels"), self.own_name)
        form.addRow(self.tr("Prefix"), self.own_prefix)
        form.addRow(self.tr("Serial digits"), self.own_digits)
        form.addRow(self.tr("Sender name"), self.own_sender)
        form.addRow(self.tr("Sender phone"), self.own_phone)
        form.addRow(self.tr("Sender address"), self.own_address)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.test_print_button)
        add_row.addStretch(1)
        form.addRow("", add_row)
        return tab

    def _api_tab(self) -> QWidget:
        tab = QWidget(self)
        self.api_code, self.api_name, self.api_url = QLineEdit(tab), QLineEdit(tab), QLineEdit(tab)
        self.api_url.setPlaceholderText(self.tr("leave empty for the carrier's own address"))
        self.api = QComboBox(tab)
        self.api.setObjectName("carrierApi")
        for code, name in API_NAMES.items():
            self.api.addItem(name, code)
        self.api.currentIndexChanged.connect(self._on_api_current_index_changed)
        self.api_settings = QPlainTextEdit(tab)
        self.api_settings.setObjectName("carrierSettings")
        self.api_settings.setFixedHeight(72)
        self.settings_hint = QLabel(tab)
        self.settings_hint.setWordWrap(True)
        self.secret_fields: dict[str, QLineEdit] = {}
        self.save_button = QPushButton(self.tr("Save the carrier"), tab)
        self.save_button.setObjectName("saveApiCarrier")
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.test_button = QPushButton(self.tr("Test the connection"), tab)
        self.test_button.setObjectName("testCarrier")
        self.test_button.clicked.connect(self._on_test_button_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        form = self.api_form = QFormLayout(tab)
        form.addRow(self.tr("Code"), self.api_code)
        form.addRow(self.tr("Name on the labels"), self.api_name)
        form.addRow(self.tr("Carrier"), self.api)
        form.addRow(self.tr("API address"), self.api_url)
        form.addRow(self.tr("Settings (KEY=VALUE, one a line)"), self.api_settings)
        form.addRow("", self.settings_hint)
        form.addRow(buttons)  # the secret fields go in above the buttons
        self._on_api_current_index_changed()
        return tab

    def _on_api_current_index_changed(self, _index: int = 0) -> None:
        api = self.api.currentData()
        for field in self.secret_fields.values():
            self.api_form.removeRow(field)
        self.secret_fields = {}
        words = self._secret_words()
        for name in SECRET_FIELDS[api] + OPTIONAL_SECRET_FIELDS.get(api, ()):
            field = QLineEdit(self)
            field.setObjectName(f"secret_{name}")
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setPlaceholderText(self.tr("kept in the system keyring; empty keeps the "
                                             "stored one"))
            self.secret_fields[name] = field
            self.api_form.insertRow(self.api_form.rowCount() - 1, words.get(name, name), field)
        needed = SETTINGS_NEEDED[api]
        self.settings_hint.setText(self.tr("{carrier} needs: {settings}").format(
            carrier=API_NAMES[api], settings=", ".join(needed)) if needed else
            self.tr("{carrier} needs no settings besides its key.").format(
                carrier=API_NAMES[api]))

    def _secret_words(self) -> dict[str, str]:
        return {"api_key": self.tr("API key"), "checkword": self.tr("Checkword (校验码)"),
                "app_secret": self.tr("App secret"), "session": self.tr("Session key"),
                "app_key": self.tr("App key"),
                "customer_pwd": self.tr("E-waybill password (optional)")}

    # -- the list ----------------------------------------------------------------------
    def refresh(self) -> None:
        QueryOp(self, self.tasks, lambda: carrier_setup.list_carriers(self.uow_factory()),
                self._show).failure(self._on_failed).in_store_order().run_in_background()

    def _show(self, rows) -> None:
        self.rows = list(rows)
        fill(self.table, [(v.code, v.name, API_NAMES.get(v.api, v.api) if v.api
                           else self.tr("own number range"),
                           (v.api_url or self.tr("the carrier's address")) if v.api
                           else v.first_number) for v in self.rows])
        self.table.resizeColumnsToContents()

    def _on_table_selection_changed(self) -> None:
        view = chosen(self.table, self.rows)
        if view is None:
            return
        if not view.api:  # an own range: its test label is a click away
            self.tabs.setCurrentIndex(0)
            self.own_code.setText(view.code)
            return
        self.tabs.setCurrentIndex(1)
        self.api_code.setText(view.code)
        self.api_name.setText(view.name)
        self.api.setCurrentIndex(max(0, self.api.findData(view.api)))
        self.api_url.setText(view.api_url)
        self.api_settings.setPlainText("\n".join(f"{k}={v}" for k, v in view.settings))

    # -- actions -----------------------------------------------------------------------
    def _on_add_button_clicked(self) -> None:
        given = (self.own_code.text(), self.own_name.text(), self.own_prefix.text(),
                 self.own_digits.value(), "", "Standard", self.own_sender.text(),
                 self.own_phone.text(), self.own_address.text())
        self.add_button.setEnabled(False)
        StoreOp(self, self.tasks,
                lambda: carrier_setup.add_own_range_carrier(self.uow_factory(), *given)) \
            .success(self._on_added).failure(self._on_failed).run_in_background(self)

    def _on_added(self, view) -> None:
        self.add_button.setEnabled(True)
        self._say(self.tr("Carrier {code} ({name}) added; its first tracking number is "
                          "{number}.").format(code=view.code, name=view.name,
                                              number=view.first_number), error=False)
        self.refresh()
        self.changed.emit()

    def _on_save_button_clicked(self) -> None:
        code, name = self.api_code.text().strip().upper(), self.api_name.text().strip()
        api, url = self.api.currentData(), self.api_url.text().strip()
        lines = [line.strip() for line in self.api_settings.toPlainText().splitlines()
                 if line.strip()]
        typed = {k: f.text() for k, f in self.secret_fields.items() if f.text().strip()}
        if not code:
            self._say(self.tr("Give the carrier a code, like SF or EZP."), error=True)
            return
        self.save_button.setEnabled(False)

        def save():
            said = carrier_setup.set_carrier(self.uow_factory(), code, name or None, api, url,
                                             settings=carrier_setup.parse_settings(lines))
            return said

        StoreOp(self, self.tasks, save).success(
            lambda said: self._on_saved(said, code, api, typed)) \
            .failure(self._on_failed).run_in_background(self)

    def _on_saved(self, said, code: str, api: str, typed: dict[str, str]) -> None:
        self.refresh()
        self.changed.emit()
        if not typed:
            self.save_button.setEnabled(True)
            self._say(core_text(said), error=False)
            return
        StoreOp(self, self.tasks,  # the system keyring, not the store: on the I/O pool
                lambda: carrier_setup.store_carrier_secrets(self.secrets, code, api, typed)) \
            .success(lambda _done: self._on_secrets_kept(said)).failure(self._on_failed) \
            .on_io_pool().run_in_background(self)

    def _on_secrets_kept(self, said) -> None:
        self.save_button.setEnabled(True)
        for field in self.secret_fields.values():
            field.clear()
        self._say(self.tr("{said} Its keys are in the system keyring.").format(
            said=core_text(said)), error=False)

    def _on_test_button_clicked(self) -> None:
        code = self.api_code.text().strip().upper()
        view = next((v for v in self.rows if v.code == code), None)
        if view is None:
            self._say(self.tr("Save carrier {code} first, then test it.").format(
                code=code or "?"), error=True)
            return
        self.test_button.setEnabled(False)
        self._say(self.tr("Asking {name}…").format(name=view.name), error=False)
        QueryOp(self, self.tasks, lambda: self.check_connection(view), self._on_tested) \
            .failure(self._on_test_failed).run_in_background()

    def _on_test_print_button_clicked(self) -> None:
        code = self.own_code.text().strip().upper()
        view = next((v for v in self.rows if v.code == code and not v.api), None)
        if view is None or self.print_test is None:
            self._say(self.tr("Choose an own-range carrier in the list (or add one), then "
                              "print its test label."), error=True)
            return
        self.test_print_button.setEnabled(False)
        print_test = self.print_test
        StoreOp(self, self.tasks, lambda: print_test(view), TEST_LABEL_PRINTED) \
            .success(lambda job: self._on_test_printed(view, job)) \
            .failure(self._on_test_print_failed).on_io_pool().run_in_background(self)

    def _on_test_printed(self, view: carrier_setup.CarrierView, job) -> None:
        self.test_print_button.setEnabled(True)
        self._say(self.tr("Test label of {code}: {job}. Its barcode must scan as {number}; "
                          "that number is not used up.").format(
            code=view.code, job=core_text(job), number=view.first_number), error=False)

    def _on_test_print_failed(self, error: BaseException) -> None:
        self.test_print_button.setEnabled(True)
        self._say(self.tr("The test label was not printed: {reason}").format(
            reason=error_text(error)), error=True)

    def _on_tested(self, said: str) -> None:
        self.test_button.setEnabled(True)
        self._say(self.tr("Connection works: {said}").format(said=core_text(said)), error=False)

    def _on_test_failed(self, error: BaseException) -> None:
        self.test_button.setEnabled(True)
        self._say(self.tr("The connection test failed: {reason}").format(
            reason=error_text(error)), error=True)

    def _on_failed(self, error: BaseException) -> None:
        self.add_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self._say(error_text(error), error=True)

    def _say(self, text: str, error: bool) -> None:
        self.notice.setText(text)
        self.notice.setStyleSheet("font-size: 15px; color: %s;" % ("#b71c1c" if error
                                                                    else "#1b5e20"))
