"""The queue and the packer's own pace on the bench, refreshed on the periodic worker.

A mixin of PackBench (ui/pack_bench.py): every REFRESH_MS, after each completion and at
log-in, the store is asked by a ui/ops.py QueryOp on the task manager's periodic worker
(its own connection, so a scan never waits behind it); the answer is painted on the main
thread. One question at a time: a slow store never piles them up.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer

from app.services.bench_figures import BenchFigures
from ui.ops import QueryOp

REFRESH_MS = 30_000


class BenchFiguresWatch:
    """Needs PackBench's service, tasks, packer and the view's `figures` label."""

    _figures_asked = False
    _figures_timer: QTimer | None = None

    def start_figures(self) -> None:
        if self._figures_timer is None:
            self._figures_timer = QTimer(self)
            self._figures_timer.setInterval(REFRESH_MS)
            self._figures_timer.timeout.connect(self.refresh_figures)
        self._figures_timer.start()
        self.refresh_figures()

    def refresh_figures(self) -> None:
        if self.packer is None or self._figures_asked or self.tasks.closed:
            return
        self._figures_asked = True
        name = self.packer.name
        QueryOp(self, self.tasks, lambda: self.service.figures(name),
                lambda figures: self._on_figures(name, figures)) \
            .failure(self._on_figures_failed).on_periodic_worker().run_in_background()

    def _on_figures(self, name: str, figures: BenchFigures) -> None:
        self._figures_asked = False
        if self.packer is None or self.packer.name != name:
            self.figures.clear()  # someone else is at the bench now
            return
        queue = self.tr("Queue: {0} ready · {1} due today · {2} late").format(
            figures.waiting, figures.due_today, figures.late)
        pace = (self.tr("You: {0} packed · {1:.1f}/h").format(figures.packed, figures.per_hour)
                if figures.per_hour is not None else self.tr("You: none packed yet today"))
        self.figures.setText(f"{queue}\n{pace}")


    def _on_figures_failed(self, _error: BaseException) -> None:
        self._figures_asked = False  # a figure only: the next tick asks again
