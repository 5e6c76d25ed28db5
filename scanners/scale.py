"""Scales on a serial port (RS-232, USB-CDC) or a USB HID POS scale (/dev/hidrawN).

The scale is read all the time; `reading` carries everything it says (scanners/
scale_protocols.py turns bytes into readings) and `settled` the weight once it is stable
and held. A scale unplugged mid-read drops what it had (no stale weight is ever used), says
so, and is opened again when it comes back. Both work on the main thread through Qt's
notifications, so nothing here blocks.
"""

from __future__ import annotations

import errno
import os

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtSerialPort import QSerialPort

from scanners.scale_protocols import (
    CasFrames,
    DibalPos,
    MtSics,
    Reading,
    ScaleState,
    SettledWeight,
    framer_for,
)
from scanners.serial import connection_lost


class Scale(QObject):
    """What the bench and the self-test listen to, whatever the scale is."""

    reading = Signal(object)  # every Reading, stable or not
    settled = Signal(float)  # grams, once per new stable weight
    status_changed = Signal(str)

    def __init__(self, path: str, protocol: str, line_pattern: str = "",
                 retry_ms: int = 1000, settle: int = 3, tolerance_g: float = 2.0,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path, self.protocol, self.line_pattern = path, protocol, line_pattern
        self._framer = framer_for(protocol, line_pattern)
        self._filter = SettledWeight(settle, tolerance_g)
        self._settle, self._tolerance_g = settle, tolerance_g
        self.last: Reading | None = None
        self._status = ""
        self._running = False
        self._was_connected = False
        self._retry = QTimer(self)
        self._retry.setInterval(retry_ms)
        self._retry.timeout.connect(self._on_retry_timeout)

    # -- what callers use ------------------------------------------------------------
    @property
    def status(self) -> str:
        return self._status

    @property
    def settled_g(self) -> float | None:
        """The weight on the scale now, if it is stable; None while it moves or is away."""
        return self._filter.settled_g if self.connected else None

    @property
    def connected(self) -> bool:
        raise NotImplementedError

    def start(self) -> None:
        self._running = True
        if not self._open():
            self._retry.start()

    def stop(self) -> None:
        self._running = False
        self._retry.stop()
        self._close()
        self._say(self.tr("Scale on %1 stopped"))

    # -- shared ----------------------------------------------------------------------
    def _open(self) -> bool:
        raise NotImplementedError

    def _close(self) -> None:
        raise NotImplementedError

    def _on_retry_timeout(self) -> None:
        if self.connected:
            if not os.path.exists(self.path):  # some drivers report nothing on unplug
                self._lost(self.tr("device vanished"))
            return
        if self._open():
            self._retry.start()  # keep watching the path while connected

    def _opened(self) -> None:
        self._restart_framing()
        self._say(self.tr("Scale on %1 reconnected") if self._was_connected
                  else self.tr("Scale on %1 connected"))
        self._was_connected = True

    def _open_failed(self, reason: str) -> None:
        if not self._was_connected and not self._status:
            self._say(self.tr("Scale on %1 not found: %2; retrying"), reason)

    def _lost(self, reason: str) -> None:
        self._close()
        self._restart_framing()
        lost = Reading(ScaleState.ERROR, detail=f"scale disconnected: {reason}")
        self.last = lost
        self.reading.emit(lost)
        self._say(self.tr("Scale on %1 disconnected (%2); waiting for it to come back"),
                  reason)
        if self._running:
            self._retry.start()

    def _restart_framing(self) -> None:
        """A half-read frame from before a reconnect must not join the next one."""
        self._framer = framer_for(self.protocol, self.line_pattern)
        self._filter = SettledWeight(self._settle, self._tolerance_g)

    def _take(self, data: bytes) -> None:
        for reading in self._framer.feed(data):
            self.last = reading
            self.reading.emit(reading)
            weight = self._filter.feed(reading)
            if weight is not None:
                self.settled.emit(weight)

    def _say(self, translated: str, detail: str = "") -> None:
        self._status = translated.replace("%1", self.path).replace("%2", detail)
        self.status_changed.emit(self._status)


class SerialScale(Scale):
    """A scale on a serial port, MT-SICS, CAS, Dibal POS or text lines. MT-SICS scales are
    asked to send continuously (SIR); CAS and Dibal scales on request are asked every
    `poll_ms`."""

    def __init__(self, path: str, protocol: str = "text", baud: int = 9600,
                 line_pattern: str = "", poll_ms: int = 200, **kwargs) -> None:
        if protocol == "hid":
            raise ValueError("a HID scale is not on a serial port; use HidScale")
        super().__init__(path, protocol, line_pattern, **kwargs)
        self.baud = baud
        self._port = QSerialPort(self)
        self._port.readyRead.connect(self._on_port_ready_read)
        self._port.errorOccurred.connect(self._on_port_error_occurred)
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self._on_poll_timeout)

    @property
    def connected(self) -> bool:
        return self._port.isOpen()

    def zero(self) -> bool:
        """Zero the scale (MT-SICS `Z`); False when this protocol has no command for it."""
        return self._command(MtSics.ZERO)

    def tare(self) -> bool:
        return self._command(MtSics.TARE)

    def _command(self, command: bytes) -> bool:
        if self.protocol != "mt-sics" or not self._port.isOpen():
            return False
        self._port.write(command)
        self._port.write(MtSics.CONTINUOUS)  # Z and T end the repeat on some models
        return True

    def _open(self) -> bool:
        self._port.setPortName(self.path)
        self._port.setBaudRate(self.baud)
        if not self._port.open(QSerialPort.OpenModeFlag.ReadWrite):
            self._open_failed(self._port.errorString())
            return False
        self._port.clearError()
        self._opened()
        if self.protocol == "mt-sics":
            self._port.write(MtSics.CONTINUOUS)
        elif self.protocol in ("cas", "dibal"):
            self._poll.start()
        return True

    def _close(self) -> None:
        self._poll.stop()
        if self._port.isOpen():
            self._port.close()

    def _on_poll_timeout(self) -> None:
        if self._port.isOpen():
            self._port.write(DibalPos.REQUEST if self.protocol == "dibal" else CasFrames.REQUEST)

    def _on_port_ready_read(self) -> None:
        self._take(bytes(self._port.readAll().data()))

    def _on_port_error_occurred(self, error: QSerialPort.SerialPortError) -> None:
        if connection_lost(error) and self._port.isOpen():
            self._lost(self._port.errorString())


class HidScale(Scale):
    """A USB HID POS scale read from its hidraw node (6-byte weight reports)."""

    def __init__(self, path: str, **kwargs) -> None:
        super().__init__(path, "hid", **kwargs)
        self._fd: int | None = None
        self._notifier: QSocketNotifier | None = None

    @property
    def connected(self) -> bool:
        return self._fd is not None

    def _open(self) -> bool:
        try:
            self._fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)
        except OSError as exc:
            self._open_failed(exc.strerror or str(exc))
            return False
        self._notifier = QSocketNotifier(self._fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_readable)
        self._opened()
        return True

    def _close(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def _on_readable(self, *_args) -> None:
        if self._fd is None:
            return
        try:
            data = os.read(self._fd, 4096)
        except BlockingIOError:
            return
        except OSError as exc:  # ENODEV when the scale is pulled out
            self._lost(exc.strerror or errno.errorcode.get(exc.errno, str(exc)))
            return
        if not data:  # the other end closed: unplugged
            self._lost(self.tr("device closed"))
            return
        self._take(data)
