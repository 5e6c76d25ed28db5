"""A demo store: about 50 products and 200 orders, so a newcomer can pack right away.

Names and addresses mix Chinese, Japanese and accented Latin text on purpose: labels,
the bench and the board must show them all. Everything is seeded, so two demo stores
made with the same seed are the same.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app.domain.barcodes import gtin_check_digit
from app.domain.carriers import CarrierProfile
from app.domain.orders import Address, Order, OrderLine, OrderStatus
from app.domain.people import Packer, Role, hash_pin
from app.domain.products import Product
from app.domain.stock import StockItem
from app.services.unit_of_work import UnitOfWork

DEMO_PACKERS = (("Ann", "1234", Role.PACKER), ("Li Wei", "2468", Role.PACKER),
                ("Sam", "9999", Role.SUPERVISOR))
CHANNELS = ("shopify", "woocommerce", "taobao", "pinduoduo", "douyin", "csv")

_GOODS = [
    ("TEA", "Oolong tea 100g", "乌龙茶 100g", 120), ("CUP", "Celadon tea cup", "青瓷茶杯", 180),
    ("POT", "Yixing teapot", "宜兴紫砂壶", 650), ("MAT", "Bamboo tea mat", "竹茶席", 90),
    ("SCF", "Silk scarf", "真丝围巾", 60), ("FAN", "Folding fan", "折扇", 80),
    ("CHP", "Ebony chopsticks (5 pairs)", "乌木筷子", 150), ("BWL", "Rice bowl", "饭碗", 300),
    ("INK", "Calligraphy ink", "墨汁", 250), ("BRS", "Brush set", "毛笔套装", 200),
    ("NTB", "Linen notebook", "亚麻笔记本", 320), ("PEN", "Fountain pen", "钢笔", 40),
    ("CBL", "USB-C cable 1m", "USB-C 数据线", 30), ("PWR", "Power bank 10000mAh", "充电宝", 210),
    ("EAR", "Wireless earbuds", "无线耳机", 90), ("SOC", "Wool socks", "羊毛袜", 70),
    ("CAP", "Cotton cap", "棉帽", 110), ("BAG", "Canvas tote bag", "帆布袋", 240),
]
_SIZES = ("", " S", " M", " L")

_PEOPLE = [
    ("王小明", "上海市", "黄浦区南京东路 100 号 5 楼", "200001", "CN", "138 0013 8000"),
    ("李娜", "北京市", "朝阳区建国路 88 号 SOHO 现代城 2 号楼 1203 室", "100022", "CN", "139 1000 2000"),
    ("陈静", "广州市", "天河区体育西路 191 号", "510620", "CN", "137 2222 3333"),
    ("张伟", "杭州市", "西湖区文三路 478 号华星时代广场", "310012", "CN", "135 8888 6666"),
    ("山田太郎", "東京都", "渋谷区道玄坂 1-2-3 渋谷マークシティ 10F", "150-0043", "JP", "+81 3 1234 5678"),
    ("佐藤花子", "大阪府", "大阪市北区梅田 3-1-1", "530-0001", "JP", "+81 6 8765 4321"),
    ("Zoë Lefèvre", "Paris", "12 rue de l'Église, Bât. B", "75015", "FR", "+33 1 42 68 53 00"),
    ("José Muñoz", "Sevilla", "Calle San Fernando 4, 2º izq.", "41004", "ES", "+34 954 12 34 56"),
    ("Jürgen Weiß", "München", "Marienplatz 8", "80331", "DE", "+49 89 233 00"),
    ("Søren Kierkegård", "København", "Nørregade 10", "1165", "DK", "+45 33 12 34 56"),
    ("Emma Johnson", "Portland, OR", "742 Evergreen Terrace Apt 3", "97201", "US", "+1 503 555 0100"),
    ("김민준", "서울특별시", "강남구 테헤란로 152", "06236", "KR", "+82 2 1234 5678"),
]


@dataclass(frozen=True)
class DemoSummary:
    products: int
    orders: int
    packers: tuple[tuple[str, str, str], ...]


def _ean13(rng: random.Random) -> str:
    body = "690" + "".join(rng.choice("0123456789") for _ in range(9))
    return body + str(gtin_check_digit(body))


def _upca(rng: random.Random) -> str:
    body = "0" + "".join(rng.choice("0123456789") for _ in range(10))
    return body + str(gtin_check_digit(body))


def demo_products(rng: random.Random, count: int = 50) -> list[Product]:
    catalogue = []
    for index in range(count):
        code, english, chinese, weight = _GOODS[index % len(_GOODS)]
        size = _SIZES[(index // len(_GOODS)) % len(_SIZES)]
        sku = f"{code}-{index + 1:03d}"
        product = Product(sku=sku, name=f"{english}{size} / {chinese}", weight_g=weight,
                          must_scan=code in ("PWR", "EAR"), category=code.lower(),
                          bin_location=f"{chr(65 + index % 6)}-{index % 12 + 1:02d}-{index % 4 + 1}")
        item_code = _upca(rng) if index % 7 == 3 else _ean13(rng)
        product.add_barcode(item_code)
        if index % 5 == 0:  # a case of 6 carries its own GTIN-14 (indicator digit 1)
            body = "1" + item_code.zfill(13)[:12]
            product.add_barcode(body + str(gtin_check_digit(body)), pack_quantity=6, kind="case")
        catalogue.append(product)
    return catalogue


def _demo_order(rng: random.Random, index: int, catalogue: list[Product],
                placed: datetime) -> Order:
    name, city, street, postcode, country, phone = rng.choice(_PEOPLE)
    channel = CHANNELS[index % len(CHANNELS)]
    lines = []
    for product in rng.sample(catalogue, rng.choice((1, 1, 2, 2, 3, 4))):
        lines.append(OrderLine(product.sku, product.name, rng.choice((1, 1, 1, 2, 3)),
                               rng.randrange(500, 20000), bin_location=product.bin_location))
    channel_id = {"shopify": f"#{1000 + index}", "taobao": str(3500000000000000 + index * 7919),
                  "pinduoduo": f"241122-{index:012d}", "douyin": str(6900000000000000000 + index),
                  "woocommerce": str(5000 + index), "csv": f"CSV-{index:05d}"}[channel]
    tracking = f"SF{1300000000000 + index * 37}" if channel in ("taobao", "douyin") else None
    weight = sum(next(p.weight_g for p in catalogue if p.sku == line.sku) * line.quantity
                 for line in lines)
    return Order(
        number=f"PD-{100001 + index}", channel=channel, channel_order_id=channel_id,
        buyer_name=name, phone=phone,
        ship_to=Address(name, phone, street, "", city, "", postcode, country), lines=lines,
        tracking_number=tracking, carrier="SF" if tracking else "",
        placed_at=placed, ship_by=placed + timedelta(hours=rng.choice((24, 48, 72))),
        buyer_note=rng.choice(("", "", "Please gift wrap", "请不要放发票", "置き配希望")),
        weight_g=weight + 150,
    )


_TILE_COLOURS = ("#8d6e63", "#26a69a", "#5c6bc0", "#ef6c00", "#ab47bc", "#43a047",
                 "#f9a825", "#e53935", "#546e7a")


def draw_product_images(catalogue: list[Product], folder: Path) -> None:
    """A picture per demo product: its category code on a coloured tile, so lines are
    told apart at a glance (a real catalogue brings its own photos)."""
    from PIL import Image, ImageDraw, ImageFont

    folder.mkdir(parents=True, exist_ok=True)
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", 44)
    except OSError:
        font = ImageFont.load_default()
    for index, product in enumerate(catalogue):
        path = folder / f"{product.sku}.png"
        tile = Image.new("RGB", (128, 128), _TILE_COLOURS[index % len(_TILE_COLOURS)])
        draw = ImageDraw.Draw(tile)
        code = product.sku.split("-")[0]
        draw.text((64, 52), code, fill="white", font=font, anchor="mm")
        draw.text((64, 100), product.sku.split("-")[-1], fill="white", anchor="mm")
        tile.save(path)
        product.image_path = str(path)


def build_demo(uow: UnitOfWork, seed: int = 7, products: int = 50, orders: int = 200,
               image_dir: Path | None = None) -> DemoSummary:
    """Fill an empty store with the demo catalogue, stock, packers and orders."""
    rng = random.Random(seed)
    now = uow.now()
    catalogue = demo_products(rng, products)
    if image_dir is not None:
        draw_product_images(catalogue, image_dir)
    with uow:
        for name, pin, role in DEMO_PACKERS:
            uow.packers.add(Packer(name=name, pin_hash=hash_pin(pin), role=role))
        uow.carriers.add(CarrierProfile(
            code="OWN", name="Packdesk Express", service="Next day", prefix="PK", digits=8,
            sender_name="Packdesk Demo Shop 演示店", sender_phone="+86 21 5555 0100",
            sender_address="上海市浦东新区张江路 1000 号 3 号仓\nShanghai 201203, CN"))
        uow.carriers.add(CarrierProfile(code="SF", name="SF Express 顺丰", service="标快",
                                        prefix="SF", digits=12, sender_name="Packdesk Demo Shop",
                                        sender_phone="+86 21 5555 0100",
                                        sender_address="上海市浦东新区张江路 1000 号\nShanghai 201203"))
        stock = {}
        for product in catalogue:
            uow.products.add(product)
            stock[product.sku] = item = StockItem(sku=product.sku)
            uow.stock.add(item)
            item.receive(rng.randrange(200, 400), now - timedelta(days=3), "demo", "opening stock")
        for index in range(orders):
            placed = now - timedelta(minutes=rng.randrange(10, 60 * 60))
            order = _demo_order(rng, index, catalogue, placed)
            order.transitions.clear()
            uow.orders.add(order)
            for line in order.lines:
                stock[line.sku].reserve(line.quantity, order.number, placed, "intake")
            if index % 40 == 17:
                order.transition(OrderStatus.CANCELLED, "buyer", placed + timedelta(minutes=5),
                                 "cancelled by the buyer")
                for line in order.lines:
                    stock[line.sku].release(line.quantity, order.number, placed, "intake",
                                            "order cancelled")
        uow.commit()
    return DemoSummary(len(catalogue), orders, tuple((n, p, r.value) for n, p, r in DEMO_PACKERS))
