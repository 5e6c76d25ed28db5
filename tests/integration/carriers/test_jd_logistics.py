"""JD Logistics (京东快递) against its JOS test gateway, and the waybill-number pool that keeps
the bench printing while JD is away (issue 17): numbers fetched ahead, taken once each by
any station, the parcel sent for its number when JD answers again."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from app.domain.shipments import RefundState, ShipmentState
from app.domain.shipping import (
    AddressRefused,
    BalanceExhausted,
    CarrierError,
    CarrierUnavailable,
    LabelFormat,
    Party,
    TrackingStatus,
)
from app.services.bench import PackBenchService
from app.services.carrier_setup import set_carrier
from app.services.channel_stock import add_channel
from app.services.leases import Claimant
from app.services.shipments import refund_stopped_labels, retry_pending_labels, stop_parcel
from app.services.waybill_sends import replay_waybill_sends, top_up_pools
from printing.carrier_labels import CarrierLabelPrinting
from printing.carriers import CarrierRegistry, carrier_directory
from printing.carriers.credentials import CarrierCredentialStore
from printing.carriers.jd_logistics import JdLogistics
from printing.order_documents import LabelPrinting
from printing.spooler import Spooler
from printing.station import PrinterKind, Route
from sync.cn_open import md5_wrapped
from tests.channel_servers.jd_logistics_server import (
    ACCESS_TOKEN,
    APP_KEY,
    APP_SECRET,
    CUSTOMER_CODE,
    JdLogisticsServer,
)
from tests.channel_servers.jd_server import jos_signature
from tests.integration.carriers.labels import decoded_pdf
from tests.integration.carriers.parties import shipment
from tests.parts.shipment_store import pack, take_orders

ROOT = Path(__file__).resolve().parents[3]
ORDERS = 50


@pytest.fixture
def jdl():
    with JdLogisticsServer() as server:
        yield server


def adapter(server: JdLogisticsServer, secret: str = APP_SECRET,
            timeout_s: float = 5.0) -> JdLogistics:
    return JdLogistics(APP_KEY, secret, ACCESS_TOKEN, CUSTOMER_CODE, md5_wrapped,
                       url=server.url + "/routerjson", timeout_s=timeout_s)


def test_the_jos_signature_by_hand():
    """JOS: upper(md5(secret + name1value1... + secret)), names sorted, sign left out."""
    form = {"method": "jingdong.etms.waybillcode.get", "app_key": APP_KEY, "v": "2.0",
            "access_token": ACCESS_TOKEN, "timestamp": "2026-12-04 18:00:00",
            "360buy_param_json": '{"customerCode":"010K139548","preNum":"2"}'}
    by_hand = hashlib.md5((APP_SECRET + "360buy_param_json" + form["360buy_param_json"]
                           + "access_token" + ACCESS_TOKEN + "app_key" + APP_KEY
                           + "method" + form["method"] + "timestamp2026-12-04 18:00:00"
                           + "v2.0" + APP_SECRET).encode()).hexdigest().upper()
    assert jos_signature(form, APP_SECRET) == by_hand == md5_wrapped(form, APP_SECRET)


def test_numbers_fetched_ahead_in_calls_of_at_most_100(jdl):
    numbers = adapter(jdl).fetch_numbers(150)
    assert len(numbers) == len(set(numbers)) == 150 and jdl.fetch_calls == 2
    assert set(numbers) <= set(jdl.waybills)


def test_a_parcel_sent_for_its_number_and_the_label_carries_it(jdl, tmp_path):
    carrier = adapter(jdl)
    number = carrier.fetch_numbers(1)[0]
    label = carrier.send_waybill(shipment("PD-7001"), number)
    assert label.tracking_number == number and jdl.sends == [(number, "PD-7001")]
    sent = jdl.waybills[number].sent
    assert sent["receiveName"] == "张三" and sent["senderName"] == "李四" and sent["salePlat"] == "0010001"
    assert label.label_format == LabelFormat.PDF and label.label.startswith(b"%PDF")
    assert number in decoded_pdf(label, tmp_path, 203, "76x130")
    with pytest.raises(CarrierError) as twice:  # one number carries one parcel
        carrier.send_waybill(shipment("PD-7002"), number)
    assert "已使用" in str(twice.value)


def test_a_wrong_secret_is_refused_for_good(jdl):
    with pytest.raises(CarrierError) as refused:
        adapter(jdl, secret="wrong").fetch_numbers(1)
    assert not refused.value.temporary and "12" in str(refused.value)


def test_faults_timeout_5xx_exhausted_numbers_refused_address(jdl):
    carrier = adapter(jdl, timeout_s=0.5)
    jdl.faults.inject("slow", delay_s=1.5)
    with pytest.raises(CarrierUnavailable) as slow:
        carrier.fetch_numbers(1)
    assert slow.value.code == "timeout"
    jdl.faults.inject("500")
    with pytest.raises(CarrierUnavailable):
        carrier.fetch_numbers(1)
    number = carrier.fetch_numbers(1)[0]
    far = shipment("PD-7003", receiver=Party(name="王五", phone="13900000000",
                                             region="海南省", city="三沙市", line1="永兴岛1号"))
    with pytest.raises(AddressRefused) as refused:
        carrier.send_waybill(far, number)
    assert "超区" in str(refused.value) and not refused.value.temporary
    jdl.allotment = 0
    with pytest.raises(BalanceExhausted) as none_left:
        carrier.fetch_numbers(5)
    assert "运单号已用完" in str(none_left.value)


def test_cancel_and_track(jdl):
    carrier = adapter(jdl)
    label = carrier.create_shipment(shipment("PD-7004"))
    assert [e.status for e in carrier.track(label.tracking_number)] == [TrackingStatus.PICKED_UP]
    jdl.deliver(label.tracking_number, datetime.now(UTC) + timedelta(minutes=1))
    assert carrier.track(label.tracking_number)[-1].status is TrackingStatus.DELIVERED
    other = carrier.create_shipment(shipment("PD-7005"))
    carrier.cancel_shipment(other)
    assert jdl.waybills[other.tracking_number].intercepted
    with pytest.raises(CarrierError) as delivered:
        carrier.cancel_shipment(label)
    assert "妥投" in str(delivered.value)


# --- the pool, in the store ----------------------------------------------------------------

def jd_store(uow, server: JdLogisticsServer, pool: int) -> None:
    from tests.parts.sync_store import stock_the_store

    stock_the_store(uow)
    add_channel(uow(), "shop", "shopify")
    set_carrier(uow(), "jdl", "JD Logistics", "jd_logistics", server.url + "/routerjson",
                "特惠送", settings={"app_key": APP_KEY, "customer_code": CUSTOMER_CODE,
                                  "pool_size": str(pool)})
    with uow() as u:
        profile = u.carriers.get("jdl")
        profile.sender_name, profile.sender_phone = "Packdesk 测试店", "13800000000"
        profile.sender_address = "北京市 大兴区 亦庄经济开发区科创十一街18号"
        u.commit()


def jd_carriers(keyring=None):
    from tests.parts.sync_store import MemoryKeyring

    keys = CarrierCredentialStore(keyring or MemoryKeyring())
    keys.save("jdl", "jd_logistics", {"app_secret": APP_SECRET, "access_token": ACCESS_TOKEN})
    return carrier_directory(CarrierRegistry(store=keys, jos_sign=md5_wrapped))


@pytest.fixture
def bench(store, uow, jdl, tmp_path):
    spooler = Spooler()
    folder = tmp_path / "labels"
    carriers = jd_carriers()
    labels = CarrierLabelPrinting(LabelPrinting(Route(PrinterKind.PDF_FOLDER, str(folder)),
                                                spooler), spooler, carriers, uow,
                                  Claimant.for_station("bench-1"))
    yield labels, carriers, folder
    spooler.close()


def _free(uow) -> int:
    with uow() as u:
        return u.waybill_pool.free_count("jdl")


def test_the_pool_is_topped_up_to_its_size_and_taken_from(store, uow, jdl, bench):
    labels, carriers, _folder = bench
    jd_store(uow, jdl, pool=20)
    claimant = Claimant.for_station("bench-1")
    assert top_up_pools(carriers, uow, claimant) == {"jdl": 20} and _free(uow) == 20
    assert top_up_pools(carriers, uow, claimant) == {}  # full: JD is not asked
    assert jdl.fetch_calls == 1
    bench_service = PackBenchService(uow)
    for number in take_orders(uow, 5, carrier="jdl"):
        assert "job" in labels(pack(bench_service, number))
    assert _free(uow) == 15 and len(jdl.sends) == 5 and jdl.fetch_calls == 1
    assert top_up_pools(carriers, uow, claimant) == {"jdl": 5} and _free(uow) == 20


def test_fifty_orders_packed_offline_print_with_pool_numbers_then_fifty_sends(
        store, uow, jdl, bench):
    labels, carriers, folder = bench
    jd_store(uow, jdl, pool=60)
    top_up_pools(carriers, uow, Claimant.for_station("bench-1"))
    issued = set(jdl.waybills)
    jdl.faults.inject("drop", count=ORDERS)  # JD unreachable: every waybill.send reset
    bench_service = PackBenchService(uow)
    said = [labels(pack(bench_service, number)) for number in take_orders(uow, ORDERS,
                                                                           carrier="jdl")]
    assert all("job" in s and "JDVA" in s for s in said), said[:3]
    assert jdl.sends == [] and jdl.faults.pending() == 0
    with uow() as u:
        printed = [u.shipments.by_tracking(s.split(":")[0]) for s in said]
        assert all(sh is not None and sh.state == ShipmentState.LABELLED for sh in printed)
        assert u.waybill_pool.unsent_count("jdl") == ORDERS
    numbers = [s.split(":")[0] for s in said]
    assert len(set(numbers)) == ORDERS and set(numbers) <= issued
    deadline = time.monotonic() + 60
    while len(list(folder.glob("*.pdf"))) < ORDERS and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(list(folder.glob("*.pdf"))) == ORDERS  # the bench kept printing

    later = uow_factory(store.session_factory, "cron",
                        clock=lambda: datetime.now(UTC) + timedelta(minutes=1))
    outcomes = replay_waybill_sends(carriers, later, Claimant.for_station("cron"))
    assert Counter(o.outcome for o in outcomes) == {"sent": ORDERS}
    assert replay_waybill_sends(carriers, later, Claimant.for_station("cron")) == []
    sent_numbers = Counter(number for number, _order in jdl.sends)
    assert sorted(sent_numbers) == sorted(numbers) and set(sent_numbers.values()) == {1}
    with uow() as u:
        assert u.waybill_pool.unsent_count("jdl") == 0


def test_an_exhausted_pool_with_jd_away_waits_in_the_label_pending_lane(
        store, uow, jdl, bench):
    labels, carriers, _folder = bench
    jd_store(uow, jdl, pool=1)
    top_up_pools(carriers, uow, Claimant.for_station("bench-1"))
    first, second = take_orders(uow, 2, carrier="jdl")
    bench_service = PackBenchService(uow)
    jdl.faults.inject("drop", count=2)  # the first parcel's send, the second's fetch
    assert "job" in labels(pack(bench_service, first))  # the pool's one number
    pending = labels(pack(bench_service, second))  # none left, JD away
    assert jdl.faults.pending() == 0
    assert pending.startswith("label pending:") and "no pre-fetched waybill number" in pending
    assert "it prints when the carrier answers" in pending
    later = uow_factory(store.session_factory, "cron",
                        clock=lambda: datetime.now(UTC) + timedelta(minutes=1))
    claimant = Claimant.for_station("cron")
    outcomes = retry_pending_labels(carriers, later, claimant)  # JD back: fetched online
    assert [o.labelled for o in outcomes] == [True]
    assert [o.outcome for o in replay_waybill_sends(carriers, later, claimant)] == ["sent"]
    assert len(jdl.sends) == 2 and len({n for n, _o in jdl.sends}) == 2


def test_cancel_a_sent_parcel_intercepts_it_and_an_unsent_one_is_withdrawn(
        store, uow, jdl, bench):
    labels, carriers, _folder = bench
    jd_store(uow, jdl, pool=5)
    claimant = Claimant.for_station("bench-1")
    top_up_pools(carriers, uow, claimant)
    online, offline = take_orders(uow, 2, carrier="jdl")
    bench_service = PackBenchService(uow)
    sent_number = labels(pack(bench_service, online)).split(":")[0]
    jdl.faults.inject("drop")
    queued_number = labels(pack(bench_service, offline)).split(":")[0]
    for number in (online, offline):
        stop_parcel(number, "Sam", "buyer cancelled", uow())
    done = dict(refund_stopped_labels(carriers, uow, claimant))
    assert sorted(done.values()) == ["refunded", "withdrawn"]
    assert jdl.waybills[sent_number].intercepted
    assert jdl.waybills[queued_number].sent is None  # JD never hears of the stopped parcel
    later = uow_factory(store.session_factory, "cron",
                        clock=lambda: datetime.now(UTC) + timedelta(minutes=1))
    assert replay_waybill_sends(carriers, later, claimant) == []
    with uow() as u:
        refunds = {sh.tracking_number: sh.refund for n in (online, offline)
                   for sh in u.shipments.for_order(n)}
    assert set(refunds.values()) == {RefundState.REFUNDED}


TAKE = """
import json, sys
from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
store = open_store(sys.argv[1])
uow = uow_factory(store.session_factory, station=sys.argv[2])
taken = []
for i in range(int(sys.argv[3])):
    with uow() as u:
        taken.append(u.waybill_pool.take("jdl", f"{sys.argv[2]}-{i}", u.now(), u.station))
        u.commit()
print(json.dumps(taken))
store.dispose()
"""


def test_two_stations_on_postgresql_share_one_pool_each_number_once(postgres_url, jdl):
    import json

    store = open_store(postgres_url)
    uow = uow_factory(store.session_factory, station="bench-1")
    jd_store(uow, jdl, pool=60)
    top_up_pools(jd_carriers(), uow, Claimant.for_station("bench-1"))
    assert _free(uow) == 60
    stations = [subprocess.Popen([sys.executable, "-c", TAKE, postgres_url, f"st{n}", "40"],
                                 cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True) for n in (1, 2)]
    answers = [station.communicate(timeout=120) for station in stations]
    assert [s.returncode for s in stations] == [0, 0], answers
    taken = [n for out, _err in answers for n in json.loads(out)]
    got = Counter(n for n in taken if n is not None)
    assert len(got) == 60 and set(got.values()) == {1}  # 80 asks, 60 numbers, each once
    assert taken.count(None) == 20 and set(got) <= set(jdl.waybills)
    assert all(json.loads(out).count(None) < 40 for out, _err in answers)  # both took some
    assert _free(uow) == 0
    store.dispose()


def test_the_connection_test_issues_no_number(jdl):
    said = adapter(jdl).check_connection()
    assert CUSTOMER_CODE in said and jdl.waybills == {} and jdl.fetch_calls == 0
    with pytest.raises(CarrierError):
        adapter(jdl, secret="wrong").check_connection()


def test_a_stopped_parcel_whose_send_is_under_way_is_cancelled_next_round(
        store, uow, jdl, bench):
    labels, carriers, _folder = bench
    jd_store(uow, jdl, pool=2)
    claimant = Claimant.for_station("bench-1")
    top_up_pools(carriers, uow, claimant)
    (order,) = take_orders(uow, 1, carrier="jdl")
    jdl.faults.inject("drop")
    number = labels(pack(PackBenchService(uow), order)).split(":")[0]
    with uow() as u:  # a replay runner on another station holds the number, sending it
        assert u.waybill_pool.claim(number, "other-runner", u.now(),
                                    u.now() + timedelta(minutes=5)) is not None
        u.commit()
    stop_parcel(order, "Sam", "buyer cancelled", uow())
    ((_ref, outcome),) = refund_stopped_labels(carriers, uow, claimant)
    assert "being sent" in outcome
    with uow() as u:
        (shipment,) = u.shipments.for_order(order)
        assert shipment.refund == RefundState.WANTED  # asked again: cancelled once it is sent
        assert u.waybill_pool.held_by(shipment.reference).sent is False


def test_fifty_sends_queued_offline_are_replayed_once_each_by_two_processes(
        postgres_url, jdl, tmp_path):
    """The acceptance on PostgreSQL: 50 parcels printed with pool numbers while JD is
    unreachable, then two `packdesk labels --once` processes (two stations) replay the
    queued sends at once: 50 waybill.send calls, each number once, no number used twice."""
    from app.domain.shipments import FIRST_RETRY
    from tests.parts.file_keyring import FileKeyring, child_env

    store = open_store(postgres_url)
    uow = uow_factory(store.session_factory, station="bench-1")
    jd_store(uow, jdl, pool=ORDERS)
    keyring_file = tmp_path / "keyring.json"
    carriers = jd_carriers(FileKeyring(keyring_file))
    top_up_pools(carriers, uow, Claimant.for_station("bench-1"))
    spooler = Spooler()
    labels = CarrierLabelPrinting(
        LabelPrinting(Route(PrinterKind.PDF_FOLDER, str(tmp_path / "labels")), spooler),
        spooler, carriers, uow, Claimant.for_station("bench-1"))
    jdl.faults.inject("drop", count=ORDERS)
    bench_service = PackBenchService(uow)
    numbers = [labels(pack(bench_service, n)).split(":")[0]
               for n in take_orders(uow, ORDERS, carrier="jdl")]
    assert len(set(numbers)) == ORDERS and jdl.sends == [] and jdl.faults.pending() == 0
    time.sleep(FIRST_RETRY.total_seconds() + 0.5)  # the queued sends are due
    jdl.answer_ms = 20  # a carrier that takes its time: the two runners overlap
    logs = [(tmp_path / f"labels-{n}.log").open("w") for n in (1, 2)]
    children = [subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", postgres_url,
                                  "--station", f"cron{n}", "labels", "--once"], cwd=ROOT,
                                 env=child_env(keyring_file), stdout=log,
                                 stderr=subprocess.STDOUT) for n, log in enumerate(logs, 1)]
    for child in children:
        child.wait(180)
    report = "\n".join((tmp_path / f"labels-{n}.log").read_text() for n in (1, 2))
    assert [child.returncode for child in children] == [0, 0], report
    sent = Counter(number for number, _order in jdl.sends)
    assert sorted(sent) == sorted(numbers) and set(sent.values()) == {1}, report
    assert report.count(" sent") == ORDERS, report  # each send reported once, by one runner
    with uow() as u:
        assert u.waybill_pool.unsent_count("jdl") == 0
    spooler.close()
    store.dispose()
