"""Group robots as their platforms document them: a DingTalk custom robot and a WeCom group robot.

Written from the platforms' documentation, not from Packdesk (nothing here imports it):

DingTalk custom robot (自定义机器人), POST /robot/send?access_token=T with JSON:
- security 加签: the query has `timestamp` (ms, within an hour of the server's clock) and
  `sign` = urlencode(base64(HmacSHA256(key=secret, msg=timestamp + "\\n" + secret)));
- security 自定义关键词: the message must contain one of the robot's keywords;
- a failed check answers {"errcode": 310000, "errmsg": "...keywords not in content" |
  "sign not match" | "invalid timestamp"}; a robot takes 20 messages a minute, then
  {"errcode": 130101, "errmsg": "send too fast, exceed 20 times per minute"};
- msgtype text {"text": {"content"}} or markdown {"markdown": {"title", "text"}}.

WeCom group robot (群机器人), POST /cgi-bin/webhook/send?key=K with JSON msgtype markdown
{"markdown": {"content"}} (at most 4096 bytes); a wrong key answers errcode 93000 "invalid
webhook url"; too many messages errcode 45009 "api freq out of limit" (here on a switch).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import threading
import time
from collections import deque

from tests.channel_servers.base import ChannelServer, Reply, Request

DING_RATE_PER_MINUTE = 20
DING_TIMESTAMP_SKEW_MS = 3600 * 1000


def ding_signature(timestamp: str, secret: str) -> str:
    """The documented 加签 (before URL encoding)."""
    string_to_sign = f"{timestamp}\n{secret}".encode()
    mac = hmac.new(secret.encode(), string_to_sign, digestmod=hashlib.sha256)
    return base64.b64encode(mac.digest()).decode()


class _Forced:
    """The next `count` requests answer `errcode` (a switch the test flips)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.queue: deque[tuple[int, str]] = deque()

    def push(self, errcode: int, errmsg: str, count: int) -> None:
        with self.lock:
            self.queue.extend([(errcode, errmsg)] * count)

    def take(self) -> tuple[int, str] | None:
        with self.lock:
            return self.queue.popleft() if self.queue else None


class DingTalkRobotServer(ChannelServer):
    def __init__(self, access_token: str = "ding-token", secret: str = "",
                 keywords: tuple[str, ...] = (), clock=time.time) -> None:
        super().__init__()
        self.access_token, self.secret, self.keywords = access_token, secret, keywords
        self.clock = clock
        self.sent_at: deque[float] = deque()
        self.forced = _Forced()
        self.answers: list[int] = []  # every errcode answered, in order

    @property
    def webhook(self) -> str:
        return f"{self.url}/robot/send?access_token={self.access_token}"

    def force(self, errcode: int, errmsg: str = "", count: int = 1) -> None:
        self.forced.push(errcode, errmsg, count)

    def messages(self) -> list[dict]:
        with self.lock:
            return [dict(a) for a in self.applied if a["op"] == "message"]

    def handle(self, request: Request) -> Reply:
        code, message = self._check(request)
        with self.lock:
            self.answers.append(code)
        return Reply.json({"errcode": code, "errmsg": message})

    def _check(self, request: Request) -> tuple[int, str]:
        if request.method != "POST" or request.path != "/robot/send":
            return 404, "not found"
        if request.query.get("access_token") != self.access_token:
            return 300001, "token is not exist"
        forced = self.forced.take()
        if forced is not None:
            return forced
        if self.secret:
            refused = self._signature(request.query)
            if refused:
                return 310000, refused
        try:
            body = request.json()
            content = _ding_content(body)
        except (ValueError, KeyError, TypeError, AttributeError):
            return 40035, "缺少参数 json"
        if self.keywords and not any(k in content for k in self.keywords):
            return 310000, "关键词不匹配 keywords not in content"
        if not self._within_rate():
            return 130101, "send too fast, exceed 20 times per minute"
        self.record(op="message", msgtype=body["msgtype"], content=content,
                    title=body.get("markdown", {}).get("title", ""),
                    timestamp=request.query.get("timestamp", ""),
                    sign=request.query.get("sign", ""))
        return 0, "ok"

    def _signature(self, query: dict[str, str]) -> str:
        timestamp, sign = query.get("timestamp", ""), query.get("sign", "")
        if not timestamp.isdigit() or \
                abs(int(timestamp) - self.clock() * 1000) > DING_TIMESTAMP_SKEW_MS:
            return "invalid timestamp"
        if not hmac.compare_digest(sign, ding_signature(timestamp, self.secret)):
            return "sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]"
        return ""

    def _within_rate(self) -> bool:
        now = self.clock()
        with self.lock:
            while self.sent_at and now - self.sent_at[0] >= 60:
                self.sent_at.popleft()
            if len(self.sent_at) >= DING_RATE_PER_MINUTE:
                return False
            self.sent_at.append(now)
            return True


def _ding_content(body: dict) -> str:
    if body["msgtype"] == "text":
        content = body["text"]["content"]
    elif body["msgtype"] == "markdown":
        if not body["markdown"]["title"]:
            raise ValueError("markdown needs a title")
        content = body["markdown"]["text"]
    else:
        raise ValueError(f"msgtype {body['msgtype']} not served here")
    if not isinstance(content, str) or not content:
        raise ValueError("empty content")
    return content


class WeComRobotServer(ChannelServer):
    def __init__(self, key: str = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa") -> None:
        super().__init__()
        self.key = key
        self.forced = _Forced()
        self.answers: list[int] = []

    @property
    def webhook(self) -> str:
        return f"{self.url}/cgi-bin/webhook/send?key={self.key}"

    def force(self, errcode: int, errmsg: str = "", count: int = 1) -> None:
        self.forced.push(errcode, errmsg, count)

    def rate_limit(self, count: int = 1) -> None:
        self.force(45009, "api freq out of limit", count)

    def messages(self) -> list[dict]:
        with self.lock:
            return [dict(a) for a in self.applied if a["op"] == "message"]

    def handle(self, request: Request) -> Reply:
        code, message = self._check(request)
        with self.lock:
            self.answers.append(code)
        return Reply.json({"errcode": code, "errmsg": message})

    def _check(self, request: Request) -> tuple[int, str]:
        if request.method != "POST" or request.path != "/cgi-bin/webhook/send":
            return 404, "not found"
        if request.query.get("key") != self.key:
            return 93000, "invalid webhook url, hint: [1700000000_1_abc]"
        forced = self.forced.take()
        if forced is not None:
            return forced
        try:
            body = request.json()
            content = body["markdown"]["content"] if body["msgtype"] == "markdown" \
                else body["text"]["content"]
        except (ValueError, KeyError, TypeError):
            return 40008, "invalid message type"
        if not isinstance(content, str) or not content:
            return 44004, "empty content"
        if len(content.encode()) > 4096:
            return 40058, "markdown.content exceed max length 4096"
        self.record(op="message", msgtype=body["msgtype"], content=content)
        return 0, "ok"
