"""What every channel adapter promises, its errors, the sync cursor and the HTTP plumbing."""

from __future__ import annotations

import email.utils
import ipaddress
import json
import ssl
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

import httpx

from app.domain.messages import Msg
from sync.fields import Unmappable, to_quantity
from sync.model import Fulfilment, MappingError, PushResult, Refund, StockLevel, UnifiedOrder


class ChannelError(Exception):
    """Base of every error an adapter raises; the message is safe to show and to log."""


class RateLimited(ChannelError):
    def __init__(self, retry_after_s: float, message: str = "") -> None:
        self.retry_after_s = max(0.0, float(retry_after_s))
        super().__init__(message or Msg("rate limited, retry after {retry_after_s:.1f} s",
                                        retry_after_s=self.retry_after_s))


class ChannelUnavailable(ChannelError):
    """5xx, timeouts, refused or reset connections: try again later, nothing is known lost.

    A 5xx answer whose body carried the platform's own error keeps its `code` and `detail`
    (WordPress answers some refusals with 500), so an adapter can tell a refusal from an
    outage."""

    def __init__(self, reason: str, code: str = "", detail: str = "") -> None:
        self.reason, self.code, self.detail = reason, code, detail
        super().__init__(reason)


class ChannelDataError(ChannelError):
    """The channel answered with something we cannot read (malformed JSON, missing fields)."""


class ChannelRejected(ChannelError):
    """The channel refused the request for good (bad credentials, unknown order or SKU)."""


class HttpRefused(ChannelRejected):
    """A 4xx answer: `status`, and the platform's own error `code` and `detail` when its body
    carried them (WordPress/Woo: {"code": ..., "message": ...})."""

    def __init__(self, message: str, status: int, code: str = "", detail: str = "") -> None:
        self.status, self.code, self.detail = status, code, detail
        super().__init__(message)


class Redirected(ChannelRejected):
    """The shop answered 3xx: it moved (another host, or down to plain http). Redirects are
    not followed with the shop's keys; the message names where it leads."""

    def __init__(self, message: str, location: str) -> None:
        self.location = location
        super().__init__(message)


class BadCursor(ValueError):
    """The stored pull cursor cannot be read; the message says how to recover."""


class StaleStock(ChannelError):
    """Compare-and-set failed: the channel holds `remote_quantity`, not what we compared with."""

    def __init__(self, sku: str, remote_quantity: int | None, message: str = "") -> None:
        self.sku = sku
        self.remote_quantity = remote_quantity
        super().__init__(message or Msg("stock for {sku} changed at the channel (now {remote_quantity})",
                                        sku=sku, remote_quantity=remote_quantity))


@dataclass(frozen=True)
class Page:
    orders: list[UnifiedOrder]
    mapping_errors: list[MappingError]
    next_cursor: str
    done: bool


class ChannelAdapter(Protocol):
    channel: str

    def pull_orders(self, cursor: str | None) -> Page: ...

    def push_fulfilment(self, fulfilment: Fulfilment) -> PushResult: ...

    def read_stock(self, sku: str) -> int: ...

    def set_stock(self, level: StockLevel) -> PushResult: ...

    def push_refund(self, refund: Refund) -> PushResult: ...

    def close(self) -> None: ...


def utc_iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


@dataclass
class WindowCursor:
    """Where a pull stands: the window start, the page inside the pass, and the orders seen.

    Windows overlap by `overlap` so an order changed during a pass is not missed; `seen` holds
    (channel_order_id, updated marker) keys inside the overlap so it is not delivered twice.
    """

    since: datetime
    page: str | None = None
    until: datetime | None = None
    high_water: datetime | None = None
    seen: dict[str, str | None] = field(default_factory=dict)
    closed_at: datetime | None = None  # when the last pass ended (wall clock)

    def dumps(self) -> str:
        return json.dumps({
            "since": utc_iso(self.since), "page": self.page,
            "until": utc_iso(self.until) if self.until else None,
            "high_water": utc_iso(self.high_water) if self.high_water else None,
            "seen": self.seen,
            **({"closed_at": utc_iso(self.closed_at)} if self.closed_at else {}),
        }, sort_keys=True)

    @classmethod
    def loads(cls, text: str | None, default_since: datetime) -> WindowCursor:
        if not text:
            return cls(since=default_since)
        try:
            data = json.loads(text)
            return cls(
                since=parse_utc(data["since"]), page=data.get("page"),
                until=parse_utc(data["until"]) if data.get("until") else None,
                high_water=parse_utc(data["high_water"]) if data.get("high_water") else None,
                seen=dict(data.get("seen") or {}),
                closed_at=parse_utc(data["closed_at"]) if data.get("closed_at") else None,
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise BadCursor(Msg("sync cursor is not valid ({exc}); reset the channel's cursor",
                                exc=exc)) \
                from exc

    def take_new(self, key: str, updated_at: datetime | None) -> bool:
        """Remember an order version; False when this pass or the overlap already had it."""
        if key in self.seen:
            return False
        self.seen[key] = utc_iso(updated_at) if updated_at else None
        if updated_at and (self.high_water is None or updated_at > self.high_water):
            self.high_water = updated_at
        return True

    def sift(self, results: Iterable[tuple[str, datetime | None, UnifiedOrder | MappingError]]
             ) -> tuple[list[UnifiedOrder], list[MappingError]]:
        """Drop order versions already delivered; split the rest into orders and errors."""
        orders: list[UnifiedOrder] = []
        errors: list[MappingError] = []
        for key, updated_at, result in results:
            if self.take_new(key, updated_at):
                (orders if isinstance(result, UnifiedOrder) else errors).append(result)
        return orders, errors

    def forget_before_overlap(self, overlap: timedelta) -> None:
        """For a listing sorted by update time with a keyset cursor: an order version older
        than `overlap` before the newest one seen cannot come again in this pass, nor in the
        next (which starts `overlap` before the newest change). Keeps the cursor, written
        with every page, the size of the overlap instead of the size of the pass."""
        if self.high_water is None:
            return
        keep = utc_iso(self.high_water - overlap)
        if any(v is None or v < keep for v in self.seen.values()):
            self.seen = {k: v for k, v in self.seen.items() if v is not None and v >= keep}

    def behind_by(self) -> timedelta:
        """How long since the last pass ended: since the window's start on the first pull."""
        return datetime.now(UTC) - (self.closed_at or self.since)

    def close_pass(self, overlap: timedelta) -> None:
        """End of a pass over a moving window: restart `overlap` before the newest change."""
        newest = self.high_water or self.since
        self.start_next_pass(max(self.since, newest - overlap))

    def start_next_pass(self, since: datetime) -> None:
        """Close the pass: next one starts at `since`; forget keys older than it."""
        self.since, self.page, self.until = since, None, None
        self.closed_at = datetime.now(UTC)
        keep = utc_iso(since)
        self.seen = {k: v for k, v in self.seen.items() if v is not None and v >= keep}


def retry_after_seconds(header: str | None, default: float = 1.0) -> float:
    """Retry-After is either delta-seconds or an HTTP date."""
    if not header:
        return default
    header = header.strip()
    try:
        return max(0.0, float(header))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return default
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class ChannelHttp:
    """An httpx client that speaks in channel errors instead of transport exceptions.

    TLS is always verified; plain http is refused except to this machine (the test servers).
    """

    def __init__(self, channel: str, base_url: str, *, timeout_s: float = 20.0,
                 headers: dict[str, str] | None = None, auth: httpx.Auth | None = None,
                 verify: bool | str | ssl.SSLContext = True) -> None:
        url = httpx.URL(base_url)
        if url.scheme not in ("https", "http") or not url.host:
            raise ValueError(Msg("{channel}: shop address {base_url!r} is not an https URL",
                                 channel=channel, base_url=base_url))
        if url.scheme == "http" and not _is_loopback(url.host):
            raise ValueError(Msg("{channel}: shop address must use https, got {base_url!r}",
                                 channel=channel, base_url=base_url))
        if verify is False:
            raise ValueError(Msg("{channel}: TLS verification cannot be turned off",
                                 channel=channel))
        self.channel = channel
        self.secure = url.scheme == "https"
        if isinstance(verify, str):  # a CA bundle (a relay's own CA, the test servers')
            verify = ssl.create_default_context(cafile=verify)
        self._client = httpx.Client(base_url=base_url, timeout=timeout_s, headers=headers,
                                    auth=auth, verify=verify, follow_redirects=False)

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self._client.request(method, path, **kwargs)
        except httpx.TimeoutException as exc:
            raise ChannelUnavailable(Msg("{channel}: no answer in time ({name})",
                                         channel=self.channel, name=type(exc).__name__))\
                from exc
        except httpx.TransportError as exc:
            raise ChannelUnavailable(Msg("{channel}: connection failed ({name})",
                                         channel=self.channel, name=type(exc).__name__)) from exc
        self._raise_for_status(response)
        return response

    def _raise_for_status(self, response: httpx.Response) -> None:
        status = response.status_code
        if 300 <= status < 400 and status != 304:
            location = response.headers.get("Location", "")
            target = str(response.request.url.join(location)) if location else Msg("(no Location)")
            raise Redirected(
                Msg("{channel}: {method} {path} was redirected to {target} (HTTP {status}); Packdesk does not follow redirects with the shop's keys: set the shop address to the https address it moved to",
                    channel=self.channel, method=response.request.method, path=response.request.url.path, target=target, status=status),
                target)
        if status == 429:
            wait = retry_after_seconds(response.headers.get("Retry-After"))
            raise RateLimited(wait, Msg("{channel}: too many requests, retry after {wait:.1f} s",
                                        channel=self.channel, wait=wait))
        if status >= 500:
            code, detail = _error_body(response)
            raise ChannelUnavailable(Msg("{channel}: server error HTTP {status}",
                                         channel=self.channel, status=status), code, detail)
        if status in (401, 403):
            code, detail = _error_body(response)
            said = f": {detail}" if detail else ""
            raise HttpRefused(Msg("{channel}: credentials refused (HTTP {status}{said}); check the channel's access settings",
                                  channel=self.channel, status=status, said=said), status, code, detail)
        if status >= 400:
            code, detail = _error_body(response)
            raise HttpRefused(Msg("{channel}: request refused (HTTP {status}): {text}",
                                  channel=self.channel, status=status, text=response.text[:200]), status, code, detail)

    def json(self, response: httpx.Response) -> Any:
        try:
            return response.json()
        except (ValueError, UnicodeDecodeError) as exc:
            raise ChannelDataError(
                Msg("{channel}: answer to {method} {path} is not valid JSON ({exc})",
                    channel=self.channel, method=response.request.method, path=response.request.url.path, exc=exc)) from exc

    def close(self) -> None:
        self._client.close()


def _error_body(response: httpx.Response) -> tuple[str, str]:
    """(code, message) of a JSON error body such as WordPress's, else ("", "")."""
    try:
        body = response.json()
    except (ValueError, UnicodeDecodeError):
        return "", ""
    if not isinstance(body, dict):
        return "", ""
    code, message = body.get("code"), body.get("message")
    return (code if isinstance(code, str) else "",
            message[:200] if isinstance(message, str) else "")


def default_since(lookback: timedelta) -> datetime:
    return datetime.now(UTC) - lookback


@dataclass(frozen=True)
class WindowRules:
    """How an update-time window is walked: at most `window` long, ending `lag` behind the
    platform's clock, the next pass starting `overlap` before this one's end."""

    window: timedelta
    overlap: timedelta
    lag: timedelta
    lookback: timedelta


def pull_backwards(cursor: str | None, rules: WindowRules,
                   count_pages: Callable[[WindowCursor], int],
                   read_page: Callable[[WindowCursor, int], Iterable[
                       tuple[str, datetime | None, UnifiedOrder | MappingError]]]) -> Page:
    """One page of a window walked from its last page back to its first (pages 1..N).

    The platforms that sort by update time newest first (TOP, Pinduoduo, JD, Douyin) tell
    integrators to page backwards: an order changed meanwhile leaves the window, which
    moves older orders onto a page still to be read (seen twice, delivered once) instead of
    onto one already read (missed). The page count is taken when the window opens."""
    state = WindowCursor.loads(cursor, default_since(rules.lookback))
    caught_up_at = datetime.now(UTC) - rules.lag
    if state.page is None:
        state.until = min(state.since + rules.window, caught_up_at)
        if state.until <= state.since:
            return Page([], [], state.dumps(), done=True)
        state.page = str(count_pages(state))
    page_no = int(state.page)
    orders, errors = state.sift(read_page(state, page_no) if page_no > 0 else [])
    if page_no > 1:
        state.page = str(page_no - 1)
        return Page(orders, errors, state.dumps(), done=False)
    until = state.until or caught_up_at
    state.start_next_pass(max(state.since, until - rules.overlap))
    return Page(orders, errors, state.dumps(), done=until >= caught_up_at)


def stock_count(channel: str, value: Any) -> int:
    """A stock figure a channel answered: a whole count, never below zero."""
    try:
        return max(0, to_quantity(value if value is not None else 0, "count"))
    except Unmappable as exc:
        raise ChannelRejected(f"{channel}: {exc}") from exc


def overwrite_stock(channel: str, level: StockLevel, remote: int, reference: str,
                    write: Callable[[], None], read_back: Callable[[], int]) -> PushResult:
    """Stock on a platform with no compare-and-set: compare what it holds now with what we
    last knew, write the figure, and read it back, so a change made meanwhile at the shop is
    a conflict (StaleStock), never overwritten silently."""
    if remote == level.quantity:
        return PushResult(True, reference, Msg("channel already holds this quantity"))
    if level.compare_quantity is not None and remote != level.compare_quantity:
        raise StaleStock(level.sku, remote)
    write()
    after = read_back()
    if after != level.quantity:
        raise StaleStock(level.sku, after, Msg(
            "{channel}: stock of {sku} read back as {read_back} after writing {quantity}",
            channel=channel, sku=level.sku, read_back=after, quantity=level.quantity))
    return PushResult(False, reference)
