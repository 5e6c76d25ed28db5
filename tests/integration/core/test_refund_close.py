"""A refund the channel refused is closed by a supervisor with a reason: the case closes
with who and why in its trail, and the outbox message is closed, never sent again."""

import pytest

from app.domain.errors import NotAllowed
from app.domain.outbox import OutboxStatus
from app.services import outbox as box
from app.services.commands import CloseRefundManually, SupervisorApproval
from app.services.returns import ReturnsService
from tests.parts.refund_store import refused_taobao_refund

SETTLED = "refunded in the Taobao seller centre"


def _message(uow, rma):
    with uow() as u:
        message = u.returns.refund_message(f"refund:taobao:{rma}")
        return message.status, message.last_error


def test_a_refused_refund_is_closed_by_a_supervisor_and_never_retried(demo_store, uow):
    rma = refused_taobao_refund(uow)
    service = ReturnsService(uow)
    [failed] = service.track_refunds()
    assert (failed.status, failed.refund_status) == ("refunded", "failed")
    with pytest.raises(NotAllowed, match="Ann is not a supervisor"):
        service.close_refund(CloseRefundManually(rma, SupervisorApproval("Ann", "1234", SETTLED)))
    with pytest.raises(NotAllowed, match="needs a reason"):
        service.close_refund(CloseRefundManually(rma, SupervisorApproval("Sam", "9999", " ")))
    case = service.close_refund(CloseRefundManually(rma, SupervisorApproval("Sam", "9999",
                                                                            SETTLED)))
    assert (case.status, case.refund_status) == ("closed", "manual")
    assert _message(uow, rma) == (OutboxStatus.CLOSED, f"closed by Sam: {SETTLED}")
    with uow() as u:
        last = u.returns.get(rma).transitions[-1]
        assert (last.from_status, last.to_status, last.by, last.station, last.reason) == (
            "refunded", "closed", "Sam", "test-bench", f"refund closed by hand: {SETTLED}")
        assert [m.id for m in u.outbox.failed()] == []  # off the failed list
    assert box.next_batch("taobao", uow()) == []
    with pytest.raises(NotAllowed, match="not failed"):
        with uow() as u:
            message_id = u.returns.refund_message(f"refund:taobao:{rma}").id
        box.send_again(message_id, uow())
    with pytest.raises(NotAllowed, match="nothing to close by hand"):
        service.close_refund(CloseRefundManually(rma, SupervisorApproval("Sam", "9999",
                                                                         SETTLED)))


def test_a_refund_still_being_sent_cannot_be_closed_by_hand(demo_store, uow):
    rma = refused_taobao_refund(uow)
    with uow() as u:
        u.returns.refund_message(f"refund:taobao:{rma}").status = OutboxStatus.PENDING.value
        u.commit()
    with pytest.raises(NotAllowed, match="still being sent to the channel"):
        ReturnsService(uow).close_refund(CloseRefundManually(
            rma, SupervisorApproval("Sam", "9999", SETTLED)))
    assert _message(uow, rma)[0] == OutboxStatus.PENDING
