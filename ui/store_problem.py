"""Telling the person at the bench why the store cannot be used, in their language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal
from PySide6.QtWidgets import QMessageBox

from app.domain.errors import StoreFault
from ui.i18n import error_text, install_translator


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr() under ""


def _title(kind: str) -> str:
    read_only = tr("The store is read-only")
    return {
        StoreFault.READ_ONLY: read_only,
        StoreFault.FOLDER_READ_ONLY: read_only,
        StoreFault.DISK_FULL: tr("The disk is full"),
        StoreFault.BUSY: tr("The store is busy"),
        StoreFault.CORRUPT: tr("The store is damaged"),
        StoreFault.DISCONNECTED: tr("The database server cannot be reached"),
    }.get(kind, tr("The store cannot be opened"))


def show_store_problem(error: BaseException, language: str = "") -> None:
    """A window saying why Packdesk cannot start on this store (no store, no bench)."""
    from ui.app import qt_application

    app = qt_application()
    install_translator(app, language or QLocale.system().name())
    box = QMessageBox(QMessageBox.Icon.Critical, _title(getattr(error, "kind", "")),
                      error_text(error))
    if app.platformName() != "offscreen":  # the message went to stderr already
        box.exec()


class StoreNoticeBridge(QObject):
    """Carries a store notice (said on a store worker) to the main thread."""

    said = Signal(object)
