"""A station's print profile: for each document kind, which printer and which paper.

The profile is plain data (the store or a settings file keeps it); printer_for() builds
the back-end and the render_* helpers produce the Document that back-end wants: ZPL for a
raw thermal printer, PDF for CUPS and for the folder.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from app.domain.messages import Msg
from app.domain.print_jobs import DocumentKind as DocumentKind  # where the printing layer names it
from printing.documents import PackingSlipData, ReturnSlipData, ShippingLabelData
from printing.labels import LabelCancelled, render_shipping_labels
from printing.printers import (
    PDF,
    ZPL,
    CupsPrinter,
    Document,
    PdfFolderPrinter,
    Printer,
    RawTcpPrinter,
)
from printing.sheets import render_packing_slip, render_return_slip
from printing.zpl import render_shipping_label_zpl


class PrinterKind(StrEnum):
    CUPS = "cups"  # target: queue name
    ZPL_TCP = "zpl_tcp"  # target: host or host:port
    PDF_FOLDER = "pdf_folder"  # target: folder path


CUPS_MEDIA = {"4x6": "Custom.4x6in", "100x150": "Custom.100x150mm", "A4": "A4",
              "Letter": "Letter"}


@dataclass(frozen=True)
class Route:
    printer: PrinterKind
    target: str
    paper: str = "4x6"  # 4x6 / 100x150 for labels, A4 / Letter for slips and sheets
    dpi: int = 203
    language: str = "en"  # the words printed on labels: "en" or "zh_CN"

    def __post_init__(self) -> None:
        if self.paper not in CUPS_MEDIA:
            raise ValueError(Msg("unknown paper {paper!r}; use one of {cups_media}",
                                 paper=self.paper, cups_media=', '.join(CUPS_MEDIA)))
        if not self.target.strip():
            raise ValueError(Msg("a {printer} route needs a target", printer=self.printer))

    @property
    def wants_zpl(self) -> bool:
        return self.printer is PrinterKind.ZPL_TCP


def make_printer(route: Route) -> Printer:
    if route.printer is PrinterKind.CUPS:
        return CupsPrinter(route.target)
    if route.printer is PrinterKind.ZPL_TCP:
        host, _, port = route.target.rpartition(":") if ":" in route.target \
            else (route.target, "", "9100")
        if not port.isdigit():
            raise ValueError(Msg("label printer address {target!r} needs host:port",
                                 target=route.target))
        return RawTcpPrinter(host, int(port))
    return PdfFolderPrinter(Path(route.target))


@dataclass
class StationProfile:
    """Routes per document kind; a kind with no route is a clear error, not a guess."""

    name: str
    routes: dict[DocumentKind, Route] = field(default_factory=dict)

    def route_for(self, kind: DocumentKind) -> Route:
        try:
            return self.routes[kind]
        except KeyError:
            raise LookupError(Msg("station {name} has no printer for {value}s; set one in the settings",
                                  name=self.name, value=kind.value.replace('_', ' '))) \
                from None

    def printer_for(self, kind: DocumentKind) -> Printer:
        return make_printer(self.route_for(kind))


def render_labels(labels: list[ShippingLabelData], route: Route,
                  progress: Callable[[int], None] | None = None,
                  cancelled: Callable[[], bool] | None = None) -> Document:
    """Shipping labels in the route's language: one ZPL stream or one multi-page PDF."""
    if not labels:
        raise ValueError(Msg("no labels to print"))
    title = labels[0].order_number if len(labels) == 1 else f"{len(labels)} labels"
    if route.wants_zpl:
        parts = []
        for n, label in enumerate(labels, 1):
            if cancelled and cancelled():
                raise LabelCancelled(Msg("cancelled after {value} labels", value=n - 1))
            parts.append(render_shipping_label_zpl(label, route.dpi, route.paper,
                                                    language=route.language))
            if progress:
                progress(n)
        return Document(title, b"".join(parts), ZPL, pages=len(labels),
                        kind=DocumentKind.SHIPPING_LABEL)
    buffer = io.BytesIO()
    pages = render_shipping_labels(labels, buffer, route.paper, route.dpi, progress, cancelled,
                                   language=route.language)
    return Document(title, buffer.getvalue(), PDF, CUPS_MEDIA[route.paper], pages,
                    DocumentKind.SHIPPING_LABEL)


def render_slip(data: PackingSlipData | ReturnSlipData, route: Route,
                language: str = "en") -> Document:
    """A packing or return slip as PDF on the route's paper, captions in the language."""
    buffer = io.BytesIO()
    if isinstance(data, PackingSlipData):
        render_packing_slip(data, buffer, route.paper, language)
        title, kind = Msg("Packing slip {order_number}", order_number=data.order_number), DocumentKind.PACKING_SLIP
    else:
        render_return_slip(data, buffer, route.paper, language)
        title, kind = Msg("Return {rma_number}", rma_number=data.rma_number), DocumentKind.RETURN_SLIP
    return Document(title, buffer.getvalue(), PDF, CUPS_MEDIA[route.paper], kind=kind)
