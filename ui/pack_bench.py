"""The pack bench: scan an order, scan every item, and the label prints by itself.

Every scan, from any source, enters `handle_scan`. Scans are queued (a ui/ops.py
`OpQueue`) and sent to the store worker one at a time as `StoreOp`s, so a fast scanner can
never overtake the order it belongs to, and each is counted while in flight and says what
it changed. Each goes to `app/services/bench_flow.py` `BenchFlow` in one call, which answers a
`BenchStep`: the verdict, and what comes next (packed: print the label; merge offered;
put the parcel on the scale; the weight is off; a supervisor must approve; the next order
waits for a label). This widget paints what the step says; it decides no business step.
A verdict known from the order on screen is painted ahead with the same rule
(`app/services/painted_ahead.py`), which also remembers what was painted.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.domain.command_codes import BenchCommand, parse_command
from app.domain.errors import PackdeskError, TakenOver
from app.services import commands as c
from app.services.auth import PackerView
from app.services.bench import PackBenchService
from app.services.bench_flow import BenchFlow, BenchStep, StepKind
from app.services.painted_ahead import PaintedAhead
from app.services.views import Completion, OpenOrderResult, OrderView, ScanVerdict
from scanners import gs1
from ui.feedback import SoundBoard
from ui.i18n import core_text, error_text
from ui.ops import NOTHING, OpChanges, OpQueue, QueryOp, StoreOp
from ui.pack_bench_changes import ORDERS, step_changes
from ui.pack_bench_dialogs import BenchDialogs
from ui.pack_bench_figures import BenchFiguresWatch
from ui.pack_bench_label import LabelsStarted, LabelWatch
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
    code: str = ""  # a GS1 scan's GTIN
    lot: str = ""
    serial: str = ""


class PackBench(BenchDialogs, TakeOver, LabelWatch, WeightGate, ParcelActions, BenchFiguresWatch,
                PackBenchView):
    verdict_shown = Signal(str, str)  # result, message: whenever the banner changes
    verdict_confirmed = Signal(str, str)  # the store's own verdict of a scan or command
    label_done = Signal(str)  # where the label went
    logout_requested = Signal()

    def __init__(self, service: PackBenchService, tasks: TaskManager, sounds: SoundBoard,
                 label_output: Callable[[Completion], str], parent: QWidget | None = None):
        super().__init__(parent)
        self.service, self.tasks, self.sounds = service, tasks, sounds
        self.flow = BenchFlow(service)  # what comes after each answer: decided there
        self.painted = PaintedAhead()  # the verdicts painted before the store answered
        self.label_output = label_output
        self._labels_started = LabelsStarted()  # labels the store worker sent on at once
        self.packer: PackerView | None = None
        self._last_packer: str | None = None  # who packed here last (the bench is theirs)
        self.session_id: int | None = None
        self.order: OrderView | None = None
        self.last_completion: Completion | None = None
        self._queue = OpQueue()  # the scans and commands waiting for the one with the store
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
        self.note_button.clicked.connect(lambda: self._enqueue_command(BenchCommand.NOTEOK))
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
            self.start_figures()
        else:
            self.figures.clear()
        self.scan_field.setFocus()

    def open_order_summary(self) -> tuple[str, int] | None:
        """(number, items verified) of the order open at this bench, if any."""
        if self.session_id is None or self.order is None:
            return None
        return self.order.number, self.order.items_verified

    def _hand_over_bench(self, previous: str) -> None:
        parked = self.open_order_summary()
        self.session_id, self.order = None, None
        self._queue.clear()
        self.painted.clear()
        self.flow.closed()
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
        self._queue.add(lambda: self._dispatch(scan))

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
        """Paint the verdict at once when the order on screen already decides it (a serial
        number may repeat one already scanned: the store decides that one)."""
        item_scan = (self.session_id is not None and not parse_command(scan.text)
                     and not self.note_pending and not scan.serial)
        prediction = self.painted.paint(scan.uid, self.order if item_scan else None,
                                        scan.code or scan.text, scan.quantity, item_scan)
        if prediction is None:
            return
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
            self._queue.add(lambda: self._dispatch(scan))

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
        scan = _Scan(f"PD:{command.value.upper()}", "", "button", 1, uuid.uuid4().hex)
        self.painted.paint(scan.uid, None, scan.text, 1, False)  # what follows waits for it
        self._queue.add(lambda: self._dispatch(scan))

    # ---- dispatch ----------------------------------------------------------------------
    @property
    def _busy(self) -> bool:
        """A store operation of the bench is out: the next scan waits for its answer."""
        return self._queue.busy

    def _dispatch(self, scan: _Scan) -> None:
        """The queue's step for one scan: at most one store operation; a scan that needs
        none (a dialog, a refusal) lets the next one go at once."""
        command = parse_command(scan.text)
        item_scan = False
        if command is not None:
            self._run_command(command)
        elif self.packer is None:
            self._show("problem", self.tr("Log in first."))
        elif self.session_id is None:
            if not self._label_holds_next_order():
                self._open_order(scan)
        elif self.painted.painted(scan.uid) == "invalid":
            pass  # garbage: shown already, nothing to record
        else:
            item_scan = True
            self._scan_item(scan)
        if self._busy:
            self.painted.sending(scan.uid, item_scan)
        else:
            self.painted.dropped(scan.uid)
            self._queue.next()

    def _submit(self, work: Callable, on_done: Callable,
                changes: OpChanges | Callable[..., OpChanges] = NOTHING) -> None:
        """One StoreOp on the store worker, in the bench's queue: its answer is painted,
        then the next scan goes; `changes` tells the other views what it changed."""
        self.painted.sending("", False)

        def done(result) -> None:
            on_done(result)
            self.painted.answered()

        self._queue.run(StoreOp(self, self.tasks, self._label_at_once(work), changes)
                        .success(done).failure(self._on_failed), initiator=self)

    def _label_at_once(self, work: Callable) -> Callable:
        """The store worker's step: one that packed the order sends its label to the io pool
        as soon as the completion is stored (`LabelsStarted`); the main thread paints
        "packed" meanwhile and follows the label from `_print_label`."""
        started, run_io, render = self._labels_started, self.tasks.run_io, self.label_output

        @functools.wraps(work)  # named as the step it runs (logs, the busy bench's watch)
        def run():
            result = work()
            if isinstance(result, BenchStep) and result.kind is StepKind.PACKED \
                    and result.completion is not None:
                started.start(result.completion, run_io, render)
            return result
        return run

    def _on_failed(self, error: BaseException) -> None:
        confirmed = self.painted.failed()
        if isinstance(error, TakenOver):  # a supervisor moved the order to another station
            self.session_id, self.order = None, None
            self._queue.clear()  # the scans that followed were for that order too
            self.painted.clear()
            self.flow.closed()
            self.show_idle()
            self._show("problem", error_text(error), sticky=True)
            return
        if confirmed is not None and self.session_id is not None:
            self.order = confirmed  # forget what was painted in advance
            self.show_order(self.order)
        if isinstance(error, PackdeskError):
            self._show("problem", error_text(error))
        else:
            self._show("problem", self.tr("Something went wrong, nothing was lost: {0}")
                       .format(error))

    def _open_order(self, scan: _Scan, number: str | None = None) -> None:
        cmd = c.OpenOrder(scan.text, self.packer.name, scan.source, number)
        weighing = self._weighing()
        self._submit(lambda: self.flow.open_order(cmd, weighing), self._on_opened_step,
                     step_changes)

    def _open_picked(self, number: str | None) -> None:
        """One of several matching orders, picked in the dialog."""
        self._open_order(_Scan(number or "", "", "pick", 1, uuid.uuid4().hex), number)

    def _scan_item(self, scan: _Scan) -> None:
        cmd = c.ScanItem(self.session_id, scan.uid, scan.text, scan.source, scan.quantity,
                         scan.symbology, scan.lot, scan.serial, scan.code)
        weighing = self._weighing()
        self._submit(lambda: self.flow.scan(cmd, weighing),
                     lambda step: self._on_scan_step(step, scan.uid), step_changes)

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
        elif command is BenchCommand.NOTEOK:
            cmd = c.ReadNote(self.session_id, self.packer.name)
            self._submit(lambda: self.service.read_note(cmd), self._on_item_verdict)
        elif command is BenchCommand.UNDO:
            session_id = self.session_id
            self._submit(lambda: self.service.undo(session_id), self._on_item_verdict)
        elif command is BenchCommand.COMPLETE:
            self._complete(None)
        elif command is BenchCommand.HOLD:
            self._ask_hold()
        elif command is BenchCommand.CANCEL:
            session_id = self.session_id
            self._submit(lambda: self.service.leave(session_id), self._on_left, ORDERS)
        elif command is BenchCommand.MERGE:
            self._merge()
        elif command is BenchCommand.DROP:
            self._ask_drop()

    # ---- results -----------------------------------------------------------------------
    def _on_opened_step(self, step: BenchStep) -> None:
        if step.opened is not None:
            self._on_order_opened(step.opened)
        self._follow(step)

    def _on_scan_step(self, step: BenchStep, uid: str = "") -> None:
        if step.verdict is not None:
            self._on_item_verdict(step.verdict, uid)
        self._follow(step)

    def _follow(self, step: BenchStep) -> None:
        """Paint what the flow says comes next."""
        if step.kind is StepKind.PACKED:
            self._on_completed(step.completion)
        elif step.kind is StepKind.MERGE_OFFERED:  # the packer may want the others in it
            self._show("verified", self.tr(
                "Order {0} is complete. Scan PD:COMPLETE to ship it alone, or PD:MERGE "
                "to pack {1} in the same parcel.").format(
                    self.order.number if self.order else "", ", ".join(step.merge_offer)))
        elif step.kind is StepKind.WEIGHT_NEEDED:
            self._show_weighing()
        elif step.kind is StepKind.WEIGHT_OFF:
            self._show_weight_off(step.weight)
        elif step.kind is StepKind.APPROVAL_NEEDED:
            self._ask_partial()
        elif step.kind is StepKind.LABEL_HOLD:
            self._label_holds_next_order()

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
        self.painted.open(result.order, result.item_codes)
        self.show_order(result.order, log=result.log)
        self.set_merge_offer(result.merge_offer)
        self._suggest_lots(result.order)
        self.set_note_pending(bool(result.notes_to_read))
        if result.notes_to_read:  # the store says: the buyer's note is read first
            self._show("note_unread", result.message, sticky=True)
            return
        self._show("taken_over" if result.outcome == "taken_over" else "opened", result.message)

    def _suggest_lots(self, order: OrderView) -> None:
        lines = [(line.sku, line.quantity) for line in order.lines]
        number = order.number

        def show(hints: dict[str, str]) -> None:
            if self.order is not None and self.order.number == number and hints:
                self.lines_model.set_lot_hints(hints)

        # after the verdict has painted: the hint must never slow the scan that opened the order
        def ask() -> None:
            if not self.tasks.closed:  # the bench may be closing
                QueryOp(self, self.tasks, lambda: self.service.lots_to_pick(lines), show) \
                    .failure(lambda _error: None).run_in_background()  # a hint only

        QTimer.singleShot(LOT_HINT_DELAY_MS, self, ask)

    def _on_item_verdict(self, verdict: ScanVerdict, uid: str = "") -> None:
        """The store's verdict; it confirms or corrects what was painted in advance."""
        self.verdict_confirmed.emit(verdict.result, verdict.message)
        predicted, show_store_order = self.painted.confirm(uid, verdict.order)
        if show_store_order:
            self.order = verdict.order
            self.show_order(verdict.order, highlight=verdict.sku, log=verdict.log or None)
        elif verdict.log:
            self.show_log(verdict.log)
        if verdict.result == "cancelled":
            self._show("cancelled", verdict.message, sticky=True)
            if not _droppable(verdict.order):  # else the packer drops it and packs on
                self.session_id = None
                self.flow.closed()
            return
        if verdict.result in ("note_unread", "note_read"):
            self.set_note_pending(verdict.result == "note_unread")
            self._show(verdict.result, verdict.message, sticky=verdict.result == "note_unread")
            return
        if verdict.result == "held":  # the parcel is set aside; its scans stay with it
            self._show("held", verdict.message, sticky=True)
            self.session_id = None
            self.flow.closed()
            return
        if verdict.result != predicted:
            self._show(verdict.result, verdict.message)

    def _complete(self, approval: c.SupervisorApproval | None) -> None:
        """PD:COMPLETE, or a supervisor's approval of a partial shipment: the flow decides
        whether it completes, waits for the scale or asks for a supervisor first."""
        session_id, weighing = self.session_id, self._weighing()
        complete = self.order is None or self.order.complete
        self._submit(lambda: self.flow.complete(session_id, approval, weighing,
                                                complete=complete), self._follow, step_changes)

    def _on_completed(self, completion: Completion) -> None:
        self.session_id, self.last_completion = None, completion
        self.show_order(completion.order)
        self.set_merge_offer(())
        if completion.label_pending:  # the carrier issues the number: asked off this thread
            self._show("complete", self.tr(
                "Order {0} packed. Asking {1} for its label… Scan the next order.")
                .format(", ".join(completion.order.numbers), completion.carrier))
        elif completion.order.merged:
            self._show("complete", self.tr(
                "Orders {0} packed in one parcel. Label {1} printing… Scan the next order.")
                .format(", ".join(completion.order.numbers), completion.tracking_number))
        else:
            self._show("complete", self.tr(
                "Order {0} packed. Label {1} printing… Scan the next order.")
                .format(completion.order.number, completion.tracking_number))
        self._print_label(completion)
        self.refresh_figures()

    def _print_label(self, completion: Completion) -> None:
        """The label's answer, on the io pool: the job the store worker started for this
        completion (waited for there), else (a reprint) the label rendered now."""
        self.flow.label_sent()
        started = self._labels_started.take(completion)
        work = started.result if started is not None else lambda: self.label_output(completion)
        QueryOp(self, self.tasks, work, self._on_label_done) \
            .failure(self._on_label_failed).run_in_background()

    def _on_label_done(self, where: str) -> None:
        """The label is with the spooler: sent, not yet printed (the spooler says which
        next). A problem already reported for it keeps the line red."""
        numbers = tuple(self.last_completion.order.numbers) if self.last_completion else ()
        problem = self._label_problem
        printed, self._printed_before_sent = self._printed_before_sent == numbers, None
        if (problem is None or problem.numbers != numbers) and not printed:
            self.set_label_status(self.tr("Label sent: {0}").format(where), ok=None)
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
        completion = self.last_completion
        self.set_label_status(self.tr("Reprinting {0}…").format(
            completion.tracking_number), ok=None)
        self._show("ready", self.tr("Reprinting label {0} for {1}…").format(
            completion.tracking_number, ", ".join(completion.order.numbers)))
        self._print_label(completion)

    def _on_left(self, message: str) -> None:
        self.session_id, self.order = None, None
        self.flow.closed()
        self.show_idle()
        self._show("ready", message)

    def _on_held(self, message: str) -> None:
        self.session_id, self.order = None, None
        self.flow.closed()
        self.show_idle()
        self._show("problem", message)

    @main_thread_only
    def _show(self, result: str, message: str, sticky: bool = False) -> None:
        message = core_text(message)
        self.show_verdict(result, message, sticky)
        self.sounds.play(result)
        self.verdict_shown.emit(result, message)
        self.scan_field.setFocus(Qt.FocusReason.OtherFocusReason)
        # the verdict is what the packer waits for: on screen now, before the lines below
        # it change (a scan painted ahead paints its banner alone, then the rest)
        self.banner.repaint()


def _droppable(order: OrderView | None) -> bool:
    """A merged parcel with an order still to ship: the cancelled one can be dropped."""
    return order is not None and order.merged and any(
        member.status != "cancelled" for member in order.parcel)
