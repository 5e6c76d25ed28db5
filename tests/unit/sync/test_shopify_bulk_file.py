"""The downloaded bulk export (sync/shopify_bulk.py BulkFile): an order's own line is read
when its page is handed over; only the lines naming a parent are parsed on opening."""

from __future__ import annotations

import json

import pytest

from sync.base import ChannelDataError
from sync.shopify_bulk import BulkFile


def _export(tmp_path, lines: list[bytes]) -> str:
    path = tmp_path / "export.jsonl"
    path.write_bytes(b"".join(line + b"\n" for line in lines))
    return str(path)


def _line(**fields) -> bytes:
    return json.dumps(fields).encode()


def test_orders_come_with_their_line_items_in_the_files_order(tmp_path):
    path = _export(tmp_path, [
        _line(id="gid://shopify/Order/1", name="#1001"),
        _line(id="gid://shopify/LineItem/11", sku="A", __parentId="gid://shopify/Order/1"),
        _line(id="gid://shopify/Order/2", name="#1002", note='"__parentId"'),
        b"",
        _line(id="gid://shopify/LineItem/21", sku="B", __parentId="gid://shopify/Order/2"),
        _line(id="gid://shopify/LineItem/12", sku="C", __parentId="gid://shopify/Order/1"),
        _line(id="gid://shopify/Order/3", name="#1003", __parentId_note="__parentId"),
    ])
    export = BulkFile("op", path)
    assert len(export) == 3
    first, second = export.orders(0, 2)
    assert [line["sku"] for line in first["lineItems"]["nodes"]] == ["A", "C"]
    assert "__parentId" not in first["lineItems"]["nodes"][0]
    assert second["note"] == '"__parentId"'  # the key's text in a value: still an order
    assert [line["sku"] for line in second["lineItems"]["nodes"]] == ["B"]
    (third,) = export.orders(2, 5)
    assert third["name"] == "#1003" and third["lineItems"]["nodes"] == []


def test_an_order_line_that_is_not_json_is_refused_with_its_line_number(tmp_path):
    path = _export(tmp_path, [_line(id="gid://shopify/Order/1"), b'{"id": "gid://shopify/Or',
                              _line(id="gid://shopify/Order/3")])
    export = BulkFile("op", path)
    assert len(export) == 3
    assert export.orders(0, 1)[0]["id"] == "gid://shopify/Order/1"
    with pytest.raises(ChannelDataError, match="bulk export line 2 is not JSON"):
        export.orders(0, 3)


def test_a_child_line_that_is_not_an_object_is_refused_on_opening(tmp_path):
    path = _export(tmp_path, [_line(id="gid://shopify/Order/1"), b'["__parentId"]'])
    with pytest.raises(ChannelDataError, match="line 2 is a JSON list, not an object"):
        BulkFile("op", path)
