"""Command barcodes: printed on the sheet at each bench, so the happy path needs no mouse."""

from __future__ import annotations

from enum import StrEnum

from app.domain.messages import Msg


class BenchCommand(StrEnum):
    UNDO = "undo"
    HOLD = "hold"
    COMPLETE = "complete"
    LOGOUT = "logout"
    REPRINT = "reprint"
    CANCEL = "cancel"  # leave the current order unfinished
    MERGE = "merge"  # pack the offered orders (same buyer, same address) in this parcel
    DROP = "drop"  # take an order (a cancelled one first) out of a merged parcel
    TAKEOVER = "takeover"  # a supervisor moves the busy order scanned here to this station
    SKIPLABEL = "skiplabel"  # pack on although the last label did not print (recorded)
    WEIGHTOK = "weightok"  # a supervisor ships a parcel whose weight is off (recorded)
    NOTEOK = "noteok"  # the packer read the buyer's note (recorded)


PREFIX = "PD:"
CAPTIONS = {
    BenchCommand.UNDO: Msg("UNDO last scan"),
    BenchCommand.HOLD: Msg("HOLD order (supervisor)"),
    BenchCommand.COMPLETE: Msg("COMPLETE order"),
    BenchCommand.LOGOUT: Msg("LOG OUT"),
    BenchCommand.REPRINT: Msg("REPRINT last label"),
    BenchCommand.CANCEL: Msg("LEAVE order unfinished"),
    BenchCommand.MERGE: Msg("MERGE: pack together"),
    BenchCommand.DROP: Msg("DROP order from parcel"),
    BenchCommand.TAKEOVER: Msg("TAKE OVER busy order (supervisor)"),
    BenchCommand.SKIPLABEL: Msg("SKIP LABEL: pack on without it"),
    BenchCommand.WEIGHTOK: Msg("WEIGHT OK: ship as weighed (supervisor)"),
    BenchCommand.NOTEOK: Msg("NOTE OK: buyer's note read"),
}


def command_code(command: BenchCommand) -> str:
    return f"{PREFIX}{command.value.upper()}"


def parse_command(text: str) -> BenchCommand | None:
    text = text.strip().upper()
    if not text.startswith(PREFIX):
        return None
    try:
        return BenchCommand(text[len(PREFIX):].lower())
    except ValueError:
        return None


class CounterCommand(StrEnum):
    """The returns counter's command barcodes: a return received, graded and put away by
    scans alone (printed on the counter sheet beside the bench commands)."""

    CREATE = "create"  # create the return for the order on screen (its slip prints)
    RESELLABLE = "resellable"  # the grade of the next units
    DAMAGED = "damaged"
    MISSING_PARTS = "missing_parts"
    RESTOCK = "restock"  # where the next unit goes (grades it)
    QUARANTINE = "quarantine"
    SCRAP = "scrap"
    RECEIVED = "received"  # close the receipt: what did not come back is named
    REFUND = "refund"
    PHOTO = "photo"  # take the photo a damaged unit is graded with
    NO_PHOTO = "no_photo"  # a supervisor lets a damaged unit go without a photo


GRADES = (CounterCommand.RESELLABLE, CounterCommand.DAMAGED, CounterCommand.MISSING_PARTS)
DISPOSITIONS = (CounterCommand.RESTOCK, CounterCommand.QUARANTINE, CounterCommand.SCRAP)
COUNTER_CODES = {
    CounterCommand.CREATE: "PD:RETURN",
    CounterCommand.RESELLABLE: "PD:GRADE-RESELLABLE",
    CounterCommand.DAMAGED: "PD:GRADE-DAMAGED",
    CounterCommand.MISSING_PARTS: "PD:GRADE-MISSING-PARTS",
    CounterCommand.RESTOCK: "PD:RESTOCK",
    CounterCommand.QUARANTINE: "PD:QUARANTINE",
    CounterCommand.SCRAP: "PD:SCRAP",
    CounterCommand.RECEIVED: "PD:RECEIVED",
    CounterCommand.REFUND: "PD:REFUND",
    CounterCommand.PHOTO: "PD:PHOTO",
    CounterCommand.NO_PHOTO: "PD:NO-PHOTO",
}
COUNTER_CAPTIONS = {
    CounterCommand.CREATE: Msg("RETURN: create it for this order"),
    CounterCommand.RESELLABLE: Msg("GRADE: resellable"),
    CounterCommand.DAMAGED: Msg("GRADE: damaged"),
    CounterCommand.MISSING_PARTS: Msg("GRADE: missing parts"),
    CounterCommand.RESTOCK: Msg("RESTOCK the next unit"),
    CounterCommand.QUARANTINE: Msg("QUARANTINE the next unit"),
    CounterCommand.SCRAP: Msg("SCRAP the next unit"),
    CounterCommand.RECEIVED: Msg("RECEIVED: close the receipt"),
    CounterCommand.REFUND: Msg("REFUND the return"),
    CounterCommand.PHOTO: Msg("PHOTO of the damaged unit"),
    CounterCommand.NO_PHOTO: Msg("NO PHOTO (supervisor)"),
}
_BY_CODE = {code: command for command, code in COUNTER_CODES.items()}


def parse_counter_command(text: str) -> CounterCommand | None:
    return _BY_CODE.get(text.strip().upper())
