"""Python's cycle collector runs on the Qt main thread only, while the app runs.

Left to itself, the collector runs in whichever thread happens to allocate: the store
worker, the I/O pool, the channel sync. When the garbage it finds holds a Qt object (a
closed dialog whose signals refer back to it, say), that object is destroyed on the wrong
thread, and Qt crashes. So the app turns the automatic collector off and a timer on the
main thread collects instead, one generation at a time by the same thresholds, as Anki's
aqt and pyqtgraph's GarbageCollector do. Reference counting still frees everything that is
not in a cycle at once.

Every 100 ms, so that a collection stays small while the sync takes in a backlog: measured
with 6,000 orders coming in on a worker, the longest collection was 38-53 ms (a second
generation), against 35 ms for the automatic collector's longest; either way the collecting
thread holds the interpreter lock, so a worker's collection stalls the main thread as much.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = 100) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._long_lived_total = len(gc.get_objects(2))  # what the last full collection kept
        self._long_lived_pending = 0  # moved to the oldest generation since
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int:
        """The generations the automatic collector would have collected by now; returns how
        many unreachable objects were found.

        A full collection, as CPython's own rule has it (Modules/gcmodule.c,
        `long_lived_pending < long_lived_total / 4`), only once the objects moved to the
        oldest generation since the last one are a quarter of those it kept: a full
        collection walks every object of the process, and at every tenth second-generation
        collection (what the counts alone say) it held the main thread, where scans are
        answered, for 3-5 s in the busy bench on a million-order store (issue 20)."""
        (t0, t1, t2), (c0, c1, c2) = self._thresholds, gc.get_count()
        if c0 <= t0:
            return 0
        if c1 <= t1:
            return gc.collect(0)
        if c2 > t2 and self._long_lived_pending > self._long_lived_total / 4:
            found = gc.collect(2)
            self._long_lived_total, self._long_lived_pending = len(gc.get_objects(2)), 0
            return found
        young = len(gc.get_objects(0)) + len(gc.get_objects(1))
        found = gc.collect(1)
        self._long_lived_pending += max(0, young - found)  # the survivors grow old
        return found

    def freeze_start_up(self) -> None:
        """Once the station has started and warmed up: what start-up made (modules, Qt's
        wrappers, SQLAlchemy's mappers and compiled SQL, fonts' tables) lives as long as
        the app, so later collections leave it out (gc.freeze). A second-generation
        collection then walks only what was made since: before, it walked the 190,000
        objects start-up left, 120-200 ms of the main thread's CPU (measured on the scan
        bench's station), and a scan whose answer came meanwhile waited for it. The young
        generations are collected first (a few ms), so start-up's fresh garbage is not kept;
        a full collection is not (it would stall the login screen for as long)."""
        gc.collect(1)
        gc.freeze()

    def stop(self) -> None:
        """Back to the automatic collector (the app is closing, or a test is done)."""
        self._timer.stop()
        gc.unfreeze()
        gc.collect()
        if self._was_enabled:
            gc.enable()
