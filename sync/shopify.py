"""Shopify Admin GraphQL: orders by updated_at, fulfilments with tracking, stock with CAS.

The API version is pinned; from 2026-04 Shopify renames compareQuantity to changeFromQuantity
and makes the idempotency key mandatory (see shared/channel_samples/CHANNELS.md, section 1).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from app.domain.messages import Msg
from sync import shopify_bulk as bulk
from sync import shopify_catalogue
from sync import shopify_queries as q
from sync.base import (
    ChannelDataError,
    ChannelHttp,
    ChannelRejected,
    Page,
    RateLimited,
    StaleStock,
    WindowCursor,
    default_since,
    utc_iso,
)
from sync.carrier_codes import CarrierCodes
from sync.fields import Unmappable, map_safely, need, text, to_decimal, to_quantity, to_time
from sync.model import (
    Fulfilment,
    PushResult,
    Refund,
    StockLevel,
    UnifiedAddress,
    UnifiedLine,
    UnifiedOrder,
)

CHANNEL = "shopify"
API_VERSION = "2026-01"
# A pass that starts further back than this is a backfill, read through one bulk export.
BULK_AFTER = timedelta(hours=6)
BULK_ORDERS_PER_PAGE = 250  # orders of the export handed over at a time


@dataclass(frozen=True)
class ShopifyCredentials:
    shop_url: str  # https://example.myshopify.com
    access_token: str = field(repr=False)
    location_id: str  # gid://shopify/Location/..., where the bench's stock lives


class TooCostly(ChannelDataError):
    """MAX_COST_EXCEEDED: the query asked for `cost` points, more than `max_cost` in one query."""

    def __init__(self, message: str, cost: float | None, max_cost: float | None) -> None:
        self.cost, self.max_cost = cost, max_cost
        super().__init__(message)


class ShopifyAdapter:
    channel = CHANNEL

    def __init__(self, credentials: ShopifyCredentials, *, carriers: CarrierCodes | None = None,
                 page_size: int = q.ORDERS_PER_PAGE,
                 overlap: timedelta = timedelta(minutes=10),
                 lookback: timedelta = timedelta(days=30), timeout_s: float = 20.0,
                 verify: bool | str = True, bulk_after: timedelta | None = BULK_AFTER,
                 bulk_wait_s: float = 10.0) -> None:
        self._credentials = credentials
        self._carriers = carriers or CarrierCodes(CHANNEL)
        self._page_size = page_size
        self._overlap = overlap
        self._lookback = lookback
        self._http = ChannelHttp(CHANNEL, credentials.shop_url, timeout_s=timeout_s,
                                 verify=verify,
                                 headers={"X-Shopify-Access-Token": credentials.access_token})
        self._bucket: tuple[float, float, float, float] | None = None  # avail, rate, max, at
        self._requested: dict[tuple[str, int], float] = {}  # Shopify's cost, last answer
        self._item_ids: dict[str, str] = {}
        self._timeout_s = timeout_s
        self._bulk_after, self._bulk_wait_s = bulk_after, bulk_wait_s
        self._bulk: bulk.BulkFile | None = None
        self._bulk_off_until = 0.0  # after an export Shopify could not finish: pages for a while

    def close(self) -> None:
        self._http.close()
        if self._bulk is not None:
            self._bulk.discard()
            self._bulk = None

    # --- GraphQL plumbing -------------------------------------------------------------

    def _graphql(self, operation: str, query: str, variables: dict[str, Any],
                 size: int = 0) -> dict[str, Any]:
        """One call. Shopify's answer says what it cost (extensions.cost); the next call of
        the same operation and page size waits for that much room in the bucket."""
        self._wait_hint(operation, size)
        response = self._http.request(
            "POST", f"/admin/api/{API_VERSION}/graphql.json",
            json={"query": query, "operationName": operation, "variables": variables})
        body = self._http.json(response)
        if not isinstance(body, dict):
            raise ChannelDataError(Msg("{channel}: {operation} answered with a JSON {name}, not an object",
                                       channel=CHANNEL, operation=operation, name=type(body).__name__))
        cost = self._note_cost(operation, size, body.get("extensions"))
        if body.get("errors"):
            self._raise_errors(operation, body["errors"], cost)
        data = body.get("data")
        if not isinstance(data, dict):
            raise ChannelDataError(Msg("{channel}: {operation} answer has no data object",
                                       channel=CHANNEL, operation=operation))
        return data

    def _wait_hint(self, operation: str, size: int) -> None:
        """Respect the leaky bucket before Shopify has to throttle us: the cost Shopify
        named for this operation last time, against the bucket as it last reported it."""
        requested = self._requested.get((operation, size))
        if self._bucket is None or requested is None:
            return
        available, rate, maximum, at = self._bucket
        now_available = min(maximum, available + (time.monotonic() - at) * rate)
        if now_available < requested and rate > 0:
            raise RateLimited((requested - now_available) / rate,
                              Msg("{channel}: query-cost bucket low ({now_available:.0f} of {requested:.0f} points), waiting for it to refill",
                                  channel=CHANNEL, now_available=now_available, requested=requested))

    def _note_cost(self, operation: str, size: int, extensions: Any) -> dict[str, Any]:
        """extensions.cost of an answer; remembers the bucket and the requested cost."""
        cost = extensions.get("cost") if isinstance(extensions, dict) else None
        if not isinstance(cost, dict):
            return {}
        try:
            self._requested[(operation, size)] = float(cost["requestedQueryCost"])
        except (KeyError, TypeError, ValueError):
            pass
        try:
            status = cost["throttleStatus"]
            self._bucket = (float(status["currentlyAvailable"]), float(status["restoreRate"]),
                            float(status["maximumAvailable"]), time.monotonic())
        except (KeyError, TypeError, ValueError):
            pass
        return cost

    def _raise_errors(self, operation: str, errors: Any, cost: dict[str, Any]) -> None:
        items = errors if isinstance(errors, list) else [errors]
        found = {text((e.get("extensions") or {}).get("code")): e for e in items
                 if isinstance(e, dict)}
        if "THROTTLED" in found:
            raise RateLimited(throttled_wait(cost),
                              Msg("{channel}: throttled by the query-cost limit", channel=CHANNEL))
        messages = "; ".join(text(e.get("message")) if isinstance(e, dict) else text(e)
                             for e in items)
        if "MAX_COST_EXCEEDED" in found:
            extensions = found["MAX_COST_EXCEEDED"].get("extensions") or {}
            raise TooCostly(Msg("{channel}: {operation} asks for more than Shopify allows in one query: {value}",
                                channel=CHANNEL, operation=operation, value=messages.splitlines()[0] if messages else ''),
                            _number(extensions.get("cost")), _number(extensions.get("maxCost")))
        if "ACCESS_DENIED" in found:
            raise ChannelRejected(Msg("{channel}: {operation} denied: {messages}",
                                      channel=CHANNEL, operation=operation, messages=messages))
        raise ChannelDataError(Msg("{channel}: {operation} failed: {messages}",
                                   channel=CHANNEL, operation=operation, messages=messages))

    # --- orders -----------------------------------------------------------------------

    def pull_orders(self, cursor: str | None) -> Page:
        state = WindowCursor.loads(cursor, default_since(self._lookback))
        if state.page and state.page.startswith(bulk.PREFIX):
            return self._bulk_page(state)
        if state.page is None and self._wants_bulk(state):
            started = self._start_bulk(state)
            if started is not None:
                state.page = bulk.BulkPosition(started).dumps()
                return self._bulk_page(state)
        data = self._orders_page({"after": state.page,
                                  "query": f"updated_at:>='{utc_iso(state.since)}'"})
        connection = data.get("orders")
        if not isinstance(connection, dict) or not isinstance(connection.get("nodes"), list):
            raise ChannelDataError(Msg("{channel}: orders answer has no orders.nodes list",
                                       channel=CHANNEL))
        orders, errors = state.sift(self._mapped(self._with_every_line(node))
                                    for node in connection["nodes"])
        state.forget_before_overlap(self._overlap)  # sortKey UPDATED_AT, keyset cursor
        page_info = connection.get("pageInfo") or {}
        if page_info.get("hasNextPage") and page_info.get("endCursor"):
            state.page = str(page_info["endCursor"])
            return Page(orders, errors, state.dumps(), done=False)
        state.close_pass(self._overlap)
        return Page(orders, errors, state.dumps(), done=True)

    # --- bulk export (shopify_bulk.py) -------------------------------------------------

    def _wants_bulk(self, state: WindowCursor) -> bool:
        """A backfill: the first pull of a long look-back, or a station that has not pulled
        for longer than bulk_after (off over a weekend). A quiet shop, whose newest change is
        days old, is not read by export every cycle: the last pass ended just now."""
        return (self._bulk_after is not None and time.monotonic() >= self._bulk_off_until
                and datetime.now(UTC) - state.since > self._bulk_after
                and state.behind_by() > self._bulk_after)

    def _bulk_search(self, state: WindowCursor) -> str:
        return q.BULK_ORDERS % {"search": json.dumps(f"updated_at:>='{utc_iso(state.since)}'")}

    def _start_bulk(self, state: WindowCursor) -> str | None:
        """The export's id; None when Shopify will not run one now (another export of this
        app running, the limit reached): this pass reads pages."""
        query = self._bulk_search(state)
        data = self._graphql("PackdeskBulkOrders", q.BULK_RUN, {"query": query})
        answer = data.get("bulkOperationRunQuery") or {}
        errors = answer.get("userErrors") or []
        if not errors:
            operation = answer.get("bulkOperation") or {}
            if not text(operation.get("id")):
                raise ChannelDataError(Msg("{channel}: bulkOperationRunQuery answered without an operation id",
                                           channel=CHANNEL))
            return text(operation["id"])
        codes = {text(e.get("code")) for e in errors if isinstance(e, dict)}
        said = "; ".join(text(e.get("message")) for e in errors if isinstance(e, dict))
        if "OPERATION_IN_PROGRESS" in codes:
            current = (self._graphql("PackdeskBulkCurrent", q.BULK_CURRENT, {})
                       .get("currentBulkOperation") or {})
            if text(current.get("query")) == query and text(current.get("status")) in \
                    bulk.RUNNING | {"COMPLETED"}:
                return text(current.get("id"))  # our own, started by a process since killed
        if codes - {"OPERATION_IN_PROGRESS", "LIMIT_REACHED"}:
            raise ChannelRejected(Msg("{channel}: Shopify refused the bulk export of orders: {said}",
                                      channel=CHANNEL, said=said))
        bulk.log.warning("shopify refused a bulk export (%s); reading pages", said)
        self._bulk_off_until = time.monotonic() + 600
        return None

    def _bulk_status(self, operation_id: str) -> dict[str, Any]:
        node = self._graphql("PackdeskBulkStatus", q.BULK_STATUS, {"id": operation_id})\
            .get("node")
        if not isinstance(node, dict):
            return {"id": operation_id, "status": "EXPIRED"}  # Shopify no longer knows it
        return node

    def _bulk_page(self, state: WindowCursor) -> Page:
        position = bulk.BulkPosition.loads(state.page or "")
        if self._bulk is None or self._bulk.operation_id != position.operation_id:
            node = bulk.await_operation(self._bulk_status, position.operation_id,
                                        self._bulk_wait_s)
            status = text(node.get("status"))
            if status in bulk.RUNNING:  # not ready: this cycle ends, the next one asks again
                return Page([], [], state.dumps(), done=True)
            if status != "COMPLETED":
                refused = bulk.failure(node)
                if refused is not None:
                    raise refused
                state.page = None
                self._bulk_off_until = time.monotonic() + 600
                return Page([], [], state.dumps(), done=False)
            if not node.get("url"):  # nothing matched the search
                state.close_pass(self._overlap)
                return Page([], [], state.dumps(), done=False)
            if self._bulk is not None:
                self._bulk.discard()
            self._bulk = bulk.BulkFile(position.operation_id,
                                       bulk.download(text(node["url"]), self._timeout_s))
        nodes = self._bulk.orders(position.delivered, BULK_ORDERS_PER_PAGE)
        orders, errors = state.sift(self._mapped(node) for node in nodes)
        state.forget_before_overlap(self._overlap)
        position.delivered += len(nodes)
        if position.delivered < len(self._bulk):
            state.page = position.dumps()
            return Page(orders, errors, state.dumps(), done=False)
        self._bulk.discard()
        self._bulk = None
        state.close_pass(self._overlap)  # what changed during the export comes by pages
        return Page(orders, errors, state.dumps(), done=False)

    def _orders_page(self, variables: dict[str, Any]) -> dict[str, Any]:
        """A page of orders; a page Shopify finds too costly (MAX_COST_EXCEEDED) is asked
        again smaller, sized from the cost Shopify named, and that size is kept."""
        size = self._page_size
        while True:
            try:
                data = self._graphql("PackdeskOrders", q.ORDERS, {"first": size, **variables},
                                     size=size)
            except TooCostly as exc:
                if size <= 1:
                    raise ChannelRejected(Msg("{exc}; even one order a page is too costly",
                                              exc=exc)) \
                        from exc
                size = self._page_size = smaller_page(size, exc.cost, exc.max_cost)
                continue
            return data

    def _with_every_line(self, node: Any) -> Any:
        """An order's lines come 100 to a page: ask for the rest, so none is cut silently."""
        lines = node.get("lineItems") if isinstance(node, dict) else None
        if not isinstance(lines, dict) or not isinstance(lines.get("nodes"), list):
            return node  # the mapper names what is missing
        nodes = list(lines["nodes"])
        page_info = lines.get("pageInfo") or {}
        while page_info.get("hasNextPage"):
            after = text(page_info.get("endCursor"))
            if not after:
                raise ChannelDataError(Msg("{channel}: order {text} has more line items but no cursor to ask for them",
                                           channel=CHANNEL, text=text(node.get('id'))))
            data = self._graphql("PackdeskOrderLineItems", q.ORDER_LINE_ITEMS,
                                 {"id": node.get("id"), "first": q.LINES_PER_PAGE,
                                  "after": after}, size=q.LINES_PER_PAGE)
            more = (data.get("order") or {}).get("lineItems")
            if not isinstance(more, dict) or not isinstance(more.get("nodes"), list):
                raise ChannelDataError(Msg("{channel}: line items of order {text} came back without nodes",
                                           channel=CHANNEL, text=text(node.get('id'))))
            nodes += more["nodes"]
            page_info = more.get("pageInfo") or {}
        return {**node, "lineItems": {**lines, "nodes": nodes}}

    def _mapped(self, node: Any):
        node = node if isinstance(node, dict) else {}
        order_id = text(node.get("id")) or Msg("(no id)")
        try:
            updated = to_time(node.get("updatedAt"), "updatedAt")
        except Unmappable:
            updated = None
        key = (f"{order_id}@{text(node.get('updatedAt'))}@{text(node.get('cancelledAt'))}"
               f"{text(node.get('displayFinancialStatus'))}"
               f"{text(node.get('displayFulfillmentStatus'))}")
        return key, updated, map_safely(CHANNEL, order_id, node, map_order)

    # --- fulfilment -------------------------------------------------------------------

    def push_fulfilment(self, fulfilment: Fulfilment) -> PushResult:
        data = self._graphql("PackdeskFulfillmentOrders", q.FULFILLMENT_ORDERS,
                             {"id": fulfilment.channel_order_id})
        order = data.get("order")
        if not isinstance(order, dict):
            raise ChannelRejected(Msg("{channel}: order {channel_order_id} not found",
                                      channel=CHANNEL, channel_order_id=fulfilment.channel_order_id))
        for shipped in order.get("fulfillments") or []:
            numbers = {text(t.get("number")) for t in shipped.get("trackingInfo") or []}
            if fulfilment.tracking_number in numbers:
                return PushResult(True, text(shipped.get("id")), Msg("tracking already on Shopify"))
        groups = fulfilment_groups(order, fulfilment)
        company = self._carriers.code_for(fulfilment.carrier)  # Shopify's name for it
        variables = {"fulfillment": {
            "lineItemsByFulfillmentOrder": groups, "notifyCustomer": True,
            "trackingInfo": {"number": fulfilment.tracking_number,
                             "company": company}}}
        result = self._graphql("PackdeskFulfillmentCreate", q.FULFILLMENT_CREATE, variables)["fulfillmentCreate"]
        user_errors = result.get("userErrors") or []
        if user_errors:
            raise ChannelRejected(Msg("{channel}: fulfilment refused: ", channel=CHANNEL)
                                  + "; ".join(text(e.get("message")) for e in user_errors))
        return PushResult(False, text((result.get("fulfillment") or {}).get("id")))

    # --- refunds ----------------------------------------------------------------------

    def push_refund(self, refund: Refund) -> PushResult:
        """refundCreate with our key; the order's refunds are read first, so a refund that
        landed before a lost answer (or a key Shopify has forgotten) is not made twice."""
        order = self._graphql("PackdeskOrderRefunds", q.ORDER_REFUNDS,
                              {"id": refund.channel_order_id})
        order = order.get("order")
        if not isinstance(order, dict):
            raise ChannelRejected(Msg("{channel}: order {channel_order_id} not found",
                                      channel=CHANNEL, channel_order_id=refund.channel_order_id))
        for earlier in order.get("refunds") or []:
            if refund.marker in text(earlier.get("note")):
                return PushResult(True, text(earlier.get("id")), Msg("refund already on Shopify"))
        variables = {"idempotencyKey": refund.idempotency_key,
                     "input": refund_input(order, refund)}
        result = self._graphql("PackdeskRefundCreate", q.REFUND_CREATE, variables)["refundCreate"]
        user_errors = result.get("userErrors") or []
        if user_errors:
            raise ChannelRejected(Msg("{channel}: refund refused: ", channel=CHANNEL)
                                  + "; ".join(text(e.get("message")) for e in user_errors))
        return PushResult(False, text((result.get("refund") or {}).get("id")))

    # --- catalogue (shopify_catalogue.py) ------------------------------------------------

    def catalogue_pages(self, size: int = shopify_catalogue.VARIANTS_PER_PAGE,
                        since: datetime | None = None):
        """The shop's variants (updated since `since`, when given), a page (a list of
        ChannelProduct) at a time: a large catalogue through one bulk export, else by
        pages; a page Shopify finds too costly is asked again at half the size."""
        count = (self._graphql("PackdeskVariantCount", shopify_catalogue.VARIANT_COUNT,
                               {"query": shopify_catalogue.changed_since(since)})
                 .get("productVariantsCount") or {}).get("count")
        if isinstance(count, int) and count >= shopify_catalogue.BULK_FROM_VARIANTS:
            path = self._catalogue_export(since)
            if path is not None:
                try:
                    yield from shopify_catalogue.export_pages(path)
                finally:
                    os.unlink(path)
                return
        after: str | None = ""
        waited = 0.0
        while after is not None:
            try:
                page, after = shopify_catalogue.catalogue_page(
                    self._graphql, self._credentials.location_id, after or None, size, since)
            except RateLimited as exc:  # the bucket refills within seconds
                waited += exc.retry_after_s
                if waited > shopify_catalogue.MAX_WAIT_S:
                    raise
                time.sleep(exc.retry_after_s)
                continue
            except TooCostly as exc:
                if size <= 1:
                    raise
                size = smaller_page(size, exc.cost, exc.max_cost)
                continue
            yield page

    def _catalogue_export(self, since: datetime | None = None) -> str | None:
        """The downloaded export of every variant (changed since `since`), or None when
        Shopify will not run or finish one now (the pull reads pages instead)."""
        query = shopify_catalogue.bulk_catalogue_query(self._credentials.location_id, since)
        answer = self._graphql("PackdeskBulkOrders", q.BULK_RUN, {"query": query})\
            .get("bulkOperationRunQuery") or {}
        operation = text((answer.get("bulkOperation") or {}).get("id"))
        if answer.get("userErrors") or not operation:
            bulk.log.warning("shopify refused the catalogue export (%s); reading pages",
                             answer.get("userErrors"))
            return None
        node = bulk.await_operation(self._bulk_status, operation,
                                    shopify_catalogue.EXPORT_WAIT_S)
        if text(node.get("status")) != "COMPLETED":
            if text(node.get("errorCode")) == "ACCESS_DENIED":
                raise ChannelRejected(Msg("{channel}: the catalogue export was denied "
                                          "(ACCESS_DENIED): give the app the read_products "
                                          "and read_inventory access scopes",
                                          channel=CHANNEL))
            bulk.log.warning("shopify catalogue export %s ended %s; reading pages", operation,
                             node.get("status"))
            return None
        if not node.get("url"):
            handle, path = tempfile.mkstemp(suffix=".jsonl")  # nothing matched: no variants
            os.close(handle)
            return path
        return bulk.download(text(node["url"]), self._timeout_s)

    # --- stock ------------------------------------------------------------------------

    def _inventory_item(self, sku: str) -> tuple[str, int | None]:
        data = self._graphql("PackdeskInventoryItem", q.INVENTORY_ITEM,
                             {"query": f"sku:'{sku}'", "locationId":
                              self._credentials.location_id})
        nodes = [n for n in (data.get("inventoryItems") or {}).get("nodes") or []
                 if text(n.get("sku")) == sku]
        if len(nodes) != 1:
            raise ChannelRejected(Msg("{channel}: {count} inventory items carry SKU {sku!r} (expected exactly one)",
                                      channel=CHANNEL, count=len(nodes), sku=sku))
        level = nodes[0].get("inventoryLevel")
        if not level:
            return text(nodes[0].get("id")), None
        found = {text(x.get("name")): x.get("quantity") for x in level.get("quantities") or []}
        if not isinstance(found.get("available"), int):
            raise ChannelDataError(Msg("{channel}: inventory level of {sku!r} has no available quantity",
                                       channel=CHANNEL, sku=sku))
        return text(nodes[0].get("id")), found["available"]

    def read_stock(self, sku: str) -> int:
        item_id, available = self._inventory_item(sku)
        self._item_ids[sku] = item_id
        if available is None:
            raise ChannelRejected(Msg("{channel}: SKU {sku!r} is not stocked at the bench location",
                                      channel=CHANNEL, sku=sku))
        return available

    def set_stock(self, level: StockLevel) -> PushResult:
        compare = level.compare_quantity
        if compare is None or level.sku not in self._item_ids:
            current = self.read_stock(level.sku)
            compare = current if compare is None else compare
        variables = {"idempotencyKey": wire_key(level, compare), "input": {
            "name": "available", "reason": "correction",
            "referenceDocumentUri": f"packdesk://stock/{level.idempotency_key}",
            "quantities": [{"inventoryItemId": self._item_ids[level.sku],
                            "locationId": self._credentials.location_id,
                            "quantity": level.quantity, "compareQuantity": compare}]}}
        result = self._graphql("PackdeskSetStock", q.SET_QUANTITIES, variables)["inventorySetQuantities"]
        codes = {text(e.get("code")) for e in result.get("userErrors") or []}
        if codes & {"COMPARE_QUANTITY_STALE", "CHANGE_FROM_QUANTITY_STALE"}:
            raise StaleStock(level.sku, self._remote_after_stale(level.sku))
        if codes:
            raise ChannelRejected(Msg("{channel}: stock for {sku} refused: ",
                                      channel=CHANNEL, sku=level.sku)
                                  + "; ".join(sorted(codes)))
        group = result.get("inventoryAdjustmentGroup") or {}
        # Shopify answers a replayed idempotency key with the first result, so a retry of a
        # write that had landed looks like success and applies nothing twice.
        return PushResult(False, text(group.get("id")))

    def _remote_after_stale(self, sku: str) -> int | None:
        try:
            return self.read_stock(sku)
        except (ChannelRejected, ChannelDataError):
            return None


def throttled_wait(cost: dict[str, Any]) -> float:
    """THROTTLED: the seconds until the bucket holds the requested cost, at its restore rate,
    all three as the answer's extensions.cost gave them."""
    requested = _number(cost.get("requestedQueryCost"))
    status = cost.get("throttleStatus") if isinstance(cost.get("throttleStatus"), dict) else {}
    available, rate = _number(status.get("currentlyAvailable")), _number(status.get("restoreRate"))
    if requested is None or available is None or not rate:
        return 1.0  # the answer did not say; try again shortly
    return max(0.1, (requested - available) / rate)


def smaller_page(size: int, cost: float | None, max_cost: float | None) -> int:
    """A page size whose cost fits: scaled down by how far over the limit the page was."""
    if not cost or not max_cost or cost <= max_cost:
        return max(1, size // 2)
    return max(1, min(size - 1, int(size * max_cost / cost)))


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def wire_key(level: StockLevel, compare: int) -> str:
    """Same outbox row and same numbers reuse the key; a recomputed retry gets a fresh one."""
    digest = hashlib.sha256(f"{level.sku}|{level.quantity}|{compare}".encode()).hexdigest()
    return f"{level.idempotency_key}-{digest[:12]}"


def refund_input(order: dict[str, Any], refund: Refund) -> dict[str, Any]:
    """RefundInput: the lines (no restock: the counter moved the stock) and the money,
    refunded against the order's captured payment."""
    currency = text(order.get("currencyCode"))
    if refund.currency and currency and refund.currency != currency:
        raise ChannelRejected(Msg("{channel}: refund in {currency} for an order in {currency2}",
                                  channel=CHANNEL, currency=refund.currency, currency2=currency))
    paid = [t for t in order.get("transactions") or []
            if text(t.get("kind")) in ("SALE", "CAPTURE") and text(t.get("status")) == "SUCCESS"]
    if not paid:
        raise ChannelRejected(Msg("{channel}: order {channel_order_id} has no captured payment to refund",
                                  channel=CHANNEL, channel_order_id=refund.channel_order_id))
    return {
        "orderId": refund.channel_order_id, "notify": True,
        "note": f"{refund.reason} {refund.marker}".strip(),
        "refundLineItems": [{"lineItemId": ln.channel_line_id, "quantity": ln.quantity,
                             "restockType": "NO_RESTOCK"} for ln in refund.lines],
        "transactions": [{"orderId": refund.channel_order_id, "parentId": paid[0]["id"],
                          "gateway": text(paid[0].get("gateway")), "kind": "REFUND",
                          "amount": f"{refund.amount:.2f}"}],
    }


def fulfilment_groups(order: dict[str, Any], fulfilment: Fulfilment) -> list[dict[str, Any]]:
    """Spread the shipped lines over the order's open fulfilment orders."""
    wanted = {ln.channel_line_id: ln.quantity for ln in fulfilment.lines}
    groups = []
    for fo in (order.get("fulfillmentOrders") or {}).get("nodes") or []:
        if text(fo.get("status")) not in ("OPEN", "IN_PROGRESS"):
            continue
        items = []
        for item in (fo.get("lineItems") or {}).get("nodes") or []:
            line_id = text((item.get("lineItem") or {}).get("id"))
            left = int(item.get("remainingQuantity") or 0)
            take = left if not wanted else min(left, wanted.get(line_id, 0))
            if take > 0:
                items.append({"id": item["id"], "quantity": take})
                if wanted:
                    wanted[line_id] -= take
        if items:
            groups.append({"fulfillmentOrderId": fo["id"], "fulfillmentOrderLineItems": items})
    if not groups or any(v > 0 for v in wanted.values()):
        raise ChannelRejected(Msg("{channel}: order {channel_order_id} has nothing left to fulfil for the shipped lines",
                                  channel=CHANNEL, channel_order_id=fulfilment.channel_order_id))
    return groups


# Every value of the Admin GraphQL enums the order's status is read from (API 2026-01;
# FULFILLMENT_NOT_REQUIRED arrives in 2026-10), each mapped on purpose
# (sync.model.DISPOSITIONS). A value not listed is parked for a person, never packed.
FULFILLMENT_TABLE = {
    "UNFULFILLED": "open", "OPEN": "open", "IN_PROGRESS": "open",
    "PENDING_FULFILLMENT": "open", "PARTIALLY_FULFILLED": "open",
    "REQUEST_DECLINED": "open",  # a fulfilment service declined: the bench ships it
    "ON_HOLD": "on_hold",  # all unfulfilled items are on hold
    "SCHEDULED": "on_hold",  # to be fulfilled at a later date
    "FULFILLED": "fulfilled", "FULFILLMENT_NOT_REQUIRED": "fulfilled",
    "RESTOCKED": "cancelled",  # every item went back to stock: nothing to ship
}
FINANCIAL_TABLE = {
    "PAID": "open",
    "AUTHORIZED": "open",  # validated; captured when it ships
    "PARTIALLY_REFUNDED": "partially_refunded",
    "PENDING": "awaiting_payment", "EXPIRED": "awaiting_payment",
    "PARTIALLY_PAID": "awaiting_payment",
    "REFUNDED": "refunded",
    "VOIDED": "cancelled",  # an authorised, uncaptured order cancelled
}
# FulfillmentStatus values of a fulfilment that did not ship (shopify.dev FulfillmentStatus)
NOT_SHIPPED = frozenset({"CANCELLED", "ERROR", "FAILURE"})
# Which answer wins when the two disagree: gone beats shipped beats unpaid beats held.
PRECEDENCE = ("cancelled", "refunded", "fulfilled", "awaiting_payment", "on_hold",
              "partially_refunded", "open")


def map_status(node: dict[str, Any]) -> str:
    if node.get("cancelledAt"):
        return "cancelled"
    answers = []
    for field_name, table in (("displayFinancialStatus", FINANCIAL_TABLE),
                              ("displayFulfillmentStatus", FULFILLMENT_TABLE)):
        value = text(need(node, field_name))
        if value not in table:
            raise Unmappable(Msg("{field_name} {value!r} is not one Packdesk knows",
                                 field_name=field_name, value=value))
        answers.append(table[value])
    return min(answers, key=PRECEDENCE.index)


def map_line(node: dict[str, Any]) -> UnifiedLine:
    """What is left to ship: currentQuantity, not the quantity first ordered (an edit that
    removed units, or a refund, lowers only currentQuantity)."""
    line_id = text(need(node, "id"))
    money = need(node, "originalUnitPriceSet", "shopMoney")
    return UnifiedLine(channel_line_id=line_id, sku=text(node.get("sku")),
                       name=text(node.get("name")),
                       quantity=to_quantity(need(node, "currentQuantity"),
                                            Msg("current quantity of line {line_id}",
                                                line_id=line_id)),
                       unit_price=to_decimal(need(money, "amount"), Msg("price of line {line_id}",
                                                                        line_id=line_id)),
                       currency=text(money.get("currencyCode")))


def map_order(node: dict[str, Any]) -> UnifiedOrder:
    """One GraphQL Order node (fields as in shopify_queries.ORDERS) to the unified order."""
    address = node.get("shippingAddress") or {}
    lines = tuple(line for line in (map_line(n) for n in need(node, "lineItems", "nodes"))
                  if line.quantity != 0)
    # a fulfilment that failed or was cancelled shipped nothing: its number is no tracking
    tracking = [t for f in node.get("fulfillments") or [] if f.get("status") not in NOT_SHIPPED
                for t in f.get("trackingInfo") or []]
    customer = node.get("customer") or {}
    return UnifiedOrder(
        channel=CHANNEL, channel_order_id=text(need(node, "id")),
        order_number_hint=text(node.get("name")), status=map_status(node),
        buyer_name=text(customer.get("displayName")) or text(address.get("name")),
        phone=text(address.get("phone")) or text(node.get("phone")),
        email=text(node.get("email")),
        address=UnifiedAddress(
            name=text(address.get("name")), line1=text(address.get("address1")),
            line2=text(address.get("address2")), city=text(address.get("city")),
            region=text(address.get("provinceCode")) or text(address.get("province")),
            postcode=text(address.get("zip")), country_code=text(address.get("countryCodeV2"))),
        lines=lines, buyer_note=text(node.get("note")),
        placed_at=to_time(node.get("createdAt"), "createdAt"),
        updated_at=to_time(node.get("updatedAt"), "updatedAt"),
        ship_by=None,
        tracking_number=text(tracking[-1].get("number")) if tracking else "",
        carrier=text(tracking[-1].get("company")) if tracking else "",
        raw=node)

