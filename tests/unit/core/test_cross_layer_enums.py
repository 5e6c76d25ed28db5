"""Results and kinds that cross layers are enums whose values are what the store and the
other layers always kept (StrEnum: no migration, and a comparison with the old text holds)."""

from __future__ import annotations

from app.domain.outbox import OutboxKind, OutboxStatus
from app.services.intake_data import IntakeOutcome, ReviewKind
from app.services.views import LookupOutcome, OpenOutcome


def test_the_stored_values_are_the_ones_the_store_already_holds():
    assert [k.value for k in OutboxKind] == ["fulfilment", "stock_level", "refund", "alert"]
    assert [s.value for s in OutboxStatus] == ["pending", "sent", "failed", "closed",
                                               "superseded"]
    assert [o.value for o in IntakeOutcome] == ["created", "review", "updated", "unchanged",
                                                "cancelled", "ignored", "parked"]
    assert [k.value for k in ReviewKind] == ["order", "exception"]


def test_ambiguous_means_the_same_at_the_bench_and_at_the_returns_counter():
    assert LookupOutcome.AMBIGUOUS == OpenOutcome.AMBIGUOUS == "ambiguous"
    assert [o.value for o in LookupOutcome] == ["order", "case", "ambiguous", "unknown",
                                                "invalid"]
