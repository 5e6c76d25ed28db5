"""Our carrier codes in each channel's own words, in one place.

A channel only accepts a shipment under its own name for the carrier: TOP's company codes,
Pinduoduo's logistics company `code` (whose numeric id pdd.logistics.companies.get gives),
JD's numeric logiCoprId, Douyin's company_code, Shopify's tracking-company names, and the
provider names of WooCommerce's Shipment Tracking. Our code is the carrier profile's code
(Settings → Carriers). A merchant can add or correct one per channel with a channel setting
`carrier.<OUR CODE>=<CHANNEL'S CODE>` (`packdesk channel add ... --set carrier.OWN=...`).

A code with no entry is an error naming the carrier and the channel, never a silent default:
a wrong company shows the buyer a tracking link to the wrong carrier.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.domain.messages import Msg
from sync.base import ChannelRejected

SETTING_PREFIX = "carrier."

# our code -> the channel's. Sources: TOP 物流公司编码 (taobao.logistics.companies.get
# `code`); Pinduoduo's pdd.logistics.companies.get `code`; JD's 商家后台 物流公司 ids
# (logiCoprId); Douyin's order.logisticsCompanyList `code`; Shopify's supported tracking
# companies; WooCommerce Shipment Tracking's provider names.
BUILT_IN = {  # dict[channel, dict[our code, the channel's code or name]]
    "taobao": {"SF": "SF", "ZTO": "ZTO", "YTO": "YTO", "STO": "STO", "YUNDA": "YUNDA",
               "EMS": "EMS", "POSTB": "POSTB", "JD": "JD", "JTSD": "JTSD", "DBKD": "DBKD",
               "HTKY": "HTKY", "UPS": "UPS", "FEDEX": "FEDEX", "DHL": "DHL"},
    "pinduoduo": {"SF": "SF", "ZTO": "ZTO", "YTO": "YTO", "STO": "STO", "YUNDA": "YUNDA",
                  "EMS": "EMS", "POSTB": "YZXB", "JD": "JD", "JTSD": "JTSD", "DBKD": "DEBANGWULIU",
                  "HTKY": "HT"},
    "jd": {"SF": "467", "ZTO": "1499", "YTO": "463", "STO": "470", "YUNDA": "1327",
           "EMS": "465", "POSTB": "2170"},
    "douyin": {"SF": "shunfeng", "ZTO": "zhongtong", "YTO": "yuantong", "STO": "shentong",
               "YUNDA": "yunda", "EMS": "ems", "POSTB": "youzhengguonei", "JD": "jd",
               "JTSD": "jtexpress", "DBKD": "debangkuaidi"},
    "shopify": {"SF": "SF Express", "UPS": "UPS", "USPS": "USPS", "FEDEX": "FedEx",
                "DHL": "DHL Express", "EMS": "China EMS (ePacket)", "POSTB": "China Post",
                "YUN": "YunExpress", "4PX": "4PX", "YANWEN": "Yanwen"},
    "woocommerce": {"SF": "SF Express", "UPS": "UPS", "USPS": "USPS", "FEDEX": "Fedex",
                    "DHL": "DHL US", "EMS": "EMS", "POSTB": "China Post"},
}
CHANNEL_NAMES = {"taobao": Msg("Taobao"), "pinduoduo": Msg("Pinduoduo"), "jd": Msg("JD"),
                 "douyin": Msg("Douyin"), "shopify": Msg("Shopify"),
                 "woocommerce": Msg("WooCommerce")}


class CarrierNotMapped(ChannelRejected):
    """Our carrier has no code at this channel; the message says how to add one."""

    def __init__(self, carrier: str, channel: str) -> None:
        self.carrier, self.channel = carrier, channel
        name = CHANNEL_NAMES.get(channel, channel)
        super().__init__(
            Msg("{channel}: carrier {carrier!r} has no {name} company code, so the shipment was not sent; set one on the channel (packdesk channel add ... --set {setting_prefix}{carrier}=<{name}'s code>) and send the message again",
                channel=channel, carrier=carrier, name=name, setting_prefix=SETTING_PREFIX))


class CarrierCodes:
    """One channel's table: the built-in codes with the channel's own settings over them."""

    def __init__(self, channel: str, settings: Mapping[str, object] | None = None) -> None:
        self.channel = channel
        self._own = {key[len(SETTING_PREFIX):].strip().upper(): str(value).strip()
                     for key, value in (settings or {}).items()
                     if key.startswith(SETTING_PREFIX) and str(value).strip()}
        self._table = {**BUILT_IN.get(channel, {}), **self._own}

    def code_for(self, carrier: str) -> str:
        """The channel's code for our carrier, or CarrierNotMapped."""
        found = self._table.get((carrier or "").strip().upper())
        if not found:
            raise CarrierNotMapped(carrier, self.channel)
        return found

    def ours(self, channel_code: str) -> str:
        """Our code for a carrier the channel names (an order shipped there), or the
        channel's own code when we have none for it; the merchant's own settings first."""
        wanted = str(channel_code or "").strip()
        for ours, theirs in [*self._own.items(), *self._table.items()]:
            if theirs == wanted:
                return ours
        return wanted
