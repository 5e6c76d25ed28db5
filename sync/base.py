"""What every channel adapter promises, its errors, the sync cursor and the HTTP plumbing."""

from __future__ import annotations

import email.utils
import ipaddress
import json
import ssl
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

import httpx

from sync.model import Fulfilment, MappingError, PushResult, Refund, StockLevel, UnifiedOrder


class ChannelError(Exception):
    """Base of every error an adapter raises; the message is safe to show and to log."""


class RateLimited(ChannelError):
    def __init__(self, retry_after_s: float, message: str = "") -> None:
        self.retry_after_s = max(0.0, float(retry_after_s))
        super().__init__(message or f"rate limited, retry after {self.retry_after_s:.1f} s")


class ChannelUnavailable(ChannelError):
    """5xx, timeouts, refused or reset connections: try again later, nothing is known lost."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
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
        super().__init__(message or f"stock for {sku} changed at the channel "
                                    f"(now {remote_quantity})")


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

    def dumps(self) -> str:
        return json.dumps({
            "since": utc_iso(self.since), "page": self.page,
            "until": utc_iso(self.until) if self.until else None,
            "high_water": utc_iso(self.high_water) if self.high_water else None,
            "seen": self.seen,
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
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise BadCursor(f"sync cursor is not valid ({exc}); reset the channel's cursor") \
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

    def close_pass(self, overlap: timedelta) -> None:
        """End of a pass over a moving window: restart `overlap` before the newest change."""
        newest = self.high_water or self.since
        self.start_next_pass(max(self.since, newest - overlap))

    def start_next_pass(self, since: datetime) -> None:
        """Close the pass: next one starts at `since`; forget keys older than it."""
        self.since, self.page, self.until = since, None, None
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
            raise ValueError(f"{channel}: shop address {base_url!r} is not an https URL")
        if url.scheme == "http" and not _is_loopback(url.host):
            raise ValueError(f"{channel}: shop address must use https, got {base_url!r}")
        if verify is False:
            raise ValueError(f"{channel}: TLS verification cannot be turned off")
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
            raise ChannelUnavailable(f"{self.channel}: no answer in time ({type(exc).__name__})")\
                from exc
        except httpx.TransportError as exc:
            raise ChannelUnavailable(f"{self.channel}: connection failed "
                                     f"({type(exc).__name__})") from exc
        self._raise_for_status(response)
        return response

    def _raise_for_status(self, response: httpx.Response) -> None:
        status = response.status_code
        if 300 <= status < 400 and status != 304:
            location = response.headers.get("Location", "")
            target = str(response.request.url.join(location)) if location else "(no Location)"
            raise Redirected(
                f"{self.channel}: {response.request.method} {response.request.url.path} was "
                f"redirected to {target} (HTTP {status}); Packdesk does not follow redirects "
                "with the shop's keys: set the shop address to the https address it moved to",
                target)
        if status == 429:
            wait = retry_after_seconds(response.headers.get("Retry-After"))
            raise RateLimited(wait, f"{self.channel}: too many requests, retry after {wait:.1f} s")
        if status >= 500:
            raise ChannelUnavailable(f"{self.channel}: server error HTTP {status}")
        if status in (401, 403):
            code, detail = _error_body(response)
            said = f": {detail}" if detail else ""
            raise HttpRefused(f"{self.channel}: credentials refused (HTTP {status}{said}); "
                              "check the channel's access settings", status, code, detail)
        if status >= 400:
            code, detail = _error_body(response)
            raise HttpRefused(f"{self.channel}: request refused (HTTP {status}): "
                              f"{response.text[:200]}", status, code, detail)

    def json(self, response: httpx.Response) -> Any:
        try:
            return response.json()
        except (ValueError, UnicodeDecodeError) as exc:
            raise ChannelDataError(
                f"{self.channel}: answer to {response.request.method} "
                f"{response.request.url.path} is not valid JSON ({exc})") from exc

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
