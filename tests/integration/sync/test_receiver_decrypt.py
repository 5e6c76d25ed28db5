"""A masked marketplace receiver is decrypted by the platform for the label being printed,
only when the merchant's channel account holds the decrypt permission, and the plain
receiver never reaches the store: not the orders, not the print queue, not a freed page of
the SQLite file.

The shop is set up and synced as a merchant does (`packdesk channel add`, `packdesk sync
--once`), packed at the bench, and its label printed through the spooler whose queue is the
store, to a TCP listener playing the ZPL printer."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from app.adapters.print_queue import StorePrintQueue
from app.adapters.store import open_store
from app.services.labels import label_for_order
from printing.order_documents import LabelPrinting
from printing.spooler import JobState, Spooler
from printing.station import PrinterKind, Route
from printing.zpl import read_labels
from sync.receiver_reveal import ChannelReceiverReveal
from sync.runner import adapter_factory
from tests.channel_servers.douyin_server import PLAIN_RECEIVER as DOUYIN_PLAIN
from tests.channel_servers.pdd_server import PLAIN_RECEIVER as PDD_PLAIN
from tests.integration.sync.test_cn_sync_flow import add_shop, cli, run
from tests.integration.sync.test_sync_outbox import pack
from tests.parts.cups import ZplListener

# kind: the plain receiver behind the ciphertext (name, phone, street), the decrypt call
PLAIN = {"pinduoduo": [PDD_PLAIN[k] for k in ("receiver_name", "receiver_phone",
                                              "receiver_address")],
         "douyin": [DOUYIN_PLAIN[k] for k in ("post_receiver", "post_tel", "detail")]}
DECRYPT_CALL = {"pinduoduo": "pdd.open.decrypt.batch", "douyin": "/order/batchDecrypt"}
SERVERS = {"pinduoduo": "pdd_server", "douyin": "douyin_server"}


@pytest.fixture(params=sorted(PLAIN))
def kind(request):
    return request.param


def store_bytes(sqlite_url: str) -> bytes:
    """Every byte the store wrote: the database file, its WAL and shared memory."""
    path = Path(make_url(sqlite_url).database or "")
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"))
                    if p.exists())


def sync_and_pack(kind, server, sqlite_url, credentials, monkeypatch, *sets: str):
    from app.adapters.unit_of_work import uow_factory
    from tests.parts.sync_store import stock_the_store

    store = open_store(sqlite_url)
    uow = uow_factory(store.session_factory, station="test")
    stock_the_store(uow)
    add_shop(sqlite_url, kind, server, credentials, monkeypatch, *sets)
    code, out, err = run(cli, "--db", sqlite_url, "sync", "--once", credentials=credentials)
    assert code == 0, err + out
    with uow() as u:
        number = u.orders.intake_link("shop-cn", next(iter(server.orders))).order_number
    pack(uow, number)
    return store, uow, number


def print_label(store, uow, number, credentials) -> list[str]:
    """The label printed through the store's print queue; the printed field texts."""
    listener = ZplListener()
    spooler = Spooler(queue=StorePrintQueue(store.engine, "test"))
    try:
        reveal = ChannelReceiverReveal.from_store(uow, adapter_factory(credentials))
        printing = LabelPrinting(Route(PrinterKind.ZPL_TCP, f"127.0.0.1:{listener.port}"),
                                 spooler, reveal=reveal)
        printing(label_for_order(uow(), number))
        [payload] = listener.wait_for(1)
        job = spooler.jobs()[-1]
        assert spooler.wait(job.id, 10).state is JobState.ACCEPTED
    finally:
        spooler.close()
        listener.close()
    return [f.data for f in read_labels(payload)[0]]


@pytest.fixture
def server(kind, request):
    return request.getfixturevalue(SERVERS[kind])


def test_with_the_permission_the_label_prints_the_real_receiver_and_the_store_never_holds_it(
        kind, server, sqlite_url, credentials, monkeypatch):
    server.decrypt_permitted = True
    store, uow, number = sync_and_pack(kind, server, sqlite_url, credentials, monkeypatch,
                                       "--set=receiver_decrypt=granted")
    try:
        printed = "\n".join(print_label(store, uow, number, credentials))
        name, phone, street = PLAIN[kind]
        compact = "".join(printed.split())  # the phone printed 138 1234 5678, lines wrapped
        assert name in printed and phone in compact and street in compact
        assert "*" not in printed
        assert sum(DECRYPT_CALL[kind] in line for line in server.request_log) == 1
        with uow() as u:  # the order itself stays as the platform masked it
            order = u.orders.get(number)
            assert "*" in order.ship_to.name and "*" in order.phone
    finally:
        store.dispose()
    written = store_bytes(sqlite_url)
    assert b"shop-cn" in written  # the file read is the store the test used
    for value in PLAIN[kind]:
        assert value.encode("utf-8") not in written, value


def test_without_the_permission_no_decrypt_call_is_made_and_the_label_prints_masked(
        kind, server, sqlite_url, credentials, monkeypatch):
    server.decrypt_permitted = True  # the platform would answer: Packdesk must not ask
    store, uow, number = sync_and_pack(kind, server, sqlite_url, credentials, monkeypatch)
    try:
        printed = "\n".join(print_label(store, uow, number, credentials))
    finally:
        store.dispose()
    assert not any(DECRYPT_CALL[kind] in line for line in server.request_log)
    assert "*" in printed and PLAIN[kind][0] not in printed


def test_a_platform_that_refuses_the_decrypt_leaves_the_label_masked(
        kind, server, sqlite_url, credentials, monkeypatch):
    """The setting says granted, the platform says the app lacks the permission."""
    store, uow, number = sync_and_pack(kind, server, sqlite_url, credentials, monkeypatch,
                                       "--set=receiver_decrypt=granted")
    try:
        printed = "\n".join(print_label(store, uow, number, credentials))
    finally:
        store.dispose()
    assert sum(DECRYPT_CALL[kind] in line for line in server.request_log) == 1
    assert "*" in printed and PLAIN[kind][0] not in printed
