"""Command barcodes: printed on the sheet at each bench, so the happy path needs no mouse."""

from __future__ import annotations

from enum import StrEnum


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


PREFIX = "PD:"
CAPTIONS = {
    BenchCommand.UNDO: "UNDO last scan",
    BenchCommand.HOLD: "HOLD order (supervisor)",
    BenchCommand.COMPLETE: "COMPLETE order",
    BenchCommand.LOGOUT: "LOG OUT",
    BenchCommand.REPRINT: "REPRINT last label",
    BenchCommand.CANCEL: "LEAVE order unfinished",
    BenchCommand.MERGE: "MERGE: pack together",
    BenchCommand.DROP: "DROP order from parcel",
    BenchCommand.TAKEOVER: "TAKE OVER busy order (supervisor)",
    BenchCommand.SKIPLABEL: "SKIP LABEL: pack on without it",
    BenchCommand.WEIGHTOK: "WEIGHT OK: ship as weighed (supervisor)",
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
