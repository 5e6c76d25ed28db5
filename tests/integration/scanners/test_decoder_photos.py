"""The decoder on real photos of real barcodes (ZXing's black-box set, shared folder)."""

from __future__ import annotations

from pathlib import Path

import cv2
import pytest

from bench.decode_bench import BLACKBOX, FALSE_FOLDER, photos, same_code
from scanners.decoder import decode
from tests.parts.require import require_part

SAMPLE = [
    ("code128-1", "3.png"), ("code128-3", "2.png"), ("code39-1", "1.png"),
    ("datamatrix-1", "C40.png"), ("ean13-2", "01.png"), ("ean13-3", "55.png"),
    ("ean8-1", "8.png"), ("itf-1", "1.png"), ("qrcode-3", "01.png"), ("qrcode-5", "19.png"),
    ("upca-2", "52.png"), ("upca-3", "11.png"), ("upce-2", "41.png"),
]


@pytest.fixture(scope="module")
def blackbox() -> Path:
    require_part(BLACKBOX.is_dir(), f"the shared barcode photos ({BLACKBOX})",
                 "set PACKDESK_BARCODES to the folder holding zxing-blackbox/")
    return BLACKBOX


@pytest.mark.parametrize("folder, name", SAMPLE)
def test_photo_reads_its_text(blackbox, folder, name):
    image = blackbox / folder / name
    expected = image.with_suffix(".txt").read_text("utf-8")
    reads = decode(cv2.imread(str(image)))
    assert any(same_code(r.text, expected) for r in reads), (expected, reads)


def test_photos_without_a_barcode_read_nothing(blackbox):
    for folder, image, _expected in photos(blackbox):
        if folder == FALSE_FOLDER:
            assert decode(cv2.imread(str(image))) == [], image.name


def test_whole_shared_set_beats_zxing_alone(blackbox):
    """zxing-cpp alone reads ~86% of such photos; the extra passes must add to that."""
    items = [(img, exp) for f, img, exp in photos(blackbox) if f != FALSE_FOLDER]
    correct = sum(any(same_code(r.text, exp) for r in decode(cv2.imread(str(img))))
                  for img, exp in items)
    assert correct / len(items) >= 0.88
