"""What the Chinese marketplaces' open platforms share: the secret-wrapped md5 signature,
one way of sorting their error codes into the sync's error classes, and masked receivers.

TOP, Pinduoduo and JD sign alike: every parameter but `sign` sorted by name, each name and
value joined with nothing between, the secret before and after, md5, upper-case hex.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.messages import Msg
from sync.base import ChannelRejected, ChannelUnavailable, RateLimited
from sync.model import Fulfilment

_MASK = re.compile(r"\*")
# words the platforms use for a busy or failing service, and for a call limit, when the
# code alone does not tell (a gateway's generic "service error" code with its sub_msg)
_BUSY_WORDS = re.compile(r"系统繁忙|服务繁忙|稍后重试|请重试|超时|服务不可用|system busy|"
                         r"service unavailable|timeout|timed out|try again", re.I)
_LIMIT_WORDS = re.compile(r"频繁|限流|流控|frequency|rate limit|call limit", re.I)


def md5_wrapped(params: Mapping[str, object], secret: str) -> str:
    """upper(md5(secret + k1v1k2v2... + secret)), names sorted, empty values left out."""
    joined = "".join(f"{name}{value}" for name, value in sorted(params.items())
                     if name != "sign" and name and value is not None and value != "")
    return hashlib.md5(f"{secret}{joined}{secret}".encode()).hexdigest().upper()


class PlatformRejected(ChannelRejected):
    """The platform refused the call for good; `code` and `sub_code` are its own."""

    def __init__(self, message: str, code: str, sub_code: str = "") -> None:
        self.code, self.sub_code = code, sub_code
        super().__init__(message)


class AuthorisationExpired(PlatformRejected):
    """The shop's access token expired or was revoked: a person must authorise again."""


@dataclass(frozen=True)
class ErrorCodes:
    """One platform's codes, each class as its documentation means it."""

    rate_limited: Mapping[str, float]  # code -> seconds to wait
    temporary: frozenset[str]
    authorisation: frozenset[str]
    how_to_authorise: str


def raise_platform_error(channel: str, api: str, codes: ErrorCodes, code: str,
                         sub_code: str, message: str, limit_window_s: float | None = None
                         ) -> None:
    """Raise the error class the platform means; codes it does not list fall back on the
    words of its message (busy, limit), else the call was refused for good.
    `limit_window_s` is the API's own limiter window, when the platform publishes one."""
    detail = " / ".join(filter(None, [code, sub_code, message]))
    if code in codes.rate_limited or sub_code in codes.rate_limited:
        wait = limit_window_s or codes.rate_limited.get(code,
                                                        codes.rate_limited.get(sub_code, 1.0))
        raise RateLimited(wait, Msg("{channel}: {api} call limit reached ({detail})",
                                    channel=channel, api=api, detail=detail))
    if code in codes.temporary or sub_code in codes.temporary:
        raise ChannelUnavailable(Msg("{channel}: {api} platform busy or failing ({detail})",
                                     channel=channel, api=api, detail=detail))
    if code in codes.authorisation or sub_code in codes.authorisation:
        raise AuthorisationExpired(
            Msg("{channel}: the shop's authorisation was refused for {api} ({detail}); {how_to_authorise}",
                channel=channel, api=api, detail=detail, how_to_authorise=codes.how_to_authorise), code, sub_code)
    if _LIMIT_WORDS.search(message):
        raise RateLimited(limit_window_s or 1.0, Msg("{channel}: {api} call limit reached ({detail})",
                                                     channel=channel, api=api, detail=detail))
    if _BUSY_WORDS.search(message):
        raise ChannelUnavailable(Msg("{channel}: {api} platform busy or failing ({detail})",
                                     channel=channel, api=api, detail=detail))
    raise PlatformRejected(Msg("{channel}: {api} refused ({detail})",
                               channel=channel, api=api, detail=detail), code, sub_code)


def refuse_part_shipment(channel: str, platform: str, fulfilment: Fulfilment) -> None:
    """The shipping call ships the whole order: a parcel with part of it is for a person
    (the platform's merchant backend splits shipments), never sent as the whole order."""
    if fulfilment.lines:
        raise ChannelRejected(
            Msg("{channel}: order {channel_order_id} left in part (tracking {tracking_number}); {platform}'s shipping call ships whole orders, so record this parcel in the {platform} merchant backend",
                channel=channel, channel_order_id=fulfilment.channel_order_id, tracking_number=fulfilment.tracking_number, platform=platform))


def is_masked(*values: str) -> bool:
    """The platforms mask a receiver for software vendors with asterisks: 张**, 138****0000."""
    return any(_MASK.search(value or "") for value in values)
