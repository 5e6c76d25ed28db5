"""A station's print spooler, wired as main.py wires it, for the restart test to kill.

Run as: python -m tests.e2e.print_child STORE_URL STATION PORT LOG_DIR queue|resume.
"queue" hands one shipping label (ZPL) to the label printer on 127.0.0.1:PORT, prints
"queued <job id>" once the spooler has accepted it, and keeps trying until it is killed.
"resume" starts the spooler as the app starts it, prints "resumed <jobs>", waits until
every job is final and prints "done <states>".
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from app.adapters.print_queue import StorePrintQueue
from app.adapters.store import open_store
from printing.job_log import FileJobLog
from printing.spooler import RetryPolicy, Spooler
from printing.station import PrinterKind, Route, make_printer, render_labels
from tests.unit.printing.samples import label


def main(url: str, station: str, port: str, log_dir: str, mode: str) -> int:
    store = open_store(url)
    # "queue" tries once and then waits (a kill lands on a job back in the queue, not on
    # one caught sending, which a restart rightly refuses to send twice); "resume" retries
    # quickly
    retry = RetryPolicy(first_delay=3600 if mode == "queue" else 0.05, factor=2,
                        max_delay=3600 if mode == "queue" else 0.2)
    spooler = Spooler(FileJobLog(Path(log_dir) / "print-log.jsonl"), retry,
                      queue=StorePrintQueue(store.engine, station))
    if mode == "queue":
        route = Route(PrinterKind.ZPL_TCP, f"127.0.0.1:{port}")
        document = render_labels([label(f"ZX{port:0>8}CN", order_number="PD-4242")], route)
        print("queued", spooler.submit(make_printer(route), document, subject="PD-4242"),
              flush=True)
        while True:
            time.sleep(1)
    print("resumed", len(spooler.jobs()), flush=True)
    idle = spooler.wait_idle(30)
    print("done", ",".join(job.state.value for job in spooler.jobs()) if idle else "timeout",
          flush=True)
    spooler.close()
    store.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:6]))
