"""Label benchmarks: one 4x6 label with CJK text, a batch of 1,000, and render-to-spooler.

label_to_spooler_ms runs the path a completed pack takes after the last scan: render the
label on the spooler's worker and submit it to the CUPS queue PDF, until CUPS accepts it
(returns a job id). It needs a running cupsd with that queue (tests/parts/cups.py makes
one); without it the row says so instead of failing the whole bench.
"""

from __future__ import annotations

import io
import statistics
import threading
import time
from datetime import datetime

from printing.documents import Address, ShippingLabelData
from printing.labels import render_shipping_label, render_shipping_labels
from printing.printers import CupsPrinter, PrinterUnavailable
from printing.spooler import JobState, MemoryJobLog, RetryPolicy, Spooler
from printing.station import PrinterKind, Route, render_labels
from printing.zpl import render_shipping_label_zpl

SENDER = Address("Packdesk Demo Shop", "+86 21 5555 0100", "上海市浦东新区张江路88号", "3号仓库",
                 "上海", "上海", "201203", "中国")
RECEIVERS = [
    Address("山田 太郎", "+81 90-1234-5678", "東京都新宿区西新宿2丁目8-1", "都庁第一本庁舎 32階",
            "新宿区", "東京都", "163-8001", "日本"),
    Address("김민수", "+82 10-1234-5678", "서울특별시 중구 세종대로 110", "", "중구", "서울",
            "04524", "대한민국"),
    Address("Zoë Lefèvre-Ågård", "+33 4 72 00 00 00", "12 rue de la République", "Bâtiment É",
            "Lyon", "", "69002", "France"),
]
QUEUE = "PDF"


def _label(n: int) -> ShippingLabelData:
    return ShippingLabelData(f"PD-{n:06d}", "Shopify", f"#{1000 + n}", f"ZX{n:08d}CN",
                             "Own Fleet", "Next day", SENDER, RECEIVERS[n % 3], 1, 1,
                             500 + n % 2000, datetime(2026, 11, 22, 9, 30))


def _median_ms(action, repeat: int) -> float:
    action(0)  # warm-up: font loading happens once per process
    samples = []
    for n in range(1, repeat + 1):
        start = time.perf_counter()
        action(n)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _row(key, value, unit, target, note):
    return {"key": key, "value": value, "unit": unit, "target": target, "note": note}


def _to_spooler_ms(repeat: int = 10) -> tuple[float, str]:
    printer = CupsPrinter(QUEUE)
    try:
        printer.check()
    except PrinterUnavailable as exc:
        return float("nan"), f"skipped: {exc}"
    accepted = threading.Event()
    spooler = Spooler(MemoryJobLog(), RetryPolicy(max_attempts=1),
                      on_change=lambda job: job.state in (JobState.ACCEPTED, JobState.FAILED)
                      and accepted.set())
    route = Route(PrinterKind.CUPS, QUEUE, "4x6")
    samples = []
    try:
        for n in range(repeat):
            accepted.clear()
            labels = [_label(n)]
            start = time.perf_counter()
            job_id = spooler.submit_batch(printer, labels[0].order_number, 1,
                                          lambda p, c, labels=labels:
                                          render_labels(labels, route, p, c))
            accepted.wait(30)
            samples.append((time.perf_counter() - start) * 1000)
            job = spooler.job(job_id)
            if job.state is not JobState.ACCEPTED:
                return float("nan"), f"job {job_id} {job.state}: {job.reason}"
    finally:
        spooler.close()
    return statistics.median(samples), f"median of {repeat}, CUPS queue {QUEUE} (cups-pdf)"


def run() -> list[dict]:
    render_ms = _median_ms(lambda n: render_shipping_label(_label(n), io.BytesIO()), 30)
    zpl_ms = _median_ms(lambda n: render_shipping_label_zpl(_label(n)), 30)
    start = time.perf_counter()
    pages = render_shipping_labels((_label(n) for n in range(1000)), io.BytesIO())
    batch_s = time.perf_counter() - start
    spool_ms, spool_note = _to_spooler_ms()
    return [
        _row("label_render_ms", render_ms, "ms", "< 50", "one 4x6 PDF, CJK + Latin, median of 30"),
        _row("label_zpl_render_ms", zpl_ms, "ms", "< 5", "one 4x6 ZPL label, median of 30"),
        _row("label_batch_1000_s", batch_s, "s", "< 60", f"{pages} labels, one multi-page PDF"),
        _row("label_to_spooler_ms", spool_ms, "ms", "<= 300 incl. scan", spool_note),
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
