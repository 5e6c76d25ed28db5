"""A masked marketplace receiver made readable for the one label or slip being printed.

Taobao, Pinduoduo, Douyin and JD hand software vendors the receiver masked (李**,
138****5678) or encrypted. A merchant whose channel account holds the platform's decrypt
permission may have it decrypted by the platform, on demand: the plain receiver lives in
memory for the document being rendered and is never stored, logged or handed back to the
store. Without the permission nothing is asked of the platform and the document prints what
the store holds (masked), as the e-waybill path prints the real address without Packdesk.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Protocol

from app.domain.orders import Address
from app.services.views import Completion, LabelParty


@dataclass(frozen=True)
class PlainReceiver:
    """The decrypted receiver. Its repr shows nothing of it, so a log line or a traceback
    that prints one does not leak the address."""

    name: str = field(repr=False)
    phone: str = field(repr=False)
    line1: str = field(repr=False)
    line2: str = field(repr=False, default="")
    city: str = field(repr=False, default="")
    region: str = field(repr=False, default="")
    postcode: str = field(repr=False, default="")
    country: str = field(repr=False, default="CN")


class ReceiverReveal(Protocol):
    """Asks the channel to decrypt one order's receiver; None when it may not or could not."""

    def __call__(self, channel: str, channel_order_id: str) -> PlainReceiver | None: ...


def reveal_for_print(completion: Completion, reveal: ReceiverReveal | None) -> Completion:
    """The completion with its receiver decrypted, for rendering only; the same completion
    when the receiver is not masked (Order.receiver_masked, the one rule: masked parts, or
    carried by its oaid with the fields empty), no reveal is wired, or the channel answered
    nothing.
    A merged parcel keeps what it has: its orders' receivers are one door, read from the
    oldest order, and decrypting one of several orders would be a guess."""
    order = completion.order
    if reveal is None or order.merged or not order.receiver_masked:
        return completion
    plain = reveal(order.channel, order.channel_order_id)
    if plain is None:
        return completion
    shown = Address(plain.name, plain.phone, plain.line1, plain.line2, plain.city,
                    plain.region, plain.postcode, plain.country)
    receiver = LabelParty(plain.name, plain.phone, tuple(shown.lines()))
    return replace(completion, receiver=receiver, ship_to_fields={
        "name": plain.name, "phone": plain.phone, "line1": plain.line1, "line2": plain.line2,
        "city": plain.city, "region": plain.region, "postcode": plain.postcode,
        "country": plain.country})
