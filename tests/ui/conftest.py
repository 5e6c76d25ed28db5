"""Fixtures shared by the bench's UI tests."""

import pytest
from PySide6.QtCore import QLocale

from tests.ui.orders import one_item_order, two_orders  # noqa: F401 (fixtures)


@pytest.fixture(autouse=True)
def _qt_locale_is_restored():
    """install_translator sets Qt's default locale for the whole process; a test that shows
    the screens in Chinese must not leave the next test's dates and numbers in Chinese."""
    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.fixture(autouse=True)
def _no_dialog_outlives_its_test():
    """A message box a test left open (the clip player's 'no pack video' note, opened with
    open() and never answered) stays a visible window of the process; the next test that
    counts the windows an action opened (test_role_checks) then counted it too."""
    yield
    from PySide6.QtWidgets import QApplication, QDialog

    if QApplication.instance() is None:
        return
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.close()
