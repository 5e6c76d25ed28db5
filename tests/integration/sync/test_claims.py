"""Claims and leases in one store: a lapsed claim is taken over, and the runner that lost it
records nothing; a pull lease has one holder until it lapses (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from app.domain.outbox import OutboxMessage
from app.services import outbox as box
from app.services.leases import Claimant, ClaimLost, lease_holder, renew_lease, take_lease
from tests.parts.store import FIXED_NOW


@pytest.fixture(params=["sqlite", "postgresql"])
def clocked(request):
    """A unit-of-work factory whose clock the test moves: (factory, clock)."""
    url = request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "postgres_url")
    store = open_store(url)
    clock = {"now": FIXED_NOW}
    yield (lambda: uow_factory(store.session_factory, "test", lambda: clock["now"])()), clock
    store.dispose()


def queue(uow, count: int) -> None:
    with uow() as u:
        for i in range(count):
            u.outbox.add(OutboxMessage(channel="shop", kind="fulfilment",
                                       idempotency_key=f"ship:{i}", payload={"channel_order_id": str(i)},
                                       created_at=u.now()))
        u.commit()


def test_a_lapsed_claim_is_taken_over_and_the_old_claimant_records_nothing(clocked):
    uow, clock = clocked
    queue(uow, 3)
    first, second = Claimant("bench-1", timedelta(seconds=60)), Claimant("bench-2")
    batch = box.next_batch("shop", uow(), first)
    assert [item.payload["channel_order_id"] for item in batch] == ["0", "1", "2"]
    assert box.next_batch("shop", uow(), second) == []  # the head is held: wait, in order
    box.record_sent(batch[0], uow())
    clock["now"] += timedelta(seconds=61)  # bench-1 hangs; its claims lapse
    taken = box.next_batch("shop", uow(), second)
    assert [item.payload["channel_order_id"] for item in taken] == ["1", "2"]
    with pytest.raises(ClaimLost):
        box.record_sent(batch[1], uow())
    assert not box.keep_claims(batch[1:], first, uow())
    box.record_failure(taken[0], "rejected", uow(), retry_at=None)
    rows = {row.about: row for row in box.list_messages(uow())}
    assert [rows[str(n)].status for n in (0, 1, 2)] == ["sent", "failed", "pending"]
    assert rows["2"].claimed_by == "bench-2"
    box.release_claims(taken[1:], second, uow())
    assert box.list_messages(uow())[2].claimed_by == ""


def test_a_pull_lease_has_one_holder_until_it_lapses(clocked):
    uow, clock = clocked
    first = Claimant("bench-1", timedelta(seconds=30))
    second = Claimant("bench-2", timedelta(seconds=30))
    assert take_lease("pull:shop", first, uow())
    assert not take_lease("pull:shop", second, uow())
    assert lease_holder("pull:shop", uow()) == "bench-1"
    clock["now"] += timedelta(seconds=20)
    assert renew_lease("pull:shop", first, uow())
    clock["now"] += timedelta(seconds=20)  # within the renewed lease
    assert not take_lease("pull:shop", second, uow())
    clock["now"] += timedelta(seconds=11)  # bench-1 stopped renewing: lapsed
    assert take_lease("pull:shop", second, uow())
    assert not renew_lease("pull:shop", first, uow())
    assert lease_holder("pull:shop", uow()) == "bench-2"
