"""The Print log window opens over a log whose last line a kill cut short, mid-character."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from printing.job_log import FileJobLog
from printing.spooler import JobState, PrintJob, Spooler
from ui.print_log import PrintBridge, PrintLog


def test_the_print_log_opens_when_its_last_line_was_torn_by_a_kill(qtbot, qtmodeltester,
                                                                    tmp_path):
    path = tmp_path / "print-log.jsonl"
    earlier = FileJobLog(path)
    at = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
    earlier.record(PrintJob(7, "Label PD-7 ZX7", "folder x", JobState.ACCEPTED), at)
    torn = json.dumps({"session": earlier.session, "at": at.isoformat(), "id": 8,
                       "title": "Label PD-8 寄往上海", "printer": "folder x",
                       "state": "queued"}, ensure_ascii=False).encode()
    with path.open("ab") as log:
        log.write(torn[:torn.index("上".encode()) + 1])  # killed inside a character

    bridge = PrintBridge()
    spooler = Spooler(FileJobLog(path), on_change=bridge.spooler_callback)
    try:
        window = PrintLog(spooler, bridge)
        qtbot.addWidget(window)
        window.show()
        qtmodeltester.check(window.model)
        rows = [window.model.index(row, 1).data() for row in range(window.model.rowCount())]
        assert rows == ["11/22/26, 9:00\u202fAM Label PD-7 ZX7"]  # CLDR en, by Babel
        assert window.notice.text() == ("Left out: 1 line(s) of the print log that could not "
                                        "be read (cut short when the app stopped).")
        assert window.notice.isVisible()
    finally:
        spooler.close()
