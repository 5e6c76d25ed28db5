"""A return case's state machine, receiving verdicts and grading, without a store."""

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.errors import IllegalTransition, InvalidInput, NotAllowed
from app.domain.returns import (
    RETURN_TRANSITIONS,
    WAIT_LIMITS,
    Grade,
    ReturnCase,
    ReturnLine,
    ReturnStatus,
    ReturnUnit,
    parse_choice,
)

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
S = ReturnStatus


def _case() -> ReturnCase:
    case = ReturnCase("RMA-PD-1-1", "PD-1", "shopify", "#1", "Ann", "buyer", NOW,
                      lines=[ReturnLine("TEA-001", "Tea", 2, "changed_mind", 1200),
                             ReturnLine("CUP-002", "Cup", 1, "damaged", 800)])
    case.request("Ann", NOW, "counter-1")
    return case


def test_every_status_change_is_recorded_with_who_when_and_a_new_deadline():
    case = _case()
    case.transition(S.APPROVED, "Ann", NOW + timedelta(minutes=1), "within policy", "counter-1")
    assert [(t.from_status, t.to_status, t.by) for t in case.transitions] == [
        ("", "requested", "Ann"), ("requested", "approved", "Ann")]
    assert case.deadline_at == NOW + timedelta(minutes=1) + WAIT_LIMITS[S.APPROVED]
    assert case.transitions[-1].station == "counter-1"


def test_the_table_allows_the_documented_paths_only():
    assert RETURN_TRANSITIONS[S.REQUESTED] == {S.APPROVED, S.REJECTED}
    assert RETURN_TRANSITIONS[S.GRADED] == {S.REFUNDED, S.CLOSED}
    assert not RETURN_TRANSITIONS[S.CLOSED] and not RETURN_TRANSITIONS[S.REJECTED]
    case = _case()
    with pytest.raises(IllegalTransition, match="RMA-PD-1-1 is requested; it cannot become "
                                                "received"):
        case.transition(S.RECEIVED, "Ann", NOW)


def test_receiving_flags_wrong_extra_and_unknown_items_like_the_bench():
    case = _case()
    with pytest.raises(NotAllowed, match="only while it is approved or in transit"):
        case.receive("690", "TEA-001", NOW, "Ann")
    case.transition(S.APPROVED, "Ann", NOW)
    results = [case.receive(raw, sku, NOW, "Ann").result for raw, sku in [
        ("a", "TEA-001"), ("b", "POT-003"), ("c", "TEA-001"), ("d", "TEA-001"), ("e", None)]]
    assert results == ["received", "wrong_item", "received", "extra", "unknown_code"]
    assert case.line_for("TEA-001").received_quantity == 2
    assert case.line_for("CUP-002").missing == 1
    assert case.units_received == 2 and case.units_expected == 3
    assert len(case.scans) == 5


def test_grading_counts_each_received_unit_once_and_only_after_receiving():
    case = _case()
    case.transition(S.APPROVED, "Ann", NOW)
    case.receive("a", "TEA-001", NOW, "Ann")
    unit = ReturnUnit("TEA-001", Grade.RESELLABLE, "restock", "Ann", NOW)
    with pytest.raises(NotAllowed, match="after receiving is finished"):
        case.grade(unit)
    case.transition(S.RECEIVED, "Ann", NOW)
    case.grade(unit)
    with pytest.raises(InvalidInput, match="Every received TEA-001 is graded already"):
        case.grade(ReturnUnit("TEA-001", Grade.DAMAGED, "scrap", "Ann", NOW))
    with pytest.raises(InvalidInput, match="POT-003 is not on return"):
        case.grade(ReturnUnit("POT-003", Grade.DAMAGED, "scrap", "Ann", NOW))
    assert case.fully_graded  # the cup never came back: nothing of it to grade


def test_a_case_is_overdue_after_its_deadline_until_it_finishes():
    case = _case()
    assert not case.is_overdue(NOW + WAIT_LIMITS[S.REQUESTED])
    assert case.is_overdue(NOW + WAIT_LIMITS[S.REQUESTED] + timedelta(seconds=1))
    case.transition(S.REJECTED, "Sam", NOW + timedelta(days=3), "not ours")
    assert not case.is_overdue(NOW + timedelta(days=30))


def test_unknown_choices_name_the_allowed_ones():
    with pytest.raises(InvalidInput, match="Grade 'broken' is not one of: resellable, damaged, "
                                           "missing parts"):
        parse_choice(Grade, "broken", "Grade")
