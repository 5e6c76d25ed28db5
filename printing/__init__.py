"""Labels, packing and return slips, barcode sheets, and the printers they go to.

The renderers take the plain records of printing.documents and write PDF (or ZPL for
thermal printers); nothing here reads the store or imports Qt.
"""

from printing.documents import (
    Address,
    BarcodeEntry,
    BarcodeSheetSection,
    LabelLine,
    PackingSlipData,
    PackingSlipLine,
    ProductLabel,
    ReturnSlipData,
    ReturnSlipLine,
    ShippingLabelData,
)
from printing.labels import render_shipping_label, render_shipping_labels
from printing.printers import (
    CupsPrinter,
    Document,
    PdfFolderPrinter,
    PrinterUnavailable,
    RawTcpPrinter,
)
from printing.sheets import (
    render_barcode_sheet,
    render_packing_slip,
    render_product_labels,
    render_return_slip,
)
from printing.spooler import JobLog, JobState, MemoryJobLog, PrintJob, RetryPolicy, Spooler
from printing.station import (
    DocumentKind,
    PrinterKind,
    Route,
    StationProfile,
    render_labels,
    render_slip,
)
from printing.zpl import render_shipping_label_zpl

__all__ = [
    "Address", "BarcodeEntry", "BarcodeSheetSection", "CupsPrinter", "Document",
    "DocumentKind", "JobLog", "JobState", "LabelLine", "MemoryJobLog",
    "PackingSlipData", "PackingSlipLine", "PdfFolderPrinter", "PrintJob", "PrinterKind",
    "PrinterUnavailable", "ProductLabel", "RawTcpPrinter", "RetryPolicy", "ReturnSlipData",
    "ReturnSlipLine", "Route", "ShippingLabelData", "Spooler", "StationProfile",
    "render_barcode_sheet", "render_labels", "render_packing_slip", "render_product_labels",
    "render_return_slip", "render_shipping_label", "render_shipping_label_zpl",
    "render_shipping_labels", "render_slip",
]
