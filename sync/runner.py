"""The background sync: per channel, pull orders in, then drain the outbox out, in plain threads.

Qt is not imported here: the status bar adapts the callbacks (ui/sync_status.py). A channel
that cannot be reached goes offline with its queue depth shown and is tried again with
jittered back-off; nothing queued is lost, because a message leaves the outbox only after the
channel confirmed it, and a retried push is recognised by the adapter (keys, read-back).
One channel's cycle is sync/channel_sync.py; channels set up while running are picked up.
"""

from __future__ import annotations

import logging
import random
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from app.domain.channels import ChannelKind
from app.domain.error_text import describe
from app.domain.errors import PackdeskError
from app.domain.messages import Msg
from app.services import outbox as box
from app.services.alert_notices import list_routes
from app.services.alerts import refresh_alerts
from app.services.channel_stock import ChannelView, list_channels, note_result
from app.services.leases import DEFAULT_LEASE_S, Claimant
from app.services.report_mail import queue_weekly_reports
from app.services.unit_of_work import SyncUnitOfWorkFactory
from sync.alert_delivery import AlertDelivery, DeliveryResult, ReportPdf
from sync.base import BadCursor, ChannelAdapter, ChannelError
from sync.carrier_codes import CarrierCodes
from sync.catalogue_sync import KINDS as CATALOGUE_KINDS
from sync.catalogue_sync import pull_changed_catalogue
from sync.catalogue_sync import summary as catalogue_summary
from sync.channel_sync import MAX_WAIT_S, ChannelOffline, ChannelSync, cycle_collector_paused
from sync.credentials import CredentialsMissing, CredentialStore
from sync.douyin import DouyinAdapter, DouyinCredentials
from sync.jd import JdAdapter, JdCredentials
from sync.pinduoduo import PddCredentials, PinduoduoAdapter
from sync.shopify import ShopifyAdapter, ShopifyCredentials
from sync.taobao import TaobaoAdapter, TaobaoCredentials
from sync.woocommerce import WooCommerceAdapter, WooCredentials

__all__ = ["ChannelState", "ChannelSync", "SyncRunner", "adapter_factory",
           "cycle_collector_paused"]

log = logging.getLogger("packdesk.sync")
DEFAULT_INTERVAL_S = 15 * 60
ALERT_INTERVAL_S = 30.0  # a supervisor hears of an alert within about half a minute


@dataclass(frozen=True)
class ChannelState:
    code: str
    online: bool = True
    running: bool = False
    queue_depth: int = 0
    last_result: str = ""
    progress: str = ""
    failed: int = 0
    offline_until: datetime | None = None  # when the channel said it takes calls again


class SettingsInvalid(ValueError):
    """A channel's settings an adapter refused (e.g. a shop address that is not https)."""


SAFE_TO_SHOW = (ChannelError, CredentialsMissing, BadCursor, SettingsInvalid)  # written to show


def _frames(error: BaseException) -> str:
    """Where an error happened, for the log: file, line and code, never the values (an
    exception's own text may carry a failed statement's parameters: buyers' data)."""
    frames: list[str] = []
    while error is not None and len(frames) < 10:
        frames.append(f"{type(error).__name__}:\n" + "".join(
            traceback.format_tb(error.__traceback__)))
        error = error.__cause__ or error.__context__
    return "\n".join(frames)


class SyncRunner:
    """Per-channel worker threads, every `interval_s` and on `sync_now()`.

    `on_state(ChannelState)` is called from worker threads; a UI must hop to its own thread.
    """

    def __init__(self, uow: SyncUnitOfWorkFactory,
                 adapter_for: Callable[[ChannelView], ChannelAdapter], *,
                 interval_s: float = DEFAULT_INTERVAL_S,
                 on_state: Callable[[ChannelState], None] | None = None,
                 rng: random.Random | None = None, backoff_cap_s: float | None = None,
                 lease_s: float = DEFAULT_LEASE_S,
                 alerts: Callable[[Claimant], AlertDelivery] | None = None,
                 alert_interval_s: float = ALERT_INTERVAL_S,
                 max_wait_s: float = MAX_WAIT_S, catalogue: bool = False) -> None:
        self.uow, self.adapter_for, self.interval_s = uow, adapter_for, interval_s
        # each cycle also pulls what changed in the catalogue of a channel that has one
        # (sync/catalogue_sync.py), under its own lease
        self.catalogue = catalogue
        self.max_wait_s = max_wait_s  # rate-limit waits per cycle; longer ones go offline
        self.on_state = on_state or (lambda state: None)
        self.rng = rng or random.Random()
        self.backoff_cap_s = backoff_cap_s or interval_s
        self.claimant = Claimant.for_station(uow().station, lease_s)
        self._states: dict[str, ChannelState] = {}
        self._wake: dict[str, threading.Event] = {}
        self._rescan = threading.Event()
        self._threads: list[threading.Thread] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        # alert notices to the supervisor's robots and mail (issue 18), drained in their thread
        self.alerts = alerts(self.claimant) if alerts is not None else None
        self.alert_interval_s = alert_interval_s
        self.alert_result: DeliveryResult | None = None
        self._alert_wake = threading.Event()

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
        return [c for c in list_channels(self.uow()) if c.enabled and c.kind != ChannelKind.CSV]

    # --- one cycle ------------------------------------------------------------------------

    def sync_channel(self, channel: ChannelView) -> ChannelState:
        """One full cycle for one channel; never raises (the result says what happened)."""
        self._set(channel.code, running=True, progress="starting")
        online, result, until = True, "", None
        try:
            try:
                adapter = self.adapter_for(channel)
            except ValueError as exc:  # the channel's settings, named by the adapter
                raise SettingsInvalid(str(exc)) from exc
            try:
                worker = ChannelSync(channel, adapter, self.uow, wait=self._stop.wait,
                                     report=lambda text: self._set(channel.code, progress=text),
                                     rng=self.rng, claimant=self.claimant,
                                     max_wait_s=self.max_wait_s)
                result = worker.run()
                if self.catalogue and channel.kind in CATALOGUE_KINDS:
                    result += "; " + self._pull_catalogue(channel, adapter)
            finally:
                adapter.close()
        except ChannelOffline as exc:
            online, until = False, exc.until
            result = (Msg("offline until {until:%Y-%m-%d %H:%M} UTC: {exc}",
                          until=until.astimezone(UTC), exc=exc)
                      if until else f"offline: {exc}")
        except SAFE_TO_SHOW as exc:
            result = f"error: {exc}"
        except Exception as exc:  # a worker thread must survive anything (and say so)
            result = f"error: {channel.code}: {describe(exc, SAFE_TO_SHOW)}"
            log.error("sync of %s failed: %s\n%s", channel.code, result, _frames(exc))
        note_result(self.uow(), channel.code, result)
        depth = box.queue_depth(self.uow(), channel.code)
        failed = len(self._failed(channel.code))
        return self._set(channel.code, running=False, online=online, last_result=result,
                         queue_depth=depth, failed=failed, progress="", offline_until=until)

    def _pull_catalogue(self, channel: ChannelView, adapter: ChannelAdapter) -> str:
        """What changed in the channel's catalogue; a failure is said, the orders' cycle
        stands (the next cycle asks again from the same time)."""
        self._set(channel.code, progress=Msg("catalogue"))
        try:
            report = pull_changed_catalogue(
                self.uow, channel, adapter, self.claimant.holder,
                self.claimant, on_page=lambda r: self._set(channel.code, progress=Msg(
                    "catalogue: {count} products", count=r.added + r.updated)))
        except SAFE_TO_SHOW as exc:
            return Msg("catalogue not pulled: {exc}", exc=exc)
        except Exception as exc:  # the orders' cycle stands; the log says where
            log.error("catalogue pull of %s failed\n%s", channel.code, _frames(exc))
            return Msg("catalogue not pulled: {exc}", exc=describe(exc, SAFE_TO_SHOW))
        return catalogue_summary(report)

    def _failed(self, code: str) -> list:
        with self.uow() as u:
            return [m.id for m in u.outbox.failed(code)]

    def run_once(self, codes: list[str] | None = None) -> list[ChannelState]:
        """Every enabled channel once, in this thread (`packdesk sync --once`), then the
        alert notices waiting for the routes (`alert_result`)."""
        states = [self.sync_channel(c) for c in self._channels()
                  if codes is None or c.code in codes]
        self.deliver_alerts()
        return states

    def deliver_alerts(self) -> DeliveryResult | None:
        """Send what the alert routes are owed; never raises."""
        if self.alerts is None:
            return None
        try:
            self._raise_alerts()
            self.alert_result = self.alerts.deliver()
        except Exception:  # the store is away for a moment: the next round sends them
            log.exception("alert delivery failed")
        return self.alert_result

    def _raise_alerts(self) -> None:
        """A station with no bench open (cron's `sync --once`, a headless box) raises what is
        due itself, so the routes hear of it; stations racing to raise one alert store it
        once (its key is unique) and the loser's attempt is dropped."""
        if not any(route.enabled for route in list_routes(self.uow())):
            return
        try:
            refresh_alerts(self.uow(), read_open=False)  # nobody here reads the list
        except PackdeskError as exc:  # another station raised it first, the store is busy
            log.info("alerts not raised here this round: %s", exc)
        try:
            queue_weekly_reports(self.uow())  # the Monday report, once for all stations
        except PackdeskError as exc:  # another station queued it first, the store is busy
            log.info("weekly reports not queued here this round: %s", exc)

    def _alert_loop(self) -> None:
        while not self._stop.is_set():
            self.deliver_alerts()
            self._alert_wake.wait(self.alert_interval_s)
            self._alert_wake.clear()

    # --- the threads ----------------------------------------------------------------------

    def start(self) -> None:
        """A watcher thread starts one worker per channel, and one for each channel set up
        later: it looks again every `interval_s` and at once on `sync_now()`."""
        self._stop.clear()
        watcher = threading.Thread(target=self._watch, daemon=True, name="sync-channels")
        self._threads.append(watcher)
        watcher.start()
        if self.alerts is not None:
            notices = threading.Thread(target=self._alert_loop, daemon=True, name="sync-alerts")
            self._threads.append(notices)
            notices.start()

    def _watch(self) -> None:
        while not self._stop.is_set():
            try:
                self._start_new_channels()
            except Exception:  # a store hiccup must not end the watching
                log.exception("could not read the channel list")
            self._rescan.wait(self.interval_s)
            self._rescan.clear()

    def _start_new_channels(self) -> None:
        for channel in self._channels():
            with self._lock:
                if channel.code in self._wake or self._stop.is_set():
                    continue
            depth = box.queue_depth(self.uow(), channel.code)
            self._set(channel.code, queue_depth=depth, last_result=channel.last_result)
            with self._lock:
                if self._stop.is_set():
                    return
                self._wake[channel.code] = threading.Event()
                thread = threading.Thread(target=self._loop, args=(channel,), daemon=True,
                                          name=f"sync-{channel.code}")
                self._threads.append(thread)
                thread.start()

    def _loop(self, channel: ChannelView) -> None:
        """Each cycle reads the channel afresh (settings edited, channel switched off)."""
        failures, code = 0, channel.code
        while not self._stop.is_set():
            try:
                channel = next((c for c in self._channels() if c.code == code), None)
            except Exception:  # the store is away for a moment: sync as last seen
                log.exception("could not read channel %s", code)
            if channel is None:
                with self._lock:
                    self._wake.pop(code, None)
                return
            state = self.sync_channel(channel)
            failures = 0 if state.online else failures + 1
            delay = self.interval_s if state.online else self._backoff(failures)
            if state.offline_until is not None:  # a ban: no call before it ends
                delay = max(delay, (state.offline_until - datetime.now(UTC)).total_seconds())
            wake = self._wake.get(code)
            if wake is None:  # stopped
                return
            wake.wait(delay)
            wake.clear()

    def _backoff(self, failures: int) -> float:
        """5 s, 10 s, 20 s ... up to the cap, each with up to 50 % jitter."""
        base = min(self.backoff_cap_s, 5.0 * 2 ** min(failures - 1, 10))
        return base * self.rng.uniform(0.5, 1.0)

    def sync_now(self, code: str | None = None) -> None:
        """Wake the workers; the watcher also looks for channels set up since the start
        (their new workers sync at once). Never blocks: the UI calls it."""
        self._rescan.set()
        self._alert_wake.set()
        with self._lock:
            events = [e for name, e in self._wake.items() if code is None or name == code]
        for event in events:
            event.set()

    def wait_stopped(self, timeout_s: float | None = None) -> bool:
        return self._stop.wait(timeout_s)

    def stop(self, timeout_s: float = 10.0) -> None:
        self._stop.set()
        self._rescan.set()
        self._alert_wake.set()
        with self._lock:
            events, threads = list(self._wake.values()), list(self._threads)
        for event in events:
            event.set()
        for thread in threads:
            thread.join(timeout_s)
        with self._lock:
            self._threads.clear()
            self._wake.clear()


def alert_delivery(uow: SyncUnitOfWorkFactory, credentials: CredentialStore,
                   timeout_s: float = 20.0, report_pdf: ReportPdf | None = None,
                   ) -> Callable[[Claimant], AlertDelivery]:
    """What SyncRunner(alerts=...) wants: the alert sender, claiming as the runner does;
    `report_pdf` renders the weekly report for the Monday mail (printing's, from main.py)."""
    return lambda claimant: AlertDelivery(uow, credentials, claimant=claimant,
                                          timeout_s=timeout_s, report_pdf=report_pdf)


def adapter_factory(credentials: CredentialStore, *, timeout_s: float = 20.0
                    ) -> Callable[[ChannelView], ChannelAdapter]:
    """Adapters built from the channel's settings (store) and its secrets (keyring)."""

    def build(channel: ChannelView) -> ChannelAdapter:
        secrets, settings = credentials.load(channel.code, channel.kind), channel.settings
        carriers = CarrierCodes(channel.kind, settings)
        try:
            if channel.kind == ChannelKind.SHOPIFY:
                return ShopifyAdapter(ShopifyCredentials(
                    settings["shop_url"], secrets["access_token"], settings["location_id"]),
                    carriers=carriers, timeout_s=timeout_s)
            if channel.kind == ChannelKind.WOOCOMMERCE:
                return WooCommerceAdapter(WooCredentials(
                    settings["store_url"], secrets["consumer_key"], secrets["consumer_secret"]),
                    carriers=carriers, timeout_s=timeout_s)
            if channel.kind == ChannelKind.TAOBAO:
                return TaobaoAdapter(TaobaoCredentials(
                    settings["gateway_url"], settings["app_key"], secrets["app_secret"],
                    secrets["session"]), carriers=carriers, timeout_s=timeout_s)
            if channel.kind == ChannelKind.PINDUODUO:
                return PinduoduoAdapter(PddCredentials(
                    settings["gateway_url"], settings["client_id"], secrets["client_secret"],
                    secrets["access_token"]), carriers=carriers, timeout_s=timeout_s)
            if channel.kind == ChannelKind.JD:
                return JdAdapter(JdCredentials(
                    settings["gateway_url"], settings["app_key"], secrets["app_secret"],
                    secrets["access_token"]), carriers=carriers, timeout_s=timeout_s)
            if channel.kind == ChannelKind.DOUYIN:
                return DouyinAdapter(DouyinCredentials(
                    settings["gateway_url"], settings["app_key"], secrets["app_secret"],
                    secrets["access_token"], settings.get("sign_method", "hmac-sha256")),
                    carriers=carriers, timeout_s=timeout_s)
        except KeyError as exc:
            raise CredentialsMissing(Msg("Channel {code} has no {args} setting; set it up again.",
                                         code=channel.code, args=exc.args[0])) from None
        raise CredentialsMissing(Msg("Channel {code} ({kind}) has nothing to sync.",
                                     code=channel.code, kind=channel.kind))

    return build


SETTINGS_FIELDS = {"shopify": ("shop_url", "location_id"), "woocommerce": ("store_url",),
                   "taobao": ("gateway_url", "app_key"),
                   "pinduoduo": ("gateway_url", "client_id"), "jd": ("gateway_url", "app_key"),
                   "douyin": ("gateway_url", "app_key"), "csv": ()}
