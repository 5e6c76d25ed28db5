"""The cycle collector is off while a page of channel orders is taken in, and only then."""

from __future__ import annotations

import gc
import threading

import pytest

from sync.runner import cycle_collector_paused


@pytest.fixture(autouse=True)
def _collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    (gc.enable if was else gc.disable)()


def test_off_for_the_page_and_back_on_after_it_even_when_the_page_fails():
    with cycle_collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), cycle_collector_paused():
        raise RuntimeError("the store refused the page")
    assert gc.isenabled()


def test_overlapping_pages_of_two_channels_keep_it_off_until_the_last_is_stored():
    first_in, second_done, seen = threading.Event(), threading.Event(), []

    def other_channel():
        with cycle_collector_paused():
            first_in.set()
            second_done.wait(5)
        seen.append(gc.isenabled())

    worker = threading.Thread(target=other_channel)
    worker.start()
    assert first_in.wait(5)
    with cycle_collector_paused():
        second_done.set()
        worker.join(5)
        seen.append(gc.isenabled())  # the other channel finished while this page is stored
    assert seen == [False, False]
    assert gc.isenabled()


def test_a_collector_someone_else_turned_off_stays_off():
    gc.disable()
    with cycle_collector_paused():
        pass
    assert not gc.isenabled()
