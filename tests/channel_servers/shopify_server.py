"""A Shopify Admin GraphQL endpoint for the calls Packdesk makes.

Orders are the shopify_python_api REST fixture reshaped into GraphQL Order nodes. It enforces
the access token, keyset cursors, the query-cost leaky bucket, compare-and-set with
COMPARE_QUANTITY_STALE, and @idempotent keys (a replay returns the first answer). Costs are
worked out from each query document as Shopify documents it (graphql_cost.py): a query that
requests more than 1000 points is refused with MAX_COST_EXCEEDED; the bucket must hold the
requested cost, and is refunded the difference to the actual cost after the query ran.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import re
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from tests.channel_servers.base import ChannelServer, Fault, Reply, Request
from tests.channel_servers.graphql_cost import (
    MAX_SINGLE_QUERY_COST,
    actual_cost,
    connection_sizes,
    requested_cost,
)
from tests.channel_servers.samples import fresh
from tests.channel_servers.shopify_bulk_server import STATUS_PATH, BulkOperations
from tests.channel_servers.shopify_catalogue_server import CatalogueVariants

API_PATH = "/admin/api/2026-01/graphql.json"
MAX_PAGE = 250  # Shopify refuses first/last above 250 on any connection
LOCATION = "gid://shopify/Location/905684977"
TOKEN = "shpat_test_token_0123456789"


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def graphql_order(rest: dict[str, Any], order_id: int, updated: datetime) -> dict[str, Any]:
    """The REST fixture order as the GraphQL Order node our query selects."""
    ship = rest.get("shipping_address") or {}
    currency = rest["currency"]
    return {
        "id": f"gid://shopify/Order/{order_id}", "name": f"#{order_id % 100000}",
        "email": rest.get("email"), "phone": rest.get("phone"), "note": rest.get("note"),
        "createdAt": iso(datetime.fromisoformat(rest["created_at"])), "updatedAt": iso(updated),
        "cancelledAt": rest.get("cancelled_at"), "cancelReason": rest.get("cancel_reason"),
        "displayFinancialStatus": (rest.get("financial_status") or "pending").upper(),
        "displayFulfillmentStatus": (rest.get("fulfillment_status") or "unfulfilled").upper(),
        "customer": {"displayName": " ".join(filter(None, [
            (rest.get("customer") or {}).get("first_name"),
            (rest.get("customer") or {}).get("last_name")]))},
        "shippingAddress": {
            "name": ship.get("name"), "address1": ship.get("address1"),
            "address2": ship.get("address2"), "city": ship.get("city"),
            "province": ship.get("province"), "provinceCode": ship.get("province_code"),
            "zip": ship.get("zip"), "countryCodeV2": ship.get("country_code"),
            "phone": ship.get("phone")} if ship else None,
        "lineItems": {"nodes": [{
            "id": f"gid://shopify/LineItem/{order_id}{i}", "sku": li.get("sku"),
            "name": li.get("name"), "quantity": li.get("quantity"),
            "originalUnitPriceSet": {"shopMoney": {"amount": li.get("price"),
                                                   "currencyCode": currency}}}
            for i, li in enumerate(rest["line_items"])]},
        "fulfillments": [],
    }


class ShopifyServer(CatalogueVariants, BulkOperations, ChannelServer):
    def __init__(self, *, order_count: int = 1, bucket_size: float = 1000.0,
                 restore_rate: float = 50.0, start: datetime | None = None,
                 buyers: int | None = None) -> None:
        super().__init__()
        self.token = TOKEN
        self.location_id = LOCATION
        self.orders: dict[str, dict[str, Any]] = {}
        self.fulfillment_orders: dict[str, dict[str, Any]] = {}
        self.inventory: dict[str, dict[str, Any]] = {}
        self.idempotency: dict[str, tuple[str, dict[str, Any]]] = {}
        self.refunds: dict[str, list[dict[str, Any]]] = {}
        self.pages_served: list[tuple[str, str | None]] = []  # (search query, after cursor)
        self.costs: list[tuple[str, int, int]] = []  # (operation, requested, actual) answered
        self.bucket_size, self.restore_rate = bucket_size, restore_rate
        self._available, self._bucket_at = bucket_size, time.monotonic()
        self._last_page: list[dict[str, Any]] = []
        self._serial = 1000
        self.start_time = start or datetime.now(UTC) - timedelta(days=1)
        self.buyers = buyers  # None: every copy goes to the fixture's buyer and door
        self._bulk_init()
        self._catalogue_init()
        self.add_orders(order_count)
        level = fresh("shopify/rest_inventory_level.json")["inventory_level"]
        for sku in ("IPOD2008GREEN", "IPOD2008RED", "IPOD2008BLACK"):
            self.add_stock(sku, level["available"])

    # -- seeding ------------------------------------------------------------------------
    def add_orders(self, count: int, **changes: Any) -> list[str]:
        """Copies of the fixture order, each updated one second after the previous."""
        rest = fresh("shopify/rest_order.json")["order"]
        ids = []
        with self.lock:
            for _ in range(count):
                self._serial += 1
                order_id = 450789469 + self._serial
                node = graphql_order(rest, order_id,
                                     self.start_time + timedelta(seconds=self._serial))
                if self.buyers and node["shippingAddress"]:
                    door = self._serial % self.buyers
                    node["shippingAddress"] = {**node["shippingAddress"], "address1":
                                               f"{node['shippingAddress']['address1']} #{door}"}
                node.update(changes)
                self._put_order(node)
                ids.append(node["id"])
        return ids

    def _put_order(self, node: dict[str, Any]) -> None:
        self.orders[node["id"]] = node
        fo_id = node["id"].replace("/Order/", "/FulfillmentOrder/")
        self.fulfillment_orders[fo_id] = {"id": fo_id, "order": node["id"], "status": "OPEN",
                                          "lineItems": {"nodes": [{
            "id": li["id"].replace("/LineItem/", "/FulfillmentOrderLineItem/"),
            "remainingQuantity": li.get("currentQuantity", li["quantity"]),
            "lineItem": {"id": li["id"]}}
            for li in node["lineItems"]["nodes"]]}}

    def add_stock(self, sku: str, available: int) -> None:
        with self.lock:
            self._serial += 1
            self.inventory[sku] = {"id": f"gid://shopify/InventoryItem/{808950810 + self._serial}",
                                   "sku": sku, "available": available}

    def touch(self, order_id: str, **changes: Any) -> None:
        """A change at the shop (cancel, refund, edit) bumps updatedAt to now."""
        with self.lock:
            self.orders[order_id].update(changes, updatedAt=iso(datetime.now(UTC)))

    # -- plumbing -----------------------------------------------------------------------
    def label(self, request: Request) -> str:
        try:
            return f"{request.method} {request.path} {request.json().get('operationName', '')}"
        except (ValueError, AttributeError):
            return f"{request.method} {request.path}"

    def _refill(self) -> None:
        now = time.monotonic()
        self._available = min(self.bucket_size,
                              self._available + (now - self._bucket_at) * self.restore_rate)
        self._bucket_at = now

    def _throttle_status(self) -> dict[str, Any]:
        return {"maximumAvailable": self.bucket_size,
                "currentlyAvailable": int(self._available), "restoreRate": self.restore_rate}

    def _throttled(self, requested: int) -> Reply:
        return Reply.json({"errors": [{"message": "Throttled", "extensions": {
            "code": "THROTTLED", "documentation": "https://shopify.dev/api/usage/rate-limits"}}],
            "extensions": {"cost": {"requestedQueryCost": requested, "actualQueryCost": None,
                                    "throttleStatus": self._throttle_status()}}})

    @staticmethod
    def _too_costly(requested: int) -> Reply:
        return Reply.json({"errors": [{
            "message": f"Query cost is {requested}, which exceeds the single query max cost "
                       f"limit ({MAX_SINGLE_QUERY_COST}).\n\nSee https://shopify.dev/concepts/"
                       "about-apis/rate-limits for more information on how the\ncost of a query "
                       "is calculated.",
            "extensions": {"code": "MAX_COST_EXCEEDED", "cost": requested,
                           "maxCost": MAX_SINGLE_QUERY_COST,
                           "documentation": "https://shopify.dev/api/usage/limits#rate-limits"}}]})

    def fault_reply(self, fault: Fault, request: Request) -> Reply | None:
        if fault.kind != "throttle":
            return None
        body = request.json() or {}
        with self.lock:  # the bucket was emptied (by other apps' calls, say)
            self._available = 0.0
            self._bucket_at = time.monotonic()
            return self._throttled(requested_cost(body.get("query", ""),
                                                  body.get("variables") or {}))

    def handle(self, request: Request) -> Reply:
        if request.path.startswith(STATUS_PATH) and request.method == "GET":
            with self.lock:
                status, body = self.bulk_download(request)
            return Reply(status, body, {"Content-Type": "application/jsonl" if status == 200
                                        else "application/xml"})
        if request.path != API_PATH or request.method != "POST":
            return Reply.json({"errors": "Not Found"}, 404)
        if request.headers.get("x-shopify-access-token") != self.token:
            return Reply.json({"errors": "[API] Invalid API key or access token "
                                         "(unrecognized login or wrong password)"}, 401)
        try:
            body = request.json()
            operation, variables = body["operationName"], body.get("variables") or {}
            query = body["query"]
        except (ValueError, KeyError, TypeError):
            return Reply.json({"errors": [{"message": "Bad request body"}]}, 400)
        resolver = RESOLVERS.get(operation)
        if resolver is None or resolver[0] not in query:
            return Reply.json({"errors": [{"message": f"unknown operation {operation}"}]})
        try:
            sizes = connection_sizes(query, variables)
            requested = requested_cost(query, variables)
        except ValueError as exc:
            return Reply.json({"errors": [{"message": f"Parse error: {exc}"}]})
        for name, size in sizes:  # validated before the cost is worked out
            if not 0 < size <= MAX_PAGE:
                return Reply.json({"errors": [{"message": f"The {name} connection's first "
                                               f"argument must be between 1 and {MAX_PAGE}",
                                               "extensions": {
                                                   "code": "argumentLiteralsIncompatible"}}]})
        if requested > MAX_SINGLE_QUERY_COST:
            return self._too_costly(requested)
        with self.lock:
            self._refill()
            if self._available < requested:
                return self._throttled(requested)
            self._available -= requested
            try:
                data = resolver[1](self, variables, request)
            except GraphQLError as exc:  # refused before it ran: nothing is charged
                self._available = min(self.bucket_size, self._available + requested)
                cost = {"requestedQueryCost": requested, "actualQueryCost": 0,
                        "throttleStatus": self._throttle_status()}
                return Reply.json({"errors": [{"message": str(exc), "extensions": {
                    "code": "argumentLiteralsIncompatible"}}], "extensions": {"cost": cost}})
            actual = actual_cost(query, variables, data)
            self._available = min(self.bucket_size, self._available + requested - actual)
            cost = {"requestedQueryCost": requested, "actualQueryCost": actual,
                    "throttleStatus": self._throttle_status()}
        self.costs.append((operation, requested, actual))
        return Reply.json({"data": data, "extensions": {"cost": cost}})

    # -- resolvers ----------------------------------------------------------------------
    def orders_page(self, variables: dict[str, Any], request: Request) -> dict[str, Any]:
        match = re.search(r"updated_at:(>=?)'([^']+)'", variables.get("query") or "")
        since = match.group(2) if match else ""
        rows = sorted((o for o in self.orders.values()
                       if not match or (o["updatedAt"] >= since if match.group(1) == ">="
                                        else o["updatedAt"] > since)),
                      key=lambda o: (o["updatedAt"], o["id"]))
        if variables.get("after"):
            after = json.loads(base64.b64decode(variables["after"]))
            rows = [o for o in rows if (o["updatedAt"], o["id"]) > tuple(after)]
        page, more = rows[:int(variables["first"])], len(rows) > int(variables["first"])
        self.pages_served.append((variables.get("query") or "", variables.get("after")))
        served = json.loads(json.dumps(page))  # a snapshot, taken under the lock
        lines_first = _connection_first(body_query(request), "lineItems", variables)
        for node in served:
            node["lineItems"] = line_page(node["lineItems"]["nodes"], lines_first, None)
        if request.fault and request.fault.kind == "dup":
            served = json.loads(json.dumps(self._last_page)) + served
        self._last_page = served[-len(page):] if page else []
        end = base64.b64encode(json.dumps([page[-1]["updatedAt"], page[-1]["id"]]).encode())\
            .decode() if page else None
        return {"orders": {"pageInfo": {"hasNextPage": more, "endCursor": end}, "nodes": served}}

    def order_line_items(self, variables: dict[str, Any], request: Request) -> dict[str, Any]:
        """order(id:) { lineItems(first:, after:) }: the next page of one order's lines."""
        order = self.orders.get(variables.get("id"))
        if order is None:
            return {"order": None}
        first = _connection_first(body_query(request), "lineItems", variables)
        return {"order": {"id": order["id"], "lineItems": line_page(
            copy.deepcopy(order["lineItems"]["nodes"]), first, variables.get("after"))}}

    def _fulfillment_orders_for(self, order_id: str) -> list[dict[str, Any]]:
        """An order's fulfilment orders: its own (same number), without scanning the shop."""
        fo = self.fulfillment_orders.get(order_id.replace("/Order/", "/FulfillmentOrder/"))
        return [fo] if fo is not None and fo["order"] == order_id else []

    def fulfillment_orders_of(self, variables: dict[str, Any], _: Request) -> dict[str, Any]:
        order = self.orders.get(variables.get("id"))
        if order is None:
            return {"order": None}
        fos = [copy.deepcopy({k: v for k, v in fo.items() if k != "order"})
               for fo in self._fulfillment_orders_for(order["id"])]
        return {"order": {"id": order["id"], "fulfillments": copy.deepcopy(order["fulfillments"]),
                          "fulfillmentOrders": {"nodes": fos}}}

    def fulfillment_create(self, variables: dict[str, Any], _: Request) -> dict[str, Any]:
        spec = variables["fulfillment"]
        errors = self._check_fulfilment(spec["lineItemsByFulfillmentOrder"])
        if errors:
            return {"fulfillmentCreate": {"fulfillment": None, "userErrors": errors}}
        order = None
        for group in spec["lineItemsByFulfillmentOrder"]:
            fo = self.fulfillment_orders[group["fulfillmentOrderId"]]
            order = self.orders[fo["order"]]
            for want in group["fulfillmentOrderLineItems"]:
                item = next(i for i in fo["lineItems"]["nodes"] if i["id"] == want["id"])
                item["remainingQuantity"] -= want["quantity"]
            if all(i["remainingQuantity"] == 0 for i in fo["lineItems"]["nodes"]):
                fo["status"] = "CLOSED"
        self._serial += 1
        tracking = spec.get("trackingInfo") or {}
        shipped = {"id": f"gid://shopify/Fulfillment/{255858046 + self._serial}",
                   "status": "SUCCESS", "trackingInfo": [
                       {"number": tracking.get("number"), "company": tracking.get("company")}]}
        order["fulfillments"].append(shipped)
        still_open = any(fo["status"] != "CLOSED"
                         for fo in self._fulfillment_orders_for(order["id"]))
        order["displayFulfillmentStatus"] = "PARTIALLY_FULFILLED" if still_open else "FULFILLED"
        order["updatedAt"] = iso(datetime.now(UTC))
        self.record(op="fulfillmentCreate", order=order["id"], tracking=tracking.get("number"))
        return {"fulfillmentCreate": {"fulfillment": shipped, "userErrors": []}}

    def _check_fulfilment(self, groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for group in groups:
            fo = self.fulfillment_orders.get(group["fulfillmentOrderId"])
            if fo is None:
                return [{"field": ["fulfillment"], "message": "Fulfillment order does not exist."}]
            if fo["status"] == "CLOSED":
                return [{"field": ["fulfillment"],
                         "message": "Fulfillment order is not in an open state."}]
            remaining = {i["id"]: i["remainingQuantity"] for i in fo["lineItems"]["nodes"]}
            for want in group["fulfillmentOrderLineItems"]:
                if want["quantity"] > remaining.get(want["id"], 0):
                    return [{"field": ["fulfillment"], "message": "Invalid fulfillment order "
                             "line item quantity requested."}]
        return []

    def inventory_item(self, variables: dict[str, Any], _: Request) -> dict[str, Any]:
        match = re.fullmatch(r"sku:'([^']*)'", variables.get("query") or "")
        rows = [self.inventory[match.group(1)]] if match and match.group(1) in self.inventory \
            else []
        at_bench = variables.get("locationId") == self.location_id
        return {"inventoryItems": {"nodes": [{
            "id": row["id"], "sku": row["sku"],
            "inventoryLevel": {"quantities": [{"name": "available", "quantity": row["available"]}]}
            if at_bench else None} for row in rows]}}

    def set_quantities(self, variables: dict[str, Any], _: Request) -> dict[str, Any]:
        key = variables.get("idempotencyKey")
        fingerprint = hashlib.sha256(json.dumps(variables["input"], sort_keys=True).encode())\
            .hexdigest()
        if not key:
            return self._set_errors("IDEMPOTENCY_KEY_MISSING", "An idempotency key is required.")
        if key in self.idempotency:
            seen, answer = self.idempotency[key]
            if seen != fingerprint:
                return self._set_errors("IDEMPOTENCY_KEY_PARAMETER_MISMATCH",
                                        "The same key was used with different parameters.")
            return copy.deepcopy(answer)
        answer = self._apply_quantities(variables["input"], key)
        self.idempotency[key] = (fingerprint, copy.deepcopy(answer))
        return answer

    def _apply_quantities(self, spec: dict[str, Any], key: str) -> dict[str, Any]:
        by_id = {row["id"]: row for row in self.inventory.values()}
        changes = []
        for wanted in spec["quantities"]:
            row = by_id.get(wanted["inventoryItemId"])
            if row is None or wanted.get("locationId") != self.location_id:
                return self._set_errors("ITEM_NOT_STOCKED_AT_LOCATION", "Item not stocked here.")
            if "compareQuantity" not in wanted and not spec.get("ignoreCompareQuantity"):
                return self._set_errors("COMPARE_QUANTITY_REQUIRED",
                                        "A compareQuantity is required.")
            if wanted.get("compareQuantity") != row["available"] and \
                    not spec.get("ignoreCompareQuantity"):
                return self._set_errors("COMPARE_QUANTITY_STALE", "The compareQuantity argument "
                                        "no longer matches the persisted quantity.")
        for wanted in spec["quantities"]:
            row = by_id[wanted["inventoryItemId"]]
            delta = wanted["quantity"] - row["available"]
            row["available"] = wanted["quantity"]
            changes.append({"name": "available", "delta": delta,
                            "quantityAfterChange": row["available"]})
            self.record(op="inventorySetQuantities", key=key, sku=row["sku"],
                        quantity=row["available"])
        self._serial += 1
        return {"inventorySetQuantities": {"inventoryAdjustmentGroup": {
            "id": f"gid://shopify/InventoryAdjustmentGroup/{self._serial}",
            "reason": spec.get("reason"), "changes": changes}, "userErrors": []}}

    # -- refunds ------------------------------------------------------------------------
    def order_refunds(self, variables: dict[str, Any], _: Request) -> dict[str, Any]:
        order = self.orders.get(variables.get("id"))
        if order is None:
            return {"order": None}
        money = order["lineItems"]["nodes"][0]["originalUnitPriceSet"]["shopMoney"]
        sale = order["id"].replace("/Order/", "/OrderTransaction/")
        return {"order": {"id": order["id"], "currencyCode": money["currencyCode"],
                          "refunds": copy.deepcopy(self.refunds.get(order["id"], [])),
                          "transactions": [{"id": sale, "kind": "SALE", "status": "SUCCESS",
                                            "gateway": "bogus"}]}}

    def refund_create(self, variables: dict[str, Any], _: Request) -> dict[str, Any]:
        key, spec = variables.get("idempotencyKey"), variables["input"]
        fingerprint = hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()
        if key in self.idempotency:
            seen, answer = self.idempotency[key]
            if seen == fingerprint:
                return copy.deepcopy(answer)
            return _refund_errors("The same idempotency key was used with other parameters.")
        error = self._check_refund(spec)
        answer = _refund_errors(error) if error else self._apply_refund(spec)
        if key:
            self.idempotency[key] = (fingerprint, copy.deepcopy(answer))
        return answer

    def _check_refund(self, spec: dict[str, Any]) -> str:
        order = self.orders.get(spec.get("orderId"))
        if order is None:
            return "Order does not exist."
        lines = {li["id"]: li for li in order["lineItems"]["nodes"]}
        done = self.refunds.get(order["id"], [])
        for want in spec.get("refundLineItems") or []:
            before = sum(r["lines"].get(want["lineItemId"], 0) for r in done)
            line = lines.get(want["lineItemId"])
            if line is None or want["quantity"] + before > line["quantity"]:
                return "Quantity cannot refund more items than were purchased."
        paid = sum(Decimal(li["originalUnitPriceSet"]["shopMoney"]["amount"]) * li["quantity"]
                   for li in lines.values())
        refunded = sum(Decimal(r["totalRefundedSet"]["shopMoney"]["amount"]) for r in done)
        asked = sum(Decimal(t["amount"]) for t in spec.get("transactions") or [])
        return "Refund amount is greater than the refundable amount." \
            if asked + refunded > paid else ""

    def _apply_refund(self, spec: dict[str, Any]) -> dict[str, Any]:
        order = self.orders[spec["orderId"]]
        currency = order["lineItems"]["nodes"][0]["originalUnitPriceSet"]["shopMoney"][
            "currencyCode"]
        amount = sum(Decimal(t["amount"]) for t in spec.get("transactions") or [])
        self._serial += 1
        refund = {"id": f"gid://shopify/Refund/{509562969 + self._serial}", "note": spec["note"],
                  "totalRefundedSet": {"shopMoney": {"amount": f"{amount:.2f}",
                                                     "currencyCode": currency}}}
        self.refunds.setdefault(order["id"], []).append(
            {**refund, "lines": {li["lineItemId"]: li["quantity"]
                                 for li in spec.get("refundLineItems") or []}})
        lines = {li["id"]: li for li in order["lineItems"]["nodes"]}
        for want in spec.get("refundLineItems") or []:  # refunded units leave currentQuantity
            line = lines[want["lineItemId"]]
            line["currentQuantity"] = line.get("currentQuantity", line["quantity"]) - \
                want["quantity"]
        total = sum(Decimal(li["originalUnitPriceSet"]["shopMoney"]["amount"]) * li["quantity"]
                    for li in order["lineItems"]["nodes"])
        refunded = sum(Decimal(r["totalRefundedSet"]["shopMoney"]["amount"])
                       for r in self.refunds[order["id"]])
        order["displayFinancialStatus"] = "REFUNDED" if refunded >= total else \
            "PARTIALLY_REFUNDED"
        order["updatedAt"] = iso(datetime.now(UTC))
        self.record(op="refundCreate", order=order["id"], amount=f"{amount:.2f}",
                    note=spec["note"], lines=refund_lines(spec))
        return {"refundCreate": {"refund": refund, "userErrors": []}}

    @staticmethod
    def _set_errors(code: str, message: str) -> dict[str, Any]:
        return {"inventorySetQuantities": {"inventoryAdjustmentGroup": None, "userErrors": [
            {"code": code, "field": ["input"], "message": message}]}}


def body_query(request: Request) -> str:
    return request.json().get("query") or ""


def _connection_first(query: str, field: str, variables: dict[str, Any]) -> int:
    """The `first:` argument a query gives a connection, literal or as a variable."""
    match = re.search(field + r"\(\s*first:\s*(\$?\w+)", query)
    if not match:
        raise GraphQLError(f"you must provide one of first or last for {field}")
    value = match.group(1)
    first = int(variables.get(value[1:], 0)) if value.startswith("$") else int(value)
    if not 0 < first <= MAX_PAGE:
        raise GraphQLError(f"The {field} connection's first argument must be between 1 and "
                           f"{MAX_PAGE}")
    return first


def line_page(lines: list[dict[str, Any]], first: int, after: str | None) -> dict[str, Any]:
    """A page of an order's line items with pageInfo, cut at `first` as Shopify cuts it."""
    start = json.loads(base64.b64decode(after)) + 1 if after else 0
    page = lines[start:start + first]
    for line in page:  # units removed by an edit or refunded leave currentQuantity
        line.setdefault("currentQuantity", line.get("quantity"))
    end = start + len(page) - 1
    return {"pageInfo": {"hasNextPage": start + first < len(lines),
                         "endCursor": base64.b64encode(json.dumps(end).encode()).decode()
                         if page else None},
            "nodes": page}


class GraphQLError(Exception):
    """A query Shopify would refuse as a whole: answered in `errors`, with no data."""


def refund_lines(spec: dict[str, Any]) -> list[tuple[str, int]]:
    return [(li["lineItemId"], li["quantity"]) for li in spec.get("refundLineItems") or []]


def _refund_errors(message: str) -> dict[str, Any]:
    return {"refundCreate": {"refund": None, "userErrors": [{"field": ["input"],
                                                              "message": message}]}}


RESOLVERS = {
    "PackdeskOrders": ("orders(", ShopifyServer.orders_page),
    "PackdeskOrderLineItems": ("lineItems(", ShopifyServer.order_line_items),
    "PackdeskFulfillmentOrders": ("order(", ShopifyServer.fulfillment_orders_of),
    "PackdeskFulfillmentCreate": ("fulfillmentCreate(", ShopifyServer.fulfillment_create),
    "PackdeskInventoryItem": ("inventoryItems(", ShopifyServer.inventory_item),
    "PackdeskSetStock": ("inventorySetQuantities(", ShopifyServer.set_quantities),
    "PackdeskOrderRefunds": ("refunds(", ShopifyServer.order_refunds),
    "PackdeskRefundCreate": ("refundCreate(", ShopifyServer.refund_create),
    "PackdeskBulkOrders": ("bulkOperationRunQuery(", ShopifyServer.bulk_run_query),
    "PackdeskBulkStatus": ("node(", ShopifyServer.bulk_node),
    "PackdeskBulkCurrent": ("currentBulkOperation(", ShopifyServer.bulk_current),
    "PackdeskCatalogue": ("productVariants(", ShopifyServer.product_variants),
    "PackdeskVariantCount": ("productVariantsCount", ShopifyServer.variant_count),
}
