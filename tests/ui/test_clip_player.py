"""A pack video opened at a scan's moment: from the order's history (a scan line), from the
board and from the returns counter. The frame on screen is the one filmed at that scan
(its QR stamp says so); a pruned clip or a file that is not on this disk says so."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
import zxingcpp
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from app.adapters.unit_of_work import uow_factory
from app.domain.orders import Address, Order, OrderLine, OrderStatus
from app.services.bench import PackBenchService
from app.services.clips import find_clips, record_clip
from app.services.returns import ReturnsService
from app.settings import StationSettings
from printing.order_documents import LabelToFolder
from printing.return_documents import ReturnSlipToFolder
from scanners.camera import CameraScanner
from scanners.pack_video import PackRecorder, clip_record
from scanners.testcard import scene, write_video
from tests.e2e.driver import scan
from ui import station_parts as parts
from ui.app import build_bench_app
from ui.clip_player import ClipOpener, ClipPlayer
from ui.order_board import build_order_board
from ui.returns_counter import ReturnsCounter
from ui.tasks import TaskManager

# offscreen has no GPU: Qt converts the video frames on the CPU and says so
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints",
                                       r".*No RHI backend\. Using CPU conversion")


def _stamp(image: QImage) -> tuple[str, int]:
    """The order number and clip time the recorder stamped into this frame (its QR)."""
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(
        image.height(), image.bytesPerLine())[:, :image.width()]
    (code,) = [c for c in zxingcpp.read_barcodes(pixels)
               if c.format == zxingcpp.BarcodeFormat.QRCode]
    number, _, at_ms = code.text.partition("|")
    return number, int(at_ms)


def _shown(qtbot, player: ClipPlayer) -> tuple[str, int]:
    qtbot.waitUntil(lambda: player.shown_image is not None, timeout=15000)
    return _stamp(player.shown_image)


@pytest.fixture
def filmed_pack(qtbot, demo_store, one_item_order, tmp_path):
    """PD-900777 packed at bench B1 with a video file as the camera."""
    uow = uow_factory(demo_store.session_factory, station="B1")
    app = build_bench_app(PackBenchService(uow), StationSettings(station_id="B1",
                                                                 language="en"),
                          "test", LabelToFolder(tmp_path / "labels"))
    desk = write_video(tmp_path / "desk.mp4", [scene(size=(640, 480), seed=i % 3)
                                               for i in range(150)], fps=30)
    camera = CameraScanner(desk, preview=False)
    recorder = PackRecorder(tmp_path / "clips", size=(640, 360), fps=10)
    parts.attach_pack_video(app, camera, recorder, uow)
    assert recorder.wait_started()  # the encoder's process is up, as at a station
    qtbot.addWidget(app.window)
    app.window.show()
    camera.start()
    try:
        app.window.on_scan("Ann", "", "badge")
        app.window.on_scan("1234", "", "badge")
        qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.bench, timeout=5000)
        with qtbot.waitSignal(app.bench.verdict_shown, timeout=10000,
                              check_params_cb=lambda result, _m: result == "opened"):
            scan(app.window, "PD-900777")
        qtbot.wait(1200)  # the packer reaches for the item: the scan is well into the clip
        with qtbot.waitSignal(app.bench.label_done, timeout=15000):
            scan(app.window, one_item_order)
        qtbot.waitUntil(lambda: bool(find_clips(uow(), "PD-900777")), timeout=15000)
    finally:
        camera.stop()
        camera.wait()
        app.shutdown()
    return uow


def test_a_scan_line_in_the_history_opens_the_clip_at_that_scan(qtbot, filmed_pack):
    uow = filmed_pack
    tasks = TaskManager()
    opener = ClipOpener(uow, tasks.run_io)
    board = build_order_board(uow, tasks, open_clip=opener.open_at)
    qtbot.addWidget(board)
    try:
        with qtbot.waitSignal(board.history_opened, timeout=10000) as opened:
            board.open_history("PD-900777")
        history = opened.args[0]
        row = next(i for i, e in enumerate(history.history.entries)
                   if e.kind == "scan" and "verified" in e.text)
        scanned_at = history.history.entries[row].at
        history.entries.selectRow(row)
        assert history.clip_button.isEnabled()
        with qtbot.waitSignal(opener.player_opened, timeout=10000) as played:
            history.clip_button.click()
        player = played.args[0]
        qtbot.addWidget(player)
        (clip,) = find_clips(uow(), "PD-900777")
        expected = (scanned_at - clip.started_at) / timedelta(milliseconds=1)
        assert expected > 800  # the scan is not the clip's first frame
        number, at_ms = _shown(qtbot, player)
        assert number == "PD-900777"
        assert abs(at_ms - expected) <= 250, (at_ms, expected)  # the frame of that scan
        assert "verified 1/1" in [player.scans.item(i).text().split("  ", 1)[1]
                                  for i in range(player.scans.count())]
        history.entries.selectRow(0)  # the order's intake: nothing filmed
        assert not history.clip_button.isEnabled()
        # the board's own button: the selected order's clip, from its start
        board.table.selectRow(0)
        board.table.setCurrentIndex(board.model.index(0, 0))
        with qtbot.waitSignal(opener.player_opened, timeout=10000) as from_board:
            board.clip_button.click()
        qtbot.addWidget(from_board.args[0])
        assert _shown(qtbot, from_board.args[0])[1] <= 150
    finally:
        tasks.shutdown()


def _packed_order(uow, number: str) -> None:
    shipped = datetime.now(UTC) - timedelta(days=2)
    with uow() as u:
        tea = u.products.get("TEA-001")
        order = Order(number, "woocommerce", "7031", "Emma Johnson", "+1 503 555 0100",
                      Address("Emma Johnson", city="Portland"),
                      [OrderLine(tea.sku, tea.name, 1, 1200)])
        u.orders.add(order)
        item = u.stock.get(tea.sku)
        item.reserve(1, number, shipped, "intake")
        item.ship(1, number, shipped, "Ann")
        order.lines[0].verified_quantity = 1
        order.transition(OrderStatus.PACKING, "Ann", shipped)
        order.transition(OrderStatus.PACKED, "Ann", shipped)
        u.commit()


def _film(folder, number: str):
    recorder = PackRecorder(folder, size=(320, 240), fps=10)
    recorder.begin(number)
    for index in range(12):
        recorder.offer(np.full((240, 320, 3), 20 * index, np.uint8))
        time.sleep(0.1)
    result = recorder.end()
    recorder.close()
    return result


def _counter(qtbot, uow, tmp_path, tasks, opener) -> ReturnsCounter:
    counter = ReturnsCounter(ReturnsService(uow, zone="UTC"), tasks,
                             ReturnSlipToFolder(tmp_path / "slips"), clerk="Li Wei")
    qtbot.addWidget(counter)
    counter.set_clip_opener(opener.open_at)
    with qtbot.waitSignal(counter.verdict_shown, timeout=10000):
        counter.handle_scan("PD-900031")
    return counter


def test_the_returns_counter_opens_the_original_pack(qtbot, demo_store, tmp_path):
    uow = uow_factory(demo_store.session_factory, station="counter-1")
    _packed_order(uow, "PD-900031")
    result = _film(tmp_path / "clips", "PD-900031")
    record_clip(uow(), clip_record(result, "B1"))
    tasks = TaskManager()
    opener = ClipOpener(uow, tasks.run_io)
    try:
        counter = _counter(qtbot, uow, tmp_path, tasks, opener)
        assert counter.clip_button.isVisibleTo(counter)
        with qtbot.waitSignal(opener.player_opened, timeout=10000) as played:
            counter.clip_button.click()
        qtbot.addWidget(played.args[0])
        number, at_ms = _shown(qtbot, played.args[0])
        assert number == "PD-900031" and at_ms <= 150  # the pack, from its start
    finally:
        tasks.shutdown()


def test_a_clip_not_on_this_disk_or_pruned_says_so(qtbot, demo_store, tmp_path):
    uow = uow_factory(demo_store.session_factory, station="counter-1")
    _packed_order(uow, "PD-900031")
    tasks = TaskManager()
    opener = ClipOpener(uow, tasks.run_io)
    try:
        counter = _counter(qtbot, uow, tmp_path, tasks, opener)
        with qtbot.waitSignal(opener.nothing_to_play, timeout=10000) as said:
            counter.clip_button.click()
        assert said.args[0] == ("No pack video was recorded for order PD-900031: the station "
                                "had no camera, or filming was off.")
        result = _film(tmp_path / "clips", "PD-900031")
        record_clip(uow(), clip_record(result, "B1"))
        result.path.unlink()
        with qtbot.waitSignal(opener.nothing_to_play, timeout=10000) as said:
            counter.clip_button.click()
        assert said.args[0] == (f"The pack video of order PD-900031 was filmed at station B1, "
                                f"but its file {result.path} is not on this disk: open it at "
                                "that station, or restore the file.")
        box = [w for w in counter.children() if isinstance(w, QMessageBox)][-1]
        assert box.isVisible() and box.text() == said.args[0]  # what the clerk reads
        with uow() as u:
            (clip,) = u.clips.of_order("PD-900031")
            clip.deleted_at = datetime(2026, 3, 1, tzinfo=UTC)
            u.commit()
        with qtbot.waitSignal(opener.nothing_to_play, timeout=10000) as said:
            counter.clip_button.click()
        assert "was deleted on 2026-03-01 by the clips' retention" in said.args[0]
    finally:
        tasks.shutdown()
