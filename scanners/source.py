"""One interface for every scan input: the pack bench only listens to `scanned`."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ScanSource(QObject):
    """A place scans come from: keyboard wedge, serial port or camera.

    `scanned(text, symbology, source)` carries the decoded text, a symbology name such as
    "ean13" or "gs1-128" ("unknown" when the device does not say) and the source kind
    ("wedge", "serial", "camera"). `status_changed` carries a sentence for the status bar.
    """

    scanned = Signal(str, str, str)
    status_changed = Signal(str)

    #: the kind reported as the third argument of `scanned`
    kind = "source"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status = ""

    @property
    def status(self) -> str:
        """The last status sentence, for a screen that opens after it was sent."""
        return self._status

    def _set_status(self, text: str) -> None:
        self._status = text
        self.status_changed.emit(text)

    def start(self) -> None:
        """Begin delivering scans (each source knows how)."""
        raise NotImplementedError(f"{type(self).__name__} must implement start()")

    def stop(self) -> None:
        """Stop delivering scans and release the device."""
        raise NotImplementedError(f"{type(self).__name__} must implement stop()")
