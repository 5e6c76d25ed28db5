"""Guards against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 on Python 3.11 takes one reference from None on every call of a method
that returns nothing (setText, QTimer.start...). None is not immortal before Python 3.12,
so a bench crashed with "deallocating None" after a few thousand scans. This pins the
behaviour: calling Qt must leave None's reference count where it was.
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit


def test_calling_qt_methods_does_not_leak_references_to_none(qtbot):
    field, timer = QLineEdit(), QTimer()
    qtbot.addWidget(field)
    before = sys.getrefcount(None)
    for _ in range(2000):
        field.setText("4006381333931")
        timer.start(5)
        timer.stop()
    assert abs(sys.getrefcount(None) - before) < 100
