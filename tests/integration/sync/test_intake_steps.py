"""Intake stores a pull in short steps, and a packer's scan goes between them (issue 20).

A page of 250 orders was one transaction holding SQLite's writer lock for its whole length
(300 ms and more on a million-order store): a scan behind it waited that long. Now the
gathered orders go in in steps (each its own transaction, the cursor with the last), each
taken in its turn (app/services/turns.py): a scan in the store keeps the next step waiting.
The ordering is asserted with events, not times."""

from __future__ import annotations

import threading
from contextlib import contextmanager

from sqlalchemy import text

from app.services import commands as c
from app.services.packing import open_order
from sync import channel_sync
from sync.runner import SyncRunner
from tests.channel_servers.shopify_server import ShopifyServer
from tests.integration.sync.test_sync_resilience import ONE_LINE, shop_adapter
from tests.parts.sync_store import connect_shopify

PAGE = 250


def _shop(count: int) -> ShopifyServer:
    server = ShopifyServer(order_count=0)
    server.bucket_size = server.restore_rate = 1e9  # no rate limit in the way
    server.add_orders(count, lineItems=ONE_LINE)
    return server


def _recorded_steps(monkeypatch, events: list[str]) -> list[bool]:
    """Each intake transaction in `events`, and whether it carried the cursor."""
    cursors: list[bool] = []
    real = channel_sync.take_in_with_retries

    def recording(items, uow, cursor=None, **kwargs):
        cursors.append(cursor is not None)
        results = real(items, uow, cursor=cursor, **kwargs)
        events.append(f"step {len(cursors)} stored {len(items)}")
        return results

    monkeypatch.setattr(channel_sync, "take_in_with_retries", recording)
    return cursors


def test_a_250_order_pull_is_stored_in_steps_with_the_cursor_last(sync_uow, credentials,
                                                                   monkeypatch):
    events: list[str] = []
    cursors = _recorded_steps(monkeypatch, events)
    with _shop(PAGE) as server:
        connect_shopify(sync_uow, credentials, server)
        runner = SyncRunner(sync_uow, lambda channel: shop_adapter(server.url, server))
        (state,) = runner.run_once()
        assert state.online, state.last_result
        ids = list(server.orders)
    # each gathered batch is several transactions, the cursor only with the batch's last
    # (the pull ends with a short batch of its own, as many as the shop's last pages held)
    assert cursors[-1] and cursors.count(True) <= 2, cursors
    assert len(cursors) > 2 * cursors.count(True), events
    assert sum(int(step.split()[-1]) for step in events) == PAGE
    with sync_uow() as u:
        numbers = [u.orders.intake_link("shopify", i).order_number for i in ids]
    assert len(set(numbers)) == PAGE


def test_a_scan_made_while_a_page_is_stored_is_answered_before_the_page_is_in(
        sync_uow, credentials, monkeypatch):
    """The packer scans an order the first step stored while the rest of the page is still
    being stored: the next step waits for the scan, and the scan's answer comes first."""
    events: list[str] = []
    cursors = _recorded_steps(monkeypatch, events)
    turns = sync_uow.turns
    first_step_in, scanning = threading.Event(), threading.Event()
    real_step = turns.background_step

    @contextmanager
    def step_then_let_the_packer_scan():
        with real_step():
            yield
        if not first_step_in.is_set():
            first_step_in.set()
            assert scanning.wait(10), "the scan never came"  # the packer is in the store

    monkeypatch.setattr(turns, "background_step", step_then_let_the_packer_scan)
    with _shop(PAGE) as server:
        connect_shopify(sync_uow, credentials, server)
        runner = SyncRunner(sync_uow, lambda channel: shop_adapter(server.url, server))
        sync = threading.Thread(target=runner.run_once)
        sync.start()
        assert first_step_in.wait(30), "the page was never stored"
        with sync_uow() as u:
            first = u.orders.intake_link("shopify", next(iter(server.orders))).order_number
        with turns.person():  # as the store worker runs every scan
            scanning.set()
            opened = open_order(c.OpenOrder(first, "Ann"), sync_uow())
            events.append("scan answered")
        sync.join(60)
        assert not sync.is_alive()
    assert opened.opened, opened.message
    answered = events.index("scan answered")
    assert 0 < answered < len(events) - 1, events  # between the page's steps
    assert events[answered - 1].startswith("step 1 stored"), events  # no step ran meanwhile
    assert cursors[-1] and len(cursors) > 2
    assert turns.steps_waited >= 1  # the second step waited for the scan


def test_a_pull_stopped_between_steps_resumes_without_duplicates(sync_uow, credentials,
                                                                  monkeypatch):
    """Some steps stored, then the cycle stops (a kill, a full disk): the cursor did not move,
    so the next cycle pulls the same orders again and takes in only the ones missing."""
    real = channel_sync.take_in_with_retries
    calls = []

    def failing_third(items, uow, cursor=None, **kwargs):
        calls.append(len(items))
        if len(calls) == 3:
            raise OSError("disk full")
        return real(items, uow, cursor=cursor, **kwargs)

    monkeypatch.setattr(channel_sync, "take_in_with_retries", failing_third)
    with _shop(PAGE) as server:
        connect_shopify(sync_uow, credentials, server)
        runner = SyncRunner(sync_uow, lambda channel: shop_adapter(server.url, server))
        runner.run_once()
        with sync_uow() as u:
            stored_before = sum(u.orders.intake_link("shopify", i) is not None
                                for i in server.orders)
            assert u.outbox.channel("shopify").pull_cursor is None
        assert 0 < stored_before < PAGE
        monkeypatch.setattr(channel_sync, "take_in_with_retries", real)
        (state,) = runner.run_once()
        assert state.online, state.last_result
        ids = list(server.orders)
    with sync_uow() as u:
        numbers = [u.orders.intake_link("shopify", i).order_number for i in ids]
        taken_in = u.session.execute(text("SELECT count(*) FROM order_intake")).scalar()
        orders = u.session.execute(text("SELECT count(*) FROM orders WHERE number IN "
                                        "(SELECT order_number FROM order_intake)")).scalar()
    assert len(set(numbers)) == PAGE and taken_in == PAGE and orders == PAGE


def test_intake_steps_do_not_shrink_to_single_orders_under_a_steps_fixed_cost():
    """A step costs about 10 ms whatever its size (the order counter, the intake's lookups,
    the commit) and about 0.5 ms an order. Aimed below that fixed cost, the sizes fell to
    one order a step and intake to 102 orders/s (879 in one transaction); the aim leaves
    room for tens of orders a step."""
    from sync.channel_sync import FIRST_STEP, STEP_S, STORE_BATCH, StepSizes

    sizes = StepSizes(STEP_S, FIRST_STEP, STORE_BATCH)
    for _ in range(50):
        orders = sizes.next_size()
        sizes.took(orders, 0.010 + orders * 0.0005)
    assert sizes.next_size() >= 20


def test_a_wait_for_the_packers_turn_does_not_shrink_the_intake_steps(sync_uow, credentials,
                                                                      monkeypatch):
    """A step that waits for a packer's scan to leave the store was timed with the wait: a
    busy bench made every step look slow, the steps fell to one order each, and a 10,000-
    order pull never finished while the packer scanned (the busy 1M bench: 'pull done
    False' after 363 s). The step is timed from its turn on. An injected clock: each turn
    waits a second, the steps' own work takes no time on it."""
    import time as real_time
    from types import SimpleNamespace

    clock = [0.0]
    monkeypatch.setattr(channel_sync, "time", SimpleNamespace(
        perf_counter=lambda: clock[0], thread_time=lambda: clock[0],
        monotonic=real_time.monotonic, sleep=real_time.sleep))
    turns = sync_uow.turns
    real_step = turns.background_step

    @contextmanager
    def after_a_scan():
        clock[0] += 1.0  # a packer was in the store
        with real_step():
            yield

    monkeypatch.setattr(turns, "background_step", after_a_scan)
    events: list[str] = []
    _recorded_steps(monkeypatch, events)
    with _shop(PAGE) as server:
        connect_shopify(sync_uow, credentials, server)
        runner = SyncRunner(sync_uow, lambda channel: shop_adapter(server.url, server))
        (state,) = runner.run_once()
        assert state.online, state.last_result
    sizes = [int(step.split()[-1]) for step in events]
    assert sum(sizes) == PAGE
    # the first step's 8, then the rest in big steps (each at most 4 times the last:
    # 8, 32, 128, 82); the last page, empty, stores only its cursor
    assert len([size for size in sizes if size]) <= 4, sizes


def test_other_threads_slowing_a_step_do_not_shrink_the_intake_steps(sync_uow, credentials,
                                                                     monkeypatch):
    """On a busy station the other threads (the window, the alerts, the scans) share the
    interpreter and the cores: a step of one order took 260 ms of the clock and 10 ms of
    its own thread's time. Sized by the clock, the steps stayed at one order each (3,886
    steps of 1 in the busy 1M bench, 13 orders/s) and their fixed cost was paid per order.
    A step is sized by its own thread's time. Injected clocks: each step takes a second of
    the clock and none of the thread's time."""
    import time as real_time
    from types import SimpleNamespace

    clock = [0.0]
    monkeypatch.setattr(channel_sync, "time", SimpleNamespace(
        perf_counter=lambda: clock[0], thread_time=real_time.thread_time,
        monotonic=real_time.monotonic, sleep=real_time.sleep))
    sizes: list[int] = []
    real = channel_sync.take_in_with_retries

    def slowed(items, uow, cursor=None, **kwargs):
        sizes.append(len(items))
        clock[0] += 1.0  # the other threads had the cores meanwhile
        return real(items, uow, cursor=cursor, **kwargs)

    monkeypatch.setattr(channel_sync, "take_in_with_retries", slowed)
    with _shop(PAGE) as server:
        connect_shopify(sync_uow, credentials, server)
        runner = SyncRunner(sync_uow, lambda channel: shop_adapter(server.url, server))
        (state,) = runner.run_once()
        assert state.online, state.last_result
    assert sum(sizes) == PAGE
    assert max(sizes[1:]) > 1 and len(sizes) < PAGE // 2, sizes  # not one order a step
def test_intake_steps_above_the_aim_still_carry_many_orders():
    """On a million-order store a step's fixed cost (its dozen lookups, the stock levels it
    queues, the commit) can pass the 25 ms aim by itself. Judged by time per order, the
    sizes fell to one order a step, each paying the whole fixed cost: 2,870 steps for 3,000
    orders (the 1M year store). Sized from the fixed and the per-order cost apart, a step
    spends at least as long on orders as on its fixed cost."""
    from sync.channel_sync import FIRST_STEP, STEP_S, STORE_BATCH, StepSizes

    fixed, per_order = 0.030, 0.0005
    sizes = StepSizes(STEP_S, FIRST_STEP, STORE_BATCH)
    taken = []
    for _ in range(50):
        orders = sizes.next_size()
        taken.append(orders)
        sizes.took(orders, fixed + orders * per_order)
    assert min(taken[10:]) >= 40, taken  # one order a step before
    assert max(taken[10:]) * per_order <= 2 * fixed, taken  # the step stays short


def test_intake_step_sizes_follow_a_store_that_grows_slower():
    """The cost per order grows (a busier machine, a bigger store): steps shrink to keep
    the aim; with a small fixed cost they are sized to the aim again."""
    from sync.channel_sync import FIRST_STEP, STEP_S, STORE_BATCH, StepSizes

    sizes = StepSizes(STEP_S, FIRST_STEP, STORE_BATCH)

    def steps(per_order: float) -> float:
        taken = []
        for _ in range(40):
            taken.append(sizes.next_size())
            sizes.took(taken[-1], 0.005 + taken[-1] * per_order)
        return sum(taken[-10:]) / 10

    fast, slow = steps(0.0002), steps(0.001)
    assert 85 <= fast <= 120, fast  # (25 - 5) / 0.2 on average
    assert 16 <= slow <= 25, slow  # (25 - 5) / 1.0


def test_a_runner_stopped_during_a_long_pull_stops_after_the_batch_in_hand(
        sync_uow, credentials, monkeypatch):
    """The station closes while a backfill is pulled: the pull ends after the gathered batch
    it is storing (cursor with it), not after the whole backfill. It went on pulling past
    the runner's stop (the busy bench's pull outlived it and slowed the next bench 8-fold),
    and the next cycle takes in the rest, none twice."""
    events: list[str] = []
    _recorded_steps(monkeypatch, events)
    stored = threading.Event()
    real = channel_sync.take_in_with_retries

    def storing(items, uow, cursor=None, **kwargs):
        results = real(items, uow, cursor=cursor, **kwargs)
        stored.set()
        return results

    monkeypatch.setattr(channel_sync, "take_in_with_retries", storing)
    total = 4 * PAGE
    with _shop(total) as server:
        connect_shopify(sync_uow, credentials, server)
        runner = SyncRunner(sync_uow, lambda channel: shop_adapter(server.url, server))
        runner.start()
        assert stored.wait(30), "nothing was stored"
        runner.stop(timeout_s=30)
        with sync_uow() as u:
            before = sum(u.orders.intake_link("shopify", i) is not None for i in server.orders)
        assert 0 < before < total, before
        again = SyncRunner(sync_uow, lambda channel: shop_adapter(server.url, server))
        (state,) = again.run_once()  # the station started again
        assert state.online, state.last_result
        ids = list(server.orders)
    with sync_uow() as u:
        numbers = {u.orders.intake_link("shopify", i).order_number for i in ids}
        taken_in = u.session.execute(text("SELECT count(*) FROM order_intake")).scalar()
    assert len(numbers) == total and taken_in == total


def test_intake_step_sizes_hold_under_noisy_step_times():
    """Measured steps are noisy (another thread, the collector, the disk): a line through
    them can tilt the wrong way, and equal sizes define none. Sizes stay many orders a step
    all the same."""
    import random
    import statistics

    from sync.channel_sync import FIRST_STEP, STEP_S, STORE_BATCH, StepSizes

    rng = random.Random(7)
    sizes = StepSizes(STEP_S, FIRST_STEP, STORE_BATCH)
    taken = []
    for _ in range(200):
        taken.append(sizes.next_size())
        sizes.took(taken[-1], (0.040 + taken[-1] * 0.001) * rng.uniform(0.6, 1.6))
    assert statistics.median(taken[20:]) >= 20, taken
    assert min(taken[20:]) >= 5, taken
