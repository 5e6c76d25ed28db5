"""The count session's state machine, blind counting and accuracy, in plain Python."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.domain.counting import (
    ALLOWED_TRANSITIONS,
    CountLine,
    CountSession,
    CountStatus,
    accuracy,
)
from app.domain.errors import IllegalTransition, InvalidInput

AT = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


def _session() -> CountSession:
    return CountSession("skus", "A,B", "Ann", AT, "bench-1",
                        lines=[CountLine("A"), CountLine("B")])


def test_counting_adds_up_and_records_every_transition():
    session = _session()
    session.count("A", 2)
    session.count("A", 1)
    session.count("Z", 1)  # not on the list
    session.recount("B", 5)
    session.close_counting({"A": 3, "B": 4}, "Ann", AT, "bench-1")
    assert [(line.sku, line.expected, line.variance) for line in session.lines] == \
        [("A", 3, 0), ("B", 4, 1), ("Z", 0, 1)]
    assert session.history == [{"from": "counting", "to": "submitted", "by": "Ann",
                                "at": AT.isoformat(), "reason": "counting closed",
                                "station": "bench-1"}]
    assert accuracy(session.lines) == pytest.approx(1 / 3)


def test_no_variance_while_counting_and_no_counting_after_closing():
    session = _session()
    with pytest.raises(IllegalTransition, match="still open"):
        _ = session.lines[0].variance
    assert accuracy(session.lines) is None
    session.close_counting({}, "Ann", AT)
    with pytest.raises(IllegalTransition, match="counting is closed"):
        session.count("A", 1)
    with pytest.raises(IllegalTransition, match="counting is closed"):
        session.recount("A", 1)


def test_only_the_table_s_transitions_are_allowed():
    session = _session()
    with pytest.raises(IllegalTransition, match="counting to approved"):
        session.transition(CountStatus.APPROVED, "Sam", AT)
    session.transition(CountStatus.CANCELLED, "Ann", AT)
    for final in (CountStatus.APPROVED, CountStatus.REJECTED, CountStatus.CANCELLED):
        assert ALLOWED_TRANSITIONS[final] == frozenset()


def test_bad_input_is_refused_with_a_reason():
    with pytest.raises(InvalidInput, match="location or a list"):
        CountSession("shelf", "A", "Ann", AT)
    with pytest.raises(InvalidInput, match="which location"):
        CountSession("location", " ", "Ann", AT)
    with pytest.raises(InvalidInput, match="positive"):
        _session().count("A", 0)
    with pytest.raises(InvalidInput, match="negative"):
        _session().recount("A", -1)
