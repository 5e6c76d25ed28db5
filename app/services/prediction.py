"""The verdict a bench can paint before the store has answered.

An item scan's verdict is decided again, authoritatively, by the store worker
(`packing.scan_item`). For codes of the order being packed the answer is already known
from the order on screen, so the bench paints it within the frame and lets the store's
answer confirm or correct it a few milliseconds later. Codes that are not in the order
are not predicted: the store names what was scanned. A merged parcel is predicted with
the store's own rule (the oldest order's line first, `parcels.fill_oldest_first`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from app.domain.barcodes import code_keys, scan_problem
from app.domain.packing import over_scan_message, verified_message
from app.domain.parcels import fill_oldest_first, parcel_fill_message
from app.services.views import LineView, OrderView


@dataclass(frozen=True)
class Prediction:
    result: str  # verified | over_scan | invalid
    message: str
    sku: str
    order: OrderView


def predict_item_scan(order: OrderView, item_codes: dict[str, tuple[str, int]], text: str,
                      quantity: int) -> Prediction | None:
    """The verdict `packing.scan_item` will give, when it can be known locally; else None."""
    problem = scan_problem(text)
    if problem:
        return Prediction("invalid", problem, "", order)
    hit = next((item_codes[key] for key in code_keys(text) if key in item_codes), None)
    if hit is None:
        return None
    sku, pack_quantity = hit
    indexes = [i for i, line in enumerate(order.lines) if line.sku == sku]
    if not indexes:
        return None
    units = quantity * pack_quantity
    # the view lists a merged parcel's lines oldest order first: the store's own fill order
    shares = fill_oldest_first((order.lines[i].quantity - order.lines[i].verified
                                for i in indexes), units)
    if shares is None:
        needed = sum(order.lines[i].quantity for i in indexes)
        verified = sum(order.lines[i].verified for i in indexes)
        return Prediction("over_scan", over_scan_message(sku, needed, verified, units), sku,
                          order)
    lines = list(order.lines)
    for share, take in shares:
        index = indexes[share]
        lines[index] = replace(lines[index], verified=lines[index].verified + take)
    first = lines[indexes[shares[0][0]]]
    if not order.merged:
        message = verified_message(sku, first.name, first.verified, first.quantity)
    else:
        filled = dict.fromkeys(lines[indexes[share]].order_number for share, _take in shares)
        message = parcel_fill_message(sku, first.name, [
            (number, *_totals(lines, number, sku)) for number in filled])
    return Prediction("verified", message, sku, replace(order, lines=tuple(lines)))


def _totals(lines: list[LineView], number: str, sku: str) -> tuple[int, int]:
    mine = [line for line in lines if line.order_number == number and line.sku == sku]
    return sum(line.verified for line in mine), sum(line.quantity for line in mine)
