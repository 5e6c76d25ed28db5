"""A serial scanner on a pty: lines become scans; unplug and replug are survived and said."""

from __future__ import annotations

import os

import pytest

from scanners.serial import SerialScanner


@pytest.fixture
def serial_source(pty_scanner, qtbot):
    source = SerialScanner(pty_scanner.device, baud=9600, retry_ms=50)
    with qtbot.waitSignal(source.status_changed, timeout=3000) as blocker:
        source.start()
    assert blocker.args == [f"Serial scanner on {pty_scanner.device} connected"]
    yield source
    source.stop()


def test_a_line_is_a_scan(qtbot, pty_scanner, serial_source):
    with qtbot.waitSignal(serial_source.scanned, timeout=3000) as blocker:
        pty_scanner.send(b"4006381333931\r\n")
    assert blocker.args == ["4006381333931", "ean13", "serial"]


def test_lines_split_across_reads_and_every_line_end(qtbot, pty_scanner, serial_source):
    scans = []
    serial_source.scanned.connect(lambda text, *_: scans.append(text))
    pty_scanner.send(b"SKU-RE")
    pty_scanner.send(b"D-42\r\nORD-1\rORD-2\n\r\n")
    pty_scanner.send("0109501101530003\x1d10LOT-\u00e9\r".encode())
    qtbot.waitUntil(lambda: len(scans) == 4, timeout=3000)
    assert scans == ["SKU-RED-42", "ORD-1", "ORD-2", "0109501101530003\x1d10LOT-\u00e9"]


def test_custom_suffix(qtbot, pty_scanner):
    source = SerialScanner(pty_scanner.device, suffix="#", retry_ms=50)
    source.start()
    try:
        with qtbot.waitSignal(source.scanned, timeout=3000) as blocker:
            pty_scanner.send(b"ABC123#")
        assert blocker.args[0] == "ABC123"
    finally:
        source.stop()


def test_unplug_and_replug_are_survived_and_said(qtbot, pty_scanner, serial_source):
    device = pty_scanner.device
    with qtbot.waitSignal(serial_source.status_changed, timeout=3000) as gone:
        pty_scanner.unplug()
    assert gone.args[0].startswith(f"Serial scanner on {device} disconnected")
    assert not serial_source.connected
    with qtbot.waitSignal(serial_source.status_changed, timeout=5000) as back:
        pty_scanner.plug()
    assert back.args == [f"Serial scanner on {device} reconnected"]
    with qtbot.waitSignal(serial_source.scanned, timeout=3000) as blocker:
        pty_scanner.send(b"AFTER-REPLUG\r\n")
    assert blocker.args[0] == "AFTER-REPLUG"


def test_missing_port_says_so_and_connects_when_it_appears(qtbot, tmp_path, pty_scanner):
    pty_scanner.unplug()
    source = SerialScanner(pty_scanner.device, retry_ms=50)
    with qtbot.waitSignal(source.status_changed, timeout=3000) as missing:
        source.start()
    try:
        assert "not found" in missing.args[0] and pty_scanner.device in missing.args[0]
        assert not os.path.exists(pty_scanner.device)
        with qtbot.waitSignal(source.status_changed, timeout=5000) as found:
            pty_scanner.plug()
        assert found.args == [f"Serial scanner on {pty_scanner.device} connected"]
    finally:
        source.stop()
