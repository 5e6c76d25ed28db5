"""The print queue in the store: a job is claimed once, stations keep to their own jobs,
and a job the app was killed while sending is not sent again (it may have printed)."""

from __future__ import annotations

import pytest

from app.adapters.print_queue import StorePrintQueue
from app.adapters.store import open_store
from app.domain.print_jobs import JobState, StoredJob
from printing.spooler import Spooler
from tests.parts.cups import ZplListener

ZPL = "application/vnd.zebra-zpl"


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    url = (f"sqlite:///{tmp_path / 'queue.db'}" if request.param == "sqlite"
           else request.getfixturevalue("postgres_url"))
    store = open_store(url)
    yield store.engine
    store.dispose()


def _job(printer: str = "zpl:127.0.0.1:9", state: JobState = JobState.QUEUED) -> StoredJob:
    return StoredJob(None, "", "Label PD-1 ZX1", printer, ZPL, b"^XA^FDPD-1^FS^XZ",
                     kind="shipping_label", subject="PD-1", state=state)


def test_a_job_is_claimed_by_one_spooler_and_never_by_another_station(engine):
    one, again, other = (StorePrintQueue(engine, s) for s in ("bench-1", "bench-1", "bench-2"))
    job_id = one.add(_job())
    assert other.unfinished() == [] and other.last("shipping_label") is None
    assert not other.move(job_id, {JobState.QUEUED}, state=JobState.SENT)
    assert one.move(job_id, {JobState.QUEUED}, state=JobState.SENT, attempts=1)
    assert not again.move(job_id, {JobState.QUEUED}, state=JobState.SENT, attempts=1)
    [kept] = again.unfinished()
    assert (kept.state, kept.attempts, kept.content) == (JobState.SENT, 1, b"^XA^FDPD-1^FS^XZ")
    assert one.last("shipping_label").subject == "PD-1"


def test_a_job_killed_while_sending_fails_with_the_reason_and_is_not_sent_again(engine):
    printer = ZplListener()
    queue = StorePrintQueue(engine, "bench-1")
    try:
        sending = queue.add(_job(f"zpl:127.0.0.1:{printer.port}", JobState.SENT))
        waiting = queue.add(_job(f"zpl:127.0.0.1:{printer.port}"))
        spooler = Spooler(queue=queue)
        try:
            assert spooler.wait(waiting, 10).state is JobState.ACCEPTED
            interrupted = spooler.job(sending)
            assert interrupted.state is JobState.FAILED
            assert "may have printed" in interrupted.reason
        finally:
            spooler.close()
        assert printer.wait_for(1) == [b"^XA^FDPD-1^FS^XZ"]
        assert len(printer.payloads) == 1 and queue.unfinished() == []
    finally:
        printer.close()
