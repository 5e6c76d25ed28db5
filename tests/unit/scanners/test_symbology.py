"""What a raw scanner string says about its symbology."""

import pytest

from app.domain.barcodes import has_gs1_check_digit
from scanners.symbology import identify


@pytest.mark.parametrize("raw, text, symbology", [
    ("4006381333931", "4006381333931", "ean13"),
    ("96385074", "96385074", "ean8"),
    ("036000291452", "036000291452", "upca"),
    ("4006381333932", "4006381333932", "unknown"),  # bad check digit: not a GTIN
    ("]C1010950110153000317", "010950110153000317", "gs1-128"),
    ("]d2010950110153000317", "010950110153000317", "gs1-datamatrix"),
    ("]Q3010950110153000317", "010950110153000317", "gs1-qr"),
    ("]E04006381333931", "4006381333931", "ean13"),
    ("0109501101530003\x1d10AB", "0109501101530003\x1d10AB", "gs1-128"),
    ("SKU-RED-42", "SKU-RED-42", "unknown"),
])
def test_identify(raw, text, symbology):
    found = identify(raw)
    assert (found.text, found.symbology) == (text, symbology)


def test_check_digit():
    assert has_gs1_check_digit("09501101530003")
    assert not has_gs1_check_digit("09501101530004")
    assert not has_gs1_check_digit("")
