"""Serial scanners (RS-232 or USB-CDC): lines of text on a port, surviving unplug and replug.

QSerialPort works on the main thread through its signals, so no worker is needed.
Pseudo-terminals and some USB adapters are not listed by QSerialPortInfo, so the port is
a path from the settings.
"""

from __future__ import annotations

import os
import re

from PySide6.QtCore import QObject, QTimer
from PySide6.QtSerialPort import QSerialPort

from scanners.source import ScanSource
from scanners.symbology import identify

_LINE_ENDS = ("\r\n", "\r", "\n")
_ANY_LINE_END = re.compile(rb"(\r\n|\r|\n)")
_MAX_LINE = 4096  # a scanner line is short; anything longer is noise on the wire
_OPEN_FAILURES = (QSerialPort.SerialPortError.NoError, QSerialPort.SerialPortError.OpenError,
                  QSerialPort.SerialPortError.DeviceNotFoundError,
                  QSerialPort.SerialPortError.PermissionError)


def connection_lost(error: QSerialPort.SerialPortError) -> bool:
    """A port error that means the device went away while open; open failures are handled
    where open() is called. Shared by serial scanners and scales."""
    return error not in _OPEN_FAILURES


class SerialScanner(ScanSource):
    """Reads `suffix`-terminated scans from a serial port and reconnects by itself."""

    kind = "serial"

    def __init__(self, port_path: str, baud: int = 9600, suffix: str = "\r\n",
                 retry_ms: int = 1000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.port_path = port_path
        self.baud = baud
        self.suffix = suffix
        self._buffer = b""
        self.last_raw = b""  # the last scan's bytes as received, line end included
        self._was_connected = False
        self._running = False
        self._port = QSerialPort(self)
        self._port.readyRead.connect(self._on_port_ready_read)
        self._port.errorOccurred.connect(self._on_port_error_occurred)
        self._retry = QTimer(self)
        self._retry.setInterval(retry_ms)
        self._retry.timeout.connect(self._on_retry_timeout)

    @property
    def connected(self) -> bool:
        return self._port.isOpen()

    def start(self) -> None:
        self._running = True
        if not self._open():
            self._retry.start()

    def stop(self) -> None:
        self._running = False
        self._retry.stop()
        if self._port.isOpen():
            self._port.close()
        self._say(self.tr("Serial scanner on %1 stopped"))

    # -- connection -------------------------------------------------------------------
    def _open(self) -> bool:
        self._port.setPortName(self.port_path)
        self._port.setBaudRate(self.baud)
        if not self._port.open(QSerialPort.OpenModeFlag.ReadOnly):
            if not self._was_connected and not self.status:
                self._say(self.tr("Serial scanner on %1 not found: %2; retrying"),
                          self._port.errorString())
            return False
        self._port.clearError()
        self._buffer = b""
        self._say(self.tr("Serial scanner on %1 reconnected") if self._was_connected
                  else self.tr("Serial scanner on %1 connected"))
        self._was_connected = True
        return True

    def _lost(self, reason: str) -> None:
        if self._port.isOpen():
            self._port.close()
        self._say(self.tr("Serial scanner on %1 disconnected (%2); waiting for it to come back"),
                  reason)
        if self._running:
            self._retry.start()

    def _on_retry_timeout(self) -> None:
        if self._port.isOpen():
            if not os.path.exists(self.port_path):  # some drivers report nothing on unplug
                self._lost(self.tr("port vanished"))
            return
        if self._open():
            self._retry.start()  # keep watching the path while connected

    def _on_port_error_occurred(self, error: QSerialPort.SerialPortError) -> None:
        if connection_lost(error) and self._port.isOpen():
            self._lost(self._port.errorString())

    # -- data -------------------------------------------------------------------------
    def _on_port_ready_read(self) -> None:
        self._buffer += bytes(self._port.readAll().data())
        for line, ending in self._split_lines():
            text = _text_of(line)
            if text:
                self.last_raw = line + ending
                found = identify(text)
                self.scanned.emit(found.text, found.symbology, self.kind)
        if len(self._buffer) > _MAX_LINE:
            self._buffer = b""

    def _split_lines(self) -> list[tuple[bytes, bytes]]:
        """Complete lines with their endings; a CR/LF suffix accepts any of CR, LF, CRLF."""
        if self.suffix in _LINE_ENDS or not self.suffix:
            parts = _ANY_LINE_END.split(self._buffer)
        else:
            sep = self.suffix.encode()
            pieces = self._buffer.split(sep)
            parts = [p for piece in pieces[:-1] for p in (piece, sep)] + pieces[-1:]
        self._buffer = parts[-1]
        return list(zip(parts[0:-1:2], parts[1:-1:2], strict=True))

    def _say(self, translated: str, detail: str = "") -> None:
        """Fill %1 (the port) and %2 (the detail) into an already translated sentence."""
        self._set_status(translated.replace("%1", self.port_path).replace("%2", detail))


def _text_of(line: bytes) -> str:
    """Scanners send ASCII or UTF-8; a stray Latin-1 byte must not lose the scan."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        text = line.decode("latin-1")
    return text.strip("\r\n\x00")
