"""A carrier's FIELDS answer printed and read back as a scanner would."""

from __future__ import annotations

from pathlib import Path

from app.domain.shipping import CarrierLabel, LabelFormat
from printing.carriers.ewaybill import render_label
from printing.zpl import read_labels
from tests.integration.printing.pdftools import decode, rasterise


def decoded_pdf(label: CarrierLabel, tmp_path: Path, dpi: int, template: str = "") -> list[str]:
    pdf = tmp_path / f"{label.tracking_number}-{dpi}.pdf"
    pdf.write_bytes(render_label(label, LabelFormat.PDF, dpi=dpi, template=template))
    pages = rasterise(pdf, dpi, tmp_path / f"raster-{dpi}-{template or 'own'}")
    assert len(pages) == 1
    return decode(pages[0])


def zpl_barcodes(label: CarrierLabel, dpi: int, template: str = "") -> list[str]:
    fields = read_labels(render_label(label, LabelFormat.ZPL, dpi=dpi, template=template))[0]
    return [field.data for field in fields if field.command in ("^BC", "^BQ")]
