"""A masked receiver is decrypted for printing by the one rule of Order.receiver_masked:
a Taobao order carried by its oaid, with empty receiver fields (no `*` to see), is one."""

from __future__ import annotations

from datetime import UTC, datetime

from app.domain.carriers import CarrierProfile
from app.domain.orders import Address, Order, OrderLine, OrderStatus
from app.services.labels import completion_view
from app.services.receiver_reveal import PlainReceiver, reveal_for_print

AT = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
PLAIN = PlainReceiver("王建国", "13800138000", "科技园路1号", city="深圳市", region="广东省",
                      postcode="518000")


def _packed(name: str, phone: str, line1: str, oaid: str) -> Order:
    order = Order("PD-7", "taobao", "3954001", name, phone,
                  Address(name, phone, line1, "", "深圳市", "广东省", "518000", "CN"),
                  [OrderLine("SKU-1", "杯子", 1, 1000, 1)], tracking_number="ZT1",
                  carrier="ZTO", receiver_oaid=oaid)
    order.transition(OrderStatus.PACKING, "ann", AT)
    order.transition(OrderStatus.PACKED, "ann", AT)
    return order


class Platform:
    """The channel's decrypt call as the printing path sees it: who was asked for what."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []

    def __call__(self, channel: str, channel_order_id: str) -> PlainReceiver:
        self.asked.append((channel, channel_order_id))
        return PLAIN


def _printed(order: Order, platform: Platform):
    completion = completion_view(order, CarrierProfile("ZTO", "中通快递"), "ann")
    return completion, reveal_for_print(completion, platform)


def test_an_order_carried_by_its_oaid_with_empty_receiver_fields_is_decrypted():
    order = _packed("", "", "", oaid="1FBBCZ7AbCdEfG")
    assert order.receiver_masked
    platform = Platform()
    completion, shown = _printed(order, platform)
    assert platform.asked == [("taobao", "3954001")]
    assert shown.receiver.name == "王建国" and shown.ship_to_fields["phone"] == "13800138000"
    assert completion.receiver.name == ""  # what the store holds is not changed


def test_a_receiver_masked_with_stars_is_decrypted_and_a_plain_one_is_not_asked():
    platform = Platform()
    _, shown = _printed(_packed("屈**", "1389289****", "科技园*****", oaid=""), platform)
    assert shown.receiver.name == "王建国" and len(platform.asked) == 1
    plain = _packed("李雷", "13900139000", "科技园路2号", oaid="")
    completion, shown = _printed(plain, platform)
    assert shown is completion and len(platform.asked) == 1
