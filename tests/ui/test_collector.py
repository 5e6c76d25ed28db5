"""Cyclic garbage made on a worker thread is collected on the Qt main thread."""

from __future__ import annotations

import gc
import threading

from ui.collector import MainThreadCollector


class _Marker:
    """Stands for a Qt object caught in a reference cycle: records where it was destroyed."""

    died_on: list[str] = []

    def __init__(self) -> None:
        self.me = self  # a cycle: only the cycle collector frees it

    def __del__(self) -> None:
        _Marker.died_on.append(threading.current_thread().name)


def _worker_makes_garbage() -> None:
    _Marker()
    for _ in range(50_000):  # far past the first generation's threshold
        cycle: list = []
        cycle.append(cycle)


def test_the_collector_runs_on_the_main_thread_only(qtbot):
    gc.enable()  # as the app starts: the automatic collector is on until the app turns it off
    gc.collect()
    _Marker.died_on.clear()
    collector = MainThreadCollector(interval_ms=20)
    try:
        assert not gc.isenabled()
        worker = threading.Thread(target=_worker_makes_garbage, name="store")
        worker.start()
        worker.join(10)
        assert _Marker.died_on == []  # the worker's allocations collected nothing
        qtbot.waitUntil(lambda: _Marker.died_on == ["MainThread"], timeout=5000)
    finally:
        collector.stop()
    assert gc.isenabled()


def test_without_it_the_worker_collects(qtbot):
    """The hazard itself: with the automatic collector on, the worker thread frees it."""
    gc.enable()
    gc.collect()
    _Marker.died_on.clear()
    worker = threading.Thread(target=_worker_makes_garbage, name="store")
    worker.start()
    worker.join(10)
    assert _Marker.died_on == ["store"]


def test_once_started_what_start_up_made_is_left_out_of_later_collections(qtbot):
    """Issue 14: a full collection walked every object start-up made (190,000 on the scan
    bench's station, 120-200 ms of the main thread); frozen, they are left out. The young
    garbage of start-up is collected first, not kept; stopping gives everything back."""
    gc.collect()
    _Marker.died_on.clear()
    collector = MainThreadCollector(interval_ms=10_000)
    try:
        kept = [object() for _ in range(10)]
        _Marker()  # start-up's garbage, still in a young generation
        collector.freeze_start_up()
        assert _Marker.died_on == ["MainThread"]
        assert gc.get_freeze_count() > len(kept)
    finally:
        collector.stop()
    assert gc.get_freeze_count() == 0
def _rounds_of_short_lived_cycles(collector: MainThreadCollector, rounds: int) -> None:
    for _ in range(rounds):  # each round past the first generation's threshold
        for _ in range(800):
            cycle: list = []
            cycle.append(cycle)
        collector.collect_due()


def test_a_full_collection_waits_until_a_quarter_more_objects_have_grown_old(qtbot):
    """As CPython's own rule: the oldest generation is walked again only once the objects
    moved into it since the last walk are a quarter of those it held, not at every tenth
    second-generation collection (3-5 s on the main thread each, on a big station)."""
    gc.collect()
    long_lived = [[index] for index in range(200_000)]  # a station's heap, grown old
    gc.collect()
    collector = MainThreadCollector(interval_ms=60_000)  # collected by hand below
    try:
        full = gc.get_stats()[2]["collections"]
        _rounds_of_short_lived_cycles(collector, 400)  # a full one every ~110 by the counts
        assert gc.get_stats()[2]["collections"] == full
        kept = [[index] for index in range(len(gc.get_objects(2)) // 2)]  # half again
        _rounds_of_short_lived_cycles(collector, 400)
        assert gc.get_stats()[2]["collections"] > full
    finally:
        collector.stop()
    assert kept and long_lived
