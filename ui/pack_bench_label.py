"""The bench's shipping label after a completion: printed, or not, and then the next
order waits.

A mixin of PackBench (ui/pack_bench.py). The spooler's job states reach the bench through
attach_printing (ui/station_parts.py) and go on to the bench's flow (its label state,
app/domain/bench_state.py). A label that failed, or waits for a printer that is off, is
not a success: the banner turns to its own warning and the flow refuses the next order
until the label printed, the label printer was changed (the label goes there), or the
packer scans PD:SKIPLABEL, which the store records in the order's trail. What is kept here
is what the banner says about it.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass

from app.domain.command_codes import BenchCommand, command_code
from app.domain.messages import Msg
from app.services import commands as c
from app.services.views import Completion
from ui.i18n import core_text
from ui.pack_bench_changes import ORDERS
from ui.threads import main_thread_only

_RETRY_NOTE = re.compile(r"\s*\(try \d+ in [\d.]+ s\)$")  # the spooler's "(try 3 in 2 s)"


def job_text(text) -> str:
    """A print job's title, printer or reason in the UI's language: a Msg translated with
    its values; plain text (read back from the store) looked up whole, with the spooler's
    "(try 3 in 2 s)" kept as it is."""
    if isinstance(text, Msg) or not isinstance(text, str):
        return core_text(text)
    note = _RETRY_NOTE.search(text)
    return (core_text(text[:note.start()]) + note.group(0)) if note else core_text(text)
RESUMED = "resumed after a restart"


@dataclass(frozen=True)
class LabelProblem:
    numbers: tuple[str, ...]
    printer: str
    reason: str
    job_id: int | None = None


class LabelsStarted:
    """Labels the store worker sent to the io pool the moment their completion was stored,
    so the label does not wait for the main thread to take the answer and paint "packed"
    first (the io pool renders it and the spooler queues it meanwhile). A plain object, not
    a widget: the worker puts the job here, the main thread takes it (`_print_label`), and
    the label's answer reaches the bench as before, through a QueryOp."""

    KEPT = 8  # started and never taken (the answer was not painted): the oldest go

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._started: OrderedDict[int, tuple[Completion, Future]] = OrderedDict()

    def start(self, completion: Completion, run_io: Callable[..., Future],
              render: Callable[[Completion], str]) -> None:
        """On the store worker, right after the completion's commit."""
        # its failure is reported by the QueryOp that takes it, not logged here a second time
        future = run_io(lambda: render(completion), None, lambda _error: None)
        with self._lock:
            self._started[id(completion)] = (completion, future)
            while len(self._started) > self.KEPT:
                self._started.popitem(last=False)

    def take(self, completion: Completion) -> Future | None:
        """The job started for this very completion, if the worker started one."""
        with self._lock:
            entry = self._started.pop(id(completion), None)
        return entry[1] if entry is not None and entry[0] is completion else None


class LabelWatch:
    """Needs PackBench's session_id, packer, last_completion, label_output, _submit, _show."""

    _label_problem: LabelProblem | None = None
    _labels_skipped: frozenset[tuple[str, ...]] = frozenset()  # packed on without these
    _printed_before_sent: tuple[str, ...] | None = None

    # ---- what the spooler says -----------------------------------------------------------
    @main_thread_only
    def label_not_printed(self, numbers: tuple[str, ...], printer: str, reason: str,
                          job_id: int | None = None) -> None:
        """A label job failed or waits for its printer (off, missing, refusing)."""
        reason = _RETRY_NOTE.sub("", reason)
        if reason == RESUMED:
            return  # taken back after a restart: not a problem until it fails again
        problem = LabelProblem(tuple(numbers), printer, reason, job_id)
        self.set_label_status(self.tr("Label for {0} NOT printed: {1}: {2}").format(
            ", ".join(numbers), job_text(printer), job_text(reason)), ok=False)
        if problem.numbers in self._labels_skipped:
            return  # the packer went on already; the job prints when the printer is back
        old = self._label_problem
        self._label_problem = problem
        self.flow.label_failed(problem.numbers)
        if old is not None and (old.numbers, old.printer, old.reason) == (
                problem.numbers, problem.printer, problem.reason):
            return  # the same problem, one more try: loud once, not at every retry
        if self.session_id is None:
            self._show("label_not_printed", self._label_problem_text(), sticky=True)

    @main_thread_only
    def label_printed(self, numbers: tuple[str, ...], printer: str) -> None:
        numbers = tuple(numbers)
        # the label started from the store worker may print before its "sent" answer is
        # taken here: that answer must not turn "printed on" back into "sent"
        self._printed_before_sent = numbers
        self.set_label_status(self.tr("Label for {0}: printed on {1}").format(
            ", ".join(numbers), job_text(printer)), ok=True)
        problem = self._label_problem
        was_held = problem is not None and problem.numbers == numbers
        self.flow.label_printed(numbers)
        if was_held:
            self._label_problem = None
        self._labels_skipped -= {numbers}
        last = self.last_completion.order.numbers if self.last_completion else ()
        if self.session_id is None and not self._busy and (was_held or numbers == tuple(last)):
            self._show("label_printed", self.tr(
                "Label for {0} printed on {1}. Scan the next order.").format(
                    ", ".join(numbers), printer))

    def use_label_printer(self, route) -> None:
        """The station's label printer was changed: a label held by the old one goes to the
        new one, and the bench is free again (the new printer's job states count now)."""
        use = getattr(self.label_output, "use", None)
        if use is None:
            return
        use(route)
        problem, self._label_problem = self._label_problem, None
        self.flow.label_let_go()
        if problem is None:
            return
        spooler = getattr(self.label_output, "spooler", None)
        if spooler is not None and problem.job_id is not None:
            spooler.cancel(problem.job_id)  # too late only if it is being sent right now
        if self.last_completion is not None \
                and tuple(self.last_completion.order.numbers) == problem.numbers:
            self._reprint()

    # ---- what the bench does with it ----------------------------------------------------
    def _label_holds_next_order(self) -> bool:
        """True (and the packer told why) while the flow holds the next order for a label."""
        if not self.flow.holds_next_order() or self._label_problem is None:
            return False
        self._show("label_not_printed", self._label_problem_text(), sticky=True)
        return True

    def _label_problem_text(self) -> str:
        problem = self._label_problem
        return (self.tr(
            "Label for {0} not printed: {1}: {2}\nSwitch it on (the label then prints by "
            "itself), choose another label printer in Settings, or scan {3} to pack on.")
            .format(
                ", ".join(problem.numbers), job_text(problem.printer),
                job_text(problem.reason), command_code(BenchCommand.SKIPLABEL)))

    def _skip_label(self) -> None:
        """PD:SKIPLABEL: go on without the label, recorded. Also before the label has
        failed: the packer who knows the printer is off need not wait to be stopped."""
        problem = self._label_problem
        if self.packer is None:
            self._show("problem", self.tr("Log in first."))
            return
        if problem is None and self.last_completion is None:
            self._show("problem", self.tr("No label has been printed at this bench yet."))
            return
        numbers = problem.numbers if problem else tuple(self.last_completion.order.numbers)
        printer = problem.printer if problem else getattr(
            getattr(self.label_output, "printer", None), "name", "")
        reason = problem.reason if problem else "it had not printed yet"
        cmd = c.PackOnWithoutLabel(numbers, self.packer.name, printer, reason)

        def done(message: str) -> None:
            self._labels_skipped |= {numbers}
            if self._label_problem is not None and self._label_problem.numbers == numbers:
                self._label_problem = None
                self.flow.label_let_go()
            self._show("ready", message)

        self._submit(lambda: self.service.pack_on_without_label(cmd), done, ORDERS)
