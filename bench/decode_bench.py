"""Decoder benchmark: real photos per folder, side by side with plain libraries, and speed.

Rows: per folder and decoder, correct / false / median / p95 ms; then the headline keys
decode_shared_correct_pct, decode_false_reads (on falsepositives-2), decode_720p_*,
decode_480p_* and camera_scan_latency_ms. Runs pinned to one core, as on a bench PC
whose other core draws the UI.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
import zxingcpp

from scanners.decoder import decode, upca_to_upce, upce_to_upca

SHARED = Path(os.environ.get("PACKDESK_BARCODES",
                             Path(__file__).resolve().parents[2] / "shared" / "barcodes"))
BLACKBOX = SHARED / "zxing-blackbox"
FALSE_FOLDER = "falsepositives-2"
IMAGE_EXTS = (".png", ".jpg", ".jpeg", ".gif", ".bmp")


def photos(root: Path = BLACKBOX) -> list[tuple[str, Path, str | None]]:
    """(folder, image, expected text or None for a no-barcode photo), sorted."""
    found = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        for image in sorted(folder.iterdir()):
            if image.suffix.lower() in IMAGE_EXTS:
                txt = image.with_suffix(".txt")
                expected = txt.read_text("utf-8", errors="replace") if txt.exists() else None
                found.append((folder.name, image, expected))
    return found


def same_code(got: str, expected: str) -> bool:
    """ZXing's own matching: trimmed text, UPC-A as EAN-13 with a 0, UPC-E expanded."""
    got, expected = (s.replace("\r\n", "\n").strip() for s in (got, expected))
    return got == expected or bool(_upc_forms(got) & _upc_forms(expected))


def _upc_forms(code: str) -> set[str]:
    """The 8-, 12- and 13-digit spellings of one UPC/EAN number."""
    if not code.isdigit():
        return set()
    forms = {code}
    if len(code) == 13 and code.startswith("0"):
        forms.add(code[1:])
    if len(code) == 8:
        forms.add(upce_to_upca(code) or code)
    for twelve in [f for f in forms if len(f) == 12]:
        forms |= {"0" + twelve, upca_to_upce(twelve) or twelve}
    return forms


def _packdesk(gray: np.ndarray) -> list[str]:
    return [r.text for r in decode(gray)]


def _zxing_defaults(gray: np.ndarray) -> list[str]:
    return [b.text for b in zxingcpp.read_barcodes(gray)]


def _pyzbar(gray: np.ndarray) -> list[str]:
    from pyzbar import pyzbar

    return [r.data.decode("utf-8", errors="replace") for r in pyzbar.decode(gray)]


_CV_BARCODE = cv2.barcode.BarcodeDetector()
_CV_QR = cv2.QRCodeDetector()


def _opencv(gray: np.ndarray) -> list[str]:
    texts = []
    ok, decoded, _types, _points = _CV_BARCODE.detectAndDecodeWithType(gray)
    if ok:
        texts += [t for t in decoded if t]
    ok, decoded, _points, _ = _CV_QR.detectAndDecodeMulti(gray)
    if ok:
        texts += [t for t in decoded if t]
    return texts


DECODERS: dict[str, Callable[[np.ndarray], list[str]]] = {
    "packdesk": _packdesk, "zxing": _zxing_defaults, "pyzbar": _pyzbar, "opencv": _opencv,
    # what each extra pass buys: the same decoder with passes switched off
    "packdesk-live": lambda g: [r.text for r in decode(g, fast=True)],
    "packdesk-nopyzbar": lambda g: [r.text for r in decode(g, fallback=False)],
}


def score(decoder: Callable[[np.ndarray], list[str]], items) -> dict[str, dict]:
    """Per folder: correct photos, false reads, times per image in ms."""
    table: dict[str, dict] = {}
    for folder, _path, expected, gray in items:
        start = time.perf_counter()
        texts = decoder(gray)
        ms = (time.perf_counter() - start) * 1000
        row = table.setdefault(folder, {"n": 0, "correct": 0, "false": 0, "ms": []})
        row["n"] += 1
        row["ms"].append(ms)
        if expected is None:
            row["false"] += len(texts)
            continue
        row["correct"] += any(same_code(t, expected) for t in texts)
        row["false"] += sum(not same_code(t, expected) for t in texts)
    return table


def _p95(values: list[float]) -> float:
    return float(np.percentile(values, 95)) if values else float("nan")


def _row(key, value, unit, target="", note="") -> dict:
    return {"key": key, "value": float(value), "unit": unit, "target": target, "note": note}


def shared_rows() -> list[dict]:
    items = [(f, p, e, cv2.imread(str(p), cv2.IMREAD_GRAYSCALE)) for f, p, e in photos()]
    items = [i for i in items if i[3] is not None]
    rows, totals = [], {}
    for name, decoder in DECODERS.items():
        table = score(decoder, items)
        for folder, r in table.items():
            rows.append(_row(f"decode_{name}_{folder}_correct", r["correct"], f"of {r['n']}",
                             note=f"false {r['false']}, median {statistics.median(r['ms']):.1f} ms,"
                                  f" p95 {_p95(r['ms']):.1f} ms"))
        real = [r for f, r in table.items() if f != FALSE_FOLDER]
        pct = 100 * sum(r["correct"] for r in real) / sum(r["n"] for r in real)
        fp = table.get(FALSE_FOLDER, {"false": 0})["false"]
        every_ms = [m for r in table.values() for m in r["ms"]]
        totals[name] = (pct, fp, statistics.median(every_ms), _p95(every_ms))
        rows.append(_row(f"decode_{name}_correct_pct", pct, "%",
                         note=f"{FALSE_FOLDER} reads {fp}, median {totals[name][2]:.1f} ms,"
                              f" p95 {totals[name][3]:.1f} ms"))
    best_other = max(v[0] for k, v in totals.items() if not k.startswith("packdesk"))
    rows.append(_row("decode_shared_correct_pct", totals["packdesk"][0], "%", ">= best single, aim 90",
                     f"best single library {best_other:.1f}%"))
    rows.append(_row("decode_false_reads", totals["packdesk"][1], "reads", "0",
                     f"on {FALSE_FOLDER}"))
    return rows
