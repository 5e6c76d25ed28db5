"""One dataclass per user action at the bench."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.weighing import WeightTolerance


@dataclass(frozen=True)
class LogIn:
    name: str
    pin: str


@dataclass(frozen=True)
class OpenOrder:
    text: str
    packer: str
    source: str = "keyboard"
    number: str | None = None  # chosen from an ambiguous list
    note_ack: bool = False  # the station asks for a buyer's note to be read first


@dataclass(frozen=True)
class ScanItem:
    session_id: int
    scan_uid: str
    text: str
    source: str = "keyboard"
    quantity: int = 1
    symbology: str = ""
    lot: str = ""
    serial: str = ""
    code: str = ""  # the product code inside the scan (a GS1 code's GTIN); text by default
    note_ack: bool = False  # refused while a buyer's note waits to be read


@dataclass(frozen=True)
class UndoLastScan:
    session_id: int


@dataclass(frozen=True)
class ConfirmByHand:
    session_id: int
    scan_uid: str
    sku: str
    reason: str
    quantity: int = 1
    approval: SupervisorApproval | None = None  # always asked for: no scan, so a second pair
    # of eyes (a must-scan item cannot be confirmed by hand at all)
    note_ack: bool = False  # refused while a buyer's note waits to be read


@dataclass(frozen=True)
class SupervisorApproval:
    name: str
    pin: str
    reason: str


@dataclass(frozen=True)
class HoldOrder:
    session_id: int
    approval: SupervisorApproval


@dataclass(frozen=True)
class CompletePack:
    session_id: int
    approval: SupervisorApproval | None = None  # needed when not every item is verified
    weighed_g: float | None = None  # the station scale's settled weight; None: no scale
    box_sku: str = ""  # the box the parcel went into (a product marked as a box)
    box_tare_g: float = 0.0  # without a box scanned: the station's usual box
    weight_override: SupervisorApproval | None = None  # ship although the weight is off
    tolerance: WeightTolerance = WeightTolerance()
    note_ack: bool = False  # refused while a buyer's note waits to be read


@dataclass(frozen=True)
class TakeOverOrder:
    """A supervisor moves an order open at another station to this one, for `packer`."""

    number: str
    packer: str
    approval: SupervisorApproval


@dataclass(frozen=True)
class PackOnWithoutLabel:
    """The packer goes on to the next order although the label of `numbers` did not print
    (`printer`, `problem`): recorded in each order's trail."""

    numbers: tuple[str, ...]
    packer: str
    printer: str
    problem: str


@dataclass(frozen=True)
class ReadNote:
    """The packer read the buyer's notes of the parcel open in this session (PD:NOTEOK)."""

    session_id: int
    packer: str


@dataclass(frozen=True)
class LeaveOrder:
    """The packer walks away from an order unfinished; it goes back to ready."""

    session_id: int


@dataclass(frozen=True)
class MergeParcel:
    """Pack the orders offered (same buyer, same address) in this session's parcel."""

    session_id: int
    numbers: tuple[str, ...] = ()  # as offered to the packer; () means every ready one


@dataclass(frozen=True)
class DropOrder:
    """Take one order out of a merged parcel (a cancelled one, or one that must wait)."""

    session_id: int
    number: str


@dataclass(frozen=True)
class CloseRefundManually:
    """A refund the channel refused, settled by a supervisor by hand: the case closes."""

    rma_number: str
    approval: SupervisorApproval  # the supervisor, their PIN and the reason
