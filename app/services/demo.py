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
from app.domain.channels import Admission
from app.domain.orders import Address, Order, OrderLine, OrderStatus
from app.domain.people import Packer, Role, hash_pin
from app.domain.products import Product
from app.domain.stock import StockItem
from app.services.unit_of_work import SyncUnitOfWork, UnitOfWork

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
_NOTES = {  # as many choices each, so the seeded stream stays as it was
    "CN": ("", "", "请包成礼物", "请不要放发票", "送货前请电话联系"),
    "JP": ("", "", "ギフト包装をお願いします", "置き配希望", "領収書は不要です"),
    "KR": ("", "", "선물 포장 부탁드립니다", "문 앞에 놓아 주세요", "영수증은 빼 주세요"),
    "FR": ("", "", "Emballage cadeau, s'il vous plaît", "Pas de facture dans le colis",
           "Laisser chez le gardien"),
    "ES": ("", "", "Envolver para regalo, por favor", "Sin factura en el paquete",
           "Dejar en conserjería"),
    "DE": ("", "", "Bitte als Geschenk verpacken", "Keine Rechnung beilegen",
           "Beim Nachbarn abgeben"),
    "DK": ("", "", "Gaveindpakning, tak", "Ingen faktura i pakken", "Stil den ved døren"),
    "": ("", "", "Please gift wrap", "No invoice in the parcel, please",
         "Leave with the neighbour"),
}
LATE_EVERY = 30  # one demo order in 30 is past its ship-by time: a handful of late alerts
STUCK_EVERY = 50  # and one in 50 has waited too long to be packed

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
        buyer_note=rng.choice(_NOTES.get(country, _NOTES[""])),  # in the buyer's language
        weight_g=weight + 150,
    )


SIZE_COLOURS = {"": "#424242", "S": "#1565c0", "M": "#2e7d32", "L": "#c62828"}  # the band
_TILE_COLOURS = ("#8d6e63", "#26a69a", "#5c6bc0", "#ef6c00", "#ab47bc", "#43a047",
                 "#f9a825", "#e53935", "#546e7a")


def draw_product_images(catalogue: list[Product], folder: Path) -> None:
    """A picture per demo product: its category code on a coloured tile, so lines are
    told apart at a glance (a real catalogue brings its own photos)."""
    from PIL import Image, ImageDraw, ImageFont

    folder.mkdir(parents=True, exist_ok=True)
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont
    small: ImageFont.FreeTypeFont | ImageFont.ImageFont
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", 40)
        small = ImageFont.truetype("DejaVuSans-Bold.ttf", 26)
    except OSError:
        font = small = ImageFont.load_default()
    for index, product in enumerate(catalogue):
        path = folder / f"{product.sku}.png"
        goods = index % len(_GOODS)  # the same goods, the same colour; its size below it
        size = _SIZES[(index // len(_GOODS)) % len(_SIZES)].strip()
        tile = Image.new("RGB", (128, 128), _TILE_COLOURS[goods % len(_TILE_COLOURS)])
        draw = ImageDraw.Draw(tile)
        code = product.sku.split("-")[0]
        draw.text((64, 40), code, fill="white", font=font, anchor="mm")
        draw.rectangle((0, 80, 127, 127), fill=SIZE_COLOURS[size])
        draw.text((64, 104), f"{size or '—'}  {product.sku.split('-')[-1]}", fill="white",
                  font=small, anchor="mm")
        tile.save(path)
        product.image_path = str(path)


def _placed_minutes(index: int, drawn: int) -> int:
    """How long ago an order came in: most in the last three and a half hours (a shift's
    worth), the late ones a little earlier, and one in STUCK_EVERY waiting past the 4 hours
    that make it stuck. `drawn` is the seeded draw, so the rest of the demo stays as it was."""
    if index % LATE_EVERY == 5:
        return 180 + drawn % 30
    if index % STUCK_EVERY == 23:
        return 5 * 60 + drawn % 120
    return 10 + drawn % 200


def _ship_by(index: int, now: datetime) -> datetime:
    """Relative to now, so a demo made today or last month looks the same: a handful late
    (one in LATE_EVERY), some due within the hour, the rest later today and in the days after."""
    if index % LATE_EVERY == 5:
        return now - timedelta(minutes=10 + 10 * (index % 4))
    return now + timedelta(minutes=40 + (index * 97) % (72 * 60))


SAME_DOOR = (("王小明", "taobao", 3), ("Emma Johnson", "shopify", 2))  # buyer, channel, orders


def same_door_numbers(orders: int) -> list[list[str]]:
    """The numbers of the demo's same-buyer orders, one list per buyer (after the others)."""
    numbers, start = [], 100001 + orders
    for _buyer, _channel, count in SAME_DOOR:
        numbers.append([f"PD-{start + i}" for i in range(count)])
        start += count
    return numbers


def _same_door_orders(uow: SyncUnitOfWork, catalogue: list[Product], stock: dict, orders: int,
                      now: datetime) -> int:
    """A few buyers with several ready orders to one address, as intake groups them (one
    merge group each), so "Pack together" can be tried."""
    rng = random.Random(orders)
    people = {person[0]: person for person in _PEOPLE}
    made = 0
    for (buyer, channel, _count), numbers in zip(SAME_DOOR, same_door_numbers(orders),
                                                 strict=True):
        name, city, street, postcode, country, phone = people[buyer]
        admissions = []
        for offset, number in enumerate(numbers):
            product = catalogue[(offset * 5 + len(buyer)) % len(catalogue)]
            placed = now - timedelta(hours=3 - offset)
            stock[product.sku].reserve(1, number, placed, "intake")
            admissions.append(Admission(
                channel, f"{channel}-{number}", number, f"{name}|{street}|{postcode}", name,
                phone, Address(name, phone, street, "", city, "", postcode, country),
                [("1", product.sku, product.name, 1, rng.randrange(500, 9000))], placed,
                station="demo", placed_at=placed, ship_by=now + timedelta(hours=20 + offset),
                reserved={product.sku: 1}, merge_group=f"M-{numbers[0]}"))
        uow.orders.admit(admissions)
        made += len(admissions)
    return made


DEMO_ORDERS = 200  # packdesk demo's orders to pack


def build_demo(uow: SyncUnitOfWork, seed: int = 7, products: int = 50, orders: int = DEMO_ORDERS,
               image_dir: Path | None = None, together: bool = False) -> DemoSummary:
    """Fill an empty store with the demo catalogue, stock, packers and orders; `together`
    adds the SAME_DOOR buyers' orders after them (packdesk demo does)."""
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
            placed = now - timedelta(minutes=_placed_minutes(index, rng.randrange(10, 60 * 60)))
            order = _demo_order(rng, index, catalogue, placed)
            order.ship_by = _ship_by(index, now)
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
        extra = _same_door_orders(uow, catalogue, stock, orders, now) if together else 0
        uow.commit()
    return DemoSummary(len(catalogue), orders + extra, tuple((n, p, r.value) for n, p, r in DEMO_PACKERS))


def pack_history(uow: UnitOfWork, days: int = 21, seed: int = 7,
                 per_day: tuple[int, int] = (8, 16)) -> int:
    """Weeks of packing behind the demo, so the dashboard, the board and the weekly report
    have figures: each day's orders are opened, scanned (now and then a wrong item first)
    and completed through the bench's own services, at that day's hours, by the demo's
    packers. Returns how many orders were packed."""
    from app.services import commands as c
    from app.services.completion import complete_pack
    from app.services.packing import open_order, scan_item

    rng = random.Random(seed * 31 + days)
    real_now = uow.now
    today = real_now().replace(hour=0, minute=0, second=0, microsecond=0)
    with uow:
        catalogue = [(p.sku, p.barcodes[0].code) for p in
                     (uow.products.get(sku) for sku in _stocked_skus(uow)) if p and p.barcodes]
    packers = [name for name, _pin, role in DEMO_PACKERS if role is Role.PACKER]
    packed, number = 0, 90001
    try:
        for back in range(days, 0, -1):
            day = today - timedelta(days=back)
            if day.weekday() == 6:  # Sundays off
                continue
            moment = day + timedelta(hours=9)
            for _ in range(rng.randint(*per_day)):
                moment += timedelta(minutes=rng.randint(6, 30))
                uow.now = (lambda at: lambda: at)(moment)
                packer = rng.choice(packers)
                order = _history_order(rng, f"PD-{number}", catalogue, moment, day)
                number += 1
                with uow:
                    uow.orders.add(order)
                    for line in order.lines:
                        item = uow.stock.get(line.sku)
                        assert item is not None and order.placed_at is not None
                        item.reserve(line.quantity, order.number, order.placed_at, "intake")
                    uow.commit()
                opened = open_order(c.OpenOrder(order.number, packer, "wedge"), uow)
                assert opened.session_id is not None, opened
                scans = [code for line in order.lines for code in
                         [dict(catalogue)[line.sku]] * line.quantity]
                if rng.random() < 0.08:  # a wrong item first, as happens
                    scans.insert(0, rng.choice([code for sku, code in catalogue
                                                if sku not in {li.sku for li in order.lines}]))
                for step, code in enumerate(scans):
                    uow.now = (lambda at: lambda: at)(moment + timedelta(seconds=8 * (step + 1)))
                    scan_item(c.ScanItem(opened.session_id, f"demo-{order.number}-{step}",
                                         code, "wedge"), uow)
                uow.now = (lambda at: lambda: at)(moment + timedelta(seconds=8 * len(scans) + 20))
                complete_pack(c.CompletePack(opened.session_id), uow)
                packed += 1
    finally:
        uow.now = real_now
    return packed


def _stocked_skus(uow: UnitOfWork) -> list[str]:
    return [f"{code}-{index + 1:03d}" for index in range(50)
            for code in [_GOODS[index % len(_GOODS)][0]]]


def _history_order(rng: random.Random, number: str, catalogue: list[tuple[str, str]],
                   packed_at: datetime, day: datetime) -> Order:
    name, city, street, postcode, country, phone = rng.choice(_PEOPLE)
    channel = rng.choice(CHANNELS)
    lines = [OrderLine(sku, sku, rng.choice((1, 1, 2)), rng.randrange(500, 20000))
             for sku, _code in rng.sample(catalogue, rng.choice((1, 1, 2, 3)))]
    placed = packed_at - timedelta(hours=rng.randint(2, 30))
    late = rng.random() < 0.06  # a few went out after their ship-by time
    ship_by = packed_at - timedelta(hours=1) if late else packed_at + timedelta(hours=
                                                                               rng.randint(4, 40))
    order = Order(number=number, channel=channel, channel_order_id=f"H-{number}",
                  buyer_name=name, phone=phone,
                  ship_to=Address(name, phone, street, "", city, "", postcode, country),
                  lines=lines, placed_at=placed, ship_by=ship_by, buyer_note="")
    order.transitions.clear()
    return order
