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
from printing.sheets import (
    render_barcode_sheet,
    render_packing_slip,
    render_product_labels,
    render_return_slip,
)
from printing.tracking import OwnRangeCarrier

__all__ = [
    "Address", "BarcodeEntry", "BarcodeSheetSection", "LabelLine", "OwnRangeCarrier",
    "PackingSlipData", "PackingSlipLine", "ProductLabel", "ReturnSlipData", "ReturnSlipLine",
    "ShippingLabelData", "render_barcode_sheet", "render_packing_slip", "render_product_labels",
    "render_return_slip", "render_shipping_label", "render_shipping_labels",
]
