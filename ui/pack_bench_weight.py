"""The bench's weight gate: with a scale, an order completes only on a stable weight that
matches what the parcel holds.

A mixin of PackBench (ui/pack_bench.py). On the last item the bench waits for the scale's
settled weight ("Put the parcel on the scale"); the store judges it at completion
(app/services/completion.py). Outside the tolerance the banner says expected against
weighed and the likely cause, in its own colour and sound; a new stable weight (the missing
item put in) tries again by itself, and a supervisor may ship it as it is with PD:WEIGHTOK
(the override and its reason go in the order's trail).
"""

from __future__ import annotations

from app.domain.command_codes import BenchCommand, command_code
from app.domain.weighing import WeightTolerance
from app.services import commands as c
from app.services.completion import WeightOff
from ui.dialogs import SupervisorDialog
from ui.i18n import core_text

EMPTY_SCALE_G = 5.0  # a settled weight at or below this: nothing is on the scale


class WeightGate:
    """Needs PackBench's session_id, order, _submit, _show, _complete and packer."""

    _scale = None
    _tolerance = WeightTolerance()
    _box_tare_g = 0.0
    _waiting_weight: tuple | None = None  # (session, approval) while it waits for a weight
    _weight_refused_for: int | None = None  # the session whose weight was refused

    def attach_scale(self, scale, tolerance: WeightTolerance | None = None,
                     box_tare_g: float = 0.0) -> None:
        """The station's scale: completion then needs a weight that matches."""
        self._scale = scale
        self._tolerance = tolerance or WeightTolerance()
        self._box_tare_g = box_tare_g
        scale.settled.connect(self._on_scale_settled)

    def _weight_for(self, approval: c.SupervisorApproval | None) -> tuple[bool, float | None]:
        """(go on, the weight). Without a scale: (True, None). With one and nothing stable
        on it: the bench says so and waits (False, None)."""
        if self._scale is None:
            return True, None
        grams = self._scale.settled_g
        if grams is None or 0 <= grams <= EMPTY_SCALE_G:
            self._waiting_weight = (self.session_id, approval)
            self._show("weighing", self.tr("Put the parcel on the scale and let it settle…"),
                       sticky=True)
            return False, None
        self._waiting_weight = None
        return True, grams

    def _weight_arguments(self, grams: float | None) -> dict:
        if grams is None:
            return {}
        return {"weighed_g": grams, "tolerance": self._tolerance,
                "box_tare_g": self._box_tare_g}

    def _on_scale_settled(self, grams: float) -> None:
        """A new stable weight: the parcel went on the scale, or was put right."""
        if self.session_id is None or 0 <= grams <= EMPTY_SCALE_G:
            return
        if self._waiting_weight is not None:
            session, approval = self._waiting_weight
            self._waiting_weight = None
            if session == self.session_id:  # not an order left since
                self._complete(approval)

    def _weight_refused(self, error: BaseException) -> bool:
        """A WeightOff from the store: said in its own look; True when it was one."""
        if not isinstance(error, WeightOff):
            return False
        self._waiting_weight = (self.session_id, getattr(self, "_completing_with", None))
        self._weight_refused_for = self.session_id
        self._show("weight_off", self.tr("{0} Put it right and the scale checks again, or a "
                                         "supervisor scans {1} to ship it as it is.").format(
                                             core_text(error.verdict.message),
                                             command_code(BenchCommand.WEIGHTOK)),
                   sticky=True)
        return True

    def _ask_weight_override(self) -> None:
        if self.session_id is None or self._weight_refused_for != self.session_id:
            self._show("problem", self.tr("No parcel's weight was refused: there is nothing "
                                          "to ship as it is."))
            return
        number = self.order.number if self.order is not None else ""
        dialog = SupervisorDialog(self.tr("Ship order {0} although its weight is off")
                                  .format(number), [
            self.tr("The product's weight is wrong in the catalogue"),
            self.tr("The box is a different size"),
            self.tr("Packing material added")], self)
        waiting = self._waiting_weight or (self.session_id, None)

        def approved() -> None:
            self._waiting_weight = None
            self._complete(waiting[1], weight_override=dialog.approval())

        dialog.accepted.connect(approved)
        dialog.open()
