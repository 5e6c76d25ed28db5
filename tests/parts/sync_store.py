"""Fixtures for channel sync: a store that sells the local channel servers' SKUs, the channels
set up against those servers, and an in-process keyring backend (tests only)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from keyring.backend import KeyringBackend

from app.domain.products import Product
from app.domain.stock import StockItem
from app.services.channel_stock import add_channel
from app.services.demo import build_demo
from sync.credentials import CredentialStore

SERVER_SKUS = ("IPOD2008GREEN", "IPOD2008RED", "IPOD2008BLACK", "WOO-SKU-0", "WOO-SKU-1",
               "Bar3", "WOO-SHIRT", "WOO-SHIRT-M", "TB-CUP-RED", "TB-CUP-BLUE",
               "PDD-TEA-100", "JD-KETTLE-W", "DY-FLASK-500")


class MemoryKeyring(KeyringBackend):
    """Keeps secrets in a dict for one test; never used by the app itself."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


def stock_the_store(uow, on_hand: int = 100, skus=SERVER_SKUS) -> None:
    """Products and opening stock for the servers' SKUs, on top of the demo packers."""
    build_demo(uow(), seed=3, products=5, orders=0)
    with uow() as u:
        for sku in skus:
            product = Product(sku=sku, name=f"Channel product {sku}", weight_g=100)
            product.add_barcode(f"SCAN-{sku}", kind="own")
            u.products.add(product)
            item = StockItem(sku=sku)
            u.stock.add(item)
            item.receive(on_hand, u.now() - timedelta(days=1), "test", "opening stock")
        u.commit()


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def credentials(keyring_backend) -> CredentialStore:
    return CredentialStore(keyring_backend)


@pytest.fixture
def sync_uow(uow):
    stock_the_store(uow)
    return uow


# The demo store ships with its own fleet (carrier profile OWN, "Packdesk Express"); a merchant
# names it to each channel with a carrier setting (sync/carrier_codes.py).
OWN_FLEET = {"carrier.OWN": "Packdesk Express"}


def connect_shopify(uow, credentials, server, code: str = "shopify", **rules) -> None:
    add_channel(uow(), code, "shopify", settings={"shop_url": server.url,
                                                  "location_id": server.location_id,
                                                  **OWN_FLEET}, **rules)
    credentials.save(code, "shopify", {"access_token": server.token})


def connect_woo(uow, credentials, server, code: str = "woocommerce", **rules) -> None:
    add_channel(uow(), code, "woocommerce", settings={"store_url": server.url, **OWN_FLEET},
                **rules)
    credentials.save(code, "woocommerce", {"consumer_key": server.consumer_key,
                                           "consumer_secret": server.consumer_secret})


def connect_taobao(uow, credentials, server, code: str = "taobao", **rules) -> None:
    add_channel(uow(), code, "taobao", settings={"gateway_url": f"{server.url}/router/rest",
                                                 "app_key": server.app_key,
                                                 "carrier.OWN": "OTHER"}, **rules)
    credentials.save(code, "taobao", {"app_secret": server.app_secret,
                                      "session": server.session})
