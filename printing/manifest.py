"""The hand-over manifest: per carrier, every parcel scanned out, with counts and weights.

One page (or more) per carrier, for the driver to sign: the parcels' tracking numbers as
Code 128 (the driver's scanner reads them off the sheet), their orders and weights, and the
carrier's totals.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reportlab.graphics.barcode import code128
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.domain.messages import Msg
from app.domain.translation import translate
from app.services.handover import ManifestCarrier
from printing.fonts import label_fonts


def _kg(grams: int) -> str:
    return f"{grams / 1000:.2f} kg"


def _rows(carrier: ManifestCarrier, say) -> list[list]:
    rows: list[list] = [["#", say(Msg("Tracking number")), "", say(Msg("Orders")),
                         say(Msg("Weight")), say(Msg("Scanned out"))]]
    for n, parcel in enumerate(carrier.parcels, 1):
        rows.append([str(n), parcel.tracking_number,
                     code128.Code128(parcel.tracking_number, barHeight=8 * mm, barWidth=0.9),
                     ", ".join(parcel.order_numbers), _kg(parcel.weight_g),
                     f"{parcel.shipped_at:%H:%M} {parcel.shipped_by}"])
    rows.append(["", say(Msg("{count} parcels", count=carrier.count)), "", "",
                 _kg(carrier.weight_g), ""])
    return rows


class _Say:
    """The manifest's words in one language."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, text) -> str:
        return translate(text, self.language)


def render_manifest(carriers: list[ManifestCarrier], out: Path, made_at: datetime,
                    station: str = "", language: str = "en") -> Path:
    """Write the manifest PDF (through a temporary file); a carrier per page, in `language`."""
    if not carriers:
        raise ValueError(Msg("no parcels were scanned out: there is no manifest to print"))
    say = _Say(language)
    font = label_fonts().primary.name
    title = ParagraphStyle("title", fontName=font, fontSize=16, leading=20)
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=12)
    story: list = []
    for index, carrier in enumerate(carriers):
        if index:
            story.append(PageBreak())
        made = f"{made_at:%Y-%m-%d %H:%M}"
        when = (Msg("{made} UTC · station {station}", made=made, station=station) if station
                else Msg("{made} UTC", made=made))
        story += [Paragraph(say(Msg("Hand-over manifest: {carrier_name}",
                                    carrier_name=carrier.carrier_name)), title),
                  Paragraph(say(when), body),
                  Paragraph(say(Msg("{count} parcels, {weight}", count=carrier.count,
                                    weight=_kg(carrier.weight_g))), body),
                  Spacer(1, 4 * mm)]
        table = Table(_rows(carrier, say), colWidths=[7 * mm, 36 * mm, 64 * mm, 32 * mm,
                                                       17 * mm, 30 * mm], repeatRows=1,
                      hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 8),
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        story += [table, Spacer(1, 12 * mm),
                  Paragraph(say(Msg("Driver's name and signature: {line}",
                                    line="______________________________")), body)]
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")
    SimpleDocTemplate(str(partial), pagesize=A4, title=say(Msg("Packdesk hand-over manifest")),
                      leftMargin=12 * mm, rightMargin=12 * mm, topMargin=12 * mm,
                      bottomMargin=12 * mm).build(story)
    partial.replace(out)
    return out
