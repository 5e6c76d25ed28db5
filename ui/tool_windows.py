"""The tool windows a station has open, so that logging out or the idle lock closes them:
behind the lock screen nothing stays open but the log-in."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QPoint, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

_open_windows: list[QWidget] = []  # top-level tool windows stay alive while shown
_opening: list[str] = []  # the menu entry being opened: a window without a title takes it


def track(widget: QWidget) -> None:
    """Closed with the others at the lock; forgotten once destroyed."""
    _open_windows.append(widget)
    widget.destroyed.connect(lambda: _open_windows.remove(widget) if widget in _open_windows
                             else None)


@contextmanager
def opening(title: str):
    """While a menu entry's handler runs: the window it shows is named after the entry."""
    _opening.append(title.rstrip("…").rstrip("."))
    try:
        yield
    finally:
        _opening.pop()


def show_tool_window(widget: QWidget, title: str = "") -> None:
    """Closed at the lock; its own title (never a bare "python"); a useful size, on the
    bench's screen."""
    widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    track(widget)
    title = title or (_opening[-1] if _opening else "")
    if title and not widget.windowTitle():
        widget.setWindowTitle(QCoreApplication.translate("", "{0} — Packdesk").format(title))
    place_tool_window(widget)
    widget.show()


def place_tool_window(widget: QWidget, least: QSize = QSize(900, 600)) -> None:
    """A tool window opens at a useful size (at least `least`, at most 90 % of the screen)
    and wholly on the screen the bench is on, centred: never off-screen, never a sliver."""
    anchor = QApplication.activeWindow()
    screen = (anchor.screen() if anchor is not None else None) or \
        QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    hint = widget.sizeHint()
    width = min(max(hint.width(), least.width()), int(area.width() * 0.9))
    height = min(max(hint.height(), least.height()), int(area.height() * 0.9))
    widget.resize(width, height)
    size = widget.size()  # a window's own minimum may keep it larger
    corner = area.center() - QPoint(size.width() // 2, size.height() // 2)
    widget.move(max(area.left(), min(corner.x(), area.right() - size.width())),
                max(area.top(), min(corner.y(), area.bottom() - size.height())))


def close_tool_windows() -> None:
    for widget in list(_open_windows):
        if widget in _open_windows:
            _open_windows.remove(widget)
        widget.close()


def open_tool_windows() -> list[QWidget]:
    return [w for w in _open_windows if w.isVisible()]
