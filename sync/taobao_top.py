"""Taobao Open Platform (TOP) plumbing: request signing and the error envelope."""

from __future__ import annotations

import hashlib
import hmac
import re
from datetime import datetime
from typing import Any

from app.domain.messages import Msg
from sync.base import ChannelDataError, ChannelRejected, ChannelUnavailable, RateLimited
from sync.cn_open import md5_wrapped
from sync.fields import CHINA_TIME, text

SIGN_METHODS = ("md5", "hmac", "hmac-sha256")
_BAN = re.compile(r"ban will last for (\d+) more seconds")
_AGAIN_IN = re.compile(r"again in (\d+) minutes?")
# TOP's platform error codes: 4 user, 5 session, 6 partner, 7 app call limits, 8 app call
# frequency; each ban's sub_msg says "This ban will last for N more seconds".
CALL_LIMITS = frozenset({"4", "5", "6", "7", "8"})
UNAVAILABLE = frozenset({"10"})  # Service Currently Unavailable
CREDENTIALS = frozenset({"25", "26", "27", "28", "29", "11"})
# isv.* sub-codes that are a busy service, not a refusal, with the wait TOP asks for
BUSY = {"isv.trade-service-rejection": 180.0}
ALREADY_CONSIGNED = "isv.logistics-offline-service-error:B04"


class TopRejected(ChannelRejected):
    """TOP refused the call for good; its code and sub_code say why."""

    def __init__(self, message: str, code: str, sub_code: str) -> None:
        self.code, self.sub_code = code, sub_code
        super().__init__(message)


def sign(params: dict[str, str], secret: str, method: str) -> str:
    """TOP's signature: sorted key+value pairs, md5 wrapped in the secret, or HMAC keyed by it."""
    joined = "".join(f"{k}{v}" for k, v in sorted(params.items())
                     if k != "sign" and k and v != "")
    if method == "md5":
        return md5_wrapped(params, secret)  # as Pinduoduo and JD sign too
    digest = hashlib.md5 if method == "hmac" else hashlib.sha256
    if method not in SIGN_METHODS:
        raise ValueError(Msg("taobao: sign method {method!r} is not one of {sign_methods}",
                             method=method, sign_methods=SIGN_METHODS))
    return hmac.new(secret.encode(), joined.encode(), digest).hexdigest().upper()


def timestamp(moment: datetime) -> str:
    """TOP wants 'yyyy-MM-dd HH:mm:ss' in Beijing time."""
    return moment.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M:%S")


def response_key(api_method: str) -> str:
    """taobao.trade.fullinfo.get answers under trade_fullinfo_get_response."""
    return api_method.removeprefix("taobao.").replace(".", "_") + "_response"


def unwrap(api_method: str, body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise ChannelDataError(Msg("taobao: {api_method} answered with a JSON {name}, not an object",
                                   api_method=api_method, name=type(body).__name__))
    if "error_response" in body:
        raise_error(api_method, body["error_response"] or {})
    payload = body.get(response_key(api_method))
    if not isinstance(payload, dict):
        raise ChannelDataError(Msg("taobao: {api_method} answer has no {response_key}",
                                   api_method=api_method, response_key=response_key(api_method)))
    return payload


def raise_error(api_method: str, error: dict[str, Any]) -> None:
    """TOP's error_response as the channel errors the sync understands.

    TOP's error-code page: codes below 100 (but 15, 40, 41) are platform errors about the
    call; a sub_code starting `isp.` is TOP's own trouble, to be retried after a while,
    whatever the code (15, 520 ...); `isv.` sub-codes are the request's fault, except the
    busy-service rejections in BUSY. Call limits and busy services say how long to wait.
    """
    code, sub_code = text(error.get("code")), text(error.get("sub_code"))
    messages = f"{text(error.get('msg'))} {text(error.get('sub_msg'))}"
    detail = " / ".join(filter(None, [text(error.get("msg")), sub_code,
                                      text(error.get("sub_msg"))]))
    if code in CALL_LIMITS or sub_code.startswith("accesscontrol.limited"):
        ban = _BAN.search(messages)
        raise RateLimited(float(ban.group(1)) if ban else 1.0,
                          Msg("taobao: {api_method} call limit reached (code {code}: {detail})",
                              api_method=api_method, code=code, detail=detail))
    if code in UNAVAILABLE or sub_code.startswith("isp."):
        raise ChannelUnavailable(Msg("taobao: {api_method} platform error (code {code}: {detail})",
                                     api_method=api_method, code=code, detail=detail))
    if sub_code in BUSY:
        again = _AGAIN_IN.search(messages)
        raise RateLimited(60.0 * float(again.group(1)) if again else BUSY[sub_code],
                          Msg("taobao: {api_method} busy, try again later (code {code}: {detail})",
                              api_method=api_method, code=code, detail=detail))
    if code in CREDENTIALS:
        raise TopRejected(Msg("taobao: credentials refused for {api_method} ({detail})",
                              api_method=api_method, detail=detail),
                          code, sub_code)
    raise TopRejected(Msg("taobao: {api_method} refused (code {code}: {detail})",
                          api_method=api_method, code=code, detail=detail), code, sub_code)
