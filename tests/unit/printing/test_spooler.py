"""The print queue with real back-ends: a folder, and a TCP listener playing the printer."""

import threading

import pytest

from printing.printers import ZPL, Document, PdfFolderPrinter, RawTcpPrinter
from printing.spooler import JobState, MemoryJobLog, RetryPolicy, Spooler
from printing.station import PrinterKind, Route, render_labels
from printing.zpl import read_labels
from tests.parts.cups import ZplListener, free_port
from tests.unit.printing.samples import label

FAST = RetryPolicy(first_delay=0.02, factor=2.0, max_delay=0.1)


@pytest.fixture
def job_log():
    return MemoryJobLog()


@pytest.fixture
def spooler(job_log):
    queue = Spooler(job_log, FAST)
    yield queue
    queue.close()


def _zpl(text: str = "^XA^FDhello^FS^XZ") -> Document:
    return Document("test", text.encode(), ZPL)


def test_a_document_to_a_folder_is_accepted_and_logged_with_times(spooler, job_log, tmp_path):
    job_id = spooler.submit(PdfFolderPrinter(tmp_path / "labels"), Document("PD-1", b"%PDF-1.4"))
    job = spooler.wait(job_id, 10)
    assert job.state is JobState.ACCEPTED
    assert (tmp_path / "labels").glob("PD-1-*.pdf")
    written = list((tmp_path / "labels").iterdir())
    assert [p.read_bytes() for p in written] == [b"%PDF-1.4"]
    assert job.reference == str(written[0])
    assert spooler.printer_state(job_id) is None  # a folder keeps no job states
    history = job_log.history(job_id)
    assert [state for _, state, _ in history] == [JobState.QUEUED, JobState.SENT,
                                                  JobState.ACCEPTED]
    times = [at for at, _, _ in history]
    assert times == sorted(times) and all(at.tzinfo for at in times)


def test_a_printer_that_is_off_keeps_the_job_until_it_comes_back(spooler, job_log):
    port = free_port()
    waiting = threading.Event()
    spooler.on_change = lambda job: waiting.set() if job.reason.startswith("nothing") else None
    job_id = spooler.submit(RawTcpPrinter("127.0.0.1", port, timeout=2), _zpl())
    assert waiting.wait(10), "the job never reported the printer as off"
    assert spooler.job(job_id).state in (JobState.QUEUED, JobState.SENT)
    listener = ZplListener(port)
    try:
        job = spooler.wait(job_id, 10)
        assert job.state is JobState.ACCEPTED
        assert job.attempts >= 2
        assert listener.wait_for(1) == [b"^XA^FDhello^FS^XZ"]
    finally:
        listener.close()
    reasons = [reason for _, state, reason in job_log.history(job_id) if state is JobState.QUEUED]
    assert any("is the printer switched on" in r and "try 2" in r for r in reasons)


def test_a_limited_retry_fails_with_the_reason(job_log):
    queue = Spooler(job_log, RetryPolicy(first_delay=0.01, max_attempts=2))
    try:
        job = queue.wait(queue.submit(RawTcpPrinter("127.0.0.1", free_port()), _zpl()), 10)
    finally:
        queue.close()
    assert job.state is JobState.FAILED
    assert job.attempts == 2
    assert "nothing answers on the port" in job.reason


def test_a_pdf_routed_to_a_zpl_printer_fails_clearly_instead_of_printing_garbage(job_log):
    queue = Spooler(job_log, RetryPolicy(first_delay=0.01, max_attempts=1))
    try:
        job = queue.wait(queue.submit(RawTcpPrinter("127.0.0.1", free_port()),
                                      Document("x", b"%PDF")), 10)
    finally:
        queue.close()
    assert job.state is JobState.FAILED
    assert "cannot print application/pdf" in job.reason


def test_a_waiting_job_can_be_cancelled_and_is_never_sent(spooler):
    port = free_port()
    job_id = spooler.submit(RawTcpPrinter("127.0.0.1", port), _zpl())
    assert spooler.cancel(job_id)
    job = spooler.wait(job_id, 10)
    assert job.state is JobState.CANCELLED
    listener = ZplListener(port)
    try:
        spooler.retry_now()
        follow_up = spooler.submit(RawTcpPrinter("127.0.0.1", port), _zpl("^XA^FDnext^FS^XZ"))
        assert spooler.wait(follow_up, 10).state is JobState.ACCEPTED
        assert listener.wait_for(1) == [b"^XA^FDnext^FS^XZ"]
    finally:
        listener.close()
    assert not spooler.cancel(job_id)  # already final


def test_jobs_for_one_printer_keep_their_order_while_another_printer_goes_on(spooler, tmp_path):
    port = free_port()
    zebra = RawTcpPrinter("127.0.0.1", port)
    first = spooler.submit(zebra, _zpl("^XA^FDfirst^FS^XZ"))
    second = spooler.submit(zebra, _zpl("^XA^FDsecond^FS^XZ"))
    other = spooler.submit(PdfFolderPrinter(tmp_path), Document("slip", b"%PDF"))
    assert spooler.wait(other, 10).state is JobState.ACCEPTED
    assert spooler.job(second).state is JobState.QUEUED
    listener = ZplListener(port)
    try:
        assert spooler.wait(second, 10).state is JobState.ACCEPTED
        assert spooler.job(first).state is JobState.ACCEPTED
        assert listener.wait_for(2) == [b"^XA^FDfirst^FS^XZ", b"^XA^FDsecond^FS^XZ"]
    finally:
        listener.close()


def test_a_batch_renders_on_the_worker_with_progress_and_prints_as_one_job(spooler, zpl_listener):
    route = Route(PrinterKind.ZPL_TCP, f"127.0.0.1:{zpl_listener.port}")
    labels = [label(tracking=f"ZX{n:08d}CN") for n in range(12)]
    progress = []
    spooler.on_change = lambda job: progress.append(job.done)
    job_id = spooler.submit_batch(RawTcpPrinter("127.0.0.1", zpl_listener.port), "12 labels",
                                  len(labels), lambda p, c: render_labels(labels, route, p, c))
    job = spooler.wait(job_id, 30)
    assert job.state is JobState.ACCEPTED and job.done == job.total == 12
    assert [n for n in progress if n] == list(range(1, 13)) + [12, 12]  # then sent, accepted
    printed = read_labels(zpl_listener.wait_for(1)[0])
    barcodes = [f.data for page in printed for f in page if f.command == "^BC"]
    assert barcodes == [f"ZX{n:08d}CN" for n in range(12)]


def test_a_batch_can_be_cancelled_while_it_renders(spooler, tmp_path):
    labels = [label(tracking=f"ZX{n:08d}CN") for n in range(50)]
    route = Route(PrinterKind.PDF_FOLDER, str(tmp_path))
    job_id = 0

    def render(progress, cancelled):
        def progress_then_cancel(done):
            progress(done)
            if done == 3:
                spooler.cancel(job_id)
        return render_labels(labels, route, progress_then_cancel, cancelled)

    job_id = spooler.submit_batch(PdfFolderPrinter(tmp_path), "50 labels", 50, render)
    job = spooler.wait(job_id, 30)
    assert job.state is JobState.CANCELLED
    assert job.done == 3
    assert list(tmp_path.iterdir()) == []


def test_bad_label_data_fails_the_job_with_a_message_naming_it(spooler, tmp_path):
    route = Route(PrinterKind.PDF_FOLDER, str(tmp_path))
    bad = [label(tracking="运单号")]
    job_id = spooler.submit_batch(PdfFolderPrinter(tmp_path), "bad", 1,
                                  lambda p, c: render_labels(bad, route, p, c))
    job = spooler.wait(job_id, 10)
    assert job.state is JobState.FAILED
    assert "Code 128 takes printable ASCII only" in job.reason


def test_submit_returns_before_anything_is_sent(job_log, tmp_path):
    gate = threading.Event()

    class SlowFolder(PdfFolderPrinter):
        def submit(self, document):
            gate.wait(10)
            return super().submit(document)

    queue = Spooler(job_log, FAST)
    try:
        job_id = queue.submit(SlowFolder(tmp_path), Document("x", b"%PDF"))
        assert queue.job(job_id).state in (JobState.QUEUED, JobState.SENT)
        gate.set()
        assert queue.wait(job_id, 10).state is JobState.ACCEPTED
    finally:
        queue.close()


def test_an_unwritable_folder_is_reported_as_unavailable(spooler, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    spooler.retry = RetryPolicy(first_delay=0.01, max_attempts=1)
    job = spooler.wait(spooler.submit(PdfFolderPrinter(blocker / "labels"),
                                      Document("x", b"%PDF")), 10)
    assert job.state is JobState.FAILED
    assert "document not saved: Not a directory at" in job.reason
