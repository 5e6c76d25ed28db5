"""Printer back-ends: a CUPS queue, a raw ZPL printer on TCP 9100, a folder of PDFs.

Each back-end's submit() hands one document over and returns a reference once the other
side has taken it (the CUPS job id, the socket that took the bytes, the file written).
A printer that is off, missing or refusing raises PrinterUnavailable with the reason in
words a packer can act on; the spooler keeps the job and retries.

Why pycups and not QtPrintSupport for system queues: on Linux (and macOS) Qt's QPrinter is
itself a CUPS client, but it can only print what a QPainter draws, so our PDF would be
rasterised by us instead of by the printer driver, and QPrinter never tells us the CUPS
job id, so "accepted by the spooler" and the job's later state could not be checked.
The PDF itself goes to the same CUPS queues Qt would list (printed silently, no dialog) as
one IPP Print-Job (printing/ipp.py, which says why not pycups' printFile), on a connection
each thread keeps; pycups lists the queues and polls a job's state, on a connection opened
per call because a pycups connection must not be shared between threads.
"""

from __future__ import annotations

import http.client
import re
import socket
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from app.domain.messages import Msg
from printing import ipp
from printing.files import DocumentNotSaved, write_atomically

PDF = "application/pdf"
ZPL = "application/vnd.zebra-zpl"
RAW = "application/vnd.cups-raw"  # CUPS: sent to the printer as it is
CUPS_JOB_STATES = {3: "pending", 4: "held", 5: "processing", 6: "stopped", 7: "canceled",
                   8: "aborted", 9: "completed"}


class PrinterUnavailable(RuntimeError):
    """The printer cannot take a job now (off, missing, stopped, unreachable)."""

    def __init__(self, printer: str, reason: str) -> None:
        super().__init__(f"{printer}: {reason}")
        self.printer = printer
        self.reason = reason


@dataclass(frozen=True)
class Document:
    title: str
    content: bytes
    content_type: str = PDF
    media: str = ""  # CUPS media name, e.g. "Custom.4x6in", "A4"
    pages: int = 1
    kind: str = ""  # shipping_label, packing_slip ... (printing.station.DocumentKind)


class Printer(Protocol):
    name: str

    def submit(self, document: Document) -> str:
        """Hand the document over; returns a reference once it was taken."""
        ...


def _cups():
    try:
        import cups
    except ImportError as exc:  # pycups needs libcups2 at run time
        raise PrinterUnavailable("CUPS", Msg("pycups cannot load ({exc}); install libcups2 and pycups",
                                             exc=exc)) from exc
    return cups


@dataclass
class CupsPrinter:
    """A CUPS queue; PDF (or raw ZPL for a raw queue) is submitted with no dialog."""

    queue: str
    options: dict[str, str] = field(default_factory=dict)
    server: str | None = None  # host name or socket path; None: the system's CUPS
    # when check_ahead last found the queue ready (monotonic s); one job may use it
    _ready_since: float | None = field(default=None, init=False, repr=False, compare=False)

    FRESH_S = 1.0  # a state asked this long before the job still counts for it

    @property
    def name(self) -> str:
        return Msg("CUPS queue {queue}", queue=self.queue)

    def _connect(self):
        cups = _cups()
        try:
            return cups.Connection(host=self.server) if self.server else cups.Connection()
        except RuntimeError as exc:
            raise PrinterUnavailable(self.name, Msg("the CUPS scheduler is not running ({exc}); start cupsd",
                                                    exc=exc)) from exc

    def _ipp(self) -> ipp.IppConnection:
        """This thread's kept-open connection to the scheduler (the spooler's worker keeps
        one for every label, instead of a new one and five requests per job)."""
        if not self.server:
            return ipp.connection_for(*ipp.default_server())
        if self.server.startswith("/") or ":" not in self.server:  # a socket, or a host
            return ipp.connection_for(self.server, 631)
        host, _, port = self.server.rpartition(":")
        return ipp.connection_for(host, int(port))

    def _unreachable(self, exc: BaseException) -> PrinterUnavailable:
        return PrinterUnavailable(self.name, Msg(
            "the CUPS scheduler is not running ({exc}); start cupsd", exc=exc))

    def check(self, connection: ipp.IppConnection | None = None) -> None:
        """Raise PrinterUnavailable unless the queue exists, is enabled and accepts jobs."""
        try:
            attrs = ipp.printer_state(connection or self._ipp(), self.queue)
        except (OSError, http.client.HTTPException) as exc:
            raise self._unreachable(exc) from exc
        except ipp.IppError as exc:
            raise PrinterUnavailable(self.name, Msg("CUPS refused the job: {exc}",
                                                    exc=exc)) from exc
        if attrs is None:
            raise PrinterUnavailable(self.name, Msg("no such print queue; add it in the CUPS settings or choose another printer"))
        message = attrs.get("printer-state-message") or ""
        if attrs.get("printer-state") == 5:
            raise PrinterUnavailable(self.name, Msg("the queue is stopped {message}",
                                                    message=message).strip())
        if attrs.get("printer-is-accepting-jobs") is False:
            raise PrinterUnavailable(self.name, Msg("the queue is not accepting jobs"))

    def check_ahead(self) -> None:
        """Ask the queue's state now, for a job about to come (the spooler's worker does,
        while the label renders): that job's submit need not ask again."""
        self._ready_since = None
        try:
            self.check()
        except PrinterUnavailable:
            return  # the job's own submit asks again, and says why
        self._ready_since = time.monotonic()

    def submit(self, document: Document) -> str:
        """The queue's state (unless check_ahead found it ready just before), then one
        Print-Job naming the document's format (so cupsd does not type the file itself),
        on this thread's kept-open connection."""
        connection = self._ipp()
        ready, self._ready_since = self._ready_since, None
        if ready is None or time.monotonic() - ready > self.FRESH_S:
            self.check(connection)
        options = dict(self.options)
        if document.media and document.content_type == PDF:
            options.setdefault("media", document.media)
        options.pop("raw", None)  # lp's "-o raw" is the raw format, named below
        document_format = PDF if document.content_type == PDF else RAW
        try:
            job_id = ipp.print_job(connection, self.queue, str(document.title),
                                   document_format, document.content,
                                   [ipp.job_attribute(k, v) for k, v in options.items()])
        except (OSError, http.client.HTTPException) as exc:
            raise self._unreachable(exc) from exc
        except ipp.IppError as exc:
            raise PrinterUnavailable(self.name, Msg("CUPS refused the job: {exc}", exc=exc)) from exc
        return str(job_id)

    def job_state(self, job_id: str) -> str:
        """The CUPS state of a job we submitted: pending, processing, completed ..."""
        attrs = self._connect().getJobAttributes(int(job_id), requested_attributes=["job-state"])
        return CUPS_JOB_STATES.get(attrs.get("job-state", 0), "unknown")


@dataclass
class RawTcpPrinter:
    """A thermal printer that takes raw ZPL on a TCP port (9100, "JetDirect")."""

    host: str
    port: int = 9100
    timeout: float = 5.0

    @property
    def name(self) -> str:
        return Msg("label printer {host}:{port}", host=self.host, port=self.port)

    def submit(self, document: Document) -> str:
        if document.content_type != ZPL:
            raise PrinterUnavailable(self.name, Msg("a raw ZPL printer cannot print {content_type}; route PDFs to CUPS",
                                                    content_type=document.content_type))
        try:
            with socket.create_connection((self.host, self.port), self.timeout) as conn:
                conn.sendall(document.content)
                conn.shutdown(socket.SHUT_WR)
        except ConnectionRefusedError as exc:
            raise PrinterUnavailable(self.name, Msg("nothing answers on the port: is the printer switched on and on the network?")) from exc
        except TimeoutError as exc:
            raise PrinterUnavailable(self.name, Msg("no answer within {timeout:g} s",
                                                    timeout=self.timeout)) \
                from exc
        except OSError as exc:
            raise PrinterUnavailable(self.name, exc.strerror or str(exc)) from exc
        return f"{self.host}:{self.port}"


@dataclass
class PdfFolderPrinter:
    """Save as PDF: each document becomes a file in a folder (written whole, then renamed)."""

    folder: Path

    @property
    def name(self) -> str:
        return Msg("folder {folder}", folder=self.folder)

    def submit(self, document: Document) -> str:
        suffix = ".pdf" if document.content_type == PDF else ".zpl"
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
        safe = re.sub(r"[^\w.-]+", "_", document.title).strip("_")[:80] or "document"
        target = Path(self.folder) / f"{safe}-{stamp}{suffix}"
        try:
            write_atomically(target, document.content, document.kind)
        except DocumentNotSaved as exc:  # a full disk: the job waits until there is room
            raise PrinterUnavailable(self.name, str(exc)) from exc
        return str(target)


def printer_address(printer: Printer) -> str:
    """Where a printer is, as text the store keeps, so a restarted spooler finds it again;
    "" for a back-end it cannot name (such a job cannot be resumed)."""
    if isinstance(printer, CupsPrinter) and not printer.options and not printer.server:
        return f"cups:{printer.queue}"
    if isinstance(printer, RawTcpPrinter):
        return f"zpl:{printer.host}:{printer.port}"
    if isinstance(printer, PdfFolderPrinter):
        return f"folder:{printer.folder}"
    return ""


def printer_at(address: str) -> Printer | None:
    """The printer of printer_address(); None for an address this build cannot read."""
    kind, _, target = address.partition(":")
    if kind == "cups" and target:
        return CupsPrinter(target)
    if kind == "zpl":
        host, _, port = target.rpartition(":")
        return RawTcpPrinter(host, int(port)) if host and port.isdigit() else None
    if kind == "folder" and target:
        return PdfFolderPrinter(Path(target))
    return None


def cups_queues(server: str | None = None) -> list[str]:
    """The names of the CUPS queues this machine prints to, for the station set-up to
    offer. An IPC call to cupsd: call it off the Qt main thread. Raises PrinterUnavailable
    when CUPS cannot be asked (no pycups, no cupsd)."""
    return sorted(CupsPrinter("", server=server)._connect().getPrinters())
