"""`packdesk decode [--json] IMAGE...`: the bench's decoder on image files.

For a user checking a photo ("why won't this label scan?") and for benchmarks. A file that
cannot be read is reported on stderr and the others are still decoded.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import cv2
import numpy as np

from app.domain.messages import Msg
from app.domain.translation import for_terminal
from scanners.decoder import decode


class UnreadableImage(Exception):
    """The file is missing or holds no image we can read."""


def load_image(path: str) -> np.ndarray:
    """A gray image from any path (non-ASCII names too); Pillow for what OpenCV can't read."""
    try:
        data = np.fromfile(path, dtype=np.uint8)
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise UnreadableImage(f"cannot open {path}: {reason}") from None
    image = cv2.imdecode(data, cv2.IMREAD_GRAYSCALE) if data.size else None
    if image is not None:
        return image
    try:
        from PIL import Image, UnidentifiedImageError

        with Image.open(path) as picture:
            return np.array(picture.convert("L"))
    except (OSError, UnidentifiedImageError, ValueError):
        raise UnreadableImage(f"cannot read {path}: not an image file") from None


def decode_main(paths: list[str], as_json: bool) -> int:
    """Decode each file; 0 when every file could be opened, 1 otherwise."""
    results, failed = [], 0
    for path in paths:
        try:
            image = load_image(path)
        except UnreadableImage as error:
            print(f"packdesk decode: {error}", file=sys.stderr)
            failed += 1
            continue
        reads = [{"symbology": r.symbology, "text": r.text} for r in decode(image)]
        results.append({"path": path, "reads": reads})
        if not as_json:
            _print_reads(path, reads)
    if as_json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    return 1 if failed else 0


def _print_reads(path: str, reads: list[dict]) -> None:
    if not reads:
        print(for_terminal(Msg("{path}: no barcode found", path=path)))
    for read in reads:
        shown = read["text"].replace("\x1d", "<GS>")
        print(f"{path}: {read['symbology']} {shown}")


def build_parser(parser: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    """The `decode` arguments, on a parser of its own or a sub-command's."""
    parser = parser or argparse.ArgumentParser(
        prog="packdesk decode", description="Read the barcodes in image files.")
    parser.add_argument("--json", action="store_true",
                        help='print [{"path": ..., "reads": [{"symbology": ..., "text": ...}]}]')
    parser.add_argument("images", nargs="+", metavar="IMAGE", type=str)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return decode_main([str(Path(p)) for p in args.images], args.json)


if __name__ == "__main__":
    sys.exit(main())
