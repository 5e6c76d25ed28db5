"""The clips' disk at a station: how much the pack videos take and how much is free, shown
in station settings, and reported to the store so that a nearly full disk is an alert.

The recorder (scanners/pack_video.py) stops filming by itself when room runs out and says
so once; this watch hears it (on the main thread, through a queued signal), says it in the
status bar, and reports the disk at once and then every minute on the periodic store
worker (a short write beside the scans, never in their queue), so the alert clears when
room is back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from app.services.clips import ClipsDiskView, DiskReading, report_clips_disk
from ui.i18n import core_text

REPORT_EVERY_MS = 60_000


def disk_text(view: ClipsDiskView) -> str:
    """"1.2 GB in 34 clips at /folder · 12.3 GB free of 50.0 GB", and why filming stopped."""
    def size(n: int) -> str:
        return f"{n / 1024**3:.1f} GB" if n >= 1024**3 else f"{n / 1024**2:.1f} MB"

    text = QCoreApplication.translate("ClipsDisk", "%1 in %2 clip(s) · %4 free of %5\nat %3")
    text = text.replace("%1", size(view.clips_bytes)).replace("%2", str(view.clips)).replace(
        "%3", view.folder).replace("%4", size(view.free_bytes)).replace(
        "%5", size(view.total_bytes))
    if view.low:
        why = core_text(view.stopped) or QCoreApplication.translate(
            "ClipsDisk", "less than %1 free").replace("%1", size(view.keep_free_bytes))
        text += "\n" + QCoreApplication.translate("ClipsDisk", "Filming stopped: %1").replace(
            "%1", why)
    return text


class ClipsDiskWatch(QObject):
    said = Signal(object)  # the recorder's sentence (a Msg), on the main thread
    disk_read = Signal(object)  # ClipsDiskView, after each report

    def __init__(self, recorder, uow_factory, run: Callable,
                 show: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.recorder, self._uow_factory, self._run = recorder, uow_factory, run
        self.last: ClipsDiskView | None = None
        self.said.connect(self._on_said)
        self._show = show
        recorder.on_problem = self.said.emit  # from the encoder thread: queued to here
        self._timer = QTimer(self, interval=REPORT_EVERY_MS)
        self._timer.timeout.connect(self.report)
        self._timer.start()

    def _reading(self) -> DiskReading:
        total, free = self.recorder.disk()
        return DiskReading(str(self.recorder.folder), total, free,
                           self.recorder.keep_free_bytes, str(self.recorder.stopped),
                           str(self.recorder.encoder_stopped))

    def report(self, on_done: Callable[[ClipsDiskView], None] | None = None) -> None:
        """Read the disk and tell the store, off the main thread (statvfs is quick)."""
        def work() -> ClipsDiskView:
            return report_clips_disk(self._uow_factory(), self._reading())

        def done(view: ClipsDiskView) -> None:
            self.last = view
            self.disk_read.emit(view)
            if on_done is not None:
                on_done(view)

        self._run(work, done, lambda error: self._show(
            self.tr("The clips' disk could not be reported: %1").replace("%1", str(error))))

    def _on_said(self, text) -> None:
        self._show(core_text(text))
        self.report()  # filming or its encoder stopped, or started again: the alert follows
