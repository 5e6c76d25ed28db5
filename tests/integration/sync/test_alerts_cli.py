"""`packdesk alerts route ...` set up a route with its secret in the keyring and send a test
message; two `packdesk sync --once` processes deliver the queued alerts once between them."""

from __future__ import annotations

from datetime import timedelta

from app.domain.orders import Address, Order, OrderLine, OrderStatus
from app.domain.outbox import OutboxStatus
from app.services.alerts import refresh_alerts
from tests.channel_servers.robot_servers import DingTalkRobotServer
from tests.integration.sync.test_sync_cli import run

SECRET = "SECa1b2c3d4e5f60718293a4b5c6d7e8f90"


def test_a_route_is_added_listed_tested_and_removed(sqlite_url, credentials, keyring_backend,
                                                     monkeypatch):
    monkeypatch.setenv("PACKDESK_SECRET", SECRET)
    with DingTalkRobotServer(secret=SECRET, keywords=("Packdesk",)) as robot:
        code, out, err = run("--db", sqlite_url, "alerts", "route", "add", "lead",
                             "--kind", "dingtalk", "--target", robot.webhook, "--sign",
                             "--keyword", "Packdesk", "--alerts", "late,stuck",
                             "--quiet", "22:00-07:00", "--timezone", "Asia/Shanghai",
                             credentials=credentials)
        assert (code, err) == (0, "")
        assert "secret is in the system keyring" in out
        assert SECRET in keyring_backend.secrets[("packdesk", "alert:lead")]
        code, out, _ = run("--db", sqlite_url, "alerts", "route", "list",
                           credentials=credentials)
        assert out.splitlines() == [
            f"lead (dingtalk, en) -> {robot.webhook}: late, stuck; "
            "quiet 22:00-07:00 Asia/Shanghai", "1 alert routes"]
        code, out, err = run("--db", sqlite_url, "alerts", "route", "test", "lead",
                             credentials=credentials)
        assert code == 0, err
        assert "Test message sent to alert route lead." in out
        [message] = robot.messages()
        assert message["title"].startswith("[Packdesk] Test message: ")
        assert "Test message from Packdesk, sent by" in message["content"] and message["sign"]
        code, out, _ = run("--db", sqlite_url, "alerts", "route", "remove", "lead",
                           credentials=credentials)
        assert code == 0 and ("packdesk", "alert:lead") not in keyring_backend.secrets
        code, _, err = run("--db", sqlite_url, "alerts", "route", "test", "lead",
                           credentials=credentials)
        assert code == 2 and "There is no alert route lead." in err


def test_a_bad_route_is_refused_in_words(sqlite_url, credentials):
    code, _, err = run("--db", sqlite_url, "alerts", "route", "add", "x", "--kind", "mail",
                       "--target", "lead@shop.test", credentials=credentials)
    assert code == 2 and "a mail route needs smtp_host" in err
    code, _, err = run("--db", sqlite_url, "alerts", "route", "add", "x", "--kind", "wecom",
                       "--target", "https://qyapi.example/send?key=k", "--alerts", "lat",
                       credentials=credentials)
    assert code == 2 and "Unknown alert kinds: lat" in err


def test_a_failing_test_message_says_why(sqlite_url, credentials, monkeypatch):
    monkeypatch.setenv("PACKDESK_SECRET", "SECnot-the-robots")
    with DingTalkRobotServer(secret=SECRET) as robot:
        run("--db", sqlite_url, "alerts", "route", "add", "lead", "--kind", "dingtalk",
            "--target", robot.webhook, "--sign", credentials=credentials)
        code, out, err = run("--db", sqlite_url, "alerts", "route", "test", "lead",
                             credentials=credentials)
    assert code == 1 and "alerts: 0 sent, 1 failed" in out
    assert "the test message to lead is failed: Alert route lead (dingtalk): DingTalk " \
           "refused the message (errcode 310000: sign not match" in err


def test_two_sync_processes_deliver_each_alert_once(stations, monkeypatch):
    monkeypatch.setenv("PACKDESK_SECRET", SECRET)
    with DingTalkRobotServer(secret=SECRET, keywords=("Packdesk",)) as robot:
        code, _, err = run("--db", stations.url, "alerts", "route", "add", "lead", "--kind",
                           "dingtalk", "--target", robot.webhook, "--sign", "--keyword",
                           "Packdesk", "--alerts", "late", credentials=stations.credentials)
        assert code == 0, err
        with stations.uow() as u:
            for i in range(8):
                u.orders.add(Order(f"PD-9{i:05d}", "shopify", f"#{i}", "Mei", "1",
                                   Address("Mei"), [OrderLine("TEA-1", "Tea", 1)],
                                   status=OrderStatus.READY,
                                   placed_at=u.now() - timedelta(hours=1),
                                   ship_by=u.now() - timedelta(minutes=5)))
            u.commit()
        assert len(refresh_alerts(stations.uow()).raised) == 8
        children = [stations.start("--once", name=f"cron{n}") for n in (1, 2)]
        outputs = "\n".join(stations.finish(child) for child in children)
        robot.wait_idle()
        titles = sorted(m["title"] for m in robot.messages())
        with stations.uow() as u:
            statuses = {m.status for m in u.outbox.messages(channel="alert:lead")}
    assert titles == sorted(f"[Packdesk] Order late: PD-9{i:05d}" for i in range(8)), outputs
    assert statuses == {OutboxStatus.SENT}, outputs
    assert "alerts: " in outputs and robot.answers.count(0) == 8


def test_a_route_without_secrets_needs_no_keyring(sqlite_url):
    from keyring.backends.fail import Keyring as NoKeyring

    from sync.credentials import CredentialStore

    headless = CredentialStore(NoKeyring())
    code, _, err = run("--db", sqlite_url, "alerts", "route", "add", "wx", "--kind", "wecom",
                       "--target", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k",
                       credentials=headless)
    assert (code, err) == (0, "")
    code, out, err = run("--db", sqlite_url, "alerts", "route", "remove", "wx",
                         credentials=headless)
    assert (code, err, out) == (0, "", "Alert route wx removed.\n")
