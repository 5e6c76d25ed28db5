"""Cycle counts by scanning: open over a location or SKUs, count blind, close, approve.

Approval needs a supervisor (check_supervisor) and writes one ADJUSTMENT move per SKU
whose count differs, in the same transaction as the decision.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.barcodes import code_keys, scan_problem
from app.domain.counting import CountLine, CountSession, CountStatus, accuracy
from app.domain.errors import InvalidInput, NotAllowed, NotFound
from app.domain.messages import Msg
from app.domain.stock import Bucket, InsufficientStock, StockItem
from app.services.auth import check_supervisor, supervisor_pins_counted
from app.services.commands import SupervisorApproval
from app.services.unit_of_work import StockUnitOfWork

MAX_SKUS = 500


@dataclass(frozen=True)
class OpenCount:
    by: str
    location: str = ""
    skus: tuple[str, ...] = ()


@dataclass(frozen=True)
class CountScan:
    session_id: int
    text: str
    quantity: int = 1


@dataclass(frozen=True)
class BlindLine:
    """What the counter may see while counting: never the system's figure."""

    sku: str
    counted: int
    in_scope: bool


@dataclass(frozen=True)
class CountView:
    id: int
    scope_kind: str
    scope: str
    status: str
    lines: tuple[BlindLine, ...]
    message: str = ""


@dataclass(frozen=True)
class VarianceLine:
    sku: str
    name: str
    expected: int
    counted: int
    variance: int


@dataclass(frozen=True)
class VarianceReport:
    id: int
    status: str
    lines: tuple[VarianceLine, ...]
    accuracy: float | None  # SKUs counted equal / SKUs counted

    @property
    def units_short(self) -> int:
        return -sum(line.variance for line in self.lines if line.variance < 0)

    @property
    def units_over(self) -> int:
        return sum(line.variance for line in self.lines if line.variance > 0)


def open_count(cmd: OpenCount, uow: StockUnitOfWork) -> CountView:
    with uow:
        if cmd.location.strip():
            kind, scope = "location", cmd.location.strip().upper()
            skus = uow.ledger.skus_at(scope)
        else:
            skus = list(dict.fromkeys(s.strip() for s in cmd.skus if s.strip()))
            kind, scope = "skus", ",".join(skus)
            unknown = [s for s in skus if uow.products.get(s) is None]
            if unknown:
                raise NotFound(Msg("Not products Packdesk knows: {skus}.",
                                   skus=", ".join(unknown[:10])))
        if len(skus) > MAX_SKUS:
            raise InvalidInput(Msg("A count covers at most {most} SKUs; split it.",
                                   most=MAX_SKUS))
        session = CountSession(kind, scope, cmd.by, uow.now(), uow.station,
                               lines=[CountLine(sku) for sku in skus])
        uow.counts.add(session)
        uow.commit()
        return _blind(session)


def _session(uow: StockUnitOfWork, session_id: int) -> CountSession:
    session = uow.counts.get(session_id)
    if session is None:
        raise NotFound(Msg("There is no count {id}.", id=session_id))
    return session


def count_scan(cmd: CountScan, uow: StockUnitOfWork) -> CountView:
    problem = scan_problem(cmd.text)
    if problem:
        raise InvalidInput(problem)
    with uow:
        session = _session(uow, cmd.session_id)
        match = uow.products.match(code_keys(cmd.text))
        if match is None:
            raise NotFound(Msg("“{text}” is not a product code Packdesk knows; put the item "
                               "aside for a supervisor.", text=cmd.text.strip()))
        line = session.count(match.sku, cmd.quantity * match.pack_quantity)
        uow.commit()
        template = "{sku}: {counted}" if line.in_scope else \
            "{sku}: {counted} (not on this count's list)"
        return _blind(session, Msg(template, sku=match.sku, counted=line.counted))


def recount(session_id: int, sku: str, quantity: int, uow: StockUnitOfWork) -> CountView:
    with uow:
        session = _session(uow, session_id)
        if uow.products.get(sku) is None:
            raise NotFound(Msg("There is no product {sku}.", sku=sku))
        line = session.recount(sku, quantity)
        uow.commit()
        return _blind(session, Msg("{sku}: {counted}", sku=line.sku, counted=line.counted))


def close_counting(session_id: int, by: str, uow: StockUnitOfWork) -> VarianceReport:
    """Counting ends: the system's on-hand figures are captured, the variance is known."""
    with uow:
        session = _session(uow, session_id)
        items = {i.sku: i for i in uow.ledger.items([line.sku for line in session.lines])}
        expected = {sku: item.on_hand for sku, item in items.items()}
        session.close_counting(expected, by, uow.now(), uow.station)
        uow.commit()
        return _report(session, uow)


def variance_report(session_id: int, uow: StockUnitOfWork) -> VarianceReport:
    with uow:
        session = _session(uow, session_id)
        if session.status == CountStatus.COUNTING:
            raise NotAllowed(Msg("The count is blind: close counting to see the variance."))
        return _report(session, uow)


@supervisor_pins_counted
def approve(session_id: int, approval: SupervisorApproval | None,
            uow: StockUnitOfWork) -> VarianceReport:
    """A supervisor accepts the count: each variance becomes an adjustment move."""
    with uow:
        session, supervisor = _decide(session_id, approval, uow, "Approving a stock count",
                                      CountStatus.APPROVED)
        for line in session.lines:
            if line.variance:
                _adjust(uow, line, session.id, supervisor)
        uow.commit()
        return _report(session, uow)


@supervisor_pins_counted
def reject(session_id: int, approval: SupervisorApproval | None,
           uow: StockUnitOfWork) -> VarianceReport:
    with uow:
        session, _supervisor = _decide(session_id, approval, uow, "Rejecting a stock count",
                                       CountStatus.REJECTED)
        uow.commit()
        return _report(session, uow)


def _decide(session_id: int, approval: SupervisorApproval | None, uow: StockUnitOfWork,
            what: str, to: CountStatus) -> tuple[CountSession, str]:
    """A supervisor approves or rejects a closed count, the reason in its history."""
    session = _session(uow, session_id)
    supervisor = check_supervisor(uow, approval, what)
    assert approval is not None  # check_supervisor refuses a missing approval
    session.transition(to, supervisor, uow.now(), approval.reason, uow.station)
    return session, supervisor


def cancel(session_id: int, by: str, uow: StockUnitOfWork) -> CountView:
    with uow:
        session = _session(uow, session_id)
        session.transition(CountStatus.CANCELLED, by, uow.now(), "cancelled", uow.station)
        uow.commit()
        return _blind(session, Msg("Count cancelled."))


def _adjust(uow: StockUnitOfWork, line: CountLine, session_id: int | None, by: str) -> None:
    """Found units become available; missing ones leave available first, then frozen."""
    item = uow.ledger.get_for_update(line.sku)
    if item is None:
        item = StockItem(sku=line.sku)
        uow.stock.add(item)
    reason = f"cycle count {session_id}"
    now = uow.now()
    if line.variance > 0:
        item.move(Bucket.ADJUSTMENT, Bucket.AVAILABLE, line.variance, reason, now, by,
                  uow.station)
        return
    missing = -line.variance
    for bucket in (Bucket.AVAILABLE, Bucket.FROZEN):
        units = min(missing, getattr(item, bucket.value))
        if units:
            item.move(bucket, Bucket.ADJUSTMENT, units, reason, now, by, uow.station)
            missing -= units
    if missing:
        raise InsufficientStock(Msg(
            "{sku}: {missing} of the missing units are reserved by open orders; put those "
            "orders on hold or short-ship them, then approve the count.",
            sku=line.sku, missing=missing))


def _blind(session: CountSession, message: str = "") -> CountView:
    lines = tuple(BlindLine(line.sku, line.counted, line.in_scope) for line in session.lines)
    return CountView(session.id or 0, session.scope_kind, session.scope, str(session.status),
                     lines, message)


def _report(session: CountSession, uow: StockUnitOfWork) -> VarianceReport:
    names = uow.ledger.product_names([line.sku for line in session.lines])
    lines = tuple(VarianceLine(line.sku, names.get(line.sku, ""), line.expected or 0,
                               line.counted, line.variance) for line in session.lines)
    return VarianceReport(session.id or 0, str(session.status), lines,
                          accuracy(session.lines))
