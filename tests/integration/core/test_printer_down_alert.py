"""A shipping label that has waited minutes for a printer that is off raises "printer down";
when the printer comes back and takes the label, the alert clears (issue 18)."""

from __future__ import annotations

import socket
import time
from datetime import UTC, datetime, timedelta

from app.adapters.print_queue import StorePrintQueue
from app.adapters.unit_of_work import uow_factory
from app.domain.alert_routes import AlertRoute
from app.domain.alerts import AlertKind
from app.domain.print_jobs import JobState, StoredJob
from app.services.alert_notices import add_route
from app.services.alerts import open_alerts, refresh_alerts
from printing.spooler import RetryPolicy, Spooler
from sync.alert_delivery import AlertDelivery
from tests.channel_servers.robot_servers import WeComRobotServer
from tests.parts.cups import ZplListener

ZPL = "application/vnd.zebra-zpl"


def _closed_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return probe.getsockname()[1]


def _wait(condition, timeout_s: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and not condition():
        time.sleep(0.05)
    return condition()


def test_a_label_waiting_for_a_printer_that_is_off_raises_printer_down(store, credentials):
    ahead = [timedelta(0)]
    uow = uow_factory(store.session_factory, "bench-1",
                      clock=lambda: datetime.now(UTC) + ahead[0])
    port = _closed_port()  # the printer is off
    queue = StorePrintQueue(store.engine, "bench-1")
    job_id = queue.add(StoredJob(None, "", "Label PD-1 ZX1", f"zpl:127.0.0.1:{port}", ZPL,
                                 b"^XA^FDPD-1^FS^XZ", kind="shipping_label", subject="PD-1"))
    with WeComRobotServer() as robot:
        add_route(uow(), AlertRoute("floor", "wecom", robot.webhook, ["printer_down"]))
        spooler = Spooler(queue=queue, retry=RetryPolicy(first_delay=0.2, max_delay=0.5))
        printer = None
        try:
            assert _wait(lambda: queue.unfinished()[0].attempts >= 1)
            assert refresh_alerts(uow()).raised == ()  # a moment's wait is no outage
            ahead[0] = timedelta(minutes=6)
            [alert] = refresh_alerts(uow()).raised
            assert alert.kind == AlertKind.PRINTER_DOWN
            assert alert.message.startswith(f"Shipping labels for PD-1 have waited 6 min for "
                                            f"printer zpl:127.0.0.1:{port} at bench-1: ")
            assert AlertDelivery(uow, credentials).deliver().sent == 1
            printer = ZplListener(port)  # switched on again
            assert _wait(lambda: spooler.job(job_id).state is JobState.ACCEPTED)
            refresh_alerts(uow())
            assert [a.cleared for a in open_alerts(uow())] == [True]
            assert AlertDelivery(uow, credentials).deliver().sent == 1
        finally:
            spooler.close()
            if printer is not None:
                printer.close()
        contents = [m["content"] for m in robot.messages()]
    assert contents[0].startswith("**[Packdesk] Printer down: zpl:127.0.0.1:")
    assert contents[1].startswith("**[Packdesk] Cleared - Printer down: zpl:127.0.0.1:")
