"""The returns counter: scan an order or a slip, create the RMA, receive, grade, refund.

Every scan, from any source, enters `handle_scan`. Scans and button presses are queued
and sent to the store worker one at a time, so a scan never overtakes the action it
follows; answers come back as plain views and are painted here on the main thread.
The queue is a ui/ops.py OpQueue of StoreOps, which tell the other views that returns
(and stock) changed. The slip prints and the webcam still is taken by QueryOps on the I/O
pool, and a timer escalates cases that wait too long, on the periodic worker, beside the
scans: every one of them is counted while in flight.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QWidget

from app.domain.command_codes import (
    DISPOSITIONS,
    GRADES,
    CounterCommand,
    parse_counter_command,
)
from app.domain.errors import PackdeskError
from app.domain.returns import ReturnStatus
from app.services.commands import CloseRefundManually, SupervisorApproval
from app.services.returns import (
    CreateReturn,
    GradeUnit,
    ReceiveItem,
    ReturnRequestLine,
    ReturnsService,
)
from app.services.views import LookupOutcome, ReceiveVerdict, ReturnCaseView, ReturnLookup
from scanners import gs1
from ui.dialogs import PickOrderDialog, SupervisorDialog
from ui.i18n import core_text, error_text
from ui.ops import OpChanges, OpQueue, QueryOp, StoreOp
from ui.returns_view import ReturnsCounterView
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
                 parent: QWidget | None = None, currency: str = "CNY") -> None:
        super().__init__(parent)
        self.currency = currency  # the shop's currency (ISO 4217): every amount shows it
        self.service, self.tasks, self.slip_output = service, tasks, slip_output
        self.photo_source = photo_source  # takes a webcam still for a case; None: pick a file
        self.clerk = clerk
        self.books_pickups = service.books_pickups
        self.order = None
        self.case: ReturnCaseView | None = None
        self._queue = OpQueue()
        self._grade = "resellable"
        self._photo = ""
        self._photo_waiver: SupervisorApproval | None = None  # a damaged unit without a photo
        self._awaiting_bin = False  # PD:RESTOCK asked for the bin; the next scan is the bin
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
            button.clicked.connect(lambda _checked=False, g=grade: self.pick_grade(g))
        self.restock_button.clicked.connect(lambda: self.dispose("restock"))
        self.quarantine_button.clicked.connect(lambda: self.dispose("quarantine"))
        self.scrap_button.clicked.connect(lambda: self.dispose("scrap"))
        self.photo_button.clicked.connect(self._on_photo_button_clicked)
        self.no_photo_button.clicked.connect(self._on_no_photo_button_clicked)
        self.refund_button.clicked.connect(self.refund)
        self.close_refund_button.clicked.connect(self._on_close_refund_button_clicked)
        self.reprint_button.clicked.connect(self.print_slip)
        self.pickup_button.clicked.connect(self.book_pickup)
        self.reject_button.clicked.connect(self._on_reject_button_clicked)
        self.clip_button.clicked.connect(self._on_clip_button_clicked)
        self.choose_grade("resellable")

    def set_clip_opener(self, open_clip: Callable) -> None:
        """Pack videos at this counter (ui.clip_player.ClipOpener.open_at): the clip of the
        returned order's original pack, for the clerk to compare with what came back."""
        self._open_clip = open_clip
        self.clip_button.setVisible(True)

    def _on_clip_button_clicked(self) -> None:
        number = (self.case.order_number if self.case is not None
                  else self.order.number if self.order is not None else "")
        if not number:
            self._say("problem", self.tr("Scan the returned order first, then its pack video "
                                         "opens."))
            return
        self._open_clip(number, None, self)

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
        """While a case waits for its items a scan is an item; otherwise it finds something.
        A counter command barcode (a grade, where the unit goes, received, refund) does what
        its button does, so a return needs no mouse."""
        command = parse_counter_command(text)
        if command is not None:
            self._awaiting_bin = False
            self._run_counter_command(command)
            self._next()
            return
        if self._awaiting_bin:
            self._grade_next("restock", text.strip())
            self._next()
            return
        case = self.case
        if case and case.status in (ReturnStatus.APPROVED, ReturnStatus.IN_TRANSIT) \
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

    def _run_counter_command(self, command: CounterCommand) -> None:
        if command in GRADES:
            self.pick_grade(command.value)
        elif command is CounterCommand.PHOTO:
            self._on_photo_button_clicked()
        elif command is CounterCommand.NO_PHOTO:
            self._on_no_photo_button_clicked()
        elif command in DISPOSITIONS:
            self.dispose(command.value)
        elif command is CounterCommand.RECEIVED:
            self.finish_receiving()
        elif command is CounterCommand.REFUND:
            self.refund()
        elif command is CounterCommand.CREATE:
            self.create_return()

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

    # ---- the queue: one store command at a time (ui/ops.py OpQueue) -------------------
    def _enqueue(self, action: Callable[[], None]) -> None:
        self._queue.add(action)

    def _next(self) -> None:
        self._queue.next()

    def _run(self, work: Callable, on_done: Callable) -> None:
        """A StoreOp; the next step waits for its answer to be painted."""
        self._queue.run(StoreOp(self, self.tasks, work, _counter_changes)
                        .success(on_done).failure(self._on_failed), initiator=self)

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, PackdeskError):
            self._say("problem", error_text(error))
        else:
            log.error("returns counter command failed", exc_info=error)
            self._say("problem", self.tr("Something went wrong: %s") % error)

    def _say(self, look: str, message: str) -> None:
        self.show_verdict(look, message)
        self.verdict_shown.emit(look, message)

    # ---- answers ------------------------------------------------------------------------
    def _on_found(self, found: ReturnLookup) -> None:
        if found.outcome is LookupOutcome.ORDER:
            self.order, self.case = found.order, None
            self.show_order(found.order)
            self._say("opened" if found.order.policy_passes else "problem",
                      core_text(found.order.policy_reason))
        elif found.outcome is LookupOutcome.CASE:
            self._show_case(found.case)
            self._say("opened", self.tr("Return %s is %s.") % (
                found.case.rma_number, self.statuses.get(found.case.status, "")))
        elif found.outcome is LookupOutcome.AMBIGUOUS:
            self._say("problem", core_text(found.message))
            dialog = PickOrderDialog(found.candidates, self)
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen():
                self.handle_scan(dialog.chosen(), "", "keyboard")
        else:
            self._say("unknown_code" if found.outcome is LookupOutcome.UNKNOWN else "problem",
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
            self._queue.add_first(lambda: self._run(lambda: self.service.find(text),
                                                    self._on_found))
            return
        self._show_case(verdict.case)
        if serial and verdict.result == "received":
            self._serials.setdefault(verdict.sku, []).append(serial)
        if verdict.case.status == "received":  # the last unit came: grading starts here
            self.scan_field.setFocus()
            self._say("complete", core_text(verdict.message))
            return
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
        QueryOp(self, self.tasks, lambda: self.slip_output(case), self._on_slip_printed) \
            .failure(self._on_slip_failed).run_in_background()

    def _on_slip_printed(self, where: str) -> None:
        self.slip_status.setText(self.tr("Return slip: %s") % where)
        self.slip_done.emit(where)

    def _on_slip_failed(self, error: BaseException) -> None:
        self.slip_status.setText(self.tr("The return slip did not print: %s") % error)

    def book_pickup(self) -> None:
        """A courier at the buyer's door tomorrow (上门取件); the carrier is asked on the I/O
        pool, and the slip with the pick-up code prints when it answered."""
        case = self.case
        if case is None:
            return
        self.pickup_button.setEnabled(False)
        self.slip_status.setText(self.tr("Booking the pick-up…"))
        # the courier is asked on the I/O pool; the case keeps its pick-up code
        StoreOp(self, self.tasks, lambda: self.service.book_pickup(case.rma_number, self.clerk),
                OpChanges(returns=True)).success(self._on_pickup_booked) \
            .failure(self._on_pickup_failed).on_io_pool().run_in_background(self)

    def _on_pickup_booked(self, case: ReturnCaseView) -> None:
        self.pickup_button.setEnabled(True)
        self._show_case(case)
        self._say("complete", self.tr("Pick-up %s booked; the slip with its code is printing.")
                  % case.pickup_code)
        self.print_slip()

    def _on_pickup_failed(self, error: BaseException) -> None:
        self.pickup_button.setEnabled(True)
        self.slip_status.setText(self.tr("No pick-up was booked: %s") % error_text(error))
        self._on_failed(error)

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

    def pick_grade(self, grade: str) -> None:
        """The clerk's grade for the next unit (button or command barcode); a damaged one
        asks for its photo."""
        self.choose_grade(grade)
        if grade == "damaged" and not self._photo:
            self._ask_for_photo()
        else:
            self._say("ready", self.tr("Grade for the next units: %s")
                      % self.grades.get(grade, grade))

    def choose_grade(self, grade: str) -> None:
        self._grade = grade
        for key, button in self.grade_buttons.items():
            button.setChecked(key == grade)

    def dispose(self, disposition: str) -> None:
        """Send the next unit where this button or command says, with the chosen grade. A
        resellable unit going back on the shelf first asks for its bin, by scan."""
        case = self.case
        sku = case.next_to_grade if case else None
        if case is None or sku is None:
            self._say("problem", self.tr("There is no unit waiting to be graded."))
            return
        line = next(ln for ln in case.lines if ln.sku == sku)
        if disposition == "restock" and self._grade == "resellable" \
                and (case.bins_kept or line.home_bin):
            self._awaiting_bin = True
            where = (self.tr("Scan the bin %1 goes back to: %2.").replace("%2", line.home_bin)
                     if line.home_bin else self.tr("Scan the bin %1 goes back to."))
            self._say("ready", where.replace("%1", sku) + " " + line.name)
            return
        self._grade_next(disposition)

    def _grade_next(self, disposition: str, bin_code: str = "") -> None:
        case = self.case
        sku = case.next_to_grade if case else None
        if case is None or sku is None:
            self._awaiting_bin = False
            self._say("problem", self.tr("There is no unit waiting to be graded."))
            return
        serials = self._serials.get(sku) or [""]
        cmd = GradeUnit(case.rma_number, sku, self._grade, disposition, self.clerk, self._photo,
                        serials[0], bin_code, self._photo_waiver)
        self._enqueue(lambda: self._run(lambda: self.service.grade(cmd),
                                        lambda graded: self._on_graded(graded, cmd)))

    def _on_graded(self, case: ReturnCaseView, cmd: GradeUnit | None = None) -> None:
        self._photo, self._photo_waiver, self._awaiting_bin = "", None, False
        if cmd is not None and cmd.serial in self._serials.get(cmd.sku, []):
            self._serials[cmd.sku].remove(cmd.serial)
        self._show_case(case)
        self.choose_grade("resellable")
        if case.status == "graded":
            self._say("complete", self.tr("All units graded. Refund %s.")
                      % self.money(case.refund_cents))
        else:
            self._say("verified", self.tr("Graded. Next: %s") % case.next_to_grade)

    def _ask_for_photo(self) -> None:
        """A damaged unit is graded with a photo: the counter's camera takes it at once;
        without one the banner asks for it (Photo…, or a supervisor's PD:NO-PHOTO)."""
        if self.photo_source is not None:
            self.take_photo()
            return
        self._say("ready", self.tr("Damaged: a photo of the unit is needed. Press Photo… "
                                   "(there is no camera here), or a supervisor scans "
                                   "PD:NO-PHOTO."))

    def _on_no_photo_button_clicked(self) -> None:
        dialog = SupervisorDialog(self.tr("Grade a damaged unit without a photo"), [
            self.tr("The camera is broken"), self.tr("The damage does not show on a photo")],
            self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.waive_photo(dialog.approval())

    def waive_photo(self, approval: SupervisorApproval) -> None:
        """The next damaged unit goes without a photo; the store checks the PIN at grading."""
        self._photo_waiver = approval
        self._say("supervisor_needed", self.tr("No photo, on %1's word: scan where the unit "
                                               "goes.").replace("%1", approval.name))

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
        QueryOp(self, self.tasks, lambda: self.photo_source(rma), self.attach_photo) \
            .failure(lambda error: self._say("problem", self.tr("No photo: %s") % error)) \
            .run_in_background()

    def attach_photo(self, path: str) -> None:
        """Stored with the next graded unit."""
        self._photo = path
        self.slip_status.setText(self.tr("Photo attached: %s") % path)
        self.photo_attached.emit(path)
        if self._grade == "damaged":
            self._say("ready", self.tr("Photo taken. Scan where the damaged unit goes."))

    def refund(self) -> None:
        rma = self.case.rma_number if self.case else ""
        self._enqueue(lambda: self._run(lambda: self.service.refund(rma, self.clerk),
                                        self._on_refunded))

    def _on_refunded(self, case: ReturnCaseView) -> None:
        self._show_case(case)
        if case.refund_note:  # Packdesk could not send it: the banner says what happens
            self._say("manual", self.tr("Return %1 is closed. Refund %2 by hand: %3").replace(
                "%1", case.rma_number).replace("%2", self.money(case.refund_cents)).replace(
                "%3", core_text(case.refund_note)))
            return
        self._say("complete", self.tr("Return %s is %s; refund %s (%s).") % (
            case.rma_number, self.statuses.get(case.status, ""), self.money(case.refund_cents),
            self.refund_statuses.get(case.refund_status, case.refund_status)))

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
                                      "hand.") % (case.rma_number, self.money(case.refund_cents)))

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
        changed = []

        def work():
            changed.extend(self.service.escalate())
            changed.extend(self.service.track_refunds())
            return self.service.alerts()
        StoreOp(self, self.tasks, work,
                lambda _alerts: OpChanges(returns=bool(changed), alerts=bool(changed))) \
            .on_periodic_worker().success(self._on_alerts).failure(self._on_alerts_failed) \
            .run_in_background(self)

    def _on_alerts(self, alerts) -> None:
        self.alerts.setText("\n".join(core_text(alert.message) for alert in alerts))
        self.alerts_changed.emit(len(alerts))

    def _on_alerts_failed(self, error: BaseException) -> None:
        self.alerts.setText(self.tr("Could not check return deadlines: %s") % error)


def _counter_changes(result) -> OpChanges:
    """A case shown back changed the case (and, graded to the shelf, the stock); a lookup
    changed nothing."""
    if isinstance(result, ReturnCaseView | ReceiveVerdict):
        return OpChanges(returns=True, stock=True)
    return OpChanges()
