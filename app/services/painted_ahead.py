"""Verdicts painted ahead: the store's rule, run on the main thread on the order on screen.

An item scan's verdict is decided by the store worker (`packing.scan_item` →
`PackSession.verify` → `scan_rule.decide_item`). For codes of the order being packed the
main thread can run the same rule (`decide_item`, here on the order's view) and paint the
verdict within the frame; the store's answer confirms it a few milliseconds later. Codes
that are not in the order are not painted ahead: the store names what was scanned.

`PaintedAhead` is the one place that remembers what was painted and not yet answered.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from app.domain.barcodes import code_keys
from app.domain.scan_rule import LineRoom, Scanned, decide_item, scan_refusal
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
    problem = scan_refusal(text, quantity)
    if problem:
        return Prediction("invalid", problem, "", order)
    hit = next((item_codes[key] for key in code_keys(text) if key in item_codes), None)
    if hit is None:
        return None
    sku, pack_quantity = hit
    indexes = [i for i, line in enumerate(order.lines) if line.sku == sku]
    if not indexes:
        return None
    # the view lists a merged parcel's lines oldest order first: the store's own fill order
    rooms = [LineRoom(order.lines[i].order_number, order.lines[i].name, order.lines[i].quantity,
                      order.lines[i].verified) for i in indexes]
    decision = decide_item(Scanned(sku, rooms[0].name, pack_quantity), text, rooms, quantity,
                           order.merged)
    lines = list(order.lines)
    for share, take in decision.shares:
        index = indexes[share]
        lines[index] = replace(lines[index], verified=lines[index].verified + take)
    return Prediction(decision.result.value, decision.message, sku,
                      replace(order, lines=tuple(lines)))


class PaintedAhead:
    """What the bench painted before the store answered, and the order as the store last
    said it: painted scans are confirmed (or corrected) by their answers, and a failure
    puts the store's order back on screen."""

    def __init__(self) -> None:
        self.confirmed: OrderView | None = None  # the order as the store last said
        self._item_codes: dict[str, tuple[str, int]] = {}
        self._painted: dict[str, str] = {}  # scan uid -> the result painted, in scan order
        self._unpainted: set[str] = set()  # queued and not painted: the next waits for them
        self._other_in_flight = False  # a command (not an item scan) is with the store
        self._in_flight = ""  # the uid of the scan with the store

    def open(self, order: OrderView | None,
             item_codes: tuple[tuple[str, str, int], ...] | None = None) -> None:
        """The store opened (or re-formed) the parcel: paint against this from now on."""
        self.confirmed = order
        if item_codes is not None:
            self._item_codes = {key: (sku, units) for key, sku, units in item_codes}

    def clear(self) -> None:
        """No order any more, or the queue was thrown away."""
        self.confirmed = None
        self._painted.clear()
        self._unpainted.clear()

    def paint(self, uid: str, on_screen: OrderView | None, text: str, quantity: int,
              can_paint: bool) -> Prediction | None:
        """Run the rule on the order on screen, when nothing unpainted is ahead of it.
        `can_paint`: an item scan of an open order, no note to read, no serial number."""
        prediction = None
        if (can_paint and on_screen is not None and not self._other_in_flight
                and not self._unpainted):
            prediction = predict_item_scan(on_screen, self._item_codes, text, quantity)
        if prediction is None:
            self._unpainted.add(uid)
        else:
            self._painted[uid] = prediction.result
        return prediction

    def painted(self, uid: str) -> str:
        return self._painted.get(uid, "")

    def sending(self, uid: str, item_scan: bool) -> None:
        self._unpainted.discard(uid)
        self._in_flight, self._other_in_flight = uid, not item_scan

    def dropped(self, uid: str) -> None:
        """A scan that never goes to the store (garbage painted as such, or refused)."""
        self._unpainted.discard(uid)
        self._painted.pop(uid, None)

    def answered(self) -> None:
        """Whatever was with the store came back (the item scans' answers: `confirm`)."""
        self._other_in_flight = False
        self._painted.pop(self._in_flight, None)
        self._in_flight = ""

    def confirm(self, uid: str, order: OrderView | None) -> tuple[str, bool]:
        """The store answered scan `uid`: (what was painted for it, whether the store's
        order may go on screen: not while later scans painted ahead wait for answers)."""
        predicted = self._painted.pop(uid, "")
        self._other_in_flight, self._in_flight = False, ""
        if order is not None:
            self.confirmed = order
        return predicted, order is not None and not self._painted

    def failed(self) -> OrderView | None:
        """The store refused the scan with it: the order to show again, if any."""
        self.answered()
        return self.confirmed
