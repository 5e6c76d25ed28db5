"""The station's start-up (issue 20): the window shows and takes a badge scan first; the
rest of the station is built after its first paint, in steps on the event loop, and ends
up the same station that build_station makes in one go."""

from __future__ import annotations

import threading
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QApplication, QWidget

import main
from tests.ui.station import (
    log_in,
    screen_actions,
    station_dirs,  # noqa: F401 (a fixture)
    station_settings,
)
from ui.tool_windows import close_tool_windows


def test_the_log_in_takes_a_badge_before_the_rest_and_the_steps_make_the_whole_station(
        qtbot, demo_store, station_dirs):  # noqa: F811
    settings = station_settings(station_dirs)
    bench_app, rest = main.start_station(settings, demo_store)
    qtbot.addWidget(bench_app.window)
    bench_app.window.resize(1280, 800)
    bench_app.window.show()
    qtbot.waitExposed(bench_app.window)
    assert bench_app.sync_runner is None  # the rest is not built yet
    log_in(qtbot, bench_app, "Sam", "9999")
    for _ in rest:
        pass
    staged = sorted(action.text() for action in screen_actions(bench_app.window))
    assert bench_app.sync_runner is not None and bench_app.print_product_label is not None
    whole, _runner = main.build_station(settings, demo_store)
    qtbot.addWidget(whole.window)
    assert staged == sorted(action.text() for action in screen_actions(whole.window))
    assert len(bench_app.on_shutdown) == len(whole.on_shutdown)
    close_tool_windows()
    whole.shutdown()
    bench_app.shutdown()


def _app_with_window(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    return SimpleNamespace(window=window, qt_app=QApplication.instance())


def test_the_steps_start_at_the_first_paint_and_the_loop_turns_between_them(qtbot):
    from PySide6.QtCore import QTimer

    app = _app_with_window(qtbot)
    ran, between = [], []

    def steps():
        ran.append(0)
        QTimer.singleShot(0, lambda: between.append(len(ran)))  # an event, as a key is
        yield
        ran.append(1)
        yield

    done = threading.Event()
    building = main._StationSteps(app, steps(), then=done.set)
    qtbot.wait(50)
    assert ran == []  # nothing before the window paints
    app.window.show()
    qtbot.waitUntil(done.is_set, timeout=20000)
    assert ran == [0, 1] and between == [1]  # handled after the first step, before the next
    building.finish()


def test_a_failing_step_ends_the_loop_and_is_raised_after_it(qtbot):
    from PySide6.QtCore import QEventLoop, QTimer

    app = _app_with_window(qtbot)
    loop = QEventLoop()
    app.qt_app = SimpleNamespace(exit=lambda code: loop.exit(code))

    def steps():
        yield
        raise ValueError("the scale's pattern is broken")

    building = main._StationSteps(app, steps(), then=lambda: None)
    app.window.show()
    QTimer.singleShot(20000, lambda: loop.exit(0))
    assert loop.exec() == 1
    with pytest.raises(ValueError, match="pattern"):
        building.finish()


def test_finishing_early_builds_what_is_left(qtbot):
    app = _app_with_window(qtbot)  # never shown: the loop ended before the first paint
    built = []

    def steps():
        for n in range(4):
            built.append(n)
            yield

    main._StationSteps(app, steps(), then=lambda: None).finish()
    assert built == [0, 1, 2, 3]


def test_a_label_asked_for_before_printing_is_attached_waits_for_it():
    labels = main._LabelsOnceAttached()
    answers = []
    asking = threading.Thread(target=lambda: answers.append(labels("PD-1")))
    asking.start()
    asking.join(0.2)
    assert asking.is_alive() and answers == []  # it waits, on the io pool's thread
    labels.attach(lambda completion: f"label for {completion}")
    asking.join(5)
    assert answers == ["label for PD-1"]
