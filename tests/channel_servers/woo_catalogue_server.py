"""WooCommerce's catalogue routes (REST v3), for WooServer.

From the REST API docs: GET /products lists products only (a variable product's variations
are read at /products/<id>/variations), both paged with `page` and `per_page` (1-100) and
answered with X-WP-Total and X-WP-TotalPages; `orderby` id, `order` asc|desc. GET
/settings/products/woocommerce_weight_unit is the store's weight unit (a setting option:
id, label, type select, default "kg", value, options kg/g/lbs/oz). `global_unique_id` is the
GTIN, UPC, EAN or ISBN field products and variations carry since WooCommerce 9.2.
`modified_after` (ISO 8601) limits a list to what was modified after it: compared with
`date_modified_gmt` when `dates_are_gmt` is true, else with the site's local
`date_modified` (this site's timezone is UTC, so both are the same instant).
`catalogue_served` counts every product or variation a list handed out.
"""

from __future__ import annotations

import copy
import math
from collections import Counter
from datetime import UTC, datetime
from typing import Any

from tests.channel_servers.base import Reply, Request

WEIGHT_UNITS = {"kg": "kg", "g": "g", "lbs": "lbs", "oz": "oz"}


STAMP = "%Y-%m-%dT%H:%M:%S"


def _modified_after(request: Request, rows: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    after = request.query.get("modified_after")
    if after is None:
        return rows
    try:
        moment = datetime.fromisoformat(after.replace("Z", "+00:00"))
    except ValueError:
        return None
    field = ("date_modified_gmt" if request.query.get("dates_are_gmt") in ("true", "1")
             else "date_modified")
    bound = moment.replace(tzinfo=None).strftime(STAMP)
    return [row for row in rows if (row.get(field) or "") > bound]


class WooCatalogue:
    weight_unit = "kg"
    products: dict[int, dict[str, Any]]
    catalogue_served: Counter[str]  # SKU: times a list handed it out

    def edit_product(self, sku: str, **changes: Any) -> None:
        """An edit in wp-admin: the product (or variation) is modified now."""
        now = datetime.now(UTC).strftime(STAMP)
        with self.lock:
            row = next(p for p in self.products.values() if p["sku"] == sku)
            row.update(changes, date_modified=now, date_modified_gmt=now)

    def add_simple_product(self, product_id: int, sku: str, name: str, weight: str,
                           gtin: str = "", stock: int | None = None) -> None:
        now = datetime.now(UTC).strftime(STAMP)
        with self.lock:
            self.products[product_id] = {
                "id": product_id, "name": name, "type": "simple", "sku": sku,
                "global_unique_id": gtin, "weight": weight, "images": [],
                "manage_stock": stock is not None, "stock_quantity": stock,
                "date_created": now, "date_created_gmt": now, "date_modified": now,
                "date_modified_gmt": now}

    def _paged(self, request: Request, rows: list[dict[str, Any]]) -> Reply:
        try:
            per_page = int(request.query.get("per_page", 10))
            page = int(request.query.get("page", 1))
        except ValueError:
            per_page = page = 0
        if not 1 <= per_page <= 100 or page < 1:
            return Reply.json({"code": "rest_invalid_param", "message": "Invalid parameter(s): "
                               "per_page", "data": {"status": 400}}, 400)
        changed = _modified_after(request, rows)
        if changed is None:
            return Reply.json({"code": "rest_invalid_param", "message": "Invalid parameter(s): "
                               "modified_after", "data": {"status": 400}}, 400)
        rows = changed
        rows = sorted(rows, key=lambda p: p["id"],
                      reverse=request.query.get("order", "desc") == "desc")
        chunk = copy.deepcopy(rows[(page - 1) * per_page: page * per_page])
        self.catalogue_served.update(row["sku"] for row in chunk)
        return Reply.json(chunk, **{"X-WP-Total": str(len(rows)),
                                    "X-WP-TotalPages": str(max(1, math.ceil(len(rows) / per_page)))})

    def catalogue_products(self, request: Request) -> Reply:
        sku = request.query.get("sku")
        if sku is not None:  # a lookup by SKU finds variations too
            return Reply.json([p for p in self.products.values() if p["sku"] == sku])
        return self._paged(request, [p for p in self.products.values()
                                     if p.get("type") != "variation"])

    def list_variations(self, request: Request, product_id: int) -> Reply:
        parent = self.products.get(product_id)
        if parent is None:
            return Reply.json({"code": "woocommerce_rest_product_invalid_id",
                               "message": "Invalid ID.", "data": {"status": 404}}, 404)
        return self._paged(request, [p for p in self.products.values()
                                     if p.get("type") == "variation"
                                     and p.get("parent_id") == product_id])

    def weight_unit_setting(self, _: Request) -> Reply:
        return Reply.json({"id": "woocommerce_weight_unit", "label": "Weight unit",
                           "description": "This controls what unit you will define weights in.",
                           "type": "select", "default": "kg", "options": WEIGHT_UNITS,
                           "tip": "This controls what unit you will define weights in.",
                           "value": self.weight_unit})
