"""A full disk at the folder printer: the job waits with a clear reason, leaves no partial
file, and prints once there is room again."""

from __future__ import annotations

import time

import pytest

from printing.printers import Document, PdfFolderPrinter, PrinterUnavailable
from printing.spooler import JobState, RetryPolicy, Spooler


def _wait_for(spooler, job_id, condition, timeout=10.0):
    """The job once condition(job) holds (or as it is when timeout passes)."""
    end = time.monotonic() + timeout
    while not condition(spooler.job(job_id)) and time.monotonic() < end:
        spooler.wait(job_id, 0.02)  # returns early when the job changes state
    return spooler.job(job_id)


LABEL = Document("Label PD-1 ZX0001", b"%PDF-1.4 " + b"x" * 20_000, kind="shipping_label")


def test_a_full_disk_is_named_and_leaves_no_partial_file(full_disk):
    printer = PdfFolderPrinter(full_disk.folder / "labels")
    with pytest.raises(PrinterUnavailable) as failed:
        printer.submit(LABEL)
    assert failed.value.reason.startswith(
        f"label not saved: disk full at {full_disk.folder / 'labels'}")
    assert list((full_disk.folder / "labels").iterdir()) == []
    full_disk.make_room()
    written = printer.submit(LABEL)
    assert [p.name for p in (full_disk.folder / "labels").iterdir()] == [written.split("/")[-1]]
    with open(written, "rb") as label:
        assert label.read() == LABEL.content


def test_the_spooler_keeps_a_label_the_full_disk_refused_until_there_is_room(full_disk):
    spooler = Spooler(retry=RetryPolicy(first_delay=0.02, max_delay=0.05))
    try:
        job_id = spooler.submit(PdfFolderPrinter(full_disk.folder), LABEL)
        waiting = _wait_for(spooler, job_id, lambda job: job.attempts >= 2)
        assert waiting.state is JobState.QUEUED
        assert waiting.reason.startswith(f"label not saved: disk full at {full_disk.folder}")
        assert [p.name for p in full_disk.folder.iterdir() if p.name != "filler.bin"] == []
        full_disk.make_room()
        job = spooler.wait(job_id, 10)
        assert job.state is JobState.ACCEPTED
        with open(job.reference, "rb") as label:
            assert label.read() == LABEL.content
    finally:
        spooler.close()
