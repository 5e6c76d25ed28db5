"""The carrier's own label on the station's label printer, as the carrier delivered it.

CarrierLabelPrinting is the bench's label output (what LabelPrinting is for an own-range
label): called on the bench's network worker right after a completion, it asks the carrier
for a pending parcel's label (app/services/shipments.py buy_label: claimed, outside any
transaction) and sends the PDF or ZPL bytes through the spooler untouched. A carrier that
does not answer leaves the parcel pending and the bench packing on; ParcelJobs, a plain
background thread, asks again, refunds stopped parcels' labels, and prints the labels that
the job (or a cron run) fetched for this station; for a carrier with a waybill-number pool
(JD Logistics) it also sends the parcels printed offline and tops the pool up.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from app.domain.messages import Msg
from app.services.leases import Claimant
from app.services.shipments import (
    CarrierFor,
    LabelToPrint,
    buy_label,
    labels_waiting,
    refund_stopped_labels,
    retry_pending_labels,
    stored_label,
    take_label_to_print,
)
from app.services.tracking import track_once
from app.services.unit_of_work import UnitOfWorkFactory
from app.services.views import Completion
from app.services.waybill_sends import replay_waybill_sends, top_up_pools
from printing.printers import PDF, ZPL, Document
from printing.spooler import Spooler
from printing.station import CUPS_MEDIA, DocumentKind

log = logging.getLogger(__name__)
CONTENT_TYPES = {"pdf": PDF, "zpl": ZPL}


class CarrierLabelPrinting:
    """`own` prints Packdesk's own labels (own number range); carrier labels go as they are."""

    def __init__(self, own, spooler: Spooler, carriers: CarrierFor,
                 uow_factory: UnitOfWorkFactory, claimant: Claimant) -> None:
        self.own, self.spooler, self.carriers = own, spooler, carriers
        self.uow_factory, self.claimant = uow_factory, claimant

    @property
    def printer(self):
        return self.own.printer

    def use(self, route) -> None:
        self.own.use(route)

    def warm_up(self) -> None:
        self.own.warm_up()

    def __call__(self, completion: Completion) -> str:
        if not completion.shipment_reference or not completion.label_pending:
            return self.own(completion)
        wanted = "zpl" if self.own.route.wants_zpl else "pdf"
        outcome = buy_label(completion.shipment_reference, self.carriers, self.uow_factory,
                            self.claimant, wanted)
        if outcome is None:  # asked before: print what the carrier gave (REPRINT), if it came
            taken = (take_label_to_print(completion.shipment_reference, self.uow_factory())
                     or stored_label(completion.shipment_reference, self.uow_factory()))
            if taken is None:
                return Msg("label pending: another station is asking the carrier for it")
            return self.print(taken)
        if not outcome.labelled:
            later = (Msg("it prints when the carrier answers") if outcome.will_retry
                     else Msg("a supervisor must put it right (see Alerts)"))
            return Msg("label pending: {error}; {later}", error=outcome.error, later=later)
        taken = take_label_to_print(outcome.reference, self.uow_factory())
        return self.print(taken) if taken else Msg("label {tracking_number} printed elsewhere",
                                                   tracking_number=outcome.tracking_number)

    def print(self, taken: LabelToPrint) -> str:
        content_type = CONTENT_TYPES.get(taken.label_format)
        if content_type is None:
            raise ValueError(Msg("the carrier's label for {order_numbers} is {label_format}; the label printer takes PDF or ZPL",
                                 order_numbers=', '.join(taken.order_numbers),
                                 label_format=taken.label_format or Msg("of no known format")))
        media = CUPS_MEDIA.get(self.own.route.paper, "") if content_type == PDF else ""
        document = Document(Msg("Label {order_numbers} {tracking_number}",
                                order_numbers=', '.join(taken.order_numbers), tracking_number=taken.tracking_number),
                            taken.label, content_type, media, 1, DocumentKind.SHIPPING_LABEL)
        job_id = self.spooler.submit(self.printer, document,
                                     subject=",".join(taken.order_numbers))
        return Msg("{tracking_number}: job {job_id} → {printer}",
                   tracking_number=taken.tracking_number, job_id=job_id, printer=self.printer.name)

    def print_waiting(self, station: str) -> list[str]:
        """Every label the job fetched for this station, each once, oldest first."""
        printed: list[str] = []
        while True:
            waiting = labels_waiting(station, self.uow_factory())
            taken = [t for t in (take_label_to_print(reference, self.uow_factory())
                                 for reference in waiting) if t is not None]
            printed += [self.print(t) for t in taken]
            if not taken:
                return printed


class ParcelJobs:
    """Every `every_s`: labels due again, refunds of stopped parcels, this station's labels
    that came meanwhile; every `track_every_s` the parcels' tracking (one thread; each piece
    of work is claimed in the store, the tracking by its lease)."""

    def __init__(self, labels: CarrierLabelPrinting, station: str, every_s: float = 30.0,
                 on_printed: Callable[[list[str]], None] | None = None,
                 track_every_s: float = 3600.0) -> None:
        self.labels, self.station, self.every_s = labels, station, every_s
        self.on_printed, self.track_every_s = on_printed, track_every_s
        self._tracked_at = float("-inf")
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="parcel-jobs", daemon=True)

    def run_once(self) -> list[str]:
        labels = self.labels
        replay_waybill_sends(labels.carriers, labels.uow_factory, labels.claimant)
        retry_pending_labels(labels.carriers, labels.uow_factory, labels.claimant)
        refund_stopped_labels(labels.carriers, labels.uow_factory, labels.claimant)
        top_up_pools(labels.carriers, labels.uow_factory, labels.claimant)
        if time.monotonic() - self._tracked_at >= self.track_every_s:
            self._tracked_at = time.monotonic()
            track_once(labels.carriers, labels.uow_factory, labels.claimant)
        return labels.print_waiting(self.station)

    def _run(self) -> None:
        while not self._stop.wait(self.every_s):
            try:
                printed = self.run_once()
            except Exception as exc:  # the store or a carrier down: the next round retries
                log.warning("parcel jobs: %s", exc)
                continue
            if printed and self.on_printed:
                self.on_printed(printed)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)
