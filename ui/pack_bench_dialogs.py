"""The bench's dialogs: hold and partial shipment (a supervisor), picking one of several
matching orders, and confirming an item by hand (the packer picks it, a supervisor
approves). A mixin of PackBench (ui/pack_bench.py); results go through its queue."""

from __future__ import annotations

import uuid

from app.services import commands as c
from app.services.views import OpenOrderResult
from ui.dialogs import ConfirmByHandDialog, PickOrderDialog, SupervisorDialog
from ui.pack_bench_changes import ORDERS, step_changes


class BenchDialogs:
    """Needs PackBench's session_id, order, service, _submit, _show and friends."""

    def _ask_hold(self) -> None:
        dialog = SupervisorDialog(self.tr("Put order on hold"), [
            self.tr("Item out of stock"), self.tr("Item damaged"), self.tr("Address problem"),
            self.tr("Buyer asked to wait")], self)
        session_id = self.session_id
        dialog.accepted.connect(lambda: self._submit(
            lambda: self.service.hold(c.HoldOrder(session_id, dialog.approval())), self._on_held,
            ORDERS))
        dialog.open()

    def _ask_partial(self) -> None:
        dialog = SupervisorDialog(self.tr("Ship part of the order"), [
            self.tr("Item out of stock, rest ships now"), self.tr("Buyer agreed to split")], self)
        dialog.accepted.connect(lambda: self._complete(dialog.approval()))
        dialog.open()

    def _pick_order(self, result: OpenOrderResult) -> None:
        self._show("problem", result.message)
        dialog = PickOrderDialog(result.candidates, self)
        dialog.accepted.connect(lambda: self._open_picked(dialog.chosen()))
        dialog.open()

    def _on_manual_button_clicked(self) -> None:
        if self.order is None or self.session_id is None:
            self._show("problem", self.tr("No order is open. Scan an order first."))
            return
        dialog = ConfirmByHandDialog(self.order.lines, self)
        session_id = self.session_id

        def confirm() -> None:
            sku, reason = dialog.choice()
            if sku:
                self._ask_supervisor_for_by_hand(session_id, sku, reason)

        dialog.accepted.connect(confirm)
        dialog.open()

    def _ask_supervisor_for_by_hand(self, session_id: int, sku: str, reason: str) -> None:
        """No scan vouches for the item: a supervisor does (the store checks the PIN)."""
        dialog = SupervisorDialog(self.tr("Confirm {0} by hand").format(sku), [reason], self)

        def approved() -> None:
            cmd = c.ConfirmByHand(session_id, uuid.uuid4().hex, sku, reason,
                                  approval=dialog.approval())
            weighing = self._weighing()
            self._submit(lambda: self.flow.confirm_by_hand(cmd, weighing), self._on_scan_step,
                         step_changes)

        dialog.accepted.connect(approved)
        dialog.open()
