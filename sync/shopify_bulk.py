"""Shopify bulk export for a backfill: one JSONL file instead of thousands of small pages.

A paged orders query is priced by its `first:` sizes, so a page holds about 16 orders
(shopify_queries.ORDERS) and a real shop answers one in a few hundred milliseconds: a month
of a busy shop's orders would take hours. Shopify's documented way to read a large set is a
bulk operation (shopify.dev, "Perform bulk operations with the GraphQL Admin API"): the
mutation `bulkOperationRunQuery` starts it, `node(id:)` tells its status, and when it is
COMPLETED its `url` is a JSONL file, one object a line; a nested connection's nodes are lines
of their own carrying `__parentId`, in no promised order (groupObjects: false).

The pull cursor carries the operation's id and how many orders of the file were delivered,
so a process killed halfway downloads the file again (it stays for seven days) and goes on
where the store left off. An export Shopify could not finish falls back to the pages.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from dataclasses import dataclass
from typing import Any

import httpx

from app.domain.messages import Msg
from sync.base import ChannelDataError, ChannelRejected, ChannelUnavailable, _is_loopback
from sync.fields import text

log = logging.getLogger("packdesk.sync.shopify")

PREFIX = "bulk:"
RUNNING = frozenset({"CREATED", "RUNNING", "CANCELING"})
# Every BulkOperationStatus the 2026-01 docs list, each handled on purpose:
#   CREATED, RUNNING, CANCELING: not ready yet, asked again;
#   COMPLETED: the file is read;
#   FAILED: ACCESS_DENIED needs a person, INTERNAL_SERVER_ERROR / TIMEOUT fall back to pages;
#   CANCELED (someone cancelled it), EXPIRED (the file is older than seven days): begun again
#   with pages for this pass.
FALL_BACK = frozenset({"FAILED", "CANCELED", "EXPIRED"})
LINE_ITEM = "gid://shopify/LineItem/"
PARENT_KEY = b'"__parentId"'  # in a line that names its parent; escaped inside a string


def _parsed(raw: bytes, number: int) -> dict[str, Any]:
    """One line of the export as a JSON object, or the reason it is not one."""
    try:
        item = json.loads(raw)
    except ValueError as exc:
        raise ChannelDataError(Msg("shopify: bulk export line {number} is not JSON ({exc})",
                                   number=number, exc=exc)) from exc
    if not isinstance(item, dict):
        raise ChannelDataError(Msg("shopify: bulk export line {number} is a JSON {json_type}, not an object",
                                   number=number, json_type=type(item).__name__))
    return item


@dataclass
class BulkPosition:
    operation_id: str
    delivered: int = 0  # orders of the file already handed to the store

    def dumps(self) -> str:
        return f"{PREFIX}{self.operation_id}#{self.delivered}"

    @classmethod
    def loads(cls, page: str) -> BulkPosition:
        body = page[len(PREFIX):]
        operation_id, _, delivered = body.rpartition("#")
        if not operation_id or not delivered.isdigit():
            raise ChannelDataError(Msg("shopify: sync cursor names a bulk export badly ({page!r}); reset the channel's cursor",
                                       page=page))
        return cls(operation_id, int(delivered))


class BulkFile:
    """The downloaded JSONL: orders in the file's order, each with its line items.

    An order's own line is read once, when its page is handed over: opening the file
    parses only the lines that name a parent (the line items, to group them by order).
    An order's line is the longest of the file, and it was parsed twice before (to tell
    it from a child, then for its page); a 10,000-order export opens in about half the
    time."""

    def __init__(self, operation_id: str, path: str) -> None:
        self.operation_id, self.path = operation_id, path
        self._roots: list[tuple[int, int]] = []  # (byte offset, line number) of each order
        self._lines: dict[str, list[dict[str, Any]]] = {}
        with open(path, "rb") as file:
            offset = 0
            for number, raw in enumerate(file, 1):
                start, offset = offset, offset + len(raw)
                if not raw.strip():
                    continue
                if PARENT_KEY not in raw:  # no parent named anywhere in it: an order
                    self._roots.append((start, number))
                    continue
                item = _parsed(raw, number)
                parent = item.get("__parentId")
                if parent is None:  # the key's text was inside a value: an order after all
                    self._roots.append((start, number))
                elif text(item.get("id")).startswith(LINE_ITEM):
                    self._lines.setdefault(text(parent), []).append(item)

    def __len__(self) -> int:
        return len(self._roots)

    def orders(self, start: int, count: int) -> list[dict[str, Any]]:
        """Order nodes shaped as the paged query's: lineItems.nodes holds every line."""
        out = []
        with open(self.path, "rb") as file:
            for offset, number in self._roots[start:start + count]:
                file.seek(offset)
                node = _parsed(file.readline(), number)
                lines = self._lines.get(text(node.get("id")), [])
                node["lineItems"] = {"nodes": [{k: v for k, v in line.items()
                                                if k != "__parentId"} for line in lines],
                                     "pageInfo": {"hasNextPage": False, "endCursor": None}}
                out.append(node)
        return out

    def discard(self) -> None:
        try:
            os.unlink(self.path)
        except OSError:
            pass


def download(url: str, timeout_s: float) -> str:
    """The export to a temporary file. The URL is pre-signed storage, not the shop: the
    shop's access token is NOT sent with it. https only (plain http to this machine, for
    the test servers), TLS verified."""
    parsed = httpx.URL(url)
    if parsed.scheme != "https" and not (parsed.scheme == "http" and _is_loopback(parsed.host)):
        raise ChannelDataError(Msg("shopify: bulk export address {scheme}://{host} is not https",
                                   scheme=parsed.scheme, host=parsed.host))
    handle, path = tempfile.mkstemp(prefix="packdesk-shopify-bulk-", suffix=".jsonl")
    try:
        with os.fdopen(handle, "wb") as out, httpx.stream(
                "GET", url, timeout=timeout_s, follow_redirects=True) as response:
            if response.status_code >= 500:
                raise ChannelUnavailable(Msg("shopify: bulk export download failed (HTTP {status_code})",
                                             status_code=response.status_code))
            if response.status_code >= 400:
                raise ChannelDataError(Msg("shopify: bulk export download refused (HTTP {status_code}); it may have expired",
                                           status_code=response.status_code))
            for chunk in response.iter_bytes(1 << 20):
                out.write(chunk)
    except httpx.TimeoutException as exc:
        os.unlink(path)
        raise ChannelUnavailable(Msg("shopify: bulk export download timed out ({error})",
                                     error=type(exc).__name__)) from exc
    except httpx.TransportError as exc:
        os.unlink(path)
        raise ChannelUnavailable(Msg("shopify: bulk export download failed ({error})",
                                     error=type(exc).__name__)) from exc
    except BaseException:
        os.unlink(path)
        raise
    return path


def await_operation(status, operation_id: str, wait_s: float) -> dict[str, Any]:
    """Ask for the operation's status until it is no longer running, for up to wait_s."""
    deadline, pause = time.monotonic() + wait_s, 0.05
    while True:
        node = status(operation_id)
        if text(node.get("status")) not in RUNNING or time.monotonic() + pause > deadline:
            return node
        time.sleep(pause)
        pause = min(pause * 2, 1.0)


def failure(node: dict[str, Any]) -> ChannelRejected | None:
    """A failed export that needs a person (the app may not read orders); None: fall back."""
    if text(node.get("status")) == "FAILED" and text(node.get("errorCode")) == "ACCESS_DENIED":
        return ChannelRejected(Msg("shopify: the bulk export of orders was denied (ACCESS_DENIED): give the app the read_orders access scope, and read_all_orders for orders older than 60 days"))
    if text(node.get("status")) in FALL_BACK:
        log.warning("shopify bulk export %s ended %s (%s); reading pages instead",
                    node.get("id"), node.get("status"), node.get("errorCode") or "no code")
    return None
