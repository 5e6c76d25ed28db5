"""Real printing parts: a running cupsd with a cups-pdf queue and a raw ZPL queue, and a
TCP listener that plays a Zebra printer on 127.0.0.1.

`cups_server` (session) starts cupsd when `lpstat -r` says it is not running, points
cups-pdf at a folder under /tmp (with job ids in file names, so parallel runs don't mix),
and adds the queues PDF (cups-pdf) and ZEBRA (socket:// to a session listener, raw).
Without cupsd, cups-pdf or root, the test fails in CI and skips elsewhere.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")
CUPS_PDF_OUT = Path("/tmp/packdesk-cups-pdf")
CUPS_HOW_TO = ("apt-get install --no-install-recommends cups-daemon cups-client "
               "printer-driver-cups-pdf poppler-utils, and run the tests as root")


def free_port() -> int:
    """A port on 127.0.0.1 that nobody listens on (bound, then released): a printer "off"."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ZplListener:
    """A TCP server that takes whatever a client sends, one payload per connection."""

    def __init__(self, port: int = 0) -> None:
        self._server = socket.create_server(("127.0.0.1", port))
        self.port = self._server.getsockname()[1]
        self.payloads: list[bytes] = []
        self._arrived = threading.Condition()
        self._thread = threading.Thread(target=self._serve, name="zpl-listener", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._server.accept()
            except OSError:
                return  # closed
            with conn:
                chunks = []
                while chunk := conn.recv(65536):
                    chunks.append(chunk)
            with self._arrived:
                self.payloads.append(b"".join(chunks))
                self._arrived.notify_all()

    def wait_for(self, count: int, timeout: float = 20.0) -> list[bytes]:
        """The first `count` payloads; fails the test if they do not arrive in time."""
        with self._arrived:
            ok = self._arrived.wait_for(lambda: len(self.payloads) >= count, timeout)
            assert ok, f"the ZPL listener got {len(self.payloads)} of {count} payloads"
            return list(self.payloads[:count])

    def close(self) -> None:
        try:
            self._server.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        except OSError:
            pass
        self._server.close()
        self._thread.join(2)


def _scheduler_running() -> bool:
    if not shutil.which("lpstat"):
        return False
    out = subprocess.run(["lpstat", "-r"], capture_output=True, text=True, check=False)
    return out.stdout.strip() == "scheduler is running"


def _start_cupsd() -> bool:
    if not shutil.which("cupsd") or os.geteuid() != 0:
        return False
    subprocess.run(["cupsd"], check=False)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if _scheduler_running():
            return True
        time.sleep(0.1)  # cupsd start-up, outside any Qt test
    return False


def _point_cups_pdf_at(folder: Path) -> None:
    """cups-pdf reads its config per job: Out is the folder, Label 2 puts job ids in names."""
    folder.mkdir(parents=True, exist_ok=True)
    text = CUPS_PDF_CONF.read_text()
    for key, value in (("Out", str(folder)), ("Label", "2")):
        text, n = re.subn(rf"(?m)^#?{key}\s.*$", f"{key} {value}", text, count=1)
        if not n:
            text += f"\n{key} {value}\n"
    CUPS_PDF_CONF.write_text(text)


def lpadmin(*args: str) -> None:
    out = subprocess.run(["lpadmin", *args], capture_output=True, text=True, check=False)
    assert out.returncode == 0, f"lpadmin {' '.join(args)} failed: {out.stderr}"


@dataclass
class CupsServer:
    pdf_queue: str
    zpl_queue: str
    pdf_out: Path
    zpl_listener: ZplListener

    def pdf_of_job(self, job_id: str | int, timeout: float = 30.0) -> Path:
        """The file cups-pdf wrote for a job, once the job completed."""
        import cups

        connection = cups.Connection()
        deadline = time.monotonic() + timeout
        state = 0
        while time.monotonic() < deadline:
            state = connection.getJobAttributes(int(job_id))["job-state"]
            if state >= 7:
                break
            time.sleep(0.05)  # polling the CUPS job state, outside Qt
        assert state == 9, f"CUPS job {job_id} ended in state {state}, not completed"
        found = sorted(self.pdf_out.glob(f"*job_{job_id}.pdf"))
        assert found, f"cups-pdf wrote no file for job {job_id} in {self.pdf_out}"
        return found[0]


@pytest.fixture(scope="session")
def cups_server():
    from tests.parts.require import require_part  # imported late: pytest rewrites it first

    tools = all(shutil.which(t) for t in ("lpstat", "lpadmin", "pdftoppm"))
    backend = Path("/usr/lib/cups/backend/cups-pdf").exists()
    require_part(tools and backend, "CUPS with cups-pdf and poppler", CUPS_HOW_TO)
    require_part(_scheduler_running() or _start_cupsd(), "a running cupsd", CUPS_HOW_TO)
    require_part(os.access(CUPS_PDF_CONF, os.W_OK), f"write access to {CUPS_PDF_CONF}",
                 CUPS_HOW_TO)
    _point_cups_pdf_at(CUPS_PDF_OUT)
    listener = ZplListener()
    lpadmin("-p", "PDF", "-E", "-v", "cups-pdf:/", "-m", "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd")
    lpadmin("-p", "ZEBRA", "-E", "-v", f"socket://127.0.0.1:{listener.port}", "-m", "raw")
    yield CupsServer("PDF", "ZEBRA", CUPS_PDF_OUT, listener)
    listener.close()


@pytest.fixture
def zpl_listener():
    listener = ZplListener()
    yield listener
    listener.close()
