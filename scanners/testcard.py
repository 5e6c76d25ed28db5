"""The hardware test card and synthetic camera scenes built from real barcode renderings.

The self-test screen asks for the test card's GS1 code; tests and benchmarks put the same
renderings into camera-sized frames (desk texture, uneven light, sensor noise) so a camera
source can be driven by an image sequence.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import zxingcpp

from app.domain.barcodes import TEST_CARD_GS1  # noqa: F401  (the card's code, named here too)

_FORMATS = {"ean13": zxingcpp.BarcodeFormat.EAN13, "ean8": zxingcpp.BarcodeFormat.EAN8,
            "upca": zxingcpp.BarcodeFormat.UPCA, "upce": zxingcpp.BarcodeFormat.UPCE,
            "code128": zxingcpp.BarcodeFormat.Code128, "code39": zxingcpp.BarcodeFormat.Code39,
            "itf": zxingcpp.BarcodeFormat.ITF, "qr": zxingcpp.BarcodeFormat.QRCode,
            "datamatrix": zxingcpp.BarcodeFormat.DataMatrix}
_GS1 = {"gs1-128": "code128", "gs1-datamatrix": "datamatrix", "gs1-qr": "qr"}


def render_code(text: str, symbology: str, scale: int = 3) -> np.ndarray:
    """A gray rendering with quiet zones; GS1 symbologies take the "(01)..." form."""
    options = {"gs1": True} if symbology in _GS1 else {}
    fmt = _FORMATS[_GS1.get(symbology, symbology)]
    image = np.array(zxingcpp.create_barcode(text, fmt, **options).to_image(scale=scale))
    return cv2.copyMakeBorder(image, 12, 12, 12, 12, cv2.BORDER_CONSTANT, value=255)


def scene(size: tuple[int, int] = (1280, 720), code: np.ndarray | None = None,
          at: tuple[int, int] = (100, 100), seed: int = 0, angle: float = 0.0) -> np.ndarray:
    """A BGR camera frame of a packing desk, with `code` (if any) lying at `at`."""
    width, height = size
    rng = np.random.default_rng(seed)
    texture = cv2.resize(rng.integers(60, 190, (height // 16 + 1, width // 16 + 1),
                                      dtype=np.uint8), (width, height))
    light = np.linspace(0.75, 1.15, width, dtype=np.float32)[None, :]
    frame = np.clip(texture * light, 0, 255).astype(np.uint8)
    if code is not None:
        if angle:
            code = _turned(code, angle)
        x, y = at
        h, w = code.shape
        frame[y:y + h, x:x + w] = code[: height - y, : width - x]
    frame = cv2.GaussianBlur(frame, (3, 3), 0.8)
    noise = rng.normal(0, 4, frame.shape).astype(np.int16)
    gray = np.clip(frame.astype(np.int16) + noise, 0, 255).astype(np.uint8)
    return cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)


def _turned(code: np.ndarray, angle: float) -> np.ndarray:
    """The code turned by `angle` degrees on a canvas large enough to keep its corners."""
    h, w = code.shape
    turn = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    cos, sin = abs(turn[0, 0]), abs(turn[0, 1])
    new_w, new_h = int(h * sin + w * cos) + 1, int(h * cos + w * sin) + 1
    turn[0, 2] += new_w / 2 - w / 2
    turn[1, 2] += new_h / 2 - h / 2
    return cv2.warpAffine(code, turn, (new_w, new_h), borderValue=255)


def write_sequence(folder: Path, frames: list[np.ndarray]) -> str:
    """Write frames as 000.png, 001.png, ... and return the OpenCV image-sequence pattern."""
    folder.mkdir(parents=True, exist_ok=True)
    for index, frame in enumerate(frames):
        cv2.imwrite(str(folder / f"{index:03d}.png"), frame)
    return str(folder / "%03d.png")


def write_video(path: Path, frames: list[np.ndarray], fps: float = 30.0) -> str:
    """Write frames as a video file (MJPG in .avi, mp4v in .mp4) for a camera to play."""
    height, width = frames[0].shape[:2]
    fourcc = cv2.VideoWriter_fourcc(*("mp4v" if path.suffix == ".mp4" else "MJPG"))
    writer = cv2.VideoWriter(str(path), fourcc, fps, (width, height))
    if not writer.isOpened():
        raise OSError(f"cannot write a video at {path}: no encoder for {path.suffix}")
    try:
        for frame in frames:
            writer.write(frame)
    finally:
        writer.release()
    return str(path)
