"""The Monday report by mail (issue 18): a mail route that lists weekly_report gets last
week's PDF from Monday at its report hour, in its own time zone and language, once however
many stations look at the schedule, through the outbox, over STARTTLS to a local aiosmtpd."""

from __future__ import annotations

import argparse
import io
import threading
from datetime import UTC, datetime, timedelta

import pytest
from pypdf import PdfReader

from app.adapters.unit_of_work import uow_factory
from app.domain.alert_routes import AlertRoute
from app.domain.errors import InvalidInput
from app.domain.outbox import OutboxStatus
from app.services.alert_notices import add_route
from app.services.alerts import refresh_alerts
from app.services.report_mail import queue_weekly_reports
from printing.report_cli import add_commands, run
from printing.weekly_report import weekly_report_pdf
from sync.alert_delivery import AlertDelivery
from sync.runner import SyncRunner, adapter_factory, alert_delivery
from tests.channel_servers.smtp_server import SmtpServer
from tests.integration.core.test_health_figures import seed_week
from tests.integration.sync.test_alert_delivery import Clock, late_orders

# Monday 23 Nov 2026, 08:00 in Shanghai is 00:00 UTC: the report of 2026-W47 is due then.
BEFORE = datetime(2026, 11, 22, 23, 30, tzinfo=UTC)  # Monday 07:30 in Shanghai
AFTER = datetime(2026, 11, 23, 0, 5, tzinfo=UTC)  # Monday 08:05 in Shanghai


@pytest.fixture
def clock():
    return Clock(BEFORE)


@pytest.fixture
def report_uow(store, clock):
    factory = uow_factory(store.session_factory, "bench-1", clock=clock)
    seed_week(factory)
    return factory


def report_route(uow, credentials, mail, code="boss", language="zh_CN", **settings) -> None:
    add_route(uow(), AlertRoute(code, "mail", "boss@shop.test", ["weekly_report"],
                                timezone="Asia/Shanghai", language=language,
                                settings={"smtp_host": "127.0.0.1", "smtp_port": mail.port,
                                          "username": mail.username, "sender": mail.username,
                                          "ca_file": str(mail.cert_file), **settings}))
    credentials.save(f"alert:{code}", "alert_mail", {"password": mail.password})


def pdf_text(message) -> tuple[str, str]:
    (part,) = [p for p in message.iter_attachments()]
    reader = PdfReader(io.BytesIO(part.get_content()))
    return part.get_filename(), " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def test_the_report_goes_on_monday_at_the_hour_once_from_two_stations_in_chinese(
        store, report_uow, clock, credentials, tmp_path):
    with SmtpServer(tmp_path) as mail:
        report_route(report_uow, credentials, mail)
        late_orders(report_uow, "PD-900001")  # an alert: not for a route that lists only the report
        runners = [SyncRunner(uow_factory(store.session_factory, name, clock=clock),
                              adapter_factory(credentials), alerts=alert_delivery(
                                  uow_factory(store.session_factory, name, clock=clock),
                                  credentials, report_pdf=weekly_report_pdf(report_uow)))
                   for name in ("bench-1", "bench-2")]
        for runner in runners:
            runner.deliver_alerts()
        assert mail.messages() == []  # 07:30 in Shanghai: not yet
        clock.now = AFTER
        start = threading.Barrier(2)

        def station(runner: SyncRunner) -> None:
            start.wait()
            for _ in range(2):
                runner.deliver_alerts()

        threads = [threading.Thread(target=station, args=(r,)) for r in runners]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        clock.now = AFTER + timedelta(days=2)  # Wednesday: still owed W47 only, already sent
        runners[0].deliver_alerts()
        messages = mail.messages()
    assert len(messages) == 1
    sender, recipients, message, over_tls = messages[0]
    assert over_tls and recipients == ["boss@shop.test"]
    assert message["Subject"] == "[Packdesk] 运营周报 2026-W47"
    assert "附件是 2026-W47 的 Packdesk 运营周报" in message.get_body().get_content()
    name, text = pdf_text(message)
    assert name == "packdesk-report-2026-W47-zh_CN.pdf"
    assert "Packdesk 运营周报 2026-W47" in text and "打包订单：4，按时：3，新开退货：2。" in text
    with report_uow() as u:
        sent = [(m.kind, m.status) for m in u.outbox.messages(channel="alert:boss")]
    assert sent == [("report", OutboxStatus.SENT)]


def test_the_report_hour_and_zone_are_the_routes_own(report_uow, clock, credentials, tmp_path):
    with SmtpServer(tmp_path) as mail:
        report_route(report_uow, credentials, mail, report_hour=9)
        clock.now = AFTER  # 08:05 in Shanghai: before this route's 09:00
        assert queue_weekly_reports(report_uow()) == []
        clock.now = AFTER + timedelta(hours=1)
        (queued,) = queue_weekly_reports(report_uow())
        assert (queued.route, queued.week, queued.queued) == ("boss", "2026-W47", True)
        assert queue_weekly_reports(report_uow())[0].queued is False  # once


def test_a_route_without_the_report_gets_alerts_only(report_uow, clock, credentials,
                                                     tmp_path):
    with SmtpServer(tmp_path) as mail:
        add_route(report_uow(), AlertRoute("ops", "mail", "ops@shop.test", ["late"],
                                           settings={"smtp_host": "127.0.0.1",
                                                     "smtp_port": mail.port,
                                                     "ca_file": str(mail.cert_file)}))
        clock.now = AFTER
        assert queue_weekly_reports(report_uow()) == []
    with pytest.raises(InvalidInput, match="goes by mail only"):
        AlertRoute("ding", "dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=x",
                   ["weekly_report"])


def _cli(argv: list[str], deliver):
    parser = argparse.ArgumentParser(prog="packdesk")
    parser.add_argument("--db")
    add_commands(parser.add_subparsers(dest="command"))
    out, err = io.StringIO(), io.StringIO()
    code = run(parser.parse_args(argv), out, err, deliver=deliver)
    return code, out.getvalue(), err.getvalue()


def test_report_mail_sends_it_headless_in_each_routes_language(
        store, report_uow, credentials, tmp_path):
    def deliver(uow, codes):  # what main.py wires
        return AlertDelivery(uow, credentials, report_pdf=weekly_report_pdf(uow)).deliver(codes)

    with SmtpServer(tmp_path) as mail:
        report_route(report_uow, credentials, mail, code="lead", language="en")
        code, out, err = _cli(["--db", store.url, "report", "--week", "2026-W47", "--mail",
                               "--lang", "en"], deliver)
        assert (code, err) == (0, "")
        assert "The report for 2026-W47 is queued for route lead." in out
        assert "alerts: 1 sent, 0 failed" in out
        code, out, _ = _cli(["--db", store.url, "report", "--week", "2026-W47", "--mail",
                             "--lang", "zh_CN"], deliver)
        assert code == 0 and "2026-W47 的周报之前已排队发往路由 lead" in out
        [(_, _, message, _)] = mail.messages()
    assert message["Subject"] == "[Packdesk] Weekly report 2026-W47"
    name, text = pdf_text(message)
    assert name == "packdesk-report-2026-W47.pdf" and "Packdesk weekly report 2026-W47" in text


def test_no_report_route_is_a_clear_message(store, report_uow):
    code, _out, err = _cli(["--db", store.url, "report", "--week", "2026-W47", "--mail"], None)
    assert code == 2 and "No mail route gets the weekly report" in err


def test_an_alert_still_reaches_a_route_that_takes_both(report_uow, clock, credentials,
                                                        tmp_path):
    with SmtpServer(tmp_path) as mail:
        add_route(report_uow(), AlertRoute("both", "mail", "boss@shop.test",
                                           ["late", "weekly_report"],
                                           settings={"smtp_host": "127.0.0.1",
                                                     "smtp_port": mail.port,
                                                     "username": mail.username,
                                                     "ca_file": str(mail.cert_file)}))
        credentials.save("alert:both", "alert_mail", {"password": mail.password})
        clock.now = AFTER + timedelta(hours=8)  # 08:05 UTC, this route's zone
        late_orders(report_uow, "PD-900002")
        refresh_alerts(report_uow())
        queue_weekly_reports(report_uow())
        result = AlertDelivery(report_uow, credentials,
                               report_pdf=weekly_report_pdf(report_uow)).deliver()
        assert result.sent == 2, result
        subjects = sorted(m[2]["Subject"] for m in mail.messages())
    assert subjects == ["[Packdesk] Order late: PD-900002",
                        "[Packdesk] Weekly report 2026-W47"]
