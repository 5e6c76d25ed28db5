"""Labels as the bench prints them: Chinese, Japanese, Korean and accented Latin."""

from datetime import datetime

from printing.documents import Address, ShippingLabelData

SHOP = Address("Packdesk Demo Shop", "+86 21 5555 0100", "上海市浦东新区张江路88号", "3号仓库",
               "上海", "上海", "201203", "中国")
TOKYO = Address("山田 太郎", "+81 90-1234-5678", "東京都新宿区西新宿2丁目8-1", "都庁第一本庁舎 32階",
                "新宿区", "東京都", "163-8001", "日本")
SEOUL = Address("김민수", "+82 10-1234-5678", "서울특별시 중구 세종대로 110", "", "중구", "서울",
                "04524", "대한민국")
LYON = Address("Zoë Lefèvre-Ågård", "+33 4 72 00 00 00", "12 rue de la République", "Bâtiment É",
               "Lyon", "", "69002", "France")


def label(tracking: str = "ZX12345678CN", receiver: Address = TOKYO,
          **changes) -> ShippingLabelData:
    values = dict(order_number="PD-000123", channel="Shopify", channel_order_id="#1001",
                  tracking_number=tracking, carrier="Own Fleet", service="Next day",
                  sender=SHOP, receiver=receiver, parcel_index=1, parcel_count=2,
                  weight_g=1530, created_at=datetime(2026, 11, 22, 9, 30))
    values.update(changes)
    return ShippingLabelData(**values)
