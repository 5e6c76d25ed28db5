"""The carrier's label for a packed parcel: asked for after the completion committed.

A parcel whose carrier issues labels is packed with its shipment `label_pending`. Whoever
asks the carrier (the bench right after the completion, or the background job for parcels
that waited) first CLAIMS the shipment (a conditional UPDATE, like the outbox's claims), then
asks outside any transaction with the shipment's reference as the carrier's idempotency key,
then records the answer only if it still holds the claim. So stations and a cron job sharing
one store buy one label per parcel, and a runner killed mid-request is safe: the next one
asks again with the same reference and gets the same label back.

The label's number goes onto the order(s) and the channel hears of it through the outbox in
the same transaction as it is recorded (exactly once: the message's idempotency key).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from app.domain.carriers import CarrierProfile
from app.domain.errors import NotAllowed, NotFound
from app.domain.messages import Msg
from app.domain.orders import Order, OrderStatus
from app.domain.outbox import OutboxKind, OutboxMessage
from app.domain.parcels import Parcel
from app.domain.products import Product
from app.domain.shipments import RefundState, Shipment, ShipmentState
from app.domain.shipping import (
    Carrier,
    CarrierError,
    CarrierLabel,
    LabelFormat,
    Party,
    PooledCarrier,
    ShipmentRequest,
)
from app.domain.stock import Bucket
from app.services.leases import Claimant, ClaimLost
from app.services.unit_of_work import UnitOfWork, UnitOfWorkFactory
from app.services.waybill_pool import pool_size, pooled_label

NO_CHANNEL_PUSH = {"manual", "csv", "demo"}
# a marketplace that masks its buyers and issues its own e-waybill for them (by the order's
# id on the platform): its masked orders take their label from it, whatever the station's
# carrier. Taobao/Tmall's masked buyers go to Cainiao by the trade's oaid + tid (the order
# keeps the oaid from taobao.trade.fullinfo.get; Cainiao resolves the address).
PLATFORM_WAYBILLS = {"pinduoduo": "pdd_waybill", "douyin": "douyin_waybill",
                     "taobao": "cainiao", "tmall": "cainiao"}
BY_OAID = frozenset({"taobao", "tmall"})  # the e-waybill reaches a masked buyer by oaid
BY = "carrier"
# a carrier adapter for a profile (printing/carriers: the profile names its api and endpoint)
CarrierFor = Callable[[CarrierProfile], Carrier]


@dataclass(frozen=True)
class LabelOutcome:
    """What asking the carrier gave: a label, or why not (and whether it is asked again)."""

    reference: str
    order_numbers: tuple[str, ...]
    carrier: str
    tracking_number: str = ""
    label: bytes = b""
    label_format: str = ""
    error: str = ""
    will_retry: bool = False

    @property
    def labelled(self) -> bool:
        return bool(self.tracking_number)


def _stored_shipment(uow: UnitOfWork, reference: str) -> Shipment:
    """A parcel this station has just claimed: it is in the store."""
    shipment = uow.shipments.get(reference)
    if shipment is None:
        raise NotFound(Msg("There is no parcel {reference}.", reference=reference))
    return shipment


def queue_fulfilment(order: Order, key_part: int | str | None, uow: UnitOfWork) -> None:
    """The channel hears of the shipment with its tracking number; the key makes it once
    per pack session (or per carrier shipment, when the carrier's label came later)."""
    if order.channel in NO_CHANNEL_PUSH:
        return
    uow.outbox.add(OutboxMessage(
        channel=order.channel, kind=OutboxKind.FULFILMENT,
        idempotency_key=f"fulfilment:{order.channel}:{order.channel_order_id}:{key_part}",
        payload={
            "order_number": order.number, "channel_order_id": order.channel_order_id,
            "tracking_number": order.tracking_number, "carrier": order.carrier,
            "lines": [{"sku": line.sku, "quantity": line.verified_quantity}
                      for line in order.lines if line.verified_quantity],
        },
        created_at=uow.now(),
    ))


def receiver_masked(order: Order) -> bool:
    """The marketplace gave us the receiver masked, or carried by its oaid (Order)."""
    return order.receiver_masked


def platform_carrier(parcel: Parcel, uow: UnitOfWork) -> CarrierProfile | None:
    """The platform's own e-waybill carrier for a parcel of its masked orders, when the shop
    set one up (a profile whose api is that e-waybill); None: the usual carrier. A Taobao
    order goes to Cainiao when it has the oaid Cainiao resolves it by."""
    for order in parcel.orders:
        if not order.receiver_oaid and not receiver_masked(order):
            continue  # reachable by no e-waybill, whatever its channel: no read for it
        channel = uow.outbox.channel(order.channel)
        kind = channel.kind if channel else order.channel
        api = PLATFORM_WAYBILLS.get(kind)
        reachable = bool(order.receiver_oaid) if kind in BY_OAID else receiver_masked(order)
        if api and reachable:
            return next((c for c in uow.carriers.everyone() if c.api == api), None)
    return None


def record_shipment(parcel: Parcel, carrier: CarrierProfile, reference: str, uow: UnitOfWork,
                    by: str, box: Product | None = None, fresh_tracking: bool = False,
                    packed_before: Collection[str] | None = None) -> Shipment:
    """The parcel's shipment, in the completion's transaction: label_pending when the carrier
    is to be asked, else labelled with the number the parcel already has. A parcel packed
    again keeps its shipment; an older request still pending for it is withdrawn. The box it
    went in gives the carrier its dimensions (a box's measures in the catalogue).

    `fresh_tracking`: the number was allocated in this transaction, so no shipment has it.
    `packed_before`: the parcel's orders whose trail shows an earlier packing (None: any);
    only those can have an older shipment, since shipments are recorded here only."""
    now, numbers = uow.now(), parcel.numbers
    tracking = next((o.tracking_number for o in parcel.orders if o.tracking_number), None)
    weight = sum(order.weight_g for order in parcel.orders)
    if tracking and not fresh_tracking:
        known = uow.shipments.by_tracking(tracking)
        if known is not None:
            known.order_numbers, known.weight_g = list(numbers), weight
            return known
    for number in numbers:
        if packed_before is not None and number not in packed_before:
            continue
        for older in uow.shipments.for_order(number):
            if older.is_pending:
                older.transition(ShipmentState.CANCELLED, by, now, Msg("packed again"), uow.station)
    shipment = Shipment(reference, carrier.code, carrier.api if not tracking else "",
                        list(numbers), now, weight_g=weight, station=uow.station,
                        service=carrier.service)
    if box is not None:
        shipment.length_mm, shipment.width_mm, shipment.height_mm = (
            box.length_mm, box.width_mm, box.height_mm)
    if tracking:
        shipment.labelled(tracking, b"", "", now, by)
        shipment.label_printed_at = now  # Packdesk draws this label itself, as it always did
    uow.shipments.add(shipment)
    return shipment


def sender_party(carrier: CarrierProfile) -> Party:
    """The shop as the carrier profile names it: the sender, or where a return goes back."""
    lines = [line for line in carrier.sender_address.splitlines() if line.strip()]
    return Party(carrier.sender_name, carrier.sender_phone, line1=lines[0] if lines else "",
                 line2=", ".join(lines[1:]))


def buyer_party(order: Order, channel_kind: str = "") -> Party:
    """The receiver as the store holds it; a Taobao/Tmall order's oaid goes with it (the
    e-waybill asks by oaid + tid, Cainiao resolves the address)."""
    a = order.ship_to
    oaid = order.receiver_oaid if (channel_kind or order.channel) in BY_OAID else ""
    return Party(a.name, a.phone or order.phone, a.line1, a.line2, a.city, a.region,
                 postcode=a.postcode, country=a.country, oaid=oaid,
                 masked=receiver_masked(order))


def request_for(shipment: Shipment, orders: list[Order], carrier: CarrierProfile,
                label_format: str, channel_kind: str = "") -> ShipmentRequest:
    """The carrier's request; `channel` is the channel's kind (pinduoduo, taobao ...) when
    the store knows it, which the platforms' own e-waybills go by."""
    first = Parcel(orders).orders[0]
    sender, receiver = sender_party(carrier), buyer_party(first, channel_kind)
    return ShipmentRequest(
        reference=shipment.reference, sender=sender, receiver=receiver,
        weight_g=shipment.weight_g, length_mm=shipment.length_mm, width_mm=shipment.width_mm,
        height_mm=shipment.height_mm, service=shipment.service,
        channel=channel_kind or first.channel,
        channel_order_id=first.channel_order_id, label_format=LabelFormat(label_format))


def buy_label(reference: str, carriers: CarrierFor, uow_factory: UnitOfWorkFactory,
              claimant: Claimant, label_format: str = "") -> LabelOutcome | None:
    """Ask the carrier for one pending parcel's label. None when another runner holds it or
    it is not pending any more (then nothing was asked)."""
    claimed = _claim_and_read(reference, uow_factory(), claimant, label_format)
    if claimed is None:
        return None
    request, profile, numbers = claimed
    try:
        carrier = carriers(profile)
        if isinstance(carrier, PooledCarrier) and pool_size(profile) > 0:
            label = pooled_label(reference, request, profile, carrier, uow_factory)
        else:
            label = carrier.create_shipment(request)
    except CarrierError as exc:
        return _record_failure(reference, exc, uow_factory(), claimant, numbers, profile)
    return _record_label(reference, label, uow_factory(), claimant)


def profile_copy(carrier: CarrierProfile) -> CarrierProfile:
    """A plain copy that leaves the unit of work with no session attached."""
    return CarrierProfile(
        carrier.code, carrier.name, carrier.service, carrier.prefix, carrier.digits,
        carrier.suffix, carrier.next_sequence, carrier.sender_name, carrier.sender_phone,
        carrier.sender_address, api=carrier.api, api_url=carrier.api_url,
        api_settings=dict(carrier.api_settings or {}), handover_cutoff=carrier.handover_cutoff,
        handover_zone=carrier.handover_zone, quiet_hours=carrier.quiet_hours)


def _claim_and_read(reference: str, uow: UnitOfWork, claimant: Claimant, label_format: str):
    with uow:
        now = uow.now()
        if not uow.shipments.claim(reference, claimant.token, claimant.holder, now,
                                   now + claimant.lease):
            return None
        shipment = uow.shipments.get(reference)
        if shipment is None or not shipment.is_pending or shipment.blocked:
            uow.shipments.release(reference, claimant.token)
            uow.commit()
            return None
        if label_format:
            shipment.label_format = label_format
        found = [uow.orders.get(number) for number in shipment.order_numbers]
        orders = [order for order in found if order is not None]
        carrier = uow.carriers.get(shipment.carrier_code)
        if carrier is None or not carrier.api or len(orders) != len(found):
            raise NotFound(Msg("Parcel {reference}: its carrier {carrier} or its orders are "
                               "gone from the store.", reference=reference,
                               carrier=shipment.carrier_code))
        channel = uow.outbox.channel(Parcel(orders).orders[0].channel)
        request = request_for(shipment, orders, carrier, shipment.label_format or "pdf",
                              channel.kind if channel else "")
        profile, numbers = profile_copy(carrier), tuple(shipment.order_numbers)
        uow.commit()
        return request, profile, numbers


def _held(shipment: Shipment | None, claimant: Claimant, reference: str) -> Shipment:
    if shipment is None or shipment.claim_token != claimant.token:
        raise ClaimLost(Msg("Parcel {reference}: another runner took the label request over.",
                            reference=reference))
    return shipment


def _release(shipment: Shipment) -> None:
    shipment.claim_token = shipment.claimed_by = shipment.claimed_until = None


def _record_label(reference: str, label: CarrierLabel, uow: UnitOfWork,
                  claimant: Claimant) -> LabelOutcome:
    with uow:
        now = uow.now()
        shipment = _held(uow.shipments.get(reference), claimant, reference)
        _release(shipment)
        shipment.carrier_shipment_id = label.shipment_id
        if label.rate is not None:
            shipment.rate_cents, shipment.rate_currency = (label.rate.amount_cents,
                                                           label.rate.currency)
            shipment.service = label.rate.service or shipment.service
        if ShipmentState(shipment.state) is ShipmentState.CANCELLED:
            # the parcel was stopped while its label was being bought: refund that label
            shipment.tracking_number, shipment.label = label.tracking_number, label.label
            shipment.label_format = str(label.label_format)
            shipment.refund_label(RefundState.WANTED, BY, now)
            uow.commit()
            return LabelOutcome(reference, tuple(shipment.order_numbers), shipment.carrier_code,
                                error=Msg("the parcel was stopped; its label will be refunded"))
        shipment.labelled(label.tracking_number, label.label, str(label.label_format), now, BY)
        for number in shipment.order_numbers:
            order = uow.orders.get(number)
            if order is None:
                raise NotFound(Msg("There is no order {number}.", number=number))
            order.tracking_number, order.carrier = label.tracking_number, shipment.carrier_code
            order.note(BY, now, Msg("label {tracking_number} from {carrier_api}",
                                    tracking_number=label.tracking_number, carrier_api=shipment.carrier_api),
                       shipment.station)
            if OrderStatus(order.status) is not OrderStatus.CANCELLED:
                queue_fulfilment(order, f"shipment:{reference}", uow)
        uow.commit()
        return LabelOutcome(reference, tuple(shipment.order_numbers), shipment.carrier_code,
                            label.tracking_number, label.label, str(label.label_format))


def _record_failure(reference: str, exc: CarrierError, uow: UnitOfWork, claimant: Claimant,
                    numbers: tuple[str, ...], profile: CarrierProfile) -> LabelOutcome:
    text = f"{profile.name}: {exc}"
    with uow:
        shipment = _held(uow.shipments.get(reference), claimant, reference)
        _release(shipment)
        shipment.failed(text, exc.temporary, uow.now())
        uow.commit()
    return LabelOutcome(reference, numbers, profile.code, error=text, will_retry=exc.temporary)


def retry_pending_labels(carriers: CarrierFor, uow_factory: UnitOfWorkFactory,
                         claimant: Claimant, limit: int = 50) -> list[LabelOutcome]:
    """The background job: every parcel whose label is due again, each claimed first."""
    with uow_factory() as uow:
        due = uow.shipments.due_for_label(uow.now(), limit)
    outcomes = []
    for reference in due:
        try:
            outcome = buy_label(reference, carriers, uow_factory, claimant)
        except ClaimLost:
            continue
        if outcome is not None:
            outcomes.append(outcome)
    return outcomes


def stop_parcel(order_number: str, by: str, reason: str, uow: UnitOfWork) -> str:
    """A packed order cancelled before it left: the order is cancelled, its units go back
    to available, and a label already bought is refunded at the carrier (by the job)."""
    with uow:
        order = uow.orders.get(order_number)
        if order is None:
            raise NotFound(Msg("There is no order {number}.", number=order_number))
        said = stop_packed_order(order, by, reason, uow)
        uow.commit()
        return said


def stop_packed_order(order: Order, by: str, reason: str, uow: UnitOfWork) -> str:
    """In the caller's transaction (a person's, or intake hearing the channel cancelled)."""
    if OrderStatus(order.status) is not OrderStatus.PACKED:
        raise NotAllowed(Msg("Order {number} is {status}; only a packed parcel that has "
                             "not been handed over can be stopped.", number=order.number,
                             status=str(order.status).replace("_", " ")))
    now = uow.now()
    order.transition(OrderStatus.CANCELLED, by, now, reason, uow.station)
    for line in order.lines:
        item = uow.stock.get(line.sku)
        if item is not None and line.verified_quantity:
            item.move(Bucket.SHIPPED, Bucket.AVAILABLE, line.verified_quantity,
                      "parcel stopped", now, by, uow.station, order.number)
    said = Msg("Order {number} stopped.", number=order.number)
    for shipment in uow.shipments.for_order(order.number):
        state = ShipmentState(shipment.state)
        if state not in (ShipmentState.LABEL_PENDING, ShipmentState.LABELLED):
            continue
        shipment.transition(ShipmentState.CANCELLED, by, now, reason, uow.station)
        if state is ShipmentState.LABELLED and shipment.carrier_api:
            shipment.refund_label(RefundState.WANTED, by, now)
            said = Msg("Order {number} stopped; label {tracking} will be refunded at "
                       "the carrier.", number=order.number, tracking=shipment.tracking_number)
    return said


def refund_stopped_labels(carriers: CarrierFor, uow_factory: UnitOfWorkFactory,
                          claimant: Claimant, limit: int = 50) -> list[tuple[str, str]]:
    """Cancel at the carrier the labels of parcels that were stopped; (reference, outcome)."""
    with uow_factory() as uow:
        wanted = uow.shipments.wanting_refund(uow.now(), limit)
    done = []
    for reference in wanted:
        with uow_factory() as uow:
            now = uow.now()
            if not uow.shipments.claim(reference, claimant.token, claimant.holder, now,
                                       now + claimant.lease):
                continue
            shipment = _stored_shipment(uow, reference)
            carrier = uow.carriers.get(shipment.carrier_code)
            if carrier is None:
                raise NotFound(Msg("Parcel {reference}: its carrier {carrier} is gone from the "
                                   "store.", reference=reference,
                                   carrier=shipment.carrier_code))
            profile = profile_copy(carrier)
            label = CarrierLabel(shipment.tracking_number or "", shipment.carrier_code,
                                 LabelFormat(shipment.label_format or "pdf"),
                                 shipment_id=shipment.carrier_shipment_id)
            unsent = _withdraw_unsent(reference, uow)
            uow.commit()
        outcome: str
        note: str
        if unsent is None:
            outcome = note = Msg("its waybill is being sent to the carrier; cancelled "
                                 "next round")
            refund = RefundState.WANTED
        elif unsent:
            outcome, refund, note = "withdrawn", RefundState.REFUNDED, unsent
        else:
            outcome, refund, note = _cancel_at_carrier(carriers(profile), label, profile)
        with uow_factory() as uow:
            shipment = _held(uow.shipments.get(reference), claimant, reference)
            _release(shipment)
            shipment.refund_label(refund, BY, uow.now(), note)
            uow.commit()
        done.append((reference, outcome))
    return done


def _withdraw_unsent(reference: str, uow: UnitOfWork) -> str | None:
    """A pool number printed offline whose waybill.send never reached the carrier: there
    is nothing to cancel there, the queued send is withdrawn. '' when there is none (the
    carrier is asked to cancel); None while a runner is sending it (asked again later)."""
    held = uow.waybill_pool.held_by(reference)
    if held is None or held.sent:
        return ""
    said = Msg("the carrier never heard of waybill {number}; its queued send is withdrawn",
               number=held.number)
    return said if uow.waybill_pool.withdraw(held.number, said, uow.now()) else None


def _cancel_at_carrier(carrier: Carrier, label: CarrierLabel,
                       profile: CarrierProfile) -> tuple[str, RefundState, str]:
    try:
        carrier.cancel_shipment(label)
        return "refunded", RefundState.REFUNDED, ""
    except CarrierError as exc:
        outcome = Msg("{carrier}: {error}", carrier=profile.name, error=exc)
        return outcome, (RefundState.WANTED if exc.temporary else RefundState.REFUSED), outcome


@dataclass(frozen=True)
class LabelToPrint:
    reference: str
    order_numbers: tuple[str, ...]
    tracking_number: str
    label: bytes
    label_format: str


def take_label_to_print(reference: str, uow: UnitOfWork) -> LabelToPrint | None:
    """The carrier's label for the print queue, once: of two stations (or a bench and the
    job) that both see it, one gets it."""
    with uow:
        if not uow.shipments.take_to_print(reference, uow.now()):
            return None
        shipment = _stored_shipment(uow, reference)
        taken = LabelToPrint(reference, tuple(shipment.order_numbers),
                             shipment.tracking_number or "", shipment.label or b"",
                             shipment.label_format)
        uow.commit()
        return taken


def stored_label(reference: str, uow: UnitOfWork) -> LabelToPrint | None:
    """The carrier's label as it came, to print again (REPRINT); None while pending."""
    with uow:
        shipment = uow.shipments.get(reference)
        if shipment is None or not shipment.label:
            return None
        return LabelToPrint(reference, tuple(shipment.order_numbers),
                            shipment.tracking_number or "", shipment.label,
                            shipment.label_format)


def carrier_label_of_order(number: str, uow: UnitOfWork) -> LabelToPrint | None:
    """The label the carrier issued for an order's newest parcel, if a carrier issued one."""
    with uow:
        for shipment in uow.shipments.for_order(number):
            if shipment.label and ShipmentState(shipment.state) is not ShipmentState.CANCELLED:
                return LabelToPrint(shipment.reference, tuple(shipment.order_numbers),
                                    shipment.tracking_number or "", shipment.label,
                                    shipment.label_format)
        return None


def labels_waiting(station: str, uow: UnitOfWork) -> list[str]:
    """This station's parcels whose carrier label came (by the job) and is not printed."""
    with uow:
        return uow.shipments.unprinted(station)


def ask_again(reference: str, by: str, uow: UnitOfWork) -> str:
    """After the address or the balance was put right: the refused label is asked again."""
    with uow:
        shipment = uow.shipments.get(reference)
        if shipment is None:
            raise NotFound(Msg("There is no parcel {reference}.", reference=reference))
        if not shipment.is_pending:
            raise NotAllowed(Msg("Parcel {reference} is {state}; only a pending label is "
                                 "asked again.", reference=reference,
                                 state=str(shipment.state).replace("_", " ")))
        note = Msg("asked again by {by} after: {reason}",
                   by=by, reason=shipment.blocked or shipment.last_error)
        shipment.blocked, shipment.next_attempt_at, shipment.attempts = "", None, 0
        for number in shipment.order_numbers:
            order = uow.orders.get(number)
            if order is not None:
                order.note(by, uow.now(), note[:500], uow.station)
        uow.commit()
        return Msg("The label for {orders} will be asked again.",
                   orders=", ".join(shipment.order_numbers))
