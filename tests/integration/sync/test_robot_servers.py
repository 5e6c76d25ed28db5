"""The robot test servers themselves enforce what the platforms document, checked with a plain
HTTP client and a signature vector computed apart from any Python code (openssl), so the
delivery tests that use them prove something."""

from __future__ import annotations

import base64
import hashlib
import hmac
import smtplib
import ssl
import time
import urllib.parse

import httpx
import pytest

from tests.channel_servers.robot_servers import (
    DingTalkRobotServer,
    WeComRobotServer,
    ding_signature,
)
from tests.channel_servers.smtp_server import SmtpServer

# printf '%s\n%s' 1577262236757 SECabc123 | openssl dgst -sha256 -hmac SECabc123 -binary | base64
OPENSSL_VECTOR = ("1577262236757", "SECabc123", "sP2tUmwYDrLqnFjDuYnBJi0Od0TLi424Z2c6qlTmCao=")


def test_the_servers_signature_matches_a_vector_made_by_openssl():
    timestamp, secret, expected = OPENSSL_VECTOR
    assert ding_signature(timestamp, secret) == expected


def _post(server: DingTalkRobotServer, body: dict, secret: str = "", stamp: int | None = None,
          sign: str | None = None) -> dict:
    query = f"access_token={server.access_token}"
    if secret:
        stamp = stamp if stamp is not None else int(time.time() * 1000)
        mac = hmac.new(secret.encode(), f"{stamp}\n{secret}".encode(), hashlib.sha256)
        sign = sign or base64.b64encode(mac.digest()).decode()
        query += f"&timestamp={stamp}&sign={urllib.parse.quote_plus(sign)}"
    return httpx.post(f"{server.url}/robot/send?{query}", json=body).json()


TEXT = {"msgtype": "text", "text": {"content": "Packdesk: order PD-1 is late"}}


def test_dingtalk_checks_the_sign_the_timestamp_and_the_keyword():
    with DingTalkRobotServer(secret="SECsecret", keywords=("Packdesk",)) as robot:
        assert _post(robot, TEXT, "SECsecret")["errcode"] == 0
        bad = _post(robot, TEXT, "SECother")
        assert bad["errcode"] == 310000 and "sign not match" in bad["errmsg"]
        stale = _post(robot, TEXT, "SECsecret", stamp=int(time.time() * 1000) - 2 * 3600_000)
        assert stale == {"errcode": 310000, "errmsg": "invalid timestamp"}
        unsigned = httpx.post(robot.webhook, json=TEXT).json()
        assert unsigned["errcode"] == 310000
        no_keyword = _post(robot, {"msgtype": "text", "text": {"content": "late"}}, "SECsecret")
        assert no_keyword["errcode"] == 310000 and "keywords not in content" in no_keyword["errmsg"]
        wrong_token = httpx.post(f"{robot.url}/robot/send?access_token=x", json=TEXT).json()
        assert wrong_token["errcode"] == 300001
        assert len(robot.messages()) == 1


def test_dingtalk_takes_twenty_messages_a_minute_then_says_send_too_fast():
    now = [1_000.0]
    with DingTalkRobotServer(clock=lambda: now[0]) as robot:
        codes = [_post(robot, TEXT)["errcode"] for _ in range(21)]
        assert codes == [0] * 20 + [130101]
        now[0] += 60
        assert _post(robot, TEXT)["errcode"] == 0


def test_wecom_checks_the_key_and_the_markdown():
    with WeComRobotServer() as robot:
        body = {"msgtype": "markdown", "markdown": {"content": "**late**"}}
        assert httpx.post(robot.webhook, json=body).json()["errcode"] == 0
        wrong = httpx.post(f"{robot.url}/cgi-bin/webhook/send?key=nope", json=body).json()
        assert wrong["errcode"] == 93000
        long = {"msgtype": "markdown", "markdown": {"content": "x" * 4097}}
        assert httpx.post(robot.webhook, json=long).json()["errcode"] == 40058
        robot.rate_limit()
        assert httpx.post(robot.webhook, json=body).json()["errcode"] == 45009
        assert len(robot.messages()) == 1


def test_the_mail_server_wants_starttls_before_the_login(tmp_path):
    with SmtpServer(tmp_path) as mail:
        with smtplib.SMTP("127.0.0.1", mail.port, timeout=10) as plain:
            plain.ehlo()
            with pytest.raises(smtplib.SMTPException):
                plain.login(mail.username, mail.password)
        context = ssl.create_default_context(cafile=str(mail.cert_file))
        with smtplib.SMTP("127.0.0.1", mail.port, timeout=10) as smtp:
            smtp.starttls(context=context)
            with pytest.raises(smtplib.SMTPAuthenticationError):
                smtp.login(mail.username, "wrong")
        with smtplib.SMTP("127.0.0.1", mail.port, timeout=10) as smtp:
            smtp.starttls(context=context)
            smtp.login(mail.username, mail.password)
            smtp.sendmail("a@shop.test", ["b@shop.test"], b"Subject: hi\r\n\r\nhello\r\n")
        [(sender, rcpt, message, tls)] = mail.messages()
        assert (sender, rcpt, message["Subject"], tls) == ("a@shop.test", ["b@shop.test"],
                                                          "hi", True)
