"""Live camera preview with the detected codes outlined, so the packer sees what was read."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from scanners.camera import CameraScanner

OUTLINE = QColor(0, 200, 0)


class CameraPreview(QWidget):
    """Shows the camera's frames scaled to fit, with a green outline around each code."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frame = QImage()
        self.quads: list = []
        self._message = self.tr("No camera")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)

    def attach(self, camera: CameraScanner) -> None:
        camera.frame_ready.connect(self._on_camera_frame_ready)
        camera.status_changed.connect(self._on_camera_status_changed)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(640, 360)

    def _on_camera_frame_ready(self, frame: QImage, quads: list) -> None:
        self.frame, self.quads = frame, quads
        self.update()

    def _on_camera_status_changed(self, text: str) -> None:
        self._message = text
        self.update()

    def image_rect(self) -> QRectF:
        """Where the frame is drawn: scaled to fit, centred, aspect kept."""
        if self.frame.isNull():
            return QRectF()
        scale = min(self.width() / self.frame.width(), self.height() / self.frame.height())
        w, h = self.frame.width() * scale, self.frame.height() * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.black)
        if self.frame.isNull():
            painter.setPen(Qt.GlobalColor.white)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self._message)
            return
        target = self.image_rect()
        painter.drawImage(target, self.frame)
        scale = target.width() / self.frame.width()
        painter.setPen(QPen(OUTLINE, 3))
        for quad in self.quads:
            points = [QPointF(target.x() + x * scale, target.y() + y * scale) for x, y in quad]
            painter.drawPolygon(QPolygonF(points))
