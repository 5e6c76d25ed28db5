"""intake_exceptions.reason_message and order_transitions.reason_message: a parked payload's
reason and an order's status change keep their message's template and values, so the review
list and the order's history show them in the station's language (issue 18); older rows keep
their English text. (An order's review reasons need no column: order_intake.review_reasons is JSON
and now keeps each reason's template and values in it, orm.MessageList.)

Revision ID: 0030_zh_finish_review_reasons
Revises: 0029_flat_1m_alert_marks
"""
import sqlalchemy as sa
from alembic import op

revision = "0030_zh_finish_review_reasons"
down_revision = "0029_flat_1m_alert_marks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("intake_exceptions", sa.Column("reason_message", sa.JSON(), nullable=True))
    op.add_column("order_transitions", sa.Column("reason_message", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("order_transitions", "reason_message")
    op.drop_column("intake_exceptions", "reason_message")
