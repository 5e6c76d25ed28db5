"""A small IPP client for the CUPS scheduler: one Print-Job request per label, on a
connection kept open.

Why not pycups' printFile for the label: libcups' cupsPrintFile is five requests to cupsd
(CUPS-Get-Default or Get-Printers, a Get-Printer-Attributes of the whole queue, which for a
cups-pdf queue is some 30 KB of media sizes parsed on our side, Create-Job, Send-Document,
the finish), sent as "document-format application/octet-stream", which makes cupsd type the
file itself. At the bench that was 42 ms of the 105 ms from the last scan to the job id
(bench/print_bench.py, measured with perf_counter stamps around printFile). Print-Job names
the printer, the format and the document in one request; the queue's state is asked first
on the same connection, three attributes only.

The encoding is RFC 8010 ("IPP/1.1: Encoding and Transport", section 3: a version, an
operation id or status code, a request id, attribute groups of tag / name-length / name /
value-length / value, the end-of-attributes tag, then the document); the operations and
their status codes are RFC 8011 (Print-Job 0x0002, Get-Printer-Attributes 0x000B,
successful-ok 0x0000 ... 0x00FF, client-error-not-found 0x0406). CUPS serves IPP by HTTP
POST at /printers/<queue> with Content-Type application/ipp and takes
"application/vnd.cups-raw" as the format that sends a document to the printer untouched
(CUPS Implementation of IPP,
https://opensource.apple.com/source/cups/cups-327/cups/doc/help/spec-ipp.html). The RFCs
themselves were not in the searchable corpus; the tag values below are those of RFC 8010
section 3.5.

A connection (like a pycups one) must not be shared between threads: each thread keeps its
own (`connection_for`), so the spooler's one worker thread reuses one.
"""

from __future__ import annotations

import getpass
import http.client
import itertools
import os
import socket
import struct
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.domain.messages import Msg

PRINT_JOB = 0x0002
GET_PRINTER_ATTRIBUTES = 0x000B
NOT_FOUND = 0x0406

OPERATION, JOB, END, PRINTER = 0x01, 0x02, 0x03, 0x04  # delimiter tags
INTEGER, BOOLEAN, ENUM = 0x21, 0x22, 0x23
TEXT, NAME, KEYWORD, URI, CHARSET, LANGUAGE, MIME = 0x41, 0x42, 0x44, 0x45, 0x47, 0x48, 0x49

_request_ids = itertools.count(1)
_local = threading.local()


class IppError(RuntimeError):
    """cupsd answered, and not with a success: the status code and its message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(Msg("{message} (IPP status 0x{status})", message=message or "IPP",
                             status=f"{status:04x}"))
        self.status, self.message = status, message


@dataclass
class IppResponse:
    status: int
    groups: list[tuple[int, dict[str, list]]] = field(default_factory=list)

    def first(self, group: int, name: str, default=None):
        for tag, attributes in self.groups:
            if tag == group and name in attributes:
                return attributes[name][0]
        return default


def _attribute(tag: int, name: str, values: Iterable) -> bytes:
    out = bytearray()
    for index, value in enumerate(values):
        if tag in (INTEGER, ENUM):
            data = struct.pack(">i", value)
        elif tag == BOOLEAN:
            data = b"\x01" if value else b"\x00"
        else:
            data = str(value).encode("utf-8")
        label = name.encode("ascii") if index == 0 else b""  # an additional value: no name
        out += struct.pack(">BH", tag, len(label)) + label + struct.pack(">H", len(data)) + data
    return bytes(out)


def encode_request(operation: int, request_id: int,
                   groups: list[tuple[int, list[tuple[int, str, list]]]]) -> bytes:
    """A request's bytes up to the document: RFC 8010 section 3.1.1."""
    out = bytearray(struct.pack(">BBHI", 1, 1, operation, request_id))
    for group, attributes in groups:
        out.append(group)
        for tag, name, values in attributes:
            out += _attribute(tag, name, values)
    out.append(END)
    return bytes(out)


def _value(tag: int, data: bytes):
    if tag in (INTEGER, ENUM) and len(data) == 4:
        return struct.unpack(">i", data)[0]
    if tag == BOOLEAN and len(data) == 1:
        return data != b"\x00"
    if 0x40 <= tag <= 0x5F:  # character strings
        return data.decode("utf-8", "replace")
    return data  # octet strings, dates, ranges, collections' parts: kept as bytes


def decode_response(body: bytes) -> IppResponse:
    """A response's status and attribute groups (collection members read as flat values)."""
    if len(body) < 9:
        raise IppError(0xFFFF, Msg("a short answer from the CUPS scheduler"))
    _major, _minor, status, _request_id = struct.unpack(">BBHI", body[:8])
    response, name, at = IppResponse(status), "", 8
    attributes: dict[str, list] | None = None
    while at < len(body):
        tag = body[at]
        at += 1
        if tag == END:
            break
        if tag < 0x10:  # a new group
            attributes = {}
            response.groups.append((tag, attributes))
            continue
        name_length = struct.unpack(">H", body[at:at + 2])[0]
        name = body[at + 2:at + 2 + name_length].decode("ascii", "replace") or name
        at += 2 + name_length
        value_length = struct.unpack(">H", body[at:at + 2])[0]
        data = body[at + 2:at + 2 + value_length]
        at += 2 + value_length
        if attributes is not None:  # an additional value (no name) joins the one before
            attributes.setdefault(name, []).append(_value(tag, data))
    return response


class _UnixConnection(http.client.HTTPConnection):
    """HTTP over cupsd's domain socket (/run/cups/cups.sock)."""

    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self.path = path

    def connect(self) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(self.timeout)
        try:
            sock.connect(self.path)
        except OSError:
            sock.close()
            raise
        self.sock = sock


def default_server() -> tuple[str, int]:
    """Where this machine's CUPS clients go: pycups' (libcups') answer, which reads
    CUPS_SERVER and client.conf; without pycups, CUPS_SERVER or the usual socket."""
    try:
        import cups

        return cups.getServer(), cups.getPort()
    except ImportError:
        server = os.environ.get("CUPS_SERVER", "")
        if server:
            host, _, port = server.partition(":")
            return host, int(port or 631)
        return ("/run/cups/cups.sock" if os.path.exists("/run/cups/cups.sock")
                else "localhost"), 631


class IppConnection:
    """One kept-open HTTP connection to cupsd; `request` sends one IPP request."""

    TIMEOUT = 30.0

    def __init__(self, server: str, port: int = 631) -> None:
        self.server, self.port = server, port
        self._http: http.client.HTTPConnection | None = None

    def _open(self) -> http.client.HTTPConnection:
        if self._http is None:
            self._http = (_UnixConnection(self.server, self.TIMEOUT) if self.server.startswith("/")
                          else http.client.HTTPConnection(self.server, self.port,
                                                          timeout=self.TIMEOUT))
        return self._http

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None

    def request(self, path: str, operation: int, groups, document: bytes = b"",
                idempotent: bool = False) -> IppResponse:
        """Send one request; a request that may safely be sent again (a Get-...) is, once,
        on a fresh connection when the kept one turns out to have been closed by cupsd."""
        body = encode_request(operation, next(_request_ids), groups) + document
        reused = self._http is not None and self._http.sock is not None
        try:
            return self._exchange(path, body)
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            self.close()
            if not (reused and idempotent):
                raise
            return self._exchange(path, body)
        except BaseException:
            self.close()
            raise

    def _exchange(self, path: str, body: bytes) -> IppResponse:
        connection = self._open()
        connection.request("POST", path, body, {"Content-Type": "application/ipp"})
        answer = connection.getresponse()
        data = answer.read()
        if answer.status != 200:
            raise IppError(0xFFFF, Msg("the CUPS scheduler answered HTTP {status} {reason}",
                                        status=answer.status, reason=answer.reason))
        if answer.getheader("Connection", "").lower() == "close":
            self.close()
        return decode_response(data)


def connection_for(server: str, port: int) -> IppConnection:
    """This thread's connection to that scheduler, opened on first use."""
    connections = getattr(_local, "connections", None)
    if connections is None:
        connections = _local.connections = {}
    key = (server, port)
    if key not in connections:
        connections[key] = IppConnection(server, port)
    return connections[key]


def _operation_attributes(uri: str) -> list[tuple[int, str, list]]:
    return [(CHARSET, "attributes-charset", ["utf-8"]),
            (LANGUAGE, "attributes-natural-language", ["en"]),
            (URI, "printer-uri", [uri]),
            (NAME, "requesting-user-name", [_user()])]


def _user() -> str:
    """Who prints, as lp would say (cupsd takes the peer's uid on its own socket anyway)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name and no passwd entry (a bare container)
        return "packdesk"


def printer_uri(queue: str) -> str:
    return f"ipp://localhost/printers/{queue}"


def printer_state(connection: IppConnection, queue: str) -> dict[str, object] | None:
    """The queue's printer-state, printer-state-message and printer-is-accepting-jobs;
    None when cupsd has no such queue."""
    wanted = ["printer-state", "printer-state-message", "printer-is-accepting-jobs"]
    response = connection.request(
        f"/printers/{queue}", GET_PRINTER_ATTRIBUTES,
        [(OPERATION, _operation_attributes(printer_uri(queue))
          + [(KEYWORD, "requested-attributes", wanted)])], idempotent=True)
    if response.status == NOT_FOUND:
        return None
    _raise_unless_ok(response)
    return {name: response.first(PRINTER, name) for name in wanted}


def print_job(connection: IppConnection, queue: str, title: str, document_format: str,
              document: bytes, job_attributes: list[tuple[int, str, list]]) -> int:
    """Print-Job: the job id cupsd gave the document."""
    operation = _operation_attributes(printer_uri(queue)) + [
        (NAME, "job-name", [title[:255]]), (MIME, "document-format", [document_format])]
    groups = [(OPERATION, operation)] + ([(JOB, job_attributes)] if job_attributes else [])
    response = connection.request(f"/printers/{queue}", PRINT_JOB, groups, document)
    _raise_unless_ok(response)
    job_id = response.first(JOB, "job-id")
    if not isinstance(job_id, int):
        raise IppError(response.status, Msg("the CUPS scheduler gave no job id"))
    return job_id


def job_attribute(name: str, value: str) -> tuple[int, str, list]:
    """A `-o name=value` option as an attribute, typed the way lp's options are: a number,
    true/false, else a keyword."""
    if value.lstrip("-").isdigit():
        return INTEGER, name, [int(value)]
    if value.lower() in ("true", "false"):
        return BOOLEAN, name, [value.lower() == "true"]
    return KEYWORD, name, [value]


def _raise_unless_ok(response: IppResponse) -> None:
    if response.status > 0x00FF:
        message = response.first(OPERATION, "status-message", "") or ""
        raise IppError(response.status, str(message))
