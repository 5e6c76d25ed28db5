"""The returns counter: scan an order or a slip, create the RMA, receive, grade, refund.

Every scan, from any source, enters `handle_scan`. Scans and button presses are queued
and sent to the store worker one at a time, so a scan never overtakes the action it
follows; answers come back as plain views and are painted here on the main thread.
The slip prints on the I/O pool, and a timer escalates cases that wait too long.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QWidget

from app.domain.errors import PackdeskError
from app.services.commands import CloseRefundManually, SupervisorApproval
from app.services.returns import (
    CreateReturn,
    GradeUnit,
    ReceiveItem,
    ReturnRequestLine,
    ReturnsService,
)
from app.services.views import ReceiveVerdict, ReturnCaseView, ReturnLookup
from scanners import gs1
from ui.dialogs import PickOrderDialog, SupervisorDialog
from ui.i18n import core_text, error_text
from ui.returns_view import ReturnsCounterView, money
from ui.tasks import TaskManager

log = logging.getLogger(__name__)
RECEIVE_LOOKS = {"received": "verified", "wrong_item": "wrong_item", "extra": "over_scan",
                 "unknown_code": "unknown_code", "invalid": "problem"}
DEADLINE_CHECK_MS = 60_000


class ReturnsCounter(ReturnsCounterView):
    verdict_shown = Signal(str, str)  # look, message: whenever the banner changes
    case_shown = Signal(str, str)  # RMA number, status
    slip_done = Signal(str)  # where the return slip went
    alerts_changed = Signal(int)  # escalated cases waiting for a supervisor
    photo_attached = Signal(str)  # the photo the next graded unit will carry

    def __init__(self, service: ReturnsService, tasks: TaskManager,
                 slip_output: Callable[[ReturnCaseView], str], clerk: str = "",
                 photo_source: Callable[[str], str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.tasks, self.slip_output = service, tasks, slip_output
        self.photo_source = photo_source  # takes a webcam still for a case; None: pick a file
        self.clerk = clerk
        self.order = None
        self.case: ReturnCaseView | None = None
        self._queue: deque[Callable[[], None]] = deque()
        self._busy = False
        self._grade = "resellable"
        self._photo = ""
        self._serials: dict[str, list[str]] = {}  # SKU -> serials received, not yet graded
        self._connect()
        self._deadline_timer = QTimer(self)
        self._deadline_timer.setInterval(DEADLINE_CHECK_MS)
        self._deadline_timer.timeout.connect(self.check_deadlines)
        self._deadline_timer.start()
        self.show_idle()
        self._say("ready", self.tr("Scan an order, a tracking number or a return slip."))

    def _connect(self) -> None:
        self.scan_field.returnPressed.connect(self._on_scan_field_return)
        self.create_button.clicked.connect(lambda: self.create_return())
        self.override_button.clicked.connect(self._on_override_button_clicked)
        self.finish_button.clicked.connect(self.finish_receiving)
        for grade, button in self.grade_buttons.items():
            button.clicked.connect(lambda _checked=False, g=grade: self.choose_grade(g))
        self.restock_button.clicked.connect(lambda: self.dispose("restock"))
        self.quarantine_button.clicked.connect(lambda: self.dispose("quarantine"))
        self.scrap_button.clicked.connect(lambda: self.dispose("scrap"))
        self.photo_button.clicked.connect(self._on_photo_button_clicked)
        self.refund_button.clicked.connect(self.refund)
        self.close_refund_button.clicked.connect(self._on_close_refund_button_clicked)
        self.reprint_button.clicked.connect(self.print_slip)
        self.reject_button.clicked.connect(self._on_reject_button_clicked)
        self.choose_grade("resellable")

    # ---- input ---------------------------------------------------------------------------
    def set_clerk(self, name: str) -> None:
        self.clerk = name
        self.scan_field.setFocus()

    def handle_scan(self, text: str, symbology: str = "", source: str = "wedge") -> None:
        """Every scan from every source comes here (keyboard wedge, serial, camera)."""
        self._enqueue(lambda: self._route_scan(text, symbology))

    def _on_scan_field_return(self) -> None:
        text = self.scan_field.text()
        self.scan_field.clear()
        if text.strip():
            self.handle_scan(text, "", "keyboard")

    def _route_scan(self, text: str, symbology: str = "") -> None:
        """While a case waits for its items a scan is an item; otherwise it finds something."""
        case = self.case
        if case and case.status in ("approved", "in_transit") \
                and not text.strip().upper().startswith("RMA-"):
            code, serial = self._read_gs1(text, symbology)
            if code is None:
                self._next()
                return
            cmd = ReceiveItem(case.rma_number, code, self.clerk)
            self._run(lambda: self.service.receive(cmd),
                      lambda verdict: self._on_received(verdict, text, serial))
        else:
            self._run(lambda: self.service.find(text), self._on_found)

    def _read_gs1(self, text: str, symbology: str) -> tuple[str | None, str]:
        """A unit's GS1 code: its GTIN finds the product, its serial is graded with it (a
        unit put back on the shelf may ship again under that serial). (None, "") when the
        code cannot be read, which the banner says."""
        if not gs1.is_gs1(text, symbology):
            return text, ""
        try:
            parsed = gs1.parse(text)
        except gs1.Gs1Error as exc:
            self._say("problem", self.tr("This GS1 code cannot be read: {0}").format(exc))
            return None, ""
        if not parsed.gtin:
            self._say("problem", self.tr("This GS1 code has no product number (GTIN)."))
            return None, ""
        return parsed.gtin, parsed.serial or ""

    # ---- the queue: one store command at a time ---------------------------------------
    def _enqueue(self, action: Callable[[], None]) -> None:
        self._queue.append(action)
        self._next()

    def _next(self) -> None:
        if not self._busy and self._queue:
            self._queue.popleft()()

    def _run(self, work: Callable, on_done: Callable) -> None:
        self._busy = True
        self.tasks.run_in_store(work, lambda result: self._finish(on_done, result),
                                self._on_failed)

    def _finish(self, on_done: Callable, result) -> None:
        self._busy = False
        on_done(result)
        self._next()

    def _on_failed(self, error: BaseException) -> None:
        self._busy = False
        if isinstance(error, PackdeskError):
            self._say("problem", error_text(error))
        else:
            log.error("returns counter command failed", exc_info=error)
            self._say("problem", self.tr("Something went wrong: %s") % error)
        self._next()

    def _say(self, look: str, message: str) -> None:
        self.show_verdict(look, message)
        self.verdict_shown.emit(look, message)

    # ---- answers ------------------------------------------------------------------------
    def _on_found(self, found: ReturnLookup) -> None:
        if found.outcome == "order":
            self.order, self.case = found.order, None
            self.show_order(found.order)
            self._say("opened" if found.order.policy_passes else "problem",
                      core_text(found.order.policy_reason))
        elif found.outcome == "case":
            self._show_case(found.case)
            self._say("opened", self.tr("Return %s is %s.") % (
                found.case.rma_number, self.statuses.get(found.case.status, "")))
        elif found.outcome == "ambiguous":
            self._say("problem", core_text(found.message))
            dialog = PickOrderDialog(found.candidates, self)
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen():
                self.handle_scan(dialog.chosen(), "", "keyboard")
        else:
            self._say("unknown_code" if found.outcome == "unknown" else "problem",
                      core_text(found.message))

    def _show_case(self, case: ReturnCaseView) -> None:
        if self.case is None or self.case.rma_number != case.rma_number:
            self._serials = {}
        self.case = case
        self.show_case(case)
        self.case_shown.emit(case.rma_number, case.status)

    def _on_received(self, verdict: ReceiveVerdict, text: str, serial: str = "") -> None:
        if verdict.result == "other_order":  # the clerk moved on to another parcel
            self.case = None
            self._queue.appendleft(lambda: self._run(lambda: self.service.find(text),
                                                     self._on_found))
            return
        self._show_case(verdict.case)
        if serial and verdict.result == "received":
            self._serials.setdefault(verdict.sku, []).append(serial)
        self._say(RECEIVE_LOOKS.get(verdict.result, "problem"), core_text(verdict.message))

    # ---- actions --------------------------------------------------------------------------
    def create_return(self, approval: SupervisorApproval | None = None) -> None:
        if self.order is None:
            self._say("problem", self.tr("Scan the order first."))
            return
        lines = tuple(ReturnRequestLine(sku, quantity, reason, opened)
                      for sku, quantity, reason, opened in self.chosen_lines())
        cmd = CreateReturn(self.order.number, lines, self.payer.currentData(), self.clerk,
                           approval)
        self._enqueue(lambda: self._run(lambda: self.service.create(cmd), self._on_created))

    def _on_override_button_clicked(self) -> None:
        dialog = SupervisorDialog(self.tr("Accept a return outside the policy"), [
            self.tr("Loyal customer"), self.tr("Fault found after the window"),
            self.tr("Goodwill")], self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.create_return(dialog.approval())

    def _on_created(self, case: ReturnCaseView) -> None:
        self.order = None
        self._show_case(case)
        self._say("complete", self.tr("Return %s created; the slip is printing.")
                  % case.rma_number)
        self.print_slip()

    def print_slip(self) -> None:
        case = self.case
        if case is None:
            return
        self.slip_status.setText(self.tr("Printing the return slip…"))
        self.tasks.run_io(lambda: self.slip_output(case), self._on_slip_printed,
                          self._on_slip_failed)

    def _on_slip_printed(self, where: str) -> None:
        self.slip_status.setText(self.tr("Return slip: %s") % where)
        self.slip_done.emit(where)

    def _on_slip_failed(self, error: BaseException) -> None:
        self.slip_status.setText(self.tr("The return slip did not print: %s") % error)

    def finish_receiving(self) -> None:
        rma = self.case.rma_number if self.case else ""
        self._enqueue(lambda: self._run(
            lambda: self.service.finish_receiving(rma, self.clerk), self._on_receipt_finished))

    def _on_receipt_finished(self, case: ReturnCaseView) -> None:
        self._show_case(case)
        if case.missing:
            missing = ", ".join(f"{sku} ×{count}" for sku, count in case.missing)
            self._say("problem", self.tr("Received. Missing: %s") % missing)
        else:
            self._say("complete", self.tr("Everything came back. Grade each unit."))

    def choose_grade(self, grade: str) -> None:
        self._grade = grade
        for key, button in self.grade_buttons.items():
            button.setChecked(key == grade)

    def dispose(self, disposition: str) -> None:
        """Grade the next unit with the chosen grade and send it where this button says."""
        case = self.case
        sku = case.next_to_grade if case else None
        if case is None or sku is None:
            self._say("problem", self.tr("There is no unit waiting to be graded."))
            return
        serials = self._serials.get(sku) or [""]
        cmd = GradeUnit(case.rma_number, sku, self._grade, disposition, self.clerk, self._photo,
                        serials[0])
        self._enqueue(lambda: self._run(lambda: self.service.grade(cmd),
                                        lambda graded: self._on_graded(graded, cmd)))

    def _on_graded(self, case: ReturnCaseView, cmd: GradeUnit | None = None) -> None:
        self._photo = ""
        if cmd is not None and cmd.serial in self._serials.get(cmd.sku, []):
            self._serials[cmd.sku].remove(cmd.serial)
        self._show_case(case)
        self.choose_grade("resellable")
        if case.status == "graded":
            self._say("complete", self.tr("All units graded. Refund %s.")
                      % money(case.refund_cents))
        else:
            self._say("verified", self.tr("Graded. Next: %s") % case.next_to_grade)

    def _on_photo_button_clicked(self) -> None:
        if self.photo_source is not None:
            self.take_photo()
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Photo of the unit"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.attach_photo(path)

    def take_photo(self) -> None:
        """A webcam still, taken off the main thread, for the next graded unit."""
        rma = self.case.rma_number if self.case else "return"
        self.slip_status.setText(self.tr("Taking a photo…"))
        self.tasks.run_io(lambda: self.photo_source(rma), self.attach_photo,
                          lambda error: self._say("problem", self.tr("No photo: %s") % error))

    def attach_photo(self, path: str) -> None:
        """Stored with the next graded unit."""
        self._photo = path
        self.slip_status.setText(self.tr("Photo attached: %s") % path)
        self.photo_attached.emit(path)

    def refund(self) -> None:
        rma = self.case.rma_number if self.case else ""
        self._enqueue(lambda: self._run(lambda: self.service.refund(rma, self.clerk),
                                        self._on_refunded))

    def _on_refunded(self, case: ReturnCaseView) -> None:
        self._show_case(case)
        self._say("complete", self.tr("Return %s is %s; refund %s (%s).") % (
            case.rma_number, self.statuses.get(case.status, ""), money(case.refund_cents),
            case.refund_status))

    def _on_close_refund_button_clicked(self) -> None:
        dialog = SupervisorDialog(self.tr("Close a refund the channel refused"), [
            self.tr("Refunded in the seller centre"), self.tr("Refunded by bank transfer"),
            self.tr("The buyer agreed to no refund")], self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.close_refund(dialog.approval())

    def close_refund(self, approval: SupervisorApproval) -> None:
        """The supervisor settled the refund by hand: the case closes, the channel is not
        asked again."""
        cmd = CloseRefundManually(self.case.rma_number if self.case else "", approval)
        self._enqueue(lambda: self._run(lambda: self.service.close_refund(cmd),
                                        self._on_refund_closed))

    def _on_refund_closed(self, case: ReturnCaseView) -> None:
        self._show_case(case)
        self._say("complete", self.tr("Return %s is closed; the refund of %s was settled by "
                                      "hand.") % (case.rma_number, money(case.refund_cents)))

    def _on_reject_button_clicked(self) -> None:
        reason, ok = QInputDialog.getText(self, self.tr("Reject the return"),
                                          self.tr("Why is it rejected?"))
        if ok:
            self.reject(reason)

    def reject(self, reason: str) -> None:
        rma = self.case.rma_number if self.case else ""
        self._enqueue(lambda: self._run(lambda: self.service.reject(rma, self.clerk, reason),
                                        self._on_rejected))

    def _on_rejected(self, case: ReturnCaseView) -> None:
        self._show_case(case)
        self._say("cancelled", self.tr("Return %s rejected.") % case.rma_number)

    # ---- deadlines ----------------------------------------------------------------------
    def check_deadlines(self) -> None:
        """Escalate overdue cases, follow pending refunds, and list what needs a supervisor."""
        def work():
            self.service.escalate()
            self.service.track_refunds()
            return self.service.alerts()
        self.tasks.run_in_store(work, self._on_alerts, self._on_alerts_failed)

    def _on_alerts(self, alerts) -> None:
        self.alerts.setText("\n".join(core_text(alert.message) for alert in alerts))
        self.alerts_changed.emit(len(alerts))

    def _on_alerts_failed(self, error: BaseException) -> None:
        self.alerts.setText(self.tr("Could not check return deadlines: %s") % error)
