"""The clips' disk running out, on a real small filesystem: filming stops cleanly (what was
filmed plays), is said once, and starts again when there is room; the store's alert for it
reaches a route and clears when room is back."""

from __future__ import annotations

import time

import av
import numpy as np

from app.adapters.unit_of_work import uow_factory
from app.domain.alert_routes import AlertRoute
from app.domain.alerts import AlertKind
from app.domain.clips import MIN_ROOM_BYTES
from app.services.alert_notices import add_route
from app.services.alerts import open_alerts, refresh_alerts
from app.services.clips import DiskReading, report_clips_disk
from scanners.pack_video import PackRecorder, disk_space
from sync.alert_delivery import AlertDelivery
from tests.channel_servers.robot_servers import WeComRobotServer

MB = 1024**2


def _pack(recorder: PackRecorder, number: str, frames: int, shape=(240, 320, 3)):
    noise = np.random.default_rng(7)
    recorder.begin(number)
    for _ in range(frames):
        recorder.offer(noise.integers(0, 255, shape, np.uint8))
        time.sleep(0.1)
    return recorder.end()


def _played(path) -> int:
    with av.open(str(path)) as clip:
        return sum(1 for _ in clip.decode(video=0))


def test_filming_stops_cleanly_when_the_disk_is_nearly_full_and_says_so_once(small_disk):
    said: list[str] = []
    recorder = PackRecorder(small_disk.folder / "clips", size=(320, 240), fps=10,
                            keep_free_bytes=4 * MB, on_problem=said.append)
    try:
        assert recorder.wait_started()  # the encoder's process is up, as at a station
        small_disk.leave_free(4 * MB + 100_000)  # room for a moment of video
        first = _pack(recorder, "PD-100001", 26)
        assert first.problem.startswith("recording stopped: only ")
        assert "free on the clips' disk" in first.problem
        assert 0 < first.frames < 26 and _played(first.path) == first.frames  # it plays
        assert small_disk.free() >= 3 * MB  # stopped before the disk filled up
        second = _pack(recorder, "PD-100002", 3)
        assert second.frames == 0 and second.problem.startswith("recording stopped: only ")
        assert len(said) == 1, said  # said once, not once per order
        assert said[0].startswith("Pack videos stopped: only ")
        assert said[0].endswith("Packing goes on without them; delete old clips (packdesk "
                                "clips prune) or free space, and filming starts again with "
                                "the next order.")
        small_disk.make_room()
        third = _pack(recorder, "PD-100003", 4)
        assert third.frames > 0 and not third.problem and recorder.stopped == ""
        assert len(said) == 2 and said[1].startswith("Filming again: there is room")
    finally:
        recorder.close()


def test_a_disk_that_fills_up_while_filming_stops_the_clip_not_packing(small_disk):
    said: list[str] = []
    recorder = PackRecorder(small_disk.folder, size=(640, 480), fps=10, keep_free_bytes=0,
                            on_problem=said.append)
    try:
        assert recorder.wait_started()
        small_disk.leave_free(MIN_ROOM_BYTES + 64 * 1024)  # room to start, not to finish
        first = _pack(recorder, "PD-100001", 15, (480, 640, 3))
        second = _pack(recorder, "PD-100002", 3, (480, 640, 3))
    finally:
        recorder.close()
    assert first is not None and second is not None  # end() answered: nothing hung
    assert first.problem == f"recording stopped: the clips' disk is full ({small_disk.folder})"
    assert second.frames == 0 and second.problem.startswith("recording stopped: only ")
    assert said == [f"Pack videos stopped: the clips' disk is full ({small_disk.folder}). "
                    "Packing goes on without them; delete old clips (packdesk clips prune) "
                    "or free space, and filming starts again with the next order."]


def test_a_nearly_full_clips_disk_is_an_alert_that_reaches_the_route(store, credentials,
                                                                     small_disk):
    uow = uow_factory(store.session_factory, "bench-1")
    total, free = disk_space(small_disk.folder)
    with WeComRobotServer() as robot:
        add_route(uow(), AlertRoute("floor", "wecom", robot.webhook, ["clips_disk"]))
        view = report_clips_disk(uow(), DiskReading(str(small_disk.folder), total, free,
                                                    8 * MB))
        assert not view.low and refresh_alerts(uow()).raised == ()
        small_disk.leave_free(1 * MB)
        total, free = disk_space(small_disk.folder)
        view = report_clips_disk(uow(), DiskReading(
            str(small_disk.folder), total, free, 8 * MB, "only 1.0 MB free on the clips' disk"))
        assert view.low and view.free_bytes == free
        [alert] = refresh_alerts(uow()).raised
        assert alert.kind == AlertKind.CLIPS_DISK and alert.subject == "bench-1"
        assert alert.message == (
            f"Pack videos stopped at station bench-1: 1.0 MB free of 16.0 MB at "
            f"{small_disk.folder}, and filming keeps 8.0 MB free. Packing goes on; delete old "
            "clips (packdesk clips prune) or free space, and filming starts again with the "
            "next order.")
        # the same low disk reported again is the same alert, not a new one
        report_clips_disk(uow(), DiskReading(str(small_disk.folder), total, free, 8 * MB,
                                             "only 1.0 MB free on the clips' disk"))
        assert refresh_alerts(uow()).raised == ()
        assert AlertDelivery(uow, credentials).deliver().sent == 1
        small_disk.make_room()
        total, free = disk_space(small_disk.folder)
        assert not report_clips_disk(uow(), DiskReading(str(small_disk.folder), total, free,
                                                        8 * MB)).low
        refresh_alerts(uow())
        assert [a.cleared for a in open_alerts(uow())] == [True]
        assert AlertDelivery(uow, credentials).deliver().sent == 1
        contents = [m["content"] for m in robot.messages()]
    assert contents[0].startswith("**[Packdesk] Pack videos stopped: disk nearly full: "
                                  "bench-1")
    assert contents[1].startswith("**[Packdesk] Cleared - Pack videos stopped")
