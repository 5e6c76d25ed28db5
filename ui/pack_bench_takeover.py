"""The bench's supervisor takeover of a busy order (open at another station).

A mixin of PackBench (ui/pack_bench.py). The busy banner names the way on: "Take over…"
or PD:TAKEOVER opens the supervisor's dialog; on approval the store moves the open pack
session here (recorded in the order's trail, app/services/packing.take_over), on the
store worker like every other bench command, and the order opens here.
"""

from __future__ import annotations

from app.domain.command_codes import BenchCommand, command_code
from app.services import commands as c
from app.services.views import OpenOrderResult
from ui.dialogs import SupervisorDialog
from ui.i18n import core_text
from ui.pack_bench_changes import step_changes


class TakeOver:
    """Needs PackBench's packer, _submit, _show, _on_order_opened and takeover_button."""

    _busy_order: str | None = None

    def _offer_takeover(self, result: OpenOrderResult) -> None:
        self._busy_order = result.order.number if result.order is not None else None
        self.takeover_button.setVisible(self._busy_order is not None)
        self._show("busy", self.tr("{0} A supervisor can take it over here: press “Take "
                                   "over…” or scan {1}.").format(
                                       core_text(result.message),
                                       command_code(BenchCommand.TAKEOVER)),
                   sticky=True)

    def _withdraw_takeover(self) -> None:
        self._busy_order = None
        self.takeover_button.hide()

    def _ask_takeover(self) -> None:
        number = self._busy_order
        if number is None or self.session_id is not None:
            self._show("problem", self.tr("No busy order to take over: scan the order that "
                                          "is open at another station first."))
            return
        if self.packer is None:
            self._show("problem", self.tr("Log in first."))
            return
        dialog = SupervisorDialog(self.tr("Take over order {0}").format(number), [
            self.tr("The other station froze"), self.tr("The packer moved to this station"),
            self.tr("The packer has gone home")], self)
        packer = self.packer.name

        def approved() -> None:
            cmd = c.TakeOverOrder(number, packer, dialog.approval())
            weighing = self._weighing()
            self._submit(lambda: self.flow.take_over(cmd, weighing), self._on_opened_step,
                         step_changes)

        dialog.accepted.connect(approved)
        dialog.open()
