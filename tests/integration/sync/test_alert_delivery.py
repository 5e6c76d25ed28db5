"""Alerts where the supervisor is (issue 18): a late order raises an alert, the alert is queued
in the outbox for each route that wants it, and the sender delivers it once to a DingTalk
robot, a WeCom robot or a mailbox on this machine, each checking what its platform checks."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest

from app.adapters.unit_of_work import uow_factory
from app.domain.alert_routes import AlertRoute
from app.domain.orders import Address, Order, OrderLine, OrderStatus
from app.domain.outbox import OutboxStatus
from app.services import outbox as box
from app.services.alert_notices import add_route
from app.services.alerts import refresh_alerts
from app.services.leases import Claimant
from sync.alert_delivery import AlertDelivery
from sync.runner import SyncRunner, adapter_factory, alert_delivery
from tests.channel_servers.robot_servers import DingTalkRobotServer, WeComRobotServer
from tests.channel_servers.smtp_server import SmtpServer

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
SECRET = "SEC1f2e3d4c5b6a79880716253443526170"


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock(NOW)


@pytest.fixture
def alert_uow(store, clock):
    return uow_factory(store.session_factory, "bench-1", clock=clock)


def late_orders(uow, *numbers: str) -> None:
    """Orders ready since an hour, promised to ship an hour ago."""
    with uow() as u:
        for number in numbers:
            u.orders.add(Order(number, "shopify", f"#{number}", "Mei", "1", Address("Mei"),
                               [OrderLine("TEA-1", "Tea", 1)], status=OrderStatus.READY,
                               placed_at=NOW - timedelta(hours=1),
                               ship_by=NOW - timedelta(hours=1)))
        u.commit()


def promise_later(uow, number: str) -> None:
    """The channel moved the promise: the order is no longer late, the alert clears."""
    with uow() as u:
        u.orders.get(number).ship_by = NOW + timedelta(days=1)
        u.commit()


def ding_route(uow, credentials, robot, code="ding", secret=SECRET, **extra) -> None:
    add_route(uow(), AlertRoute(code, "dingtalk", robot.webhook, ["late"], keyword="Packdesk",
                                settings={"signed": True}, **extra))
    credentials.save(f"alert:{code}", "alert_dingtalk", {"secret": secret})


def notices(uow, channel: str) -> list:
    with uow() as u:
        return [(m.status, m.attempts, m.last_error, m.payload["event"], m.next_attempt_at)
                for m in u.outbox.messages(channel=channel)]


def test_a_late_order_reaches_the_dingtalk_group_once_signed_and_its_clearing_follows(
        alert_uow, credentials):
    with DingTalkRobotServer(secret=SECRET, keywords=("Packdesk",)) as robot:
        ding_route(alert_uow, credentials, robot)
        late_orders(alert_uow, "PD-100001")
        raised = refresh_alerts(alert_uow()).raised
        assert [a.subject for a in raised] == ["PD-100001"]
        assert [n[:4] for n in notices(alert_uow, "alert:ding")] == [
            (OutboxStatus.PENDING, 0, "", "raised")]
        result = AlertDelivery(alert_uow, credentials).deliver()
        assert (result.sent, result.failed) == (1, 0)
        [message] = robot.messages()
        assert message["msgtype"] == "markdown" and message["sign"]
        assert message["title"] == "[Packdesk] Order late: PD-100001"
        assert "PD-100001 (shopify) was promised to ship by 2026-11-20 14:00 UTC and is " \
               "still ready." in message["content"]
        assert robot.answers == [0]
        refresh_alerts(alert_uow())  # still late: nothing new
        assert AlertDelivery(alert_uow, credentials).deliver().sent == 0
        promise_later(alert_uow, "PD-100001")
        refresh_alerts(alert_uow())
        refresh_alerts(alert_uow())
        AlertDelivery(alert_uow, credentials).deliver()
        assert [m["title"] for m in robot.messages()] == [
            "[Packdesk] Order late: PD-100001", "[Packdesk] Cleared - Order late: PD-100001"]
        assert "The condition has cleared." in robot.messages()[1]["content"]


def test_two_stations_sending_at_once_deliver_each_alert_once(store, alert_uow, clock,
                                                              credentials):
    numbers = [f"PD-2000{i:02d}" for i in range(12)]
    with DingTalkRobotServer(secret=SECRET, keywords=("Packdesk",)) as robot:
        ding_route(alert_uow, credentials, robot)
        late_orders(alert_uow, *numbers)
        refresh_alerts(alert_uow())
        stations = [AlertDelivery(uow_factory(store.session_factory, name, clock=clock),
                                  credentials, claimant=Claimant.for_station(name))
                    for name in ("bench-1", "bench-2")]
        start = threading.Barrier(2)
        results = []

        def send(station: AlertDelivery) -> None:
            start.wait()
            for _ in range(3):
                results.append(station.deliver())

        threads = [threading.Thread(target=send, args=(s,)) for s in stations]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        subjects = sorted(m["title"].rsplit(" ", 1)[1] for m in robot.messages())
    assert subjects == numbers
    assert sum(r.sent for r in results) == 12
    assert {n[0] for n in notices(alert_uow, "alert:ding")} == {OutboxStatus.SENT}


def test_a_slow_robot_keeps_the_claim_so_a_second_station_sends_nothing_twice(
        store, alert_uow, credentials):
    with DingTalkRobotServer(secret=SECRET, keywords=("Packdesk",)) as robot:
        ding_route(alert_uow, credentials, robot)
        late_orders(alert_uow, *[f"PD-2500{i:02d}" for i in range(4)])
        refresh_alerts(alert_uow())
        robot.faults.inject("slow", delay_s=0.5, count=4)  # 2 s for the batch, lease 0.9 s
        first, second = (AlertDelivery(uow_factory(store.session_factory, name),  # real time
                                       credentials, claimant=Claimant.for_station(name, 0.9))
                         for name in ("bench-1", "bench-2"))
        done = threading.Event()

        def keep_trying() -> None:
            while not done.is_set():
                second.deliver()
                time.sleep(0.05)

        other = threading.Thread(target=keep_trying)
        other.start()
        try:
            first.deliver()
        finally:
            done.set()
            other.join(30)
        robot.wait_idle()
        titles = [m["title"] for m in robot.messages()]
    assert sorted(titles) == sorted(set(titles)) and len(titles) == 4


def test_send_too_fast_is_tried_again_later_and_delivered(alert_uow, clock, credentials):
    with DingTalkRobotServer(secret=SECRET, keywords=("Packdesk",)) as robot:
        ding_route(alert_uow, credentials, robot)
        late_orders(alert_uow, "PD-300001", "PD-300002")
        refresh_alerts(alert_uow())
        robot.force(130101, "send too fast, exceed 20 times per minute")
        result = AlertDelivery(alert_uow, credentials).deliver()
        assert (result.sent, result.failed, result.waiting) == (0, 0, 1)
        first, second = notices(alert_uow, "alert:ding")
        assert first[0] == OutboxStatus.PENDING and "130101" in first[2]
        assert first[4] == NOW + timedelta(seconds=60) and second[0] == OutboxStatus.PENDING
        assert AlertDelivery(alert_uow, credentials).deliver().sent == 0  # not yet due
        clock.now = NOW + timedelta(seconds=61)
        assert AlertDelivery(alert_uow, credentials).deliver().sent == 2
        assert robot.answers == [130101, 0, 0]
        assert len(robot.messages()) == 2


def test_a_burst_of_alerts_keeps_to_twenty_a_minute_and_the_rest_follow(alert_uow, credentials):
    minute = [0.0]
    with DingTalkRobotServer(secret=SECRET, keywords=("Packdesk",),
                             clock=lambda: time.time() + minute[0]) as robot:
        ding_route(alert_uow, credentials, robot)
        late_orders(alert_uow, *[f"PD-3500{i:02d}" for i in range(23)])
        refresh_alerts(alert_uow())
        station = AlertDelivery(alert_uow, credentials, monotonic=lambda: minute[0])
        result = station.deliver()
        assert (result.sent, result.waiting) == (20, 1)
        assert station.deliver().sent == 0  # still the same minute
        assert {n[0] for n in notices(alert_uow, "alert:ding")[20:]} == {OutboxStatus.PENDING}
        minute[0] = 61.0
        assert station.deliver().sent == 3
        assert 130101 not in robot.answers and len(robot.messages()) == 23


def test_a_robot_that_cannot_be_reached_keeps_the_alert_queued(alert_uow, clock, credentials):
    with DingTalkRobotServer(secret=SECRET, keywords=("Packdesk",)) as robot:
        ding_route(alert_uow, credentials, robot)
        late_orders(alert_uow, "PD-360001")
        refresh_alerts(alert_uow())
        robot.faults.inject("drop")  # the connection is reset: the network is away
        assert AlertDelivery(alert_uow, credentials).deliver().waiting == 1
        [(status, attempts, error, _, due)] = notices(alert_uow, "alert:ding")
        assert (status, attempts, due) == (OutboxStatus.PENDING, 0, NOW + timedelta(minutes=1))
        assert error.startswith("Alert route ding (dingtalk): connection failed (")
        clock.now = NOW + timedelta(minutes=2)
        assert AlertDelivery(alert_uow, credentials).deliver().sent == 1
        assert len(robot.messages()) == 1
        rows = box.list_messages(alert_uow(), channel="alert:ding")
        assert [(r.kind, r.about, r.status) for r in rows] == [
            ("alert", "raised late PD-360001", "sent")]


def test_a_wrong_sign_secret_fails_for_good_naming_the_route(alert_uow, credentials):
    with DingTalkRobotServer(secret=SECRET, keywords=("Packdesk",)) as robot:
        ding_route(alert_uow, credentials, robot, code="floor-lead", secret="SECwrong")
        late_orders(alert_uow, "PD-400001")
        refresh_alerts(alert_uow())
        result = AlertDelivery(alert_uow, credentials).deliver()
        assert (result.sent, result.failed) == (0, 1)
        [(status, attempts, error, _event, _due)] = notices(alert_uow, "alert:floor-lead")
        assert status == OutboxStatus.FAILED and attempts == 1
        assert error.startswith("Alert route floor-lead (dingtalk): DingTalk refused the "
                                "message (errcode 310000: sign not match")
        assert "sign secret" in error
        assert robot.messages() == []
        # the failed notice is an outbox failure: the panel shows it, no route is sent it
        # (a broken route told of its own failure would fail again, without end)
        add_route(alert_uow(), AlertRoute("all", "dingtalk", robot.webhook))
        kinds = [a.kind for a in refresh_alerts(alert_uow()).raised]
        assert kinds == ["sync_failure"]
        assert len(notices(alert_uow, "alert:floor-lead")) == 1
        assert notices(alert_uow, "alert:all") == []


def test_a_keyword_robot_gets_the_keyword_in_a_text_message(alert_uow, credentials):
    with DingTalkRobotServer(keywords=("仓库告警",)) as robot:
        add_route(alert_uow(), AlertRoute("kw", "dingtalk", robot.webhook, [],
                                          keyword="仓库告警", settings={"msgtype": "text"}))
        late_orders(alert_uow, "PD-500001")
        refresh_alerts(alert_uow())
        assert AlertDelivery(alert_uow, credentials).deliver().sent == 1
        [message] = robot.messages()
        assert message["msgtype"] == "text" and message["content"].endswith("仓库告警")


def test_the_wecom_group_reads_the_alert_in_chinese(alert_uow, credentials):
    with WeComRobotServer() as robot:
        add_route(alert_uow(), AlertRoute("wx", "wecom", robot.webhook, ["late", "stuck"],
                                          language="zh_CN"))
        late_orders(alert_uow, "PD-600001")
        refresh_alerts(alert_uow())
        robot.rate_limit()
        assert AlertDelivery(alert_uow, credentials).deliver().waiting == 1
        [(status, _, error, _, _)] = notices(alert_uow, "alert:wx")
        assert status == OutboxStatus.PENDING and "45009" in error
        with alert_uow() as u:  # the minute has passed
            for m in u.outbox.messages(channel="alert:wx"):
                m.next_attempt_at = None
            u.commit()
        assert AlertDelivery(alert_uow, credentials).deliver().sent == 1
        [message] = robot.messages()
    assert message["msgtype"] == "markdown"
    assert message["content"] == (
        "**[Packdesk] 订单逾期：PD-600001**\n"
        "> PD-600001（shopify）承诺在 UTC 2026-11-20 14:00 前发货，目前仍为“待打包”。")


def test_a_wrong_wecom_key_fails_naming_the_route(alert_uow, credentials):
    with WeComRobotServer() as robot:
        add_route(alert_uow(), AlertRoute("wx-old", "wecom",
                                          f"{robot.url}/cgi-bin/webhook/send?key=gone"))
        late_orders(alert_uow, "PD-610001")
        refresh_alerts(alert_uow())
        assert AlertDelivery(alert_uow, credentials).deliver().failed == 1
        [(status, _, error, _, _)] = notices(alert_uow, "alert:wx-old")
    assert status == OutboxStatus.FAILED
    assert error.startswith("Alert route wx-old (wecom): WeCom refused the message "
                            "(errcode 93000: invalid webhook url")


def mail_route(uow, credentials, mail, password: str, language="en") -> None:
    add_route(uow(), AlertRoute("office", "mail", "lead@shop.test, boss@shop.test", ["late"],
                                language=language,
                                settings={"smtp_host": "127.0.0.1", "smtp_port": mail.port,
                                          "username": mail.username, "sender": mail.username,
                                          "ca_file": str(mail.cert_file)}))
    credentials.save("alert:office", "alert_mail", {"password": password})


def test_mail_goes_over_starttls_and_a_deferral_is_tried_again(tmp_path, alert_uow, clock,
                                                                credentials):
    with SmtpServer(tmp_path) as mail:
        mail_route(alert_uow, credentials, mail, mail.password, language="zh_CN")
        late_orders(alert_uow, "PD-700001")
        refresh_alerts(alert_uow())
        mail.defer()
        assert AlertDelivery(alert_uow, credentials).deliver().waiting == 1
        [(status, _, error, _, _)] = notices(alert_uow, "alert:office")
        assert status == OutboxStatus.PENDING and "SMTP 451" in error
        clock.now = NOW + timedelta(minutes=2)
        assert AlertDelivery(alert_uow, credentials).deliver().sent == 1
        [(sender, recipients, message, over_tls)] = mail.messages()
    assert over_tls and sender == "alerts@shop.test"
    assert recipients == ["lead@shop.test", "boss@shop.test"]
    assert message["Subject"] == "[Packdesk] 订单逾期：PD-700001"
    assert "承诺在 UTC 2026-11-20 14:00 前发货" in message.get_content()


def test_a_refused_mail_login_fails_naming_the_route(tmp_path, alert_uow, credentials):
    with SmtpServer(tmp_path) as mail:
        mail_route(alert_uow, credentials, mail, "not-the-password")
        late_orders(alert_uow, "PD-710001")
        refresh_alerts(alert_uow())
        assert AlertDelivery(alert_uow, credentials).deliver().failed == 1
        [(status, _, error, _, _)] = notices(alert_uow, "alert:office")
        assert mail.messages() == []
    assert status == OutboxStatus.FAILED
    assert error.startswith("Alert route office (mail): the mail server refused the login "
                            "(SMTP 535")


def test_during_quiet_hours_the_alert_waits_until_they_end(alert_uow, clock, credentials):
    with WeComRobotServer() as robot:
        # 23:00 in Shanghai is 15:00 UTC: inside 22:00-07:00, which ends at 23:00 UTC
        add_route(alert_uow(), AlertRoute("night", "wecom", robot.webhook, quiet_start="22:00",
                                          quiet_end="07:00", timezone="Asia/Shanghai"))
        late_orders(alert_uow, "PD-800001")
        refresh_alerts(alert_uow())
        [(_, _, _, _, due)] = notices(alert_uow, "alert:night")
        assert due == datetime(2026, 11, 20, 23, 0, tzinfo=UTC)
        assert AlertDelivery(alert_uow, credentials).deliver().sent == 0
        clock.now = datetime(2026, 11, 20, 23, 0, 30, tzinfo=UTC)
        assert AlertDelivery(alert_uow, credentials).deliver().sent == 1
        assert len(robot.messages()) == 1


def test_only_the_routes_that_want_the_kind_hear_of_it(alert_uow, credentials):
    with WeComRobotServer() as robot:
        add_route(alert_uow(), AlertRoute("returns", "wecom", robot.webhook,
                                          ["return_escalated"]))
        add_route(alert_uow(), AlertRoute("off", "wecom", robot.webhook, enabled=False))
        late_orders(alert_uow, "PD-900001")
        refresh_alerts(alert_uow())
        assert notices(alert_uow, "alert:returns") == notices(alert_uow, "alert:off") == []


def test_the_background_sync_delivers_alerts(alert_uow, credentials):
    with DingTalkRobotServer(secret=SECRET, keywords=("Packdesk",)) as robot:
        ding_route(alert_uow, credentials, robot)
        late_orders(alert_uow, "PD-910001")
        refresh_alerts(alert_uow())
        runner = SyncRunner(alert_uow, adapter_factory(credentials),
                            alerts=alert_delivery(alert_uow, credentials))
        assert runner.run_once() == []
        assert runner.alert_result.sent == 1 and len(robot.messages()) == 1


def test_a_headless_sync_raises_the_alert_it_delivers(alert_uow, credentials):
    """`packdesk sync --once` from cron, with no bench open to raise alerts: the runner
    raises what is due before it delivers, so a late order still reaches the group."""
    with DingTalkRobotServer(secret=SECRET, keywords=("Packdesk",)) as robot:
        ding_route(alert_uow, credentials, robot)
        late_orders(alert_uow, "PD-100001")
        runner = SyncRunner(alert_uow, adapter_factory(credentials),
                            alerts=alert_delivery(alert_uow, credentials))
        runner.run_once()
        assert [m["title"] for m in robot.messages()] == ["[Packdesk] Order late: PD-100001"]
        runner.run_once()  # still late: nothing twice
        assert len(robot.messages()) == 1
