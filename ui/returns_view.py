"""How the returns counter looks: the bench's big type, one table, buttons per step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.returns import RefundStatus
from app.domain.returns import ReturnStatus as R
from app.services.views import ReturnableOrderView, ReturnCaseView
from ui.feedback import look_for
from ui.i18n import shown_amount, shown_time
from ui.plain_text import plain_labels
from ui.threads import main_thread_only

NEXT_TO_GRADE = QColor("#fff59d")  # the row of the unit to grade next


class ReturnsCounterView(QWidget):
    currency = "CNY"  # the shop's currency; the counter sets the station's

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.refund_statuses = {"pending": self.tr("sent to the channel"),
                                "confirmed": self.tr("confirmed by the channel"),
                                "failed": self.tr("refused by the channel"),
                                "manual": self.tr("by hand"), "none": self.tr("none")}
        self.reasons = {"changed_mind": self.tr("Changed mind"), "damaged": self.tr("Damaged"),
                        "wrong_item": self.tr("Wrong item sent"),
                        "not_as_described": self.tr("Not as described")}
        self.grades = {"resellable": self.tr("Resellable"), "damaged": self.tr("Damaged"),
                       "missing_parts": self.tr("Missing parts")}
        self.statuses = {"requested": self.tr("requested"), "approved": self.tr("approved"),
                         "in_transit": self.tr("in transit"), "received": self.tr("received"),
                         "graded": self.tr("graded"), "refunded": self.tr("refunded"),
                         "closed": self.tr("closed"), "rejected": self.tr("rejected")}
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_banner())
        layout.addWidget(self._build_header())
        self.table = QTableWidget(0, 5, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(54)
        self.table.setStyleSheet("QTableWidget { font-size: 22px; }")
        self.table.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("Item"),  # not "1 2 3 4 5"
                                              self.tr("Shipped"), self.tr("Return"),
                                              self.tr("Reason")])
        layout.addWidget(self.table, 1)
        self._size_columns()
        layout.addLayout(self._build_actions())
        self.scan_field = QLineEdit(self)
        self.scan_field.setObjectName("returnsScanField")
        self.scan_field.setPlaceholderText(self.tr(
            "Scan or type an order, tracking number or return slip; or a buyer's name or phone"))
        self.scan_field.setStyleSheet("font-size: 24px; padding: 6px;")
        layout.addWidget(self.scan_field)
        plain_labels(self)
        self.alerts = QLabel(self)
        self.alerts.setStyleSheet("font-size: 16px; color: #b71c1c;")
        self.alerts.setWordWrap(True)
        layout.addWidget(self.alerts)

    def _size_columns(self) -> None:
        """Fixed widths but the item name's, so a scan never re-measures the table."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 170), (2, 130), (3, 130), (4, 340)):
            header.resizeSection(column, width)

    def _build_banner(self) -> QLabel:
        self.banner = QLabel(self)
        self.banner.setObjectName("returnsBanner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setWordWrap(True)
        self.banner.setMinimumHeight(100)
        self.banner.setAutoFillBackground(True)
        font = QFont(self.banner.font())
        font.setPixelSize(30)
        font.setBold(True)
        self.banner.setFont(font)
        return self.banner

    def _build_header(self) -> QFrame:
        header = QFrame(self)
        self.title = QLabel(header)
        self.title.setStyleSheet("font-size: 38px; font-weight: 700;")
        self.meta = QLabel(header)
        self.meta.setStyleSheet("font-size: 18px;")
        self.meta.setWordWrap(True)
        self.policy = QLabel(header)
        self.policy.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.policy.setWordWrap(True)
        column = QVBoxLayout(header)
        column.addWidget(self.title)
        column.addWidget(self.meta)
        column.addWidget(self.policy)
        return header

    def _button(self, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumHeight(48)
        button.setStyleSheet("font-size: 18px;")
        return button

    def _build_actions(self) -> QVBoxLayout:
        self.payer = QComboBox(self)
        self.payer.addItem(self.tr("Buyer pays return shipping"), "buyer")
        self.payer.addItem(self.tr("Shop pays return shipping"), "shop")
        self.payer.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.payer.setMinimumHeight(48)
        self.payer.setStyleSheet("font-size: 18px;")
        self.create_button = self._button(self.tr("Create return and print slip"))
        self.override_button = self._button(self.tr("Supervisor override…"))
        self.finish_button = self._button(self.tr("Finish receiving"))
        self.grade_buttons = {key: self._button(text) for key, text in self.grades.items()}
        for button in self.grade_buttons.values():
            button.setCheckable(True)
        self.restock_button = self._button(self.tr("Restock"))
        self.quarantine_button = self._button(self.tr("Quarantine"))
        self.scrap_button = self._button(self.tr("Scrap"))
        self.photo_button = self._button(self.tr("Photo…"))
        self.no_photo_button = self._button(self.tr("No photo (supervisor)…"))
        self.refund_button = self._button(self.tr("Refund"))
        self.close_refund_button = self._button(self.tr("Close refund by hand…"))
        self.reprint_button = self._button(self.tr("Reprint slip"))
        self.pickup_button = self._button(self.tr("Book a pick-up at the buyer's door"))
        self.pickup_button.setVisible(False)
        self.reject_button = self._button(self.tr("Reject…"))
        self.clip_button = self._button(self.tr("Pack video"))  # shown with a clip opener
        self.clip_button.setToolTip(self.tr("The video of this order being packed"))
        self.clip_button.setVisible(False)
        self.slip_status = QLabel(self)
        self.slip_status.setStyleSheet("font-size: 16px;")
        first = QHBoxLayout()
        for widget in (self.payer, self.create_button, self.override_button, self.finish_button,
                       self.refund_button, self.close_refund_button, self.reprint_button,
                       self.pickup_button, self.reject_button, self.clip_button):
            first.addWidget(widget)
        second = QHBoxLayout()
        for widget in (*self.grade_buttons.values(), self.restock_button,
                       self.quarantine_button, self.scrap_button, self.photo_button,
                       self.no_photo_button):
            second.addWidget(widget)
        column = QVBoxLayout()
        column.addLayout(first)
        column.addLayout(second)
        column.addWidget(self.slip_status)
        return column

    # ---- painting ------------------------------------------------------------------------
    def money(self, cents: int) -> str:
        """An amount with its currency, as the station's language writes it (Babel)."""
        return shown_amount(cents, self.currency)

    def show_verdict(self, result: str, message: str) -> None:
        look = look_for(result)
        palette = self.banner.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(look.background))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(look.foreground))
        self.banner.setPalette(palette)
        self.banner.setText(message)
        self.banner.setProperty("result", result)

    books_pickups = False  # the counter can book return pick-ups (it has carriers)

    def set_step(self, step: str) -> None:
        """Show only the buttons the case's current step needs."""
        order, receiving, grading = step == "order", step == "receiving", step == "grading"
        self.payer.setVisible(order)
        self.create_button.setVisible(order)
        self.override_button.setVisible(order)
        self.finish_button.setVisible(receiving)
        for button in (*self.grade_buttons.values(), self.restock_button,
                       self.quarantine_button, self.scrap_button, self.photo_button,
                       self.no_photo_button):
            button.setVisible(grading)
        self.refund_button.setVisible(step == "refund")
        self.close_refund_button.setVisible(step == "refunded")  # waiting on the channel
        self.reprint_button.setVisible(receiving)
        self.reject_button.setVisible(step in ("receiving", "requested"))
        self.pickup_button.setVisible(False)  # show_case shows it for an approved return

    def show_idle(self) -> None:
        self.title.setText(self.tr("Returns counter"))
        # the banner asks for the scan; this line says what the scan will show
        self.meta.setText(self.tr("Once scanned, the order's return policy, its units and "
                                  "the refund show here."))
        self.policy.clear()
        self.table.setRowCount(0)
        self.set_step("idle")

    @main_thread_only
    def show_order(self, order: ReturnableOrderView) -> None:
        self.title.setText(order.number)
        self.meta.setText(f"{order.channel} · {order.channel_order_id} · {order.buyer_name} · "
                          f"{self.statuses.get(order.status, order.status)}"
                          + (f"\n{self.tr('Open returns')}: {', '.join(order.open_cases)}"
                             if order.open_cases else ""))
        self._show_policy(order.policy_passes, order.policy_reason)
        self.table.setRowCount(0)  # drops the previous screen's cell widgets too
        self.table.setColumnCount(5)
        self.table.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("Item"),
                                              self.tr("Shipped"), self.tr("Return"),
                                              self.tr("Reason")])
        self.table.setRowCount(len(order.lines))
        for row, line in enumerate(order.lines):
            self._cells(row, line.sku, f"{line.name} · {self.money(line.unit_price_cents)}",
                        f"{line.returnable}/{line.shipped}")
            quantity = QSpinBox(self.table)
            quantity.setRange(0, line.returnable)
            quantity.setValue(line.returnable)
            quantity.setStyleSheet("font-size: 22px;")
            self.table.setCellWidget(row, 3, quantity)
            self.table.setCellWidget(row, 4, self._reason_cell(row))
        self.set_step("order")

    def _reason_cell(self, row: int) -> QWidget:
        cell = QWidget(self.table)
        reason = QComboBox(cell)
        for key, text in self.reasons.items():
            reason.addItem(text, key)
        reason.setStyleSheet("font-size: 18px;")
        opened = QCheckBox(self.tr("opened"), cell)
        opened.setStyleSheet("font-size: 18px;")
        box = QHBoxLayout(cell)
        box.setContentsMargins(2, 2, 2, 2)
        box.addWidget(reason, 1)
        box.addWidget(opened)
        cell.setProperty("row", row)
        return cell

    def _cells(self, row: int, *texts: str) -> None:
        for column, text in enumerate(texts):
            self.table.setItem(row, column, QTableWidgetItem(text))

    def _show_policy(self, passes: bool, reason: str) -> None:
        verdict = self.tr("Policy passes") if passes else self.tr("Outside the policy")
        self.policy.setText(f"{verdict}: {reason}")
        self.policy.setStyleSheet("font-size: 20px; font-weight: 600; color: %s;"
                                  % ("#1b5e20" if passes else "#b71c1c"))

    def show_case(self, case: ReturnCaseView) -> None:
        self.title.setText(case.rma_number)
        status = self.statuses.get(case.status, case.status)
        deadline = f" · {self.tr('due')} {shown_time(case.deadline_at)}" \
            if case.deadline_at else ""
        self.meta.setText(f"{self.tr('Order')} {case.order_number} · {status} · "
                          f"{self.tr('assigned to')} {case.assigned_to}{deadline}"
                          + (f" · {self.tr('ESCALATED')}" if case.escalated_at else ""))
        self._show_policy(case.policy_verdict == "pass" or bool(case.override_by),
                          case.policy_reason + (f" ({self.tr('override by')} "
                                                f"{case.override_by})" if case.override_by
                                                else ""))
        self.table.setRowCount(0)
        self.table.setColumnCount(5)
        self.table.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("Item"),
                                              self.tr("Received"), self.tr("To grade"),
                                              self.tr("Reason")])
        self.table.setRowCount(len(case.lines))
        for row, line in enumerate(case.lines):
            self._cells(row, line.sku, f"{line.name} · {self.money(line.unit_price_cents)}",
                        f"{line.received}/{line.quantity}",
                        str(line.ungraded), self.reasons.get(line.reason, line.reason))
            if line.received < line.quantity:
                self.table.item(row, 2).setForeground(Qt.GlobalColor.red)
        self._mark_next_to_grade(case)
        self.set_step({R.APPROVED: "receiving", R.IN_TRANSIT: "receiving",
                       R.RECEIVED: "grading", R.GRADED: "refund",
                       R.REQUESTED: "requested"}.get(case.status, "done")
                      if case.status != R.REFUNDED or case.refund_status == RefundStatus.CONFIRMED
                      else "refunded")
        self.refund_button.setText(self.tr("Refund %s") % self.money(case.refund_cents))
        # a pick-up is booked once, for an approved return the parcel has not left for yet
        self.pickup_button.setVisible(self.books_pickups and case.status == R.APPROVED
                                      and not case.pickup_code)
        if case.pickup_code:
            self.slip_status.setText(self.tr("Pick-up %s with %s, %s") % (
                case.pickup_code, case.pickup_carrier, case.pickup_window))

    def _mark_next_to_grade(self, case: ReturnCaseView) -> None:
        """While grading, the row of the next unit stands out and is in view."""
        if case.status != R.RECEIVED or case.next_to_grade is None:
            return
        row = next(r for r, ln in enumerate(case.lines) if ln.sku == case.next_to_grade)
        for column in range(self.table.columnCount()):
            item = self.table.item(row, column)
            if item is not None:
                item.setBackground(NEXT_TO_GRADE)
        self.table.scrollToItem(self.table.item(row, 0))

    def chosen_lines(self) -> list[tuple[str, int, str, bool]]:
        """(sku, quantity, reason, opened) per row of an order on screen."""
        chosen = []
        for row in range(self.table.rowCount()):
            quantity = self.table.cellWidget(row, 3)
            cell = self.table.cellWidget(row, 4)
            if not isinstance(quantity, QSpinBox) or cell is None:
                continue
            reason = cell.findChild(QComboBox)
            opened = cell.findChild(QCheckBox)
            chosen.append((self.table.item(row, 0).text(), quantity.value(),
                           reason.currentData(), opened.isChecked()))
        return chosen
