"""The people and parcels the carrier tests ship."""

from __future__ import annotations

from app.domain.shipping import ParcelItem, Party, ShipmentRequest

SENDER = Party(name="李四", phone="0755-12345678", line1="科技园南区8栋", city="深圳市",
               region="广东省", district="南山区", country="CN", company="Packdesk 样品店")
RECEIVER = Party(name="张三", phone="13800138000", line1="文一西路969号", city="杭州市",
                 region="浙江省", district="余杭区", postcode="311121", country="CN")
ITEMS = (ParcelItem("TB-CUP-RED", "陶瓷马克杯", 2, weight_g=400),)


def shipment(reference: str, receiver: Party = RECEIVER, **changes) -> ShipmentRequest:
    return ShipmentRequest(reference=reference, sender=SENDER, receiver=receiver,
                           weight_g=1200, items=ITEMS, **changes)
