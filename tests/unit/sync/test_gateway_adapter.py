"""The four open-platform adapters set up through one GatewayAdapter (sync/gateway_adapter.py):
each keeps its own defaults and its platform's limits, and what is passed wins."""

from __future__ import annotations

from datetime import timedelta

import pytest

from sync.douyin import DouyinAdapter, DouyinCredentials
from sync.jd import JdAdapter, JdCredentials
from sync.pinduoduo import PddCredentials, PinduoduoAdapter
from sync.taobao import TaobaoAdapter, TaobaoCredentials

GATEWAY = "http://127.0.0.1:9/"
ADAPTERS = {
    "taobao": (TaobaoAdapter, TaobaoCredentials(GATEWAY, "k", "s", "t"), 50, timedelta(hours=6),
               timedelta(minutes=10)),
    "pinduoduo": (PinduoduoAdapter, PddCredentials(GATEWAY, "k", "s", "t"), 100,
                  timedelta(minutes=30), timedelta(minutes=5)),
    "jd": (JdAdapter, JdCredentials(GATEWAY, "k", "s", "t"), 50, timedelta(hours=6),
           timedelta(minutes=10)),
    "douyin": (DouyinAdapter, DouyinCredentials(GATEWAY, "k", "s", "t"), 100,
               timedelta(hours=6), timedelta(minutes=10)),
}


@pytest.mark.parametrize("name", ADAPTERS)
def test_each_adapter_keeps_its_own_defaults_and_what_is_passed_wins(name):
    adapter_class, credentials, page_size, window, overlap = ADAPTERS[name]
    adapter = adapter_class(credentials)
    try:
        assert adapter.channel == name and adapter._carriers.channel == name
        assert adapter._page_size == page_size
        assert (adapter._rules.window, adapter._rules.overlap) == (window, overlap)
        assert adapter._credentials is credentials
    finally:
        adapter.close()
    chosen = adapter_class(credentials, page_size=20, window=timedelta(minutes=10),
                           overlap=timedelta(minutes=1), lag=timedelta(minutes=2))
    try:
        assert chosen._page_size == 20
        assert (chosen._rules.window, chosen._rules.overlap, chosen._rules.lag) == (
            timedelta(minutes=10), timedelta(minutes=1), timedelta(minutes=2))
    finally:
        chosen.close()


@pytest.mark.parametrize(("name", "arguments", "words"), [
    ("taobao", {"window": timedelta(days=2)}, "at most one day"),
    ("pinduoduo", {"window": timedelta(hours=1)}, "at most 30 minutes"),
    ("jd", {"window": timedelta(days=31)}, "at most one month"),
    ("douyin", {"page_size": 0}, "1 to 100 orders"),
])
def test_each_platforms_limits_are_still_its_own(name, arguments, words):
    adapter_class, credentials, *_ = ADAPTERS[name]
    with pytest.raises(ValueError, match=words):
        adapter_class(credentials, **arguments)
