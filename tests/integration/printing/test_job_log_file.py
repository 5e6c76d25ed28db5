"""The print log survives a restart, and a line cut short by a crash is skipped."""

from datetime import UTC, datetime

from printing.job_log import FileJobLog
from printing.spooler import JobState, PrintJob


def test_the_print_log_keeps_each_jobs_last_state_across_sessions(tmp_path):
    path = tmp_path / "print-log.jsonl"
    first = FileJobLog(path)
    at = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
    first.record(PrintJob(1, "Label PD-1", "folder x"), at)
    first.record(PrintJob(1, "Label PD-1", "folder x", JobState.ACCEPTED, reference="f.pdf"), at)
    with path.open("a") as log:
        log.write('{"session": "crashed", "at": "2026-11-22T09:0')  # killed mid-write
        log.write("\n")
    second = FileJobLog(path)
    second.record(PrintJob(1, "Label PD-2", "ZEBRA", JobState.FAILED, "connection refused"), at)
    jobs = [(job.title, job.state, job.reason) for _at, job in FileJobLog(path).recent()]
    assert jobs == [("Label PD-1", JobState.ACCEPTED, ""),
                    ("Label PD-2", JobState.FAILED, "connection refused")]


def test_the_next_session_does_not_glue_its_first_line_to_a_torn_one(tmp_path):
    path = tmp_path / "print-log.jsonl"
    at = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
    FileJobLog(path).record(PrintJob(1, "Label PD-1", "folder x", JobState.ACCEPTED), at)
    with path.open("ab") as log:
        log.write('{"session": "crashed", "title": "面'.encode()[:-1])  # no newline, mid-char
    FileJobLog(path).record(PrintJob(1, "Label PD-2", "ZEBRA", JobState.ACCEPTED), at)
    read = FileJobLog(path).read()
    assert [job.title for _at, job in read.jobs] == ["Label PD-1", "Label PD-2"]
    assert read.unreadable == 1
