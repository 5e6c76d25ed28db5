"""A WooCommerce REST v3 store built from the official docs' JSON examples.

It enforces Basic auth with the consumer key and secret, modified_after filtering, page and
per_page (at most 100) with X-WP-Total / X-WP-TotalPages, and keeps order notes and stock.

Refunds follow WC_REST_Order_Refunds_Controller and wc_create_refund / wc_refund_payment
(woocommerce/includes/wc-order-functions.php): with `api_refund` (default true) the order's
payment gateway must exist and support refunds, else HTTP 500
`woocommerce_rest_cannot_create_order_refund` with the gateway's words and no refund is kept;
`api_restock` (default true) puts the refunded units back into the product's stock.

`shipment_tracking`: the store runs the Shipment Tracking extension (or Advanced Shipment
Tracking, which registers the same route): /orders/<id>/shipment-trackings lists and adds
tracking items, kept in the order's `_wc_shipment_tracking_items` meta as the extension does
(woocommerce.com/document/shipment-tracking/shipment-tracking-rest-api-create-tracking-item/).
Without it that route answers rest_no_route, as WordPress does for any unknown route.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import math
import re
from collections import Counter
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from tests.channel_servers.base import ChannelServer, Reply, Request
from tests.channel_servers.samples import fresh
from tests.channel_servers.woo_catalogue_server import WooCatalogue

API = "/wp-json/wc/v3"
KEY, SECRET = "ck_test_0123456789abcdef", "cs_test_fedcba9876543210"
STAMP = "%Y-%m-%dT%H:%M:%S"
# Gateways and whether they declare supports('refunds'): core's bacs, cheque and cod do not,
# core PayPal Standard and the Stripe and WooPayments extensions do.
GATEWAYS = {"bacs": False, "cheque": False, "cod": False, "paypal": True, "stripe": True,
            "woocommerce_payments": True}
# A few of Shipment Tracking's predefined providers (its providers endpoint), name -> link
PROVIDERS = {"USPS": "https://tools.usps.com/tracking/%1$s",
             "UPS": "https://www.ups.com/track?tracknum=%1$s",
             "Fedex": "https://www.fedex.com/apps/fedextrack/?tracknumbers=%1$s",
             "DHL US": "https://www.logistics.dhl/us-en/home/tracking.html?tracking-id=%1$s"}


class WooServer(WooCatalogue, ChannelServer):
    """`strip_authorization`: the host drops the Authorization header before WordPress sees
    it (some CGI/FastCGI set-ups do), so only query-string keys can reach Woo, over https.
    `redirect_to`: every request is answered 301 with that Location (a moved store)."""

    def __init__(self, *, order_count: int = 2, start: datetime | None = None,
                 strip_authorization: bool = False, redirect_to: str | None = None,
                 redirect_status: int = 301, shipment_tracking: bool = False) -> None:
        super().__init__()
        self.shipment_tracking = shipment_tracking
        self.gateway_refuses: str | None = None  # a supporting gateway's own refusal text
        self.strip_authorization, self.redirect_to = strip_authorization, redirect_to
        self.redirect_status = redirect_status
        self.keys_in_query: list[str] = []  # "https"/"http": requests that carried them
        self.consumer_key, self.consumer_secret = KEY, SECRET
        self.orders: dict[int, dict[str, Any]] = {}
        self.notes: dict[int, list[dict[str, Any]]] = {}
        self.refunds: dict[int, list[dict[str, Any]]] = {}
        self.products: dict[int, dict[str, Any]] = {}
        self.catalogue_served: Counter[str] = Counter()
        self._serial = 0
        self._last_page: list[dict[str, Any]] = []
        self.start_time = start or datetime.now(UTC) - timedelta(days=1)
        for order in fresh("woocommerce/v3_orders_list_all_orders.json")[:order_count]:
            self._put_order(order)
        self._seed_products()

    def _seed_products(self) -> None:
        for product, sku in zip(fresh("woocommerce/v3_products_list_all_products.json"),
                                ("WOO-SHIRT", "WOO-SINGLE"), strict=True):
            product.update(sku=sku, manage_stock=True, stock_quantity=10)
            if product["type"] == "variable":
                product.update(variations=[733, 732])
            else:
                product.update(global_unique_id="4006381333931", weight="0.25")
            self.products[product["id"]] = product
        for variation, sku in zip(
                fresh("woocommerce/v3_product_variations_list_all_product_variations.json"),
                ("WOO-SHIRT-S", "WOO-SHIRT-M"), strict=True):
            variation.update(sku=sku, manage_stock=True, stock_quantity=5, type="variation",
                             parent_id=799, weight="0.18", global_unique_id="")
            self.products[variation["id"]] = variation

    def _put_order(self, order: dict[str, Any]) -> None:
        self._serial += 1
        modified = (self.start_time + timedelta(seconds=self._serial)).strftime(STAMP)
        order.update(date_modified_gmt=modified, date_created_gmt=order.get("date_created_gmt")
                     or modified)
        self.orders[order["id"]] = order
        self.notes.setdefault(order["id"], [])

    def add_orders(self, count: int, **changes: Any) -> list[int]:
        """Copies of docs order 727, with fresh ids, each modified one second later."""
        template = fresh("woocommerce/v3_orders_list_all_orders.json")[0]
        ids = []
        with self.lock:
            for _ in range(count):
                order = copy.deepcopy(template)
                order.update(id=10_000 + self._serial, number=str(10_000 + self._serial),
                             **changes)
                for i, item in enumerate(order["line_items"]):
                    item.update(id=order["id"] * 10 + i, sku=f"WOO-SKU-{i}")
                self._put_order(order)
                ids.append(order["id"])
        return ids

    def touch(self, order_id: int, **changes: Any) -> None:
        with self.lock:
            self.orders[order_id].update(changes,
                                         date_modified_gmt=datetime.now(UTC).strftime(STAMP))

    def _credentials(self, request: Request) -> tuple[str, str] | None:
        """The key pair as WC_REST_Authentication reads it: over SSL, consumer_key and
        consumer_secret from the query string first, else HTTP Basic. Over plain http Woo
        reads only OAuth 1.0a, never query-string keys; this server still takes Basic over
        plain http, so the loopback tests need no certificate (Packdesk itself refuses plain
        http to anything but this machine)."""
        if "consumer_key" in request.query or "consumer_secret" in request.query:
            self.keys_in_query.append("https" if request.secure else "http")
        if request.secure and request.query.get("consumer_key"):
            return request.query["consumer_key"], request.query.get("consumer_secret", "")
        header = "" if self.strip_authorization else request.headers.get("authorization", "")
        if not header.startswith("Basic "):
            return None
        try:
            key, _, secret = base64.b64decode(header[6:]).decode().partition(":")
        except (ValueError, UnicodeDecodeError):
            return None
        return key, secret

    def handle(self, request: Request) -> Reply:
        if self.redirect_to is not None:
            return Reply(self.redirect_status, b"", {"Location": self.redirect_to,
                                                     "Content-Type": "text/html"})
        credentials = self._credentials(request)
        if credentials is None:  # no user: the endpoint's permission check refuses
            return Reply.json({"code": "woocommerce_rest_cannot_view",
                               "message": "Sorry, you cannot list resources.",
                               "data": {"status": 401}}, 401)
        if credentials[0] != KEY:
            return Reply.json({"code": "woocommerce_rest_authentication_error",
                               "message": "Consumer key is invalid.",
                               "data": {"status": 401}}, 401)
        if credentials[1] != SECRET:
            return Reply.json({"code": "woocommerce_rest_authentication_error",
                               "message": "Consumer secret is invalid.",
                               "data": {"status": 401}}, 401)
        path = request.path.removeprefix(API)
        with self.lock:
            for pattern, method, route in ROUTES:
                match = re.fullmatch(pattern, path)
                if match and method == request.method:
                    return route(self, request, *(int(g) for g in match.groups()))
        return _no_route()

    def list_orders(self, request: Request) -> Reply:
        per_page, page = int(request.query.get("per_page", 10)), int(request.query.get("page", 1))
        if not 1 <= per_page <= 100:
            return Reply.json({"code": "rest_invalid_param", "message": "Invalid parameter(s): "
                               "per_page", "data": {"status": 400}}, 400)
        after = request.query.get("modified_after", "").replace("Z", "")[:19]
        rows = sorted((o for o in self.orders.values() if o["date_modified_gmt"] > after),
                      key=lambda o: (o["date_created_gmt"], o["id"]))
        chunk = rows[(page - 1) * per_page: page * per_page]
        served = copy.deepcopy(chunk)
        if request.fault and request.fault.kind == "dup":
            served = copy.deepcopy(self._last_page) + served
        self._last_page = copy.deepcopy(chunk)
        return Reply.json(served, **{"X-WP-Total": str(len(rows)),
                                     "X-WP-TotalPages": str(math.ceil(len(rows) / per_page))})

    def get_order(self, _: Request, order_id: int) -> Reply:
        if order_id not in self.orders:
            return _not_found("woocommerce_rest_shop_order_invalid_id")
        return Reply.json(self.orders[order_id])

    def update_order(self, request: Request, order_id: int) -> Reply:
        if order_id not in self.orders:
            return _not_found("woocommerce_rest_shop_order_invalid_id")
        changes = request.json()
        self.touch(order_id, **changes)
        self.record(op="order_update", order=order_id, **changes)
        return Reply.json(self.orders[order_id])

    def list_notes(self, _: Request, order_id: int) -> Reply:
        return Reply.json(self.notes.get(order_id, []))

    def add_note(self, request: Request, order_id: int) -> Reply:
        if order_id not in self.orders:
            return _not_found("woocommerce_rest_shop_order_invalid_id")
        body = request.json()
        self._serial += 1
        note = {"id": 280 + self._serial, "author": "Packdesk", "note": body["note"],
                "customer_note": bool(body.get("customer_note")),
                "date_created_gmt": datetime.now(UTC).strftime(STAMP)}
        self.notes[order_id].append(note)
        self.record(op="order_note", order=order_id, note=body["note"])
        return Reply.json(note, 201)

    def list_refunds(self, _: Request, order_id: int) -> Reply:
        if order_id not in self.orders:
            return _not_found("woocommerce_rest_shop_order_invalid_id")
        return Reply.json(self.refunds.get(order_id, []))

    def add_refund(self, request: Request, order_id: int) -> Reply:
        """As WC_REST_Order_Refunds_Controller and wc_create_refund: the amount may not exceed
        what is left; the gateway pays back when api_refund is true (the default)."""
        order = self.orders.get(order_id)
        if order is None:
            return _not_found("woocommerce_rest_shop_order_invalid_id")
        body = request.json()
        amount = Decimal(str(body.get("amount") or "0"))
        done = sum(Decimal(r["amount"]) for r in self.refunds.get(order_id, []))
        if amount <= 0 or amount + done > Decimal(order["total"]):
            return _refund_refused("Invalid refund amount.")
        api_refund = body.get("api_refund", True) is not False
        if api_refund:
            refusal = self._gateway_refusal(order)
            if refusal:  # wc_create_refund deletes the refund it had made, and says why
                self.record(op="refund_refused", order=order_id, reason=refusal)
                return _refund_refused(refusal)
        refund = fresh("woocommerce/v3_order_refunds_create_a_refund.json")
        self._serial += 1
        refund.update(id=700 + self._serial, amount=f"{amount:.2f}", reason=body.get("reason", ""),
                      refunded_payment=api_refund,
                      date_created_gmt=datetime.now(UTC).strftime(STAMP),
                      line_items=[{"id": li["id"], "quantity": -int(li["quantity"]),
                                   "total": f"-{li.get('refund_total', '0')}"}
                                  for li in body.get("line_items") or []])
        self.refunds.setdefault(order_id, []).append(refund)
        order.setdefault("refunds", []).append({"id": refund["id"], "reason": refund["reason"],
                                                "total": f"-{amount:.2f}"})
        restocked = self._restock(order, body) if body.get("api_restock", True) is not False \
            else []
        self.touch(order_id)
        self.record(op="refund", order=order_id, amount=refund["amount"],
                    reason=refund["reason"], api_refund=body.get("api_refund"),
                    api_restock=body.get("api_restock"), restocked=restocked,
                    lines=[(li["id"], li["quantity"]) for li in body.get("line_items") or []])
        return Reply.json(refund, 201)

    def _gateway_refusal(self, order: dict[str, Any]) -> str:
        """wc_refund_payment's words, or "" when the gateway pays back."""
        method = order.get("payment_method", "")
        if method not in GATEWAYS:
            return "The payment gateway for this order does not exist."
        if not GATEWAYS[method]:
            return "The payment gateway for this order does not support automatic refunds."
        return self.gateway_refuses or ""

    def _restock(self, order: dict[str, Any], body: dict[str, Any]) -> list[tuple[int, int]]:
        """wc_restock_refunded_items: each refunded line's product gets its units back."""
        restocked = []
        for refunded in body.get("line_items") or []:
            line = next((li for li in order["line_items"] if li["id"] == refunded["id"]), None)
            product = self.products.get(line and (line.get("variation_id")
                                                  or line.get("product_id")) or -1)
            if product and product.get("manage_stock"):
                product["stock_quantity"] += int(refunded["quantity"])
                restocked.append((product["id"], int(refunded["quantity"])))
        return restocked

    def list_trackings(self, _: Request, order_id: int) -> Reply:
        if not self.shipment_tracking:
            return _no_route()
        if order_id not in self.orders:
            return _not_found("woocommerce_rest_shop_order_invalid_id")
        return Reply.json([_tracking_answer(item) for item in self._tracking_meta(order_id)])

    def add_tracking(self, request: Request, order_id: int) -> Reply:
        """POST /orders/<id>/shipment-trackings: tracking_number required (WordPress's own
        rest_missing_callback_param), a predefined provider's name or a custom one."""
        if not self.shipment_tracking:
            return _no_route()
        if order_id not in self.orders:
            return _not_found("woocommerce_rest_shop_order_invalid_id")
        body = request.json()
        if not body.get("tracking_number"):
            return Reply.json({"code": "rest_missing_callback_param",
                               "message": "Missing parameter(s): tracking_number",
                               "data": {"status": 400, "params": ["tracking_number"]}}, 400)
        shipped = datetime.strptime(body.get("date_shipped")
                                    or datetime.now(UTC).strftime("%Y-%m-%d"), "%Y-%m-%d")
        provider = str(body.get("tracking_provider") or "")
        item = {"tracking_provider": re.sub(r"[^a-z0-9]+", "-", provider.lower()).strip("-"),
                "custom_tracking_provider": str(body.get("custom_tracking_provider") or ""),
                "custom_tracking_link": str(body.get("custom_tracking_link") or ""),
                "tracking_number": str(body["tracking_number"]),
                "date_shipped": str(int(shipped.replace(tzinfo=UTC).timestamp())),
                "tracking_id": hashlib.md5(f"{body['tracking_number']}{provider}{order_id}"
                                           .encode()).hexdigest()}
        items = self._tracking_meta(order_id)
        items.append(item)
        meta = [m for m in self.orders[order_id].setdefault("meta_data", [])
                if m.get("key") != "_wc_shipment_tracking_items"]
        self._serial += 1
        meta.append({"id": 14000 + self._serial, "key": "_wc_shipment_tracking_items",
                     "value": items})
        self.touch(order_id, meta_data=meta)
        self.record(op="shipment_tracking", order=order_id, provider=provider,
                    tracking_number=item["tracking_number"],
                    date_shipped=body.get("date_shipped"))
        return Reply.json(_tracking_answer(item), 201)

    def _tracking_meta(self, order_id: int) -> list[dict[str, Any]]:
        for meta in self.orders[order_id].get("meta_data") or []:
            if meta.get("key") == "_wc_shipment_tracking_items":
                return [dict(item) for item in meta["value"]]
        return []

    def list_products(self, request: Request) -> Reply:
        sku = request.query.get("sku")
        return Reply.json([p for p in self.products.values() if sku is None or p["sku"] == sku])

    def get_product(self, _: Request, *ids: int) -> Reply:
        product = self.products.get(ids[-1])
        return Reply.json(product) if product else _not_found("woocommerce_rest_product_invalid_id")

    def update_product(self, request: Request, *ids: int) -> Reply:
        product = self.products.get(ids[-1])
        if product is None:
            return _not_found("woocommerce_rest_product_invalid_id")
        changes = request.json()
        product.update({k: v for k, v in changes.items() if k in ("manage_stock",
                                                                  "stock_quantity")})
        self.record(op="stock_set", sku=product["sku"], quantity=product["stock_quantity"])
        return Reply.json(product)


def _refund_refused(message: str) -> Reply:
    return Reply.json({"code": "woocommerce_rest_cannot_create_order_refund",
                       "message": message, "data": {"status": 500}}, 500)


def _no_route() -> Reply:
    return Reply.json({"code": "rest_no_route", "message": "No route was found matching "
                       "the URL and request method.", "data": {"status": 404}}, 404)


def _tracking_answer(item: dict[str, Any]) -> dict[str, Any]:
    """The extension's REST shape: the provider's name and link, the date as YYYY-MM-DD."""
    name = next((n for n in PROVIDERS if re.sub(r"[^a-z0-9]+", "-", n.lower()).strip("-")
                 == item["tracking_provider"]), item["custom_tracking_provider"]
                or item["tracking_provider"])
    link = item["custom_tracking_link"] or PROVIDERS.get(name, "")
    return {"tracking_id": item["tracking_id"], "tracking_provider": name,
            "tracking_link": link.replace("%1$s", item["tracking_number"]),
            "tracking_number": item["tracking_number"],
            "date_shipped": datetime.fromtimestamp(int(item["date_shipped"]), UTC)
            .strftime("%Y-%m-%d")}


def _not_found(code: str) -> Reply:
    return Reply.json({"code": code, "message": "Invalid ID.", "data": {"status": 404}}, 404)


ROUTES = [
    (r"/orders", "GET", WooServer.list_orders),
    (r"/orders/(\d+)", "GET", WooServer.get_order),
    (r"/orders/(\d+)", "PUT", WooServer.update_order),
    (r"/orders/(\d+)/notes", "GET", WooServer.list_notes),
    (r"/orders/(\d+)/notes", "POST", WooServer.add_note),
    (r"/orders/(\d+)/refunds", "GET", WooServer.list_refunds),
    (r"/orders/(\d+)/refunds", "POST", WooServer.add_refund),
    (r"/orders/(\d+)/shipment-trackings", "GET", WooServer.list_trackings),
    (r"/orders/(\d+)/shipment-trackings", "POST", WooServer.add_tracking),
    (r"/products", "GET", WooServer.catalogue_products),
    (r"/products/(\d+)/variations", "GET", WooServer.list_variations),
    (r"/settings/products/woocommerce_weight_unit", "GET", WooServer.weight_unit_setting),
    (r"/products/(\d+)", "GET", WooServer.get_product),
    (r"/products/(\d+)", "PUT", WooServer.update_product),
    (r"/products/(\d+)/variations/(\d+)", "GET", WooServer.get_product),
    (r"/products/(\d+)/variations/(\d+)", "PUT", WooServer.update_product),
]
