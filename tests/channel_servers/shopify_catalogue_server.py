"""Shopify's `productVariants` connection (Admin GraphQL 2026-01), for ShopifyServer.

From shopify.dev (QueryRoot.productVariants, ProductVariant, InventoryItem, Weight,
MediaImage): a keyset-paged connection (`first`, `after`, `pageInfo.hasNextPage` and
`endCursor`; sortKey ID); a variant has `sku` and `barcode` (either may be null), `title`
("Default Title" for a product without options), its `product`, its own `media`; the
inventory item has `tracked`, `measurement.weight { unit value }` (WeightUnit GRAMS,
KILOGRAMS, OUNCES, POUNDS) and `inventoryLevel(locationId:)`, null where the item is not
stocked at that location. The seeded catalogue is the docs' iPod Nano (the REST order
fixture's product 632910392 and its three variants) plus the shapes a real shop has: a
product without options, a variant without a SKU, a barcode with a wrong check digit, an
untracked item and weights in every unit.

`query` takes the search syntax's `updated_at` filter (`updated_at:>='2026-01-01T00:00:00Z'`,
also `>`, `<`, `<=`), matched against each variant's `updatedAt`; an edit (`set_variant`)
stamps it now. `variants_served` counts every variant a page or an export handed out.
"""

from __future__ import annotations

import base64
import json
import re
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

CDN = "https://cdn.shopify.com/s/files/1/0000/0001/products"


def variant(variant_id: int, sku: str | None, barcode: str | None, title: str,
            product: dict[str, Any], weight: tuple[str, float] | None,
            available: int | None, image: str | None = None,
            tracked: bool = True) -> dict[str, Any]:
    return {
        "id": f"gid://shopify/ProductVariant/{variant_id}", "sku": sku, "barcode": barcode,
        "title": title, "product": product,
        "media": {"nodes": [{"image": {"url": image}}] if image else []},
        "inventoryItem": {
            "id": f"gid://shopify/InventoryItem/{variant_id + 7}", "tracked": tracked,
            "measurement": {"weight": {"unit": weight[0], "value": weight[1]}
                            if weight else None},
            "level": available,
        },
    }


def seed_catalogue() -> list[dict[str, Any]]:
    ipod = {"id": "gid://shopify/Product/632910392", "title": "IPod Nano - 8gb",
            "featuredMedia": {"preview": {"image": {"url": f"{CDN}/ipod-nano.png"}}}}
    tea = {"id": "gid://shopify/Product/921728736", "title": "Oolong tea 100 g",
           "featuredMedia": None}
    gift = {"id": "gid://shopify/Product/121709582", "title": "Gift card", "featuredMedia": None}
    return [
        variant(39072856, "IPOD2008GREEN", "4006381333931", "green", ipod, ("GRAMS", 200.0),
                10, f"{CDN}/ipod-nano-green.png"),
        variant(49148385, "IPOD2008RED", "012345678905", "red", ipod, ("KILOGRAMS", 0.2), 20),
        variant(457924702, "IPOD2008BLACK", "4006381333932", "black", ipod,
                ("OUNCES", 7.05), 0),
        variant(808950810, "TEA-OOLONG", None, "Default Title", tea, ("POUNDS", 0.25), 24),
        variant(808950811, None, None, "Default Title", gift, None, None, tracked=False),
    ]


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


SEARCH_TIME = re.compile(r"updated_at:(>=|<=|>|<)'?([0-9T:\-]+Z?)'?")


def matches(node: dict[str, Any], search: str | None) -> bool:
    """The `updated_at` terms of a search query (ISO 8601 times compare as text)."""
    for op, value in SEARCH_TIME.findall(search or ""):
        stamp, value = node["updatedAt"], value if value.endswith("Z") else value + "Z"
        if not {">=": stamp >= value, "<=": stamp <= value, ">": stamp > value,
                "<": stamp < value}[op]:
            return False
    return True


def _cursor(index: int) -> str:
    return base64.b64encode(f'{{"last_id":{index}}}'.encode()).decode()


def _index(cursor: str) -> int:
    text = base64.b64decode(cursor.encode()).decode()
    return int(text.split(":")[1].rstrip("}"))


class CatalogueVariants:
    """`self.catalogue`: the shop's variants in id order."""

    def _catalogue_init(self) -> None:
        self.catalogue: list[dict[str, Any]] = seed_catalogue()
        listed = iso(datetime.now(UTC) - timedelta(days=3))  # set up days ago
        for node in self.catalogue:
            node["updatedAt"] = listed
        self.variants_served: Counter[str] = Counter()  # variant id: times handed out
        self.catalogue_queries: list[str | None] = []  # each page's `query`

    def add_variants(self, count: int, start_id: int = 900_000_000) -> None:
        product = {"id": "gid://shopify/Product/1", "title": "Socks", "featuredMedia": None}
        with self.lock:
            listed = iso(datetime.now(UTC) - timedelta(days=3))
            self.catalogue += [{**variant(start_id + i, f"SOCK-{i:05d}", None, f"size {i}",
                                          product, ("GRAMS", 40.0), 3), "updatedAt": listed}
                               for i in range(count)]

    def set_variant(self, sku: str, **changes: Any) -> None:
        with self.lock:
            node = next(v for v in self.catalogue if v["sku"] == sku)
            weight = changes.pop("weight", None)
            if weight is not None:
                node["inventoryItem"]["measurement"]["weight"] = {"unit": weight[0],
                                                                  "value": weight[1]}
            node.update(changes, updatedAt=iso(datetime.now(UTC)))

    def variant_count(self, variables: dict[str, Any], _request) -> dict[str, Any]:
        """QueryRoot.productVariantsCount(query:): a Count {count, precision} (EXACT here)."""
        found = [n for n in self.catalogue if matches(n, variables.get("query"))]
        return {"productVariantsCount": {"count": len(found), "precision": "EXACT"}}

    def catalogue_lines(self, document: str) -> list[bytes]:
        """A bulk export of productVariants: one JSONL line a variant, with what the query
        selects; the inventory level of the location the query names literally."""
        from tests.channel_servers.graphql_cost import parse
        from tests.channel_servers.shopify_bulk_server import _node_fields, project

        _, fields = parse(document, {})
        node_fields = _node_fields(next(f for f in fields if f.name == "productVariants"))
        match = re.search(r'locationId:\s*"([^"]+)"', document)
        at_bench = bool(match) and match.group(1) == self.location_id
        search = re.search(r'productVariants\s*\(\s*query:\s*("(?:[^"\\]|\\.)*")', document)
        out = []
        for node in self.catalogue:
            if search and not matches(node, json.loads(search.group(1))):
                continue
            self.variants_served[node["id"]] += 1
            item = dict(node["inventoryItem"])
            level = item.pop("level")
            item["inventoryLevel"] = ({"quantities": [{"name": "available", "quantity": level}]}
                                      if at_bench and level is not None else None)
            out.append(json.dumps(project({**node, "inventoryItem": item}, node_fields))
                       .encode() + b"\n")
        return out

    def product_variants(self, variables: dict[str, Any], _request) -> dict[str, Any]:
        first = int(variables["first"])
        self.catalogue_queries.append(variables.get("query"))
        # keyset paging (sortKey ID): the cursor is the place of the page's last variant in
        # the whole catalogue, so a variant edited while pages are read moves nothing
        start = _index(variables["after"]) + 1 if variables.get("after") else 0
        listed = [(place, n) for place, n in enumerate(self.catalogue)
                  if place >= start and matches(n, variables.get("query"))]
        chunk = [n for _, n in listed[:first]]
        at_bench = variables.get("locationId") == self.location_id
        nodes = []
        for node in chunk:
            item = dict(node["inventoryItem"])
            level = item.pop("level")
            item["inventoryLevel"] = ({"quantities": [{"name": "available", "quantity": level}]}
                                      if at_bench and level is not None else None)
            nodes.append({**node, "inventoryItem": item})
            self.variants_served[node["id"]] += 1
        more = len(listed) > first
        return {"productVariants": {"nodes": nodes, "pageInfo": {
            "hasNextPage": more, "endCursor": _cursor(listed[len(chunk) - 1][0]) if chunk
            else None}}}
