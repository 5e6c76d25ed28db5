"""Shipping-upload files in each marketplace's bulk-shipping (批量发货) template.

A merchant who does not ship a marketplace's orders through its API uploads a file to the
seller centre: one row per order, the carrier and the tracking number. Packdesk writes that
file for one channel's orders packed since a date (app/services/shipping_upload.py picks them
and marks them exported), with the carrier in the platform's own code (sync/carrier_codes.py,
the same table and per-channel `carrier.<OURS>` settings the API pushes use).

What was and was not found (searched 2026-12-04, search tool corpora docs, pages, code, for
each platform's 批量发货 template): no page of the platforms' own help with the exact header
row of their templates was found. The columns below are the ones the platforms' help names
for bulk shipping, as the merchant's own 订单 exports (sync/csv_layouts.py) spell the order id:

- Taobao/Tmall (千牛 → 已卖出的宝贝 → 批量发货): 订单编号, 物流公司, 运单号. A CSV in GB18030,
  as Taobao's own 订单报表 export is written, so it opens in a Chinese Excel as it came.
- Pinduoduo (拼多多商家后台 → 发货管理 → 批量发货, 导入模板): 订单号, 快递公司, 快递单号; xlsx.
- JD (京麦 / 京东商家后台 → 订单管理 → 批量出库): 订单号, 物流公司, 运单号; xlsx.
- Douyin Shop (抖店 → 订单 → 批量发货, 导入模板): 订单号, 物流公司, 运单号; xlsx.
- Shopify: no bulk-fulfilment upload file in Shopify's admin was found; merchants use an app
  (or the API, which Packdesk's Shopify adapter pushes). WooCommerce core has none.
  Both are refused with a message saying so.

Whether a platform takes its company *code* or the company's Chinese *name* in the company
column could not be confirmed; Packdesk writes the code of the channel's carrier table,
which a merchant corrects per channel with `carrier.<OURS>=<what the platform takes>`.
Every cell is text (order ids and tracking numbers are long digits an xlsx would round).
The file holds no receiver at all: a masked buyer is never written, plain or masked.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.domain.errors import NotFound, PackdeskError
from app.domain.messages import Msg
from app.services.channel_stock import get_channel
from app.services.shipping_upload import UploadRow, mark_uploaded, rows_to_upload
from sync.carrier_codes import CHANNEL_NAMES, CarrierCodes


@dataclass(frozen=True)
class UploadTemplate:
    kind: str  # the channel kind it is for
    headers: tuple[str, str, str]  # order id, carrier, tracking number
    file_type: str  # "csv" or "xlsx"
    encoding: str = ""  # a CSV's
    sheet: str = "Sheet1"

    @property
    def suffix(self) -> str:
        return "." + self.file_type


TEMPLATES = {
    "taobao": UploadTemplate("taobao", ("订单编号", "物流公司", "运单号"), "csv", "gb18030"),
    "pinduoduo": UploadTemplate("pinduoduo", ("订单号", "快递公司", "快递单号"), "xlsx"),
    "jd": UploadTemplate("jd", ("订单号", "物流公司", "运单号"), "xlsx"),
    "douyin": UploadTemplate("douyin", ("订单号", "物流公司", "运单号"), "xlsx"),
}
NO_TEMPLATE = {
    "shopify": Msg("Shopify has no bulk-shipping upload file of its own (merchants use an app); connect the channel and Packdesk sends the tracking by its API"),
    "woocommerce": Msg("WooCommerce has no bulk-shipping upload file of its own; connect the channel and Packdesk sends the tracking by its API"),
}


class ShippingUploadError(PackdeskError):
    """The export cannot be written; the message says why and what to do."""


@dataclass(frozen=True)
class UploadResult:
    path: Path
    rows: int
    channel: str
    kind: str


def template_for(channel: str, kind: str) -> UploadTemplate:
    if kind in NO_TEMPLATE:
        raise ShippingUploadError(Msg("{channel}: {why}", channel=channel, why=NO_TEMPLATE[kind]))
    template = TEMPLATES.get(kind)
    if template is None:
        raise ShippingUploadError(Msg(
            "{channel}: Packdesk has no bulk-shipping template for channels of kind {kind!r}; it writes them for {kinds}",
            channel=channel, kind=kind, kinds=", ".join(sorted(TEMPLATES))))
    return template


def channel_kind(uow_factory: Callable, channel: str) -> tuple[str, dict]:
    """The channel's kind and settings: a connected channel's, or the kind itself for orders
    imported from a platform's CSV under that kind's name (`--channel taobao`)."""
    try:
        view = get_channel(uow_factory(), channel)
    except NotFound:
        if channel in TEMPLATES or channel in NO_TEMPLATE:
            return channel, {}
        raise ShippingUploadError(Msg(
            "There is no channel {code!r}: name a channel of packdesk channel list, or the platform its orders were imported as ({kinds})",
            code=channel, kinds=", ".join(sorted(TEMPLATES)))) from None
    return view.kind, dict(view.settings or {})


def render(template: UploadTemplate, rows: list[UploadRow], codes: CarrierCodes) -> bytes:
    """The file's bytes: the header row, then one row per order of each parcel."""
    table = [list(template.headers)] + [
        [row.channel_order_id, codes.code_for(row.carrier), row.tracking_number] for row in rows]
    if template.file_type == "csv":
        text = io.StringIO()
        csv.writer(text, lineterminator="\r\n").writerows(table)
        return text.getvalue().encode(template.encoding)
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = template.sheet
    for values in table:
        sheet.append(values)
    for column in sheet.iter_cols():
        for cell in column:
            cell.number_format = "@"  # text: 19-digit order ids stay as they are
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_shipping_upload(uow_factory: Callable, channel: str, since: datetime,
                           out: Path | None, by: str, include_uploaded: bool = False,
                           today: str = "") -> UploadResult:
    """Write the channel's upload file and mark its orders exported. The file is written
    first and marked after: an export that failed to mark is only repeated, never lost."""
    kind, settings = channel_kind(uow_factory, channel)
    template = template_for(channel, kind)
    rows = rows_to_upload(uow_factory(), channel, since, include_uploaded)
    if not rows:
        raise ShippingUploadError(Msg(
            "{channel}: no packed order with a tracking number since {since} that was not exported already (--all exports them again)",
            channel=channel, since=since.date().isoformat()))
    data = render(template, rows, CarrierCodes(kind, settings))
    path = out or Path(f"{channel}-shipping-upload-{today or since.date().isoformat()}"
                       f"{template.suffix}")
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise ShippingUploadError(Msg("The file {path} could not be written: {exc}",
                                      path=path, exc=exc.strerror or exc)) from exc
    mark_uploaded(uow_factory(), [row.order_number for row in rows], path.name, by)
    return UploadResult(path, len(rows), channel, kind)


def platform_name(kind: str) -> str:
    """The platform's name as a Msg (translated where it is shown), or the kind itself."""
    return CHANNEL_NAMES.get(kind, kind)
