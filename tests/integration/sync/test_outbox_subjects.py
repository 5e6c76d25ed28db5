"""A newer stock level supersedes an older one for exactly the same SKU, never for a SKU
that merely starts with it (`CUP:RED` is not `CUP`)."""

from __future__ import annotations

from collections import Counter

from app.services.channel_stock import list_sku
from sync.runner import SyncRunner, adapter_factory
from tests.parts.sync_store import connect_shopify, stock_the_store


def test_a_level_for_cup_red_does_not_supersede_the_level_for_cup(uow, shopify_server,
                                                                  credentials):
    stock_the_store(uow, on_hand=40, skus=("CUP", "CUP:RED"))
    connect_shopify(uow, credentials, shopify_server)
    for sku in ("CUP", "CUP:RED"):
        shopify_server.add_stock(sku, 0)
    list_sku(uow(), "shopify", "CUP")
    list_sku(uow(), "shopify", "CUP:RED", floor_buffer=5)
    list_sku(uow(), "shopify", "CUP:RED", floor_buffer=10)  # supersedes the one before
    SyncRunner(uow, adapter_factory(credentials)).run_once()
    assert shopify_server.inventory["CUP"]["available"] == 40
    assert shopify_server.inventory["CUP:RED"]["available"] == 30
    with uow() as u:
        outcomes = Counter((m.payload["sku"], m.status) for m in u.outbox.messages()
                           if m.kind == "stock_level")
    assert outcomes == {("CUP", "sent"): 1, ("CUP:RED", "superseded"): 1,
                        ("CUP:RED", "sent"): 1}


def test_a_whole_batch_of_superseded_levels_does_not_stall_the_queue(uow, shopify_server,
                                                                    credentials):
    stock_the_store(uow, on_hand=100, skus=("CUP",))
    connect_shopify(uow, credentials, shopify_server)
    shopify_server.add_stock("CUP", 0)
    for buffer in range(60):  # more superseded levels than one batch holds
        list_sku(uow(), "shopify", "CUP", floor_buffer=buffer)
    SyncRunner(uow, adapter_factory(credentials)).run_once()
    assert shopify_server.inventory["CUP"]["available"] == 100 - 59
