"""A threaded HTTP server on 127.0.0.1 with fault injection and a record of applied changes.

Faults come from `server.faults.inject(...)` in-process, or from POST /__control__/faults with
the same fields as JSON when the app under test runs in another process.
"""

from __future__ import annotations

import json
import socket
import ssl
import struct
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

FAULT_KINDS = ("429", "500", "503", "slow", "drop", "malformed", "throttle", "dup")


@dataclass
class Fault:
    kind: str
    match: str = ""  # substring of the request label; "" hits the next request
    count: int = 1
    retry_after: float = 1.0
    delay_s: float = 2.0
    after_apply: bool = False  # let the change land, then fail the answer (ambiguous outcome)

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {self.kind!r}; choose one of {FAULT_KINDS}")


class Faults:
    def __init__(self) -> None:
        self._queue: deque[Fault] = deque()
        self._lock = threading.Lock()

    def inject(self, kind: str, **options: Any) -> Fault:
        fault = Fault(kind, **options)
        with self._lock:
            self._queue.append(fault)
        return fault

    def take(self, label: str) -> Fault | None:
        with self._lock:
            for fault in self._queue:
                if fault.match in label:
                    fault.count -= 1
                    if fault.count <= 0:
                        self._queue.remove(fault)
                    return fault
        return None

    def pending(self) -> int:
        with self._lock:
            return sum(f.count for f in self._queue)


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    fault: Fault | None = None
    secure: bool = False  # it came over TLS

    def json(self) -> Any:
        return json.loads(self.body or b"null")

    def form(self) -> dict[str, str]:
        return {k: v[-1] for k, v in parse_qs(self.body.decode(), keep_blank_values=True).items()}


@dataclass
class Reply:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def json(cls, payload: Any, status: int = 200, **headers: str) -> Reply:
        return cls(status, json.dumps(payload).encode(),
                   {"Content-Type": "application/json; charset=utf-8", **headers})


class ChannelServer:
    """Subclasses implement `handle(request) -> Reply` and may refine `label` and `fault_reply`."""

    def __init__(self) -> None:
        self.faults = Faults()
        self.lock = threading.RLock()
        self.applied: list[dict[str, Any]] = []
        self.request_log: list[str] = []
        self._in_flight = 0
        self._idle = threading.Condition()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.ssl_context: ssl.SSLContext | None = None  # set before start() to speak https

    # -- to override --------------------------------------------------------------------
    def handle(self, request: Request) -> Reply:
        raise NotImplementedError

    def label(self, request: Request) -> str:
        return f"{request.method} {request.path}"

    def fault_reply(self, fault: Fault, request: Request) -> Reply | None:
        return None

    # -- lifecycle ----------------------------------------------------------------------
    @property
    def url(self) -> str:
        assert self._httpd is not None, "server not started"
        host, port = self._httpd.server_address[:2]
        return f"{'https' if self.ssl_context else 'http'}://{host}:{port}"

    def start(self) -> ChannelServer:
        handler = type("Handler", (_Handler,), {"channel_server": self})
        self._httpd = _QuietServer(("127.0.0.1", 0), handler)
        if self.ssl_context is not None:
            self._httpd.socket = self.ssl_context.wrap_socket(self._httpd.socket,
                                                              server_side=True)
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True,
                                        name=f"{type(self).__name__}")
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> ChannelServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def wait_idle(self, timeout_s: float = 10.0) -> bool:
        """Block until no request is being answered (a slow fault may still be applying)."""
        with self._idle:
            return self._idle.wait_for(lambda: self._in_flight == 0, timeout_s)

    def _busy(self, delta: int) -> None:
        with self._idle:
            self._in_flight += delta
            self._idle.notify_all()

    def record(self, **change: Any) -> None:
        with self.lock:
            self.applied.append(change)

    def control(self, request: Request) -> Reply:
        if request.path == "/__control__/faults" and request.method == "POST":
            fault = self.faults.inject(**request.json())
            return Reply.json(asdict(fault), 201)
        if request.path == "/__control__/applied":
            with self.lock:
                return Reply.json(self.applied)
        return Reply.json({"error": "unknown control path"}, 404)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Connections we reset on purpose end in socket errors; they are not news."""


class _Handler(BaseHTTPRequestHandler):
    channel_server: ChannelServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
        return

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def _serve(self) -> None:
        server = self.channel_server
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        request = Request(self.command, parts.path,
                          {k: v[-1] for k, v in parse_qs(parts.query).items()},
                          {k.lower(): v for k, v in self.headers.items()},
                          self.rfile.read(length) if length else b"",
                          secure=isinstance(self.connection, ssl.SSLSocket))
        if parts.path.startswith("/__control__/"):
            self._send(server.control(request))
            return
        label = server.label(request)
        with server.lock:
            server.request_log.append(label)
        fault = server.faults.take(label)
        request.fault = fault
        server._busy(+1)
        try:
            self._answer(server, request, fault)
        finally:
            server._busy(-1)

    def _answer(self, server: ChannelServer, request: Request, fault: Fault | None) -> None:
        if fault is None or fault.kind in ("dup", "throttle"):
            special = server.fault_reply(fault, request) if fault else None
            self._send(special or server.handle(request))
            return
        if fault.kind == "slow":
            time.sleep(fault.delay_s)
            self._send(server.handle(request))
            return
        if fault.after_apply:
            server.handle(request)
        if fault.kind == "429":
            self._send(Reply.json({"errors": "Too Many Requests"}, 429,
                                  **{"Retry-After": f"{fault.retry_after:g}"}))
        elif fault.kind in ("500", "503"):
            self._send(Reply(int(fault.kind), b"<html>upstream error</html>",
                             {"Content-Type": "text/html"}))
        elif fault.kind == "malformed":
            self._send(Reply(200, b'{"orders": [{"id": 1,', {"Content-Type": "application/json"}))
        elif fault.kind == "drop":
            self._reset()

    def _reset(self) -> None:
        """Close with RST, as a crashing proxy or a flaky NAT does."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()

    def _send(self, reply: Reply) -> None:
        try:
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


def recorded_orders(path: str | Path, is_order: Callable[[dict[str, Any]], bool]
                    ) -> list[dict[str, Any]]:
    """The order objects in a recorded payload (an API answer saved as it came, envelope and
    all), outermost first: what a server replays. Written here, apart from Packdesk's
    replay reader."""
    found: list[dict[str, Any]] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if is_order(value):
                found.append(value)
                return
            for inner in value.values():
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    walk(json.loads(Path(path).read_text(encoding="utf-8")))
    return found
