"""Taobao Open Platform (TOP) plumbing: request signing and the error envelope."""

from __future__ import annotations

import hashlib
import hmac
import re
from datetime import datetime
from typing import Any

from sync.base import ChannelDataError, ChannelRejected, ChannelUnavailable, RateLimited
from sync.fields import CHINA_TIME, text

SIGN_METHODS = ("md5", "hmac", "hmac-sha256")
_BAN = re.compile(r"ban will last for (\d+) more seconds")


def sign(params: dict[str, str], secret: str, method: str) -> str:
    """TOP's signature: sorted key+value pairs, md5 wrapped in the secret, or HMAC keyed by it."""
    joined = "".join(f"{k}{v}" for k, v in sorted(params.items())
                     if k != "sign" and k and v != "")
    if method == "md5":
        return hashlib.md5(f"{secret}{joined}{secret}".encode()).hexdigest().upper()
    digest = hashlib.md5 if method == "hmac" else hashlib.sha256
    if method not in SIGN_METHODS:
        raise ValueError(f"taobao: sign method {method!r} is not one of {SIGN_METHODS}")
    return hmac.new(secret.encode(), joined.encode(), digest).hexdigest().upper()


def timestamp(moment: datetime) -> str:
    """TOP wants 'yyyy-MM-dd HH:mm:ss' in Beijing time."""
    return moment.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M:%S")


def response_key(api_method: str) -> str:
    """taobao.trade.fullinfo.get answers under trade_fullinfo_get_response."""
    return api_method.removeprefix("taobao.").replace(".", "_") + "_response"


def unwrap(api_method: str, body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise ChannelDataError(f"taobao: {api_method} answered with a JSON "
                               f"{type(body).__name__}, not an object")
    if "error_response" in body:
        raise_error(api_method, body["error_response"] or {})
    payload = body.get(response_key(api_method))
    if not isinstance(payload, dict):
        raise ChannelDataError(f"taobao: {api_method} answer has no {response_key(api_method)}")
    return payload


def raise_error(api_method: str, error: dict[str, Any]) -> None:
    code, sub_code = text(error.get("code")), text(error.get("sub_code"))
    detail = " / ".join(filter(None, [text(error.get("msg")), sub_code,
                                      text(error.get("sub_msg"))]))
    if code == "7" or sub_code.startswith("accesscontrol.limited"):
        ban = _BAN.search(text(error.get("sub_msg")))
        raise RateLimited(float(ban.group(1)) if ban else 1.0,
                          f"taobao: {api_method} call limit reached ({detail})")
    if code == "15" and sub_code.startswith("isp."):
        raise ChannelUnavailable(f"taobao: {api_method} platform error ({detail})")
    if code in ("25", "26", "27", "28", "29", "11"):
        raise ChannelRejected(f"taobao: credentials refused for {api_method} ({detail})")
    raise ChannelRejected(f"taobao: {api_method} refused (code {code}: {detail})")
