"""Scales over a pty (serial) and a FIFO (hidraw): recorded frames, unstable readings,
overload, negative weight, and a scale unplugged mid-read."""

from __future__ import annotations

import os

import pytest

from scanners.scale import HidScale, SerialScale
from scanners.scale_protocols import ScaleState
from tests.unit.scanners.test_scale_protocols import cas_frame, hid_report


@pytest.fixture
def started(qtbot):
    scales = []

    def start(scale):
        with qtbot.waitSignal(scale.status_changed, timeout=3000) as said:
            scale.start()
        assert said.args == [f"Scale on {scale.path} connected"]
        scales.append(scale)
        return scale

    yield start
    for scale in scales:
        scale.stop()


def collect(scale):
    readings, weights = [], []
    scale.reading.connect(readings.append)
    scale.settled.connect(weights.append)
    return readings, weights


def test_an_mt_sics_scale_is_asked_to_send_and_only_a_held_weight_counts(
        qtbot, pty_scanner, started):
    scale = started(SerialScale(pty_scanner.device, "mt-sics", retry_ms=50))
    readings, weights = collect(scale)
    qtbot.waitUntil(lambda: pty_scanner.received() == b"SIR\r\n", timeout=3000)  # continuous
    pty_scanner.send(b"S D      0.812 kg\r\nS D      1.190 kg\r\n")  # the parcel lands
    pty_scanner.send(b"S S      1.234 kg\r\n" * 3)
    qtbot.waitUntil(lambda: weights == [1234.0], timeout=3000)
    assert [r.stable for r in readings] == [False, False, True, True, True]
    assert scale.settled_g == 1234.0
    pty_scanner.send(b"S +\r\n")  # someone leans on it
    qtbot.waitUntil(lambda: readings[-1].state is ScaleState.OVERLOAD, timeout=3000)
    assert scale.settled_g is None
    assert scale.zero()
    qtbot.waitUntil(lambda: pty_scanner.received().endswith(b"SIR\r\nZ\r\nSIR\r\n"),
                    timeout=3000)


def test_a_text_line_scale_with_a_negative_weight(qtbot, pty_scanner, started):
    scale = started(SerialScale(pty_scanner.device, "text", retry_ms=50, settle=2))
    readings, weights = collect(scale)
    pty_scanner.send(b"US,GS,+  0.400kg\r\nST,NT,-0.012,kg\r\nST,NT,-0.012,kg\r\n")
    qtbot.waitUntil(lambda: len(weights) == 1, timeout=3000)
    assert weights == [-12.0] and readings[-1].negative and readings[-1].net


def test_a_cas_scale_on_request(qtbot, pty_scanner, started):
    scale = started(SerialScale(pty_scanner.device, "cas", retry_ms=50, poll_ms=20, settle=2))
    _readings, weights = collect(scale)
    qtbot.waitUntil(lambda: pty_scanner.received().startswith(b"\x11\x11"), timeout=3000)
    pty_scanner.send(cas_frame("S", " ", "2.250") * 2)
    qtbot.waitUntil(lambda: weights == [2250.0], timeout=3000)


def test_a_scale_unplugged_mid_read_drops_its_weight_and_comes_back(qtbot, pty_scanner,
                                                                     started):
    scale = started(SerialScale(pty_scanner.device, "text", retry_ms=50, settle=2))
    readings, weights = collect(scale)
    statuses = []
    scale.status_changed.connect(statuses.append)
    pty_scanner.send(b"ST,GS,+  1.500kg\r\nST,GS,+  1.500kg\r\n")
    qtbot.waitUntil(lambda: weights == [1500.0], timeout=3000)
    pty_scanner.send(b"ST,GS,+  0.9")  # half a line, then the cable is pulled
    pty_scanner.unplug()
    qtbot.waitUntil(lambda: readings[-1].state is ScaleState.ERROR, timeout=5000)
    assert "disconnected" in readings[-1].detail and scale.settled_g is None
    assert any("disconnected" in s for s in statuses)
    pty_scanner.plug()
    qtbot.waitUntil(lambda: f"Scale on {scale.path} reconnected" in statuses, timeout=5000)
    pty_scanner.send(b"00kg\r\nST,GS,+  0.700kg\r\nST,GS,+  0.700kg\r\n")
    qtbot.waitUntil(lambda: weights == [1500.0, 700.0], timeout=3000)
    # the old half line did not join the new one: its tail is read as a bad line, said
    assert any(r.state is ScaleState.ERROR and r.raw == b"00kg" for r in readings)


def test_a_usb_hid_scale_and_its_unplugging(qtbot, tmp_path, started):
    node = tmp_path / "hidraw0"
    os.mkfifo(node)
    writer_fd = None

    def plug():
        nonlocal writer_fd
        reader = os.open(node, os.O_RDONLY | os.O_NONBLOCK)  # so the writer can open
        writer_fd = os.open(node, os.O_WRONLY)
        os.close(reader)

    plug()
    scale = started(HidScale(str(node), retry_ms=50, settle=2))
    readings, weights = collect(scale)
    os.write(writer_fd, hid_report(3, 2, 0, 1180) + hid_report(4, 2, 0, 1205) * 2)
    qtbot.waitUntil(lambda: weights == [1205.0], timeout=3000)
    os.write(writer_fd, hid_report(6, 2, 0, 0))
    qtbot.waitUntil(lambda: readings[-1].state is ScaleState.OVERLOAD, timeout=3000)
    os.close(writer_fd)  # the scale is pulled out: the node reads end-of-file
    qtbot.waitUntil(lambda: readings[-1].state is ScaleState.ERROR, timeout=3000)
    assert scale.settled_g is None and "disconnected" in scale.status


def test_a_dibal_pos_scale_is_asked_and_its_answer_read(qtbot, pty_scanner, started):
    from tests.unit.scanners.test_scale_protocols import dibal_answer

    scale = started(SerialScale(pty_scanner.device, "dibal", retry_ms=50, poll_ms=20, settle=2))
    readings, weights = collect(scale)
    qtbot.waitUntil(lambda: pty_scanner.received().startswith(b"98000001\r\n"), timeout=3000)
    pty_scanner.send(dibal_answer("     ") + dibal_answer("00316") * 2)  # lands, then holds
    qtbot.waitUntil(lambda: weights == [316.0], timeout=3000)
    assert readings[0].state is ScaleState.BUSY
    pty_scanner.send(dibal_answer("-0010") * 2)  # lifted: under zero drops the weight
    qtbot.waitUntil(lambda: readings[-1].state is ScaleState.UNDERLOAD, timeout=3000)
    assert scale.settled_g is None
