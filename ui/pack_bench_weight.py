"""The bench's weight gate: with a scale, an order completes only on a stable weight that
matches what the parcel holds.

A mixin of PackBench (ui/pack_bench.py). Every scan sent carries the scale's reading
(`_weighing`); the flow (app/services/bench_flow.py) decides on the last item whether to
wait for the scale's settled weight ("Put the parcel on the scale"), and the store judges
it at completion (app/services/completion.py). Outside the tolerance the banner says
expected against weighed and the likely cause, in its own colour and sound; a new stable
weight (the missing item put in) tries again by itself, and a supervisor may ship it as it
is with PD:WEIGHTOK (the override and its reason go in the order's trail).
"""

from __future__ import annotations

from app.domain.bench_state import EMPTY_SCALE_G
from app.domain.command_codes import BenchCommand, command_code
from app.domain.weighing import WeightTolerance, WeightVerdict
from app.services.bench_flow import NO_SCALE, Weighing
from ui.dialogs import SupervisorDialog
from ui.i18n import core_text
from ui.pack_bench_changes import step_changes


class WeightGate:
    """Needs PackBench's session_id, order, flow, _submit, _show, _follow and packer."""

    _scale = None
    _tolerance = WeightTolerance()
    _box_tare_g = 0.0

    def attach_scale(self, scale, tolerance: WeightTolerance | None = None,
                     box_tare_g: float = 0.0) -> None:
        """The station's scale: completion then needs a weight that matches."""
        self._scale = scale
        self._tolerance = tolerance or WeightTolerance()
        self._box_tare_g = box_tare_g
        scale.settled.connect(self._on_scale_settled)

    def _weighing(self) -> Weighing:
        """The scale as it reads now, sent with the scan (no scale: NO_SCALE)."""
        if self._scale is None:
            return NO_SCALE
        return Weighing(True, self._scale.settled_g, self._tolerance, self._box_tare_g)

    def _show_weighing(self) -> None:
        self._show("weighing", self.tr("Put the parcel on the scale and let it settle…"),
                   sticky=True)

    def _on_scale_settled(self, grams: float) -> None:
        """A new stable weight: the parcel went on the scale, or was put right."""
        if self.session_id is None or 0 <= grams <= EMPTY_SCALE_G:
            return
        if self.flow.weight_pending:  # the flow waits for a weight: it completes or not
            session_id, weighing = self.session_id, self._weighing()
            self._submit(lambda: self.flow.weighed(session_id, weighing), self._follow,
                         step_changes)

    def _show_weight_off(self, verdict: WeightVerdict | None) -> None:
        """The store refused the weight: said in its own look."""
        self._show("weight_off", self.tr("{0} Put it right and the scale checks again, or a "
                                         "supervisor scans {1} to ship it as it is.").format(
                                             core_text(verdict.message if verdict else ""),
                                             command_code(BenchCommand.WEIGHTOK)),
                   sticky=True)

    def _ask_weight_override(self) -> None:
        if self.session_id is None or not self.flow.weight_refused:
            self._show("problem", self.tr("No parcel's weight was refused: there is nothing "
                                          "to ship as it is."))
            return
        number = self.order.number if self.order is not None else ""
        dialog = SupervisorDialog(self.tr("Ship order {0} although its weight is off")
                                  .format(number), [
            self.tr("The product's weight is wrong in the catalogue"),
            self.tr("The box is a different size"),
            self.tr("Packing material added")], self)
        session_id = self.session_id

        def approved() -> None:
            weighing, approval = self._weighing(), dialog.approval()
            self._submit(lambda: self.flow.override_weight(session_id, weighing, approval),
                         self._follow, step_changes)

        dialog.accepted.connect(approved)
        dialog.open()
