"""One channel's sync cycle: pull every page in, then push the outbox out in id order.

Only the holder of the channel's pull lease pulls, and only claimed messages are sent: many
stations and a cron job run this same cycle against one store (issue 13).
"""

from __future__ import annotations

import gc
import logging
import random
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import datetime, timedelta
from decimal import Decimal

from app.domain.errors import NotAllowed, NotFound
from app.domain.messages import Msg
from app.domain.outbox import OutboxKind, OutboxStatus
from app.services import outbox as box
from app.services.channel_stock import ChannelView
from app.services.intake import take_in_with_retries
from app.services.intake_data import IntakeOutcome
from app.services.leases import (
    Claimant,
    ClaimLost,
    lease_holder,
    pull_lease,
    release_lease,
    renew_lease,
    take_lease,
)
from app.services.turns import turns_of
from app.services.unit_of_work import SyncUnitOfWorkFactory
from sync import intake_map
from sync.base import (
    ChannelAdapter,
    ChannelDataError,
    ChannelRejected,
    ChannelUnavailable,
    RateLimited,
    StaleStock,
)
from sync.model import Fulfilment, FulfilmentLine, Refund, RefundLine, StockLevel

log = logging.getLogger("packdesk.sync")
MAX_PAGES = 10_000
STORE_BATCH = 250  # orders gathered from as many pages as it takes, stored in steps
# One intake step (a transaction of its own) aims at about this long, so that a scan that
# comes while one is stored waits for that step only (app/services/turns.py). The size
# follows the time the last steps took an order (their thread's own time: on a busy station
# the clock counts the other threads too), between 1 and STORE_BATCH orders.
# A step has a fixed cost of about 10 ms (the order counter, the intake's lookups, the
# commit): aimed at 8 ms, steps shrank to one order and intake fell from 879 to 102
# orders/s (2,000 Shopify orders into the 10k year store, quiet machine); at 25 ms it takes
# 790/s and a scan waits at most one such step, within issue 20's 50 ms.
STEP_S = 0.025
FIRST_STEP = 8  # orders in a cycle's first step, before any was timed
STALE_RETRIES = 3
# The most one cycle waits in all for rate limits before it calls the channel offline until
# the time the channel named. 60 s covers every short wait a channel asks for (Shopify's
# bucket refills in 20 s at its slowest documented rate, TOP's per-second frequency limit
# and Woo's Retry-After are seconds) while `sync --once` from cron stays a short job; a
# longer wait (a TOP ban of hours, "query again in 3 minutes") is not slept through.
MAX_WAIT_S = 60.0


_collector = threading.Lock()
_pages_in_flight = 0
_resume_collector = False


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Python's cycle collector is off while a page of channel orders is mapped and stored.

    A page of 250 orders makes a few hundred thousand short-lived objects (payload dicts,
    rows, bind values) and no garbage cycles; reference counting frees them. Left on, the
    collector walks them again and again, about a sixth of the intake's time (`make bench`,
    ingest_orders_per_s). It resumes when the last page in flight (pages of several channels
    may overlap) is stored, and stays off if someone else had turned it off."""
    global _pages_in_flight, _resume_collector
    with _collector:
        if _pages_in_flight == 0:
            _resume_collector = gc.isenabled()
            gc.disable()
        _pages_in_flight += 1
    try:
        yield
    finally:
        with _collector:
            _pages_in_flight -= 1
            if _pages_in_flight == 0 and _resume_collector:
                gc.enable()


class StepSizes:
    """How many orders the next intake step takes, between 1 and `most`: as many as fit in
    `aim_s` after the step's fixed cost, judged by the last steps' times.

    A step costs a fixed part (its lookups, the stock levels it queues, the commit) and a
    part per order; the two are told apart by a least-squares line through the last steps'
    (orders, seconds), and the sizes alternate a little above and below the aim so that the
    line stays defined. Judged by time per order alone, a fixed cost above the aim (a
    million-order store) shrank the steps to one order each: 2,870 steps for 3,000 orders.
    A fixed cost above half the aim gets as long again for orders: a step stays within
    twice its fixed cost, and spends at least half its time on orders."""

    WINDOW = 16
    SWAY = (1.25, 0.8)  # the sizes' alternation around the aim
    GROWTH = 4  # a step takes at most this many times the last one's orders

    def __init__(self, aim_s: float, first: int, most: int) -> None:
        self.aim_s, self.most = aim_s, most
        self._size = first
        self._seen: deque[tuple[int, float]] = deque(maxlen=self.WINDOW)
        self._turn = 0

    def next_size(self) -> int:
        return self._size

    def took(self, orders: int, seconds: float) -> None:
        if orders <= 0:
            return
        self._seen.append((orders, seconds))
        fixed, per_order = self._fit()
        budget = max(self.aim_s - fixed, fixed)
        self._turn += 1
        sway = self.SWAY[self._turn % 2]
        wanted = int(sway * budget / max(per_order, 1e-7))
        self._size = max(1, min(self.most, self.GROWTH * orders, wanted))

    def _fit(self) -> tuple[float, float]:
        """(fixed, per order) of the recent steps. When they do not define a line (equal
        sizes, or noise that tilts it the wrong way), three quarters of the quickest step
        is taken for the fixed cost: sizes then move, and the next steps define it."""
        count = len(self._seen)
        mean_n = sum(n for n, _ in self._seen) / count
        mean_t = sum(t for _, t in self._seen) / count
        spread = sum((n - mean_n) ** 2 for n, _ in self._seen)
        if count >= 3 and spread > 0:
            per_order = sum((n - mean_n) * (t - mean_t) for n, t in self._seen) / spread
            fixed = mean_t - per_order * mean_n
            if per_order > 0:
                return (fixed, per_order) if fixed >= 0 else (0.0, mean_t / mean_n)
        fixed = 0.75 * min(t for _, t in self._seen)
        return fixed, max(mean_t - fixed, 1e-7) / mean_n


class ChannelOffline(Exception):
    """Internal: the cycle stops, the channel shows offline, a back-off retry is scheduled.

    `until` is when the channel said it takes calls again (a call-limit ban), if it did."""

    def __init__(self, message: str, until: datetime | None = None) -> None:
        self.until = until
        super().__init__(message)


class ChannelSync:
    """One channel's cycle: pull every page, take it in, then push the outbox in id order."""

    def __init__(self, channel: ChannelView, adapter: ChannelAdapter, uow: SyncUnitOfWorkFactory,
                 *, wait: Callable[[float], bool], report: Callable[[str], None],
                 rng: random.Random, max_rate_waits: int = 6,
                 max_wait_s: float = MAX_WAIT_S, claimant: Claimant | None = None) -> None:
        self.channel, self.adapter, self.uow = channel, adapter, uow
        self._wait, self._report, self._rng = wait, report, rng
        self._rate_waits_left = max_rate_waits
        self._wait_budget_s = max_wait_s
        self.claimant = claimant or Claimant.for_station(uow().station)
        self.pulled = self.pushed = self.failed = self.parked = 0
        self.pulled_elsewhere = ""  # the station that was pulling this channel's orders
        self._turns = turns_of(uow)
        self._steps = StepSizes(STEP_S, FIRST_STEP, STORE_BATCH)

    def run(self) -> str:
        self.pull()
        self.drain()
        pulled = (Msg("{pulled} orders in", pulled=self.pulled) if not self.pulled_elsewhere
                  else Msg("orders being pulled by {pulled_elsewhere}",
                           pulled_elsewhere=self.pulled_elsewhere))
        return (Msg("{pulled}, {pushed} changes out", pulled=pulled, pushed=self.pushed)
                + (f", {self.failed} failed" if self.failed else "")
                + (Msg(", {parked} parked (see exceptions)", parked=self.parked) if self.parked else ""))

    def _call(self, action: Callable[[], object]):
        """Run one channel call, waiting out rate limits (Retry-After plus jitter), bounded:
        a wait longer than what is left of the cycle's budget takes the channel offline
        until the time the channel named."""
        while True:
            try:
                return action()
            except RateLimited as exc:
                pause = exc.retry_after_s + self._rng.uniform(0.05, 0.25 + exc.retry_after_s / 4)
                if self._rate_waits_left <= 0 or pause > self._wait_budget_s:
                    until = self.uow().now() + timedelta(seconds=exc.retry_after_s)
                    raise ChannelOffline(Msg("rate limited for {retry_after_s:.0f} s: {exc}",
                                             retry_after_s=exc.retry_after_s, exc=exc),
                                         until) from exc
                self._rate_waits_left -= 1
                self._wait_budget_s -= pause
                self._report(Msg("rate limited, waiting {pause:.1f} s", pause=pause))
                if self._wait(pause):
                    raise ChannelOffline(Msg("stopped while waiting for the rate limit")) from exc
            except ChannelUnavailable as exc:
                raise ChannelOffline(str(exc)) from exc

    # --- orders in ------------------------------------------------------------------------

    def pull(self) -> None:
        """Only the holder of the channel's pull lease pulls: another station pulling the
        same pages would take the same orders in twice over. The lease is renewed page by
        page and given back at the end; one left by a killed process lapses."""
        lease = pull_lease(self.channel.code)
        if not take_lease(lease, self.claimant, self.uow()):
            self.pulled_elsewhere = lease_holder(lease, self.uow()) or Msg("another station")
            self._report(Msg("orders being pulled by {pulled_elsewhere}",
                             pulled_elsewhere=self.pulled_elsewhere))
            return
        self.pulled_elsewhere = ""
        try:
            self._pull_pages(lambda: renew_lease(lease, self.claimant, self.uow()))
        finally:
            release_lease(lease, self.claimant, self.uow())

    def _pull_pages(self, still_ours: Callable[[], bool]) -> None:
        """Pages gathered, several small pages together (a platform's cost limit keeps a
        Shopify page at about 16 orders) up to STORE_BATCH orders, and stored in short
        steps with the cursor in the last (`_store`). The next page is fetched while one is stored: the channel's
        latency and the store's write overlap. What fails to store is pulled again from the
        stored cursor next cycle; what was gathered is stored before a failure is raised."""
        page = self._pull_page(_cursor(self.uow, self.channel.code))
        orders: list = []
        errors: list = []
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pull-ahead") as ahead:
            for _ in range(MAX_PAGES):
                following = None if page.done else ahead.submit(self._pull_page,
                                                                page.next_cursor)
                orders += page.orders
                errors += page.mapping_errors
                cursor = page.next_cursor
                if following is not None and len(orders) + len(errors) < STORE_BATCH:
                    try:  # keep gathering
                        page = following.result()
                    except BaseException:
                        self._store(orders, errors, cursor)
                        raise
                    continue
                try:
                    self._store(orders, errors, cursor)
                except BaseException:
                    if following is not None:
                        following.cancel()
                    raise
                orders, errors = [], []
                if following is None:
                    return
                if not still_ours():  # lapsed and taken over: the successor goes on
                    following.cancel()
                    return
                if self._wait(0):  # the station is stopping: the stored cursor resumes it
                    following.cancel()
                    return
                page = following.result()

    def _store(self, orders: list, errors: list, cursor) -> None:
        """Gathered orders in short steps, each its own transaction taken in its turn
        (a person's scan first), the cursor after them with the last step. Killed between
        steps, the next cycle pulls the same orders again from the stored cursor and finds
        the ones already in (intake is idempotent by the channel's order id)."""
        results: list = []
        with cycle_collector_paused():  # mapped before the steps: no turn needed for it
            left = intake_map.batch(orders, errors, self.channel.code)
        while True:  # an empty page too stores its cursor
            size = self._steps.next_size()
            step, left = left[:size], left[size:]
            with self._turns.background_step(), cycle_collector_paused():
                # from its turn (a wait for a scan is no cost), in this thread's own time:
                # the other threads' share of the interpreter and the cores is no cost
                # either (a busy station: 260 ms of the clock, 10 ms of the thread's, for a
                # step of one order, and the steps stayed at one order each)
                started = time.thread_time()
                results += take_in_with_retries(
                    step, self.uow, cursor=None if left else (self.channel.code, cursor))
                took = time.thread_time() - started
            self._steps.took(len(step), took)
            if not left:
                break
        self.pulled += len(orders)
        self.parked += sum(result.outcome is IntakeOutcome.PARKED for result in results)
        self._report(Msg("{pulled} orders in", pulled=self.pulled))

    def _pull_page(self, cursor: str | None):
        try:
            return self._call(lambda: self.adapter.pull_orders(cursor))
        except ChannelDataError as exc:  # a bad page: the same cursor is tried next cycle
            raise ChannelOffline(Msg("could not read orders: {exc}", exc=exc)) from exc

    # --- changes out ----------------------------------------------------------------------

    def drain(self) -> None:
        """Claimed batches from the head of the queue, until it is empty, not yet due, or
        another runner holds it. Claims are renewed while the batch is sent, also while one
        slow send is in flight, and what is left unsent when the cycle stops goes back to
        the queue at once."""
        while True:
            batch = box.next_batch(self.channel.code, self.uow(), self.claimant)
            if not batch:
                return
            claimed_at, left = time.monotonic(), list(batch)
            try:
                with _claims_kept(left, self.claimant, self.uow):
                    while left:
                        if time.monotonic() - claimed_at > self.claimant.lease.total_seconds() / 3:
                            if not box.keep_claims(left, self.claimant, self.uow()):
                                return
                            claimed_at = time.monotonic()
                        if not self._push(left[0]):
                            return  # waiting for a retry time: keep the order, try next cycle
                        left.pop(0)
                        self._report(Msg("{pushed} changes out", pushed=self.pushed))
            except ClaimLost as exc:
                log.warning("%s: %s", self.channel.code, exc)
                return
            finally:
                box.release_claims(left, self.claimant, self.uow())

    def _push(self, item: box.OutboxItem) -> bool:
        try:
            if item.kind == OutboxKind.FULFILMENT:
                note, seen = self._push_fulfilment(item), None
            elif item.kind == OutboxKind.STOCK_LEVEL:
                note, seen = self._push_stock(item)
            elif item.kind == OutboxKind.REFUND:
                note, seen = self._push_refund(item), None
            else:
                raise ChannelRejected(Msg("Packdesk cannot send {kind!r} messages yet",
                                          kind=item.kind))
        except ChannelRejected as exc:
            self.failed += 1
            box.record_failure(item, str(exc), self.uow(), retry_at=None)
            return True  # FAILED for a person; later messages still go
        except (ChannelDataError, StaleStock) as exc:
            retry_at = self.uow().now() + timedelta(seconds=30 * 2 ** min(item.attempts, 6))
            status = box.record_failure(item, str(exc), self.uow(), retry_at)
            self.failed += status == OutboxStatus.FAILED
            return status == OutboxStatus.FAILED
        box.record_sent(item, self.uow(), note, seen)
        self.pushed += 1
        return True

    def _push_fulfilment(self, item: box.OutboxItem) -> str:
        notice = box.shipment_notice(item, self.uow())
        parcel = Fulfilment(notice.channel_order_id, notice.tracking_number, notice.carrier,
                            tuple(FulfilmentLine(i, q) for i, q in notice.lines),
                            notice.idempotency_key)
        result = self._call(lambda: self.adapter.push_fulfilment(parcel))
        return result.note or (Msg("already on the channel") if result.already_applied else "")

    def _push_refund(self, item: box.OutboxItem) -> str:
        """Money back for a return case; the adapter's key or read-back makes it once only."""
        try:
            notice = box.refund_notice(item, self.uow())
        except (NotFound, NotAllowed) as exc:
            raise ChannelRejected(str(exc)) from exc
        refund = Refund(notice.channel_order_id, Decimal(notice.amount_cents) / 100,
                        notice.currency,
                        tuple(RefundLine(i, q, Decimal(c) / 100) for i, q, c in notice.lines),
                        notice.reason, notice.idempotency_key)
        result = self._call(lambda: self.adapter.push_refund(refund))
        return result.note or (Msg("already on the channel") if result.already_applied else "")

    def _push_stock(self, item: box.OutboxItem) -> tuple[str, int]:
        """Compare-and-set against the last value seen; stale: pull, recompute, try again."""
        sku, quantity = item.payload["sku"], int(item.payload["quantity"])
        compare = box.stock_now(self.channel.code, sku, self.uow())[1]
        for attempt in range(STALE_RETRIES + 1):
            level = StockLevel(sku, quantity, compare, item.idempotency_key)
            try:
                result = self._call(lambda lv=level: self.adapter.set_stock(lv))
                return result.note, quantity
            except StaleStock as exc:
                if attempt == STALE_RETRIES:
                    raise
                self._report(Msg("{sku} changed at the channel; pulling orders and recomputing",
                                 sku=sku))
                self.pull()  # the channel's own sales land in our stock first
                quantity = box.stock_now(self.channel.code, sku, self.uow())[0]
                compare = exc.remote_quantity
        raise AssertionError("unreachable")


@contextmanager
def _claims_kept(left: list[box.OutboxItem], claimant: Claimant,
                 uow: SyncUnitOfWorkFactory) -> Iterator[None]:
    """Renew the claims on what is `left` of a batch every third of the lease, from a thread
    of its own, while the batch is sent: one HTTP call slower than the lease (a channel
    taking its time, up to the adapter's timeout) must not let another runner claim the
    message and send it again. A claim lost all the same is caught when the outcome is
    recorded (ClaimLost): the runner that lost it records nothing."""
    stop = threading.Event()

    def renew() -> None:
        while not stop.wait(claimant.lease.total_seconds() / 3):
            try:
                box.keep_claims(list(left), claimant, uow())
            except Exception as exc:  # a busy or dropped store: try again at the next beat
                log.warning("could not renew the outbox claims: %s", exc)

    beat = threading.Thread(target=renew, name="outbox-claims", daemon=True)
    beat.start()
    try:
        yield
    finally:
        stop.set()
        beat.join()


def _cursor(uow: SyncUnitOfWorkFactory, code: str) -> str | None:
    with uow() as u:
        channel = u.outbox.channel(code)
        return channel.pull_cursor if channel else None
