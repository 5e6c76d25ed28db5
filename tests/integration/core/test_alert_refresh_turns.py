"""The alerts refresh writes what it found in one short step, after a scan that is in the
store (app/services/turns.py, issue 20): its reads run beside the scan, its writes wait."""

from __future__ import annotations

import threading

from app.services.alerts import refresh_alerts


def test_the_refresh_writes_after_the_scan_that_is_in_the_store(demo_store, uow):
    events: list[str] = []
    refreshed = threading.Event()

    def refresh() -> None:
        refresh_alerts(uow())
        events.append("alerts stored")
        refreshed.set()

    refresher = threading.Thread(target=refresh)
    with uow.turns.person():  # a scan on the store worker
        refresher.start()
        for _ in range(10_000):  # the refresh read its facts and waits to write them
            if uow.turns.steps_waited or refreshed.is_set():
                break
            threading.Event().wait(0.001)
        events.append("scan answered")
    refresher.join(10)
    assert uow.turns.steps_waited == 1
    assert events == ["scan answered", "alerts stored"]
    with uow() as u:
        assert u.alerts.mark() is not None  # the refresh's mark was written all the same
