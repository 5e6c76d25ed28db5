"""The marketplace's decrypt call, behind the merchant's per-channel permission.

`packdesk channel add CODE --kind pinduoduo ... --set receiver_decrypt=granted` says the
merchant's app holds the platform's decrypt permission (Pinduoduo pdd.open.decrypt.batch,
Douyin order.batchDecrypt, Taobao taobao.top.oaid.decrypt, JD jingdong.jos.order.oaid.decrypt).
Without that setting the platform is never asked. With it, a label or slip being printed
asks the channel's adapter for the one order's plain receiver; it is handed to the renderer
in memory and dropped. A refusal or an outage prints what the store holds (masked).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from app.domain.errors import NotFound
from app.services.channel_stock import ChannelView, get_channel
from app.services.receiver_reveal import PlainReceiver
from sync.base import ChannelAdapter, ChannelError
from sync.credentials import CredentialsMissing

log = logging.getLogger(__name__)

SETTING = "receiver_decrypt"
GRANTED = frozenset({"granted", "yes", "true", "1"})


def decrypt_permitted(settings: dict) -> bool:
    return str(settings.get(SETTING, "")).strip().lower() in GRANTED


class ChannelReceiverReveal:
    """reveal(channel_code, channel_order_id) -> the plain receiver, or None.

    `channel_of` reads the channel's settings (a unit of work per call, on the caller's
    worker); `build` makes its adapter (sync.runner.adapter_factory)."""

    def __init__(self, channel_of: Callable[[str], ChannelView],
                 build: Callable[[ChannelView], ChannelAdapter]) -> None:
        self._channel_of, self._build = channel_of, build

    @classmethod
    def from_store(cls, uow_factory: Callable, build: Callable[[ChannelView], ChannelAdapter]
                   ) -> ChannelReceiverReveal:
        return cls(lambda code: get_channel(uow_factory(), code), build)

    def __call__(self, channel: str, channel_order_id: str) -> PlainReceiver | None:
        try:
            view = self._channel_of(channel)
        except NotFound:  # no such channel (a CSV import's code): nothing to decrypt with
            return None
        if not decrypt_permitted(view.settings):
            return None
        try:
            adapter = self._build(view)
        except CredentialsMissing as exc:
            log.warning("channel %s cannot decrypt a receiver: %s", channel, exc)
            return None
        try:
            reveal = getattr(adapter, "reveal_receiver", None)
            if reveal is None:
                return None
            return reveal(channel_order_id)
        except ChannelError as exc:
            # the reason only: the exception never carries the receiver
            log.warning("channel %s did not decrypt the receiver of %s: %s", channel,
                        channel_order_id, exc)
            return None
        finally:
            adapter.close()
