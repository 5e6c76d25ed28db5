"""Turn PDFs back into what a scanner and a reader see: pixels, decoded barcodes, text."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import zxingcpp
from PIL import Image

from tests.parts.require import require_part

POPPLER_HOW_TO = "apt-get install --no-install-recommends poppler-utils"


def need_poppler() -> None:
    require_part(all(shutil.which(t) for t in ("pdftoppm", "pdftotext", "pdffonts")),
                 "poppler-utils (pdftoppm, pdftotext, pdffonts)", POPPLER_HOW_TO)


def rasterise(pdf: Path, dpi: int, out: Path) -> list[Image.Image]:
    """Every page at dpi, in grey levels (anti-aliased, so off-grid edges show as grey)."""
    need_poppler()
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(pdf), str(out / "page")],
                   check=True)
    return [Image.open(p).convert("L") for p in sorted(out.glob("page-*.pgm"))]


def decode(page: Image.Image) -> list[str]:
    return sorted(r.text for r in zxingcpp.read_barcodes(page))


def text_of(pdf: Path) -> str:
    need_poppler()
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def fonts_of(pdf: Path) -> list[dict[str, str]]:
    """pdffonts rows as dicts with name, type, emb."""
    need_poppler()
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    rows = []
    for line in lines:
        parts = line.split()
        # name type... encoding emb sub uni object ID
        rows.append({"name": parts[0], "emb": parts[-5], "uni": parts[-3]})
    return rows
