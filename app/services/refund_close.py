"""Closing a refund the channel refused: a supervisor settled it by hand (Taobao refunds are
agreed in the seller centre), so the return case closes instead of waiting forever.

One command, one unit of work: the case closes with the supervisor and the reason in its
trail, and the refund's outbox message is closed so it is never sent or retried.
"""

from __future__ import annotations

from app.domain.errors import NotAllowed, NotFound
from app.domain.messages import Msg
from app.domain.outbox import OutboxStatus
from app.services.auth import check_supervisor, supervisor_pins_counted
from app.services.commands import CloseRefundManually
from app.services.returns import case_view, refund_key
from app.services.unit_of_work import ReturnsUnitOfWork
from app.services.views import ReturnCaseView


@supervisor_pins_counted
def close_refund_manually(cmd: CloseRefundManually, uow: ReturnsUnitOfWork) -> ReturnCaseView:
    with uow:
        return_case = uow.returns.get(cmd.rma_number, for_update=True)
        if return_case is None:
            raise NotFound(Msg("There is no return {rma}.", rma=cmd.rma_number.strip().upper()))
        supervisor = check_supervisor(uow, cmd.approval, Msg("Closing a refund by hand"))
        message = uow.returns.refund_message(refund_key(return_case))
        if message is not None and message.status == OutboxStatus.PENDING.value:
            raise NotAllowed(Msg(
                "The refund for return {rma} is still being sent to the channel (tried "
                "{attempts} times); close it by hand once the channel has refused it.",
                rma=return_case.rma_number, attempts=message.attempts))
        if message is not None and message.status == OutboxStatus.SENT.value:
            raise NotAllowed(Msg("The channel took the refund for return {rma}; there is "
                                 "nothing to close by hand.", rma=return_case.rma_number))
        reason = cmd.approval.reason.strip()
        return_case.close_refund_by_hand(supervisor, uow.now(), reason, uow.station)
        if message is not None:
            message.close(supervisor, reason, uow.now())
        uow.commit()
        return case_view(return_case, uow)
