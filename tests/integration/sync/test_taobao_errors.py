"""TOP's errors classified as Taobao means them, driven through the local TOP gateway.

Platform errors under 100 (but 15, 40, 41) are about the call; a sub_code starting `isp.` is
TOP's own trouble, "retry after a while"; 4/5/6/7/8 are call limits whose sub_msg says how
long the ban lasts. None of these may fail a message for good. `B04` on
taobao.logistics.offline.send says the trade is already consigned: the parcel is out.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from app.domain.outbox import OutboxStatus
from sync.runner import SyncRunner, adapter_factory
from tests.integration.sync.test_sync_outbox import pack
from tests.parts.sync_store import connect_taobao

SEND = "taobao.logistics.offline.send"
TEMPORARY = {
    "10 service unavailable": (10, "Service Currently Unavailable", "", ""),
    "520 isp timeout": (520, "Remote service error", "isp.remote-service-timeout",
                        "远程服务调用超时"),
    "520 isp connection": (520, "Remote service error", "isp.remote-connection-error",
                           "远程服务连接失败"),
    "520 trade service rejection": (520, "Remote service error", "isv.trade-service-rejection",
                                    "The trade service is busy, please query again in 3 "
                                    "minutes"),
    "4 user call limit": (4, "User Call Limited", "",
                          "This ban will last for 1 more seconds"),
    "5 session call limit": (5, "Session Call Limited", "", "This ban will last for 1 more "
                             "seconds"),
    "6 partner call limit": (6, "Partner Call Limited", "", "This ban will last for 1 more "
                             "seconds"),
    "8 call frequency": (8, "App Call Exceeds Limited Frequency",
                         "accesscontrol.limited-by-api-access-frequency",
                         "This ban will last for 1 more seconds"),
    "7 ban of 31062 s": (7, "App Call Limited", "accesscontrol.limited-by-app-access-count",
                         "This ban will last for 31062 more seconds"),
}


def packed_trade(sync_uow, credentials, taobao_server):
    connect_taobao(sync_uow, credentials, taobao_server)
    runner = SyncRunner(sync_uow, adapter_factory(credentials, timeout_s=2.0))
    runner.run_once()
    tid = next(iter(taobao_server.trades))
    with sync_uow() as u:
        number = u.orders.intake_link("taobao", tid).order_number
    return runner, tid, pack(sync_uow, number)


@dataclass(frozen=True)
class Seen:
    status: str
    last_error: str


def fulfilment_message(uow) -> Seen:
    with uow() as u:
        (message,) = [m for m in u.outbox.messages() if m.kind == "fulfilment"]
        return Seen(message.status, message.last_error)


def run_bounded(runner, limit_s: float = 30.0):
    """run_once in a thread; a cycle still waiting after `limit_s` is a failure."""
    states: list = []
    worker = threading.Thread(target=lambda: states.extend(runner.run_once()), daemon=True)
    started = time.monotonic()
    worker.start()
    worker.join(limit_s)
    if worker.is_alive():
        runner.stop()  # wakes the wait so the thread ends
        worker.join(10)
        pytest.fail(f"packdesk sync --once was still waiting after {limit_s:.0f} s")
    return states, time.monotonic() - started


@pytest.mark.parametrize("answer", TEMPORARY.values(), ids=TEMPORARY.keys())
def test_temporary_errors_keep_the_shipment_queued(sync_uow, credentials, taobao_server,
                                                   answer):
    runner, tid, tracking = packed_trade(sync_uow, credentials, taobao_server)
    taobao_server.answer_error(SEND, *answer)
    states, took = run_bounded(runner)
    message = fulfilment_message(sync_uow)
    assert message.status != OutboxStatus.FAILED, message.last_error
    assert took < 30
    for _ in range(3):  # the error has passed: the next cycles send it, once
        if message.status == OutboxStatus.SENT:
            break
        with sync_uow() as u:
            for m in u.outbox.messages():
                m.next_attempt_at = None  # do not wait out the back-off in a test
            u.commit()
        run_bounded(runner)
        message = fulfilment_message(sync_uow)
    assert message.status == OutboxStatus.SENT, message.last_error
    sent = [a for a in taobao_server.applied if a["op"] == "logistics.offline.send"]
    assert sent == [{"op": "logistics.offline.send", "tid": tid, "out_sid": tracking}]


def test_a_long_ban_takes_the_channel_offline_until_it_ends(sync_uow, credentials,
                                                            taobao_server):
    runner, _, _ = packed_trade(sync_uow, credentials, taobao_server)
    taobao_server.answer_error(SEND, 7, "App Call Limited",
                               "accesscontrol.limited-by-app-access-count",
                               "This ban will last for 31062 more seconds")
    before = datetime.now(UTC)
    (state,), took = run_bounded(runner)
    assert took < 30
    assert not state.online and state.offline_until is not None
    expected = before + timedelta(seconds=31062)
    assert abs((state.offline_until - expected).total_seconds()) < 120
    assert f"offline until {state.offline_until:%Y-%m-%d %H:%M} UTC" in state.last_result
    assert "31062" in state.last_result
    assert fulfilment_message(sync_uow).status == OutboxStatus.PENDING


def test_a_platform_error_while_pulling_is_offline_not_an_error(sync_uow, credentials,
                                                                 taobao_server):
    connect_taobao(sync_uow, credentials, taobao_server)
    taobao_server.answer_error("taobao.trades.sold.increment.get", 520, "Remote service error",
                               "isp.remote-service-timeout", "远程服务调用超时")
    (state,) = SyncRunner(sync_uow, adapter_factory(credentials, timeout_s=2.0)).run_once()
    assert not state.online and state.last_result.startswith("offline"), state.last_result


def test_b04_already_consigned_marks_the_shipment_sent(sync_uow, credentials, taobao_server):
    runner, tid, _ = packed_trade(sync_uow, credentials, taobao_server)
    # the merchant consigned it in the seller centre meanwhile, with the carrier's own number
    for line in taobao_server.trades[tid]["orders"]["order"]:
        line.update(invoice_no="SF1234567890", logistics_company="SF")
    taobao_server.trades[tid]["status"] = "WAIT_BUYER_CONFIRM_GOODS"
    (state,), _ = run_bounded(runner)
    message = fulfilment_message(sync_uow)
    assert message.status == OutboxStatus.SENT, message.last_error
    assert "B04" in message.last_error and state.failed == 0
    assert [a for a in taobao_server.applied if a["op"] == "logistics.offline.send"] == []


def test_the_background_runner_does_not_call_again_before_the_ban_ends(sync_uow, credentials,
                                                                       taobao_server):
    connect_taobao(sync_uow, credentials, taobao_server)
    taobao_server.answer_error("taobao.trades.sold.increment.get", 7, "App Call Limited",
                               "accesscontrol.limited-by-app-access-count",
                               "This ban will last for 90 more seconds", times=100)
    runner = SyncRunner(sync_uow, adapter_factory(credentials, timeout_s=2.0), interval_s=1,
                        backoff_cap_s=0.5)
    runner.start()
    try:
        deadline = time.monotonic() + 20
        while not any(not s.online for s in runner.states()) and time.monotonic() < deadline:
            time.sleep(0.1)
        (state,) = runner.states()
        assert not state.online and state.offline_until is not None
        time.sleep(4)  # several back-off periods; the ban still has over 80 s to run
        calls = [r for r in taobao_server.request_log if "increment" in r]
        assert len(calls) == 1, calls
    finally:
        runner.stop()
