"""The bench shows the ship-to as the label prints it: region codes as names (Shopify JP-13
is Tokyo, WooCommerce CN10 is 上海市), a Chinese address big to small. The bench's view and
the label's receiver come from the same formatter (app.domain.orders.Address.lines)."""

from __future__ import annotations

from app.domain.carriers import CarrierProfile
from app.domain.orders import Address, Order
from app.services.labels import completion_view
from app.services.views import order_view


def order(ship_to: Address, channel: str = "shopify") -> Order:
    return Order("PD-1", channel, "#1", ship_to.name, ship_to.phone, ship_to)


TOKYO = Address("Yuki Tanaka", "+81 3-1234-5678", "1-1 Chiyoda", "Chiyoda-ku", "", "JP-13",
                "100-0001", "JP")
SHANGHAI = Address("王芳", "13812345678", "张江路 100 号", "浦东新区", "上海", "CN10", "201203",
                   "CN")


def test_a_shopify_japanese_region_code_reads_tokyo_at_the_bench():
    lines = order_view(order(TOKYO)).ship_to_lines
    assert any("Tokyo" in line for line in lines)
    assert not any("JP-13" in line for line in lines)


def test_a_woo_china_region_code_reads_shanghai_at_the_bench_big_to_small():
    lines = order_view(order(SHANGHAI, "woocommerce")).ship_to_lines
    assert not any("CN10" in line for line in lines)
    text = "\n".join(lines)
    assert "上海市" in text and text.index("上海市") < text.index("张江路")


def test_the_bench_shows_the_lines_the_label_prints():
    for ship_to in (TOKYO, SHANGHAI):
        label = completion_view(order(ship_to), CarrierProfile("OWN", "Own fleet"), "Ann")
        view = order_view(order(ship_to))
        assert list(label.receiver.lines) == ship_to.lines()
        assert all(line in view.ship_to_lines for line in ship_to.lines())
