"""The GUI benches' scanner (bench/scanner_keys.py) types like a wedge scanner, so a main
thread busy between two keys never cuts a code in two (issue 20: 3 of 14 GUI bench runs
"hung" after an order's last item: one of its item codes had been cut, refused as
unknown, and the order never completed)."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from bench.scanner_keys import Scanner
from scanners.wedge import KeyboardWedge

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

CODE = "6900000018835"


@pytest.fixture
def field(qtbot):
    line = QLineEdit()
    qtbot.addWidget(line)
    line.show()
    qtbot.waitExposed(line)
    line.setFocus()
    return line


@pytest.fixture
def wedge(qapp):
    source = KeyboardWedge()
    source.install(qapp)
    yield source
    source.uninstall()


def _busy_main_thread(ms: float) -> None:
    """A callback that keeps the main thread, as a label's answer or an order's paint can."""
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        pass


def test_a_stall_between_two_unstamped_keys_cuts_the_code(qtbot, field, wedge):
    """How the bench used to type (QTest.keyClick, 4 ms apart, from the main thread): a
    callback of 80 ms between the 7th and 8th key is, to the wedge, a scanner that paused
    longer than its hold time, so the first keys are typing. This is what the bench saw."""
    scans = []
    wedge.scanned.connect(lambda text, *_: scans.append(text))
    for index, char in enumerate(CODE):
        if index == 7:
            QTimer.singleShot(0, lambda: _busy_main_thread(wedge.hold_ms + 20))
        QTest.keyClick(field, char, Qt.KeyboardModifier.NoModifier, 4)
    QTest.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, 4)
    QTest.qWait(100)
    assert scans == [CODE[7:]]  # '018835': "not a product code Packdesk knows"
    assert field.text() == CODE[:7]


@pytest.mark.parametrize("stall_ms", [80, 150, 400])
def test_the_bench_scanner_stays_one_scan_while_the_main_thread_is_busy(qtbot, field, wedge,
                                                                        stall_ms):
    """The bench's scanner stamps each key with when it was pressed and hands the burst
    over as the window system does after the main thread was busy: the same stall while it
    types leaves one scan, and nothing typed into the field."""
    scans = []
    wedge.scanned.connect(lambda text, *_: scans.append(text))
    scanner = Scanner(field)
    QTimer.singleShot(10, lambda: _busy_main_thread(stall_ms))  # after the second key or so
    scanner.type(CODE)
    scanner.enter()
    qtbot.waitUntil(lambda: bool(scans), timeout=2000)
    QTest.qWait(100)
    assert scans == [CODE]
    assert field.text() == ""
