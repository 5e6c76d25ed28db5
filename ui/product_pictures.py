"""A product's picture, kept in the station's picture folder: a copy of a file the
merchant chose (the original may be on a USB stick or in Downloads), or a webcam still
(ui/returns_photo.CameraStill: the camera setting, a video file in tests). Both run off
the main thread; the path returned is what the product stores."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ui.returns_photo import CameraStill

PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")


class PictureFailed(RuntimeError):
    """The picture could not be kept; the message says why."""


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def _name(sku: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", sku.strip()) or "product"


@dataclass
class ProductPictures:
    folder: Path
    camera: str = ""  # the station's camera setting: "", an index, or a video file

    @property
    def has_camera(self) -> bool:
        return bool(self.camera)

    def from_file(self, source: str, sku: str) -> str:
        path = Path(source)
        if path.suffix.lower() not in PICTURE_SUFFIXES:
            raise PictureFailed(tr("{0} is not a picture (PNG, JPEG or WebP).").format(path.name))
        if not path.is_file():
            raise PictureFailed(tr("{0} is not there any more.").format(path))
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / f"{_name(sku)}-{datetime.now(UTC):%Y%m%d-%H%M%S-%f}" \
                               f"{path.suffix.lower()}"
        shutil.copyfile(path, target)
        return str(target)

    def from_camera(self, sku: str) -> str:
        source: int | str = int(self.camera) if self.camera.isdigit() else self.camera
        return CameraStill(source, self.folder)(_name(sku))
