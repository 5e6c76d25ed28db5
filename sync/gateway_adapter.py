"""What the adapters of the Chinese open platforms (Taobao, Pinduoduo, JD, Douyin) share:
one signed gateway, orders pulled backwards in time windows, the channel's carrier codes.

An adapter names its channel and its own defaults (how many orders a page holds, how long
a window is, how much windows overlap) and says the platform's limits in `check_limits`;
setting up the rest is done here, once.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sync.base import ChannelHttp, WindowRules
from sync.carrier_codes import CarrierCodes


class GatewayAdapter:
    channel: str
    default_page_size = 50
    default_window = timedelta(hours=6)
    default_overlap = timedelta(minutes=10)

    def __init__(self, credentials: Any, *, carriers: CarrierCodes | None = None,
                 page_size: int | None = None, window: timedelta | None = None,
                 overlap: timedelta | None = None, lag: timedelta = timedelta(minutes=3),
                 lookback: timedelta = timedelta(days=1), timeout_s: float = 20.0,
                 verify: bool | str = True) -> None:
        page_size = self.default_page_size if page_size is None else page_size
        window = self.default_window if window is None else window
        self.check_limits(page_size, window)
        self._credentials, self._page_size = credentials, page_size
        self._carriers = carriers or CarrierCodes(self.channel)
        self._rules = WindowRules(window, self.default_overlap if overlap is None else overlap,
                                  lag, lookback)
        self._http = ChannelHttp(self.channel, credentials.gateway_url, timeout_s=timeout_s,
                                 verify=verify)

    def check_limits(self, page_size: int, window: timedelta) -> None:
        """The platform's own limits on a page and a window: a ValueError in its words."""

    def close(self) -> None:
        self._http.close()
