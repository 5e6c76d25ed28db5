"""A still photo of a returned unit, taken with the station's webcam.

The camera is shared with the scanning camera setting (an index, a video file or an
image sequence). Taking a still opens the device, keeps the last of a few frames (the
first ones are often dark while the sensor adjusts), and writes it as a JPEG named
after the case, so the photo is stored with the case by its path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import cv2

from scanners.camera import open_capture

WARM_UP_FRAMES = 5


class PhotoFailed(RuntimeError):
    """The camera gave no picture; the message says what to check."""


@dataclass
class CameraStill:
    source: int | str
    folder: Path

    def __call__(self, rma_number: str) -> str:
        """Take one photo for the case; returns the file's path."""
        capture = open_capture(self.source)
        try:
            if not capture.isOpened():
                raise PhotoFailed(f"The camera {self.source!r} cannot be opened; check the "
                                  "camera setting and that no other program uses it.")
            frame = None
            for _ in range(WARM_UP_FRAMES):
                ok, grabbed = capture.read()
                if not ok:
                    break
                frame = grabbed
        finally:
            capture.release()
        if frame is None:
            raise PhotoFailed(f"The camera {self.source!r} gave no picture.")
        self.folder.mkdir(parents=True, exist_ok=True)
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", rma_number) or "return"
        target = self.folder / f"{safe}-{datetime.now(UTC):%Y%m%d-%H%M%S-%f}.jpg"
        if not cv2.imwrite(str(target), frame):
            raise PhotoFailed(f"The photo could not be written to {target}.")
        return str(target)
