"""The pack bench as the UI sees it: every action one retried command, plain results."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from app.domain.messages import Msg
from app.services import commands as c
from app.services.auth import PackerView, log_in
from app.services.bench_figures import BenchFigures, bench_figures
from app.services.completion import ScanAndComplete, complete_pack, scan_and_complete
from app.services.packing import (
    confirm_by_hand,
    hold_order,
    leave_order,
    open_order,
    pack_on_without_label,
    read_note,
    scan_item,
    take_over,
    undo_last_scan,
)
from app.services.parcels import drop_order, merge_parcel
from app.services.retry import with_retries
from app.services.stock import fefo_suggestion
from app.services.unit_of_work import StockUnitOfWorkFactory
from app.services.views import Completion, OpenOrderResult, OrderView, ScanVerdict, order_view

# matches nothing, and is a string every store accepts (PostgreSQL refuses a NUL byte)
WARM_UP = "~packdesk warm-up~"


class PackBenchService:
    def __init__(self, uow_factory: StockUnitOfWorkFactory, note_ack: bool = False) -> None:
        """`note_ack`: the station asks that a buyer's note be read (PD:NOTEOK) before an
        order's items are scanned or it is completed (the station setting buyer_note_ack)."""
        self.uow_factory = uow_factory
        self.note_ack = note_ack

    def warm_up(self) -> OrderView | None:
        """Run the scan path's queries once, reading only, while the login screen shows.

        The first use of each query costs tens of milliseconds (mappers configured,
        SQL compiled and cached); a packer's first scan, and the first completion's reads,
        should not pay for it. The newest order and pack session are read with what an open
        and a scan load of them (an order's trail, a parcel's orders and serials), so those
        loaders are warm too. The newest order's view is made as an open makes it (its
        address formatted from the country's address data, read from disk on first use:
        28 ms of the first order scan's 53 ms on the store worker) and returned, so the
        bench can paint it once off screen (`PackBenchView.paint_once_off_screen`).
        """
        with self.uow_factory() as uow:
            uow.orders.find_for_scan(WARM_UP)
            uow.orders.for_opening(WARM_UP)
            uow.orders.get(WARM_UP)
            uow.orders.ready_to_merge_with(WARM_UP)
            uow.pack_sessions.get(-1)
            uow.pack_sessions.for_scan(-1, WARM_UP, [WARM_UP])
            uow.orders.parcel([WARM_UP])
            uow.pack_sessions.open_for_order(WARM_UP)
            uow.products.match([WARM_UP])
            uow.products.order_items([WARM_UP])
            uow.scan_events.by_uid(WARM_UP)
            uow.warm_up_commit()  # on PostgreSQL: the statement that numbers an open's rows
            # what the completion of an order's last item reads (its writes are compiled on
            # first use: the warm-up only reads)
            uow.carriers.get(WARM_UP)
            uow.carriers.first()
            uow.stock.get_many([WARM_UP])
            uow.shipments.by_tracking(WARM_UP)
            newest = uow.orders.newest_number()
            order = uow.orders.get(newest) if newest else None
            view = None
            if order is not None:
                len(order.transitions)
                _codes, images = uow.products.order_items([line.sku for line in order.lines])
                view = order_view(order, images)
            session_id = uow.pack_sessions.newest_id()
            pack_session = uow.pack_sessions.get(session_id) if session_id else None
            if pack_session is not None:
                len(pack_session.parcel_orders) + len(pack_session.serials)
            return view

    def lots_to_pick(self, lines: list[tuple[str, int]]) -> dict[str, str]:
        """First expiry first out: per SKU of an order, the lot(s) to take, as text.

        Read after the order is on screen, so it never slows the scan that opened it."""
        hints = {}
        with self.uow_factory() as uow:  # one cheap query when no SKU has lots, the usual case
            with_lots = uow.ledger.skus_with_lots([sku for sku, _quantity in lines])
        for sku, quantity in lines:
            if sku not in with_lots:
                continue
            picks = fefo_suggestion(self.uow_factory(), sku, quantity)
            if picks:
                hints[sku] = ", ".join(
                    f"{p.lot} ({p.expiry:%Y-%m-%d})" if p.expiry else p.lot for p in picks)
        return hints

    def figures(self, packer: str) -> BenchFigures:
        """The queue and the packer's pace: for the periodic worker."""
        return bench_figures(self.uow_factory(), packer)

    def log_in(self, name: str, pin: str) -> PackerView:
        return log_in(c.LogIn(name, pin), self.uow_factory())

    def open_order(self, cmd: c.OpenOrder) -> OpenOrderResult:
        cmd = replace(cmd, note_ack=self.note_ack)
        return with_retries(lambda: open_order(cmd, self.uow_factory()), Msg("Opening the order"))

    def scan_item(self, cmd: c.ScanItem) -> ScanVerdict:
        cmd = replace(cmd, note_ack=self.note_ack)
        return with_retries(lambda: scan_item(cmd, self.uow_factory()), Msg("Recording the scan"))

    def scan_and_complete(self, cmd: c.ScanItem,
                          completes: Callable[[ScanVerdict], c.CompletePack | None]
                          ) -> ScanAndComplete:
        """An item scan, and the completion it leads to (`completes(verdict)`) in the same
        transaction. A completion the core refuses is not stored with it: the scan is then
        recorded alone, and the answer has no completion (the caller asks it on its own)."""
        cmd = replace(cmd, note_ack=self.note_ack)

        def completion(verdict: ScanVerdict) -> c.CompletePack | None:
            plan = completes(verdict)
            return None if plan is None else replace(plan, note_ack=self.note_ack)

        done = with_retries(lambda: scan_and_complete(cmd, completion, self.uow_factory()),
                            Msg("Recording the scan"))
        return done if done is not None else ScanAndComplete(self.scan_item(cmd))

    def read_note(self, cmd: c.ReadNote) -> ScanVerdict:
        return with_retries(lambda: read_note(cmd, self.uow_factory()),
                            Msg("Recording that the note was read"))

    def undo(self, session_id: int) -> ScanVerdict:
        return with_retries(lambda: undo_last_scan(c.UndoLastScan(session_id), self.uow_factory()),
                            Msg("Undoing the scan"))

    def confirm_by_hand(self, cmd: c.ConfirmByHand) -> ScanVerdict:
        cmd = replace(cmd, note_ack=self.note_ack)
        return with_retries(lambda: confirm_by_hand(cmd, self.uow_factory()),
                            Msg("Confirming the item"))

    def hold(self, cmd: c.HoldOrder) -> str:
        return with_retries(lambda: hold_order(cmd, self.uow_factory()), Msg("Holding the order"))

    def complete(self, cmd: c.CompletePack) -> Completion:
        cmd = replace(cmd, note_ack=self.note_ack)
        return with_retries(lambda: complete_pack(cmd, self.uow_factory()),
                            Msg("Completing the order"))

    def merge(self, cmd: c.MergeParcel) -> OpenOrderResult:
        return with_retries(lambda: merge_parcel(cmd, self.uow_factory()),
                            Msg("Packing the orders in one parcel"))

    def drop(self, cmd: c.DropOrder) -> ScanVerdict:
        return with_retries(lambda: drop_order(cmd, self.uow_factory()),
                            Msg("Taking the order out of the parcel"))

    def take_over(self, cmd: c.TakeOverOrder) -> OpenOrderResult:
        return with_retries(lambda: take_over(cmd, self.uow_factory()),
                            Msg("Taking over the order"))

    def pack_on_without_label(self, cmd: c.PackOnWithoutLabel) -> str:
        return with_retries(lambda: pack_on_without_label(cmd, self.uow_factory()),
                            Msg("Recording that packing goes on without the label"))

    def leave(self, session_id: int) -> str:
        return with_retries(lambda: leave_order(c.LeaveOrder(session_id), self.uow_factory()),
                            Msg("Leaving the order"))
