"""A masked marketplace receiver is decrypted by the platform for the label being printed,
only when the merchant's channel account holds the decrypt permission, and the plain
receiver never reaches the store: not the orders, not the print queue, not a freed page of
the SQLite file. The label printed again (REPRINT) and the packing slip printed again at the
bench go through the same decrypt.

The shop is set up and synced as a merchant does (`packdesk channel add`, `packdesk sync
--once`), packed at the bench, and its label printed through the spooler whose queue is the
store, to a TCP listener playing the ZPL printer; the slip to a PDF folder."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy.engine import make_url

from app.adapters.print_queue import StorePrintQueue
from app.adapters.store import open_store
from app.services.labels import label_for_order, packing_slip_for
from printing.order_documents import LabelPrinting, SlipPrinting
from printing.spooler import JobState, Spooler
from printing.station import PrinterKind, Route
from printing.zpl import read_labels
from sync.receiver_reveal import ChannelReceiverReveal
from sync.runner import adapter_factory
from tests.channel_servers.douyin_server import PLAIN_RECEIVER as DOUYIN_PLAIN
from tests.channel_servers.jd_server import PLAIN_RECEIVER as JD_PLAIN
from tests.channel_servers.pdd_server import PLAIN_RECEIVER as PDD_PLAIN
from tests.channel_servers.taobao_server import PLAIN_RECEIVER as TAOBAO_PLAIN
from tests.integration.sync.test_cn_sync_flow import CHANNELS, cli, run
from tests.integration.sync.test_sync_outbox import pack
from tests.parts.cups import ZplListener

# kind: the plain receiver behind the ciphertext (name, phone, street), the decrypt call
PLAIN = {"pinduoduo": [PDD_PLAIN[k] for k in ("receiver_name", "receiver_phone",
                                              "receiver_address")],
         "douyin": [DOUYIN_PLAIN[k] for k in ("post_receiver", "post_tel", "detail")],
         "taobao": [TAOBAO_PLAIN[k] for k in ("name", "mobile", "address_detail")],
         "jd": [JD_PLAIN[k] for k in ("customerName", "consMobilePhone", "address")]}
DECRYPT_CALL = {"pinduoduo": "pdd.open.decrypt.batch", "douyin": "/order/batchDecrypt",
                "taobao": "taobao.top.oaid.decrypt", "jd": "jingdong.jos.order.oaid.decrypt"}
SERVERS = {"pinduoduo": "pdd_server", "douyin": "douyin_server", "taobao": "taobao_server",
           "jd": "jd_server"}
# kind: the shop's settings and the secrets from its server (`packdesk channel add`)
SHOPS = {kind: (settings, secrets) for kind, (_, settings, secrets, _, _) in CHANNELS.items()}
SHOPS["taobao"] = (lambda s: {"gateway_url": f"{s.url}/router/rest", "app_key": s.app_key},
                   lambda s: {"app_secret": s.app_secret, "session": s.session})


def add_shop(sqlite_url, kind, server, credentials, monkeypatch, *extra: str):
    settings, secrets = SHOPS[kind]
    for name, value in secrets(server).items():
        monkeypatch.setenv(f"PACKDESK_{name.upper()}", value)
    sets = [f"--set={k}={v}" for k, v in settings(server).items()]
    code, out, err = run(cli, "--db", sqlite_url, "channel", "add", "shop-cn", "--kind", kind,
                         *sets, *extra, credentials=credentials)
    assert code == 0, err


def first_order(kind, server) -> str:
    """The order whose receiver the platform masked: Taobao's gateway also serves plain
    trades, so it is given one masked trade (with its oaid) of its own."""
    if kind == "taobao":
        server.trades.clear()
        return server.add_masked_trades(1)[0]
    return next(iter(server.orders))


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
    channel_order_id = first_order(kind, server)
    add_shop(sqlite_url, kind, server, credentials, monkeypatch, *sets)
    code, out, err = run(cli, "--db", sqlite_url, "sync", "--once", credentials=credentials)
    assert code == 0, err + out
    with uow() as u:
        number = u.orders.intake_link("shop-cn", channel_order_id).order_number
    pack(uow, number)
    return store, uow, number


def print_label(store, uow, number, credentials, times: int = 1) -> list[str]:
    """The label printed (and printed again, REPRINT, `times` - 1 times) through the store's
    print queue, as the bench's label output does; the field texts of the last one."""
    listener = ZplListener()
    spooler = Spooler(queue=StorePrintQueue(store.engine, "test"))
    try:
        reveal = ChannelReceiverReveal.from_store(uow, adapter_factory(credentials))
        printing = LabelPrinting(Route(PrinterKind.ZPL_TCP, f"127.0.0.1:{listener.port}"),
                                 spooler, reveal=reveal)
        completion = label_for_order(uow(), number)
        for _ in range(times):  # the bench keeps the completion; REPRINT prints it again
            printing(completion)
        payloads = listener.wait_for(times)
        for job in spooler.jobs():
            assert spooler.wait(job.id, 10).state is JobState.ACCEPTED
    finally:
        spooler.close()
        listener.close()
    return [f.data for f in read_labels(payloads[-1])[0]]


def print_slip(store, uow, number, credentials, folder: Path) -> str:
    """The packing slip printed again at the bench (Tools → packing slip) through the
    store's print queue to a PDF folder; its text."""
    spooler = Spooler(queue=StorePrintQueue(store.engine, "test"))
    try:
        reveal = ChannelReceiverReveal.from_store(uow, adapter_factory(credentials))
        job_id = SlipPrinting(Route(PrinterKind.PDF_FOLDER, str(folder), "A4"), spooler,
                              reveal)(packing_slip_for(uow(), number))
        assert spooler.wait(job_id, 10).state is JobState.ACCEPTED
    finally:
        spooler.close()
    [pdf] = folder.glob("*.pdf")
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    return " ".join(page.extract_text() for page in reader.pages)


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


def test_the_label_printed_again_and_the_slip_printed_again_show_the_real_receiver_and_the_store_never_holds_it(  # noqa: E501
        kind, server, sqlite_url, credentials, monkeypatch, tmp_path):
    server.decrypt_permitted = True
    store, uow, number = sync_and_pack(kind, server, sqlite_url, credentials, monkeypatch,
                                       "--set=receiver_decrypt=granted")
    name, phone, street = PLAIN[kind]
    try:
        printed = "\n".join(print_label(store, uow, number, credentials, times=2))
        assert name in printed and street in "".join(printed.split())
        slip = print_slip(store, uow, number, credentials, tmp_path / "slips")
        ship_to = slip.split("Ship to:")[1].split("SKU")[0]  # (the buyer's nick stays masked)
        assert name in ship_to and street in "".join(ship_to.split()) and "*" not in ship_to
        assert sum(DECRYPT_CALL[kind] in line for line in server.request_log) == 3
    finally:
        store.dispose()
    written = store_bytes(sqlite_url)
    assert b"shop-cn" in written
    for value in PLAIN[kind]:
        assert value.encode("utf-8") not in written, value
