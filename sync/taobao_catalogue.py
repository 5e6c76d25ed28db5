"""Taobao/Tmall's catalogue through TOP: the items on sale (taobao.items.onsale.get, paged:
page_no, page_size up to 200, total_results), each read whole with taobao.item.seller.get
(the seller's own view: `outer_id` the merchant code, `barcode`, `pic_url`, `num`, and its
`skus.sku[]` with `outer_id`, `barcode`, `quantity` and `properties_name`
"pid:vid:属性名:属性值;..."). TOP gives no shipping weight for an ordinary item, so none is
taken; the bench learns it from the scale, or a person types it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from app.services.catalogue_channel import ChannelProduct
from sync.base import RateLimited
from sync.fields import CHINA_TIME, text

PAGE_SIZE = 100
MAX_WAIT_S = 60.0
ITEM_FIELDS = "num_iid,title,outer_id,barcode,pic_url,num,sku"


def _call(adapter, api_method: str, **params: Any) -> dict[str, Any]:
    waited = 0.0
    while True:
        try:
            return adapter.call(api_method, **params)
        except RateLimited as exc:  # TOP's per-second frequency limit: a short wait
            waited += exc.retry_after_s
            if waited > MAX_WAIT_S:
                raise
            time.sleep(exc.retry_after_s)


def _count(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def spec(properties_name: str) -> str:
    """"1627207:28341:颜色分类:红色;20509:28315:尺码:M" -> "红色, M"."""
    values = [part.split(":", 3)[3] for part in properties_name.split(";")
              if part.count(":") >= 3]
    return ", ".join(v for v in values if v)


def map_item(item: dict[str, Any]) -> list[ChannelProduct]:
    title, picture = text(item.get("title")), text(item.get("pic_url"))
    skus = [s for s in (item.get("skus") or {}).get("sku") or [] if isinstance(s, dict)]
    if not skus:
        return [ChannelProduct(text(item.get("outer_id")), title, text(item.get("barcode")),
                               None, picture, _count(item.get("num")))]
    out = []
    for sku in skus:
        options = spec(text(sku.get("properties_name")))
        out.append(ChannelProduct(text(sku.get("outer_id")),
                                  f"{title} – {options}" if options else title,
                                  text(sku.get("barcode")), None, picture,
                                  _count(sku.get("quantity"))))
    return out


def catalogue_pages(adapter, since: datetime | None = None) -> Iterator[list[ChannelProduct]]:
    """The items on sale; with `since`, those modified from then on (start_modified, in
    Beijing time as TOP's times are)."""
    page_no = 1
    changed = ({"start_modified": since.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M:%S")}
               if since is not None else {})
    while True:
        found = _call(adapter, "taobao.items.onsale.get", fields="num_iid,title",
                      page_no=page_no, page_size=PAGE_SIZE, **changed)
        listed = [i for i in (found.get("items") or {}).get("item") or [] if isinstance(i, dict)]
        page: list[ChannelProduct] = []
        for item in listed:
            detail = _call(adapter, "taobao.item.seller.get", num_iid=text(item.get("num_iid")),
                           fields=ITEM_FIELDS).get("item") or {}
            page += map_item(detail)
        yield page
        if not listed or page_no * PAGE_SIZE >= (_count(found.get("total_results")) or 0):
            return
        page_no += 1
