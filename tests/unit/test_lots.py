"""Lots, FEFO order and receipts, in plain Python."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from app.domain.errors import IllegalTransition, InvalidInput
from app.domain.lots import (
    LotBalance,
    Receipt,
    ReceiptLine,
    StockLot,
    check_lot,
    fefo,
    fefo_picks,
)

AT = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


def test_fefo_puts_the_soonest_expiry_first_and_undated_lots_last():
    balances = [LotBalance("S", "B", date(2027, 1, 1), 3), LotBalance("S", "N", None, 9),
                LotBalance("S", "A", date(2026, 12, 1), 1), LotBalance("S", "E", None, 0),
                LotBalance("S", "C", date(2026, 12, 1), 2)]
    assert [b.lot for b in fefo(balances)] == ["A", "C", "B", "N"]
    assert fefo_picks(balances, 4) == [("A", 1), ("C", 2), ("B", 1)]
    assert fefo_picks(balances, 100)[-1] == ("N", 9)
    assert fefo_picks([], 3) == []


def test_lot_text_is_checked_like_gs1_ai_10():
    assert check_lot("  L-1 ") == "L-1"
    assert check_lot("") == ""
    with pytest.raises(InvalidInput, match="at most 20"):
        check_lot("X" * 21)
    with pytest.raises(InvalidInput, match="control character"):
        check_lot("L\x1d1")


def test_a_lot_keeps_one_expiry():
    lot = StockLot("S", "L1")
    lot.take_in(3, date(2027, 1, 31), AT)
    lot.take_in(2, None, AT)
    assert (lot.received, lot.expiry, lot.first_received_at) == (5, date(2027, 1, 31), AT)
    with pytest.raises(InvalidInput, match="expires on 2027-01-31"):
        lot.take_in(1, date(2027, 2, 28), AT)
    with pytest.raises(InvalidInput, match="positive"):
        lot.take_in(0, None, AT)


def test_a_receipt_sums_live_lines_and_closes_once():
    receipt = Receipt("DN-1", "Ann", AT)
    receipt.lines += [ReceiptLine("1", "S", 2, AT, "Ann"), ReceiptLine("2", "S", 3, AT, "Ann"),
                      ReceiptLine("3", "T", 1, AT, "Ann", undone_at=AT)]
    assert receipt.units() == {"S": 5}
    assert receipt.last_line().scan_uid == "2"
    receipt.close("Ann", AT)
    with pytest.raises(IllegalTransition, match="closed"):
        receipt.close("Ann", AT)
