"""WooCommerce REST v3: orders by modified_after, completion with a tracking note, stock.

Woo has no compare-and-set and no idempotency keys, so every write reads first and reads back
(CHANNELS.md section 10.4); a note carries the outbox key so a retried fulfilment is seen.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from app.domain.messages import Msg
from sync.base import (
    ChannelDataError,
    ChannelHttp,
    ChannelRejected,
    ChannelUnavailable,
    HttpRefused,
    Page,
    WindowCursor,
    default_since,
    overwrite_stock,
    utc_iso,
)
from sync.carrier_codes import CarrierCodes
from sync.fields import (
    Unmappable,
    json_shaped,
    map_safely,
    need,
    text,
    to_decimal,
    to_quantity,
    to_time,
)
from sync.model import (
    Fulfilment,
    PushResult,
    Refund,
    StockLevel,
    UnifiedAddress,
    UnifiedLine,
    UnifiedOrder,
)

CHANNEL = "woocommerce"
API = "/wp-json/wc/v3"
# What Woo answers when no key reached it (the host stripped the Authorization header): the
# endpoint's permission check refuses the request as an anonymous one
# What Woo answers (HTTP 500, from wc_create_refund / wc_refund_payment) when a refund
# cannot be made: the gateway does not exist, cannot refund automatically, or refused; the
# refund is deleted again. Only "please try again" is worth trying again.
REFUND_REFUSED = "woocommerce_rest_cannot_create_order_refund"
REFUND_TRY_AGAIN = frozenset({"Cannot create order refund, please try again.", ""})
NO_KEY_ARRIVED = frozenset({"woocommerce_rest_cannot_view", "woocommerce_rest_cannot_create",
                            "woocommerce_rest_cannot_edit"})
# Every order status WooCommerce documents (Automattic\WooCommerce\Enums\OrderStatus and the
# REST v3 `status` options), each mapped on purpose (sync.model.DISPOSITIONS). Each one is
# delivered: an order that goes back from processing to on-hold, pending or failed must reach
# the bench, which holds it.
STATUS_TABLE = {
    "pending": "awaiting_payment",  # received, no payment yet
    "processing": "open",  # paid, stock reduced
    "on-hold": "awaiting_payment",  # awaiting payment confirmation (bank transfer, cheque)
    "completed": "fulfilled",
    "cancelled": "cancelled",
    "refunded": "refunded",
    "failed": "awaiting_payment",  # payment failed or declined
    "checkout-draft": "awaiting_payment",  # the blocks checkout, not finished
    "trash": "cancelled",
}


@dataclass(frozen=True)
class WooCredentials:
    store_url: str
    consumer_key: str
    consumer_secret: str = field(repr=False)


class WooCommerceAdapter:
    channel = CHANNEL

    def __init__(self, credentials: WooCredentials, *, carriers: CarrierCodes | None = None,
                 page_size: int = 50,
                 overlap: timedelta = timedelta(minutes=10),
                 lookback: timedelta = timedelta(days=30), timeout_s: float = 20.0,
                 verify: bool | str = True) -> None:
        if not 1 <= page_size <= 100:
            raise ValueError(Msg("{channel}: page size {page_size} is outside 1..100",
                                 channel=CHANNEL, page_size=page_size))
        self._page_size, self._overlap, self._lookback = page_size, overlap, lookback
        self._carriers = carriers or CarrierCodes(CHANNEL)
        self._keys = {"consumer_key": credentials.consumer_key,
                      "consumer_secret": credentials.consumer_secret}
        self._keys_in_query = False  # set once the store turned out to strip Authorization
        self._has_tracking_route: bool | None = None  # Shipment Tracking / AST, once known
        self._http = ChannelHttp(CHANNEL, credentials.store_url, timeout_s=timeout_s,
                                 verify=verify, auth=httpx.BasicAuth(
                                     credentials.consumer_key, credentials.consumer_secret))

    def close(self) -> None:
        self._http.close()

    def _request(self, method: str, path: str, params: dict[str, Any] | None = None,
                 **kwargs: Any) -> httpx.Response:
        """Keys in the Authorization header; a host that strips it (Woo answers as to an
        anonymous caller) gets them as consumer_key/consumer_secret query parameters, as
        Woo's REST docs offer for that case, over https only: Woo reads query-string keys
        only over SSL, and in a plain-http address they would travel readable."""
        params = dict(params or {})
        if self._keys_in_query:
            return self._http.request(method, API + path, params={**params, **self._keys},
                                      auth=None, **kwargs)
        try:
            return self._http.request(method, API + path, params=params, **kwargs)
        except HttpRefused as exc:
            if exc.status != 401 or exc.code not in NO_KEY_ARRIVED:
                raise
            if not self._http.secure:
                raise HttpRefused(
                    Msg("{channel}: credentials refused (HTTP 401: {value}); the store answered as if no key had been sent, as when the web server strips the Authorization header. Packdesk sends the keys in the query string instead only over https; this store address is plain http",
                        channel=CHANNEL, value=exc.detail or exc.code),
                    exc.status, exc.code, exc.detail) from exc
            self._keys_in_query = True
            return self._http.request(method, API + path, params={**params, **self._keys},
                                      auth=None, **kwargs)

    def _get(self, path: str, **params: Any) -> tuple[Any, httpx.Response]:
        response = self._request("GET", path, params=params)
        return self._http.json(response), response

    def _send(self, method: str, path: str, payload: dict[str, Any]) -> Any:
        return self._http.json(self._request(method, path, json=payload))

    # --- orders -----------------------------------------------------------------------

    def pull_orders(self, cursor: str | None) -> Page:
        state = WindowCursor.loads(cursor, default_since(self._lookback))
        page_no = int(state.page or 1)
        rows, response = self._get(
            "/orders", modified_after=utc_iso(state.since), dates_are_gmt="true",
            orderby="date", order="asc", page=page_no, per_page=self._page_size)
        if not isinstance(rows, list):
            raise ChannelDataError(Msg("{channel}: order list is a JSON {name}",
                                       channel=CHANNEL, name=type(rows).__name__))
        try:
            total_pages = int(response.headers["X-WP-TotalPages"])
        except (KeyError, ValueError) as exc:
            raise ChannelDataError(Msg("{channel}: order list has no usable X-WP-TotalPages header",
                                       channel=CHANNEL)) from exc
        orders, errors = state.sift(self._mapped(row) for row in rows)
        if page_no < total_pages:
            state.page = str(page_no + 1)
            return Page(orders, errors, state.dumps(), done=False)
        state.close_pass(self._overlap)
        return Page(orders, errors, state.dumps(), done=True)

    def _mapped(self, row: Any):
        row = row if isinstance(row, dict) else {}
        order_id = text(row.get("id")) or Msg("(no id)")
        modified = text(row.get("date_modified_gmt"))
        try:
            updated = to_time(modified, "date_modified_gmt")
        except Unmappable:
            updated = None
        # the status is in the key: two changes in one second (Woo keeps whole seconds) are
        # two versions, and a hold right after payment must not look like a duplicate
        key = f"{order_id}@{modified}@{text(row.get('status'))}"
        return key, updated, map_safely(CHANNEL, order_id, row, map_order)

    # --- fulfilment -------------------------------------------------------------------

    def push_fulfilment(self, fulfilment: Fulfilment) -> PushResult:
        """The tracking number as a Shipment Tracking (or AST) item when the store has the
        extension, else as a note to the buyer; then the order completed once all of it left.
        Each is read first, so a retry after a lost answer writes nothing twice."""
        path = f"/orders/{fulfilment.channel_order_id}"
        order, _ = self._get(path)
        provider = self._carriers.code_for(fulfilment.carrier)  # Shipment Tracking's name
        trackings = self._shipment_trackings(path)
        if trackings is None:
            wrote = self._note_once(path, fulfilment, provider)
        else:
            wrote = self._tracking_once(path, fulfilment, provider, trackings)
        if order.get("status") != "completed" and ships_whole_order(order, fulfilment):
            self._send("PUT", path, {"status": "completed"})
            wrote = True
        return PushResult(not wrote, text(order.get("id")))

    def _shipment_trackings(self, path: str) -> list[dict[str, Any]] | None:
        """The order's tracking items, or None when the store has no Shipment Tracking route.

        Shipment Tracking and Advanced Shipment Tracking both register
        /wc/v3/orders/<id>/shipment-trackings; a store without either answers rest_no_route.
        That is asked once per adapter: a store without the extension is not asked again."""
        if self._has_tracking_route is False:
            return None
        try:
            rows, _ = self._get(path + "/shipment-trackings")
        except HttpRefused as exc:
            if exc.status != 404 or exc.code != "rest_no_route":
                raise
            self._has_tracking_route = False
            return None
        if not isinstance(rows, list):
            raise ChannelDataError(Msg("{channel}: shipment trackings are a JSON {name}, not a "
                                       "list", channel=CHANNEL, name=type(rows).__name__))
        self._has_tracking_route = True
        return [row for row in rows if isinstance(row, dict)]

    def _tracking_once(self, path: str, fulfilment: Fulfilment, provider: str,
                       trackings: list[dict[str, Any]]) -> bool:
        if any(text(t.get("tracking_number")) == fulfilment.tracking_number for t in trackings):
            return False
        self._send("POST", path + "/shipment-trackings", {
            "tracking_provider": provider, "tracking_number": fulfilment.tracking_number,
            "date_shipped": datetime.now(UTC).strftime("%Y-%m-%d")})
        return True

    def _note_once(self, path: str, fulfilment: Fulfilment, provider: str) -> bool:
        notes, _ = self._get(path + "/notes")
        marker = f"[packdesk:{fulfilment.idempotency_key}]"
        if any(marker in text(n.get("note")) for n in notes if isinstance(n, dict)):
            return False
        self._send("POST", path + "/notes", {"note": tracking_note(fulfilment, marker, provider),
                                             "customer_note": True})
        return True

    # --- refunds ----------------------------------------------------------------------

    def push_refund(self, refund: Refund) -> PushResult:
        """Money back through the order's payment gateway (api_refund), never restocked by
        Woo (api_restock false: Packdesk's own stock push carries the returned units).

        Woo has no idempotency key: our key rides in the refund's reason, and the order's
        refunds are read before posting, so a retry after a lost answer posts nothing. A
        gateway that cannot pay back (bank transfer, cash on delivery) or refuses is named for
        a person: the refund is never recorded as done when no money moved."""
        path = f"/orders/{refund.channel_order_id}/refunds"
        earlier, _ = self._get(path)
        if not isinstance(earlier, list):
            raise ChannelDataError(Msg("{channel}: refund list is a JSON {name}",
                                       channel=CHANNEL, name=type(earlier).__name__))
        for row in earlier:
            if isinstance(row, dict) and refund.marker in text(row.get("reason")):
                _check_paid_back(row, refund)
                return PushResult(True, text(row.get("id")), Msg("refund already on WooCommerce"))
        try:
            created = self._send("POST", path, {
                "amount": f"{refund.amount:.2f}",
                "reason": f"{refund.reason} {refund.marker}".strip(),
                "api_refund": True, "api_restock": False,
                "line_items": [{"id": _woo_id(ln.channel_line_id), "quantity": ln.quantity,
                                "refund_total": f"{ln.amount:.2f}"} for ln in refund.lines]})
        except ChannelUnavailable as exc:
            if exc.code != REFUND_REFUSED or exc.detail in REFUND_TRY_AGAIN:
                raise
            raise ChannelRejected(Msg(
                "{channel}: order {order} was not refunded ({amount}): WooCommerce says "
                "\u201c{said}\u201d. Pay the buyer back in the payment provider (or by bank "
                "transfer), then close the return with `packdesk returns close-refund`",
                channel=CHANNEL, order=refund.channel_order_id, amount=f"{refund.amount:.2f}",
                said=exc.detail)) from exc
        if not isinstance(created, dict):
            raise ChannelDataError(Msg("{channel}: refund answer is not a JSON object",
                                       channel=CHANNEL))
        _check_paid_back(created, refund)
        return PushResult(False, text(created.get("id")),
                          Msg("paid back through the payment gateway"))

    # --- stock ------------------------------------------------------------------------

    def _product(self, sku: str) -> tuple[str, dict[str, Any]]:
        rows, _ = self._get("/products", sku=sku)
        rows = [r for r in rows if isinstance(r, dict) and r.get("sku") == sku] \
            if isinstance(rows, list) else []
        if len(rows) != 1:
            raise ChannelRejected(Msg("{channel}: {count} products carry SKU {sku!r} (expected exactly one)",
                                      channel=CHANNEL, count=len(rows), sku=sku))
        row = rows[0]
        if row.get("type") == "variation" or row.get("parent_id"):
            return f"/products/{row['parent_id']}/variations/{row['id']}", row
        return f"/products/{row['id']}", row

    def _quantity(self, sku: str, row: dict[str, Any]) -> int:
        if not row.get("manage_stock"):
            raise ChannelRejected(Msg("{channel}: stock of {sku!r} is not managed by WooCommerce",
                                      channel=CHANNEL, sku=sku))
        try:
            return to_quantity(row.get("stock_quantity"), Msg("stock of {sku}", sku=sku))
        except Unmappable as exc:
            raise ChannelDataError(f"{CHANNEL}: {exc}") from exc

    def read_stock(self, sku: str) -> int:
        path, _ = self._product(sku)
        row, _ = self._get(path)  # the single resource, never a cached list
        return self._quantity(sku, row)

    def set_stock(self, level: StockLevel) -> PushResult:
        path, _ = self._product(level.sku)
        current, _ = self._get(path)
        return overwrite_stock(
            CHANNEL, level, self._quantity(level.sku, current), path,
            lambda: self._send("PUT", path, {"manage_stock": True,
                                             "stock_quantity": level.quantity}),
            lambda: self._quantity(level.sku, self._get(path)[0]))


def _check_paid_back(row: dict[str, Any], refund: Refund) -> None:
    """A refund Woo recorded without the gateway paying it (refunded_payment false) is not
    done: the buyer has no money back yet."""
    if row.get("refunded_payment") is not True:
        raise ChannelRejected(Msg(
            "{channel}: refund {refund} of order {order} ({amount}) is recorded in "
            "WooCommerce, but the payment gateway did not pay it back. Pay the buyer back in "
            "the payment provider, then close the return with `packdesk returns close-refund`",
            channel=CHANNEL, refund=text(row.get("id")), order=refund.channel_order_id,
            amount=f"{refund.amount:.2f}"))


def _woo_id(line_id: str) -> int | str:
    return int(line_id) if line_id.isdigit() else line_id


def tracking_note(fulfilment: Fulfilment, marker: str, provider: str) -> str:
    note = Msg("Shipped with {carrier}, tracking number {tracking_number}.",
               carrier=provider, tracking_number=fulfilment.tracking_number)
    if fulfilment.lines:
        note += " Lines: " + ", ".join(f"{ln.channel_line_id} x{ln.quantity}"
                                       for ln in fulfilment.lines) + "."
    return f"{note} {marker}"


def ships_whole_order(order: dict[str, Any], fulfilment: Fulfilment) -> bool:
    """Woo core has no partial shipments: complete the order only when everything left."""
    if not fulfilment.lines:
        return True
    shipped = {ln.channel_line_id: ln.quantity for ln in fulfilment.lines}
    return all(shipped.get(text(li.get("id")), 0) >= int(li.get("quantity") or 0)
               for li in order.get("line_items") or [])


def map_status(row: dict[str, Any]) -> str:
    status = text(need(row, "status"))
    if status not in STATUS_TABLE:
        raise Unmappable(Msg("order status {status!r} is not one Packdesk knows", status=status))
    # a paid order with a refund is still to ship (through review); a completed one has
    # shipped, refunded or not: packing it again would send the goods twice
    if status == "processing" and row.get("refunds"):
        return "partially_refunded"
    return STATUS_TABLE[status]


def map_line(item: dict[str, Any], currency: str) -> UnifiedLine:
    line_id = text(need(item, "id"))
    # Woo's REST answer carries names as the shop renders them: "Shirt &ndash; Color: Black"
    return UnifiedLine(channel_line_id=line_id, sku=text(item.get("sku")),
                       name=html.unescape(text(item.get("name"))),
                       quantity=to_quantity(need(item, "quantity"), Msg("quantity of line {line_id}",
                                                                        line_id=line_id)),
                       unit_price=to_decimal(need(item, "price"), Msg("price of line {line_id}",
                                                                      line_id=line_id)),
                       currency=currency)


def tracking_items(row: dict[str, Any]) -> list[dict[str, Any]]:
    """Shipment Tracking's items, from meta the plugin may have stored as JSON text."""
    found = []
    for n, entry in enumerate(json_shaped(row.get("meta_data"), list, "meta_data"), start=1):
        entry = json_shaped(entry, dict, Msg("meta_data entry {n}", n=n))
        if entry.get("key") != "_wc_shipment_tracking_items":
            continue
        for item in json_shaped(entry.get("value"), list, "meta_data _wc_shipment_tracking_items"):
            found.append(json_shaped(item, dict, Msg("a shipment tracking item in meta_data")))
    return found


def map_order(row: dict[str, Any]) -> UnifiedOrder:
    billing = json_shaped(row.get("billing"), dict, "billing")
    shipping = json_shaped(row.get("shipping"), dict, "shipping")
    address = shipping if text(shipping.get("address_1")) else billing
    currency = text(row.get("currency"))
    tracking = tracking_items(row)
    return UnifiedOrder(
        channel=CHANNEL, channel_order_id=text(need(row, "id")),
        order_number_hint=text(row.get("number")), status=map_status(row),
        buyer_name=f"{text(billing.get('first_name'))} {text(billing.get('last_name'))}".strip(),
        phone=text(shipping.get("phone")) or text(billing.get("phone")),
        email=text(billing.get("email")),
        address=UnifiedAddress(
            name=f"{text(address.get('first_name'))} {text(address.get('last_name'))}".strip(),
            line1=text(address.get("address_1")), line2=text(address.get("address_2")),
            city=text(address.get("city")), region=text(address.get("state")),
            postcode=text(address.get("postcode")), country_code=text(address.get("country"))),
        lines=tuple(map_line(json_shaped(i, dict, Msg("a line item")), currency)
                    for i in need(row, "line_items")),
        buyer_note=text(row.get("customer_note")),
        placed_at=to_time(need(row, "date_created_gmt"), "date_created_gmt"),
        updated_at=to_time(need(row, "date_modified_gmt"), "date_modified_gmt"),
        ship_by=None,
        tracking_number=text(tracking[-1].get("tracking_number")) if tracking else "",
        carrier=text(tracking[-1].get("tracking_provider")) if tracking else "",
        raw=row)
