"""The parcel's box at the bench: the smallest box the order fits in, and the box scanned.

A small label under the bench's header; it only paints what the core says
(app/services/boxes.py). It is hooked to the bench from outside (station_parts.
attach_box_hint): when an order opens or a box is scanned, the parcel's box is read on the
I/O pool, never on the main thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from app.services.boxes import ParcelBox, parcel_box
from ui.i18n import core_text

REREAD_ON = ("opened", "taken_over", "box", "box_small", "dropped")


class BoxHint(QLabel):
    def __init__(self, uow_factory, run_io: Callable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boxHint")
        self.setStyleSheet("font-size: 20px; padding: 4px 12px; background: #efebe9;")
        self.setWordWrap(True)
        self._uow_factory, self._run_io = uow_factory, run_io
        self._session: int | None = None
        self.hide()

    def follow(self, bench) -> None:
        """Paint the box of whatever parcel the bench has open."""
        bench.verdict_shown.connect(lambda result, _m: self._on_bench_verdict(bench, result))

    def _on_bench_verdict(self, bench, result: str) -> None:
        session = bench.session_id
        if session is None:
            self._session = None
            self.hide()
        elif result in REREAD_ON or session != self._session:
            self._session = session
            self._run_io(lambda: parcel_box(self._uow_factory(), session),
                         lambda box: self._paint(session, box), lambda _error: None)

    def _paint(self, session: int, box: ParcelBox) -> None:
        if session != self._session:
            return  # the bench moved on to another parcel meanwhile
        suggested = box.suggestion.box
        if box.scanned:
            text = self.tr("Box: %1").replace("%1", box.scanned + (
                f" ({box.scanned_size})" if box.scanned_size else ""))
            if suggested is not None and suggested.sku != box.scanned:
                text += " · " + self.tr("smallest that fits: %1").replace("%1", suggested.sku)
        elif suggested is not None:
            text = self.tr("Suggested box: %1 (%2). Scan the box you use.").replace(
                "%1", suggested.sku).replace("%2", suggested.inside.text())
        else:
            text = core_text(box.suggestion.message)
        self.setText(text)
        self.show()
