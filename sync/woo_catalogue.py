"""WooCommerce's catalogue (REST v3): products, and the variations of variable products.

woocommerce.github.io/woocommerce-rest-api-docs: GET /products (page, per_page up to 100,
X-WP-TotalPages), GET /products/<id>/variations; `sku`, `weight` (a string in the store's
weight unit: GET /settings/products/woocommerce_weight_unit, kg by default), `images[].src`
(a variation has one `image`), `manage_stock`/`stock_quantity` (a variation whose stock is
its parent's says "parent": that pooled count is not one SKU's and is not taken), and since
WooCommerce 9.2 `global_unique_id`, the GTIN, UPC, EAN or ISBN field.

The requests go through the Woo adapter's own request (keys in the Authorization header, or
in the query string over https for a host that strips it).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from app.domain.messages import Msg
from app.services.catalogue_channel import ChannelProduct
from sync.base import ChannelDataError, HttpRefused, RateLimited
from sync.fields import text

PER_PAGE = 100
MAX_WAIT_S = 60.0
GRAMS_PER = {"g": Decimal(1), "kg": Decimal(1000), "lbs": Decimal("453.59237"),
             "oz": Decimal("28.349523125")}


def _get(adapter, path: str, params: dict[str, Any] | None = None):
    waited = 0.0
    while True:
        try:
            response = adapter._request("GET", path, params)  # noqa: SLF001 - Woo's auth rules
            return response, adapter._http.json(response)  # noqa: SLF001
        except RateLimited as exc:
            waited += exc.retry_after_s
            if waited > MAX_WAIT_S:
                raise
            time.sleep(exc.retry_after_s)


def weight_unit(adapter) -> str:
    try:
        _, body = _get(adapter, "/settings/products/woocommerce_weight_unit")
    except HttpRefused as exc:
        if exc.status in (403, 404):  # a key without settings access: Woo's default
            return "kg"
        raise
    unit = text((body or {}).get("value")) if isinstance(body, dict) else ""
    return unit if unit in GRAMS_PER else "kg"


def grams(weight: Any, unit: str) -> int | None:
    try:
        figure = round(Decimal(text(weight).replace(",", ".")) * GRAMS_PER[unit])
    except (InvalidOperation, KeyError):
        return None
    return figure if figure > 0 else None


def _stock(item: dict[str, Any]) -> int | None:
    quantity = item.get("stock_quantity")
    return quantity if item.get("manage_stock") is True and isinstance(quantity, int) else None


def map_product(item: dict[str, Any], unit: str, name: str = "") -> ChannelProduct:
    images = item.get("images") or ([item["image"]] if item.get("image") else [])
    image = text((images[0] or {}).get("src")) if images else ""
    return ChannelProduct(text(item.get("sku")), name or text(item.get("name")),
                          text(item.get("global_unique_id")), grams(item.get("weight"), unit),
                          image, _stock(item))


def variation_name(parent: dict[str, Any], variation: dict[str, Any]) -> str:
    options = [text(a.get("option")) for a in variation.get("attributes") or []
               if isinstance(a, dict) and text(a.get("option"))]
    base = text(parent.get("name"))
    return f"{base} – {', '.join(options)}" if options else base


def _pages(adapter, path: str, since: datetime | None = None
           ) -> Iterator[list[dict[str, Any]]]:
    page = 1
    changed = ({"modified_after": since.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S"),
                "dates_are_gmt": "true"} if since is not None else {})
    while True:
        response, body = _get(adapter, path, {"per_page": PER_PAGE, "page": page,
                                              "orderby": "id", "order": "asc", **changed})
        if not isinstance(body, list):
            raise ChannelDataError(Msg("woocommerce: {path} answered with no list", path=path))
        yield [item for item in body if isinstance(item, dict)]
        try:
            last = int(response.headers.get("X-WP-TotalPages", page))
        except ValueError:
            last = page
        if page >= last or not body:
            return
        page += 1


def catalogue_pages(adapter, since: datetime | None = None) -> Iterator[list[ChannelProduct]]:
    """Every simple product and every variation, a page of products at a time (a variable
    product's variations come with its page). With `since`: the products modified after it
    (`modified_after`, a GMT time with `dates_are_gmt`), a variable one with all its
    variations. A variation edited on its own without its product being saved is not
    listed as modified; `packdesk products pull --all` reads every one."""
    unit = weight_unit(adapter)
    for items in _pages(adapter, "/products", since):
        page: list[ChannelProduct] = []
        for item in items:
            if item.get("type") == "variable":
                for variations in _pages(adapter, f"/products/{int(item['id'])}/variations"):
                    page.extend(map_product(v, unit, variation_name(item, v))
                                for v in variations)
            elif item.get("type") in ("simple", None, ""):
                page.append(map_product(item, unit))
        yield page
