"""The Products screen's "Pull the catalogue from a channel": the channel's products come in
page by page, the network calls on the I/O pool and each page stored on the store worker."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.catalogue_channel import take_in_channel_products
from sync.catalogue_pull import catalogue_channels, pull_catalogue
from sync.credentials import CredentialStore
from ui.i18n import core_text, error_text
from ui.ops import NOTHING, OpChanges, QueryOp, StoreOp, wait_in_store
from ui.tasks import TaskManager

# new products, their figures, and the opening stock of the SKUs the channel counted
PULLED = OpChanges(products=True, stock=True)


class ChannelPullBar(QWidget):
    pulled = Signal(object)  # PullReport

    def __init__(self, uow_factory, tasks: TaskManager, supervisor: str,
                 credentials: Callable[[], CredentialStore] = CredentialStore,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uow_factory, self.tasks, self.supervisor = uow_factory, tasks, supervisor
        self.credentials = credentials
        self.channel = QComboBox(self)
        self.channel.setObjectName("pullChannel")
        self.pull_button = QPushButton(self.tr("Pull the catalogue from the channel"), self)
        self.pull_button.setObjectName("pullCatalogue")
        self.pull_button.setEnabled(False)
        self.pull_button.clicked.connect(self._on_pull_button_clicked)
        self.status = QLabel(self)
        self.status.setObjectName("pullStatus")
        self.status.setWordWrap(True)
        self.notes = QLabel(self)  # what was left out or kept, for a person to settle
        self.notes.setObjectName("pullNotes")
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #b71c1c;")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Sales channel"), self))
        row.addWidget(self.channel, 1)
        row.addWidget(self.pull_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.status)
        column.addWidget(self.notes)
        QueryOp(self, self.tasks, lambda: catalogue_channels(self.uow_factory),
                self._on_channels).failure(self._on_failed).in_store_order() \
            .run_in_background()

    def _on_channels(self, channels) -> None:
        self.channel.clear()
        for view in channels:
            self.channel.addItem(f"{view.code} ({view.kind})", view.code)
        self.pull_button.setEnabled(bool(channels))
        if not channels:
            self.status.setText(self.tr("No Shopify, WooCommerce or Taobao channel yet: "
                                        "connect one with packdesk channel add, then pull "
                                        "its catalogue here."))

    def _on_pull_button_clicked(self) -> None:
        code, by = self.channel.currentData(), self.supervisor
        if not code:
            return
        self.pull_button.setEnabled(False)
        self.status.setStyleSheet("")
        self.notes.clear()
        self.status.setText(self.tr("Pulling the catalogue from {channel}…").format(
            channel=code))

        def store_page(page):  # each page on the store worker, in order with the scans
            return wait_in_store(self.tasks, lambda: take_in_channel_products(
                self.uow_factory(), code, page, by))

        # the channel is asked on the I/O pool; the pages are written by the store worker
        StoreOp(self, self.tasks, lambda: pull_catalogue(
            self.uow_factory, code, by, self.credentials(), store_page=store_page),
            lambda report: NOTHING if report.pulled_elsewhere else PULLED) \
            .success(self._on_pulled).failure(self._on_failed).on_io_pool() \
            .run_in_background(self)

    def _on_pulled(self, report) -> None:
        self.pull_button.setEnabled(True)
        if report.pulled_elsewhere:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("{station} is pulling the catalogue of {channel} "
                                        "now; pull again when it is done.").format(
                station=report.pulled_elsewhere, channel=report.channel))
            return
        self.status.setStyleSheet("color: #1b5e20;")
        self.status.setText(self.tr("From {channel}: {added} products added, {changed} "
                                    "changed; opening stock {units} units for {skus} "
                                    "SKUs.").format(
            channel=report.channel, added=report.added, changed=report.updated,
            units=report.units, skus=report.stocked))
        notes = []
        if report.conflicts:
            notes.append(self.tr("Where the channel says something else than a product, "
                                 "nothing was changed: {count} differences wait in Tools → "
                                 "Differences to settle.").format(count=report.conflicts))
        if report.without_sku:
            notes.append(self.tr("Listed without a SKU, not taken: {count}. Give them a SKU "
                                 "at the channel and pull again.").format(
                count=report.without_sku))
        notes += [f"{note.sku}: {core_text(note.note)}" for note in report.notes[:8]]
        if len(report.notes) > 8:
            notes.append(self.tr("… and {count} more.").format(count=len(report.notes) - 8))
        self.notes.setText("\n".join(notes))
        self.pulled.emit(report)

    def _on_failed(self, error: BaseException) -> None:
        self.pull_button.setEnabled(bool(self.channel.count()))
        self.status.setStyleSheet("color: #b71c1c;")
        self.status.setText(self.tr("The catalogue was not pulled: {reason} What was "
                                    "stored before stays.").format(reason=error_text(error)))
