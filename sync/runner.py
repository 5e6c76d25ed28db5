"""The background sync: per channel, pull orders in, then drain the outbox out, in plain threads.

Qt is not imported here: the status bar adapts the callbacks (ui/sync_status.py). A channel
that cannot be reached goes offline with its queue depth shown and is tried again with
jittered back-off; nothing queued is lost, because a message leaves the outbox only after the
channel confirmed it, and a retried push is recognised by the adapter (keys, read-back).
"""

from __future__ import annotations

import gc
import logging
import random
import threading
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import timedelta
from decimal import Decimal

from app.domain.error_text import describe
from app.domain.errors import NotAllowed, NotFound
from app.services import outbox as box
from app.services.channel_stock import ChannelView, list_channels, note_result
from app.services.intake import take_in_with_retries
from app.services.unit_of_work import SyncUnitOfWorkFactory
from sync import intake_map
from sync.base import (
    BadCursor,
    ChannelAdapter,
    ChannelDataError,
    ChannelError,
    ChannelRejected,
    ChannelUnavailable,
    RateLimited,
    StaleStock,
)
from sync.credentials import CredentialsMissing, CredentialStore
from sync.model import Fulfilment, FulfilmentLine, Refund, RefundLine, StockLevel
from sync.shopify import ShopifyAdapter, ShopifyCredentials
from sync.taobao import TaobaoAdapter, TaobaoCredentials
from sync.woocommerce import WooCommerceAdapter, WooCredentials

log = logging.getLogger("packdesk.sync")
DEFAULT_INTERVAL_S = 15 * 60
MAX_PAGES = 10_000
STALE_RETRIES = 3


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


@dataclass(frozen=True)
class ChannelState:
    code: str
    online: bool = True
    running: bool = False
    queue_depth: int = 0
    last_result: str = ""
    progress: str = ""
    failed: int = 0


class SettingsInvalid(ValueError):
    """A channel's settings an adapter refused (e.g. a shop address that is not https)."""


SAFE_TO_SHOW = (ChannelError, CredentialsMissing, BadCursor, SettingsInvalid)  # written to show


class ChannelOffline(Exception):
    """Internal: the cycle stops, the channel shows offline, a back-off retry is scheduled."""


class ChannelSync:
    """One channel's cycle: pull every page, take it in, then push the outbox in id order."""

    def __init__(self, channel: ChannelView, adapter: ChannelAdapter, uow: SyncUnitOfWorkFactory,
                 *, wait: Callable[[float], bool], report: Callable[[str], None],
                 rng: random.Random, max_rate_waits: int = 6) -> None:
        self.channel, self.adapter, self.uow = channel, adapter, uow
        self._wait, self._report, self._rng = wait, report, rng
        self._rate_waits_left = max_rate_waits
        self.pulled = self.pushed = self.failed = self.parked = 0

    def run(self) -> str:
        self.pull()
        self.drain()
        return (f"{self.pulled} orders in, {self.pushed} changes out"
                + (f", {self.failed} failed" if self.failed else "")
                + (f", {self.parked} parked (see exceptions)" if self.parked else ""))

    def _call(self, action: Callable[[], object]):
        """Run one channel call, waiting out rate limits (Retry-After plus jitter), bounded."""
        while True:
            try:
                return action()
            except RateLimited as exc:
                if self._rate_waits_left <= 0:
                    raise ChannelOffline(f"still rate limited: {exc}") from exc
                self._rate_waits_left -= 1
                pause = exc.retry_after_s + self._rng.uniform(0.05, 0.25 + exc.retry_after_s / 4)
                self._report(f"rate limited, waiting {pause:.1f} s")
                if self._wait(pause):
                    raise ChannelOffline("stopped while waiting for the rate limit") from exc
            except ChannelUnavailable as exc:
                raise ChannelOffline(str(exc)) from exc

    # --- orders in ------------------------------------------------------------------------

    def pull(self) -> None:
        """Page after page, each stored with its cursor in one transaction. The next page is
        fetched while this one is stored: the channel's latency and the store's write
        overlap. A page that fails to store is pulled again from its cursor next cycle."""
        page = self._pull_page(_cursor(self.uow, self.channel.code))
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pull-ahead") as ahead:
            for _ in range(MAX_PAGES):
                following = None if page.done else ahead.submit(self._pull_page,
                                                                page.next_cursor)
                try:
                    with cycle_collector_paused():
                        items = intake_map.batch(page.orders, page.mapping_errors,
                                                 self.channel.code)
                        results = take_in_with_retries(
                            items, self.uow, cursor=(self.channel.code, page.next_cursor))
                except BaseException:
                    if following is not None:
                        following.cancel()
                    raise
                self.pulled += len(page.orders)
                self.parked += sum(result.outcome == "parked" for result in results)
                self._report(f"{self.pulled} orders in")
                if following is None:
                    return
                page = following.result()

    def _pull_page(self, cursor: str | None):
        try:
            return self._call(lambda: self.adapter.pull_orders(cursor))
        except ChannelDataError as exc:  # a bad page: the same cursor is tried next cycle
            raise ChannelOffline(f"could not read orders: {exc}") from exc

    # --- changes out ----------------------------------------------------------------------

    def drain(self) -> None:
        while True:
            batch = box.next_batch(self.channel.code, self.uow())
            if not batch:
                return
            for item in batch:
                if not self._push(item):
                    return  # waiting for a retry time: keep the order, try next cycle
                self._report(f"{self.pushed} changes out")

    def _push(self, item: box.OutboxItem) -> bool:
        try:
            if item.kind == "fulfilment":
                note, seen = self._push_fulfilment(item), None
            elif item.kind == "stock_level":
                note, seen = self._push_stock(item)
            elif item.kind == "refund":
                note, seen = self._push_refund(item), None
            else:
                raise ChannelRejected(f"Packdesk cannot send {item.kind!r} messages yet")
        except ChannelRejected as exc:
            self.failed += 1
            box.record_failure(item, str(exc), self.uow(), retry_at=None)
            return True  # FAILED for a person; later messages still go
        except (ChannelDataError, StaleStock) as exc:
            retry_at = self.uow().now() + timedelta(seconds=30 * 2 ** min(item.attempts, 6))
            status = box.record_failure(item, str(exc), self.uow(), retry_at)
            self.failed += status == "failed"
            return status == "failed"
        box.record_sent(item, self.uow(), note, seen)
        self.pushed += 1
        return True

    def _push_fulfilment(self, item: box.OutboxItem) -> str:
        notice = box.shipment_notice(item, self.uow())
        parcel = Fulfilment(notice.channel_order_id, notice.tracking_number, notice.carrier,
                            tuple(FulfilmentLine(i, q) for i, q in notice.lines),
                            notice.idempotency_key)
        result = self._call(lambda: self.adapter.push_fulfilment(parcel))
        return result.note or ("already on the channel" if result.already_applied else "")

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
        return result.note or ("already on the channel" if result.already_applied else "")

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
                self._report(f"{sku} changed at the channel; pulling orders and recomputing")
                self.pull()  # the channel's own sales land in our stock first
                quantity = box.stock_now(self.channel.code, sku, self.uow())[0]
                compare = exc.remote_quantity
        raise AssertionError("unreachable")


def _frames(error: BaseException) -> str:
    """Where an error happened, for the log: file, line and code, never the values (an
    exception's own text may carry a failed statement's parameters: buyers' data)."""
    frames: list[str] = []
    while error is not None and len(frames) < 10:
        frames.append(f"{type(error).__name__}:\n" + "".join(
            traceback.format_tb(error.__traceback__)))
        error = error.__cause__ or error.__context__
    return "\n".join(frames)


def _cursor(uow: SyncUnitOfWorkFactory, code: str) -> str | None:
    with uow() as u:
        channel = u.outbox.channel(code)
        return channel.pull_cursor if channel else None


class SyncRunner:
    """Per-channel worker threads, every `interval_s` and on `sync_now()`.

    `on_state(ChannelState)` is called from worker threads; a UI must hop to its own thread.
    """

    def __init__(self, uow: SyncUnitOfWorkFactory,
                 adapter_for: Callable[[ChannelView], ChannelAdapter], *,
                 interval_s: float = DEFAULT_INTERVAL_S,
                 on_state: Callable[[ChannelState], None] | None = None,
                 rng: random.Random | None = None, backoff_cap_s: float | None = None) -> None:
        self.uow, self.adapter_for, self.interval_s = uow, adapter_for, interval_s
        self.on_state = on_state or (lambda state: None)
        self.rng = rng or random.Random()
        self.backoff_cap_s = backoff_cap_s or interval_s
        self._states: dict[str, ChannelState] = {}
        self._wake: dict[str, threading.Event] = {}
        self._threads: list[threading.Thread] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()

    # --- state ----------------------------------------------------------------------------

    def states(self) -> list[ChannelState]:
        with self._lock:
            return sorted(self._states.values(), key=lambda s: s.code)

    def _set(self, code: str, **changes) -> ChannelState:
        with self._lock:
            state = replace(self._states.get(code) or ChannelState(code), **changes)
            self._states[code] = state
        self.on_state(state)
        return state

    def _channels(self) -> list[ChannelView]:
        return [c for c in list_channels(self.uow()) if c.enabled and c.kind != "csv"]

    # --- one cycle ------------------------------------------------------------------------

    def sync_channel(self, channel: ChannelView) -> ChannelState:
        """One full cycle for one channel; never raises (the result says what happened)."""
        self._set(channel.code, running=True, progress="starting")
        online, result = True, ""
        try:
            try:
                adapter = self.adapter_for(channel)
            except ValueError as exc:  # the channel's settings, named by the adapter
                raise SettingsInvalid(str(exc)) from exc
            try:
                worker = ChannelSync(channel, adapter, self.uow, wait=self._stop.wait,
                                     report=lambda text: self._set(channel.code, progress=text),
                                     rng=self.rng)
                result = worker.run()
            finally:
                adapter.close()
        except ChannelOffline as exc:
            online, result = False, f"offline: {exc}"
        except SAFE_TO_SHOW as exc:
            result = f"error: {exc}"
        except Exception as exc:  # a worker thread must survive anything (and say so)
            result = f"error: {channel.code}: {describe(exc, SAFE_TO_SHOW)}"
            log.error("sync of %s failed: %s\n%s", channel.code, result, _frames(exc))
        note_result(self.uow(), channel.code, result)
        depth = box.queue_depth(self.uow(), channel.code)
        failed = len(self._failed(channel.code))
        return self._set(channel.code, running=False, online=online, last_result=result,
                         queue_depth=depth, failed=failed, progress="")

    def _failed(self, code: str) -> list:
        with self.uow() as u:
            return [m.id for m in u.outbox.failed(code)]

    def run_once(self, codes: list[str] | None = None) -> list[ChannelState]:
        """Every enabled channel once, in this thread (`packdesk sync --once`)."""
        return [self.sync_channel(c) for c in self._channels()
                if codes is None or c.code in codes]

    # --- the threads ----------------------------------------------------------------------

    def start(self) -> None:
        self._stop.clear()
        for channel in self._channels():
            self._wake[channel.code] = threading.Event()
            depth = box.queue_depth(self.uow(), channel.code)
            self._set(channel.code, queue_depth=depth, last_result=channel.last_result)
            thread = threading.Thread(target=self._loop, args=(channel,), daemon=True,
                                      name=f"sync-{channel.code}")
            self._threads.append(thread)
            thread.start()

    def _loop(self, channel: ChannelView) -> None:
        failures = 0
        while not self._stop.is_set():
            state = self.sync_channel(channel)
            failures = 0 if state.online else failures + 1
            delay = self.interval_s if state.online else self._backoff(failures)
            wake = self._wake[channel.code]
            wake.wait(delay)
            wake.clear()

    def _backoff(self, failures: int) -> float:
        """5 s, 10 s, 20 s ... up to the cap, each with up to 50 % jitter."""
        base = min(self.backoff_cap_s, 5.0 * 2 ** min(failures - 1, 10))
        return base * self.rng.uniform(0.5, 1.0)

    def sync_now(self, code: str | None = None) -> None:
        for name, event in self._wake.items():
            if code is None or name == code:
                event.set()

    def wait_stopped(self, timeout_s: float | None = None) -> bool:
        return self._stop.wait(timeout_s)

    def stop(self, timeout_s: float = 10.0) -> None:
        self._stop.set()
        for event in self._wake.values():
            event.set()
        for thread in self._threads:
            thread.join(timeout_s)
        self._threads.clear()


def adapter_factory(credentials: CredentialStore, *, timeout_s: float = 20.0
                    ) -> Callable[[ChannelView], ChannelAdapter]:
    """Adapters built from the channel's settings (store) and its secrets (keyring)."""

    def build(channel: ChannelView) -> ChannelAdapter:
        secrets, settings = credentials.load(channel.code, channel.kind), channel.settings
        try:
            if channel.kind == "shopify":
                return ShopifyAdapter(ShopifyCredentials(
                    settings["shop_url"], secrets["access_token"], settings["location_id"]),
                    timeout_s=timeout_s)
            if channel.kind == "woocommerce":
                return WooCommerceAdapter(WooCredentials(
                    settings["store_url"], secrets["consumer_key"], secrets["consumer_secret"]),
                    timeout_s=timeout_s)
            if channel.kind == "taobao":
                return TaobaoAdapter(TaobaoCredentials(
                    settings["gateway_url"], settings["app_key"], secrets["app_secret"],
                    secrets["session"]), timeout_s=timeout_s)
        except KeyError as exc:
            raise CredentialsMissing(f"Channel {channel.code} has no {exc.args[0]} setting; "
                                     "set it up again.") from None
        raise CredentialsMissing(f"Channel {channel.code} ({channel.kind}) has nothing to sync.")

    return build


SETTINGS_FIELDS = {"shopify": ("shop_url", "location_id"), "woocommerce": ("store_url",),
                   "taobao": ("gateway_url", "app_key"), "csv": ()}
