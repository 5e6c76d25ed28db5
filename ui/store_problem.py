"""Telling the person at the bench why the store cannot be used, in their language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal
from PySide6.QtWidgets import QMessageBox

from app.domain.errors import StoreFault
from ui.i18n import error_text, install_translator

TITLES = {
    StoreFault.READ_ONLY: "The store is read-only",
    StoreFault.FOLDER_READ_ONLY: "The store is read-only",
    StoreFault.DISK_FULL: "The disk is full",
    StoreFault.BUSY: "The store is busy",
    StoreFault.CORRUPT: "The store is damaged",
    StoreFault.DISCONNECTED: "The database server is unreachable",
    StoreFault.UNAVAILABLE: "The store cannot be opened",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("StoreProblem", text)


def show_store_problem(error: BaseException, language: str = "") -> None:
    """A window saying why Packdesk cannot start on this store (no store, no bench)."""
    from ui.app import qt_application

    app = qt_application()
    install_translator(app, language or QLocale.system().name())
    kind = getattr(error, "kind", StoreFault.UNAVAILABLE)
    box = QMessageBox(QMessageBox.Icon.Critical, tr(TITLES.get(kind, TITLES[StoreFault.UNAVAILABLE])),
                      error_text(error))
    if app.platformName() != "offscreen":  # the message went to stderr already
        box.exec()


class StoreNoticeBridge(QObject):
    """Carries a store notice (said on a store worker) to the main thread."""

    said = Signal(object)
