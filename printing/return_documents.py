"""The return slip, drawn from what the returns counter hands back.

Its Code128 barcode is the RMA number: scanning it at the counter opens the case again
when the parcel comes back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.services.views import ReturnCaseView
from printing.documents import Address, ReturnSlipData, ReturnSlipLine
from printing.order_documents import safe_file_part
from printing.sheets import render_return_slip

INSTRUCTIONS = {
    "en": {"buyer": "Please pack the items with this slip and send them to the address above "
                    "before the date shown. Return shipping is paid by you.",
           "shop": "Please pack the items with this slip and send them to the address above "
                   "before the date shown. Return shipping is paid by the shop."},
    "zh": {"buyer": "请将商品与本退货单一起寄回上方地址，并在截止日期前寄出。退货运费由买家承担。",
           "shop": "请将商品与本退货单一起寄回上方地址，并在截止日期前寄出。退货运费由店铺承担。"},
}


def return_slip_data(case: ReturnCaseView, language: str = "en") -> ReturnSlipData:
    party = case.return_to
    lines = list(party.lines) if party else []
    address = Address(name=party.name if party else "", phone=party.phone if party else "",
                      line1=lines[0] if lines else "", line2=", ".join(lines[1:]))
    words = INSTRUCTIONS.get(language, INSTRUCTIONS["en"])
    deadline: datetime | None = case.deadline_at if case.status in ("approved", "in_transit") \
        else None
    return ReturnSlipData(
        rma_number=case.rma_number, order_number=case.order_number,
        lines=[ReturnSlipLine(line.sku, line.name, line.quantity) for line in case.lines],
        return_address=address, instructions=words.get(case.shipping_paid_by, ""),
        deadline=deadline)


@dataclass
class ReturnSlipToFolder:
    """Writes each return slip as a PDF into a folder; returns where it went."""

    folder: Path
    paper: str = "A4"
    language: str = "en"

    def __call__(self, case: ReturnCaseView) -> str:
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / f"{safe_file_part(case.rma_number)}.pdf"
        partial = target.with_suffix(".pdf.part")
        render_return_slip(return_slip_data(case, self.language), str(partial),
                           paper=self.paper, language=self.language)
        partial.replace(target)  # a killed app never leaves half a slip behind
        return str(target)
