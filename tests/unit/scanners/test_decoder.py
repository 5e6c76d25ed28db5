"""The decoder on generated codes: symbology names, GS1, input shapes, UPC forms."""

import cv2
import numpy as np
import pytest
import zxingcpp

from app.domain.barcodes import compress_upca, expand_upce
from scanners.decoder import Read, decode

F = zxingcpp.BarcodeFormat


def printed(content: str, fmt, scale: int = 3, **options) -> np.ndarray:
    """A clean rendering with a quiet zone, as a label printer would make it."""
    image = np.array(zxingcpp.create_barcode(content, fmt, **options).to_image(scale=scale))
    return cv2.copyMakeBorder(image, 20, 20, 20, 20, cv2.BORDER_CONSTANT, value=255)


@pytest.mark.parametrize("content, fmt, text, symbology", [
    ("4006381333931", F.EAN13, "4006381333931", "ean13"),
    ("96385074", F.EAN8, "96385074", "ean8"),
    ("036000291452", F.UPCA, "036000291452", "upca"),
    ("01234565", F.UPCE, "01234565", "upce"),
    ("SKU-RED-42", F.Code128, "SKU-RED-42", "code128"),
    ("CODE39TEST", F.Code39, "CODE39TEST", "code39"),
    ("00012345678905", F.ITF, "00012345678905", "itf"),
    ("https://example.com/r/42", F.QRCode, "https://example.com/r/42", "qr"),
    ("RMA-2026-0042", F.DataMatrix, "RMA-2026-0042", "datamatrix"),
])
def test_each_symbology_reads_with_its_name(content, fmt, text, symbology):
    reads = decode(printed(content, fmt))
    assert [(r.text, r.symbology) for r in reads] == [(text, symbology)]


@pytest.mark.parametrize("fmt, symbology", [
    (F.Code128, "gs1-128"), (F.DataMatrix, "gs1-datamatrix"), (F.QRCode, "gs1-qr")])
def test_gs1_content_is_named_gs1_and_keeps_separators(fmt, symbology):
    image = printed("(01)09501101530003(10)AB-123(21)SN7", fmt, gs1=True)
    (read,) = decode(image)
    assert read.symbology == symbology
    assert read.text == "0109501101530003" + "10AB-123\x1d" + "21SN7"


def test_colour_gray_and_alpha_images_read_the_same():
    gray = printed("4006381333931", F.EAN13)
    bgr = cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)
    bgra = cv2.cvtColor(gray, cv2.COLOR_GRAY2BGRA)
    assert decode(gray) == decode(bgr) == decode(bgra)


def test_position_is_a_quad_around_the_code():
    (read,) = decode(printed("hello", F.QRCode, scale=5))
    assert isinstance(read, Read) and len(read.position) == 4
    xs = [x for x, _ in read.position]
    assert min(xs) >= 20 and max(xs) <= 20 + 5 * 29


def test_a_small_far_code_is_read_by_upscaling():
    small = printed("SKU-RED-42", F.Code128, scale=2)
    tiny = cv2.resize(small, None, fx=0.7, fy=0.7, interpolation=cv2.INTER_AREA)
    assert decode(tiny, extra_passes=False, fallback=False) == []
    assert [r.text for r in decode(tiny)] == ["SKU-RED-42"]


def test_blank_and_noise_read_nothing():
    assert decode(np.full((480, 640), 255, np.uint8)) == []
    noise = np.random.default_rng(7).integers(0, 256, (480, 640), dtype=np.uint8)
    assert decode(noise) == []


def test_not_an_image_is_refused_clearly():
    with pytest.raises(ValueError, match="not an image"):
        decode(np.zeros((10, 10, 7), np.uint8))


@pytest.mark.parametrize("upca, upce", [
    ("041244000098", "04124498"), ("012000006494", "01264904"), ("049000006346", "04963406"),
    ("012345000058", "01234558"), ("045670000080", "04567840"),
])
def test_upc_e_and_upc_a_forms(upca, upce):
    assert compress_upca(upca) == upce
    assert expand_upce(upce) == upca


def test_upc_a_without_a_short_form():
    assert compress_upca("036000291452") is None
    assert expand_upce("91234565") is None


def test_upc_forms_with_a_wrong_check_digit_are_not_converted():
    assert compress_upca("041244000099") is None
    assert expand_upce("04124499") is None
