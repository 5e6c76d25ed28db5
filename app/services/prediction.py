"""The verdict a bench can paint before the store has answered.

An item scan's verdict is decided again, authoritatively, by the store worker
(`packing.scan_item`). For codes of the order being packed the answer is already known
from the order on screen, so the bench paints it within the frame and lets the store's
answer confirm or correct it a few milliseconds later. Codes that are not in the order
are not predicted: the store names what was scanned.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from app.domain.barcodes import code_keys, scan_problem
from app.domain.packing import over_scan_message, verified_message
from app.services.views import OrderView


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
    index = next((i for i, line in enumerate(order.lines) if line.sku == sku), None)
    if index is None:
        return None
    line = order.lines[index]
    units = quantity * pack_quantity
    if line.verified + units > line.quantity:
        return Prediction("over_scan", over_scan_message(sku, line.quantity, line.verified, units),
                          sku, order)
    counted = replace(line, verified=line.verified + units)
    lines = order.lines[:index] + (counted,) + order.lines[index + 1:]
    return Prediction("verified", verified_message(sku, line.name, counted.verified,
                                                   line.quantity), sku, replace(order, lines=lines))
