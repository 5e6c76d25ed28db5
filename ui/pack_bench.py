"""The pack bench: scan an order, scan every item, and the label prints by itself.

Every scan, from any source, enters `handle_scan`. Scans are queued and sent to the
store worker one at a time, so a fast scanner can never overtake the order it belongs
to; the verdict comes back as plain data and is painted here on the main thread.
"""

from __future__ import annotations

import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.domain.command_codes import BenchCommand, parse_command
from app.domain.errors import PackdeskError, TakenOver
from app.services import commands as c
from app.services.auth import PackerView
from app.services.bench import PackBenchService
from app.services.prediction import predict_item_scan
from app.services.views import Completion, OpenOrderResult, OrderView, ScanVerdict
from scanners import gs1
from ui.feedback import SoundBoard
from ui.i18n import core_text, error_text
from ui.pack_bench_dialogs import BenchDialogs
from ui.pack_bench_label import LabelWatch
from ui.pack_bench_parcels import ParcelActions
from ui.pack_bench_takeover import TakeOver
from ui.pack_bench_view import PackBenchView
from ui.pack_bench_weight import WeightGate
from ui.tasks import TaskManager
from ui.threads import main_thread_only

LOT_HINT_DELAY_MS = 150


@dataclass
class _Scan:
    text: str
    symbology: str
    source: str
    quantity: int
    uid: str
    predicted: str = ""  # the verdict painted before the store answered
    code: str = ""  # a GS1 scan's GTIN
    lot: str = ""
    serial: str = ""


class PackBench(BenchDialogs, TakeOver, LabelWatch, WeightGate, ParcelActions, PackBenchView):
    verdict_shown = Signal(str, str)  # result, message: whenever the banner changes
    verdict_confirmed = Signal(str, str)  # the store's own verdict of a scan or command
    label_done = Signal(str)  # where the label went
    logout_requested = Signal()

    def __init__(self, service: PackBenchService, tasks: TaskManager, sounds: SoundBoard,
                 label_output: Callable[[Completion], str], parent: QWidget | None = None):
        super().__init__(parent)
        self.service, self.tasks, self.sounds = service, tasks, sounds
        self.label_output = label_output
        self.packer: PackerView | None = None
        self._last_packer: str | None = None  # who packed here last (the bench is theirs)
        self.session_id: int | None = None
        self.order: OrderView | None = None
        self.last_completion: Completion | None = None
        self._queue: deque[_Scan] = deque()
        self._busy = False
        self._item_codes: dict[str, tuple[str, int]] = {}
        self._in_flight = ""  # "item" while an item scan is with the store, "other" for the rest
        self._confirmed_order: OrderView | None = None  # the order as the store last said
        self.scan_field.returnPressed.connect(self._on_scan_field_return)
        self.undo_button.clicked.connect(lambda: self._enqueue_command(BenchCommand.UNDO))
        self.hold_button.clicked.connect(lambda: self._enqueue_command(BenchCommand.HOLD))
        self.complete_button.clicked.connect(lambda: self._enqueue_command(BenchCommand.COMPLETE))
        self.leave_button.clicked.connect(lambda: self._enqueue_command(BenchCommand.CANCEL))
        self.manual_button.clicked.connect(self._on_manual_button_clicked)
        self.reprint_button.clicked.connect(lambda: self._enqueue_command(BenchCommand.REPRINT))
        self.merge_button.clicked.connect(lambda: self._enqueue_command(BenchCommand.MERGE))
        self.drop_button.clicked.connect(lambda: self._enqueue_command(BenchCommand.DROP))
        self.takeover_button.clicked.connect(
            lambda: self._enqueue_command(BenchCommand.TAKEOVER))
        self.show_idle()

    # ---- input -------------------------------------------------------------------------
    def set_packer(self, packer: PackerView | None) -> None:
        """Another packer at the bench starts clean: the order left open stays open (its
        scans kept) for whoever scans it next, and the banner says so."""
        self.packer = packer
        if packer is not None:
            previous, self._last_packer = self._last_packer, packer.name
            if previous is not None and previous != packer.name:
                self._hand_over_bench(previous)
        self.scan_field.setFocus()

    def open_order_summary(self) -> tuple[str, int] | None:
        """(number, items verified) of the order open at this bench, if any."""
        if self.session_id is None or self.order is None:
            return None
        return self.order.number, self.order.items_verified

    def _hand_over_bench(self, previous: str) -> None:
        parked = self.open_order_summary()
        self.session_id, self.order, self._confirmed_order = None, None, None
        self._queue.clear()
        self._withdraw_takeover()
        self.show_idle()
        if parked is not None:
            self._show("ready", self.tr("Order {0} stays open for {1} with its verified "
                                        "items: scan it to go on with it.").format(
                                            parked[0], previous))
        else:
            self._show("ready", self.tr("Scan an order."))

    def handle_scan(self, text: str, symbology: str = "", source: str = "wedge") -> None:
        """Every scan from every source comes here (keyboard wedge, serial, camera)."""
        quantity = self._take_typed_quantity()
        scan = _Scan(text, symbology, source, quantity, uuid.uuid4().hex)
        if not self._read_gs1(scan):
            return
        self._predict(scan)
        self._queue.append(scan)
        self._pump()

    def _read_gs1(self, scan: _Scan) -> bool:
        """A GS1 code: its GTIN finds the product, lot and serial go on the scan record.

        GS1 is read only for item scans; an order's slip barcode is never GS1.
        """
        if self.session_id is None or not gs1.is_gs1(scan.text, scan.symbology):
            return True
        try:
            parsed = gs1.parse(scan.text)
        except gs1.Gs1Error as exc:
            self._show("problem", self.tr("This GS1 code cannot be read: {0}").format(exc))
            return False
        if not parsed.gtin:
            self._show("problem", self.tr("This GS1 code has no product number (GTIN)."))
            return False
        scan.code, scan.lot, scan.serial = parsed.gtin, parsed.lot or "", parsed.serial or ""
        return True

    def _predict(self, scan: _Scan) -> None:
        """Paint the verdict at once when the order on screen already decides it."""
        if (self.session_id is None or self.order is None or parse_command(scan.text)
                or self._in_flight == "other"
                or any(not queued.predicted for queued in self._queue)):
            return
        if scan.serial:
            return  # a serial number may repeat one already scanned: the store decides
        prediction = predict_item_scan(self.order, self._item_codes, scan.code or scan.text,
                                       scan.quantity)
        if prediction is None:
            return
        scan.predicted = prediction.result
        self.order = prediction.order
        self._show(prediction.result, prediction.message)
        self.show_order(prediction.order, highlight=prediction.sku)

    def _on_scan_field_return(self) -> None:
        text = self.scan_field.text()
        self.scan_field.clear()
        if text.strip().isdigit() and len(text.strip()) <= 3 and self.session_id is not None:
            self.set_pending_quantity(int(text.strip()))
            return
        if text.strip():
            scan = _Scan(text, "", "keyboard", self._take_pending(), uuid.uuid4().hex)
            self._predict(scan)
            self._queue.append(scan)
            self._pump()

    def _take_typed_quantity(self) -> int:
        """'Type a quantity, then scan': digits typed into the scan field are the quantity."""
        typed = self.scan_field.text().strip()
        if typed.isdigit() and 1 <= int(typed) <= 999:
            self.scan_field.clear()
            self.set_pending_quantity(int(typed))
        return self._take_pending()

    def _take_pending(self) -> int:
        quantity = self.pending_quantity
        self.set_pending_quantity(1)
        return quantity

    def _enqueue_command(self, command: BenchCommand) -> None:
        self._queue.append(_Scan(f"PD:{command.value.upper()}", "", "button", 1,
                                 uuid.uuid4().hex))
        self._pump()

    # ---- dispatch ----------------------------------------------------------------------
    def _pump(self) -> None:
        if self._busy or not self._queue:
            return
        scan = self._queue.popleft()
        command = parse_command(scan.text)
        if command is not None:
            self._run_command(command)
        elif self.packer is None:
            self._show("problem", self.tr("Log in first."))
        elif self.session_id is None:
            if not self._label_holds_next_order():
                self._open_order(scan)
        elif scan.predicted == "invalid":
            pass  # garbage: shown already, nothing to record
        else:
            self._scan_item(scan)
        if not self._busy:
            self._pump()

    def _submit(self, work, on_done, kind: str = "other") -> None:
        self._busy, self._in_flight = True, kind

        def done(result) -> None:
            self._busy, self._in_flight = False, ""
            on_done(result)
            self._pump()

        self.tasks.run_in_store(work, done, self._on_failed)

    def _on_failed(self, error: BaseException) -> None:
        self._busy, self._in_flight = False, ""
        if self._weight_refused(error):
            self._pump()
            return
        if isinstance(error, TakenOver):  # a supervisor moved the order to another station
            self.session_id, self.order, self._confirmed_order = None, None, None
            self._queue.clear()  # the scans that followed were for that order too
            self.show_idle()
            self._show("problem", error_text(error), sticky=True)
            return
        if self._confirmed_order is not None and self.session_id is not None:
            self.order = self._confirmed_order  # forget what was painted in advance
            self.show_order(self.order)
        if isinstance(error, PackdeskError):
            self._show("problem", error_text(error))
        else:
            self._show("problem", self.tr("Something went wrong, nothing was lost: {0}")
                       .format(error))
        self._pump()

    def _open_order(self, scan: _Scan, number: str | None = None) -> None:
        cmd = c.OpenOrder(scan.text, self.packer.name, scan.source, number)
        self._submit(lambda: self.service.open_order(cmd), self._on_order_opened)

    def _open_picked(self, number: str | None) -> None:
        """One of several matching orders, picked in the dialog."""
        self._open_order(_Scan(number or "", "", "pick", 1, uuid.uuid4().hex), number)

    def _scan_item(self, scan: _Scan) -> None:
        cmd = c.ScanItem(self.session_id, scan.uid, scan.text, scan.source, scan.quantity,
                         scan.symbology, scan.lot, scan.serial, scan.code)
        self._submit(lambda: self.service.scan_item(cmd),
                     lambda verdict: self._on_item_verdict(verdict, scan.predicted), "item")

    def _run_command(self, command: BenchCommand) -> None:
        if command is BenchCommand.LOGOUT:
            self.logout_requested.emit()
        elif command is BenchCommand.REPRINT:
            self._reprint()
        elif command is BenchCommand.SKIPLABEL:
            self._skip_label()
        elif command is BenchCommand.TAKEOVER:
            self._ask_takeover()
        elif command is BenchCommand.WEIGHTOK:
            self._ask_weight_override()
        elif self.session_id is None:
            self._show("problem", self.tr("No order is open. Scan an order first."))
        elif command is BenchCommand.UNDO:
            session_id = self.session_id
            self._submit(lambda: self.service.undo(session_id), self._on_item_verdict)
        elif command is BenchCommand.COMPLETE:
            self._complete(None)
        elif command is BenchCommand.HOLD:
            self._ask_hold()
        elif command is BenchCommand.CANCEL:
            session_id = self.session_id
            self._submit(lambda: self.service.leave(session_id), self._on_left)
        elif command is BenchCommand.MERGE:
            self._merge()
        elif command is BenchCommand.DROP:
            self._ask_drop()

    # ---- results -----------------------------------------------------------------------
    def _on_order_opened(self, result: OpenOrderResult) -> None:
        if result.outcome == "ambiguous":
            self._pick_order(result)
            return
        if not result.opened:
            look = "cancelled" if result.outcome == "cancelled" else "problem"
            if self.session_id is None:  # show the order that was refused, not the last one
                self.order = None
                self.show_idle()
                if result.order is not None:
                    self.show_order(result.order)
                    self._set_actions_enabled(False)  # not open here: nothing to undo or hold
            if result.outcome == "busy":
                self._offer_takeover(result)
                return
            self._withdraw_takeover()
            self._show(look, result.message, sticky=result.outcome == "cancelled")
            return
        self._withdraw_takeover()
        self.session_id, self.order = result.session_id, result.order
        self._item_codes = {key: (sku, units) for key, sku, units in result.item_codes}
        self._confirmed_order = result.order
        self.show_order(result.order, log=result.log)
        self.set_merge_offer(result.merge_offer)
        self._suggest_lots(result.order)
        self._show("taken_over" if result.outcome == "taken_over" else "opened", result.message)
        if result.order.complete and not result.merge_offer:
            self._complete(None)

    def _suggest_lots(self, order: OrderView) -> None:
        lines = [(line.sku, line.quantity) for line in order.lines]
        number = order.number

        def show(hints: dict[str, str]) -> None:
            if self.order is not None and self.order.number == number and hints:
                self.lines_model.set_lot_hints(hints)

        # after the verdict has painted: the hint must never slow the scan that opened the order
        def ask() -> None:
            if not self.tasks.closed:  # the bench may be closing
                self.tasks.run_io(lambda: self.service.lots_to_pick(lines), show,
                                  lambda _error: None)  # a hint only: packing goes on

        QTimer.singleShot(LOT_HINT_DELAY_MS, self, ask)

    def _on_item_verdict(self, verdict: ScanVerdict, predicted: str = "") -> None:
        """The store's verdict; it confirms or corrects what was painted in advance."""
        self.verdict_confirmed.emit(verdict.result, verdict.message)
        if verdict.order is not None:
            self._confirmed_order = verdict.order
        if verdict.order is not None and not self._predictions_pending():
            self.order = verdict.order
            self.show_order(verdict.order, highlight=verdict.sku, log=verdict.log or None)
        elif verdict.log:
            self.show_log(verdict.log)
        if verdict.result == "cancelled":
            self._show("cancelled", verdict.message, sticky=True)
            if not _droppable(verdict.order):  # else the packer drops it and packs on
                self.session_id = None
            return
        if verdict.result == "held":  # the parcel is set aside; its scans stay with it
            self._show("held", verdict.message, sticky=True)
            self.session_id = None
            return
        if verdict.result != predicted:
            self._show(verdict.result, verdict.message)
        if verdict.accepted and verdict.result != "undone" and verdict.order_complete:
            if self._merge_offer:  # the packer may still want the others in this parcel
                self._show("verified", self.tr(
                    "Order {0} is complete. Scan PD:COMPLETE to ship it alone, or PD:MERGE "
                    "to pack {1} in the same parcel.").format(
                        verdict.order.number, ", ".join(self._merge_offer)))
                return
            self._complete(None)

    def _predictions_pending(self) -> bool:
        """Scans painted in advance that the store has not answered yet."""
        return any(queued.predicted for queued in self._queue)

    def _complete(self, approval: c.SupervisorApproval | None,
                  weight_override: c.SupervisorApproval | None = None) -> None:
        if self.order is not None and not self.order.complete and approval is None:
            self._ask_partial()
            return
        go_on, grams = self._weight_for(approval)
        if not go_on:
            return
        self._completing_with = approval
        cmd = c.CompletePack(self.session_id, approval, weight_override=weight_override,
                             **self._weight_arguments(grams))
        self._submit(lambda: self.service.complete(cmd), self._on_completed)

    def _on_completed(self, completion: Completion) -> None:
        self.session_id, self.last_completion = None, completion
        self.show_order(completion.order)
        self.set_merge_offer(())
        if completion.order.merged:
            self._show("complete", self.tr(
                "Orders {0} packed in one parcel. Label {1} printing… Scan the next order.")
                .format(", ".join(completion.order.numbers), completion.tracking_number))
        else:
            self._show("complete", self.tr(
                "Order {0} packed. Label {1} printing… Scan the next order.")
                .format(completion.order.number, completion.tracking_number))
        self._print_label(completion)

    def _print_label(self, completion: Completion) -> None:
        self.tasks.run_io(lambda: self.label_output(completion), self._on_label_done,
                          self._on_label_failed)

    def _on_label_done(self, where: str) -> None:
        self.set_label_status(self.tr("Label: {0}").format(where), ok=True)
        self.label_done.emit(where)

    def _on_label_failed(self, error: BaseException) -> None:
        """The label could not even be queued (not rendered, the queue not written)."""
        numbers = tuple(self.last_completion.order.numbers) if self.last_completion else ()
        printer = getattr(getattr(self.label_output, "printer", None), "name",
                          self.tr("the label printer"))
        self.label_not_printed(numbers, printer, str(error))
        self.set_label_status(self.tr("Label NOT printed: {0}. Scan REPRINT to try again.")
                              .format(error), ok=False)

    def _reprint(self) -> None:
        if self.last_completion is None:
            self._show("problem", self.tr("No label has been printed at this bench yet."))
            return
        self.set_label_status(self.tr("Reprinting {0}…").format(
            self.last_completion.tracking_number), ok=True)
        self._print_label(self.last_completion)

    def _on_left(self, message: str) -> None:
        self.session_id, self.order = None, None
        self.show_idle()
        self._show("ready", message)

    def _on_held(self, message: str) -> None:
        self.session_id, self.order = None, None
        self.show_idle()
        self._show("problem", message)

    @main_thread_only
    def _show(self, result: str, message: str, sticky: bool = False) -> None:
        message = core_text(message)
        self.show_verdict(result, message, sticky)
        self.sounds.play(result)
        self.verdict_shown.emit(result, message)
        self.scan_field.setFocus(Qt.FocusReason.OtherFocusReason)


def _droppable(order: OrderView | None) -> bool:
    """A merged parcel with an order still to ship: the cancelled one can be dropped."""
    return order is not None and order.merged and any(
        member.status != "cancelled" for member in order.parcel)
