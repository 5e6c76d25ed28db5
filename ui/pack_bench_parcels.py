"""The bench's merged-parcel actions: pack the offered orders together, drop one again.

A mixin of PackBench (ui/pack_bench.py): the same queue, the same store worker, the same
verdict banner; only what is particular to a parcel of several orders lives here.
"""

from __future__ import annotations

from app.services import commands as c
from app.services.views import Candidate, OpenOrderResult, ScanVerdict
from ui.dialogs import PickOrderDialog
from ui.pack_bench_changes import ORDERS


class ParcelActions:
    """Needs PackBench's session_id, order, _submit, _show and friends."""

    _merge_offer: tuple[str, ...] = ()

    def set_merge_offer(self, offer: tuple[str, ...]) -> None:
        """Remember the offer (PD:MERGE sends exactly these orders) and show the button."""
        self._merge_offer = offer
        super().set_merge_offer(offer)

    def _merge(self) -> None:
        cmd = c.MergeParcel(self.session_id, self._merge_offer)
        self._submit(lambda: self.flow.merge(cmd), lambda step: self._on_merged(step.opened),
                     ORDERS)

    def _on_merged(self, result: OpenOrderResult) -> None:
        self.set_merge_offer(())
        if result.outcome != "merged":
            self._show("problem", result.message)
            return
        self.order = result.order
        self.painted.open(result.order, result.item_codes)
        self.show_order(result.order, log=result.log)
        self._suggest_lots(result.order)
        self._show("opened", result.message)

    def _ask_drop(self) -> None:
        """A cancelled order is dropped at once (the bench named it); otherwise the packer
        picks which order comes out."""
        order = self.order
        if order is None or not order.merged:
            self._show("problem", self.tr("Only an order of a merged parcel can be dropped; "
                                          "this parcel holds one order. Leave it instead."))
            return
        cancelled = [m.number for m in order.parcel if m.status == "cancelled"]
        if len(cancelled) == 1:
            self._drop(cancelled[0])
            return
        dialog = PickOrderDialog(
            tuple(Candidate(m.number, m.channel, order.buyer_name, m.status)
                  for m in order.parcel), self,
            prompt=self.tr("Which order comes out of the parcel? Take its items out of the "
                           "box."))
        dialog.accepted.connect(lambda: dialog.chosen() and self._drop(dialog.chosen()))
        dialog.open()

    def _drop(self, number: str) -> None:
        cmd = c.DropOrder(self.session_id, number)
        self._submit(lambda: self.service.drop(cmd), self._on_dropped, ORDERS)

    def _on_dropped(self, verdict: ScanVerdict) -> None:
        self.order = verdict.order
        self.painted.open(verdict.order)
        self.show_order(verdict.order, log=verdict.log)
        self._show("dropped", verdict.message)
