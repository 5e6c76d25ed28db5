"""Shopify's catalogue: every product variant with its SKU, barcode, weight, picture and the
stock at the bench's location, read by pages of `productVariants` (Admin GraphQL).

shopify.dev, ProductVariant: `sku`, `barcode`, `title`; the weight is the inventory item's
`measurement.weight` (`unit`: GRAMS, KILOGRAMS, OUNCES, POUNDS; `value`); the picture is the
variant's own media, else the product's `featuredMedia`; `inventoryItem.tracked` false means
Shopify does not count it. A page's requested cost is about 15 points a variant, so a page
of 50 stays well inside the 1000-point single-query limit; a page Shopify still finds too
costly (MAX_COST_EXCEEDED) is asked again at half the size.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from app.domain.messages import Msg
from app.services.catalogue_channel import ChannelProduct
from sync.base import ChannelDataError
from sync.fields import text

VARIANTS_PER_PAGE = 50
MAX_WAIT_S = 60.0  # the most a pull waits in all for the query-cost bucket

CATALOGUE = """
query PackdeskCatalogue($first: Int!, $after: String, $locationId: ID!, $query: String) {
  productVariants(first: $first, after: $after, sortKey: ID, query: $query) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id sku barcode title updatedAt
      product { title featuredMedia { preview { image { url } } } }
      media(first: 1) { nodes { ... on MediaImage { image { url } } } }
      inventoryItem {
        tracked
        measurement { weight { unit value } }
        inventoryLevel(locationId: $locationId) {
          quantities(names: ["available"]) { name quantity }
        }
      }
    }
  }
}
"""

# From this many variants a pull reads one bulk export (bulkOperationRunQuery, JSONL) instead
# of pages: 2000 variants are 40 pages of 50, each waiting for the query-cost bucket.
BULK_FROM_VARIANTS = 2000
EXPORT_WAIT_S = 600.0  # how long a pull waits for Shopify to finish the export
EXPORT_PAGE = 250  # variants of the export stored at a time

VARIANT_COUNT = """
query PackdeskVariantCount($query: String) {
  productVariantsCount(query: $query) { count precision }
}
"""


# The export's query: no variables and no nested connection (a variant's own media would
# come as separate lines), so the picture is the product's featured one.
BULK_CATALOGUE = ("{ productVariants%(search)s { edges { node { id sku barcode title "
                  "product { title featuredMedia { preview { image { url } } } } "
                  "inventoryItem { tracked measurement { weight { unit value } } "
                  "inventoryLevel(locationId: %(location)s) "
                  '{ quantities(names: ["available"]) { name quantity } } } } } } }')


def changed_since(since: datetime | None) -> str | None:
    """The `query` of productVariants for the variants updated since then (shopify.dev,
    productVariants: the `updated_at` filter, a time in ISO 8601)."""
    if since is None:
        return None
    return f"updated_at:>='{since.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}'"


def bulk_catalogue_query(location_id: str, since: datetime | None = None) -> str:
    search = changed_since(since)
    return BULK_CATALOGUE % {"location": json.dumps(location_id),
                             "search": f"(query: {json.dumps(search)})" if search else ""}


def export_pages(path: str) -> Iterator[list[ChannelProduct]]:
    """The export file's variants, EXPORT_PAGE at a time (every line is a variant)."""
    page: list[ChannelProduct] = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            node = json.loads(line)
            if isinstance(node, dict) and "__parentId" not in node:
                page.append(map_variant(node))
            if len(page) >= EXPORT_PAGE:
                yield page
                page = []
    if page:
        yield page


GRAMS_PER = {"GRAMS": Decimal(1), "KILOGRAMS": Decimal(1000),
             "OUNCES": Decimal("28.349523125"), "POUNDS": Decimal("453.59237")}


def grams(weight: Any) -> int | None:
    """A Weight object in whole grams; None when there is none (0 means not given)."""
    if not isinstance(weight, dict) or weight.get("unit") not in GRAMS_PER:
        return None
    try:
        value = Decimal(str(weight.get("value")))
    except ArithmeticError:
        return None
    figure = round(value * GRAMS_PER[weight["unit"]])
    return figure if figure > 0 else None


def _image(node: dict[str, Any]) -> str:
    for media in (node.get("media") or {}).get("nodes") or []:
        url = text(((media or {}).get("image") or {}).get("url"))
        if url:
            return url
    featured = ((node.get("product") or {}).get("featuredMedia") or {})
    return text(((featured.get("preview") or {}).get("image") or {}).get("url"))


def _stock(item: dict[str, Any]) -> int | None:
    if not item.get("tracked"):
        return None
    level = item.get("inventoryLevel") or {}
    found = {text(q.get("name")): q.get("quantity") for q in level.get("quantities") or []}
    available = found.get("available")
    return available if isinstance(available, int) else None


def map_variant(node: dict[str, Any]) -> ChannelProduct:
    product_title = text((node.get("product") or {}).get("title"))
    title = text(node.get("title"))
    name = product_title if title in ("", "Default Title") else f"{product_title} – {title}"
    item = node.get("inventoryItem") or {}
    return ChannelProduct(text(node.get("sku")), name, text(node.get("barcode")),
                          grams((item.get("measurement") or {}).get("weight")),
                          _image(node), _stock(item))


def catalogue_page(graphql: Callable[..., dict[str, Any]], location_id: str,
                   after: str | None, size: int, since: datetime | None = None,
                   ) -> tuple[list[ChannelProduct], str | None]:
    """One page of variants (changed since `since`, when given), and the cursor of the
    next one (None after the last)."""
    data = graphql("PackdeskCatalogue", CATALOGUE,
                   {"first": size, "after": after, "locationId": location_id,
                    "query": changed_since(since)}, size)
    connection = data.get("productVariants")
    if not isinstance(connection, dict) or not isinstance(connection.get("nodes"), list):
        raise ChannelDataError(Msg("shopify: productVariants answer has no nodes list"))
    products = [map_variant(n) for n in connection["nodes"] if isinstance(n, dict)]
    info = connection.get("pageInfo") or {}
    more = info.get("hasNextPage") and info.get("endCursor")
    return products, str(info["endCursor"]) if more else None
