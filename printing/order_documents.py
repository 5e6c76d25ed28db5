"""Documents built from what the core hands back: a completed pack's label, the demo sheet."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, replace
from pathlib import Path

from app.domain.command_codes import CAPTIONS, command_code
from app.domain.messages import Msg
from app.services.queries import SheetOrder, SheetProduct
from app.services.receiver_reveal import ReceiverReveal, reveal_for_print
from app.services.views import Completion, LabelParty
from printing.documents import (
    Address,
    BarcodeEntry,
    BarcodeSheetSection,
    PackingSlipData,
    PackingSlipLine,
    ShippingLabelData,
)
from printing.files import write_atomically
from printing.fonts import label_fonts
from printing.labels import render_shipping_label
from printing.sheets import render_barcode_sheet
from printing.spooler import Spooler
from printing.station import DocumentKind, Route, make_printer, render_labels, render_slip


def _party_address(party: LabelParty) -> Address:
    lines = list(party.lines)
    return Address(name=party.name, phone=party.phone, line1=lines[0] if lines else "",
                   line2=", ".join(lines[1:]))


def label_data(completion: Completion) -> ShippingLabelData:
    order, ship = completion.order, completion.ship_to_fields
    receiver = Address(name=ship["name"], phone=ship["phone"], line1=ship["line1"],
                       line2=ship["line2"], city=ship["city"], region=ship["region"],
                       postcode=ship["postcode"], country=ship["country"])
    channel, channel_order_id = order.channel, order.channel_order_id
    if order.merged:  # one label for the parcel: every order on it
        channel, channel_order_id = "", ", ".join(f"{m.channel} {m.channel_order_id}"
                                                  for m in order.parcel)
    return ShippingLabelData(
        order_number=", ".join(order.numbers), channel=channel,
        channel_order_id=channel_order_id, tracking_number=completion.tracking_number,
        carrier=completion.carrier, service=completion.service,
        sender=_party_address(completion.sender), receiver=receiver,
        weight_g=completion.weight_g, created_at=completion.packed_at,
    )


def packing_slip_data(view: Completion) -> PackingSlipData:
    order, ship = view.order, view.ship_to_fields
    receiver = Address(name=ship["name"], phone=ship["phone"], line1=ship["line1"],
                       line2=ship["line2"], city=ship["city"], region=ship["region"],
                       postcode=ship["postcode"], country=ship["country"])
    return PackingSlipData(
        order_number=order.number, channel=order.channel,
        channel_order_id=order.channel_order_id, buyer=order.buyer_name, receiver=receiver,
        lines=[PackingSlipLine(line.sku, line.name, line.quantity, line.bin_location)
               for line in order.lines],
        buyer_note=order.buyer_note, ordered_at=view.packed_at)


def safe_file_part(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("_") or "label"


@dataclass
class LabelToFolder:
    """Writes each shipping label as a PDF into a folder; returns where it went."""

    folder: Path
    size: str = "4x6"
    reveal: ReceiverReveal | None = None  # a masked receiver decrypted for this label only

    def warm_up(self) -> None:
        """Load the label fonts now (about 0.2 s, much of it holding the GIL), so the first
        label after start-up does not stall the bench while a packer is scanning."""
        label_fonts()

    def __call__(self, completion: Completion) -> str:
        name = f"{safe_file_part(completion.order.number)}-{safe_file_part(completion.tracking_number)}"
        target = self.folder / f"{name}.pdf"
        pdf = io.BytesIO()
        render_shipping_label(label_data(reveal_for_print(completion, self.reveal)), pdf,
                              size=self.size)
        # whole or not at all: a killed app or a full disk never leaves half a label behind
        write_atomically(target, pdf.getvalue(), DocumentKind.SHIPPING_LABEL)
        return str(target)


class LabelPrinting:
    """Sends each shipping label to the station's label printer through the spooler.

    Rendering happens on the caller's worker; the spooler queues, retries a printer that
    is off or missing, and reports each job's state through its on_change callback.
    """

    def __init__(self, route: Route, spooler: Spooler,
                 reveal: ReceiverReveal | None = None) -> None:
        self.route, self.spooler, self.reveal = route, spooler, reveal
        self.printer = make_printer(route)

    def use(self, route: Route) -> None:
        """The station's label printer changed: the next label goes to the new one."""
        self.route, self.printer = route, make_printer(route)

    def warm_up(self) -> None:
        label_fonts()

    def __call__(self, completion: Completion) -> str:
        # a masked receiver is decrypted (where the channel may) for this document only,
        # and such a label's bytes stay in memory: the queue in the store keeps the job alone
        self.spooler.expect(self.printer)  # its state is asked while the label renders
        shown = reveal_for_print(completion, self.reveal)
        document = render_labels([label_data(shown)], self.route)
        document = replace(document, title=Msg("Label {number} {tracking_number}",
                                               number=completion.order.number, tracking_number=completion.tracking_number),
                           kind=DocumentKind.SHIPPING_LABEL)
        job_id = self.spooler.submit(self.printer, document,
                                     subject=",".join(completion.order.numbers),
                                     keep_bytes=shown is completion)
        return Msg("job {job_id} → {name}", job_id=job_id, name=self.printer.name)


class SlipPrinting:
    """Sends an order's packing slip (printed again at the bench, or first) to the slip
    printer through the spooler, its masked receiver decrypted as a label's is: for this
    document only, its bytes kept in memory (the queue in the store keeps the job alone)."""

    def __init__(self, route: Route, spooler: Spooler, reveal: ReceiverReveal | None = None,
                 language: str = "en") -> None:
        self.route, self.spooler, self.reveal, self.language = route, spooler, reveal, language

    def __call__(self, slip: Completion) -> int:
        shown = reveal_for_print(slip, self.reveal)
        document = render_slip(packing_slip_data(shown), self.route, self.language)
        return self.spooler.submit(make_printer(self.route), document,
                                   subject=slip.order.number, keep_bytes=shown is slip)


def render_demo_sheet(orders: list[SheetOrder], products: list[SheetProduct],
                      packers: list[tuple[str, str, str]], out: str,
                      language: str = "en") -> None:
    """The newcomer's sheet: command barcodes, demo orders and their products' codes."""
    commands = BarcodeSheetSection(Msg("Bench commands"), [
        BarcodeEntry(caption, command_code(command)) for command, caption in CAPTIONS.items()])
    logins = BarcodeSheetSection(Msg("Demo log-ins (name / PIN)"), [
        BarcodeEntry(Msg("{name} ({role}) PIN {pin}", name=name, role=role, pin=pin), name) for name, pin, role in packers])
    order_section = BarcodeSheetSection(Msg("Orders to pack"), [
        BarcodeEntry(f"{o.number} · {o.channel} · {o.buyer_name} · {o.summary}", o.number)
        for o in orders])
    product_section = BarcodeSheetSection(Msg("Products"), [
        BarcodeEntry(f"{p.sku} {p.name}" + (Msg(" (case of {pack_quantity})",
                                                pack_quantity=p.pack_quantity)
                                             if p.pack_quantity > 1 else ""),
                     p.code, "ean13" if len(p.code) == 13 and p.code.isdigit() else "code128")
        for p in products])
    render_barcode_sheet(Msg("Packdesk demo barcodes"),
                         [commands, logins, order_section, product_section], out,
                         language=language)
